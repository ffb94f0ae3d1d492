"""torch.special's own ops (forward and vjp side by side): entr (-x log x, the entropy term), xlog1py, the number
addition ATen's composites record (AddBackward1), the Bessel functions i0/i0e/i1/i1e, ndtri, log_ndtr and the
multivariate log-gamma (mvlgamma). The rest of torch.special is other ops under other names (torch/special.py)."""
import math

import numpy as np

from . import libm, special_fns
from .optable import defop
from .xp import rounded_f32

_log, _log1p = rounded_f32(np.log), rounded_f32(np.log1p)


def _entr(a):
    """-x * log(x), ATen's scalar kernel: the C library's log / logf (numpy's differs in the last bit)."""
    t = a.dtype.type
    log = libm.log if a.dtype == np.float32 or a.dtype == np.float64 else _log
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.negative(a) * log(np.where(a > 0, a, t(1)))
    return np.where(np.isnan(a), a, np.where(a > 0, out, np.where(a == 0, t(0), t(-np.inf))))


@defop("special_entr", "SpecialEntrBackward0", _entr, saves=(0,))
def entr_vjp(xp, grad, saved, consts, needs):
    """-x log x (0 at 0, -inf below): the gradient is -(1 + log x)."""
    a, = saved
    return (grad * -(1 + xp.log(a)),)


def _libm_log1p(b):
    """The C library's log1p of the elements above -1 (finite), numpy's -inf / nan / inf for the others."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.array(np.log1p(b))
    ok = (b > -1) & np.isfinite(b)
    if ok.any():
        out[ok] = libm.apply("log1p", b[ok])
    return out


def _xlog1py(a, b):
    """x * log1p(y), ATen's scalar kernel: the C library's log1p / log1pf (numpy's float64 log1p differs from it
    in about 1 value in 12)."""
    out = a * (_libm_log1p(b) if b.dtype == np.float32 or b.dtype == np.float64 else _log1p(b))
    return np.where(np.isnan(b), b, np.where(a == 0, a.dtype.type(0), out))


@defop("special_xlog1py", "SpecialXlog1PyBackward0", _xlog1py, saves=(0, 1))
def xlog1py_vjp(xp, grad, saved, consts, needs):
    """x log(1 + y), 0 where x is 0: x's gradient is log1p(y), y's is x / (1 + y)."""
    a, b = saved
    ga = grad * xp.call("log1p", (b,)) if needs[0] else None   # (PyTorch's formula: also where x is 0)
    gb = grad * a / (b + 1) if needs[1] else None
    return ga, gb


# xlog1py with a number for one side, a constant (as xlogy: SpecialXlog1PyBackward2 when other is a number, 1 when
# self is)
@defop("special_xlog1py_other", "SpecialXlog1PyBackward2", lambda a, b: _xlog1py(a, np.asarray(b, a.dtype)),
       saves=(0,))
def xlog1py_other_vjp(xp, grad, saved, consts, needs):
    a, = saved
    b = xp.call("log1p", (xp.constant(a, consts[0]),))
    if consts[0] <= -1:   # PyTorch masks the infinite log1p where self is 0
        b = xp.where(a == 0, 0.0, b)
    return (grad * b,)


@defop("special_xlog1py_self", "SpecialXlog1PyBackward1", lambda b, a: _xlog1py(np.asarray(a, b.dtype), b),
       saves=(0,))
def xlog1py_self_vjp(xp, grad, saved, consts, needs):
    b, = saved
    return (grad * consts[0] / (b + 1),)


@defop("add_scalar", "AddBackward1", lambda a, k: a + a.dtype.type(k))
def add_scalar_vjp(xp, grad, saved, consts, needs):
    """input + a number, as ATen's composite functions add one (at::add(Tensor, Scalar)): special.ndtr."""
    return (grad,)


