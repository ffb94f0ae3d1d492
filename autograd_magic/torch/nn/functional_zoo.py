"""More of torch.nn.functional's layer zoo: local_response_norm and lp_pool1d / 2d / 3d (composed as PyTorch's
Python composes them, so the nodes and bits are the same), and the margin losses: soft_margin_loss and
multi_margin_loss and multilabel_margin_loss (one kernel each: engine/ops_margin.py), hinge_embedding_loss (ATen's composite) and
multilabel_soft_margin_loss (PyTorch's Python composition)."""
import math
import warnings

import numpy as np

from ...engine import functions as EF
from ...engine import creation, dtypes
from ...engine.creation import zeros_like
from ...engine.optable import OPS
from ...engine.tensor import Tensor
from ...engine.tensor_base import apply, check_broadcast
from . import functional_pool as FP
from ._args import float_arg, number_arg, tensor_arg
from ._args import not_differentiable as _not_differentiable
from .functional_loss import _legacy_reduction, _reduction
from .functional_more import avg_pool1d, max_pool1d
from .functional_pad import pad


def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    """input / (k + alpha * mean of squares over `size` neighbouring channels) ** beta."""
    dim = input.dim()
    if dim < 3:
        raise ValueError(f"Expected 3D or higher dimensionality                          input (got {dim} dimensions)")
    if input.numel() == 0:
        return input
    div = input.mul(input)
    if dim == 3:
        div = div.unsqueeze(1)
        div = pad(div, (0, 0, size // 2, (size - 1) // 2))
        div = FP.avg_pool2d(div, (size, 1), stride=1).squeeze(1)
    else:
        sizes = input.size()
        div = div.view(sizes[0], 1, sizes[1], sizes[2], -1)
        div = pad(div, (0, 0, 0, 0, size // 2, (size - 1) // 2))
        div = FP.avg_pool3d(div, (size, 1, 1), stride=1).squeeze(1)
        div = div.view(sizes)
    div = div.mul(alpha).add(k).pow(beta)
    return input / div


def _lp_finish(out, count, norm_type):
    return (EF.sign(out) * EF.relu(out.abs())).mul(count).pow(1.0 / norm_type)


def lp_pool2d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    """The p-norm of each window: (sum of x ** p) ** (1 / p), as avg_pool2d of x ** p times the window size."""
    kw, kh = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    if isinstance(norm_type, (int, float)):
        if norm_type == float("inf"):
            return FP.max_pool2d(input.abs(), kernel_size, stride, 0, 1, ceil_mode)
        if norm_type == -float("inf"):
            return -FP.max_pool2d(-input.abs(), kernel_size, stride, 0, 1, ceil_mode)
    out = FP.avg_pool2d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    return _lp_finish(out, kw * kh, norm_type)


def lp_pool3d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    """The p-norm of each 3-d window: avg_pool3d of x ** p times the window size, to the power 1 / p."""
    kd, kw, kh = (kernel_size,) * 3 if isinstance(kernel_size, int) else tuple(kernel_size)
    if isinstance(norm_type, (int, float)):
        if norm_type == float("inf"):
            return FP.max_pool3d(input.abs(), kernel_size, stride, 0, 1, ceil_mode)
        if norm_type == -float("inf"):
            return -FP.max_pool3d(-input.abs(), kernel_size, stride, 0, 1, ceil_mode)
    out = FP.avg_pool3d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    return _lp_finish(out, kd * kw * kh, norm_type)


def lp_pool1d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    """The p-norm of each window of a (N, C, L) or (C, L) input."""
    if isinstance(norm_type, (int, float)):
        if norm_type == float("inf"):
            return max_pool1d(input.abs(), kernel_size, stride, 0, 1, ceil_mode)
        if norm_type == -float("inf"):
            return -max_pool1d(-input.abs(), kernel_size, stride, 0, 1, ceil_mode)
    out = avg_pool1d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    return _lp_finish(out, kernel_size, norm_type)


def _loss_reduction(size_average, reduce, reduction):
    if size_average is not None or reduce is not None:
        return _legacy_reduction(size_average, reduce)
    return _reduction(None, None, reduction)


def soft_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """log(1 + exp(-target * input)), reduced (SoftMarginLossBackward0)."""
    red = _loss_reduction(size_average, reduce, reduction)
    _not_differentiable("soft_margin_loss", "target", target)
    if input.shape != target.shape:   # (ATen computes in place into a tensor of input's shape: target broadcasts to it)
        check_broadcast(input.shape, target.shape)
        common = tuple(np.broadcast_shapes(input.shape, target.shape))
        if common != tuple(input.shape):
            raise RuntimeError(f"output with shape {list(input.shape)} doesn't match the broadcast shape {list(common)}")
        target = target.expand(input.shape)
    if target.dtype != input.dtype or not input.is_floating_point():
        target = _soft_margin_target(input, target)
    return apply(OPS["soft_margin_loss"], (input, target), red)


def _soft_margin_target(input, target):
    """ATen computes neg(input).mul_(target).exp_().log1p_(): in input's dtype, which an integral input cannot
    hold (the mul_'s result type, or exp_'s default float dtype); a bool input fails at neg."""
    if not (input.is_floating_point() or input.is_complex()):
        if input.dtype is dtypes.bool_:
            EF.neg(input)
        common = dtypes.result_type((input, target))
        shown = common if common.is_floating_point else dtypes.get_default_dtype()
        raise RuntimeError(f"result type {shown.scalar_name} can't be cast to the desired output type "
                           f"{input.dtype.scalar_name}")
    return target.to(input.dtype)


def _margin_kernel_dtypes(kernel, input, target, weight=None):
    """The margin kernels' dtypes, checked as their data pointers are taken: float32 or float64 input (the
    dispatch's NotImplementedError), int64 class indices, a weight of the input's dtype."""
    if input.dtype not in (dtypes.float32, dtypes.float64):
        raise NotImplementedError(f'"{kernel}" not implemented for \'{input.dtype.scalar_name}\'')
    for t, want in ((target, dtypes.int64), (weight, input.dtype)):
        if t is not None and t.dtype != want:
            raise RuntimeError(f"expected scalar type {want.scalar_name} but found {t.dtype.scalar_name}")


def multi_margin_loss(input, target, p=1, margin=1.0, weight=None, size_average=None, reduce=None,
                      reduction="mean"):
    """The multi-class hinge loss: per sample, the mean over the other classes of max(0, margin - x[y] + x[i])
    (squared for p=2), times weight[y] (MultiMarginLossBackward0)."""
    red = _loss_reduction(size_average, reduce, reduction)
    if p != 1 and p != 2:
        raise ValueError("only p == 1 and p == 2 supported")
    if weight is not None and weight.dim() != 1:
        raise ValueError("weight must be one-dimensional")
    p = number_arg("multi_margin_loss", p, "p", 3)
    margin = number_arg("multi_margin_loss", margin, "margin", 4)
    _not_differentiable("multi_margin_loss", "weight", weight)
    nd = input.dim()
    valid = (nd == 2 and input.shape[1] != 0) or (nd == 1 and input.shape[0] != 0) or nd == 0
    nframe = 1 if nd <= 1 else input.shape[0]
    dim = (1 if nd == 0 else input.shape[0]) if nd <= 1 else input.shape[1]
    if not valid:
        raise RuntimeError("Expected non-empty vector or matrix with optional 0-dim batch size, but got: "
                           f"[{', '.join(map(str, input.shape))}]")
    if target.dim() > 1 or target.numel() != nframe or (nd == 2 and target.dim() == 0):
        raise RuntimeError("multi_margin_loss: target tensor should be 1-D with size equal to the number of input "
                           f"samples (batch size). Expected target size [{nframe}], but got "
                           f"[{', '.join(map(str, target.shape))}]. Input has shape "
                           f"[{', '.join(map(str, input.shape))}].")
    if weight is not None and weight.numel() != dim:
        raise RuntimeError(f"inconsistent weight size, expected {dim} but got [{', '.join(map(str, weight.shape))}]")
    _margin_kernel_dtypes("multi_margin_loss_cpu_kernel", input, target, weight)
    t = np.asarray(target._data).astype(np.int64)
    if t.size and (t.min() < 0 or t.max() >= dim):
        raise RuntimeError("target out of range")
    w = None if weight is None else weight._data.astype(input._data.dtype)
    return apply(OPS["multi_margin_loss"], (input,), t, int(p), float(margin), w, red)


def multilabel_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """The multi-label hinge loss: per sample, the sum over its target classes (those before the first -1) and the
    other classes of max(0, 1 - x[y_j] + x[i]), divided by the number of classes (MultilabelMarginLossBackward0)."""
    red = _loss_reduction(size_average, reduce, reduction)
    nd = input.dim()
    valid = (nd == 2 and input.shape[1] != 0) or (nd == 1 and input.shape[0] != 0) or nd == 0
    if not valid:
        raise RuntimeError("Expected non-empty vector or matrix with optional 0-dim batch size, but got: "
                           f"[{', '.join(map(str, input.shape))}]")
    nframe, dim = (1, 1 if nd == 0 else input.shape[0]) if nd <= 1 else tuple(input.shape)
    if (target.dim() > 1 or target.numel() != dim) if nd <= 1 else \
            (target.dim() != 2 or tuple(target.shape) != (nframe, dim)):
        raise RuntimeError(f"inconsistent target size: [{', '.join(map(str, target.shape))}] for input of size: "
                           f"[{', '.join(map(str, input.shape))}]")
    t = np.asarray(target._data).astype(np.int64)
    if t.size and (t.min() < -1 or t.max() >= dim):   # (ATen reads the range first, as int64, whatever the dtype)
        raise RuntimeError("argument #2 'target' is out of range")
    _margin_kernel_dtypes("multilabel_margin_loss_forward_out_frame", input, target)
    return apply(OPS["multilabel_margin_loss"], (input,), t, red)


def hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None, reduction="mean"):
    """x where target is 1, max(0, margin - x) where it is -1 (ATen's composite: where, clamp_min, add)."""
    red = _loss_reduction(size_average, reduce, reduction)
    for position, (name, value) in enumerate((("input", input), ("target", target)), 1):   # (ATen's parser)
        tensor_arg("hinge_embedding_loss", value, name, position)
    margin = float_arg("hinge_embedding_loss", margin, "margin", 3)
    zeros = zeros_like(input)
    margin_t = Tensor._wrap(np.asarray(margin, input._data.dtype))
    margin_clamp = apply(OPS["sub"], (margin_t, input)).clamp_min(0)
    output_margin = EF.where(target != 1, margin_clamp, zeros)
    output_self = EF.where(target != -1, input, zeros)
    output = output_margin + output_self
    return output.mean() if red == "mean" else output.sum() if red == "sum" else output


def multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    """-(y log sigmoid(x) + (1 - y) log sigmoid(-x)), times weight, averaged over the classes, reduced."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    loss = -(target * apply(OPS["log_sigmoid"], (input,)) + (1 - target) * apply(OPS["log_sigmoid"], (-input,)))
    if weight is not None:
        loss = loss * weight
    class_dim = input.dim() - 1
    loss = loss.sum(dim=class_dim) / input.size(class_dim)
    if reduction == "none":
        return loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    raise ValueError(reduction + " is not valid")


def gumbel_softmax(logits, tau=1, hard=False, eps=1e-10, dim=-1):
    """Samples of the Gumbel-softmax distribution, composed as PyTorch composes it: -log of exponential_ draws
    (PyTorch's draws) added to the logits, over tau, softmax; hard=True: the one-hot of the argmax, with the soft
    sample's gradient (straight-through)."""
    if eps != 1e-10:
        warnings.warn("`eps` parameter is deprecated and has no effect.", stacklevel=2)
    gumbels = -creation.empty_like(logits).exponential_().log()
    gumbels = (logits + gumbels) / tau
    y_soft = gumbels.softmax(dim)
    if not hard:
        return y_soft
    index = y_soft.max(dim, keepdim=True)[1]
    y_hard = creation.zeros_like(logits).scatter_(dim, index, 1.0)
    return y_hard - y_soft.detach() + y_soft


_SELU_ALPHA = 1.7580993408473766   # ATen's alpha_dropout constant (SELU's -scale * alpha)


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    """Dropout that keeps SELU's mean and variance: dropped elements set to SELU's negative saturation, then an
    affine correction; PyTorch's draws (bernoulli_ on a tensor like the input) and its arithmetic."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if p == 0 or not training or input.numel() == 0:
        return input
    if p == 1:
        zero = Tensor._wrap(np.zeros((), input._data.dtype))
        return input.mul_(zero) if inplace else input * zero
    noise = creation.empty_like(input).bernoulli_(1 - p)
    a = 1.0 / math.sqrt((_SELU_ALPHA * _SELU_ALPHA * p + 1) * (1 - p))
    b = noise.add(-1).mul_(_SELU_ALPHA * a).add_(_SELU_ALPHA * a * p)
    noise.mul_(a)
    return input.mul_(noise).add_(b) if inplace else (input * noise).add_(b)


def feature_alpha_dropout(input, p=0.5, training=False, inplace=False):
    """alpha_dropout of whole channels: one draw per (sample, channel) (bernoulli_ on an (N, C, 1, ...) tensor),
    as ATen's feature alpha dropout."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if p == 0 or not training or input.numel() == 0:
        return input
    if input.ndim < 2:
        raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
    if p == 1:
        zero = Tensor._wrap(np.zeros((), input._data.dtype))
        return input.mul_(zero) if inplace else input * zero
    shape = tuple(input.shape[:2]) + (1,) * (input.ndim - 2)
    noise = Tensor._wrap(np.empty(shape, input._data.dtype)).bernoulli_(1 - p)
    a = 1.0 / math.sqrt((_SELU_ALPHA * _SELU_ALPHA * p + 1) * (1 - p))
    b = noise.add(-1).mul_(_SELU_ALPHA * a).add_(_SELU_ALPHA * a * p)
    noise.mul_(a)
    return input.mul_(noise).add_(b) if inplace else (input * noise).add_(b)
