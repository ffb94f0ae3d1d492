"""matrix_exp, eig and the LU factorization (forward and vjp side by side), with PyTorch's node names and the
backward formulas of FunctionsManual.cpp: linalg_matrix_exp's differential (the exponential of a 2n x 2n block
matrix), linalg_eig_backward, linalg_lu_backward / lu_factor_ex_backward (square matrices)."""
import numpy as np

from . import blas, lapack
from .ops_complex import cj
from .optable import defop

# ATen's mexp thetas (Bader, Blanes, Casas 2019): the largest 1-norm each Taylor degree 1, 2, 4, 8, 12, 18 covers
_THETAS32 = (1.192092800768788e-07, 5.978858893805233e-04, 5.116619363445086e-02, 5.800524627688768e-01,
             1.461661507209034e+00, 3.010066362817634e+00)
_THETAS64 = (2.220446049250313e-16, 2.580956802971767e-08, 3.397168839976962e-04, 4.991228871115323e-02,
             2.996158913811580e-01, 1.090863719290036e+00)
_SQRT_177 = 0.1330413469565007072504e+2
# compute_T12's and compute_T18's coefficient matrices (row i: the combination of {I, A, A^2, A^3(, A^6)})
_B12 = ((9.0198e-16, 0.46932117595418237389, -0.20099424927047284052, -0.04623946134063071740),
        (5.31597895759871264183, 1.19926790417132231573, 0.01179296240992997031, 0.01108844528519167989),
        (0.18188869982170434744, 0.05502798439925399070, 0.09351590770535414968, 0.00610700528898058230),
        (-2.0861320e-13, -0.13181061013830184015, -0.02027855540589259079, -0.00675951846863086359))
_B18 = ((0., -1.00365581030144618291e-01, -8.02924648241156932449e-03, -8.92138498045729985177e-04, 0.),
        (0., 3.97849749499645077844e-01, 1.36783778460411720168e+00, 4.98289622525382669416e-01,
         -6.37898194594723280150e-04),
        (-1.09676396052962061844e+01, 1.68015813878906206114e+00, 5.71779846478865511061e-02,
         -6.98210122488052056106e-03, 3.34975017086070470649e-05),
        (-9.04316832390810593223e-02, -6.76404519071381882256e-02, 6.75961301770459654925e-02,
         2.95552570429315521194e-02, -1.39180257516060693404e-05),
        (0., 0., -9.23364619367118555360e-02, -1.69364939002081722752e-02, -1.40086798182036094347e-05))


def _mm(a, b):
    """ATen's bmm of one matrix pair: its naive kernel (a sum over k in order) below 400 multiply-adds, else MKL."""
    n = a.shape[-1]
    if n * n * n >= 400:
        got = blas.addmm(a, b) if a.dtype.kind == "f" else None
        return got if got is not None else a @ b
    out = np.zeros(a.shape, a.dtype)
    for k in range(n):
        out += a[:, k, None] * b[None, k, :]
    return out


def _combine(mats, coeffs, real):
    """ATen's _compute_linear_combination: 0 + c0 m0 + c1 m1 + ..., each coefficient rounded to the real dtype."""
    out = np.zeros(mats[0].shape, mats[0].dtype)
    for m, c in zip(mats, coeffs):
        out += m * real(c)
    return out


