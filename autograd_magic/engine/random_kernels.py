"""The arithmetic of PyTorch 2.13's CPU random kernels, exactly, with numpy: fused multiply-adds,
glibc's log/sin/cos, the AVX2 ``normal_fill_16`` kernel (avx_mathfun.h's log256_ps and sincos256_ps)
and randperm's swaps. ``engine.random`` drives them from the twister's words."""
import math
from fractions import Fraction

import numpy as np

from . import ckernels

_F32, _F64, _U64 = np.float32, np.float64, np.uint64
_ROWS = 4096                   # rows of 16 per chunk: keeps the temporaries in cache

# ---- exact fused multiply-add ----

def _exact_fma(r, a, b, c, hard):
    """Redo r[hard] as the exactly rounded a*b+c with fractions (_fma64's rare cases: tiny or huge values)."""
    a, b, c = (np.broadcast_to(v, r.shape) for v in (a, b, c))
    for i in zip(*np.nonzero(hard & np.isfinite(a) & np.isfinite(b) & np.isfinite(c))):
        exact = Fraction(float(a[i])) * Fraction(float(b[i])) + Fraction(float(c[i]))
        if exact == 0:   # an exact zero sum: numpy has the IEEE sign of zero, but not when the split overflowed
            if not np.isnan(r[i]):
                continue
            r[i] = 0.0   # (+0: a nonzero product cancelled by c, round to nearest)
            continue
        try:
            f = r.dtype.type(float(exact))
        except OverflowError:                      # beyond the largest double: the rounded value is inf
            r[i] = np.inf if exact > 0 else -np.inf
            continue
        near = (np.nextafter(f, -np.inf), f, np.nextafter(f, np.inf))   # undo a double rounding
        r[i] = min(near, key=lambda v: (abs(Fraction(float(v)) - exact), int(v.view(
            np.int32 if r.dtype == _F32 else np.int64)) & 1))
    return r


def _fma32(a, b, c):
    """Correctly rounded float32 a*b+c: the float64 product is exact, so only sums landing on a
    float32 midpoint (or near the subnormal range) can round twice. For those the exact remainder e of the
    float64 sum (s + e == a*b + c, a two-sum) says on which side of the midpoint the true value lies."""
    a, b, c = (np.asarray(v, _F32) for v in (a, b, c))
    if ckernels.LIB is not None:   # the C library's fmaf: the same correctly rounded value in one call
        out = ckernels.fma32(a, b, c)
        if out is not None:
            return out
    p = a.astype(_F64) * b
    s = p + c
    r = s.astype(_F32)
    hard = ((s.view(_U64) & _U64(0x1FFFFFFF)) == _U64(0x10000000)) | (abs(s) < 2.0 ** -125) & (s != 0)
    if not hard.any():
        return np.array(r)
    shape = np.shape(s)
    r = np.atleast_1d(r).copy()
    hard = np.broadcast_to(hard, r.shape)
    sh = np.broadcast_to(s, r.shape)[hard]
    ph = np.broadcast_to(p, r.shape)[hard]
    bb = sh - ph
    e = (ph - (sh - bb)) + (np.broadcast_to(c, r.shape)[hard].astype(_F64) - bb)
    rh = r[hard]
    r64 = rh.astype(_F64)
    up, down = np.nextafter(rh, _F32(np.inf)), np.nextafter(rh, _F32(-np.inf))
    tie = (r64 != sh) & (2 * sh == r64 + np.where(sh > r64, up, down).astype(_F64))   # s halfway between
    r[hard] = np.where(tie & (e > 0) & (r64 < sh), up, np.where(tie & (e < 0) & (r64 > sh), down, rh))
    return r.reshape(shape)


