"""torch.linalg's differentiable primitives: forward and vjp side by side, with PyTorch's node names and the
backward formulas of its derivatives.yaml / FunctionsManual.cpp (A^H where they write it: the transpose of a real
matrix, the conjugate transpose of a complex one, in PyTorch's convention for complex gradients).

A vjp is written once for numpy arrays and for recorded Tensors (xp). The helpers below cover the few places where
the two namespaces spell an operation differently (diagonal, tril, solve ...). Decompositions with several outputs
(svd, eigh, qr, slogdet, lstsq) save their outputs as arrays; under create_graph=True their vjp first runs the
decomposition again as a recorded op (``_recorded``), so the saved factors are functions of the input and the
gradient can be differentiated again.
"""
import numpy as np

from . import lapack, vec_kernels
from .dtypes import real_np
from .autograd import GRAD_MODE, MULTI_OUTPUT_TANGENTS, Saved, record_multi
from .ops_complex import cj
from .ops_linalg_legacy import singular_diagonal, substitute
from .ops_linalg_more import lu_factor_array, lu_solve_array
from .ops_shape import _norm, norm_vjp
from .optable import OPS, defop
from .random_kernels import _fma32, _fma64
from .reduce import dim_sum, torch_sum

# ---------------------------------------------------------------- helpers for both array namespaces


def _dt(x):
    return x.dtype if isinstance(x, np.ndarray) else x._data.dtype


def _shape(x):
    return x.shape if isinstance(x, np.ndarray) else x._data.shape


def _eye(xp, n, like):
    e = np.eye(n, dtype=_dt(like))
    return e if xp.is_numpy else xp.wrap(e)


def _diag_embed(xp, v):
    return v[..., None] * _eye(xp, _shape(v)[-1], v)


def _diagonal(xp, m):
    return np.diagonal(m, 0, -2, -1) if xp.is_numpy else m.diagonal(0, -2, -1)


def _tril(xp, m, k=0):
    return np.tril(m, k) if xp.is_numpy else m.tril(k)


def _mH(xp, m):
    """The conjugate transpose (the transpose of a real matrix): where PyTorch's formulas write A^H."""
    return cj(xp.mT(m))


def _solve(xp, a, b):
    """a^{-1} b for matrices b (a recorded linalg.solve under create_graph)."""
    return xp.call("linalg_solve_ex", (a, b), False)


def _inv(xp, a):
    return xp.call("linalg_inv_ex", (a,))


def _recorded(xp, name, inputs, consts, differentiable=None):  # (op.saves only marks that backward needs saved values)
    """Run a several-output op on Tensors and record its node (in grad mode): its outputs as Tensors (xp.wrap
    makes them). linalg_fns uses it for the forward; vjps under create_graph=True to rebuild saved factors."""
    op = OPS[name]
    if MULTI_OUTPUT_TANGENTS[0] is not None:
        MULTI_OUTPUT_TANGENTS[0](name, inputs)
    dt = inputs[0]._data.dtype   # (a complex input's real outputs, singular values or residuals, stay real)
    arrays = [np.asarray(a, real_np(dt) if np.asarray(a).dtype.kind == "f" else dt)
              for a in op.fwd(*[t._data for t in inputs], *consts)]
    outs = [xp.wrap(a) for a in arrays]
    if GRAD_MODE.enabled and any(t._rg for t in inputs):
        keep = [o if differentiable is None or i in differentiable else None for i, o in enumerate(outs)]
        record_multi(op, inputs, keep, arrays + [Saved(t) for t in inputs], consts)
    return outs


recorded = _recorded


# ---------------------------------------------------------------- LU (ATen's getrf: det, slogdet, messages)


def lu_factor(a):
    """Partial-pivoting LU of a stack of square matrices as LAPACK's getrf: (LU, sign of the row permutation,
    info), info[i] = 1-based index of the first zero pivot of matrix i (0: none)."""
    n = a.shape[-1]
    lu = np.array(a, dtype=a.dtype).reshape(int(np.prod(a.shape[:-2], dtype=np.int64)), n, n)
    rows = np.arange(lu.shape[0])
    sign = np.ones(lu.shape[0], a.dtype)
    info = np.zeros(lu.shape[0], np.int32)
    for k in range(n):
        p = k + np.argmax(np.abs(lu[:, k:, k]), axis=1)
        swap = p != k
        if swap.any():
            top = lu[rows, k].copy()
            lu[rows, k] = lu[rows, p]
            lu[rows, p] = top
            sign[swap] = -sign[swap]
        piv = lu[:, k, k]
        zero = piv == 0
        info[(info == 0) & zero] = k + 1
        with np.errstate(all="ignore"):
            col = np.where(zero[:, None], 0, lu[:, k + 1:, k] / np.where(zero, 1, piv)[:, None])
        lu[:, k + 1:, k] = col
        lu[:, k + 1:, k + 1:] -= col[:, :, None] * lu[:, k, None, k + 1:]
    return lu.reshape(a.shape), sign.reshape(a.shape[:-2]), info.reshape(a.shape[:-2])


