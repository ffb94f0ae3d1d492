"""torch.frombuffer: a 1-d tensor on the memory of a Python buffer (bytearray, array.array, memoryview ...),
sharing it as PyTorch does (writes through the tensor change the buffer)."""
import numpy as np

from . import arg_parser, dtypes
from .function_signatures import SIGNATURES
from .tensor_base import warn_once, wrap


def read_buffer(buffer, *, dtype, count=-1, offset=0, requires_grad=False):
    """The buffer's bytes from ``offset`` read as ``count`` elements of ``dtype`` (-1: as many as fit)."""
    try:
        view = memoryview(buffer)
    except TypeError:
        raise ValueError("object does not implement Python buffer protocol.") from None
    if view.readonly:   # (PyTorch warns on taking the buffer, before it checks its length)
        warn_once("The given buffer is not writable, and PyTorch does not support non-writable tensors. This means "
                  "you can write to the underlying (supposedly non-writable) buffer using the tensor. You may want "
                  "to copy the buffer to protect its data or make it writable before converting it to a tensor. "
                  "This type of warning will be suppressed for the rest of this program. (Triggered internally at "
                  "/__w/pytorch/pytorch/torch/csrc/utils/tensor_new.cpp:1556.)",
                  stacklevel=3)   # (the caller of the checked wrapper)
    length = view.nbytes
    size = np.dtype(dtype.np).itemsize
    if length == 0 or count == 0:
        raise ValueError(f"both buffer length ({length}) and count ({count}) must not be 0")
    if not 0 <= offset < length:
        raise ValueError(f"offset ({offset} bytes) must be non-negative and no greater than buffer length "
                         f"({length} bytes) minus 1")
    if count < 0:
        if (length - offset) % size:
            raise ValueError(f"buffer length ({length - offset} bytes) after offset ({offset} bytes) must be a "
                             f"multiple of element size ({size})")
        count = (length - offset) // size
    elif offset + count * size > length:
        raise ValueError(f"requested buffer length ({count} * {size} bytes) after offset ({offset} bytes) must not "
                         f"be greater than actual buffer length ({length} bytes)")
    data = np.frombuffer(view.cast("B"), dtype=dtype.np, count=count, offset=offset)
    if not data.flags.writeable:
        data = data.view()
        data.flags.writeable = False   # (numpy keeps a read-only buffer read-only; PyTorch would let it be written)
    out = wrap(data)
    if requires_grad:   # (set_requires_grad's own message, as its C++ calls it)
        if not dtypes.is_diff_np(data.dtype):
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        out._requires_grad(True)
    return out


# (torch.frombuffer's arguments parsed as PyTorch's parser does: its TypeErrors for a positional dtype ...)
frombuffer = arg_parser.checked(read_buffer, "frombuffer", SIGNATURES["frombuffer"])
