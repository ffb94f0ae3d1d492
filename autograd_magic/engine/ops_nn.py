"""Ops of torch.nn.functional beyond the first lessons' (forward and vjp, registered like ops.py).

Each vjp is written against ``xp`` (numpy arrays, or Tensors under create_graph=True), so it uses only
operators, ``xp.where``/``xp.exp``/``xp.abs``/``xp.sign`` and ``xp.call`` of other registered ops.
"""
import math

import numpy as np

from . import act_kernels, libm, onednn_kernels, vec_kernels
from .backward_nodes import loss_backward
from .ops import _reduce, _reduce_back
from .ops_act_backward import elu_backward
from .optable import OPS, defop
from .sparse_grad import from_entries
from .dtypes import scalar_name
from .xp import NumpyXP, rounded_f32

_expm1 = rounded_f32(np.expm1)  # float32 expm1 rounded once: agrees with PyTorch's far more often than numpy's

_SQRT1_2 = math.sqrt(0.5)   # M_SQRT1_2 (1 / math.sqrt(2) is one unit below it)
_SQRT2_PI = math.sqrt(2 / math.pi)
_INV_SQRT_2PI = 1.1283791670955126 * _SQRT1_2 * 0.5   # ATen's kBeta: M_2_SQRTPI * M_SQRT1_2 * 0.5


def _t(a, value):
    """A Python number as a's scalar type (keeps float32 math in float32)."""
    return a.dtype.type(value)


def _hardshrink(a, lambd):
    """ATen's hardshrink: 0 where -l <= x <= l (l in x's type), x elsewhere (NaN kept)."""
    lam = a.dtype.type(lambd)
    return np.where((a >= -lam) & (a <= lam), a.dtype.type(0), a)


def _hardshrink_args(input, lambd=0.5):
    data = getattr(input, "_data", None)
    if data is not None and data.dtype.kind in "biu":   # (ATen has floating kernels only)
        raise NotImplementedError(f"\"hardshrink_cpu\" not implemented for '{input.dtype.scalar_name}'")
    return (input,), (lambd,)


@defop("hardshrink", "HardshrinkBackward0", _hardshrink, saves=(0,), api="hardshrink", args=_hardshrink_args)
def hardshrink_vjp(xp, grad, saved, consts, needs):
    """input where |input| > lambd, else 0: the gradient passes where the input did."""
    return (xp.call("hardshrink_backward", (grad, saved[0]), consts[0]),)


@defop("leaky_relu", "LeakyReluBackward0", lambda a, slope: np.where(a > 0, a, a * _t(a, slope)), saves=(0,))
def leaky_relu_vjp(xp, grad, saved, consts, needs):
    return (xp.call("leaky_relu_backward", (grad, saved[0]), consts[0]),)


def _elu(a, alpha):
    with np.errstate(over="ignore"):
        return np.where(a > 0, a, _t(a, alpha) * _expm1(np.where(a > 0, _t(a, 0), a)))   # elu(-0.0) is -0.0


@defop("elu", "EluBackward0", _elu, saves=(0,))
def elu_vjp(xp, grad, saved, consts, needs):
    # ATen's elu_backward (engine/ops_act_backward.py): (grad * alpha) * exp(x), alpha in the input's dtype
    return (elu_backward(xp, grad, saved[0], consts[0], 1.0, 1.0, False),)


def _gelu(a, approximate):
    if approximate == "tanh":
        out = act_kernels.gelu_tanh(a)   # float32: ATen's vector kernel
        if out is not None:
            return out
        inner = _t(a, _SQRT2_PI) * (a + _t(a, 0.044715) * a * a * a)
        return _t(a, 0.5) * a * (_t(a, 1) + np.tanh(inner))
    if onednn_kernels.applies(a):   # PyTorch hands a contiguous float32 tensor of 2+ elements to oneDNN
        return onednn_kernels.gelu_erf(a)
    return a * _t(a, 0.5) * (_t(a, 1) + libm.apply("erf", a * _t(a, _SQRT1_2)))   # ATen: x/2 * (1 + erf(x/sqrt2))


@defop("gelu", "GeluBackward0", _gelu, saves=(0,))
def gelu_vjp(xp, grad, saved, consts, needs):
    return (xp.call("gelu_backward", (grad, saved[0]), consts[0]),)


