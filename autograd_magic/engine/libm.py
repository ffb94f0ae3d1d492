"""The C library's math functions over numpy arrays, where PyTorch's scalar kernels call them and the value
differs from the correctly rounded one: glibc's float32 erff, log1pf, tanhf are not correctly rounded, and
gelu's 1 + erf near x = -3 turns erff's last bit into a hundred units of the result. Elsewhere (no C library to
ask) the float64 value rounded once stands in."""
import ctypes
import functools
import math

import numpy as np

from . import ckernels

_F32, _F64 = np.float32, np.float64


def _atanh64(x):
    if abs(x) < 1 or x != x:
        return math.atanh(x)
    return math.copysign(math.inf, x) if abs(x) == 1 else math.nan


_PY = {"erf": math.erf, "exp": math.exp, "log": math.log, "log1p": math.log1p, "tanh": math.tanh,
       "expm1": math.expm1, "cos": math.cos, "sin": math.sin, "acosh": lambda x: math.acosh(x) if x >= 1 else math.nan, "asinh": math.asinh,
       "acos": math.acos, "atanh": _atanh64}


@functools.lru_cache(maxsize=None)
def _library():
    import ctypes.util   # here, not at import: it brings subprocess, tempfile and shutil (10 ms of the engine's import)
    try:
        return ctypes.CDLL(ctypes.util.find_library("m") or "libm.so.6")
    except OSError:  # pragma: no cover - no C math library
        return None


# the functions the compiled kernels call (ckernels.libm: one C loop over the array, _vec_kernels.c am_libm_f32/f64),
# in the order of their switch
NAMES = ("erf", "exp", "log", "log1p", "tanh", "expm1", "cos", "sin", "acosh", "asinh", "acos", "atanh")


@functools.lru_cache(maxsize=None)
def function(name, dtype):
    """name ('erf', 'exp', 'log', 'log1p', 'tanh', 'expm1', 'acosh', 'asinh', 'cos', 'sin', 'acos', 'atanh') of the C
    library for float32 or float64 arrays, one call per element: an elementwise function returning that dtype (ctypes for
    float32; math.erf ..., the C library's double functions, for float64). apply() runs the compiled kernels' C loop
    instead where they are loaded."""
    dtype = np.dtype(dtype).type
    if dtype == _F64:
        return np.vectorize(_PY[name], otypes=[_F64])
    fn = getattr(_library(), name + "f", None) if _library() is not None else None
    if fn is None:  # pragma: no cover - no C math library
        wide = np.vectorize(_PY[name], otypes=[_F64])
        return lambda a: wide(a).astype(_F32)
    fn.restype, fn.argtypes = ctypes.c_float, [ctypes.c_float]
    return np.vectorize(fn, otypes=[_F32])


def apply(name, a):
    """The C library's name of each element of a float32 / float64 array (an empty array stays empty): with the
    compiled kernels, one C loop that calls the library's function per element (ckernels.libm: erff, log1pf ... for
    float32, erf, log1p ... for float64; the same values as function()'s calls, ~100x faster), else function()."""
    a = np.asarray(a)
    if not a.size:
        return a.copy()
    if ckernels.LIB is not None and (a.dtype == _F32 or a.dtype == _F64) and name in NAMES:
        return ckernels.libm(NAMES.index(name), a)
    return function(name, a.dtype)(a)


def log(a):
    """The C library's log of each element of a float32 / float64 array (std::log, what ATen's scalar kernels such
    as xlogy call; numpy's own SIMD log differs in the last bit for about 1 value in 1000); the C library is asked
    about the positive finite elements only, numpy gives the rest (0, negatives, nan, inf: -inf / nan / inf)."""
    a = np.asarray(a)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.array(np.log(a))   # (a writable array, also for a 0-d a)
    ok = (a > 0) & np.isfinite(a)
    if ok.any():
        out[ok] = apply("log", a[ok])
    return out


def expf(x):
    """The C library's float32 exp of each element: the float64 value rounded once, asked of the C library itself
    where the two can differ (glibc's expf is within 0.502 units: only values within 0.01 unit of a rounding tie,
    a few per thousand)."""
    x = np.asarray(x, _F32)
    with np.errstate(over="ignore"):
        wide = np.exp(x.astype(_F64))
        out = wide.astype(_F32)
    near = np.abs(wide - out.astype(_F64)) > 0.49 * np.abs(np.spacing(out)).astype(_F64)
    if near.any():
        out[near] = apply("exp", x[near])
    return out
