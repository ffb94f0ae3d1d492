"""PyTorch's vectorised CPU arithmetic where a lesson's printed digits depend on it: softmax / log_softmax over
the last dim (and cross_entropy through it), sigmoid and silu; SLEEF's exp, log and log1p for the activation
kernels of act_kernels.py.

ATen's ``Vectorized<float>`` computes ``exp`` with SLEEF's ``expf_u10`` (a fused multiply-add polynomial, not
the correctly rounded value numpy's float64 detour gives: they differ in about 9% of values) and sums a row in
vector lanes (16 floats with AVX-512, 8 with AVX2) that are folded by halves at the end. Which width PyTorch uses
is its CPU capability: ``ATEN_CPU_CAPABILITY`` when set, else what the processor has (``capability()``). With
``default`` (no AVX2), ``exp`` is the C library's and the lanes fold in order.

Here: ``expf(x)`` (SLEEF's algorithm, each fused step exactly rounded), ``row_sum(e)`` (ATen's ``reduce_all``
order over the last axis) and ``softmax_lastdim`` / ``log_softmax_lastdim`` (ATen's lastdim kernels: max, exp of
the shifted row, the lane sum, then ``* (1 / sum)`` or ``- log(sum)`` with SLEEF's ``logf_u10``, ``logf``).

With the avx2 / avx512 capabilities each of them (and sigmoid, silu) runs as one call of the compiled kernels
(ckernels.py, _vec_kernels.c: the same steps in C) when they are built and the array is C-contiguous float32;
this numpy code is the reference they follow and the fallback.
"""
import functools
import os

import numpy as np

from . import ckernels, libm
from .random_kernels import _fma32, _fma64

try:
    from numpy._core._multiarray_umath import __cpu_features__ as _CPU   # numpy's own probe of the processor
except ImportError:  # pragma: no cover - older numpy layout
    from numpy.core._multiarray_umath import __cpu_features__ as _CPU

_F32, _F64 = np.float32, np.float64
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
    # read on every call (tests change it), decided once per setting; os.environ's own dict is read directly
    # where it has one (POSIX: encoded keys and values), a tenth of the cost of os.environ.get
    raw = _ENVIRON.get(_KEY) if _ENVIRON is not None else os.environ.get("ATEN_CPU_CAPABILITY")
    try:
        return _CAPABILITY[raw]
    except KeyError:
        env = os.environ.get("ATEN_CPU_CAPABILITY", "")
        best = _detected()
        asked = env.strip().lower()
        cap = asked if asked in _ORDER and _ORDER.index(asked) <= _ORDER.index(best) else best
        return _CAPABILITY.setdefault(raw, cap)


_CAPABILITY = {}
_ENVIRON = getattr(os.environ, "_data", None)
try:
    _KEY = os.environ.encodekey("ATEN_CPU_CAPABILITY")
except (AttributeError, TypeError):   # pragma: no cover - another os.environ: the public mapping
    _ENVIRON = None
if not isinstance(_ENVIRON, dict):   # pragma: no cover
    _ENVIRON = None


def lanes():
    return 16 if capability() == "avx512" else 8


def fmadd(a, b, c):
    """a * b + c as ATen's float32 / float64 kernels compute it: one rounding (a fused multiply-add) with the avx2
    and avx512 capabilities, whose builds contract ``a * b + c`` (their scalar remainder too); two roundings with
    default. Operands broadcast; the result has the common float dtype of the three arrays."""
    dtype = np.result_type(a, b, c)
    a, b, c = (np.asarray(v, dtype) for v in (a, b, c))
    if dtype != _F32 and dtype != _F64:
        return a * b + c
    if capability() == "default":
        return np.asarray(a * b + c, dtype)
    shape = np.broadcast_shapes(a.shape, b.shape, c.shape)
    a, b, c = (np.ascontiguousarray(np.broadcast_to(v, shape)) for v in (a, b, c))
    return np.asarray((_fma32 if dtype == _F32 else _fma64)(a, b, c), dtype).reshape(shape)


