"""torch.autograd.grad_mode: where PyTorch defines no_grad, enable_grad, set_grad_enabled and inference_mode
(``torch.autograd.grad_mode.no_grad`` in type checks and printed class names)."""
from ..grad_mode import enable_grad, inference_mode, no_grad, set_grad_enabled  # noqa: F401
