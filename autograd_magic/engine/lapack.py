"""The symmetric eigensolver, the SVD, the LU, Cholesky and triangular solvers through the LAPACK that PyTorch's
CPU wheel runs, Intel oneMKL's, when it is installed (blas.py loads it), called as ATen calls them
(BatchLinearAlgebra.cpp): ``?syevd`` for linalg.eigh and eigvalsh (jobz 'V' or 'N'), ``?gesdd`` for linalg.svd
and svdvals (jobz 'A', 'S' or 'N'), ``?getrf`` then ``?getrs`` for linalg.solve and linalg.inv (the solve of
A X = I), ``?geqrf`` then ``?orgqr`` for linalg.qr, ``?potrf`` for linalg.cholesky(_ex), ``?potrs`` for
cholesky_solve, ``?potri`` for cholesky_inverse, BLAS ``?trsm`` for linalg.solve_triangular and
triangular_solve, each matrix copied column-major (solve_triangular: as ATen lays it out), one call per
matrix of a batch. Each was checked bit for bit against PyTorch 2.13 on a few hundred random matrices of float32
and float64, sizes 1 to 40.

An eigenvector or a singular vector is defined up to its sign, and which sign comes out depends on the LAPACK
(numpy's OpenBLAS gives the other sign for about half of the eigenvectors of a covariance matrix): PCA's
principal directions, a projection onto them, a sign-aligned comparison all print as in PyTorch only with the
same library. Without MKL (or for an empty matrix, another dtype, or a matrix LAPACK does not converge on, whose
error the callers keep) the functions return None and the callers use numpy's LAPACK.
"""
import ctypes

import numpy as np

from . import lapack_complex

_int = ctypes.c_int
_SCALAR = {np.dtype(np.float32): ctypes.c_float, np.dtype(np.float64): ctypes.c_double}
# LAPACK's prefix of each dtype's routines (getrf / getrs: the same calls for real and complex matrices)
_PREFIX = {np.dtype(np.float32): "s", np.dtype(np.float64): "d", np.dtype(np.complex64): "c",
           np.dtype(np.complex128): "z"}


def _library(a, finite=True):
    return lapack_complex._library(a, _SCALAR, finite)


_ref, _ptr, _each = lapack_complex._ref, lapack_complex._ptr, lapack_complex._each   # (the same calls for real ones)
NotConverged = lapack_complex.NotConverged


def syevd(a, uplo="L", vectors=True):
    """(eigenvalues, eigenvectors or None) of the symmetric matrices a (..., n, n) as PyTorch's linalg_eigh
    computes them, or None (see the module docstring); Hermitian ones through ?heevd. A matrix LAPACK does not
    converge on (one holding NaN) raises NotConverged with its batch index and info."""
    if a.dtype.kind == "c":
        return lapack_complex.heevd(a, uplo, vectors)
    lib = _library(a, finite=False)   # (ATen calls it on NaN and infinities too: values or an error code)
    if lib is None:
        return None
    n = a.shape[-1]
    fn = lib.ssyevd_ if a.dtype == np.float32 else lib.dsyevd_
    scalar = _SCALAR[a.dtype]
    jobz, up = ctypes.c_char(b"V" if vectors else b"N"), ctypes.c_char(uplo.encode())
    size, lda = _int(n), _int(max(1, n))
    ws, vs = [], []
    for index, m in enumerate(_each(a)):
        w = np.empty(n, a.dtype)
        info, wq, iwq = _int(0), scalar(0), _int(0)
        fn(_ref(jobz), _ref(up), _ref(size), _ptr(m), _ref(lda), _ptr(w), _ref(wq), _ref(_int(-1)), _ref(iwq),
           _ref(_int(-1)), _ref(info))
        work, iwork = np.empty(max(1, int(wq.value)), a.dtype), np.empty(max(1, iwq.value), np.int32)
        fn(_ref(jobz), _ref(up), _ref(size), _ptr(m), _ref(lda), _ptr(w), _ptr(work), _ref(_int(work.size)),
           _ptr(iwork), _ref(_int(iwork.size)), _ref(info))
        if info.value > 0:
            raise NotConverged(index, info.value)
        if info.value != 0:
            return None
        ws.append(w)
        vs.append(m)
    batch = a.shape[:-2]
    w = np.stack(ws).reshape(batch + (n,))
    return w, (np.stack(vs).reshape(a.shape) if vectors else None)


