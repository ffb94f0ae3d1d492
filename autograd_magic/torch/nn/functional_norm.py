"""F.group_norm (one NativeGroupNormBackward0 node), F.instance_norm (ATen's composite: batch norm over the input
viewed as (1, N*C, ...), weight and bias repeated N times), F.bilinear (_trilinear), pairwise_distance and the
losses composed of it as ATen composes them (cosine_embedding_loss, margin_ranking_loss, triplet_margin_loss)."""
import numpy as np

from ...engine import dtypes
from ...engine.creation import ones, zeros, zeros_like
from ...engine.functions import minimum, where
from ...engine.optable import OPS
from ...engine.tensor_base import apply
from ...engine.arg_parser import parsed
from ...engine.function_signatures import SIGNATURES
from ._args import bool_arg, float_arg, tensor_arg
from .functional_loss import _reduction as _loss_reduction
from . import functional_conv as FC


def _prod(shape):
    return int(np.prod(shape)) if len(shape) else 1


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05):
    if input.dim() < 2:
        raise RuntimeError(f"Expected at least 2 dimensions for input tensor but received {input.dim()}")
    size = [input.size(0) * input.size(1) // num_groups, num_groups] + list(input.size()[2:])
    if size[0] * _prod(size[2:]) == 1:
        raise ValueError(f"Expected more than 1 value per channel when training, got input size {size}")
    n, c = input.shape[:2]
    if c % num_groups:
        raise RuntimeError(f"Expected number of channels in input to be divisible by num_groups, but got input of "
                           f"shape {list(input.shape)} and num_groups={num_groups}")
    for name, t in (("weight", weight), ("bias", bias)):
        if t is not None and (t.dim() != 1 or t.numel() != c):
            raise RuntimeError(f"Expected {name} to be a vector of size equal to the number of channels in input, "
                               f"but got {name} of shape {list(t.shape)} and input of shape {list(input.shape)}")
    FC._check_norm_dtypes(input, weight, bias)
    if not dtypes.is_float_np(input._data.dtype):   # (ATen's kernel dispatches on floating types)
        raise NotImplementedError(f'"GroupNormKernelImpl" not implemented for \'{dtypes.scalar_name(input._data.dtype)}\'')
    w = weight if weight is not None else ones(c, dtype=input.dtype)
    b = bias if bias is not None else zeros(c, dtype=input.dtype)
    affine = weight is not None or bias is not None   # (ATen's kernel takes another formula without either)
    return apply(OPS["native_group_norm"], (input, w, b), num_groups, eps, affine)


def instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None, use_input_stats=True,
                  momentum=0.1, eps=1e-05):
    if use_input_stats:
        if _prod(tuple(input.size())[2:]) == 1:
            raise ValueError(f"Expected more than 1 spatial element when training, got input size {input.size()}")
    elif running_mean is None or running_var is None:
        raise RuntimeError("Expected running_mean and running_var to be defined when use_input_stats is false")
    b, c = input.shape[:2]
    shape = (1, b * c) + tuple(input.shape[2:])

    def rep(t):
        return None if t is None else t.repeat(b)

    def rep_stat(t):   # ATen accepts running statistics of another dtype here
        return None if t is None else t.repeat(b).to(input.dtype)
    rm, rv = rep_stat(running_mean), rep_stat(running_var)
    out = FC.batch_norm(input.contiguous().view(shape), rm, rv, rep(weight), rep(bias), use_input_stats, momentum,
                        eps)
    if running_mean is not None:
        running_mean._data[...] = rm._data.reshape(b, c).mean(0)
        running_mean._vbox[0] += 1
    if running_var is not None:
        running_var._data[...] = rv._data.reshape(b, c).mean(0)
        running_var._vbox[0] += 1
    return out.view(input.shape)


def bilinear(input1, input2, weight, bias=None):
    if input1.dim() != input2.dim():
        raise RuntimeError(f"bilinear(): input dimensions do not match: got {input1.dim()} and {input2.dim()}")
    for i in range(input1.dim() - 1):
        if input1.shape[i] != input2.shape[i]:
            raise RuntimeError(f"bilinear(): input batch dimensions do not match at dim {i}: got {input1.shape[i]} "
                               f"and {input2.shape[i]}")
    if input1.shape[-1] != weight.shape[1]:
        raise RuntimeError(f"bilinear(): input1 size does not match weight size: got {input1.shape[-1]} but "
                           f"expected {weight.shape[1]}")
    if input2.shape[-1] != weight.shape[2]:
        raise RuntimeError(f"bilinear(): input2 size does not match weight size: got {input2.shape[-1]} but "
                           f"expected {weight.shape[2]}")
    if bias is not None and bias.shape[0] != weight.shape[0]:
        raise RuntimeError(f"bilinear(): bias size does not match weight size: got {bias.shape[0]} but expected "
                           f"{weight.shape[0]}")
    out_shape = tuple(input1.shape[:-1]) + (weight.shape[0],)
    x1 = input1.reshape(-1, input1.shape[-1])
    x2 = input2.reshape(-1, input2.shape[-1])
    out = apply(OPS["trilinear"], (x1, weight, x2)).reshape(out_shape)
    return out + bias if bias is not None else out


