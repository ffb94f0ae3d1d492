"""The Airy function Ai, the modified Bessel functions I0, I1, K0, K1 (and K0, K1 scaled by exp(x)) of
torch.special, evaluated as ATen's Math.h does (Cephes' Chebyshev series summed
by Clenshaw's recurrence, the Airy power series and asymptotic forms), in the input's dtype, with the C library's
exp, log, sin and cos (what ATen's scalar kernels call). PyTorch does not differentiate them."""
import numpy as np

from . import libm
from .special_fns import _I0_A, _I0_B   # (Cephes' I0 series, which torch.i0 sums too)
from .vec_kernels import fmadd as _fmadd

_I1_A = (2.77791411276104639959e-18, -2.11142121435816608115e-17, 1.55363195773620046921e-16,
         -1.10559694773538630805e-15, 7.60068429473540693410e-15, -5.04218550472791168711e-14,
         3.22379336594557470981e-13, -1.98397439776494371520e-12, 1.17361862988909016308e-11,
         -6.66348972350202774223e-11, 3.62559028155211703701e-10, -1.88724975172282928790e-09,
         9.38153738649577178388e-09, -4.44505912879632808065e-08, 2.00329475355213526229e-07,
         -8.56872026469545474066e-07, 3.47025130813767847674e-06, -1.32731636560394358279e-05,
         4.78156510755005422638e-05, -1.61760815825896745588e-04, 5.12285956168575772895e-04,
         -1.51357245063125314899e-03, 4.15642294431288815669e-03, -1.05640848946261981558e-02,
         2.47264490306265168283e-02, -5.29459812080949914269e-02, 1.02643658689847095384e-01,
         -1.76416518357834055153e-01, 2.52587186443633654823e-01)
_I1_B = (7.51729631084210481353e-18, 4.41434832307170791151e-18, -4.65030536848935832153e-17,
         -3.20952592199342395980e-17, 2.96262899764595013876e-16, 3.30820231092092828324e-16,
         -1.88035477551078244854e-15, -3.81440307243700780478e-15, 1.04202769841288027642e-14,
         4.27244001671195135429e-14, -2.10154184277266431302e-14, -4.08355111109219731823e-13,
         -7.19855177624590851209e-13, 2.03562854414708950722e-12, 1.41258074366137813316e-11,
         3.25260358301548823856e-11, -1.89749581235054123450e-11, -5.58974346219658380687e-10,
         -3.83538038596423702205e-09, -2.63146884688951950684e-08, -2.51223623787020892529e-07,
         -3.88256480887769039346e-06, -1.10588938762623716291e-04, -9.76109749136146840777e-03,
         7.78576235018280120474e-01)
_K0_A = (1.37446543561352307156e-16, 4.25981614279661018399e-14, 1.03496952576338420167e-11,
         1.90451637722020886025e-09, 2.53479107902614945675e-07, 2.28621210311945178607e-05,
         1.26461541144692592338e-03, 3.59799365153615016266e-02, 3.44289899924628486886e-01,
         -5.35327393233902768720e-01)
_K0_B = (5.30043377268626276149e-18, -1.64758043015242134646e-17, 5.21039150503902756861e-17,
         -1.67823109680541210385e-16, 5.51205597852431940784e-16, -1.84859337734377901440e-15,
         6.34007647740507060557e-15, -2.22751332699166985548e-14, 8.03289077536357521100e-14,
         -2.98009692317273043925e-13, 1.14034058820847496303e-12, -4.51459788337394416547e-12,
         1.85594911495471785253e-11, -7.95748924447710747776e-11, 3.57739728140030116597e-10,
         -1.69753450938905987466e-09, 8.57403401741422608519e-09, -4.66048989768794782956e-08,
         2.76681363944501510342e-07, -1.83175552271911948767e-06, 1.39498137188764993662e-05,
         -1.28495495816278026384e-04, 1.56988388573005337491e-03, -3.14481013119645005427e-02,
         2.44030308206595545468e+00)
