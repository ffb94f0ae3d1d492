"""The numbers PyTorch 2.13 draws on the CPU, bit for bit, with numpy only.

PyTorch's CPU generator is a 32-bit Mersenne Twister: the stream of
``numpy.random.MT19937``. Its kernels turn the raw words into numbers in a fixed
order; this module replays them, including the AVX2 ``normal_`` kernel that x86-64
builds dispatch to (GCC fuses its multiply-adds, so we do too, exactly).

    >>> g = Generator().manual_seed(0)     # torch.Generator().manual_seed(0)
    >>> g.rand((3,), np.float32)           # torch.rand(3, generator=...)
    array([0.4962566 , 0.7682218 , 0.08847743], dtype=float32)
"""
import functools
import math
import os
import struct

import numpy as np

from . import dtypes
from .random_ahead import _AHEAD_SMALL, _Ahead, _restore, _snapshot
from .random_kernels import _apply_swaps, _box_muller, _fma32, _fma64, _libm

__all__ = ["Generator", "default_generator", "kaiming_uniform_bound", "manual_seed"]

_N = 624                       # mt19937 words
_STATE_BYTES = 5056            # sizeof(at::detail::CPUGeneratorImplState)
_F32, _F64, _U64 = np.float32, np.float64, np.uint64
_F16 = np.float16
_I64 = np.dtype(np.int64)
_remainder, _add = np.remainder, np.add


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



def _shape(shape):
    if type(shape) is tuple and all(type(s) is int for s in shape):
        return shape
    return (int(shape),) if isinstance(shape, (int, np.integer)) else tuple(int(s) for s in shape)


@functools.lru_cache(maxsize=None)
def _int_range(dt):
    return (0, 1) if dt.kind == "b" else (int(np.iinfo(dt).min), int(np.iinfo(dt).max))


_FLOAT_DTYPES = {t: np.dtype(t) for t in (_F32, _F64, np.dtype(_F32), np.dtype(_F64))}


def _check_uniform_bounds(dt, low, high):
    """ATen's check_uniform_bounds: from and to within the dtype's finite range, from <= to, to - from too."""
    top = dtypes._FLOAT_MAX.get(dt.name)   # (None for a complex dtype: its parts are checked)
    if top is not None:
        for name, v in (("from", low), ("to", high)):
            if not -top <= v <= top:
                raise RuntimeError(f"{name} is out of bounds for {dtypes.c_name(dt)}")
    if low > high:
        raise RuntimeError(f"uniform_ expects to return a [from, to) range, but found "
                           f"from={_fmt(low)} > to={_fmt(high)}")
    if top is not None and high - low > top:
        raise RuntimeError(f"uniform_ expects to-from <= std::numeric_limits<{dtypes.scalar_name(dt)}>::max(), but "
                           f"found to={_fmt(high)} and from={_fmt(low)} which result in to-from to exceed the limit")


_HALF = np.dtype(np.float16)


def _is_half(dt):
    """Is dt float16 or bfloat16 (the dtypes whose draws are the float32 or double ones rounded)?"""
    return dt == _HALF or dt is dtypes.BF16_NP


def _fdtype(dtype, kernel=None):
    """The numpy dtype of a draw of floats; kernel: the ATen kernel PyTorch's error names for an integer or bool
    dtype (``torch.randn(3, dtype=torch.long)``: ``"normal_kernel_cpu" not implemented for 'Long'``)."""
    dt = _FLOAT_DTYPES.get(dtype)
    if dt is None:
        dt = np.dtype(dtype)
        if dt not in (np.dtype(_F32), np.dtype(_F64)):
            if dt.name == "bfloat16":   # (a draw with no bfloat16 path here: uniform_, normal_, ... have theirs)
                raise NotImplementedError("autograd_magic implements a subset of PyTorch: random draws in "
                                          "torch.bfloat16 are not part of it (draw in float32, then .bfloat16())")
            if kernel is not None and dt.kind in "biu":
                raise NotImplementedError(f'"{kernel}" not implemented for \'{dtypes.scalar_name(dt)}\'')
            raise TypeError(f"only float32 and float64 draws are supported, got {dt}")
    return dt


def _real_of(dtype):
    return np.dtype(np.float32) if np.dtype(dtype) == np.complex64 else np.dtype(np.float64)


