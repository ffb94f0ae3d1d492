"""float16 tensors (torch.half) computed as PyTorch's CPU kernels compute them: in float32, rounded once.

A float16 tensor holds a numpy float16 array, and most ops run on it as they are: numpy's float16 ufuncs (exp, log,
sin, one add or multiply ...) compute in float32 and round the result once, as ATen's Vectorized<Half> kernels do.
An op whose forward numpy computes in several float16 steps (sigmoid as 1 / (1 + exp(-x)), lerp, addcmul, a sum
along a non-contiguous dim, cumsum, a norm ...) rounds at every step instead, and its result differs from PyTorch's
in the last bits (cumsum's running total, held in float16, drifts by whole units). PyTorch computes these in its
"opmath" type, float32, with a Python number (lerp's weight, addcmul's value, leaky_relu's slope) taken at its own
float32 value, and rounds the result to float16 once; their backward kernels (sigmoid_backward, the sum's expand,
cumsum's reversed cumsum ...) do the same.

``install`` wraps the forward and vjp of the ops in ``OPMATH`` in the op table: an op with a float16 first array
runs on the arrays widened to float32 (exact) and its float32 results are rounded to float16; anything else goes
straight to the op's own forward, so the float32 path pays one dtype test in these ops only.
"""
import numpy as np

from . import dtypes
from .fperror import ALL_IGNORED, FP_ERROR_STATE
from .xp import sum_to

F16 = np.dtype(np.float16)
_F32 = np.dtype(np.float32)

# Ops whose float16 forward and backward PyTorch computes in float32 and rounds once (each checked bit for bit
# against PyTorch over random float16 values: tests/test_probe128_vs_torch.py)
OPMATH = frozenset((
    "sigmoid", "silu", "softplus", "rsqrt", "log_sigmoid", "gelu", "erf", "leaky_relu", "elu",
    "lerp", "addcmul", "addcdiv", "cumsum", "sum_dim", "mean", "mean_dim", "norm", "norm_legacy", "var", "std",
    "addmm",
))
# Ops whose float16 backward is one float32 kernel, rounded once (the others' backward kernels compute in float16
# steps, as Vectorized<Half> arithmetic rounds each one, which is what numpy's float16 vjp does)
OPMATH_VJP = frozenset(("gelu", "silu", "softplus", "log_sigmoid", "elu", "leaky_relu", "lerp", "cumsum", "sum_dim",
                        "mean", "mean_dim", "var", "std", "erf", "addcmul"))
# (op, index of a const that is a dtype: a reduction asked for another dtype keeps it: sum(dtype=torch.float32))
_DTYPE_CONSTS = (np.dtype, dtypes.dtype)


def widen(a):
    """A float16 array as float32 (exact); anything else as it is."""
    return a.astype(_F32) if a.__class__ is np.ndarray and a.dtype is F16 else a


def _narrow(out):
    out = np.asarray(out)
    return out.astype(F16) if out.dtype == _F32 else out


def _forward(fwd):
    def half_fwd(*args):
        a = args[0]
        if a.__class__ is not np.ndarray or a.dtype is not F16:
            return fwd(*args)
        for c in args:
            if isinstance(c, _DTYPE_CONSTS) or (c.__class__ is np.ndarray and c.dtype.kind == "f" and c.dtype != F16):
                return fwd(*args)   # (a dtype asked for, or a float input of another dtype: not the float16 kernel)
        token = FP_ERROR_STATE.set(ALL_IGNORED)
        try:
            with np.errstate(all="ignore"):
                out = fwd(*[widen(c) for c in args])
        finally:
            FP_ERROR_STATE.reset(token)
        if out.__class__ is tuple:
            return tuple(_narrow(o) for o in out)
        return _narrow(out)
    half_fwd.__doc__ = fwd.__doc__
    half_fwd.__wrapped__ = fwd
    return half_fwd


