"""torch.nn.functional: activations, linear and the losses of the first lessons."""
import dataclasses  # noqa: F401  (PyTorch's module binds these, and so does its star import)
import importlib  # noqa: F401
import math  # noqa: F401
import warnings
from collections.abc import Callable  # noqa: F401
from typing import TYPE_CHECKING, Optional  # noqa: F401

import numpy as np

from ...engine import autocast as _ac
from ...engine import dtypes
from ...engine import functions as F
from ...engine import linalg as L
from ...engine import shaping as S
from ...engine.arg_parser import parsed
from ...engine.extras import can_cast as _can_cast
from ...engine.function_signatures import SIGNATURES
from ...engine.optable import OPS
from ...engine.tensor import Tensor
from ...engine.tensor_base import DECLARED_FUNCTIONS, apply, check_broadcast, inplace

from ._args import float_arg, index_dtype, number_arg, tensor_arg, type_name
from ._args import not_differentiable as _not_differentiable
from .functional_linear import dropout, linear  # noqa: E402,F401
from .functional_loss import _legacy_reduction, _reduction  # noqa: F401  (the losses' reduction argument, shared)
from .functional_more import embedding_renorm_, embedding_renorm_checked  # noqa: E402
from .functional_more import (adaptive_avg_pool1d, adaptive_max_pool1d,  # noqa: F401
                              avg_pool1d, dropout1d, embedding_bag,
                              gaussian_nll_loss, max_pool1d, poisson_nll_loss, rms_norm,
                              max_pool1d_with_indices, adaptive_max_pool1d_with_indices)



def sigmoid(input):
    """input.sigmoid(): PyTorch writes F.sigmoid and F.tanh in Python (Python's errors for a wrong call)."""
    return input.sigmoid()


def tanh(input):
    """input.tanh()."""
    return input.tanh()





def _implicit_dim(name, ndim, stacklevel):
    """PyTorch's guess when dim is left out (old tutorials): 0 for 0-, 1- and 3-d inputs, else 1, with a warning."""
    warnings.warn(f"Implicit dimension choice for {name} has been deprecated. Change the call to include dim=X "
                  "as an argument.", UserWarning, stacklevel=stacklevel)
    return 0 if ndim in (0, 1, 3) else 1


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    """softmax of -input (SoftmaxBackward0 over NegBackward0, as in PyTorch)."""
    if dim is None:
        dim = _implicit_dim("softmin", input.ndim, _stacklevel)
    return F.softmax(-input, dim, dtype)


_tensor_arg = tensor_arg
_max_reduce = np.maximum.reduce


def _sized(input, target):
    """PyTorch's losses written in Python compare target.size() with input.size() first: None (a forward without
    return) or a numpy array (its size is an int) fails there, with Python's own error."""
    if not (isinstance(target, Tensor) and isinstance(input, Tensor)):
        target.size() != input.size()


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    if not isinstance(input, Tensor):
        return input.softmax(dim)   # (PyTorch calls input.softmax: a list's or an ndarray's AttributeError)
    if dim is None:
        dim = _implicit_dim("softmax", input.ndim, _stacklevel)
    # (as PyTorch: the method, whose argument parser refuses a float dim)
    return input.softmax(dim) if dtype is None else input.softmax(dim, dtype=dtype)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if not isinstance(input, Tensor):
        return input.log_softmax(dim)   # (as softmax)
    if dim is None:
        dim = _implicit_dim("log_softmax", input.ndim, _stacklevel)
    return input.log_softmax(dim) if dtype is None else input.log_softmax(dim, dtype=dtype)


def relu(input, inplace=False):
    _tensor_arg("relu", input)
    return input.relu_() if inplace else F.relu(input)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    F.check_float_kernel("leaky_relu_cpu", input, fn="leaky_relu")
    if negative_slope.__class__ is not float:   # (the parser: a str or None is its TypeError, not numpy's cast)
        negative_slope = number_arg("leaky_relu", negative_slope, "negative_slope", 2)
    if inplace and negative_slope > 0:
        return _inplace(input, OPS["leaky_relu_"], negative_slope)
    return apply(OPS["leaky_relu"], (input,), negative_slope) if not inplace else \
        _inplace(input, OPS["leaky_relu"], negative_slope)


def elu(input, alpha=1.0, inplace=False):
    F.check_float_kernel("elu_cpu", input, fn="elu")
    if alpha.__class__ is not float:
        alpha = number_arg("elu", alpha, "alpha", 2)
    if inplace and alpha > 0:
        return _inplace(input, OPS["elu_"], alpha)
    return apply(OPS["elu"], (input,), alpha) if not inplace else _inplace(input, OPS["elu"], alpha)


def gelu(input, *, approximate="none"):
    if not isinstance(approximate, str):   # (PyTorch's argument parser, before the kernel's check)
        raise TypeError(f"gelu(): argument 'approximate' must be str, not {type(approximate).__name__}")
    if approximate not in ("none", "tanh"):
        raise RuntimeError(f"approximate argument must be either none or tanh.")
    F.check_float_kernel("GeluKernelImpl", input, fn="gelu")
    return apply(OPS["gelu"], (input,), approximate)


def _softplus(input, beta=1.0, threshold=20.0):
    F.check_float_kernel("softplus_cpu", input, fn="softplus")
    if isinstance(beta, Tensor) or isinstance(threshold, Tensor):   # (0-dim tensors the parser let through)
        beta, threshold = (v.item() if isinstance(v, Tensor) else v for v in (beta, threshold))
    return apply(OPS["softplus"], (input,), beta, threshold)


