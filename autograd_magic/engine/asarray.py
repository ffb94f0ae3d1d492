"""torch.asarray: obj as a tensor, sharing memory when it can (a tensor, a numpy array, a Python buffer), in the
order PyTorch's tensor_new.cpp ``asarray`` tries them, with its aliasing errors and its requires_grad rules."""
import numpy as np

from . import dtypes
from .creation import _check_array, tensor as _tensor, warn_not_writable
from .frombuffer import read_buffer
from .tensor_base import TensorBase, warn_once, wrap


def asarray(obj, *, dtype=None, device=None, copy=None, requires_grad=None):
    """obj itself when it is a tensor (or numpy memory, or a buffer) of the asked dtype; a copy when copy=True or
    the dtype differs (copy=None); copy=False refuses what it cannot alias."""
    force_copy, force_alias = bool(copy), copy is False
    wants_grad = requires_grad
    if wants_grad is None:
        wants_grad = isinstance(obj, TensorBase) and obj.requires_grad
        if wants_grad:
            warn_once("torch.asarray: unspecified requires_grad now defaults to obj.requires_grad instead of False. "
                      "Pass requires_grad=False explicitly to get the old behavior and silence this warning. "
                      "(Triggered internally at /__w/pytorch/pytorch/torch/csrc/utils/tensor_new.cpp:1737.)",
                      stacklevel=3)   # (the caller of the checked wrapper)
    tensor, read_only = _aliased(obj, dtype, force_alias, bool(wants_grad))
    if tensor is None:   # (a sequence or a Python number: always new memory)
        if force_alias:
            raise ValueError("can't alias arbitrary sequence into a tensor.")
        return _tensor(obj, dtype=dtype, requires_grad=bool(wants_grad))
    if isinstance(obj, np.generic):   # (a numpy scalar was copied already)
        tensor, force_copy = tensor.clone(), False
    wrong_dtype = dtype is not None and dtype != tensor.dtype
    if force_copy or (copy is None and wrong_dtype):
        tensor = tensor.to(dtype, copy=force_copy) if wrong_dtype else tensor.clone()
    elif wrong_dtype:
        raise ValueError(f"can't alias tensor with dtype '{tensor.dtype.scalar_name}' into dtype "
                         f"'{dtype.scalar_name}'.")
    elif read_only:   # (PyTorch warns of a read-only array only when the tensor shares it)
        warn_not_writable()
    if tensor.grad_fn is not None and not wants_grad:   # (a non-leaf's flag cannot be cleared: detached)
        return tensor.detach()
    if wants_grad and not dtypes.is_diff_np(tensor._data.dtype):
        raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
    return tensor._requires_grad(bool(wants_grad))


def _aliased(obj, dtype, force_alias, requires_grad):
    """(the tensor on obj's own memory, or None for a sequence; whether it is a read-only numpy array)."""
    if isinstance(obj, TensorBase):
        return obj, False
    if isinstance(obj, np.generic):
        if force_alias:
            raise RuntimeError("can't alias NumPy scalars. Either remove copy=False or transform it in a ndarray. ")
        obj = np.asarray(obj)
    if isinstance(obj, np.ndarray):
        _check_array(obj)
        return wrap(obj), not obj.flags.writeable
    try:
        memoryview(obj)
    except TypeError:
        return None, False
    return read_buffer(obj, dtype=dtype or dtypes.get_default_dtype(), requires_grad=requires_grad), False
