"""Matrix products in the order PyTorch's BLAS (MKL) sums them, where that order was measured and is simple.

float32 products whose dots have 2 or 3 terms (K, the inner size: a linear regression on 2-3 features, an XOR net's
first layer, the backward through a layer of 2-3 outputs): MKL adds the rounded products in order, ((a0 b0 + a1 b1)
+ a2 b2), except in its big-block kernel (at least 4 rows and 12 columns), a fused multiply-add chain
fma(a2, b2, fma(a1, b1, a0 b0)); a bias (addmm, F.linear) is added after. Measured with every layout (transposed or
not) over 1-64 rows and 1-64 columns; numpy's BLAS (OpenBLAS) differs from it for ~20% of such values.
Products with 4 or more terms keep numpy's BLAS (MKL's orders there depend on size and layout).

All of this is the fallback: where MKL itself is installed (blas.py), every float32/float64 product goes through
it with PyTorch's arguments, which gives PyTorch's bits for any size and on any processor (the orders above are
those of MKL's AVX2 kernels; its AVX-512 kernels add in other orders).
"""
import math

import numpy as np

from . import blas, blas_batch
from .random_kernels import _fma32

_blas_addmm = blas.addmm   # (a module global: compiled, blas.addmm is a module attribute read each time)

def matmul(a, b):
    """np.matmul of 2-d (or 2-d by 1-d) arrays: MKL's own product where it is installed (blas.py), else MKL's
    AVX2 order for float32 dots of 2 or 3 terms."""
    if a.ndim == 2:
        out = _blas_addmm(a, b) if b.ndim == 2 else blas.addmv(a, b) if b.ndim == 1 else None
        if out is not None:
            return out
    if not (a.ndim == 2 and 2 <= a.shape[1] <= 3 and b.ndim in (1, 2) and a.dtype == np.float32
            and b.dtype == np.float32 and b.shape[0] == a.shape[1]):   # (the cheap tests first)
        return np.matmul(a, b)
    col = b if b.ndim == 2 else b[:, None]
    fused = a.shape[0] >= 4 and col.shape[1] >= 12
    out = a[:, 0:1] * col[0:1, :]
    for k in range(1, a.shape[1]):
        out = _fma32(a[:, k:k + 1], col[k:k + 1, :], out) if fused else out + a[:, k:k + 1] * col[k:k + 1, :]
    return out if b.ndim == 2 else out[:, 0]


def addmm(bias, a, b):
    """``bias + a @ b`` for 2-d a and b as PyTorch's addmm: MKL with the bias as its C (blas.py), else the product
    above with the bias added after (what MKL's AVX2 kernels do for dots of 2-3 terms)."""
    if a.dtype == _F16 and b.dtype == _F16 and bias.dtype == _F16 and a.ndim == 2 and b.ndim == 2:
        return half_addmm(bias, a, b)
    out = blas.addmm(a, b, bias) if a.ndim == 2 and b.ndim == 2 and bias.dtype == a.dtype else None
    if out is None:
        out = matmul(a, b)
        out += bias
    return out


_F16, _F32 = np.dtype(np.float16), np.dtype(np.float32)


def half_addmm(bias, a, b, beta=1, alpha=1):
    """float16 ``beta * bias + alpha * a @ b`` as ATen's CPU gemm for Half computes it (no BLAS): each dot summed
    in float32 in the order of the inner dim, then ``beta * c + alpha * dot`` in float32 (beta 0: the bias not
    read), rounded to float16 once. (A product of two float16 numbers is exact in float32, so each step is one
    float32 rounding.) Rounding the product to float16 first and adding the bias in float16 differs from PyTorch
    in about a fifth of the values."""
    a32, b32 = a.astype(_F32), b.astype(_F32)
    out = np.zeros((a.shape[0], b.shape[1]), _F32)
    for k in range(a.shape[1]):
        out += a32[:, k:k + 1] * b32[k:k + 1, :]
    if alpha != 1:
        out *= np.float32(alpha)
    if beta != 0:
        c = bias.astype(_F32)
        out += c if beta == 1 else c * np.float32(beta)
    return out.astype(_F16)


def bmm(a, b):
    """np.matmul of batches, except where PyTorch's bmm runs its plain loop instead of BLAS (fewer than 400
    multiply-adds per matrix: each output summed in order, every product rounded, no fused multiply-add), as
    Karpathy's ``wei @ x`` of (8, 8) and (4, 8, 2) does: there the loop's last bits decide whether his
    ``torch.allclose(xbow, xbow2)`` prints False."""
    n, k = a.shape[-2:]
    m = b.shape[-1]
    if k * n * m >= 400 or a.dtype.kind != "f" or a.dtype != b.dtype:
        out = _bmm_blas(a, b) if k * n * m >= 400 else None
        return np.matmul(a, b) if out is None else out
    half = a.dtype == _F16   # (the loop sums in the opmath type: float16 in float32, rounded once at the end)
    if half:
        a, b = a.astype(_F32), b.astype(_F32)
    out = np.zeros(np.broadcast_shapes(a.shape[:-2], b.shape[:-2]) + (n, m), a.dtype)
    for i in range(k):
        out += a[..., :, i:i + 1] * b[..., i:i + 1, :]
    return out.astype(_F16) if half else out


def _bmm_blas(a, b):
    """A float32/float64 bmm of 400 or more multiply-adds per matrix as PyTorch's CPU bmm computes it: MKL's batched
    gemm where ATen calls it (blas_batch.py: two or more matrices, each row- or column-major), else MKL's gemm for
    each matrix of the batch, the operands' own layouts passed as addmm passes them (the batched call gives the same
    bits as one gemm per matrix except for matrix-vector shapes; numpy's BLAS differs in the last bits for about a
    third of the shapes, which decides whether a matmul with a weight that does not require grad, not folded, equals
    the folded one); None without the library."""
    if a.ndim != 3 or b.ndim != 3 or a.shape[0] != b.shape[0] or a.dtype != b.dtype or not blas.available():
        return None
    if blas_batch.usable(a, b):   # (ATen's baddbmm_with_gemm_: one batched call, its own order for vectors)
        out = blas_batch.gemm_batch(a, b)
        if out is not None:
            return out
    out = np.empty((a.shape[0], a.shape[1], b.shape[2]), a.dtype)
    for i in range(a.shape[0]):
        got = blas.addmm(a[i], b[i])
        if got is None:
            return None
        out[i] = got
    return out


def batched_matmul(a, b):
    """at::matmul of arrays that are both at least 3-d, as a derivative formula calls it: the batch dims broadcast,
    each operand reshaped to one batch of matrices, then bmm (its plain loop below 400 multiply-adds per matrix,
    else MKL's gemm per matrix), not numpy's BLAS."""
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    n, m = a.shape[-2], b.shape[-1]
    if not math.prod(batch) or not (a.dtype.kind == "f" and a.dtype == b.dtype):
        return np.matmul(a, b)
    a3 = np.broadcast_to(a, batch + a.shape[-2:]).reshape((-1,) + a.shape[-2:])
    b3 = np.broadcast_to(b, batch + b.shape[-2:]).reshape((-1,) + b.shape[-2:])
    return bmm(a3, b3).reshape(batch + (n, m))


def matmul_any(a, b):
    """at::matmul of arrays in a derivative formula: two batches of matrices through bmm (batched_matmul), the rest
    as matmul above."""
    if a.ndim >= 3 and b.ndim >= 3:
        return batched_matmul(a, b)
    return matmul(a, b)