# F.softplus is ATen's softplus itself: its parser's TypeErrors (beta=<a 1-element tensor>, threshold="20")
softplus = parsed(_softplus, "softplus", SIGNATURES["softplus"], method=False)


def silu(input, inplace=False):
    F.check_float_kernel("silu_cpu", input, fn="silu")
    return _inplace(input, OPS["silu"]) if inplace else apply(OPS["silu"], (input,))


def _inplace(input, op, *consts):
    """op's result written into input, with the engine's in-place rules (leaf check, version, history)."""
    return inplace(lambda old: apply(op, (old,), *consts), input)


def _one_hot(input, num_classes=-1):
    """Rows of zeros with a one at each class index (int64)."""
    idx, num_classes = input._data, int(num_classes)   # (the parser let an integer tensor through)
    if idx.dtype != np.int64:
        raise RuntimeError("one_hot is only applicable to index tensor of type LongTensor.")
    if num_classes == -1:
        if not idx.size:
            raise RuntimeError("Can not infer total number of classes from empty tensor.")
        num_classes = int(idx.max()) + 1
    if idx.size and idx.min() < 0:
        raise RuntimeError("Class values must be non-negative.")
    if idx.size and idx.max() >= num_classes:
        raise RuntimeError("Class values must be smaller than num_classes.")
    return Tensor._wrap((idx[..., None] == np.arange(num_classes)).astype(np.int64))


one_hot = parsed(_one_hot, "one_hot", SIGNATURES["one_hot"], method=False)   # (num_classes=3.0: a TypeError)
one_hot.__name__ = one_hot.__qualname__ = "one_hot"


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    """input / max(norm along dim, eps)."""
    denom = input.norm(p, dim, keepdim=True).clamp(min=eps).expand_as(input)
    if out is not None:   # (spectral norm's power iteration writes into its buffers)
        return F.with_out(F.div)(input, denom, out=out)
    return input / denom


def _cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """The cosine of the angle between x1 and x2 along dim (each normalised first, as ATen does), the two
    broadcast to one shape first; integer operands are taken in the common floating dtype, a floating one is
    normalised in its own (a float16 x1 against a float32 x2: x1 / |x1| in float16, the product in float32)."""
    if not eps >= 0:   # (a NaN too; C++ streams the double as %g does)
        raise RuntimeError(f"eps must be non-negative, got: {float(eps):g}")
    common = dtypes.result_type((x1, x2))
    if not dtypes.is_float_np(common.np):
        raise RuntimeError(f"expected common dtype to be floating point, yet common dtype is {common.scalar_name}")
    x1, x2 = (x if x.dtype.is_floating_point or x.is_complex() else x.to(common) for x in (x1, x2))
    if x1.shape != x2.shape:
        shape = _bshape(x1, x2)
        x1, x2 = (x if x.shape == shape else S.expand(x, shape) for x in (x1, x2))
    if isinstance(dim, np.integer):   # (ATen's int, where Tensor.norm's Python would take len() of a numpy int)
        dim = int(dim)
    n1 = x1.norm(dim=dim, keepdim=True).clamp(min=eps)
    n2 = x2.norm(dim=dim, keepdim=True).clamp(min=eps)
    return ((x1 / n1) * (x2 / n2)).sum(dim)


# F.cosine_similarity is ATen's cosine_similarity itself: its parser's TypeErrors (an ndarray or a list as x2,
# dim=1.0, eps="1e-8")
cosine_similarity = parsed(_cosine_similarity, "cosine_similarity", SIGNATURES["cosine_similarity"], method=False)
cosine_similarity.__name__ = cosine_similarity.__qualname__ = "cosine_similarity"


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False,
              sparse=False):
    if padding_idx is not None:   # (PyTorch's Python checks, then torch.embedding_renorm_, then torch.embedding)
        if padding_idx > 0 and not padding_idx < weight.size(0):
            raise AssertionError("Padding_idx must be within num_embeddings")
        if padding_idx < 0:
            if not padding_idx >= -weight.size(0):
                raise AssertionError("Padding_idx must be within num_embeddings")
            padding_idx = weight.size(0) + padding_idx
    if max_norm is not None:
        input = input.contiguous()
        embedding_renorm_checked(weight, input, max_norm, norm_type)
    tensor_arg("embedding", weight, "weight", 1)
    tensor_arg("embedding", input, "indices", 2)
    if padding_idx is not None and (padding_idx.__class__ is bool or not isinstance(padding_idx, (int, np.integer))):
        raise TypeError("embedding(): argument 'padding_idx' (position 3) must be int, not "
                        f"{type_name(padding_idx)}")
    idx = input._data
    if weight.ndim != 2:
        raise RuntimeError("'weight' must be 2-D")
    index_dtype("embedding", input)
    if idx.size and not weight.shape[0]:   # (ATen's index_select of an empty table, before any bound)
        raise RuntimeError("index_select(): self indexing axis dim should be positive")
    if idx.size and (idx.min() < 0 or idx.max() >= weight.shape[0]):
        raise IndexError("index out of range in self")
    return apply(OPS["embedding"], (weight,), idx.astype(np.int64), padding_idx, tuple(weight.shape),
                 bool(scale_grad_by_freq), bool(sparse))



