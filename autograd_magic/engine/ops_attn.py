"""Attention primitives (forward and vjp side by side): baddbmm, and the fused scaled-dot-product attention node
PyTorch's CPU build records for 4-d inputs without dropout (ScaledDotProductFlashAttentionForCpuBackward0).

The fused node is one node over (query, key, value); its mask, causality and scale are constants. Its backward is
written in numpy (the softmax recomputed from the saved inputs, as the flash kernel does); under create_graph=True
its gradient is rebuilt from recorded ops (the math path), so it can be differentiated again.
"""
import numpy as np

from .optable import defop


def _baddbmm(c, a, b, beta, alpha):
    prod = np.matmul(a, b)
    if alpha != 1:
        prod = prod * prod.dtype.type(alpha)
    if beta == 0:
        return np.array(np.broadcast_to(prod, np.broadcast_shapes(c.shape, prod.shape)))
    return (c if beta == 1 else c * c.dtype.type(beta)) + prod


@defop("baddbmm", "BaddbmmBackward0", _baddbmm, saves=(1, 2), save_if={1: 2, 2: 1}, api="baddbmm", inplace=True,
       args=lambda input, batch1, batch2, *, beta=1, alpha=1: ((input, batch1, batch2), (beta, alpha)))
def baddbmm_vjp(xp, grad, saved, consts, needs):
    """beta * input + alpha * (batch1 @ batch2), batch by batch."""
    a, b = saved
    beta, alpha = consts
    gc = (grad if beta == 1 else grad * beta) if needs[0] else None
    ga = xp.matmul(grad, xp.mT(b)) if needs[1] else None
    gb = xp.matmul(xp.mT(a), grad) if needs[2] else None
    if alpha != 1:
        ga = ga * alpha if ga is not None else None
        gb = gb * alpha if gb is not None else None
    return gc, ga, gb


# ---------------------------------------------------------------- fused attention
# consts = (mask, is_causal, scale): mask an additive float array broadcastable to (N, H, L, S) or None.


def _scores(q, k, mask, is_causal, scale):
    s = np.matmul(q, np.swapaxes(k, -1, -2)) * q.dtype.type(scale)
    if mask is not None:
        s = s + mask
    if is_causal:
        n_q, n_k = s.shape[-2:]
        s = np.where(np.tril(np.ones((n_q, n_k), np.bool_)), s, s.dtype.type(-np.inf))
    return s


def _probs(q, k, mask, is_causal, scale):
    """softmax of the scores; rows masked out entirely give zeros (the flash kernel's output for them)."""
    s = _scores(q, k, mask, is_causal, scale)
    top = s.max(axis=-1, keepdims=True)
    dead = top == -np.inf
    e = np.exp(s - np.where(dead, 0, top))
    total = e.sum(axis=-1, keepdims=True)
    return np.where(dead, s.dtype.type(0), e / np.where(dead, 1, total))


def _grouped(k, q):
    """k (or v) with each of its heads repeated for the query heads that share it (grouped-query attention)."""
    groups = q.shape[1] // k.shape[1]
    return k if groups == 1 else np.repeat(k, groups, axis=1)


def _ungrouped(g, k):
    """The adjoint of _grouped: each shared head's gradient summed over its query heads."""
    groups = g.shape[1] // k.shape[1]
    return g if groups == 1 else g.reshape(g.shape[0], k.shape[1], groups, *g.shape[2:]).sum(axis=2)


def _probs_from_lse(s):
    """The probabilities as the flash kernel's backward recomputes them, exp(s - logsumexp) with the logsumexp
    rounded in the scores' type, where that differs from the softmax beyond rounding: rows whose scores all sit near
    a huge negative mask (-1e9) then give 1s where the forward's softmax gave 1/n, as in PyTorch. Other rows take
    the softmax (closer to PyTorch's values); rows masked out entirely give zeros."""
    top = s.max(axis=-1, keepdims=True)
    dead = top == -np.inf
    shift = np.where(dead, 0, top)
    e = np.exp(s - shift)
    total = e.sum(axis=-1, keepdims=True)
    lse = shift + np.log(total).astype(s.dtype)
    recomputed = np.exp(s - np.where(dead, 0, lse))
    lost = np.abs(recomputed.sum(axis=-1, keepdims=True) - 1) > 1e-3
    p = np.where(lost, recomputed, e / np.where(dead, 1, total))
    return np.where(dead, s.dtype.type(0), p)


def flash_attention(q, k, v, mask, is_causal, scale):
    """The output laid out in memory as the query is (the CPU kernel allocates it so): after multi-head
    attention's projections, permute(2, 0, 1, 3).reshape(...) of it is then a view, as in PyTorch."""
    k, v = _grouped(k, q), _grouped(v, q)
    out = np.matmul(_probs(q, k, mask, is_causal, scale), v)
    order = sorted(range(4), key=lambda i: -q.strides[i])
    return np.ascontiguousarray(out.transpose(order)).transpose(np.argsort(order))


def flash_attention_backward(g, q, k, v, out, mask, is_causal, scale):
    """(dq, dk, dv) of softmax(q k^T * scale + mask) v."""
    k0, v0 = k, v
    k, v = _grouped(k, q), _grouped(v, q)
    p = _probs_from_lse(_scores(q, k, mask, is_causal, scale))
    dv = np.matmul(np.swapaxes(p, -1, -2), g)
    dp = np.matmul(g, np.swapaxes(v, -1, -2))
    ds = p * (dp - (g * out).sum(axis=-1, keepdims=True))
    ds *= ds.dtype.type(scale)
    return np.matmul(ds, k), _ungrouped(np.matmul(np.swapaxes(ds, -1, -2), q), k0), _ungrouped(dv, v0)


def _math(q, k, v, mask, is_causal, scale):
    """The same attention from recorded Tensor ops (for create_graph=True)."""
    groups = q.shape[1] // k.shape[1]
    if groups > 1:
        k, v = k.repeat_interleave(groups, 1), v.repeat_interleave(groups, 1)
    s = (q @ k.transpose(-2, -1)) * scale
    extra = np.zeros(s.shape[-2:], s._data.dtype) if mask is None else mask
    if is_causal:
        n_q, n_k = s.shape[-2:]
        extra = np.where(np.tril(np.ones((n_q, n_k), np.bool_)), extra, extra.dtype.type(-np.inf))
    if mask is not None or is_causal:
        s = s + s.__class__._wrap(np.asarray(extra, s._data.dtype))
    return (s.softmax(-1) @ v,)


@defop("sdpa_flash", "ScaledDotProductFlashAttentionForCpuBackward0", flash_attention, saves=(0, 1, 2, -1))
def sdpa_flash_vjp(xp, grad, saved, consts, needs):
    q, k, v, out = saved
    if xp.is_numpy:
        dq, dk, dv = flash_attention_backward(grad, q, k, v, out, *consts)
        return (dq if needs[0] else None), (dk if needs[1] else None), (dv if needs[2] else None)
    return xp.differentiate(_math, (q, k, v), consts, {0: grad}, needs)