def _two_sum(a, b):
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _fma64(a, b, c):
    """Correctly rounded float64 a*b+c (Boldo & Melquiond: exact product, sum rounded to odd);
    products near underflow or overflow, where the splitting fails, are redone exactly."""
    a, b, c = (np.asarray(v, _F64) for v in (a, b, c))
    if ckernels.LIB is not None:   # the C library's fma: the same correctly rounded value in one call
        out = ckernels.fma64(a, b, c)
        if out is not None:
            return out
    uh, split = a * b, 134217729.0              # 2**27 + 1: Veltkamp split
    ah = split * a - (split * a - a)
    bh = split * b - (split * b - b)
    al, bl = a - ah, b - bh
    ul = ((ah * bh - uh) + ah * bl + al * bh) + al * bl
    th, tl = _two_sum(c, uh)
    w, er = _two_sum(tl, ul)
    inexact_even = (er != 0) & ((w.view(np.int64) & 1) == 0)
    r = np.array(th + np.where(inexact_even, np.nextafter(w, np.copysign(np.inf, er)), w))
    r = np.where(w == 0, th, r)   # nothing left to add: th is the exact sum (th + +0.0 would turn -0.0 into +0.0)
    big = np.maximum(abs(a), abs(b))
    tiny = lambda v: (abs(v) < 2.0 ** -960) & (v != 0)
    hard = tiny(uh) | tiny(r) | (big > 2.0 ** 990)
    return _exact_fma(r, a, b, c, hard) if hard.any() else r


_LIBM_OK = None


def _libm(f, g, x):
    """f(x) with the C library's bits (torch calls glibc's log/log1p/sin/cos): numpy's ufunc when
    a spot check agrees with math (x86-64 without AVX-512), else math.<g> element by element."""
    global _LIBM_OK
    if _LIBM_OK is None:
        u = np.random.default_rng(0).random(4096)
        _LIBM_OK = all(np.array_equal(nf(v), [mf(t) for t in v]) for nf, mf, v in (
            (np.log, math.log, 1 - u), (np.log1p, math.log1p, -u),
            (np.sin, math.sin, 2 * math.pi * u), (np.cos, math.cos, 2 * math.pi * u)))
    return f(x) if _LIBM_OK else np.frompyfunc(g, 1, 1)(x).astype(_F64)


# ---- normal_fill_16_AVX2: Box-Muller with avx_mathfun.h's log256_ps and sincos256_ps ----
# Each fused step is an exact float64 product plus one float32 rounding; tests check this
# equals a tie-checked FMA over the whole 2**24-value input domain of both functions.

_LOG = [_F32(v) for v in (7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1,
                          1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1,
                          3.3333331174e-1)]
_Q1, _Q2 = _F32(-2.12194440e-4), _F32(0.693359375)
_DP1, _DP2, _DP3 = _F32(-0.78515625), _F32(-2.4187564849853515625e-4), _F32(-3.77489497744594108e-8)
_SIN = [_F32(v) for v in (-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1)]
_COS = [_F32(v) for v in (2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2)]
_FOPI, _TWO_PI = _F32(1.27323954473516), _F32(2.0 * math.pi)


def _poly(x64, coeffs, r32):
    """Horner, each step fused: r32 <- float32(...float32(c0*x + c1)*x + c2...), x64 holding
    float32 values (so every product is exact in float64 and each step rounds once)."""
    y64 = x64 * float(coeffs[0])
    for k, c in enumerate(coeffs[1:]):
        if k:
            np.multiply(r32, x64, out=y64)
        y64 += c
        np.copyto(r32, y64)
    return y64


def _radius(u1):
    """sqrt(-2 * log256_ps(u1)) for float32 u1 in (0, 1]."""
    bits = u1.view(np.int32)
    mant = bits & 0x7FFFFF
    low = (mant - 0x3504F3) >> 31                  # -1 where the mantissa m < sqrt(1/2)
    e = bits >> 23
    e += low
    e -= 126
    e = e.astype(_F32)                             # exponent, one less where low
    mant |= 0x3F000000
    mant -= low << 23                              # 2m where low, so x = 2m - 1 (exact)
    x = mant.view(_F32) - _F32(1)
    z = x * x
    r32 = np.empty_like(x)
    y64 = _poly(x.astype(_F64), _LOG, r32)
    r32 *= x
    np.multiply(r32, z.astype(_F64), out=y64)      # GCC fuses y*z here, not e*q1
    y64 += e * _Q1
    np.copyto(r32, y64)
    r32 -= z * _F32(0.5)
    x += r32
    x += e * _Q2
    x *= _F32(-2)
    return np.sqrt(x, out=x)