def gesdd(a, full_matrices=False, compute_uv=True):
    """(U, S, Vh) (U and Vh None without compute_uv) of the matrices a (..., m, n) as PyTorch's linalg_svd
    computes them on the CPU (its default driver, gesdd), or None (see the module docstring)."""
    if a.dtype.kind == "c":
        return lapack_complex.gesdd(a, full_matrices, compute_uv)
    lib = _library(a)
    if lib is None:
        return None
    m, n = a.shape[-2:]
    k = min(m, n)
    fn = lib.sgesdd_ if a.dtype == np.float32 else lib.dgesdd_
    scalar = _SCALAR[a.dtype]
    jobz = ctypes.c_char(b"N" if not compute_uv else b"A" if full_matrices else b"S")
    ucols, vrows = (m, n) if full_matrices else (k, k)
    rows, cols, lda = _int(m), _int(n), _int(max(1, m))
    ldu, ldvt = _int(max(1, m)), _int(max(1, vrows if compute_uv else 1))
    us, ss, vs = [], [], []
    for mat in _each(a):
        s = np.empty(k, a.dtype)
        u = np.empty((m, ucols) if compute_uv else (1, 1), a.dtype, order="F")
        vt = np.empty((vrows, n) if compute_uv else (1, 1), a.dtype, order="F")
        iwork = np.empty(8 * k, np.int32)
        info, wq = _int(0), scalar(0)
        fn(_ref(jobz), _ref(rows), _ref(cols), _ptr(mat), _ref(lda), _ptr(s), _ptr(u), _ref(ldu), _ptr(vt),
           _ref(ldvt), _ref(wq), _ref(_int(-1)), _ptr(iwork), _ref(info))
        work = np.empty(max(1, int(wq.value)), a.dtype)
        fn(_ref(jobz), _ref(rows), _ref(cols), _ptr(mat), _ref(lda), _ptr(s), _ptr(u), _ref(ldu), _ptr(vt),
           _ref(ldvt), _ptr(work), _ref(_int(work.size)), _ptr(iwork), _ref(info))
        if info.value != 0:
            return None
        us.append(u)
        ss.append(s)
        vs.append(vt)
    batch = a.shape[:-2]
    s = np.stack(ss).reshape(batch + (k,))
    if not compute_uv:
        return None, s, None
    return (np.stack(us).reshape(batch + (m, ucols)), s, np.stack(vs).reshape(batch + (vrows, n)))


def getrs(a, b):
    """X with a X = b for square real or complex matrices a (..., n, n) and b (..., n, k), batches broadcast, as PyTorch's
    linalg_solve computes it (linalg_lu_factor_ex, then linalg_lu_solve), or None."""
    lib = lapack_complex._library(a, _PREFIX)
    if lib is None or b.dtype != a.dtype or b.size == 0 or not np.isfinite(b).all():
        return None
    n, k = a.shape[-1], b.shape[-1]
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    a = np.broadcast_to(a, batch + a.shape[-2:])
    b = np.broadcast_to(b, batch + b.shape[-2:])
    p = _PREFIX[a.dtype]
    getrf, getrs = getattr(lib, p + "getrf_"), getattr(lib, p + "getrs_")
    size, cols, trans = _int(n), _int(k), ctypes.c_char(b"N")
    xs = []
    for lu, rhs in zip(_each(a), _each(b)):
        pivots, info = np.empty(n, np.int32), _int(0)
        getrf(_ref(size), _ref(size), _ptr(lu), _ref(size), _ptr(pivots), _ref(info))
        if info.value < 0:   # (info > 0: a zero pivot; getrs divides by it, as linalg.solve_ex and inv_ex return)
            return None
        getrs(_ref(trans), _ref(size), _ref(cols), _ptr(lu), _ref(size), _ptr(pivots), _ptr(rhs), _ref(size),
              _ref(info))
        xs.append(rhs)
    return np.stack(xs).reshape(batch + (n, k))


def solve(a, b):
    """numpy.linalg.solve's a^{-1} b for matrices b, from PyTorch's LAPACK where it can."""
    got = getrs(a, b)
    return got if got is not None else _numpy_or_nan(np.linalg.solve, a, b)


