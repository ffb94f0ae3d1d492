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
_ROWS = 4096                     # blocks of 16 per chunk: keeps temporaries in cache


def _fma_round(y64, x64, c, r32):
    """y64 <- float32(y64 * x64 + c): exact float64 product, one float32 rounding (via r32)."""
    y64 *= x64
    y64 += c
    np.copyto(r32, y64)
    np.copyto(y64, r32)
    return y64


def _radius(u1):
    """sqrt(-2 * log256_ps(u1)) for float32 u1 in (0, 1]."""
    bits = u1.view(np.int32)
    mant = bits & 0x7FFFFF
    low = mant < 0x3504F3                         # mantissa below sqrt(1/2): use 2m - 1
    e = (bits >> 23).astype(_F32)
    e -= 126
    e -= low
    mant |= 0x3F000000
    m = mant.view(_F32)
    x = m - _F32(1)
    x += m * low
    z = x * x
    x64, r32 = x.astype(_F64), np.empty_like(x)
    y64 = np.full_like(x64, _C[0])
    for c in _C[1:]:
        _fma_round(y64, x64, c, r32)
    y = r32 * x                                   # y*x then fma(y, z, e*q1): GCC fuses y*z
    np.copyto(y64, y)
    _fma_round(y64, z.astype(_F64), e * _Q1, r32)
    r32 -= z * _F32(0.5)
    x += r32
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
    x64, r32 = x.astype(_F64), np.empty_like(x)
    x64 += y.astype(_F64) * _DP3
    np.copyto(x, x64)
    np.copyto(x64, x)
    z = x * x
    z64 = z.astype(_F64)
    yc64 = np.full_like(z64, _COS[0])
    _fma_round(yc64, z64, _COS[1], r32)
    _fma_round(yc64, z64, _COS[2], r32)
    yc = r32 * z
    np.copyto(yc64, yc)
    _fma_round(yc64, z64, z * _F32(-0.5), r32)    # GCC fuses y*z with the - z/2
    yc = r32 + _F32(1)
    ys64 = np.full_like(z64, _SIN[0])
    _fma_round(ys64, z64, _SIN[1], r32)
    _fma_round(ys64, z64, _SIN[2], r32)
    np.multiply(r32, z, out=r32)
    np.copyto(ys64, r32)
    _fma_round(ys64, x64, x, r32)
    swap = (j << 30) >> 31                        # all ones where the polynomials swap
    yc_i, ys_i = yc.view(np.int32), r32.view(np.int32)
    diff = (yc_i ^ ys_i) & swap
    s = ys_i ^ diff
    c = yc_i ^ diff
    s ^= (j & 4) << 29
    c ^= (~(j - 2) & 4) << 29
    return s.view(_F32), c.view(_F32)


def _box_muller(d, mean, std):
    """normal_fill_16 on rows of 16 uniforms: lanes 0-7 feed the radius, 8-15 the angle."""
    out, f32 = np.empty_like(d), d.dtype == _F32
    for s in range(0, len(d), _ROWS):
        blk, o = d[s:s + _ROWS], out[s:s + _ROWS]
        if f32:                  # normal_fill_16_AVX2
            r = _radius(_F32(1) - blk[:, :8])
            sn, cs = _sincos(_TWO_PI * blk[:, 8:])
        else:                    # normal_fill_16<double>: glibc log/cos/sin, as numpy calls them
            r = np.log(1.0 - blk[:, :8])
            r *= -2.0
            np.sqrt(r, out=r)
            theta = blk[:, 8:] * (2.0 * math.pi)
            sn, cs = np.sin(theta), np.cos(theta)
        np.multiply(r, cs, out=o[:, :8])
        np.multiply(r, sn, out=o[:, 8:])
    mean, std = d.dtype.type(mean), d.dtype.type(std)
    if std == 1:          # fma(n, 1, mean) == n + mean; also turns -0.0 into +0.0 as torch does
        return out + mean
    return (_fma32 if f32 else _fma64)(out, std, mean)


