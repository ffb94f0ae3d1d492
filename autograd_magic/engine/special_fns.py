"""Special functions as PyTorch 2.13's CPU kernels compute them (ATen's Math.h and Distributions.h, Cephes' and
TensorFlow's formulas): lgamma (SLEEF's, the C library's with 'default'), digamma, trigamma, polygamma, i0 (torch.kaiser_window), and the
reparameterized gradients of Gamma and Dirichlet draws (_standard_gamma_grad, _dirichlet_grad).

Array functions work on float32 or float64 numpy arrays in that dtype (float32 steps on float32 arrays, as the C
code's float arithmetic); the gradients loop per element in Python floats (double, the kernels' accumulate type)
with the C library's log/exp/pow/tan, where ATen calls them from code compiled without fused multiply-adds."""
import ctypes
import math

import numpy as np

from . import sleef_gamma, vec_kernels
from .random_kernels import _fma32, _fma64
from .random_samplers import cfunction

_F32, _F64 = np.float32, np.float64


class _CFunctions(dict):
    """The C library's functions by name (logf, expf, sinf, lgammaf: float; lgamma: double), loaded on first use."""

    def __missing__(self, name):
        f = self[name] = cfunction(name, ctypes.c_double if name == "lgamma" else ctypes.c_float)
        return f


_C = _CFunctions()


def _lgamma_f64(x):
    return np.frompyfunc(_C["lgamma"], 1, 1)(x)


def _logf(x):
    return np.frompyfunc(_C["logf"], 1, 1)(x)


def lgamma(x):
    """torch.lgamma's kernel per element: SLEEF's lgamma_u1 (ATen's Vectorized<T>::lgamma, which its vml kernel maps
    over every element whatever the layout, 0-d tensors too) with the avx2 / avx512 capabilities; with 'default'
    the C library's std::lgamma (lgammaf for float32: glibc's float version, not the double one rounded)."""
    if not x.size:
        return x.copy()
    if vec_kernels.capability() != "default" and x.dtype in (_F32, _F64):
        return sleef_gamma.lgamma(x)
    if x.dtype == _F32:
        return np.asarray(np.frompyfunc(_C["lgammaf"], 1, 1)(x)).astype(_F32)
    return np.asarray(_lgamma_f64(x)).astype(x.dtype)


def _fused(t):
    return _fma32 if t is _F32 else _fma64


def _polevl(z, coeffs, t):
    """Horner from +0, each step a fused multiply-add (the AVX2 / AVX-512 builds contract it)."""
    r = np.zeros_like(z)
    fma = _fused(t)
    for c in coeffs:
        r = fma(r, z, t(c))
    return r


_PSI_A = (8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
          -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
          8.33333333333333333333E-2)


def digamma(x):
    """calc_digamma: the reflection for negative x, recurrence up to 10, then the asymptotic series."""
    t = x.dtype.type
    x = np.array(x, copy=True)
    out = np.empty_like(x)
    with np.errstate(all="ignore"):
        zero = x == 0
        out[zero] = np.copysign(np.inf, -x[zero])
        neg = x < 0
        out[neg & (x == np.trunc(x))] = np.nan
        refl = neg & (x != np.trunc(x))
        pos = ~zero & ~neg & ~np.isnan(x)
        out[np.isnan(x)] = np.nan
        if refl.any():
            r = np.modf(x[refl].astype(_F64))[0]
            corr = (math.pi / np.array([math.tan(math.pi * v) for v in r.tolist()])).astype(t)
            out[refl] = digamma(t(1) - x[refl]) - corr
        if pos.any():
            out[pos] = _digamma_pos(x[pos], t)
    return out


