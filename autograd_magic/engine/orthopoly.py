"""The orthogonal polynomials of torch.special (Chebyshev T, U, V, W and their shifted forms on [0, 1], Hermite H
and He, Laguerre L, Legendre P) as ATen's Math.h evaluates them: n truncated to an integer (0 for n < 0; nan, inf
and out-of-range n count as negative), the closed values at the interval's ends, the trigonometric form for large n
inside the interval (Chebyshev), else the three-term recurrence, stopped where it turns nan. In x's dtype, with the
C library's cos, sin and acos. PyTorch does not differentiate them."""
import numpy as np

from .bessel_more import cfun, fmadd

_INT64_MIN = np.iinfo(np.int64).min


def degrees(n):
    """n (in the computation's float dtype) as C's static_cast<int64_t>: nan, inf and out-of-range give INT64_MIN."""
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(n) & (np.abs(n) < 2.0 ** 63)
        return np.where(ok, np.where(ok, n, 0).astype(np.int64), _INT64_MIN)


def _recurrence(x, n, first, step, start=2, stop_nan=True, last=None):
    """The value after the recurrence q_{k} = step(k, p, q) for k = start ... last(n) from (1, first): each element
    stops after its own last k (or where its q turned nan)."""
    p, q = np.ones_like(x), first.copy()
    r = np.full_like(x, x.dtype.type(np.nan))
    last = n if last is None else last(n)
    k = start
    active = k <= last
    while active.any():
        if stop_nan:
            active &= ~np.isnan(q)
            if not active.any():
                break
        with np.errstate(all="ignore"):
            new = step(k, p, q)
        r = np.where(active, new, r)
        p, q = np.where(active, q, p), np.where(active, new, q)
        k += 1
        active &= k <= last
    return r


def _evaluate(x, n, cases, recurrence):
    """cases: (mask function, value function) pairs, first match wins; the rest by recurrence."""
    x, n = np.broadcast_arrays(x, n)
    out = np.empty(x.shape, x.dtype)
    todo = np.ones(x.shape, bool)
    with np.errstate(all="ignore"):
        for when, value in cases:
            hit = todo & when(x, n)
            if hit.any():
                out[hit] = np.broadcast_to(value(x[hit], n[hit]), (int(hit.sum()),))
            todo &= ~hit
    if todo.any():
        out[todo] = recurrence(x[todo], n[todo])
    return out


def _c(x, value):
    return x.dtype.type(value)


def _sign_by_parity(n, value):
    return np.where(n % 2 == 0, value, -value)


def _chebyshev(x, n, kind, shifted):
    """Chebyshev polynomials of kind 't', 'u', 'v', 'w' (shifted: of 2x - 1, with its own ends 0 and 1)."""
    t = x.dtype.type
    y = (lambda x: x + x - t(1.0)) if shifted else (lambda x: x)
    hi = (lambda x, n: x == t(1.0)) if shifted else (lambda x, n: (np.abs(x) == t(1.0)) & (x > 0))
    lo = (lambda x, n: x == t(0.0)) if shifted else (lambda x, n: (np.abs(x) == t(1.0)) & ~(x > 0))
    big = 6 if kind == "t" or shifted else 8
    big = 4 if kind == "w" and shifted else big
    at_hi = {"t": lambda n: np.ones(n.shape, np.int64), "u": lambda n: n + 1,
             "v": lambda n: np.ones(n.shape, np.int64), "w": lambda n: n + n + 1}[kind]
    at_lo = {"t": lambda n: _sign_by_parity(n, 1), "u": lambda n: _sign_by_parity(n, n + 1),
             "v": lambda n: _sign_by_parity(n, n + n + 1), "w": lambda n: _sign_by_parity(n, 1)}[kind]

    def trig(x, n):
        theta = cfun("acos", y(x))
        nf = n.astype(x.dtype)
        if kind == "t":
            return cfun("cos", nf * theta)
        if kind == "u":
            s = cfun("sin", theta)
            return np.where(s != 0, cfun("sin", (nf + t(1)) * theta) / s,
                            (nf + t(1)) * cfun("cos", (nf + t(1)) * theta) / y(x))
        half = theta / t(2.0)
        if kind == "v":
            return np.where(cfun("sin", half) != t(1.0), cfun("cos", (nf + t(0.5)) * theta) / cfun("cos", half),
                            _sign_by_parity(n, n + n + 1).astype(x.dtype))
        fallback = (np.where(x > 0, n + n + 1, _sign_by_parity(n, 1)) if not shifted else _sign_by_parity(n, 1))
        return np.where(cfun("cos", half) != t(1.0), cfun("sin", (nf + t(0.5)) * theta) / cfun("sin", half),
                        fallback.astype(x.dtype))
    first = {"t": lambda x: y(x), "u": lambda x: y(x) + y(x), "v": lambda x: y(x) + y(x) - t(1.0),
             "w": lambda x: y(x) + y(x) + t(1.0)}[kind]
    cases = [(lambda x, n: n < 0, lambda x, n: _c(x, 0)),
             (hi, lambda x, n: at_hi(n).astype(x.dtype)),
             (lo, lambda x, n: at_lo(n).astype(x.dtype)),
             (lambda x, n: (n > big) & (np.abs(y(x)) < t(1.0)), trig),
             (lambda x, n: n == 0, lambda x, n: _c(x, 1)),
             (lambda x, n: n == 1, lambda x, n: first(x))]
    return _evaluate(x, n, cases, lambda x, n: _recurrence(x, n, first(x), lambda k, p, q: fmadd(y(x) + y(x), q, -p)))