def _vjp(vjp):
    def half_vjp(xp, grad, saved, consts, needs):
        if not xp.is_numpy or grad.__class__ is not np.ndarray or grad.dtype is not F16:
            return vjp(xp, grad, saved, consts, needs)   # (create_graph: each step goes through apply, and here)
        with np.errstate(all="ignore"):
            grads = vjp(xp, grad.astype(_F32), [widen(s) for s in saved] if saved else saved, consts, needs)
            return [_narrowed(g, e) for g, e in zip(grads, needs)]
    half_vjp.__doc__ = vjp.__doc__
    half_vjp.__wrapped__ = vjp
    return half_vjp


def _narrowed(g, edge):
    """A gradient computed in float32, rounded to float16 where its input is float16; summed to a broadcast input's
    shape in float32 first (ATen's sum_to accumulates in float32 too)."""
    if g is None or not edge or g.__class__ is not np.ndarray or g.dtype != _F32:
        return g
    if edge.__class__ is tuple:
        shape, dtype = edge[1], edge[2]
        if dtype is not F16:
            return g
        if shape.__class__ is tuple and g.shape != shape:
            g = sum_to(g, shape)
    return g.astype(F16)


# Ops whose float16 kernel takes a Python number (or a 0-dim float tensor) at its own float32 value instead of
# rounding it to float16 first: 3 * 0.1 is 0.30005 where numpy's float16 (0.1 rounded to 0.09998) gives 0.2998, and
# 0 * 1e6 is 0, not 0 * inf = nan. add, sub and remainder round the number first, as numpy does.
NUMBER_OPMATH = frozenset(("mul", "div"))


def with_number(fwd, a, number):
    """fwd (mul or div) of a float16 array and a number in float32, the result rounded once to float16."""
    token = FP_ERROR_STATE.set(ALL_IGNORED)
    try:
        with np.errstate(all="ignore"):
            return np.asarray(fwd(a.astype(_F32), np.float32(number))).astype(F16)
    finally:
        FP_ERROR_STATE.reset(token)


def divisor(a, other):
    """The divisor in float32 when a float16 array a is floor- or trunc-divided by a number or a 0-dim float
    array (their kernels take it in float32 and round the quotient once), else None."""
    if a.dtype is not F16:
        return None
    if other.__class__ in (int, float, bool) or isinstance(other, (np.integer, np.floating)):
        return np.float32(other)
    data = getattr(other, "_data", None)
    if data is not None and data.ndim == 0 and data.dtype.kind == "f":
        return np.float32(data[()])
    return None


def rounded_division(a, number, rounding_mode):
    """a // number ("floor") or trunc(a / number) ("trunc") in float32, rounded once to float16."""
    with np.errstate(all="ignore"):
        a32 = a.astype(_F32)
        q = np.floor_divide(a32, number) if rounding_mode == "floor" else np.trunc(a32 / number)
        return q.astype(F16)


# ATen's vectorized CPU loops run over whole vectors (two of 16 float16 elements on AVX2): the rest of a
# contiguous run, its last n % 32 elements, goes through the kernel's scalar loop, which computes in float16 steps
_VECTOR_RUN = 32


def scaled_add(ufunc, a, b, alpha):
    """add / sub with alpha of float16 arrays as ATen's kernel: alpha converted to float16 (PyTorch's overflow error
    where it does not fit), a + alpha * b in float32 rounded once over whole vectors, in float16 steps in the tail."""
    alpha = dtypes.fitted(alpha, F16)
    with np.errstate(all="ignore"):
        ah = np.float16(alpha)
        out = np.asarray(ufunc(a.astype(_F32), b.astype(_F32) * np.float32(ah))).astype(F16)
        if out.shape == a.shape and a.flags.c_contiguous and (b.ndim == 0 or (a.shape == b.shape and b.flags.c_contiguous)) \
                and out.size % _VECTOR_RUN:
            tail = out.size - out.size % _VECTOR_RUN
            flat = out.reshape(-1)
            flat[tail:] = ufunc(a.reshape(-1)[tail:], (b if b.ndim == 0 else b.reshape(-1)[tail:]) * ah)
    return out


def install(ops):
    """Wrap the forward and vjp of the OPMATH ops in the op table (once, when the engine is built)."""
    for name in OPMATH:
        op = ops[name]
        if getattr(op.fwd, "__wrapped__", None) is None:
            op.fwd = _forward(op.fwd)
            if name in OPMATH_VJP:
                op.vjp = _vjp(op.vjp)
