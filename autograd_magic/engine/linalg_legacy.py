"""torch.cholesky_solve, torch.triangular_solve (the ops are in ops_linalg_legacy.py), checked with PyTorch's
messages."""
from . import dtypes
from .optable import OPS
from .linalg_fns import _check_float_or_double, _result
from .tensor_base import apply, warn_once

TriangularSolveResult = _result("triangular_solve", ("solution", "cloned_coefficient"))


def _check_solve(b, a, fn, a_name="A"):
    if b._data.ndim < 2:
        raise RuntimeError(f"b should have at least 2 dimensions, but has {b._data.ndim} dimensions instead")
    if a._data.ndim < 2:
        raise RuntimeError(f"u should have at least 2 dimensions, but has {a._data.ndim} dimensions instead")
    if b._data.dtype != a._data.dtype:
        raise RuntimeError(f"Expected b and {a_name} to have the same dtype, but found b of type "
                           f"{dtypes.scalar_name(b._data.dtype)} and {a_name} of type "
                           f"{dtypes.scalar_name(a._data.dtype)} instead.")
    (n, m), (p, q) = a._data.shape[-2:], b._data.shape[-2:]
    if n != m or p != n:
        raise RuntimeError(f"Incompatible matrix sizes for {fn}: each A matrix is {n} by {m} but each b matrix is "
                           f"{p} by {q}")


def cholesky_solve(input, input2, upper=False, *, out=None):
    """The solution X of (L L^T) X = input, input2 being L (upper=True: U, with U^T U)."""
    _check_solve(input, input2, "cholesky_solve")
    _check_float_or_double(input2, "cholesky_solve", "cholesky_solve_cpu")
    return apply(OPS["cholesky_solve"], (input, input2), bool(upper))


def triangular_solve(b, A, upper=True, transpose=False, unitriangular=False, *, out=None):
    """The deprecated form of linalg.solve_triangular: (solution, a copy of A)."""
    for name, t in (("b", b), ("A", A)):
        if t._data.ndim < 2:
            raise RuntimeError(f"torch.triangular_solve: Expected {name} to have at least 2 dimensions, but it has "
                               f"{t._data.ndim} dimensions instead")
    _check_solve(b, A, "triangular_solve")
    # (ATen warns in the kernel's body: after the meta function's checks, before the dtype dispatch)
    warn_once("torch.triangular_solve is deprecated in favor of torch.linalg.solve_triangularand will be removed in a "
              "future PyTorch release.\ntorch.linalg.solve_triangular has its arguments reversed and does not return "
              "a copy of one of the inputs.\nX = torch.triangular_solve(B, A).solution\nshould be replaced with\n"
              "X = torch.linalg.solve_triangular(A, B). (Triggered internally at "
              "/__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:2273.)")
    _check_float_or_double(A, "triangular_solve", "triangular_solve_cpu")
    x = apply(OPS["triangular_solve"], (b, A), bool(upper), bool(transpose), bool(unitriangular))
    return TriangularSolveResult((x, A.clone()))