def _taylor(a, degree, real):
    """compute_T1 ... compute_T18 of ATen's mexp: the optimized Taylor polynomial of degree 1 to 18."""
    eye = np.eye(a.shape[-1], dtype=a.dtype)
    if degree == 1:
        return eye + a
    a2 = _mm(a, a)
    if degree == 2:
        return eye + a + a2 / real(2)
    if degree == 4:
        a4 = _mm(a2, _combine((eye, a, a2), (1 / 2.0, 1 / 6.0, 1 / 24.0), real))
        return _combine((eye, a, a2, a4), (1.0, 1.0, 0.0, 1.0), real)
    if degree == 8:
        r = lambda x: float(real(x))  # noqa: E731  (ATen's constexpr scalar_t constants)
        q, x3 = r(_SQRT_177), r(2. / 3.)
        x1, x2 = r(x3 * ((1. + q) / 88.)), r(x3 * ((1. + q) / 352.))
        x4, x5 = r((-271. + 29. * q) / (315. * x3)), r((-11. + 11. * q) / (1260. * x3))
        x6, x7 = r((-99. + 11. * q) / (5040. * x3)), r((89. - q) / (5040. * x3))
        y2 = r((857. - 58. * q) / 630.)
        a4 = _mm(a2, _combine((a, a2), (x1, x2), real))
        a8 = _mm(_combine((a2, a4), (x3, 1.0), real), _combine((eye, a, a2, a4), (x4, x5, x6, x7), real))
        return _combine((eye, a, a2, a4, a8), (1.0, 1.0, y2, 0.0, 1.0), real)
    a3 = _mm(a, a2)
    if degree == 12:
        bs = [_combine((eye, a, a2, a3), row, real) for row in _B12]
        bs[2] = bs[2] + _mm(bs[3], bs[3])
        return bs[0] + _mm(bs[1] + bs[2], bs[2])
    a6 = _mm(a3, a3)
    bs = [_combine((eye, a, a2, a3, a6), row, real) for row in _B18]
    bs[3] = bs[3] + _mm(bs[0], bs[4])
    return bs[1] + _mm(bs[2] + bs[3], bs[3])


def _matrix_exp_one(a, thetas, real, highest):
    norm = real(np.abs(a).sum(-2).max())
    if not np.isfinite(norm):
        return np.full(a.shape, np.nan, a.dtype)
    if norm < thetas[4] and not highest:
        for theta, degree in zip(thetas, _DEGREES):
            if norm <= real(theta):
                return _taylor(a, degree, real)
    s = int(max(0, np.ceil(np.log2(real(norm / real(thetas[5]))))))
    out = _taylor(a / real(2 ** s), 18, real)
    for _ in range(s):
        # (the squarings round as ATen's bmm does: its naive kernel for a small matrix, MKL beyond; MKL's gemm of
        # a 5 x 5 matrix adds in another order on an AVX-512 Intel processor)
        out = _mm(out, out)
    return out


_DEGREES = (1, 2, 4, 8, 12)


def _matrix_exp(a):
    """exp(A) of the matrices a (..., n, n) as ATen's linalg_matrix_exp: exp for 1x1, else mexp's optimized Taylor
    polynomial of the degree the 1-norm allows (a batch: degree 18), with scaling and squaring from the
    next-to-last theta on."""
    if a.shape[-1] == 1 or a.size == 0:
        return np.exp(a)
    single = a.dtype in (np.float32, np.complex64)
    thetas, real = (_THETAS32, np.float32) if single else (_THETAS64, np.float64)
    flat = a.reshape(-1, *a.shape[-2:])
    with np.errstate(all="ignore"):
        # a batch of several matrices goes through degree 18 with scaling and squaring only (mexp's
        # compute_highest_degree_approx): the same matrix alone and in a batch give different roundings
        out = np.stack([_matrix_exp_one(m, thetas, real, flat.shape[0] > 1) for m in flat])
    return out.reshape(a.shape).astype(a.dtype, copy=False)


@defop("linalg_matrix_exp", "LinalgMatrixExpBackward0", _matrix_exp, saves=(0,))
def matrix_exp_vjp(xp, grad, saved, consts, needs):
    """linalg_matrix_exp_differential (adjoint): the top-right block of exp([[A^H, g], [0, A^H]])."""
    a, = saved
    n = a.shape[-1] if isinstance(a, np.ndarray) else a._data.shape[-1]
    a_t = xp.mT(cj(a))   # (the conjugate transpose: a complex A's adjoint)
    if xp.is_numpy:
        meta = np.zeros(a.shape[:-2] + (2 * n, 2 * n), a.dtype)
        meta[..., :n, :n] = a_t
        meta[..., n:, n:] = a_t
        meta[..., :n, n:] = grad
        return (_matrix_exp(meta)[..., :n, n:],)
    zeros = xp.constant(a_t, 0.0)
    top = xp.call("cat", (a_t, grad), -1, [n, n])
    bottom = xp.call("cat", (zeros, a_t), -1, [n, n])
    meta = xp.call("cat", (top, bottom), -2, [n, n])
    return (xp.take(xp.call("linalg_matrix_exp", (meta,)), (Ellipsis, slice(None, n), slice(n, None))),)


