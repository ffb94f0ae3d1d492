"""Ops of torch.nn.functional beyond the first lessons' (forward and vjp, registered like ops.py)."""
import numpy as np  # noqa: F401

from .optable import defop  # noqa: F401