def _numpy_or_nan(fn, *args):
    """numpy's result, or NaNs for a singular matrix (numpy raises where getrs would divide by the zero pivot)."""
    try:
        return fn(*args)
    except np.linalg.LinAlgError:
        a, b = args[0], args[-1]
        return np.full(np.broadcast_shapes(a.shape[:-2], b.shape[:-2]) + b.shape[-2:], np.nan, a.dtype)


def inv(a):
    got = getrs(a, np.eye(a.shape[-1], dtype=a.dtype)) if a.ndim >= 2 else None
    return got if got is not None else _numpy_or_nan(np.linalg.inv, a)


def geqrf_orgqr(a, mode="reduced"):
    """(Q, R) of the matrices a (..., m, n) as PyTorch's linalg_qr computes them (?geqrf, R its upper triangle,
    Q from householder_product / ?orgqr, ?ungqr for complex ones; Q None for mode 'r'), or None."""
    lib = lapack_complex._library(a) if a.dtype.kind == "c" else _library(a)
    if lib is None:
        return None
    m, n = a.shape[-2:]
    k = min(m, n)
    p = _PREFIX[a.dtype]
    geqrf, orgqr = getattr(lib, p + "geqrf_"), getattr(lib, p + ("ungqr_" if a.dtype.kind == "c" else "orgqr_"))
    cols = m if mode == "complete" else k
    rows, width, lda, reflectors = _int(m), _int(n), _int(max(1, m)), _int(k)
    qs, rs = [], []
    for f in _each(a):
        tau, info, query = np.empty(max(1, k), a.dtype), _int(0), np.zeros(1, a.dtype)   # (query: the work size)
        geqrf(_ref(rows), _ref(width), _ptr(f), _ref(lda), _ptr(tau), _ptr(query), _ref(_int(-1)), _ref(info))
        work = np.empty(max(1, int(query[0].real)), a.dtype)
        geqrf(_ref(rows), _ref(width), _ptr(f), _ref(lda), _ptr(tau), _ptr(work), _ref(_int(work.size)), _ref(info))
        rs.append(np.triu(f if mode == "complete" else f[:k]))
        if mode == "r":
            continue
        q = np.zeros((m, cols), a.dtype, order="F")
        q[:, :min(n, cols)] = f[:, :min(n, cols)]
        orgqr(_ref(rows), _ref(_int(cols)), _ref(reflectors), _ptr(q), _ref(lda), _ptr(tau), _ptr(query),
              _ref(_int(-1)), _ref(info))
        work = np.empty(max(1, int(query[0].real)), a.dtype)
        orgqr(_ref(rows), _ref(_int(cols)), _ref(reflectors), _ptr(q), _ref(lda), _ptr(tau), _ptr(work),
              _ref(_int(work.size)), _ref(info))
        qs.append(q)
    batch = a.shape[:-2]
    r = np.stack(rs).reshape(batch + rs[0].shape)
    return (None if mode == "r" else np.stack(qs).reshape(batch + (m, cols))), r


def qr(a, mode="reduced"):
    """numpy.linalg.qr's (Q, R) (R alone for mode 'r'), from PyTorch's LAPACK where it can."""
    got = geqrf_orgqr(a, mode)
    if got is None:
        return np.linalg.qr(a, mode=mode)
    return got[1] if mode == "r" else got


def eigh(a, uplo="L"):
    """numpy.linalg.eigh's (w, v), from PyTorch's LAPACK where it can."""
    got = syevd(a, uplo)
    return got if got is not None else np.linalg.eigh(a, UPLO=uplo)


def eigvalsh(a, uplo="L"):
    got = syevd(a, uplo, vectors=False)
    return got[0] if got is not None else np.linalg.eigvalsh(a, UPLO=uplo)


def svd(a, full_matrices=True):
    got = gesdd(a, full_matrices)
    return got if got is not None else np.linalg.svd(a, full_matrices=full_matrices)


def svdvals(a):
    got = gesdd(a, compute_uv=False)
    return got[1] if got is not None else np.linalg.svd(a, compute_uv=False)