def _lapack(x):
    """x laid out as LAPACK writes its results and PyTorch returns them: each matrix column-major (strides (1, m)),
    so that .view, .is_contiguous() and reshape's node (ReshapeAliasBackward0) behave as in PyTorch."""
    return np.swapaxes(np.ascontiguousarray(np.swapaxes(x, -1, -2)), -1, -2)


def _lu_for_det(a):
    """(diagonal of U, sign of the row permutation) of the LU that ATen's det / slogdet take: ?getrf of A^T when
    A is a contiguous real matrix (det(A^T) = det(A), and A^T is already column-major: no copy), of A otherwise.
    The two LUs differ in the last bits, and so do the determinants PyTorch prints for A and for A.T."""
    if a.dtype.kind != "c" and a.flags.c_contiguous:
        a = np.swapaxes(a, -1, -2)
    lu, pivots, _ = lu_factor_array(a)
    swaps = np.add.reduce(pivots != np.arange(1, a.shape[-1] + 1, dtype=np.int32), axis=-1)
    return np.diagonal(lu, 0, -2, -1), np.where(swaps % 2, -1, 1)


def _adjoint_solve(a, rhs):
    """X with A^H X = rhs from the LU the forward took (ATen's det / slogdet backwards reuse it through
    linalg_lu_solve): A^T's LU solved as is, or A's solved with adjoint. Refactoring A^H instead (np.linalg.solve)
    changes the last bits and, for a matrix singular up to rounding (two equal rows: det about 1e-11, not 0),
    meets an exact zero pivot that the forward's LU did not have."""
    if a.dtype.kind == "c":
        return np.linalg.solve(np.conj(np.swapaxes(a, -1, -2)), rhs)
    if a.shape[-1] == 1:   # (a division, as ATen's solve does it: this LAPACK's trsm multiplies by 1/u instead)
        return rhs / a
    use_t = a.flags.c_contiguous
    lu, pivots, _ = lu_factor_array(np.swapaxes(a, -1, -2) if use_t else a)
    return lu_solve_array(lu, pivots, rhs, True, not use_t)


def _det(a):
    d, sign = _lu_for_det(a)   # (ATen: the sign of the pivots times the product of U's diagonal)
    return np.asarray(sign * np.multiply.reduce(d, axis=-1), a.dtype)


def _slogdet(a):
    d, sign = _lu_for_det(a)
    with np.errstate(divide="ignore"):   # (ATen: diag_U.abs().log_().sum(-1), a zero pivot giving -inf)
        logs = np.asarray(OPS["log"].fwd(np.abs(d)), real_np(a.dtype))
    logabs = torch_sum(logs, [logs.ndim - 1])
    if logabs is None:
        logabs = np.add.reduce(logs, axis=-1)
    return np.asarray(np.multiply.reduce(np.sign(d), axis=-1) * sign, a.dtype), np.asarray(logabs, real_np(a.dtype))


# ---------------------------------------------------------------- inverse, det, slogdet, solve


@defop("linalg_inv_ex", "LinalgInvExBackward0", lambda a: _lapack(lapack.inv(a)), saves=(-1,))
def inv_vjp(xp, grad, saved, consts, needs):
    """gA = -X^H g X^H for X = A^{-1}."""
    x_t = _mH(xp, saved[0])
    return (-xp.matmul(x_t, xp.matmul(grad, x_t)),)


@defop("linalg_det", "LinalgDetBackward0", _det, saves=(0, -1))
def det_vjp(xp, grad, saved, consts, needs):
    """gA = g conj(det(A)) A^{-H} (the cofactor matrix)."""
    a, det = saved
    d = (grad * cj(det))[..., None, None]
    if not xp.is_numpy:
        return (d * _mH(xp, _inv(xp, a)),)
    ok = det != 0
    if ok.all():
        return (_adjoint_solve(a, d * np.eye(a.shape[-1], dtype=a.dtype)),)
    # PyTorch 2.13 solves with the singular LU here and returns zeros (not the adjugate): so does the engine
    out = np.zeros(a.shape, a.dtype)
    if ok.any():
        out[ok] = _adjoint_solve(a[ok], d[ok] * np.eye(a.shape[-1], dtype=a.dtype))
    return (out,)


