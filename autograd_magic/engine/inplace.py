"""In-place ops that overwrite whatever was there: ``zero_``, ``fill_``, ``copy_`` (the in-place machinery, which
writes new data into the same array and bumps the version, is tensor.inplace)."""
import numpy as np

from . import dtypes
from .optable import OPS
from .functions import clone
from .tensor_base import TensorBase, apply, inplace, inplace_fill, wrap

def zero_(t):
    return inplace_fill(lambda old: apply(OPS["zero"], (old,)), t)


def fill_(t, value):
    if isinstance(value, TensorBase):
        value = value.item()
    return inplace_fill(lambda old: apply(OPS["fill"], (old,), value), t)


def copy_(t, src):
    if not isinstance(src, TensorBase):
        src = wrap(np.asarray(src))
    if src._data.dtype != t._data.dtype:
        src = src.to(dtypes._FROM_NP[t._data.dtype])
    return inplace(lambda old, s: clone(s).expand(old.shape) if s.shape != old.shape else clone(s), t, src)