class _Fused:
    """float32 fused multiply-adds for one kernel call, quickly: each is the exact float64 product plus c, rounded
    to float32. That can round twice only when the float64 sum was inexact and landed on a float32 midpoint or in
    the subnormal range; products and sums are kept (buffers per kernel call) and ``exact()`` checks them all at
    once, so that the kernel is redone with ``_fma32`` (which fixes those cases one by one) only when one
    occurred."""
    __slots__ = ("products", "sums", "addends", "k")

    def __init__(self, shape, steps):
        self.products, self.sums = np.empty((2, steps) + tuple(shape), np.float64)
        self.addends = []
        self.k = 0

    def __call__(self, a, b, c):
        k = self.k
        self.k = k + 1
        p, s = self.products[k], self.sums[k]
        np.multiply(a, b, out=p, dtype=np.float64)
        np.add(p, c, out=s)
        self.addends.append(c)
        return s.astype(_F32)

    def exact(self):
        k = self.k
        s = self.sums[:k]
        bits = s.view(np.uint64) & np.uint64(0x7FFFFFFFFFFFFFFF)
        hard = ((bits & np.uint64(0x1FFFFFFF)) == np.uint64(0x10000000)) | ((bits - np.uint64(1)) < _TINY_BITS)
        if not hard.any():   # no sum on a float32 midpoint, none below 2**-125 (zero wraps round to the largest)
            return True
        c = np.empty_like(s)
        for i in np.flatnonzero(hard.reshape(k, -1).any(axis=1)):
            c[i] = self.addends[i]
        s, p, c = s[hard], self.products[:k][hard], c[hard]
        v = s - p
        return not ((p - (s - v)) + (c - v)).any()   # the sums' remainders (two-sum): all exact after all


_TINY_BITS = np.float64(2.0 ** -125).view(np.uint64) - np.uint64(1)


_FUSED_MAX = 1 << 14   # elements: beyond this numpy's per-call cost is small next to the work, and the buffers
                      # of every step (3 x steps float64 arrays) would cost memory: each step is checked at once


def _fused_kernel(kernel, d, steps):
    """kernel(d, fma) with the quick fused steps, redone with the exact ones if a step could round twice."""
    if d.size > _FUSED_MAX:
        return kernel(d, _fma32)
    fused = _Fused(d.shape, steps)
    out = kernel(d, fused)
    return out if fused.exact() else kernel(d, _fma32)


def expf(x):
    """float32 exp as ATen's vectorised kernels compute it (SLEEF expf_u10; the C library's with 'default')."""
    d = np.asarray(x, _F32)
    if capability() == "default":   # Vectorized<float> is a loop of the C library's expf
        return libm.expf(d)
    if ckernels.LIB is not None:
        return ckernels.unary("am_expf", d)
    with np.errstate(invalid="ignore", over="ignore"):
        return _fused_kernel(_expf_u10, d, 8)


def _expf_u10(d, fma):
    dc = np.clip(d, _F32(-104), _F32(100))          # out of range (and nan) are set at the end
    qf = np.rint(dc * _R_LN2)
    q = qf.astype(np.int32)
    s = fma(qf, -_L2U, dc)
    s = fma(qf, -_L2L, s)
    u = fma(_EXP_POLY[0], s, _EXP_POLY[1])
    for c in _EXP_POLY[2:]:
        u = fma(u, s, c)
    u = _F32(1) + fma(s * s, u, s)
    if q.min() >= -125:   # u * 2**q is normal: SLEEF's two power-of-two products are one exact ldexp
        u = np.ldexp(u, q)
    else:
        half = q >> 1
        u = u * np.ldexp(_F32(1), half).astype(_F32) * np.ldexp(_F32(1), q - half).astype(_F32)
    if not (dc == d).all():
        u = np.where(d < _F32(-104), _F32(0), u)
        u = np.where(d > _F32(100), _F32(np.inf), u)
        u = np.where(np.isnan(d), d, u)
    return u.astype(_F32, copy=False)


_LN2_HI, _LN2_LO = _F32(0.69314718246459960938), _F32(-1.904654323148236017e-09)
_LOG_POLY = [_F32(c) for c in (0.3027294874, 0.3996108174, 0.6666694880)]


def _two_sum(a, b):
    s = a + b
    v = s - a
    return s, (a - (s - v)) + (b - v)


