"""torch.linalg's functions (and the torch.det / inverse / svd / cholesky ... aliases PyTorch keeps): argument
checks and messages as PyTorch 2.13 gives them, then the ops of ops_linalg.py (or compositions recorded as PyTorch
records them: matrix_norm's AmaxBackward0 over LinalgVectorNormBackward0, matrix_power's MmBackward0 chain)."""

import contextlib
import math
import warnings

import numpy as np

from . import batching, dtypes, lapack, memory_format as _formats
from .arg_parser import Signature, check_call
from .function_signatures import SIGNATURES
from .autograd import GRAD_MODE
from .argcheck import tp_name, user_level
from .inplace import copy_ as _copy_
from .functions import _OUT_GRAD, _RESIZED, dims_arg, where, write_out
from .ops_linalg import lu_factor, recorded
from .ops_linalg_legacy import partial_cholesky
from .optable import OPS
from .return_types import return_type
from .shaping import amax, amin, norm as _vector_norm, permute, sum as _sum, unsqueeze
from .tensor_base import TensorBase, _dim, apply, check_broadcast, warn_once, wrap
from .linalg import matmul


class _LinAlgError(RuntimeError):
    """torch.linalg.LinAlgError: a singular or not positive-definite matrix (a RuntimeError, as in PyTorch)."""


_LinAlgError.__module__ = "torch._C"
LinAlgError = _LinAlgError


def _result(name, fields):
    return return_type(name, fields)


SvdResult = _result("linalg_svd", ("U", "S", "Vh"))
OldSvdResult = _result("svd", ("U", "S", "V"))
EighResult = _result("linalg_eigh", ("eigenvalues", "eigenvectors"))
QrResult = _result("linalg_qr", ("Q", "R"))
OldQrResult = _result("qr", ("Q", "R"))
SlogdetResult = _result("linalg_slogdet", ("sign", "logabsdet"))
OldSlogdetResult = _result("slogdet", ("sign", "logabsdet"))
LstsqResult = _result("linalg_lstsq", ("solution", "residuals", "rank", "singular_values"))
InvExResult = _result("linalg_inv_ex", ("inverse", "info"))
CholeskyExResult = _result("linalg_cholesky_ex", ("L", "info"))
SolveExResult = _result("linalg_solve_ex", ("result", "info"))


def _wrap(a):
    return wrap(np.asarray(a))


def _check_float(A, fn):
    if not dtypes.is_float_np(A._data.dtype) and A._data.dtype.kind != "c":
        raise RuntimeError(f"{fn}: Expected a floating point or complex tensor as input. Got {A.dtype.scalar_name}")


def _check_matrix(A, fn, square=False, name="A", kernel=None, low_precision=False, any_dtype=False):
    """The shape checks of ATen's linalg functions, then the dtype's: a CPU kernel dispatched on float and double
    only (kernel: NotImplementedError '"linalg_eigh_cpu" not implemented for 'Long''), or the floating check
    (low_precision: float16 / bfloat16 refused by name, as linalg.inv and slogdet do), or none (any_dtype)."""
    if A._data.ndim < 2:
        raise RuntimeError(f"{fn}: The input tensor {name} must have at least 2 dimensions.")
    if square and A._data.shape[-1] != A._data.shape[-2]:
        raise RuntimeError(f"{fn}: A must be batches of square matrices, but they are {A._data.shape[-2]} by "
                           f"{A._data.shape[-1]} matrices")
    if any_dtype:
        return
    if kernel is None:
        _check_float(A, fn)
    if kernel is not None or low_precision:
        _check_float_or_double(A, fn, kernel)


# the kernels (and the low-precision check of linalg.inv, slogdet, logdet) that run on complex matrices here too,
# as ATen dispatches them on float, double, cfloat and cdouble (the others still refuse complex by the kernel's name)
_COMPLEX_KERNELS = (None, "lu_cpu", "linalg_svd_cpu", "linalg_eigh_cpu", "cholesky_cpu", "cholesky_inverse_out_cpu",
                    "cholesky_solve_cpu", "geqrf_cpu")


def _check_float_or_double(A, fn, kernel=None):
    name = A.dtype.scalar_name
    if name in ("Float", "Double") or name in ("ComplexFloat", "ComplexDouble") and kernel in _COMPLEX_KERNELS:
        return
    if kernel is not None:
        raise NotImplementedError(f'"{kernel}" not implemented for \'{name}\'')
    raise RuntimeError(f"{fn}: Low precision dtypes not supported. Got {name}")


def _check_svd_input(A, fn="linalg.svd"):
    """LAPACK's gesdd does not converge on a matrix holding NaN: ATen's error (an infinity gives NaNs, no error)."""
    bad = np.isnan(A._data).any(axis=(-2, -1)).reshape(-1)
    if bad.any():
        raise _LinAlgError(f"{fn}: {_batch_prefix(A, bad)}The algorithm failed to converge because the input matrix "
                           "contained non-finite values.")


def _check_rank_dtype(A):
    """matrix_rank and lstsq (ATen's linalg_lstsq / matrix_rank dtype check) take float, double and their complex
    types only."""
    if A.dtype.scalar_name not in ("Float", "Double", "ComplexFloat", "ComplexDouble"):
        raise RuntimeError("This function doesn't handle types other than float and double")


def _batch_prefix(A, info):
    """'(Batch element i): ' for the first failing matrix of a batch, as ATen's messages start."""
    if A._data.ndim <= 2:
        return ""
    first = int(np.flatnonzero(np.asarray(info).reshape(-1))[0])
    return f"(Batch element {first}): "


