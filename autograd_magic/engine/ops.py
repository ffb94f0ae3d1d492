"""Elementwise, matrix and loss primitives: forward (numpy) and vjp side by side (see optable)."""
import functools
import math

import numpy as np

from . import blas, bufpool, ckernels, libm, mkl_order, sleef_pow, softmax_dims, vec_kernels
from .ops_complex import cabs, cdiv, cj, csgn, multiply as complex_multiply
from .backward_nodes import loss_backward
from .optable import OPS, defop
from .mkl_order import bmm as _bmm
from .random_kernels import _fma64
from .reduce import full_sum
from .xp import rounded_f32, vml_or

_F16 = np.dtype(np.float16)
_F32, _F64 = np.dtype(np.float32), np.dtype(np.float64)
_NDARRAY = np.ndarray   # (a module global: compiled, np.ndarray is a module attribute read each time)

# ---------------------------------------------------------------- binary arithmetic


@defop("add", "AddBackward0", np.add)  # with alpha, callers pass the data and alpha as a const
def add_vjp(xp, grad, saved, consts, needs):
    alpha = consts[0] if consts else 1
    return grad, (grad if alpha == 1 else grad * alpha)


@defop("sub", "SubBackward0", np.subtract)
def sub_vjp(xp, grad, saved, consts, needs):
    alpha = consts[0] if consts else 1
    return grad, -grad if alpha == 1 else -grad * alpha


@defop("rsub", "RsubBackward1", lambda a, b: np.subtract(b, a))
def rsub_vjp(xp, grad, saved, consts, needs):
    return (-grad,)


@defop("mul", "MulBackward0", complex_multiply, saves=(0, 1), save_if={0: 1, 1: 0})
def mul_vjp(xp, grad, saved, consts, needs):
    a, b = saved  # each is saved only when the other input wants a gradient
    if grad.dtype.kind == "c" if xp.is_numpy else grad.is_complex():   # grad times the conjugate of the other
        a, b = cj(a), cj(b)
    if xp.is_numpy:  # a big product goes into an array the engine reuses (bufpool)
        return (_times(grad, b) if b is not None else None), (_times(grad, a) if a is not None else None)
    # create_graph: ATen's MulBackward0 computes the other input's gradient first, so its nodes come first in the
    # graph (a lower sequence number, run later by the next backward pass: the order gradients are summed in)
    gb = grad * a if a is not None else None
    return (grad * b if b is not None else None), gb


def _times(g, b):
    if g.dtype.kind == "c" or getattr(b, "dtype", g.dtype).kind == "c" or b.__class__ is complex:
        return complex_multiply(g, b)
    # (a sparse gradient, an nn.Embedding(sparse=True)'s, stays sparse: sparse_grad.SparseGrad's own product)
    return g * b if g.nbytes < bufpool.MIN_BYTES or g.__class__ is not np.ndarray else bufpool.binary(np.multiply, g, b)


def _divide(a, b, out=None):
    """np.true_divide; complex quotients as ATen rounds them (ops_complex.cdiv)."""
    if a.dtype.kind == "c" or b.__class__ is complex or (b.__class__ is np.ndarray and b.dtype.kind == "c"):
        if b.__class__ is not np.ndarray:   # a Python number: in the tensor's complex dtype, as ATen's scalar
            b = np.asarray(b, a.dtype if a.dtype.kind == "c" else np.complex128)
        return cdiv(a, b)
    return np.true_divide(a, b) if out is None else np.true_divide(a, b, out=out)


bufpool.POOLED_BINARY(_divide)   # (a float quotient still goes into a pooled array when big)


@defop("div", "DivBackward0", _divide, saves=(0, 1), save_if={0: 1})
def div_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    if grad.dtype.kind == "c" if xp.is_numpy else grad.is_complex():   # (conjugates of the derivatives)
        a, b = cj(a), cj(b)
        if xp.is_numpy:   # grad / conj(b) and -grad * conj((a / b) / b), with ATen's complex rounding
            return (cdiv(grad, b) if needs[0] else None), \
                (complex_multiply(-grad, cdiv(cdiv(a, b), b)) if needs[1] else None)
    # PyTorch's div_tensor_other_backward: -grad * ((self / other) / other) (bit-identical; -grad * a / (b * b)
    # differs for ~half of float32 inputs)
    if xp.is_numpy:
        return (grad / b if needs[0] else None), (-grad * ((a / b) / b) if needs[1] else None)
    gb = -grad * ((a / b) / b) if needs[1] else None   # (the other input's first, as ATen's DivBackward0: see mul)
    return (grad / b if needs[0] else None), gb


# C++ backward formulas and composite losses divide/multiply by a number (div.Scalar, mul.Scalar): the number is
# a constant, not an input, so these nodes have one next function, as in PyTorch.
@defop("div_scalar", "DivBackward1", _divide)
def div_scalar_vjp(xp, grad, saved, consts, needs):
    return (xp.div_scalar(grad, cj(consts[0])),)


@defop("mul_scalar", "MulBackward1", np.multiply)
def mul_scalar_vjp(xp, grad, saved, consts, needs):
    return (grad * cj(consts[0]),)


@defop("neg", "NegBackward0", np.negative)
def neg_vjp(xp, grad, saved, consts, needs):
    return (-grad,)


_exp, _log, _log1p = rounded_f32(np.exp), rounded_f32(np.log), rounded_f32(np.log1p)
_sqrt = vml_or(np.sqrt, "Sqrt")   # (ATen's sqrt kernel: MKL's vector sqrt, within an ulp, not always rounded as numpy's)


