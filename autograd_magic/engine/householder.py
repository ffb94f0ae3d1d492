"""LAPACK's Householder QR as PyTorch keeps it at top level: ``torch.geqrf`` (the reflectors below the diagonal of
``a`` and their scales ``tau``, LAPACK's own output: its derivative is not implemented, as in PyTorch),
``torch.orgqr`` / ``torch.linalg.householder_product`` (Q = H_1 ... H_k, its first n columns) and ``torch.ormqr``
(Q or Q^T applied to a matrix from the left or the right). Each reflector is H_i = I - tau_i v_i v_i^T with
v_i = (0, ..., 0, 1, a[i+1:, i]); the gradients go back through the product of reflectors."""
import numpy as np

from . import dtypes
from .linalg_fns import _result
from .linalg_more import _record
from .optable import OPS, defop
from .tensor_base import apply

GeqrfResult = _result("geqrf", ("a", "tau"))


def _geqrf_fwd(a):
    if a.ndim == 2:
        h, tau = np.linalg.qr(a, mode="raw")
        return np.ascontiguousarray(h.T), tau
    h, tau = np.linalg.qr(a, mode="raw")
    return np.ascontiguousarray(np.swapaxes(h, -1, -2)), tau


@defop("geqrf", "GeqrfBackward0", _geqrf_fwd, several_outputs=True)
def geqrf_vjp(xp, grad, saved, consts, needs):
    raise NotImplementedError("the derivative for 'geqrf' is not implemented.")


def _check_float(name, t):
    """LAPACK's kernels: float, double and their complex types (half and bfloat16 are refused as integers are)."""
    if t._data.dtype.name not in ("float32", "float64", "complex64", "complex128"):
        raise NotImplementedError(f"\"{name}_cpu\" not implemented for '{dtypes.scalar_name(t._data.dtype)}'")


def geqrf(input, *, out=None):
    """(a, tau): LAPACK's geqrf of each matrix of input."""
    if input._data.ndim < 2:
        raise RuntimeError("torch.geqrf: input must have at least 2 dimensions.")
    _check_float("geqrf", input)
    a, tau = _record("geqrf", (input,), (0, 1))
    return GeqrfResult((a, tau))


# ---------------------------------------------------------------- the product of reflectors, forward and back

def _vectors(a, k):
    """The k reflector vectors (columns of an (..., m, k) array): ones on the diagonal, zeros above."""
    m = a.shape[-2]
    v = np.array(a[..., :, :k], copy=True)
    rows = np.arange(m)[:, None]
    cols = np.arange(k)[None, :]
    v = np.where(rows < cols, 0, np.where(rows == cols, 1, v)).astype(a.dtype)
    return v


def _apply_reflectors(a, tau, e):
    """H_1 (H_2 (... (H_k e))) and the intermediate products R_k = e, R_{i-1} = H_i R_i (for backward)."""
    k = tau.shape[-1]
    v = _vectors(a, k)
    r = [None] * (k + 1)
    r[k] = e
    for i in range(k - 1, -1, -1):
        vi = v[..., :, i:i + 1]
        t = tau[..., i][..., None, None]
        r[i] = r[i + 1] - t * (vi @ (np.swapaxes(vi, -1, -2) @ r[i + 1]))
    return v, r


def _reflectors_back(a, tau, e, g):
    """The gradients of a and tau from that of H_1 ... H_k e."""
    k = tau.shape[-1]
    v, r = _apply_reflectors(a, tau, e)
    ga, gtau = np.zeros_like(a), np.zeros_like(tau)
    for i in range(k):
        vi = v[..., :, i:i + 1]
        t = tau[..., i][..., None, None]
        vt = np.swapaxes(vi, -1, -2)
        gr = g @ np.swapaxes(r[i + 1], -1, -2)   # d/d(H_i) restricted to the outer product's use
        gtau[..., i] = -(vt @ gr @ vi)[..., 0, 0]
        gv = -t * (gr @ vi + np.swapaxes(gr, -1, -2) @ vi)
        ga[..., i + 1:, i] = gv[..., i + 1:, 0]
        g = g - t * (vi @ (vt @ g))   # H_i^T g (H_i is symmetric)
    return ga, gtau


def _identity(a, n):
    m = a.shape[-2]
    return np.broadcast_to(np.eye(m, n, dtype=a.dtype), a.shape[:-2] + (m, n)).copy()


def _first_order_only(xp, name):
    if not xp.is_numpy:
        raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: the double backward of {name} "
                                  "(create_graph=True through it) is not part of it")


