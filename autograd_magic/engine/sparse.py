"""Sparse COO tensors (``torch.sparse_coo_tensor``, ``x.to_sparse()``), the subset graph lessons use: coalesce,
indices / values, to_dense, torch.sparse.mm (SparseAddmmBackward0: a sparse gradient on the sparse operand's
pattern), torch.mm / @ (MmBackward0: a dense one), torch.sparse.sum, t(), products with a number, PyTorch's
printing and its errors. The ops are declared in ops_sparse.py, the methods of sparse tensors in sparse_methods.py.

A sparse tensor is a Tensor whose ``_coo`` holds its indices (sparse dims, nnz), values (nnz, dense dims...) and
whether it is coalesced; its ``_data`` is the dense array they sum to, so an op the engine has no sparse form
for computes on the dense values (its result dense). Gradients that PyTorch gives a sparse input as sparse
travel through the backward pass as sparse_grad.SparseGrad arrays; a sparse leaf's .grad is made here.
"""
import numpy as np

from . import creation, dtypes, sparse_grad as SG
from . import linalg as L, shaping as S
from .ops_sparse import coalesced, dense_array, spmm_rows
from .optable import OPS
from .size import layout
from .tensor_base import TensorBase, _dim, apply, warn_once, wrap

sparse_coo = layout("sparse_coo")
# The class of sparse tensors: Tensor with SparseMethods first (engine/tensor.py makes it; it prints as torch.Tensor).
# Only sparse tensors have it, so the dense methods run as they are, with no test for the layout.
SPARSE_CLASS = [None]

INVARIANTS_WARNING = (
    "Sparse invariant checks are implicitly disabled. Memory errors (e.g. SEGFAULT) will occur when operating on a "
    "sparse tensor which violates the invariants, but checks incur performance overhead. To silence this warning, "
    "explicitly opt in or out. See `torch.sparse.check_sparse_tensor_invariants.__doc__` for guidance.  (Triggered "
    "internally at /__w/pytorch/pytorch/aten/src/ATen/Context.cpp:816.)")


class Coo:
    """The parts of a sparse COO tensor: indices (int64, (sparse dims, nnz)), values (nnz, *dense dims)."""
    __slots__ = ("indices", "values", "coalesced")

    def __init__(self, indices, values, coalesced):
        self.indices, self.values, self.coalesced = indices, values, coalesced


def attach(t, indices, values, coalesced):
    """t, made by a dense op, as the sparse tensor with these parts (t._data is their dense sum)."""
    t._coo = Coo(indices, values, coalesced)
    t.__class__ = SPARSE_CLASS[0]
    return t


def _pattern(t):
    """The coalesced indices of a sparse tensor (where its sparse gradient lives)."""
    coo = t._coo
    return coo.indices if coo.coalesced else coalesced(coo.indices, coo.values, t._data.shape)[0]


# ---------------------------------------------------------------- making sparse tensors

