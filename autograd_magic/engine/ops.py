"""Elementwise, matrix and loss primitives: forward (numpy) and vjp side by side (see optable)."""
import math

import numpy as np

from . import bufpool
from .optable import defop
from .reduce import full_sum
from .xp import rounded_f32

# ---------------------------------------------------------------- binary arithmetic


@defop("add", "AddBackward0", np.add)  # with alpha, callers pass the data and alpha as a const
def _(x, g, s, k, n):
    alpha = k[0] if k else 1
    return g, (g if alpha == 1 else g * alpha)


@defop("sub", "SubBackward0", np.subtract)
def _(x, g, s, k, n):
    alpha = k[0] if k else 1
    return g, -g if alpha == 1 else -g * alpha


@defop("rsub", "RsubBackward1", lambda a, b: np.subtract(b, a))
def _(x, g, s, k, n):
    return (-g,)


@defop("mul", "MulBackward0", np.multiply, saves=(0, 1), save_if={0: 1, 1: 0})
def _(x, g, s, k, n):
    a, b = s  # each is saved only when the other input wants a gradient
    if x.is_numpy:  # a big product goes into an array the engine reuses (bufpool)
        return (_times(g, b) if b is not None else None), (_times(g, a) if a is not None else None)
    return (g * b if b is not None else None), (g * a if a is not None else None)


def _times(g, b):
    return g * b if g.nbytes < bufpool.MIN_BYTES else bufpool.binary(np.multiply, g, b)


@defop("div", "DivBackward0", np.true_divide, saves=(0, 1), save_if={0: 1})
def _(x, g, s, k, n):
    a, b = s
    return (g / b if n[0] else None), (-g * a / (b * b) if n[1] else None)


# C++ backward formulas and composite losses divide/multiply by a number (div.Scalar, mul.Scalar): the number is
# a constant, not an input, so these nodes have one next function, as in PyTorch.
@defop("div_scalar", "DivBackward1", np.true_divide)
def _(x, g, s, k, n):
    return (x.div_scalar(g, k[0]),)


@defop("mul_scalar", "MulBackward1", np.multiply)
def _(x, g, s, k, n):
    return (g * k[0],)


@defop("neg", "NegBackward0", np.negative)
def _(x, g, s, k, n):
    return (-g,)


_exp, _log, _log1p = rounded_f32(np.exp), rounded_f32(np.log), rounded_f32(np.log1p)


def _power(a, e):
    """a ** e as PyTorch's pow(Tensor, Scalar) kernel computes the exponents it special-cases."""
    if a.dtype.kind == "b":
        return np.power(a, e)
    if e == 2:
        return a * a
    if e == 3:
        return a * a * a
    if e < 0 and a.dtype.kind == "f":
        if e == -1:
            return np.reciprocal(a)
        if e == -2:
            return np.reciprocal(a * a)
        if e == -0.5:
            return np.reciprocal(np.sqrt(a))
    return _pow_f32(a, e)


def _pow_f32(a, e):
    """a ** e; float32 computed in float64 and rounded once: PyTorch's float32 pow agrees with that for ~98% of
    inputs (numpy's float32 loop for 80-89%) and, like it, keeps (-x) ** 3 == -(x ** 3), which a symmetric
    polynomial fit relies on (its even coefficients' gradients cancel exactly)."""
    if a.dtype == np.float32:
        return np.power(a.astype(np.float64), np.asarray(e, np.float64)).astype(np.float32)
    return np.power(a, e)


@defop("reciprocal", "ReciprocalBackward0", np.reciprocal, saves=(-1,))
def _(x, g, s, k, n):
    out, = s
    return (-g * (out * out),)


@defop("pow", "PowBackward0", _power, saves=(0,))
def _(x, g, s, k, n):
    a, = s
    e = k[0]
    if e == 0:
        return (g * 0,)
    if e == 2:
        return (g * (2 * a),)  # a ** 1 is a: skip the power
    return (g * (e * (_power(a, e - 1) if x.is_numpy else a ** (e - 1))),)


@defop("pow_tensor", "PowBackward1", _pow_f32, saves=(0, 1, -1))
def _(x, g, s, k, n):
    a, b, out = s
    ga = gb = None
    if n[0]:
        ga = x.where(b == 0, 0.0, g * (b * a ** (b - 1)))
    if n[1]:
        gb = x.where((a == 0) & (b >= 0), 0.0, g * (out * x.log(a)))
    return ga, gb


