"""The backward functions of activations, as ops of their own (forward and vjp, registered like ops.py), so that
a create_graph=True gradient is PyTorch's double-backward node (LeakyReluBackwardBackward0 ...) with its edges:

* piecewise-linear activations (leaky_relu, hardtanh, softshrink, hardshrink, rrelu in eval mode): the gradient
  still depends on the input, with a zero derivative there (PyTorch's ``zeros_like(grad)``), so a second
  ``autograd.grad`` gives zeros instead of "does not require grad";
* elu/selu/celu: ATen's elu_double_backward, whose mask is ``x < 0`` (0 at x = 0);
* log_sigmoid: log_sigmoid_double_backward, ``grad * (z - 1) * z`` with ``z = sigmoid(x)`` (also at x = 0);
* hardswish; hardsigmoid, whose double backward PyTorch does not implement.

Inputs of each op: (incoming gradient g, the saved input or result); the activation's constants follow.
"""
import numpy as np

from . import act_kernels
from .autograd import GRAD_MODE, Saved, record_multi
from .optable import OPS, defop


def _zero(xp, a):
    """PyTorch's zeros_like(grad) for an input the backward is piecewise constant in: no graph behind it."""
    return xp.constant(a, 0.0)


def _leaky_relu_back(g, a, slope):
    return np.where(a > 0, g, g * slope)


@defop("leaky_relu_backward", "LeakyReluBackwardBackward0", _leaky_relu_back, saves=(1,))
def leaky_relu_backward_vjp(xp, grad, saved, consts, needs):
    a, = saved
    return (xp.where(a > 0, grad, grad * consts[0]) if needs[0] else None), (_zero(xp, a) if needs[1] else None)


def _vector_nan_zero(out, a):
    """The vector form of ATen's hardtanh and shrink backward kernels keeps the gradient by a bit mask of
    comparisons a NaN fails, so a NaN input gets 0 there; the scalar form (the tail) passes the gradient."""
    body = act_kernels.vector_body(a)
    if body is not None:
        out = np.where(body & np.isnan(a), out.dtype.type(0), out)
    return out


def _hardtanh_back(g, a, lo, hi):
    return _vector_nan_zero(np.where((a <= lo) | (a >= hi), g.dtype.type(0), g), a)


@defop("hardtanh_backward", "HardtanhBackwardBackward0", _hardtanh_back, saves=(1,))
def hardtanh_backward_vjp(xp, grad, saved, consts, needs):
    a, = saved
    lo, hi = consts
    return (xp.where((a <= lo) | (a >= hi), 0.0, grad) if needs[0] else None), (_zero(xp, a) if needs[1] else None)


def _softshrink_back(g, a, lam):
    lam = a.dtype.type(lam)
    return _vector_nan_zero(np.where((a >= -lam) & (a <= lam), g.dtype.type(0), g), a)


@defop("softshrink_backward", "SoftshrinkBackwardBackward0", _softshrink_back, saves=(1,))
def softshrink_backward_vjp(xp, grad, saved, consts, needs):
    a, = saved
    lam = consts[0]
    gg = xp.where((a >= -lam) & (a <= lam), 0.0, grad) if needs[0] else None
    return gg, (_zero(xp, a) if needs[1] else None)


def _hardshrink_back(g, a, lam):
    return _softshrink_back(g, a, lam)   # ATen's one shrink_backward kernel


@defop("hardshrink_backward", "HardshrinkBackwardBackward0", _hardshrink_back, saves=(1,))
def hardshrink_backward_vjp(xp, grad, saved, consts, needs):
    a, = saved
    return (xp.where(xp.abs(a) > consts[0], grad, 0.0) if needs[0] else None), (_zero(xp, a) if needs[1] else None)


def _rrelu_back(g, a, lower, upper):
    return np.where(a > 0, g, g * ((lower + upper) / 2))


@defop("rrelu_with_noise_backward", "RreluWithNoiseBackwardBackward0", _rrelu_back, saves=(1,))
def rrelu_with_noise_backward_vjp(xp, grad, saved, consts, needs):
    a, = saved
    lower, upper = consts
    gg = xp.where(a > 0, grad, grad * ((lower + upper) / 2)) if needs[0] else None
    return gg, (_zero(xp, a) if needs[1] else None)


def _hardsigmoid_back(g, a):
    # ATen's one_sixth is the float literal 1.0f / 6.0f in every dtype (a float64 gradient too)
    return np.where((a > -3) & (a < 3), g * g.dtype.type(np.float32(1.0 / 6.0)), g.dtype.type(0))


@defop("hardsigmoid_backward", "NotImplemented", _hardsigmoid_back, saves=(1,),
       qualname="torch::autograd::NotImplemented")
def hardsigmoid_backward_vjp(xp, grad, saved, consts, needs):
    raise RuntimeError("derivative for aten::hardsigmoid_backward is not implemented")


def _hardswish_back(g, a):
    # ATen: 0 for x <= -3, grad * (x / 3 + 1/2) for -3 < x < 3, grad from 3 on
    return np.where(a <= -3, g.dtype.type(0), np.where(a < 3, g * (a / 3 + 0.5), g))