def _check_same(input, target, name):
    _sized(input, target)
    if input.shape != target.shape:
        warnings.warn(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}). "
                      "This will likely lead to incorrect results due to broadcasting. Please ensure they have the "
                      "same size.", UserWarning, stacklevel=3)


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    if _ac.CPU.dtype is not None:   # PyTorch's autocast computes this loss in float32 (engine/autocast.py)
        input, target, weight = _ac.fp32(input, target, weight)
    _check_same(input, target, "mse_loss")
    if weight is not None:   # (PyTorch's Python formula: each squared error times its weight)
        red = _weighted_reduction(size_average, reduce, reduction)
        expanded_input, expanded_target = _broadcast_pair(input, target)
        return _weighted(input, (expanded_input - expanded_target).pow(2), weight, red, by_weight=True)
    input, target = _promoted(input, target, "mse_cpu")
    if input.shape != target.shape:
        shape = _bshape(input, target)
        input, target = S.expand(input, shape), S.expand(target, shape)
    return apply(OPS["mse_loss"], (input, target), _reduction(size_average, reduce, reduction))


def _weighted_reduction(size_average, reduce, reduction):
    """The reduction a loss's deprecated size_average / reduce arguments make (PyTorch's warning), else
    reduction as given (a weighted loss checks it itself, after computing)."""
    if size_average is not None or reduce is not None:
        return _legacy_reduction(size_average, reduce, 4)
    return reduction


def _weighted(input, losses, weight, reduction, by_weight):
    """PyTorch's weighted losses (mse_loss, l1_loss, huber_loss with weight=): the elementwise losses times
    weight, then summed, or for "mean" summed and divided by the weights' sum (by_weight) or averaged."""
    if weight.size() != input.size():
        raise ValueError("Weights and input must have the same size.")
    weighted = losses * weight
    if reduction == "none":
        return weighted
    if reduction == "sum":
        return weighted.sum()
    if reduction == "mean":
        return weighted.sum() / weight.sum() if by_weight else weighted.mean()
    raise ValueError(f"Invalid reduction mode: {reduction}. Expected one of 'none', 'mean', 'sum'.")


def _promoted(input, target, kernel):
    """The two in the dtype PyTorch's kernel computes in (a float32 input with an int64 target: float32, not
    numpy's float64); the one converted never requires grad, so no node is added. Two integer tensors: the
    kernel's NotImplementedError."""
    a, b = input._data.dtype, target._data.dtype
    if not dtypes.is_float_np(a) and not dtypes.is_float_np(b):   # (the common dtype's kernel: Int, Long: 'Long')
        raise NotImplementedError(f'"{kernel}" not implemented for \'{dtypes.result_type((input, target)).scalar_name}\'')
    if a == b:
        return input, target
    common = dtypes.result_type((input, target))
    if target.dtype != common and not target.requires_grad:
        target = target.to(common)
    if input.dtype != common and not input.requires_grad:
        input = input.to(common)
    return input, target


def _bshape(a, b):
    check_broadcast(a._data.shape, b._data.shape)   # PyTorch's message, not numpy's
    return np.broadcast_shapes(a._data.shape, b._data.shape)


def _const(t, input, how):
    """A weight argument's array in the input's dtype, checked to broadcast to the input's shape with the
    message PyTorch gives there: how is "expand" (BCE's weight.expand), "left" (input * weight) or "right"
    (pos_weight * target)."""
    if t is None:
        return None
    arr = t._data if isinstance(t, Tensor) else np.asarray(t)
    shape = input._data.shape
    if how == "expand":
        _check_expand(arr.shape, shape)
    elif how == "left":
        check_broadcast(shape, arr.shape)
    else:
        check_broadcast(arr.shape, shape)
    full = np.broadcast_shapes(arr.shape, shape)
    if full != shape:
        raise RuntimeError(f"output with shape [{', '.join(map(str, shape))}] doesn't match the broadcast shape "
                           f"[{', '.join(map(str, full))}]")
    return arr.astype(input._data.dtype, copy=False)


def _check_expand(wshape, shape):
    """BCE's weight.expand to the common shape of the target and the weight (built from the last dim as torch._refs
    does), with PyTorch's message for a weight that does not broadcast."""
    common = [1] * (max(len(shape), len(wshape)) - len(shape)) + list(shape)
    for i in range(-1, -len(wshape) - 1, -1):
        if common[i] == 1:
            common[i] = wshape[i]
        elif wshape[i] not in (1, common[i]):
            raise RuntimeError(f"Attempting to broadcast a dimension of length {wshape[i]} at {i}! "
                               f"Mismatching argument at index 1 had torch.Size([{', '.join(map(str, wshape))}]);"
                               f" but expected shape should be broadcastable to [{', '.join(map(str, common))}]")


def _check_float_target(input, target):
    if target._data.dtype != input._data.dtype:
        raise RuntimeError(f"Found dtype {dtypes.scalar_name(target._data.dtype)} but expected {dtypes.scalar_name(input._data.dtype)}")


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    if _ac.CPU.dtype is not None:   # PyTorch's autocast computes this loss in float32 (engine/autocast.py)
        input, target, weight = _ac.fp32(input, target, weight)
    red = _reduction(size_average, reduce, reduction)
    _sized(input, target)
    if input.shape != target.shape:
        raise ValueError(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}) "
                         "is deprecated. Please ensure they have the same size.")
    if weight is not None:
        weight.size()   # (PyTorch's Python code reads weight.size() first: a list's AttributeError)
        _check_expand(tuple(weight.shape), tuple(target.shape))   # (and expands it, in Python)
    _not_differentiable("binary_cross_entropy", "weight", weight)   # (the autograd kernel, before ATen's checks)
    _check_float_target(input, target)
    if not dtypes.is_float_np(input._data.dtype):
        raise NotImplementedError(f'"binary_cross_entropy" not implemented for \'{input.dtype.scalar_name}\'')
    _check_unit_interval(input._data, target._data)
    return apply(OPS["binary_cross_entropy"], (input, target), red, _const(weight, input, "expand"))


