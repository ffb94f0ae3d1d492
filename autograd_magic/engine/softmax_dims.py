"""float32 softmax / log_softmax over a dim that is not the last, and their backwards, as ATen's CPU kernels
compute them (SoftMaxKernel.cpp; the last dim is vec_kernels.py's).

The tensor is seen as (outer, dim, inner). Each inner position is reduced over ``dim`` on its own, with a plain
running sum from 0 (one value per position and step: no reordering), but which exp a position gets depends on
where it falls: positions that fill a whole vector (``lanes()`` floats) get SLEEF's exp (``vec_kernels.expf``),
the rest the C library's. Where the vectors fall:

- log_softmax and both backwards cut ``inner`` into chunks (all of it below 128 KB per dim step); in each chunk
  the first ``size - size % lanes`` positions are vectors, the rest a scalar tail;
- softmax walks the flat (outer, inner) positions of each thread's share of them (PyTorch splits them between
  its threads, ``threads()``), taking a vector whenever one fits in both the row and the share.

The backwards run with FMA builds' contraction: ``sum += g * out`` and ``g - exp(out) * sum`` are each one
rounding (avx2 / avx512), as vec_kernels' last-dim backward. With PyTorch's ``default`` capability a vector is a
loop of the C library's functions (exp, and log for log_softmax's sums) and nothing is fused.
"""
import functools
import os

import numpy as np

from . import libm
from . import vec_kernels as vk
from .random_kernels import _fma32, _fma64

_F32, _F64 = np.float32, np.float64
_THREADS = [None]


