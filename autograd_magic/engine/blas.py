"""Float matrix products and elementary functions through the library PyTorch's CPU wheel uses, Intel oneMKL,
when the ``mkl`` package is installed (``pip install mkl``; ``make test`` and ``make demo`` install it).

MKL's order of summation depends on the processor (its AVX2 and AVX-512 kernels add a dot of 3 terms in different
orders), on the shapes and on the memory layout. Called with the arguments PyTorch's ``addmm`` passes (ATen's
``addmm_impl_cpu_``: which operand is transposed, the leading dimensions, ``normalize_last_dims``) and the same
thread count, the library gives PyTorch's bits on any processor (a long matrix-vector product on two or more
threads excepted: there MKL's split varies from run to run, PyTorch's own results too). Without it,
mkl_order.py keeps MKL's AVX2 orders for dots of 2-3 terms and numpy's BLAS beyond.

PyTorch's float ``sin cos tan exp log sqrt tanh asin acos atan log2 log10 erf erfc erfinv`` are MKL's vector
math (VML, high-accuracy mode), which is not always correctly rounded (sqrt included) and differs between
processors; ``vml`` gives the same bits (checked on 50000 random inputs per function and dtype).

``AUTOGRAD_MAGIC_MKL=0`` turns it off; ``AUTOGRAD_MAGIC_MKL=/path/libmkl_rt.so.2`` names the library.
"""
import ctypes
import functools
import os
import sys
import threading

import numpy as np

from . import ckernels, softmax_dims

_NO_TRANS, _TRANS, _COL_MAJOR = 111, 112, 102        # CBLAS enums
_MKL_THREADING_SEQUENTIAL, _MKL_THREADING_GNU = 1, 3  # mkl_service.h: PyTorch's MKL runs on GNU OpenMP
_state = {"lib": None, "tried": False, "threads": None, "gnu": False}
_LIB = []   # [the library] once loaded (addmm's check, at once)
_int = ctypes.c_int
_SCALARS = {np.dtype(np.float32): (ctypes.c_float(0.0), ctypes.c_float(1.0)),
            np.dtype(np.float64): (ctypes.c_double(0.0), ctypes.c_double(1.0)),
            # complex gemm takes alpha and beta by address: one-element arrays, for the extension and ctypes alike
            np.dtype(np.complex64): (np.zeros(1, np.complex64), np.ones(1, np.complex64)),
            np.dtype(np.complex128): (np.zeros(1, np.complex128), np.ones(1, np.complex128))}
_GEMM = {np.dtype(np.float32): "sgemm", np.dtype(np.float64): "dgemm", np.dtype(np.complex64): "cgemm",
         np.dtype(np.complex128): "zgemm"}   # ATen's cpublas::gemm of each dtype: MKL's ?gemm


def _candidates():
    named = os.environ.get("AUTOGRAD_MAGIC_MKL", "").strip()
    if named:
        return [named]
    out = []
    for prefix in dict.fromkeys((sys.prefix, sys.base_prefix, sys.exec_prefix)):
        out.append(os.path.join(prefix, "lib", "libmkl_rt.so.2"))
    import ctypes.util   # here, not at import: it brings subprocess and shutil (7 ms of the engine's import)
    found = ctypes.util.find_library("mkl_rt")
    if found:
        out.append(found)
    return out