def _gelu_back(g, a, approximate):
    """ATen's gelu_backward kernels (the float32 vector kernels, oneDNN's, else their formulas)."""
    if approximate == "tanh":
        out = act_kernels.gelu_tanh_backward(g, a)
        if out is not None:
            return out
        th = OPS["tanh"].fwd(_SQRT2_PI * (a + 0.044715 * a * a * a))
        d_inner = _SQRT2_PI * (1 + 3 * 0.044715 * a * a)
        return g * (0.5 * (1 + th) + 0.5 * a * (1 - th * th) * d_inner)
    if onednn_kernels.applies(a):
        return onednn_kernels.gelu_erf_backward(a, g)
    # ATen's kernel: dy * (cdf + x * pdf), cdf = 0.5 * (1 + erf(x / sqrt 2)), pdf = exp(-x^2 / 2) / sqrt(2 pi)
    cdf = _t(a, 0.5) * (_t(a, 1) + libm.apply("erf", a * _t(a, _SQRT1_2)))
    with np.errstate(under="ignore"):
        pdf = _t(a, _INV_SQRT_2PI) * libm.apply("exp", a * a * _t(a, -0.5))
    return g * (cdf + a * pdf)


@defop("gelu_backward", "GeluBackwardBackward0", _gelu_back, saves=(0, 1))
def gelu_backward_vjp(xp, grad, saved, consts, needs):
    """ATen's gelu_double_backward: grad_output's gradient is gelu_backward again; self's is grad * grad_output
    times gelu's second derivative."""
    g, a = saved
    gg = xp.call("gelu_backward", (grad, a), consts[0]) if needs[0] else None
    if not needs[1]:
        return gg, None
    if consts[0] == "tanh":
        th = xp.call("tanh", (_SQRT2_PI * (a + 0.044715 * a * a * a),))
        sech2 = 1 - th * th
        d_inner = _SQRT2_PI * (1 + 3 * 0.044715 * a * a)
        second = sech2 * (d_inner - a * th * d_inner * d_inner + 0.5 * a * (_SQRT2_PI * 6 * 0.044715) * a)
    else:
        pdf = _INV_SQRT_2PI * xp.exp(-0.5 * (a * a))
        second = 2 * pdf - a * a * pdf
    return gg, grad * g * second


def _softplus(a, beta, threshold):
    out = act_kernels.softplus(a, beta, threshold)   # float32: ATen's vector kernel
    if out is not None:
        return out
    z = a * _t(a, beta)
    with np.errstate(over="ignore"):
        soft = np.log1p(np.exp(np.minimum(z, threshold))) / _t(a, beta)
    return np.where(z > threshold, a, soft)


@defop("softplus", "SoftplusBackward0", _softplus, saves=(0,))
def softplus_vjp(xp, grad, saved, consts, needs):
    return (xp.call("softplus_backward", (grad, saved[0]), *consts),)


def _softplus_back(g, a, beta, threshold):
    """ATen's softplus_backward kernel: x * beta > threshold ? dy : dy * z / (z + 1), z = exp(x * beta)."""
    out = act_kernels.softplus_backward(g, a, beta, threshold)   # float32: ATen's vector kernel
    if out is not None:
        return out
    z = a * _t(a, beta)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z)
        return np.where(z > _t(a, threshold), g, g * e / (e + _t(a, 1)))


# an op of its own, as in PyTorch (a create_graph=True gradient shows SoftplusBackwardBackward0); derivatives.yaml:
# grad_output's gradient is the same kernel, self's softplus_double_backward(grad * grad_output, ...) =
# sigmoid_backward(g, sigmoid(x * beta)) * (x * beta < threshold) * beta
@defop("softplus_backward", "SoftplusBackwardBackward0", _softplus_back, saves=(0, 1))
def softplus_backward_vjp(xp, grad, saved, consts, needs):
    g, a = saved
    beta, threshold = consts
    gg = xp.call("softplus_backward", (grad, a), beta, threshold) if needs[0] else None
    if not needs[1]:
        return gg, None
    z = a * beta
    inner = xp.call("sigmoid_backward", (grad * g, xp.call("sigmoid", (z,))))
    return gg, inner * xp.float_mask(z < threshold, grad) * beta


def _silu(a):
    out = vec_kernels.silu(a)   # float32: ATen's vector kernel, bit for bit
    if out is not None:
        return out
    with np.errstate(over="ignore"):
        return a / (_t(a, 1) + np.exp(-a))


