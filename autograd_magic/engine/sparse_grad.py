"""The gradient PyTorch gives as sparse COO, carried through the numpy backward pass as a dense array that also
holds its entries: torch.sparse.mm, to_dense and torch.sparse.sum hand their sparse input a gradient on that
input's coalesced indices (SparseAddmmBackward0 ...); nn.Embedding(sparse=True) / EmbeddingBag(sparse=True) hand
their weight one entry per looked-up index, duplicates not merged (ATen's embedding_sparse_backward); torch.mm a
dense one (MmBackward0).

Here too is the arithmetic ATen does on entry lists (SparseTensorMath.cpp), so that entries come out in PyTorch's
order: two sparse gradients meeting in a buffer or in ``.grad += new`` are merged as two sorted lists when both
value arrays are contiguous, else joined end to end (add_out_sparse_non_contiguous).

A leaf module (numpy only): autograd.py accumulates a sparse gradient (or into a sparse leaf or a sparse .grad)
through ``ACCUMULATE[0]``, which engine/sparse.py sets (it builds the sparse .grad tensor)."""
import numpy as np

ACCUMULATE = [None]   # (leaf, grad array) -> None: sets or adds a sparse .grad, or a sparse leaf's (engine/sparse.py)
AS_TENSOR = [None]    # (SparseGrad) -> the sparse tensor it stands for (hooks, autograd.grad; engine/sparse.py)


class SparseGrad(np.ndarray):
    """A dense gradient (the sum of its entries) that stands for a sparse one: entries ``values[k]`` at
    ``indices[:, k]`` ((sparse dims, nnz); duplicates allowed unless ``coalesced``). Arithmetic gives plain arrays
    (a sparse gradient plus a dense one is dense, as in PyTorch), except the sum of two sparse gradients, which
    stays sparse (ATen's sparse add), and a sparse gradient negated, scaled or divided by a number (_scaled)."""
    indices = None
    values = None
    coalesced = False

    def __array_ufunc__(self, ufunc, method, *inputs, out=None, **kwargs):
        plain = [x.view(np.ndarray) if isinstance(x, SparseGrad) else x for x in inputs]
        if out is not None:
            kwargs["out"] = tuple(x.view(np.ndarray) if isinstance(x, SparseGrad) else x for x in out)
        if ufunc is np.add and method == "__call__" and out is None and len(inputs) == 2 \
                and all(isinstance(x, SparseGrad) and x.indices is not None for x in inputs):
            # a backward buffer's sum prev + new: PyTorch's InputBuffer computes new + old when old is sparse
            old, new = inputs
            return from_entries(*add(new, old, new.shape))
        if method == "__call__" and out is None and not kwargs and ufunc in _SCALING:
            scaled = _scaled(ufunc, inputs, plain)
            if scaled is not None:
                return scaled
        return getattr(ufunc, method)(*plain, **kwargs)

    def __reduce__(self):   # (a copy is dense: pickling is not a path of the backward pass)
        return np.asarray(self).__reduce__()

    @property
    def nnz(self):
        return self.values.shape[0]


_SCALING = (np.multiply, np.true_divide, np.negative)


def _scaled(ufunc, inputs, plain):
    """-g, g * other, other * g and g / number for a sparse gradient g (a backward formula's grad * ..., as
    MulBackward0, DivBackward0, NegBackward0 and ExpBackward0 compute it): sparse as ATen's sparse mul / div give
    it, the same entries (coalesced or not) each scaled by the other operand at its index; None where ATen's
    result is not one with g's entries (a divisor with elements, an operand that broadcasts g to a bigger shape)."""
    at = [i for i, x in enumerate(inputs) if isinstance(x, SparseGrad) and x.indices is not None]
    if len(at) != 1 or (ufunc is np.true_divide and at[0] != 0):
        return None
    g = inputs[at[0]]
    if ufunc is np.negative:
        return from_entries(g.indices, np.negative(g.values), g.shape, g.coalesced)
    other = plain[1 - at[0]]
    if isinstance(other, np.ndarray) and other.ndim:
        if ufunc is np.true_divide or np.broadcast_shapes(other.shape, g.shape) != g.shape:
            return None
        other = np.broadcast_to(other, g.shape)[tuple(g.indices)]
    pair = (g.values, other) if at[0] == 0 else (other, g.values)
    return from_entries(g.indices, ufunc(*pair), g.shape, g.coalesced)


