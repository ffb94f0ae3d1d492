"""float32 ``x ** e`` (a Python number e) as ATen's pow(Tensor, Scalar) kernel computes it on a contiguous tensor.

ATen's ``pow_tensor_scalar_optimized_kernel`` runs ``cpu_kernel_vec``: whole pairs of vectors from the start go
through ``Vectorized<float>::pow``, which is SLEEF's ``powf_u10`` (AVX2 / AVX-512) with the exponent rounded to
float32; the rest (the tail) through ``std::pow(float, double)``, the double power rounded once. With the 'default'
capability Vectorized<float> is 8 lanes of the C library's ``powf(x, float(e))`` on the same whole pairs. SLEEF's
power is exp(y * log|x|) in double-float arithmetic with fused multiply-adds: within an ulp, but not rounded as the
double detour is (they differ for about a third of values).

Here: ``powf_u10(x, y)`` (SLEEF's steps, each fused step exactly rounded through random_kernels._fma32) and
``pow_scalar(a, e)`` (the whole kernel: one call of the compiled am_pow_scalar, _vec_kernels.c, where ckernels has
it; else these numpy steps, ~100 passes); None where ATen would not run this kernel
over memory in order (not a contiguous float32 array), the caller then computes it its own way.
"""
import ctypes
import functools
import math

import numpy as np

from . import ckernels, libm, softmax_dims, vec_kernels
from .random_kernels import _fma32

_F32 = np.float32
_R_LN2 = _F32(1.442695040888963407359924681001892137426645954152985934135449406931)
_L2U, _L2L = _F32(0.693145751953125), _F32(1.428606765330187045e-06)
_LN2 = (_F32(0.69314718246459960938), _F32(-1.904654323148236017e-09))
_LOG_T = [_F32(c) for c in (0.240320354700088500976562, 0.285112679004669189453125, 0.400007992982864379882812)]
_LOG_C = (_F32(0.66666662693023681640625), _F32(3.69183861259614332084311e-09))
_EXP_U = [_F32(c) for c in (0.00136324646882712841033936, 0.00836596917361021041870117,
                            0.0416710823774337768554688, 0.166665524244308471679688, 0.499999850988388061523438)]


# double-float helpers (SLEEF's df.h, the fused-multiply-add forms): a value is a pair (hi, lo)
def _add_ff(x, y):          # dfadd2 of two floats (an exact two-sum)
    s = x + y
    v = s - x
    return s, (x - (s - v)) + (y - v)


def _add2_df(x, y):         # dfadd2 of a pair and a float
    s = x[0] + y
    v = s - x[0]
    return s, ((x[0] - (s - v)) + (y - v)) + x[1]


def _add2_dd(x, y):         # dfadd2 of two pairs
    s = x[0] + y[0]
    v = s - x[0]
    return s, (((x[0] - (s - v)) + (y[0] - v)) + x[1]) + y[1]


def _add_dd(x, y):          # dfadd of two pairs (|x| >= |y| assumed, as SLEEF does)
    s = x[0] + y[0]
    return s, (((x[0] - s) + y[0]) + x[1]) + y[1]


def _add_fd(x, y):          # dfadd of a float and a pair
    s = x + y[0]
    return s, ((x - s) + y[0]) + y[1]


def _mul_df(x, y):          # pair times float
    s = x[0] * y
    return s, _fma32(x[1], y, _fma32(x[0], y, -s))


def _mul_dd(x, y):          # pair times pair
    s = x[0] * y[0]
    return s, _fma32(x[0], y[1], _fma32(x[1], y[0], _fma32(x[0], y[0], -s)))


def _squ(x):
    s = x[0] * x[0]
    return s, _fma32(x[0] + x[0], x[1], _fma32(x[0], x[0], -s))


def _div_dd(n, d):
    t = _F32(1) / d[0]
    s = n[0] * t
    u = _fma32(t, n[0], -s)
    v = _fma32(-d[1], t, _fma32(-d[0], t, _F32(1)))
    return s, _fma32(s, v, _fma32(n[1], t, u))


def _logk(d):
    """SLEEF's logkf: log(d) as a pair, d positive and finite (normal or subnormal)."""
    scaled = (d * _F32(1.0 / 0.75)).astype(_F32)
    _, ex = np.frexp(scaled)
    e = np.where(np.isinf(scaled), 128, ex - 1).astype(np.int32)   # (getexp of an overflow: 128)
    if vec_kernels.capability() == "avx512":   # getmant: the significand in [0.75, 1.5) by its leading bits
        m, _ = np.frexp(d)
        m = (m * 2).astype(_F32)
        m = np.where(m >= _F32(1.5), m * _F32(0.5), m).astype(_F32)
    else:                                      # ldexp(d, -e): the same but for d * (1 / 0.75) rounding up
        m = np.ldexp(d, -e).astype(_F32)
    x = _div_dd(_add_ff(_F32(-1), m), _add_ff(_F32(1), m))
    x2 = _squ(x)
    t = _fma32(_LOG_T[0], x2[0], _LOG_T[1])
    t = _fma32(t, x2[0], _LOG_T[2])
    s = _mul_df(_LN2, e.astype(_F32))
    s = _add_dd(s, (x[0] * _F32(2), x[1] * _F32(2)))
    return _add_dd(s, _mul_dd(_mul_dd(x2, x), _add2_dd(_mul_df(x2, t), _LOG_C)))


