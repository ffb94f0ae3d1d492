"""torch.linalg: norms, inverse, determinants, solve, decompositions (svd, eigh, qr, cholesky), pinv, lstsq,
matrix_rank, cross, matrix_power, cond, tensorinv, tensorsolve, with PyTorch's node names, messages and result types (engine/linalg_fns.py)."""
from math import inf

from ..engine.indexing import diagonal as _diagonal
from ..engine.linalg import matmul, multi_dot, vdot  # noqa: F401
from ..engine.linalg_fns import (LinAlgError, cross, det, eigh, eigvalsh, inv,  # noqa: F401
                                 inv_ex, lstsq, matrix_norm, matrix_rank, norm, pinv, qr, slogdet,
                                 solve, solve_ex, svd, svdvals, vector_norm)
from ..engine.linalg_more import eig, eigvals, lu, lu_factor, lu_factor_ex, lu_solve, matrix_exp  # noqa: F401
from ..engine.householder import householder_product  # noqa: F401,E402
from ..engine.ldl import ldl_factor, ldl_factor_ex, ldl_solve  # noqa: F401,E402
from ..engine import arg_parser as _arg_parser
from ..engine import dtypes as _dtypes
from ..engine.shaping import cat as _cat
from ..engine import linalg_fns as _fns
from ..engine.functions import write_out as _write_out
from ..engine.function_signatures import SIGNATURES as _SIGNATURES


# PyTorch's parser in front of the functions of the GP lessons: solve_triangular(L, b) without upper=, upper="x",
# cholesky(A, True) refused with its TypeErrors (the first argument is named input, as ATen names it)
def _solve_triangular(input, B, *, upper, left=True, unitriangular=False, out=None):
    return _fns.solve_triangular(input, B, upper=upper, left=left, unitriangular=unitriangular, out=out)


def _cholesky(input, *, upper=False, out=None):
    return _fns.cholesky(input, upper=upper, out=out)


def _cholesky_ex(input, *, upper=False, check_errors=False, out=None):
    return _fns.cholesky_ex(input, upper=upper, check_errors=check_errors, out=out)


solve_triangular = _arg_parser.parsed(_solve_triangular, "linalg_solve_triangular", [
    "(Tensor input, Tensor B, *, bool upper, bool left = True, bool unitriangular = False, Tensor out = None)"], False)
cholesky = _arg_parser.parsed(_cholesky, "linalg_cholesky", ["(Tensor input, *, bool upper = False, Tensor out = None)"],
                              False)
cholesky_ex = _arg_parser.parsed(_cholesky_ex, "linalg_cholesky_ex", [
    "(Tensor input, *, bool upper = False, bool check_errors = False, tuple of Tensors out = None)"], False)


# pinv's four overloads (atol= / rtol= by keyword, or rcond and hermitian by position): pinv(A, 1e-3) takes rcond,
# pinv(A, rcond=0.1, atol=0.1) is refused with the listing
def _pinv(input, rcond=None, hermitian=False, *, atol=None, rtol=None, out=None):
    return _fns.pinv(input, rcond, hermitian, atol=atol, rtol=rtol, out=out)


pinv = _arg_parser.parsed(_pinv, "linalg_pinv", _SIGNATURES["linalg_pinv"], False)


def _matrix_rank(input, tol=None, hermitian=False, *, atol=None, rtol=None, out=None):
    return _fns.matrix_rank(input, tol, hermitian, atol=atol, rtol=rtol, out=out)


def _lstsq(input, b, rcond=None, *, driver=None, out=None):
    if out is not None:   # (no out= form in the engine: its TypeError, as before)
        return _fns.lstsq(input, b, rcond, driver=driver, out=out)
    return _fns.lstsq(input, b, rcond, driver=driver)


def _solve(A, B, *, left=True, out=None):
    return _fns.solve(A, B, left=left, out=out)


