"""The optional compiled kernels: _vec_kernels.c (plain C, built by ``python -m autograd_magic.engine.build_kernels``)
loaded with ctypes. They compute what vec_kernels.py, act_kernels.py and random_kernels._fma32 compute with numpy, in
the same order with the same roundings, so both give the same bits; numpy is ~30-90 calls per kernel, C is one.

``LIB`` is the extension built from the same sources (_vec_ext_avx2 where the processor has AVX2 and FMA and it is
built, else _vec_ext: build_kernels.py), else the library through ctypes (_vec_kernels_avx2.so, else
_vec_kernels.so), or None when it is not built, was built from another version of the source, fails to load, or the
environment sets AUTOGRAD_MAGIC_NO_C_KERNELS=1: then every caller runs its numpy code. ``missing()`` says why.
The functions here take C-contiguous float32 arrays (the callers check) and return new arrays.
"""
import ctypes
import importlib.util
import os
import sysconfig
import zlib

import numpy as np

_HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(_HERE, "_vec_kernels.c")
LIBRARY = os.path.join(_HERE, "_vec_kernels.so")
LIBRARY_AVX2 = os.path.join(_HERE, "_vec_kernels_avx2.so")
_F32 = np.float32
_np_empty, _np_empty_like = np.empty, np.empty_like   # (module globals: compiled, np.empty is a module attribute read)

try:
    from numpy._core._multiarray_umath import __cpu_features__ as _CPU   # numpy's own probe of the processor
except ImportError:  # pragma: no cover - older numpy layout
    from numpy.core._multiarray_umath import __cpu_features__ as _CPU

_BYTES = ctypes.c_char * 0   # (a zero-length char array over an array's buffer: ctypes passes it as it is)

# Each kernel's parameters and result, a letter each (build_kernels.py writes the extension's wrappers from this
# table, read from this file's source: keep it a literal): P a pointer (an array), V a pointer that may be NULL
# (an array or None), L long, I int, F float, D double; result "" for none.
SIGNATURES = {
    "am_fma32": ("PLPLPLPL", ""),
    "am_fma64": ("PLPLPLPL", ""),
    "am_expf": ("PPL", ""),
    "am_logf": ("PPL", "L"),
    "am_log1pf": ("PPL", ""),
    "am_softmax": ("PPLLI", ""),
    "am_log_softmax": ("PPLLI", ""),
    "am_softmax_backward": ("PPPLLI", ""),
    "am_log_softmax_backward": ("PPPLLI", ""),
    "am_sigmoid": ("PPLL", ""),
    "am_silu": ("PPLL", ""),
    "am_silu_backward": ("PLPPLL", ""),
    "am_softplus": ("PPLLFF", ""),
    "am_softplus_backward": ("PLPPLLFF", ""),
    "am_elu_backward": ("PLPPLLFFF", ""),
    "am_log_sigmoid": ("PPPL", ""),
    "am_pow_scalar": ("PPLLFDI", ""),
    "am_sum_inner_f32": ("PLLP", ""),
    "am_sum_inner_f64": ("PLLP", ""),
    "am_sum_outer_f32": ("PLLLP", ""),
    "am_sum_outer_f64": ("PLLLP", ""),
    "am_nll_cascade_f32": ("PVLI", "F"),
    "am_nll_cascade_f64": ("PVLI", "D"),
    "am_welford_f64": ("PLLLDIPP", ""),
    "am_set_flush_denormal": ("I", "L"),
    "am_tanh_backward": ("PPPL", ""),
    "am_add_rows_f32": ("PPPLL", "L"),
    "am_index_add_rows": ("PPLLLP", ""),
    "am_box_muller_f32": ("PL", ""),
    "am_box_muller_f64": ("PL", ""),
    "am_libm_f32": ("PPLI", "L"),
    "am_libm_f64": ("PPLI", "L"),
}
# Functions of other libraries called at an address through the extension (blas.py: MKL's CBLAS with 32-bit ints,
# and its vector math): the extension's call_<name>(address, *arguments); Q is long long.
CALLS = {
    "sgemm": ("IIIIIIFPIPIFPI", ""),
    "dgemm": ("IIIIIIDPIPIDPI", ""),
    "cgemm": ("IIIIIIPPIPIPPI", ""),   # complex: alpha and beta by address
    "zgemm": ("IIIIIIPPIPIPPI", ""),
    "sgemv": ("IIIIFPIPIFPI", ""),
    "dgemv": ("IIIIDPIPIDPI", ""),
    "vml": ("IPPQ", ""),
}
_why = None


