"""More ops lessons reach for after the autograd chapter (forward and vjp side by side, see optable): rot90,
running max/min, kth value and mode, aminmax, nansum, degree/radian conversion, copysign, logaddexp2, sinc,
block_diag and heaviside.

The ops that pick elements (cummax, cummin, kthvalue, mode) take an index key computed once by their function
(more.py; consts: key, input shape) and scatter the gradient back, as ops_tensor's picking ops do.
"""
import math

import numpy as np

from .memory_format import preserved_like
from .ops_shape import swapped, sum_dims_forward
from .ops_tensor import accumulate_at
from .optable import OPS, defop
from .xp import rounded_f32


def _rot90(a, k, dims):
    """ATen's rot90: a row-major clone for k == 0, else flips laid out as the input (empty_like preserve), and
    for odd k that flip transposed in place: a.rot90(1, (0, 1)) of a row-major matrix is a transposed one."""
    if k == 0:
        return np.array(a, order="C", copy=True)
    d0, d1 = dims
    flipped = (d0, d1) if k == 2 else (d1,) if k == 1 else (d0,)
    out = preserved_like(np.flip(a, flipped).copy(), a)
    return out if k == 2 else np.swapaxes(out, d0, d1)


@defop("rot90", "Rot90Backward0", _rot90)
def rot90_vjp(xp, grad, saved, consts, needs):
    k, dims = consts
    return (xp.call("rot90", (grad,), (-k) % 4, dims),)


def _pick(a, key, shape):
    return a[key]


def _scatter_back(xp, grad, saved, consts, needs):
    key, shape = consts[:2]
    if not shape:
        return (grad,)
    return (xp.scatter(grad, shape, key, True, "value_select_backward"),)


for _name, _node in (("kthvalue", "KthvalueBackward0"), ("mode", "ModeBackward0")):
    defop(_name, _node, _pick)(_scatter_back)
# PyTorch's running max / min nodes save the input (and the indices), so writing into it in place before the
# backward is refused by the version check; the gradient itself needs only the key
for _name, _node in (("cummax", "CummaxBackward0"), ("cummin", "CumminBackward0")):
    defop(_name, _node, _pick, saves=(0,))(_scatter_back)

# aminmax: PyTorch's one node with two outputs; here each output has its own node under that name.
for _name, _base in (("aminmax_min", "amin"), ("aminmax_max", "amax")):
    defop(_name, "AminmaxBackward0", OPS[_base].fwd, saves=OPS[_base].saves)(OPS[_base].vjp)


def _nansum(a, dims, keepdim):
    """ATen's nansum is its sum kernel (the same cascade order, float16 added in float32) reading a NaN as 0."""
    if a.dtype.kind != "f":
        return np.asarray(a.sum(axis=dims, keepdims=keepdim, dtype=a.dtype))
    wide = a.astype(np.float32) if a.dtype == np.float16 else a
    wide = np.where(np.isnan(wide), wide.dtype.type(0), wide)
    return np.asarray(sum_dims_forward(wide, dims, keepdim)).astype(a.dtype, copy=False)


@defop("nansum", "NansumBackward0", _nansum, saves=(0,))
def nansum_vjp(xp, grad, saved, consts, needs):
    a, = saved
    dims, keepdim = consts
    grad = xp.expand(xp.restore_dims(grad, dims, a.ndim, keepdim), a.shape)
    return (xp.where(a != a, 0.0, grad),)


def _times(a, factor):
    """a * factor as PyTorch multiplies by a wrapped scalar: the factor rounded to a's dtype, but to float for
    Half and BFloat16, whose kernel multiplies in float and rounds the product once."""
    if not isinstance(a, np.ndarray):   # (a double backward's grad: a Tensor, multiplied as one)
        return a * factor
    if a.dtype.itemsize == 2 and a.dtype.kind not in "iub":
        return (a.astype(np.float32) * np.float32(factor)).astype(a.dtype)
    return a * a.dtype.type(factor)


def _scale(factor):
    return lambda a: _times(a, factor)


@defop("deg2rad", "Deg2RadBackward0", _scale(math.pi / 180), api="deg2rad", promote="float", inplace=True)
def deg2rad_vjp(xp, grad, saved, consts, needs):
    return (_times(grad, math.pi / 180),)


