"""Floating-point sums in the order PyTorch's CPU kernel adds (ATen's cascade_sum, AVX2 build).

A float32 sum depends on the order of its additions. PyTorch adds with 4 independent accumulators (or 4 vectors
of 8 lanes), in chunks of 16 or more that are summed again in chunks ("cascade"), then folds the accumulators in
a fixed order; numpy adds pairwise. So ``(x ** 2).mean()`` of five values can differ in the last bit, and a loss
printed with ``.item()`` or ``:.6f`` shows it. This module replays PyTorch's order with whole-array numpy adds
(a few calls per level, no Python loop per element):

    >>> v = np.array([25215.305, 36060.8, 34788.027, 41345.59, 20928.256], np.float32)
    >>> float(torch_sum(v, None) / 5)     # PyTorch: ((v0 + v4) + v1 + v2 + v3) / 5
    31667.59765625

Covered: the whole tensor, trailing dims (rows) and leading dims (columns) of a C-contiguous float array, which is
what lessons reduce, and the whole of a dense permuted array (in memory order, as ATen coalesces it); any other
layout falls back to numpy's order (``None`` from ``torch_sum``).
"""
import math

import numpy as np

from . import ckernels, softmax_dims

_ILP = 4        # independent accumulators in row_sum
_GRAIN = 32768  # ATen's GRAIN_SIZE: a whole-tensor reduction of more values than this is split between threads


def _lanes(dtype):
    # values per AVX2 vector: 8 floats, 4 doubles; 4 complex64, 2 complex128 (complex numbers are added part by
    # part, so a complex sum is this order over complex lanes)
    return 32 // dtype.itemsize


def _seq(x, axis):
    """x summed along axis strictly in index order, from +0.0. numpy adds an outer axis of a C-contiguous
    array row by row, but sums a contiguous (innermost) axis pairwise: then a running sum gives the order."""
    if x.shape[axis] == 0:
        return np.zeros(x.shape[:axis] + x.shape[axis + 1:], x.dtype)
    if x.flags.c_contiguous and int(np.prod(x.shape[axis + 1:])) > 1:
        return np.add.reduce(x, axis=axis, initial=x.dtype.type(0))
    return np.add.accumulate(x, axis=axis).take(-1, axis=axis) + x.dtype.type(0)


ordered_sum = _seq   # (for kernels that add in a plain loop: cdist's)


