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
    small draw gathers from these; the kernel's fixed cost (~90 numpy calls) is paid once per fill.
    The draws are logged (a small normal draw as its n, any other as minus its words); when the log ends
    in a repeating cycle (a loop's randn(100, 1), or randn(32, 10) then rand(5) ...), the words ahead are
    laid out as that cycle continued: each word gets only the transform its lane needs and each normal
    draw's values are made at once, keyed by the word it starts at. A draw the plan did not foresee (other
    size, other place) gets words transformed both ways. Either way a draw's values depend only on its
    own words, so the stream is unchanged: every draw takes its words from here first, in order, and
    get_state rewinds the twister to where the handed-out words end."""

    __slots__ = ("words", "pos", "snap", "radius", "angle", "signed", "size", "calls", "outs", "log")

    def __init__(self):
        self.words = self.snap = self.radius = self.angle = self.outs = None
        self.pos = 0                                # words handed out
        self.size = 512                             # grows with each fill
        self.calls = 0                              # small normal draws: the first is computed directly
        self.log = []                               # the last draws: n of a small normal, -words of others

    def take(self, mt, n):
        """The next n words (a fresh array the caller may change)."""
        w, p = self.words, self.pos
        if n < len(w) - p:
            self.pos = p + n
            return w[p:p + n].copy()
        out = np.concatenate([w[p:], mt.random_raw(n - (len(w) - p))])
        self.drop()                                 # the twister is where the stream is
        return out

    def note(self, e):
        """Log a draw: n for a small float32 normal draw, -words for any other."""
        log = self.log
        log.append(e)
        if len(log) > 32:
            del log[:-16]

    def direct(self, n):
        """A small normal draw was computed directly (the first after a seed): log it as one."""
        self.calls += 1
        self.log[-1] = n                            # its words came through Generator._raw as one draw

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

    def _cycle(self, n):
        """The draws to come, starting with this normal draw of n, if the log ends in a cycle of 1-6 draws
        that this draw continues; else None."""
        seq = self.log + [n]
        for k in range(1, 7):
            if len(seq) >= 2 * k and seq[-k:] == seq[-2 * k:-k]:
                return [n] + seq[-k:-1]
        return None

    def fill(self, mt, n, m):
        """Draw words ahead of the stream's position for a draw of n values (m words) and transform them."""
        self.rewind(mt)
        cycle = self._cycle(n)
        lengths = [e + (16 if e % 16 else 0) if e > 0 else -e for e in cycle] if cycle else None
        period = sum(lengths) if cycle else 0
        if cycle and period <= _AHEAD_MAX:          # whole cycles: half the work per word, twice the words
            self.size = min(max(2 * self.size, period), 2 * _AHEAD_MAX)
            self._fill_cycles(mt, cycle, lengths, period, max(self.size // period, 1))
            return
        self.size = min(max(2 * self.size, m), _AHEAD_MAX)
        self.outs = None
        u = self._draw(mt, self.size)
        radius = self.radius = _radius(_F32(1) - u)
        sn, cs = _sincos(_TWO_PI * u)
        self.angle = np.stack([cs, sn], axis=1).reshape(-1)   # angle[2w] = cos, angle[2w + 1] = sin
        self._finish(radius)

    def _draw(self, mt, size):
        self.snap = _snapshot(mt)
        self.words = mt.random_raw(size)
        u = (self.words & _U64(0xFFFFFF)).astype(_F32)
        u *= _F32(2.0 ** -24)                       # uniform_real_distribution<float>, as _uniform
        return u

    def _finish(self, radius):
        self.angle[self.angle == 0] = 0             # no -0.0: radius * angle is then never -0.0 unless
        self.signed = not radius.all()              # a radius is 0 (u == 0, one word in 2**24)

    def _fill_cycles(self, mt, cycle, lengths, period, cycles):
        u = self._draw(mt, cycles * period)
        reps = np.arange(0, cycles * period, period)[:, None]
        draws, offset = [], 0                       # (n, first words of its draws (cycles, 1))
        for e, length in zip(cycle, lengths):
            if e > 0:
                draws.append((e, reps + offset))
            offset += length
        rpos = np.concatenate([(at + _roles(e)[0]).reshape(-1) for e, at in draws])
        apos = np.concatenate([(at + _roles(e)[1]).reshape(-1) for e, at in draws])
        self.radius = np.zeros(len(u), _F32)
        self.radius[rpos] = radius = _radius(_F32(1) - u[rpos])
        sn, cs = _sincos(_TWO_PI * u[apos])
        self.angle = np.zeros(2 * len(u), _F32)
        self.angle[2 * apos], self.angle[2 * apos + 1] = cs, sn
        self._finish(radius)
        self.outs = {}
        for e, at in draws:
            ridx, aidx = _lanes(e)
            vals = self.radius.take(at + ridx)
            vals *= self.angle.take(2 * at + aidx)
            self.outs.update(zip(at[:, 0].tolist(), ((e, v) for v in vals)))

    def normal(self, mt, n, m, mean, std):
        """normal_(mean, std) of n float32 values from the next m words (n >= 16; m = n rounded up a row);
        mean and std are Python floats."""
        p = self.pos
        made = self.outs.get(p) if self.outs is not None else None
        if made is None or made[0] != n:
            if self.words is None or len(self.words) - p < m or self.outs is not None:
                self.fill(mt, n, m)                 # (words laid out for other draws are not transformed both ways)
                p = 0
                made = self.outs.get(0) if self.outs is not None else None
        if made is not None:
            out = made[1].copy()
        else:
            ridx, aidx = _lanes(n)
            out = self.radius[p:p + m].take(ridx)
            out *= self.angle[2 * p:2 * (p + m)].take(aidx)
        self.note(n)
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
