"""torch.* functions PyTorch has directly from ATen: the torch.* forms of functional ops (``torch.cosine_similarity``,
``torch.dropout`` ...: where the signature is F's, F's function; ``dropout`` takes ATen's arguments), window
functions, ``unravel_index``, ``set_default_tensor_type``, and ``tensor_first``: PyTorch's TypeError when a
function that takes a Tensor first is given a number or a list (``torch.exp(1.1)``)."""
import math
from collections.abc import Sequence

import numpy as np

from ..engine import creation
from ..engine.dtypes import bool_, get_default_dtype, set_default_dtype
from ..engine.tensor import Tensor
from ..engine.tensor_base import warn_once
from .nn.functional import (adaptive_avg_pool1d, avg_pool1d, bilinear, cosine_similarity,  # noqa: F401
                            pairwise_distance, rms_norm)
from .nn import functional as F

__all__ = ["adaptive_avg_pool1d", "avg_pool1d", "bilinear", "cosine_similarity", "dropout", "dropout_",
           "pairwise_distance", "rms_norm", "set_default_tensor_type", "unravel_index", "bartlett_window",
           "blackman_window", "hamming_window", "hann_window"]


def unravel_index(indices, shape):
    """The coordinates of flat indices in a tensor of this shape: one int64 tensor per dim, views of one
    (..., len(shape)) result as PyTorch's unbind(-1) gives (each coordinate a floor remainder, so out-of-range and
    negative indices wrap). PyTorch's checks in its order: the indices' dtype (an int or a list fails on
    ``.is_complex()``), then the shape (an int or a sequence of ints, none negative); a 0 in the shape divides by
    zero."""
    if not isinstance(indices, Tensor):
        raise AttributeError(f"'{type(indices).__name__}' object has no attribute 'is_complex'")
    if indices.dtype.is_complex or indices.dtype.is_floating_point or indices.dtype == bool_:
        raise TypeError(f"expected 'indices' to be integer dtype, but got {indices.dtype}")
    if isinstance(shape, int):
        shape = (shape,)
    elif isinstance(shape, Sequence):
        for dim in shape:
            if not isinstance(dim, int):
                raise TypeError(f"expected 'shape' sequence to only contain ints, but got {type(dim)}")
        shape = tuple(int(dim) for dim in shape)
    else:
        raise TypeError(f"expected 'shape' to be int or sequence of ints, but got {type(shape)}")
    if any(dim < 0 for dim in shape):
        raise ValueError(f"'shape' cannot have negative values, but got {shape}")
    data = indices._data.astype(np.int64)[..., None]
    if 0 in shape and data.size:
        raise RuntimeError("ZeroDivisionError")
    coefs = np.cumprod((shape[1:] + (1,))[::-1], dtype=np.int64)[::-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        coords = np.mod(np.floor_divide(data, coefs), np.asarray(shape, dtype=np.int64))
    return Tensor._wrap(np.ascontiguousarray(coords, dtype=np.int64)).unbind(-1)


_TENSOR_TYPE_WARNING = ("torch.set_default_tensor_type() is deprecated as of PyTorch 2.1, please use "
                        "torch.set_default_dtype() and torch.set_default_device() as alternatives. (Triggered "
                        "internally at /__w/pytorch/pytorch/torch/csrc/tensor/python_tensor.cpp:434.)")


def set_default_tensor_type(t):
    """Deprecated since PyTorch 2.1: the default dtype from a legacy type (torch.FloatTensor or its name)."""
    warn_once(_TENSOR_TYPE_WARNING)
    if isinstance(t, str) and t.startswith("torch.cuda.") or isinstance(t, creation.LegacyCudaTensorType):
        raise creation.unavailable_cuda_type(t.rpartition(".")[2] if isinstance(t, str) else t.__name__)
    if isinstance(t, str):
        name = t.rpartition(".")[2]
        t = next((c for c in creation.LEGACY_TYPES if c.__name__ == name), None)
        if t is None:
            raise TypeError(f"invalid type: '{name}'")
    set_default_dtype(t.dtype)


def _check(p):
    if p < 0 or p > 1:
        raise RuntimeError(f"dropout probability has to be between 0 and 1, but got {p}")


def dropout(input, p, train):
    """F.dropout(input, p, training=train): zero each element with probability p, scale the rest by 1 / (1 - p)."""
    _check(p)
    return F.dropout(input, p, train)


def dropout_(input, p, train):
    """dropout in place."""
    _check(p)
    return F.dropout(input, p, train, inplace=True)


# torch.* functions whose one signature takes a Tensor first: given anything else (``torch.exp(1.1)``,
# ``torch.sum([1, 2])``) PyTorch's argument parser raises this TypeError, not an error from inside the op
TENSOR_FIRST = (
    "abs absolute acos acosh allclose amax amin arccos arccosh arcsin arcsinh arctan arctan2 arctanh argmax argmin "
    "argsort asin asinh atan atan2 atanh ceil celu chunk clone cos cosh count_nonzero cumprod cumsum deg2rad det "
    "diag dot equal erf erfc erfinv exp exp2 expm1 flatten flip floor frac gather hardshrink hypot index_select "
    "inverse isclose isfinite isinf isnan log log10 log1p log2 log_softmax logaddexp logdet logit logsumexp matmul "
    "max maximum mean median min minimum mode mv nansum neg negative nonzero numel outer permute prod rad2deg "
    "reciprocal relu reshape roll rot90 round rrelu rsqrt select selu sigmoid sign sin sinc sinh softmax sort sqrt "
    "square squeeze sum t tan tanh threshold topk trace transpose tril triu trunc unbind unsqueeze "
    "lgamma digamma").split()
# torch.special's functions of one tensor (their own names: special_ndtri(), special_expit() ...)
SPECIAL_TENSOR_FIRST = ("entr erfcx ndtr i0 i0e i1 i1e ndtri log_ndtr expit gammaln psi digamma erf erfc erfinv exp2 "
                        "expm1 log1p sinc round logit multigammaln logsumexp softmax log_softmax bessel_j0 bessel_j1 "
                        "bessel_y0 bessel_y1").split()


def _type_name(value):
    """The type as PyTorch's messages name it: ``float``, ``list``, ``numpy.ndarray``."""
    kind = type(value)
    return f"numpy.{kind.__name__}" if kind.__module__ == "numpy" else kind.__name__


def tensor_first(fn, name, tensor_class):
    """fn, raising PyTorch's TypeError when its input is not a Tensor."""
    def checked(*args, **kwargs):
        if args:
            if not isinstance(args[0], tensor_class):
                raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {_type_name(args[0])}")
        elif "input" in kwargs and not isinstance(kwargs["input"], tensor_class):
            raise TypeError(f"{name}(): argument 'input' must be Tensor, not {_type_name(kwargs['input'])}")
        return fn(*args, **kwargs)
    checked.__name__ = checked.__qualname__ = name
    checked.__doc__ = fn.__doc__
    checked.__wrapped__ = fn
    return checked


# ---------------------------------------------------------------- window functions (signal lessons)


# c10's names of the layouts in TensorOptions' text
_LAYOUT_NAMES = {"strided": "Strided", "sparse_coo": "Sparse"}


def window_checks(name, window_length, dtype, layout, dtype_note=False):
    """ATen's window_function_checks, in its order: no sparse layout, a floating point or complex dtype (the
    default one when None), a length >= 0. The message prints the options as given: dtype_note marks a dtype not
    given as "(default)" (hann_window checks its own options; the others see the dtype their binding filled in).
    Returns the dtype."""
    shown = dtype or get_default_dtype()
    layout_name = "Strided (default)" if layout is None else _LAYOUT_NAMES.get(layout._name, layout._name)
    options = (f"TensorOptions(dtype={shown.c_name}{' (default)' if dtype is None and dtype_note else ''}, "
               f"device=cpu, layout={layout_name}, requires_grad=false (default), pinned_memory=false, "
               "memory_format=(nullopt))")
    if layout is not None and layout._name != "strided":
        raise RuntimeError(f"{name} is not implemented for sparse types, got: {options}")
    if not (shown.is_floating_point or shown.is_complex):
        raise RuntimeError(f"{name} expects floating point dtypes, got: {options}")
    if window_length < 0:
        raise RuntimeError(f"{name} requires non-negative window_length, got window_length={window_length}")
    if shown.is_complex and window_length > 1:   # (the checks take complex dtypes; the arange under them not)
        raise NotImplementedError(f"\"arange_cpu\" not implemented for '{shown.scalar_name}'")
    return shown


def _window(name, window_length, periodic, dtype, layout, requires_grad, body, dtype_note=False):
    dtype = window_checks(name, window_length, dtype, layout, dtype_note)
    if window_length == 0:
        return creation.empty(0, dtype=dtype, requires_grad=requires_grad)
    if window_length == 1:
        return creation.ones(1, dtype=dtype, requires_grad=requires_grad)
    n = window_length + 1 if periodic else window_length
    window = body(creation.arange(n, dtype=dtype), n)
    if periodic:
        window = window.narrow(0, 0, n - 1)
    return window._requires_grad(requires_grad) if requires_grad else window


def hamming_window(window_length, periodic=True, alpha=0.54, beta=0.46, *, dtype=None, layout=None, device=None,
                   pin_memory=False, requires_grad=False, _name="hamming_window"):
    """alpha - beta cos(2 pi n / (N - 1)), computed in place on an arange as ATen does."""
    return _window(_name, window_length, periodic, dtype, layout, bool(requires_grad),
                   lambda w, n: w.mul_(2 * math.pi / (n - 1)).cos_().mul_(-beta).add_(alpha),
                   dtype_note=_name == "hann_window")


def hann_window(window_length, periodic=True, *, dtype=None, layout=None, device=None, pin_memory=False,
                requires_grad=False):
    return hamming_window(window_length, periodic, 0.5, 0.5, dtype=dtype, layout=layout,
                          requires_grad=requires_grad, _name="hann_window")


def blackman_window(window_length, periodic=True, *, dtype=None, layout=None, device=None, pin_memory=False,
                    requires_grad=False):
    def body(w, n):
        w = w.mul_(math.pi / (n - 1))
        return w.mul(4).cos_().mul_(0.08) - w.mul(2).cos_().mul_(0.5) + 0.42
    return _window("blackman_window", window_length, periodic, dtype, layout, bool(requires_grad), body)


def bartlett_window(window_length, periodic=True, *, dtype=None, layout=None, device=None, pin_memory=False,
                    requires_grad=False):
    def body(w, n):
        w = w.mul_(2.0 / (n - 1))
        half = ((n - 1) >> 1) + 1
        w.narrow(0, half, n - half).mul_(-1).add_(2)
        return w
    return _window("bartlett_window", window_length, periodic, dtype, layout, bool(requires_grad), body)