_K1_A = (-7.02386347938628759343e-18, -2.42744985051936593393e-15, -6.66690169419932900609e-13,
         -1.41148839263352776110e-10, -2.21338763073472585583e-08, -2.43340614156596823496e-06,
         -1.73028895751305206302e-04, -6.97572385963986435018e-03, -1.22611180822657148235e-01,
         -3.53155960776544875667e-01, 1.52530022733894777053e+00)
_K1_B = (-5.75674448366501715755e-18, 1.79405087314755922667e-17, -5.68946255844285935196e-17,
         1.83809354436663880070e-16, -6.05704724837331885336e-16, 2.03870316562433424052e-15,
         -7.01983709041831346144e-15, 2.47715442448130437068e-14, -8.97670518232499435011e-14,
         3.34841966607842919884e-13, -1.28917396095102890680e-12, 5.13963967348173025100e-12,
         -2.12996783842756842877e-11, 9.21831518760500529508e-11, -4.19035475934189648750e-10,
         2.01504975519703286596e-09, -1.03457624656780970260e-08, 5.74108412545004946722e-08,
         -3.50196060308781257119e-07, 2.40648494783721712015e-06, -1.93619797416608296024e-05,
         1.95215518471351631108e-04, -2.85781685962277938680e-03, 1.03923736576817238437e-01,
         2.72062619048444266945e+00)
# Cephes airy.c: Ai for x >= 2.09 (AN / AD in 1 / zeta), x < -2.09 (AFN / AFD, AGN / AGD in z^2)
_AN = (3.46538101525629032477e-01, 1.20075952739645805542e+01, 7.62796053615234516538e+01,
       1.68089224934630576269e+02, 1.59756391350164413639e+02, 7.05360906840444183113e+01,
       1.40264691163389668864e+01, 9.99999999999999995305e-01)
_AD = (5.67594532638770212846e-01, 1.47562562584847203173e+01, 8.45138970141474626562e+01,
       1.77318088145400459522e+02, 1.64234692871529701831e+02, 7.14778400825575695274e+01,
       1.40959135607834029598e+01, 1.00000000000000000470e+00)
_AFN = (-1.31696323418331795333e-01, -6.26456544431912369773e-01, -6.93158036036933542233e-01,
        -2.79779981545119124951e-01, -4.91900132609500318020e-02, -4.06265923594885404393e-03,
        -1.59276496239262096340e-04, -2.77649108155232920844e-06, -1.67787698489114633780e-08)
_AFD = (1.33560420706553243746e+01, 3.26825032795224613948e+01, 2.67367040941499554804e+01,
        9.18707402907259625840e+00, 1.47529146771666414581e+00, 1.15687173795188044134e-01,
        4.40291641615211203805e-03, 7.54720348287414296618e-05, 4.51850092970580378464e-07)
_AGN = (1.97339932091685679179e-02, 3.91103029615688277255e-01, 1.06579897599595591108e+00,
        9.39169229816650230044e-01, 3.51465656105547619242e-01, 6.33888919628925490927e-02,
        5.85804113048388458567e-03, 2.82851600836737019778e-04, 6.98793669997260967291e-06,
        8.11789239554389293311e-08, 3.41551784765923618484e-10)
_AGD = (9.30892908077441974853e+00, 1.98352928718312140417e+01, 1.55646628932864612953e+01,
        5.47686069422975497931e+00, 9.54293611618961883998e-01, 8.64580826352392193095e-02,
        4.12656523824222607191e-03, 1.01259085116509135510e-04, 1.17166733214413521882e-06,
        4.91834570062930015649e-09)
_SQRT_1_PI = 5.64189583547756286948e-01


def cfun(name, a):
    """The C library's exp / log / sin / cos / acos of each element where it is defined and finite (numpy's value,
    inf, nan or 0, elsewhere): the functions ATen's scalar kernels call."""
    a = np.asarray(a)
    fn = {"acos": np.arccos}.get(name) or getattr(np, name)
    with np.errstate(all="ignore"):
        out = np.array(fn(a), dtype=a.dtype)
    ok = np.isfinite(a)
    if name == "log":
        ok &= a > 0
    elif name == "acos":
        ok &= np.abs(a) <= 1
    elif name == "exp":
        ok &= np.abs(a) < (80 if a.dtype == np.float32 else 700)
    if ok.any():
        out[ok] = libm.apply(name, a[ok])
    return out