def _sparse(dense, indices, values, coalesced):
    g = np.asarray(dense).view(SparseGrad)
    g.indices, g.values, g.coalesced = indices, values, coalesced
    return g


def sparse_grad(dense, pattern, coalesced):
    """dense (zero outside pattern: sorted, unique indices) as a SparseGrad on pattern; coalesced: whether PyTorch
    flags the sparse gradient coalesced (values_backward's is; a sparse_mask's, as SparseAddmmBackward0 gives,
    is not)."""
    dense = np.asarray(dense)
    return _sparse(dense, pattern, dense[tuple(pattern)], coalesced)


def from_entries(indices, values, shape, coalesced=None):
    """The SparseGrad of these entries (in this order; the values array kept as it is, strides and all), its
    dense form their sum in entry order (as to_dense does). ATen marks fewer than two entries coalesced."""
    dense = np.zeros(shape, values.dtype)
    if values.shape[0]:
        np.add.at(dense, tuple(indices), values)
    return _sparse(dense, indices, values, values.shape[0] < 2 if coalesced is None else coalesced)


# ATen's errors for a sparse tensor's t / transpose / permute that would move a dense dim among the sparse ones
_MIXED = {
    "t": lambda sparse, dense, moved: f"t() expects a tensor with <= 2 sparse and 0 dense dimensions, but got "
                                      f"{sparse} sparse and {dense} dense dimensions",
    "transpose": lambda sparse, dense, moved: f"sparse transpose: transposed dimensions must be sparse Got "
                                              f"sparse_dim: {sparse}, d0: {moved[0]}, d1: {moved[-1]}",
    "permute": lambda sparse, dense, moved: "permute(sparse_coo): transpositions between sparse and dense dimensions "
                                            "are not allowed.Only transpositions within sparse and dense dimensions "
                                            "are supported.",
}


def permuted(grad, axes, op="permute", dims=None):
    """A gradient that flows back through a permutation of dims (t, transpose, permute: op): a sparse one keeps its
    entries, their sparse indices and dense dims permuted, and is no longer coalesced (ATen's sparse permute); a
    permutation that mixes its sparse and dense dims (an nn.Embedding(sparse=True)'s rows looked up in w.t()) is
    ATen's error for op (dims: transpose's two dims, in their order)."""
    if not (isinstance(grad, SparseGrad) and grad.indices is not None):
        return grad.transpose(axes)
    sparse_dims = grad.indices.shape[0]
    if sorted(axes[:sparse_dims]) != list(range(sparse_dims)):   # (a dense input's backward: ATen refuses)
        raise RuntimeError(_MIXED[op](sparse_dims, grad.ndim - sparse_dims, dims))
    values = grad.values.transpose((0,) + tuple(a - sparse_dims + 1 for a in axes[sparse_dims:]))
    return _sparse(np.asarray(grad).transpose(axes), grad.indices[list(axes[:sparse_dims])], values, False)


def of_tensor(t):
    """The SparseGrad of a sparse tensor (one a hook returned)."""
    coo = t._coo
    return _sparse(np.array(t._data), coo.indices, coo.values, coo.coalesced)


def masked(grad, pattern, shape):
    """grad kept at pattern's positions only (the leading len(pattern) dims), zero elsewhere: a SparseGrad."""
    grad = np.asarray(grad)
    out = np.zeros(shape, grad.dtype)
    key = tuple(pattern)
    out[key] = np.broadcast_to(grad, shape)[key]
    return sparse_grad(out, pattern, False)


# ---------------------------------------------------------------- ATen's arithmetic on entry lists
# t and src below: anything with .indices, .values, .coalesced (a SparseGrad, a sparse tensor's Coo)