# ---------------------------------------------------------------- eig


def _eig_fwd(a):
    got = lapack.geev(a) if a.dtype.kind in "fc" else None
    if got is None:
        w, v = np.linalg.eig(a)
        cplx = np.complex64 if a.dtype in (np.float32, np.complex64) else np.complex128
        return w.astype(cplx), v.astype(cplx)
    return got


_EIG_PHASE = ("linalg_eig_backward: The eigenvectors in the complex case are specified up to multiplication by "
              "e^{i phi}. The specified loss function depends on this quantity, so it is ill-defined.")


def eig_backward(gl, gv, w, v):
    """linalg_eig_backward (A not Hermitian): gA = V^{-H} (diag(gL) + (V^H gV - V^H V Re(diag(V^H gV))) / E*) V^H,
    E*_ij = conj(L_j - L_i), 1 on the diagonal."""
    n = w.shape[-1]
    vh = np.conj(np.swapaxes(v, -1, -2))
    eye = np.eye(n, dtype=bool)
    if gv is None:
        ga = gl[..., None] * np.eye(n, dtype=v.dtype)
    else:
        vhgv = vh @ gv
        if not np.allclose(np.imag(np.diagonal(vhgv, 0, -2, -1)), 0, rtol=1e-2, atol=1e-3):
            raise RuntimeError(_EIG_PHASE)
        re = np.real(np.diagonal(vhgv, 0, -2, -1))
        vhgv = vhgv - vh @ (v * re[..., None, :])
        econj = np.conj(w)[..., None, :] - np.conj(w)[..., :, None]
        econj = np.where(eye, 1, econj)
        ga = vhgv / econj
        if gl is not None:
            ga = ga + gl[..., None] * np.eye(n, dtype=v.dtype)
    return np.linalg.solve(vh, ga @ vh)


@defop("linalg_eig", "LinalgEigBackward0", _eig_fwd, saves=(0,), several_outputs=True)
def eig_vjp(xp, grads, saved, consts, needs):
    w, v, a = saved
    if not xp.is_numpy:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch, and a double backward through "
                                  "torch.linalg.eig is not part of it")
    gl, gv = grads.get(0), grads.get(1)
    ga = eig_backward(gl, gv, w, v)
    return ((np.real(ga) if a.dtype.kind == "f" else ga).astype(a.dtype),)


# ---------------------------------------------------------------- LU


def lu_factor_array(a):
    """(LU, pivots, info) as ATen's getrf (lapack.getrf, else ops_linalg's partial pivoting for another dtype)."""
    got = lapack.getrf(a) if a.size else None
    if got is not None:
        return got
    m, n = a.shape[-2:]
    k = min(m, n)
    lu = np.array(a, copy=True)
    flat = lu.reshape(int(np.prod(a.shape[:-2], dtype=np.int64)), m, n)
    pivs = np.zeros((flat.shape[0], k), np.int32)
    info = np.zeros(flat.shape[0], np.int32)
    for b, f in enumerate(flat):
        for j in range(k):
            p = j + int(np.argmax(np.abs(f[j:, j])))
            pivs[b, j] = p + 1
            if p != j:
                f[[j, p]] = f[[p, j]]
            if f[j, j] == 0:
                info[b] = info[b] or j + 1
                continue
            f[j + 1:, j] /= f[j, j]
            f[j + 1:, j + 1:] -= np.outer(f[j + 1:, j], f[j, j + 1:])
    return lu, pivs.reshape(a.shape[:-2] + (k,)), info.reshape(a.shape[:-2])