def sparse_coo_tensor(indices, values, size=None, *, dtype=None, device=None, pin_memory=False,
                      requires_grad=False, check_invariants=None, is_coalesced=None):
    """torch.sparse_coo_tensor: a COO tensor with these indices (sparse dims, nnz) and values (nnz, ...)."""
    if check_invariants is None:
        warn_once(INVARIANTS_WARNING, stacklevel=3)
    if not isinstance(indices, TensorBase):
        indices = creation.tensor(indices)
    if not isinstance(values, TensorBase):
        values = creation.tensor(values, dtype=dtype)
    elif dtype is not None and values.dtype != dtype:
        values = values.to(dtype)
    idx = indices._data
    # indices must be (sparse dims, nnz): without a size that is checked first; with one, ATen reads sparse_dim as
    # indices.size(0) (a vector of n indices: n dims) for the size's check, then refuses the shape
    wrong = f"indices must be sparse_dim x nnz, but got: [{', '.join(map(str, idx.shape))}]"
    if idx.ndim != 2 and size is None:
        raise RuntimeError(wrong)
    if idx.ndim == 0:
        raise IndexError("Dimension specified as 0 but tensor has no dimensions")
    vals = values._data
    if vals.ndim == 0:
        vals = vals.reshape(1)
    sparse_dim, dense_dim = idx.shape[0], vals.ndim - 1
    if size is None:
        nnz = idx.shape[1]
        size = (tuple(int(n) + 1 for n in idx.max(axis=1)) if nnz else (0,) * sparse_dim) + vals.shape[1:]
    size = tuple(int(n) for n in size)
    if len(size) != sparse_dim + dense_dim:
        raise RuntimeError(f"'len(size) == sparse_dim + dense_dim' is not satisfied: len(size) = {len(size)}, "
                           f"sparse_dim = {sparse_dim}, dense_dim = {dense_dim}")
    if idx.ndim != 2:
        raise RuntimeError(wrong)
    idx = idx.astype(np.int64)
    nnz = idx.shape[1]
    if check_invariants and nnz:   # (ATen's _validate_sparse_coo_tensor_args: each dim's bounds, before the nnz)
        for d, (low, high) in enumerate(zip(idx.min(axis=1), idx.max(axis=1))):
            if low < 0:
                raise RuntimeError(f"found negative index {low} for dim {d}")
            if high >= size[d]:
                raise RuntimeError(f"size is inconsistent with indices: for dim {d}, size is {size[d]} but found "
                                   f"index {high}")
    if vals.shape[0] != nnz:
        raise RuntimeError(f"indices and values must have same nnz, but got nnz from indices: {nnz}, nnz from "
                           f"values: {vals.shape[0]}")
    if requires_grad and vals.dtype.kind not in "fc":
        raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
    if values._rg and not requires_grad:
        out = apply(OPS["sparse_coo_tensor"], (values,), idx, size)
    else:
        out = wrap(dense_array(idx, vals, size), bool(requires_grad))
    return attach(out, idx, vals, bool(is_coalesced) or nnz < 2)


def needs_sparse(t, name, kind="sparse coordinate tensor"):
    if t._coo is None:
        raise RuntimeError(f"{name} expected {kind} layout but got Strided")
    return t._coo


def coalesce(self):
    coo = needs_sparse(self, "coalesce")
    if coo.coalesced:
        return self
    idx, vals = coalesced(coo.indices, coo.values, self._data.shape)
    return attach(apply(OPS["sparse_coalesce"], (self,)), idx, vals, True)


def is_coalesced(self):
    return needs_sparse(self, "is_coalesced").coalesced


def indices(self):
    coo = needs_sparse(self, "indices")
    if not coo.coalesced:
        raise RuntimeError("Cannot get indices on an uncoalesced tensor, please call .coalesce() first")
    return wrap(coo.indices)


def values(self):
    coo = needs_sparse(self, "values", "sparse tensor")
    if not coo.coalesced:
        raise RuntimeError("Cannot get values on an uncoalesced tensor, please call .coalesce() first")
    if self._rg:
        return apply(OPS["sparse_values"], (self,), coo.indices, self._data.shape)
    return wrap(coo.values)


def to_dense(self, dtype=None, *, masked_grad=None):
    if self._coo is None:
        return self if dtype is None else self.to(dtype)
    out = apply(OPS["sparse_to_dense"], (self,), _pattern(self)) if self._rg else wrap(self._data.copy())
    return out if dtype is None else out.to(dtype)


def to_sparse(self, sparse_dim=None, *, layout=None, blocksize=None, dense_dim=None):
    if self._coo is not None:
        return self
    data = self._data
    nd = data.ndim if sparse_dim is None else int(sparse_dim)
    lead = data.reshape(data.shape[:nd] + (-1,)) if nd < data.ndim else data[..., None]
    idx = np.array(np.nonzero(lead.any(axis=-1)), dtype=np.int64).reshape(nd, -1)
    vals = data[tuple(idx)].copy()
    out = apply(OPS["to_sparse"], (self,)) if self._rg else wrap(data.copy())
    return attach(out, idx, vals, True)


