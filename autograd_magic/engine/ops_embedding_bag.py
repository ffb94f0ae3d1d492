"""EmbeddingBag's ops: the forward (ATen's sum / mean / max kernels, their rounding), its backward node and the
nodes its backward makes under create_graph (which PyTorch gives no derivative)."""
import math

import numpy as np

from . import blas, selection
from .ops_nn import sparse_rows
from .optable import defop
from .random_kernels import _fma32, _fma64
from .xp import NumpyXP


def _embedding_bag_fwd(w, idx, bag, n_bags, mode, scale, argmax_out=None, fused=False):
    """Each bag's rows of w summed (times per_sample_weights or 1/count: scale), or their elementwise maximum
    (argmax_out, when given, receives the row each maximum came from); an empty bag gives zeros."""
    out = np.zeros((n_bags, w.shape[1]), w.dtype)
    if mode == "max":
        best = np.full((n_bags, w.shape[1]), -np.inf, w.dtype)
        np.maximum.at(best, bag, w[idx])
        # the first row of each bag reaching its maximum, as ATen's forward scan: the least position that hits
        position = np.where(w[idx] == best[bag], np.arange(idx.size)[:, None], idx.size)
        first = np.full((n_bags, w.shape[1]), idx.size, np.int64)
        np.minimum.at(first, bag, position)
        found = first < idx.size
        rows = np.where(found, np.append(idx, -1)[first], -1)
        out[found] = best[found]
        if argmax_out is not None:
            argmax_out.append(rows)
        return out
    if mode == "mean":   # ATen: each bag's rows added in order, then the sum divided by the bag's size
        np.add.at(out, bag, w[idx])
        size = np.ones(n_bags, w.dtype)   # (the sizes F.embedding_bag counted, each index's scale being 1 / size)
        size[bag] = np.rint(1 / scale.astype(np.float64))
        return out / size[:, None]
    if fused and w.dtype == np.float32 and idx.size and (scale != 1).any():
        # per_sample_weights in fbgemm's kernel (float32 without padding_idx): each weighted row added with a
        # fused multiply-add, the rows of a bag in the input's order
        for at in _bag_steps(bag):
            out[bag[at]] = _fma32(scale[at, None], w[idx[at]], out[bag[at]])
        return out
    np.add.at(out, bag, w[idx] * scale[:, None])
    return out


def _bag_steps(bag):
    """The positions in k-th place of their bag (in the input's order), for k = 0, 1, ...: each step holds one
    position of a bag at most."""
    order = np.argsort(bag, kind="stable")
    sorted_bag = bag[order]
    starts = np.r_[0, np.nonzero(np.diff(sorted_bag))[0] + 1]
    ranks = np.empty(bag.size, np.int64)
    ranks[order] = np.arange(bag.size) - np.repeat(starts, np.diff(np.r_[starts, bag.size]))
    return [np.nonzero(ranks == k)[0] for k in range(int(ranks.max()) + 1)]


@defop("_embedding_bag", "EmbeddingBagBackward0",
       lambda w, psw, idx, bag, n_bags, mode, scale, rows, shape, sparse=False, psw_grad=None, by_freq=None,
       order=None: _embedding_bag_fwd(w, idx, bag, n_bags, mode, scale), saves=(0,), save_if={0: 1})
def embedding_bag_vjp(xp, grad, saved, consts, needs):
    """sum / mean: each index's row gets its bag's gradient times its scale; max: each element goes to the row its
    maximum came from. per_sample_weights (the second input, in sum mode): each index's weight gets the dot product
    of its bag's gradient with its row; padding_idx's entries get 0 (psw_grad: the indices, their bags, their
    positions in the input and the weights' shape). by_freq: the weight's scales under scale_grad_by_freq, which
    ATen refuses with a sparse gradient; order: ATen's sort of all the indices, restricted to the kept ones.
    Under create_graph the weight's gradient is ATen's _embedding_bag_backward, a node of its own."""
    idx, bag, n_bags, mode, scale, rows, shape = consts[:7]
    sparse, _, by_freq, order = (tuple(consts[7:]) + (None,) * 4)[:4]
    gw = gp = None
    if needs[1] and mode != "max":   # (per_sample_weights': ATen's _embedding_bag_per_sample_weights_backward)
        if xp.is_numpy:
            gp = _per_sample_weights_backward(grad, saved[0], *consts[8])
        else:
            gp = xp.call("_embedding_bag_per_sample_weights_backward", (grad, saved[0]), *consts[8])
    if needs[0]:
        if by_freq is not None:
            if sparse:
                raise RuntimeError("embedding_backward: scale_grad_by_freq not supported with sparse gradients")
            scale = by_freq
        if sparse and mode != "max" and xp.is_numpy:   # sparse=True (ATen's _embedding_bag_sparse_backward)
            gw = sparse_rows(grad[bag] * scale[:, None], idx, None, shape)
        elif xp.is_numpy:
            gw = _embedding_bag_backward(grad, idx, bag, mode, scale, rows, shape, order)
        else:
            gw = xp.call("_embedding_bag_backward", (grad,), idx, bag, mode, scale, rows, shape, order)
    return gw, gp