# the files the library is built from (build_kernels.DEPENDS: the same list; a library built from other versions
# of them does not load)
_DEPENDS = [os.path.join(_HERE, name) for name in ("_vec_kernels.c", "_reduce.c", "_reduce_body.h", "_reduce_cols.h")]
_EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
EXTENSION = os.path.join(_HERE, "_vec_ext" + _EXT_SUFFIX)
EXTENSION_AVX2 = os.path.join(_HERE, "_vec_ext_avx2" + _EXT_SUFFIX)


def _source_hash():   # build_kernels.source_hash (not imported: it is a command)
    crc = 0
    for path in _DEPENDS:
        with open(path, "rb") as f:
            crc = zlib.crc32(f.read(), crc)
    return f"{crc:08x}"


def _wrapper_hash():   # build_kernels.wrapper_hash of the tables above
    with open(os.path.join(_HERE, "build_kernels.py"), "rb") as f:
        crc = zlib.crc32(f.read())
    crc = zlib.crc32(repr(sorted(SIGNATURES.items())).encode(), crc)
    crc = zlib.crc32(repr(sorted(CALLS.items())).encode(), crc)
    return f"{crc:08x}"


class _Array:
    """A pointer parameter of the ctypes library: takes what the extension takes (a numpy array, an address)
    and passes the array's data (a zero-length ctypes array over its buffer, or at its address for a read-only
    array: a broadcast value)."""

    @classmethod
    def from_param(cls, a):
        if isinstance(a, int):
            return ctypes.c_void_p(a)
        try:
            return _BYTES.from_buffer(a)
        except (TypeError, ValueError, BufferError):
            return _BYTES.from_address(a.ctypes.data)


class _MaybeArray(_Array):
    @classmethod
    def from_param(cls, a):
        return None if a is None else _Array.from_param(a)


_CTYPES = {"P": _Array, "V": _MaybeArray, "L": ctypes.c_long, "I": ctypes.c_int, "Q": ctypes.c_longlong,
           "F": ctypes.c_float, "D": ctypes.c_double, "": None}


def load(path):
    """The kernels at path: the extension (a module whose functions take numpy arrays) or the library (through
    ctypes, with the same signatures); raises OSError when it does not load or was built from another version of
    the sources."""
    if path.endswith(_EXT_SUFFIX) and os.path.basename(path).startswith("_vec_ext"):
        name = os.path.basename(path).split(".")[0]
        try:
            spec = importlib.util.spec_from_file_location(f"{__package__ or 'autograd_magic.engine'}.{name}", path)
            lib = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(lib)
        except ImportError as e:
            raise OSError(f"{path}: {e}") from None
        if lib.am_wrapper_hash() != _wrapper_hash():
            raise OSError(f"{path} was built from another version of ckernels.py or build_kernels.py: rebuild it "
                          "(python -m autograd_magic.engine.build_kernels)")
        built = lib.am_source_hash().decode()
    else:
        lib = ctypes.CDLL(path)
        try:
            lib.am_source_hash.restype = ctypes.c_char_p
            built = lib.am_source_hash().decode()
            for name, (args, res) in SIGNATURES.items():
                fn = getattr(lib, name)
                fn.argtypes, fn.restype = [_CTYPES[c] for c in args], _CTYPES[res]
        except AttributeError as e:
            raise OSError(f"{path}: {e}") from None
    if all(os.path.exists(p) for p in _DEPENDS) and built != _source_hash():
        raise OSError(f"{path} was built from another version of {SOURCE}: rebuild it "
                      "(python -m autograd_magic.engine.build_kernels)")
    return lib


