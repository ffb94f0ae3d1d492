"""The complex LAPACK routines PyTorch's CPU wheel calls on complex64 / complex128 matrices, through oneMKL as
lapack.py calls the real ones: ``?geev`` for linalg.eig and eigvals, ``?gesdd`` for linalg.svd and svdvals (c for
complex64, z for complex128; ``?heevd`` for linalg.eigh and eigvalsh of Hermitian matrices; lapack.py's getrf / getrs take complex matrices too, by the same prefixes). Each
function returns None without the library (or for an empty matrix, a matrix holding NaN or infinity, one LAPACK did
not converge on): the callers then use numpy's LAPACK, whose rounding (and the phases of its vectors) can differ
from MKL's."""
import ctypes

import numpy as np

from . import blas

_int = ctypes.c_int
_COMPLEX = (np.dtype(np.complex64), np.dtype(np.complex128))


def _library(a, dtypes=_COMPLEX, finite=True):
    """MKL's library for a's routines, or None (a of another dtype than dtypes, empty or, unless finite=False,
    not finite; no MKL): lapack.py's too, with the real dtypes."""
    if a.dtype not in dtypes or a.size == 0 or finite and not np.isfinite(a).all():
        return None
    lib = blas._load()
    if lib is not None:
        blas._threads(lib)
    return lib


def _ref(x):
    return ctypes.byref(x)


def _ptr(a):
    return a.ctypes.data_as(ctypes.c_void_p)


def _each(a):
    """The matrices of a batch, each a column-major copy (ATen's cloneBatchedColumnMajor)."""
    return [np.array(m, order="F") for m in a.reshape(-1, *a.shape[-2:])]


def _prefix(dtype):
    return "c" if dtype == np.complex64 else "z"


def _real(dtype):
    return np.float32 if dtype == np.complex64 else np.float64


def geev(a, vectors=True):
    """(eigenvalues, right eigenvectors or None) of the complex matrices a (..., n, n) as ATen's linalg_eig calls
    ?geev (jobvl 'N', jobvr 'V' or 'N'), or None."""
    lib = _library(a)
    if lib is None:
        return None
    n = a.shape[-1]
    fn = getattr(lib, _prefix(a.dtype) + "geev_")
    jobvl, jobvr = ctypes.c_char(b"N"), ctypes.c_char(b"V" if vectors else b"N")
    size, lda, one = _int(n), _int(max(1, n)), _int(1)
    ldvr = _int(max(1, n) if vectors else 1)
    rwork = np.empty(max(1, 2 * n), _real(a.dtype))
    ws, vs = [], []
    for m in _each(a):
        w, vl = np.empty(n, a.dtype), np.empty(1, a.dtype)
        vr = np.empty((n, n) if vectors else (1, 1), a.dtype, order="F")
        info, query = _int(0), np.zeros(1, a.dtype)
        args = (_ref(jobvl), _ref(jobvr), _ref(size), _ptr(m), _ref(lda), _ptr(w), _ptr(vl), _ref(one), _ptr(vr),
                _ref(ldvr))
        fn(*args, _ptr(query), _ref(_int(-1)), _ptr(rwork), _ref(info))
        work = np.empty(max(1, int(query[0].real)), a.dtype)
        fn(*args, _ptr(work), _ref(_int(work.size)), _ptr(rwork), _ref(info))
        if info.value != 0:
            return None
        ws.append(w)
        vs.append(vr)
    batch = a.shape[:-2]
    w = np.stack(ws).reshape(batch + (n,))
    return w, (np.stack(vs).reshape(batch + (n, n)) if vectors else None)