def logf(x):
    """float32 log as ATen's vectorised kernels compute it: SLEEF's logf_u10 (double-float arithmetic with fused
    steps) for positive finite values, the C library's for the rest and with 'default'."""
    d = np.asarray(x, _F32)
    if capability() == "default":   # the C library's logf (up to 0.82 units off: asked of it for every value)
        return libm.apply("log", d)
    if ckernels.LIB is not None:
        return ckernels.logf(d)
    if d.size and d.min() >= _TINY32 and d.max() < np.inf:   # all positive normal finite (nan fails both)
        return _fused_kernel(_logf_u10, d, 9)
    with np.errstate(divide="ignore", invalid="ignore"):
        plain = np.log(d.astype(np.float64)).astype(_F32)
    ok = np.isfinite(d) & (d >= _TINY32)
    if not ok.any():
        return plain
    return np.where(ok, _fused_kernel(_logf_u10, np.where(ok, d, _F32(1)), 9), plain)


_TINY32 = np.finfo(_F32).tiny


def _logf_u10(d, fma):
    _, exp = np.frexp(d * _F32(1.0 / 0.75))            # the exponent of d / 0.75: m = d / 2**e in [0.75, 1.5)
    e = exp - 1
    ef = e.astype(_F32)
    m = np.ldexp(d, -e)                                 # exact: d times a power of two, a normal result
    sx = _LN2_HI * ef                                   # (ln 2 as two floats) * e, exactly as a double-float
    sy = fma(_LN2_LO, ef, fma(_LN2_HI, ef, -sx))
    nx = m - _F32(1)                                    # (m - 1) / (m + 1) as a double-float: m - 1 is exact
    dx, dy = _two_sum(_F32(1), m)                       # (Sterbenz), so its low part is 0 and drops out below
    t = _F32(1) / dx
    qx = nx * t
    u = fma(t, nx, -qx)
    v = fma(-dy, t, fma(-dx, t, _F32(1)))
    qy = fma(qx, v, u)
    x2 = qx * qx
    p = fma(_LOG_POLY[0], x2, _LOG_POLY[1])
    p = fma(p, x2, _LOG_POLY[2])
    ax, ay = qx * _F32(2), qy * _F32(2)                 # s += 2x, then += x**3 * p
    s1 = sx + ax
    s1y = (((sx - s1) + ax) + sy) + ay
    w = (x2 * qx) * p
    s2 = s1 + w
    s2y = ((s1 - s2) + w) + s1y
    return (s2 + s2y).astype(_F32, copy=False)


def log1pf(x):
    """float32 log1p as ATen's vectorised kernels compute it: SLEEF's log1pf_u10 (logf's double-float steps on
    m = x * 2**-e + (2**-e - 1), the quotient m / (2 + m)); the C library's with 'default'."""
    d = np.asarray(x, _F32)
    if capability() == "default":
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log1p(d.astype(np.float64)).astype(_F32)
    if ckernels.LIB is not None:
        return ckernels.unary("am_log1pf", d)
    one = _F32(1)
    with np.errstate(all="ignore"):
        _, exp = np.frexp((d + one) * _F32(1.0 / 0.75))  # the exponent of (1 + d) / 0.75
        e = (exp - 1).astype(np.int32)
        ef = e.astype(_F32)
        t = np.ldexp(one, -e).astype(_F32)
        m = _fma32(d, t, t - one)
        sx = _LN2_HI * ef                                  # (ln 2 as two floats) * e, exactly as a double-float
        sy = _fma32(_LN2_LO, ef, _fma32(_LN2_HI, ef, -sx))
        dx = _F32(2) + m                                   # m / (2 + m) as a double-float
        dy = (_F32(2) - dx) + m
        r = one / dx
        qx = m * r
        qy = _fma32(qx, _fma32(-dy, r, _fma32(-dx, r, one)), _fma32(r, m, -qx))
        x2 = qx * qx
        p = _fma32(_fma32(_LOG_POLY[0], x2, _LOG_POLY[1]), x2, _LOG_POLY[2])
        ax, ay = qx * _F32(2), qy * _F32(2)                # s += 2x, then += x**3 * p
        s1 = sx + ax
        s1y = (((sx - s1) + ax) + sy) + ay
        w = (x2 * qx) * p
        s2 = s1 + w
        out = (s2 + (((s1 - s2) + w) + s1y)).astype(_F32)
        out = np.where(d > _F32(1e38), _F32(np.inf), out)
        out = np.where(d < -one, _F32(np.nan), np.where(d == -one, _F32(-np.inf), out))
        return np.where((d == 0) | np.isnan(d), d, out)


