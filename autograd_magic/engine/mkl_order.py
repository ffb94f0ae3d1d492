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
import numpy as np

from . import blas
from .random_kernels import _fma32


def matmul(a, b):
    """np.matmul of 2-d (or 2-d by 1-d) arrays: MKL's own product where it is installed (blas.py), else MKL's
    AVX2 order for float32 dots of 2 or 3 terms."""
    if a.ndim == 2:
        out = blas.addmm(a, b) if b.ndim == 2 else blas.addmv(a, b) if b.ndim == 1 else None
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
    out = blas.addmm(a, b, bias) if a.ndim == 2 and b.ndim == 2 and bias.dtype == a.dtype else None
    if out is None:
        out = matmul(a, b)
        out += bias
    return out
