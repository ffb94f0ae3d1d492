"""torch.optim._adafactor: the module PyTorch keeps Adafactor in (torch.optim._adafactor.Adafactor)."""
from .adafactor import Adafactor  # noqa: F401

__all__ = ["Adafactor"]