def _power(a, e):
    """a ** e as PyTorch's pow(Tensor, Scalar) kernel computes the exponents it special-cases."""
    if a.dtype.kind == "b":
        return np.power(a, e)
    if a.dtype.kind == "c":   # (squares and cubes as ATen's kernel: products, rounded as its complex product)
        if e == 2:
            return complex_multiply(a, a)
        if e == 3:
            return complex_multiply(complex_multiply(a, a), a)
        return np.power(a, e)
    if e == 2:
        return a * a
    if e == 0.5 and a.dtype.kind == "f":   # ATen's pow kernel hands exponent .5 to its sqrt kernel (MKL's vsSqrt)
        return _sqrt(a)
    if e == 3:
        return a * a * a
    if e < 0 and a.dtype.kind in "fV":   # ("V": bfloat16, whose numpy loops round each step as PyTorch's do)
        if e == -1:
            return np.reciprocal(a)
        if e == -2:
            return np.reciprocal(a * a)
        if e == -0.5:
            return np.reciprocal(np.sqrt(a))
    if a.dtype == _F32 and isinstance(e, (int, float)):   # (0.5, -0.5, -1 and -2 were taken above)
        out = sleef_pow.pow_scalar(a, e)   # SLEEF's powf on the vector body, as ATen's kernel
        if out is not None:
            return out
    return _pow_f32(a, e)


def _pow_f32(a, e):
    """a ** e; float32 computed in float64 and rounded once: PyTorch's float32 pow agrees with that for ~98% of
    inputs (numpy's float32 loop for 80-89%) and, like it, keeps (-x) ** 3 == -(x ** 3), which a symmetric
    polynomial fit relies on (its even coefficients' gradients cancel exactly)."""
    if a.dtype == np.float32:
        return np.power(a.astype(np.float64), np.asarray(e, np.float64)).astype(np.float32)
    if a.dtype.kind in "iu" and np.asarray(e).dtype.kind in "iu" and (np.asarray(e) < 0).any():
        return _int_pow(a, e)
    return np.power(a, e)


def _int_pow(a, e):
    """Integer powers with negative exponents among them, as ATen's integer pow: 1 ** -n is 1, (-1) ** -n is +-1,
    any other base to a negative power 0 (numpy refuses them)."""
    e = np.asarray(e)
    out = np.power(a, np.where(e < 0, 0, e))
    negative = np.broadcast_to(e < 0, out.shape)
    if negative.any():
        base = np.broadcast_to(a, out.shape)
        odd = np.broadcast_to(e % 2 == 1, out.shape)
        fix = np.where(base == 1, 1, np.where(base == -1, np.where(odd, -1, 1), 0)).astype(out.dtype)
        out = np.where(negative, fix, out)
    return out


def _reciprocal(a):
    """1 / a; complex as ATen's division rounds it (ops_complex.cdiv)."""
    return cdiv(np.ones((), a.dtype), a) if a.dtype.kind == "c" else np.reciprocal(a)


@defop("reciprocal", "ReciprocalBackward0", _reciprocal, saves=(-1,))
def reciprocal_vjp(xp, grad, saved, consts, needs):
    out, = saved
    return (-grad * (out * out),)


@defop("pow", "PowBackward0", _power, saves=(0,))
def pow_vjp(xp, grad, saved, consts, needs):
    a, = saved
    e = consts[0]
    if not xp.is_numpy:
        # ATen's pow_backward: zeros_like(self) for exponent 0, else grad * (exp * self.pow(exp - 1)), whose
        # recorded nodes are MulBackward0 of MulBackward1 (a Scalar product) of PowBackward0 (self.pow(1) too)
        if e == 0:
            return (xp.constant(a, 0.0),)
        return (grad * xp.call("mul_scalar", (a ** (e - 1),), e),)
    if e == 0:
        return (xp.constant(a, 0.0),)
    if e == 2:
        return (grad * (2 * a),)  # a ** 1 is a: skip the power
    return (grad * (e * _power(a, e - 1)),)


@defop("pow_tensor", "PowBackward1", _pow_f32, saves=(0, 1, -1))
def pow_tensor_vjp(xp, grad, saved, consts, needs):
    a, b, out = saved
    ga = gb = None
    if not xp.is_numpy:   # ATen's pow_backward_exponent (made first, as its generated PowBackward1), then _self,
        # with exponent - 1 a sub.Scalar (SubBackward1) and the grad outside the exponent's where
        if needs[1]:
            gb = grad * xp.where((a == 0) & (b >= 0), 0.0, out * xp.log(a))
        if needs[0]:
            ga = xp.where(b == 0, 0.0, grad * (b * a ** xp.call("sub_scalar", (b,), 1)))
        return ga, gb
    if needs[0]:
        ga = xp.where(b == 0, 0.0, grad * (b * a ** (b - 1)))
    if needs[1]:
        gb = xp.where((a == 0) & (b >= 0), 0.0, grad * (out * xp.log(a)))
    return ga, gb


@defop("rpow", "PowBackward2", lambda a, base: np.power(base, a), saves=(-1,))
def rpow_vjp(xp, grad, saved, consts, needs):
    out, = saved
    base = consts[0]
    if not xp.is_numpy and base != 0:   # (result * log(base): a Scalar product, MulBackward1)
        return (grad * xp.call("mul_scalar", (out,), float(np.log(base))),)
    return (grad * (out * float(np.log(base))) if base != 0 else grad * 0,)


# ---------------------------------------------------------------- unary


@defop("abs", "AbsBackward0", cabs, saves=(0,))
def abs_vjp(xp, grad, saved, consts, needs):
    a = saved[0]
    if xp.is_numpy and a.dtype.kind == "c":   # grad * sgn(z)
        return (complex_multiply(grad, csgn(a)),)
    if not xp.is_numpy and a.is_complex():   # (create_graph: through sgn, whose own gradient is SgnBackward0's)
        return (grad * a.sgn(),)
    return (grad * (xp.sign(a) if xp.is_numpy else a.sgn()),)   # (ATen: grad * self.sgn(), SgnBackward0)


def _zero_grad(xp, grad, saved, consts, needs):
    """derivatives.yaml's zeros_like(grad): +0 everywhere (a nan, inf or negative gradient too), no graph behind it."""
    return (xp.constant(grad, 0.0),)


def _sign(a):
    """ATen's (0 < a) - (a < 0): 0 for NaN (numpy's sign gives NaN), +0 for -0."""
    if a.dtype.kind != "f":
        return a.copy() if a.dtype.kind == "b" else np.sign(a)   # (a bool is its own sign)
    return (a > 0).astype(a.dtype) - (a < 0).astype(a.dtype)