def _slogdet_fwd(a):
    return _slogdet(a)


@defop("linalg_slogdet", "LinalgSlogdetBackward0", _slogdet_fwd, saves=(0,), several_outputs=True)
def slogdet_vjp(xp, grads, saved, consts, needs):
    """The sign is piecewise constant; g_logabsdet gives g A^{-T}."""
    g = grads.get(1)
    if g is None:
        return (None,)
    a = saved[-1]
    if xp.is_numpy:
        return (_adjoint_solve(a, g[..., None, None] * np.eye(a.shape[-1], dtype=a.dtype)),)
    return (g[..., None, None] * _mH(xp, _inv(xp, a)),)


def _solve_fwd(a, b, vector, left=True):
    if not left:   # X A = B: A^T X^T = B^T, from A's getrf and getrs 'T' (what ATen's linalg_solve_ex runs)
        lu, pivots, _ = lu_factor_array(a)
        return np.ascontiguousarray(lu_solve_array(lu, pivots, b, False, False))
    if vector:
        return lapack.solve(a, b[..., None])[..., 0]
    return _lapack(lapack.solve(a, b))


@defop("linalg_solve_ex", "LinalgSolveExBackward0", _solve_fwd, saves=(0, -1))
def solve_vjp(xp, grad, saved, consts, needs):
    """gB = A^{-H} g, gA = -gB X^H (left=False: gB = g A^{-H}, gA = -X^H gB); A^H = A^T for real matrices."""
    a, x = saved
    vector, left = (*consts, True)[:2]
    a_t = _mH(xp, a)
    if not left:   # gB = g A^{-H}: ATen's lu_solve with A's LU (left=False, adjoint=True)
        if xp.is_numpy and a.dtype.kind != "c":
            lu, pivots, _ = lu_factor_array(a)
            gb = lu_solve_array(lu, pivots, grad, False, True)
        else:
            gb = xp.call("linalg_solve_ex", (a_t, grad), False, False)
        return (-xp.matmul(_mH(xp, x), gb) if needs[0] else None, gb)
    if xp.is_numpy and a.dtype.kind != "c":   # (ATen: lu_solve with A's LU, adjoint=True)
        lu, pivots, _ = lu_factor_array(a)
        gb = lu_solve_array(lu, pivots, grad[..., None] if vector else grad, True, True)
        if vector:
            gb = gb[..., 0]
    elif vector:
        gb = xp.call("linalg_solve_ex", (a_t, grad), True)
    else:
        gb = xp.call("linalg_solve_ex", (a_t, grad), False)
    if vector:
        return (-(gb[..., :, None] * cj(x)[..., None, :]) if needs[0] else None, gb)
    return (-xp.matmul(gb, _mH(xp, x)) if needs[0] else None, gb)


# ---------------------------------------------------------------- cholesky, qr


def _cholesky_fwd(a, upper):
    got = lapack.potrf(a, upper)   # (MKL's, as PyTorch's; numpy's where it does not run)
    if got is not None and not got[1].any():
        return got[0]
    if upper:   # (U = L^H; A^T = conj(A) for a Hermitian A, whose factor is conj(L))
        return np.swapaxes(np.linalg.cholesky(np.swapaxes(a, -1, -2)), -1, -2)
    return _lapack(np.linalg.cholesky(a))


def cholesky_vjp(xp, grad, saved, consts, needs):
    """cholesky_backward (Murray 2016): gA = L^{-H} Phi(L^H gL) L^{-1}, Phi = tril with the diagonal halved,
    made Hermitian."""
    l, = saved
    upper, = consts
    if upper:
        l, grad = _mH(xp, l), _mH(xp, grad)
    ga = _tril(xp, xp.matmul(_mH(xp, l), grad))
    ga = 0.5 * (ga + _mH(xp, _tril(xp, ga, -1)))
    # (two triangular solves, as ATen's cholesky_backward: L^{-H} gA, then ... L^{-1})
    ga = xp.call("linalg_solve_triangular", (_mH(xp, l), ga), True, True, False)
    return (xp.call("linalg_solve_triangular", (l, ga), False, False, False),)


defop("linalg_cholesky_ex", "LinalgCholeskyExBackward0", _cholesky_fwd, saves=(-1,))(cholesky_vjp)
defop("cholesky", "CholeskyBackward0", _cholesky_fwd, saves=(-1,))(cholesky_vjp)