def sparse_t(self):
    coo = self._coo
    out = apply(OPS["t"], (self,))
    return attach(out, coo.indices[::-1].copy(), coo.values, False)


def spmm(input, mat2):
    """torch.sparse.mm: SparseAddmmBackward0 for a sparse first operand (its gradient sparse); a dense
    first operand goes through torch.mm (dense @ sparse checked as ATen's transposed product)."""
    if input._coo is None:
        return mm(input, mat2)
    _check_mm(input, mat2)
    idx, vals = pattern_and_values(input)
    return apply(OPS["sparse_addmm"], (0, input, mat2), idx, vals, input._data.shape)


def sparse_addmm(input, mat1, mat2, *, beta=1., alpha=1.):
    """torch.sparse.addmm: beta * input + alpha * (mat1 @ mat2) for a sparse mat1 (SparseAddmmBackward0, mat1's
    gradient sparse); a dense mat1 is torch.addmm."""
    if input._coo is not None:
        raise RuntimeError("expand is unsupported for Sparse tensors")
    if mat1._coo is None:
        return L.addmm(input, mat1, mat2, beta=beta, alpha=alpha)
    _check_mm(mat1, mat2)
    if input._data.dtype != mat1._data.dtype:
        raise RuntimeError(f"expected scalar type {mat1.dtype.scalar_name} but found {input.dtype.scalar_name}")
    S.expand(input, (mat1._data.shape[0], mat2._data.shape[1]))   # (PyTorch's message for a bias of another shape)
    idx, vals = pattern_and_values(mat1)
    return apply(OPS["sparse_addmm"], (input, mat1, mat2), idx, vals, mat1._data.shape, beta, alpha)


def mm(input, mat2):
    """torch.mm (and torch.spmm, ATen's alias of it): the sparse kernel for a sparse first operand (MmBackward0, as
    PyTorch records it)."""
    sparse = SPARSE_CLASS[0]
    if input.__class__ is sparse:
        return sparse_mm(input, mat2)
    if mat2.__class__ is sparse:
        check_dense_sparse(input, mat2)
    return L.mm(input, mat2)


def torch_spmm(input, mat2):
    """torch.spmm: mm under another name (MmBackward0, not torch.sparse.mm's SparseAddmmBackward0)."""
    return mm(input, mat2)


def matmul(input, other):
    """torch.matmul / @: a sparse matrix times a dense matrix goes to mm."""
    sparse = SPARSE_CLASS[0]
    if input.__class__ is sparse and isinstance(other, TensorBase) and other._data.ndim == 2:
        return sparse_mm(input, other)
    if other.__class__ is sparse and isinstance(input, TensorBase):
        check_dense_sparse(input, other)
    return L.matmul(input, other)


def pattern_and_values(t):
    coo = t._coo
    if coo.coalesced:
        return coo.indices, coo.values
    return coalesced(coo.indices, coo.values, t._data.shape)


def _check_mm(a, b):
    """ATen's checks of a sparse matrix times a dense one (addmm's)."""
    bd = b._data
    if bd.ndim < 2:
        raise IndexError("Dimension out of range (expected to be in range of [-1, 0], but got 1)")
    if bd.shape[0] != a._data.shape[1]:
        raise RuntimeError(f"addmm: Argument #3 (dense): Expected dim 0 size {a._data.shape[1]}, got {bd.shape[0]}")
    if bd.dtype != a._data.dtype:
        raise RuntimeError(f"expected scalar type {a.dtype.scalar_name} but found {b.dtype.scalar_name}")


def check_dense_sparse(a, b):
    """dense @ sparse: ATen computes (sparse.t() @ dense.t()).t(), and checks that product."""
    if a._data.ndim == 2 and b._data.ndim == 2 and a._data.shape[1] != b._data.shape[0]:
        raise RuntimeError(f"addmm: Argument #3 (dense): Expected dim 0 size {b._data.shape[0]}, got "
                           f"{a._data.shape[1]}")