defop("sign", "SignBackward0", _sign)(_zero_grad)


# Step functions: their gradient is zero almost everywhere (PyTorch records them all the same).
for _name, _node, _fn in (("round", "RoundBackward0", np.round), ("floor", "FloorBackward0", np.floor),
                          ("ceil", "CeilBackward0", np.ceil), ("trunc", "TruncBackward0", np.trunc),
                          ("round_decimals", "RoundBackward1", np.round)):
    defop(_name, _node, _fn)(_zero_grad)


# In-place overwrites: the result no longer depends on the old values (zero gradient flows back to them).
defop("zero", "ZeroBackward0", np.zeros_like)(_zero_grad)
defop("fill", "FillBackward2", lambda a, value: np.full_like(a, value))(_zero_grad)


@defop("fill_tensor", "FillBackward3", lambda a, v: np.full_like(a, v))
def fill_tensor_vjp(xp, grad, saved, consts, needs):
    """fill_ with a 0-d tensor (and ``t[:] = 0.``): the old values get zeros, the value the sum of the gradient."""
    return (xp.constant(grad, 0.0) if needs[0] else None), (xp.sum(grad) if needs[1] else None)


# torch.fill(input, value): the same, out of place (PyTorch's FillBackward0 / FillBackward1)
defop("fill_new", "FillBackward0", lambda a, value: np.full_like(a, value))(_zero_grad)
defop("fill_tensor_new", "FillBackward1", lambda a, v: np.full_like(a, v))(fill_tensor_vjp)


@defop("copy_into", "CopyBackwards", lambda a, src: np.array(np.broadcast_to(src.real if src.dtype.kind == "c" and
                                                                           a.dtype.kind != "c" else src, a.shape),
                                                              dtype=a.dtype),
       qualname="torch::autograd::CopyBackwards")
def copy_into_vjp(xp, grad, saved, consts, needs):
    """copy_: the old values get zeros, the source the gradient (summed to its shape, in its dtype)."""
    return (xp.constant(grad, 0.0) if needs[0] else None), (grad if needs[1] else None)


@defop("frac", "FracBackward0", lambda a: a - np.trunc(a), api="frac", promote="float", inplace=True,
       kernel=("frac_cpu", "biu"))
def frac_vjp(xp, grad, saved, consts, needs):
    return (grad,)


def _log1p_sleef(a):
    """ATen's log1p kernel: vml's vlog1p, Vectorized's log1p (SLEEF's log1pf_u10 / log1p_u10) over every element,
    the tail as one partial vector; numpy's float64 log1p is neither SLEEF's nor the C library's."""
    if a.dtype == np.float32:   # (the kernels take and give flat arrays: a 0-d input comes back 0-d)
        return vec_kernels.log1pf(a).reshape(a.shape) if a.size else a.copy()
    if a.dtype == np.float64:
        return vec_kernels.log1pd(a).reshape(a.shape) if a.size else a.copy()
    return np.log1p(a)


@defop("log1p", "Log1PBackward0", _log1p_sleef, saves=(0,), api="log1p", promote="float", inplace=True)
def log1p_vjp(xp, grad, saved, consts, needs):
    if not xp.is_numpy:   # ATen's log1p_backward: grad / (self + 1), the + 1 add.Scalar (AddBackward1)
        return (grad / xp.call("add_scalar", (saved[0],), 1),)
    return (grad / (saved[0] + 1),)


@defop("exp", "ExpBackward0", vml_or(rounded_f32(np.exp), "Exp"), saves=(-1,), api="exp", promote="float", inplace=True)
def exp_vjp(xp, grad, saved, consts, needs):
    return (grad * saved[0],)


@defop("log", "LogBackward0", vml_or(rounded_f32(np.log), "Ln"), saves=(0,), api="log", promote="float", inplace=True)
def log_vjp(xp, grad, saved, consts, needs):
    return (grad / saved[0],)


@defop("sqrt", "SqrtBackward0", _sqrt, saves=(-1,), api="sqrt", promote="float", inplace=True)
def sqrt_vjp(xp, grad, saved, consts, needs):
    if not xp.is_numpy:   # ATen's grad / (2 * result): the 2 * result is mul.Scalar (MulBackward1)
        return (grad / xp.call("mul_scalar", (saved[0],), 2),)
    return (grad / (2 * saved[0]),)


@defop("sin", "SinBackward0", vml_or(rounded_f32(np.sin), "Sin"), saves=(0,), api="sin", promote="float", inplace=True)
def sin_vjp(xp, grad, saved, consts, needs):
    return (grad * xp.cos(saved[0]),)


@defop("cos", "CosBackward0", vml_or(rounded_f32(np.cos), "Cos"), saves=(0,), api="cos", promote="float", inplace=True)
def cos_vjp(xp, grad, saved, consts, needs):
    return (grad * -xp.sin(saved[0]),)


@defop("tan", "TanBackward0", vml_or(np.tan, "Tan"), saves=(-1,), api="tan", promote="float", inplace=True)
def tan_vjp(xp, grad, saved, consts, needs):
    out = saved[0]
    if not xp.is_numpy:   # ATen's grad * (1 + result.pow(2)): PowBackward0 under add.Scalar (AddBackward1)
        return (grad * xp.call("add_scalar", (out ** 2,), 1),)
    return (grad * (1 + out * out),)


@defop("tanh", "TanhBackward0", vml_or(rounded_f32(np.tanh), "Tanh"), saves=(-1,), api="tanh", promote="float",
       inplace=True)
def tanh_vjp(xp, grad, saved, consts, needs):
    return (xp.call("tanh_backward", (grad, saved[0])),)


