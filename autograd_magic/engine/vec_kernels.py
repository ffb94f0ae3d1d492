"""PyTorch's vectorised CPU arithmetic where a lesson's printed digits depend on it: softmax over the last dim.

ATen's ``Vectorized<float>`` computes ``exp`` with SLEEF's ``expf_u10`` (a fused multiply-add polynomial, not
the correctly rounded value numpy's float64 detour gives: they differ in about 9% of values) and sums a row in
vector lanes (16 floats with AVX-512, 8 with AVX2) that are folded by halves at the end. Which width PyTorch uses
is its CPU capability: ``ATEN_CPU_CAPABILITY`` when set, else what the processor has (``capability()``). With
``default`` (no AVX2), ``exp`` is the C library's and the lanes fold in order.

Here: ``expf(x)`` (SLEEF's algorithm, each fused step exactly rounded), ``row_sum(e)`` (ATen's ``reduce_all``
order over the last axis) and ``softmax_lastdim`` / ``log_softmax_lastdim`` (ATen's lastdim kernels: max, exp of
the shifted row, the lane sum, then ``* (1 / sum)`` or ``- log(sum)``). The log of the sum is rounded once from
float64; SLEEF's ``logf_u10`` differs from that in about 1% of rows (not emulated yet).
"""
import functools
import os

import numpy as np

from .random_kernels import _fma32

try:
    from numpy._core._multiarray_umath import __cpu_features__ as _CPU   # numpy's own probe of the processor
except ImportError:  # pragma: no cover - older numpy layout
    from numpy.core._multiarray_umath import __cpu_features__ as _CPU

_F32 = np.float32
_R_LN2 = _F32(1.442695040888963407359924681001892137426645954152985934135449406931)
_L2U, _L2L = _F32(0.693145751953125), _F32(1.428606765330187045e-06)
_EXP_POLY = [_F32(c) for c in (0.000198527617612853646278381, 0.00139304355252534151077271,
                               0.00833336077630519866943359, 0.0416664853692054748535156,
                               0.166666671633720397949219, 0.5)]


@functools.lru_cache(maxsize=None)
def _detected():
    has = _CPU
    if all(has.get(f) for f in ("AVX512F", "AVX512BW", "AVX512VL", "AVX512DQ", "FMA3")):
        return "avx512"
    if has.get("AVX2") and has.get("FMA3"):
        return "avx2"
    return "default"


_ORDER = ("default", "avx2", "avx512")


def capability():
    """The CPU capability PyTorch's kernels run with here: ATEN_CPU_CAPABILITY (never above what the processor
    has), else the processor's best of avx512 / avx2 / default."""
    best = _detected()
    asked = os.environ.get("ATEN_CPU_CAPABILITY", "").strip().lower()
    if asked in _ORDER and _ORDER.index(asked) <= _ORDER.index(best):
        return asked
    return best


def lanes():
    return 16 if capability() == "avx512" else 8


def expf(x):
    """float32 exp as ATen's vectorised kernels compute it (SLEEF expf_u10; the C library's with 'default')."""
    d = np.asarray(x, _F32)
    if capability() == "default":
        with np.errstate(over="ignore"):
            return np.exp(d.astype(np.float64)).astype(_F32)
    with np.errstate(invalid="ignore", over="ignore"):
        q = np.rint(d * _R_LN2)
        q = np.where(np.isfinite(q), q, 0).astype(np.int32)
        qf = q.astype(_F32)
        s = _fma32(qf, -_L2U, d)
        s = _fma32(qf, -_L2L, s)
        u = np.full(d.shape, _EXP_POLY[0], _F32)
        for c in _EXP_POLY[1:]:
            u = _fma32(u, s, c)
        u = _F32(1) + _fma32(s * s, u, s)
        half = q >> 1
        u = u * np.ldexp(_F32(1), half).astype(_F32) * np.ldexp(_F32(1), q - half).astype(_F32)
        u = np.where(d < _F32(-104), _F32(0), u)
        u = np.where(d > _F32(100), _F32(np.inf), u)
        return np.where(np.isnan(d), d, u).astype(_F32)


def row_sum(e):
    """Sum over the last axis of a float32 array in ATen's reduce_all order, keepdims: lanes of one vector
    accumulate the row's full vectors in order, the tail adds into the first lanes, then the lanes fold by
    halves (AVX2/AVX-512) or in order ('default'); a row shorter than a vector adds its values in order."""
    n, width = e.shape[-1], lanes()
    if n < width:
        acc = e[..., :1].copy()
        for i in range(1, n):
            acc += e[..., i:i + 1]
        return acc
    acc = e[..., :width].copy()
    d = width
    while d + width <= n:
        acc += e[..., d:d + width]
        d += width
    if d < n:
        acc[..., :n - d] += e[..., d:]
    if capability() == "default":
        total = acc[..., :1].copy()
        for i in range(1, width):
            total += acc[..., i:i + 1]
        return total
    while acc.shape[-1] > 1:
        half = acc.shape[-1] // 2
        acc = acc[..., :half] + acc[..., half:]
    return acc


def applies(a, dim):
    """ATen's lastdim kernel and these functions cover a float32 array reduced over its last axis."""
    return a.dtype == _F32 and a.ndim >= 1 and dim == a.ndim - 1 and a.shape[-1] > 0 and a.size > 0


def softmax_lastdim(a):
    m = np.maximum.reduce(a, axis=-1, keepdims=True)
    e = expf(a - m)
    return e * (_F32(1) / row_sum(e))


def log_softmax_lastdim(a):
    m = np.maximum.reduce(a, axis=-1, keepdims=True)
    total = row_sum(expf(a - m))
    with np.errstate(divide="ignore"):
        log_total = np.log(total.astype(np.float64)).astype(_F32)
    return (a - m) - log_total


def log_softmax_backward_lastdim(g, out):
    """ATen's lastdim backward: g - exp(out) * sum(g), the product fused into the subtraction (one rounding)
    where the build has FMA (avx2, avx512)."""
    total = row_sum(g)
    e = expf(out)
    if capability() == "default":
        return g - e * total
    return _fma32(-e, np.broadcast_to(total, e.shape), g)


def softmax_backward_lastdim(g, out):
    """ATen's lastdim backward: (g - sum(g * out)) * out, the sum in reduce_all's order."""
    return (g - row_sum(g * out)) * out