def sparse_mm(a, b):
    """torch.mm / @ with a sparse first operand: MmBackward0 (the sparse leaf's gradient is dense), computed by
    the sparse kernel."""
    _check_mm(a, b)
    idx, vals = pattern_and_values(a)
    return apply(OPS["mm"], (a, b), False, data=spmm_rows(idx, vals, b._data, a._data.shape[0]))


def sparse_sum(input, dim=None, dtype=None):
    """torch.sparse.sum: a number (SumBackward0) or, over some dims, a sparse tensor (SparseSumBackward0)."""
    needs_sparse(input, "coalesce")
    if dim is None:   # (ATen: the sum of the coalesced values: SumBackward0 over ValuesBackward0)
        return S.sum(values(coalesce(input)), dtype=dtype)
    ndim = input._data.ndim
    dims = [_dim(d, ndim) for d in ((dim,) if isinstance(dim, int) else dim)]
    repeated = next((d for i, d in enumerate(dims) if d in dims[:i]), None)
    if repeated is not None:
        raise RuntimeError(f"dim {repeated} appears multiple times in the list of dims")
    dims = tuple(sorted(dims))
    idx, vals = pattern_and_values(input)
    sparse_dims = idx.shape[0]
    keep = [d for d in range(sparse_dims) if d not in dims]
    dense_dims = tuple(d - sparse_dims + 1 for d in dims if d >= sparse_dims)
    vals = vals.sum(dense_dims) if dense_dims else vals
    shape = tuple(n for d, n in enumerate(input._data.shape) if d not in dims)
    if not keep:   # every sparse dim summed: a dense result
        data = vals.sum(0)
        new_idx, new_vals = None, None
    else:
        new_idx, new_vals = coalesced(idx[keep], vals, shape)
        data = dense_array(new_idx, new_vals, shape)
    if dtype is not None:
        data = data.astype(dtype.np)
        new_vals = None if new_vals is None else new_vals.astype(dtype.np)
    out = apply(OPS["sparse_sum"], (input,), dims, idx, input._data.shape, data=data) if input._rg else wrap(data)
    return out if new_idx is None else attach(out, new_idx, new_vals, True)


# ---------------------------------------------------------------- cat and stack of sparse tensors

def _joined_parts(tensors, d=None):
    """The sparse tensors cat / stack join, each in the promoted dtype (ATen's checks, tensor by tensor: sparse,
    cat's shapes (d: its dim), one split between sparse and dense dims)."""
    first = tensors[0]._coo
    sd, dd = first.indices.shape[0], first.values.ndim - 1
    ref = tensors[0]._data.shape
    for i, t in enumerate(tensors):
        if t._coo is None:
            raise RuntimeError(f"Concatenating sparse tensors, but a dense tensor was found at position {i}.")
        shape = t._data.shape
        if d is not None and (len(shape) != len(ref) or any(a != b for j, (a, b) in enumerate(zip(shape, ref))
                                                            if j != d)):
            raise RuntimeError(f"All tensors must have the same shape: [{', '.join(map(str, ref))}] (except in the "
                               f"concatenating dimension), but found shape: [{', '.join(map(str, shape))}] at "
                               f"position {i}.")
        if (t._coo.indices.shape[0], t._coo.values.ndim - 1) != (sd, dd):
            raise RuntimeError(f"All tensors must have the same sparse_dim and dense_dim: {sd}, {dd}, but tensor at "
                               f"position {i} has {t._coo.indices.shape[0]}, {t._coo.values.ndim - 1}.")
    dt = S._join_dtype(tensors)
    return [t if t._data.dtype == dt else t.to(dtypes._FROM_NP[dt]) for t in tensors]


