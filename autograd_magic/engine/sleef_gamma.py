"""SLEEF's lgamma (``xlgamma_u1`` / ``xlgammaf_u1``: exported as Sleef_lgammad*_u10 / Sleef_lgammaf*_u10), the
function ATen's ``Vectorized<double>::lgamma`` / ``Vectorized<float>::lgamma`` call. torch.lgamma runs them over
every element of a float32 / float64 tensor with the avx2 and avx512 capabilities (its vml kernel maps the vector
function over the data, the tail as a partial vector), the C library's lgamma with 'default'.

The algorithm (SLEEF 3.6, its fused multiply-add form): double-double (double-float) arithmetic throughout; below
1/2 the reflection formula with sin(pi x) from ``sinpik``; in [0.5, 1.2) / [1.2, 2.3) a polynomial in x - 1 / x - 2;
from 2.3 Stirling's series in 1/x (x first moved past 7 by the product of a few shifted factors); ``logk2`` is
SLEEF's double-double log (an Estrin polynomial for double, Horner for float). Each fused step is exactly rounded
(``_fma64`` / ``_fma32``), each plain one is numpy's, in the order SLEEF writes them, so the bits are SLEEF's.
``atanh`` (SLEEF's atanh_u10, ATen's Vectorized<T>::atanh) reuses the same helpers and logk2.
"""
import numpy as np

from .random_kernels import _fma32, _fma64

_F32, _F64 = np.float32, np.float64


class _Arith:
    """The double-double (double-float) helpers of SLEEF's dd.h / df.h (their FMA forms) for one dtype."""

    def __init__(self, t):
        self.t = t
        self._f = _fma32 if t is _F32 else _fma64

    def c(self, v):
        return self.t(v)

    def fma(self, a, b, c):
        t = self.t
        a, b, c = np.broadcast_arrays(*(np.asarray(v, t) for v in (a, b, c)))
        out = self._f(np.ascontiguousarray(a), np.ascontiguousarray(b), np.ascontiguousarray(c))
        return np.asarray(out, t).reshape(a.shape)

    @staticmethod
    def add2(x, xy, y, yy=None):
        """ddadd2 (x, xy) + (y, yy): two-sum of the heads, the tails added to the error."""
        s = x + y
        v = s - x
        e = (x - (s - v)) + (y - v)
        if yy is None:
            return s, e + xy
        return s, e + (xy + yy)

    @staticmethod
    def add(x, xy, y, yy):
        """ddadd (|x| >= |y|): the fast sum."""
        s = x + y
        return s, (((x - s) + y) + xy) + yy

    @staticmethod
    def norm(x, y):
        s = x + y
        return s, (x - s) + y

    def mul(self, x, xy, y, yy=None):
        """ddmul of a double-double by a double (yy None) or by a double-double."""
        r = x * y
        if yy is None:
            return r, self.fma(xy, y, self.fma(x, y, -r))
        return r, self.fma(x, yy, self.fma(xy, y, self.fma(x, y, -r)))

    def mul1(self, x, y):
        r = x * y
        return r, self.fma(x, y, -r)

    def div(self, nx, ny, dx, dy):
        t = self.c(1) / dx
        qx = nx * t
        u = self.fma(t, nx, -qx)
        qy = self.fma(-dy, t, self.fma(-dx, t, self.c(1)))
        return qx, self.fma(qx, qy, self.fma(ny, t, u))

    def squ(self, x, y):
        r = x * x
        return r, self.fma(x + x, y, self.fma(x, x, -r))

    def const2(self, v):
        """vcast_vf2_d / a double-double constant: the value and its remainder in the dtype."""
        hi = self.t(v)
        return hi, self.t(v - float(hi))


_LOG_D = (0.13860436390467167910856, 0.131699838841615374240845, 0.153914168346271945653214,
          0.181816523941564611721589, 0.22222224632662035403996, 0.285714285511134091777308,
          0.400000000000914013309483, 0.666666666666664853302393)
_LOG_F = (0.2392828464508056640625, 0.28518211841583251953125, 0.400005877017974853515625,
          0.666666686534881591796875)


