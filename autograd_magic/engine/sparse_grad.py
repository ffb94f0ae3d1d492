"""The gradient PyTorch gives a sparse COO tensor as sparse, carried through the numpy backward pass as a dense
array that remembers its pattern: torch.sparse.mm, to_dense and torch.sparse.sum hand their sparse input a
gradient on that input's coalesced indices (SparseAddmmBackward0 ...), torch.mm a dense one (MmBackward0).

A leaf module (numpy only): autograd.py accumulates a sparse leaf's gradient through ``ACCUMULATE[0]``, which
engine/sparse.py sets (it builds the sparse .grad tensor)."""
import numpy as np

ACCUMULATE = [None]   # (leaf, grad array) -> None: sets or adds a sparse leaf's .grad (engine/sparse.py)
AS_TENSOR = [None]    # (SparseGrad) -> the sparse tensor it stands for (autograd.grad's result; engine/sparse.py)


class SparseGrad(np.ndarray):
    """A dense gradient that stands for a sparse one whose indices are ``pattern`` ((sparse dims, nnz), sorted
    and unique). Arithmetic gives plain arrays (a sparse gradient plus a dense one is dense, as in PyTorch),
    except the sum of two sparse gradients, which stays sparse on the union of their patterns."""
    pattern = None
    coalesced = False

    def __array_ufunc__(self, ufunc, method, *inputs, out=None, **kwargs):
        plain = [x.view(np.ndarray) if isinstance(x, SparseGrad) else x for x in inputs]
        if out is not None:
            kwargs["out"] = tuple(x.view(np.ndarray) if isinstance(x, SparseGrad) else x for x in out)
        result = getattr(ufunc, method)(*plain, **kwargs)
        if ufunc is np.add and method == "__call__" and out is None and len(inputs) == 2 \
                and all(isinstance(x, SparseGrad) for x in inputs):
            union = np.unique(np.concatenate([inputs[0].pattern, inputs[1].pattern], axis=1), axis=1)
            return sparse_grad(result, union, False)
        return result

    def __reduce__(self):   # (a copy is dense: pickling is not a path of the backward pass)
        return np.asarray(self).__reduce__()


def sparse_grad(dense, pattern, coalesced):
    """dense (zero outside pattern) as a SparseGrad on pattern; coalesced: whether PyTorch flags the sparse
    gradient coalesced (values_backward's is; a sparse_mask's, as SparseAddmmBackward0 gives, is not)."""
    g = np.asarray(dense).view(SparseGrad)
    g.pattern = pattern
    g.coalesced = coalesced
    return g


def masked(grad, pattern, shape):
    """grad kept at pattern's positions only (the leading len(pattern) dims), zero elsewhere: a SparseGrad."""
    grad = np.asarray(grad)
    out = np.zeros(shape, grad.dtype)
    key = tuple(pattern)
    out[key] = np.broadcast_to(grad, shape)[key]
    return sparse_grad(out, pattern, False)
