"""BLAS-style fused products (forward and vjp side by side): ``beta * input + alpha * product``.

addmv (matrix @ vector), addr (outer product), addbmm (the sum of a batch of matrix products) and addmm given
beta/alpha (the plain addmm is ops.py's, MKL's rounding). Old tutorials and the Chinese "Dive into DL" book call
them (``torch.addmm(M, A, B, beta=0.5, alpha=2)``). As in PyTorch, beta=0 ignores input (nan included) and the
gradient reaching input is beta times the incoming one.
"""
import numpy as np

from . import blas, dtypes, mkl_order, vec_kernels
from .ops_attn import _F32_F64, expand_size, real_scalars, size_of
from .ops_complex import cj
from .optable import defop


def _scaled(c, prod, beta, alpha):
    if alpha != 1:
        prod = prod * prod.dtype.type(alpha)
    shape = np.broadcast_shapes(c.shape, prod.shape)
    if beta == 0:
        return np.array(np.broadcast_to(prod, shape))
    return np.array(np.broadcast_to((c if beta == 1 else c * c.dtype.type(beta)) + prod, shape))


def _times(g, k):
    return g if g is None or k == 1 else g * k


def _args(input, a, b, *, beta=1, alpha=1):
    return (input, a, b), (beta, alpha)


def _check_addmv(c, m, v):
    if m.ndim != 2 or v.ndim != 1 or c.ndim > 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got {c.ndim}, {m.ndim}, {v.ndim}")
    if m.shape[1] != v.shape[0] or (c.ndim == 1 and c.shape[0] not in (1, m.shape[0])):
        raise RuntimeError(f"size mismatch, got input ({c.shape[0] if c.ndim else 1}), mat "
                           f"({m.shape[0]}x{m.shape[1]}), vec ({v.shape[0]})")


def _by_blas(c, a, b, beta, alpha):
    """Whether the product goes to MKL here as ATen sends it: float32/float64 operands of one dtype, real
    beta / alpha (which BLAS applies itself: ``beta * C + alpha * A @ B``, rounded as MKL rounds it)."""
    return (a.dtype in _F32_F64 and a.dtype == b.dtype == c.dtype and real_scalars(beta, alpha)
            and blas.available())


def _addmv(c, m, v, beta, alpha):
    _check_addmv(c, m, v)
    if m.shape[1] and _by_blas(c, m, v, beta, alpha):   # ATen's addmv: self copied into the result, then gemv
        out = blas.addmv(m, v, None if beta == 0 else np.broadcast_to(c, m.shape[:1]), beta, alpha)
        if out is not None:
            return out
    return _scaled(c, m @ v, beta, alpha)


@defop("addmv", "AddmvBackward0", _addmv, saves=(1, 2), save_if={1: 2, 2: 1}, api="addmv", inplace=True,
       args=_args)
def addmv_vjp(xp, grad, saved, consts, needs):
    """beta * input + alpha * (mat @ vec)."""
    m, v = cj(saved[0]), cj(saved[1])   # (complex: grad.ger(vec.conj()), mat.mH @ grad, factors conjugated)
    beta, alpha = cj(consts[0]), cj(consts[1])
    gm = xp.outer(grad, v) if needs[1] else None
    gv = xp.matmul(xp.mT(m), grad) if needs[2] else None
    return (_times(grad, beta) if needs[0] else None), _times(gm, alpha), _times(gv, alpha)


def _addr(c, u, v, beta, alpha, dtype):
    if np.dtype(dtype) in _F32_F64 and real_scalars(beta, alpha):
        return _addr_kernel(*(x.astype(dtype, copy=False) for x in (c, u, v)), beta, alpha)
    return _scaled(c.astype(dtype, copy=False), np.multiply.outer(u, v).astype(dtype, copy=False), beta, alpha)