def _as_complex(pairs):
    """Float pairs (..., 2) as the complex numbers they are the parts of."""
    return np.ascontiguousarray(pairs).view(np.complex64 if pairs.dtype == np.float32 else np.complex128)[..., 0]


DRAW_CHECK = [None]   # a function called before every draw of random words (set by torch.func.vmap)
BATCHED_DRAWS = [None]   # torch.func.vmap(randomness='different'): a BatchedDraws while its function runs


class BatchedDraws:
    """vmap(randomness='different') runs its function once per batch element, where PyTorch runs each random op
    once on the whole batch. So the k-th draw of element 0 is made for the whole batch and kept, and element b's
    k-th draw is its part of it: of random words (uniform, integer, Bernoulli, exponential draws take theirs one
    element after the other), element b's run of words; of normal numbers (ATen's kernel fills 16 at a time, fewer
    than 16 one by one), row b of a draw of shape (size, *shape)."""

    def __init__(self, size):
        self.size, self.index, self.count, self.kept, self.busy = size, 0, 0, [], False

    def start(self, index):
        self.index, self.count = index, 0

    def _draw(self, key, whole, own, part):
        """element 0: whole() for the batch, kept; element b: part(kept, b); a draw element 0 did not make at this
        place (a data-dependent draw): own(), its own numbers."""
        k = self.count
        self.count += 1
        if self.index == 0:
            self.busy = True
            try:
                self.kept.append((key, whole()))
            finally:
                self.busy = False
        elif k >= len(self.kept) or self.kept[k][0] != key:
            return own()
        return part(self.kept[k][1], self.index)

    def words(self, gen, n):
        return self._draw(("words", gen, n), lambda: gen._raw_words(n * self.size), lambda: gen._raw_words(n),
                          lambda kept, b: kept[b * n:(b + 1) * n].copy())

    def normal(self, gen, shape, dtype, mean, std):
        shape = tuple(_shape(shape))
        return self._draw(("normal", gen, shape, np.dtype(dtype), mean, std),
                          lambda: gen._normal_draw((self.size,) + shape, dtype, mean, std),
                          lambda: gen._normal_draw(shape, dtype, mean, std), lambda kept, b: kept[b].copy())