def _load():
    global _why
    if os.environ.get("AUTOGRAD_MAGIC_NO_C_KERNELS", "").strip() not in ("", "0"):
        _why = "AUTOGRAD_MAGIC_NO_C_KERNELS is set"
        return None
    avx2 = _CPU.get("AVX2") and _CPU.get("FMA3")
    paths = [p for p in ((EXTENSION_AVX2,) if avx2 else ()) + (EXTENSION,) + ((LIBRARY_AVX2,) if avx2 else ())
             + (LIBRARY,) if os.path.exists(p)]
    if not paths:
        _why = f"{LIBRARY} is not built (python -m autograd_magic.engine.build_kernels)"
        return None
    errors = []
    for path in paths:
        try:
            return load(path)
        except OSError as e:
            errors.append(str(e))
    _why = "the compiled kernels do not load: " + "; ".join(errors)
    return None


LIB = _load()
# the extension when LIB is one (its call_<name> functions: blas.py), else None
EXT = LIB if LIB is not None and not isinstance(LIB, ctypes.CDLL) else None


def missing():
    """None when the library is loaded, else the reason it is not."""
    return None if LIB is not None else _why


def unary(name, d):
    """am_expf / am_log1pf over d (float32, any layout): a new array of d's shape."""
    d = np.ascontiguousarray(d)
    out = np.empty_like(d)
    getattr(LIB, name)(d, out, d.size)
    return out


def libm(which, a):
    """The C library's function number ``which`` (libm.NAMES: erff / erf, expf / exp ...) of each element of a
    float32 or float64 array: a new array of a's shape."""
    shape = a.shape   # (np.ascontiguousarray makes a 0-d array 1-d)
    a = np.ascontiguousarray(a)
    out = np.empty_like(a)
    (LIB.am_libm_f32 if a.dtype == _F32 else LIB.am_libm_f64)(a, out, a.size, which)
    return out.reshape(shape)


def logf(d):
    """SLEEF's logf for positive normal finite values; the others as numpy's float64 log (vec_kernels.logf)."""
    d = np.ascontiguousarray(d)
    out = np.empty_like(d)
    if LIB.am_logf(d, out, d.size):
        bad = ~((d >= np.finfo(_F32).tiny) & (d < np.inf))
        with np.errstate(divide="ignore", invalid="ignore"):
            out[bad] = np.log(d[bad].astype(np.float64)).astype(_F32)
    return out