def _sincos(theta):
    """sincos256_ps for float32 theta in [0, 2*pi): (sin, cos)."""
    j = (theta * _FOPI).astype(np.int32)
    j += 1
    j &= ~1
    y = j.astype(_F32)
    x = theta + y * _DP1                           # exact products: fused == unfused
    x += y * _DP2
    x64 = y.astype(_F64)
    x64 *= float(_DP3)
    x64 += x
    np.copyto(x, x64)
    np.copyto(x64, x)
    z = x * x
    z64, yc, ys = z.astype(_F64), np.empty_like(x), np.empty_like(x)
    t64 = _poly(z64, _COS, yc)
    yc *= z
    np.multiply(yc, z64, out=t64)                  # GCC fuses y*z with the - z/2
    t64 -= z * _F32(0.5)
    np.copyto(yc, t64)
    yc += _F32(1)
    _poly(z64, _SIN, ys)
    ys *= z
    np.multiply(ys, x64, out=t64)
    t64 += x
    np.copyto(ys, t64)
    swap = (j << 30) >> 31                         # all ones where sin uses the cos polynomial
    yc, ys = yc.view(np.int32), ys.view(np.int32)
    diff = (yc ^ ys) & swap
    ys ^= diff
    ys ^= (j & 4) << 29
    yc ^= diff
    yc ^= (~(j - 2) & 4) << 29
    return ys.view(_F32), yc.view(_F32)


def _box_muller(d, mean, std):
    """normal_fill_16, in place on rows of 16 uniforms: lanes 0-7 give the radius, 8-15 the angle."""
    f32 = d.dtype == _F32
    if ckernels.LIB is not None and ckernels.box_muller(d):   # the same steps in C, at once
        _finish_normal(d, mean, std, f32)
        return
    for s in range(0, len(d), _ROWS):
        blk = d[s:s + _ROWS]
        if f32:
            r = _radius(_F32(1) - blk[:, :8])
            sn, cs = _sincos(_TWO_PI * blk[:, 8:])
        else:                  # normal_fill_16<double>: glibc's log/cos/sin, which numpy calls too
            r = _libm(np.log, math.log, 1.0 - blk[:, :8])
            r *= -2.0
            np.sqrt(r, out=r)
            theta = blk[:, 8:] * (2.0 * math.pi)
            sn, cs = _libm(np.sin, math.sin, theta), _libm(np.cos, math.cos, theta)
        np.multiply(r, cs, out=blk[:, :8])
        np.multiply(r, sn, out=blk[:, 8:])
    _finish_normal(d, mean, std, f32)


def _finish_normal(d, mean, std, f32):
    """d * std + mean, as normal_fill_16 does it (fused)."""
    mean, std = d.dtype.type(mean), d.dtype.type(std)
    if std == 1:               # fma(n, 1, mean) == n + mean, which also makes -0.0 into +0.0
        d += mean
    else:
        d[...] = (_fma32 if f32 else _fma64)(d, std, mean)


def _apply_swaps(j, n):
    """arange(n) after `for i: swap(r[i], r[j[i]])` (j[i] >= i), without a Python loop.

    r[i] ends as what sat at j[i] just before step i: the value the last earlier step aimed at
    j[i] carried there, else j[i] itself; such values chain back, resolved by pointer jumping."""
    m = len(j)
    order = np.argsort(j, kind="stable")
    js = j[order]
    same = np.zeros(m, bool)
    same[1:] = js[1:] == js[:-1]
    prev = np.full(m, -1, np.int64)                # previous step aiming at the same slot
    prev[order[same]] = order[np.nonzero(same)[0] - 1]
    last = np.ones(m, bool)
    last[:-1] = ~same[1:]
    g, lt = js[last], order[last]                  # each aimed-at slot, its last step
    came = np.where(lt == g, prev[np.minimum(lt, m - 1)], lt)   # last step before slot g's turn
    root = np.arange(n)
    root[g[came >= 0]] = came[came >= 0]
    while not np.array_equal(root[root], root):
        root = root[root]
    out = np.empty(n, np.int64)
    out[:m] = np.where(prev >= 0, root[np.maximum(prev, 0)], j)
    out[m] = root[m]
    return out