def _qr_fwd(a, mode):
    if mode == "r":
        r = lapack.qr(a, mode="r")
        return np.zeros((0,), a.dtype), _lapack(r)
    q, r = lapack.qr(a, mode=mode)
    return _lapack(q), _lapack(r)


@defop("linalg_qr", "LinalgQrBackward0", _qr_fwd, saves=(0,), several_outputs=True)
def qr_vjp(xp, grads, saved, consts, needs):
    """linalg_qr_backward: for m >= n, gA = (gQ + Q copyltu(M)) R^{-T} with M = R gR^T - gQ^T Q; for m < n
    the first m columns take that formula with gQ + Y gV^T, the rest Q gV."""
    mode, = consts
    if mode == "r":
        raise RuntimeError("The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use "
                           "linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr.")
    q, r, a = saved
    m, n = _shape(a)[-2], _shape(a)[-1]
    if mode == "complete" and m > n:
        raise RuntimeError("The QR decomposition is not differentiable when mode='complete' and nrows > ncols.")
    if not xp.is_numpy:
        q, r = _recorded(xp, "linalg_qr", (a,), consts)
    gq, gr = grads.get(0), grads.get(1)
    if m >= n:
        return (_qr_back_square(xp, gq, gr, q, r),)
    head, tail = (Ellipsis, slice(None), slice(None, m)), (Ellipsis, slice(None), slice(m, None))   # narrow(-1, ...)
    x_r = xp.take(r, head)
    y = xp.take(a, tail)
    gv = xp.take(gr, tail) if gr is not None else None
    gu = xp.take(gr, head) if gr is not None else None
    gq2 = gq
    if gv is not None:
        extra = xp.matmul(y, xp.mT(gv))
        gq2 = extra if gq2 is None else gq2 + extra
    gx = _qr_back_square(xp, gq2, gu, q, x_r)
    # [gX | gY] as gX [I 0] + gY [0 I]: one spelling for arrays and recorded Tensors
    place = np.eye(n, dtype=_dt(a))
    left, right = (place[:m], place[m:]) if xp.is_numpy else (xp.wrap(place[:m]), xp.wrap(place[m:]))
    ga = xp.matmul(gx, left)
    if gv is not None:
        ga = ga + xp.matmul(xp.matmul(q, gv), right)
    return (ga,)


def _qr_back_square(xp, gq, gr, q, r):
    """(gQ + Q copyltu(M)) R^{-H}, M = R gR^H - gQ^H Q (the adjoints: ^T for real matrices), copyltu(M) its
    strictly lower part plus that part's adjoint plus M's diagonal (its real part, for complex ones)."""
    m = 0
    if gr is not None:
        m = xp.matmul(r, _mH(xp, gr))
    if gq is not None:
        m = m - xp.matmul(_mH(xp, gq), q)
    b = gq if gq is not None else 0
    if not (isinstance(m, int)):
        low = _tril(xp, m, -1)
        d = _diagonal(xp, m)
        if np.dtype(_dt(m)).kind == "c":
            d = (d + cj(d)) * 0.5   # (the real part, exactly, in the complex dtype)
        m = low + _mH(xp, low) + _diag_embed(xp, d)
        b = b + xp.matmul(q, m)
    # b R^{-H} = (R^{-1} b^H)^H
    return _mH(xp, _solve(xp, r, _mH(xp, b)))


# ---------------------------------------------------------------- svd, eigh


def _svd_fwd(a, full_matrices):
    u, s, vh = lapack.svd(a, full_matrices)
    return _lapack(u), s, _lapack(vh)


@defop("linalg_svd", "LinalgSvdBackward0", _svd_fwd, saves=(0,), several_outputs=True)
def svd_vjp(xp, grads, saved, consts, needs):
    """svd_backward (FunctionsManual.cpp), with full_matrices' extra vectors narrowed away as derivatives.yaml does."""
    u, s, vh, a = saved
    if not xp.is_numpy:
        u, s, vh = _recorded(xp, "linalg_svd", (a,), consts)
    gu, gs, gvh = grads.get(0), grads.get(1), grads.get(2)
    k = _shape(s)[-1]
    full, = consts
    if full:
        cols, rows = (Ellipsis, slice(None), slice(None, k)), (Ellipsis, slice(None, k), slice(None))   # narrow
        u, vh = xp.take(u, cols), xp.take(vh, rows)
        gu = xp.take(gu, cols) if gu is not None else None
        gvh = xp.take(gvh, rows) if gvh is not None else None
    return (svd_backward(xp, gu, gs, gvh, u, s, vh),)


_SVD_PHASE = ("svd_backward: The singular vectors in the complex case are specified up to multiplication by e^{i phi}. "
              "The specified loss function depends on this phase term, making it ill-defined.")