@defop("rpow", "PowBackward2", lambda a, base: np.power(base, a), saves=(-1,))
def _(x, g, s, k, n):
    out, = s
    base = k[0]
    return (g * (out * float(np.log(base))) if base != 0 else g * 0,)


# ---------------------------------------------------------------- unary


@defop("abs", "AbsBackward0", np.abs, saves=(0,))
def _(x, g, s, k, n):
    return (g * x.sign(s[0]),)


@defop("sign", "SignBackward0", np.sign)
def _(x, g, s, k, n):
    return (g * 0,)


def _zero_grad(x, g, s, k, n):
    return (g * 0,)


# Step functions: their gradient is zero almost everywhere (PyTorch records them all the same).
for _name, _node, _fn in (("round", "RoundBackward0", np.round), ("floor", "FloorBackward0", np.floor),
                          ("ceil", "CeilBackward0", np.ceil), ("trunc", "TruncBackward0", np.trunc),
                          ("round_decimals", "RoundBackward1", np.round)):
    defop(_name, _node, _fn)(_zero_grad)


# In-place overwrites: the result no longer depends on the old values (zero gradient flows back to them).
defop("zero", "ZeroBackward0", np.zeros_like)(_zero_grad)
defop("fill", "FillBackward2", lambda a, value: np.full_like(a, value))(_zero_grad)


@defop("frac", "FracBackward0", lambda a: a - np.trunc(a), api="frac", promote="float", inplace=True)
def _(x, g, s, k, n):
    return (g,)


@defop("log1p", "Log1PBackward0", rounded_f32(np.log1p), saves=(0,), api="log1p", promote="float", inplace=True)
def _(x, g, s, k, n):
    return (g / (s[0] + 1),)


@defop("exp", "ExpBackward0", rounded_f32(np.exp), saves=(-1,), api="exp", promote="float", inplace=True)
def _(x, g, s, k, n):
    return (g * s[0],)


@defop("log", "LogBackward0", rounded_f32(np.log), saves=(0,), api="log", promote="float", inplace=True)
def _(x, g, s, k, n):
    return (g / s[0],)


@defop("sqrt", "SqrtBackward0", np.sqrt, saves=(-1,), api="sqrt", promote="float", inplace=True)
def _(x, g, s, k, n):
    return (g / (2 * s[0]),)


@defop("sin", "SinBackward0", rounded_f32(np.sin), saves=(0,), api="sin", promote="float", inplace=True)
def _(x, g, s, k, n):
    return (g * x.cos(s[0]),)


@defop("cos", "CosBackward0", rounded_f32(np.cos), saves=(0,), api="cos", promote="float", inplace=True)
def _(x, g, s, k, n):
    return (g * -x.sin(s[0]),)


@defop("tan", "TanBackward0", np.tan, saves=(-1,), api="tan", promote="float", inplace=True)
def _(x, g, s, k, n):
    out = s[0]
    return (g * (1 + out * out),)


@defop("tanh", "TanhBackward0", rounded_f32(np.tanh), saves=(-1,), api="tanh", promote="float", inplace=True)
def _(x, g, s, k, n):
    return (x.call("tanh_backward", (g, s[0])),)


# Backward functions that are ops of their own, so that a create_graph=True gradient shows PyTorch's
# double-backward node (TanhBackwardBackward0 ...). Inputs: (incoming gradient g, the saved output).
def _tanh_back(g, out):
    """g * (1 - out * out) as PyTorch's vectorised kernel computes it: 1 - out * out is one fused multiply-add
    (rounded once; numpy's two roundings differ for ~57% of float32 inputs)."""
    if out.dtype == np.float32:
        wide = out.astype(np.float64)
        return g * (1.0 - wide * wide).astype(np.float32)
    return g * (1 - out * out)


@defop("tanh_backward", "TanhBackwardBackward0", _tanh_back, saves=(0, 1))
def _(x, gg, s, k, n):
    g, out = s
    return gg * (1 - out * out), -2 * gg * g * out


@defop("sigmoid_backward", "SigmoidBackwardBackward0", lambda g, out: g * (1 - out) * out, saves=(0, 1))  # ATen's order
def _(x, gg, s, k, n):
    g, out = s
    return gg * ((1 - out) * out), gg * g * (1 - 2 * out)


# On equal zeros (0.0 vs -0.0) numpy's maximum/minimum return their second operand and PyTorch's the first
# (its `self`): the operands are swapped below, so relu(-0.0) is -0.0 and clamp keeps the input's zero.
def _relu(a):
    return np.maximum(a.dtype.type(0), a)