def _factory(kind, shifted):
    def fn(x, n):
        return _chebyshev(x, n, kind, shifted)
    return fn


chebyshev_polynomial_t, chebyshev_polynomial_u = _factory("t", False), _factory("u", False)
chebyshev_polynomial_v, chebyshev_polynomial_w = _factory("v", False), _factory("w", False)
shifted_chebyshev_polynomial_t, shifted_chebyshev_polynomial_u = _factory("t", True), _factory("u", True)
shifted_chebyshev_polynomial_v, shifted_chebyshev_polynomial_w = _factory("v", True), _factory("w", True)


def _hermite_limit(x):
    return 128 if x.dtype == np.float32 else 512


def hermite_polynomial_h(x, n):
    """The physicists' Hermite polynomial H_n(x) (nan beyond degree 128 in float32, 512 in float64)."""
    t = x.dtype.type
    cases = [(lambda x, n: n < 0, lambda x, n: _c(x, 0)), (lambda x, n: n == 0, lambda x, n: _c(x, 1)),
             (lambda x, n: n == 1, lambda x, n: x + x),
             (lambda x, n: n > _hermite_limit(x), lambda x, n: _c(x, np.nan))]
    return _evaluate(x, n, cases, lambda x, n: _recurrence(
        x, n, x + x, lambda k, p, q: fmadd(x + x, q, -(t(2 * k - 2) * p)), stop_nan=False))


def hermite_polynomial_he(x, n):
    """The probabilists' Hermite polynomial He_n(x) (nan beyond degree 128 in float32, 512 in float64)."""
    t = x.dtype.type
    cases = [(lambda x, n: n < 0, lambda x, n: _c(x, 0)), (lambda x, n: n == 0, lambda x, n: _c(x, 1)),
             (lambda x, n: n == 1, lambda x, n: x),
             (lambda x, n: n > _hermite_limit(x), lambda x, n: _c(x, np.nan))]
    return _evaluate(x, n, cases, lambda x, n: _recurrence(
        x, n, x, lambda k, p, q: fmadd(x, q, -(t(k - 1) * p)), stop_nan=False))


def laguerre_polynomial_l(x, n):
    """The Laguerre polynomial L_n(x) (1 at x = 0)."""
    t = x.dtype.type
    cases = [(lambda x, n: n < 0, lambda x, n: _c(x, 0)), (lambda x, n: np.abs(x) == t(0.0), lambda x, n: _c(x, 1)),
             (lambda x, n: n == 0, lambda x, n: _c(x, 1)), (lambda x, n: n == 1, lambda x, n: t(1.0) - x)]
    return _evaluate(x, n, cases, lambda x, n: _recurrence(
        x, n, t(1.0) - x, lambda k, p, q: fmadd(t(2 * (k - 1)) + (t(1.0) - x), q, -(t(k - 1) * p)) / t(k)))


def legendre_polynomial_p(x, n):
    """The Legendre polynomial P_n(x) (+-1 at x = +-1)."""
    t = x.dtype.type
    cases = [(lambda x, n: n < 0, lambda x, n: _c(x, 0)),
             (lambda x, n: np.abs(x) == t(1.0), lambda x, n: np.where((x > 0) | (n % 2 == 0), t(1), t(-1))),
             (lambda x, n: n == 0, lambda x, n: _c(x, 1)), (lambda x, n: n == 1, lambda x, n: x)]
    return _evaluate(x, n, cases, lambda x, n: _recurrence(
        x, n, x, lambda k, p, q: fmadd(t(2 * k - 1) * x, q, -(t(k - 1) * p)) / t(k)))
