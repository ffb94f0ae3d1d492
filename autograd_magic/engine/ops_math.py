"""Elementwise math primitives (forward and vjp side by side, registered like ops.py): inverse trigonometric and
hyperbolic functions, other logarithm and exponential bases, erf, logit, atan2, hypot, xlogy, logaddexp, lerp,
addcmul/addcdiv, one-sided clamps, fmod and roll.

Float32 transcendental results are computed in float64 and rounded once (``rounded_f32``), as ops.py does for exp
and log. Derivatives that need a function the vjp namespaces lack go through ``xp.call`` (the op's forward for
numpy, a recorded op for create_graph).
"""
import math

import numpy as np

from . import libm, sleef_gamma, softmax_dims, vec_kernels
from .optable import OPS, defop
from .xp import rounded_f32, vml_or

_erf64 = np.frompyfunc(math.erf, 1, 1)


def _erf(a):
    return np.asarray(_erf64(a), dtype=a.dtype)


def _rounded2(fn):
    """A binary fn computed in float64 for float32 operands and rounded once (see rounded_f32)."""
    def f32(a, b):
        if a.dtype == np.float32:
            return fn(a.astype(np.float64), b.astype(np.float64)).astype(np.float32)
        return fn(a, b)
    return f32


# ---------------------------------------------------------------- unary


# ATen's literals in derivatives.yaml (math.log(10.0) is one unit in the last place below ATen's 2.3025850929940456)
_LN2, _LN10 = 0.6931471805599453, 2.3025850929940456


@defop("rsqrt", "RsqrtBackward0", lambda a: np.reciprocal(np.sqrt(a)), saves=(-1,),
       api="rsqrt", promote="float", inplace=True)
def rsqrt_vjp(xp, grad, saved, consts, needs):
    out, = saved
    if not xp.is_numpy:   # ATen's -0.5 * grad * result.pow(3): a Scalar product, then PowBackward0
        return (xp.call("mul_scalar", (grad,), -0.5) * out ** 3,)
    return (-0.5 * grad * (out * out * out),)


@defop("erf", "ErfBackward0", vml_or(rounded_f32(_erf), "Erf"), saves=(0,), api="erf", promote="float", inplace=True)
def erf_vjp(xp, grad, saved, consts, needs):
    a, = saved
    if not xp.is_numpy:   # ATen's 2 / sqrt(pi) * exp(-(self.pow(2))) * grad: a Scalar product (MulBackward1)
        return (xp.call("mul_scalar", (xp.exp(-(a ** 2)),), 2 / math.sqrt(math.pi)) * grad,)
    return (grad * (2 / math.sqrt(math.pi) * xp.exp(-(a * a))),)


@defop("atan", "AtanBackward0", vml_or(rounded_f32(np.arctan), "Atan"), saves=(0,),
       api=("atan", "arctan"), promote="float", inplace=True)
def atan_vjp(xp, grad, saved, consts, needs):
    a, = saved
    if not xp.is_numpy:   # ATen's grad / (self * self + 1): the + 1 is add.Scalar (AddBackward1)
        return (grad / xp.call("add_scalar", (a * a,), 1),)
    return (grad / (a * a + 1),)


@defop("asin", "AsinBackward0", vml_or(rounded_f32(np.arcsin), "Asin"), saves=(0,),
       api=("asin", "arcsin"), promote="float", inplace=True)
def asin_vjp(xp, grad, saved, consts, needs):
    a, = saved
    if not xp.is_numpy:   # ATen's grad * (-self * self + 1).rsqrt(), node for node
        return (grad * xp.call("rsqrt", (xp.call("add_scalar", (-a * a,), 1),)),)
    # a product with the reciprocal square root (ATen's rsqrt is 1 / sqrt), not a quotient: they differ in the
    # last bit
    return (grad * (1 / xp.sqrt(1 - a * a)),)


@defop("acos", "AcosBackward0", vml_or(rounded_f32(np.arccos), "Acos"), saves=(0,),
       api=("acos", "arccos"), promote="float", inplace=True)