def threads():
    """The intra-op thread count PyTorch would use here: set_num_threads's value, else OMP_NUM_THREADS, else
    the CPUs this process may run on."""
    if _THREADS[0] is not None:
        return _THREADS[0]
    env = os.environ.get("OMP_NUM_THREADS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def set_threads(n):
    _THREADS[0] = int(n)


def applies(a, dim):
    """float32 reduced over a dim that is not its last (the last dim is vec_kernels' own)."""
    return a.dtype == _F32 and a.ndim >= 2 and 0 <= dim < a.ndim - 1 and a.size > 0


def applies64(a, dim):
    """float64 softmax, log_softmax and their backwards over a dim that is not the last: the same kernels with
    Vectorized<double> (half the lanes, vec_kernels.expd / logd, the C library's exp on the scalar positions, chunks
    of 128 KB counted in doubles)."""
    return a.dtype == _F64 and a.ndim >= 2 and 0 <= dim < a.ndim - 1 and a.size > 0


def _lanes(x):
    return vk.lanes() // 2 if x.dtype == _F64 else vk.lanes()


def _fused():
    """SLEEF's functions and contracted multiply-adds (avx2, avx512), or the C library's and none ('default')."""
    return vk.capability() != "default"


def _view(a, dim):
    outer = int(np.prod(a.shape[:dim], dtype=np.int64))
    inner = int(np.prod(a.shape[dim + 1:], dtype=np.int64))
    return np.ascontiguousarray(a).reshape(outer, a.shape[dim], inner)


@functools.lru_cache(maxsize=64)
def _chunk_vectors(inner, dim_size, lanes, itemsize=4):
    """Boolean (inner,): which positions the chunked kernels (log_softmax, backwards) treat as whole vectors
    (cached: a loop calls it with the same shape each step; read-only)."""
    chunk = max((128 * 1024) // dim_size // itemsize, lanes) // lanes * lanes
    chunk = min(chunk, inner)
    pos = np.arange(inner)
    start = pos // chunk * chunk
    size = np.minimum(chunk, inner - start)
    mask = (pos - start) < size - size % lanes
    mask.flags.writeable = False
    return mask


@functools.lru_cache(maxsize=64)
def _softmax_vectors(outer, inner, lanes, n_threads):
    """Boolean (outer, inner): the positions _vec_softmax treats as whole vectors, thread share by share
    (cached, read-only: the walk is a Python loop over the positions)."""
    total = outer * inner
    vec = np.zeros(total, bool)
    n = min(n_threads, total)
    share = -(-total // n)
    for begin in range(0, total, share):
        end = min(total, begin + share)
        idx = begin
        while idx < end:
            inner_idx = idx % inner
            if inner_idx + lanes <= inner and idx + lanes <= end:
                vec[idx:idx + lanes] = True
                idx += lanes
            else:
                idx += (end - idx) if idx + lanes > end else (inner - inner_idx)
    vec.flags.writeable = False
    return vec.reshape(outer, inner)


def _exp(x, vectors):
    """exp of x (outer, dim, inner): SLEEF where vectors (broadcast over dim) is set, the C library's elsewhere
    (everywhere with 'default')."""
    scalar, vector = (libm.expf, vk.expf) if x.dtype != _F64 else (lambda v: libm.apply("exp", v), vk.expd)
    if not _fused():
        return scalar(x)
    out = np.empty_like(x)
    mask = np.broadcast_to(vectors[:, None, :] if vectors.ndim == 2 else vectors, x.shape)
    if mask.any():
        out[mask] = vector(x[mask])
    if not mask.all():
        out[~mask] = scalar(x[~mask])
    return out


def _running_sum(x):
    """Sum over axis 1 from +0.0, one dim step after another (per position)."""
    acc = np.zeros((x.shape[0], 1, x.shape[2]), x.dtype)
    for d in range(x.shape[1]):
        acc += x[:, d:d + 1]
    return acc


def softmax(a, dim):
    x = _view(a, dim)
    shifted = x - np.maximum.reduce(x, axis=1, keepdims=True)
    e = _exp(shifted, _softmax_vectors(x.shape[0], x.shape[2], _lanes(x), threads()))
    return (e / _running_sum(e)).reshape(a.shape)


def log_softmax(a, dim):
    x = _view(a, dim)
    m = np.maximum.reduce(x, axis=1, keepdims=True)
    sums = _running_sum(_exp(x - m, _chunk_vectors(x.shape[2], x.shape[1], _lanes(x), x.itemsize)))
    # vec::map's log on every position: SLEEF's, or the C library's with 'default'
    logsum = vk.logd(sums) if x.dtype == _F64 else vk.logf(sums)
    return ((x - m) - logsum).reshape(a.shape)


def softmax_backward(g, out, dim):
    gv, ov = _view(g, dim), _view(out, dim)
    if not _fused():
        return (ov * (gv - _running_sum(gv * ov))).reshape(out.shape)
    acc = np.zeros((gv.shape[0], 1, gv.shape[2]), gv.dtype)
    fma = _fma64 if gv.dtype == _F64 else _fma32
    for d in range(gv.shape[1]):
        acc = fma(gv[:, d:d + 1], ov[:, d:d + 1], acc)
    return (ov * (gv - acc)).reshape(out.shape)


def log_softmax_backward(g, out, dim):
    gv, ov = _view(g, dim), _view(out, dim)
    total = _running_sum(gv)
    e = _exp(ov, _chunk_vectors(ov.shape[2], ov.shape[1], _lanes(ov), ov.itemsize))
    if not _fused():
        return (gv - e * total).reshape(out.shape)
    fma = _fma64 if ov.dtype == _F64 else _fma32
    return fma(-e, np.broadcast_to(total, e.shape), gv).reshape(out.shape)


# ---------------------------------------------------------------- bfloat16 and float16 (ATen's reduced floating types)
# Their kernels load the values into float32 and compute there; the results are rounded to the reduced type once,
# except where a kernel keeps a step in a buffer of that type. The functions take the values widened to float32
# (exact) and return float32; `store` is the reduced numpy dtype.


def reduced_log_softmax_lastdim(a, store):
    """log_softmax over the last dim: the row's sum of exp(x - max) and its log are kept in `store` buffers:
    x - max - log(sum), in float32, with both rounded to `store`."""
    m = np.maximum.reduce(a, axis=-1, keepdims=True)
    total = vk.row_sum(vk.expf(a - m)).astype(store).astype(_F32)
    return (a - m) - vk.logf(total).astype(store).astype(_F32)


def reduced_softmax(a, dim, store):
    """softmax over a dim that is not the last: positions that fill a reduced vector (twice the float32 lanes)
    compute exp(x - max) / sum in float32; the others (a scalar loop) store exp(x - max) in `store` first, then
    divide it by the float32 sum."""
    x = _view(a, dim)
    vectors = _softmax_vectors(x.shape[0], x.shape[2], 2 * vk.lanes(), threads())
    e = _exp(x - np.maximum.reduce(x, axis=1, keepdims=True), vectors)
    total = _running_sum(e)
    stored = np.where(vectors[:, None, :], e, e.astype(store).astype(_F32))
    return (stored / total).reshape(a.shape)