# ---------------------------------------------------------------- inverse, det, solve


def inv(A, *, out=None):
    return _inverse(A, "linalg.inv")


def _inverse(A, name):
    """linalg.inv's result, or its error for a singular matrix under name (linalg.inv_ex(check_errors=True)'s)."""
    batching.check_matrix(A, "linalg.inv_ex", "A")
    _check_matrix(A, "linalg.inv", square=True, low_precision=True)
    _, _, info = lu_factor(A._data)
    if info.any():
        k = int(np.asarray(info).reshape(-1)[np.flatnonzero(np.asarray(info).reshape(-1))[0]])
        raise _LinAlgError(f"{name}: {_batch_prefix(A, info)}The diagonal element {k} is zero, the inversion "
                           "could not be completed because the input matrix is singular.")
    return apply(OPS["linalg_inv_ex"], (A,))


def inv_ex(A, *, check_errors=False, out=None):
    batching.check_matrix(A, "linalg.inv_ex", "A")
    _check_matrix(A, "linalg.inv", square=True)   # (ATen's linalg_inv_ex checks under linalg.inv's name)
    _, _, info = lu_factor(A._data)
    if info.any():
        if check_errors:
            return _inverse(A, "linalg.inv_ex")
    return InvExResult((apply(OPS["linalg_inv_ex"], (A,)), _wrap(info.astype(np.int32))))


def inverse(input, *, out=None):
    return inv(input)


def det(A, *, out=None):
    _check_matrix(A, "linalg.det", square=True)
    _check_float_or_double(A, "linalg.det", "lu_cpu")
    return apply(OPS["linalg_det"], (A,))


def slogdet(A, *, out=None):
    _check_matrix(A, "linalg.slogdet", square=True, low_precision=True)
    return SlogdetResult(recorded(_XP, "linalg_slogdet", (A,), ()))


def torch_slogdet(input):
    return OldSlogdetResult(slogdet(input))


def logdet(input):
    _check_matrix(input, "logdet", square=True, low_precision=True)
    sign, logabs = slogdet(input)
    return where(sign == -1.0, float("nan"), logabs)


def _is_vector_rhs(A, B):
    return B._data.ndim == 1 or (B._data.ndim == A._data.ndim - 1 and B._data.shape == A._data.shape[:-1])


def _solve(A, B, left, raised_by):
    """linalg.solve's X, or, for a singular A, ATen's error naming raised_by (None: no error, the X that LAPACK's
    getrs computes from the singular LU, with its infinities and NaNs, as linalg.solve_ex returns it)."""
    _check_matrix(A, "linalg.solve", square=True)
    _check_float_or_double(A, "linalg.solve", "lu_cpu")
    if A._data.dtype != B._data.dtype:
        raise RuntimeError(f"linalg.solve: Expected A and B to have the same dtype, but found A of type "
                           f"{A.dtype.scalar_name} and B of type {B.dtype.scalar_name} instead")
    vector = _is_vector_rhs(A, B)
    bm = B._data[..., None] if vector else B._data
    n = A._data.shape[-1]
    if bm.ndim < 2 or bm.shape[-2 if left else -1] != n:
        raise RuntimeError(f"linalg.solve: Incompatible shapes of A and B for the equation "
                           f"{'AX = B' if left else 'XA = B'} ({A._data.shape[-2]}x{n} and {bm.shape[-2]}x{bm.shape[-1]})")
    check_broadcast(bm.shape[:-2], A._data.shape[:-2])   # (ATen names B's batch "a", either side)
    _, _, info = lu_factor(A._data)
    if info.any() and raised_by is not None:
        raise _LinAlgError(f"{raised_by}: {_batch_prefix(A, info)}The solver failed because the input "
                           "matrix is singular.")
    if not left:
        return apply(OPS["linalg_solve_ex"], (A, B), False, False), info
    return apply(OPS["linalg_solve_ex"], (A, B), vector), info


def solve(A, B, *, left=True, out=None):
    return _solve(A, B, left, "torch.linalg.solve")[0]


def solve_ex(A, B, *, left=True, check_errors=False, out=None):
    x, info = _solve(A, B, left, "torch.linalg.solve_ex" if check_errors else None)
    return SolveExResult((x, _wrap(np.asarray(info, np.int32))))


# ---------------------------------------------------------------- cholesky, qr, eigh, svd


def _cholesky_info(a, upper=False):
    """The order of the first leading minor that is not positive-definite, per matrix (0: none): LAPACK's potrf
    info (MKL's, lapack.potrf, where it runs), which also stops at a NaN pivot (numpy's cholesky goes on through
    NaN and returns NaNs)."""
    got = lapack.potrf(a, upper)
    if got is not None:
        return got[1]
    if upper:
        a = np.swapaxes(a, -1, -2)
    n = a.shape[-1]
    flat = a.reshape(int(np.prod(a.shape[:-2], dtype=np.int64)), n, n)
    info = np.zeros(flat.shape[0], np.int32)
    for i, m in enumerate(flat):
        try:
            info[i] = _first_nan_pivot(np.linalg.cholesky(m))
            continue
        except np.linalg.LinAlgError:
            pass
        for k in range(1, n + 1):
            try:
                if np.isnan(np.linalg.cholesky(m[:k, :k])[k - 1, k - 1]):
                    info[i] = k
                    break
            except np.linalg.LinAlgError:
                info[i] = k
                break
    return info.reshape(a.shape[:-2])


