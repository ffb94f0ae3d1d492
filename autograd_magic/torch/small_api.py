"""Small functions and methods of PyTorch's API that older lessons and utility code call: aliases and compositions
of what the engine has (torch.ger / Tensor.ger, split_with_sizes, torch.embedding, scalar_tensor, empty_strided,
isreal, is_same_size, get_device, set_flush_denormal), the deprecated out-of-place Tensor.resize / resize_as (a
warning, then PyTorch's Resize Function), and the Tensor methods PyTorch 2 removed (``A.solve(B)``, ``A.eig()``,
``A.symeig()``, ``A.lstsq(B)``), which raise PyTorch's RuntimeError naming their replacement."""
import warnings

import numpy as np

from ..engine import argcheck, ckernels, creation, determinism, dtypes, size as sizes
from ..engine.arg_parser import invalid_combination
from ..engine import shaping as S
from ..engine.inplace import check_fill_value
from ..engine.linalg import outer
from ..engine.optable import OPS
from ..engine.tensor_base import WARN_ALWAYS, TensorBase, apply, wrap
from . import removed
from .autograd._functions import Resize
from .nn import functional as F


def split_with_sizes(input, split_sizes, dim=0):
    """split with a list of sizes (SplitWithSizesBackward0)."""
    return S.split(input, list(split_sizes), dim)


def embedding(weight, indices, padding_idx=-1, scale_grad_by_freq=False, sparse=False):
    """ATen's embedding(weight, indices, ...): F.embedding's arguments in ATen's order (padding_idx -1: none)."""
    return F.embedding(indices, weight, padding_idx=None if padding_idx < 0 else padding_idx,
                       scale_grad_by_freq=scale_grad_by_freq, sparse=sparse)


def scalar_tensor(s, *, dtype=None, device=None, requires_grad=False, layout=None, pin_memory=False):
    """A 0-d tensor of s, in the default float dtype unless dtype says otherwise (bool and int numbers too)."""
    dt = dtypes.coerce(dtype) if dtype is not None else dtypes.get_default_dtype()
    return creation.tensor(float(s) if dt.is_floating_point else s, dtype=dt, device=device,
                           requires_grad=requires_grad, pin_memory=pin_memory)


def empty_strided(size, stride, *, dtype=None, device=None, requires_grad=False, layout=None, pin_memory=False):
    """A tensor of that size whose strides are ``stride`` (its values uninitialised in PyTorch: zeros here)."""
    creation.check_pinned("empty_strided", pin_memory)
    size, stride = _int_tuple(size, "size", 1), _int_tuple(stride, "stride", 2)
    sizes.nonnegative(size)
    if len(size) != len(stride):
        raise RuntimeError(f"dimensionality of sizes ({len(size)}) must match dimensionality of strides "
                           f"({len(stride)})")
    if all(size) and any(s < 0 and n > 1 for n, s in zip(size, stride)):
        # ATen's storage size in unsigned arithmetic: a negative stride over more than one element overflows it
        raise RuntimeError(f"Storage size calculation overflowed with sizes=[{', '.join(map(str, size))}] and "
                           f"strides=[{', '.join(map(str, stride))}]")
    dt = dtypes.coerce(dtype) if dtype is not None else dtypes.get_default_dtype()
    extent = 1 + sum((n - 1) * s for n, s in zip(size, stride)) if all(size) else 0
    base = np.full(extent, determinism.uninitialized(dt.np), dt.np)
    data = np.lib.stride_tricks.as_strided(base, size, tuple(s * base.itemsize for s in stride))
    t = wrap(data)
    if requires_grad:
        t._requires_grad(True)
    return t


def _int_tuple(value, arg, position, name="empty_strided"):
    """empty_strided's size or stride read as PyTorch's parser reads a tuple of ints (a float in it: TypeError)."""
    if not isinstance(value, (tuple, list)):
        raise TypeError(f"{name}(): argument '{arg}' (position {position}) must be tuple of ints, not "
                        f"{sizes.kind(value)}")
    return sizes.checked_sizes(name, (value,), arg, position)


def new_empty_strided(self, size, stride, *, dtype=None, device=None, requires_grad=False, layout=None,
                      pin_memory=False):
    name = "new_empty_strided"
    size, stride = _int_tuple(size, "size", 1, name), _int_tuple(stride, "stride", 2, name)
    return empty_strided(size, stride, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)


def isreal(input):
    """Every element of a real tensor is real: all True; a complex tensor's elements are where their imaginary
    part is zero."""
    data = input._data
    return wrap(data.imag == 0 if data.dtype.kind == "c" else np.ones(data.shape, dtype=bool))


def is_same_size(input, other):
    return tuple(input.shape) == tuple(other.shape)


def get_device(input):
    """-1: the tensor is on the CPU (a CUDA tensor would give its device index)."""
    return -1


def set_flush_denormal(mode):
    """PyTorch's switch for flushing denormal floats to zero on x86 CPUs: the calling thread's FTZ and DAZ modes set
    (or cleared) as ATen sets them, so numpy's arithmetic (and Python's) flushes as PyTorch's does; whether the
    processor has them. Without the compiled kernels nothing changes and it answers True, as on x86."""
    done = ckernels.set_flush_denormal(mode)
    return True if done is None else done


def _removed_method(name):
    fn = getattr(removed, name)

    def method(self, *args, **kwargs):
        return fn(self, *args, **kwargs)
    method.__name__ = method.__qualname__ = name
    return method


def fill(input, value):
    """A new tensor of input's shape and dtype filled with value (a number or a 0-d tensor, whose gradient is the
    sum of the result's), as PyTorch's torch.fill records it."""
    if isinstance(value, TensorBase):
        check_fill_value(value)
        return apply(OPS["fill_tensor_new"], (input, value))
    if not argcheck.is_number(value):   # (a string, None, a list, a Fraction: neither overload of PyTorch's)
        raise invalid_combination("fill", ("(Tensor input, Tensor value)", "(Tensor input, Number value)"),
                                  (input, value), {})
    return apply(OPS["fill_new"], (input,), value)


def is_inference(input):
    return input.is_inference()


def set_warn_always(b):
    """Warnings PyTorch gives once per process (TORCH_WARN_ONCE) are given every time while this is on."""
    WARN_ALWAYS[0] = bool(b)


def is_warn_always_enabled():
    return WARN_ALWAYS[0]


FUNCTIONS = {"split_with_sizes": split_with_sizes, "embedding": embedding, "scalar_tensor": scalar_tensor,
             "empty_strided": empty_strided, "isreal": isreal, "is_same_size": is_same_size,
             "get_device": get_device, "set_flush_denormal": set_flush_denormal, "fill": fill,
             "is_inference": is_inference, "set_warn_always": set_warn_always,
             "is_warn_always_enabled": is_warn_always_enabled}

def resize(self, *sizes):
    """The deprecated out-of-place resize: a custom Function's reshape that keeps the element count."""
    warnings.warn("non-inplace resize is deprecated", stacklevel=2)
    return Resize.apply(self, sizes)


def resize_as(self, tensor):
    """The deprecated out-of-place resize_as: Tensor.resize to tensor's size."""
    warnings.warn("non-inplace resize_as is deprecated", stacklevel=2)
    return Resize.apply(self, tensor.size())


METHODS = {"ger": outer, "split_with_sizes": split_with_sizes, "new_empty_strided": new_empty_strided,
           "resize": resize, "resize_as": resize_as, "isreal": isreal, "is_same_size": is_same_size,
           **{name: _removed_method(name) for name in ("eig", "symeig", "lstsq", "solve")}}
