"""bfloat16 tensors (torch.bfloat16), computed as PyTorch's CPU kernels compute them.

A bfloat16 tensor holds a numpy array of ml_dtypes' bfloat16 (2 bytes an element, numpy kind "V"). PyTorch's CPU
kernels compute a bfloat16 op in float32 and round the result to bfloat16 once (to nearest, ties to even);
reductions and matrix products add in float32 and round at the end. The engine does the same in one place:
``apply`` (tensor_base.py) hands an op with a bfloat16 input to ``forward`` here, which runs the op's float32
forward on the inputs widened to float32 (exact) and rounds the result. Ops that only move values (views, joins,
indexing, ``to``) run on the bfloat16 arrays as they are, so that views still share memory.

A few kernels round in between, and are followed step by step: log_softmax over the last dim, softmax over another
dim, pow (whose forward runs on the bfloat16 arrays themselves: numpy's bfloat16 loops round each step, as
PyTorch's Vectorized<BFloat16> does).

Backward: the node records the op's ``twin``, the same op with a vjp for bfloat16. Where PyTorch's backward is one
kernel or one op (tanh_backward, threshold_backward, grad * other ...), the twin widens the incoming gradient and
the saved arrays, runs the float32 vjp and rounds each gradient once; where PyTorch composes several bfloat16 ops
(derivatives.yaml: div, pow, sin ...), the vjp runs on bfloat16 Tensors, every step through apply. A gradient
summed down to a broadcast input's shape is then summed in float32 and rounded again (PyTorch's sum_to).

An op in none of the lists refuses bfloat16 inputs with the engine's "is not part of it" error rather than
compute something PyTorch does not; tests/test_bfloat16_vs_torch.py has a row for every op that is let through.
``_BF16_LIVE`` (tensor_base) stays False until the bfloat16 dtype is first handed out (``torch.bfloat16``,
``Tensor.bfloat16()``, ``to``, autocast): until then ``apply`` pays one test of a global for all this.
"""
import numpy as np

from . import autocast, dtypes, mkl_order, softmax_dims
from .autograd import GRAD_MODE
from .fperror import ALL_IGNORED, FP_ERROR_STATE
from .optable import OPS, OpDef

BF16 = dtypes.BF16_NP
_F32 = np.dtype(np.float32)
_SCALARS = (int, float, bool)

# Ops whose forward moves or selects values (the result is exact in bfloat16, and a view stays a view).
MOVE = frozenset((
    "view", "unsafe_view", "reshape_alias", "transpose", "permute", "t", "expand", "squeeze", "squeeze_dim", "squeeze_dims",
    "unsqueeze", "alias", "clone", "to_copy", "cat", "stack", "index", "select", "slice", "split",
    "split_with_sizes", "unbind", "flip", "squeeze_mm", "repeat", "embedding", "diagonal", "tril", "triu",
    "index_select", "gather", "zero", "fill", "max_pool2d", "max_pool3d",
    "adaptive_max_pool2d", "adaptive_max_pool3d", "sort", "sort_stable", "topk",
    "bincount_weighted",   # (its float64 sums are made before apply, from the weights widened exactly)
))

# Ops whose forward runs on the bfloat16 arrays themselves: numpy's bfloat16 loops compute each step in float32 and
# round it, as PyTorch's Vectorized<BFloat16> does (pow: x * x * x for 3, the exponent rounded to bfloat16).
# Max pooling's backward adds each gradient into its input element in bfloat16, rounding at each add where windows
# overlap (ATen's cpu_max_pool_backward): its vjp and backward run on the bfloat16 arrays too. The fused attention
# (sdpa_flash) follows its CPU kernel's own rounding points, forward and backward (ops_attn.py). nextafter steps to
# the neighbouring bfloat16 (c10's integer step on the 16 bits, which ml_dtypes' nextafter loop also takes).
DIRECT = frozenset(("pow", "nextafter", "sdpa_flash", "max_pool2d_backward", "max_pool3d_backward",
                    "adaptive_max_pool2d_backward", "adaptive_max_pool3d_backward"))
BF16_VJP = frozenset(("sdpa_flash", "max_pool2d", "max_pool3d", "adaptive_max_pool2d", "adaptive_max_pool3d"))

# Ops that PyTorch computes in float32 and rounds once (each checked against PyTorch: tests/test_bfloat16_vs_torch).
COMPUTE = frozenset((
    "add", "sub", "rsub", "mul", "div", "div_scalar", "mul_scalar", "neg", "reciprocal", "pow", "rpow", "abs",
    "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu", "leaky_relu", "gelu", "silu", "clamp",
    "maximum", "minimum", "clamp_tensor", "clamp_tensor_min", "clamp_tensor_max", "clamp_min_tensor",
    "clamp_max_tensor", "fmax", "fmin", "where", "masked_fill", "nan_to_num", "sum", "sum_dim", "mean", "mean_dim",
    "max_all", "min_all",
    "mm", "addmm", "bmm", "mv", "dot", "softmax", "log_softmax", "mse_loss", "norm", "norm_legacy", "addmm_scaled",
    "nll_loss", "eq_number", "ne_number", "lt_number", "le_number", "gt_number", "ge_number", "eq_tensor",
    "ne_tensor", "lt_tensor", "le_tensor", "gt_tensor", "ge_tensor",
    "fake_quantize_per_tensor", "fake_quantize_per_tensor_tensor_qparams", "fake_quantize_per_channel",
    "lerp", "lerp_tensor", "nansum",
))