def _first_nan_pivot(factor):
    """1 + the index of the first NaN on a factor's diagonal (a NaN reaches the diagonal of its row), 0 if none."""
    bad = np.flatnonzero(np.isnan(np.diagonal(factor)))
    return bad[0] + 1 if bad.size else 0


def _cholesky(A, upper, fn, op, raised_by=None):
    """The factor, or ATen's error naming raised_by (linalg.cholesky_ex(check_errors=True)'s own name, while its
    argument checks are linalg.cholesky's)."""
    _check_matrix(A, fn, square=True)
    _check_float_or_double(A, fn, "cholesky_cpu")
    info = _cholesky_info(A._data, upper)
    if info.any():
        k = int(np.asarray(info).reshape(-1)[np.flatnonzero(np.asarray(info).reshape(-1))[0]])
        raise _LinAlgError(f"{raised_by or fn}: {_batch_prefix(A, info)}The factorization could not be completed "
                           f"because the input is not positive-definite (the leading minor of order {k} is not "
                           "positive-definite).")
    return apply(OPS[op], (A,), bool(upper))


def cholesky(input, *, upper=False, out=None):   # (PyTorch names this one's argument input, not A)
    return _cholesky(input, upper, "linalg.cholesky", "linalg_cholesky_ex")


def cholesky_ex(A, *, upper=False, check_errors=False, out=None):
    _check_matrix(A, "linalg.cholesky", square=True)
    _check_float_or_double(A, "linalg.cholesky", "cholesky_cpu")
    got = lapack.potrf(A._data, upper)   # (one factorization gives the info and, where it fails, the factor)
    info = got[1] if got is not None else _cholesky_info(A._data, upper)
    if info.any() and not check_errors:   # LAPACK's partial factorization, as PyTorch returns it
        return CholeskyExResult((wrap(got[0] if got is not None else partial_cholesky(A._data, upper)),
                                 _wrap(info)))
    return CholeskyExResult((_cholesky(A, upper, "linalg.cholesky", "linalg_cholesky_ex", "linalg.cholesky_ex"),
                            _wrap(info)))


_CHOLESKY_DEPRECATED = (
    "torch.cholesky is deprecated in favor of torch.linalg.cholesky and will be removed in a future PyTorch "
    "release.\nL = torch.cholesky(A)\nshould be replaced with\nL = torch.linalg.cholesky(A)\nand\nU = "
    "torch.cholesky(A, upper=True)\nshould be replaced with\nU = torch.linalg.cholesky(A).mH\nThis transform "
    "will produce equivalent results for all valid (symmetric positive definite) inputs. (Triggered internally "
    "at /__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:{}.)")


def torch_cholesky(input, upper=False, *, out=None):
    if out is not None:   # (ATen's cholesky_out warns on its own line, then calls cholesky, which warns too)
        warn_once(_CHOLESKY_DEPRECATED.format(1800), stacklevel=user_level())
    warn_once(_CHOLESKY_DEPRECATED.format(1765), stacklevel=user_level())
    result = _cholesky(input, upper, "cholesky", "cholesky")
    return result if out is None else write_out(result, out, "cholesky")


def qr(A, mode="reduced", *, out=None):
    if mode not in ("reduced", "r", "complete"):
        raise RuntimeError(f"qr received unrecognized mode '{mode}' but expected one of 'reduced' (default), 'r', "
                           "or 'complete'")
    _check_matrix(A, "linalg.qr")
    _check_float_or_double(A, "linalg.qr", "geqrf_cpu")
    return QrResult(recorded(_XP, "linalg_qr", (A,), (mode,)))


def torch_qr(input, some=True, *, out=None):
    warn_once(
        "torch.qr is deprecated in favor of torch.linalg.qr and will be removed in a future PyTorch release.\nThe "
        "boolean parameter 'some' has been replaced with a string parameter 'mode'.\nQ, R = torch.qr(A, some)\n"
        "should be replaced with\nQ, R = torch.linalg.qr(A, 'reduced' if some else 'complete') (Triggered "
        "internally at /__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:2505.)",
        stacklevel=user_level())
    return OldQrResult(qr(input, "reduced" if some else "complete"))


def eigh(A, UPLO="L", *, out=None):
    if UPLO not in ("L", "U"):
        raise RuntimeError(f"Expected UPLO argument to be 'L' or 'U', but got {UPLO}")
    _check_matrix(A, "linalg.eigh", square=True, kernel="linalg_eigh_cpu")
    with _eigh_errors(A):
        return EighResult(recorded(_XP, "linalg_eigh", (A,), (UPLO,)))


def eigvalsh(A, UPLO="L", *, out=None):
    if UPLO not in ("L", "U"):
        raise RuntimeError(f"Expected UPLO argument to be 'L' or 'U', but got {UPLO}")
    _check_matrix(A, "linalg.eigh", square=True, kernel="linalg_eigh_cpu")
    if _tracks(A):
        return eigh(A, UPLO).eigenvalues
    with _eigh_errors(A):
        return _wrap(lapack.eigvalsh(A._data, UPLO).astype(dtypes.real_np(A._data.dtype)))


@contextlib.contextmanager
def _eigh_errors(A):
    """?syevd / ?heevd not converging (on a matrix holding NaN) is ATen's LinAlgError with LAPACK's info."""
    try:
        yield
    except lapack.NotConverged as e:
        where = f"(Batch element {e.index}): " if A._data.ndim > 2 else ""
        raise _LinAlgError(f"linalg.eigh: {where}The algorithm failed to converge because the input matrix is "
                           "ill-conditioned or has too many repeated eigenvalues (error code: "
                           f"{e.info}).") from None


