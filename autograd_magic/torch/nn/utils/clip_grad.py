"""torch.nn.utils.clip_grad: where PyTorch defines the gradient clipping functions (``from torch.nn.utils.clip_grad
import clip_grad_norm_``); the engine's are torch.nn.utils' own."""
from . import clip_grad_norm, clip_grad_norm_, clip_grad_value_, clip_grads_with_norm_, get_total_norm  # noqa: F401
