"""torch.linalg.ldl_factor, ldl_factor_ex and ldl_solve: LAPACK's Bunch-Kaufman factorisation of symmetric (or
Hermitian) indefinite matrices, as ATen computes it on the CPU (?sytrf / ?hetrf with uplo 'L' on a column-major
copy, the strict upper triangle zeroed; ?sytrs / ?hetrs to solve). PyTorch records both under its NotImplemented
node, whose backward raises: so do these."""
import ctypes
import math

import numpy as np

from . import lapack_complex
from .linalg_fns import _result
from .linalg_more import _record
from .optable import OPS, defop
from .tensor_base import apply, check_broadcast

LdlFactorResult = _result("linalg_ldl_factor", ("LD", "pivots"))
LdlFactorExResult = _result("linalg_ldl_factor_ex", ("LD", "pivots", "info"))

_KINDS = {np.dtype(np.float32): "s", np.dtype(np.float64): "d", np.dtype(np.complex64): "c",
          np.dtype(np.complex128): "z"}
_int = ctypes.c_int
_ref, _ptr, _each = lapack_complex._ref, lapack_complex._ptr, lapack_complex._each


def _routine(dtype, hermitian, name):
    lib = lapack_complex._library(np.ones((1, 1), dtype), _KINDS, finite=False)
    if lib is None:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: torch.linalg.ldl_factor needs "
                                  "MKL's LAPACK, which was not found")
    kind = "he" if hermitian and dtype.kind == "c" else "sy"
    return getattr(lib, f"{_KINDS[dtype]}{kind}{name}_")


def _column_major(mats, batch, n, k):
    """Matrices LAPACK wrote column-major (each an (n, k) Fortran array) as one batch with ATen's strides."""
    stacked = np.stack([np.asarray(f).T for f in mats]).reshape(batch + (k, n)) if mats else np.zeros(batch + (k, n))
    return np.swapaxes(stacked, -1, -2)


def _factor_fwd(a, hermitian):
    """(LD, pivots int32, info int32) of each matrix of a, ?sytrf's (or ?hetrf's) own output."""
    n, batch = a.shape[-1], a.shape[:-2]
    if a.size == 0:
        return (np.zeros(a.shape, a.dtype), np.zeros(batch + (n,), np.int32), np.zeros(batch, np.int32))
    fn = _routine(a.dtype, hermitian, "trf")
    uplo, size, lda = ctypes.c_char(b"L"), _int(n), _int(max(1, n))
    lds, pivs, infos = [], [], []
    for f in _each(a):
        piv, info = np.zeros(n, np.int32), _int(0)
        query = np.zeros(1, a.dtype)
        fn(_ref(uplo), _ref(size), _ptr(f), _ref(lda), _ptr(piv), _ptr(query), _ref(_int(-1)), _ref(info))
        work = np.zeros(max(1, int(query[0].real)), a.dtype)
        fn(_ref(uplo), _ref(size), _ptr(f), _ref(lda), _ptr(piv), _ptr(work), _ref(_int(work.size)), _ref(info))
        f[np.triu_indices(n, 1)] = 0
        lds.append(f)
        pivs.append(piv)
        infos.append(info.value)
    ld = _column_major(lds, batch, n, n).astype(a.dtype, copy=False)
    return ld, np.stack(pivs).reshape(batch + (n,)), np.asarray(infos, np.int32).reshape(batch)


@defop("linalg_ldl_factor_ex", "NotImplemented", _factor_fwd, several_outputs=True,
       qualname="torch::autograd::NotImplemented")
def ldl_factor_vjp(xp, grads, saved, consts, needs):
    raise RuntimeError("derivative for aten::linalg_ldl_factor_ex is not implemented")


def _solve_fwd(ld, b, pivots, hermitian):
    """X of LD X = B (pivots from ldl_factor), batches broadcast, through ?sytrs (?hetrs)."""
    n, k = b.shape[-2:]
    batch = np.broadcast_shapes(ld.shape[:-2], b.shape[:-2], pivots.shape[:-1])
    if n == 0 or k == 0 or not math.prod(batch):
        return np.zeros(batch + (n, k), b.dtype)
    fn = _routine(ld.dtype, hermitian, "trs")
    lds = _each(np.broadcast_to(ld, batch + ld.shape[-2:]))
    piv = np.broadcast_to(pivots, batch + pivots.shape[-1:]).reshape(-1, n)
    uplo, size, nrhs, lda = ctypes.c_char(b"L"), _int(n), _int(k), _int(max(1, n))
    xs = []
    for m, p, rhs in zip(lds, piv, _each(np.broadcast_to(b, batch + (n, k)))):
        p = np.ascontiguousarray(p, np.int32)
        info = _int(0)
        fn(_ref(uplo), _ref(size), _ref(nrhs), _ptr(m), _ref(lda), _ptr(p), _ptr(rhs), _ref(lda), _ref(info))
        xs.append(rhs)
    return _column_major(xs, batch, n, k).astype(b.dtype, copy=False)