def _joined(out, parts, d):
    """out (the dense join of parts along d, its node PyTorch's) given the parts' entries joined as ATen's
    cat_sparse: along a sparse dim the indices follow one another, shifted by the sizes before; along a dense dim
    each part's values sit in its slice, zeros elsewhere. Never flagged coalesced."""
    sd = parts[0]._coo.indices.shape[0]
    indices, values, offset = [], [], 0
    total = sum(p._data.shape[d] for p in parts)
    for p in parts:
        idx, vals = p._coo.indices, p._coo.values
        if d < sd:
            idx = idx.copy()
            idx[d] += offset
        else:
            axis = d - sd + 1
            shape = list(vals.shape)
            shape[axis] = total
            padded = np.zeros(shape, vals.dtype)
            where = [slice(None)] * vals.ndim
            where[axis] = slice(offset, offset + vals.shape[axis])
            padded[tuple(where)] = vals
            vals = padded
        offset += p._data.shape[d]
        indices.append(idx)
        values.append(vals)
    return attach(out, np.concatenate(indices, axis=1), np.concatenate(values, axis=0), False)


def sparse_cat(tensors, dim=0):
    """torch.cat of sparse COO tensors: sparse (CatBackward0)."""
    tensors = S._tensor_list(tensors, "cat", dim)
    ref = tensors[0]._data
    d = _dim(dim, ref.ndim)
    parts = _joined_parts(tensors, d)
    return _joined(S.cat(parts, d), parts, d)


def sparse_stack(tensors, dim=0):
    """torch.stack of sparse COO tensors: sparse (StackBackward0), each part given a new dim of size 1 (a zero
    index row if it falls among the sparse dims, a values axis if not) and the parts joined along it."""
    tensors = S._tensor_list(tensors, "stack", dim)
    ref = tensors[0]._data
    d = _dim(dim, ref.ndim + 1)
    for i, t in enumerate(tensors):
        if t._data.shape != ref.shape:
            raise RuntimeError(f"stack expects each tensor to be equal size, but got "
                               f"[{', '.join(map(str, ref.shape))}] at entry 0 and "
                               f"[{', '.join(map(str, t._data.shape))}] at entry {i}")
    parts = _joined_parts(tensors)
    out = S.stack(parts, d)
    sd = parts[0]._coo.indices.shape[0]
    lifted = []
    for p in parts:
        idx, vals = p._coo.indices, p._coo.values
        if d <= sd:
            idx = np.insert(idx, d, 0, axis=0)
        else:
            vals = np.expand_dims(vals, d - sd + 1)
        lifted.append(_Lifted(np.expand_dims(p._data, d), Coo(idx, vals, False)))
    return _joined(out, lifted, d)


class _Lifted:
    """A part of a stack with its new dim (the shape and entries _joined reads)."""
    __slots__ = ("_data", "_coo")

    def __init__(self, data, coo):
        self._data, self._coo = data, coo


def _softmax(name, input, dim, dtype):
    if input._coo is None:   # (PyTorch: its dispatcher's NotImplementedError, which lists the backends that have it)
        raise NotImplementedError(f"Could not run 'aten::_{name}' with arguments from the 'CPU' backend. This could "
                                  "be because the operator doesn't exist for this backend, or was omitted during "
                                  "the selective/custom build process (if using custom build).")
    if dtype is not None:
        input = input.to(dtype)
    dim = _dim(dim, input._data.ndim)
    if input._data.dtype.kind not in "fc":
        raise NotImplementedError(f'"softmax" not implemented for \'{input.dtype.scalar_name}\'')
    idx, vals = pattern_and_values(input)
    out = apply(OPS[name], (input,), dim, idx)
    return attach(out, idx, np.ascontiguousarray(out._data[tuple(idx)]), True)


def sparse_softmax(input, dim, dtype=None):
    """torch.sparse.softmax: a softmax over dim among the specified entries (SparseSoftmaxBackward0)."""
    return _softmax("sparse_softmax", input, dim, dtype)


def sparse_log_softmax(input, dim, dtype=None):
    """torch.sparse.log_softmax: its logarithm (SparseLogSoftmaxBackward0)."""
    return _softmax("sparse_log_softmax", input, dim, dtype)