class Generator:
    """The twin of a CPU ``torch.Generator``: same seed, same state bytes, same numbers.

        >>> g = Generator().manual_seed(42)    # torch.Generator().manual_seed(42)
        >>> x = g.randn((2, 3), np.float32)    # == torch.randn(2, 3, generator=...).numpy()
    """

    def __init__(self, seed=67280421310721):
        self._mt = np.random.MT19937(0)
        self._version = 0   # counts the draws, seeds and restored states (what changed the stream)
        self.manual_seed(seed)

    # ---- seed and state ----
    def manual_seed(self, seed):
        """Reseed; negative seeds wrap modulo 2**64 as torch's do. Clears the cached normal."""
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise RuntimeError(f"manual_seed expected a long, but got {type(seed).__name__}")  # noqa: TRY004
        if not -2 ** 63 <= int(seed) < 2 ** 64:
            raise ValueError("Overflow when unpacking long long")
        self._seed = int(seed) % 2 ** 64
        self._version += 1
        self._mt.state = {"bit_generator": "MT19937", "state": {"key": _key(self._seed), "pos": _N}}
        self._header = (1, 0)                      # torch's (left, next) until the first draw
        self._normal64 = self._normal32 = None
        self._ahead = _Ahead()
        return self

    def seed(self):
        s = int.from_bytes(os.urandom(8), "little")
        self.manual_seed(s)
        return s

    def initial_seed(self):
        return self._seed

    def get_state(self):
        """The bytes of torch's CPUGeneratorImplState (uint8 array of 5056)."""
        self._ahead.rewind(self._mt)
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
        self._version += 1
        self._ahead = _Ahead()
        self._mt.state = {"bit_generator": "MT19937",
                          "state": {"key": key, "pos": _N if left == 1 else nxt}}
        self._seed, self._header = seed, (left, nxt)
        self._normal64 = d if dv else None
        self._normal32 = _F32(f) if fv else None   # kept for the bytes; no CPU kernel uses it

    @property
    def version(self):
        """How many times something changed the stream (a draw, a seed, a state set): equal counts, same state."""
        return self._version

    def snapshot(self):
        """The whole state, in a few microseconds (get_state's bytes take ~100 us through numpy's state property):
        what a %%grad cell's re-runs start from (trace/rng.py). restore() puts it back."""
        self._ahead.rewind(self._mt)
        return _snapshot(self._mt), self._seed, self._header, self._normal64, self._normal32

    def restore(self, snap):
        words, self._seed, self._header, self._normal64, self._normal32 = snap
        self._ahead = _Ahead()
        _restore(self._mt, words)
        self._version += 1

    # ---- raw words, in torch's order ----
    def _raw(self, n):
        """n outputs of random() (32-bit), as uint64."""
        if n == 0:
            return np.empty(0, _U64)
        self._version += 1
        if DRAW_CHECK[0] is not None:   # torch.func.vmap with randomness='error' raises PyTorch's error here
            DRAW_CHECK[0]()
        batch = BATCHED_DRAWS[0]
        if batch is not None and not batch.busy:
            return batch.words(self, n)
        return self._raw_words(n)

    def _raw_words(self, n):
        self._header = None
        ahead = self._ahead
        ahead.note(-n)
        return self._mt.random_raw(n) if ahead.words is None else ahead.take(self._mt, n)

    def _r64(self, n):
        """n outputs of random64(): the first word is the high half."""
        r = self._raw(2 * n)
        return (r[0::2] << _U64(32)) | r[1::2]

    def _uniform(self, n, dt):
        """uniform_real_distribution(0, 1): low 24 bits of random(), or low 53 of random64()."""
        if n <= 1 << 15:                           # one chunk (most draws): no loop, no copies
            if dt == _F32:
                r = self._raw(n)
                r &= _U64(0xFFFFFF)
                out = r.astype(_F32)               # exact: below 2**24
                out *= _F32(2.0 ** -24)
            else:
                r = self._raw(2 * n)
                out = r[0::2] & _U64(0x1FFFFF)
                out <<= _U64(32)
                out |= r[1::2]
                out = out.astype(_F64)             # exact: below 2**53
                out *= 2.0 ** -53
            return out
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
        """torch.rand(*shape, dtype=dtype); a complex dtype draws its real and imaginary parts as pairs of floats
        (ATen's uniform_ on view_as_real)"""
        if np.dtype(dtype).kind == "c":
            return _as_complex(self.uniform(tuple(_shape(shape)) + (2,), _real_of(dtype)))
        return self.uniform(shape, dtype)

    def randn(self, shape, dtype=_F32):
        """torch.randn(*shape, dtype=dtype); a complex dtype draws its parts as pairs of floats of standard
        deviation 1/sqrt(2) (ATen's normal_ on view_as_real), so that the complex variance is 1"""
        if np.dtype(dtype).kind == "c":
            return _as_complex(self.normal(tuple(_shape(shape)) + (2,), _real_of(dtype), 0.0, 1.0 / math.sqrt(2.0)))
        return self.normal(shape, dtype)

    def uniform(self, shape, dtype=_F32, low=0.0, high=1.0):
        """Tensor.uniform_(low, high): fma(x, to - from, from) in the tensor's dtype."""
        low, high = float(low), float(high)
        if np.dtype(dtype).kind == "c":   # (ATen's uniform_ on view_as_real: the parts drawn as pairs)
            return _as_complex(self.uniform(tuple(_shape(shape)) + (2,), _real_of(dtype), low, high))
        _check_uniform_bounds(np.dtype(dtype), low, high)
        if _is_half(np.dtype(dtype)):
            return self._uniform_half(_shape(shape), np.dtype(dtype), low, high)
        shape, dt = _shape(shape), _fdtype(dtype, "check_uniform_bounds")
        x = self._uniform(math.prod(shape), dt)
        frm, to = dt.type(low), dt.type(high)
        if (frm, to) != (0, 1):
            x = (_fma32 if dt == _F32 else _fma64)(x, to - frm, frm)
            x[x == to] = frm                       # torch maps a value rounded up to `to` to `from`
        return x.reshape(shape)

    def _uniform_half(self, shape, dt, low, high):
        """uniform_ on a float16 (bfloat16) tensor: the float32 draw (in float, from and to unrounded), rounded to
        the dtype; a value rounded up to ``to`` becomes ``from``, as in float32."""
        x = self.uniform(shape, _F32, low, high).astype(dt)
        frm, to = (np.asarray(v, dt) for v in (low, high))
        x[x == to] = frm
        return x

    def normal(self, shape, dtype=_F32, mean=0.0, std=1.0):
        """Tensor.normal_(mean, std). With an array mean and/or std: torch.normal(mean, std),
        whose shape and dtype come from the arrays (shape and dtype are then ignored)."""
        if isinstance(mean, np.ndarray) or isinstance(std, np.ndarray):
            return self._normal_arrays(mean, std)
        batch = BATCHED_DRAWS[0]
        if batch is not None and not batch.busy:
            return batch.normal(self, shape, dtype, float(mean), float(std))
        return self._normal_draw(shape, dtype, mean, std)

    def _normal_draw(self, shape, dtype=_F32, mean=0.0, std=1.0):
        shape = _shape(shape)
        if np.dtype(dtype).kind == "c":
            return _as_complex(self._normal_complex_parts(self._normal_draw, shape, dtype, mean, std))
        if not math.prod(shape) and np.dtype(dtype).kind in "biu":   # (ATen runs no kernel for an empty tensor)
            return np.empty(shape, dtype)
        n = math.prod(shape)
        if _is_half(np.dtype(dtype)):
            if n < 16:                             # (the scalar kernel: the double draw rounded through float)
                return self.normal_serial(shape, dtype, mean, std)
            return self._normal_half(n, np.dtype(dtype), mean, std).reshape(shape)
        dt = _fdtype(dtype, "normal_kernel_cpu")
        mean, std = float(mean), float(std)
        if not std >= 0.0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {_fmt(std)}")
        if n < 16:                                 # scalar kernel, normal_distribution<double>
            out = self._normal_small(n, mean, std, dt)
            return out if len(shape) == 1 else out.reshape(shape)
        m = n + (16 if n % 16 else 0)
        small = dt == _F32 and m <= _AHEAD_SMALL
        if small:                                  # small float32 draws: from the words drawn ahead
            ahead = self._ahead
            if ahead.words is not None or ahead.calls:
                self._header = None
                return ahead.normal(self._mt, n, m, mean, std).reshape(shape)
        u = self._uniform(m, dt)
        if small:                                  # the first one, computed directly (a one-off stays cheap)
            self._ahead.direct(n)
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

    @staticmethod
    def _normal_complex_parts(draw, shape, dtype, mean, std):
        """normal_ on a complex tensor (ATen's normal_impl_): std checked as given, then the parts drawn as pairs of
        floats (view_as_real) of the same mean and std / sqrt(2), so that the complex variance is std**2."""
        std = float(std)
        if not std >= 0.0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {_fmt(std)}")
        return draw(tuple(shape) + (2,), _real_of(dtype), mean, std / math.sqrt(2.0))

    def _normal_half(self, n, dt, mean, std):
        """normal_ on 16 or more contiguous float16 / bfloat16 values: float32's kernel (float mean and std) on
        ceil(n / 16) * 16 uniforms, rounded to dt. Unlike float32 it draws no 16 fresh uniforms for a ragged end:
        the last row of 16 (the uniforms past the whole rows) gives the last 16 values."""
        mean, std = float(mean), float(std)
        if not std >= 0.0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {_fmt(std)}")
        m = -(-n // 16) * 16
        u = self._uniform(m, _F32)
        _box_muller(u.reshape(-1, 16), mean, std)
        if m == n:
            return u.astype(dt)
        out = np.empty(n, _F32)
        out[:m - 16] = u[:m - 16]
        out[n - 16:] = u[m - 16:]
        return out.astype(dt)

    def normal_serial(self, shape, dtype=_F32, mean=0.0, std=1.0):
        """normal_ as ATen fills a non-contiguous tensor: one normal_distribution<double> draw per element."""
        shape = _shape(shape)
        if np.dtype(dtype).kind == "c":
            return _as_complex(self._normal_complex_parts(self.normal_serial, shape, dtype, mean, std))
        half = _is_half(np.dtype(dtype))   # (static_cast<Half> / <BFloat16> of the double draw: through float)
        dt = _F32 if half else _fdtype(dtype, "normal_kernel_cpu")
        if not float(std) >= 0.0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {_fmt(float(std))}")
        out = self._normal_small(math.prod(shape), float(mean), float(std), dt).reshape(shape)
        return out.astype(dtype) if half else out

    def _normal_small(self, n, mean, std, dt=_F64):
        """Box-Muller in double: cos is returned, sin is cached for the next draw (any call).
        At most 8 pairs: Python's math (glibc's log1p, cos, sin, as torch) beats numpy's per-call cost."""
        if n == 0:
            return np.empty(0, dt)
        seq = [] if self._normal64 is None else [self._normal64]
        self._normal64 = None
        pairs = (n - len(seq) + 1) // 2
        w = self._raw(4 * pairs).tolist()          # per pair: the angle's random64(), then the radius's
        log1p, sqrt, cos, sin, two_pi, ulp = math.log1p, math.sqrt, math.cos, math.sin, 2.0 * math.pi, 2.0 ** -53
        for k in range(0, 4 * pairs, 4):
            theta = two_pi * ((((w[k] & 0x1FFFFF) << 32) | w[k + 1]) * ulp)
            r = sqrt(-2.0 * log1p(-((((w[k + 2] & 0x1FFFFF) << 32) | w[k + 3]) * ulp)))
            seq += (r * cos(theta), r * sin(theta))
        if len(seq) > n:
            self._normal64 = seq.pop()
        if std == 1:                               # fma(x, 1, mean) is x + mean, then rounded to dt once
            return np.array([x + mean for x in seq], dt)   # (+ 0.0 makes -0.0 +0.0, as the fma)
        return _fma64(np.array(seq), std, mean).astype(dt, copy=False)

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
        shape = _shape(shape)
        if not math.prod(shape) and np.dtype(dtype).kind in "biu":   # (an empty tensor reaches no kernel)
            return np.empty(shape, dtype)
        half = _is_half(np.dtype(dtype))   # (half and bfloat16: the double draw, rounded through float)
        dt = np.dtype(dtype) if half else _fdtype(dtype)
        if not lambd > 0:
            raise RuntimeError(f"exponential_ expects lambda > 0.0, but found lambda={_fmt(lambd)}")
        u = self._uniform(math.prod(shape), _F64)
        v = (-1.0 / lambd) * _libm(np.log1p, math.log1p, -u)
        return (v.astype(_F32).astype(dt) if half else v.astype(dt)).reshape(shape)

    def randint(self, low, high, shape, dtype=np.int64):
        """torch.randint(low, high, shape): word % range + low; a random64() word if range >= 2**28."""
        if dtype is _I64 and low.__class__ is int and high.__class__ is int and 0 < high - low < 2 ** 28 \
                and -2 ** 63 <= low and high <= 2 ** 63:     # a batch of indices: the common case, short
            if shape.__class__ is not tuple or len(shape) != 1 or shape[0].__class__ is not int:
                shape = _shape(shape)
            n = shape[0] if len(shape) == 1 else math.prod(shape)
            if n <= 4096:
                v = self._raw(n)
                _remainder(v, _U64(high - low), out=v)   # (v %= ...: the same ufunc, without the operator's layer)
                if low:   # (randint(0, n, ...) adds nothing)
                    _add(v, _U64(low % 2 ** 64), out=v)
                v = v.view(_I64)
                return v if len(shape) == 1 else v.reshape(shape)   # (v is 1-d, of n words)
        shape, dt, low, high = _shape(shape), dtype if dtype is _I64 else np.dtype(dtype), int(low), int(high)
        if low >= high:
            raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}")
        if dt.kind == "f" or _is_half(dt):         # torch's update_from / update_to (bfloat16 too)
            near = lambda v: int(dt.type(np.int64(v)))   # int64 -> dtype -> int64, as torch rounds
            digits = np.finfo(dt).nmant + 1
            if near(low + 1) < low:
                low = near(low + 1) + (1 << (abs(low + 1).bit_length() - 1 - digits + 1))
            if near(high - 1) >= high:
                high = near(high - 1) - (1 << (abs(high - 1).bit_length() - 1 - digits + 1))
        elif dt.kind == "c":
            raise RuntimeError("check_random_bounds handles only integral, floating-point and boolean types")
        elif dt.kind in "iub":
            info = _int_range(dt)
            for name, v in (("from", low), ("to - 1", high - 1)):
                if not info[0] <= v <= info[1]:
                    raise RuntimeError(f"{name} is out of bounds for {dtypes.c_name(dt)}")
        span, n = (high - low) % 2 ** 64, math.prod(shape)
        if span >= 2 ** 28:
            v = self._r64(n)
            v %= _U64(span)
        elif n <= 4096:                            # a word is below 2**32: the same % on its uint64
            v = self._raw(n)
            v %= _U64(span)
        else:
            v = self._raw(n).astype(np.uint32)
            v -= v // np.uint32(span) * np.uint32(span)   # v % span, on numpy's fast division (big arrays)
            v = v.astype(_U64)
        v += _U64(low % 2 ** 64)                   # wraps like torch's uint64 sum
        v = v.view(np.int64)
        return (v if dt == _I64 else v.astype(dt)).reshape(shape)

    def random_full(self, shape, dtype):
        """Tensor.random_() without bounds: ATen's uniform_int of one word per element (random64() for int64 and
        double, random() otherwise) over the dtype's whole range: modulo max + 1 for integers, 2**digits + 1 for
        floats (every integer a float holds exactly), its lowest bit for bool."""
        shape, dt = _shape(shape), np.dtype(dtype)
        n = math.prod(shape)
        v = self._r64(n) if dt in (_I64, _F64) else self._raw(n)
        v %= _U64(random_full_span(dt))
        return v.astype(dt).reshape(shape)

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
            shape, dtype = p.shape if shape is None else _shape(shape), p.dtype if dtype is None else dtype
            wide = p.dtype == _F64
            p = np.broadcast_to(p.astype(_F64 if wide else _F32, copy=False), shape)
            bad = ~((p >= 0) & (p <= 1))   # (NaN too)
            if bad.any():   # (the kernel draws element by element and checks each p before its draw)
                self._uniform(int(np.argmax(bad.reshape(-1))), _F64 if wide else _F32)
                raise RuntimeError("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could "
                                   "this error message be improved?  If so, please report an "
                                   "enhancement request to PyTorch.)")
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
        rows, shape = p.reshape(p.shape[0] if p.ndim == 2 else 1, p.shape[-1]), p.shape[:-1] + (num_samples,)
        if len(rows) == 0:   # no distribution: nothing drawn, nothing checked
            return np.empty(shape, np.int64)
        if not replacement or num_samples == 1:    # race: top-k of p / Exp(1), one per category
            if rows.shape[-1] == 0:   # (torch's check reads the max of no categories)
                raise RuntimeError("aminmax(): cannot compute aminmax over an empty dimension as the operation has "
                                   "no identity.")
            if not (np.isfinite(rows).all() and (rows >= 0).all()):
                raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
            if (rows.sum(-1) == 0).any():
                raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
            q = rows / self.exponential(rows.shape, rows.dtype)
            # torch's topk orders tied values (zero-probability picks) its own way; ours is stable
            return np.argsort(-q, axis=-1, kind="stable")[:, :num_samples].reshape(shape)
        out = np.empty((len(rows), num_samples), np.int64)
        if _is_half(rows.dtype):   # (half and bfloat16 distributions are summed in float)
            rows = rows.astype(_F32)
        for r, row in enumerate(rows):             # per distribution: cumulative sum, then search
            # torch checks entry by entry, `>= 0` before finiteness: the first bad entry names the error (NaN: < 0)
            bad = np.flatnonzero(~(row >= 0) | ~np.isfinite(row))
            if bad.size:
                raise RuntimeError("invalid multinomial distribution " + (
                    "(encountering probability entry < 0)" if not row[bad[0]] >= 0
                    else "(encountering probability entry = infinity or NaN)"))
            cum = np.cumsum(row, dtype=row.dtype)
            if not (cum.size and cum[-1] > 0):
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


# a hook of the trace layer (trace/rng.py): a generator object the torch layer did not make (real PyTorch's, made
# in a plain cell) -> the engine Generator that draws for it, or None (not one the running cell can draw from)
FOREIGN = [None]


def generator_of(generator):
    """The engine Generator behind a ``generator=`` argument: the default one for None, the torch layer's
    Generator's own, the one the trace layer keeps for a real PyTorch generator (FOREIGN); None for anything else
    (the caller raises PyTorch's TypeError)."""
    if generator is None:
        return default_generator
    impl = getattr(generator, "_impl", None)
    if impl.__class__ is Generator:
        return impl
    hook = FOREIGN[0]
    return None if hook is None or impl is not None else hook(generator)


def random_full_span(dt):
    """How many values Tensor.random_() draws from for a dtype: [0, span)."""
    if dt.kind == "b":
        return 2
    if dt.kind in "iu":
        return int(np.iinfo(dt).max) + 1
    return (1 << (np.finfo(dt).nmant + 1)) + 1