def acos_vjp(xp, grad, saved, consts, needs):
    a, = saved
    if not xp.is_numpy:   # ATen's grad * -((-self * self + 1).rsqrt()), node for node
        return (grad * -xp.call("rsqrt", (xp.call("add_scalar", (-a * a,), 1),)),)
    return (grad * -(1 / xp.sqrt(1 - a * a)),)


@defop("sinh", "SinhBackward0", rounded_f32(np.sinh), saves=(0,), api="sinh", promote="float", inplace=True)
def sinh_vjp(xp, grad, saved, consts, needs):
    return (grad * xp.call("cosh", (saved[0],)),)


@defop("cosh", "CoshBackward0", rounded_f32(np.cosh), saves=(0,), api="cosh", promote="float", inplace=True)
def cosh_vjp(xp, grad, saved, consts, needs):
    return (grad * xp.call("sinh", (saved[0],)),)


@defop("log2", "Log2Backward0", vml_or(rounded_f32(np.log2), "Log2"), saves=(0,), api="log2", promote="float",
       inplace=True)
def log2_vjp(xp, grad, saved, consts, needs):
    if not xp.is_numpy:   # self * ln 2 is mul.Scalar (MulBackward1)
        return (grad / xp.call("mul_scalar", (saved[0],), _LN2),)
    return (grad / (saved[0] * _LN2),)


@defop("log10", "Log10Backward0", vml_or(rounded_f32(np.log10), "Log10"), saves=(0,), api="log10",
       promote="float", inplace=True)
def log10_vjp(xp, grad, saved, consts, needs):
    if not xp.is_numpy:
        return (grad / xp.call("mul_scalar", (saved[0],), _LN10),)
    return (grad / (saved[0] * _LN10),)


@defop("exp2", "Exp2Backward0", rounded_f32(np.exp2), saves=(-1,), api="exp2", promote="float", inplace=True)
def exp2_vjp(xp, grad, saved, consts, needs):
    # ATen's grad * result * M_LN2: the gradient times the result first, then the Scalar product (MulBackward1)
    if not xp.is_numpy:
        return (xp.call("mul_scalar", (grad * saved[0],), _LN2),)
    return ((grad * saved[0]) * _LN2,)


@defop("expm1", "Expm1Backward0", rounded_f32(np.expm1), saves=(-1,), api="expm1", promote="float", inplace=True)
def expm1_vjp(xp, grad, saved, consts, needs):
    if not xp.is_numpy:   # result + 1 is add.Scalar (AddBackward1)
        return (grad * xp.call("add_scalar", (saved[0],), 1),)
    return (grad * (saved[0] + 1),)


def _c_library(name):
    """The C library's float32 / float64 function (PyTorch's scalar kernel calls std::name), else float64
    rounded once."""
    wide = rounded_f32(getattr(np, {"acosh": "arccosh", "asinh": "arcsinh"}[name]))

    def fn(a):
        return libm.apply(name, a) if a.dtype == np.float32 or a.dtype == np.float64 else wide(a)
    return fn


@defop("acosh", "AcoshBackward0", _c_library("acosh"), saves=(0,), api=("acosh", "arccosh"), promote="float",
       inplace="acosh_inplace")
def acosh_vjp(xp, grad, saved, consts, needs):
    a, = saved
    if not xp.is_numpy:   # self * self - 1 is sub.Scalar (SubBackward1)
        return (grad * xp.call("rsqrt", (xp.call("sub_scalar", (a * a,), 1),)),)
    return (grad * xp.call("rsqrt", (a * a - 1,)),)


@defop("asinh", "AsinhBackward0", _c_library("asinh"), saves=(0,), api=("asinh", "arcsinh"), promote="float",
       inplace="asinh_inplace")
def asinh_vjp(xp, grad, saved, consts, needs):
    a, = saved
    if not xp.is_numpy:   # ATen's grad * (self.pow(2) + 1).rsqrt()
        return (grad * xp.call("rsqrt", (xp.call("add_scalar", (a ** 2,), 1),)),)
    return (grad * xp.call("rsqrt", (a * a + 1,)),)