# Backward functions that are ops of their own, so that a create_graph=True gradient shows PyTorch's
# double-backward node (TanhBackwardBackward0 ...). Inputs: (incoming gradient g, the saved output).
def _tanh_back(g, out):
    """g * (1 - out * out) as PyTorch's vectorised kernel computes it: 1 - out * out is one fused multiply-add
    (rounded once; numpy's two roundings differ for ~57% of float32 inputs) with the avx2 / avx512 capabilities,
    two roundings with default (no fma in that build)."""
    if vec_kernels.capability() == "default":
        return g * (1 - out * out)
    if out.dtype == _F32:
        if (g.__class__ is _NDARRAY and g.dtype == _F32 and g.shape == out.shape and g.flags.c_contiguous
                and ckernels.applies(out)):
            return ckernels.tanh_backward(g, out)   # the same steps in C (_vec_kernels.c)
        wide = out.astype(np.float64)
        return g * (1.0 - wide * wide).astype(np.float32)
    if out.dtype == np.float64 and out.__class__ is np.ndarray:   # the float64 kernel fuses 1 - out * out too
        one = np.float64(1.0)
        fused = ckernels.fma64(-out, out, one) if ckernels.LIB is not None else None
        return g * (_fma64(-out, out, one) if fused is None else fused.reshape(out.shape))   # (0-d: C gives 1-d)
    return g * (1 - out * out)


# derivatives.yaml: grad_output's gradient is the same kernel on the incoming gradient, output's is
# grad * (-2 * output * grad_output) (tanh) and grad * grad_output * (-2 * output + 1) (sigmoid), in that order
@defop("tanh_backward", "TanhBackwardBackward0", _tanh_back, saves=(0, 1))
def tanh_backward_vjp(xp, grad, saved, consts, needs):
    g, out = saved
    return xp.call("tanh_backward", (grad, out)), grad * (-2 * out * g)


@defop("sigmoid_backward", "SigmoidBackwardBackward0", lambda g, out: g * (1 - out) * out, saves=(0, 1))  # ATen's order
def sigmoid_backward_vjp(xp, grad, saved, consts, needs):
    g, out = saved
    return xp.call("sigmoid_backward", (grad, out)), grad * g * (-2 * out + 1)


# On equal zeros (0.0 vs -0.0) numpy's maximum/minimum return their second operand and PyTorch's the first
# (its `self`): the operands are swapped below, so relu(-0.0) is -0.0 and clamp keeps the input's zero.
def _relu(a):
    return np.maximum(a.dtype.type(0), a)


_BITS = {np.dtype(np.float32): np.int32, np.dtype(np.float64): np.int64}


def _threshold_backward(g, out, threshold=0):
    """where(out <= threshold, 0, g) (relu's backward: threshold 0, from its result): for same-shape floats as a bitwise and with a mask of all-ones/zeros words
    (exact, NaN and -0.0 included, and about twice as fast as numpy.where)."""
    ints = _BITS.get(g.dtype)
    if ints is None or g.shape != out.shape:
        return np.where(out <= threshold, g.dtype.type(0), g)
    keep = np.less_equal(out, threshold).view(np.int8)
    keep -= 1                                          # 0 -> -1 (keep g), 1 -> 0
    return np.bitwise_and(g.view(ints), keep).view(g.dtype)


@defop("threshold_backward", "ThresholdBackwardBackward0", _threshold_backward, saves=(1,))
def threshold_backward_vjp(xp, grad, saved, consts, needs):
    grad_g = xp.where(saved[0] <= (consts[0] if consts else 0), 0.0, grad)
    return grad_g, (grad_g * 0 if needs[1] else None)  # the output's gradient is zero, but it flows (as in PyTorch)


def _softmax_back(g, out, dim):
    if out.dtype == _F16 and g.dtype == _F16 and out.size:   # float16: the float32 kernel, rounded once
        return _softmax_back(g.astype(np.float32), out.astype(np.float32), dim).astype(_F16)
    if g.dtype == out.dtype and (vec_kernels.applies(out, dim) or vec_kernels.applies64(out, dim)):
        return vec_kernels.softmax_backward_lastdim(g, out)
    if g.dtype == out.dtype and (softmax_dims.applies(out, dim) or softmax_dims.applies64(out, dim)):
        return softmax_dims.softmax_backward(g, out, dim)
    dim = dim if out.ndim else None  # a 0-d tensor: the sum runs over its one element
    return out * (g - (g * out).sum(axis=dim, keepdims=True))


@defop("softmax_backward", "SoftmaxBackwardDataBackward0", _softmax_back, saves=(0, 1))
def softmax_backward_vjp(xp, grad, saved, consts, needs):
    g, out = saved
    dim = consts[0]
    return (out * (grad - xp.sum(grad * out, (dim,), True)),
            grad * (g - xp.sum(g * out, (dim,), True)) - g * xp.sum(grad * out, (dim,), True))


def _log_softmax_back(g, out, dim):
    if out.dtype == _F16 and g.dtype == _F16 and out.size:
        return _log_softmax_back(g.astype(np.float32), out.astype(np.float32), dim).astype(_F16)
    if g.dtype == out.dtype and (vec_kernels.applies(out, dim) or vec_kernels.applies64(out, dim)):
        return vec_kernels.log_softmax_backward_lastdim(g, out)
    if g.dtype == out.dtype and (softmax_dims.applies(out, dim) or softmax_dims.applies64(out, dim)):
        return softmax_dims.log_softmax_backward(g, out, dim)
    dim = dim if out.ndim else None
    return g - np.exp(out) * np.add.reduce(g, axis=dim, keepdims=True)


@defop("log_softmax_backward", "LogSoftmaxBackwardDataBackward0", _log_softmax_back, saves=(0, 1))
def log_softmax_backward_vjp(xp, grad, saved, consts, needs):
    g, out = saved
    dim = consts[0]
    # ATen's formulas, each with its own output.exp(): grad - (grad * exp(output)).sum(dim, true) and
    # (-grad_output.sum(dim, true) * exp(output)) * grad (products in that order: they round differently)
    g_go = grad - xp.sum(grad * xp.exp(out), (dim,), True) if needs[0] else None
    return g_go, (-xp.sum(g, (dim,), True) * xp.exp(out)) * grad if needs[1] else None


