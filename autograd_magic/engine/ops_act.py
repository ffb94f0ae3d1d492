"""The activations of torch.nn.functional after the first lessons' (hardtanh, mish, hardswish, selu, glu, prelu ...),
each as ATen's CPU kernel computes it (forward and vjp, registered like ops.py).

Vjps are written against ``xp`` (numpy arrays, or Tensors under create_graph=True): operators,
``xp.where``/``xp.exp``/``xp.abs`` and ``xp.call`` of other registered ops only.
"""
import numpy as np

from . import act_kernels
from .ops import _sigmoid
from .ops_act_backward import elu_backward, prelu_kernel_backward
from .optable import defop
from .xp import rounded_f32

_exp = rounded_f32(np.exp)
_log1p = rounded_f32(np.log1p)
_tanh = rounded_f32(np.tanh)
_expm1 = rounded_f32(np.expm1)

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _t(a, value):
    """A Python number as a's scalar type (float32 math stays in float32, as ATen's scalar_t)."""
    return a.dtype.type(value)


def _hardtanh(a, lo, hi):
    """ATen's clamp: x itself where it equals a bound (relu6(-0.0) is -0.0), NaN kept."""
    lo, hi = _t(a, lo), _t(a, hi)
    return np.where(a < lo, lo, np.where(a > hi, hi, a))


@defop("hardtanh", "HardtanhBackward0", _hardtanh, saves=(0,))
def hardtanh_vjp(xp, grad, saved, consts, needs):
    """The gradient passes strictly between min_val and max_val."""
    return (xp.call("hardtanh_backward", (grad, saved[0]), *consts),)


def _mish(a):
    out = act_kernels.mish(a)   # float32: ATen's vector kernel
    if out is not None:
        return out
    with np.errstate(over="ignore"):
        return a * _tanh(_log1p(_exp(a)))


@defop("mish", "MishBackward0", _mish, saves=(0,))
def mish_vjp(xp, grad, saved, consts, needs):
    """x * tanh(softplus(x)): tanh(sp) + x * sigmoid(x) * (1 - tanh(sp)^2), in ATen's order."""
    a, = saved
    out = act_kernels.mish_backward(grad, a) if xp.is_numpy else None
    if out is not None:
        return (out,)
    sig = xp.call("sigmoid", (a,))
    tsp = xp.call("tanh", (xp.call("log1p", (xp.exp(a),)),))
    one = 1 if xp.is_numpy else xp.constant(tsp, 1.0)   # (C++'s 1.0 - t: a filled tensor's sub_, SubBackward0)
    return (grad * (tsp + a * sig * (one - tsp * tsp)),)


def _hardsigmoid(a):
    return np.minimum(np.maximum(a + _t(a, 3), _t(a, 0)), _t(a, 6)) / _t(a, 6)


@defop("hardsigmoid", "HardsigmoidBackward0", _hardsigmoid, saves=(0,))
def hardsigmoid_vjp(xp, grad, saved, consts, needs):
    return (xp.call("hardsigmoid_backward", (grad, saved[0])),)


def _hardswish(a):
    return a * np.minimum(np.maximum(a + _t(a, 3), _t(a, 0)), _t(a, 6)) / _t(a, 6)


@defop("hardswish", "HardswishBackward0", _hardswish, saves=(0,))
def hardswish_vjp(xp, grad, saved, consts, needs):
    return (xp.call("hardswish_backward", (grad, saved[0])),)


def _log_sigmoid(a):
    """min(x, 0) - log1p(exp(-|x|)) (ATen's log_sigmoid_forward)."""
    out = act_kernels.log_sigmoid(a)   # float32: ATen's vector kernel
    if out is not None:
        return out
    return np.minimum(a, _t(a, 0)) - _log1p(_exp(-np.abs(a)))


@defop("log_sigmoid", "LogSigmoidBackward0", _log_sigmoid, saves=(0,))
def log_sigmoid_vjp(xp, grad, saved, consts, needs):
    """1 - sigmoid(x), as ATen writes it: max_deriv - sign * z / (1 + z) with z = exp(-|x|)."""
    return (xp.call("log_sigmoid_backward", (grad, saved[0])),)