def _check_unit_interval(x, t):
    """PyTorch's kernel checks each element in order, the input before the target (NaN fails the check too)."""
    bad_x = ~((x >= 0) & (x <= 1))
    bad = bad_x | ~((t >= 0) & (t <= 1))
    if bad.any():
        first = np.flatnonzero(bad.ravel())[0]
        what = "input" if bad_x.ravel()[first] else "target"
        raise RuntimeError(f"all elements of {what} should be between 0 and 1")


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction="mean",
                                     pos_weight=None):
    if _ac.CPU.dtype is not None:   # PyTorch's autocast computes this loss in float32 (engine/autocast.py)
        input, target, weight, pos_weight = _ac.fp32(input, target, weight, pos_weight)
    red = _reduction(size_average, reduce, reduction)
    _sized(input, target)
    if input.shape != target.shape:
        raise ValueError(f"Target size ({target.shape}) must be the same as input size ({input.shape})")
    for name, value, at in (("weight", weight, 3), ("pos_weight", pos_weight, 4)):
        if value is not None:
            _tensor_arg("binary_cross_entropy_with_logits", value, name, at)
    _not_differentiable("binary_cross_entropy_with_logits", "weight", weight)
    _not_differentiable("binary_cross_entropy_with_logits", "pos_weight", pos_weight)
    _bce_logits_dtypes(input, target, weight, pos_weight)
    kind = target._data.dtype.kind
    if kind == "b":
        raise RuntimeError("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
                           "`logical_xor()` operator instead.")
    if kind in "iu":
        raise RuntimeError(f"result type {dtypes.scalar_name(input._data.dtype)} can't be cast to the desired output type "
                           f"{dtypes.scalar_name(target._data.dtype)}")
    return apply(OPS["binary_cross_entropy_with_logits"], (input, target), red, _const(weight, input, "left"),
                 _const(pos_weight, input, "right"))


class _Operand:
    """What dtypes.result_type reads of a tensor ATen makes on the way (its dtype and its number of dims)."""

    def __init__(self, dtype, ndim):
        self._data = np.empty((1,) * ndim, dtype=dtype.np)


def _bce_logits_dtypes(input, target, weight, pos_weight):
    """ATen computes the loss as (1 - target) * input - log_sigmoid(input) * ((pos_weight - 1) * target + 1), then
    times weight, the products in place: log_sigmoid's kernel takes floating inputs only, and each in-place product's
    common dtype must cast to the dtype it is written into (input's, then target's). Target's bool and integer
    dtypes are refused by the caller, after these."""
    if not dtypes.is_float_np(input._data.dtype):
        raise NotImplementedError(f'"log_sigmoid_cpu" not implemented for \'{input.dtype.scalar_name}\'')

    def write_into(out, other):
        common = dtypes.result_type((out, other))
        if not _can_cast(common, out.dtype):
            raise RuntimeError(f"result type {common.scalar_name} can't be cast to the desired output type "
                               f"{out.dtype.scalar_name}")

    if pos_weight is not None:
        log_weight = _Operand(dtypes.result_type((pos_weight, target)), max(pos_weight.ndim, target.ndim))
        write_into(input, log_weight)
    if weight is not None and target._data.dtype.kind not in "biu":
        write_into(target, weight)


def _class_weights(weight, input, n_classes, prefix="", one_dim=True, same_dtype=True):
    """weight's array, checked as PyTorch checks it (one per class, the input's dtype unless same_dtype is False:
    class-probability targets multiply by it, promoting; one_dim: a 1-d tensor, which nll_loss2d does not ask)."""
    if weight is None:
        return None
    w = weight._data if isinstance(weight, Tensor) else np.asarray(weight)
    if w.size != n_classes or (one_dim and w.ndim != 1):
        raise RuntimeError(f"{prefix}weight tensor should be defined either for all {n_classes} classes or no "
                           f"classes but got weight tensor of shape: [{', '.join(map(str, w.shape))}]")
    if same_dtype and w.dtype != input._data.dtype:
        raise RuntimeError(f"expected scalar type {dtypes.scalar_name(input._data.dtype)} but found {dtypes.scalar_name(w.dtype)}")
    return w.reshape(-1)


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
    """The negative log-likelihood of each target class, as torch's nll_loss_nd: 1-d and 2-d inputs directly,
    4-d (N, C, H, W) as NllLoss2d, other shapes viewed as (N, C, 1, -1) first."""
    if _ac.CPU.dtype is not None:   # PyTorch's autocast computes this loss in float32 (engine/autocast.py)
        input, weight = _ac.fp32(input, weight)
    legacy = size_average is not None or reduce is not None   # (PyTorch warns that they will be deprecated)
    red = _legacy_reduction(size_average, reduce) if legacy else _reduction(size_average, reduce, reduction)
    _tensor_arg("nll_loss_nd", input)
    _tensor_arg("nll_loss_nd", target, "target", 2)
    if weight is not None:
        _tensor_arg("nll_loss_nd", weight, "weight", 3)
    shape, t = input._data.shape, target._data
    if not shape:
        raise ValueError("Expected 1 or more dimensions (got 0)")
    if len(shape) != 1 and (not t.ndim or shape[0] != t.shape[0]):
        # (a 0-d target: PyTorch reads the size it does not have, which is 0)
        raise ValueError(f"Expected input batch_size ({shape[0]}) to match target batch_size "
                         f"({t.shape[0] if t.ndim else 0}).")
    if len(shape) == 3 or len(shape) > 4:   # (PyTorch checks the target's shape before its dtype)
        if t.shape[1:] != shape[2:]:
            raise RuntimeError(f"Expected target size [{', '.join(map(str, (shape[0],) + shape[2:]))}], got "
                               f"[{', '.join(map(str, t.shape))}]")
        n = shape[0]
        flat = S.view(input, n, shape[1], 1, -1) if input._data.size else S.view(input, n, shape[1], 0, 0)
        flat_t = Tensor._wrap(t.reshape(n, 1, -1) if t.size else t.reshape(n, 0, 0))
        out = nll_loss(flat, flat_t, weight, None, ignore_index, None, red)
        return S.view(out, n, *shape[2:]) if red == "none" else out
    _not_differentiable("nll_loss2d_forward" if len(shape) == 4 else "nll_loss_forward", "weight", weight)
    if len(shape) <= 2 and t.ndim > 1:
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    n_classes = shape[1] if len(shape) > 1 else shape[0]
    if len(shape) == 4:
        w = _nll_loss2d_checks(input, t, weight, red)
    else:
        if t.dtype not in (np.int64, np.uint8):
            raise RuntimeError(f"expected target dtype to be Long or Byte, but got {dtypes.scalar_name(t.dtype)}")
        if len(shape) == 1 and t.ndim == 1 and t.shape[0] != 1:   # (one distribution: one class, 0-d or [1])
            raise ValueError(f"For 1D input, 1D target must have size 1, but got target size: {t.shape[0]}")
        _class_weights(weight, input, n_classes, same_dtype=False)   # (its size, then the kernel, then its dtype)
        _nll_kernel("nll_loss_out_frame", input)
        w = _class_weights(weight, input, n_classes)
    t = t.astype(np.int64, copy=False)
    ignored = None
    if t.size:
        outside = t.view(np.uint64) >= n_classes     # negative targets too
        if 0 <= ignore_index < n_classes or outside.any():
            ignored = t == ignore_index
            bad = outside & ~ignored
            if bad.any():
                raise IndexError(f"Target {int(t[bad].flat[0])} is out of bounds.")
            if ignored.any():
                t = np.where(ignored, 0, t)
            else:
                ignored = None
    weights = None
    if w is not None or ignored is not None:
        weights = w[t] if w is not None else np.ones(t.shape, input._data.dtype)
        if ignored is not None:
            weights[ignored] = 0
    op = OPS["nll_loss2d" if len(shape) == 4 else "nll_loss"]
    return apply(op, (input,), t, red, shape, weights, ignored)