def _tracks(*ts):
    return GRAD_MODE.enabled and any(t._rg for t in ts)


def _check_driver(A, driver):
    """driver= chooses a cuSOLVER routine: on CPU tensors any driver is refused (after the matrix checks)."""
    _check_matrix(A, "linalg.svd")
    _check_float_or_double(A, "linalg.svd", "linalg_svd_cpu")
    if driver is not None:
        raise RuntimeError("torch.linalg.svd: keyword argument `driver=` is only supported on CUDA inputs with "
                           "cuSOLVER backend.")


def _driver_type(driver, name):
    if driver is not None and not isinstance(driver, str):   # (PyTorch's parser, before anything runs)
        raise TypeError(f"{name}(): argument 'driver' must be str, not {tp_name(driver)}")


def svd(A, full_matrices=True, *, driver=None, out=None):
    _driver_type(driver, "linalg_svd")
    _check_driver(A, driver)
    _check_svd_input(A)
    return SvdResult(recorded(_XP, "linalg_svd", (A,), (bool(full_matrices),)))


def svdvals(A, *, driver=None, out=None):
    _driver_type(driver, "linalg_svdvals")
    _check_driver(A, driver)
    _check_svd_input(A)
    if _tracks(A):
        return svd(A, full_matrices=False).S
    return _wrap(lapack.svdvals(A._data).astype(dtypes.real_np(A._data.dtype)))


def torch_svd(input, some=True, compute_uv=True, *, out=None):
    if isinstance(input, TensorBase) and input._data.ndim < 2:   # (torch.svd's own check, before linalg.svd's)
        raise RuntimeError(f"linalg.svd: input should have at least 2 dimensions, but has {input._data.ndim} "
                           "dimensions instead")
    _check_matrix(input, "linalg.svd")
    if not compute_uv:
        s = svdvals(input)
        m, n = input._data.shape[-2:]
        z = input._data.dtype
        batch = input._data.shape[:-2]
        return OldSvdResult((_wrap(np.zeros(batch + (m, m), z)), s, _wrap(np.zeros(batch + (n, n), z))))
    u, s, vh = svd(input, full_matrices=not some)
    return OldSvdResult((u, s, vh.mT))


# ---------------------------------------------------------------- pinv, lstsq, matrix_rank


def _pinv_check(A, hermitian):
    batching.check_matrix(A, "linalg.pinv", "input")
    if A._data.ndim < 2 or A.dtype.scalar_name not in ("Float", "Double", "ComplexFloat", "ComplexDouble"):
        kind = A.dtype.scalar_name
        raise RuntimeError(f"linalg.pinv({kind}{{[{', '.join(map(str, A._data.shape))}]}}): expected a tensor with "
                           "2 or more dimensions of float, double, cfloat or cdouble types")


def pinv(A, rcond=None, hermitian=False, *, atol=None, rtol=None, out=None):
    """linalg.pinv; rcond (PyTorch's older name of rtol) positional or by keyword; a tolerance tensor of several
    elements broadcasts with A's batch."""
    _pinv_check(A, hermitian)
    if hermitian:   # PyTorch runs linalg.eigh, with its error for a matrix that is not square
        _check_matrix(A, "linalg.eigh", square=True)
    else:
        _check_svd_input(A)
    if rcond is not None:
        rtol = rcond
    return apply(OPS["linalg_pinv"], (A,), _tolerance(atol, "atol"), _tolerance(rtol, "rtol"), bool(hermitian))


def _tolerance(t, name, fn="pinv"):
    """A pinv / matrix_rank tolerance as the kernel reads it: None, a float, or (a tensor of several elements) a
    float64 array of shape (*t.shape, 1)."""
    if not isinstance(t, TensorBase):
        return _num(t)
    if t.is_complex():
        raise RuntimeError(f"torch.linalg.{fn}: {name} tensor of complex type is not supported. Got "
                           f"{t.dtype.scalar_name}")
    if t._data.ndim == 0:
        return float(t._data)
    return np.asarray(t._data, np.float64)[..., None]


def pinverse(input, rcond=1e-15):
    return pinv(input, rtol=rcond)


def _num(x):
    return None if x is None else float(x.item() if hasattr(x, "item") else x)


_DRIVERS = ("gels", "gelsy", "gelsd", "gelss")


