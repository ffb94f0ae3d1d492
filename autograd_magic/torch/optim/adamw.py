"""torch.optim.adamw: the module PyTorch defines AdamW in (its __module__), so that pickle and torch.save find it."""
from .adam import AdamW  # noqa: F401

__all__ = ["AdamW"]