def _nll_kernel(name, input):
    """nll_loss's kernels exist for floating dtypes (float16 and bfloat16 too): else their NotImplementedError."""
    if not dtypes.is_float_np(input._data.dtype):
        raise NotImplementedError(f'"{name}" not implemented for \'{input.dtype.scalar_name}\'')


def _nll_loss2d_checks(input, t, weight, red):
    """nll_loss2d's checks of a (N, C, H, W) input's target and weight, in PyTorch's order: the target's dims, its
    dtype, the weight's size, the shapes, the weight's dtype, then the CPU kernel's refusal of a Byte target (which
    an empty target escapes unless reduction='none'). Returns the weight's array."""
    shape = input._data.shape
    if t.ndim != 3:
        raise RuntimeError(f"only batches of spatial targets supported (3D tensors) but got targets of dimension: {t.ndim}")
    if t.dtype not in (np.int64, np.uint8):
        raise RuntimeError(f"expected target dtype to be Long or Byte, but got {dtypes.scalar_name(t.dtype)}")
    if weight is not None and weight.numel() != shape[1]:
        raise RuntimeError("weight tensor should be defined either for all or no classes")
    if t.shape != (shape[0],) + shape[2:]:
        raise RuntimeError(f"size mismatch (got input: [{', '.join(map(str, shape))}] , target: "
                           f"[{', '.join(map(str, t.shape))}]")
    _nll_kernel("nll_loss2d_forward_out_frame", input)
    w = _class_weights(weight, input, shape[1], one_dim=False)
    if t.dtype == np.uint8 and (t.size or red == "none"):
        raise RuntimeError("expected scalar type Long but found Byte")
    return w


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean",
                  label_smoothing=0.0):
    if _ac.CPU.dtype is not None:   # PyTorch's autocast computes this loss in float32 (engine/autocast.py)
        input, target, weight = _ac.fp32(input, target, weight)
    _tensor_arg("cross_entropy_loss", input)
    _tensor_arg("cross_entropy_loss", target, "target", 2)
    if weight is not None:
        _tensor_arg("cross_entropy_loss", weight, "weight", 3)
    if label_smoothing.__class__ is not float:   # (ATen's parser: a number or a 0-dim tensor)
        label_smoothing = float_arg("cross_entropy_loss", label_smoothing, "label_smoothing", 6)
    x, t = input._data, target._data
    if (x.ndim == 2 and t.ndim == 1 and t.dtype == np.int64 and x.dtype.kind == "f" and weight is None
            and size_average is None and reduce is None and reduction in ("mean", "sum") and ignore_index < 0
            and not label_smoothing and 0 < t.shape[0] == x.shape[0] and x.shape[1]
            and _max_reduce(t.view(np.uint64), 0) < x.shape[1]):   # (t is 1-d: axis 0 is all; positional: no keyword parse)
        # a batch of class indices, all in range (a training loop's case): nll_loss's checks cannot fail
        return apply(OPS["nll_loss"], (apply(OPS["log_softmax"], (input,), 1),), t, reduction, x.shape, None, None)
    red = _reduction(size_average, reduce, reduction)
    shape = input._data.shape
    class_dim = 0 if len(shape) == 1 else 1
    n_classes = shape[class_dim] if shape else 1
    if shape == target._data.shape:                    # class probabilities
        if not target.is_floating_point():
            raise RuntimeError(f"Expected floating point type for target with class probabilities, got "
                               f"{dtypes.scalar_name(target._data.dtype)}")
        if ignore_index >= 0:
            raise RuntimeError("ignore_index is not supported for floating point target")
        if not 0.0 <= label_smoothing <= 1.0:
            raise RuntimeError(f"label_smoothing must be between 0.0 and 1.0. Got: {format(label_smoothing, 'g')}")
        logp = log_softmax(input, class_dim)
        if label_smoothing > 0:
            target = target * (1 - label_smoothing) + label_smoothing / n_classes
        prod = logp * target
        w = _class_weights(weight, input, n_classes, "cross_entropy: ", same_dtype=False)
        if w is not None:   # (weight.view(...): a weight that requires grad gets its gradient, as in PyTorch)
            prod = prod * S.view(weight, *[-1 if d == class_dim else 1 for d in range(input.ndim)])
        if red == "none":
            return -prod.sum(class_dim)
        total = -prod.sum()
        if red == "sum":
            return total
        if not input._data.size:
            return total.fill_(float("nan"))
        return apply(OPS["div_scalar"], (total,), input._data.size // n_classes)
    if label_smoothing > 0.0:
        if label_smoothing > 1.0:
            raise RuntimeError(f"label_smoothing must be between 0.0 and 1.0. Got: {format(label_smoothing, 'g')}")
        return _label_smoothing(input, target, weight, red, ignore_index, label_smoothing, class_dim, n_classes)
    return nll_loss(log_softmax(input, class_dim), target, weight, None, ignore_index, None, red)


def _label_smoothing(input, target, weight, red, ignore_index, eps, class_dim, n_classes):
    """(1 - eps) * nll + eps / C * (the loss against a uniform target), recorded as PyTorch records it."""
    logp = log_softmax(input, class_dim)
    nll = nll_loss(logp, target, weight, None, ignore_index, None, red)
    ignore = target._data == ignore_index
    w = _class_weights(weight, input, n_classes)
    if w is not None:
        smooth = -(logp * Tensor._wrap(w.reshape([-1 if d == class_dim else 1 for d in range(input.ndim)]))
                   ).sum(class_dim)
    else:
        smooth = -logp.sum(class_dim)
    smooth.masked_fill_(Tensor._wrap(ignore), 0.0)
    if red == "mean":
        kept = target._data[~ignore]
        denom = Tensor._wrap(np.asarray(w[kept].sum(dtype=w.dtype)) if w is not None
                             else np.asarray((~ignore).sum()))
        smooth = smooth.sum() / denom
    elif red == "sum":
        smooth = smooth.sum()
    return apply(OPS["mul_scalar"], (nll,), 1 - eps) + apply(OPS["mul_scalar"], (smooth,), eps / n_classes)


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    if _ac.CPU.dtype is not None:   # PyTorch's autocast computes this loss in float32 (engine/autocast.py)
        input, target = _ac.fp32(input, target)
    _check_same(input, target, "smooth_l1_loss")
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce, 4)
    input, target = _broadcast_pair(input, target)
    if beta == 0.0:   # (PyTorch's Python test: a tensor beta compares too, a 1-element one included)
        return l1_loss(input, target, reduction=_reduction(None, None, reduction))
    red = _reduction(None, None, reduction)
    beta = float_arg("smooth_l1_loss", beta, "beta", 4)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")
    input, target = _promoted(input, target, "smooth_l1_cpu")
    return apply(OPS["smooth_l1_loss"], (input, target), red, beta)


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    if _ac.CPU.dtype is not None:   # PyTorch's autocast computes this loss in float32 (engine/autocast.py)
        input, target, weight = _ac.fp32(input, target, weight)
    _check_same(input, target, "huber_loss")
    input, target = _broadcast_pair(input, target)
    if weight is None:   # (PyTorch's Python reads the reduction before ATen parses delta)
        red = _reduction(None, None, reduction)
    delta = float_arg("huber_loss", delta, "delta", 4)
    if not delta > 0:
        raise RuntimeError("huber_loss does not support non-positive values for delta.")
    _huber_dtypes(input, target)
    if weight is not None:   # (the elementwise loss times weight; "mean" averages the products)
        losses = apply(OPS["huber_loss"], (input, target), _reduction(None, None, "none"), delta)
        return _weighted(input, losses, weight, reduction, by_weight=False)
    return apply(OPS["huber_loss"], (input, target), red, delta)


