"""The numbers PyTorch 2.13 draws on the CPU, bit for bit, with numpy only.

PyTorch's CPU generator is a 32-bit Mersenne Twister: the stream of
``numpy.random.MT19937``. Its kernels turn the raw words into numbers in a fixed
order; this module replays them, including the AVX2 ``normal_`` kernel that x86-64
builds dispatch to (GCC fuses its multiply-adds, so we do too, exactly).

    >>> g = Generator().manual_seed(0)     # torch.Generator().manual_seed(0)
    >>> g.rand((3,), np.float32)           # torch.rand(3, generator=...)
    array([0.4962566 , 0.7682218 , 0.08847743], dtype=float32)
"""
import math
import os
import struct
from fractions import Fraction

import numpy as np

from . import dtypes

__all__ = ["Generator", "default_generator", "kaiming_uniform_bound", "manual_seed"]

_N = 624                       # mt19937 words
_STATE_BYTES = 5056            # sizeof(at::detail::CPUGeneratorImplState)
_F32, _F64, _U64 = np.float32, np.float64, np.uint64
_ROWS = 4096                   # rows of 16 per chunk: keeps the temporaries in cache


def _key(seed):
    """init_genrand on the low 32 bits of the seed, as at::mt19937 does."""
    key, k = np.empty(_N, np.uint32), seed & 0xFFFFFFFF
    key[0] = k
    for j in range(1, _N):
        k = (1812433253 * (k ^ (k >> 30)) + j) & 0xFFFFFFFF
        key[j] = k
    return key


def _fmt(v):
    return format(v, "g")      # how C++ streams a double into torch's messages


# ---- exact fused multiply-add ----

def _exact_fma(r, a, b, c, hard):
    """Redo r[hard] as the exactly rounded a*b+c with fractions (rare: ties, tiny or huge values)."""
    a, b, c = (np.broadcast_to(v, r.shape) for v in (a, b, c))
    for i in zip(*np.nonzero(hard & np.isfinite(a) & np.isfinite(b) & np.isfinite(c))):
        exact = Fraction(float(a[i])) * Fraction(float(b[i])) + Fraction(float(c[i]))
        if exact == 0:                             # numpy already has the IEEE sign of zero
            continue
        f = r.dtype.type(float(exact))
        near = (np.nextafter(f, -np.inf), f, np.nextafter(f, np.inf))   # undo a double rounding
        r[i] = min(near, key=lambda v: (abs(Fraction(float(v)) - exact), int(v.view(
            np.int32 if r.dtype == _F32 else np.int64)) & 1))
    return r


def _fma32(a, b, c):
    """Correctly rounded float32 a*b+c: the float64 product is exact, so only sums landing on a
    float32 midpoint (or near the subnormal range) can round twice; those are redone exactly."""
    a, b, c = (np.asarray(v, _F32) for v in (a, b, c))
    s = a.astype(_F64) * b + c
    r = np.array(s.astype(_F32))
    hard = ((s.view(_U64) & _U64(0x1FFFFFFF)) == _U64(0x10000000)) | (abs(s) < 2.0 ** -125) & (s != 0)
    return _exact_fma(r, a, b, c, hard) if hard.any() else r


def _two_sum(a, b):
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _fma64(a, b, c):
    """Correctly rounded float64 a*b+c (Boldo & Melquiond: exact product, sum rounded to odd);
    products near underflow or overflow, where the splitting fails, are redone exactly."""
    a, b, c = (np.asarray(v, _F64) for v in (a, b, c))
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


def _shape(shape):
    return (int(shape),) if isinstance(shape, (int, np.integer)) else tuple(int(s) for s in shape)


def _fdtype(dtype):
    dt = np.dtype(dtype)
    if dt not in (np.dtype(_F32), np.dtype(_F64)):
        raise TypeError(f"only float32 and float64 draws are supported, got {dt}")
    return dt


