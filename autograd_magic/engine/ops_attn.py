"""Attention primitives (forward and vjp side by side): baddbmm, and the fused scaled-dot-product attention node
PyTorch's CPU build records for 4-d inputs without dropout (ScaledDotProductFlashAttentionForCpuBackward0).

The fused node is one node over (query, key, value); its mask, causality and scale are constants. Its backward is
written in numpy (the softmax recomputed from the saved inputs, as the flash kernel does); under create_graph=True
its gradient is rebuilt from recorded ops (the math path), so it can be differentiated again.
"""
import numpy as np

from . import blas, dtypes, mkl_order
from .ops_complex import cj
from .optable import defop

_F32_F64 = (np.dtype(np.float32), np.dtype(np.float64))


def real_scalars(*xs):
    """Whether beta / alpha are real numbers (ATen's Scalar.to<float>: the BLAS paths take only those)."""
    return all(isinstance(x, (int, float, np.integer, np.floating)) for x in xs)


def _baddbmm(c, a, b, beta, alpha):
    if a.dtype == b.dtype == c.dtype == np.float16 and real_scalars(beta, alpha):
        # ATen's loop (and its Half gemm for bigger matrices) alike: sums in float32, ``r * beta + alpha * sum``
        # in float32, rounded to float16 once
        shape = (a.shape[0], a.shape[1], b.shape[-1])
        out, cb = np.empty(shape, np.float16), np.broadcast_to(c, shape)
        for i in range(shape[0]):
            out[i] = mkl_order.half_addmm(cb[i], a[i], b[i], beta, alpha)
        return out
    if a.dtype in _F32_F64 and a.dtype == b.dtype == c.dtype and real_scalars(beta, alpha):
        out = _baddbmm_aten(c, a, b, beta, alpha)
        if out is not None:
            return out
    prod = np.matmul(a, b)
    if alpha != 1:
        prod = prod * prod.dtype.type(alpha)
    if beta == 0:
        return np.array(np.broadcast_to(prod, np.broadcast_shapes(c.shape, prod.shape)))
    return (c if beta == 1 else c * c.dtype.type(beta)) + prod


def _baddbmm_aten(c, a, b, beta, alpha):
    """float32/float64 baddbmm as ATen's bmm_out_or_baddbmm_: below 400 multiply-adds per matrix its own loop
    (the products summed in order, then ``r * beta + alpha * sum``, each rounded: no fused multiply-add), else one
    ``addmm_(beta=, alpha=)`` per matrix of the batch, MKL's gemm applying beta and alpha; None where neither
    applies here (no library, an empty inner size)."""
    n, k = a.shape[-2:]
    m = b.shape[-1]
    shape = (a.shape[0], n, m)
    t = a.dtype.type
    if k * n * m < 400:
        acc = np.zeros(shape, a.dtype)
        for i in range(k):
            acc += a[:, :, i:i + 1] * b[:, i:i + 1, :]
        prod = acc if alpha == 1 else t(alpha) * acc
        if beta == 0:
            return prod
        return np.broadcast_to(c, shape) * t(beta) + prod
    if not k or not blas.available():
        return None
    out = np.empty(shape, a.dtype)
    for i in range(shape[0]):
        got = blas.addmm(a[i], b[i], None if beta == 0 else np.broadcast_to(c, shape)[i], beta, alpha)
        if got is None:
            return None
        out[i] = got
    return out


def size_of(t, d):
    """t.size(d), with ATen's IndexError for a dim t does not have."""
    n = t._data.ndim
    if n == 0:
        raise IndexError(f"Dimension specified as {d} but tensor has no dimensions")
    if d >= n:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {d})")
    return t._data.shape[d]


def expand_size(t, target):
    """expand_size(input, target): inferExpandGeometry's errors, checked from the last dim."""
    shape = t._data.shape
    lead = len(target) - len(shape)
    if lead < 0:
        raise RuntimeError(f"expand({dtypes.type_string(t._data.dtype)}{{[{', '.join(map(str, shape))}]}}, "
                           f"size=[{', '.join(map(str, target))}]): the number of sizes provided ({len(target)}) "
                           f"must be greater or equal to the number of dimensions in the tensor ({len(shape)})")
    for i in reversed(range(lead, len(target))):
        n = shape[i - lead]
        if n != 1 and n != target[i]:
            raise RuntimeError(f"The expanded size of the tensor ({target[i]}) must match the existing size ({n}) at "
                               f"non-singleton dimension {i}.  Target sizes: [{', '.join(map(str, target))}].  "
                               f"Tensor sizes: [{', '.join(map(str, shape))}]")



