"""torch.linalg.matrix_exp, eig, eigvals and the LU family (lu_factor, lu_factor_ex, lu, lu_solve, and the older
torch.lu / torch.lu_unpack): argument checks and messages as PyTorch 2.13 gives them, then the ops of
ops_linalg_more.py, recorded with PyTorch's node names (several outputs share one node, integer outputs none)."""
import numpy as np

from . import batching, dtypes, lapack
from .autograd import GRAD_MODE, MULTI_OUTPUT_TANGENTS, Saved, record_multi
from .linalg_fns import _batch_prefix, _check_matrix, _result
from .ops_linalg_more import permutation
from .optable import OPS
from .tensor_base import apply, check_broadcast, warn_once, wrap

EigResult = _result("linalg_eig", ("eigenvalues", "eigenvectors"))
LuFactorResult = _result("linalg_lu_factor", ("LU", "pivots"))
LuFactorExResult = _result("linalg_lu_factor_ex", ("LU", "pivots", "info"))
LuResult = _result("linalg_lu", ("P", "L", "U"))
LuUnpackResult = _result("lu_unpack", ("P", "L", "U"))
LuWithInfoResult = _result("_lu_with_info", ("LU", "pivots", "info"))


def _record(name, inputs, differentiable, consts=()):
    """Run a several-output op and record one node for its differentiable outputs (the others: plain tensors)."""
    op = OPS[name]
    if MULTI_OUTPUT_TANGENTS[0] is not None:
        MULTI_OUTPUT_TANGENTS[0](name, inputs)
    arrays = [np.asarray(a) for a in op.fwd(*[t._data for t in inputs], *consts)]
    outs = [wrap(a) for a in arrays]
    if GRAD_MODE.enabled and any(t._rg for t in inputs):
        keep = [o if i in differentiable else None for i, o in enumerate(outs)]
        record_multi(op, inputs, keep, arrays + [Saved(t) for t in inputs], consts)
    return outs


# ---------------------------------------------------------------- matrix_exp


def matrix_exp(A):
    batching.check_matrix(A, "torch.matrix_exp", "A")
    _check_matrix(A, "linalg.matrix_exp", square=True, any_dtype=True)
    if not (A.dtype.is_floating_point or A.dtype.is_complex):
        raise RuntimeError(f"linalg.matrix_exp: Expected a floating point or complex tensor as input. Got "
                           f"{A.dtype.scalar_name}")
    return apply(OPS["linalg_matrix_exp"], (A,))


# ---------------------------------------------------------------- eig, eigvals


_COMPLEX_HALF = ("ComplexHalf support is experimental and many operators don't support it yet. (Triggered internally "
                 "at /__w/pytorch/pytorch/aten/src/ATen/EmptyTensor.cpp:54.)")


def _check_eig(A, fn):
    _check_matrix(A, f"linalg.{fn}", square=True, any_dtype=True)
    name = A.dtype.scalar_name
    if not (A.dtype.is_floating_point or A.dtype.is_complex):
        raise RuntimeError(f"Unknown Complex ScalarType for {name}")
    if name not in ("Float", "Double", "ComplexFloat", "ComplexDouble"):
        if name == "Half":   # ATen allocates the complex32 outputs before the kernel refuses the dtype
            warn_once(_COMPLEX_HALF, stacklevel=3)
        raise NotImplementedError(f"\"linalg_eig_out_cpu\" not implemented for '{name}'")
    if not np.isfinite(A._data).all():
        raise RuntimeError("torch.linalg.eig: input tensor should not contain infs or NaNs.")


def eig(A, *, out=None):
    _check_eig(A, "eig")
    return EigResult(_record("linalg_eig", (A,), (0, 1)))


def eigvals(A, *, out=None):
    """The eigenvalues: linalg_eig's when A requires grad (its node, LinalgEigBackward0), else geev without
    vectors."""
    _check_eig(A, "eigvals")
    if GRAD_MODE.enabled and A._rg:
        return eig(A)[0]
    got = lapack.geev(A._data, vectors=False) if A._data.dtype.kind in "fc" else None
    if got is None:
        return eig(A)[0]
    return wrap(got[0])


# ---------------------------------------------------------------- LU


def _check_lu(A, fn, pivot):
    if A._data.ndim < 2:
        raise RuntimeError(f"{fn}: Expected tensor with 2 or more dimensions. Got size: {list(A._data.shape)} "
                           "instead")
    _check_matrix(A, fn, kernel="lu_cpu")
    if not pivot:
        raise RuntimeError("linalg.lu_factor: LU without pivoting is not implemented on the CPU")