@defop("silu", "SiluBackward0", _silu, saves=(0,))
def silu_vjp(xp, grad, saved, consts, needs):
    a, = saved
    if xp.is_numpy:
        out = act_kernels.silu_backward(grad, a)   # float32: ATen's vector kernel, bit for bit
        if out is not None:
            return (out,)
    sig = xp.call("sigmoid", (a,))   # infinitely_differentiable_silu_backward, in its order
    if xp.is_numpy:
        return (grad * sig * (1 + a * (1 - sig)),)
    # (C++'s 1.0 + t is t.add(1.0): AddBackward1; 1.0 - t a filled tensor's sub_: SubBackward0)
    return (grad * sig * xp.call("add_scalar", (a * (xp.constant(sig, 1.0) - sig),), 1.0),)


def _smooth_l1(a, b, red, beta):
    z = np.abs(a - b)
    return np.asarray(_reduce(np.where(z < beta, _t(a, 0.5) * z * z / _t(a, beta), z - _t(a, 0.5 * beta)), red))


@defop("smooth_l1_loss", "SmoothL1LossBackward0", _smooth_l1, saves=(0, 1))
def smooth_l1_loss_vjp(xp, grad, saved, consts, needs):
    if not xp.is_numpy:   # (create_graph: SmoothL1LossBackwardBackward0 nodes, as PyTorch records them)
        return loss_backward(xp, "smooth_l1_loss_backward", smooth_l1_formula, grad, *saved, consts, needs)
    return smooth_l1_formula(xp, grad, saved, consts, needs)


def smooth_l1_formula(xp, grad, saved, consts, needs):
    a, b = saved
    red, beta = consts
    d = a - b
    # ATen's smooth_l1_backward kernel: norm * x * grad / beta inside the quadratic part, +-norm * grad outside
    # (norm = 1 / numel for a mean), multiplied in that order
    norm = 1 / math.prod(d.shape) if red == "mean" else 1.0
    scaled = norm * grad
    gd = xp.where(xp.abs(d) < beta, d * norm * grad / beta, xp.sign(d) * scaled)
    return (gd if needs[0] else None), (-gd if needs[1] else None)


def _huber(a, b, red, delta):
    """ATen's huber_loss: the elementwise losses in the common dtype, written into a tensor of input's dtype
    (float32 input, float64 target: float32), then reduced."""
    z = np.abs(a - b)
    loss = np.where(z < delta, _t(z, 0.5) * z * z, _t(z, delta) * (z - _t(z, 0.5 * delta)))
    return np.asarray(_reduce(loss.astype(a.dtype, copy=False), red))


@defop("huber_loss", "HuberLossBackward0", _huber, saves=(0, 1))
def huber_loss_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    red, delta = consts
    da, db = (getattr(x, "_data", x).dtype for x in (a, b))
    if da != db:   # (ATen's backward kernel takes input and target of one dtype: float64 data, a float32 model;
        # target's gradient is the kernel with the two swapped)
        raise RuntimeError(f"Found dtype {scalar_name((db, da)[not needs[0]])} but expected "
                           f"{scalar_name((da, db)[not needs[0]])}")
    if not xp.is_numpy:   # (create_graph: HuberLossBackwardBackward0 nodes, as PyTorch records them)
        return loss_backward(xp, "huber_loss_backward", huber_formula, grad, a, b, consts, needs)
    return huber_formula(xp, grad, saved, consts, needs)


def huber_formula(xp, grad, saved, consts, needs):
    a, b = saved
    red, delta = consts
    da = getattr(a, "_data", a).dtype
    if xp.is_numpy and da in (np.float32, np.float64):
        gd = _huber_back(grad, a, b, red, delta)
        return (gd if needs[0] else None), (-gd if needs[1] else None)
    d = a - b
    local = xp.where(xp.abs(d) < delta, d, delta * xp.sign(d))
    gd = _reduce_back(xp, grad, a.shape, red) * local
    return (gd if needs[0] else None), (-gd if needs[1] else None)


def _huber_back(grad, a, b, red, delta):
    """ATen's huber_backward kernel, term for term: norm = 1 / numel (mean) or 1 in the dtype; the vector form
    (whole 64-byte pairs, act_kernels.vector_body) gives (norm * (x or +-delta)) * grad with delta in the dtype, the
    scalar remainder (norm * x) * grad or (+-norm * grad) * delta with delta a double (rounded once to the dtype)."""
    dt = a.dtype.type
    norm = dt(1 / a.size if red == "mean" else 1.0)
    g = np.broadcast_to(np.asarray(grad, a.dtype), a.shape)
    x = a - b
    big = np.abs(x) >= dt(delta)
    sign = np.where(x > 0, dt(1), dt(-1))
    vector = (norm * np.where(big, sign * dt(delta), x)) * g
    body = act_kernels.vector_body(x)
    if body is not None and body.all():
        return vector
    wide = np.float64(delta)   # (a Python float would keep a float32 product in float32)
    scalar = np.where(x <= -wide, (-norm * g) * wide, np.where(x >= wide, (norm * g) * wide, (norm * x) * g))
    scalar = scalar.astype(a.dtype)
    return scalar if body is None else np.where(body, vector, scalar)