_BITS = {np.dtype(np.float32): np.int32, np.dtype(np.float64): np.int64}


def _threshold_backward(g, out):
    """where(out <= 0, 0, g): for same-shape floats as a bitwise and with a mask of all-ones/zeros words
    (exact, NaN and -0.0 included, and about twice as fast as numpy.where)."""
    ints = _BITS.get(g.dtype)
    if ints is None or g.shape != out.shape:
        return np.where(out <= 0, g.dtype.type(0), g)
    keep = np.less_equal(out, 0).view(np.int8)
    keep -= 1                                          # 0 -> -1 (keep g), 1 -> 0
    return np.bitwise_and(g.view(ints), keep).view(g.dtype)


@defop("threshold_backward", "ThresholdBackwardBackward0", _threshold_backward, saves=(1,))
def _(x, gg, s, k, n):
    grad_g = x.where(s[0] <= 0, 0.0, gg)
    return grad_g, (grad_g * 0 if n[1] else None)  # the output's gradient is zero, but it flows (as in PyTorch)


def _softmax_back(g, out, dim):
    dim = dim if out.ndim else None  # a 0-d tensor: the sum runs over its one element
    return out * (g - (g * out).sum(axis=dim, keepdims=True))


@defop("softmax_backward", "SoftmaxBackwardDataBackward0", _softmax_back, saves=(0, 1))
def _(x, gg, s, k, n):
    g, out = s
    dim = k[0]
    return (out * (gg - x.sum(gg * out, (dim,), True)),
            gg * (g - x.sum(g * out, (dim,), True)) - g * x.sum(gg * out, (dim,), True))


def _log_softmax_back(g, out, dim):
    dim = dim if out.ndim else None
    return g - np.exp(out) * np.add.reduce(g, axis=dim, keepdims=True)


@defop("log_softmax_backward", "LogSoftmaxBackwardDataBackward0", _log_softmax_back, saves=(0, 1))
def _(x, gg, s, k, n):
    g, out = s
    dim = k[0]
    e = x.exp(out)
    return gg - x.sum(gg * e, (dim,), True), -gg * e * x.sum(g, (dim,), True)


def _sigmoid(a):
    """1 / (1 + exp(-a)), in a's dtype with exp rounded once (PyTorch's kernel)."""
    with np.errstate(over="ignore"):
        one = a.dtype.type(1) if isinstance(a, np.ndarray) else 1.0
        return one / (one + _exp(-a))


@defop("sigmoid", "SigmoidBackward0", _sigmoid, saves=(-1,), api="sigmoid", promote="float", inplace=True)
def _(x, g, s, k, n):
    return (x.call("sigmoid_backward", (g, s[0])),)


@defop("relu", "ReluBackward0", _relu, saves=(-1,))
def _(x, g, s, k, n):
    return (x.call("threshold_backward", (g, s[0])),)


def _clamp(a, lo, hi):
    if lo is not None:
        a = np.maximum(lo, a).astype(a.dtype, copy=False)
    if hi is not None:
        a = np.minimum(hi, a).astype(a.dtype, copy=False)
    return a


@defop("clamp", "ClampBackward1", _clamp, saves=(0,))
def _(x, g, s, k, n):
    a, = s
    lo, hi = k
    mask = True
    if lo is not None:
        mask = a >= lo
    if hi is not None:
        mask = mask & (a <= hi) if lo is not None else a <= hi
    return (x.where(mask, g, 0.0),)


@defop("maximum", "MaximumBackward0", lambda a, b: np.maximum(b, a), saves=(0, 1))
def _(x, g, s, k, n):
    a, b = s
    half = x.where(a == b, g / 2, g)
    return x.where(a < b, 0.0, half), x.where(b < a, 0.0, half)


@defop("minimum", "MinimumBackward0", lambda a, b: np.minimum(b, a), saves=(0, 1))
def _(x, g, s, k, n):
    a, b = s
    half = x.where(a == b, g / 2, g)
    return x.where(a > b, 0.0, half), x.where(b > a, 0.0, half)


@defop("where", "WhereBackward0", lambda a, b, cond: np.where(cond, a, b))
def _(x, g, s, k, n):
    cond = k[0]
    return (x.where(cond, g, 0.0) if n[0] else None), (x.where(cond, 0.0, g) if n[1] else None)


def _masked_fill(a, value, mask):
    return np.where(mask, a.dtype.type(value), a)