def _pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    """The p-norm of x1 - x2 + eps over the last dim of the two (at::norm: NormBackward1)."""
    dim = max(x1.dim(), x2.dim()) - 1
    diff = x1 - x2 + eps
    return apply(OPS["norm_legacy"], (diff,), float(p), (dim % max(diff.dim(), 1),) if diff.dim() else (), keepdim)


# F.pairwise_distance is ATen's pairwise_distance itself: its parser's TypeErrors (an ndarray as x2, p="2")
pairwise_distance = parsed(_pairwise_distance, "pairwise_distance", SIGNATURES["pairwise_distance"], method=False)
pairwise_distance.__name__ = pairwise_distance.__qualname__ = "pairwise_distance"


def _tensors(fn, *named):
    """PyTorch's parser on a loss's tensor arguments, positional from its Python (name, value) pairs in order."""
    for position, (name, value) in enumerate(named, 1):
        tensor_arg(fn, value, name, position)


def _reduce(out, reduction):
    return out.mean() if reduction == "mean" else out.sum() if reduction == "sum" else out


def _reduction(size_average, reduce, reduction):
    return _loss_reduction(size_average, reduce, reduction)


def cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction="mean"):
    reduction = _reduction(size_average, reduce, reduction)
    _tensors("cosine_embedding_loss", ("input1", input1), ("input2", input2), ("target", target))
    margin = float_arg("cosine_embedding_loss", margin, "margin", 4)
    targ_dim = target.dim()
    if targ_dim not in (0, 1):
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if targ_dim == 1 and not (input1.dim() == 2 and input2.dim() == 2):
        raise RuntimeError(f"1D target tensor expects 2D input tensors, but found inputs with sizes "
                           f"{list(input1.shape)} and {list(input2.shape)}.")
    if targ_dim == 0 and not (input1.dim() == 1 and input2.dim() == 1):
        raise RuntimeError(f"0D target tensor expects 1D input tensors, but found inputs with sizes "
                           f"{list(input1.shape)} and {list(input2.shape)}.")
    prod_sum = (input1 * input2).sum(targ_dim)
    mag_square1 = (input1 * input1).sum(targ_dim) + 1e-12
    mag_square2 = (input2 * input2).sum(targ_dim) + 1e-12
    denom = (mag_square1 * mag_square2).sqrt_()
    cos = prod_sum / denom
    zeros_ = zeros_like(cos)
    pos = 1 - cos
    neg = (cos - margin).clamp_min_(0)
    output = where(target == 1, pos, zeros_) + where(target == -1, neg, zeros_)
    return _reduce(output, reduction)


def margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction="mean"):
    reduction = _reduction(size_average, reduce, reduction)
    if input1.dim() != input2.dim() or input1.dim() != target.dim():
        raise RuntimeError(f"margin_ranking_loss : All input tensors should have same dimension but got sizes: "
                           f"input1: {input1.size()}, input2: {input2.size()}, target: {target.size()} ")
    # (margin is ATen's double: integer inputs give a float loss)
    margin = float_arg("margin_ranking_loss", margin, "margin", 4)
    return _reduce((-target * (input1 - input2) + margin).clamp_min_(0), reduction)


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-06, swap=False, size_average=None,
                        reduce=None, reduction="mean"):
    reduction = _reduction(size_average, reduce, reduction)
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    _tensors("triplet_margin_loss", ("anchor", anchor), ("positive", positive), ("negative", negative))
    margin, p, eps = (float_arg("triplet_margin_loss", v, name, i)
                      for i, (name, v) in enumerate((("margin", margin), ("p", p), ("eps", eps)), 4))
    swap = bool_arg("triplet_margin_loss", swap, "swap", 7)
    a, po, ne = anchor.dim(), positive.dim(), negative.dim()
    if not (a == po == ne):
        raise RuntimeError(f"The anchor, positive, and negative tensors are expected to have the same number of "
                           f"dimensions, but got: anchor {a}D, positive {po}D, and negative {ne}D inputs")
    dist_pos = _pairwise_distance(anchor, positive, p, eps)
    dist_neg = _pairwise_distance(anchor, negative, p, eps)
    if swap:
        dist_neg = minimum(dist_neg, _pairwise_distance(positive, negative, p, eps))
    return _reduce((margin + dist_pos - dist_neg).clamp_min(0), reduction)