def add(t, src, shape, alpha=1):
    """t + alpha * src of two sparse operands (ATen's add_out_sparse_cpu) -> (indices, values, shape, coalesced):
    a merge of the two entry lists when both value arrays are contiguous (the result coalesced only if both
    were), else the lists joined (coalesced once there are more entries than elements); an empty operand gives
    the other."""
    t_nnz, s_nnz = t.values.shape[0], src.values.shape[0]
    if s_nnz == 0:
        return t.indices.copy(), np.array(t.values, order="C"), shape, t.coalesced
    if t_nnz == 0:
        values = src.values * src.values.dtype.type(alpha) if alpha != 1 else np.array(src.values, order="C")
        return src.indices.copy(), values, shape, src.coalesced
    dtype = np.result_type(t.values, src.values)
    sv = src.values.astype(dtype) * dtype.type(alpha) if alpha != 1 else src.values.astype(dtype)
    if not (t.values.flags.c_contiguous and src.values.flags.c_contiguous):
        indices = np.concatenate([t.indices, src.indices], 1)
        values = np.concatenate([t.values.astype(dtype), sv])
        if values.shape[0] > int(np.prod(shape)):
            return coalesce(indices, values, shape) + (shape, True)
        return indices, values, shape, False
    indices, values = [], []
    ti = si = 0
    ta, sa = t.indices.T, src.indices.T
    while ti < t_nnz or si < s_nnz:
        if ti >= t_nnz:
            cmp = -1
        elif si >= s_nnz:
            cmp = 1
        else:
            a, b = tuple(ta[ti]), tuple(sa[si])
            cmp = 1 if a < b else -1 if a > b else 0
        if cmp == 0:
            indices.append(ta[ti])
            values.append(t.values[ti].astype(dtype) + sv[si])
            ti += 1
            si += 1
        elif cmp > 0:
            indices.append(ta[ti])
            values.append(t.values[ti].astype(dtype))
            ti += 1
        else:
            indices.append(sa[si])
            values.append(sv[si])
            si += 1
    return (np.array(indices, np.int64).T.reshape(t.indices.shape[0], -1), np.array(values, dtype), shape,
            t.coalesced and src.coalesced)


def coalesce(indices, values, shape):
    """Entries with the same index summed (in their order), sorted by index -> (indices, values)."""
    dims = tuple(shape[:indices.shape[0]])
    flat = np.ravel_multi_index(tuple(indices), dims) if values.shape[0] else np.zeros(0, np.int64)
    unique, inverse = np.unique(flat, return_inverse=True)
    out = np.zeros((unique.size,) + values.shape[1:], values.dtype)
    np.add.at(out, inverse.reshape(-1), values)
    return np.array(np.unravel_index(unique, dims), np.int64).reshape(len(dims), -1), out


def add_into_dense(dense, indices, values, alpha=1.0):
    """dense += alpha * entries in place, entry by entry in order (ATen's dense + sparse), each entry one fused
    multiply-add rounded once (float32 through float64)."""
    if not values.shape[0]:
        return dense
    key = tuple(indices)
    if alpha != 1:
        values = values.astype(np.float64) * alpha
    if alpha == 1 and dense.dtype == values.dtype:
        np.add.at(dense, key, values)
        return dense
    # entries of the same row one after another: the k-th occurrence of each row in round k
    flat = np.ravel_multi_index(key, dense.shape[:len(key)])
    order = np.argsort(flat, kind="stable")
    ranks = np.empty_like(order)
    sorted_flat = flat[order]
    starts = np.r_[0, np.nonzero(np.diff(sorted_flat))[0] + 1]
    first = np.repeat(starts, np.diff(np.r_[starts, flat.size]))
    ranks[order] = np.arange(flat.size) - first
    for k in range(int(ranks.max()) + 1):
        pick = np.nonzero(ranks == k)[0]
        rows = tuple(i[pick] for i in key)
        dense[rows] = (dense[rows].astype(np.float64) + values[pick]).astype(dense.dtype)
    return dense
