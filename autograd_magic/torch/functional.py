"""torch.functional: the functions PyTorch defines in Python there (the same objects as torch.NAME), and F."""
from ..engine.einsum import einsum  # noqa: F401
from ..engine.composed import atleast_1d, atleast_2d, broadcast_tensors  # noqa: F401
from ..engine.ordering import meshgrid, unique  # noqa: F401
from ..engine.linalg_fns import tensor_norm as norm  # noqa: F401
from ..engine.shaping import split  # noqa: F401
from .nn import functional as F  # noqa: F401


from ..engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.functional", name)