def _addr_kernel(c, u, v, beta, alpha):
    """ATen's addr_kernel (float32/float64): beta 0 gives ``(alpha * vec1) * vec2``; else its scalar form is
    ``beta * self + (alpha * vec1) * vec2`` and its vector form the same expression on Vectorized, which the
    compiler contracts differently: fma(beta, self, (alpha*vec1)*vec2) for the scalar form, fma(alpha*vec1, vec2,
    beta*self) for the vector one (vec_kernels.fmadd: two roundings under the default capability). The vector form
    takes whole 64-byte pairs of each inner run (a REGISTER_DISPATCH kernel: AVX2 code under every capability),
    the run being a row (TensorIterator cannot coalesce the broadcast vectors' dims), the column when rows have
    one element. Measured bit for bit, sizes 1..70, beta / alpha 0, 0.3, 0.5, 1, 1.7, 2."""
    t = c.dtype.type
    shape = (u.shape[0], v.shape[0])
    au = (u if alpha == 1 else t(alpha) * u)[:, None]
    prod = au * v
    if beta == 0:
        return prod
    self = np.broadcast_to(c, shape)
    out = vec_kernels.fmadd(t(beta), self, prod)
    chunk = 64 // c.itemsize
    run, axis = (shape[1], 1) if shape[1] > 1 else (shape[0], 0)
    body = run - run % chunk
    if body:
        cut = (slice(None), slice(0, body)) if axis else (slice(0, body), slice(None))
        out[cut] = vec_kernels.fmadd(np.broadcast_to(au, shape)[cut], np.broadcast_to(v, shape)[cut],
                                     self[cut] * t(beta))
    return out


def _addr_args(input, vec1, vec2, *, beta=1, alpha=1):
    """addr's checks in ATen's order: both vectors 1-d, then input expanded to the outer product's shape."""
    for name, x in (("vec1", vec1), ("vec2", vec2)):
        if x._data.ndim != 1:
            raise RuntimeError(f"addr: Expected 1-D argument {name}, but got {x._data.ndim}-D")
    expand_size(input, vec1._data.shape + vec2._data.shape)
    dt = dtypes.result_type((input, vec1, vec2)).np
    for name, scalar in (("beta", beta), ("alpha", alpha)):
        _check_addr_scalar(dt, scalar, name)
    return (input, vec1, vec2), (beta, alpha, dt)


def _check_addr_scalar(dt, scalar, name):
    """ATen's check_addr_scalar on the result dtype: a bool scalar for a bool result only, and an integral (or
    bool) one for an integral result (``addr(long, ..., alpha=0.5)`` refused, not truncated)."""
    is_bool = isinstance(scalar, (bool, np.bool_))
    if is_bool and dt != np.bool_:
        raise RuntimeError(f"Boolean {name} only supported for Boolean results.")
    if dt.kind not in "fc" and not isinstance(scalar, (int, np.integer, np.bool_)):
        raise RuntimeError(f"For integral input tensors, argument {name} must not be a floating point number.")


@defop("addr", "AddrBackward0", _addr, saves=(1, 2), save_if={1: 2, 2: 1}, api="addr", inplace=True,
       args=_addr_args)
def addr_vjp(xp, grad, saved, consts, needs):
    """beta * input + alpha * outer(vec1, vec2)."""
    u, v = cj(saved[0]), cj(saved[1])   # (complex: the conjugates, as PyTorch's formulas)
    beta, alpha = cj(consts[0]), cj(consts[1])
    gu = xp.matmul(grad, v) if needs[1] else None
    gv = xp.matmul(xp.mT(grad), u) if needs[2] else None
    return (_times(grad, beta) if needs[0] else None), _times(gu, alpha), _times(gv, alpha)


def _addbmm(c, a, b, beta, alpha):
    _addbmm_shapes(a, b)
    out = _addbmm_blas(c, a, b, beta, alpha) if a.shape[0] and a.shape[2] else None
    if out is not None:
        return out
    return _scaled(c, np.add.reduce(np.matmul(a, b), axis=0), beta, alpha)


def _addbmm_blas(c, a, b, beta, alpha):
    """beta * input + alpha * the sum of batch1[i] @ batch2[i] for float32/float64 as PyTorch's CPU addbmm adds it:
    the result starts as the input (not read with beta 0), then one addmm_ per matrix of the batch, in order, each
    MKL's gemm adding into the result, with beta for the first and 1 after, alpha for each (numpy's sum of the
    products rounds otherwise); None without the library or for other dtypes."""
    if not _by_blas(c, a, b, beta, alpha):
        return None
    out = None if beta == 0 else np.broadcast_to(c, (a.shape[1], b.shape[2]))
    for i in range(a.shape[0]):
        out = blas.addmm(a[i], b[i], out, beta if i == 0 else 1, alpha)
        if out is None:
            return None
    return out