def _atanh(a):
    """ATen's atanh kernel (cpu_kernel_vec): SLEEF's atanh_u10 on whole pairs of vectors of each contiguous row,
    the C library's atanh on the rest (on everything with the 'default' capability, or when the innermost stride
    is not one element); other dtypes: the float64 value rounded once."""
    if a.dtype != np.float32 and a.dtype != np.float64 or not a.size:
        return rounded_f32(np.arctanh)(a)
    if a.ndim and a.flags.f_contiguous and not a.flags.c_contiguous:
        return _atanh(a.T).T   # (TensorIterator walks memory in order)
    if vec_kernels.capability() == "default" or (a.ndim and a.strides[-1] != a.itemsize and a.shape[-1] > 1):
        return libm.apply("atanh", a)
    width = 2 * vec_kernels.lanes() if a.dtype == np.float32 else vec_kernels.lanes()
    if not a.flags.c_contiguous:
        rows = a.reshape(-1, a.shape[-1])
        out = np.empty(rows.shape, a.dtype)
        _sleef_body_libm_tail(rows, out, width)
        return out.reshape(a.shape)
    flat = a.reshape(-1)
    out = np.empty(flat.shape, a.dtype)
    # at::parallel_for gives each of min(threads, ceil(n / grain)) threads ceil(n / that) elements, with a tail
    n = flat.size
    pieces = min(softmax_dims.threads(), -(-n // _GRAIN))
    step = -(-n // pieces)
    for start in range(0, n, step):
        _sleef_body_libm_tail(flat[None, start:start + step], out[None, start:start + step], width)
    return out.reshape(a.shape)


_GRAIN = 32768   # ATen's GRAIN_SIZE: an elementwise op on more elements than this is split between threads


def _sleef_body_libm_tail(rows, out, width):
    n = rows.shape[1]
    body = n - n % width
    if body:
        out[:, :body] = sleef_gamma.atanh(rows[:, :body])
    if body < n:
        out[:, body:] = libm.apply("atanh", np.ascontiguousarray(rows[:, body:]))


@defop("atanh", "AtanhBackward0", _atanh, saves=(0,), api=("atanh", "arctanh"), promote="float",
       inplace="atanh_inplace")
def atanh_vjp(xp, grad, saved, consts, needs):
    a, = saved
    if not xp.is_numpy:   # ATen's grad * 1 / (1 - self.pow(2)): 1 - x is sub(Tensor, Tensor) with a constant
        one = xp.wrap(np.ones((), a._data.dtype))
        return (xp.call("mul_scalar", (grad,), 1) / xp.call("sub", (one, a ** 2)),)
    return (grad / (1 - a * a),)


def _no_inplace_derivative(name):
    def vjp(xp, grad, saved, consts, needs):
        raise NotImplementedError(f"the derivative for 'inplace version of {name}' is not implemented.")
    vjp.__doc__ = f"{name}_ of a tensor that requires grad: PyTorch's node saves nothing and its backward raises."
    return vjp


# PyTorch's derivatives.yaml gives acosh_, asinh_ and atanh_ no formula: the in-place form records its own node
# (AcoshBackward1 ...), which fails only when a backward pass reaches it
for _name in ("acosh", "asinh", "atanh"):
    defop(_name + "_inplace", _name.capitalize() + "Backward1", OPS[_name].fwd,
          promote="float")(_no_inplace_derivative(_name))


_erfc64 = np.frompyfunc(math.erfc, 1, 1)


def _erfc(a):
    return np.asarray(_erfc64(a), dtype=a.dtype)


@defop("erfc", "ErfcBackward0", vml_or(rounded_f32(_erfc), "Erfc"), saves=(0,), api="erfc", promote="float",
       inplace=True)
def erfc_vjp(xp, grad, saved, consts, needs):
    a, = saved
    if not xp.is_numpy:   # ATen's -2 / sqrt(pi) * exp(-(self.pow(2))) * grad: a Scalar product (MulBackward1)
        return (xp.call("mul_scalar", (xp.exp(-(a ** 2)),), -2 / math.sqrt(math.pi)) * grad,)
    return (grad * (-2 / math.sqrt(math.pi) * xp.exp(-(a * a))),)


def _erfinv(a):
    """Inverse of erf in float64 (without MKL): a starting guess refined by Newton steps on math.erf."""
    x = np.asarray(a, np.float64)
    out = np.full(x.shape, np.nan)
    inside = np.abs(x) < 1
    y = x[inside]
    w = -np.log((1 - y) * (1 + y))
    c = 2 / (np.pi * 0.147) - w / 2   # Winitzki's closed-form approximation (w = -log(1 - y^2))
    guess = np.sign(y) * np.sqrt(np.sqrt(c * c + w / 0.147) - c)
    erf = np.frompyfunc(math.erf, 1, 1)
    for _ in range(4):
        guess = guess - (erf(guess).astype(np.float64) - y) / (2 / math.sqrt(math.pi) * np.exp(-guess * guess))
    out[inside] = guess
    out[x == 1] = np.inf
    out[x == -1] = -np.inf
    return out


@defop("erfinv", "ErfinvBackward0", vml_or(rounded_f32(_erfinv), "ErfInv"), saves=(-1,), api="erfinv",
       promote="float", inplace=True)
def erfinv_vjp(xp, grad, saved, consts, needs):
    out, = saved
    return (grad * (0.5 * math.sqrt(math.pi) * xp.exp(out * out)),)


def _logit(a, eps=None):
    if eps is not None:  # PyTorch's kernel: below lo -> lo, else above hi -> hi (lo wins when eps > 0.5)
        lo, hi = a.dtype.type(eps), a.dtype.type(1 - eps)
        a = np.where(a < lo, lo, np.where(a > hi, hi, a))
    return rounded_f32(np.log)(a / (1 - a))  # the quotient in a's dtype, as PyTorch's kernel


@defop("logit", "LogitBackward0", _logit, saves=(0,))
def logit_vjp(xp, grad, saved, consts, needs):
    a, = saved
    eps = consts[0] if consts else None
    d = grad / (a * (1 - a))
    if eps is None or eps < 0:   # (ATen's logit_backward: NaN outside [0, 1] without an eps, 0 outside it with one)
        return (xp.where((a < 0) | (a > 1), float("nan"), d),)
    return (xp.where((a < eps) | (a > 1 - eps), 0.0, d),)


# ---------------------------------------------------------------- binary


@defop("atan2", "Atan2Backward0", _rounded2(np.arctan2), saves=(0, 1))
def atan2_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    den = a * a + b * b   # (where it is 0, at the origin or by underflow, ATen's reciprocal is taken as 0, not inf)
    if xp.is_numpy:
        recip = xp.where(den == 0, 0, 1 / xp.where(den == 0, 1, den))
    else:   # ATen's atan2_backward: den.reciprocal().masked_fill_(den == 0, 0), so a second derivative there is nan
        recip = den.reciprocal().masked_fill(den == 0, 0.0)
    return (grad * b * recip if needs[0] else None), (grad * -a * recip if needs[1] else None)


@defop("hypot", "HypotBackward0", _rounded2(np.hypot), saves=(0, 1, -1))
def hypot_vjp(xp, grad, saved, consts, needs):
    a, b, out = saved
    gb = grad * b / out if needs[1] else None   # (the other input's first: ATen's generated code, see mul)
    return (grad * a / out if needs[0] else None), gb


def _xlogy(a, b):
    # ATen's xlogy kernel is scalar code calling the C library's log (std::log), not MKL's vector Ln
    out = a * (libm.log(b) if b.dtype in (np.float32, np.float64) else rounded_f32(np.log)(b))
    return np.where((a == 0) & ~np.isnan(b), a.dtype.type(0), out)


@defop("xlogy", "XlogyBackward0", _xlogy, saves=(0, 1))
def xlogy_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    ga = gb = None
    if needs[0]:
        # PyTorch's formula: xlogy(grad, other), 0 where self == 0 and other <= 0
        ga = xp.where((a == 0) & (b <= 0), 0.0, xp.call("xlogy", (grad, b)))
    if needs[1]:
        gb = grad * a / b
    return ga, gb


# xlogy with a number for one side: the number is a constant (XlogyBackward2: other is a number; 1: self is).
@defop("xlogy_other", "XlogyBackward2", lambda a, b: _xlogy(a, np.asarray(b, a.dtype)), saves=(0,))
def xlogy_other_vjp(xp, grad, saved, consts, needs):
    a, = saved
    b = consts[0]
    return (grad * xp.where(a == 0, 0.0, xp.constant(a, math.log(b) if b > 0 else math.nan)),)


@defop("xlogy_self", "XlogyBackward1", lambda b, a: _xlogy(np.asarray(a, b.dtype), b), saves=(0,))
def xlogy_self_vjp(xp, grad, saved, consts, needs):
    b, = saved
    return (grad * consts[0] / b,)


def _logaddexp(a, b):
    """max + log1p(exp(-|a - b|)), each function rounded once (PyTorch's kernel); equal infinities give a.
    float16 is computed in float32 and rounded once (ATen's kernel for the reduced floating types)."""
    if a.dtype == np.float16:
        return _logaddexp(a.astype(np.float32), b.astype(np.float32)).astype(np.float16)
    m = np.maximum(a, b)
    out = m + rounded_f32(np.log1p)(rounded_f32(np.exp)(-np.abs(a - b)))
    return np.where(np.isinf(a) & (a == b), a, out)


@defop("logaddexp", "LogaddexpBackward0", _logaddexp, saves=(0, 1))
def logaddexp_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    return (grad / (1 + xp.exp(b - a)) if needs[0] else None), (grad / (1 + xp.exp(a - b)) if needs[1] else None)


def _lerp(a, b, w):
    """PyTorch's kernel: a + w * (b - a) for |w| < 0.5, else b - (b - a) * (1 - w), each a multiply-add rounded as
    ATen's vec::fmadd (once for float32 / float64 with AVX2 / AVX-512, twice with the default capability)."""
    dt = a.dtype
    if dt == np.float16:   # (ATen's Half kernel: in float32, rounded once; a weight of another dtype cast first)
        return _lerp(a.astype(np.float32), b.astype(np.float32), np.asarray(w, dt).astype(np.float32)).astype(dt)
    d = b - a
    w = np.asarray(w, dt)
    if dt == np.float32 or dt == np.float64:
        small = np.abs(w) < 0.5
        if small.all():
            return vec_kernels.fmadd(w, d, a)
        if not small.any():
            return vec_kernels.fmadd(-d, 1 - w, b)
        return np.where(small, vec_kernels.fmadd(w, d, a), vec_kernels.fmadd(-d, 1 - w, b))
    return np.where(np.abs(w) < 0.5, a + w * d, b - d * (1 - w)).astype(dt, copy=False)


@defop("lerp", "LerpBackward0", _lerp)
def lerp_vjp(xp, grad, saved, consts, needs):
    w = consts[0]
    return (grad * (1 - w) if needs[0] else None), (grad * w if needs[1] else None)


@defop("lerp_tensor", "LerpBackward1", _lerp, saves=(0, 1, 2))
def lerp_tensor_vjp(xp, grad, saved, consts, needs):
    a, b, w = saved
    if not xp.is_numpy:   # ATen's LerpBackward1 makes end's, self's, then weight's; 1 - weight is sub(Tensor, Tensor)
        gb = grad * w if needs[1] else None
        ga = grad * xp.call("sub", (xp.wrap(np.ones((), w._data.dtype)), w)) if needs[0] else None
        return ga, gb, (grad * (b - a) if needs[2] else None)
    if w.dtype != grad.dtype:   # (a 0-d weight of another dtype: a wrapped number to the product, of grad's dtype)
        w = np.asarray(w).astype(grad.dtype)
        keep = np.asarray(1 - saved[2]).astype(grad.dtype)
    else:
        keep = 1 - w
    return ((grad * keep if needs[0] else None), (grad * w if needs[1] else None),
            (grad * (b - a) if needs[2] else None))


def _addcmul(a, t1, t2, value):
    """a + (value * t1) * t2, the last multiply-add rounded as ATen's kernel rounds it (vec_kernels.fmadd)."""
    scaled = value * t1
    dt = a.dtype
    if (dt == np.float32 or dt == np.float64) and scaled.dtype == dt and t2.dtype == dt:
        return vec_kernels.fmadd(scaled, t2, a)
    return a + scaled * t2


@defop("addcmul", "AddcmulBackward0", _addcmul, saves=(1, 2))
def addcmul_vjp(xp, grad, saved, consts, needs):
    t1, t2 = saved
    v = consts[0]
    return ((grad if needs[0] else None), (grad * (t2 * v) if needs[1] else None),
            (grad * (t1 * v) if needs[2] else None))


@defop("addcdiv", "AddcdivBackward0", lambda a, t1, t2, value: a + value * t1 / t2, saves=(1, 2))
def addcdiv_vjp(xp, grad, saved, consts, needs):
    t1, t2 = saved
    v = consts[0]
    if not xp.is_numpy:   # ATen's grad * (value / tensor2) and -grad * (value * tensor1 / (tensor2 * tensor2))
        g1 = grad * xp.call("div", (xp.wrap(np.asarray(v, t2._data.dtype)), t2)) if needs[1] else None
        g2 = -grad * (xp.call("mul_scalar", (t1,), v) / (t2 * t2)) if needs[2] else None
        return (grad if needs[0] else None), g1, g2
    return ((grad if needs[0] else None), (grad * (v / t2) if needs[1] else None),
            (grad * -(v * t1 / (t2 * t2)) if needs[2] else None))


# ---------------------------------------------------------------- clamps, fmod, roll


@defop("clamp_min", "ClampMinBackward0", lambda a, lo: np.maximum(a.dtype.type(lo), a), saves=(0,))
def clamp_min_vjp(xp, grad, saved, consts, needs):
    return (xp.where(saved[0] >= consts[0], grad, 0.0),)


@defop("clamp_max", "ClampMaxBackward0", lambda a, hi: np.minimum(a.dtype.type(hi), a), saves=(0,))
def clamp_max_vjp(xp, grad, saved, consts, needs):
    return (xp.where(saved[0] <= consts[0], grad, 0.0),)


# clamp.Tensor (ClampBackward0) and clamp_min/clamp_max.Tensor (ClampMinBackward1, ClampMaxBackward1): bounds that
# are tensors get gradients too (derivatives.yaml's clamp_backward and clamp_backward_min_max)
@defop("clamp_tensor", "ClampBackward0", lambda a, lo, hi: np.minimum(np.maximum(a, lo), hi), saves=(0, 1, 2))
def clamp_tensor_vjp(xp, grad, saved, consts, needs):
    a, lo, hi = saved
    return ((xp.where((a >= lo) & (a <= hi), grad, 0.0) if needs[0] else None),
            (xp.where((a < lo) & (lo < hi), grad, 0.0) if needs[1] else None),
            (xp.where((a > hi) | (hi < lo), grad, 0.0) if needs[2] else None))


def _clamp_low_vjp(xp, grad, saved, consts, needs):
    a, lo = saved
    return (xp.where(a >= lo, grad, 0.0) if needs[0] else None), (xp.where(a < lo, grad, 0.0) if needs[1] else None)


def _clamp_high_vjp(xp, grad, saved, consts, needs):
    a, hi = saved
    return (xp.where(a <= hi, grad, 0.0) if needs[0] else None), (xp.where(a > hi, grad, 0.0) if needs[1] else None)


defop("clamp_tensor_min", "ClampBackward0", np.maximum, saves=(0, 1))(_clamp_low_vjp)
defop("clamp_tensor_max", "ClampBackward0", np.minimum, saves=(0, 1))(_clamp_high_vjp)
defop("clamp_min_tensor", "ClampMinBackward1", np.maximum, saves=(0, 1))(_clamp_low_vjp)
defop("clamp_max_tensor", "ClampMaxBackward1", np.minimum, saves=(0, 1))(_clamp_high_vjp)


# fmax / fmin: the number where the other is nan (derivatives.yaml: self's gradient where self >= other (<= for fmin)
# or other is nan, other's elsewhere)
@defop("fmax", "FmaxBackward0", np.fmax, saves=(0, 1))
def fmax_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    keep = (a >= b) | (b != b)
    return (xp.where(keep, grad, 0.0) if needs[0] else None), (xp.where(keep, 0.0, grad) if needs[1] else None)


@defop("fmin", "FminBackward0", np.fmin, saves=(0, 1))
def fmin_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    keep = (a <= b) | (b != b)
    return (xp.where(keep, grad, 0.0) if needs[0] else None), (xp.where(keep, 0.0, grad) if needs[1] else None)


@defop("fmod", "FmodBackward0", lambda a, b: np.fmod(a, np.asarray(b, a.dtype)))
def fmod_vjp(xp, grad, saved, consts, needs):
    return (grad,)


@defop("fmod_tensor", "FmodBackward1", np.fmod, saves=(0, 1))
def fmod_tensor_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    if not needs[1]:
        return grad, None
    return (grad if needs[0] else None), grad * -xp.call("trunc", (a / b,))


# ---------------------------------------------------------------- floor division and remainder (``//``, ``%``)


def floor_div(a, b):
    """ATen's floor division: numpy's (for floats the same steps as c10::div_floor_floating: fmod, the quotient
    of what is left, corrected to the floor)."""
    return np.floor_divide(a, b)


def python_mod(a, b):
    """ATen's remainder (the result takes the divisor's sign): for floats fmod, plus the divisor where the signs
    differ (numpy's mod would also turn a zero result into +-0 by the divisor's sign; ATen keeps fmod's)."""
    if np.result_type(a, b).kind != "f":
        return np.mod(a, b)
    mod = np.fmod(a, b)
    fix = (mod != 0) & ((np.asarray(b) < 0) != (mod < 0))
    return np.where(fix, mod + b, mod) if fix.any() else mod


@defop("floor_divide", "NotImplemented", floor_div, qualname="torch::autograd::NotImplemented")
def floor_divide_vjp(xp, grad, saved, consts, needs):
    """PyTorch records floor_divide under a node whose backward raises."""
    raise RuntimeError("derivative for aten::floor_divide is not implemented")


@defop("remainder", "RemainderBackward0", python_mod)
def remainder_vjp(xp, grad, saved, consts, needs):
    """tensor % number: d/da = 1."""
    return grad, None


@defop("remainder_tensor", "RemainderBackward1", python_mod, saves=(0, 1))
def remainder_tensor_vjp(xp, grad, saved, consts, needs):
    """a % b = a - b * floor(a / b): d/da = 1, d/db = -floor(a / b), as PyTorch's formula has it."""
    a, b = saved
    return (grad if needs[0] else None), (-grad * xp.call("div_rounding", (a, b), "floor") if needs[1] else None)


@defop("remainder_of_number", "NotImplemented", lambda b, a: python_mod(a, b),
       qualname="torch::autograd::NotImplemented")
def remainder_of_number_vjp(xp, grad, saved, consts, needs):
    """number % tensor: PyTorch records it under a node whose backward raises."""
    raise RuntimeError("derivative for aten::remainder is not implemented")


def trunc_div(a, b):
    """Division rounded toward zero: exact for integers (C's integer division), trunc of the quotient for floats."""
    if np.result_type(a, b).kind in "iu":
        q = np.floor_divide(a, b)
        return q + ((q * b != a) & ((np.asarray(a) < 0) != (np.asarray(b) < 0)))
    return np.trunc(np.true_divide(a, b))


@defop("div_rounding", "DivBackward2", lambda a, b, mode: floor_div(a, b) if mode == "floor" else trunc_div(a, b))
def div_rounding_vjp(xp, grad, saved, consts, needs):
    """div(rounding_mode="floor" / "trunc"): a step function, its gradient zeros (+0 also for an inf, nan or
    negative gradient, with no graph behind it, as PyTorch 2.13 gives them)."""
    zero = xp.constant(grad, 0.0)
    return (zero if needs[0] else None), (zero if needs[1] else None)


@defop("roll", "RollBackward0", lambda a, shifts, dims: np.roll(a, shifts, dims))
def roll_vjp(xp, grad, saved, consts, needs):
    shifts, dims = consts
    back = -shifts if dims is None else tuple(-v for v in shifts)
    return (xp.call("roll", (grad,), back, dims),)