def _apply_swaps(j, n):
    """arange(n) after `for i: swap(r[i], r[j[i]])` with j[i] >= i, without a Python loop.

    r[i] ends as the value that sat at position j[i] just before step i: the value the last
    earlier step aimed at j[i] moved there, else j[i] itself. Values carried along chains of
    such moves are resolved by pointer jumping."""
    m = len(j)
    order = np.argsort(j, kind="stable")
    js = j[order]
    same = np.zeros(m, bool)
    same[1:] = js[1:] == js[:-1]
    prev = np.full(m, -1, np.int64)              # previous step aiming at the same position
    prev[order[same]] = order[np.nonzero(same)[0] - 1]
    last = np.ones(m, bool)
    last[:-1] = ~same[1:]
    g, lt = js[last], order[last]
    came = np.where(lt == g, prev[np.minimum(lt, m - 1)], lt)   # last step t' < g aiming at g
    root = np.arange(n)
    root[g[came >= 0]] = came[came >= 0]
    while True:
        nxt = root[root]
        if np.array_equal(nxt, root):
            break
        root = nxt
    out = np.empty(n, np.int64)
    out[:m] = np.where(prev >= 0, root[np.maximum(prev, 0)], j)
    out[m] = root[m]
    return out


def _shape(shape):
    if isinstance(shape, (int, np.integer)):
        return (int(shape),)
    return tuple(int(s) for s in shape)


def _fdtype(dtype):
    dt = np.dtype(dtype)
    if dt not in (np.dtype(_F32), np.dtype(_F64)):
        raise TypeError(f"only float32 and float64 draws are supported, got {dt}")
    return dt