def lstsq(A, B, rcond=None, *, driver=None):
    if A._data.ndim < 2:
        raise RuntimeError("torch.linalg.lstsq: input must have at least 2 dimensions.")
    if B._data.ndim < 1:
        raise RuntimeError("torch.linalg.lstsq: other must have at least 1 dimension.")
    if A._data.dtype != B._data.dtype:
        raise RuntimeError(f"torch.linalg.lstsq: Expected input and other to have the same dtype, but got "
                           f"input's dtype {A.dtype.scalar_name} and other's dtype {B.dtype.scalar_name}")
    dim_diff = A._data.ndim - B._data.ndim
    if not 0 <= dim_diff <= 1:
        raise RuntimeError("torch.linalg.lstsq: input.dim() must be greater or equal to other.dim() and "
                           "(input.dim() - other.dim()) <= 1")
    # a vector right-hand side (or a batch of them) as linalg.solve tells one: other's shape is input's without
    # its last dim
    vector = B._data.ndim == 1 or (dim_diff == 1 and B._data.shape == A._data.shape[:-1])
    bm = B._data[..., None] if vector else B._data
    if bm.shape[-2] != A._data.shape[-2]:
        raise RuntimeError("torch.linalg.lstsq: input.size(-2) should match other.size(-1)" if vector else
                           "torch.linalg.lstsq: input.size(-2) should match other.size(-2)")
    if driver is not None:   # (ATen lower-cases the name first, ASCII letters only: "GELSD" is gelsd)
        driver = "".join(c.lower() if c.isascii() else c for c in driver)
    if driver is not None and driver not in _DRIVERS:
        raise RuntimeError("torch.linalg.lstsq: parameter `driver` should be one of (gels, gelsy, gelsd, gelss)")
    _check_rank_dtype(A)
    # the batch: input's with other's dims but its last (vector or not) when other has one dim fewer
    b_batch = B._data.shape[:-1] if dim_diff else B._data.shape[:-2]
    check_broadcast(A._data.shape[:-2], b_batch)
    if dim_diff and not vector:   # (a matrix other shared by a batch its leading dims make)
        B = B.expand(*np.broadcast_shapes(A._data.shape[:-2], b_batch), *B._data.shape)
        bm = B._data
    driver = driver or "gelsy"
    m, n = A._data.shape[-2:]
    a = A._data
    _check_nan_arguments(a, bm, driver)
    rcond = None if rcond is None else float(rcond)
    try:
        got = lapack.gels(a, bm, driver, rcond)   # PyTorch's LAPACK driver, or None: the SVD below
    except lapack.NotFullRank as e:
        where = f"(Batch element {e.index}): " if e.batch_dims else ""
        raise _LinAlgError(f"torch.linalg.lstsq: {where}The least squares solution could not be computed because "
                           f"the input matrix does not have full rank (error code: {e.info}).") from None
    if got is not None:   # (per matrix of input: ATen writes them at input's batch index)
        s, rank = _per_input_matrix(got[2], a.shape[:-2], 1), _per_input_matrix(got[1], a.shape[:-2], 0)
    else:
        s = lapack.svdvals(a) if a.size else np.zeros(a.shape[:-2] + (0,), dtypes.real_np(a.dtype))
        tol = (rcond if rcond is not None and rcond > 0 else np.finfo(a.dtype).eps * max(m, n))
        rank = (s > tol * (s.max(-1, keepdims=True) if s.shape[-1] else s)).sum(-1).astype(np.int64)
    residuals = driver != "gelsy" and m > n and (driver == "gels" or bool((rank == n).all()))
    x, res = recorded(_XP, "linalg_lstsq", (A, B), (vector, residuals, driver, rcond), (0, 1))
    if driver == "gels":
        rank_t = _wrap(np.zeros((0,), np.int64))
    else:
        rank_t = _wrap(rank)
    sv = _wrap(s.astype(dtypes.real_np(a.dtype))) if driver in ("gelsd", "gelss") else _wrap(np.zeros((0,), dtypes.real_np(a.dtype)))
    return LstsqResult((x, res, rank_t, sv))


def _check_nan_arguments(a, b, driver):
    """MKL's LAPACK refuses a matrix holding a NaN as an illegal argument (info -4 for a, -6 for b; -5 and -7 for
    ?gels, whose first argument is trans), and ATen reports the first nonzero info as an internal assert. ATen
    keeps one info per matrix of input, which every right-hand side of a broadcast batch overwrites in turn (a
    NaN in an earlier one is forgotten), and names the batch element only when input has several."""
    if not (np.isnan(a).any() or np.isnan(b).any()):
        return
    arg_a = 5 if driver == "gels" else 4
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    a_bad = np.broadcast_to(np.isnan(a).any((-2, -1)), batch)
    b_bad = np.broadcast_to(np.isnan(b).any((-2, -1)), batch)
    infos = np.zeros(max(1, math.prod(a.shape[:-2])), np.int64)
    slot = np.broadcast_to(np.arange(infos.size).reshape(a.shape[:-2]), batch)   # input's matrix of each
    for index in np.ndindex(*batch):
        infos[slot[index]] = -arg_a if a_bad[index] else (-arg_a - 2 if b_bad[index] else 0)
    bad = np.flatnonzero(infos)
    if bad.size:
        where = f"(Batch element {bad[0]}): " if infos.size > 1 else ""
        raise RuntimeError('false INTERNAL ASSERT FAILED at "/__w/pytorch/pytorch/aten/src/ATen/native/'
                           'BatchLinearAlgebra.cpp":1613, please report a bug to PyTorch. torch.linalg.lstsq: '
                           f"{where}Argument {-infos[bad[0]]} has illegal value. Most certainly there is a bug in "
                           "the implementation calling the backend library.")


def _per_input_matrix(values, batch, trailing):
    """values over the broadcast batch (and `trailing` dims) at input's batch: the last of those each matrix of
    input gave (the same numbers each time)."""
    lead = values.ndim - trailing - len(batch)
    if lead:
        values = values[(-1,) * lead]
    for i, size in enumerate(batch):
        if size == 1 and values.shape[i] != 1:
            values = values[(slice(None),) * i + (slice(-1, None),)]
    return values


