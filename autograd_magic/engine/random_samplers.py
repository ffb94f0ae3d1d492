"""PyTorch 2.13's CPU samplers that loop element by element over double draws, replayed bit for bit:
``_standard_gamma`` (Marsaglia and Tsang), ``_sample_dirichlet``, ``poisson`` (Hoermann's transformed rejection,
else multiplication of uniforms), ``binomial`` (BTRS, else inversion), and ``cauchy_``, ``log_normal_``,
``geometric_``.

Each element draws what its sampler asks for, in the output's order: a uniform is one random64() (two words) at
53 bits, a normal is Box-Muller in double with the generator's cached second value (the same cache ``randn``'s
scalar path uses). The kernels are compiled without fused multiply-adds (ATen's Distributions.cpp), except the
``cauchy_``/``log_normal_`` kernels of the AVX2/AVX-512 builds, where GCC fuses ``median + sigma * tan(..)`` and
``val * std + mean``. Python's float arithmetic is IEEE double; float32 steps are done on numpy float32 scalars;
math.log/exp/pow/sin/cos/tan and ctypes' lgamma/log1pf are the C library's functions ATen calls.

    >>> g = Generator().manual_seed(0)
    >>> standard_gamma(g, np.array([2.0], np.float32))     # torch._standard_gamma(torch.tensor([2.]))
"""
import ctypes
import functools
import math

import numpy as np

from . import libm
from .random_ahead import _restore, _snapshot
from .random_kernels import _fma64

_F32 = np.float32
_ULP = 2.0 ** -53
_TWO_PI = 2.0 * math.pi
_THIRD32 = _F32(1) / _F32(3)                 # 1.0f / 3.0f
_C0331 = float(_F32(0.0331))                 # 0.0331f, promoted to double
_FLT_MIN, _DBL_MIN = float(np.finfo(_F32).tiny), float(np.finfo(np.float64).tiny)
_inf = math.inf


@functools.lru_cache(maxsize=None)
def cfunction(name, ctype=ctypes.c_double, nargs=1):
    """The C library's function name (its float version for ctype c_float), loaded on first use."""
    f = getattr(libm._library(), name)
    f.restype, f.argtypes = ctype, [ctype] * nargs
    return f


def _lgamma(x):
    return cfunction("lgamma")(x)   # std::lgamma (CPython's math.lgamma is its own, not the C library's)


def _log1pf(x):
    return cfunction("log1pf", ctypes.c_float)(x)   # std::log1p(float)


def _log(x):
    """std::log: -inf at 0 where math.log raises."""
    return math.log(x) if x > 0 else (-_inf if x == 0 else math.nan)


class _Words:
    """The generator's next words as a sampler's loop reads them, a uniform or a normal at a time. Words are drawn
    in chunks; close() puts back the ones not read, so the stream moves exactly as PyTorch's does."""
    __slots__ = ("gen", "buf", "pos", "snap")

    def __init__(self, gen):
        self.gen, self.buf, self.pos, self.snap = gen, [], 0, None

    def _fill(self):
        gen = self.gen
        if self.snap is None:
            gen._ahead.rewind(gen._mt)              # the twister where the stream is: the snapshot to come back to
            self.snap = _snapshot(gen._mt)
        self.buf += gen._raw(max(64, len(self.buf))).tolist()

    def uniform(self):
        """uniform_real_distribution<double>(0, 1): the low 53 bits of random64()."""
        p = self.pos
        if p + 2 > len(self.buf):
            self._fill()
        b = self.buf
        self.pos = p + 2
        return (((b[p] & 0x1FFFFF) << 32) | b[p + 1]) * _ULP

    def normal(self):
        """normal_distribution<double>(0, 1): the cached sine of the last pair, else a new pair (cos returned)."""
        gen = self.gen
        cached = gen._normal64
        if cached is not None:
            gen._normal64 = None
            return cached + 0.0
        u1 = self.uniform()
        u2 = self.uniform()
        r = math.sqrt(-2.0 * math.log1p(-u2))
        theta = _TWO_PI * u1
        gen._normal64 = r * math.sin(theta)
        return r * math.cos(theta) + 0.0

    def close(self):
        if self.snap is not None and self.pos < len(self.buf):
            _restore(self.gen._mt, self.snap)
            self.gen._mt.random_raw(self.pos)


def _each(gen, arrays, one, dtype):
    """one(words, *values) for each element of the broadcast arrays, in C order, into an array of dtype."""
    flat = [np.ascontiguousarray(a).reshape(-1).tolist() for a in np.broadcast_arrays(*arrays)]
    shape = np.broadcast_shapes(*(a.shape for a in arrays))
    w = _Words(gen)
    try:
        out = [one(w, *vals) for vals in zip(*flat)]
    finally:
        w.close()
    return np.array(out, dtype).reshape(shape)


# ---------------------------------------------------------------- gamma (and Dirichlet)

