"""torch.optim: optimizers updating parameters in place with PyTorch's single-tensor arithmetic, and lr_scheduler."""
from .adam import Adam, AdamW  # noqa: F401
from .adafactor import Adafactor  # noqa: F401
from .adamax import Adamax, NAdam, RAdam  # noqa: F401
from .asgd import ASGD, Adadelta  # noqa: F401
from .lbfgs import LBFGS  # noqa: F401
from .muon import Muon  # noqa: F401
from .optimizer import Optimizer  # noqa: F401
from .rmsprop import Adagrad, RMSprop  # noqa: F401
from .rprop import Rprop  # noqa: F401
from .sgd import SGD  # noqa: F401
from .sparse_adam import SparseAdam  # noqa: F401
from . import lr_scheduler  # noqa: F401,E402
from . import swa_utils  # noqa: F401,E402  (AveragedModel, SWALR, update_bn)
# the modules PyTorch defines these optimizers in (their __module__), for pickle / torch.save(optimizer); PyTorch's
# torch.optim does not keep their names, as it keeps _adafactor's
from . import _adafactor, adadelta, adagrad, adamw, nadam, radam  # noqa: F401,E402
del adadelta, adagrad, adamw, nadam, radam


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.optim", name)
