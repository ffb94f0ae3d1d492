"""torch.nn.parameter: ``from torch.nn.parameter import Parameter`` (GCN layers, older tutorials) and
``nn.parameter.UninitializedParameter`` / ``UninitializedBuffer`` (lazy modules)."""
from .buffer import Buffer  # noqa: F401
from .layers import UninitializedBuffer, UninitializedParameter  # noqa: F401
from .module import Parameter  # noqa: F401


def is_lazy(param):
    """Whether param is a lazy module's parameter not materialized yet."""
    return isinstance(param, (UninitializedParameter, UninitializedBuffer))