@defop("rad2deg", "Rad2DegBackward0", _scale(180 / math.pi), api="rad2deg", promote="float", inplace=True)
def rad2deg_vjp(xp, grad, saved, consts, needs):
    return (_times(grad, 180 / math.pi),)


@defop("copysign", "CopysignBackward0", np.copysign, saves=(0, -1))
def copysign_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    ga = xp.where(a == 0, 0.0, grad * out / a) if needs[0] else None
    return ga, (xp.constant(grad, 0.0) if needs[1] else None)


@defop("copysign_scalar", "CopysignBackward1", lambda a, b: np.copysign(a, a.dtype.type(b)), saves=(0, -1))
def copysign_scalar_vjp(xp, grad, saved, consts, needs):
    a, out = saved
    return (xp.where(a == 0, 0.0, grad * out / a),)


_INV_LN2 = 1 / math.log(2)


def _logaddexp2(a, b):
    """max + log1p(exp2(-|a - b|)) / ln 2, each function rounded once (PyTorch's kernel); equal infinities give a.
    The last multiply-add is fused (ATen's kernel is compiled with FMA contraction: logaddexp2(-1., -1.) is
    -1.0602e-08 in float32, not 0), emulated in a wider type. float16 in float32, rounded once (as logaddexp)."""
    if a.dtype == np.float16:
        return _logaddexp2(a.astype(np.float32), b.astype(np.float32)).astype(np.float16)
    m = np.maximum(a, b)
    log1p = rounded_f32(np.log1p)(rounded_f32(np.exp2)(-np.abs(a - b)))
    with np.errstate(invalid="ignore", over="ignore"):
        out = _fused_multiply_add(log1p, a.dtype.type(_INV_LN2), m)
    return np.where(np.isinf(a) & (a == b), a, out)


def _fused_multiply_add(x, c, m):
    """x * c + m rounded once: float32 through float64 (the product is exact there); float64 with Dekker's
    error-free product and Knuth's two-sum (exact but for double roundings, which random inputs never showed)."""
    if x.dtype == np.float32:
        return (x.astype(np.float64) * np.float64(c) + m).astype(np.float32)
    p = x * c
    split = 134217729.0  # 2**27 + 1: Veltkamp's split of a double into two 26-bit halves
    xh = x * split - (x * split - x)
    ch = c * split - (c * split - c)
    err = ((xh * ch - p) + xh * (c - ch) + (x - xh) * ch) + (x - xh) * (c - ch)
    s = m + p
    bp = s - m
    t = (m - (s - bp)) + (p - bp)
    out = s + (t + err)
    return np.where(np.isfinite(out), out, m + p)


@defop("logaddexp2", "Logaddexp2Backward0", _logaddexp2, saves=(0, 1))
def logaddexp2_vjp(xp, grad, saved, consts, needs):
    a, b = saved
    two = xp.constant(a, 2.0)
    return ((grad / (1 + two ** (b - a)) if needs[0] else None), (grad / (1 + two ** (a - b)) if needs[1] else None))


def _sinc(a):
    """sin(pi a) / (pi a), 1 at 0: the product rounded to a's dtype, as PyTorch's kernel."""
    with np.errstate(invalid="ignore", divide="ignore"):
        p = a * a.dtype.type(math.pi)
        out = rounded_f32(np.sin)(p) / p
    return np.where(a == 0, a.dtype.type(1), out)


@defop("sinc", "SincBackward0", _sinc, saves=(0,), api="sinc", promote="float", inplace=True)
def sinc_vjp(xp, grad, saved, consts, needs):
    a, = saved
    p = a * math.pi
    safe = xp.where(a == 0, 1.0, a)
    d = (p * xp.cos(p) - xp.sin(p)) / (safe * safe * math.pi)
    return (xp.where(a == 0, 0.0, grad * d),)


def _block_diag(*arrays_and_consts):
    *arrays, shapes, dtype = arrays_and_consts
    rows = sum(s[0] for s in shapes)
    cols = sum(s[1] for s in shapes)
    out = np.zeros((rows, cols), dtype)
    r = c = 0
    for a, (h, w) in zip(arrays, shapes):
        out[r:r + h, c:c + w] = a.reshape(h, w)
        r, c = r + h, c + w
    return out