def svd_backward(xp, gu, gs, gvh, u, s, vh):
    m, n = _shape(u)[-2], _shape(vh)[-1]
    complex_ = _dt(u).kind == "c"
    if gu is None and gvh is None:
        if gs is None:
            return None
        return xp.matmul(u, gs[..., :, None] * vh) if m >= n else xp.matmul(u * gs[..., None, :], vh)
    mh = lambda t: _mH(xp, t)   # noqa: E731  (A^H: A^T for real matrices)
    uhgu = vhgv = None
    if gu is not None:
        t = xp.matmul(mh(u), gu)
        uhgu = t - mh(t)
    if gvh is not None:
        t = xp.matmul(vh, mh(gvh))
        vhgv = t - mh(t)
    if complex_:   # a loss that depends on the vectors' phases has no gradient (PyTorch's check)
        im = [np.imag(np.diagonal(t if xp.is_numpy else t._data, 0, -2, -1)) for t in (uhgu, vhgv) if t is not None]
        if not np.allclose(im[0], -im[1] if len(im) > 1 else 0, rtol=1e-2, atol=1e-2):
            raise RuntimeError(_SVD_PHASE)
    s2 = s * s
    e = s2[..., None, :] - s2[..., :, None] + _eye(xp, _shape(s)[-1], s)
    if uhgu is not None and vhgv is not None:
        ret = (uhgu * s[..., None, :] + s[..., :, None] * vhgv) / e
    elif vhgv is None:
        ret = (uhgu / e) * s[..., None, :]
    else:
        ret = s[..., :, None] * (vhgv / e)
    if gs is not None:
        ret = ret + _diag_embed(xp, gs)
    if complex_ and gu is not None:   # (the imaginary diagonal of skew(U^H gU), over 2 S)
        ret = ret + _diag_embed(xp, _diagonal(xp, uhgu) / (2 * s))
    if m > n and gu is not None:
        ga = xp.matmul(u, ret)
        gu_sinv = gu / s[..., None, :]
        ga = ga + gu_sinv - xp.matmul(u, xp.matmul(mh(u), gu_sinv))
        return xp.matmul(ga, vh)
    if m < n and gvh is not None:
        ga = xp.matmul(ret, vh)
        sinv_gvh = gvh / s[..., :, None]
        ga = ga + sinv_gvh - xp.matmul(xp.matmul(sinv_gvh, mh(vh)), vh)
        return xp.matmul(u, ga)
    return xp.matmul(u, xp.matmul(ret, vh)) if m >= n else xp.matmul(xp.matmul(u, ret), vh)


def _eigh_fwd(a, uplo):
    w, v = lapack.eigh(a, uplo)
    return w, _lapack(v)


_EIGH_PHASE = ("linalg_eigh_backward: The eigenvectors in the complex case are specified up to multiplication by "
               "e^{i phi}. The specified loss function depends on this quantity, so it is ill-defined.")


@defop("linalg_eigh", "LinalgEighBackward0", _eigh_fwd, saves=(0,), several_outputs=True)
def eigh_vjp(xp, grads, saved, consts, needs):
    """linalg_eig_backward for Hermitian A: gA = V (diag(gL) + skew(V^H gV) / E) V^H, E_ij = L_j - L_i off the
    diagonal, skew(X) = (X - X^H) / 2. For complex A a loss that depends on the vectors' phases (an imaginary
    diagonal of V^H gV) has no gradient, and without gL the diagonal of skew(V^H gV) stays, as in PyTorch."""
    w, v, a = saved
    if not xp.is_numpy:
        w, v = _recorded(xp, "linalg_eigh", (a,), consts)
    gl, gv = grads.get(0), grads.get(1)
    complex_ = _dt(v).kind == "c"
    if gv is None:
        return (xp.matmul(v * gl[..., None, :], _mH(xp, v)),)
    n = _shape(w)[-1]
    eye = _eye(xp, n, w)
    e = w[..., None, :] - w[..., :, None] + eye
    vhgv = xp.matmul(_mH(xp, v), gv)
    if complex_:
        im = np.imag(np.diagonal(vhgv if xp.is_numpy else vhgv._data, 0, -2, -1))
        if not np.allclose(im, 0, rtol=1e-2, atol=1e-2):
            raise RuntimeError(_EIGH_PHASE)
    ret = 0.5 * (vhgv - _mH(xp, vhgv)) / e
    if gl is not None or not complex_:
        ret = ret * (1 - eye)
    if gl is not None:
        ret = ret + _diag_embed(xp, gl)
    return (xp.matmul(v, xp.matmul(ret, _mH(xp, v))),)


