"""torch.autograd: backward, grad, functional.jacobian/hessian, gradcheck/gradgradcheck, grad-mode helpers, graph
(hooks for saved tensors)."""
import warnings

from ...engine.grad import backward, grad  # noqa: F401
from ..grad_mode import enable_grad, inference_mode, no_grad, set_grad_enabled  # noqa: F401
from . import anomaly_mode, forward_ad, function, functional, grad_mode, graph, profiler  # noqa: F401
from . import gradcheck as _gradcheck_module  # noqa: F401
from .anomaly_mode import detect_anomaly, set_detect_anomaly  # noqa: F401
from .function import Function  # noqa: F401
from .gradcheck import GradcheckError, gradcheck, gradgradcheck  # noqa: F401


def Variable(data, requires_grad=False, volatile=False):
    """The old wrapper: returns the tensor itself, as PyTorch does today (volatile= only warns, as there)."""
    if volatile:
        warnings.warn("volatile was removed and now has no effect. Use `with torch.no_grad():` instead.",
                      UserWarning, stacklevel=2)
    if requires_grad:
        data.requires_grad_(True)
    return data


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.autograd", name)