def getrf(a):
    """(LU, pivots int32 1-based, info) of the matrices a (..., m, n) as PyTorch's linalg_lu_factor_ex computes
    them (?getrf on a column-major copy), or None. LU comes back column-major per matrix, as PyTorch returns it."""
    lib = lapack_complex._library(a, _PREFIX)
    if lib is None:
        return None
    m, n = a.shape[-2:]
    fn = getattr(lib, _PREFIX[a.dtype] + "getrf_")
    rows, cols, lda = _int(m), _int(n), _int(max(1, m))
    lus, pivs, infos = [], [], []
    for f in _each(a):
        piv, info = np.empty(min(m, n), np.int32), _int(0)
        fn(_ref(rows), _ref(cols), _ptr(f), _ref(lda), _ptr(piv), _ref(info))
        lus.append(f)
        pivs.append(piv)
        infos.append(info.value)
    batch = a.shape[:-2]
    lu = np.swapaxes(np.stack([np.asarray(f).T for f in lus]).reshape(batch + (n, m)), -1, -2)
    return lu, np.stack(pivs).reshape(batch + (min(m, n),)), np.asarray(infos, np.int32).reshape(batch)


def potrf(a, upper=False):
    """(factor, info int32) of the matrices a (..., n, n) as PyTorch's linalg_cholesky_ex computes them on the
    CPU: ?potrf with uplo 'L' (or 'U') on a column-major copy of a's lower (upper) triangle, the other triangle
    zeros; where a leading minor is not positive-definite, info is its order and the factor what potrf left
    (MKL's blocked potrf on an AVX-512 Intel processor stops at another minor than an unblocked one when the
    matrix is nearly singular). None as the other functions here (no MKL, another dtype, empty, not finite)."""
    lib = lapack_complex._library(a, _SCALAR)
    if lib is None:
        return None
    n = a.shape[-1]
    fn = lib.spotrf_ if a.dtype == np.float32 else lib.dpotrf_
    uplo, size, lda = ctypes.c_char(b"U" if upper else b"L"), _int(n), _int(max(1, n))
    half = np.triu(a) if upper else np.tril(a)
    factors, infos = [], []
    for f in _each(half):
        info = _int(0)
        fn(_ref(uplo), _ref(size), _ptr(f), _ref(lda), _ref(info))
        factors.append(f)
        infos.append(info.value)
    batch = a.shape[:-2]
    factor = np.swapaxes(np.stack([f.T for f in factors]).reshape(batch + (n, n)), -1, -2)
    return factor, np.asarray(infos, np.int32).reshape(batch)


def _pair(a, b):
    """(library, batch shape, a and b broadcast to it) for a solve with right-hand sides b, or None (no MKL,
    another dtype, empty or not finite)."""
    lib = lapack_complex._library(a, _SCALAR)
    if lib is None or b.dtype != a.dtype or b.size == 0 or not np.isfinite(b).all():
        return None
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    return lib, batch, np.broadcast_to(a, batch + a.shape[-2:]), np.broadcast_to(b, batch + b.shape[-2:])


def trsm_legacy(a, b, upper, transpose=False, unitriangular=False):
    """X with op(A) X = B as the older torch.triangular_solve computes it on the CPU: A and B broadcast and each
    copied column-major, ?trsm with side 'L' and trans 'T' when transpose; None as trsm."""
    got = _pair(a, b)
    if got is None:
        return None
    lib, batch, a_, b_ = got
    fn = lib.strsm_ if a.dtype == np.float32 else lib.dtrsm_
    n, k = b_.shape[-2:]
    flags = [ctypes.c_char(c) for c in (b"L", b"U" if upper else b"L", b"T" if transpose else b"N",
                                        b"U" if unitriangular else b"N")]
    size_m, size_n, lda = _int(n), _int(k), _int(max(1, n))
    alpha = _SCALAR[a.dtype](1.0)
    solved = []
    for mem, f in zip(_each(a_), _each(b_)):
        fn(*map(_ref, flags), _ref(size_m), _ref(size_n), _ref(alpha), _ptr(mem), _ref(lda), _ptr(f), _ref(lda))
        solved.append(f)
    return np.stack(solved).reshape(batch + (n, k))


def potrs(l, b, upper):
    """X with A X = B for A = L L^T (U^T U) from its Cholesky factor, as torch.cholesky_solve computes it on the
    CPU: both broadcast and copied column-major, ?potrs; None as trsm."""
    got = _pair(l, b)
    if got is None:
        return None
    lib, batch, l_, b_ = got
    fn = lib.spotrs_ if l.dtype == np.float32 else lib.dpotrs_
    n, k = b_.shape[-2:]
    uplo, size, nrhs, lda = ctypes.c_char(b"U" if upper else b"L"), _int(n), _int(k), _int(max(1, n))
    solved = []
    for mem, f in zip(_each(l_), _each(b_)):
        info = _int(0)
        fn(_ref(uplo), _ref(size), _ref(nrhs), _ptr(mem), _ref(lda), _ptr(f), _ref(lda), _ref(info))
        solved.append(f)
    return np.stack(solved).reshape(batch + (n, k))