def _softshrink(a, lambd):
    """ATen's softshrink: x > l ? x - l : (x < -l ? x + l : x * 0) in its scalar form (NaN kept, -0.0 for a
    negative x in the band); its vector form masks bits, so +0.0 in the band of the elements it computes."""
    lam = _t(a, lambd)
    with np.errstate(invalid="ignore"):
        out = np.where(a > lam, a - lam, np.where(a < -lam, a + lam, a * _t(a, 0)))
    body = act_kernels.vector_body(a)
    if body is not None:
        out[body & (out == 0)] = 0
    return out


@defop("softshrink", "SoftshrinkBackward0", _softshrink, saves=(0,))
def softshrink_vjp(xp, grad, saved, consts, needs):
    return (xp.call("softshrink_backward", (grad, saved[0]), consts[0]),)


def _elu3(a, alpha, scale, input_scale):
    """ATen's elu kernel: x <= 0 ? expm1(x * input_scale) * (alpha * scale) : x * scale, coefficients in a's type."""
    neg = _t(a, alpha) * _t(a, scale)
    with np.errstate(over="ignore"):
        # np.where, not np.minimum: expm1(-0.0) is -0.0 (ATen's elu of -0.0), np.minimum(-0.0, 0) is 0.0
        return np.where(a <= 0, _expm1(np.where(a > 0, _t(a, 0), a) * _t(a, input_scale)) * neg, a * _t(a, scale))


def _negcoef(alpha, scale, like):
    """ATen's negcoef, alpha * scale in the kernel's opmath type: double for a float64 tensor (like), else
    rounded to float32 (exact as a Python float, so float32 math keeps it)."""
    if getattr(like, "_data", like).dtype == np.float64:
        return float(alpha) * float(scale)
    return float(np.float32(alpha) * np.float32(scale))


def _elu3_back(xp, grad, a, alpha, scale, input_scale):
    """ATen's elu_backward: x <= 0 ? grad * input_scale * negcoef * exp(x * input_scale) : grad * scale."""
    return elu_backward(xp, grad, a, _negcoef(alpha, scale, a), scale, input_scale, False)


def _elu3_back_result(xp, grad, out, alpha, scale, input_scale):
    """From the result (the in-place forms): x <= 0 ? grad * input_scale * (out + negcoef) : grad * scale."""
    return elu_backward(xp, grad, out, _negcoef(alpha, scale, out), scale, input_scale, True)


@defop("selu", "EluBackward0", lambda a: _elu3(a, SELU_ALPHA, SELU_SCALE, 1.0), saves=(0,),
       api="selu", method=False, kernel=("elu_cpu", "biu"))
def selu_vjp(xp, grad, saved, consts, needs):
    """scale * elu(x, alpha) with SELU's constants (PyTorch records elu's node)."""
    return (_elu3_back(xp, grad, saved[0], SELU_ALPHA, SELU_SCALE, 1.0),)


@defop("selu_", "EluBackward1", lambda a: _elu3(a, SELU_ALPHA, SELU_SCALE, 1.0), saves=(-1,))
def selu__vjp(xp, grad, saved, consts, needs):
    return (_elu3_back_result(xp, grad, saved[0], SELU_ALPHA, SELU_SCALE, 1.0),)


def _celu(a, alpha):
    return _elu3(a, alpha, 1.0, 1.0 / alpha)


@defop("celu", "CeluBackward0", _celu, saves=(0,), api="celu", method=False, kernel=("elu_cpu", "biu"),
       args=lambda input, alpha=1.0: ((input,), (alpha,)))
def celu_vjp(xp, grad, saved, consts, needs):
    """elu(x, alpha, scale=1, input_scale=1/alpha)."""
    alpha = consts[0]
    return (_elu3_back(xp, grad, saved[0], alpha, 1.0, 1.0 / alpha),)


@defop("celu_", "CeluBackward1", _celu, saves=(-1,))
def celu__vjp(xp, grad, saved, consts, needs):
    alpha = consts[0]
    return (_elu3_back_result(xp, grad, saved[0], alpha, 1.0, 1.0 / alpha),)


def _threshold(a, threshold, value):
    return np.where(a <= _t(a, threshold), _t(a, value), a)


@defop("threshold", "ThresholdBackward0", _threshold, saves=(0,), api="threshold", method=False,
       args=lambda input, threshold, value: ((input,), (threshold, value)))
