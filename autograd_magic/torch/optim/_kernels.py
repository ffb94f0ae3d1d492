"""The in-place tensor arithmetic of PyTorch's single-tensor optimizers, rounded as ATen's CPU kernels round it.

ATen fuses ``self + alpha * other`` (add_ with alpha, lerp_, addcmul_) into one multiply-add: a single rounding,
in float32 and in float64 alike, with the avx2 / avx512 CPU capabilities (two roundings with default). The C library's fma (engine.ckernels) computes it for any size; without the
library, float32 sums are formed in float64 (the product of two float32 values is exact there) and float64 ones
by an error-free product (random_kernels._fma64), both rounded once, for tensors up to _EXACT_MAX elements;
larger ones then take two roundings: a large layer's gradient already differs from PyTorch's in the last bit
(matmul accumulation order), while the small tensors of lessons print the same digits.
"""
import numpy as np

from ...engine import ckernels, vec_kernels
from ...engine.ops_complex import real_pairs
from ...engine.random_kernels import _fma64
from ...engine.xp import vml_or

_EXACT_MAX = 1 << 10


# Tensor.sqrt() in PyTorch's updates is MKL's vector sqrt, not correctly rounded (engine/blas.py): the same
# bits where MKL is installed
sqrt = vml_or(np.sqrt, "Sqrt")


def as_real(*arrays):
    """The arrays of an update, each complex one as the (..., 2) float view of its parts: PyTorch's optimizers
    update a complex parameter, its gradient and state through view_as_real."""
    return tuple(real_pairs(a) if a.dtype.kind == "c" else a for a in arrays)


def _fma(x, y, z):
    """x * y + z rounded once, as a new array of z's shape and dtype (x or y may be one number of that dtype);
    None where it cannot be had cheaply (see the module docstring)."""
    dtype = z.dtype
    if dtype != np.float32 and dtype != np.float64 or vec_kernels.capability() == "default":
        return None   # (the default capability's build has no fma: two roundings, the callers' own fallback)
    x, y = np.asarray(x, dtype), np.asarray(y, dtype)
    if ckernels.LIB is not None and x.shape in (z.shape, ()) and y.shape in (z.shape, ()):
        got = (ckernels.fma32 if dtype == np.float32 else ckernels.fma64)(x, y, z)
        if got is not None:
            return got.reshape(z.shape)   # (a 0-d parameter: the C call's result is 1-d)
    if z.size > _EXACT_MAX:
        return None
    if dtype == np.float32:
        return (x.astype(np.float64) * y + z).astype(np.float32)
    return _fma64(x, y, z)


def _store(a, value):
    """a[...] = value, a kept (the optimizer's state and the parameter are updated in place); a."""
    np.copyto(a, value)
    return a


def scalar(a, value):
    """A Python number as the scalar a kernel on ``a`` computes with (float32 for float32 tensors)."""
    return a.dtype.type(value)


def add_(a, b, alpha=1.0, scratch=None):
    """a += alpha * b (Tensor.add_(b, alpha=alpha)); scratch, an array like a, saves a temporary."""
    alpha = scalar(a, alpha)
    if alpha == 1:
        return np.add(a, b, out=a)
    fused = _fma(b, alpha, a) if np.shape(b) == a.shape else None
    if fused is not None:
        return _store(a, fused)
    if scratch is None or scratch.shape != a.shape:
        a += alpha * b
        return a
    np.multiply(b, alpha, out=scratch)  # a numpy scalar takes numpy's fast scalar loop
    return np.add(a, scratch, out=a)


def added(a, b, alpha):
    """a + alpha * b as a new array (Tensor.add(b, alpha=alpha))."""
    return add_(np.array(a, copy=True), b, alpha)


def lerp_(a, end, weight):
    """a.lerp_(end, weight): a + w * (end - a) for |w| < 0.5, else end - (end - a) * (1 - w), each fused."""
    w = scalar(a, weight)
    diff = end - a
    if abs(w) < 0.5:
        return add_(a, diff, w)
    one_minus = scalar(a, 1) - w
    fused = _fma(diff, -one_minus, end) if np.shape(end) == a.shape else None
    if fused is not None:
        return _store(a, fused)
    return np.subtract(end, diff * one_minus, out=a)


def addcmul_(a, t1, t2, value=1.0):
    """a.addcmul_(t1, t2, value=value): a + (value * t1) * t2 with one rounding of the last multiply-add."""
    v = scalar(a, value)
    scaled = t1 * v if v != 1 else t1
    # (either factor may be one number: ASGD's foreach update multiplies by its 0-d eta and mu)
    fused = _fma(scaled, t2, a) if np.shape(scaled) in (a.shape, ()) and np.shape(t2) in (a.shape, ()) else None
    if fused is not None:
        return _store(a, fused)
    a += scaled * t2
    return a


def addcdiv_(a, t1, t2, value=1.0):
    """a.addcdiv_(t1, t2, value=value): a + (value * t1) / t2 (ATen does not fuse this one)."""
    v = scalar(a, value)
    a += (t1 * v if v != 1 else t1) / t2
    return a


def mul_(a, value):
    a *= scalar(a, value)
    return a