def potri(l, upper):
    """(L L^T)^{-1} (or (U^T U)^{-1}) from the Cholesky factors l, as torch.cholesky_inverse computes it on the
    CPU: ?potri on a column-major copy, its triangle then mirrored onto the other; None as the functions above."""
    lib = lapack_complex._library(l, _SCALAR)
    if lib is None:
        return None
    fn = lib.spotri_ if l.dtype == np.float32 else lib.dpotri_
    n = l.shape[-1]
    uplo, size, lda = ctypes.c_char(b"U" if upper else b"L"), _int(n), _int(max(1, n))
    done = []
    # the triangle potri did not write is a copy of the one it did (ATen's apply_reflect_conj_tri_single): a copy,
    # not a sum, so a -0. LAPACK leaves there stays -0. (the precision_matrix of a diagonal MultivariateNormal)
    unwritten = np.tri(n, k=-1, dtype=bool) if upper else np.tri(n, k=-1, dtype=bool).T
    for f in _each(l):
        info = _int(0)
        fn(_ref(uplo), _ref(size), _ptr(f), _ref(lda), _ref(info))
        done.append(np.where(unwritten, f.T, f))
    return np.stack(done).reshape(l.shape)


def trsm(a, b, upper, left=True, unitriangular=False):
    """X with A X = B (left) or X A = B of the triangular matrices a and the matrices b, as PyTorch's
    linalg_solve_triangular computes it on the CPU (BLAS ?trsm), or None (as the functions above; also for b not
    finite). ATen hands the memory of A to trsm as it lies: a row-major A goes as its transpose, with uplo
    flipped and trans 'T'; X is written into a column-major copy of B, transposed (side flipped) when that copy
    has a single row. MKL's trsm rounds differently for each of these on some processors, so they are kept."""
    got = _pair(a, b)
    if got is None:
        return None
    lib, batch, a_, b_ = got
    out = b_   # (out: column-major per matrix, a copy of B)
    transpose_a = b_.shape[-2] == 1   # (a column-major out with one row is also row-major: ATen transposes it)
    if transpose_a:
        left, out = not left, np.swapaxes(out, -1, -2)
    itemsize = a.itemsize
    row_major = a_.shape[-1] > 1 and a_.strides[-1] == itemsize
    if not (a_.flags.c_contiguous or np.swapaxes(a_, -1, -2).flags.c_contiguous):
        # (not row or column contiguous: ATen clones it, column-major, or row-major when it transposed out)
        a_ = np.ascontiguousarray(a_) if transpose_a else np.swapaxes(
            np.ascontiguousarray(np.swapaxes(a_, -1, -2)), -1, -2)
        row_major, f_contig = transpose_a and a_.shape[-1] > 1, True
    else:
        f_contig = row_major == transpose_a
    if row_major:   # (the memory read column-major is A's transpose)
        upper = not upper
    fn = lib.strsm_ if a.dtype == np.float32 else lib.dtrsm_
    rows, cols = out.shape[-2:]
    m = a_.shape[-1] if left else rows
    side, uplo = ctypes.c_char(b"L" if left else b"R"), ctypes.c_char(b"U" if upper else b"L")
    trans, diag = ctypes.c_char(b"N" if f_contig else b"T"), ctypes.c_char(b"U" if unitriangular else b"N")
    size_m, size_n = _int(m), _int(cols)
    lda, ldb = _int(max(1, a_.shape[-2])), _int(max(1, rows))
    alpha = _SCALAR[a.dtype](1.0)
    flat_a = a_.reshape(-1, *a_.shape[-2:])
    solved = []
    for i, f in enumerate(_each(out)):
        mat = flat_a[i]
        mem = np.ascontiguousarray(mat) if row_major else np.asfortranarray(mat)
        fn(_ref(side), _ref(uplo), _ref(trans), _ref(diag), _ref(size_m), _ref(size_n), _ref(alpha), _ptr(mem),
           _ref(lda), _ptr(f), _ref(ldb))
        solved.append(f)
    x = np.stack(solved).reshape(batch + out.shape[-2:])
    return np.swapaxes(x, -1, -2) if transpose_a else x


