"""torch.optim.radam: the module PyTorch defines RAdam in (its __module__), so that pickle and torch.save find it."""
from .adamax import RAdam  # noqa: F401

__all__ = ["RAdam"]