def _huber_dtypes(input, target):
    """ATen's huber_loss writes the losses into a tensor of input's dtype: the common dtype must cast to it, and
    its kernel takes floating types only."""
    common = dtypes.result_type((input, target))
    if not _can_cast(common, input.dtype):
        raise RuntimeError(f"result type {common.scalar_name} can't be cast to the desired output type "
                           f"{input.dtype.scalar_name}")
    if not common.is_floating_point:
        raise NotImplementedError(f'"huber_cpu" not implemented for \'{common.scalar_name}\'')


def _broadcast_pair(input, target):
    if input.shape == target.shape:
        return input, target
    shape = _bshape(input, target)
    return S.expand(input, shape), S.expand(target, shape)


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    if _ac.CPU.dtype is not None:   # PyTorch's autocast computes this loss in float32 (engine/autocast.py)
        input, target = _ac.fp32(input, target)
    _check_same(input, target, "l1_loss")
    if weight is not None:
        red = _weighted_reduction(size_average, reduce, reduction)
        expanded_input, expanded_target = _broadcast_pair(input, target)
        return _weighted(input, (expanded_input - expanded_target).abs(), weight, red, by_weight=True)
    diff = (input - target).abs()
    red = _reduction(size_average, reduce, reduction)
    return diff.mean() if red == "mean" else diff.sum() if red == "sum" else diff


