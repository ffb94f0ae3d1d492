"""torch.svd_lowrank and torch.pca_lowrank (PyTorch's torch/_lowrank.py, Halko et al.'s randomized range finder)
composed from the namespace's own ops, so that the Gaussian test matrix is drawn by torch.randn from the global
generator as in PyTorch (a seeded lesson gets PyTorch's numbers) and the result is differentiable through the
same nodes (MmBackward0, LinalgQrBackward0, LinalgSvdBackward0 ...). Dense tensors only."""
from ..engine.creation import randn
from ..engine.dtypes import float16, float32, float64
from ..engine.linalg import matmul
from ..engine.linalg_fns import qr, svd


def _floating_dtype(A):
    """torch._linalg_utils.get_floating_dtype: float16, float32 and float64 kept, anything else float32 (so a
    bfloat16 input meets a float32 draw in its first product, as in PyTorch)."""
    return A.dtype if A.dtype in (float16, float32, float64) else float32


def get_approximate_basis(A, q, niter=2, M=None):
    """Q with q orthonormal columns such that Q Q^H (A - M) approximates A - M (Algorithm 4.4 of Halko et al.)."""
    niter = 2 if niter is None else niter
    R = randn(A.shape[-1], q, dtype=_floating_dtype(A))
    X = matmul(A, R)
    if M is not None:
        X = X - matmul(M, R)
    Q = qr(X).Q
    for _ in range(niter):
        X = matmul(A.mH, Q)
        if M is not None:
            X = X - matmul(M.mH, Q)
        Q = qr(X).Q
        X = matmul(A, Q)
        if M is not None:
            X = X - matmul(M, Q)
        Q = qr(X).Q
    return Q


def svd_lowrank(A, q=6, niter=2, M=None):
    """(U, S, V), A (minus M) ~ U diag(S) V^H, through a rank-q range finder (Algorithm 5.1 of Halko et al.)."""
    q = 6 if q is None else q
    m, n = A.shape[-2:]
    if M is not None:
        M = M.broadcast_to(A.size())
    if m < n:
        A = A.mH
        if M is not None:
            M = M.mH
    Q = get_approximate_basis(A, q, niter=niter, M=M)
    B = matmul(Q.mH, A)
    if M is not None:
        B = B - matmul(Q.mH, M)
    U, S, Vh = svd(B, full_matrices=False)
    V = Vh.mH
    U = Q.matmul(U)
    if m < n:
        U, V = V, U
    return U, S, V


def pca_lowrank(A, q=None, center=True, niter=2):
    """(U, S, V) of the centred A (columns of V: the principal directions), q = min(6, m, n) by default."""
    m, n = A.shape[-2:]
    if q is None:
        q = min(6, m, n)
    elif not (q >= 0 and q <= min(m, n)):
        raise ValueError(f"q(={q}) must be non-negative integer and not greater than min(m, n)={min(m, n)}")
    if not (niter >= 0):
        raise ValueError(f"niter(={niter}) must be non-negative integer")
    if not center:
        return svd_lowrank(A, q, niter=niter, M=None)
    C = A.mean(dim=(-2,), keepdim=True)
    return svd_lowrank(A - C, q, niter=niter, M=None)
