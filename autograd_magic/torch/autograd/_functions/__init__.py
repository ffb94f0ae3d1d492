"""torch.autograd._functions: the Functions PyTorch still writes in Python (Resize, behind the deprecated
Tensor.resize / resize_as)."""
from .tensor import Resize  # noqa: F401