@defop("hardswish_backward", "HardswishBackwardBackward0", _hardswish_back, saves=(0, 1))
def hardswish_backward_vjp(xp, grad, saved, consts, needs):
    g, a = saved
    middle = (a > -3) & (a < 3)
    gg = xp.where(a <= -3, 0.0, xp.where(a < 3, grad * (a / 3 + 0.5), grad)) if needs[0] else None
    return gg, (xp.where(middle, grad * g / 3.0, 0.0) if needs[1] else None)


def _elu_back(g, x, negcoef, scale, input_scale, is_result):
    """ATen's elu_backward: from the input, x <= 0 ? g * input_scale * negcoef * exp(x * input_scale) : g * scale;
    from the result (the in-place forms), out <= 0 ? g * input_scale * (out + negcoef) : g * scale."""
    if is_result:
        return np.where(x <= 0, g * input_scale * (x + negcoef), g * scale)
    out = act_kernels.elu_backward(g, x, negcoef, scale, input_scale)   # float32: ATen's vector kernel
    if out is not None:
        return out
    t = x.dtype.type
    with np.errstate(over="ignore"):
        e = np.exp(np.where(x <= 0, x, t(0)) * t(input_scale)).astype(x.dtype, copy=False)
    return np.where(x <= 0, g * input_scale * negcoef * e, g * scale)


def elu_backward(xp, g, x, negcoef, scale, input_scale, is_result):
    """The elu family's backward through the op (EluBackwardBackward0 under create_graph)."""
    return xp.call("elu_backward", (g, x), negcoef, scale, input_scale, is_result)


@defop("elu_backward", "EluBackwardBackward0", _elu_back, saves=(0, 1))
def elu_backward_vjp(xp, grad, saved, consts, needs):
    """ATen's elu_double_backward for the saved input or result: its mask is x < 0 (0 at x = 0)."""
    g, x = saved
    negcoef, scale, input_scale, is_result = consts
    gg = elu_backward(xp, grad, x, *consts) if needs[0] else None
    gx = None
    if needs[1]:
        neg = xp.float_mask(x < 0, grad)
        if is_result:
            gx = grad * g * input_scale * neg
        else:
            gx = elu_backward(xp, grad * g * input_scale, x, *consts) * neg
    return gg, gx


def _log_sigmoid_back(g, a):
    out = act_kernels.log_sigmoid_backward(g, a)   # float32: ATen's vector kernel, bit for bit
    if out is not None:
        return out
    t = a.dtype.type
    z = np.exp(-np.abs(a))
    return g * np.where(a < 0, t(1) - z / (t(1) + z), z / (t(1) + z))


@defop("log_sigmoid_backward", "LogSigmoidBackwardBackward0", _log_sigmoid_back, saves=(0, 1))
def log_sigmoid_backward_vjp(xp, grad, saved, consts, needs):
    """grad_output: the same backward; self: log_sigmoid_double_backward(grad * grad_output, self)."""
    g, a = saved
    gg = xp.call("log_sigmoid_backward", (grad, a)) if needs[0] else None
    gx = None
    if needs[1]:
        z = xp.call("sigmoid", (a,))
        gx = grad * g * (z - 1) * z
    return gg, gx


def _prelu_back(g, a, w):
    """ATen's _prelu_kernel_backward: (the input's gradient, the weight's before it is summed to the weight)."""
    return np.where(a > 0, g, g * w), np.where(a > 0, g.dtype.type(0), g * a)


@defop("prelu_kernel_backward", "PreluKernelBackwardBackward0", _prelu_back, saves=(0, 1, 2), several_outputs=True)
def prelu_kernel_backward_vjp(xp, grads, saved, consts, needs):
    """PyTorch's formulas (its mask is self >= 0 here); an output no gradient reached gives zeros_like(self) to the
    inputs that need it, so a second autograd.grad finds them used."""
    g, a, w = saved[-3:]
    g0, g1 = grads.get(0), grads.get(1)
    keep = a >= 0
    if g0 is not None:
        gg = g0 * w if g1 is None else g0 * w + g1 * a
        gg = xp.where(keep, g0, gg)
    else:
        gg = xp.where(keep, 0.0, g1 * a)
    ga = xp.where(keep, 0.0, g * g1) if g1 is not None else xp.constant(a, 0.0)
    gw = xp.where(keep, 0.0, g * g0) if g0 is not None else xp.constant(a, 0.0)
    return (gg if needs[0] else None), (ga if needs[1] else None), (gw if needs[2] else None)


def prelu_kernel_backward(xp, g, a, w):
    """The two gradients of prelu under create_graph=True: one PreluKernelBackwardBackward0 node for both."""
    outs = [xp.wrap(o) for o in _prelu_back(g._data, a._data, w._data)]
    if GRAD_MODE.enabled and any(t._rg for t in (g, a, w)):
        record_multi(OPS["prelu_kernel_backward"], (g, a, w), outs, [o._data for o in outs]
                     + [Saved(t) for t in (g, a, w)], ())
    return outs