# ---------------------------------------------------------------- pinv, lstsq, cross


def pinv_array(a, atol, rtol, hermitian):
    """linalg.pinv as ATen computes it: through the SVD (eigh when hermitian), values below
    max(atol, rtol * largest) dropped. atol, rtol: None, a number or an array of shape (*batch, 1), whose batch
    broadcasts with a's (each matrix of the broadcast batch with its own tolerances)."""
    m, n = a.shape[-2:]
    tols = [t.shape[:-1] for t in (atol, rtol) if isinstance(t, np.ndarray)]
    if tols:
        batch = np.broadcast_shapes(a.shape[:-2], *tols)
        a = np.broadcast_to(a, batch + (m, n))
    if rtol is None:   # (ATen: 0 where atol is given and positive, else eps * max(m, n); elementwise)
        default = np.finfo(a.dtype).eps * max(m, n)
        rtol = default if atol is None else np.where(np.greater(atol, 0), 0.0, default)
    atol = 0.0 if atol is None else atol
    if hermitian:
        w, u = lapack.eigh(a)
        s = np.abs(w)
        big = np.max(s, axis=-1, keepdims=True) if s.shape[-1] else s
        tol = np.maximum(atol, rtol * big)
        with np.errstate(divide="ignore"):
            inv = np.where(s > tol, 1 / w, 0).astype(a.dtype)
        return np.asarray((u * inv[..., None, :]) @ np.conj(np.swapaxes(u, -1, -2)), a.dtype)
    u, s, vh = lapack.svd(a, False)
    big = np.max(s, axis=-1, keepdims=True) if s.shape[-1] else s
    tol = np.maximum(atol, rtol * big)
    with np.errstate(divide="ignore"):
        inv = np.where(s > tol, 1 / s, 0).astype(a.dtype)
    # (V S^+ U^H: the conjugate transposes, for complex matrices)
    return np.asarray((np.conj(np.swapaxes(vh, -1, -2)) * inv[..., None, :]) @ np.conj(np.swapaxes(u, -1, -2)),
                      a.dtype)


@defop("linalg_pinv", "LinalgPinvBackward0", pinv_array, saves=(0, -1))
def pinv_vjp(xp, grad, saved, consts, needs):
    """pinv_backward (FunctionsManual.cpp), arranged for the smaller of m, n."""
    a, p = saved
    if _shape(p)[:-2] != _shape(a)[:-2]:   # (tolerance tensors broadcast the batch: summed back by fit)
        a = xp.expand(a, tuple(_shape(p)[:-2]) + tuple(_shape(a)[-2:]))
    return (pinv_backward(xp, grad, p, a),)


def pinv_backward(xp, grad, p, a):
    m, n = _shape(a)[-2:]
    mm, mT = xp.matmul, (lambda t: _mH(xp, t))   # (the conjugate transposes of FunctionsManual's formula)
    p_h, grad_h = mT(p), mT(grad)
    if m <= n:
        k = mm(grad_h, p)
        kp_h = mm(k, p_h)
        return -mT(mm(p, k)) + kp_h - mm(mm(a, p), kp_h) + mm(mm(p_h, p), grad_h - mm(k, a))
    k = mm(p, grad_h)
    p_hk = mm(p_h, k)
    return -mT(mm(k, p)) + p_hk - mm(mm(p_hk, p), a) + mm(mm(grad_h - mm(a, k), p), p_h)


def _lstsq_fwd(a, b, vector, residuals, driver="gelsy", rcond=None):
    """(solution, residuals), batched, from PyTorch's LAPACK driver (ATen's residuals: the squares of the rows
    past n of the solved block, summed), else through the pseudo-inverse (rank and singular values are computed
    by the public function, they have no gradient)."""
    bm = b[..., None] if vector else b
    n = a.shape[-1]
    got = lapack.gels(a, bm, driver, rcond)
    if got is not None:
        x = got[0][..., :n, :]
        # (ATen squares the rows past n of the column-major block in place and sums each column along memory)
        tail = np.ascontiguousarray(np.swapaxes(got[0][..., n:, :], -1, -2)) ** 2
        res = dim_sum(tail, (-1,)) if residuals else np.zeros((0,), a.dtype)
    else:
        x = pinv_array(a, None, None, False) @ bm
        if residuals:
            res = np.add.reduce(np.abs(a @ x - bm) ** 2, axis=-2)
        else:
            res = np.zeros((0,), a.dtype)
    x = _in_padded_block(x, max(a.shape[-2:]))
    return (x[..., 0] if vector else x), np.asarray(res, real_np(a.dtype))


