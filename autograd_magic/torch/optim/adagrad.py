"""torch.optim.adagrad: the module PyTorch defines Adagrad in (its __module__), so that pickle and torch.save find it."""
from .rmsprop import Adagrad  # noqa: F401

__all__ = ["Adagrad"]