def _log_softmax(a, dim):
    """PyTorch's bfloat16 log_softmax over the last dim keeps the row's sum of exp(x - max) and its log in bfloat16
    buffers: x - max - bf16(log(bf16(sum))), in float32; over another dim it is the float32 kernel, rounded once."""
    if a.ndim == 0 or dim != a.ndim - 1:
        return OPS["log_softmax"].fwd(a, dim)
    return softmax_dims.reduced_log_softmax_lastdim(a, BF16)


def _softmax(a, dim):
    """PyTorch's bfloat16 softmax over a dim that is not the last: positions that fill a bfloat16 vector compute
    exp(x - max) / sum in float32; the others (a scalar loop) store exp(x - max) in bfloat16 first, then divide it
    by the float32 sum. Over the last dim: the float32 kernel, rounded once."""
    if a.ndim == 0 or dim == a.ndim - 1:
        return OPS["softmax"].fwd(a, dim)
    return softmax_dims.reduced_softmax(a, dim, BF16)


def _mse_vjp(xp, grad, saved, consts, needs):
    """PyTorch's bfloat16 mse_loss_backward: norm * (input - target) * grad with norm (2 / n, or 2) in bfloat16,
    each step rounded (its Vectorized<BFloat16> arithmetic)."""
    a, b = saved
    n = a.size if consts[0] == "mean" else 1
    norm = np.asarray(2.0 / n, _F32).astype(BF16)
    ga = norm * (a - b) * grad
    return (ga if needs[0] else None), (-ga if needs[1] else None)


def _to_bf16(value):
    """A Python number as the bfloat16 value PyTorch converts it to (through float32)."""
    return float(np.asarray(value, _F32).astype(BF16)) if value.__class__ is float else value


# Backward formulas that PyTorch composes of several bfloat16 ops (derivatives.yaml), each rounded: their vjps run
# on bfloat16 Tensors (grad.TensorXP), every step through apply. The others are one fused kernel (tanh_backward,
# threshold_backward, softmax_backward_data ...) or one op: float32, rounded once.
TENSOR_VJP = frozenset(("div", "reciprocal", "pow", "rpow", "sin", "cos", "addmm_scaled", "norm", "norm_legacy",
                        "lerp_tensor"))

# float32 forwards where the op's table entry does not take the consts its callers record (they pass the data)
_FWD32 = {
    "mm": lambda a, b, *flags: mkl_order.matmul(a, b),
    "addmm": lambda c, a, b, *flags: mkl_order.addmm(c, a, b),
    "log_softmax": _log_softmax,
    "softmax": _softmax,
}
_CUSTOM_VJP = {"mse_loss": _mse_vjp}
# ops whose Python-number operand PyTorch first converts to bfloat16 (a wrapped scalar of the common dtype)
_SCALAR_TO_BF16 = frozenset(("add", "sub"))
# (op, index of a const): the output keeps that dtype when it is given (sum(dtype=torch.float32))
_DTYPE_CONST = {"sum": 1, "sum_dim": 3}


def refuse(op):
    """PyTorch's error for what the engine leaves out: this op on bfloat16 inputs."""
    name = op.api[0] if op.api else op.name
    raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: {name} on torch.bfloat16 tensors is "
                              f"not part of it")


# PyTorch's CPU autocast casts the inputs of these ops to bfloat16; the engine's functions that reach them do not
# (the ones that do cast: engine/autocast.py), so inside a region they refuse rather than compute in float32
AUTOCAST_REFUSED = frozenset(("baddbmm", "addbmm", "convolution", "convolution_transpose", "prelu"))


def intercept(op, inputs, consts, data):
    """apply's look, once bfloat16 is in use: (data, op) unchanged unless an input is bfloat16 (then forward)."""
    if autocast.CPU.dtype is not None and op.name in AUTOCAST_REFUSED:
        autocast.refuse(op.api[0] if op.api else op.name)
    if involved(inputs):
        return forward(op, inputs, consts, data)
    return data, op


def involved(inputs):
    """Whether any input is a bfloat16 tensor."""
    for t in inputs:
        if t.__class__ not in _SCALARS and t._data.dtype is BF16:
            return True
    return False


def widen(a):
    """A bfloat16 array as float32 (exact); anything else as it is."""
    return a.astype(_F32) if a.__class__ is np.ndarray and a.dtype is BF16 else a