@defop("sub_scalar", "SubBackward1", lambda a, k: a - a.dtype.type(k))
def sub_scalar_vjp(xp, grad, saved, consts, needs):
    """input - a number, as ATen's backward formulas subtract one (at::sub(Tensor, Scalar)): acosh's."""
    return (grad,)


# ---------------------------------------------------------------- Bessel I0/I1, the normal quantile, log-CDF,
# the multivariate log-gamma. i0 runs ATen's own Chebyshev kernel (special_fns.i0); i1, ndtri and log_ndtr are
# computed in float64 and rounded once (ATen's float32 kernels agree with that to a unit or two in the last place).

_SQRT_2PI = math.sqrt(2 * math.pi)


def _i1e64(x):
    """exp(-|x|) * I1(x) in float64: the power series (terms in log space) up to |x| = 500, the asymptotic
    expansion beyond."""
    x = np.asarray(x, np.float64)
    ax = np.abs(x)
    out = np.zeros_like(ax)
    small = (ax > 0) & (ax <= 500)
    if small.any():
        a = ax[small]
        log_half = np.log(a / 2)
        log_term = log_half.copy()   # k = 0: (x/2) / (0! 1!)
        total = np.exp(log_term - a)
        for k in range(1, int(a.max() / 2 + 12 * math.sqrt(a.max()) + 40)):
            log_term = log_term + 2 * log_half - math.log(k) - math.log(k + 1)
            total = total + np.exp(log_term - a)
        out[small] = total
    big = ax > 500
    if big.any():
        a = ax[big]
        term, total = np.ones_like(a), np.ones_like(a)
        for k in range(1, 15):   # mu = 4: (1 - 3/(8x) - 15/(2 (8x)^2) ...)
            term = term * -(4 - (2 * k - 1) ** 2) / (k * 8 * a)
            total = total + term
        out[big] = total / np.sqrt(2 * np.pi * a)
    return np.sign(x) * out


def _i0e(a):
    """ATen's calc_i0e: the Chebyshev series of calc_i0 without its exp(x)."""
    t = a.dtype.type
    x = np.abs(a)
    out = np.empty_like(x)
    low = x <= t(8)
    out[low] = special_fns._chbevl(x[low] / t(2) - t(2), special_fns._I0_A, t)
    with np.errstate(all="ignore"):
        out[~low] = special_fns._chbevl(t(32) / x[~low] - t(2), special_fns._I0_B, t) / np.sqrt(x[~low])
    return out


def _i1(a):
    with np.errstate(over="ignore"):
        return (_i1e64(a) * np.exp(np.abs(a.astype(np.float64)))).astype(a.dtype)


def _i1e(a):
    return _i1e64(a).astype(a.dtype)


@defop("special_i0", "I0Backward0", special_fns.i0, saves=(0,))
def i0_vjp(xp, grad, saved, consts, needs):
    """I0' = I1."""
    return (grad * xp.call("special_i1", (saved[0],)),)


@defop("special_i0e", "SpecialI0EBackward0", _i0e, saves=(0, -1))
def i0e_vjp(xp, grad, saved, consts, needs):
    """(exp(-|x|) I0)' = i1e(x) - sgn(x) * i0e(x)."""
    a, out = saved
    return (grad * (xp.call("special_i1e", (a,)) - xp.sign(a) * out),)


def _tiny_safe(xp, a):
    """ATen's i1 / i1e backward: |x| <= eps is treated as eps (the gradient there is set to 0.5)."""
    eps = float(np.finfo((a if xp.is_numpy else a._data).dtype).eps)
    big = xp.abs(a) > eps
    return big, xp.where(big, a, eps + a * 0)


@defop("special_i1", "SpecialI1Backward0", _i1, saves=(0, -1))
def i1_vjp(xp, grad, saved, consts, needs):
    """I1' = I0 - I1 / x (0.5 at 0)."""
    a, out = saved
    big, safe = _tiny_safe(xp, a)
    return (grad * xp.where(big, xp.call("special_i0", (safe,)) - out * (1 / safe), 0.5),)


