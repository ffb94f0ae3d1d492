"""torch.take, torch.put, Tensor.put_: elements addressed by their index into the tensor read as one row (the ops
are in ops_put.py). Negative indices count from the end; an index out of range raises PyTorch's IndexError."""
import numpy as np

from . import barebones, determinism, dtypes
from .optable import OPS
from .tensor_base import TensorBase, apply, inplace


def _flat_key(input, index, name):
    """The advanced-indexing key of index's flat positions in input (negative ones wrapped), as PyTorch checks it."""
    if not isinstance(index, TensorBase):
        raise TypeError(f"{name}(): argument 'index' (position 1) must be Tensor, not {type(index).__name__}")
    idx = index._data
    if idx.dtype != np.int64:
        raise RuntimeError(f"{name}(): Expected a long tensor for index, but got {dtypes.scalar_name(idx.dtype)}")
    n = input._data.size
    if n == 0 and idx.size:
        raise IndexError("take(): tried to take from an empty tensor" if name == "take" else
                         "put_(): Tried to put elements into an empty tensor")
    bad = (idx < -n) | (idx >= n)
    if bad.any():
        raise IndexError(f"out of range: tried to access index {int(idx[bad].flat[0])} on a tensor of {n} elements.")
    return np.unravel_index(np.where(idx < 0, idx + n, idx), input._data.shape)


def take(input, index):
    """input read as one row, picked at index (the result has index's shape)."""
    barebones.refuse("take_cpu", input._data.dtype)
    if input._data.ndim == 0 and index._data.ndim:   # (a scalar read as one row: numpy indexes no 0-d array so)
        input = input.reshape(1)
    return apply(OPS["take"], (input,), _flat_key(input, index, "take"), input._data.shape)


def put(input, index, source, accumulate=False):
    """input with source's elements written at index's flat positions (added there with accumulate=True)."""
    key = tuple(k.reshape(-1) for k in _flat_key(input, index, "put_"))   # source is read as one row too
    if source._data.size != index._data.size:
        raise IndexError(f"put_(): Expected source and index to have the same number of elements, but got "
                         f"source.numel() = {source._data.size}, index.numel() = {index._data.size}")
    if source._data.dtype != input._data.dtype:
        raise RuntimeError(f"put_(): self and source expected to have the same dtype, but got self.dtype = "
                           f"{dtypes.scalar_name(input._data.dtype)} and source.dtype = "
                           f"{dtypes.scalar_name(source._data.dtype)}")
    if not accumulate:
        determinism.alert_not_deterministic("put_")
    return apply(OPS["put"], (input, source), key, bool(accumulate), source._data.shape)


def put_(input, index, source, accumulate=False):
    return inplace(put, input, index, source, accumulate)