def _digamma_pos(x, t):
    result = np.zeros_like(x)
    small = x < 10
    while small.any():
        result[small] -= t(1) / x[small]
        x[small] += t(1)
        small = x < 10
    out = np.empty_like(x)
    ten = x == 10
    out[ten] = result[ten] + t(2.25175258906672110764)
    rest = ~ten
    xr = x[rest]
    y = np.zeros_like(xr)
    fin = xr < t(1.0e17)
    z = t(1) / (xr[fin] * xr[fin])
    y[fin] = z * _polevl(z, _PSI_A, t)
    log = np.asarray(_logf(xr)).astype(_F32) if t is _F32 else np.array([math.log(v) for v in xr.tolist()], _F64)
    out[rest] = result[rest] + log - t(0.5) / xr - y
    return out


def trigamma(x):
    """ATen's trigamma: reflection below 1/2, six recurrence steps, then the asymptotic series."""
    t = x.dtype.type
    x = np.array(x, copy=True)
    with np.errstate(all="ignore"):
        sign = np.ones_like(x)
        result = np.zeros_like(x)
        low = x < t(0.5)
        if low.any():
            pi = t(math.pi)
            s = np.array([(_C["sinf"] if t is _F32 else math.sin)(v) for v in (pi * x[low]).tolist()], t)
            sign[low] = -1
            result[low] -= (pi * pi) / (s * s)
            x[low] = t(1) - x[low]
        for _ in range(6):
            result += t(1) / (x * x)
            x += t(1)
        ixx = t(1) / (x * x)
        result += (t(1) + t(1) / (t(2) * x) + ixx * (t(1. / 6) - ixx * (t(1. / 30) - ixx * t(1. / 42)))) / x
    return sign * result


_ZETA_A = (12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9, 7.47242496e10,
           -2.950130727918164224e12, 1.1646782814350067249e14, -4.5979787224074726105e15,
           1.8152105401943546773e17, -7.1661652561756670113e18)


def _zeta(x, q):
    """Hurwitz zeta(x, q) (Cephes), in double."""
    machep = 1.11022302462515654042E-16
    if x == 1:
        return math.inf
    if x < 1:
        return math.nan
    if q <= 0:
        if q == math.floor(q):
            return math.inf
        if x != math.floor(x):
            return math.nan
    s, a, b, i = math.pow(q, -x), q, 0.0, 0
    while i < 9 or a <= 9.0:
        i += 1
        a += 1.0
        b = math.pow(a, -x)
        s += b
        if -machep * s < b < machep * s:
            return s
    w = a
    s += b * w / (x - 1.0)
    s -= 0.5 * b
    a, k = 1.0, 0.0
    for c in _ZETA_A:
        a *= x + k
        b /= w
        t = a * b / c
        s = s + t
        if abs(t / s) < machep:
            return s
        k += 1.0
        a *= x + k
        b /= w
        k += 1.0
    return s


def polygamma(n, x):
    """polygamma(n, x): digamma, trigamma, else (-1)^(n+1) n! zeta(n + 1, x)."""
    if n == 0:
        return digamma(x)
    if n == 1:
        return trigamma(x)
    t = x.dtype.type
    if t is _F32:
        factor = _F32(1 if n % 2 else -1) * _F32(_C["expf"](_C["lgammaf"](float(_F32(n) + _F32(1)))))
    else:
        factor = (1.0 if n % 2 else -1.0) * math.exp(_C["lgamma"](n + 1.0))
    z = np.array([_zeta(float(t(n + 1)), v) for v in x.reshape(-1).tolist()], x.dtype).reshape(x.shape)
    return factor * z


# ---------------------------------------------------------------- i0 and the Kaiser window

_I0_A = (-4.41534164647933937950E-18, 3.33079451882223809783E-17, -2.43127984654795469359E-16,
         1.71539128555513303061E-15, -1.16853328779934516808E-14, 7.67618549860493561688E-14,
         -4.85644678311192946090E-13, 2.95505266312963983461E-12, -1.72682629144155570723E-11,
         9.67580903537323691224E-11, -5.18979560163526290666E-10, 2.65982372468238665035E-9,
         -1.30002500998624804212E-8, 6.04699502254191894932E-8, -2.67079385394061173391E-7,
         1.11738753912010371815E-6, -4.41673835845875056359E-6, 1.64484480707288970893E-5,
         -5.75419501008210370398E-5, 1.88502885095841655729E-4, -5.76375574538582365885E-4,
         1.63947561694133579842E-3, -4.32430999505057594430E-3, 1.05464603945949983183E-2,
         -2.37374148058994688156E-2, 4.93052842396707084878E-2, -9.49010970480476444210E-2,
         1.71620901522208775349E-1, -3.04682672343198398683E-1, 6.76795274409476084995E-1)