def bmm_shapes(batch1, batch2):
    """bmm's (and baddbmm's) checks of its operands' dims and sizes, in ATen's order."""
    for t, name in ((batch1, "batch1"), (batch2, "batch2")):
        if t._data.ndim != 3:
            raise RuntimeError(f"{name} must be a 3D tensor")
    sa, sb = batch1._data.shape, batch2._data.shape
    if sb[0] != sa[0] or sb[1] != sa[2]:
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: [{sa[0]}, {sa[2]}] but "
                           f"got: [{sb[0]}, {sb[1]}].")


def bmm_dtypes(a, b, rows, inner, cols):
    """bmm's (and baddbmm's, matmul's batched) dtype check, after the checks of shapes as in ATen, worded as its CPU
    kernel words it: a small product (rows * inner * cols < 400, the batch not counted) runs a loop typed by the
    first operand's dtype, a larger one a loop typed by the second's."""
    if a._data.dtype != b._data.dtype:
        first, second = (a, b) if rows * inner * cols < 400 else (b, a)
        raise RuntimeError(f"expected scalar type {first.dtype.scalar_name} but found {second.dtype.scalar_name}")


def _baddbmm_args(input, batch1, batch2, *, beta=1, alpha=1):
    """baddbmm's meta function: input expanded to the product's shape, its dtype checked against batch1's, then
    bmm's checks (dims, sizes, batch1's dtype against batch2's) and the CPU kernel's refusal of bool."""
    expand_size(input, (size_of(batch1, 0), size_of(batch1, 1), size_of(batch2, 2)))
    if input._data.dtype != batch1._data.dtype:
        raise RuntimeError(f"Input dtypes must be the same, got: input {input.dtype.c_name}, batch1: "
                           f"{batch1.dtype.c_name}, batch2: {batch2.dtype.c_name}")
    bmm_shapes(batch1, batch2)
    bmm_dtypes(batch1, batch2, *batch1._data.shape[1:], batch2._data.shape[2])
    if input._data.dtype == np.bool_:
        raise NotImplementedError('"baddbmm" not implemented for \'Bool\'')
    return (input, batch1, batch2), (beta, alpha)


@defop("baddbmm", "BaddbmmBackward0", _baddbmm, saves=(1, 2), save_if={1: 2, 2: 1}, api="baddbmm", inplace=True,
       args=_baddbmm_args)
def baddbmm_vjp(xp, grad, saved, consts, needs):
    """beta * input + alpha * (batch1 @ batch2), batch by batch."""
    a, b = cj(saved[0]), cj(saved[1])   # (complex: the conjugate transposes)
    beta, alpha = cj(consts[0]), cj(consts[1])
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


def _in_float(kernel):
    """The backward kernel on half-precision inputs: computed in float32 (the CPU kernel's accumulation type), each
    result rounded back to half."""
    def run(*args):
        if args[1].dtype != np.float16:
            return kernel(*args)
        wide = [a.astype(np.float32) if isinstance(a, np.ndarray) and a.dtype == np.float16 else a for a in args]
        if wide[-3] is not None:
            wide[-3] = wide[-3].astype(np.float32)
        out = kernel(*wide)
        return tuple(r.astype(np.float16) for r in out) if isinstance(out, tuple) else out.astype(np.float16)
    return run


def _half_attention(q, k, v, mask, is_causal, scale):
    """The CPU kernel on half or bfloat16 inputs: scores and exponentials in float32, the exponentials rounded to the
    inputs' dtype for the product with v (accumulated in float32), divided by their float32 sum at the end, rounded
    to that dtype."""
    low = q.dtype
    wide = [a.astype(np.float32) for a in (q, k, v)]
    s = _scores(wide[0], wide[1], None if mask is None else mask.astype(np.float32), is_causal, scale)
    top = s.max(axis=-1, keepdims=True)
    dead = top == -np.inf
    e = np.exp(s - np.where(dead, 0, top))
    total = e.sum(axis=-1, keepdims=True)
    out = np.matmul(e.astype(low).astype(np.float32), wide[2]) / np.where(dead, 1, total)
    return np.where(dead, np.float32(0), out).astype(low)


