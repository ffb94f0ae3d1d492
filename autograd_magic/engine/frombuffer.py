"""torch.frombuffer: a 1-d tensor on the memory of a Python buffer (bytearray, array.array, memoryview ...),
sharing it as PyTorch does (writes through the tensor change the buffer)."""
import numpy as np

from .tensor_base import warn_once, wrap


def frombuffer(buffer, *, dtype, count=-1, offset=0, requires_grad=False):
    """The buffer's bytes from ``offset`` read as ``count`` elements of ``dtype`` (-1: as many as fit)."""
    view = memoryview(buffer)
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
    if view.readonly:
        warn_once("The given buffer is not writable, and PyTorch does not support non-writable tensors. This means "
                  "you can write to the underlying (supposedly non-writable) buffer using the tensor. You may want "
                  "to copy the buffer to protect its data or make it writable before converting it to a tensor. "
                  "This type of warning will be suppressed for the rest of this program. (Triggered internally at "
                  "/__w/pytorch/pytorch/torch/csrc/utils/tensor_new.cpp:1556.)", stacklevel=2)
    data = np.frombuffer(view.cast("B"), dtype=dtype.np, count=count, offset=offset)
    if not data.flags.writeable:
        data = data.view()
        data.flags.writeable = False   # (numpy keeps a read-only buffer read-only; PyTorch would let it be written)
    out = wrap(data)
    if requires_grad:
        out._requires_grad(True)
    return out


