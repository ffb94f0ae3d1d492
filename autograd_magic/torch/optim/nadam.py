"""torch.optim.nadam: the module PyTorch defines NAdam in (its __module__), so that pickle and torch.save find it."""
from .adamax import NAdam  # noqa: F401

__all__ = ["NAdam"]