def geev(a, vectors=True):
    """(eigenvalues, right eigenvectors or None), complex, of the matrices a (..., n, n) as PyTorch's linalg_eig
    computes them on the CPU (?geev with jobvl 'N', jobvr 'V' or 'N', the real pairs made complex), or None."""
    if a.dtype.kind == "c":
        return lapack_complex.geev(a, vectors)
    lib = _library(a)
    if lib is None:
        return None
    n = a.shape[-1]
    fn = lib.sgeev_ if a.dtype == np.float32 else lib.dgeev_
    scalar = _SCALAR[a.dtype]
    cplx = np.complex64 if a.dtype == np.float32 else np.complex128
    jobvl, jobvr = ctypes.c_char(b"N"), ctypes.c_char(b"V" if vectors else b"N")
    size, lda, one = _int(n), _int(max(1, n)), _int(1)
    ldvr = _int(max(1, n) if vectors else 1)
    ws, vs = [], []
    for m in _each(a):
        wr, wi = np.empty(n, a.dtype), np.empty(n, a.dtype)
        vl = np.empty(1, a.dtype)
        vr = np.empty((n, n) if vectors else (1, 1), a.dtype, order="F")
        info, wq = _int(0), scalar(0)
        fn(_ref(jobvl), _ref(jobvr), _ref(size), _ptr(m), _ref(lda), _ptr(wr), _ptr(wi), _ptr(vl), _ref(one),
           _ptr(vr), _ref(ldvr), _ref(wq), _ref(_int(-1)), _ref(info))
        work = np.empty(max(1, int(wq.value)), a.dtype)
        fn(_ref(jobvl), _ref(jobvr), _ref(size), _ptr(m), _ref(lda), _ptr(wr), _ptr(wi), _ptr(vl), _ref(one),
           _ptr(vr), _ref(ldvr), _ptr(work), _ref(_int(work.size)), _ref(info))
        if info.value != 0:
            return None
        w = (wr + 1j * wi).astype(cplx)
        ws.append(w)
        if vectors:
            v = vr.astype(cplx)
            j = 0
            while j < n:   # a complex pair: columns j, j+1 hold re and im of the eigenvector of wr + i wi (wi > 0)
                if wi[j] != 0 and j + 1 < n:
                    re, im = vr[:, j].copy(), vr[:, j + 1].copy()
                    v[:, j].real, v[:, j].imag = re, im
                    v[:, j + 1].real, v[:, j + 1].imag = re, -im
                    j += 2
                else:
                    j += 1
            vs.append(v)
    batch = a.shape[:-2]
    w = np.stack(ws).reshape(batch + (n,))
    return w, (np.stack(vs).reshape(batch + (n, n)) if vectors else None)


def getrs_lu(lu, pivots, b, trans="N"):
    """X with op(A) X = b from A's getrf factors (lu (..., n, n), 1-based int32 pivots), batches broadcast, as
    PyTorch's linalg_lu_solve calls ?getrs (trans 'N' or 'T'), or None."""
    lib = _library(lu)
    if lib is None or b.dtype != lu.dtype or b.size == 0 or not np.isfinite(b).all():
        return None
    n, k = lu.shape[-1], b.shape[-1]
    batch = np.broadcast_shapes(lu.shape[:-2], b.shape[:-2], pivots.shape[:-1])
    lu = np.broadcast_to(lu, batch + lu.shape[-2:])
    b = np.broadcast_to(b, batch + b.shape[-2:])
    pivots = np.broadcast_to(pivots, batch + pivots.shape[-1:]).reshape(-1, n)
    fn = lib.sgetrs_ if lu.dtype == np.float32 else lib.dgetrs_
    size, cols, tr = _int(n), _int(k), ctypes.c_char(trans.encode())
    xs = []
    for f, rhs, piv in zip(_each(lu), _each(b), pivots):
        piv, info = np.ascontiguousarray(piv, np.int32), _int(0)
        fn(_ref(tr), _ref(size), _ref(cols), _ptr(f), _ref(size), _ptr(piv), _ptr(rhs), _ref(size), _ref(info))
        xs.append(rhs)
    return np.stack(xs).reshape(batch + (n, k))