def _embedding_bag_backward(grad, idx, bag, mode, scale, rows, shape, order=None):
    """The weight's dense gradient (ATen's _embedding_bag_dense_backward): max: each element to the row its
    maximum came from; sum / mean: each index's row gets its bag's gradient times its scale."""
    if mode == "max":
        found = rows >= 0
        b, d = np.nonzero(found)
        return NumpyXP.scatter(grad[b, d], shape, (rows[found], d), True, "index_backward")
    if grad.dtype in (np.float32, np.float64):
        return _embedding_bag_axpy(grad, idx, bag, scale, shape, order)
    return NumpyXP.scatter(grad[bag] * scale[:, None], shape, (idx,), True, "index_backward")


@defop("_embedding_bag_backward", "EmbeddingBagBackwardBackward0", _embedding_bag_backward)
def embedding_bag_backward_vjp(xp, grad, saved, consts, needs):
    """PyTorch has no derivative for embedding_bag's backward: a second backward through it raises."""
    raise NotImplementedError("the derivative for '_embedding_bag_backward' is not implemented.")


def _per_sample_weights_backward(grad, weight, idx, bag, pos, shape):
    """Each kept entry's gradient: the dot product (BLAS's sdot / ddot, as ATen's dot_impl) of its bag's
    gradient with its row of the weight; padding_idx's entries (not in idx) get 0."""
    out = np.zeros(math.prod(shape), grad.dtype)
    for k in range(idx.size):
        g, w = grad[bag[k]], weight[idx[k]]
        d = blas.dot(g, w)
        out[pos[k]] = np.dot(g, w) if d is None else d
    return out.reshape(shape)


@defop("_embedding_bag_per_sample_weights_backward", "NotImplemented", _per_sample_weights_backward,
       qualname="torch::autograd::NotImplemented")
def per_sample_weights_backward_vjp(xp, grad, saved, consts, needs):
    """PyTorch has no derivative for it: a second backward through it raises."""
    raise RuntimeError("derivative for aten::_embedding_bag_per_sample_weights_backward is not implemented")


def aten_sort_order(idx):
    """The permutation indices.sort() gives int64 indices on the CPU: std::sort's order among ties up to 16 and
    from there to 32768 (introsort), a stable radix sort from 32768 (fbgemm), insertion sort (stable) below 17."""
    if 16 < idx.size < _RADIX_MIN:
        return selection.sort_indices(np.asarray(idx, np.int64), False)
    return np.argsort(idx, kind="stable")


_RADIX_MIN = 32768   # (ordering._RADIX_MIN: from this length ATen sorts int64 indices with a stable radix sort)


def _embedding_bag_axpy(grad, idx, bag, scale, shape, order=None):
    """ATen's _embedding_bag_dense_backward_cpu_sum_mean: the indices sorted by indices.sort() (std::sort's order
    among ties), each one's row gets axpy(scale, its bag's gradient) in that order, a fused multiply-add per
    element (MKL's axpy)."""
    gw = np.zeros(shape, grad.dtype)
    fma = _fma32 if grad.dtype == np.float32 else _fma64
    if order is None:   # (order: given when entries were left out of the indices ATen sorted)
        order = aten_sort_order(idx)
    ranks = np.empty(idx.size, np.int64)
    if idx.size:   # each position's rank among the positions of its index (sorted order)
        sorted_idx = idx[order]
        starts = np.r_[0, np.nonzero(np.diff(sorted_idx))[0] + 1]
        ranks[order] = np.arange(idx.size) - np.repeat(starts, np.diff(np.r_[starts, idx.size]))
    for k in range(int(ranks.max()) + 1 if idx.size else 0):
        at = np.nonzero(ranks == k)[0]   # distinct indices: their k-th contributions in one step
        rows = idx[at]
        gw[rows] = fma(scale[at, None].astype(grad.dtype), grad[bag[at]], gw[rows]).astype(grad.dtype)
    return gw