_I0_B = (-7.23318048787475395456E-18, -4.83050448594418207126E-18, 4.46562142029675999901E-17,
         3.46122286769746109310E-17, -2.82762398051658348494E-16, -3.42548561967721913462E-16,
         1.77256013305652638360E-15, 3.81168066935262242075E-15, -9.55484669882830764870E-15,
         -4.15056934728722208663E-14, 1.54008621752140982691E-14, 3.85277838274214270114E-13,
         7.18012445138366623367E-13, -1.79417853150680611778E-12, -1.32158118404477131188E-11,
         -3.14991652796324136454E-11, 1.18891471078464383424E-11, 4.94060238822496958910E-10,
         3.39623202570838634515E-9, 2.26666899049817806459E-8, 2.04891858946906374183E-7,
         2.89137052083475648297E-6, 6.88975834691682398426E-5, 3.36911647825569408990E-3,
         8.04490411014108831608E-1)


def _chbevl(x, coeffs, t):
    """Clenshaw's recurrence b0 = x * b1 - b2 + c, with x * b1 - b2 fused (AVX2 / AVX-512 build)."""
    fma = _fused(t)
    b0, b1, b2 = np.full_like(x, t(coeffs[0])), np.zeros_like(x), np.zeros_like(x)
    for c in coeffs[1:]:
        b2, b1 = b1, b0
        b0 = fma(x, b1, -b2) + t(c)
    return t(0.5) * (b0 - b2)


def _exp(x, t):
    """std::exp per element (expf for float32): the C library's bits."""
    f = _C["expf"] if t is _F32 else _exp64
    return np.array([f(v) for v in x.reshape(-1).tolist()], t).reshape(x.shape)


def _exp64(v):
    try:
        return math.exp(v)
    except OverflowError:
        return math.inf


def i0(x):
    """calc_i0: exp(x) times Chebyshev series on [0, 8], and over 8 exp(x) * series(32 / x - 2) / sqrt(x)."""
    t = x.dtype.type
    x = np.abs(x)
    out = np.empty_like(x)
    low = x <= t(8)
    xl = x[low]
    out[low] = _exp(xl, t) * _chbevl(xl / t(2) - t(2), _I0_A, t)
    xh = x[~low]
    with np.errstate(all="ignore"):
        out[~low] = _exp(xh, t) * _chbevl(t(32) / xh - t(2), _I0_B, t) / np.sqrt(xh)
    return out


def kaiser(n, beta, dtype):
    """ATen's kaiser_window kernel on arange(n): i0(beta * sqrt(|1 - ((k - alpha) / alpha)^2|)) / i0(beta) with
    alpha = (n - 1) / 2, the square's 1 - t * t fused. float16 and bfloat16 compute in float32 (their opmath
    type) on the arange rounded to their own precision, and round the window back."""
    dtype = np.dtype(dtype)
    if dtype.itemsize == 2:
        k = np.arange(n, dtype=np.float32).astype(dtype).astype(np.float32)
        return _kaiser_on(k, n, beta, np.float32).astype(dtype)
    return _kaiser_on(np.arange(n, dtype=dtype), n, beta, dtype)


def _kaiser_on(k, n, beta, dtype):
    t = np.dtype(dtype).type
    alpha, b = t((n - 1) / 2.0), t(beta)
    r = (k - alpha) / alpha
    inner = np.abs(_fused(t)(-r, r, t(1)))
    num = i0(b * np.sqrt(inner))
    return num / i0(np.array([b]))[0]
