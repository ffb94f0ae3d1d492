"""torch.optim.adadelta: the module PyTorch defines Adadelta in (its __module__), so that pickle and torch.save find it."""
from .asgd import Adadelta  # noqa: F401

__all__ = ["Adadelta"]