def _gamma_one(w, alpha, f32):
    """sample_gamma<scalar_t, double>: alpha and the steps before d in scalar_t (float32 when f32), the rest in
    double; alpha < 1 is boosted by a uniform's power."""
    scale = 1.0
    if alpha < 1.0:
        if alpha == 0.0:
            return 0.0
        inv = float(_F32(1) / _F32(alpha)) if f32 else 1.0 / alpha
        scale *= math.pow(1 - w.uniform(), inv)
        alpha = float(_F32(alpha) + _F32(1)) if f32 else alpha + 1.0
    d = float(_F32(alpha) - _THIRD32) if f32 else alpha - float(_THIRD32)
    c = 1.0 / math.sqrt(9.0 * d) if d >= 0 else math.nan   # (C's sqrt of a negative: nan; so is d for nan alpha)
    while True:
        x = w.normal()
        y = 1.0 + c * x
        while y <= 0:
            x = w.normal()
            y = 1.0 + c * x
        v = y * y * y
        u = 1 - w.uniform()
        xx = x * x
        if u < 1.0 - _C0331 * xx * xx:
            return scale * d * v
        if math.log(u) < 0.5 * xx + d * (1.0 - v + math.log(v)):
            return scale * d * v


def standard_gamma(gen, alpha):
    """torch._standard_gamma(alpha): one Gamma(alpha, 1) draw per element, at least the dtype's tiny."""
    f32 = alpha.dtype == _F32
    tiny = _FLT_MIN if f32 else _DBL_MIN
    if f32:
        return _each(gen, (alpha,), lambda w, a: max(tiny, float(_F32(_gamma_one(w, a, True)))), _F32)
    return _each(gen, (alpha,), lambda w, a: max(tiny, _gamma_one(w, a, False)), alpha.dtype)


def sample_dirichlet(gen, alpha, sum_last):
    """torch._sample_dirichlet(alpha): Gamma draws in double (alpha as double), each row divided by its sum
    (sum_last: ATen's double sum over the last dim, keepdim), clamped to [tiny, largest value below 1]."""
    g = _each(gen, (alpha.astype(np.float64),), lambda w, a: max(_DBL_MIN, _gamma_one(w, a, False)), np.float64)
    x = (g / sum_last(g)).astype(alpha.dtype)
    dt = alpha.dtype.type
    # std::min(max, std::max(tiny, x)): a NaN share (an infinite alpha) becomes tiny, as std::max returns its first
    return np.minimum(np.nextafter(dt(1), dt(0)), np.fmax(np.finfo(alpha.dtype).tiny, x))


# ---------------------------------------------------------------- Poisson

def _floor(x):
    """std::floor of a double: a float, infinities and NaN passed through (Python's math.floor raises)."""
    return float(math.floor(x)) if math.isfinite(x) else x


def _int64(x):
    """(int64_t)x as x86-64 converts it: a value out of int64's range, an infinity or a NaN becomes INT64_MIN
    (cvttsd2si's "integer indefinite"), so a huge rate draws -9.2234e+18 as in PyTorch."""
    if -9223372036854775808.0 <= x < 9223372036854775808.0:
        return int(x)
    return -9223372036854775808


def _poisson_one(w, lam):
    """sample_poisson: Hoermann's transformed rejection for lambda >= 10, else a product of uniforms."""
    if not lam >= 0:
        raise RuntimeError("invalid Poisson rate, expected rate to be non-negative")
    if lam >= 10:
        slam, loglam = math.sqrt(lam), math.log(lam)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        while True:
            u = w.uniform() - 0.5
            v = w.uniform()
            us = 0.5 - abs(u)
            # k is int64_t, but the compiled kernel tests it while it is still the double floor(..): only the
            # returned value is converted (what decides how many uniforms a huge rate draws)
            k = _floor((2 * a / us + b) * u + lam + 0.43)
            if us >= 0.07 and v <= vr:
                return _int64(k)
            if k < 0 or (us < 0.013 and v > us):
                continue
            if _log(v) + math.log(invalpha) - math.log(a / (us * us) + b) <= -lam + k * loglam - _lgamma(k + 1.0):
                return _int64(k)
    if lam == 0:
        return 0
    enlam, x, prod = math.exp(-lam), 0, 1.0
    while True:
        prod *= w.uniform()
        if prod > enlam:
            x += 1
        else:
            return x


def poisson(gen, rate):
    """torch.poisson(rate): one draw per element (rate taken as double), in rate's dtype."""
    return _each(gen, (rate,), _poisson_one, rate.dtype)


# ---------------------------------------------------------------- binomial

def _tail(k):
    """stirling_approx_tail<double>."""
    if k < 10:
        return _TAIL[int(k)]
    kp1sq = (k + 1) * (k + 1)
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1)