def _load():
    """The library, set up once (threading layer, function signatures), or None."""
    if _state["tried"]:
        return _state["lib"]
    _state["tried"] = True
    if os.environ.get("AUTOGRAD_MAGIC_MKL", "").strip() == "0" or not sys.platform.startswith("linux"):
        return None
    for path in _candidates():
        if not os.path.exists(path) and os.sep in path:
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        # GNU OpenMP, as PyTorch's MKL, when libgomp is there (MKL exits the process if a layer cannot load)
        gnu = _has_gomp()
        lib.MKL_Set_Threading_Layer.argtypes = [_int]
        lib.MKL_Set_Threading_Layer(_MKL_THREADING_GNU if gnu else _MKL_THREADING_SEQUENTIAL)
        _state["gnu"] = gnu
        lib.MKL_Set_Num_Threads.argtypes = [_int]
        # no argtypes for the BLAS calls (a third of their cost for small products): ints go as C ints, data as
        # ctypes arrays (pointers), alpha/beta as the prepared ctypes scalars of _SCALARS
        for name in ("cblas_sgemm", "cblas_dgemm", "cblas_cgemm", "cblas_zgemm", "cblas_sgemv", "cblas_dgemv",
                     "cblas_cdotu_sub", "cblas_zdotu_sub", "cblas_cdotc_sub", "cblas_zdotc_sub"):
            getattr(lib, name).restype = None
        for name in ("cblas_sdot", "cblas_ddot"):
            getattr(lib, name).restype = ctypes.c_float if name[6] == "s" else ctypes.c_double
        _bind(lib)
        _state["lib"] = lib
        _LIB.append(lib)
        return lib
    return None


_BYTES = ctypes.c_char * 0
_F32, _F64 = np.dtype(np.float32), np.dtype(np.float64)
_NDARRAY, _np_empty = np.ndarray, np.empty   # (module globals: compiled, np.X is a module attribute read)
_THREADS = softmax_dims._THREADS   # (set_num_threads's count: the list itself, changed in place, never rebound)
_C64, _C128 = np.dtype(np.complex64), np.dtype(np.complex128)
_CALL = {}   # "sgemm", "dgemm", "cgemm", "zgemm", "sgemv", "dgemv" -> the function to call (see _bind)
_EXT = []    # [the kernels' extension] when the calls go through it


def _bind(lib):
    """The BLAS calls: through the kernels' extension where it is loaded (ckernels.EXT: its call_<name> takes the
    function's address, numpy arrays and Python numbers, ~0.1 us a call), else through ctypes (~1-2 us)."""
    ext = ckernels.EXT
    for name in ("sgemm", "dgemm", "cgemm", "zgemm", "sgemv", "dgemv"):
        fn = getattr(lib, "cblas_" + name)
        _CALL[name] = fn if ext is None else \
            functools.partial(getattr(ext, "call_" + name), ctypes.cast(fn, ctypes.c_void_p).value)
    if ext is not None:
        _EXT.append(ext)
        _SCALARS.update({_F32: (0.0, 1.0), _F64: (0.0, 1.0)})


def _ptr(a):
    """a's data as an argument of a BLAS call: the array itself for the extension, else a zero-length ctypes array
    over its buffer (cheaper than a.ctypes.data), or the address where the buffer protocol refuses (a read-only or
    strided array)."""
    if _EXT:
        return a
    flags = a.flags
    try:
        return _BYTES.from_buffer(a if flags.c_contiguous or not flags.f_contiguous else a.T)
    except (TypeError, ValueError, BufferError):
        return ctypes.c_void_p(a.ctypes.data)


def _address(a):
    """Where a's data starts (through the buffer protocol where it can: a fifth of a.ctypes.data's cost)."""
    try:
        return ctypes.addressof(_BYTES.from_buffer(a if a.flags.c_contiguous or not a.flags.f_contiguous else a.T))
    except (TypeError, ValueError, BufferError):
        return a.ctypes.data