def _sigmoid(a):
    """1 / (1 + exp(-a)), in a's dtype with exp rounded once (PyTorch's kernel); float32 as ATen's vector
    kernel (vec_kernels.sigmoid)."""
    out = vec_kernels.sigmoid(a)
    if out is not None:
        return out
    with np.errstate(over="ignore"):
        one = a.dtype.type(1) if isinstance(a, np.ndarray) else 1.0
        return one / (one + _exp(-a))


@defop("sigmoid", "SigmoidBackward0", _sigmoid, saves=(-1,), api="sigmoid", promote="float", inplace=True)
def sigmoid_vjp(xp, grad, saved, consts, needs):
    return (xp.call("sigmoid_backward", (grad, saved[0])),)


@defop("relu", "ReluBackward0", _relu, saves=(-1,))
def relu_vjp(xp, grad, saved, consts, needs):
    return (xp.call("threshold_backward", (grad, saved[0])),)


def _clamp(a, lo, hi):
    if lo is not None:
        a = np.maximum(lo, a).astype(a.dtype, copy=False)
    if hi is not None:
        a = np.minimum(hi, a).astype(a.dtype, copy=False)
    return a


@defop("clamp", "ClampBackward1", _clamp, saves=(0,))
def clamp_vjp(xp, grad, saved, consts, needs):
    a, = saved
    lo, hi = consts
    mask = True
    if lo is not None:
        mask = a >= lo
    if hi is not None:
        mask = mask & (a <= hi) if lo is not None else a <= hi
    return (xp.where(mask, grad, 0.0),)


@defop("maximum", "MaximumBackward0", lambda a, b: np.maximum(b, a), saves=(0, 1))
def maximum_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    half = xp.where(a == b, grad / 2, grad)
    return xp.where(a < b, 0.0, half), xp.where(b < a, 0.0, half)


@defop("minimum", "MinimumBackward0", lambda a, b: np.minimum(b, a), saves=(0, 1))
def minimum_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    half = xp.where(a == b, grad / 2, grad)
    return xp.where(a > b, 0.0, half), xp.where(b > a, 0.0, half)


@defop("where", "WhereBackward0", lambda a, b, cond: np.where(cond, a, b))
def where_vjp(xp, grad, saved, consts, needs):
    cond = consts[0]
    return (xp.where(cond, grad, 0.0) if needs[0] else None), (xp.where(cond, 0.0, grad) if needs[1] else None)


def _masked_fill(a, value, mask):
    return np.where(mask, a.dtype.type(value), a)


@defop("masked_fill", "MaskedFillBackward0", lambda a, mask, value: _masked_fill(a, value, mask))
def masked_fill_vjp(xp, grad, saved, consts, needs):
    return (xp.where(consts[0], 0.0, grad),)


@defop("masked_fill_t", "MaskedFillBackward1", lambda a, v, mask: _masked_fill(a, v, mask))  # a 0-d value tensor
def masked_fill_t_vjp(xp, grad, saved, consts, needs):
    mask = consts[0]
    return (xp.where(mask, 0.0, grad) if needs[0] else None), (xp.sum(xp.where(mask, grad, 0.0)) if needs[1] else None)


@defop("clone", "CloneBackward0", lambda a: np.array(a, copy=True))
def clone_vjp(xp, grad, saved, consts, needs):
    return (grad,)


@defop("copy_grad", "CopyBackwards", lambda a: np.array(a, copy=True))
def copy_grad_vjp(xp, grad, saved, consts, needs):
    return (grad,)


@defop("to_copy", "ToCopyBackward0", lambda a, dt: (a.real if a.dtype.kind == "c" and dt.kind != "c" else a).astype(dt))
def to_copy_vjp(xp, grad, saved, consts, needs):
    return (grad,)


@defop("alias", "AliasBackward0", lambda a: a.view())
def alias_vjp(xp, grad, saved, consts, needs):
    return (grad,)


# ---------------------------------------------------------------- matrix products


def _grad_like(xp, a, grad, consts):
    """a.T @ g; when the second factor was column-major (nn.Linear's weight.t(), flagged in consts), the
    result is made transposed too (ATen's mm_mat2_backward), so that the gradient reaching the weight is
    contiguous without a copy."""
    if consts and consts[0]:
        return xp.mT(xp.matmul(xp.mT(grad), a))
    return xp.matmul(xp.mT(a), grad)


def _grad_first(xp, b, grad, consts):
    """g @ b.T; when the first factor was column-major (flagged second in consts: a (1, 1) input, x.t()), as
    ATen's mm_mat1_backward computes it then, (b @ g.T).T: another product (the sums' order) and, under
    create_graph, a TBackward0 node on top."""
    if len(consts) > 1 and consts[1]:
        return xp.mT(xp.matmul(b, xp.mT(grad)))
    return xp.matmul(grad, xp.mT(b))


def transposed(arr):
    """ATen's test for a column-major factor in mm's backward (strides[0] == 1 and strides[1] == sizes[0]), on
    the numpy strides, which are the tensor's (a (1, 1) matrix passes it, as a weight.t() of n x 1 does)."""
    if arr.ndim != 2:
        return False
    step = arr.itemsize
    return arr.strides[0] == step and arr.strides[1] == arr.shape[0] * step


@defop("mm", "MmBackward0", mkl_order.matmul, saves=(0, 1), save_if={0: 1, 1: 0})
def mm_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    a, b = cj(a), cj(b)   # (the conjugate transposes, for complex factors)
    if xp.is_numpy:   # what the lines below compute, without the namespace's layers (every layer's backward)
        mm = mkl_order.matmul
        ga = None
        if needs[0]:
            first = len(consts) > 1 and consts[1]
            ga = mm(b, grad.swapaxes(-1, -2)).swapaxes(-1, -2) if first else mm(grad, b.swapaxes(-1, -2))
        if not needs[1]:
            return ga, None
        if consts and consts[0]:
            return ga, mm(grad.swapaxes(-1, -2), a).swapaxes(-1, -2)
        return ga, mm(a.swapaxes(-1, -2), grad)
    return (_grad_first(xp, b, grad, consts) if needs[0] else None), \
        (_grad_like(xp, a, grad, consts) if needs[1] else None)