def flash_attention(q, k, v, mask, is_causal, scale):
    """The output laid out in memory as the query is (the CPU kernel allocates it so): after multi-head
    attention's projections, permute(2, 0, 1, 3).reshape(...) of it is then a view, as in PyTorch."""
    k, v = _grouped(k, q), _grouped(v, q)
    if q.dtype == np.float16 or q.dtype is dtypes.BF16_NP:
        out = _half_attention(q, k, v, mask, is_causal, scale)
    else:
        out = np.matmul(_probs(q, k, mask, is_causal, scale), v)
    order = sorted(range(4), key=lambda i: -q.strides[i])
    return np.ascontiguousarray(out.transpose(order)).transpose(np.argsort(order))


@_in_float
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


# (query rows, key rows) of the blocks cpu_flash_attention_backward walks, by the query's length (PyTorch 2.13)
def _backward_blocks(n_q):
    return (256 if n_q >= 768 else 64 if n_q >= 192 else 32), 512


def _bf16_attention_backward(g, q, k, v, out, mask, is_causal, scale):
    """cpu_flash_attention_backward on bfloat16: block by block, the probabilities recomputed in float32 from the
    logsumexp and rounded to bfloat16 for grad_v += p^T grad_out; grad_attn = grad_out v^T in float32; ds =
    p * (grad_attn - rowsum(grad_out * out)) rounded to bfloat16 for grad_q += scale ds k and grad_k += scale ds^T q.
    Each gemm accumulates in float32 and adds into the bfloat16 gradient, which rounds at every block."""
    low, f32 = q.dtype, np.float32
    k0, v0 = k, v
    g, q, k, v, out = (a.astype(f32) for a in (g, q, _grouped(k, q), _grouped(v, q), out))
    sc = f32(scale)
    s = _scores(q, k, None if mask is None else mask.astype(f32), is_causal, scale)
    n_q, n_k = s.shape[-2:]
    top = s.max(axis=-1, keepdims=True)
    shift = np.where(top == -np.inf, f32(0), top)
    lse = shift + np.log(np.exp(s - shift).sum(axis=-1, keepdims=True))
    p = np.exp(s - lse)
    if is_causal:
        p = np.where(np.tril(np.ones((n_q, n_k), np.bool_)), p, f32(0))
    dsum = (g * out).sum(axis=-1, keepdims=True)
    gq, gk, gv = (np.zeros(a.shape, f32) for a in (q, k, v))
    rnd = lambda a: a.astype(low).astype(f32)
    rows, cols = _backward_blocks(n_q)
    for m in range(0, n_q, rows):
        me = min(m + rows, n_q)
        for n in range(0, min(me, n_k) if is_causal else n_k, cols):
            ne = min(n + cols, n_k)
            pb, gb = p[..., m:me, n:ne], g[..., m:me, :]
            gv[..., n:ne, :] = rnd(gv[..., n:ne, :] + np.matmul(np.swapaxes(rnd(pb), -1, -2), gb))
            ds = rnd(pb * (np.matmul(gb, np.swapaxes(v[..., n:ne, :], -1, -2)) - dsum[..., m:me, :]))
            gq[..., m:me, :] = rnd(gq[..., m:me, :] + sc * np.matmul(ds, k[..., n:ne, :]))
            gk[..., n:ne, :] = rnd(gk[..., n:ne, :] + sc * np.matmul(np.swapaxes(ds, -1, -2), q[..., m:me, :]))
    gk, gv = _ungrouped(gk, k0), _ungrouped(gv, v0)
    return gq.astype(low), gk.astype(low), gv.astype(low)


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
        backward = _bf16_attention_backward if q.dtype is dtypes.BF16_NP else flash_attention_backward
        dq, dk, dv = backward(grad, q, k, v, out, *consts)
        return (dq if needs[0] else None), (dk if needs[1] else None), (dv if needs[2] else None)
    return xp.differentiate(_math, (q, k, v), consts, {0: grad}, needs)
