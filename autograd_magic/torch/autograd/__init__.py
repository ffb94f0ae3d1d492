"""torch.autograd: backward, grad, functional.jacobian/hessian, gradcheck/gradgradcheck, grad-mode helpers, graph
(hooks for saved tensors)."""

from ...engine.grad import backward, grad  # noqa: F401
from ...engine.autograd import is_checkpoint_valid as _is_checkpoint_valid  # noqa: F401
from ..grad_mode import enable_grad, inference_mode, no_grad, set_grad_enabled  # noqa: F401
from . import anomaly_mode, forward_ad, function, functional, grad_mode, graph, profiler  # noqa: F401
from . import gradcheck as _gradcheck_module  # noqa: F401
from .anomaly_mode import detect_anomaly, set_detect_anomaly  # noqa: F401
from .function import Function  # noqa: F401
from .gradcheck import GradcheckError, gradcheck, gradgradcheck  # noqa: F401
from . import variable  # noqa: F401
from .variable import Variable  # noqa: F401
from ...engine.argcheck import missing_attribute as _no_attribute


def __getattr__(name):
    raise _no_attribute("torch.autograd", name)