def forward(op, inputs, consts, data):
    """The result of op on inputs, some of them bfloat16, and the op to record (its twin): (data, op)."""
    name = op.name
    if name in MOVE or name in DIRECT:
        if data is None:
            token = FP_ERROR_STATE.set(ALL_IGNORED)
            try:
                data = op.fwd(*[t if t.__class__ in _SCALARS else t._data for t in inputs], *consts)
            finally:
                FP_ERROR_STATE.reset(token)
        return np.asarray(data), twin(op)
    if name not in COMPUTE or (name in _SCALAR_TO_BF16 and consts):   # (add/sub with alpha: not checked)
        refuse(op)
    args = [t if t.__class__ in _SCALARS else widen(t._data) for t in inputs]
    if name in _SCALAR_TO_BF16:
        args = [_to_bf16(t) for t in args]
    elif name == "rsub" or name == "masked_fill":   # (the number is a const: rsub's first, masked_fill's second)
        consts = (_to_bf16(consts[0]),) if name == "rsub" else (consts[0], _to_bf16(consts[1]))
    token = FP_ERROR_STATE.set(ALL_IGNORED)
    try:
        out = _FWD32.get(name, op.fwd)(*args, *consts)
    finally:
        FP_ERROR_STATE.reset(token)
    out = np.asarray(out)
    keep = _DTYPE_CONST.get(name)
    if out.dtype == _F32 and all_bf16(inputs) and (keep is None or len(consts) <= keep or consts[keep] is None):
        out = out.astype(BF16)
    return out, twin(op)


def all_bf16(inputs):
    """No floating-point tensor input of another dtype (which would make PyTorch compute in that one)."""
    for t in inputs:
        if t.__class__ not in _SCALARS:
            d = t._data.dtype
            if d.kind == "f":
                return False
    return True


_TWINS = {}
TENSOR_XP = None   # grad.TensorXP (grad.py sets it: it imports tensor_base, which imports this module)


def twin(op):
    """op with a vjp for bfloat16 (see the module's docstring): same name, node and saved values."""
    t = _TWINS.get(op.name)
    if t is None:
        t = OpDef.__new__(OpDef)
        for slot in OpDef.__slots__:
            setattr(t, slot, getattr(op, slot))
        custom = _CUSTOM_VJP.get(op.name)
        t.vjp = (op.vjp if op.name in BF16_VJP else _tensor_vjp(op.vjp) if op.name in TENSOR_VJP else
                 _widened_vjp(op.vjp) if custom is None else _custom_vjp(op.vjp, custom))
        _TWINS[op.name] = t
    return t


def _widened_vjp(vjp):
    def bf16_vjp(xp, grad, saved, consts, needs):
        if not xp.is_numpy:   # create_graph: the vjp's ops are recorded, each through apply (and forward above)
            return vjp(xp, grad, saved, consts, needs)
        out_bf16 = grad.dtype is BF16   # (the incoming gradient has the output's dtype)
        grads = vjp(xp, widen(grad), [widen(s) for s in saved] if saved else saved, consts, needs)
        return [_narrowed(g, e, xp, out_bf16) for g, e in zip(grads, needs)]
    bf16_vjp.__doc__ = vjp.__doc__
    return bf16_vjp


def _custom_vjp(vjp, custom):
    def bf16_vjp(xp, grad, saved, consts, needs):
        if not xp.is_numpy:
            return vjp(xp, grad, saved, consts, needs)
        return custom(xp, grad, saved, consts, needs)
    return bf16_vjp


def _tensor_vjp(vjp):
    def bf16_vjp(xp, grad, saved, consts, needs):
        if not xp.is_numpy:
            return vjp(xp, grad, saved, consts, needs)
        out_bf16 = grad.dtype is BF16
        wrap = TENSOR_XP.wrap
        before = GRAD_MODE.enabled
        GRAD_MODE.enabled = False   # (the steps are not recorded: no create_graph here)
        try:
            grads = vjp(TENSOR_XP, wrap(grad), [wrap(s) if s.__class__ is np.ndarray else s for s in saved]
                        if saved else saved, consts, needs)
        finally:
            GRAD_MODE.enabled = before
        return [_narrowed(getattr(g, "_data", g), e, xp, out_bf16) for g, e in zip(grads, needs)]
    bf16_vjp.__doc__ = vjp.__doc__
    return bf16_vjp


def _narrowed(g, edge, xp, out_bf16):
    """A gradient computed in float32, rounded to bfloat16 where its input is bfloat16 (and summed to a broadcast
    input's shape in float32 after that first rounding, then rounded again). edge: the node's edge to the input
    (a tuple when the input's shape or dtype differs from the output's)."""
    if g is None or not edge:
        return g
    g = np.asarray(g)
    if edge.__class__ is tuple:
        shape, dtype = edge[1], edge[2]
        if dtype is not BF16 or shape.__class__ is not tuple:
            return g
        if g.dtype == _F32:
            g = g.astype(BF16)
        if g.shape != shape:
            g = xp.fit(g.astype(_F32), shape, _F32).astype(BF16)
        return g
    return g.astype(BF16) if out_bf16 and g.dtype == _F32 else g