def _addbmm_shapes(a, b):
    if a.ndim != 3 or b.ndim != 3:
        raise RuntimeError("batch1 must be a 3D tensor" if a.ndim != 3 else "batch2 must be a 3D tensor")
    if a.shape[0] != b.shape[0]:
        raise RuntimeError(f"batch1 and batch2 must have same number of batches, got {a.shape[0]} and {b.shape[0]}")
    if a.shape[2] != b.shape[1]:
        raise RuntimeError(f"Incompatible matrix sizes for bmm ({a.shape[1]}x{a.shape[2]} and "
                           f"{b.shape[1]}x{b.shape[2]})")


def _addbmm_args(input, batch1, batch2, *, beta=1, alpha=1):
    """addbmm_out: input expanded to the sum's shape, the batches' checks (_addbmm), then each addmm_'s dtype checks
    (the result, of input's dtype, against batch2, then batch1 against batch2) and its refusal of bool."""
    expand_size(input, (size_of(batch1, 1), size_of(batch2, 2)))
    _addbmm_shapes(batch1._data, batch2._data)
    d1, d2, dc = batch1.dtype, batch2.dtype, input.dtype
    if dc != d2:
        raise RuntimeError(f"self and mat2 must have the same dtype, but got {dc.scalar_name} and {d2.scalar_name}")
    if d1 != d2:
        raise RuntimeError(f"mat1 and mat2 must have the same dtype, but got {d1.scalar_name} and {d2.scalar_name}")
    if input._data.dtype == np.bool_:
        raise NotImplementedError('"addmm_impl_cpu_" not implemented for \'Bool\'')
    return (input, batch1, batch2), (beta, alpha)


@defop("addbmm", "AddbmmBackward0", _addbmm, saves=(1, 2), save_if={1: 2, 2: 1}, api="addbmm", inplace=True,
       args=_addbmm_args)
def addbmm_vjp(xp, grad, saved, consts, needs):
    """beta * input + alpha * sum over the batch of batch1[i] @ batch2[i]."""
    a, b = cj(saved[0]), cj(saved[1])   # (complex: the conjugate transposes)
    beta, alpha = cj(consts[0]), cj(consts[1])
    g = xp.reshape(grad, (1,) + tuple(grad.shape))
    ga = xp.matmul(g, xp.mT(b)) if needs[1] else None
    gb = xp.matmul(xp.mT(a), g) if needs[2] else None
    return (_times(grad, beta) if needs[0] else None), _times(ga, alpha), _times(gb, alpha)


def _addmm_scaled(c, a, b, beta, alpha, *layout):
    if a.dtype == b.dtype == c.dtype == np.float16 and real_scalars(beta, alpha):   # (ATen's own Half gemm)
        return np.array(np.broadcast_to(mkl_order.half_addmm(c, a, b, beta, alpha), a.shape[:1] + b.shape[1:]))
    if a.shape[1] and _by_blas(c, a, b, beta, alpha):   # addmm_impl_cpu_: self copied in, gemm's own beta/alpha
        out = blas.addmm(a, b, None if beta == 0 else np.broadcast_to(c, a.shape[:1] + b.shape[1:]), beta, alpha)
        if out is not None:
            return out
    return _scaled(c, a @ b, beta, alpha)


@defop("addmm_scaled", "AddmmBackward0", _addmm_scaled, saves=(1, 2), save_if={1: 2, 2: 1})
def addmm_scaled_vjp(xp, grad, saved, consts, needs):
    """beta * input + alpha * (mat1 @ mat2): addmm given beta or alpha."""
    a, b = cj(saved[0]), cj(saved[1])   # (complex: the conjugate transposes)
    beta, alpha = cj(consts[0]), cj(consts[1])   # (then the factors' layouts, for the node's saved attributes)
    ga = xp.matmul(grad, xp.mT(b)) if needs[1] else None
    gb = xp.matmul(xp.mT(a), grad) if needs[2] else None
    return (_times(grad, beta) if needs[0] else None), _times(ga, alpha), _times(gb, alpha)
