"""Ops of torch.nn.functional beyond the first lessons' (forward and vjp, registered like ops.py).

Each vjp is written against ``x`` (numpy arrays, or Tensors under create_graph=True), so it uses only
operators, ``x.where``/``x.exp``/``x.abs``/``x.sign`` and ``x.call`` of other registered ops.
"""
import math

import numpy as np

from .ops import _reduce, _reduce_back
from .optable import defop

_SQRT1_2 = 1 / math.sqrt(2)
_SQRT2_PI = math.sqrt(2 / math.pi)
_INV_SQRT_2PI = 1 / math.sqrt(2 * math.pi)


def _t(a, value):
    """A Python number as a's scalar type (keeps float32 math in float32)."""
    return a.dtype.type(value)


_erf64 = np.vectorize(math.erf, otypes=[np.float64])


@defop("leaky_relu", "LeakyReluBackward0", lambda a, slope: np.where(a > 0, a, a * _t(a, slope)), saves=(0,))
def _(x, g, s, k, n):
    return (x.where(s[0] > 0, g, g * k[0]),)


def _elu(a, alpha):
    with np.errstate(over="ignore"):
        return np.where(a > 0, a, _t(a, alpha) * np.expm1(np.minimum(a, 0)))


@defop("elu", "EluBackward0", _elu, saves=(0,))
def _(x, g, s, k, n):
    a, = s
    return (x.where(a > 0, g, g * (k[0] * x.exp(x.where(a > 0, a * 0, a)))),)


def _gelu(a, approximate):
    if approximate == "tanh":
        inner = _t(a, _SQRT2_PI) * (a + _t(a, 0.044715) * a * a * a)
        return _t(a, 0.5) * a * (_t(a, 1) + np.tanh(inner))
    half = 0.5 * a.astype(np.float64)
    return (half + half * _erf64(a * _SQRT1_2)).astype(a.dtype)  # x/2 + x/2 * erf: +0.0 far left, as ATen


@defop("gelu", "GeluBackward0", _gelu, saves=(0,))
def _(x, g, s, k, n):
    a, = s
    if k[0] == "tanh":
        th = x.call("tanh", (_SQRT2_PI * (a + 0.044715 * a * a * a),))
        d_inner = _SQRT2_PI * (1 + 3 * 0.044715 * a * a)
        return (g * (0.5 * (1 + th) + 0.5 * a * (1 - th * th) * d_inner),)
    cdf = 0.5 * (1 + x.call("erf", (a * _SQRT1_2,)))
    return (g * (cdf + a * (_INV_SQRT_2PI * x.exp(-0.5 * (a * a)))),)


def _softplus(a, beta, threshold):
    z = a * _t(a, beta)
    with np.errstate(over="ignore"):
        soft = np.log1p(np.exp(np.minimum(z, threshold))) / _t(a, beta)
    return np.where(z > threshold, a, soft)


@defop("softplus", "SoftplusBackward0", _softplus, saves=(0,))
def _(x, g, s, k, n):
    a, = s
    beta, threshold = k
    z = a * beta
    return (x.where(z > threshold, g, g * x.call("sigmoid", (z,))),)


def _silu(a):
    with np.errstate(over="ignore"):
        return a / (_t(a, 1) + np.exp(-a))


@defop("silu", "SiluBackward0", _silu, saves=(0,))
def _(x, g, s, k, n):
    a, = s
    sig = x.call("sigmoid", (a,))
    return (g * (sig * (1 + a * (1 - sig))),)


def _smooth_l1(a, b, red, beta):
    z = np.abs(a - b)
    return np.asarray(_reduce(np.where(z < beta, _t(a, 0.5) * z * z / _t(a, beta), z - _t(a, 0.5 * beta)), red))


@defop("smooth_l1_loss", "SmoothL1LossBackward0", _smooth_l1, saves=(0, 1))
def _(x, g, s, k, n):
    a, b = s
    red, beta = k
    d = a - b
    local = x.where(x.abs(d) < beta, d / beta, x.sign(d))
    gd = _reduce_back(x, g, a.shape, red) * local
    return (gd if n[0] else None), (-gd if n[1] else None)


def _huber(a, b, red, delta):
    z = np.abs(a - b)
    return np.asarray(_reduce(np.where(z < delta, _t(a, 0.5) * z * z, _t(a, delta) * (z - _t(a, 0.5 * delta))),
                              red))


@defop("huber_loss", "HuberLossBackward0", _huber, saves=(0, 1))
def _(x, g, s, k, n):
    a, b = s
    red, delta = k
    d = a - b
    local = x.where(x.abs(d) < delta, d, delta * x.sign(d))
    gd = _reduce_back(x, g, a.shape, red) * local
    return (gd if n[0] else None), (-gd if n[1] else None)


@defop("embedding", "EmbeddingBackward0", lambda w, idx, padding_idx, shape: w[idx])
def _(x, g, s, k, n):
    """Rows of g added into the rows they were taken from (not into padding_idx's row)."""
    idx, padding_idx, shape = k
    flat = idx.reshape(-1)
    rows = x.reshape(g, (flat.size, shape[1]))
    if padding_idx is not None:
        keep = np.nonzero(flat != padding_idx)[0]
        rows, flat = x.take(rows, (keep,)), flat[keep]
    return (x.scatter(rows, shape, (flat,), True, "index_backward"),)


# The in-place forms (F.leaky_relu(x, inplace=True), nn.ELU(inplace=True)) save their result, not the overwritten
# input, and PyTorch names their nodes ...Backward1. Their slope/alpha is positive, so the result's sign is the input's.
@defop("leaky_relu_", "LeakyReluBackward1", lambda a, slope: np.where(a > 0, a, a * _t(a, slope)), saves=(-1,))
def _(x, g, s, k, n):
    return (x.where(s[0] > 0, g, g * k[0]),)


@defop("elu_", "EluBackward1", _elu, saves=(-1,))
def _(x, g, s, k, n):
    out, = s
    return (x.where(out > 0, g, g * (out + k[0])),)
