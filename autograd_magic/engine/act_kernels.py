"""ATen's float32 activation kernels (aten/src/ATen/native/cpu/Activation.cpp) where their digits differ from a
correctly rounded formula: silu's, softplus's, elu's (selu, celu) and log_sigmoid's backwards, softplus, mish,
log_sigmoid and gelu(approximate='tanh') forward and backward.

Each runs as ATen's cpu_kernel_vec does (vec_kernels.elementwise: the vector form with SLEEF's exp / log1p / tanh
on whole pairs of vectors, the scalar form with the C library's on the tail). The AVX2 / AVX-512 kernels are
compiled with GCC's default fused multiply-add contraction, so `1 + x * (1 - s)` and the like are one rounding
there, in the vector body and in the scalar tail alike (measured: unfused, silu's backward differs from PyTorch in
18% of values). Each function returns None where the vector kernels do not apply (another dtype, a strided input,
capability 'default'): the caller computes its own way. softplus and log_sigmoid (forward and backward) also run
in float64 as Vectorized<double> does (expd / log1pd in the vector body, the C library's in the tail). Where the compiled kernels are built (ckernels.py), silu's,
softplus's, elu's and log_sigmoid's kernels run as one call of their C form (_vec_kernels.c, the same steps).
"""
import numpy as np

from . import ckernels, libm
from .random_kernels import _fma32
from .vec_kernels import (capability, compiled_elementwise, elementwise, expd, expf, lanes, libm_exp64, libm_expf,
                          log1pd, log1pf, tanhf)

_F32 = np.float32
_ONE = _F32(1)


def _c(name):
    return lambda x: libm.apply(name, x)


# kernel(m, x, ...): m holds the kernel's exp, log1p, tanh and its multiply-add (fused where GCC contracts)
_SLEEF = {"exp": expf, "log1p": log1pf, "tanh": tanhf, "fma": _fma32}                    # the vector body
_TAIL = {"exp": libm_expf, "log1p": _c("log1p"), "tanh": _c("tanh"), "fma": _fma32}      # its scalar tail
_PLAIN = {**_TAIL, "fma": lambda a, b, c: a * b + c}          # capability 'default': scalar code, no FMA


def _run(kernel, a, *others):
    """kernel on a (and others) as cpu_kernel_vec runs it: vector body, scalar tail, or all scalar ('default')."""
    return elementwise(a, lambda *v: kernel(_SLEEF, *v), lambda *v: kernel(_TAIL, *v), *others,
                       default=lambda *v: kernel(_PLAIN, *v))


def _compiled(name, a, g=None, *consts):
    """The compiled form of a kernel (one C call) where it applies: built, avx2/avx512, float32, C-contiguous a,
    g of a's shape contiguous or one broadcast value; else None."""
    if capability() == "default" or not ckernels.applies(a):
        return None
    if g is None:
        return compiled_elementwise(name, a, *map(float, consts))
    second = ckernels.second(g, a)
    return None if second is None else compiled_elementwise(name, a, second, *map(float, consts))


def silu_backward(g, a):
    """dy * s * (1 + x * (1 - s)), s = 1 / (1 + exp(-x))."""
    out = _compiled("am_silu_backward", a, g)
    if out is not None:
        return out
    def kernel(m, x, dy):
        s = _ONE / (_ONE + m["exp"](-x))
        return dy * s * m["fma"](x, _ONE - s, _ONE)
    return _run(kernel, a, g)


def _elementwise64(a, vector, scalar):
    """A float64 op as cpu_kernel_vec runs it over a C-contiguous array: the vector form on whole pairs of
    Vectorized<double> (lanes() / 2 doubles each), the scalar form on the tail, the scalar form throughout with
    'default'; None for other dtypes and layouts."""
    if not (isinstance(a, np.ndarray) and a.dtype == np.float64):
        return None
    if a.flags.f_contiguous and not a.flags.c_contiguous:   # (a transposed matrix: ATen runs over its memory)
        out = _elementwise64(a.T, vector, scalar)
        return out.T
    if not a.flags.c_contiguous:
        return None
    flat = a.reshape(-1)
    n = flat.size
    body = 0 if capability() == "default" else n - n % lanes()
    out = np.empty_like(flat)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        if body:
            out[:body] = vector(flat[:body])
        if body < n:
            out[body:] = scalar(flat[body:])
    return out.reshape(a.shape)