def permutation(pivots, m, dtype):
    """P (..., m, m) with A = P L U from LAPACK's 1-based row swaps (ATen's lu_unpack)."""
    flat = pivots.reshape(int(np.prod(pivots.shape[:-1], dtype=np.int64)), pivots.shape[-1])
    out = np.empty((flat.shape[0], m, m), dtype)
    for b, piv in enumerate(flat):
        perm = np.arange(m)
        for j, p in enumerate(piv):
            perm[[j, p - 1]] = perm[[p - 1, j]]
        out[b] = np.eye(m, dtype=dtype)[:, perm]
    return out.reshape(pivots.shape[:-1] + (m, m))


def unpack(lu, pivots):
    m, n = lu.shape[-2:]
    k = min(m, n)
    low = np.tril(lu[..., :, :k], -1) + np.eye(m, k, dtype=lu.dtype)
    up = np.triu(lu[..., :k, :])
    return permutation(pivots, m, lu.dtype), low, up


def _lu_fwd(a):
    lu, pivots, _ = lu_factor_array(a)
    return unpack(lu, pivots)


def lu_backward(gl, gu, p, low, up):
    """linalg_lu_backward for square A: gA = P L^{-T} (tril_-1(L^T gL) + triu(gU U^T)) U^{-T}."""
    ga = np.zeros(up.shape, up.dtype)
    if gl is not None:
        ga = ga + np.tril(np.swapaxes(low, -1, -2) @ gl, -1)
    if gu is not None:
        ga = ga + np.triu(gu @ np.swapaxes(up, -1, -2))
    ga = np.swapaxes(np.linalg.solve(up, np.swapaxes(ga, -1, -2)), -1, -2)   # ... U^{-T}
    ga = np.linalg.solve(np.swapaxes(low, -1, -2), ga)                       # L^{-T} ...
    return p @ ga


def lu_backward_any(gl, gu, p, low, up):
    """linalg_lu_backward for any shape: a wide A = P L [U1 | U2] is the square factorization of its first m
    columns plus U2 = L^{-1} A2; a tall A = P [L1; L2] U is that of its first n rows plus L2 = A2 U^{-1}."""
    m, n = low.shape[-2], up.shape[-1]
    mt = lambda t: np.swapaxes(t, -1, -2)  # noqa: E731
    if m == n:
        return lu_backward(gl, gu, p, low, up)
    eye = np.eye(m, dtype=low.dtype)
    if m < n:
        gu = np.zeros(up.shape, up.dtype) if gu is None else gu
        gu2 = gu[..., :, m:]
        low_t_inv_gu2 = np.linalg.solve(mt(low), gu2)
        gl_eff = (0 if gl is None else gl) - low_t_inv_gu2 @ mt(up[..., :, m:])
        ga1 = lu_backward(gl_eff, gu[..., :, :m], eye, low, up[..., :, :m])
        return p @ np.concatenate([ga1, low_t_inv_gu2], -1)
    gl = np.zeros(low.shape, low.dtype) if gl is None else gl
    gl2 = gl[..., n:, :]
    gl2_ut_inv = mt(np.linalg.solve(up, mt(gl2)))          # gL2 U^{-T}
    gu_eff = (0 if gu is None else gu) - mt(low[..., n:, :]) @ gl2_ut_inv
    ga1 = lu_backward(gl[..., :n, :], gu_eff, np.eye(n, dtype=low.dtype), low[..., :n, :], up)
    return p @ np.concatenate([ga1, gl2_ut_inv], -2)


@defop("linalg_lu", "LinalgLuBackward0", _lu_fwd, saves=(0,), several_outputs=True)
def lu_vjp(xp, grads, saved, consts, needs):
    p, low, up, a = saved
    if not xp.is_numpy:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch, and a double backward through "
                                  "torch.linalg.lu is not part of it")
    return (lu_backward_any(grads.get(1), grads.get(2), p, low, up),)


def _lu_factor_fwd(a):
    lu, pivots, info = lu_factor_array(a)
    return lu, pivots, info


