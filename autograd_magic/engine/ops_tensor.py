"""More tensor ops (forward and vjp, registered in the op table like ops.py): indexing, splitting, scattering."""
import numpy as np  # noqa: F401

from .optable import defop  # noqa: F401