def fmadd(a, b, c):
    """a * b + c as ATen's kernels compute it (their avx2 / avx512 builds contract it to one rounding), where the
    product and the value are finite and inside half the range; two roundings elsewhere (inf, nan, near overflow)."""
    a, b, c = np.broadcast_arrays(a, b, c)
    with np.errstate(all="ignore"):
        out = np.array(a * b + c)
        ok = np.isfinite(out) & np.isfinite(a * b) & (np.abs(out) < np.finfo(out.dtype).max / 2)
    if ok.any():
        out[ok] = _fmadd(a[ok], b[ok], c[ok])
    return out

def _horner(coefs, z):
    """Horner's rule with each step a fused multiply-add (the contraction of ATen's avx2 / avx512 builds)."""
    acc = np.zeros_like(z)
    for c in coefs:
        acc = fmadd(acc, z, z.dtype.type(c))
    return acc


def _clenshaw(coefs, y):
    """Cephes' chbevl as Math.h spells it out: (a, p) with the sum 0.5 * (a - p)."""
    t = y.dtype.type
    a, q, p = np.full_like(y, t(coefs[0])), np.zeros_like(y), np.zeros_like(y)
    for c in coefs[1:]:
        p, q = q, a
        a = fmadd(y, q, -p) + t(c)
    return a, p


def _pieces(x, cond, small, big):
    """Each element from small(x[cond]) or big(x[~cond]) (each computed on its own elements only)."""
    out = np.empty_like(x)
    with np.errstate(all="ignore"):
        if cond.any():
            out[cond] = small(x[cond])
        if (~cond).any():
            out[~cond] = big(x[~cond])
    return out


def _i0(x):
    t = x.dtype.type
    ax = np.abs(x)

    def small(ax):
        a, p = _clenshaw(_I0_A, ax / t(2.0) - t(2.0))
        return cfun("exp", ax) * (t(0.5) * (a - p))

    def big(ax):
        b, p = _clenshaw(_I0_B, t(32.0) / ax - t(2.0))
        return cfun("exp", ax) * (t(0.5) * (b - p)) / np.sqrt(ax)
    return _pieces(ax, ax <= t(8.0), small, big)


def _i1(x):
    t = x.dtype.type
    ax = np.abs(x)

    def small(ax):
        a, p = _clenshaw(_I1_A, ax / t(2.0) - t(2.0))
        return t(0.5) * (a - p) * ax * cfun("exp", ax)

    def big(ax):
        b, p = _clenshaw(_I1_B, t(32.0) / ax - t(2.0))
        return cfun("exp", ax) * (t(0.5) * (b - p)) / np.sqrt(ax)
    out = _pieces(ax, ax <= t(8.0), small, big)
    return np.where(x < 0, -out, out)


def modified_bessel_i0(x):
    """The modified Bessel function of the first kind of order 0 (not differentiated, as in PyTorch)."""
    return _i0(x)


def modified_bessel_i1(x):
    """The modified Bessel function of the first kind of order 1 (not differentiated, as in PyTorch)."""
    return _i1(x)


def _k(x, coef_a, coef_b, small, scaled):
    """K0 / K1 (scaled by exp(x) or not): inf at 0, nan below, the A series up to 2, the B series beyond."""
    t = x.dtype.type

    def big(x):
        b, p = _clenshaw(coef_b, t(8.0) / x - t(2.0))
        half = t(0.5) * (b - p)
        return half / np.sqrt(x) if scaled else cfun("exp", -x) * half / np.sqrt(x)

    def near(x):
        a, p = _clenshaw(coef_a, fmadd(x, x, t(-2.0)))
        return small(x, t(0.5) * (a - p))
    out = _pieces(x, x <= t(2.0), near, big)
    return np.where(x == 0, t(np.inf), np.where(x < 0, t(np.nan), out))