def matrix_rank(A, tol=None, hermitian=False, *, atol=None, rtol=None, out=None):
    """linalg.matrix_rank; tol (atol with rtol 0) positional or by keyword; a tolerance tensor of several elements
    broadcasts with A's batch (ATen then resizes its result, with the warning of a resized output)."""
    if A._data.ndim < 2:
        raise RuntimeError("torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions.")
    _check_rank_dtype(A)
    if tol is not None:
        atol, rtol = tol, 0.0
    if hermitian:
        _check_matrix(A, "linalg.eigh", square=True)
    else:
        _check_svd_input(A)
    a = A._data
    m, n = a.shape[-2:]
    s = np.abs(lapack.eigvalsh(a)) if hermitian else lapack.svdvals(a)
    atol = _tolerance(atol, "atol", "matrix_rank")
    rtol = _tolerance(rtol, "rtol", "matrix_rank")
    atol = 0.0 if atol is None else atol
    if rtol is None:   # (ATen: 0 where atol is positive, else eps * max(m, n); elementwise)
        rtol = np.where(np.greater(atol, 0), 0.0, np.finfo(a.dtype).eps * max(m, n))
    big = s.max(-1, keepdims=True) if s.shape[-1] else s
    ranks = (s > np.maximum(atol, rtol * big)).sum(-1).astype(np.int64)
    batch = a.shape[:-2]
    if ranks.shape != batch and math.prod(batch):
        warnings.warn(_RESIZED.format(", ".join(map(str, batch)), ", ".join(map(str, ranks.shape))), UserWarning,
                      stacklevel=user_level())
    return _wrap(ranks)


def solve_triangular(A, B, *, upper, left=True, unitriangular=False, out=None):
    for t, name in ((A, "A"), (B, "B")):
        if t._data.ndim < 2:
            raise RuntimeError(f"linalg.solve_triangular: The input tensor {name} must have at least 2 dimensions.")
    _check_matrix(A, "linalg.solve_triangular", square=True, any_dtype=True)
    if A._data.dtype.kind != "c":
        _check_float_or_double(A, "linalg.solve_triangular", "triangular_solve_cpu")
    n, k = A._data.shape[-1], B._data.shape[-2 if left else -1]
    if n != k:
        raise RuntimeError(f"linalg.solve_triangular: Incompatible shapes of A and B for the equation "
                           f"{'AX = B' if left else 'XA = B'} ({A._data.shape[-2]}x{n} and "
                           f"{B._data.shape[-2]}x{B._data.shape[-1]})")
    check_broadcast(A._data.shape[:-2], B._data.shape[:-2])
    if B._data.dtype != A._data.dtype:   # (ATen solves in A's dtype: B is copied into a result of that dtype)
        B = B.to(A.dtype)
    return apply(OPS["linalg_solve_triangular"], (A, B), bool(upper), bool(left), bool(unitriangular))


def cholesky_inverse(L, upper=False, *, out=None):
    _check_matrix(L, "cholesky_inverse", square=True, kernel="cholesky_inverse_out_cpu")
    zero = ~np.diagonal(L._data, 0, -2, -1).all(axis=-1) if L._data.size else np.zeros(L._data.shape[:-2], bool)
    if zero.any():
        j = int(np.flatnonzero(np.diagonal(L._data, 0, -2, -1).reshape(-1, L._data.shape[-1])[
            np.flatnonzero(zero.reshape(-1))[0]] == 0)[0])
        raise _LinAlgError(f"cholesky_inverse: {_batch_prefix(L, zero)}The diagonal element {j + 1} is zero, the "
                           "inversion could not be completed because the input matrix is singular.")
    return apply(OPS["cholesky_inverse"], (L,), bool(upper))


# ---------------------------------------------------------------- cross, matrix_power


def cross(input, other, *, dim=-1, out=None):
    if out is not None:   # (the parser's refusal, then autograd's, before the kernel's checks)
        if not isinstance(out, TensorBase):
            raise TypeError(f"linalg_cross(): argument 'out' must be Tensor, not {tp_name(out)}")
        if GRAD_MODE.enabled and (input._rg or other._rg):
            raise RuntimeError(_OUT_GRAD.format("linalg_cross"))
    if input._data.ndim != other._data.ndim:
        raise RuntimeError("linalg.cross: inputs must have the same number of dimensions.")
    nd = input._data.ndim
    d = _dim(dim, nd)
    sa, sb = input._data.shape[d], other._data.shape[d]
    if sa != 3 or sb != 3:   # (ATen's meta function: the lengths along dim before the batch dims broadcast)
        raise RuntimeError(f"linalg.cross: inputs dimension {dim} must have length 3. Got {sa} and {sb}")
    check_broadcast(input._data.shape, other._data.shape)
    if out is not None and out._data.dtype != input._data.dtype:   # (the meta function: out takes input's dtype)
        raise RuntimeError(f"Expected out tensor to have dtype {dtypes.c_name(input._data.dtype)}, but got "
                           f"{dtypes.c_name(out._data.dtype)} instead")
    if input._data.dtype == np.bool_:   # (the kernel dispatches on input's dtype, then reads other as that type)
        raise NotImplementedError('"cross" not implemented for \'Bool\'')
    if input._data.dtype != other._data.dtype:
        raise RuntimeError(f"expected scalar type {input.dtype.scalar_name} but found {other.dtype.scalar_name}")
    result = apply(OPS["linalg_cross"], (input, other), d - nd)
    return result if out is None else write_out(result, out, "linalg_cross")


def torch_cross(input, other, dim=None, *, out=None):
    if dim is None:
        if out is None:   # (ATen's cross warns; its out= form, cross_out, takes the same default silently)
            warn_once("Using torch.cross without specifying the dim arg is deprecated.\nPlease either pass the dim "
                      "explicitly or simply use torch.linalg.cross.\nThe default value of dim will change to agree "
                      "with that of linalg.cross in a future release. (Triggered internally at "
                      "/__w/pytorch/pytorch/aten/src/ATen/native/Cross.cpp:63.)", stacklevel=3)
        # (ATen's _default_cross_dim: the first dim of size 3 of input's own shape, not of the broadcast one)
        dim = next((i for i, n in enumerate(input._data.shape) if n == 3), None)
        if dim is None:
            raise RuntimeError("no dimension of size 3 in input")
    return cross(input, other, dim=dim, out=out)