def tanhf(x):
    """float32 tanh as ATen's vectorised kernels compute it, nearly: SLEEF's tanhf_u10 is exactly +-1 beyond
    |x| = 8.664339742 (the correctly rounded value is not, up to |x| = 9.01) and within one unit elsewhere, taken
    here as the correctly rounded value (~0.1% of values differ in the last bit)."""
    d = np.asarray(x, _F32)
    out = np.tanh(d.astype(np.float64)).astype(_F32)
    if capability() == "default":
        return out
    return np.where(np.abs(d) > _F32(8.664339742), np.copysign(_F32(1), d), out)


def row_sum(e, width=None, factors=None):
    """Sum over the last axis of a float32 (or float64) array in ATen's reduce_all order, keepdims: lanes of one
    vector accumulate the row's full vectors in order, the tail adds into the first lanes, then the lanes fold by
    halves (float32 with AVX2/AVX-512: ATen's VecReduceAllSIMD) or in order (float64, whose vectors have half as
    many lanes, and 'default'); a row shorter than a vector adds its values in order. width: the vector's lanes
    where a kernel's differ from the capability's (batch norm's backward: 8 floats, 4 doubles); factors: the two
    arrays whose product e is (a dot product), whose float32 tail the avx2 / avx512 builds add with a fused
    multiply-add."""
    n = e.shape[-1]
    if width is None:
        width = lanes() if e.dtype != _F64 else lanes() // 2
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
        if factors is not None and e.dtype == _F32 and capability() != "default":
            acc[..., :n - d] = _fma32(factors[0][..., d:], factors[1][..., d:], acc[..., :n - d])
        else:
            acc[..., :n - d] += e[..., d:]
    if capability() == "default" or e.dtype == _F64:
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


def applies64(a, dim):
    """The same for float64 (softmax, log_softmax and their backwards: exp and log are expd / logd, sums fold in order)."""
    return a.dtype == np.float64 and a.ndim >= 1 and dim == a.ndim - 1 and a.shape[-1] > 0 and a.size > 0


def compiled_lanes():
    """The lanes of the compiled lastdim kernels (built, capability avx2 / avx512), else 0: _compiled without its
    look at the arrays, for a caller that has checked them (C-contiguous float32 arrays of one shape)."""
    if ckernels.LIB is None:
        return 0
    cap = capability()
    return 0 if cap == "default" else 16 if cap == "avx512" else 8


def _compiled(*arrays):
    """The lanes of the compiled lastdim kernels where they apply (built, capability avx2 / avx512, C-contiguous
    float32 arrays of one shape), else 0."""
    if ckernels.LIB is None:
        return 0
    cap = capability()
    if cap == "default":
        return 0
    shape = arrays[0].shape
    for x in arrays:
        if not (isinstance(x, np.ndarray) and x.dtype == _F32 and x.flags.c_contiguous and x.shape == shape):
            return 0
    return 16 if cap == "avx512" else 8


_R_LN2_64 = 1.442695040888963407359924681001892137426645954152985934135449406931
_L2U_64, _L2L_64 = .69314718055966295651160180568695068359375, .28235290563031577122588448175013436025525412068e-12
_EXPD_POLY = (0.2081276378237164457e-8, 0.2511210703042288022e-7, 0.2755762628169491192e-6, 0.2755723402025388239e-5,
              0.2480158687479686264e-4, 0.1984126989855865850e-3, 0.1388888888914497797e-2,
              0.8333333333314938210e-2, 0.4166666666666602598e-1, 0.1666666666666669072e+0)