def sparse_transpose(self, dim0, dim1):
    """transpose of two sparse dims: the index rows swapped (uncoalesced), TransposeBackward0."""
    coo = self._coo
    ndim, sparse_dims = self._data.ndim, coo.indices.shape[0]
    d0, d1 = _dim(dim0, ndim), _dim(dim1, ndim)
    if d0 == d1:   # (a new tensor, its entries and coalesced flag as they are)
        return attach(apply(OPS["transpose"], (self,), d0, d1), coo.indices, coo.values, coo.coalesced)
    if d0 >= sparse_dims or d1 >= sparse_dims:
        raise RuntimeError(f"sparse transpose: transposed dimensions must be sparse Got sparse_dim: {sparse_dims}, "
                           f"d0: {d0}, d1: {d1}")
    order = list(range(sparse_dims))
    order[d0], order[d1] = d1, d0
    return attach(apply(OPS["transpose"], (self,), d0, d1), coo.indices[order].copy(), coo.values, False)


def sparse_permute(self, *dims, **kwargs):
    """permute of a sparse tensor: sparse dims among themselves (the index rows), dense dims among themselves (the
    values' axes); PermuteBackward0, coalesced only if the sparse dims stay in place."""
    coo = self._coo
    axes = S.permute_axes(self, dims, kwargs)
    sparse_dims = coo.indices.shape[0]
    if sorted(axes[:sparse_dims]) != list(range(sparse_dims)):
        raise RuntimeError("permute(sparse_coo): transpositions between sparse and dense dimensions are not allowed."
                           "Only transpositions within sparse and dense dimensions are supported.")
    kept = list(axes[:sparse_dims]) == list(range(sparse_dims))
    values = coo.values.transpose((0,) + tuple(a - sparse_dims + 1 for a in axes[sparse_dims:]))
    return attach(apply(OPS["permute"], (self,), axes), coo.indices if kept else coo.indices[list(axes[:sparse_dims])],
                  values, coo.coalesced and kept)


def _sparse_of(grad):
    """The sparse tensor a SparseGrad stands for (its values array as it is: a hook's, autograd.grad's)."""
    return attach(wrap(np.array(grad.view(np.ndarray), order="C")), grad.indices, grad.values, grad.coalesced)


def set_sparse(t, indices, values, shape, coalesced):
    """t (a sparse tensor) given these entries in place (sparse .grad += new): its dense values too."""
    g = SG.from_entries(indices, values, shape, coalesced)
    t._data[...] = g.view(np.ndarray)
    t._vbox[0] += 1
    return attach(t, indices, values, g.coalesced)


def _accumulate(leaf, grad):
    """AccumulateGrad where a sparse gradient, a sparse leaf or a sparse .grad is involved (PyTorch's rules): the
    first gradient is kept (a sparse one with its values made contiguous, as PyTorch's clone); sparse into sparse
    adds in place as ATen's sparse add; sparse into dense adds in place; dense into sparse makes .grad dense
    (new + old)."""
    old = leaf._grad
    if isinstance(grad, SG.SparseGrad) and grad.indices is not None:
        if old is None:
            g = SG.from_entries(grad.indices.copy(), np.array(grad.values, order="C"), grad.shape, grad.coalesced)
            leaf._grad = _sparse_of(g)
        elif old._coo is not None:
            set_sparse(old, *SG.add(old._coo, grad, old._data.shape))
        else:
            SG.add_into_dense(old._data, grad.indices, grad.values)
            old._vbox[0] += 1
        return
    grad = np.asarray(grad)
    if old is None:
        leaf._grad = wrap(np.array(grad, order="C"))
    elif old._coo is not None:
        leaf._grad = wrap(grad + old._data)
    else:
        np.add(old._data, grad, out=old._data, casting="unsafe")
        old._vbox[0] += 1


SG.ACCUMULATE[0] = _accumulate
SG.AS_TENSOR[0] = _sparse_of