def threshold_vjp(xp, grad, saved, consts, needs):
    """value where x <= threshold, else x: the gradient passes where x > threshold."""
    return (xp.call("threshold_backward", (grad, saved[0]), consts[0]),)


@defop("threshold_", "ThresholdBackward1", _threshold, saves=(0,))
def threshold__vjp(xp, grad, saved, consts, needs):
    """PyTorch's in-place form tests the input as it was before the write (its saved `self`, a clone), not the
    result: an element replaced by a value above the threshold passes no gradient."""
    return (xp.call("threshold_backward", (grad, saved[0]), consts[0]),)


def _rrelu_eval(a, lower, upper):
    return np.where(a > 0, a, a * _t(a, (lower + upper) / 2))


@defop("rrelu_with_noise", "RreluWithNoiseBackward0", _rrelu_eval, saves=(0,))
def rrelu_with_noise_vjp(xp, grad, saved, consts, needs):
    """Not training: leaky_relu with the mean slope (lower + upper) / 2."""
    return (xp.call("rrelu_with_noise_backward", (grad, saved[0]), *consts),)


@defop("rrelu_with_noise_", "RreluWithNoiseBackward1", _rrelu_eval, saves=(-1,))
def rrelu_with_noise__vjp(xp, grad, saved, consts, needs):
    return (xp.call("rrelu_with_noise_backward", (grad, saved[0]), *consts),)


@defop("rrelu_train", "RreluWithNoiseBackward0", lambda a, noise: a * noise)
def rrelu_train_vjp(xp, grad, saved, consts, needs):
    """Training: each non-positive element times its own drawn slope (the noise; 1 elsewhere)."""
    return (grad * consts[0],)


@defop("rrelu_train_", "RreluWithNoiseBackward1", lambda a, noise: a * noise)
def rrelu_train__vjp(xp, grad, saved, consts, needs):
    return (grad * consts[0],)


def rrelu_noise(a, lower, upper, generator):
    """ATen's _rrelu_with_noise_train: for each element <= 0 in order, one uniform_real_distribution<double>
    (lower, upper) draw (53 bits of random64()), x * (upper - lower) + lower in float64, cast to a's type."""
    neg = a.reshape(-1) <= 0
    noise = np.ones(a.size, a.dtype)
    x = generator._uniform(int(neg.sum()), np.dtype(np.float64))
    noise[neg] = (x * (float(upper) - float(lower)) + float(lower)).astype(a.dtype)
    return noise.reshape(a.shape)


def _glu(a, dim):
    first, second = np.split(a, 2, axis=dim)
    one = _t(a, 1)
    with np.errstate(over="ignore"):
        return first * (one / (one + _exp(-second)))


@defop("glu", "GluBackward0", _glu, saves=(0,))
def glu_vjp(xp, grad, saved, consts, needs):
    """first * sigmoid(second), the halves of the input along dim."""
    a, = saved
    dim = consts[0]
    n = a.shape[dim] // 2
    first, second = xp.split(a, dim, (n, n))
    sig = xp.call("sigmoid", (second,))
    parts = (sig * grad, (1 - sig) * sig * first * grad)  # ATen: ((1 - s) * s) * first * grad
    if xp.is_numpy:
        return (np.concatenate(parts, axis=dim),)
    halves = [(slice(None),) * dim + (slice(start, start + n),) for start in (0, n)]  # recorded: each half placed
    return (xp.scatter(parts[0], a.shape, halves[0]) + xp.scatter(parts[1], a.shape, halves[1]),)


@defop("prelu", "PreluKernelBackward0", lambda a, w: np.where(a > 0, a, w * a), saves=(0, 1), api="prelu",
       args=lambda input, weight: ((input, weight), ()))
def prelu_vjp(xp, grad, saved, consts, needs):
    """x > 0 ? x : weight * x (ATen's _prelu_kernel: the weight already viewed to broadcast along dim 1); the
    weight's gradient is summed back to its shape by the engine."""
    a, w = saved
    if not xp.is_numpy:   # (create_graph: both from one PreluKernelBackwardBackward0 node, as PyTorch records it)
        ga, gw = prelu_kernel_backward(xp, grad, a, w)
        return (ga if needs[0] else None), (gw if needs[1] else None)
    ga = xp.where(a > 0, grad, grad * w) if needs[0] else None
    gw = xp.where(a > 0, grad * 0, grad * a) if needs[1] else None
    return ga, gw
