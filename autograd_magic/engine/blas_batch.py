"""A float bmm as PyTorch's CPU bmm hands it to MKL (ATen's baddbmm_with_gemm_): one cblas_?gemm_batch call for
the whole batch, not one gemm per matrix.

The two agree for products of matrices, but not for matrix-vector shapes (a result of one row or one column, as
einsum's contractions to a vector and a batch of histograms by one-hot products give): a single gemm goes to
MKL's matrix-vector kernels, which sum in another order than the batched call does.
"""
import ctypes

import numpy as np

from . import blas

_NAMES = {np.dtype(np.float32): "cblas_sgemm_batch", np.dtype(np.float64): "cblas_dgemm_batch"}
_CTYPE = {np.dtype(np.float32): ctypes.c_float, np.dtype(np.float64): ctypes.c_double}
_FNS = {}


def _items_dense(shape, strides):
    """ATen's batch_items_contiguous_or_transposed: each matrix of the batch row- or column-major (its leading
    dimension at least the other size), strides in items."""
    rows, cols = shape[1], shape[2]
    return (strides[2] == 1 and (rows == 1 or strides[1] >= cols)) or \
        (strides[1] == 1 and (cols == 1 or strides[2] >= rows))


def usable(a, b):
    """Whether PyTorch's bmm of these (B, M, K) and (B, K, N) arrays goes to MKL's batched gemm (two or more
    matrices, float32/float64, each operand's matrices row- or column-major): bmm then calls gemm_batch below."""
    return (a.ndim == 3 and b.ndim == 3 and a.shape[0] == b.shape[0] and a.shape[0] > 1 and a.dtype == b.dtype
            and a.dtype in _NAMES and a.size and b.size and blas.available()
            and _items_dense(a.shape, blas._strides(a)) and _items_dense(b.shape, blas._strides(b)))


def _fn(lib, dtype):
    fn = _FNS.get(dtype)
    if fn is None:
        fn = _FNS[dtype] = getattr(lib, _NAMES[dtype])
        fn.restype = None
    return fn


def gemm_batch(a, b):
    """a @ b for (B, M, K) and (B, K, N) arrays that usable() accepts, as ATen's baddbmm_with_gemm_ and cpublas's
    gemm_batched_with_stride compute it: the result (C-contiguous, 64-byte aligned) taken column-major as its
    transpose, b as BLAS's first operand and a as its second, each transposed where its matrices are column-major,
    the leading dimensions normalised for size-1 dims, one group of B products; None where BLAS would not take
    those leading dimensions (ATen's own kernel then)."""
    lib = blas._load()
    bs, M, K = a.shape
    N = b.shape[2]
    sa, sb = blas._strides(a), blas._strides(b)
    trans_a = sb[1] == 1 and sb[2] >= K       # b's matrices column-major
    trans_b = sa[1] == 1 and sa[2] >= M       # a's matrices column-major
    m, n, k = N, M, K
    lda = sb[2] if trans_a else sb[1]
    ldb = sa[2] if trans_b else sa[1]
    result = blas._empty64((bs, M, N), a.dtype)
    # (ldc: the result's stride of dim 1, PyTorch's for a size-1 dim too)
    lda, ldb, ldc = blas.normalized_leading_dims(m, n, k, lda, ldb, N, trans_a, trans_b)
    if not (lda >= max(1, k if trans_a else m) and ldb >= max(1, n if trans_b else k) and ldc >= max(1, m)):
        return None
    depth = blas._SCRATCH.__dict__.get("depth", 0)   # (see blas._as_pytorch_placed)
    blas._SCRATCH.depth = depth + 1
    try:
        # MKL's matrix-vector kernels peel loops by alignment: the operands placed as PyTorch places them
        _call(lib, blas._as_pytorch_placed(a, 0), blas._as_pytorch_placed(b, 1), result, trans_a, trans_b,
              (m, n, k, lda, ldb, ldc))
    finally:
        blas._SCRATCH.depth = depth
    return result


def _call(lib, a, b, result, trans_a, trans_b, dims):
    m, n, k, lda, ldb, ldc = dims
    bs, M, N = result.shape
    size = a.itemsize
    pointers = ctypes.c_void_p * bs
    pa = pointers(*(b.ctypes.data + i * b.strides[0] for i in range(bs)))
    pb = pointers(*(a.ctypes.data + i * a.strides[0] for i in range(bs)))
    pc = pointers(*(result.ctypes.data + i * M * N * size for i in range(bs)))
    c_int, scalar = ctypes.c_int, _CTYPE[a.dtype]
    one, zero = scalar(1.0), scalar(0.0)
    blas._threads(lib)
    _fn(lib, a.dtype)(
        c_int(blas._COL_MAJOR), ctypes.byref(c_int(blas._TRANS if trans_a else blas._NO_TRANS)),
        ctypes.byref(c_int(blas._TRANS if trans_b else blas._NO_TRANS)), ctypes.byref(c_int(m)),
        ctypes.byref(c_int(n)), ctypes.byref(c_int(k)), ctypes.byref(one), pa, ctypes.byref(c_int(lda)), pb,
        ctypes.byref(c_int(ldb)), ctypes.byref(zero), pc, ctypes.byref(c_int(ldc)), c_int(1),
        ctypes.byref(c_int(bs)))