@defop("bmm", "BmmBackward0", _bmm, saves=(0, 1), save_if={0: 1, 1: 0})
def bmm_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    a, b = cj(a), cj(b)
    if xp.is_numpy:   # PyTorch's formulas are bmm's too: the same plain loop below 400 multiply-adds
        return (_bmm(grad, b.swapaxes(-1, -2)) if needs[0] else None), \
            (_bmm(a.swapaxes(-1, -2), grad) if needs[1] else None)
    return (xp.matmul(grad, xp.mT(b)) if needs[0] else None), (xp.matmul(xp.mT(a), grad) if needs[1] else None)


@defop("mv", "MvBackward0", mkl_order.matmul, saves=(0, 1), save_if={0: 1, 1: 0})
def mv_vjp(xp, grad, saved, consts, needs):
    a, v = saved
    a, v = cj(a), cj(v)
    return (xp.outer(grad, v) if needs[0] else None), (xp.matmul(xp.mT(a), grad) if needs[1] else None)


def _dot(a, b):
    """np.dot, except a float32 dot of 3 terms, which PyTorch sums in order ((a0 b0 + a1 b1) + a2 b2), each product
    rounded (numpy's BLAS differs for ~20% of inputs; 1 and 2 terms agree, 4 and more follow MKL's order)."""
    got = blas.dot(a, b)   # MKL's, where it is installed
    if got is not None:
        return got
    if a.dtype == np.float32 and a.shape[0] == 3 and b.dtype == np.float32:
        p = a * b
        return np.float32(np.float32(p[0] + p[1]) + p[2])
    return np.dot(a, b)


@defop("vdot", "VdotBackward0", _dot, saves=(0, 1), save_if={0: 1, 1: 0})
def vdot_vjp(xp, grad, saved, consts, needs):
    """vdot(a, b) = sum(conj(a) b): conj(grad) b to a, grad a to b (dot's gradient for real vectors)."""
    a, b = saved
    if xp.is_numpy and _complex_pair(a, b):   # (ATen's complex products: a 0-d gradient in its scalar loop)
        return (complex_multiply(cj(grad), b) if needs[0] else None), (complex_multiply(grad, a) if needs[1] else None)
    return (cj(grad) * b if needs[0] else None), (grad * a if needs[1] else None)


def _complex_pair(a, b):
    """Is either saved factor complex? (one is None when its partner wants no gradient: save_if)"""
    return (a is not None and a.dtype.kind == "c") or (b is not None and b.dtype.kind == "c")


@defop("dot", "DotBackward0", _dot, saves=(0, 1), save_if={0: 1, 1: 0})
def dot_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    a, b = cj(a), cj(b)
    if xp.is_numpy and _complex_pair(a, b):   # (ATen's complex products: a 0-d gradient in its scalar loop)
        return (complex_multiply(grad, b) if needs[0] else None), (complex_multiply(grad, a) if needs[1] else None)
    return (grad * b if needs[0] else None), (grad * a if needs[1] else None)


def _addmm(c, a, b, *layout):
    return mkl_order.addmm(c, a, b)


@defop("addmm", "AddmmBackward0", _addmm, saves=(1, 2), save_if={1: 2, 2: 1})
def addmm_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    a, b = cj(a), cj(b)   # (the conjugate transposes, for complex factors: mm_mat1/mat2_backward)
    return (grad, (_grad_first(xp, b, grad, consts) if needs[1] else None),
            (_grad_like(xp, a, grad, consts) if needs[2] else None))


# ---------------------------------------------------------------- nn.functional losses and activations


def _softmax(a, dim):
    if a.dtype == _F16 and a.size:   # float16: as bfloat16 (bf16.py), with float16 buffers
        w = a.astype(np.float32)
        if a.ndim and dim != a.ndim - 1:
            return softmax_dims.reduced_softmax(w, dim, _F16).astype(_F16)
        return _softmax(w, dim).astype(_F16)
    if vec_kernels.applies(a, dim) or vec_kernels.applies64(a, dim):   # over the last dim: ATen's kernel, bit for bit
        return vec_kernels.softmax_lastdim(a)
    if softmax_dims.applies(a, dim) or softmax_dims.applies64(a, dim):   # over another dim: ATen's kernel too
        return softmax_dims.softmax(a, dim)
    if a.size == 0:   # nothing to normalise: an empty result of the same shape
        return a.copy()
    dim = dim if a.ndim else None
    e = np.exp(a - a.max(axis=dim, keepdims=True))
    return e / e.sum(axis=dim, keepdims=True)


def _log_softmax(a, dim):
    if a.dtype is _F32 and a.ndim and dim == a.ndim - 1 and a.size and a.flags.c_contiguous:
        lanes = vec_kernels.compiled_lanes()   # (log_softmax_lastdim's C kernel, direct)
        if lanes:
            return ckernels.rows("am_log_softmax", lanes, a)
    if a.dtype == _F16 and a.size:
        w = a.astype(np.float32)
        if a.ndim and dim == a.ndim - 1:
            return softmax_dims.reduced_log_softmax_lastdim(w, _F16).astype(_F16)
        return _log_softmax(w, dim).astype(_F16)
    if vec_kernels.applies(a, dim) or vec_kernels.applies64(a, dim):
        return vec_kernels.log_softmax_lastdim(a)
    if softmax_dims.applies(a, dim) or softmax_dims.applies64(a, dim):
        return softmax_dims.log_softmax(a, dim)
    if a.size == 0:
        return a.copy()
    dim = dim if a.ndim else None  # the ufuncs' own reduce: ndarray.max/sum add a Python layer per call
    shifted = a - np.maximum.reduce(a, axis=dim, keepdims=True)
    shifted -= np.log(np.add.reduce(np.exp(shifted), axis=dim, keepdims=True))
    return shifted


@defop("softmax", "SoftmaxBackward0", _softmax, saves=(-1,))
def softmax_vjp(xp, grad, saved, consts, needs):
    return (xp.call("softmax_backward", (grad, saved[0]), consts[0]),)


