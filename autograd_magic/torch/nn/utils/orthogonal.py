"""torch.nn.utils.parametrizations.orthogonal for the "matrix_exp" and "cayley" maps, as PyTorch writes it: the
weight is base @ Q(X), Q the exponential (or Cayley transform) of the skew-symmetric A = tril(X) - tril(X)^T, and
base the weight made orthogonal by QR at registration (the dynamic trivialization). The "householder" map (the
default for a non-square weight) needs torch.linalg.householder_product, which the engine lacks: it says so."""
import enum

from ....engine.creation import eye, randn, zeros_like
from ....engine.functions import add, allclose, finfo
from ....engine.linalg_fns import qr, solve
from ....engine.linalg_more import matrix_exp
from ....engine.shaping import cat
from ....engine.tensor import Tensor
from ...grad_mode import no_grad
from ..module import Module
from . import parametrize


def _is_orthogonal(Q):
    n, k = Q.size(-2), Q.size(-1)
    eps = 10.0 * n * finfo(Q.dtype).eps
    return allclose(Q.mH @ Q, eye(k, dtype=Q.dtype), atol=eps)


def _make_orthogonal(A):
    """Q of A = QR with diag(R) >= 0 (PyTorch: geqrf then householder_product, which is linalg.qr's Q)."""
    Q, R = qr(A)
    return Q * R.diagonal(dim1=-2, dim2=-1).sgn().unsqueeze(-2)


class _OrthMaps(enum.Enum):
    matrix_exp = enum.auto()
    cayley = enum.auto()
    householder = enum.auto()


def _no_householder():
    raise NotImplementedError("torch.nn.utils.parametrizations.orthogonal(..., orthogonal_map='householder') needs "
                              "torch.linalg.householder_product: autograd_magic implements a subset of PyTorch, and "
                              "it is not part of it (orthogonal_map='matrix_exp' or 'cayley' work)")


class _Orthogonal(Module):
    def __init__(self, weight, orthogonal_map, *, use_trivialization=True):
        super().__init__()
        if weight.is_complex() and orthogonal_map == _OrthMaps.householder:
            raise ValueError("The householder parametrization does not support complex tensors.")
        if orthogonal_map == _OrthMaps.householder:
            _no_householder()
        self.shape = weight.shape
        self.orthogonal_map = orthogonal_map
        if use_trivialization:
            self.register_buffer("base", None)

    def forward(self, X):
        n, k = X.size(-2), X.size(-1)
        transposed = n < k
        if transposed:
            X = X.mT
            n, k = k, n
        X = X.tril()
        if n != k:
            X = cat([X, X.new_zeros(n, n - k).expand(*X.shape[:-2], -1, -1)], dim=-1)
        A = X - X.mH
        if self.orthogonal_map == _OrthMaps.matrix_exp:
            Q = matrix_exp(A)
        else:
            Id = eye(n, dtype=A.dtype)
            Q = solve(add(Id, A, alpha=-0.5), add(Id, A, alpha=0.5))
        if n != k:
            Q = Q[..., :k]
        if hasattr(self, "base"):
            Q = self.base @ Q
        if transposed:
            Q = Q.mT
        return Q

    def right_inverse(self, Q):
        with no_grad():
            return self._right_inverse(Q)

    def _right_inverse(self, Q):
        if Q.shape != self.shape:
            raise ValueError(f"Expected a matrix or batch of matrices of shape {self.shape}. "
                             f"Got a tensor of shape {Q.shape}.")
        Q_init = Q
        n, k = Q.size(-2), Q.size(-1)
        if n < k:
            Q = Q.mT
            n, k = k, n
        if not hasattr(self, "base"):
            raise NotImplementedError("It is not possible to assign to the matrix exponential "
                                      "or the Cayley parametrizations when use_trivialization=False.")
        if n == k:
            Q = Q.clone() if _is_orthogonal(Q) else _make_orthogonal(Q)
        else:
            N = randn(*(Q.size()[:-2] + (n, n - k)), dtype=Q.dtype)
            Q = _make_orthogonal(cat([Q, N], dim=-1))
        self.base = Q
        neg_Id = zeros_like(Q_init)
        neg_Id.diagonal(dim1=-2, dim2=-1).fill_(-1.0)
        return neg_Id


def orthogonal(module, name="weight", orthogonal_map=None, *, use_trivialization=True):
    """Make ``module.name`` orthogonal (orthonormal columns, or rows for a wide matrix) through a registered
    parametrization; e.g. ``orthogonal(nn.Linear(4, 4)).weight`` is exp(A) for a skew-symmetric A times a base."""
    weight = getattr(module, name, None)
    if not isinstance(weight, Tensor):
        raise ValueError(f"Module '{module}' has no parameter or buffer with name '{name}'")
    if weight.ndim < 2:
        raise ValueError(f"Expected a matrix or batch of matrices. Got a tensor of {weight.ndim} dimensions.")
    if orthogonal_map is None:
        orthogonal_map = "matrix_exp" if weight.size(-2) == weight.size(-1) or weight.is_complex() else "householder"
    orth_enum = getattr(_OrthMaps, orthogonal_map, None)
    if orth_enum is None:
        raise ValueError('orthogonal_map has to be one of "matrix_exp", "cayley", "householder". '
                         f"Got: {orthogonal_map}")
    orth = _Orthogonal(weight, orth_enum, use_trivialization=use_trivialization)
    parametrize.register_parametrization(module, name, orth, unsafe=True)
    return module