@defop("special_i1e", "SpecialI1EBackward0", _i1e, saves=(0, -1))
def i1e_vjp(xp, grad, saved, consts, needs):
    """i1e' = i0e - i1e * (sgn(x) + 1 / x) (0.5 at 0)."""
    a, out = saved
    big, safe = _tiny_safe(xp, a)
    return (grad * xp.where(big, xp.call("special_i0e", (safe,)) - out * (xp.sign(safe) + 1 / safe), 0.5),)


_ERFC = np.vectorize(math.erfc, otypes=[np.float64])


def _ndtri64(p):
    """The standard normal quantile in float64: Acklam's rational approximation, polished by Halley steps on
    0.5 * erfc(-x / sqrt 2) (exact in the lower tail; the upper tail by symmetry)."""
    p = np.asarray(p, np.float64)
    q = np.where(p > 0.5, 1 - p, p)                        # the lower tail: 1 - p is exact for p in [0.5, 1]
    out = np.full(p.shape, np.nan)
    ok = (q > 0) & (q <= 0.5)
    r = q[ok]
    a = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
         -3.066479806614716e+01, 2.506628277459239e+00)
    b = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
         -1.328068155288572e+01)
    c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
         4.374664141464968e+00, 2.938163982698783e+00)
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00)
    with np.errstate(all="ignore"):
        s = np.sqrt(-2 * np.log(np.where(r < 0.02425, r, 0.5)))
        tail = (((((c[0] * s + c[1]) * s + c[2]) * s + c[3]) * s + c[4]) * s + c[5]) / \
            ((((d[0] * s + d[1]) * s + d[2]) * s + d[3]) * s + 1)
        u = r - 0.5
        v = u * u
        mid = (((((a[0] * v + a[1]) * v + a[2]) * v + a[3]) * v + a[4]) * v + a[5]) * u / \
            (((((b[0] * v + b[1]) * v + b[2]) * v + b[3]) * v + b[4]) * v + 1)
        x = np.where(r < 0.02425, tail, mid)
        for _ in range(3):
            e = 0.5 * _ERFC(-x / math.sqrt(2)) - r
            step = e * _SQRT_2PI * np.exp(x * x / 2)
            x = x - step / (1 + x * step / 2)
    out[ok] = x
    out = np.where(p > 0.5, -out, out)
    out = np.where(p == 0, -np.inf, np.where(p == 1, np.inf, out))
    return np.where((p < 0) | (p > 1) | np.isnan(p), np.nan, out)


@defop("special_ndtri", "SpecialNdtriBackward0", lambda a: _ndtri64(a).astype(a.dtype), saves=(-1,))
def ndtri_vjp(xp, grad, saved, consts, needs):
    """sqrt(2 pi) * exp(x^2 / 2) at x = ndtri(p)."""
    out, = saved
    return (grad * _SQRT_2PI * xp.exp(out * out / 2),)


def _log_ndtr(a):
    """log of the standard normal CDF in float64, rounded once: log1p(-erfc(t) / 2) from x = -1 up, log(erfc(-t) /
    2) below, and for x < -8 sqrt 2 the asymptotic series of erfc (no underflow)."""
    x = np.asarray(a, np.float64)
    t = x / math.sqrt(2)
    out = np.empty_like(x)
    with np.errstate(all="ignore"):
        upper = x >= -1
        out[upper] = np.log1p(-_ERFC(t[upper]) / 2)
        middle = (x < -1) & (t >= -8)
        out[middle] = np.log(_ERFC(-t[middle]) / 2)
        low = t < -8
        z = -t[low]
        term, series = np.ones_like(z), np.ones_like(z)
        for k in range(1, 40):   # erfc(z) = exp(-z^2) / (z sqrt(pi)) * sum (-1)^k (2k-1)!! / (2 z^2)^k
            term = term * -(2 * k - 1) / (2 * z * z)
            series = series + term
        out[low] = -z * z - np.log(z * math.sqrt(math.pi)) + np.log(series) - math.log(2)
    out[np.isnan(x)] = np.nan
    return out.astype(a.dtype)