@defop("block_diag", "BlockDiagBackward0", _block_diag)
def block_diag_vjp(xp, grad, saved, consts, needs):
    shapes, _ = consts
    out, r, c = [], 0, 0
    for (h, w), need in zip(shapes, needs):
        out.append(xp.take(grad, (slice(r, r + h), slice(c, c + w))) if need else None)
        r, c = r + h, c + w
    return tuple(out)


def _safe_softmax(a, dim):
    """softmax, with 0 for rows that are all -inf (attention rows masked out entirely), as ATen's _safe_softmax."""
    out = OPS["softmax"].fwd(a, dim)
    dead = np.all(a == -np.inf, axis=dim, keepdims=True)
    return np.where(dead, a.dtype.type(0), out) if dead.any() else out


@defop("safe_softmax", "SafeSoftmaxBackward0", _safe_softmax, saves=(-1,))
def safe_softmax_vjp(xp, grad, saved, consts, needs):
    return (xp.call("softmax_backward", (grad, saved[0]), consts[0]),)


# ---------------------------------------------------------------- Tensor methods: index_add/fill/copy
# (unfold, a view, is in ops_strided.py)


def _index_add(a, src, key, alpha, scatters=False):
    """scatters: ATen hands this call to scatter_add_ (index_add_cpu_out does so for a matrix or more along its
    first or last dim, with an int64 index and alpha 1), whose float16 sums are made in float32 and rounded once;
    its own loop adds each source slice in the tensor's dtype."""
    out = np.array(a, copy=True)
    if scatters:
        return accumulate_at(np.add, out, key, src)
    np.add.at(out, key if out.ndim else (), src if alpha == 1 else src * a.dtype.type(alpha))   # (a scalar: itself)
    return out


@defop("index_add", "IndexAddBackward0", _index_add)
def index_add_vjp(xp, grad, saved, consts, needs):
    """derivatives.yaml: source's gradient is grad.index_select(dim, index).expand_as(source), times alpha unless it
    is 1 (IndexSelectBackward0, ExpandBackward0 and MulBackward1 under create_graph=True)."""
    key, alpha = consts[:2]
    gs = None
    if needs[1]:
        gs = xp.call("index_select", (grad,), key if grad.ndim else (), tuple(grad.shape))   # (a scalar: itself)
        gs = gs if xp.is_numpy else gs.expand(gs.shape)
        gs = gs if alpha == 1 else xp.call("mul_scalar", (gs,), alpha)
    return grad, gs


def _index_put_copy(a, v, key):
    out = np.array(a, copy=True)
    out[key] = v
    return out


@defop("index_fill", "IndexFillBackward0", lambda a, key, value: _index_put_copy(a, a.dtype.type(value), key))
def index_fill_vjp(xp, grad, saved, consts, needs):
    return (xp.masked_zero(grad, consts[0]),)


@defop("index_copy", "IndexCopyBackward0", lambda a, src, key: _index_put_copy(a, src, key))
def index_copy_vjp(xp, grad, saved, consts, needs):
    key = consts[0]
    return (xp.masked_zero(grad, key) if needs[0] else None), (xp.take(grad, key) if needs[1] else None)


# ---------------------------------------------------------------- in-place comparisons and view changes


def _zero_back(xp, grad, saved, consts, needs):
    return (xp.constant(grad, 0.0),) + (None,) * (len(needs) - 1)


_COMPARE = {"eq": np.equal, "ne": np.not_equal, "lt": np.less, "le": np.less_equal, "gt": np.greater,
            "ge": np.greater_equal}
for _name, _fn in _COMPARE.items():
    # a.eq_(b) keeps a's dtype: 1 where true; its gradient is zero (EqBackward0 for a number, 1 for a tensor)
    defop(f"{_name}_number", f"{_name.capitalize()}Backward0",
          lambda a, b, _fn=_fn: _fn(a, b).astype(a.dtype))(_zero_back)
    defop(f"{_name}_tensor", f"{_name.capitalize()}Backward1",
          lambda a, b, _fn=_fn: _fn(a, b).astype(a.dtype))(_zero_back)


def _reshape_back(xp, grad, saved, consts, needs):
    return (xp.reshape(grad, consts[-1]),)


