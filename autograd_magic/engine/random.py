"""Draw exactly the numbers PyTorch 2.13 draws on the CPU, with numpy only.

PyTorch's CPU generator is a 32-bit Mersenne Twister (the same stream as
``numpy.random.MT19937``); its kernels turn the raw words into numbers in a fixed
order. This module replays those kernels bit for bit (AVX2 build, the one PyTorch
dispatches ``normal_`` to on x86-64).

    >>> g = Generator().manual_seed(0)
    >>> g.rand((3,), np.float32)          # torch.manual_seed(0); torch.rand(3)
    array([0.49625659, 0.76822180, 0.08847743], dtype=float32)
"""
import math
import operator
import os
import struct

import numpy as np

__all__ = ["Generator", "default_generator", "manual_seed", "kaiming_uniform_bound"]

_N = 624
_STATE_BYTES = 5056          # sizeof(CPUGeneratorImplState)
_F32, _F64 = np.float32, np.float64
_U64 = np.uint64


def _key(seed):
    """mt19937 init_genrand on the low 32 bits of the seed (as at::mt19937 does)."""
    key, k = np.empty(_N, np.uint32), seed & 0xFFFFFFFF
    key[0] = k
    for j in range(1, _N):
        k = (1812433253 * (k ^ (k >> 30)) + j) & 0xFFFFFFFF
        key[j] = k
    return key


def _fmt(v):
    return format(v, "g")     # C++ ostream default formatting, as in torch's messages


# ---- exact fused multiply-add (GCC contracts a*b+c into FMA in torch's AVX2 kernels) ----

def _fma32(a, b, c):
    """Correctly rounded float32 a*b+c: exact product in float64, then fix double-rounding ties."""
    a, b, c = (np.asarray(v, _F32) for v in (a, b, c))
    p = a.astype(_F64) * b
    s = p + c
    r = s.astype(_F32)
    tie = (s.view(_U64) & _U64(0x1FFFFFFF)) == _U64(0x10000000)
    if tie.any():     # s sits on a float32 midpoint: the float64 rounding error decides
        p, c, s = (np.broadcast_to(v, s.shape)[tie] for v in (p, c, s))
        bb = s - p
        err = (p - (s - bb)) + (c - bb)
        r[tie] = np.where(err == 0, s.astype(_F32),
                          np.nextafter(s, s + err).astype(_F32))
    return r


def _two_sum(a, b):
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _fma64(a, b, c):
    """Correctly rounded float64 a*b+c (Boldo-Melquiond: exact product, round-to-odd sum)."""
    a, b, c = (np.asarray(v, _F64) for v in (a, b, c))
    uh = a * b
    sp = 134217729.0           # 2**27 + 1, Veltkamp split
    t = sp * a
    ah = t - (t - a)
    t = sp * b
    bh = t - (t - b)
    al, bl = a - ah, b - bh
    ul = ((ah * bh - uh) + ah * bl + al * bh) + al * bl
    th, tl = _two_sum(c, uh)
    w, er = _two_sum(tl, ul)
    odd = np.where((er != 0) & ((w.view(np.int64) & 1) == 0), np.nextafter(w, w + er), w)
    return th + odd


# ---- AVX2 Box-Muller of normal_fill_16_AVX2 (avx_mathfun.h log256_ps / sincos256_ps) ----
# Every fused step below is computed as an exact product in float64 plus one rounding;
# a test checks these match a tie-checked FMA over all 2**24 possible inputs.

_C = [_F32(v) for v in (7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1,
                        1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1,
                        3.3333331174e-1)]
_Q1, _Q2 = _F32(-2.12194440e-4), _F32(0.693359375)
_DP1, _DP2, _DP3 = _F32(-0.78515625), _F32(-2.4187564849853515625e-4), _F32(-3.77489497744594108e-8)
_SIN = [_F32(v) for v in (-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1)]
_COS = [_F32(v) for v in (2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2)]
_FOPI, _TWO_PI = _F32(1.27323954473516), _F32(2.0 * math.pi)
_ROWS = 2048                     # blocks of 16 per chunk: keeps temporaries in cache


def _fused(y, x64, c):
    """float32(y*x + c) with one rounding; y float32, x64 float64 holding float32 values."""
    t = np.multiply(y, x64, dtype=_F64)
    t += c
    return t.astype(_F32)


def _radius(u1):
    """sqrt(-2 * log256_ps(u1)) for float32 u1 in (0, 1]."""
    bits = u1.view(np.int32)
    low = (bits & 0x7FFFFF) < 0x3504F3            # mantissa below sqrt(1/2): use 2m - 1
    e = (bits >> 23).astype(_F32)
    e -= 126
    e -= low
    m = ((bits & 0x7FFFFF) | 0x3F000000).view(_F32)
    x = m - _F32(1)
    x += m * low
    z = x * x
    x64 = x.astype(_F64)
    y = _fused(_C[0], x64, _C[1])
    for c in _C[2:]:
        y = _fused(y, x64, c)
    y *= x
    y = _fused(y, z.astype(_F64), e * _Q1)       # GCC fuses y*z, not e*q1
    y -= z * _F32(0.5)
    x += y
    x += e * _Q2
    x *= _F32(-2)
    return np.sqrt(x, out=x)


def _sincos(theta):
    """sincos256_ps for float32 theta in [0, 2*pi)."""
    j = (theta * _FOPI).astype(np.int32)
    j += 1
    j &= ~1
    y = j.astype(_F32)
    x = theta + y * _DP1                          # exact products: fused == unfused
    x += y * _DP2
    x = _fused(y, _F64(_DP3), x)
    z = x * x
    z64 = z.astype(_F64)
    yc = _fused(_COS[0], z64, _COS[1])
    yc = _fused(yc, z64, _COS[2])
    yc *= z
    yc = _fused(yc, z64, z * _F32(-0.5))          # GCC fuses y*z with the - z/2
    yc += _F32(1)
    ys = _fused(_SIN[0], z64, _SIN[1])
    ys = _fused(ys, z64, _SIN[2])
    ys *= z
    ys = _fused(ys, x.astype(_F64), x)
    swap = (j << 30) >> 31                        # all ones where the polynomials swap
    yc_i, ys_i = yc.view(np.int32), ys.view(np.int32)
    diff = (yc_i ^ ys_i) & swap
    s = ys_i ^ diff
    c = yc_i ^ diff
    s ^= (j & 4) << 29
    c ^= (~(j - 2) & 4) << 29
    return s.view(_F32), c.view(_F32)