@defop("special_log_ndtr", "SpecialLogNdtrBackward0", _log_ndtr, saves=(0, -1))
def log_ndtr_vjp(xp, grad, saved, consts, needs):
    """pdf(x) / cdf(x), as ATen writes it: grad / sqrt(2 pi) * exp(-(log_ndtr(x) + x^2 / 2))."""
    a, out = saved
    return (grad / _SQRT_2PI * xp.exp(-(out + a * a / 2)),)


def _erfcx(a):
    """exp(x^2) erfc(x), for x >= 0 in float64 rounded once: below 26 the product, x^2 split exactly (Veltkamp) so
    exp loses nothing, from 26 up the asymptotic series of erfc. Below 0 ATen's formula in the input's dtype,
    2 exp(x * x) - erfcx(-x) with x * x rounded (inf below -26.7, the erfcx term dropped below -6.1)."""
    x = np.asarray(a, np.float64)
    z = np.abs(x)
    out = np.empty_like(z)
    with np.errstate(all="ignore"):
        near = z < 26
        zn = z[near]
        c = 134217729.0 * zn
        hi = c - (c - zn)
        lo = zn - hi
        out[near] = np.exp(hi * hi) * np.exp((2 * hi + lo) * lo) * _ERFC(zn)
        zf = z[~near]
        term, series = np.ones_like(zf), np.ones_like(zf)
        for k in range(1, 12):   # erfcx(z) = 1 / (z sqrt(pi)) * sum (-1)^k (2k-1)!! / (2 z^2)^k
            term = term * -(2 * k - 1) / (2 * zf * zf)
            series = series + term
        out[~near] = series / (zf * math.sqrt(math.pi))
        out = out.astype(a.dtype)
        neg = x < 0
        xn = np.asarray(a)[neg]
        twice = 2 * np.exp((xn * xn).astype(np.float64)).astype(a.dtype)
        out[neg] = np.where(xn < -26.7, np.inf, np.where(xn < -6.1, twice, twice - out[neg]))
    out[np.isnan(x)] = np.nan
    return out


@defop("special_erfcx", "SpecialErfcxBackward0", _erfcx, saves=(0, -1))
def erfcx_vjp(xp, grad, saved, consts, needs):
    """erfcx' = 2 x erfcx(x) - 2 / sqrt(pi) (ATen's formula, in the result)."""
    a, out = saved
    return (grad * (2 * a * out - 2 / math.sqrt(math.pi)),)


def _mvlgamma_args(a, p):
    """a[..., None] + (-(p - 1)/2, ..., -1/2, 0): the arguments of the p log-gammas (ATen's arange, added)."""
    return a[..., None] + np.arange(-p * 0.5 + 0.5, 0.5, 0.5).astype(a.dtype)


def _mvlgamma(a, p):
    total = np.add.reduce(special_fns.lgamma(_mvlgamma_args(a, p)), axis=-1)
    return total + a.dtype.type(p * (p - 1) * math.log(math.pi) / 4)


@defop("mvlgamma", "MvlgammaBackward0", _mvlgamma, saves=(0,))
def mvlgamma_vjp(xp, grad, saved, consts, needs):
    """The sum of the digammas of the p arguments."""
    a, = saved
    p = consts[0]
    if xp.is_numpy:
        return (grad * np.add.reduce(special_fns.digamma(_mvlgamma_args(a, p)), axis=-1),)
    shifts = xp.wrap(np.arange(-p * 0.5 + 0.5, 0.5, 0.5).astype(a._data.dtype))
    return (grad * xp.sum(xp.call("dist_digamma", (xp.reshape(a, tuple(a.shape) + (1,)) + shifts,)), (a.ndim,)),)