@defop("linalg_lu_factor_ex", "LinalgLuFactorExBackward0", _lu_factor_fwd, saves=(0,), several_outputs=True)
def lu_factor_vjp(xp, grads, saved, consts, needs):
    """lu_factor_ex_backward: the strictly lower part of the gradient is L's, the upper part U's."""
    lu, pivots, _, a = saved
    if not xp.is_numpy:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch, and a double backward through "
                                  "torch.linalg.lu_factor is not part of it")
    g = grads.get(0)
    p, low, up = unpack(lu, pivots)
    k = min(lu.shape[-2:])
    return (lu_backward_any(np.tril(g[..., :, :k], -1), np.triu(g[..., :k, :]), p, low, up),)


def lu_solve_array(lu, pivots, b, left, adjoint):
    """X of ATen's linalg_lu_solve: op(A) X = B (left) or X op(A) = B, op(A) = A^T when adjoint."""
    if not left:
        return np.swapaxes(lu_solve_array(lu, pivots, np.swapaxes(b, -1, -2), True, not adjoint), -1, -2)
    got = lapack.getrs_lu(lu, pivots, b, "T" if adjoint else "N")
    if got is not None:
        return got
    p, low, up = unpack(lu, pivots)
    a = p @ low @ up
    return np.linalg.solve(np.swapaxes(a, -1, -2) if adjoint else a, b)


def lu_solve_lu_grad(lu, pivots, x, gb, left, adjoint):
    """The gradient of linalg_lu_solve with respect to LU (real dtypes), from gB, the gradient of B: the gradient of
    A = P L U (AX = B: -gB X^T; A^T X = B: -X gB^T; XA = B: -X^T gB; XA^T = B: -gB^T X) carried onto L's strictly
    lower part (tril(P^T gA U^T, -1)) and U's upper part (triu(L^T P^T gA))."""
    mt = lambda m: np.swapaxes(m, -1, -2)  # noqa: E731
    if left:
        ga = -(x @ mt(gb)) if adjoint else -(gb @ mt(x))
    else:
        ga = -(mt(gb) @ x) if adjoint else -(mt(x) @ gb)
    p, low, up = unpack(lu, pivots)
    pga = mt(p) @ ga
    return np.tril(pga @ mt(up), -1) + np.triu(mt(low) @ pga)


@defop("linalg_lu_solve", "LinalgLuSolveBackward0",
       lambda lu, b, pivots, left, adjoint: lu_solve_array(lu, pivots, b, left, adjoint), saves=(0, -1))
def lu_solve_vjp(xp, grad, saved, consts, needs):
    """gB = lu_solve(LU, pivots, g, left, not adjoint); gLU from linalg_lu_solve_LU."""
    lu, x = saved
    pivots, left, adjoint = consts
    if not xp.is_numpy:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch, and a double backward through "
                                  "torch.linalg.lu_solve is not part of it")
    gb = lu_solve_array(lu, pivots, grad, left, not adjoint)
    glu = lu_solve_lu_grad(lu, pivots, x, gb, left, adjoint) if needs[0] else None
    return glu, (gb if needs[1] else None)


def _unpack_data(lu, pivots):
    _, low, up = unpack(lu, pivots)
    return low, up


@defop("lu_unpack_data", "LuUnpackBackward0", _unpack_data, saves=(0,), several_outputs=True)
def lu_unpack_vjp(xp, grads, saved, consts, needs):
    """L's gradient fills the strictly lower part (the first k columns), U's the upper part (the first k rows)."""
    low, up, lu = saved[0], saved[1], saved[-1]
    m, n = lu.shape[-2:]
    k = min(m, n)
    g = np.zeros(lu.shape, lu.dtype)
    if grads.get(0) is not None:
        g[..., :, :k] += np.tril(grads[0], -1)
    if grads.get(1) is not None:
        g[..., :k, :] += np.triu(grads[1])
    return (g if xp.is_numpy else xp.wrap(g),)