def _logk2(A, dx, dy):
    """SLEEF's logk2 (double-double log of a double-double) / logk2f."""
    t_ = A.t
    e = np.frexp(dx * t_(1.0 / 0.75))[1] - 1          # ilogb(d / 0.75) (getexp with AVX-512: the same)
    p = np.ldexp(t_(1), -e).astype(t_)
    mx, my = dx * p, dy * p
    x = A.div(*A.add2(mx, my, t_(-1)), *A.add2(mx, my, t_(1)))
    x2 = A.squ(*x)
    ef = e.astype(t_)
    if t_ is _F64:
        c = _LOG_D
        z, z4 = x2[0], x2[0] * x2[0]
        z8 = z4 * z4
        hi = A.fma(z4, c[0], A.fma(z, c[1], c[2]))                            # POLY7, Estrin
        lo = A.fma(z4, A.fma(z, c[3], c[4]), A.fma(z, c[5], c[6]))
        t = A.fma(A.fma(z8, hi, lo), z, c[7])
        ln2 = (0.693147180559945286226764, 2.319046813846299558417771e-17)
    else:
        t = t_(_LOG_F[0])
        for c in _LOG_F[1:]:
            t = A.fma(t, x2[0], c)
        ln2 = (t_(0.69314718246459960938), t_(-1.904654323148236017e-09))
    s = A.mul(t_(ln2[0]), t_(ln2[1]), ef)
    s = A.add(*s, x[0] * t_(2), x[1] * t_(2))
    return A.add(*s, *A.mul(*A.mul(*x2, *x), t))


_SINPI_D = ((9.94480387626843774090208e-16, -2.02461120785182399295868e-14),
            (-3.89796226062932799164047e-13, 6.948218305801794613277840e-12),
            (1.150115825399960352669010e-10, -1.75724749952853179952664e-09),
            (-2.46113695010446974953590e-08, 3.133616889668683928784220e-07),
            (3.590860448590527540050620e-06, -3.65762041821615519203610e-05),
            (-0.000325991886927389905997954, 0.0024903945701927185027435600))
_SINPI_D2 = ((0.0158543442438155018914259, -1.04693272280631521908845e-18,
              -0.0807455121882807852484731, 3.61852475067037104849987e-18),
             (-0.308425137534042437259529, -1.95698492133633550338345e-17,
              0.785398163397448278999491, 3.06287113727155002607105e-17))
_SINPI_F = ((-0.2430611801e-7, +0.3093842054e-6), (+0.3590577080e-5, -0.3657307388e-4),
            (-0.3259917721e-3, +0.2490393585e-2))
_SINPI_F2 = ((0.015854343771934509277, 4.4940051354032242811e-10, -0.080745510756969451904, -1.3373665339076936258e-09),
             (-0.30842512845993041992, -9.0728339030733922277e-09, 0.78539818525314331055, -2.1857338617566484855e-08))


def _sinpik(A, d):
    """SLEEF's sinpik / sinpifk: sin(pi d) as a double-double."""
    t_ = A.t
    u = d * t_(4)
    if t_ is _F64:
        q = np.rint(u + 0.5).astype(np.int64) & ~1
        poly, poly2 = _SINPI_D, _SINPI_D2
    else:
        q = np.trunc(u).astype(np.int64)
        q = (q + np.where(q < 0, 0, 1)) & ~1
        poly, poly2 = _SINPI_F, _SINPI_F2
    o = (q & 2) == 2
    s = u - q.astype(t_)
    t = s
    s = s * s
    s2 = A.mul1(t, t)
    sel = lambda a, b: np.where(o, t_(a), t_(b))  # noqa: E731
    v = sel(*poly[0])
    for c in poly[1:]:
        v = A.fma(v, s, sel(*c))
    x = A.add2(v * s, sel(poly2[0][1], poly2[0][3]), sel(poly2[0][0], poly2[0][2]))
    x = A.add2(*A.mul(*s2, *x), sel(poly2[1][0], poly2[1][2]), sel(poly2[1][1], poly2[1][3]))
    x = A.mul(*x, np.where(o, s2[0], t), np.where(o, s2[1], t_(0)))
    x1 = A.add2(*x, t_(1))
    x = (np.where(o, x1[0], x[0]), np.where(o, x1[1], x[1]))
    neg = (q & 4) == 4
    return np.where(neg, -x[0], x[0]), np.where(neg, -x[1], x[1])