def gesdd(a, full_matrices=False, compute_uv=True):
    """(U, S, Vh) (U and Vh None without compute_uv) of the complex matrices a (..., m, n) as ATen's linalg_svd
    calls ?gesdd (jobz 'A', 'S' or 'N'); S real. Or None."""
    lib = _library(a)
    if lib is None:
        return None
    m, n = a.shape[-2:]
    k, big = min(m, n), max(m, n)
    fn = getattr(lib, _prefix(a.dtype) + "gesdd_")
    jobz = ctypes.c_char(b"N" if not compute_uv else b"A" if full_matrices else b"S")
    ucols, vrows = (m, n) if full_matrices else (k, k)
    rows, cols, lda = _int(m), _int(n), _int(max(1, m))
    ldu, ldvt = _int(max(1, m)), _int(max(1, vrows if compute_uv else 1))
    # (LAPACK's rwork bound for jobz 'N' and for the others, the larger of its two forms)
    rsize = 7 * k if not compute_uv else max(5 * k * k + 5 * k, 2 * big * k + 2 * k * k + k)
    rwork, iwork = np.empty(max(1, rsize), _real(a.dtype)), np.empty(max(1, 8 * k), np.int32)
    us, ss, vs = [], [], []
    for mat in _each(a):
        s = np.empty(k, _real(a.dtype))
        u = np.empty((m, ucols) if compute_uv else (1, 1), a.dtype, order="F")
        vt = np.empty((vrows, n) if compute_uv else (1, 1), a.dtype, order="F")
        info, query = _int(0), np.zeros(1, a.dtype)
        args = (_ref(jobz), _ref(rows), _ref(cols), _ptr(mat), _ref(lda), _ptr(s), _ptr(u), _ref(ldu), _ptr(vt),
                _ref(ldvt))
        fn(*args, _ptr(query), _ref(_int(-1)), _ptr(rwork), _ptr(iwork), _ref(info))
        work = np.empty(max(1, int(query[0].real)), a.dtype)
        fn(*args, _ptr(work), _ref(_int(work.size)), _ptr(rwork), _ptr(iwork), _ref(info))
        if info.value != 0:
            return None
        us.append(u)
        ss.append(s)
        vs.append(vt)
    batch = a.shape[:-2]
    s = np.stack(ss).reshape(batch + (k,))
    if not compute_uv:
        return None, s, None
    return np.stack(us).reshape(batch + (m, ucols)), s, np.stack(vs).reshape(batch + (vrows, n))


class NotConverged(np.linalg.LinAlgError):
    """?syevd / ?heevd did not converge (a matrix holding NaN): the index of the matrix in the batch and LAPACK's
    info, which ATen's message shows as its error code. A numpy LinAlgError, as numpy's fallback would raise."""

    def __init__(self, index, info):
        super().__init__(index, info)
        self.index, self.info = index, info


def heevd(a, uplo="L", vectors=True):
    """(real eigenvalues, eigenvectors or None) of the Hermitian matrices a (..., n, n) as ATen's linalg_eigh
    calls ?heevd (jobz 'V' or 'N'), or None; NotConverged where LAPACK does not converge (ATen calls it on
    NaN and infinities too: what comes out, values or an error code, is LAPACK's)."""
    lib = _library(a, finite=False)
    if lib is None:
        return None
    n = a.shape[-1]
    fn = getattr(lib, _prefix(a.dtype) + "heevd_")
    jobz, up = ctypes.c_char(b"V" if vectors else b"N"), ctypes.c_char(uplo.encode())
    size, lda, query_size = _int(n), _int(max(1, n)), _int(-1)
    ws, vs = [], []
    for index, m in enumerate(_each(a)):
        w = np.empty(n, _real(a.dtype))
        info, wq, rq, iq = _int(0), np.zeros(1, a.dtype), np.zeros(1, _real(a.dtype)), _int(0)
        head = (_ref(jobz), _ref(up), _ref(size), _ptr(m), _ref(lda), _ptr(w))
        fn(*head, _ptr(wq), _ref(query_size), _ptr(rq), _ref(query_size), _ref(iq), _ref(query_size), _ref(info))
        work = np.empty(max(1, int(wq[0].real)), a.dtype)
        rwork, iwork = np.empty(max(1, int(rq[0])), _real(a.dtype)), np.empty(max(1, iq.value), np.int32)
        fn(*head, _ptr(work), _ref(_int(work.size)), _ptr(rwork), _ref(_int(rwork.size)), _ptr(iwork),
           _ref(_int(iwork.size)), _ref(info))
        if info.value > 0:
            raise NotConverged(index, info.value)
        if info.value != 0:
            return None
        ws.append(w)
        vs.append(m)
    batch = a.shape[:-2]
    w = np.stack(ws).reshape(batch + (n,))
    return w, (np.stack(vs).reshape(a.shape) if vectors else None)