def _in_padded_block(x, rows):
    """x (..., n, k) as the first n rows of ATen's solution buffer: right-hand sides padded to `rows` rows and
    laid out column-major per matrix, so that strides are PyTorch's (a single column too: (1, rows), not (1, 1))."""
    block = np.zeros(x.shape[:-2] + (x.shape[-1], rows), x.dtype)   # (C order over the swapped axes: each
    block = np.swapaxes(block, -1, -2)                              # column of a matrix contiguous)
    n = x.shape[-2]
    block[..., :n, :] = x
    return block[..., :n, :]


@defop("linalg_lstsq", "LinalgLstsqBackward0", _lstsq_fwd, saves=(0, 1), several_outputs=True)
def lstsq_vjp(xp, grads, saved, consts, needs):
    """linalg_lstsq_backward: X = pinv(A) B, so gA from pinv_backward(gX B^T) and gB = pinv(A)^T gX; the
    residuals' gradient is that of ||AX - B||^2."""
    vector, residuals = consts[:2]
    x, res, a, b = saved
    if not xp.is_numpy:
        x, res = _recorded(xp, "linalg_lstsq", (a, b), consts)
    gx, gres = grads.get(0), grads.get(1)
    bm = b[..., None] if vector else b
    ga = gb = None
    if gx is not None:
        gxm = gx[..., None] if vector else gx
        p = xp.call("linalg_pinv", (a,), None, None, False)
        if needs[0]:
            ga = pinv_backward(xp, xp.matmul(gxm, _mH(xp, bm)), p, a)
        if needs[1]:
            gb = xp.matmul(_mH(xp, p), gxm)
    if gres is not None and residuals and _shape(gres)[-1]:
        xm = x[..., None] if vector else x
        r = 2 * (xp.matmul(a, xm) - bm) * gres[..., None, :]
        ga = xp.matmul(r, xp.mT(xm)) if ga is None else ga + xp.matmul(r, xp.mT(xm))
        gb = -r if gb is None else gb - r
    if vector and gb is not None:
        gb = gb[..., 0]
    return (ga, gb)


def _cross(a, b, dim):
    """ATen's cross kernel: a[i] * b[j] - a[j] * b[i] per component, which the AVX2 / AVX-512 builds of that kernel
    contract into fma(a[i], b[j], -(a[j] * b[i])) (the 'default' build does not: numpy's cross)."""
    if a.dtype not in (np.float32, np.float64) or b.dtype != a.dtype or vec_kernels.capability() == "default":
        return np.cross(a, b, axis=dim)
    a, b = np.broadcast_arrays(a, b)
    am, bm = np.moveaxis(a, dim, -1), np.moveaxis(b, dim, -1)
    fma = _fma32 if a.dtype == np.float32 else _fma64
    parts = [fma(am[..., i], bm[..., j], -(am[..., j] * bm[..., i])) for i, j in ((1, 2), (2, 0), (0, 1))]
    return np.moveaxis(np.stack(parts, -1), -1, dim)


@defop("linalg_cross", "LinalgCrossBackward0", _cross, saves=(0, 1))
def cross_vjp(xp, grad, saved, consts, needs):
    """ga = cross(b, g), gb = cross(g, a)."""
    a, b = saved
    dim, = consts
    gb = xp.call("linalg_cross", (grad, a), dim) if needs[1] else None   # (other's first, as ATen's: see mul)
    return xp.call("linalg_cross", (b, grad), dim) if needs[0] else None, gb


# ---------------------------------------------------------------- triangular solves, cholesky_inverse


def _triangle(a, upper, unitriangular):
    t = np.triu(a) if upper else np.tril(a)
    if unitriangular:
        t = t.copy()
        idx = np.arange(a.shape[-1])
        t[..., idx, idx] = 1
    return t


def _solve_triangular_fwd(a, b, upper, left, unitriangular):
    got = lapack.trsm(a, b, upper, left, unitriangular)   # (MKL's trsm, as PyTorch's; else numpy's solve)
    if got is not None:
        return _lapack(got)
    t = _triangle(a, upper, unitriangular)
    if singular_diagonal(t):
        if left:
            return _lapack(substitute(t, b, upper))
        return np.swapaxes(substitute(np.swapaxes(t, -1, -2), np.swapaxes(b, -1, -2), not upper), -1, -2)
    if left:
        return _lapack(np.linalg.solve(t, b))
    return np.swapaxes(np.linalg.solve(np.swapaxes(t, -1, -2), np.swapaxes(b, -1, -2)), -1, -2)