# gammak's polynomial: (x >= 2.3 Stirling's, [0.5, 1.1] / [0.5, 1.2] in x - 1, else in x - 2) coefficients
_GAMMA_D = ((-156.801412704022726379848862, +0.2947916772827614196e+2, +0.7074816000864609279e-7),
            (+1.120804464289911606838558160000, +0.1281459691827820109e+3, +0.4009244333008730443e-6),
            (+13.39798545514258921833306020000, +0.2617544025784515043e+3, +0.1040114641628246946e-5),
            (-0.116546276599463200848033357000, +0.3287022855685790432e+3, +0.1508349150733329167e-5),
            (-1.391801093265337481495562410000, +0.2818145867730348186e+3, +0.1288143074933901020e-5),
            (+0.015056113040026424412918973400, +0.1728670414673559605e+3, +0.4744167749884993937e-6),
            (+0.179540117061234856098844714000, +0.7748735764030416817e+2, -0.6554816306542489902e-7),
            (-0.002481743600264997730942489280, +0.2512856643080930752e+2, -0.3189252471452599844e-6),
            (-0.029527880945699120504851034100, +0.5766792106140076868e+1, +0.1358883821470355377e-6),
            (+0.000540164767892604515196325186, +0.7270275473996180571e+0, -0.4343931277157336040e-6),
            (+0.006403362833808069794787256200, +0.8396709124579147809e-1, +0.9724785897406779555e-6),
            (-0.000162516262783915816896611252, -0.8211558669746804595e-1, -0.2036886057225966011e-5),
            (-0.001914438498565477526465972390, +0.6828831828341884458e-1, +0.4373363141819725815e-5),
            (+7.20489541602001055898311517e-05, -0.7712481339961671511e-1, -0.9439951268304008677e-5),
            (+0.000839498720672087279971000786, +0.8337492023017314957e-1, +0.2050727030376389804e-4),
            (-5.17179090826059219329394422e-05, -0.9094964931456242518e-1, -0.4492620183431184018e-4),
            (-0.000592166437353693882857342347, +0.1000996313575929358e+0, +0.9945751236071875931e-4),
            (+6.97281375836585777403743539e-05, -0.1113342861544207724e+0, -0.2231547599034983196e-3),
            (+0.000784039221720066627493314301, +0.1255096673213020875e+0, +0.5096695247101967622e-3),
            (-0.000229472093621399176949318732, -0.1440498967843054368e+0, -0.1192753911667886971e-2),
            (-0.002681327160493827160473958490, +0.1695571770041949811e+0, +0.2890510330742210310e-2),
            (+0.003472222222222222222175164840, -0.2073855510284092762e+0, -0.7385551028674461858e-2),
            (+0.083333333333333333335592087900, +0.2705808084277815939e+0, +0.2058080842778455335e-1))
_GAMMA_F = ((+0.000839498720672087279971000786, +0.9435157776e+0, +0.1102489550e-3),
            (-5.17179090826059219329394422e-05, +0.8670063615e+0, +0.8160019934e-4),
            (-0.000592166437353693882857342347, +0.4826702476e+0, +0.1528468856e-3),
            (+6.97281375836585777403743539e-05, -0.8855129778e-1, -0.2355068718e-3),
            (+0.000784039221720066627493314301, +0.1013825238e+0, +0.4962242092e-3),
            (-0.000229472093621399176949318732, -0.1493408978e+0, -0.1193488017e-2),
            (-0.002681327160493827160473958490, +0.1697509140e+0, +0.2891599433e-2),
            (+0.003472222222222222222175164840, -0.2072454542e+0, -0.7385451812e-2),
            (+0.083333333333333333335592087900, +0.2705872357e+0, +0.2058077045e-1))
_GAMMA_Z_D = ((-0.4006856343865314862e+0, -0.6735230105319810201e-1), (+0.8224670334241132030e+0, +0.3224670334241132030e+0),
              (-0.5772156649015328655e+0, +0.4227843350984671345e+0))
_GAMMA_Z_F = ((-0.400686534596170958447352690395e+0, -0.673523028297382446749257758235e-1),
              (+0.822466960142643054450325495997e+0, +0.322467033928981157743538726901e+0),
              (-0.577215665946766039837398973297e+0, +0.422784335087484338986941629852e+0))


