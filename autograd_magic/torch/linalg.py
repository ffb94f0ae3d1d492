"""torch.linalg: norms, inverse, determinants, solve, decompositions (svd, eigh, qr, cholesky), pinv, lstsq,
matrix_rank, cross, matrix_power, with PyTorch's node names, messages and result types (engine/linalg_fns.py)."""
from ..engine.indexing import diagonal as _diagonal
from ..engine.linalg import matmul, multi_dot, vdot  # noqa: F401
from ..engine.linalg_fns import (LinAlgError, cholesky, cholesky_ex, cross, det, eigh, eigvalsh, inv,  # noqa: F401
                                 inv_ex, lstsq, matrix_norm, matrix_power, matrix_rank, norm, pinv, qr, slogdet,
                                 solve, solve_ex, solve_triangular, svd, svdvals, vector_norm)


def vecdot(x, y, *, dim=-1):
    """The dot product along dim (vdot for two vectors: VdotBackward0; else x * y summed)."""
    if x.dim() == 1 and y.dim() == 1 and dim in (-1, 0):
        return vdot(x, y)
    return (x * y).sum(dim)


def diagonal(A, *, offset=0, dim1=-2, dim2=-1):
    return _diagonal(A, offset, dim1, dim2)


def __getattr__(name):
    raise AttributeError(f"module 'torch.linalg' has no attribute '{name}': autograd_magic implements a subset of "
                         f"PyTorch, and torch.linalg.{name} is not part of it")
