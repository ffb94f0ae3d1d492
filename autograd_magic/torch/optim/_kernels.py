"""The in-place tensor arithmetic of PyTorch's single-tensor optimizers, rounded as ATen's CPU kernels round it.

ATen fuses ``self + alpha * other`` (add_ with alpha, lerp_, addcmul_) into one multiply-add: a single rounding.
numpy has no fma, so for float32 the sum is formed in float64 (the product of two float32 values is exact there)
and rounded once. That costs a float64 temporary, so tensors above _EXACT_MAX elements take the float32 path
with two roundings instead: a large layer's gradient already differs from PyTorch's in the last bit (matmul
accumulation order), while the small tensors of lessons print the same digits.
"""
import numpy as np

from ...engine.ops_complex import real_pairs
from ...engine.xp import vml_or

_EXACT_MAX = 1 << 10


# Tensor.sqrt() in PyTorch's updates is MKL's vector sqrt, not correctly rounded (engine/blas.py): the same
# bits where MKL is installed
sqrt = vml_or(np.sqrt, "Sqrt")


def as_real(*arrays):
    """The arrays of an update, each complex one as the (..., 2) float view of its parts: PyTorch's optimizers
    update a complex parameter, its gradient and state through view_as_real."""
    return tuple(real_pairs(a) if a.dtype.kind == "c" else a for a in arrays)


def _exact(a):
    return a.dtype == np.float32 and a.size <= _EXACT_MAX


def scalar(a, value):
    """A Python number as the scalar a kernel on ``a`` computes with (float32 for float32 tensors)."""
    return a.dtype.type(value)


def add_(a, b, alpha=1.0, scratch=None):
    """a += alpha * b (Tensor.add_(b, alpha=alpha)); scratch, an array like a, saves a temporary."""
    alpha = scalar(a, alpha)
    if alpha == 1:
        return np.add(a, b, out=a)
    if _exact(a):
        return np.add(a, np.multiply(b, np.float64(alpha)), out=a, casting="unsafe")
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
    if _exact(a):
        return np.subtract(end, np.multiply(diff, np.float64(one_minus)), out=a, casting="unsafe")
    return np.subtract(end, diff * one_minus, out=a)


def addcmul_(a, t1, t2, value=1.0):
    """a.addcmul_(t1, t2, value=value): a + (value * t1) * t2 with one rounding of the last multiply-add."""
    v = scalar(a, value)
    scaled = t1 * v if v != 1 else t1
    if _exact(a):
        return np.add(a, np.multiply(scaled, t2, dtype=np.float64), out=a, casting="unsafe")
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
