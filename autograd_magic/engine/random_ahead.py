"""Words drawn ahead of the stream for small float32 normal draws (see ``_Ahead``)."""
import ctypes
import functools
import struct

import numpy as np

from .random_kernels import _F32, _TWO_PI, _U64, _fma32, _radius, _sincos

_N = 624                       # mt19937 words

# ---- words drawn ahead: small float32 normal draws as two gathers and a product ----

_AHEAD_MAX = 8192              # words drawn ahead at most (the kernel's float64 temporaries stay under
                               # glibc's 128 kB mmap threshold: bigger ones page-fault on every fill)
_AHEAD_SMALL = 2048            # float32 normal draws of at most this many words use them


def _twister_bytes_ok():
    """numpy's MT19937 keeps `uint32 key[624]; int pos` at ctypes.state_address (checked, not assumed)."""
    try:
        mt = np.random.MT19937(1)
        mt.random_raw(7)
        st = mt.state["state"]
        raw = ctypes.string_at(mt.ctypes.state_address, 4 * _N + 4)
        return raw == st["key"].astype("<u4").tobytes() + struct.pack("<i", st["pos"])
    except Exception:  # noqa: BLE001 - any surprise: use the slower public state property
        return False


if _twister_bytes_ok():
    def _snapshot(mt):
        return ctypes.string_at(mt.ctypes.state_address, 4 * _N + 4)

    def _restore(mt, snap):
        ctypes.memmove(mt.ctypes.state_address, snap, 4 * _N + 4)
else:  # pragma: no cover - other numpy builds
    def _snapshot(mt):
        return mt.state

    def _restore(mt, snap):
        mt.state = snap


class _Ahead:
    """Twister words drawn before torch would draw them, with what the AVX2 kernel makes of each word
    as a radius lane (sqrt(-2 log(1 - u))) and as an angle lane (cos and sin of 2 pi u).

    A float32 normal row of 16 is radius(w0..w7) * cos/sin(w8..w15) whatever the row's position, so a
    small draw gathers from these; the kernel's fixed cost (~90 numpy calls) is paid once per up to
    8192 words. While the draws repeat one size back to back (a loop's randn(100, 1)), each word gets
    only the transform its lane needs; the first draw that breaks the pattern (another size, another
    kind of draw in between) turns that off for good and every word gets both. The stream is unchanged:
    every draw takes its words from here first, in order, and get_state rewinds the twister to where
    the handed-out words end."""

    __slots__ = ("words", "pos", "snap", "radius", "angle", "signed", "size", "calls", "pattern", "missed",
                 "outs")

    def __init__(self):
        self.words = self.snap = self.radius = self.angle = self.outs = None
        self.pos = 0                                # words handed out
        self.size = 512                             # doubles with each fill, up to _AHEAD_MAX
        self.calls = 0                              # small normal draws: the first is computed directly
        self.pattern = 0                            # m when the words ahead are whole draws of m words
        self.missed = False                         # a draw broke the pattern: transform every word

    def take(self, mt, n):
        """The next n words (a fresh array the caller may change)."""
        w, p = self.words, self.pos
        if n < len(w) - p:
            self.pos = p + n
            return w[p:p + n].copy()
        out = np.concatenate([w[p:], mt.random_raw(n - (len(w) - p))])
        self.drop()                                 # the twister is where the stream is
        return out

    def drop(self):
        self.words = self.snap = self.radius = self.angle = self.outs = None
        self.pos = 0

    def rewind(self, mt):
        """Put the twister where the handed-out words end and forget the words ahead."""
        if self.words is not None:
            _restore(mt, self.snap)
            if self.pos:
                mt.random_raw(self.pos)
            self.drop()

    def fill(self, mt, n, m):
        """Draw words ahead of the stream's position for a draw of n values (m words) and transform them."""
        self.rewind(mt)
        self.pattern = 0 if self.missed else m      # whole draws: half the work per word, twice the words
        size = self.size = min(max(2 * self.size, m), _AHEAD_MAX * (1 if self.missed else 2))
        if self.pattern:
            size = max(size // m, 1) * m            # whole draws
        self.snap = _snapshot(mt)
        self.words = mt.random_raw(size)
        u = (self.words & _U64(0xFFFFFF)).astype(_F32)
        u *= _F32(2.0 ** -24)                       # uniform_real_distribution<float>, as _uniform
        if self.pattern:                            # each word's lane is known: one transform per word,
            rw, aw = _roles(n)                      # and the draws' values are known: made here at once
            starts = np.arange(0, size, m)[:, None]
            rpos, apos = (starts + rw).reshape(-1), (starts + aw).reshape(-1)
            self.radius = np.zeros(size, _F32)
            self.radius[rpos] = radius = _radius(_F32(1) - u[rpos])
            sn, cs = _sincos(_TWO_PI * u[apos])
            self.angle = np.zeros(2 * size, _F32)
            self.angle[2 * apos], self.angle[2 * apos + 1] = cs, sn
            ridx, aidx = _lanes(n)
            self.outs = self.radius.take(starts + ridx)
            self.outs *= self.angle.take(2 * starts + aidx)
        else:
            self.outs = None
            radius = self.radius = _radius(_F32(1) - u)
            sn, cs = _sincos(_TWO_PI * u)
            self.angle = np.stack([cs, sn], axis=1).reshape(-1)   # angle[2w] = cos, angle[2w + 1] = sin
        self.angle[self.angle == 0] = 0             # no -0.0: radius * angle is then never -0.0 unless
        self.signed = not radius.all()              # a radius is 0 (u == 0, one word in 2**24)

    def normal(self, mt, n, m, mean, std):
        """normal_(mean, std) of n float32 values from the next m words (n >= 16; m = n rounded up a row);
        mean and std are Python floats."""
        w = self.words
        if w is None or len(w) - self.pos < m:
            self.fill(mt, n, m)
        elif self.pattern and (self.pattern != m or self.pos % m):
            self.missed = True                      # these words were transformed for draws of another place
            self.fill(mt, n, m)
        p = self.pos
        if self.outs is not None:
            out = self.outs[p // m].copy()
        else:
            ridx, aidx = _lanes(n)
            out = self.radius[p:p + m].take(ridx)
            out *= self.angle[2 * p:2 * (p + m)].take(aidx)
        self.pos = p + m
        if self.pos == len(self.words):
            self.drop()
        if std != 1.0 and _F32(std) != 1:           # mean and std are Python floats, rounded as _box_muller
            return _fma32(out, _F32(std), _F32(mean))
        if mean or self.signed:                     # as _box_muller: + mean, which makes -0.0 +0.0
            out += _F32(mean)
        return out


@functools.lru_cache(maxsize=64)
def _roles(n):
    """The words of a draw of n (relative to its first word) that serve as radius lanes, and as angle lanes."""
    ridx, aidx = _lanes(n)
    return np.unique(ridx), np.unique(aidx // 2)


@functools.lru_cache(maxsize=64)
def _lanes(n):
    """For each of n outputs of normal_fill (16 <= n): the word of its radius lane and the slot
    (2 * word + sin) of its angle lane, relative to the call's first word. Rows of 16 start at words
    0, 16, ...; when n % 16, the last 16 outputs come from one more row on words n..n+15."""
    j = np.arange(n)
    base, lane = j // 16 * 16, j % 16
    if n % 16:
        tail = j >= n - 16
        base[tail], lane[tail] = n, j[tail] - (n - 16)
    ridx = base + lane % 8
    aidx = 2 * (ridx + 8) + (lane >= 8)
    ridx.flags.writeable = aidx.flags.writeable = False
    return ridx, aidx