def rows(name, lanes, a, *more):
    """A lastdim kernel over C-contiguous float32 arrays of one shape: rows of a.shape[-1]."""
    out = _np_empty(a.shape, _F32)
    n = a.shape[-1]
    getattr(LIB, name)(a, *more, out, a.size // n, n, lanes)
    return out


def add_rows(a, b):
    """np.add(a, b) for a C-contiguous 2-d float32 a and a C-contiguous float32 b of a.shape[1] elements; None when
    b holds a NaN (numpy's payload of a NaN plus a NaN is its own loops' affair)."""
    out = _np_empty(a.shape, _F32)
    return out if LIB.am_add_rows_f32(a, b, out, a.shape[0], a.shape[1]) else None


def tanh_backward(g, out):
    """g * float32(1 - out * out) in float64 (ops._tanh_back) for C-contiguous float32 arrays of one shape."""
    res = _np_empty_like(out)
    LIB.am_tanh_backward(g, out, res, out.size)
    return res


def index_add_rows(out, k, g):
    """np.add.at(out, k, g) for a C-contiguous float32 out of 2 or more dims, int64 indices k (C-contiguous, any
    shape, taken modulo len(out)) and g of shape k.shape + out.shape[1:], C-contiguous float32: in place."""
    rows = out.shape[0]
    LIB.am_index_add_rows(g, k, k.size, rows, out.size // rows, out)


def box_muller(d):
    """random_kernels._box_muller's transform (before mean and std), in place on a C-contiguous float32 or float64
    array of rows of 16 uniforms; False where it does not apply."""
    if not d.flags.c_contiguous or d.ndim != 2 or d.shape[1] != 16 or not d.flags.writeable:
        return False
    if d.dtype == _F32:
        LIB.am_box_muller_f32(d, d.shape[0])
    elif d.dtype == np.float64:
        LIB.am_box_muller_f64(d, d.shape[0])
    else:
        return False
    return True


def fma32(a, b, c):
    """fmaf(a, b, c) when the three are one shape (C-contiguous) or single values; None otherwise."""
    return _fma(LIB.am_fma32, _F32, a, b, c)


def fma64(a, b, c):
    """fma(a, b, c) of float64 arrays of one shape (C-contiguous) or single values; None otherwise."""
    # (ascontiguousarray makes a 0-d array 1-d: a single value stays 0-d, so the result has the operands' shape)
    return _fma(LIB.am_fma64, np.float64, *(np.ascontiguousarray(v, np.float64) if np.ndim(v) else
                                            np.asarray(v, np.float64) for v in (a, b, c)))


def _fma(kernel, dtype, a, b, c):
    a, b, c = (v if v.__class__ is np.ndarray else np.asarray(v) for v in (a, b, c))   # (a numpy scalar: 0-d)
    main = max((a, b, c), key=np.ndim)
    if not main.flags.c_contiguous:
        return None
    shape, steps = main.shape, []
    for v in (a, b, c):
        if v.shape == shape and v.flags.c_contiguous:
            steps.append(1)
        elif v.size == 1:
            steps.append(0)
        else:
            return None
    out = np.empty(shape, dtype)
    kernel(a, steps[0], b, steps[1], c, steps[2], out, out.size)
    return out


def second(g, a):
    """(pointer, step) of a kernel's second input g of a's shape: C-contiguous (step 1) or one broadcast value
    (step 0); None when it is neither."""
    if not (isinstance(g, np.ndarray) and g.dtype == _F32 and g.shape == a.shape):
        return None
    if g.flags.c_contiguous:
        return g, 1
    if not any(g.strides):
        return g, 0
    return None


def applies(a):
    return LIB is not None and isinstance(a, np.ndarray) and a.dtype == _F32 and a.flags.c_contiguous


def row_sums(x):
    """PyTorch's float sum of each row of a C-contiguous 2-d float32/float64 array (reduce.py's order)."""
    out = _np_empty(x.shape[0], x.dtype)
    suffix = "f32" if x.dtype == _F32 else "f64"
    getattr(LIB, "am_sum_inner_" + suffix)(x, x.shape[0], x.shape[1], out)
    return out


def column_sums(a, outer, d, inner):
    """PyTorch's float sums over d of a C-contiguous float32/float64 array seen as (outer, d, inner): an
    (outer, inner) array (reduce.py's order)."""
    out = _np_empty((outer, inner), a.dtype)
    (LIB.am_sum_outer_f32 if a.dtype == _F32 else LIB.am_sum_outer_f64)(a, outer, d, inner, out)
    return out


def nll_cascade(values, skip, negate):
    """nll_loss's cascaded sum of a contiguous float32/float64 array (ops._nll_cascade), skip a bool mask or None:
    a value of values' dtype."""
    name = "am_nll_cascade_f32" if values.dtype == _F32 else "am_nll_cascade_f64"
    mask = None if skip is None else np.ascontiguousarray(skip, dtype=np.uint8)
    return values.dtype.type(getattr(LIB, name)(values, mask, values.size, 1 if negate else 0))


def welford(a, outer, d, inner, correction, take_sqrt):
    """var (std with take_sqrt) and mean over d of a C-contiguous float64 array seen as (outer, d, inner), in ATen's
    Welford order: two (outer, inner) arrays."""
    out, mean = np.empty((outer, inner)), np.empty((outer, inner))
    LIB.am_welford_f64(a, outer, d, inner, float(correction), 1 if take_sqrt else 0, out, mean)
    return out, mean


def set_flush_denormal(mode):
    """Set or clear the calling thread's flush-to-zero and denormals-are-zero modes (x86's MXCSR FTZ and DAZ bits,
    as ATen's set_flush_denormal does, so numpy's arithmetic flushes as PyTorch's does): whether the processor has
    them, or None without the compiled kernels."""
    if LIB is None:
        return None
    return bool(LIB.am_set_flush_denormal(1 if mode else 0))