class Generator:
    """The twin of a CPU ``torch.Generator``: same seed, same state bytes, same numbers.

        >>> g = Generator().manual_seed(42)    # torch.Generator().manual_seed(42)
        >>> x = g.randn((2, 3), np.float32)    # == torch.randn(2, 3, generator=...).numpy()
    """

    def __init__(self, seed=67280421310721):
        self._mt = np.random.MT19937(0)
        self.manual_seed(seed)

    # ---- seed and state ----
    def manual_seed(self, seed):
        """Reseed; negative seeds wrap modulo 2**64 as torch's do. Clears the cached normal."""
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise RuntimeError(f"manual_seed expected a long, but got {type(seed).__name__}")  # noqa: TRY004
        if not -2 ** 63 <= int(seed) < 2 ** 64:
            raise ValueError("Overflow when unpacking long long")
        self._seed = int(seed) % 2 ** 64
        self._mt.state = {"bit_generator": "MT19937", "state": {"key": _key(self._seed), "pos": _N}}
        self._header = (1, 0)                      # torch's (left, next) until the first draw
        self._normal64 = self._normal32 = None
        return self

    def seed(self):
        s = int.from_bytes(os.urandom(8), "little")
        self.manual_seed(s)
        return s

    def initial_seed(self):
        return self._seed

    def get_state(self):
        """The bytes of torch's CPUGeneratorImplState (uint8 array of 5056)."""
        st = self._mt.state["state"]
        left, nxt = self._header or (_N + 1 - st["pos"], st["pos"])
        d, f = self._normal64, self._normal32
        head = struct.pack("<QiiQ", self._seed, left, 1, nxt)
        tail = struct.pack("<dddi4xf?3x", 0.0, d or 0.0, 0.0, d is not None, f or 0.0, f is not None)
        return np.frombuffer(head + st["key"].astype("<u8").tobytes() + tail, np.uint8).copy()

    def set_state(self, state):
        """Restore bytes from get_state() or torch's Generator.get_state().numpy()."""
        state = np.asarray(state)
        if state.dtype != np.uint8:
            raise TypeError("RNG state must be a torch.ByteTensor")
        if state.size != _STATE_BYTES:
            raise RuntimeError(f"Expected a CPUGeneratorImplState of size {_STATE_BYTES} but found "
                               f"the input RNG state size to be {state.size}")
        raw = state.tobytes()
        seed, left, seeded, nxt = struct.unpack_from("<QiiQ", raw)
        nxt &= 0xFFFFFFFF
        if not (seeded and 0 < left <= _N and nxt <= _N):
            raise RuntimeError("Invalid mt19937 state")
        if left != 1 and left + nxt != _N + 1:    # torch itself never writes these
            raise RuntimeError("unsupported mt19937 state: left + next must be 625")
        _, d, _, dv, f, fv = struct.unpack_from("<dddi4xf?3x", raw, 24 + 8 * _N)
        key = np.frombuffer(raw, "<u8", _N, 24).astype(np.uint32)
        self._mt.state = {"bit_generator": "MT19937",
                          "state": {"key": key, "pos": _N if left == 1 else nxt}}
        self._seed, self._header = seed, (left, nxt)
        self._normal64 = d if dv else None
        self._normal32 = _F32(f) if fv else None   # kept for the bytes; no CPU kernel uses it

    # ---- raw words, in torch's order ----
    def _raw(self, n):
        """n outputs of random() (32-bit), as uint64."""
        if n == 0:
            return np.empty(0, _U64)
        self._header = None
        return self._mt.random_raw(n)

    def _r64(self, n):
        """n outputs of random64(): the first word is the high half."""
        r = self._raw(2 * n)
        return (r[0::2] << _U64(32)) | r[1::2]

    def _uniform(self, n, dt):
        """uniform_real_distribution(0, 1): low 24 bits of random(), or low 53 of random64()."""
        out = np.empty(n, dt)
        for s in range(0, n, 1 << 15):            # chunks keep the temporaries in cache
            o = out[s:s + (1 << 15)]
            if dt == _F32:
                r = self._raw(len(o))
                r &= _U64(0xFFFFFF)
                np.copyto(o, r.astype(np.int32))
            else:
                r = self._raw(2 * len(o))
                hi = r[0::2] & _U64(0x1FFFFF)
                hi <<= _U64(32)
                hi |= r[1::2]
                np.copyto(o, hi)
            o *= 2.0 ** (-24 if dt == _F32 else -53)
        return out

    # ---- draws ----
    def rand(self, shape, dtype=_F32):
        """torch.rand(*shape, dtype=dtype)"""
        return self.uniform(shape, dtype)

    def randn(self, shape, dtype=_F32):
        """torch.randn(*shape, dtype=dtype)"""
        return self.normal(shape, dtype)

    def uniform(self, shape, dtype=_F32, low=0.0, high=1.0):
        """Tensor.uniform_(low, high): fma(x, to - from, from) in the tensor's dtype."""
        shape, dt = _shape(shape), _fdtype(dtype)
        low, high = float(low), float(high)
        if low > high:
            raise RuntimeError(f"uniform_ expects to return a [from, to) range, but found "
                               f"from={_fmt(low)} > to={_fmt(high)}")
        x = self._uniform(math.prod(shape), dt)
        frm, to = dt.type(low), dt.type(high)
        if (frm, to) != (0, 1):
            x = (_fma32 if dt == _F32 else _fma64)(x, to - frm, frm)
            x[x == to] = frm                       # torch maps a value rounded up to `to` to `from`
        return x.reshape(shape)

    def normal(self, shape, dtype=_F32, mean=0.0, std=1.0):
        """Tensor.normal_(mean, std). With an array mean and/or std: torch.normal(mean, std),
        whose shape and dtype come from the arrays (shape and dtype are then ignored)."""
        if isinstance(mean, np.ndarray) or isinstance(std, np.ndarray):
            return self._normal_arrays(mean, std)
        shape, dt = _shape(shape), _fdtype(dtype)
        mean, std = float(mean), float(std)
        if not std >= 0.0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {_fmt(std)}")
        n = math.prod(shape)
        if n < 16:                                 # scalar kernel, normal_distribution<double>
            return self._normal_small(n, mean, std).astype(dt).reshape(shape)
        u = self._uniform(n + (16 if n % 16 else 0), dt)
        if n % 16 == 0:
            _box_muller(u.reshape(-1, 16), mean, std)
            return u.reshape(shape)
        # 16 fresh uniforms for the last 16 slots: as one more row of the same kernel call (a fixed cost
        # per call matters for small draws)
        full = n // 16 * 16
        rows = np.concatenate([u[:full], u[n:]]).reshape(-1, 16)
        _box_muller(rows, mean, std)
        out = np.empty(n, dt)
        out[:n - 16] = rows.reshape(-1)[:n - 16]
        out[n - 16:] = rows[-1]
        return out.reshape(shape)

    def _normal_small(self, n, mean, std):
        """Box-Muller in double: cos is returned, sin is cached for the next draw (any call)."""
        if n == 0:
            return np.empty(0)
        head = [] if self._normal64 is None else [self._normal64]
        self._normal64 = None
        need = n - len(head)
        pairs = (need + 1) // 2
        u = self._uniform(2 * pairs, _F64)
        r = np.sqrt(-2.0 * _libm(np.log1p, math.log1p, -u[1::2]))
        theta = (2.0 * math.pi) * u[0::2]
        seq = np.empty(2 * pairs)
        seq[0::2], seq[1::2] = r * _libm(np.cos, math.cos, theta), r * _libm(np.sin, math.sin, theta)
        if need % 2:
            self._normal64 = float(seq[-1])
            seq = seq[:-1]
        return _fma64(np.concatenate([np.array(head, _F64), seq]), std, mean)

    def _normal_arrays(self, mean, std):
        """normal_(0, std) then add_(mean), or normal_(0, 1) then mul_(std).add_(mean)."""
        if isinstance(std, np.ndarray) and std.size and not (std >= 0).all():
            raise RuntimeError("normal expects all elements of std >= 0.0")
        if not isinstance(std, np.ndarray):
            return self.normal(mean.shape, mean.dtype, 0.0, std) + mean
        like = mean if isinstance(mean, np.ndarray) else std
        out = self.normal(np.broadcast_shapes(np.shape(mean), std.shape), like.dtype)
        out = (out * std).astype(like.dtype, copy=False)
        return (out + (mean if like is mean else like.dtype.type(mean))).astype(like.dtype, copy=False)

    def exponential(self, shape, dtype=_F32, lambd=1.0):
        """Tensor.exponential_(lambd): -1/lambd * log1p(-u) in double, u from random64()."""
        shape, dt = _shape(shape), _fdtype(dtype)
        if not lambd > 0:
            raise RuntimeError(f"exponential_ expects lambda > 0.0, but found lambda={_fmt(lambd)}")
        u = self._uniform(math.prod(shape), _F64)
        return ((-1.0 / lambd) * _libm(np.log1p, math.log1p, -u)).astype(dt).reshape(shape)

    def randint(self, low, high, shape, dtype=np.int64):
        """torch.randint(low, high, shape): word % range + low; a random64() word if range >= 2**28."""
        shape, dt, low, high = _shape(shape), np.dtype(dtype), int(low), int(high)
        if low >= high:
            raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}")
        if dt.kind == "f":                         # torch's update_from / update_to
            near = lambda v: int(dt.type(np.int64(v)))   # int64 -> dtype -> int64, as torch rounds
            digits = np.finfo(dt).nmant + 1
            if near(low + 1) < low:
                low = near(low + 1) + (1 << (abs(low + 1).bit_length() - 1 - digits + 1))
            if near(high - 1) >= high:
                high = near(high - 1) - (1 << (abs(high - 1).bit_length() - 1 - digits + 1))
        elif dt.kind in "iub":
            info = (0, 1) if dt.kind == "b" else (np.iinfo(dt).min, np.iinfo(dt).max)
            for name, v in (("from", low), ("to - 1", high - 1)):
                if not info[0] <= v <= info[1]:
                    raise RuntimeError(f"{name} is out of bounds for {dtypes.c_name(dt)}")
        span, n = (high - low) % 2 ** 64, math.prod(shape)
        v = self._r64(n) if span >= 2 ** 28 else self._raw(n).astype(np.uint32)
        v -= v // v.dtype.type(span) * v.dtype.type(span)   # v % span, on numpy's fast division
        v = v.astype(_U64) + _U64(low % 2 ** 64)           # wraps like torch's uint64 sum
        return v.view(np.int64).astype(dt).reshape(shape)

    def randperm(self, n, dtype=np.int64):
        """torch.randperm(n): Fisher-Yates with z = random() % (n - i), replayed vectorised."""
        n = int(n)
        if n < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{n}]")
        if n >= 0xFFFFFFFF // 20:
            raise NotImplementedError("randperm(n) for n >= 2**32 / 20 (torch switches algorithm)")
        if n < 2:
            return np.arange(n).astype(dtype)
        i = np.arange(n - 1)
        j = i + self._raw(n - 1).astype(np.int64) % (n - i)
        return _apply_swaps(j, n).astype(dtype)

    def bernoulli(self, p, dtype=None, shape=None):
        """torch.bernoulli(p) for an array p (float64 p: u from random64(), else from random()),
        or Tensor.bernoulli_(p) for a float p on `shape` (u from random64())."""
        if isinstance(p, np.ndarray):
            if p.size and not ((p >= 0) & (p <= 1)).all():
                raise RuntimeError("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could "
                                   "this error message be improved?  If so, please report an "
                                   "enhancement request to PyTorch.)")
            shape, dtype = p.shape if shape is None else _shape(shape), p.dtype if dtype is None else dtype
            wide = p.dtype == _F64
            p = np.broadcast_to(p.astype(_F64 if wide else _F32, copy=False), shape)
        else:
            p, wide, shape = float(p), True, _shape(() if shape is None else shape)
            if not 0 <= p <= 1:
                raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={_fmt(p)}")
            dtype = _F32 if dtype is None else dtype
        u = self._uniform(math.prod(shape), _F64 if wide else _F32).reshape(shape)
        return (u < p).astype(dtype)

    def multinomial(self, probs, num_samples, replacement=False):
        """torch.multinomial for 1-d and 2-d probs: int64 indices."""
        p = np.asarray(probs)
        if p.ndim not in (1, 2):
            raise RuntimeError("prob_dist must be 1 or 2 dim")
        if num_samples <= 0:
            raise RuntimeError("cannot sample n_sample <= 0 samples")
        if not replacement and num_samples > p.shape[-1]:
            raise RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        rows, shape = p.reshape(-1, p.shape[-1]), p.shape[:-1] + (num_samples,)
        if rows.size == 0:
            return np.empty(shape, np.int64)
        if not replacement or num_samples == 1:    # race: top-k of p / Exp(1), one per category
            if not (np.isfinite(rows).all() and (rows >= 0).all()):
                raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
            if (rows.sum(-1) == 0).any():
                raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
            q = rows / self.exponential(rows.shape, rows.dtype)
            # torch's topk orders tied values (zero-probability picks) its own way; ours is stable
            return np.argsort(-q, axis=-1, kind="stable")[:, :num_samples].reshape(shape)
        out = np.empty((len(rows), num_samples), np.int64)
        for r, row in enumerate(rows):             # per distribution: cumulative sum, then search
            if (row < 0).any():
                raise RuntimeError("invalid multinomial distribution (encountering probability entry < 0)")
            if not np.isfinite(row).all():
                raise RuntimeError("invalid multinomial distribution "
                                   "(encountering probability entry = infinity or NaN)")
            cum = np.cumsum(row, dtype=row.dtype)
            if not cum[-1] > 0:
                raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
            cum /= cum[-1]
            cum[-1] = 1
            out[r] = np.searchsorted(cum.astype(_F64), self._uniform(num_samples, _F64), side="left")
        return out.reshape(shape)


def kaiming_uniform_bound(fan_in, a=0.0):
    """The bound of nn.init.kaiming_uniform_(w, a) (leaky_relu gain, fan_in), in Python floats.

    nn.Linear(i, o): weight uniform(-kaiming_uniform_bound(i, math.sqrt(5)), +same) on (o, i),
    then bias uniform(-1/math.sqrt(i), 1/math.sqrt(i)) on (o,)."""
    gain = math.sqrt(2.0 / (1 + a ** 2))
    return math.sqrt(3.0) * (gain / math.sqrt(fan_in))


default_generator = Generator(int.from_bytes(os.urandom(8), "little"))


def manual_seed(seed):
    """torch.manual_seed for the default generator (also forgets its cached normal)."""
    return default_generator.manual_seed(seed)