from .functional_conv import (batch_norm, conv1d, conv2d, conv3d, conv_transpose1d, conv_transpose2d,  # noqa: E402
                              conv_transpose3d, dropout2d, dropout3d, layer_norm)
from .functional_pool import (adaptive_avg_pool2d, adaptive_avg_pool3d, adaptive_max_pool2d,  # noqa: E402
                              adaptive_max_pool2d_with_indices, adaptive_max_pool3d,
                              adaptive_max_pool3d_with_indices, avg_pool2d, avg_pool3d, max_pool2d, max_pool2d_with_indices,
                              max_pool3d, max_pool3d_with_indices)
from .functional_loss import kl_div  # noqa: E402
from .functional_act import (celu, glu, hardshrink, hardsigmoid, hardswish, hardtanh, logsigmoid,  # noqa: E402
                             mish, prelu, relu6, rrelu, selu, softshrink, softsign, tanhshrink)
from .functional_act import threshold as _threshold_impl  # noqa: E402
from .functional_act import celu_, hardtanh_, rrelu_, selu_, threshold_  # noqa: E402



def _threshold(input, threshold, value, inplace=False):
    """input where it is above threshold, else value (PyTorch's F.threshold is this function, named _threshold)."""
    return _threshold_impl(input, threshold, value, inplace)


threshold = _threshold

def relu_(input):
    return relu(input, inplace=True)


def elu_(input, alpha=1.0):
    return elu(input, alpha, inplace=True)


def leaky_relu_(input, negative_slope=0.01):
    return leaky_relu(input, negative_slope, inplace=True)
from .functional_pad import pad  # noqa: E402
from .functional_attention import scaled_dot_product_attention  # noqa: E402
from .functional_mha import multi_head_attention_forward  # noqa: E402
from .functional_interp import (interpolate, pixel_shuffle, pixel_unshuffle, upsample,  # noqa: E402
                                upsample_bilinear, upsample_nearest)
from .functional_norm import (bilinear, cosine_embedding_loss, group_norm, instance_norm,  # noqa: E402
                              margin_ranking_loss, pairwise_distance, triplet_margin_loss)
from .functional_vision import affine_grid, fold, grid_sample, unfold  # noqa: E402
from .functional_zoo import (hinge_embedding_loss, local_response_norm, lp_pool1d, lp_pool2d, lp_pool3d,  # noqa: E402
                             alpha_dropout, gumbel_softmax, multi_margin_loss, multilabel_margin_loss,
                             multilabel_soft_margin_loss, soft_margin_loss)
from .functional_unpool import max_unpool1d, max_unpool2d, max_unpool3d  # noqa: E402
from .functional_fractional import (fractional_max_pool2d, fractional_max_pool2d_with_indices,  # noqa: E402
                                    fractional_max_pool3d, fractional_max_pool3d_with_indices)
from .functional_triplet import triplet_margin_with_distance_loss  # noqa: E402
from .functional_zoo import feature_alpha_dropout  # noqa: E402
from .functional_ctc import ctc_loss  # noqa: E402
from ...engine.ops_shuffle import channel_shuffle, native_channel_shuffle  # noqa: E402,F401
from ...engine.linalg import pdist  # noqa: E402,F401


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.nn.functional", name)


# PyTorch's F.max_pool2d and the other poolings that may return indices are boolean dispatchers
# (torch._jit_internal.boolean_dispatch): the flag, by keyword or at its position, picks the function that gives
# (output, indices) or the one that gives the output, named _max_pool2d ... (a call missing an argument names it;
# a tensor where the flag goes is asked for its truth)
# (the engine's functions, which take return_indices themselves: the dispatchers' if_false calls them with False,
# their kernels' checks and messages, as torch.max_pool2d's are not max_pool2d_with_indices's)
_POOLS = {"max_pool1d": max_pool1d, "max_pool2d": max_pool2d, "max_pool3d": max_pool3d,
          "adaptive_max_pool1d": adaptive_max_pool1d, "adaptive_max_pool2d": adaptive_max_pool2d,
          "adaptive_max_pool3d": adaptive_max_pool3d, "fractional_max_pool2d": fractional_max_pool2d,
          "fractional_max_pool3d": fractional_max_pool3d}


def _boolean_dispatch(arg_name, arg_index, if_true, if_false, func_name):
    def fn(*args, **kwargs):
        if arg_name in kwargs:
            flag = kwargs[arg_name]
        elif arg_index < len(args):
            flag = args[arg_index]
        else:
            flag = False
        if flag:
            return if_true(*args, **kwargs)
        return if_false(*args, **kwargs)
    fn.__name__ = fn.__qualname__ = func_name
    fn.__module__ = "torch.nn.functional"
    fn.__doc__ = if_false.__doc__
    return fn


def _max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """1-d max pooling, the output only (torch.max_pool1d's kernel, not the one with indices)."""
    return _POOLS["max_pool1d"](input, kernel_size, stride, padding, dilation, ceil_mode, False)


def _max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """2-d max pooling, the output only."""
    return _POOLS["max_pool2d"](input, kernel_size, stride, padding, dilation, ceil_mode, False)


def _max_pool3d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """3-d max pooling, the output only."""
    return _POOLS["max_pool3d"](input, kernel_size, stride, padding, dilation, ceil_mode, False)


def _adaptive_max_pool1d(input, output_size, return_indices=False):
    """1-d adaptive max pooling, the output only."""
    return _POOLS["adaptive_max_pool1d"](input, output_size, False)