def modified_bessel_k0(x):
    """The modified Bessel function of the second kind of order 0 (not differentiated, as in PyTorch)."""
    # (Math.h writes log(0.5 * x) with a double 0.5: for float the log and the last subtraction are in double)
    def small(x, half):
        wide = half.astype(np.float64) - cfun("log", 0.5 * x.astype(np.float64)) * _i0(x).astype(np.float64)
        return wide.astype(x.dtype)
    return _k(x, _K0_A, _K0_B, small, False)


def modified_bessel_k1(x):
    """The modified Bessel function of the second kind of order 1 (not differentiated, as in PyTorch)."""
    t = x.dtype.type
    return _k(x, _K1_A, _K1_B, lambda x, half: cfun("log", t(0.5) * x) * _i1(x) + half / x, False)


def scaled_modified_bessel_k0(x):
    """exp(x) * K0(x) (not differentiated, as in PyTorch)."""
    t = x.dtype.type
    return _k(x, _K0_A, _K0_B, lambda x, half: (half - cfun("log", t(0.5) * x) * _i0(x)) * cfun("exp", x), True)


def scaled_modified_bessel_k1(x):
    """exp(x) * K1(x) (not differentiated, as in PyTorch)."""
    t = x.dtype.type
    return _k(x, _K1_A, _K1_B, lambda x, half: (cfun("log", t(0.5) * x) * _i1(x) + half / x) * cfun("exp", x), True)


def _airy_series(x):
    """Ai by its power series (|x| < 2.09): each element sums until its last term is below the dtype's eps."""
    t = x.dtype.type
    eps = t(np.finfo(x.dtype).eps)
    f, g, k = np.ones_like(x), x.copy(), np.ones_like(x)
    m, n, z = np.ones_like(x), x.copy(), x * x * x
    active = np.ones(x.shape, bool)
    while active.any():
        m2 = m * z
        k2 = k + t(1.0)
        m2 = m2 / k2
        n2 = n * z
        k2 = k2 + t(1.0)
        n2 = n2 / k2
        m2 = m2 / k2
        f2 = f + m2
        k2 = k2 + t(1.0)
        n2 = n2 / k2
        g2 = g + n2
        m, k, n, f, g = (np.where(active, new, old) for new, old in ((m2, m), (k2, k), (n2, n), (f2, f), (g2, g)))
        active = active & (np.abs(m2 / f2) > eps)
    return t(0.355028053887817239260) * f - t(0.258819403792806798405) * g


def _airy_negative(x):
    t = x.dtype.type
    z = t(1.0) / (t(-2.0) * x * np.sqrt(-x) / t(3.0))
    zz = z * z
    afn, afd, agn, agd = _horner(_AFN, zz), _horner(_AFD, zz), _horner(_AGN, zz), _horner(_AGD, zz)
    phase = t(-2.0) * x * np.sqrt(-x) / t(3.0) + t(0.25) * t(np.pi)
    return t(_SQRT_1_PI) / np.sqrt(np.sqrt(-x)) * (cfun("sin", phase) * (t(1.0) + zz * afn / afd)
                                                   - cfun("cos", phase) * (z * agn / agd))


def _airy_positive(x):
    t = x.dtype.type
    zeta = t(2.0) * x * np.sqrt(x) / t(3.0)
    inv = t(1.0) / zeta
    return t(_SQRT_1_PI) * (_horner(_AN, inv) / _horner(_AD, inv)) / (t(2.0) * np.sqrt(np.sqrt(x)) * cfun("exp", zeta))


def airy_ai(x):
    """The Airy function Ai (not differentiated, as in PyTorch): nan at +-inf, 0 beyond 103.892."""
    t = x.dtype.type
    out = np.full_like(x, t(np.nan))
    negative, positive = x < t(-2.09), x >= t(2.09)
    middle = ~(negative | positive) & ~np.isnan(x)
    with np.errstate(all="ignore"):
        for cond, fn in ((negative, _airy_negative), (positive, _airy_positive), (middle, _airy_series)):
            if cond.any():
                out[cond] = fn(x[cond])
    out[x > t(103.892)] = 0
    out[np.isinf(x)] = t(np.nan)
    return out