# t_, transpose_, squeeze_, unsqueeze_: PyTorch's nodes for the in-place forms (squeeze_(dim) is SqueezeBackward4,
# the table's squeeze_mm).
for _name, _node in (("squeeze_all_inplace", "SqueezeBackward3"), ("squeeze_dims_inplace", "SqueezeBackward5"),
                     ("unsqueeze_inplace", "UnsqueezeBackward1")):
    defop(_name, _node, lambda a, shape, in_shape: a.reshape(shape))(_reshape_back)


@defop("transpose_inplace", "TransposeBackward1", swapped)
def transpose_inplace_vjp(xp, grad, saved, consts, needs):
    return (xp.swap(grad, consts[0], consts[1]),)


@defop("t_inplace", "TBackward1", lambda a: a.T)
def t_inplace_vjp(xp, grad, saved, consts, needs):
    return (xp.mT(grad) if grad.ndim == 2 else grad,)


@defop("index_fill_t", "IndexFillBackward1", lambda a, v, key: _index_put_copy(a, v, key))
def index_fill_t_vjp(xp, grad, saved, consts, needs):
    key = consts[0]
    return (xp.masked_zero(grad, key) if needs[0] else None), (xp.sum(xp.take(grad, key)) if needs[1] else None)


def _heaviside(a, v):
    return np.heaviside(a, v).astype(np.result_type(a, v), copy=False)


@defop("bincount_weighted", "NotImplemented", lambda w, out: out, qualname="torch::autograd::NotImplemented")
def bincount_weighted_vjp(xp, grad, saved, consts, needs):
    """torch.bincount with weights that require grad: the counts require grad, under a node whose backward raises."""
    raise RuntimeError("derivative for aten::bincount is not implemented")


@defop("histogram_result", "NotImplemented", lambda a, out: out, qualname="torch::autograd::NotImplemented")
def histogram_vjp(xp, grad, saved, consts, needs):
    """torch.histogram of a tensor that requires grad: both outputs require grad, under a node whose backward
    raises (PyTorch's is one node for the two outputs; here each has its own)."""
    raise RuntimeError("derivative for aten::histogram is not implemented")


def _no_unique_derivative(name):
    def vjp(xp, grad, saved, consts, needs):
        raise NotImplementedError(f"the derivative for '{name}' is not implemented.")
    vjp.__doc__ = f"torch.unique's values of a tensor that requires grad: a node whose backward raises ({name})."
    return vjp


# the values torch.unique / unique_consecutive return (inverse and counts never require grad); PyTorch records
# them under a node of the ATen function that ran, whose backward raises
defop("unique2", "Unique2Backward0", lambda a, out: out)(_no_unique_derivative("_unique2"))
defop("unique_dim", "UniqueDimBackward0", lambda a, out: out)(_no_unique_derivative("unique_dim"))
defop("unique_consecutive", "UniqueConsecutiveBackward0", lambda a, out: out)(
    _no_unique_derivative("unique_consecutive"))


def _scatter_reduced(a, src, key, reduce):
    """scatter(..., reduce='add' / 'multiply'): every src value combined into its place, in index order."""
    return accumulate_at(np.add if reduce == "add" else np.multiply, a.copy(), key, src)


@defop("scatter_reduce_legacy", "NotImplemented", _scatter_reduced, qualname="torch::autograd::NotImplemented")
def scatter_reduce_legacy_vjp(xp, grad, saved, consts, needs):
    """scatter with its reduce argument: PyTorch records it under a node whose backward raises."""
    raise RuntimeError("derivative for aten::scatter is not implemented")


@defop("scatter_reduce_legacy_value", "NotImplemented", lambda a, key, value, reduce: _scatter_reduced(
    a, np.asarray(value, a.dtype), key, reduce), qualname="torch::autograd::NotImplemented")
def scatter_reduce_legacy_value_vjp(xp, grad, saved, consts, needs):
    raise RuntimeError("derivative for aten::scatter is not implemented")


@defop("heaviside", "NotImplemented", _heaviside, qualname="torch::autograd::NotImplemented")
def heaviside_vjp(xp, grad, saved, consts, needs):
    """PyTorch records heaviside under a node whose backward raises: its derivative is not implemented."""
    raise RuntimeError("derivative for aten::heaviside is not implemented")