_MATRIX_POWER = [Signature(t) for t in SIGNATURES["matrix_power"]]


def matrix_power(A, n, *, out=None):
    return checked_matrix_power(A, n, out, "matrix_power")


def checked_matrix_power(A, n, out, name):
    """A ** n (torch.matrix_power, Tensor.matrix_power, torch.linalg.matrix_power: name), with the parser's
    TypeError for a float or bool n (a numpy integer passes)."""
    if n.__class__ is not int:
        check_call(name, _MATRIX_POWER, (A, n), {} if out is None else {"out": out})
    # any dtype: integer powers are products (a bool matrix meets mm's refusal), a negative one inverts first
    _check_matrix(A, "linalg.matrix_power", square=True, any_dtype=True)
    # (ATen's order: the identity copied over a contiguous clone of A for 0, A's inverse itself for -1, a
    # contiguous clone for 1, so that grad_fn, next_functions, _version and strides are PyTorch's)
    if n == 0:
        eye = wrap(np.eye(A._data.shape[-1], dtype=A._data.dtype))
        return _copy_(A.clone(memory_format=_formats.contiguous_format), eye)
    if n == -1:
        return inv(A)
    a = A
    if n < 0:
        a = inv(A)
        n = -n
    if n == 1:
        return a.clone(memory_format=_formats.contiguous_format)
    if n == 2:
        return matmul(a, a)
    if n == 3:
        return matmul(matmul(a, a), a)
    z = result = None
    while n > 0:
        bit, n = n % 2, n // 2
        z = a if z is None else matmul(z, z)
        if bit:
            result = z if result is None else matmul(result, z)
    return result


# ---------------------------------------------------------------- norms


_NORM_SIGNATURES = {name: [Signature(t) for t in SIGNATURES[name]]
                    for name in ("linalg_vector_norm", "linalg_matrix_norm")}


def _parse_norm(name, args, dtype, out):
    """PyTorch's parser in front of linalg.vector_norm / matrix_norm (args: input, ord, dim, keepdim): only a call
    with other classes than an int or a tuple or list of ints for dim, a bool keepdim, a number ord (or a string for
    matrix_norm) pays the parse and its TypeError (``argument 'dim' (position 3) must be tuple of ints, not
    float``)."""
    ord, dim, keepdim = args[1:]
    vector = name == "linalg_vector_norm"   # (its dim an int[1]? that takes one int; matrix_norm's an int[])
    if (ord.__class__ in (int, float) or ord.__class__ is str and not vector) and keepdim.__class__ is bool and (
            dim is None and vector or dim.__class__ is int and vector or dim.__class__ in (tuple, list) and
            all(d.__class__ is int for d in dim)):
        return
    kwargs = {"dtype": dtype} if out is None else {"dtype": dtype, "out": out}
    check_call(name, _NORM_SIGNATURES[name], args, kwargs)


def _check_norm_dtype(dtype, given, name):
    """ATen's check_linalg_norm_dtype: dtype= floating or complex, complex exactly for a complex input, and no
    narrower than the input's."""
    if dtype is None:
        return
    if not (dtype.is_floating_point or dtype.is_complex):
        raise RuntimeError(f"{name}: dtype should be floating point or complex, but got {dtype.scalar_name}")
    if given.is_complex != dtype.is_complex:
        kind = "complex" if given.is_complex else "real"
        raise RuntimeError(f"{name}: dtype should be {kind} for {kind} inputs, but got {dtype.scalar_name}")
    if dtypes.promote_pair(given, dtype) is not dtype:
        raise RuntimeError(f"{name}: the dtype of the input ({given.scalar_name}) should be convertible without "
                           f"narrowing to the specified dtype ({dtype.scalar_name})")


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):
    _parse_norm("linalg_vector_norm", (x, ord, dim, keepdim), dtype, out)
    _check_float(x, "linalg.vector_norm")
    p = float(ord)
    dims = dims_arg(dim, x._data.ndim)
    if (p < 0 or p == float("inf")) and x._data.size == 0:
        shown = f"{p:g}"   # (ATen prints the order as C++ streams a double: -1, -0.5, -1.23457e+08, inf)
        if not dims:   # (dim=None or (): the whole tensor)
            raise RuntimeError(f"linalg.vector_norm cannot compute the {shown} norm on an empty tensor because "
                               "the operation does not have an identity")
        for d in dims:   # (ATen's message runs the dim into "because")
            if x._data.shape[d] == 0:
                raise RuntimeError(f"linalg.vector_norm cannot compute the {shown} norm on the dimension {d}because "
                                   "this dimension is empty and the operation does not have an identity")
    _check_norm_dtype(dtype, x.dtype, "linalg.vector_norm")
    if x._data.dtype.kind == "c":   # the norm of the magnitudes (a real tensor), as ATen's kernel takes it
        x = x.abs() if dtype is None else x.to(dtype).abs()
        dtype = None
    if dtype is not None:
        x = x.to(dtype)
    return apply(OPS["norm"], (x,), p, dims, keepdim)