def lu_factor_ex(A, *, pivot=True, check_errors=False, out=None):
    _check_lu(A, "torch.lu_factor", pivot)
    lu, pivots, info = _record("linalg_lu_factor_ex", (A,), (0,))
    if check_errors and info._data.any():
        _raise_singular(A, info._data)
    return LuFactorExResult((lu, pivots, info))


def _raise_singular(A, info):
    flat = np.asarray(info).reshape(-1)
    k = int(flat[np.flatnonzero(flat)[0]])
    raise RuntimeError(f"torch.linalg.lu_factor: {_batch_prefix(A, info)}U[{k},{k}] is zero and using it on lu_solve "
                       "would result in a division by zero. If you still want to perform the factorization, consider "
                       "calling linalg.lu(A, pivot) or linalg.lu_factor_ex(A, pivot)")


def lu_factor(A, *, pivot=True, out=None):
    lu, pivots, info = lu_factor_ex(A, pivot=pivot)
    if info._data.any():
        _raise_singular(A, info._data)
    return LuFactorResult((lu, pivots))


def lu(A, *, pivot=True, out=None):
    _check_lu(A, "linalg.lu", pivot)
    return LuResult(_record("linalg_lu", (A,), (1, 2)))


_LU_DEPRECATED = (
    "torch.lu is deprecated in favor of torch.linalg.lu_factor / torch.linalg.lu_factor_ex and will be removed in a "
    "future PyTorch release.\nLU, pivots = torch.lu(A, compute_pivots)\nshould be replaced with\nLU, pivots = "
    "torch.linalg.lu_factor(A, compute_pivots)\nand\nLU, pivots, info = torch.lu(A, compute_pivots, "
    "get_infos=True)\nshould be replaced with\nLU, pivots, info = torch.linalg.lu_factor_ex(A, compute_pivots) "
    "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:2073.)")


def torch_lu(A, pivot=True, get_infos=False, out=None):
    """The deprecated torch.lu (Tensor.lu): (LU, pivots), or with get_infos the _lu_with_info triple."""
    warn_once(_LU_DEPRECATED, stacklevel=3)
    lu_, pivots, info = lu_factor_ex(A, pivot=pivot)   # (a singular matrix raises nothing, even without get_infos)
    return LuWithInfoResult((lu_, pivots, info)) if get_infos else (lu_, pivots)


def lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True, *, out=None):
    if LU_pivots.dtype is not dtypes.int32:
        raise RuntimeError("torch.lu_unpack: LU_pivots is expected to be a contiguous tensor of torch.int32 dtype.\n"
                           "Note: this function is intended to be used with the output produced by "
                           "torch.linalg.lu_factor")
    if LU_data._data.ndim < 2:
        raise RuntimeError(f"torch.lu_unpack: Expected tensor with 2 or more dimensions. Got size: "
                           f"{list(LU_data._data.shape)} instead")
    m = LU_data._data.shape[-2]
    empty = wrap(np.zeros(0, LU_data._data.dtype))
    p = wrap(permutation(LU_pivots._data, m, LU_data._data.dtype)) if unpack_pivots else empty
    if not unpack_data:
        return LuUnpackResult((p, empty, wrap(np.zeros(0, LU_data._data.dtype))))
    low, up = _record("lu_unpack_data", (LU_data,), (0, 1), (LU_pivots._data,))
    return LuUnpackResult((p, low, up))


def lu_solve(LU, pivots, B, *, left=True, adjoint=False, out=None):
    if B._data.ndim < 2:
        raise RuntimeError("linalg.lu_solve: The input tensor B must have at least 2 dimensions.")
    if LU._data.dtype != B._data.dtype:
        raise RuntimeError(f"linalg.lu_solve: Expected LU and B to have the same dtype, but found LU of type "
                           f"{LU.dtype.scalar_name} and B of type {B.dtype.scalar_name} instead")
    if pivots.dtype is not dtypes.int32:
        raise RuntimeError("linalg.lu_solve: pivots should be a Tensor of scalar type torch.int32")
    _check_matrix(LU, "linalg.lu_solve", square=True, name="LU", kernel="lu_cpu")
    n = LU._data.shape[-1]
    if (B._data.shape[-2] if left else B._data.shape[-1]) != n:
        raise RuntimeError(f"linalg.lu_solve: Incompatible shapes of A and B for the equation "
                           f"{'AX = B' if left else 'XA = B'} ({n}x{n} and {B._data.shape[-2]}x{B._data.shape[-1]})")
    check_broadcast(B._data.shape[:-2], LU._data.shape[:-2])
    return apply(OPS["linalg_lu_solve"], (LU, B), pivots._data, bool(left), bool(adjoint))