def expd(x):
    """float64 exp as ATen's Vectorized<double> computes it: SLEEF's exp_u10 in its fused multiply-add form
    (the AVX2 / AVX-512 builds), an Estrin polynomial of degree 10 on the reduced argument; the C library's exp
    with 'default'. (Not the correctly rounded value, nor MKL's, which torch.exp itself uses.)"""
    d = np.asarray(x, _F64)
    if capability() == "default":
        with np.errstate(over="ignore"):
            return np.where(d > 709.7, np.inf, libm.apply("exp", np.minimum(d, 709.7)))
    with np.errstate(invalid="ignore", over="ignore"):
        u = np.rint(d * _R_LN2_64)
        s = _fma64(u, -_L2U_64, d)
        s = _fma64(u, -_L2L_64, s)
        s2 = s * s
        s4 = s2 * s2
        c = _EXPD_POLY
        p2 = lambda c1, c0: _fma64(s, c1, c0)   # noqa: E731 (SLEEF's POLY2 .. POLY10 macros, fused)
        p4 = lambda c3, c2, c1, c0: _fma64(s2, p2(c3, c2), p2(c1, c0))   # noqa: E731
        p = _fma64(s4 * s4, p2(c[0], c[1]), _fma64(s4, p4(*c[2:6]), p4(*c[6:10])))
        p = _fma64(_fma64(_fma64(p, s, 0.5), s, 1.0), s, 1.0)
        q = np.nan_to_num(u, nan=0.0, posinf=0.0, neginf=0.0).clip(-2000, 2000).astype(np.int64)
        out = np.ldexp(p, q)   # SLEEF's two power-of-two products: one rounding, the first is exact
    out = np.where(d > 709.78271114955742909217217426, np.inf, out)
    return np.where(d < -1000, 0.0, out)


_LOGD_POLY = (0.1532076988502701353e+0, 0.1525629051003428716e+0, 0.1818605932937785996e+0, 0.2222214519839380009e+0,
              0.2857142932794299317e+0, 0.3999999999635251990e+0, 0.6666666666667333541e+0)
_LN2_HI64, _LN2_LO64 = 0.693147180559945286226764, 2.319046813846299558417771e-17


def logd(x):
    """float64 log as ATen's Vectorized<double> computes it: SLEEF's log_u10 (its AVX-512 / FMA form: the exponent
    of x / 0.75, the mantissa in [0.75, 1.5), (m - 1) / (m + 1) and ln 2 * e in double-double arithmetic, an Estrin
    polynomial of degree 7 in its square); the C library's log with 'default'."""
    d = np.asarray(x, _F64)
    if capability() == "default":
        return libm.log(d)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        e = (np.frexp(d * (1.0 / 0.75))[1] - 1).astype(_F64)
        sig = np.frexp(d)[0] * 2.0
        m = np.where(sig >= 1.5, sig * 0.5, sig)
        nx, ny = _dd_add2(-1.0, m)
        dx, dy = _dd_add2(1.0, m)
        t = 1.0 / dx                       # dddiv: (nx, ny) / (dx, dy)
        qx = nx * t
        u = _fma64(t, nx, -qx)
        v = _fma64(-dy, t, _fma64(-dx, t, 1.0))
        qy = _fma64(qx, v, _fma64(ny, t, u))
        out = _logd_end(qx, qy, e)
    out = np.where(d == 0, -np.inf, out)
    out = np.where(d == np.inf, np.inf, out)
    return np.where((d < 0) | np.isnan(d), np.nan, out)


def _logd_end(qx, qy, e):
    """SLEEF's log_u10 from the quotient q = (qx, qy), a double-double, and the exponent e: ln 2 * e + 2 q + q**3 *
    an Estrin polynomial of degree 7 in q**2, summed in double-double arithmetic (logd's and log1pd's last steps)."""
    x2 = qx * qx
    x4 = x2 * x2
    c = _LOGD_POLY
    poly = _fma64(x4 * x4, _fma64(x4, c[0], _fma64(x2, c[1], c[2])),
                  _fma64(x4, _fma64(x2, c[3], c[4]), _fma64(x2, c[5], c[6])))
    sx = _LN2_HI64 * e                 # ddmul(ln 2, e)
    sy = _fma64(_LN2_LO64, e, _fma64(_LN2_HI64, e, -sx))
    s0 = sx + 2.0 * qx                 # ddadd(s, 2 q)
    s1 = (((sx - s0) + 2.0 * qx) + sy) + 2.0 * qy
    w = (x2 * qx) * poly               # ddadd(s, x^3 poly)
    r0 = s0 + w
    return r0 + (((s0 - r0) + w) + s1)