def _adaptive_max_pool2d(input, output_size, return_indices=False):
    """2-d adaptive max pooling, the output only."""
    return _POOLS["adaptive_max_pool2d"](input, output_size, False)


def _adaptive_max_pool3d(input, output_size, return_indices=False):
    """3-d adaptive max pooling, the output only."""
    return _POOLS["adaptive_max_pool3d"](input, output_size, False)


def _fractional_max_pool2d(input, kernel_size, output_size=None, output_ratio=None, return_indices=False,
                           _random_samples=None):
    """2-d fractional max pooling, the output only."""
    return _POOLS["fractional_max_pool2d"](input, kernel_size, output_size, output_ratio, False, _random_samples)


def _fractional_max_pool3d(input, kernel_size, output_size=None, output_ratio=None, return_indices=False,
                           _random_samples=None):
    """3-d fractional max pooling, the output only."""
    return _POOLS["fractional_max_pool3d"](input, kernel_size, output_size, output_ratio, False, _random_samples)


max_pool1d = _boolean_dispatch("return_indices", 6, max_pool1d_with_indices, _max_pool1d, "max_pool1d")
max_pool2d = _boolean_dispatch("return_indices", 6, max_pool2d_with_indices, _max_pool2d, "max_pool2d")
max_pool3d = _boolean_dispatch("return_indices", 6, max_pool3d_with_indices, _max_pool3d, "max_pool3d")
adaptive_max_pool1d = _boolean_dispatch("return_indices", 2, adaptive_max_pool1d_with_indices,
                                        _adaptive_max_pool1d, "adaptive_max_pool1d")
adaptive_max_pool2d = _boolean_dispatch("return_indices", 2, adaptive_max_pool2d_with_indices,
                                        _adaptive_max_pool2d, "adaptive_max_pool2d")
adaptive_max_pool3d = _boolean_dispatch("return_indices", 2, adaptive_max_pool3d_with_indices,
                                        _adaptive_max_pool3d, "adaptive_max_pool3d")
fractional_max_pool2d = _boolean_dispatch("return_indices", 4, fractional_max_pool2d_with_indices,
                                          _fractional_max_pool2d, "fractional_max_pool2d")
fractional_max_pool3d = _boolean_dispatch("return_indices", 4, fractional_max_pool3d_with_indices,
                                          _fractional_max_pool3d, "fractional_max_pool3d")


__all__ = ["relu", "sigmoid", "tanh", "softmax", "log_softmax", "linear", "mse_loss", "binary_cross_entropy",
           "binary_cross_entropy_with_logits", "nll_loss", "cross_entropy", "l1_loss", "leaky_relu", "elu", "gelu",
           "softplus", "silu", "dropout", "one_hot", "normalize", "cosine_similarity", "embedding", "smooth_l1_loss",
           "huber_loss", "conv1d", "conv2d", "max_pool2d", "max_pool2d_with_indices", "max_pool1d_with_indices",
           "adaptive_max_pool1d_with_indices", "adaptive_max_pool2d_with_indices", "adaptive_max_pool3d_with_indices",
           "avg_pool2d",
           "adaptive_avg_pool2d", "batch_norm", "layer_norm", "dropout2d", "hardtanh", "relu6", "softsign",
           "tanhshrink", "mish", "hardsigmoid", "hardswish", "logsigmoid", "softshrink", "hardshrink", "celu", "selu",
           "threshold", "rrelu", "glu", "prelu", "kl_div", "relu_", "elu_", "leaky_relu_", "hardtanh_", "rrelu_",
           "threshold_", "celu_", "selu_", "conv_transpose1d", "conv_transpose2d", "interpolate", "upsample",
           "upsample_nearest", "upsample_bilinear", "pixel_shuffle", "pixel_unshuffle", "group_norm", "instance_norm",
           "bilinear", "pairwise_distance", "cosine_embedding_loss", "margin_ranking_loss", "triplet_margin_loss",
           "conv3d", "conv_transpose3d", "max_pool3d", "max_pool3d_with_indices", "avg_pool3d",
           "adaptive_avg_pool3d", "adaptive_max_pool2d", "adaptive_max_pool3d", "dropout3d",
           "affine_grid", "grid_sample", "unfold", "fold", "local_response_norm", "lp_pool1d", "lp_pool2d", "lp_pool3d",
           "soft_margin_loss", "multi_margin_loss", "hinge_embedding_loss", "multilabel_soft_margin_loss",
           "multilabel_margin_loss", "fractional_max_pool2d", "fractional_max_pool2d_with_indices",
           "fractional_max_pool3d", "fractional_max_pool3d_with_indices",
           # the rest of what `from torch.nn.functional import *` binds there (PyTorch's module has no __all__)
           "adaptive_avg_pool1d", "adaptive_max_pool1d", "alpha_dropout", "avg_pool1d", "channel_shuffle", "ctc_loss",
           "dropout1d", "embedding_bag", "feature_alpha_dropout", "gaussian_nll_loss", "gumbel_softmax", "max_pool1d",
           "max_unpool1d", "max_unpool2d", "max_unpool3d", "multi_head_attention_forward", "native_channel_shuffle",
           "pad", "pdist", "poisson_nll_loss", "rms_norm", "scaled_dot_product_attention", "softmin",
           "triplet_margin_with_distance_loss", "Tensor", "math", "np", "warnings",
           # and its imports: a learner's `grad` (torch.autograd.grad) is rebound to the module torch.nn.grad
           "grad", "torch", "Callable", "Optional", "TYPE_CHECKING", "importlib", "dataclasses"]
import autograd_magic.torch as torch  # noqa: E402,F401  (the package, partly built yet: only bound, never used here)
from . import grad  # noqa: E402,F401