def _libm_log1p64(x):
    """The C library's log1p (std::log1p), numpy's -inf / nan / inf at and beyond its domain."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.array(np.log1p(x))
    ok = (x > -1) & np.isfinite(x)
    if ok.any():
        out[ok] = libm.apply("log1p", x[ok])
    return out


def softplus64(a, beta, threshold):
    """float64 softplus: SLEEF's exp and log1p in the vector body, the C library's in the tail."""
    beta, threshold = float(beta), float(threshold)
    return _elementwise64(
        a, lambda x: np.where(x * beta > threshold, x, log1pd(expd(x * beta)) / beta),
        lambda x: np.where(x * beta > threshold, x, _libm_log1p64(libm_exp64(x * beta)) / beta))


def log_sigmoid64(a):
    """float64 log_sigmoid: min(x, 0) - log1p(exp(-|x|)), vector ops to the last element (a partial vector for
    the tail): SLEEF's exp and log1p throughout, the C library's with 'default'."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        if capability() == "default":
            return np.minimum(a, 0.0) - _libm_log1p64(libm_exp64(-np.abs(a)))
        return np.minimum(a, 0.0) - log1pd(_log_sigmoid_buffer64(a))


def _log_sigmoid_buffer64(a):
    """exp(-|x|) as log_sigmoid's forward keeps it for its backward: SLEEF's exp on every element (any layout)."""
    with np.errstate(over="ignore", under="ignore"):
        return libm_exp64(-np.abs(a)) if capability() == "default" else expd(-np.abs(a))


def softplus_backward64(g, a, beta, threshold):
    """float64 softplus backward: x * beta > threshold ? dy : dy * z / (z + 1), z = exp(x * beta), SLEEF's exp in
    the vector body, the C library's in the tail (C-contiguous a; g of a's layout or one broadcast value)."""
    if not (isinstance(g, np.ndarray) and g.dtype == np.float64 and g.shape == a.shape and a.flags.c_contiguous
            and (g.flags.c_contiguous or not any(g.strides))):
        return None
    beta, threshold = float(beta), float(threshold)
    x, dy = a.reshape(-1), np.ascontiguousarray(g).reshape(-1)
    body = 0 if capability() == "default" else x.size - x.size % lanes()
    z = np.empty_like(x)
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        z[:body] = expd(x[:body] * beta)
        z[body:] = libm_exp64(x[body:] * beta)
        return np.where(x * beta > threshold, dy, dy * z / (z + 1.0)).reshape(a.shape)


def log_sigmoid_backward64(g, a):
    """float64 log_sigmoid backward from the forward's buffer: (max_deriv - sign * (b / (1 + b))) * dy."""
    if not (isinstance(a, np.ndarray) and a.dtype == np.float64):
        return None
    b = _log_sigmoid_buffer64(a)
    neg = a < 0
    return (np.where(neg, 1.0, 0.0) - np.where(neg, 1.0, -1.0) * (b / (1.0 + b))) * g


def softplus(a, beta, threshold):
    """x * beta > threshold ? x : log1p(exp(x * beta)) / beta."""
    if isinstance(a, np.ndarray) and a.dtype == np.float64:
        return softplus64(a, beta, threshold)
    beta, threshold = _F32(beta), _F32(threshold)
    out = _compiled("am_softplus", a, None, beta, threshold)
    if out is not None:
        return out
    return _run(lambda m, x: np.where(x * beta > threshold, x, m["log1p"](m["exp"](x * beta)) / beta), a)


def softplus_backward(g, a, beta, threshold):
    """x * beta > threshold ? dy : dy * z / (z + 1), z = exp(x * beta)."""
    if isinstance(a, np.ndarray) and a.dtype == np.float64:
        return softplus_backward64(g, a, beta, threshold)
    beta, threshold = _F32(beta), _F32(threshold)
    out = _compiled("am_softplus_backward", a, g, beta, threshold)
    if out is not None:
        return out

    def kernel(m, x, dy):
        z = m["exp"](x * beta)
        return np.where(x * beta > threshold, dy, dy * z / (z + _ONE))
    return _run(kernel, a, g)


def elu_backward(g, a, negcoef, poscoef, negiptcoef):
    """From the input: x <= 0 ? dy * negiptcoef * negcoef * exp(x * negiptcoef) : dy * poscoef (negcoef = alpha *
    scale rounded to float32)."""
    negcoef, poscoef, negiptcoef = _F32(negcoef), _F32(poscoef), _F32(negiptcoef)
    out = _compiled("am_elu_backward", a, g, negcoef, poscoef, negiptcoef)
    if out is not None:
        return out
    return _run(lambda m, x, dy: np.where(x <= 0, dy * negiptcoef * negcoef * m["exp"](x * negiptcoef),
                                          dy * poscoef), a, g)


def _log_sigmoid_buffer(a):
    """exp(-|x|) as log_sigmoid's forward keeps it: vector ops to the last element (a partial vector for the
    tail), so SLEEF's exp throughout."""
    return elementwise(a, lambda x: expf(-np.abs(x)), lambda x: expf(-np.abs(x)),
                       default=lambda x: libm_expf(-np.abs(x)))