def _empty64(shape, dtype):
    """A new C-contiguous array whose data starts on a 64-byte boundary, as PyTorch's CPU allocator places
    every tensor."""
    count = 1
    for d in shape:
        count *= d
    size = dtype.itemsize
    buf = np.empty(count + 64 // size, dtype)   # numpy's allocations are aligned to the item size at least
    start = (-ctypes.addressof(_BYTES.from_buffer(buf)) % 64) // size
    return buf[start:start + count].reshape(shape)


def _as_pytorch_placed(a, slot=0):
    """a, or a copy of it placed as PyTorch would place it: its allocation 64-byte aligned, a view at its offset
    from there. MKL's matrix-vector kernels peel loops by alignment, so the last bits of a long one can depend on
    where the operands sit (seen for column-major gemv); C- and F-contiguous arrays only (others stay).
    The copy is made in this thread's scratch buffer ``slot`` (see _scratch_view): valid until the next call
    with the same slot, so only for an operand handed straight to MKL."""
    flags = a.flags
    if not (flags.c_contiguous or flags.f_contiguous):
        return a
    here = _address(a)
    root = a.base
    if root is None:
        want = 0
    else:
        while isinstance(root.base, np.ndarray):
            root = root.base
        want = (here - _address(root)) % 64 if isinstance(root, np.ndarray) else 0
    if here % 64 == want:
        return a
    if _SCRATCH.__dict__.get("depth", 0) > 1 or a.nbytes > _SCRATCH_MAX:
        # a product started while another one on this thread has its operands in the scratch buffers (from a
        # finalizer an allocation ran): its own copies, the outer product's operands stay as they are; and a big
        # operand gets its own copy too (the scratch buffers stay small for the thread's life)
        out = _placed_copy(want, a)
    else:
        out = _scratch_view(slot, want, a)
    np.copyto(out, a)
    return out


def _placed_copy(want, a):
    """A new array of a's shape, dtype and strides starting ``want`` bytes past a 64-byte boundary."""
    return _laid_out(np.empty(a.size * a.itemsize + 128, np.uint8), want, a)


def _laid_out(buf, want, a):
    """An array of a's shape, dtype and strides (C- or F-contiguous a) over the bytes buf (at least a's size + 64),
    starting ``want`` bytes past a 64-byte boundary."""
    start = (want - _address(buf)) % 64
    flat = buf[start:start + a.size * a.itemsize].view(a.dtype)
    out = flat.reshape(a.shape) if a.flags.c_contiguous else flat.reshape(a.shape[::-1]).T
    if out.strides != a.strides:   # a's own strides, size-1 dims' included (ATen picks its BLAS call from them)
        out = np.lib.stride_tricks.as_strided(flat, a.shape, a.strides)
    return out


_SCRATCH = threading.local()
_SCRATCH_MAX = 1 << 18   # bytes: operands up to this size are placed in the scratch buffers


def _scratch_view(slot, want, a):
    """An array of a's shape, dtype and strides in this thread's scratch buffer ``slot``, starting ``want`` bytes
    past a 64-byte boundary (the views are kept per layout: a loop of small products makes none anew)."""
    views = getattr(_SCRATCH, "views", None)
    if views is None:
        views = _SCRATCH.views = {}
        _SCRATCH.buffers = {}
    key = (slot, want, a.shape, a.strides, a.dtype.char)
    out = views.get(key)
    if out is not None:
        return out
    n = a.size * a.itemsize
    buf = _SCRATCH.buffers.get(slot)
    if buf is None or buf.size < n + 128:
        views.clear()   # a bigger buffer: the views of the old one go
        buf = _SCRATCH.buffers[slot] = np.empty(max(4096, 2 * n + 128), np.uint8)
    out = _laid_out(buf, want, a)
    if n <= 1 << 16:   # small layouts are kept (at most 256 views); a big one is made each time
        if len(views) >= 256:
            views.clear()
        views[key] = out
    return out


def _has_gomp():
    import ctypes.util   # here, not at import (see _candidates)
    for name in ("libgomp.so.1", ctypes.util.find_library("gomp")):
        if name:
            try:
                ctypes.CDLL(name)
                return True
            except OSError:
                pass
    return False


def available():
    return _load() is not None


def _strides(a):
    size = a.itemsize
    return [s // size for s in a.strides]


def _contiguous(a):
    """A C-contiguous copy (what ATen's ``clone(MemoryFormat::Contiguous)`` gives) and its strides."""
    c = np.ascontiguousarray(a)
    if c is a:
        c = a.copy()
    return c, _strides(c)


# ATen's vml.h: vm?<op>(n, in, out, VML_HA | VML_FTZDAZ_OFF | VML_ERRMODE_IGNORE)
_VML_MODE = 0x2 | 0x140000 | 0x100
_vml_fns = {}


def vml(name, a):
    """MKL's vector function ``name`` ("Sin", "Ln", ...) of a float32/float64 array as PyTorch calls it, in a new
    array of a's shape; None when the library is missing or a is of another dtype."""
    if a.__class__ is not _NDARRAY:
        return None
    dtype = a.dtype
    if dtype is not _F32 and dtype is not _F64 and dtype != _F32 and dtype != _F64:
        return None
    key = (name, dtype.char)
    fn = _vml_fns.get(key)
    if fn is None:
        lib = _load()
        if lib is None:
            return None
        fn = getattr(lib, ("vms" if a.dtype == np.float32 else "vmd") + name)
        fn.argtypes = [_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_longlong]
        fn.restype = None
        if _EXT:
            fn = functools.partial(_EXT[0].call_vml, ctypes.cast(fn, ctypes.c_void_p).value)
        _vml_fns[key] = fn
    src = a if a.flags.c_contiguous else np.ascontiguousarray(a)
    out = _np_empty(src.shape, src.dtype)
    n = src.size
    step = 1 << 30
    if 0 < n <= step:   # (one call: the buffers themselves as arguments, cheaper than their .ctypes.data)
        fn(n, _ptr(src), _ptr(out), _VML_MODE)
        return out if src is a else out.reshape(a.shape)
    for start in range(0, n, step):   # MKL_INT is 32 bits
        count = min(step, n - start)
        fn(count, src.ctypes.data + start * src.itemsize, out.ctypes.data + start * src.itemsize, _VML_MODE)
    return out.reshape(a.shape)   # ascontiguousarray makes a 0-d array 1-d


_DEFAULT_THREADS = []
_SET = [object()]   # the set_num_threads count (None: none set) _threads last saw, MKL set for it


def _scalars(dtype, x):
    """x as the BLAS scalar of dtype (ATen's ``Scalar.to<scalar_t>()``: a Python float rounded to float32; the
    extension rounds a Python float as ctypes.c_float does)."""
    if dtype.kind == "c":   # (by address: a one-element array)
        return np.array([x], dtype)
    if _EXT:
        return float(x)
    return ctypes.c_float(x) if dtype == np.float32 else ctypes.c_double(x)


def _threads(lib):
    """MKL runs on as many threads as PyTorch's intra-op pool (its order can depend on them): set_num_threads's
    count, else PyTorch's default, read once as PyTorch reads it at start."""
    threads = _THREADS[0]
    if threads == _SET[0]:
        return   # (set_num_threads's count as _threads last saw it, MKL set for it: the common case, at once)
    _SET[0] = threads
    if threads is None:
        if not _DEFAULT_THREADS:
            _DEFAULT_THREADS.append(softmax_dims.threads())
        threads = _DEFAULT_THREADS[0]
    if not _state["gnu"]:
        threads = 1
    if threads != _state["threads"]:
        lib.MKL_Set_Num_Threads(threads)
        _state["threads"] = threads


def _usable(*arrays):
    if any(a.dtype not in (np.float32, np.float64) or a.dtype != arrays[0].dtype for a in arrays):
        return None
    return _load()


def _result(shape, dtype, bias, inner, aligned=False):
    """The new result of a product (64-byte aligned where MKL's kernel depends on it) with the bias copied in, as
    ATen copies ``self`` into the result before a beta=1 call, and whether a product is left to compute (not when
    the result is empty or the inner size is 0: then it is the bias, or zeros)."""
    result = _empty64(shape, dtype) if aligned else _np_empty(shape, dtype)
    if result.size == 0:
        return result, False
    if inner == 0:
        result[...] = 0 if bias is None else bias
        return result, False
    if bias is not None:
        result[...] = bias
    return result, True


def addmv(mat, vec, bias=None, beta=1, alpha=1):
    """``bias + mat @ vec`` as PyTorch's addmv computes it (gemv with ATen's choice of layout), or None; beta and
    alpha go to gemv as its own (``beta * bias + alpha * mat @ vec``; bias None with beta 0, as ATen)."""
    if mat.dtype.kind == "c" and mat.ndim == 2 and vec.ndim == 1 and mat.dtype == vec.dtype:
        return _complex_gemv(mat, vec, bias, beta, alpha)
    lib = _usable(mat, vec)
    if lib is None or mat.ndim != 2 or vec.ndim != 1:
        return None
    rows, cols = mat.shape
    result, todo = _result((rows,), mat.dtype, bias, cols, aligned=True)
    if not todo:
        return result
    depth = _SCRATCH.__dict__.get("depth", 0)   # products under way on this thread (see _as_pytorch_placed)
    _SCRATCH.depth = depth + 1
    try:
        return _addmv_placed(lib, _as_pytorch_placed(mat, 0), _as_pytorch_placed(vec, 1), bias, result, rows, cols,
                             beta, alpha)
    finally:
        _SCRATCH.depth = depth


def _addmv_placed(lib, mat, vec, bias, result, rows, cols, beta=1, alpha=1):
    s = _strides(mat)
    if s[0] == 1 and (cols == 1 or s[1] >= max(1, rows)):
        trans, m, n, lda = _NO_TRANS, rows, cols, s[1]
    elif s[1] == 1 and (rows == 1 or s[0] >= max(1, cols)):
        trans, m, n, lda = _TRANS, cols, rows, s[0]
    else:
        mat, s = _contiguous(mat)
        trans, m, n, lda = _TRANS, cols, rows, s[0]
    if n == 1:
        lda = m
    incx = _strides(vec)[0]
    if incx <= 0 or lda < max(1, m):
        return None
    _threads(lib)
    gemv = _CALL["sgemv" if mat.dtype == np.float32 else "dgemv"]
    zero, one = _SCALARS[mat.dtype]
    b = one
    if beta != 1 or alpha != 1:
        b, one = _scalars(mat.dtype, beta), _scalars(mat.dtype, alpha)
    gemv(_COL_MAJOR, trans, m, n, one, _ptr(mat), lda, _ptr(vec), incx, zero if bias is None else b,
         _ptr(result), 1)
    return result


def _cmul(ar, ai, br, bi):
    """c10::complex's product, (ar br - ai bi, ar bi + ai br), every product rounded (numpy's complex multiply
    fuses some of them)."""
    return ar * br - ai * bi, ar * bi + ai * br


def _complex_gemv(mat, vec, bias, beta=1, alpha=1):
    """ATen's addmv of complex operands: its gemv has no BLAS fast path for complex types and runs its own loops
    (BlasKernel.cpp), picked as for the real ones: a row-major mat ('t'): each output a sum over the row in order,
    then ``alpha * sum`` (``beta * y + alpha * sum``); a column-major one ('n'): y scaled by beta (zeroed for beta 0),
    then ``y += (alpha * x[j]) * column j`` for each j. c10::complex's products, none fused."""
    rows, cols = mat.shape
    real = mat.real.dtype
    y = np.zeros(rows, mat.dtype)
    if bias is not None and beta != 0:
        y[...] = bias
    if rows == 0 or cols == 0:
        return y if beta == 1 or beta == 0 else y * mat.dtype.type(beta)
    al = complex(alpha)
    alr, ali = real.type(al.real), real.type(al.imag)
    be = complex(beta)
    ber, bei = real.type(be.real), real.type(be.imag)
    xr, xi = vec.real, vec.imag
    s = _strides(mat)
    if s[0] == 1 and (cols == 1 or s[1] >= max(1, rows)):   # 'n': columns
        yr, yi = y.real.copy(), y.imag.copy()
        if beta != 1 and beta != 0:
            yr, yi = _cmul(yr, yi, ber, bei)
            if beta == 0:
                yr, yi = yr * 0, yi * 0
        mr, mi = mat.real, mat.imag
        for j in range(cols):
            zr, zi = _cmul(alr, ali, xr[j], xi[j])
            pr, pi = _cmul(zr, zi, mr[:, j], mi[:, j])
            yr, yi = yr + pr, yi + pi
    else:   # 't': rows (a matrix of other strides as its row-major copy)
        m = mat if s[1] == 1 else np.ascontiguousarray(mat)
        mr, mi = m.real, m.imag
        sr = np.zeros(rows, real)
        si = np.zeros(rows, real)
        for j in range(cols):
            pr, pi = _cmul(xr[j], xi[j], mr[:, j], mi[:, j])
            sr, si = sr + pr, si + pi
        yr, yi = _cmul(alr, ali, sr, si)
        if beta != 0:
            br_, bi_ = _cmul(ber, bei, y.real, y.imag)
            yr, yi = br_ + yr, bi_ + yi
    out = np.empty(rows, mat.dtype)
    out.real, out.imag = yr, yi
    return out


_DOTU = {_C64: "cblas_cdotu_sub", _C128: "cblas_zdotu_sub"}
_DOTC = {_C64: "cblas_cdotc_sub", _C128: "cblas_zdotc_sub"}


def dot(a, b, conj_first=False):
    """PyTorch's dot of two 1-d float or complex vectors (MKL's sdot/ddot, cdotu/zdotu; with conj_first, vdot's
    cdotc/zdotc, the first vector conjugated), or None."""
    complex_ = a.dtype in _DOTU and b.dtype == a.dtype
    lib = _load() if complex_ else _usable(a, b)
    if lib is None or a.ndim != 1 or b.ndim != 1 or a.shape != b.shape or (conj_first and not complex_):
        return None
    ia, ib = _strides(a)[0], _strides(b)[0]
    if ia <= 0 or ib <= 0:
        return None
    if a.shape[0] == 1:   # ATen passes increments of 1 for a single term (MKL's strided path rounds otherwise)
        ia = ib = 1
    _threads(lib)
    if complex_:   # (the result through a pointer: ATen's dot/vdot for complex call the _sub forms)
        out = np.zeros(1, a.dtype)
        getattr(lib, (_DOTC if conj_first else _DOTU)[a.dtype])(
            a.shape[0], ctypes.c_void_p(a.ctypes.data), ia, ctypes.c_void_p(b.ctypes.data), ib,
            ctypes.c_void_p(out.ctypes.data))
        return out[0]
    fn = lib.cblas_sdot if a.dtype == np.float32 else lib.cblas_ddot
    return a.dtype.type(fn(a.shape[0], ctypes.c_void_p(a.ctypes.data), ia, ctypes.c_void_p(b.ctypes.data), ib))


def addmm(m1, m2, bias=None, beta=1, alpha=1):
    """``bias + m1 @ m2`` (bias None: ``m1 @ m2``) for 2-d float32/float64/complex64/complex128 arrays (MKL's
    s/d/c/zgemm, as ATen's cpublas::gemm calls them; a conjugated operand comes materialised, which gives the bits
    of ATen's ConjTranspose call), computed as PyTorch's addmm
    computes it, into a new C-contiguous array; None when the library is missing or does not apply (the caller
    then computes it its own way). beta / alpha (addmm's, baddbmm's and addbmm's) go to gemm as its own beta and
    alpha, ``beta * bias + alpha * m1 @ m2`` in MKL's rounding, as ATen passes them (with beta 0 it passes no bias:
    the caller gives None)."""
    dtype = m1.dtype
    if m1.ndim != 2 or m2.ndim != 2 or dtype != m2.dtype or (dtype is not _F32 and dtype is not _F64
                                                            and dtype not in _GEMM):
        return None
    lib = _LIB[0] if _LIB else _load()
    if lib is None:
        return None
    M, K = m1.shape
    N = m2.shape[1]
    if M > 1 and N > 1 and K > 1 and m1.flags.c_contiguous and (bias is None or bias.dtype == dtype):
        # the common case, as the general code below decides it: a C-contiguous m1, m2 C- or F-contiguous
        # (a weight's transpose); result (M, N) as its column-major transpose
        if m2.flags.c_contiguous:
            trans_a, lda = _NO_TRANS, N
        elif m2.flags.f_contiguous:
            trans_a, lda = _TRANS, K
        else:
            trans_a = None
        if trans_a is not None:
            result, _ = _result((M, N), dtype, bias, K)
            zero, one = _SCALARS[dtype]
            if beta != 1 or alpha != 1:
                one, b = _scalars(dtype, alpha), _scalars(dtype, beta)
            else:
                b = one
            _threads(lib)
            if dtype.kind == "c":   # (alpha and beta by address)
                one, zero, b = _ptr(one), _ptr(zero), _ptr(b)
            _CALL[_GEMM[dtype]](
                _COL_MAJOR, trans_a, _NO_TRANS, N, M, K, one, _ptr(m2), lda, _ptr(m1), K,
                zero if bias is None else b, _ptr(result), N)
            return result
    vector = M == 1 or N == 1   # MKL goes to its matrix-vector kernels: operands and result placed as PyTorch's
    result, todo = _result((M, N), dtype, bias, K, aligned=vector)
    if not todo:
        return result
    key = (M, N, K, m1.strides, m2.strides, dtype.char)
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) > 4096:
            _PLANS.clear()
        plan = _PLANS[key] = _plan(M, N, K, m1.strides, m2.strides, dtype.itemsize)
    if plan is False:
        return None   # ATen's own gemm kernel, not BLAS
    scale = (beta, alpha) if beta != 1 or alpha != 1 else None
    if not vector:
        return _gemm(lib, dtype, plan, m1, m2, bias, result, scale)
    depth = _SCRATCH.__dict__.get("depth", 0)   # products under way on this thread (see _as_pytorch_placed)
    _SCRATCH.depth = depth + 1
    try:
        return _gemm(lib, dtype, plan, _as_pytorch_placed(m1, 0), _as_pytorch_placed(m2, 1), bias, result, scale)
    finally:
        _SCRATCH.depth = depth


def _gemm(lib, dtype, plan, m1, m2, bias, result, scale=None):
    """result = m1 @ m2 (+ result, the bias copied in, when bias is given) as _plan says ATen calls BLAS; scale:
    (beta, alpha) for gemm, else 1 and 1."""
    swap, copy_a, copy_b, trans_a, trans_b, m, n, k, lda, ldb, ldc = plan
    _threads(lib)
    a_arr, b_arr = (m2, m1) if swap else (m1, m2)
    if copy_a:
        a_arr = _contiguous(a_arr)[0]
    if copy_b:
        b_arr = _contiguous(b_arr)[0]
    zero, one = _SCALARS[dtype]
    b = one
    if scale is not None:
        b, one = _scalars(dtype, scale[0]), _scalars(dtype, scale[1])
    if dtype.kind == "c":   # (alpha and beta by address)
        one, zero, b = _ptr(one), _ptr(zero), _ptr(b)
    _CALL[_GEMM[dtype]](
        _COL_MAJOR, trans_a, trans_b, m, n, k, one, _ptr(a_arr), lda, _ptr(b_arr), ldb,
        zero if bias is None else b, _ptr(result), ldc)   # (result: new, C-contiguous)
    return result


_PLANS = {}   # (M, N, K, strides of m1 and m2, dtype): the BLAS call ATen makes for that layout (see _plan)


def _plan(M, N, K, strides1, strides2, size):
    """ATen addmm_impl_cpu_'s BLAS call for m1 (M, K) @ m2 (K, N) with these strides (bytes; size: the item size),
    M, N, K at least 1: (swap: m2 is BLAS's a, copy_a/copy_b: that operand goes as a C-contiguous copy, the
    transposes, m, n, k and the leading dimensions), or False where ATen uses its own kernel instead of BLAS.
    The result (contiguous, strides (N, 1)) is taken as column-major c, or its transpose."""
    rs = (N, 1) if N > 1 or M == 1 else (1, 1)
    a_s, b_s = [strides1[0] // size, strides1[1] // size], [strides2[0] // size, strides2[1] // size]
    a_sizes, b_sizes = [M, K], [K, N]
    swap = not (rs[0] == 1 and (N == 1 or rs[1] >= M))
    transpose_c = swap
    if swap:
        a_s, b_s, a_sizes, b_sizes = b_s, a_s, b_sizes, a_sizes
    m = N if transpose_c else M
    n = M if transpose_c else N
    k = a_sizes[0] if transpose_c else a_sizes[1]
    i0, i1 = (1, 0) if transpose_c else (0, 1)
    transpose_a, copy_a, a_s = _operand(a_s, a_sizes, i0, i1, m, k, transpose_c)
    transpose_b, copy_b, b_s = _operand(b_s, b_sizes, i0, i1, k, n, transpose_c)
    lda = a_s[1 if transpose_a == transpose_c else 0]
    ldb = b_s[1 if transpose_b == transpose_c else 0]
    ldc = rs[0] if transpose_c else rs[1]
    lda, ldb, ldc = normalized_leading_dims(m, n, k, lda, ldb, ldc, transpose_a, transpose_b)
    if not (lda >= (k if transpose_a else m) and ldb >= (n if transpose_b else k) and ldc >= m):
        return False
    return (swap, copy_a, copy_b, _TRANS if transpose_a else _NO_TRANS, _TRANS if transpose_b else _NO_TRANS,
            m, n, k, lda, ldb, ldc)


def normalized_leading_dims(m, n, k, lda, ldb, ldc, transpose_a, transpose_b):
    """cpublas normalize_last_dims: the leading dimensions of degenerate (size-1) operands as BLAS wants them, for
    a gemm of (m, k) by (k, n) (column-major, BLAS's view); (lda, ldb, ldc)."""
    if n == 1:
        ldc = m
    if transpose_a:
        if m == 1:
            lda = k
    elif k == 1:
        lda = m
    if transpose_b:
        if k == 1:
            ldb = n
    elif n == 1:
        ldb = k
    return lda, ldb, ldc


def _operand(strides, sizes, i0, i1, rows, cols, transpose_c):
    """ATen's choice for one operand of a (rows, cols) BLAS matrix: (transposed, copied, strides): as it is when
    one of its dims is unit-strided with a leading dimension large enough, else a C-contiguous copy (with the
    copy's strides)."""
    if strides[i0] == 1 and strides[i1] >= rows:
        return False, False, strides
    if strides[i1] == 1 and strides[i0] >= cols:
        return True, False, strides
    return not transpose_c, True, [sizes[1], 1]


def frames_product(weight, cols, out, beta):
    """out[i] (beta * out[i] +) weight @ cols[i] for each i, as ATen's own convolution kernels (thnn_conv2d,
    slow_conv3d, slow_conv_dilated) call BLAS once per sample: ``gemm('n', 'n', m=out positions, n=out channels,
    k=window size, finput, lda=m, weight, ldb=k, beta, output, ldc=m)``. weight (O, K) and cols (F, K, M) are
    C-contiguous float32/float64, out (F, O, M) C-contiguous (holding the bias where beta is 1). False where the
    library is missing (the caller computes it its own way)."""
    lib = _usable(weight, cols, out)
    if lib is None:
        return False
    o, k = weight.shape
    m = cols.shape[2]
    zero, one = _SCALARS[weight.dtype]
    gemm = _CALL["sgemm" if weight.dtype == _F32 else "dgemm"]
    _threads(lib)
    wp = _ptr(weight)
    for i in range(cols.shape[0]):
        gemm(_COL_MAJOR, _NO_TRANS, _NO_TRANS, m, o, k, one, _ptr(cols[i]), m, wp, k, one if beta else zero,
             _ptr(out[i]), m)
    return True


def frames_weight_product(cols, grads, out):
    """out (O, K) += grads[i] @ cols[i].T for each i in turn, as ATen's own convolution kernels accumulate a
    weight's gradient one sample after the other into a zeroed grad_weight: ``gemm('t', 'n', m=window size,
    n=out channels, k=out positions, finput, lda=k, grad_output, ldb=k, beta 1, grad_weight, ldc=m)``. cols
    (F, K, M) and grads (F, O, M) are C-contiguous float32/float64, out (O, K) C-contiguous (zeros at first). False
    where the library is missing (the caller computes it its own way)."""
    lib = _usable(cols, grads, out)
    if lib is None:
        return False
    k, m = cols.shape[1:]
    o = grads.shape[1]
    one = _SCALARS[cols.dtype][1]
    gemm = _CALL["sgemm" if cols.dtype == _F32 else "dgemm"]
    _threads(lib)
    op = _ptr(out)
    for i in range(cols.shape[0]):
        gemm(_COL_MAJOR, _TRANS, _NO_TRANS, k, o, m, one, _ptr(cols[i]), m, _ptr(grads[i]), m, one, op, k)
    return True