def log1pd(x):
    """float64 log1p as ATen's Vectorized<double> computes it (torch.log1p runs it over every element, a partial
    vector for the tail too): SLEEF's log1p_u10, logd's double-double steps on m = x * 2**-e + (2**-e - 1), e the
    exponent of (1 + x) / 0.75, and the quotient m / (2 + m); the C library's log1p with 'default'."""
    d = np.asarray(x, _F64)
    if capability() == "default":
        return libm.apply("log1p", d)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        x = np.where((d > -1) & (d < np.inf), d, 0.0)   # (the others are set below; 1 + x is never subnormal)
        e = np.frexp((x + 1.0) * 0.5 * (1.0 / 0.75))[1].astype(_F64)   # (halved: no overflow near the top)
        t = np.ldexp(1.0, -e.astype(np.int64))
        m = _fma64(x, t, t - 1.0)
        dx = 2.0 + m                       # ddadd(2, m)
        dy = (2.0 - dx) + m
        r = 1.0 / dx                       # dddiv: (m, 0) / (dx, dy)
        qx = m * r
        qy = _fma64(qx, _fma64(-dy, r, _fma64(-dx, r, 1.0)), _fma64(r, m, -qx))
        out = _logd_end(qx, qy, e)
    out = np.where(d == np.inf, np.inf, out)
    out = np.where((d < -1) | np.isnan(d), np.nan, out)
    out = np.where(d == -1, -np.inf, out)
    return np.where(d == 0, d, out)   # (-0.0 stays -0.0)


def _dd_add2(x, y):
    """SLEEF's ddadd2: x + y as a double-double (two-sum)."""
    s = x + y
    v = s - x
    return s, (x - (s - v)) + (y - v)


def softmax_lastdim(a):
    if a.dtype == _F64:   # ATen's _vec_softmax_lastdim with Vectorized<double>
        m = np.maximum.reduce(a, axis=-1, keepdims=True)
        e = expd(a - m)
        return e * (1.0 / row_sum(e))
    width = _compiled(a)
    if width:
        return ckernels.rows("am_softmax", width, a)
    m = np.maximum.reduce(a, axis=-1, keepdims=True)
    e = expf(a - m)
    return e * (_F32(1) / row_sum(e))


def log_softmax_lastdim(a):
    if a.dtype == _F64:   # ATen's _vec_log_softmax_lastdim with Vectorized<double>
        m = np.maximum.reduce(a, axis=-1, keepdims=True)
        return (a - m) - logd(row_sum(expd(a - m)))
    width = _compiled(a)
    if width:
        return ckernels.rows("am_log_softmax", width, a)
    m = np.maximum.reduce(a, axis=-1, keepdims=True)
    return (a - m) - logf(row_sum(expf(a - m)))


def log_softmax_backward_lastdim(g, out):
    """ATen's lastdim backward: g - exp(out) * sum(g), the product fused into the subtraction (one rounding)
    where the build has FMA (avx2, avx512)."""
    width = _compiled(g, out)
    if width:
        return ckernels.rows("am_log_softmax_backward", width, g, out)
    total = row_sum(g)
    e = expd(out) if out.dtype == _F64 else expf(out)
    if capability() == "default":
        return g - e * total
    return (_fma64 if out.dtype == _F64 else _fma32)(-e, np.broadcast_to(total, e.shape), g)


def softmax_backward_lastdim(g, out):
    """ATen's lastdim backward: (g - sum(g * out)) * out, the sum in reduce_all's order."""
    width = _compiled(g, out)
    if width:
        return ckernels.rows("am_softmax_backward", width, g, out)
    return (g - row_sum(g * out)) * out