# the same overloads for matrix_rank (tol for atol with rtol 0); lstsq's and solve's parameters as PyTorch names
# and types them (lstsq(input=, b=), solve(..., left=1) refused)
matrix_rank = _arg_parser.parsed(_matrix_rank, "linalg_matrix_rank", _SIGNATURES["linalg_matrix_rank"], False)
lstsq = _arg_parser.parsed(_lstsq, "linalg_lstsq", _SIGNATURES["linalg_lstsq"], False)
solve = _arg_parser.parsed(_solve, "linalg_solve", _SIGNATURES["linalg_solve"], False)


def _vecdot(x, y, *, dim=-1, out=None):
    """The dot product along dim, x conjugated (vdot for two vectors: VdotBackward0; else x.conj() * y summed)."""
    if not (x.is_floating_point() or x.is_complex()):
        raise RuntimeError(f"linalg.vecdot: Expected a floating point or complex tensor as input. Got "
                           f"{x.dtype.scalar_name}")
    if x.dtype != y.dtype:
        raise RuntimeError(f"linalg.vecdot: Expected x and y to have the same dtype, but found x of type "
                           f"{x.dtype.scalar_name} and y of type {y.dtype.scalar_name} instead")
    if out is not None and out.dtype != x.dtype:
        raise RuntimeError(f"linalg.vecdot: Expected out of dtype{x.dtype.scalar_name} but found "
                           f"{out.dtype.scalar_name}")
    if x.dim() == 1 and y.dim() == 1 and dim in (-1, 0):
        result, name = vdot(x, y), "vdot"
    else:
        result, name = ((x.conj() if x.is_complex() else x) * y).sum(dim), "sum"
    return result if out is None else _write_out(result, out, name)


vecdot = _arg_parser.parsed(_vecdot, "linalg_vecdot", ["(Tensor x, Tensor y, *, int dim = -1, Tensor out = None)"],
                            False)


_INTEGERS = (_dtypes.uint8, _dtypes.int8, _dtypes.int16, _dtypes.int32, _dtypes.int64)


def _vander(x, *, N=None):
    """The Vandermonde matrix of x's last dim, powers 0 .. N-1 increasing, as ATen composes it: a row of ones before
    the cumulative product of x repeated N-1 times (its rounding and its graph: CatBackward0 <- CumprodBackward0)."""
    kind = x.dtype
    if not (kind.is_floating_point and kind.itemsize >= 4 or kind.is_complex or kind in _INTEGERS):
        raise RuntimeError(f"linalg.vander supports floating point, complex, and integer tensors, but got "
                           f"{kind.scalar_name}")
    x = x.unsqueeze(-1) if x.dim() == 0 else x
    n = x.shape[-1] if N is None else N
    if n <= 1:
        raise RuntimeError("N must be greater than 1.")
    shape = [*x.shape, n - 1]
    powers = x.unsqueeze(-1).expand(shape).cumprod(-1)
    shape[-1] = 1
    return _cat([powers.new_ones(shape), powers], -1)


vander = _arg_parser.parsed(_vander, "linalg_vander", _SIGNATURES["linalg_vander"], False)


def cond(A, p=None, *, out=None):
    """The condition number as ATen computes it: the ratio of extreme singular values for p None/2/-2 (any shape),
    sum(s) * sum(1/s) for 'nuc', else matrix_norm(A, p) * matrix_norm(inv(A), p) with inf for singular A."""
    if A.dim() < 2:
        raise RuntimeError("linalg.cond: The input tensor must have at least 2 dimensions.")
    p = 2 if p is None else p
    if isinstance(p, str) and p not in ("fro", "nuc") or not isinstance(p, str) and abs(p) not in (1, 2, inf):
        if not isinstance(p, str):
            raise RuntimeError(f"linalg.cond got an invalid norm type: {p:g}")
    if isinstance(p, str) or abs(p) != 2:
        if A.shape[-1] != A.shape[-2]:
            label = p if isinstance(p, str) else "inf" if p == inf else "-inf" if p == -inf else int(p)
            raise RuntimeError(f"linalg.cond(ord={label}): A must be batches of square matrices, but they are "
                               f"{A.shape[-2]} by {A.shape[-1]} matrices")
        if isinstance(p, str) and p not in ("fro", "nuc"):
            raise RuntimeError(f"linalg.cond got an invalid norm type: {p}")
    if not isinstance(p, str) and abs(p) == 2:
        s = svdvals(A)
        s_max, s_min = s.narrow(-1, 0, 1), s.narrow(-1, s.shape[-1] - 1, 1)
        return (s_min / s_max if p == -2 else s_max / s_min).squeeze(-1)
    if p == "nuc":
        s = svdvals(A)
        return s.sum(-1) * s.reciprocal().sum(-1)
    inverse, info = inv_ex(A)
    inverse.masked_fill_((info > 0).unsqueeze(-1).unsqueeze(-1), inf)
    result = matrix_norm(A, p) * matrix_norm(inverse, p)
    return result.nan_to_num_(inf, inf, -inf)