@defop("linalg_solve_triangular", "LinalgSolveTriangularBackward0", _solve_triangular_fwd, saves=(0, -1))
def solve_triangular_vjp(xp, grad, saved, consts, needs):
    """linalg_solve_triangular_backward: gB = A^{-T} g (left) or g A^{-T} (right); gA = -gB X^T (left) or
    -X^T gB (right), kept on A's triangle (off the diagonal when unitriangular)."""
    a, x = saved
    upper, left, unit = consts
    gb = xp.call("linalg_solve_triangular", (xp.mT(a), grad), not upper, left, unit)
    ga = None
    if needs[0]:
        ga = -xp.matmul(gb, xp.mT(x)) if left else -xp.matmul(xp.mT(x), gb)
        k = (1 if upper else -1) if unit else 0
        ga = (np.triu(ga, k) if upper else np.tril(ga, k)) if xp.is_numpy else (ga.triu(k) if upper else ga.tril(k))
    return (ga, gb if needs[1] else None)


def _cholesky_inverse_fwd(l, upper):
    got = lapack.potri(l, upper)   # (MKL's, as PyTorch's; else numpy's)
    if got is not None:
        return _lapack(got)
    l = np.triu(l) if upper else np.tril(l)   # (LAPACK's potri reads the factor's triangle only)
    lh = np.conj(np.swapaxes(l, -1, -2))
    a = lh @ l if upper else l @ lh
    inv = np.linalg.inv(a)
    if inv.dtype.kind != "c":
        return inv
    # (potri computes one triangle and ATen mirrors it: a Hermitian result, its diagonal exactly real)
    low = np.tril(inv, -1)
    return low + np.conj(np.swapaxes(low, -1, -2)) + np.real(np.diagonal(inv, 0, -2, -1))[..., None] * np.eye(
        inv.shape[-1], dtype=inv.dtype)


@defop("cholesky_inverse", "CholeskyInverseBackward0", _cholesky_inverse_fwd, saves=(0, -1))
def cholesky_inverse_vjp(xp, grad, saved, consts, needs):
    """cholesky_inverse_backward: with C = inverse(L L^H), gL = -(C (g + g^H) C) L (upper: -L (...))."""
    l, inv = saved
    upper, = consts
    common = xp.matmul(inv, xp.matmul(grad + _mH(xp, grad), inv))
    return (-xp.matmul(l, common) if upper else -xp.matmul(common, l),)


# ---------------------------------------------------------------- ATen's legacy norm and _trilinear


# at::norm(x, p, dim, keepdim) (pairwise_distance, triplet_margin_loss): linalg.vector_norm's math, its own node
defop("norm_legacy", "NormBackward1", _norm, saves=(0, -1))(norm_vjp)


def _dist_fwd(a, b, p):
    d = np.asarray(a - b)
    return _norm(np.abs(d) if d.dtype.kind == "c" else d, p, None, False)   # (complex: the magnitudes' norm, real)


@defop("dist", "DistBackward0", _dist_fwd, saves=(0, 1, -1))
def dist_vjp(xp, grad, saved, consts, needs):
    """torch.dist(a, b, p) = the p-norm of a - b: norm's gradient of the difference, to a and (negated) to b."""
    a, b, out = saved
    g, = norm_vjp(xp, grad, (a - b, out), (consts[0], None, False), (True,))
    if g is None:
        return (None, None)
    return (g if needs[0] else None, -g if needs[1] else None)


def _trilinear_fwd(x1, w, x2):
    return np.einsum("bi,oij,bj->bo", x1, w, x2)


@defop("trilinear", "TrilinearBackward0", _trilinear_fwd, saves=(0, 1, 2))
def trilinear_vjp(xp, grad, saved, consts, needs):
    """F.bilinear's _trilinear: out[b, o] = x1[b, i] W[o, i, j] x2[b, j], its three gradients as matrix products."""
    x1, w, x2 = saved
    (n, i), (o, _, j) = _shape(x1), _shape(w)
    gw_flat = xp.matmul(grad, xp.reshape(w, (o, i * j)))           # (B, I*J): sum_o g[b, o] W[o, i, j]
    t = xp.reshape(gw_flat, (n, i, j))
    g1 = xp.sum(t * x2[:, None, :], (2,)) if needs[0] else None
    g2 = xp.sum(t * x1[:, :, None], (1,)) if needs[2] else None
    gw = None
    if needs[1]:
        outer = xp.reshape(x1[:, :, None] * x2[:, None, :], (n, i * j))
        gw = xp.reshape(xp.matmul(xp.mT(grad), outer), (o, i, j))
    return g1, gw, g2