@defop("log_softmax", "LogSoftmaxBackward0", _log_softmax, saves=(-1,))
def log_softmax_vjp(xp, grad, saved, consts, needs):
    return (xp.call("log_softmax_backward", (grad, saved[0]), consts[0]),)


def _reduce(v, reduction):
    if reduction == "mean":  # the sum in v's dtype (PyTorch's order) over the count
        if v.dtype == np.float16:   # (ATen's CPU mean of float16: in float32, the quotient rounded once)
            return np.asarray(_reduce(v.astype(np.float32), reduction)).astype(v.dtype)
        return np.true_divide(full_sum(v), v.size, dtype=v.dtype) if v.size else np.array(np.nan, v.dtype)
    if reduction == "sum":
        return full_sum(v)
    return v


def _reduce_back(xp, grad, shape, reduction):
    if reduction == "none":
        return grad
    size = math.prod(shape)
    grad = xp.expand(grad, shape)
    return grad / size if reduction == "mean" else grad


@defop("mse_loss", "MseLossBackward0", lambda a, b, red: np.asarray(_reduce((a - b) ** 2, red)), saves=(0, 1))
def mse_loss_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    if not xp.is_numpy:   # (create_graph: MseLossBackwardBackward0 nodes, as PyTorch records them)
        return loss_backward(xp, "mse_loss_backward", mse_loss_formula, grad, a, b, consts, needs)
    return mse_loss_formula(xp, grad, saved, consts, needs)


def mse_loss_formula(xp, grad, saved, consts, needs):
    a, b = saved
    diff = a - b
    # ATen's mse_loss_backward: norm * (input - target) * grad_output, norm = 2 / numel (mean) or 2, in that order
    norm = 2 / math.prod(diff.shape) if consts[0] == "mean" else 2.0
    d = diff * norm * grad
    return (d if needs[0] else None), (-d if needs[1] else None)


def _c_library(name, a):
    """The C library's log / log1p of a float array, as ATen's scalar kernels call std::log (float16 through float)."""
    if a.dtype == np.float16:
        return _c_library(name, a.astype(np.float32)).astype(np.float16)
    if a.dtype != np.float32 and a.dtype != np.float64:
        return getattr(np, name)(a)
    return libm.log(a) if name == "log" else libm.apply(name, a)


def _bce(p, t, red, w=None):
    """(t - 1) * max(log1p(-p), -100) - t * max(log(p), -100): PyTorch's scalar kernel, term for term (with the C
    library's log1p and log, not correctly rounded in float32: glibc's logf is up to 0.82 units off)."""
    one, floor = p.dtype.type(1), p.dtype.type(-100)
    loss = (t - one) * np.maximum(_c_library("log1p", -p), floor) - t * np.maximum(_c_library("log", p), floor)
    return np.asarray(_reduce(loss if w is None else loss * w, red))


@defop("binary_cross_entropy", "BinaryCrossEntropyBackward0", _bce, saves=(0, 1))
def binary_cross_entropy_vjp(xp, grad, saved, consts, needs):
    p, t = saved
    red, w = consts
    # ATen's binary_cross_entropy_backward: grad * (p - t) / max((1 - p) p, 1e-12), times the weight, / numel;
    # the target's (binary_cross_entropy_target_backward): -logit(p) * grad, times the weight, / numel
    gp = _bce_back(xp, grad * (p - t) / xp.maximum((1 - p) * p, 1e-12), None, w, red) if needs[0] else None
    return gp, (_bce_back(xp, -xp.call("logit", (p,)), grad, w, red) if needs[1] else None)


def _bce_back(xp, d, grad, w, red):
    """A BCE loss gradient as ATen computes it (for the input and for the target): d * grad, then * weight, then / numel."""
    d = d if grad is None else d * grad
    if w is not None:
        d = d * xp.wrap(w)
    return xp.div_scalar(d, math.prod(d.shape)) if red == "mean" else d


def _bce_logits(z, t, red, w=None, pw=None):
    """ATen's composition: (1 - t) * z - log_sigmoid(z) * lw, lw = (pos_weight - 1) * t + 1; times weight; reduced.
    (Each step is written in place into (1 - target) or log_sigmoid(z) there: rounded to that tensor's dtype.)"""
    ls = OPS["log_sigmoid"].fwd(z)   # (ops_act's op, registered by the time a loss runs: ops_act imports this module)
    with np.errstate(all="ignore"):
        if pw is not None:
            lw = (pw - pw.dtype.type(1)) * t
            lw = (lw + lw.dtype.type(1)).astype(lw.dtype, copy=False)
            ls = (ls * lw).astype(z.dtype, copy=False)
        loss = ((t.dtype.type(1) - t) * z).astype(t.dtype, copy=False)
        loss = (loss - ls).astype(t.dtype, copy=False)
        if w is not None:
            loss = (loss * w).astype(t.dtype, copy=False)
    return np.asarray(_reduce(loss, red))


@defop("binary_cross_entropy_with_logits", "BinaryCrossEntropyWithLogitsBackward0", _bce_logits, saves=(0, 1))
def binary_cross_entropy_with_logits_vjp(xp, grad, saved, consts, needs):
    z, t = saved
    red, w, pw = consts
    gt = None
    if needs[1]:   # (ATen's binary_cross_entropy_with_logits_target_backward)
        d = -z if pw is None else xp.call("log_sigmoid", (-z,)) - xp.call("log_sigmoid", (z,)) * xp.wrap(pw)
        gt = _bce_back(xp, d, grad, w, red)
    if not needs[0]:
        return None, gt
    # ATen's binary_cross_entropy_with_logits_backward: (sigmoid(z) - t, or (pw t + 1 - t) sigmoid(z) - pw t)
    # times grad, times the weight, / numel
    sig = xp.call("sigmoid", (z,))
    if pw is None:
        d = sig - t
    else:
        pt = xp.wrap(pw) * t
        d = (pt + 1 - t) * sig - pt
    return _bce_back(xp, d, grad, w, red), gt