def _householder_fwd(a, tau):
    return _apply_reflectors(a, tau, _identity(a, a.shape[-1]))[1][0]


@defop("householder_product", "LinalgHouseholderProductBackward0", _householder_fwd, saves=(0, 1))
def householder_product_vjp(xp, grad, saved, consts, needs):
    """Through the product of reflectors (numpy only: not twice differentiable here)."""
    _first_order_only(xp, "householder_product")
    a, tau = saved
    ga, gtau = _reflectors_back(a, tau, _identity(a, a.shape[-1]), grad)
    return (ga if needs[0] else None), (gtau if needs[1] else None)


def _check_householder(name, input, tau):
    if input._data.ndim < 2:
        raise RuntimeError("torch.linalg.householder_product: input must have at least 2 dimensions.")
    m, n = input._data.shape[-2:]
    if m < n:
        raise RuntimeError("torch.linalg.householder_product: input.shape[-2] must be greater than or equal to "
                           "input.shape[-1]")
    if tau._data.shape[-1] > n:
        raise RuntimeError("torch.linalg.householder_product: input.shape[-1] must be greater than or equal to "
                           "tau.shape[-1]")
    _check_float(name, input)


def householder_product(input, tau, *, out=None):
    """Q's first n columns: H_1 ... H_k of input's reflectors (torch.orgqr, torch.linalg.householder_product)."""
    _check_householder("orgqr", input, tau)
    return apply(OPS["householder_product"], (input, tau))


def _ormqr_fwd(a, tau, c, left, transpose):
    q = _apply_reflectors(a, tau, _identity(a, a.shape[-2]))[1][0]
    q = np.swapaxes(q, -1, -2) if transpose else q
    return q @ c if left else c @ q


@defop("ormqr", "OrmqrBackward0", _ormqr_fwd, saves=(0, 1, 2))
def ormqr_vjp(xp, grad, saved, consts, needs):
    _first_order_only(xp, "ormqr")
    a, tau, c = saved
    left, transpose = consts
    q = _apply_reflectors(a, tau, _identity(a, a.shape[-2]))[1][0]
    op = np.swapaxes(q, -1, -2) if transpose else q
    t = lambda x: np.swapaxes(x, -1, -2)  # noqa: E731
    gc = (t(op) @ grad if left else grad @ t(op)) if needs[2] else None
    gop = grad @ t(c) if left else t(c) @ grad
    gq = t(gop) if transpose else gop
    ga = gtau = None
    if needs[0] or needs[1]:
        ga, gtau = _reflectors_back(a, tau, _identity(a, a.shape[-2]), gq)
    return (ga if needs[0] else None), (gtau if needs[1] else None), gc


def ormqr(input, tau, other, left=True, transpose=False, *, out=None):
    """other multiplied by Q (or Q^T with transpose) from the left or the right, Q = H_1 ... H_k of geqrf's a."""
    for name, t in (("input", input), ("other", other)):
        if t._data.ndim < 2:
            raise RuntimeError(f"torch.ormqr: {name} must have at least 2 dimensions.")
    cond = -2 if left else -1   # (ATen's checks in its order: the sizes, then the ranks, then the dtypes)
    a, c = input._data.shape, other._data.shape
    if c[cond] != a[-2]:
        raise RuntimeError(f"torch.ormqr: other.shape[{cond}] must be equal to input.shape[-2]")
    if tau._data.shape[-1:] != (min(c[cond], a[-1]),):
        raise RuntimeError("torch.ormqr: tau.shape[-1] must be equal to min(other.shape[-2], input.shape[-1])")
    if tau._data.ndim != len(a) - 1:
        raise RuntimeError(f"torch.ormqr: Expected tau to have one dimension less than input, but got tau.ndim "
                           f"equal to {tau._data.ndim} and input.ndim is equal to {len(a)}")
    if len(c) != len(a):
        raise RuntimeError(f"torch.ormqr: Expected other to have the same number of dimensions as input, but got "
                           f"other.ndim equal to {len(c)} and input.ndim is equal to {len(a)}")
    for name, t in (("tau", tau), ("other", other)):
        if t._data.dtype != input._data.dtype:
            raise RuntimeError(f"torch.ormqr: Expected input and {name} to have the same dtype, but input has dtype"
                               f"{input.dtype.scalar_name} and {name} has dtype {t.dtype.scalar_name}")
    _check_float("ormqr", input)
    return apply(OPS["ormqr"], (input, tau, other), bool(left), bool(transpose))


FUNCTIONS = {"geqrf": geqrf, "orgqr": householder_product, "ormqr": ormqr}