@defop("embedding", "EmbeddingBackward0",
       lambda w, idx, padding_idx, shape, by_freq=False, sparse=False: w[idx])
def embedding_vjp(xp, grad, saved, consts, needs):
    """Rows of g added into the rows they were taken from (not into padding_idx's row); with scale_grad_by_freq
    each row first divided by how often its index occurs in the input (ATen's embedding_dense_backward).
    sparse=True: the rows as a sparse COO gradient, one entry per index (ATen's embedding_sparse_backward)."""
    idx, padding_idx, shape, by_freq = consts[:4]
    flat = idx.reshape(-1)
    sparse = len(consts) > 4 and consts[4]
    if sparse and by_freq:
        raise RuntimeError("embedding_backward: scale_grad_by_freq not supported with sparse gradients")
    if not xp.is_numpy and not sparse:   # create_graph: one node of its own, as ATen's embedding_dense_backward
        return (xp.call("embedding_dense_backward", (grad,), idx, padding_idx, shape, by_freq),)
    return (_embedding_dense_back(xp, grad, idx, padding_idx, shape, by_freq, sparse),)


def _embedding_dense_back(xp, grad, idx, padding_idx, shape, by_freq, sparse=False):
    """The weight's gradient: grad's rows added into the rows of the indices they came from."""
    flat = idx.reshape(-1)
    rows = xp.reshape(grad, (flat.size, shape[1]))
    if sparse and xp.is_numpy:
        return sparse_rows(rows, flat, padding_idx, shape)
    if by_freq:
        counts = np.bincount(flat, minlength=shape[0])
        dtype = (grad if xp.is_numpy else grad._data).dtype
        rows = rows * xp.wrap((1.0 / counts[flat]).astype(dtype)[:, None])
    if padding_idx is not None:
        keep = np.nonzero(flat != padding_idx)[0]
        rows, flat = xp.take(rows, (keep,)), flat[keep]
    return xp.scatter(rows, shape, (flat,), True, "index_backward")


@defop("embedding_dense_backward", "EmbeddingDenseBackwardBackward0",
       lambda g, idx, padding_idx, shape, by_freq: _embedding_dense_back(NumpyXP, g, idx, padding_idx, shape, by_freq))
def embedding_dense_backward_vjp(xp, grad, saved, consts, needs):
    """The incoming gradient's rows at the indices, zero at padding_idx. Like ATen (embedding_dense_double_backward),
    the rows are not divided by the indices' frequencies again under scale_grad_by_freq."""
    idx, padding_idx = consts[:2]
    flat = idx.reshape(-1)
    rows = xp.take(grad, (flat,))
    if padding_idx is not None and (flat == padding_idx).any():
        rows = rows * xp.wrap((flat != padding_idx).astype((grad if xp.is_numpy else grad._data).dtype)[:, None])
    return (xp.reshape(rows, tuple(idx.shape) + (consts[2][1],)),)


def sparse_rows(rows, flat, padding_idx, shape):
    """The sparse gradient of a (num_embeddings, dim) weight: entry k is row k of rows at index flat[k], the
    entries of padding_idx left out."""
    if padding_idx is not None:
        keep = flat != padding_idx
        rows, flat = rows[keep], flat[keep]
    return from_entries(flat.astype(np.int64).reshape(1, -1), rows, shape)


# The in-place forms (F.leaky_relu(x, inplace=True), nn.ELU(inplace=True)) save their result, not the overwritten
# input, and PyTorch names their nodes ...Backward1. Their slope/alpha is positive, so the result's sign is the input's.
@defop("leaky_relu_", "LeakyReluBackward1", lambda a, slope: np.where(a > 0, a, a * _t(a, slope)), saves=(-1,))
def leaky_relu__vjp(xp, grad, saved, consts, needs):
    return (xp.call("leaky_relu_backward", (grad, saved[0]), consts[0]),)


@defop("elu_", "EluBackward1", _elu, saves=(-1,))
def elu__vjp(xp, grad, saved, consts, needs):
    return (elu_backward(xp, grad, saved[0], consts[0], 1.0, 1.0, True),)
