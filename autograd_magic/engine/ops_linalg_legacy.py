"""cholesky_solve and triangular_solve (forward and vjp side by side): the solves of Gaussian-process and Kalman
filter notebooks, ``torch.cholesky_solve(B, L)`` with L from torch.linalg.cholesky, and the deprecated
``torch.triangular_solve(B, A)`` (the public functions are in linalg_legacy.py)."""
import numpy as np

from . import lapack
from .ops_complex import cj
from .optable import defop


def _tri(a, upper, unitriangular=False):
    t = np.triu(a) if upper else np.tril(a)
    if unitriangular:
        t = t.copy()
        idx = np.arange(a.shape[-1])
        t[..., idx, idx] = 1
    return t


def singular_diagonal(a):
    """Does some matrix of a (..., n, n) hold a zero on its diagonal (a triangular factor that is singular), or
    an infinity or NaN (which numpy's LU of it would spread where substitution does not)?"""
    return a.size > 0 and not (np.diagonal(a, 0, -2, -1).all() and np.isfinite(a).all())


def substitute(t, b, upper):
    """X with t X = b for triangular t, by forward (backward, upper) substitution as LAPACK's trsm computes it,
    IEEE all through: a zero on t's diagonal gives infinities and NaNs (PyTorch's solves do not check), where
    numpy's solve raises 'Singular matrix'."""
    batch = np.broadcast_shapes(t.shape[:-2], b.shape[:-2])
    t = np.broadcast_to(t, batch + t.shape[-2:])
    x = np.zeros(batch + b.shape[-2:], np.result_type(t, b))
    n = t.shape[-1]
    with np.errstate(all="ignore"):
        for i in (range(n - 1, -1, -1) if upper else range(n)):
            done = slice(i + 1, n) if upper else slice(0, i)
            x[..., i, :] = (b[..., i, :] - (t[..., i, None, done] @ x[..., done, :])[..., 0, :]) / t[..., i, i, None]
    return x


def _cholesky_solve(b, l, upper):
    got = lapack.potrs(l, b, upper)   # (MKL's, as PyTorch's; else numpy's)
    if got is not None:
        return got
    t = _tri(l, upper)
    tt = np.conj(np.swapaxes(t, -1, -2))   # (L^H: L^T for a real factor)
    if singular_diagonal(t):   # (potrs: two triangular solves)
        return substitute(t, substitute(tt, b, False), True) if upper else substitute(tt, substitute(t, b, False), True)
    a = tt @ t if upper else t @ tt
    return np.linalg.solve(a, b)


@defop("cholesky_solve", "CholeskySolveBackward0", _cholesky_solve, saves=(1, -1))
def cholesky_solve_vjp(xp, grad, saved, consts, needs):
    """X = (L L^H)^{-1} B: gB = cholesky_solve(g, L); gL = -(gB X^H + X gB^H) L (upper: -U (...))."""
    l, x = saved
    upper, = consts
    gb = xp.call("cholesky_solve", (grad, l), upper)
    gl = None
    if needs[1]:
        common = xp.matmul(gb, cj(xp.mT(x)))
        common = common + cj(xp.mT(common))
        gl = -xp.matmul(l, common) if upper else -xp.matmul(common, l)
    return (gb if needs[0] else None), gl


def _triangular_solve(b, a, upper, transpose, unitriangular):
    got = lapack.trsm_legacy(a, b, upper, transpose, unitriangular)   # (MKL's, as PyTorch's; else numpy's)
    if got is not None:
        return got
    t = _tri(a, upper, unitriangular)
    if singular_diagonal(t):
        return substitute(np.swapaxes(t, -1, -2) if transpose else t, b, upper != bool(transpose))
    return np.linalg.solve(np.swapaxes(t, -1, -2) if transpose else t, b)


@defop("triangular_solve", "TriangularSolveBackward0", _triangular_solve, saves=(1, -1))
def triangular_solve_vjp(xp, grad, saved, consts, needs):
    """X solves op(A) X = B (op: transpose or not): gB solves op(A)^T gB = g; gA = -gB X^T (transposed: -X gB^T),
    kept on A's triangle (off the diagonal when unitriangular)."""
    a, x = saved
    upper, transpose, unit = consts
    gb = xp.call("triangular_solve", (grad, a), upper, not transpose, unit)
    ga = None
    if needs[1]:
        ga = -xp.matmul(x, xp.mT(gb)) if transpose else -xp.matmul(gb, xp.mT(x))
        k = (1 if upper else -1) if unit else 0
        ga = (np.triu(ga, k) if upper else np.tril(ga, k)) if xp.is_numpy else (ga.triu(k) if upper else ga.tril(k))
    return (gb if needs[0] else None), ga


def partial_cholesky(a, upper):
    """What LAPACK's potrf leaves where the factorization fails (linalg.cholesky_ex's L then): the columns before
    the failing one factored, the failing pivot's value (not positive) on the diagonal, the rest of the input's
    triangle as it was; the other triangle zeros."""
    flat = np.array(np.swapaxes(a, -1, -2) if upper else a, copy=True).reshape(
        int(np.prod(a.shape[:-2], dtype=np.int64)), *a.shape[-2:])
    for m in flat:
        n = m.shape[0]
        for j in range(n):
            pivot = m[j, j] - m[j, :j] @ m[j, :j]
            if not pivot > 0:
                m[j, j] = pivot
                break
            m[j, j] = np.sqrt(pivot)
            m[j + 1:, j] = (m[j + 1:, j] - m[j + 1:, :j] @ m[j, :j]) / m[j, j]
    out = np.tril(flat.reshape(a.shape))
    return np.swapaxes(out, -1, -2) if upper else out