def tensor_norm(input, p="fro", dim=None, keepdim=False, dtype=None):
    """torch.norm and Tensor.norm as PyTorch's Python function: a vector norm for a number p (and "fro" over at
    most two dims), matrix_norm for the other orders named by a string ("nuc"), over every dim when none is
    given; the arguments as that function hands them on (a float dim meets its ``len(dim)``, the rest the parser
    of linalg.vector_norm or matrix_norm)."""
    dims = [dim] if isinstance(dim, int) else dim
    if input._coo is not None:   # (a sparse COO tensor goes to ATen's norm_sparse: a full reduction to a 0-d)
        if dims and len({d % max(input._data.ndim, 1) for d in dims}) < input._data.ndim:
            raise RuntimeError("norm_sparse currently only supports full reductions, so 'dim' must either be empty "
                               "or contain all dimensions of the input")
        if keepdim:
            raise RuntimeError("norm_sparse currently does not support keepdim=True")
    matrix = p.__class__ is str and not (p == "fro" and (dim is None or isinstance(dim, int) or len(dim) <= 2))
    if matrix:
        dims = list(range(input._data.ndim)) if dims is None else dims
        _parse_norm("linalg_matrix_norm", (input, p, dims, keepdim), dtype, None)
    else:
        _parse_norm("linalg_vector_norm", (input, 2 if p in ("fro", None) else p, dims, keepdim), dtype, None)
    if input._data.dtype.kind == "c":   # (the norm of the magnitudes, as linalg.vector_norm takes it; PyTorch's node
        # is the norm's own, here a LinalgVectorNormBackward0 over an AbsBackward0)
        if input._rg and matrix:
            raise NotImplementedError("autograd_magic implements a subset of PyTorch: the matrix norm of a complex "
                                      "tensor that requires grad is not part of it (take input.abs() first)")
        input = input.abs()
    if matrix:
        return matrix_norm(input, p, dims, keepdim, dtype=dtype)
    _check_float(input, "linalg.vector_norm")   # (PyTorch's torch.norm calls linalg.vector_norm for these)
    _check_norm_dtype(dtype, input.dtype, "linalg.vector_norm")
    return _vector_norm(input, p, dim, keepdim, dtype)


tensor_norm.__name__ = tensor_norm.__qualname__ = "norm"


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None, out=None):
    _parse_norm("linalg_matrix_norm", (A, ord, dim, keepdim), dtype, out)
    if not (ord in ("fro", "nuc") if isinstance(ord, str) else abs(float(ord)) in (1, 2, float("inf"))):
        shown = ord if isinstance(ord, str) else (int(ord) if float(ord).is_integer() else ord)
        raise RuntimeError(f"linalg.matrix_norm: Order {shown} not supported.")   # (ATen checks it first)
    if A._data.ndim < 2:
        raise RuntimeError("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
    _check_float(A, "linalg.matrix_norm")
    given = A.dtype
    if dtype is not None and (dtype.is_floating_point or dtype.is_complex):
        A = A.to(dtype)   # (checked with the dims below, as ATen orders its checks)
    dims = [dim] if isinstance(dim, int) else list(dim)
    if len(dims) != 2:
        raise RuntimeError(f"linalg.matrix_norm: dim must be a 2-tuple. Got {' '.join(map(str, dims))}")
    d0, d1 = (_dim(d, A._data.ndim) for d in dims)
    if d0 == d1:
        raise RuntimeError(f"linalg.matrix_norm: dims must be different. Got ({d0}, {d1})")
    _check_norm_dtype(dtype, given, "linalg.matrix_norm")
    if ord == "fro":
        return vector_norm(A, 2, (d0, d1), keepdim)
    if ord == "nuc" or ord in (2, -2, 2.0, -2.0):
        _check_float_or_double(A, "linalg.matrix_norm")
        # as ATen: the two dims moved last (always a PermuteBackward0), and moved back under keepdim
        perm = [i for i in range(A._data.ndim) if i not in (d0, d1)] + [d0, d1]
        s = svdvals(permute(A, perm))
        out = _sum(s, -1, keepdim) if ord == "nuc" else amax(s, -1, keepdim) if ord > 0 else amin(s, -1, keepdim)
        if keepdim:
            out = permute(unsqueeze(out, -1), [perm.index(i) for i in range(len(perm))])
        return out
    if ord in (1, -1, float("inf"), float("-inf")):
        if abs(ord) == float("inf"):
            d0, d1 = d1, d0
        if not keepdim and d0 < d1:
            d1 -= 1
        inner = vector_norm(A, 1, d0, keepdim)
        return amax(inner, d1, keepdim) if ord > 0 else amin(inner, d1, keepdim)
    shown = ord if isinstance(ord, str) else (int(ord) if float(ord).is_integer() else ord)
    raise RuntimeError(f"linalg.matrix_norm: Order {shown} not supported.")


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None, out=None):
    if dim is not None:
        dims = [dim] if isinstance(dim, int) else list(dim)
        if len(dims) not in (1, 2):
            raise RuntimeError(f"linalg.norm: If dim is specified, it must be of length 1 or 2. Got {dims}")
    elif ord is not None and A._data.ndim not in (1, 2):
        raise RuntimeError(f"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got "
                           f"{A._data.ndim}D.")
    if ord is not None and (isinstance(ord, str) or (dim is not None and len(dims) == 2)
                            or (dim is None and A._data.ndim == 2)):
        return matrix_norm(A, ord, tuple(dims) if dim is not None else (-2, -1), keepdim, dtype=dtype)
    return vector_norm(A, 2 if ord is None else ord, dim, keepdim, dtype=dtype)


class _XP:
    """What recorded() needs from an array namespace to make the public functions' outputs."""
    wrap = staticmethod(_wrap)