def log_sigmoid(a):
    """min(x, 0) - log1p(buffer), SLEEF's log1p throughout."""
    if isinstance(a, np.ndarray) and a.dtype == np.float64:
        return log_sigmoid64(a)
    if capability() != "default" and ckernels.applies(a):
        out, buffer = np.empty_like(a), np.empty_like(a)
        ckernels.LIB.am_log_sigmoid(a, out, buffer, a.size)
        return out
    buffer = _log_sigmoid_buffer(a)
    if buffer is None:
        return None
    return np.minimum(a, _F32(0)) - (libm.apply("log1p", buffer) if capability() == "default" else log1pf(buffer))


def log_sigmoid_backward(g, a):
    """(max_deriv - sign * (buffer / (1 + buffer))) * dy."""
    if isinstance(a, np.ndarray) and a.dtype == np.float64:
        return log_sigmoid_backward64(g, a)
    buffer = _log_sigmoid_buffer(a)
    if buffer is None or elementwise(a, lambda x, dy: x, lambda x, dy: x, g, default=lambda x, dy: x) is None:
        return None
    neg = a < 0
    return (np.where(neg, _ONE, _F32(0)) - np.where(neg, _ONE, -_ONE) * (buffer / (_ONE + buffer))) * g


def mish(a):
    """x * tanh(log1p(exp(x)))."""
    return _run(lambda m, x: x * m["tanh"](m["log1p"](m["exp"](x))), a)


def mish_backward(g, a):
    """dy * (t + x * s * (1 - t * t)), s = 1 / (1 + exp(-x)), t = tanh(log1p(exp(x)))."""
    def kernel(m, x, dy):
        s = _ONE / (_ONE + m["exp"](-x))
        t = m["tanh"](m["log1p"](m["exp"](x)))
        return dy * m["fma"](x * s, m["fma"](-t, t, _ONE), t)
    return _run(kernel, a, g)


_BETA = _F32(1.4142135623730951 * 1.1283791670955126 * 0.5)   # M_SQRT2 * M_2_SQRTPI * 0.5
_KAPPA = _F32(0.044715)
_HALF = _F32(0.5)


def _gelu_inner(m, x):
    return _BETA * m["fma"](_KAPPA, x * x * x, x)


def gelu_tanh(a):
    """0.5 * x * (1 + tanh(beta * (x + kappa * x^3)))."""
    return _run(lambda m, x: _HALF * x * (_ONE + m["tanh"](_gelu_inner(m, x))), a)


def gelu_tanh_backward(g, a):
    """dy * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * beta * (1 + 3 * kappa * x^2)), t = tanh(inner)."""
    def kernel(m, x, dy):
        t = m["tanh"](_gelu_inner(m, x))
        inner_derivative = _BETA * m["fma"](_F32(3) * _KAPPA, x * x, _ONE)
        return dy * (_HALF * (_ONE + t) + _HALF * x * m["fma"](-t, t, _ONE) * inner_derivative)
    return _run(kernel, a, g)


def vector_body(a):
    """Which elements of `a` ATen's cpu_kernel_vec hands to the vector form of a kernel registered with
    REGISTER_DISPATCH (the shrink and hardtanh kernels): whole pairs of 32-byte vectors from the start of each inner
    run, the rest to the scalar form. Those kernels run as AVX2 code under every capability (REGISTER_DISPATCH
    gives AVX-512 no kernel of its own, and 'default' builds Vectorized as a 32-byte array), so a run's body is a
    multiple of 64 bytes: 16 float32, 8 float64 (measured, PyTorch 2.13). The inner run is TensorIterator's: the
    dims in memory order, coalesced while they are contiguous; a layout that is not dense (expanded, negative
    strides) is taken as C-contiguous. Returns a bool array of a's shape, or None when no element is in a body."""
    chunk = 64 // a.itemsize
    if a.size < chunk:
        return None
    dims = sorted((d for d in range(a.ndim) if a.shape[d] != 1), key=lambda d: abs(a.strides[d]))
    strides = [a.strides[d] for d in dims]
    dense = all(s > 0 for s in strides) and strides[0] == a.itemsize and len(set(strides)) == len(strides)
    if not dense:
        dims = [d for d in range(a.ndim - 1, -1, -1) if a.shape[d] != 1]   # C order, innermost first
    pos, run = np.zeros(a.shape, np.int64), 1
    for d in dims:
        if dense and a.strides[d] != a.itemsize * run:
            break                                  # not contiguous with the run: the run ends here
        shape = [1] * a.ndim
        shape[d] = a.shape[d]
        pos = pos + np.arange(a.shape[d]).reshape(shape) * run
        run *= a.shape[d]
    body = run - run % chunk
    return (pos < body) if body else None
