"""The 2-norm over a tensor's last dims in the order ATen's CPU kernel adds its squares (ReduceOpsKernel.cpp,
norm_kernel_tensor_iterator_impl's fast path for float and double: binary_kernel_reduce_lastdim).

Each row of n values is read in vectors of 32 bytes (8 floats, 4 doubles): lane j adds the square of every
vector's value j, in order from 0 (a product rounded, then a sum rounded: ``acc += x * x`` on vectors is not
fused). The lanes are then folded left to right into lane 0, and the values after the last whole vector are added
one by one; there the compiler of an FMA build (avx2, avx512) computes four squares at a time as one vector
(rounded) and fuses the last one to three into ``fma(x, x, acc)``. numpy's pairwise sum of the squares differs
in the last bit for about a third of the rows, which ``(norm - 1) ** 2`` (a gradient penalty) makes visible.

Applies when the reduced dims are the trailing ones of a C-contiguous float32 or float64 array (size-1 dims aside,
as ATen's iterator drops them), the whole array included, or every dim of a dense permuted array (read in memory
order, as ATen's iterator coalesces it); other layouts take ATen's generic reduction, for which
numpy's order is kept.
"""
import math

import numpy as np

from . import reduce, vec_kernels
from .random_kernels import _fma32, _fma64

_BYTES = 32    # one vector of the kernel: it runs with 8 floats per vector, also on an avx512 processor


def _trailing(a, dims):
    """The number of leading (kept) dims when dims are a's trailing dims, size-1 dims aside; None otherwise."""
    nd = a.ndim
    reduced = set(range(nd)) if dims is None else {d % nd for d in dims}
    kept = [i for i in range(nd) if i not in reduced and a.shape[i] != 1]
    summed = [i for i in reduced if a.shape[i] != 1]
    if kept and summed and max(kept) > min(summed):
        return None
    return 0 if not kept else max(kept) + 1


def norm2(a, dims, keepdim):
    """sqrt of the sum of squares over dims (None: all) in the kernel's order; None where it does not apply."""
    if (dims is None or len({d % a.ndim for d in dims}) == a.ndim) and a.ndim > 1 and not a.flags.c_contiguous \
            and reduce.dense(a):
        # every dim reduced: ATen's iterator orders a dense array's dims by stride and coalesces them, so the
        # squares of a transposed (or stft-shaped) tensor are added in memory order, as one contiguous row
        out = norm2(a.ravel(order="K"), None, False)
        return None if out is None else out.reshape((1,) * a.ndim if keepdim else ())
    if a.dtype != np.float32 and a.dtype != np.float64 or not a.flags.c_contiguous or a.size == 0:
        return None
    split = _trailing(a, dims)
    if split is None:
        return None
    rows = a.reshape(int(np.prod(a.shape[:split], dtype=np.int64)), -1)
    out = np.sqrt(_row_squares(rows))
    if dims is None:
        shape = tuple(1 for _ in a.shape) if keepdim else ()
    else:
        reduced = {d % a.ndim for d in dims}
        shape = tuple(1 if i in reduced else n for i, n in enumerate(a.shape) if keepdim or i not in reduced)
    return out.reshape(shape)


def _row_squares(x):
    """Each row's sum of squares: whole vectors lane by lane, the lanes folded, then the tail."""
    width = _BYTES // x.dtype.itemsize
    n = x.shape[1]
    whole = n - n % width
    zero = x.dtype.type(0)
    if whole:
        head = x[:, :whole]
        lanes = np.add.reduce((head * head).reshape(x.shape[0], -1, width), axis=1, initial=zero)
    else:
        lanes = np.zeros((x.shape[0], width), x.dtype)
    acc = lanes[:, 0]
    for j in range(1, width):
        acc = acc + lanes[:, j]
    fused = vec_kernels.capability() != "default"
    four = whole + (n - whole) // 4 * 4 if fused else n
    for d in range(whole, four):
        acc = acc + x[:, d] * x[:, d]
    fma = _fma32 if x.dtype == np.float32 else _fma64
    for d in range(four, n):
        acc = np.asarray(fma(x[:, d], x[:, d], acc), x.dtype).reshape(acc.shape)
    return acc


# ATen's grain: an output of more values than this is split between threads (then the order depends on their count)
_GRAIN = 32768


def norm_p(a, p, dims, keepdim):
    """The p-norm (p a number other than 2, inf, -inf and 0) over dims (None: all) as ATen's generic CPU kernel
    takes it (binary_kernel_reduce with NormOneOps / NormOps): for every output, |x| ** p added one value at a time
    in memory order, in the input's precision, then the sum to the power 1 / p (both powers the C library's pow,
    whose float results numpy's own float32 power differs from in the last bit). None where it does not apply:
    not a C-contiguous float32 or float64 array, an output of more than ATen's grain of values (split between
    threads), or nothing to reduce."""
    if a.dtype != np.float32 and a.dtype != np.float64 or not a.flags.c_contiguous or a.size == 0:
        return None
    nd = a.ndim
    reduced = list(range(nd)) if dims is None else sorted({d % nd for d in dims}) if nd else []
    kept = [i for i in range(nd) if i not in reduced]
    count = int(np.prod([a.shape[i] for i in reduced], dtype=np.int64))
    if count > _GRAIN:
        return None
    rows = np.abs(a.transpose(kept + reduced).reshape(-1, count))   # the reduced values of an output in a row
    f = a.dtype.type
    if p == 1:
        terms = rows
    elif a.dtype == np.float32:   # powf is correctly rounded: the double power rounded once is the same
        terms = (rows.astype(np.float64) ** np.float64(f(p))).astype(np.float32)
    else:
        terms = _libm_pow(rows, p)
    sums = np.add.accumulate(terms, axis=1)[:, -1]
    if p != 1:
        if a.dtype == np.float32:
            sums = (sums.astype(np.float64) ** np.float64(f(1) / f(p))).astype(np.float32)
        else:
            sums = _libm_pow(sums, 1.0 / p)
    shape = tuple(1 if i in reduced else n for i, n in enumerate(a.shape)) if keepdim else \
        tuple(a.shape[i] for i in kept)
    return sums.reshape(shape)


_pow = np.frompyfunc(math.pow, 2, 1)


def _libm_pow(x, p):
    """x ** p element by element with the C library's pow (math.pow), where numpy's vectorised float64 power can
    differ in the last bit; inf where pow overflows or divides zero (math.pow raises there)."""
    try:
        return _pow(x, p).astype(np.float64)
    except (OverflowError, ValueError, ZeroDivisionError):
        with np.errstate(all="ignore"):
            return np.power(x, p)