class NotFullRank(Exception):
    """?gels met a matrix without full rank: the index of the matrix in the (broadcast) batch, LAPACK's info,
    and the number of batch dims."""

    def __init__(self, index, info, batch_dims):
        super().__init__(index, info)
        self.index, self.info, self.batch_dims = index, info, batch_dims


def gels(a, b, driver="gelsy", rcond=None):
    """(X, rank, singular values) of the least-squares problems a X = b, a (..., m, n), b (..., m, k), batches
    broadcast, as PyTorch's linalg_lstsq computes them on the CPU: b padded with zero rows to max(m, n), one
    ``?gels`` / ``?gelsy`` / ``?gelsd`` / ``?gelss`` call per matrix (gelsy's column pivots start at zero, rcond
    eps * max(m, n) unless given), X the whole padded block (its rows past n hold what ATen's residuals sum); or
    None (see the module docstring). gels meeting a matrix without full rank raises NotFullRank."""
    lib = _library(a)
    if lib is None or b.dtype != a.dtype or not np.isfinite(b).all():
        return None
    m, n = a.shape[-2:]
    k, rows = b.shape[-1], max(m, n)
    if m == 0 or n == 0 or k == 0:
        return None
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    a = np.broadcast_to(a, batch + a.shape[-2:])
    padded = np.zeros(batch + (rows, k), a.dtype)
    padded[..., :m, :] = b
    scalar = _SCALAR[a.dtype]
    prefix = "s" if a.dtype == np.float32 else "d"
    fn = getattr(lib, f"{prefix}{driver}_")
    if rcond is None:
        rcond = float(np.finfo(a.dtype).eps) * max(m, n)
    dims = [_ref(_int(m)), _ref(_int(n)), _ref(_int(k))]
    lda, ldb, cond = _ref(_int(max(1, m))), _ref(_int(rows)), _ref(scalar(rcond))
    xs, ranks, svs = [], [], []
    # ATen allocates gelsy's pivot array once for the whole batch (uninitialised: which columns the first matrix
    # keeps fixed depends on what that memory held; zeros, every column free, is taken here) and never resets
    # it: the second and later matrices find the previous matrix's permutation in it, every entry nonzero, so
    # their columns are all fixed in place, a QR without pivoting (the bits of gels on a full-rank matrix)
    jpvt = np.zeros(max(1, n), np.int32)
    for mat, rhs in zip(_each(a), _each(padded)):
        rank, info, wq = _int(0), _int(0), scalar(0)
        s = np.empty(min(m, n), a.dtype)
        if driver == "gels":
            call = lambda work, lw: fn(_ref(ctypes.c_char(b"N")), *dims, _ptr(mat), lda, _ptr(rhs), ldb,  # noqa: E731
                                       work, lw, _ref(info))
        elif driver == "gelsy":
            call = lambda work, lw: fn(*dims, _ptr(mat), lda, _ptr(rhs), ldb, _ptr(jpvt), cond, _ref(rank),  # noqa: E731
                                       work, lw, _ref(info))
        elif driver == "gelsd":
            iwq = _int(0)
            fn(*dims, _ptr(mat), lda, _ptr(rhs), ldb, _ptr(s), cond, _ref(rank), _ref(wq), _ref(_int(-1)),
               _ref(iwq), _ref(info))
            iwork = np.empty(max(1, iwq.value), np.int32)
            call = lambda work, lw: fn(*dims, _ptr(mat), lda, _ptr(rhs), ldb, _ptr(s), cond, _ref(rank),  # noqa: E731
                                       work, lw, _ptr(iwork), _ref(info))
        else:
            call = lambda work, lw: fn(*dims, _ptr(mat), lda, _ptr(rhs), ldb, _ptr(s), cond, _ref(rank),  # noqa: E731
                                       work, lw, _ref(info))
        if driver != "gelsd":
            call(_ref(wq), _ref(_int(-1)))
        work = np.empty(max(1, int(wq.value)), a.dtype)
        call(_ptr(work), _ref(_int(work.size)))
        if info.value > 0 and driver == "gels":   # (a zero on R's or L's diagonal: ATen's error, not the SVD)
            raise NotFullRank(len(xs), info.value, len(batch))
        if info.value != 0:
            return None
        xs.append(rhs)
        ranks.append(rank.value)
        svs.append(s)
    return (np.stack(xs).reshape(batch + (rows, k)), np.asarray(ranks, np.int64).reshape(batch),
            np.stack(svs).reshape(batch + (min(m, n),)))