@defop("masked_fill", "MaskedFillBackward0", lambda a, mask, value: _masked_fill(a, value, mask))
def _(x, g, s, k, n):
    return (x.where(k[0], 0.0, g),)


@defop("masked_fill_t", "MaskedFillBackward1", lambda a, v, mask: _masked_fill(a, v, mask))  # a 0-d value tensor
def _(x, g, s, k, n):
    mask = k[0]
    return (x.where(mask, 0.0, g) if n[0] else None), (x.sum(x.where(mask, g, 0.0)) if n[1] else None)


@defop("clone", "CloneBackward0", lambda a: np.array(a, copy=True))
def _(x, g, s, k, n):
    return (g,)


@defop("copy_grad", "CopyBackwards", lambda a: np.array(a, copy=True))
def _(x, g, s, k, n):
    return (g,)


@defop("to_copy", "ToCopyBackward0", lambda a, dt: a.astype(dt))
def _(x, g, s, k, n):
    return (g,)


@defop("alias", "AliasBackward0", lambda a: a.view())
def _(x, g, s, k, n):
    return (g,)


# ---------------------------------------------------------------- matrix products


def _grad_like(x, a, g, k):
    """a.T @ g; when the second factor was a transposed view (nn.Linear's weight.t(), flagged in consts), the
    result is made transposed too, so that the gradient reaching the weight is contiguous without a copy."""
    if x.is_numpy and k and k[0]:
        return x.mT(x.matmul(x.mT(g), a))
    return x.matmul(x.mT(a), g)


def transposed(arr):
    return arr.ndim == 2 and arr.flags.f_contiguous and not arr.flags.c_contiguous


@defop("mm", "MmBackward0", np.matmul, saves=(0, 1), save_if={0: 1, 1: 0})
def _(x, g, s, k, n):
    a, b = s
    return (x.matmul(g, x.mT(b)) if n[0] else None), (_grad_like(x, a, g, k) if n[1] else None)


@defop("bmm", "BmmBackward0", np.matmul, saves=(0, 1), save_if={0: 1, 1: 0})
def _(x, g, s, k, n):
    a, b = s
    return (x.matmul(g, x.mT(b)) if n[0] else None), (x.matmul(x.mT(a), g) if n[1] else None)


@defop("mv", "MvBackward0", np.matmul, saves=(0, 1), save_if={0: 1, 1: 0})
def _(x, g, s, k, n):
    a, v = s
    return (x.outer(g, v) if n[0] else None), (x.matmul(x.mT(a), g) if n[1] else None)


@defop("dot", "DotBackward0", np.dot, saves=(0, 1), save_if={0: 1, 1: 0})
def _(x, g, s, k, n):
    a, b = s
    return (g * b if n[0] else None), (g * a if n[1] else None)


def _addmm(c, a, b):
    out = np.matmul(a, b)
    out += c
    return out


@defop("addmm", "AddmmBackward0", _addmm, saves=(1, 2), save_if={1: 2, 2: 1})
def _(x, g, s, k, n):
    a, b = s
    return g, (x.matmul(g, x.mT(b)) if n[1] else None), (_grad_like(x, a, g, k) if n[2] else None)


# ---------------------------------------------------------------- nn.functional losses and activations


def _softmax(a, dim):
    dim = dim if a.ndim else None
    e = np.exp(a - a.max(axis=dim, keepdims=True))
    return e / e.sum(axis=dim, keepdims=True)


def _log_softmax(a, dim):
    dim = dim if a.ndim else None  # the ufuncs' own reduce: ndarray.max/sum add a Python layer per call
    shifted = a - np.maximum.reduce(a, axis=dim, keepdims=True)
    shifted -= np.log(np.add.reduce(np.exp(shifted), axis=dim, keepdims=True))
    return shifted


@defop("softmax", "SoftmaxBackward0", _softmax, saves=(-1,))
def _(x, g, s, k, n):
    return (x.call("softmax_backward", (g, s[0]), k[0]),)


@defop("log_softmax", "LogSoftmaxBackward0", _log_softmax, saves=(-1,))
def _(x, g, s, k, n):
    return (x.call("log_softmax_backward", (g, s[0]), k[0]),)


def _reduce(v, reduction):
    if reduction == "mean":  # the sum in v's dtype (PyTorch's order) over the count
        return np.true_divide(full_sum(v), v.size, dtype=v.dtype) if v.size else np.array(np.nan, v.dtype)
    if reduction == "sum":
        return full_sum(v)
    return v