@defop("linalg_ldl_solve", "NotImplemented", _solve_fwd, qualname="torch::autograd::NotImplemented")
def ldl_solve_vjp(xp, grad, saved, consts, needs):
    raise RuntimeError("derivative for aten::linalg_ldl_solve is not implemented")


def _check_square(A, fn, name="A"):
    shape = A._data.shape
    if len(shape) < 2:
        raise RuntimeError(f"{fn}: The input tensor {name} must have at least 2 dimensions.")
    if shape[-1] != shape[-2]:
        raise RuntimeError(f"{fn}: {name} must be batches of square matrices, but they are {shape[-2]} by "
                           f"{shape[-1]} matrices")


def _check_dtype(A, fn):
    if not (A.dtype.is_floating_point or A.dtype.is_complex):
        raise RuntimeError(f"{fn}: Expected a floating point or complex tensor as input. Got {A.dtype.scalar_name}")
    if A._data.dtype not in _KINDS:
        raise NotImplementedError(f"\"ldl_factor_kernel_cpu\" not implemented for '{A.dtype.scalar_name}'")


def ldl_factor_ex(input, *, hermitian=False, check_errors=False, out=None):
    """(LD, pivots, info): the LDL^T (LDL^H) factorisation of each symmetric (Hermitian) matrix of input."""
    A = input
    _check_square(A, "torch.linalg.ldl_factor_ex")
    _check_dtype(A, "torch.linalg.ldl_factor_ex")
    ld, pivots, info = _record("linalg_ldl_factor_ex", (A,), (0,), (bool(hermitian),))
    if check_errors:
        _check_info(info._data, "torch.linalg.ldl_factor_ex")
    return LdlFactorExResult((ld, pivots, info))


def _check_info(info, api):
    """ATen's _linalg_check_errors for ldl: a negative info is an argument LAPACK refused; a positive one (a zero
    block of D) has no message of its own there, so ATen's internal assert speaks."""
    flat = np.asarray(info).reshape(-1)
    bad = flat[flat != 0]
    if bad.size and bad[0] > 0:
        raise RuntimeError("false INTERNAL ASSERT FAILED at \"/__w/pytorch/pytorch/aten/src/ATen/native/"
                           "BatchLinearAlgebra.cpp\":1642, please report a bug to PyTorch. "
                           f"{api}: Unknown error code: {int(bad[0])}.")


def ldl_factor(input, *, hermitian=False, out=None):
    """(LD, pivots) of ldl_factor_ex, raising where a block of D is zero."""
    ld, pivots, info = ldl_factor_ex(input, hermitian=hermitian)
    _check_info(info._data, "torch.linalg.ldl_factor")
    return LdlFactorResult((ld, pivots))


def ldl_solve(LD, pivots, B, *, hermitian=False, out=None):
    """X with A X = B, A given by ldl_factor's LD and pivots."""
    _check_square(LD, "torch.linalg.ldl_solve", "LD")
    b_shape = B._data.shape
    if len(b_shape) < 2:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-max(1, len(b_shape))}, "
                         f"{max(1, len(b_shape)) - 1}], but got -2)")
    if B.dtype != LD.dtype:
        raise RuntimeError(f"Expected b and A to have the same dtype, but found b of type {B.dtype.scalar_name} "
                           f"and A of type {LD.dtype.scalar_name} instead.")
    n = LD._data.shape[-1]
    if b_shape[-2] != n:
        raise RuntimeError(f"Incompatible matrix sizes for torch.linalg.ldl_solve: each A matrix is {n} by {n} but "
                           f"each b matrix is {b_shape[-2]} by {b_shape[-1]}")
    check_broadcast(LD._data.shape[:-2], b_shape[:-2])
    _check_dtype(LD, "torch.linalg.ldl_solve")
    return apply(OPS["linalg_ldl_solve"], (LD, B), np.asarray(pivots._data), bool(hermitian))


FUNCTIONS = {"ldl_factor": ldl_factor, "ldl_factor_ex": ldl_factor_ex, "ldl_solve": ldl_solve}