def _prod(sizes):
    out = 1
    for n in sizes:
        out *= n
    return out


def matrix_power(A, n, *, out=None):
    return _fns.checked_matrix_power(A, n, out, "linalg_matrix_power")


def tensorinv(A, ind=2, *, out=None):
    """The inverse of A for tensordot(A, ., ind): A as a (prod(A.shape[:ind]), prod(A.shape[ind:])) matrix,
    inverted (inv_ex, ATen's composite), reshaped to A.shape[ind:] + A.shape[:ind]."""
    if ind <= 0:
        raise RuntimeError(f"Expected a strictly positive integer for 'ind', but got {ind}")
    shape = tuple(A.shape)
    start, end = _prod(shape[:ind]), _prod(shape[ind:])
    if start != end:
        raise RuntimeError(f"Expected self to satisfy the requirement prod(self.shape[ind:]) == "
                           f"prod(self.shape[:ind]), but got {end} != {start}")
    result, info = inv_ex(A.reshape(end, end))
    if info.any():   # PyTorch's error for a singular matrix, named "inv" by ATen's composite
        _fns._inverse(A.reshape(end, end), "inv")
    return result.reshape(shape[ind:] + shape[:ind])


def tensorsolve(A, B, dims=None, *, out=None):
    """The X with tensordot(A, X, X.ndim) == B: A's dims (moved to the end) and B flattened, solved as a square
    system (ATen's composite), X shaped as A.shape[B.ndim:]."""
    ndim, other = A.dim(), B.dim()
    if dims is not None:
        moved = [d % ndim for d in dims]
        A = A.permute([d for d in range(ndim) if d not in moved] + moved)
    shape = tuple(A.shape)[other:]
    n, m = _prod(shape), _prod(tuple(B.shape))
    if n != m:
        raise RuntimeError(f"Expected self to satisfy the requirement prod(self.shape[other.ndim:]) == "
                           f"prod(self.shape[:other.ndim]), but got {n} != {m}")
    return solve(A.reshape(n, n), B.flatten()).reshape(shape)


def diagonal(A, *, offset=0, dim1=-2, dim2=-1):
    return _diagonal(A, offset, dim1, dim2)


from ..engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.linalg", name)


# PyTorch's torch.linalg functions are all native: its parser takes their arguments before anything runs, and its
# messages name them by their ATen names (torch.linalg.svd(A, 1): "linalg_svd(): argument 'full_matrices'
# (position 2) must be bool, not int"; torch.linalg.det(A, 1): "linalg_det() takes 1 positional argument but 2
# were given"). Every function here not parsed above is parsed the same way (a call of the usual classes pays a
# few set lookups: arg_parser.parsed).
def _parse_all(namespace):
    for name, fn in list(namespace.items()):
        texts = _SIGNATURES.get(f"linalg_{name}")
        if (name[:1] != "_" and texts and callable(fn) and not isinstance(fn, type)
                and getattr(fn, "__name__", "") != f"linalg_{name}"):
            namespace[name] = _arg_parser.parsed(fn, f"linalg_{name}", texts, False)


_parse_all(globals())