def _reduce_back(x, g, shape, reduction):
    if reduction == "none":
        return g
    size = math.prod(shape)
    g = x.expand(g, shape)
    return g / size if reduction == "mean" else g


@defop("mse_loss", "MseLossBackward0", lambda a, b, red: np.asarray(_reduce((a - b) ** 2, red)), saves=(0, 1))
def _(x, g, s, k, n):
    a, b = s
    d = _reduce_back(x, g, a.shape, k[0]) * (2 * (a - b))
    return (d if n[0] else None), (-d if n[1] else None)


def _bce(p, t, red, w=None):
    """(t - 1) * max(log1p(-p), -100) - t * max(log(p), -100): PyTorch's kernel, term for term."""
    one, floor = p.dtype.type(1), p.dtype.type(-100)
    loss = (t - one) * np.maximum(_log1p(-p), floor) - t * np.maximum(_log(p), floor)
    return np.asarray(_reduce(loss if w is None else loss * w, red))


@defop("binary_cross_entropy", "BinaryCrossEntropyBackward0", _bce, saves=(0, 1))
def _(x, g, s, k, n):
    p, t = s
    red, w = k
    gp = _reduce_back(x, g, p.shape, red) * (p - t) / x.maximum((1 - p) * p, 1e-12)
    return (gp if w is None else gp * x.wrap(w)), None


def _bce_logits(z, t, red, w=None, pw=None):
    """(1 - t) * z + lw * log(1 + exp(-z)), lw = (pos_weight - 1) * t + 1; times weight; reduced."""
    one = z.dtype.type(1)
    soft = np.logaddexp(0, -z).astype(z.dtype)
    loss = (one - t) * z + (soft if pw is None else ((pw - one) * t + one) * soft)
    return np.asarray(_reduce(loss if w is None else loss * w, red))


@defop("binary_cross_entropy_with_logits", "BinaryCrossEntropyWithLogitsBackward0", _bce_logits, saves=(0, 1))
def _(x, g, s, k, n):
    z, t = s
    red, w, pw = k
    sig = 1 / (1 + x.exp(-z))
    if pw is None:
        d = sig - t
    else:
        pt = t * x.wrap(pw)
        d = (pt + 1 - t) * sig - pt
    if w is not None:
        d = d * x.wrap(w)
    return _reduce_back(x, g, z.shape, red) * d, None


def _nll_key(shape, target):
    """The index of each target's log-probability: class dim 0 for a 1-d input, else 1 (N, C, d1, ...)."""
    if len(shape) == 1:
        return (target,)
    if len(shape) == 2:
        return (np.arange(shape[0]), target)
    idx = np.indices(target.shape, sparse=True)
    return (idx[0], target, *idx[1:])


def _nll(logp, target, red, shape, weights=None, ignored=None):
    """PyTorch's nll_loss: -w[t] * logp[t] per target; the mean divides by the sum of the weights used.
    weights: each target's class weight (0 where ignored), or None when all are 1; ignored: bool mask or None."""
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
    total = np.subtract(0, np.add.reduce(picked, axis=None))  # 0 - sum, as torch accumulates: +0.0 when empty
    if red == "sum":
        return np.asarray(total)
    denom = picked.size if weights is None else np.add.reduce(weights, axis=None)
    return np.asarray(total / denom if denom else np.array(np.nan, picked.dtype))


def _nll_vjp(x, g, s, k, n):
    target, red, shape, weights, ignored = k
    key = _nll_key(shape, target)
    if x.is_numpy:
        if red == "none":
            v = np.negative(g)
        else:
            denom = target.size if weights is None else np.add.reduce(weights, axis=None)
            v = -(g / denom) if red == "mean" else -g
        if weights is not None:
            v = v * weights
        if ignored is not None:
            v = np.broadcast_to(v, ignored.shape).copy()
            v[ignored] = 0
        out = np.zeros(shape, g.dtype)
        out[key] = v
        return (out,)
    if red != "none":  # create_graph: the same values as recorded ops
        denom = target.size if weights is None else float(np.add.reduce(weights, axis=None))
        g = x.expand(g / denom if red == "mean" else g, target.shape)
    v = -g if weights is None else -g * x.wrap(weights)
    return (x.scatter(v, shape, key, False),)


defop("nll_loss", "NllLossBackward0", _nll)(_nll_vjp)
defop("nll_loss2d", "NllLoss2DBackward0", _nll)(_nll_vjp)  # 4-d inputs (N, C, H, W)