def _zeta(x, q):
    """The Hurwitz zeta function elementwise (Cephes, in double; special_fns._zeta), in the inputs' dtype."""
    x, q = np.broadcast_arrays(x, q)
    out = np.array([special_fns._zeta(float(a), float(b)) for a, b in zip(x.reshape(-1).tolist(),
                                                                          q.reshape(-1).tolist())], np.float64)
    return out.reshape(x.shape).astype(np.result_type(x, q))


@defop("special_zeta", "SpecialZetaBackward0", _zeta, saves=(0, 1))
def zeta_vjp(xp, grad, saved, consts, needs):
    """Only q's derivative exists (-x * zeta(x + 1, q)); PyTorch has none for x."""
    x, q = saved
    if needs[0]:
        raise NotImplementedError("the derivative for 'zeta' is not implemented.")
    return None, grad * -x * xp.call("special_zeta", (x + 1, q))


# ---------------------------------------------------------------- regularised incomplete gamma functions


def _igamma_pair(a, x):
    """(P(a, x), Q(a, x)) in double: the power series below x = a + 1, Lentz's continued fraction above."""
    log_front = -x + a * math.log(x) - math.lgamma(a)
    if x < a + 1:
        term = total = 1.0 / a
        for n in range(1, 100000):
            term *= x / (a + n)
            total += term
            if abs(term) < abs(total) * 1e-17:
                break
        p = total * math.exp(log_front)
        return p, 1.0 - p
    tiny = 1e-300
    b = x + 1.0 - a
    c, d = 1.0 / tiny, 1.0 / b
    h = d
    for i in range(1, 100000):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-17:
            break
    q = math.exp(log_front) * h
    return 1.0 - q, q


def _igamma_scalar(a, x, upper):
    """ATen's calc_igamma / calc_igammac edge cases, then the pair above."""
    if math.isnan(a) or math.isnan(x) or a < 0 or x < 0:
        return math.nan
    if a == 0:
        return (0.0 if upper else 1.0) if x > 0 else math.nan
    if x == 0:
        return 1.0 if upper else 0.0
    if math.isinf(a):
        return math.nan if math.isinf(x) else (1.0 if upper else 0.0)
    if math.isinf(x):
        return 0.0 if upper else 1.0
    return _igamma_pair(a, x)[1 if upper else 0]


def _igamma(a, x, upper=False):
    a, x = np.broadcast_arrays(a, x)
    out = [_igamma_scalar(u, v, upper) for u, v in zip(a.reshape(-1).tolist(), x.reshape(-1).tolist())]
    return np.array(out, np.float64).reshape(a.shape).astype(np.result_type(a, x))


def _igamma_x_grad(xp, grad, a, x):
    """d P(a, x) / dx = exp((a - 1) log x - x - lgamma(a))."""
    if xp.is_numpy:
        with np.errstate(all="ignore"):
            return grad * np.exp((a - 1) * np.log(x) - x - special_fns.lgamma(a))
    return grad * xp.exp((a - 1) * xp.log(x) - x - xp.call("dist_lgamma", (a,)))


@defop("igamma", "IgammaBackward0", _igamma, saves=(0, 1))
def igamma_vjp(xp, grad, saved, consts, needs):
    """Only x's derivative exists (PyTorch has none for a)."""
    a, x = saved
    if needs[0]:
        raise NotImplementedError("the derivative for 'igamma: input' is not implemented.")
    return None, _igamma_x_grad(xp, grad, a, x)


@defop("igammac", "IgammacBackward0", lambda a, x: _igamma(a, x, True), saves=(0, 1))
def igammac_vjp(xp, grad, saved, consts, needs):
    a, x = saved
    if needs[0]:
        raise NotImplementedError("the derivative for 'igammac: input' is not implemented.")
    return None, -_igamma_x_grad(xp, grad, a, x)