def elementwise(a, vector, scalar, *others, default=None):
    """An elementwise float32 op as ATen's cpu_kernel_vec runs it over a contiguous tensor: the vector form on
    whole pairs of vectors from the start, the scalar form (the C library's functions) on the rest. One chunk:
    tensors up to ATen's grain size (32768 elements) run in one loop, bigger ones are split between threads and
    each piece has its own tail (taken here as one loop: the tails of the pieces may differ in the last bit).
    others: more inputs of a's shape, contiguous or one value broadcast (a gradient of a sum), passed after a.
    default: the form the 'default' capability runs on every element (its Vectorized is a loop of the scalar
    functions). None when this does not apply (another dtype, not contiguous, 'default' without a default
    form): the caller computes it its own way."""
    plain = capability() == "default"
    if not (isinstance(a, np.ndarray) and a.dtype == _F32 and a.flags.c_contiguous) or (plain and default is None):
        return None
    flats = [a.reshape(-1)]
    for o in others:
        if not (isinstance(o, np.ndarray) and o.dtype == _F32 and o.shape == a.shape
                and (o.flags.c_contiguous or not any(o.strides))):
            return None
        flats.append(np.ascontiguousarray(o).reshape(-1))
    n = a.size
    if plain:
        vector = scalar = default
    body = n - n % (2 * lanes())
    out = np.empty_like(flats[0])
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        if body:
            out[:body] = vector(*(f[:body] for f in flats))
        if body < n:
            out[body:] = scalar(*(f[body:] for f in flats))
    return out.reshape(a.shape)


def compiled_elementwise(name, a, *args):
    """elementwise() as one call of the compiled kernel `name` (a C-contiguous float32, capability avx2/avx512):
    SLEEF's functions on the vector body, the C library's on the tail. args: (pointer, step) pairs of more
    inputs, passed before a's pointer, then constants, passed after the body's length."""
    n = a.size
    out = np.empty_like(a)
    ptrs = [p for p in args if isinstance(p, tuple)]
    consts = [c for c in args if not isinstance(c, tuple)]
    getattr(ckernels.LIB, name)(*(v for p in ptrs for v in p), a, out, n,
                                n - n % (2 * lanes()), *consts)
    return out


def libm_expf(x):
    """The C library's expf (glibc's is within 0.502 units: not always the correctly rounded value)."""
    return libm.expf(x)


def libm_exp64(x):
    """The C library's double exp of each element (std::exp: ATen's scalar tails), inf beyond its range."""
    x = np.asarray(x, _F64)
    big = ~(x <= 709.78)   # (and nan: numpy's exp gives nan, inf, the C library's values out there)
    out = np.array(libm.apply("exp", np.where(big, 0.0, x)))
    if big.any():
        with np.errstate(over="ignore"):
            out[big] = np.exp(x[big])
    return out


def _sigmoid64(a):
    """float64 sigmoid as ATen's cpu_kernel_vec runs it over a C- or F-contiguous array (memory order): SLEEF's exp
    (expd) on whole pairs of vectors, the C library's on the tail; None for other layouts."""
    if a.flags.f_contiguous and not a.flags.c_contiguous:
        out = _sigmoid64(a.T)
        return None if out is None else out.T
    if not a.flags.c_contiguous:
        return None
    flat = a.reshape(-1)
    n = flat.size
    body = 0 if capability() == "default" else n - n % lanes()   # 2 vectors of lanes() / 2 doubles
    out = np.empty_like(flat)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        if body:
            out[:body] = 1.0 / (expd(-flat[:body]) + 1.0)
        if body < n:
            out[body:] = 1.0 / (1.0 + libm_exp64(-flat[body:]))
    return out.reshape(a.shape)


def sigmoid(a):
    """ATen's sigmoid: 1 / (1 + exp(-x)), exp SLEEF's in the vector body and glibc's in the tail."""
    if isinstance(a, np.ndarray) and a.dtype == _F64 and a.size:
        return _sigmoid64(a)
    if (isinstance(a, np.ndarray) and a.dtype == _F32 and a.ndim == 2 and a.flags.f_contiguous
            and not a.flags.c_contiguous):   # a transposed matrix: ATen runs over its memory in order
        return sigmoid(a.T).T
    if ckernels.applies(a) and capability() != "default":
        return compiled_elementwise("am_sigmoid", a)
    one = _F32(1)
    scalar = lambda x: one / (one + libm_expf(-x))  # noqa: E731
    return elementwise(a, lambda x: one / (expf(-x) + one), scalar, default=scalar)


def silu(a):
    """ATen's silu: x / (1 + exp(-x))."""
    if ckernels.applies(a) and capability() != "default":
        return compiled_elementwise("am_silu", a)
    one = _F32(1)
    scalar = lambda x: x / (one + libm_expf(-x))  # noqa: E731
    return elementwise(a, lambda x: x / (one + expf(-x)), scalar, default=scalar)