def _expk(d):
    """SLEEF's expkf: exp of a pair, 0 below -104."""
    q = np.rint((d[0] + d[1]) * _R_LN2).astype(np.int32)
    qf = q.astype(_F32)
    s = _add2_df(d, qf * -_L2U)
    s = _add2_df(s, qf * -_L2L)
    hi = s[0] + s[1]                                  # dfnormalize
    s = hi, (s[0] - hi) + s[1]
    u = _EXP_U[0]
    for c in _EXP_U[1:]:
        u = _fma32(u, s[0], c)
    t = _add_dd(s, _mul_df(_squ(s), u))
    t = _add_fd(_F32(1), t)
    out = _ldexp(t[0] + t[1], q)
    return np.where(d[0] < _F32(-104), _F32(0), out)


def _ldexp(x, q):
    """SLEEF's vldexp_vf_vf_vi2: x * 2**q as five float32 products (x times 2**(4m) in four steps, then the rest),
    so a subnormal result can round twice where one ldexp would round once."""
    if q.min() >= -125 and q.max() <= 127:   # every product exact but perhaps the last: one ldexp is the same
        return np.ldexp(x, q).astype(_F32)
    m = q >> 31
    m = (((m + q) >> 6) - m) << 4
    q = q - (m << 2)
    m = np.clip(m + 0x7F, 0, 0xFF)
    u = (m.astype(np.uint32) << 23).view(_F32)
    x = x * u * u * u * u
    return (x * ((q + 0x7F).astype(np.uint32) << 23).view(_F32)).astype(_F32)


def powf_u10(x, y):
    """SLEEF's powf_u10 of float32 x and one float32 exponent y, IEEE's special cases as its selects give them."""
    x = np.asarray(x, _F32)
    y = _F32(y)
    ax = np.abs(x)
    ordinary = np.isfinite(ax) & (ax != 0)
    safe = np.where(ordinary, ax, _F32(1))
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        r = _expk(_mul_df(_logk(safe), y))
        r = np.where(np.isnan(r), _F32(np.inf), r)
        yisint = np.trunc(y) == y or abs(y) > 2 ** 24
        yisodd = yisint and abs(y) < 2 ** 24 and int(np.trunc(y)) % 2 == 1
        sign = np.where(x > 0, _F32(1), _F32((-1 if yisodd else 1) if yisint else np.nan))
        r = (r * sign).astype(_F32)
        if not ordinary.all():   # zeros, infinities and nan: the C library's power gives the same values
            r = np.where(ordinary, r, np.power(x, y))
        if y == 0:
            return np.ones_like(x)
        r = np.where(x == 1, _F32(1), r)
    return r.astype(_F32, copy=False)


def pow_scalar(a, e):
    """float32 a ** e (e a Python float) as ATen's kernel: SLEEF on the vector body (the C library's powf with
    'default'), std::pow(float, double) on the tail; None when a is not a C-contiguous float32 array or e is not
    finite. More than ATen's grain size (32768 elements): at::parallel_for's pieces, each with its own tail."""
    if not (isinstance(a, np.ndarray) and a.dtype == _F32 and a.flags.c_contiguous) or isinstance(e, complex) \
            or not math.isfinite(e):
        return None
    flat = a if a.ndim == 1 else a.reshape(-1)
    n = flat.size
    out = np.empty_like(flat)
    if n <= _GRAIN:
        if n:
            _pow_chunk(flat, e, out)
    else:   # each of min(threads, ceil(n / grain)) threads takes ceil(n / that) elements
        step = -(-n // min(softmax_dims.threads(), -(-n // _GRAIN)))
        for start in range(0, n, step):
            _pow_chunk(flat[start:start + step], e, out[start:start + step])
    return out if a.ndim == 1 else out.reshape(a.shape)


_GRAIN = 32768   # ATen's GRAIN_SIZE (ops_math._GRAIN)


def _pow_chunk(x, e, out):
    """One piece of pow_scalar: x and out contiguous 1-d float32 of one length."""
    cap = vec_kernels.capability()
    n = x.size
    body = n - n % (32 if cap == "avx512" else 16)   # whole pairs of vectors ('default': 8 lanes too)
    if ckernels.LIB is not None:   # the compiled kernel: the same steps in one call (numpy's below: ~100 passes)
        ckernels.LIB.am_pow_scalar(x, out, n, body, float(_F32(e)), float(e), _CAPABILITIES[cap])
        return
    with np.errstate(all="ignore"):
        if body < n:
            out[body:] = np.power(x[body:].astype(np.float64), np.float64(e)).astype(_F32)
        if not body:
            return
        if cap == "default":   # its Vectorized<float> is a loop of powf(x, float(e)): the C library's
            out[:body] = _libm_powf()(x[:body], _F32(e))
            signaling = np.isnan(x[:body]) & (x[:body].view(np.uint32) & 0x400000 == 0)
            # (ctypes quiets a signaling nan: powf(nan, 0) is 1, of a signaling one nan)
            out[:body][signaling] = np.nan
        else:
            out[:body] = powf_u10(x[:body], e)


_CAPABILITIES = {"avx512": 2, "avx2": 1, "default": 0}


@functools.lru_cache(maxsize=None)
def _libm_powf():
    """The C library's powf per element (ctypes: slow, only without the compiled kernels); else the float64 power
    rounded once, which it equals for most values."""
    lib = libm._library()
    fn = getattr(lib, "powf", None) if lib is not None else None
    if fn is None:  # pragma: no cover - no C math library
        return lambda x, y: np.power(x.astype(np.float64), np.float64(y)).astype(_F32)
    fn.restype, fn.argtypes = ctypes.c_float, [ctypes.c_float, ctypes.c_float]
    return np.vectorize(fn, otypes=[_F32])