@functools.lru_cache(maxsize=32)
def _rows(n):
    rows = np.arange(n)
    rows.flags.writeable = False
    return rows


def _nll_key(shape, target):
    """The index of each target's log-probability: class dim 0 for a 1-d input, else 1 (N, C, d1, ...)."""
    if len(shape) == 1:
        return (target,)
    if len(shape) == 2:
        return (_rows(shape[0]), target)
    idx = np.indices(target.shape, sparse=True)
    return (idx[0], target, *idx[1:])


def _nll(logp, target, red, shape, weights=None, ignored=None):
    """PyTorch's nll_loss: -w[t] * logp[t] per target; the mean divides by the sum of the weights used.
    weights: each target's class weight (0 where ignored), or None when all are 1; ignored: bool mask or None."""
    if weights is None and ignored is None and red != "none" and len(shape) == 2 and ckernels.LIB is not None \
            and (logp.dtype is _F32 or logp.dtype is _F64):
        # a batch of class indices (a training loop's case): _nll_cascade's C loop, the mean over the count
        picked = logp[_rows(shape[0]), target]
        if picked.size:
            total = ckernels.nll_cascade(picked, None, True)
            return np.asarray(total if red == "sum" else total / picked.dtype.type(picked.size))
    picked = logp[_nll_key(shape, target)]
    if red == "none":
        loss = np.negative(picked)
        if weights is not None:
            loss *= weights
        if ignored is not None:
            loss[ignored] = 0
        return loss
    if weights is not None:
        picked = picked * weights
    total = _nll_cascade(picked, ignored, negate=True)
    if red == "sum":
        return np.asarray(total)
    denom = _nll_total_weight(picked, weights, ignored)
    return np.asarray(total / denom if denom else np.array(np.nan, picked.dtype))


def _nll_total_weight(picked, weights, ignored):
    """The mean's denominator as PyTorch's kernel has it: the count of targets not ignored (in the input's dtype),
    or the class weights of the targets summed in the cascade's order."""
    if weights is None:
        n = picked.size - (0 if ignored is None else int(np.count_nonzero(ignored)))
        return picked.dtype.type(n)
    return _nll_cascade(weights, ignored, negate=False)


_LEVELS = 8


def _nll_cascade(values, ignored, negate):
    """Sum (or 0 minus the sum) of the targets' values in the order of ATen's nll_loss kernels: 8 partial sums;
    each value goes into the first; after a target whose index has its lowest `p` bits zero (p = 4 below 2**40
    targets) the first is added into the second and emptied, and so on up while the next `p` bits are zero; the
    8 partial sums are added from +0.0 at the end. An ignored target adds nothing and empties nothing."""
    flat = values.reshape(-1)
    dtype = flat.dtype
    zero = dtype.type(0)
    n = flat.size
    if n and ckernels.LIB is not None and dtype in (np.float32, np.float64):   # the same loop in C (_reduce.c)
        return ckernels.nll_cascade(np.ascontiguousarray(flat), None if ignored is None else ignored.reshape(-1),
                                    negate)
    if n == 0 or dtype.kind != "f":
        total = np.add.reduce(flat) if n else zero
        return np.subtract(zero, total) if negate else total
    power = max(4, (n - 1).bit_length() // _LEVELS)
    step = 1 << power
    skip = None if ignored is None else ignored.reshape(-1)
    if skip is not None and not skip.any():
        skip = None
    # segments of values added into the first partial sum between its flushes, each a sum in index order
    if skip is None:
        points = range(0, n, step)
        full = (n - 1) // step
        middle = np.add.accumulate(flat[1:1 + full * step].reshape(full, step), axis=1)[:, -1] if full else ()
        segments = [flat[0]] + list(middle)
        tail = flat[1 + full * step:]
        rest = np.add.accumulate(tail)[-1] if tail.size else None
    else:
        keep = ~skip
        points = [b for b in range(0, n, step) if keep[b]]
        segments, start = [], 0
        for b in points:
            seg = flat[start:b + 1][keep[start:b + 1]]
            segments.append(np.add.accumulate(seg)[-1] if seg.size else None)
            start = b + 1
        seg = flat[start:][keep[start:]]
        rest = np.add.accumulate(seg)[-1] if seg.size else None
    mask = step - 1
    parts = [zero] * _LEVELS
    for b, seg in zip(points, segments):
        if seg is not None:
            parts[0] = parts[0] - seg if negate else parts[0] + seg
        for j in range(_LEVELS - 1):
            if b & (mask << (j * power)):
                break
            parts[j + 1] = parts[j + 1] + parts[j]
            parts[j] = zero
    if rest is not None:
        parts[0] = parts[0] - rest if negate else parts[0] + rest
    total = zero
    for v in parts:
        total = total + v
    return total


def _nll_vjp(xp, grad, saved, consts, needs):
    target, red, shape, weights, ignored = consts
    key = _nll_key(shape, target)
    if xp.is_numpy:
        if red == "none":
            v = np.negative(grad)
        else:
            denom = grad.dtype.type(target.size) if weights is None and ignored is None else \
                _nll_total_weight(np.zeros(target.shape, grad.dtype), weights, ignored)   # (the count of targets)
            v = -(grad / denom) if red == "mean" else -grad
        if weights is not None:
            v = v * weights
        if ignored is not None:
            v = np.broadcast_to(v, ignored.shape).copy()
            v[ignored] = 0
        out = np.zeros(shape, grad.dtype)
        out[key] = v
        return (out,)
    if red != "none":  # create_graph: the same values as recorded ops
        denom = target.size if weights is None else float(np.add.reduce(weights, axis=None))
        grad = xp.expand(grad / denom if red == "mean" else grad, target.shape)
    v = -grad if weights is None else -grad * xp.wrap(weights)
    return (xp.scatter(v, shape, key, False),)


defop("nll_loss", "NllLossBackward0", _nll)(_nll_vjp)
defop("nll_loss2d", "NllLoss2DBackward0", _nll)(_nll_vjp)  # 4-d inputs (N, C, H, W)