def _gammak(A, a):
    """SLEEF's gammak / gammafk: (log of the big factor, the ratio) as two double-doubles."""
    t_ = A.t
    dbl = t_ is _F64
    one, zero = t_(1), t_(0)
    otiny = np.abs(a) < (t_(1e-306) if dbl else t_(1e-30))
    oref = a < t_(0.5)
    r = A.add2(one, zero, -a)
    xx = np.where(otiny, zero, np.where(oref, r[0], a))
    xy = np.where(otiny, zero, np.where(oref, r[1], zero))
    o0 = (t_(0.5) <= xx) & (xx <= t_(1.1 if dbl else 1.2))
    o2 = t_(2.3) <= xx
    y = A.norm(*A.mul(*A.add2(xx, xy, one), xx, xy))
    for k in ((2, 3, 4) if dbl else (2,)):
        y = A.norm(*A.mul(*A.add2(xx, xy, t_(k)), *y))
    o = o2 & (xx <= t_(7))
    clln = (np.where(o, y[0], one), np.where(o, y[1], zero))
    xs = A.add2(xx, xy, t_(5 if dbl else 3))
    xx, xy = np.where(o, xs[0], xx), np.where(o, xs[1], xy)
    t = np.where(o2, one / xx, A.norm(*A.add2(xx, xy, np.where(o0, t_(-1), t_(-2))))[0])
    sel3 = lambda c: np.where(o2, t_(c[0]), np.where(o0, t_(c[1]), t_(c[2])))  # noqa: E731
    coeffs = _GAMMA_D if dbl else _GAMMA_F
    u = sel3(coeffs[0])
    for c in coeffs[1:]:
        u = A.fma(u, t, sel3(c))
    y = A.mul(*A.add2(xx, xy, t_(-0.5)), *_logk2(A, xx, xy))
    y = A.add2(*y, -xx, -xy)
    y = A.add2(*y, *A.const2(0.91893853320467278056) if not dbl else (t_(0.91893853320467278056),
                                                                        t_(-3.8782941580672414498e-17)))
    ut = A.mul1(u, t)
    zc = _GAMMA_Z_D if dbl else _GAMMA_Z_F
    z = A.add2(*ut, np.where(o0, t_(zc[0][0]), t_(zc[0][1])))
    z = A.add2(*A.mul(*z, t), np.where(o0, t_(zc[1][0]), t_(zc[1][1])))
    z = A.add2(*A.mul(*z, t), np.where(o0, t_(zc[2][0]), t_(zc[2][1])))
    z = A.mul(*z, t)
    clc = (np.where(o2, y[0], z[0]), np.where(o2, y[1], z[1]))
    cd = A.add2(*ut, one)
    clld = (np.where(o2, cd[0], one), np.where(o2, cd[1], zero))
    if dbl:
        lpi, tiny_c = (t_(1.1447298858494001639), t_(1.026595116270782638e-17)), (
            t_(83.1776616671934334590333), t_(3.67103459631568507221878e-15))
    else:
        lpi, tiny_c = A.const2(1.1447298858494001639), A.const2(41.58883083359671856503)
    rc = A.add2(*lpi, -clc[0], -clc[1])
    clc = (np.where(otiny, tiny_c[0], np.where(oref, rc[0], clc[0])),
           np.where(otiny, tiny_c[1], np.where(oref, rc[1], clc[1])))
    num = (np.where(otiny, one, np.where(oref, clln[0], clld[0])),
           np.where(otiny, zero, np.where(oref, clln[1], clld[1])))
    step = 2.0 ** 28 if dbl else 2.0 ** 12
    q = np.trunc(a * t_(1 / step))
    q = np.where(np.abs(q) < 2.0 ** 31, q, -2.0 ** 31).astype(t_)   # (vtruncate's out-of-range integer)
    arg = a - t_(step) * q
    arg = np.where(oref & (np.abs(arg) < t_(2.0 ** 30)), arg, zero)   # (others: integers or unused, any value)
    xr = A.mul(*clld, *_sinpik(A, arg))
    big = t_(2.0 ** 120) if dbl else t_(2.0 ** 60)
    den = (np.where(otiny, a * big, np.where(oref, xr[0], clln[0])),
           np.where(otiny, zero, np.where(oref, xr[1], clln[1])))
    return clc, A.div(*num, *den)


def lgamma(x):
    """float32 / float64 lgamma as SLEEF's lgamma_u1 computes it (ATen's Vectorized<T>::lgamma)."""
    x = np.asarray(x)
    t_ = _F32 if x.dtype == _F32 else _F64
    a = np.asarray(x, t_)
    A = _Arith(t_)
    with np.errstate(all="ignore"):
        clc, (bx, by) = _gammak(A, a)
        ax, ay = np.abs(bx), np.where(bx < 0, -by, by)          # ddabs
        y = A.add2(*clc, *_logk2(A, ax, ay))
        r = (y[0] + y[1]).astype(t_)
        bad = np.isinf(a) | ((a <= 0) & (a == np.trunc(a))) | (np.isfinite(a) & np.isnan(r))
        return np.where(bad, t_(np.inf), r)


def atanh(x):
    """float32 / float64 atanh as SLEEF's atanh_u10 computes it (ATen's Vectorized<T>::atanh): half the
    double-float log (logk2) of (1 + |x|) / (1 - |x|), each of those a two-sum, their quotient a double-float
    division; inf at |x| = 1, nan beyond it, the sign of x put back at the end."""
    x = np.asarray(x)
    t_ = _F32 if x.dtype == _F32 else _F64
    a = np.asarray(x, t_)
    A = _Arith(t_)
    one = t_(1)
    with np.errstate(all="ignore"):
        y = np.abs(a)
        num = A.add2(one, t_(0), y)
        den = A.add2(one, t_(0), -y)
        d = _logk2(A, *A.div(*num, *den))
        r = np.asarray((d[0] + d[1]) * t_(0.5), t_)
        r = np.where(y == one, t_(np.inf), r)
        r = np.where((y > one) | np.isinf(a) | np.isnan(r), t_(np.nan), r)
        r = np.copysign(r, a)
        return np.where(np.isnan(a), t_(np.nan), r).astype(t_)