def _cascade(x):
    """multi_row_sum over axis 0: chunks of 2**p rows added in order, chunk sums cascaded through 4 levels."""
    size = x.shape[0]
    power = max(4, (int(size - 1).bit_length() if size > 1 else 0) // 4)
    step = 1 << power
    chunks = size // step
    lanes = x.shape[1:]
    tail = _seq(x[chunks * step:], 0)                        # acc[0] after the last full chunk
    if not chunks:
        return tail
    sums = _seq(x[:chunks * step].reshape((chunks, step) + lanes), 1)   # each chunk, added in order
    # acc[1] takes every chunk sum; every `step` chunks it is emptied into acc[2], and so on up to acc[3].
    total = tail
    for _ in range(2):
        full = sums.shape[0] // step
        total = total + _seq(sums[full * step:], 0)          # what stays in this level at the end
        if not full:
            return total + x.dtype.type(0)                   # the empty levels add +0.0
        sums = _seq(sums[:full * step].reshape((full, step) + lanes), 1)
    return total + _seq(sums, 0)


def _row_sum(x):
    """row_sum over axis 0: the elements taken as (-1, 4) rows, each column cascaded, the rest added to
    column 0, then the 4 columns folded left to right."""
    n = x.shape[0]
    k = n // _ILP
    if k == 0:                                               # 0 + x0 + x1 + x2, then + the empty columns
        return _seq(x, 0) + x.dtype.type(0)
    parts = _cascade(x[:k * _ILP].reshape((k, _ILP) + x.shape[1:]))
    first = parts[0]
    for i in range(k * _ILP, n):
        first = first + x[i]
    for j in range(1, _ILP):
        first = first + parts[j]
    return first


def _inner(x):
    """Sum of each row of x (2-d, C-contiguous): vectorized_inner_sum, or row_sum for rows shorter than a vector."""
    rows, m = x.shape
    if ckernels.LIB is not None and x.flags.c_contiguous and x.dtype.kind == "f":   # the same order in C
        return ckernels.row_sums(x)
    lanes = _lanes(x.dtype)
    if m < lanes:
        return _row_sum(x.T) + x.dtype.type(0)
    v = m // lanes
    if v == 1:  # the vector partials are the first lanes themselves: one ordered sum, tail first
        order = list(range(lanes, m)) + list(range(lanes))
        return _seq(x[:, order].T, 0)
    vecs = x[:, :v * lanes].reshape(rows, v, lanes).transpose(1, 0, 2)
    partials = _row_sum(vecs)                                # (rows, lanes)
    return _seq(np.concatenate([x[:, v * lanes:].T, partials.T]), 0)   # the scalar tail, then the lanes


def _outer(x):
    """Sum over axis 0 of x (n, ..., m): vectorized_outer_sum over the last axis m, or scalar_outer_sum. Columns are
    independent, so each kind of column (cascaded 4-vector blocks, single vectors, single columns) is summed in
    one call."""
    m = x.shape[-1]
    if ckernels.LIB is not None and x.ndim == 2 and x.flags.c_contiguous and x.dtype.kind == "f":   # (C)
        return ckernels.column_sums(x, 1, x.shape[0], m)[0]
    lanes = _lanes(x.dtype)
    out = np.empty(x.shape[1:], x.dtype)
    block = _ILP * lanes if m >= lanes else _ILP
    wide = m // block * block
    if wide:
        out[..., :wide] = _cascade(x[..., :wide])
    narrow = wide + (m - wide) // lanes * lanes if m >= lanes else wide
    if narrow > wide:                                        # single vectors: row_sum, lanes side by side
        out[..., wide:narrow] = _row_sum(x[..., wide:narrow])
    if narrow < m:                                           # the remaining columns, each a row_sum
        out[..., narrow:] = _row_sum(x[..., narrow:])
    return out + x.dtype.type(0)


def _small_sum(flat):
    """The whole-tensor sum of a short 1-d array, with numpy scalars (cheaper than array calls below ~64)."""
    lanes = _lanes(flat.dtype)
    x = list(flat)                                           # numpy scalars: float32 arithmetic stays float32
    zero = flat.dtype.type(0)
    v = len(x) // lanes
    if v == 0:                                               # row_sum on scalars: 4 accumulators
        first = x[0] + x[4] if len(x) > 4 else x[0]
        for t in x[5:]:
            first = first + t
        for t in x[1:min(len(x), _ILP)]:
            first = first + t
        return first + zero
    vecs = [x[i * lanes:(i + 1) * lanes] for i in range(v)]
    k = v // _ILP
    acc = [[zero] * lanes for _ in range(_ILP)]
    for i in range(k):
        for j in range(_ILP):
            acc[j] = [a + b for a, b in zip(acc[j], vecs[i * _ILP + j])]
    first = acc[0] if k else [zero] * lanes
    for i in range(k * _ILP, v):
        first = [a + b for a, b in zip(first, vecs[i])]
    for j in range(1, _ILP):
        first = [a + b for a, b in zip(first, acc[j])]
    total = zero
    for t in x[v * lanes:]:
        total = total + t
    for t in first:
        total = total + t
    return total


def full_sum(a):
    """a.sum() in PyTorch's order: one pass for what a single thread reduces, ATen's two-pass reduction (one
    block per thread) for a dense tensor of more values than its grain; numpy's pairwise sum for other layouts."""
    if a.dtype.kind in "fc" and a.dtype.itemsize >= 4 and 0 < a.size and dense(a):
        flat = a.ravel(order="K")
        if a.size > _GRAIN:
            return _two_pass_sum(flat)
        if flat.size < min(_ILP, _lanes(flat.dtype)):   # (0 + x0) + x1 + x2: numpy's loop adds in that order
            # too (3 complex128 fill a 2-lane vector and a tail: (x2 + x0) + x1, _small_sum's order)
            return np.add.reduce(flat) + a.dtype.type(0)
        if flat.size < 64 and (ckernels.LIB is None or flat.dtype.kind == "c"):   # (the C kernel's call is
            return _small_sum(flat)   # ~0.2 us through the extension: cheaper than numpy scalars at any size)
        return _inner(flat.reshape(1, -1))[0]
    v = _strided_vector(a)
    if v is not None:
        return _row_sum(v)
    return np.add.reduce(a, axis=None)


def _two_pass_sum(flat):
    """The sum of a long 1-d array as ATen's parallel_reduce takes a reduction to one value (two_pass_reduction):
    at::parallel_for cuts the values into min(threads, ceil(n / grain)) blocks of ceil(n / blocks) values, each
    thread adds its block into its own slot of a zeroed buffer of `threads` values (the cascade sum of one row),
    then the buffer is summed the same way. With one thread it is one pass over the whole row."""
    zero = flat.dtype.type(0)
    threads = softmax_dims.threads()
    if threads == 1:
        return zero + _inner(flat.reshape(1, -1))[0]
    n = flat.size
    blocks = min(threads, -(-n // _GRAIN))
    chunk = -(-n // blocks)
    buffer = np.zeros(threads, flat.dtype)
    for t in range(blocks):
        part = flat[t * chunk:(t + 1) * chunk]
        if part.size:
            buffer[t] = zero + _inner(np.ascontiguousarray(part).reshape(1, -1))[0]
    return zero + _inner(buffer.reshape(1, -1))[0]


def _strided_vector(a):
    """a (size-1 dims aside) as a 1-d float array with gaps between its elements (a column x[:, 0], a diagonal,
    x[::2]), which PyTorch sums with the scalar row_sum, not the vectorized loop; None for any other array."""
    if a.dtype.kind not in "fc" or a.dtype.itemsize < 4 or not 0 < a.size <= 32768:
        return None
    v = np.squeeze(a) if a.ndim != 1 else a
    if v.ndim != 1 or v.strides[0] == v.itemsize:
        return None
    return v if a.ndim == 1 or not dense(a) else None


def dim_sum(a, dims, keepdim=False):
    """a summed over dims (a tuple, not empty) as PyTorch sums it: its order for float arrays (a single output
    value of a dense array past ATen's grain of 32768 values as full_sum splits it between threads), numpy's
    elsewhere."""
    r = None
    v = _strided_vector(a)
    reduced = {d % a.ndim for d in dims} if a.ndim else set()
    if v is not None and a.shape.index(v.shape[0]) in reduced:   # every element into one value
        shape = [1 if i in reduced else n for i, n in enumerate(a.shape) if keepdim or i not in reduced]
        return np.asarray(_row_sum(v)).reshape(shape)
    if len(dims) == 1 and a.ndim == 2 and not a.flags.c_contiguous and _rows_of_a_matrix(a):
        a = np.ascontiguousarray(a)
    elif not a.flags.c_contiguous and a.ndim >= 2 and a.dtype.kind in "fc" and a.size:
        r = _permuted_sum(a, dims, keepdim)
        if r is not None:
            return r
    if a.size > _GRAIN and a.dtype.kind in "fc" and a.dtype.itemsize >= 4 and dense(a) \
            and all(n == 1 for i, n in enumerate(a.shape) if i not in reduced):
        # every value into one (size-1 dims aside): the whole-tensor sum's two passes
        r = np.reshape(full_sum(a), [n for i, n in enumerate(a.shape) if i not in reduced])
    elif ckernels.LIB is not None and len(dims) == 1 and (a.dtype == np.float32 or a.dtype == np.float64) \
            and a.flags.c_contiguous and a.size and 1 not in a.shape:
        r = _one_dim_compiled(a, dims[0] % a.ndim)     # the common case (a bias's gradient), at once
    elif a.dtype.kind in "fc" and a.size:
        nd = a.ndim
        kept = a.size // max(1, math.prod(a.shape[d % nd] for d in dims))
        if kept > 1 or a.size <= _GRAIN:
            r = torch_sum(a, dims)
    if r is None:
        return np.add.reduce(a, axis=dims, keepdims=keepdim)
    r = np.asarray(r)
    if keepdim:
        shape = list(a.shape)
        for d in dims:
            shape[d % a.ndim] = 1
        r = r.reshape(shape)
    return r


def _permuted_sum(a, dims, keepdim):
    """dim_sum of a dense array whose dims are a permutation of a C-contiguous one (a transposed matrix, stft's
    (freq, frames) output, a channels-last batch's per-channel sum): PyTorch's iterator orders the dims by stride
    first, so a sum over the dim that runs along memory is a row sum (None where a is not such an array, or every
    dim is summed). The iterator puts the reduced dims innermost, by stride, and then the kept dims by the output's
    strides (a new C-contiguous tensor): where those run in another order in memory, each output value is still
    added up as in the permuted copy when its innermost loop is over reduced values only (rows along memory, or
    two blocks of reduced dims); otherwise the loops differ (not modelled: None)."""
    nd = a.ndim
    order = sorted(range(nd), key=lambda i: -a.strides[i])
    b = a.transpose(order)
    dims = {d % nd for d in dims}
    if not b.flags.c_contiguous or len(dims) == nd or 1 in a.shape:
        return None
    kept_in_memory = [i for i in order if i not in dims]
    if kept_in_memory != sorted(kept_in_memory) and not _reduced_rows_innermost(a, order, dims):
        return None
    r = np.asarray(dim_sum(b, tuple(j for j, i in enumerate(order) if i in dims)))
    kept = [i for i in order if i not in dims]              # r's axes, as dims of a
    r = r.transpose(np.argsort(kept))
    return r.reshape([1 if i in dims else n for i, n in enumerate(a.shape)]) if keepdim else r


def _reduced_rows_innermost(a, order, dims):
    """Whether the iterator's 2-d loop over a (dense, dims in memory order `order`) runs over reduced values in
    both of its dims, or along memory over at least a vector of reduced values: then the order in which each
    output value is added up does not depend on where the kept dims go."""
    reduced = [i for i in reversed(order) if i in dims]     # fastest first
    block, stride = a.shape[reduced[0]], a.strides[reduced[0]]
    for i in reduced[1:]:
        if a.strides[i] != stride * block:
            return True                                      # a second block of reduced dims
        block *= a.shape[i]
    return stride == a.itemsize and block >= _lanes(a.dtype)


def dense(a):
    """Whether a fills its memory without gaps in some order of its dims (C- or F-contiguous, or a permutation of
    a contiguous array: a transposed batch, stft's output): PyTorch's iterator orders the dims by stride and
    coalesces them, so a whole-tensor sum adds in memory order (ravel(order="K"))."""
    if a.flags.c_contiguous or a.flags.f_contiguous:
        return True
    order = sorted(range(a.ndim), key=lambda i: -a.strides[i])
    return a.transpose(order).flags.c_contiguous


def _rows_of_a_matrix(a):
    """Whether the 2-d float array a is a block of a row-major matrix (X[:, 1:], X[2:, :5]: unit column stride,
    rows apart by at least their length, no size-1 dim). PyTorch's iterator orders its dims and splits its
    loops as for a contiguous copy of it (nothing to coalesce in two dims with one reduced), so a sum over one
    dim adds in the contiguous copy's order: standardising X[:, 1:] with its column means. (A whole-tensor sum
    of such a block is another order: left to numpy.)"""
    size = a.itemsize
    return (a.dtype.kind == "f" and size >= 4 and a.strides[1] == size and a.strides[0] >= a.shape[1] * size
            and 1 not in a.shape)


def _one_dim_compiled(a, d):
    """torch_sum(a, (d,)) for a C-contiguous float array without size-1 dims, straight to _reduce.c (None where
    PyTorch splits the sum between threads: one output value of more than 32768)."""
    shape = a.shape
    outer = math.prod(shape[:d])
    inner = math.prod(shape[d + 1:])
    if outer * inner == 1 and a.size > 32768:
        return None
    out_shape = shape[:d] + shape[d + 1:]
    if inner == 1:
        return ckernels.row_sums(a.reshape(outer, shape[d])).reshape(out_shape)
    return ckernels.column_sums(a, outer, shape[d], inner).reshape(out_shape)


def torch_sum(a, dims):
    """PyTorch's float sum of a over dims (None: all), or None when the layout is not one covered here."""
    if a.dtype.kind not in "fc" or a.dtype.itemsize < 4 or a.size == 0:
        return None
    nd = a.ndim
    if dims is not None and 1 in a.shape and a.flags.c_contiguous:
        # size-1 dims do not change the memory order: PyTorch's iterator drops them (a (2000, 1) sum over dim 0 is
        # a whole-tensor sum)
        dims = {d % nd for d in dims}
        keep = [i for i in range(nd) if a.shape[i] != 1]
        kept_dims = [j for j, i in enumerate(keep) if i in dims]
        out_shape = tuple(n for i, n in enumerate(a.shape) if i not in dims)
        squeezed = a.reshape([a.shape[i] for i in keep])
        if not kept_dims:
            return squeezed.reshape(out_shape) + a.dtype.type(0)
        r = torch_sum(squeezed, None if len(kept_dims) == len(keep) else kept_dims)
        return None if r is None else np.asarray(r).reshape(out_shape)
    if dims is None or len(dims) == nd:
        if not dense(a):
            v = _strided_vector(a)
            return None if v is None else _row_sum(v)
        flat = a.ravel(order="K")
        if flat.size < _lanes(a.dtype):                      # row_sum on scalars: numpy scalar adds
            x = list(flat)                                   # numpy scalars: float32 stays float32
            first = x[0] if len(x) < _ILP else x[0] + x[4] if len(x) > 4 else x[0]
            for v in x[5:]:
                first = first + v
            for v in x[1:min(len(x), _ILP)]:
                first = first + v
            return first + a.dtype.type(0)
        return _inner(flat.reshape(1, -1))[0]
    if not a.flags.c_contiguous:
        return None
    dims = sorted(d % nd for d in dims)
    if dims == list(range(nd - len(dims), nd)):              # trailing dims: each row summed
        kept = a.shape[:nd - len(dims)]
        return _inner(a.reshape(int(np.prod(kept)), -1)).reshape(kept)
    if dims == list(range(len(dims))):                       # leading dims: columns summed
        kept = a.shape[len(dims):]
        return _outer(a.reshape(-1, int(np.prod(kept)))).reshape(kept)
    if len(dims) == 1:                                       # one middle dim: per outer slice, columns summed
        d = dims[0]
        outer = int(np.prod(a.shape[:d]))
        inner = int(np.prod(a.shape[d + 1:]))
        if ckernels.LIB is not None and a.dtype.kind == "f":
            return ckernels.column_sums(a, outer, a.shape[d], inner).reshape(a.shape[:d] + a.shape[d + 1:])
        x = a.reshape(outer, a.shape[d], inner).transpose(1, 0, 2)
        return _outer(x).reshape(a.shape[:d] + a.shape[d + 1:])
    return _grouped_sum(a, dims)


def _grouped_sum(a, dims):
    """torch_sum of a C-contiguous array over dims that are neither the leading nor the trailing ones (a batch
    norm's (0, 2, 3) by hand). ATen's iterator puts the reduced dims first, fastest first, adjacent ones merged:
    one merged block is a middle dim (columns summed); with several, each row of the innermost block is summed
    (vectorized_inner_sum, or the strided row_sum) and the rows' sums are added into the output one after
    another, the next block's index the fastest."""
    nd = a.ndim
    blocks = []                                              # runs of adjacent reduced dims, outermost first
    for d in dims:
        if blocks and blocks[-1][-1] == d - 1:
            blocks[-1].append(d)
        else:
            blocks.append([d])
    kept = [i for i in range(nd) if i not in dims]
    out_shape = tuple(a.shape[i] for i in kept)
    sizes = [math.prod(a.shape[i] for i in b) for b in blocks]
    if len(blocks) == 1:                                     # one block: a middle dim of their product
        b = blocks[0]
        merged = a.reshape(a.shape[:b[0]] + (sizes[0],) + a.shape[b[-1] + 1:])
        return torch_sum(merged, (b[0],)).reshape(out_shape)
    # kept dims outermost (in order), then the blocks, each merged, the innermost block last
    x = a.transpose(kept + list(dims))
    x = x.reshape(out_shape + tuple(sizes))
    rows = int(np.prod(out_shape)) * math.prod(sizes[:-1])
    x = x.reshape(rows, sizes[-1])
    if blocks[-1][-1] == nd - 1:                             # contiguous rows: vectorized_inner_sum
        sums = _inner(np.ascontiguousarray(x))
    else:                                                    # rows with a stride: the scalar row_sum
        sums = _row_sum(x.T)
    sums = sums.reshape(int(np.prod(out_shape)), math.prod(sizes[:-1]))
    return _seq(sums.T, 0).reshape(out_shape)