_TAIL = (0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
         0.0138761288230707, 0.0118967099458917, 0.0104112652619720, 0.00925546218271273, 0.00833056343336287)


def _btrs(w, count, prob, T):
    """btrs<scalar_t, double>: count and prob are T (numpy float32 scalars, or Python floats for double); the
    products of two scalar_t values round in scalar_t, as in C."""
    one = T(1)
    stddev = float(np.sqrt(count * prob * (one - prob)))
    b = 1.15 + 2.53 * stddev
    a = -0.0873 + 0.0248 * b + 0.01 * float(prob)
    c = float(count * prob) + 0.5
    v_r = 0.92 - 4.2 / b
    r = float(prob / (one - prob))
    alpha = (2.83 + 5.1 / b) * stddev
    m = float(np.floor((count + one) * prob))
    cnt = float(count)
    while True:
        u = w.uniform() - 0.5
        v = w.uniform()
        us = 0.5 - abs(u)
        k = T(_floor((2 * a / us + b) * u + c))   # std::floor: an infinite count gives nan, not an error
        if k < 0 or k > count:
            continue
        if us >= 0.07 and v <= v_r:
            return k
        v = _log(v * alpha / (a / (us * us) + b))
        kk = float(k)
        upper = ((m + 0.5) * math.log((m + 1) / (r * (cnt - m + 1)))
                 + float(count + one) * math.log((cnt - m + 1) / float(count - k + one))
                 + (kk + 0.5) * math.log(r * float(count - k + one) / float(k + one))
                 + _tail(m) + _tail(cnt - m) - _tail(kk) - _tail(float(count - k)))
        if v <= upper:
            return k


def _inversion(w, count, prob, T):
    """binomial_inversion: geometric gaps (log1p of scalar_t) until their sum passes count."""
    logprob = _log1pf(float(-prob)) if T is _F32 else math.log1p(-prob)
    geom_sum, num = 0.0, T(0)
    while True:
        q = _log(w.uniform()) / logprob
        geom_sum += math.ceil(q) if math.isfinite(q) else q
        if geom_sum > count:
            return num
        num = num + T(1)


def _binomial_one(w, count, prob, T):
    count, prob = T(count), T(prob)
    if count <= 0.0 or prob <= 0.0:
        return 0.0
    if prob >= 1.0:
        return count
    if prob <= 0.5:
        if count * prob >= 10.0:
            return _btrs(w, count, prob, T)
        return _inversion(w, count, prob, T)
    if prob > 0.5:
        q = T(1.0 - float(prob))
        if count * q >= 10.0:
            return count - _btrs(w, count, q, T)
        return count - _inversion(w, count, q, T)
    return math.nan


def binomial(gen, count, prob):
    """torch.binomial(count, prob): one draw per element, in count's dtype."""
    T = _F32 if count.dtype == _F32 else float
    return _each(gen, (count, prob.astype(count.dtype)), lambda w, n, p: _binomial_one(w, n, p, T), count.dtype)


# ---------------------------------------------------------------- the in-place draws on the double uniform

def cauchy(gen, shape, dtype, median=0.0, sigma=1.0):
    """Tensor.cauchy_: median + sigma * tan(pi * (u - 0.5)), fused (AVX2/AVX-512 build)."""
    if not sigma > 0:
        raise RuntimeError(f"cauchy_ expects sigma > 0.0, but found sigma={format(sigma, 'g')}")
    n = math.prod(shape)
    u = gen._uniform(n, np.float64) if n else np.empty(0)
    t = np.array([math.tan(math.pi * (x - 0.5)) for x in u.tolist()])
    return _fma64(np.float64(sigma), t, np.float64(median)).astype(dtype).reshape(shape)


def log_normal(gen, shape, dtype, mean=1.0, std=2.0):
    """Tensor.log_normal_: exp of normal_distribution<double>(mean, std), one scalar draw each."""
    if not std > 0:
        raise RuntimeError(f"log_normal_ expects std > 0.0, but found std={format(std, 'g')}")
    w = _Words(gen)
    try:
        z = [w.normal() for _ in range(math.prod(shape))]
    finally:
        w.close()
    x = _fma64(np.array(z, np.float64), np.float64(std), np.float64(mean))
    return np.array([math.exp(v) for v in x.tolist()], np.float64).astype(dtype).reshape(shape)


def geometric(gen, shape, dtype, p):
    """Tensor.geometric_(p): ceil(log(u) / log1p(-p)) on the double uniform."""
    if not 0 < p < 1:
        raise RuntimeError(f"geometric_ expects p to be in (0, 1), but got p={format(p, 'g')}")
    n = math.prod(shape)
    u = gen._uniform(n, np.float64) if n else np.empty(0)
    lp = math.log1p(-p)
    out = [math.ceil(q) if math.isfinite(q) else q for q in (_log(x) / lp for x in u.tolist())]
    return np.array(out, np.float64).astype(dtype).reshape(shape)
