"""The kernels of torch.quasirandom.SobolEngine (ATen's _sobol_engine_* ops): the direction numbers of each
dimension (Bratley and Fox's recurrence over Joe and Kuo's primitive polynomials and initial numbers), Owen's
linear matrix scrambling of them, and the Gray-code draw and fast-forward of the 30-bit integer points."""
import base64
import functools
import zlib

import numpy as np

from . import dtypes
from .arg_parser import Signature, check_call
from .dispatch import wrap
from .size import nonnegative
from .sobol_directions import COUNTS, PACKED

MAXBIT = 30
MAXDIM = 21201
RECIPD = 1.0 / (1 << MAXBIT)

_DRAW = [Signature("(Tensor quasi, int n, Tensor sobolstate, int dimension, int num_generated, "
                   "torch.dtype? dtype)")]
_FF = [Signature("(Tensor self, int n, Tensor sobolstate, int dimension, int num_generated)")]
_SCRAMBLE = [Signature("(Tensor self, Tensor ltm, int dimension)")]
_INIT = [Signature("(Tensor self, int dimension)")]


def _fields(bits, widths):
    """The unsigned integers of consecutive bit fields (big-endian) of each row of bits, one column per width."""
    out, at = [], 0
    for w in widths:
        weights = (1 << np.arange(w - 1, -1, -1, dtype=np.int64)) if w else np.zeros(0, np.int64)
        out.append(bits[:, at:at + w].astype(np.int64) @ weights)
        at += w
    return out


@functools.lru_cache(maxsize=1)
def _directions():
    """The (MAXDIM, MAXBIT) int64 table _sobol_engine_initialize_state_ fills (already times 2 ** (29 - bit)),
    computed once for every dimension from engine/sobol_directions.py."""
    bits = np.unpackbits(np.frombuffer(zlib.decompress(base64.b85decode("".join(PACKED))), np.uint8))
    v = np.zeros((MAXDIM, MAXBIT), np.int64)
    v[0] = 1
    row, at = 1, 0
    for s, count in enumerate(COUNTS, 1):
        width = s - 1 + s * (s - 1) // 2
        block = bits[at:at + count * width].reshape(count, width)
        at += count * width
        inner, *m = _fields(block, [s - 1] + list(range(s)))
        poly = (1 << s) | (inner << 1) | 1
        d = v[row:row + count]
        for k in range(s):
            d[:, k] = (m[k] << 1) | 1
        for j in range(s, MAXBIT):   # v_j = v_{j-s} ^ sum over the polynomial's bits of 2^k v_{j-k}
            new = d[:, j - s].copy()
            for k in range(s):
                on = (poly >> (s - 1 - k)) & 1
                new ^= on * ((2 << k) * d[:, j - k - 1])
            d[:, j] = new
        row += count
    return v << np.arange(MAXBIT - 1, -1, -1, dtype=np.int64)


def _rightmost_zero(counts):
    """The index of the lowest 0 bit of each n (ATen's rightmost_zero; 0 for a negative n, as its C++ % gives)."""
    n = np.asarray(counts, np.int64)
    low = (n + 1) & -(n + 1)
    return np.where(n < 0, 0, np.log2(np.maximum(low, 1)).astype(np.int64))


def _steps(quasi, n, sobolstate, dimension, num_generated):
    """The n points after quasi (each the one before xor a direction number chosen by the Gray code), int64."""
    if n <= 0:
        return np.zeros((0, dimension), np.int64)
    cols = _rightmost_zero(np.arange(num_generated, num_generated + n, dtype=np.int64))
    picked = sobolstate._data[:dimension].T[cols]          # (n, dimension)
    return np.bitwise_xor.accumulate(picked, axis=0) ^ quasi._data[:dimension]


def sobol_engine_draw(*args, **kwargs):
    """torch._sobol_engine_draw: (the next n points as floats of dtype, the new integer state)."""
    p = check_call("_sobol_engine_draw", _DRAW, args, kwargs)
    quasi, n, state, dim, done = (p["quasi"], int(p["n"]), p["sobolstate"], int(p["dimension"]),
                                  int(p["num_generated"]))
    dt = p.get("dtype") or dtypes.float32
    nonnegative([n, dim])
    if dt not in (dtypes.float32, dtypes.float64):
        raise NotImplementedError(f"\"_sobol_engine_draw\" not implemented for '{dt.scalar_name}'")
    points = _steps(quasi, n, state, dim, done)
    wquasi = np.array(quasi._data)
    if n > 0:
        wquasi[:dim] = points[-1]
    result = points.astype(dt.np) * dt.np.type(RECIPD)   # (int to float rounds first, then the exact scaling)
    return wrap(result), wrap(wquasi)


def sobol_engine_ff_(*args, **kwargs):
    """torch._sobol_engine_ff_: quasi moved on by n points in place."""
    p = check_call("_sobol_engine_ff_", _FF, args, kwargs)
    quasi, n, dim = p["self"], int(p["n"]), int(p["dimension"])
    points = _steps(quasi, n, p["sobolstate"], dim, int(p["num_generated"]))
    if n > 0:
        quasi._data[:dim] = points[-1]
    return quasi


def sobol_engine_scramble_(*args, **kwargs):
    """torch._sobol_engine_scramble_: each dimension's direction numbers times its random lower-triangular bit
    matrix (its diagonal made 1), over GF(2)."""
    p = check_call("_sobol_engine_scramble_", _SCRAMBLE, args, kwargs)
    state, dim = p["self"], int(p["dimension"])
    ltm = np.array(p["ltm"]._data[:dim], np.int64)
    ltm[:, np.arange(MAXBIT), np.arange(MAXBIT)] = 1
    shifts = np.arange(MAXBIT - 1, -1, -1, dtype=np.int64)
    v = state._data[:dim]
    vbits = (v[:, None, :] >> shifts[None, :, None]) & 1            # (dim, bit from the top, j)
    rows = (ltm.astype(np.float32) @ vbits.astype(np.float32)).astype(np.int64) & 1   # (dim, p, j): row p . v_j
    state._data[:dim] = (rows << shifts[None, :, None]).sum(axis=1)
    return state


def sobol_engine_initialize_state_(*args, **kwargs):
    """torch._sobol_engine_initialize_state_: the first `dimension` rows of self get the direction numbers."""
    p = check_call("_sobol_engine_initialize_state_", _INIT, args, kwargs)
    state, dim = p["self"], int(p["dimension"])
    state._data[:dim] = _directions()[:dim]
    return state


FUNCTIONS = {"_sobol_engine_draw": sobol_engine_draw, "_sobol_engine_ff_": sobol_engine_ff_,
             "_sobol_engine_scramble_": sobol_engine_scramble_,
             "_sobol_engine_initialize_state_": sobol_engine_initialize_state_}