class Generator:
    """The twin of a CPU ``torch.Generator``: same seed, same state bytes, same numbers.

        >>> g = Generator().manual_seed(42)      # torch.Generator().manual_seed(42)
        >>> g.randn((2, 3), np.float32)          # torch.randn(2, 3, generator=...)
    """

    def __init__(self, seed=67280421310721):
        self._mt = np.random.MT19937(0)
        self.manual_seed(seed)

    # ---- seeding and state ----
    def manual_seed(self, seed):
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise RuntimeError(f"manual_seed expected a long, but got {type(seed).__name__}")
        if not -2 ** 63 <= int(seed) < 2 ** 64:
            raise ValueError("Overflow when unpacking long long")
        self._seed = int(seed) % 2 ** 64
        self._mt.state = {"bit_generator": "MT19937", "state": {"key": _key(self._seed), "pos": _N}}
        self._header = (1, 0)             # torch's (left, next) until the first draw
        self._normal64 = self._normal32 = None
        return self

    def seed(self):
        s = int.from_bytes(os.urandom(8), "little")
        self.manual_seed(s)
        return s

    def initial_seed(self):
        return self._seed

    def get_state(self):
        """The 5056 bytes of torch's CPUGeneratorImplState."""
        st = self._mt.state["state"]
        left, nxt = self._header or (_N + 1 - st["pos"], st["pos"])
        d, f = self._normal64, self._normal32
        head = struct.pack("<QiiQ", self._seed, left, 1, nxt)
        tail = struct.pack("<dddi4xf?3x", 0.0, d or 0.0, 0.0, d is not None, f or 0.0, f is not None)
        raw = head + st["key"].astype("<u8").tobytes() + tail
        return np.frombuffer(raw, np.uint8).copy()

    def set_state(self, state):
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
        if left != 1 and left + nxt != _N + 1:   # torch never writes such states
            raise RuntimeError("unsupported mt19937 state: left + next must be 625")
        key = np.frombuffer(raw, "<u8", _N, 24).astype(np.uint32)
        _, d, _, dv, f, fv = struct.unpack_from("<dddi4xf?3x", raw, 24 + 8 * _N)
        self._seed = seed
        self._mt.state = {"bit_generator": "MT19937",
                          "state": {"key": key, "pos": _N if left == 1 else nxt}}
        self._header = (left, nxt)
        self._normal64 = d if dv else None
        self._normal32 = _F32(f) if fv else None

    # ---- raw words, in torch's order ----
    def _raw(self, n):
        """n 32-bit engine outputs (random()), as uint64."""
        if n == 0:
            return np.empty(0, _U64)
        self._header = None
        return self._mt.random_raw(n)

    def _r64(self, n):
        """n random64() words: first output in the high half."""
        r = self._raw(2 * n)
        return (r[0::2] << _U64(32)) | r[1::2]

    def _uniform(self, n, dt):
        """uniform_real_distribution(0, 1): 24 low bits of random(), or 53 of random64()."""
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
        """torch.rand"""
        return self.uniform(shape, dtype)

    def randn(self, shape, dtype=_F32):
        """torch.randn"""
        return self.normal(shape, dtype)

    def uniform(self, shape, dtype=_F32, low=0.0, high=1.0):
        """Tensor.uniform_(low, high): x * (to - from) + from, fused, in the tensor's dtype."""
        shape, dt = _shape(shape), _fdtype(dtype)
        low, high = float(low), float(high)
        if low > high:
            raise RuntimeError(f"uniform_ expects to return a [from, to) range, but found "
                               f"from={_fmt(low)} > to={_fmt(high)}")
        x = self._uniform(math.prod(shape), dt)
        frm, to = dt.type(low), dt.type(high)
        if (frm, to) != (0, 1):
            x = (_fma32 if dt == _F32 else _fma64)(x, to - frm, frm)
        return x.reshape(shape)

    def normal(self, shape, dtype=_F32, mean=0.0, std=1.0):
        """Tensor.normal_(mean, std) / torch.normal; array mean/std follow torch.normal(Tensor...)."""
        if isinstance(mean, np.ndarray) or isinstance(std, np.ndarray):
            return self._normal_arrays(mean, std)
        shape, dt = _shape(shape), _fdtype(dtype)
        mean, std = float(mean), float(std)
        if not std >= 0.0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {_fmt(std)}")
        n = math.prod(shape)
        if n == 0:
            return np.empty(shape, dt)
        if n < 16:                        # scalar kernel: normal_distribution<double>
            return self._normal_small(n, mean, std).astype(dt).reshape(shape)
        u = self._uniform(n + (16 if n % 16 else 0), dt)
        out = np.empty(n, dt)
        full = n // 16 * 16
        out[:full] = _box_muller(u[:full].reshape(-1, 16), mean, std).ravel()
        if n % 16:                        # torch redraws 16 uniforms for the last 16 slots
            out[n - 16:] = _box_muller(u[n:].reshape(1, 16), mean, std).ravel()
        return out.reshape(shape)

    def _normal_small(self, n, mean, std):
        """Box-Muller pairs in double: cos returned first, sin cached for the next draw."""
        head = [] if self._normal64 is None else [self._normal64]
        self._normal64 = None
        need = n - len(head)
        pairs = (need + 1) // 2
        u = self._uniform(2 * pairs, _F64)
        r = np.sqrt(-2.0 * np.log1p(-u[1::2]))
        theta = (2.0 * math.pi) * u[0::2]
        seq = np.empty(2 * pairs)
        seq[0::2], seq[1::2] = r * np.cos(theta), r * np.sin(theta)
        if need % 2:
            self._normal64 = float(seq[-1])
            seq = seq[:-1]
        return _fma64(np.concatenate([np.array(head, _F64), seq]), std, mean)

    def _normal_arrays(self, mean, std):
        """torch.normal(mean, std) with a tensor: normal_(0, .) then mul_(std) / add_(mean)."""
        if isinstance(std, np.ndarray) and std.size and not (std >= 0).all():
            raise RuntimeError("normal expects all elements of std >= 0.0")
        if not isinstance(std, np.ndarray):
            return self.normal(mean.shape, mean.dtype, 0.0, std) + mean
        like = mean if isinstance(mean, np.ndarray) else std
        shape = np.broadcast_shapes(np.shape(mean), std.shape)
        out = self.normal(shape, like.dtype)
        out = (out * std).astype(like.dtype, copy=False)
        return (out + like.dtype.type(mean) if like is std else out + mean).astype(like.dtype, copy=False)

    def exponential(self, shape, dtype=_F32, lambd=1.0):
        """Tensor.exponential_(lambd): -1/lambd * log1p(-u) in double, u from random64()."""
        shape, dt = _shape(shape), _fdtype(dtype)
        if not lambd > 0:
            raise RuntimeError(f"exponential_ expects lambda > 0.0, but found lambda={_fmt(lambd)}")
        u = self._uniform(math.prod(shape), _F64)
        return ((-1.0 / lambd) * np.log1p(-u)).astype(dt).reshape(shape)

    def randint(self, low, high, shape, dtype=np.int64):
        """torch.randint(low, high, shape): (word % range) + low, with a 64-bit word if range >= 2**32."""
        shape, dt, low, high = _shape(shape), np.dtype(dtype), int(low), int(high)
        if low >= high:
            raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}")
        span = (high - low) % 2 ** 64
        n = math.prod(shape)
        wide = span >= 2 ** 32 and dt in (np.dtype(np.int64), np.dtype(_F64), np.dtype(_F32))
        v = (self._r64(n) if wide else self._raw(n)) % _U64(span) + _U64(low % 2 ** 64)
        return v.view(np.int64).astype(dt).reshape(shape)

    def randperm(self, n, dtype=np.int64):
        """torch.randperm(n): Fisher-Yates with z = random() % (n - i), swaps replayed vectorised."""
        n = int(n)
        if n < 0:
            raise RuntimeError(f"n must be non-negative, got{n}")
        if n >= 0xFFFFFFFF // 20:
            raise NotImplementedError("randperm for n >= 2**32 / 20 (torch switches algorithm)")
        if n < 2:
            return np.arange(n).astype(dtype)
        i = np.arange(n - 1)
        j = i + self._raw(n - 1).astype(np.int64) % (n - i)
        return _apply_swaps(j, n).astype(dtype)

    def bernoulli(self, p, dtype=None, shape=None):
        """torch.bernoulli(p_array) (float64 p: 53-bit draw, else 24-bit), or
        Tensor.bernoulli_(p_float) on `shape` (53-bit draw per element)."""
        if isinstance(p, np.ndarray):
            shape = p.shape if shape is None else _shape(shape)
            if p.size and not ((p >= 0) & (p <= 1)).all():
                raise RuntimeError("Expected p_in >= 0 && p_in <= 1 to be true, but got false.")
            wide = p.dtype == _F64
            p = np.broadcast_to(p.astype(_F64 if wide else _F32, copy=False), shape)
            dtype = p.dtype if dtype is None else dtype
        else:
            p, wide, shape = float(p), True, _shape(() if shape is None else shape)
            if not 0 <= p <= 1:
                raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={_fmt(p)}")
            dtype = _F32 if dtype is None else dtype
        u = self._uniform(math.prod(shape), _F64 if wide else _F32).reshape(shape)
        return (u < p).astype(dtype)

    def multinomial(self, probs, num_samples, replacement=False):
        """torch.multinomial for 1-d and 2-d probabilities (int64 indices)."""
        p = np.asarray(probs)
        if p.ndim not in (1, 2):
            raise RuntimeError("prob_dist must be 1 or 2 dim")
        if num_samples <= 0:
            raise RuntimeError("cannot sample n_sample <= 0 samples")
        if not replacement and num_samples > p.shape[-1]:
            raise RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        rows = p.reshape(-1, p.shape[-1])
        out_shape = p.shape[:-1] + (num_samples,)
        if rows.size == 0:
            return np.empty(out_shape, np.int64)
        if not replacement or num_samples == 1:   # exponential race: argmax / top-k of p / Exp(1)
            if not (np.isfinite(rows).all() and (rows >= 0).all()):
                raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
            if (rows.sum(-1) == 0).any():
                raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
            q = rows / self.exponential(rows.shape, rows.dtype)
            idx = np.argsort(-q, axis=-1, kind="stable")[:, :num_samples]
            return idx.reshape(out_shape)
        u = self._uniform(rows.size // rows.shape[1] * num_samples, _F64).reshape(-1, num_samples)
        out = np.empty((len(rows), num_samples), np.int64)
        for r, row in enumerate(rows):          # one pass per distribution, not per number
            if (row < 0).any() or not np.isfinite(row).all():
                raise RuntimeError("invalid multinomial distribution (encountering probability entry < 0)")
            cum = np.cumsum(row, dtype=row.dtype)
            if not cum[-1] > 0:
                raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
            cum = cum / cum[-1]
            cum[-1] = 1
            out[r] = np.searchsorted(cum.astype(_F64), u[r], side="left")
        return out.reshape(out_shape)


def kaiming_uniform_bound(fan_in, a=0.0):
    """The bound nn.init.kaiming_uniform_(a=a) computes (leaky_relu gain, fan_in mode), in Python floats.

    nn.Linear uses a=math.sqrt(5) for the weight, then uniform(-1/sqrt(fan_in), 1/sqrt(fan_in)) for the bias."""
    gain = math.sqrt(2.0 / (1 + a ** 2))
    return math.sqrt(3.0) * (gain / math.sqrt(fan_in))


default_generator = Generator(int.from_bytes(os.urandom(8), "little"))


def manual_seed(seed):
    """torch.manual_seed: reseed the default generator (and forget its cached normal)."""
    return default_generator.manual_seed(seed)
