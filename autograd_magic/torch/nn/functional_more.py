"""More of torch.nn.functional, composed as PyTorch composes them: the 1-d poolings (a 2-d pooling over an
unsqueezed input, then squeezed: SqueezeBackward1 over MaxPool2DWithIndicesBackward0 ...), rms_norm and dropout1d (channel dropout with PyTorch's
draws)."""
import math
import warnings

import numpy as np

from ...engine import dtypes
from ...engine.arg_parser import parsed
from ...engine.creation import ones_like
from ...engine.function_signatures import SIGNATURES
from ...engine.ops_embedding_bag import _embedding_bag_fwd as _embedding_bag_data, aten_sort_order
from ...engine.ops_pool import pool_geometry
from ...engine.optable import OPS
from ...engine.tensor import Tensor
from ...engine.tensor_base import apply, warn_once
from ..grad_mode import no_grad as _no_grad
from ._args import bool_arg, float_arg, index_dtype, tensor_arg
from .functional_bag_checks import check_indices, check_offsets, freq_scale, offset2bag
from . import functional_pool as FP
from .functional_loss import _legacy_reduction


def _single(fn, v, name):
    """An int[1] argument after the parser (ATen's check1d): an int, or a sequence of one int."""
    if isinstance(v, (tuple, list)):
        if len(v) != 1:
            raise RuntimeError(f"{fn}() argument '{name}' should contain one int (got {len(v)})")
        return int(v[0])
    return int(v)


def _check_1d(name, input):
    if input.ndim not in (2, 3):
        if name != "max_pool1d":   # (avg_pool1d, the adaptive ones: ATen's checkDimRange)
            raise RuntimeError(f"Expected 2 to 3 dimensions, but got {input.ndim}-dimensional tensor for argument #1 "
                               f"'self' (while checking arguments for {name})")
        raise RuntimeError(f"{name}: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for "
                           f"input, but got:{list(input.shape)}")


def _check_max_pool1d(input, kernel_size, stride, padding, dilation):
    """ATen's check_max_pool1d, in its order: the rank and empty dims, each argument's length, then its value;
    returns (kernel, stride, padding, dilation) as ints."""
    if input.ndim not in (2, 3) or 0 in tuple(input.shape)[-2:]:
        raise RuntimeError("max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for "
                           f"input, but got:{list(input.shape)}")
    args = []
    for name, v, what in (("kernel_size", kernel_size, "an int, list of ints or tuple of ints"),
                          ("stride", stride, "None, an int, list of ints, or tuple of ints"),
                          ("padding", padding, "an int, list of ints, or tuple of ints"),
                          ("dilation", dilation, "an int, list of ints or tuple of ints")):
        if isinstance(v, (list, tuple)):
            if len(v) > 1 or not v and name != "stride":
                raise RuntimeError(f"max_pool1d() {name} must be {what} of size 1 but got size {len(v)}")
            v = v[0] if v else None
        args.append(v)
    k, s, p, d = args
    s = k if s is None else s
    if k <= 0:
        raise RuntimeError(f"max_pool1d() kernel_size must be greater than zero, but got {k}")
    if s <= 0:
        raise RuntimeError(f"max_pool1d() stride must be greater than zero, but got {s}")
    if p < 0:
        raise RuntimeError(f"max_pool1d() padding must be non-negative, but got {p}")
    if p > k // 2:
        raise RuntimeError(f"max_pool1d() padding should be at most half of kernel size, but got padding={p} and "
                           f"kernel_size={k}")
    if d <= 0:
        raise RuntimeError(f"max_pool1d() dilation must be greater than zero, but got {d}")
    return k, s, p, d


def max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    name = "max_pool1d_with_indices" if return_indices else "max_pool1d"
    tensor_arg(name, input)
    FP.MAX_POOL_PARSERS[name](input, kernel_size, stride, padding, dilation, ceil_mode)   # (its parser's TypeErrors)
    k, s, p, d = _check_max_pool1d(input, kernel_size, stride, padding, dilation)
    out_size, _ = pool_geometry((input.shape[-1],), (k,), (s,), (p,), (d,), ceil_mode)
    if out_size[0] < 1:
        raise RuntimeError(f"max_pool1d() Invalid computed output size: {out_size[0]}")
    if not return_indices:   # (the kernel without indices; ints reach it: nothing of theirs can require grad)
        FP.kernel_dtype("max_pool1d_impl", input)
    out = FP.max_pool2d(input.unsqueeze(-2), (1, k), (1, s), (0, p), (1, d), ceil_mode, return_indices)
    if return_indices:
        return out[0].squeeze(-2), out[1].squeeze(-2)
    return out.squeeze(-2)


def _avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    _check_1d("avg_pool1d", input)
    k = _single("avg_pool1d", kernel_size, "kernel_size")
    s = k if stride is None or stride == [] or stride == () else _single("avg_pool1d", stride, "stride")
    return FP.avg_pool2d(input.unsqueeze(-2), (1, k), (1, s), (0, _single("avg_pool1d", padding, "padding")),
                         ceil_mode, count_include_pad).squeeze(-2)


# PyTorch's parser first (a float or bool size, a non-bool ceil_mode: TypeErrors), then ATen's checks
avg_pool1d = parsed(_avg_pool1d, "avg_pool1d", SIGNATURES["avg_pool1d"], method=False)
avg_pool1d.__name__ = avg_pool1d.__qualname__ = "avg_pool1d"


def adaptive_avg_pool1d(input, output_size):
    size = FP.one_int("adaptive_avg_pool1d", output_size)
    _check_1d("adaptive_avg_pool1d", input)
    return FP.adaptive_avg_pool2d(input.unsqueeze(-2), (1, size)).squeeze(-2)


def rms_norm(input, normalized_shape, weight=None, eps=None):
    """input / sqrt(mean(input**2 over the normalized dims) + eps), times weight, as ATen's composite computes it:
    in the op-math dtype (float32 for half and bfloat16), times the weight there, then cast back to the input's dtype
    (a float64 weight leaves a float32 input float32); eps by default the op-math dtype's epsilon, cast to the
    input's dtype."""
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    if tuple(input.shape[input.ndim - len(shape):]) != shape:
        raise RuntimeError(f"Given normalized_shape={list(shape)}, expected input with shape "
                           f"[*{', '.join(map(str, shape))}], but got input of size{list(input.shape)}")
    dt = input._data.dtype
    if weight is not None and weight._data.dtype != dt:   # (TORCH_WARN_ONCE: once for its one site)
        warn_once(f"Mismatch dtype between input and weight: input dtype = {dtypes.c_name(dt)}, "
                  f"weight dtype = {dtypes.c_name(weight._data.dtype)}, Cannot dispatch to fused implementation. "
                  "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/layer_norm.cpp:346.)",
                  stacklevel=2, site="rms_norm dtype mismatch")
    if not (dtypes.is_float_np(dt) or dt.kind == "c"):   # (ATen dispatches on floating and complex types)
        raise NotImplementedError(f'"rms_norm" not implemented for \'{dtypes.scalar_name(dt)}\'')
    reduced = dt.itemsize == 2   # half, bfloat16: computed in float32
    if eps is None:   # (numeric_limits of the op-math type; a complex type has no specialisation: 0)
        eps = 0.0 if dt.kind == "c" else float(np.finfo(np.float64 if dt == np.float64 else np.float32).eps)
    if reduced:
        eps = float(np.array(eps, dtype=dt))   # (scalar_t eps_val)
    up = input.to(dtypes.float32) if reduced else input
    dims = tuple(range(input.ndim - len(shape), input.ndim))
    scale = up.pow(2).mean(dims, keepdim=True).add_(eps).rsqrt()
    out = up.mul(scale)
    return (out if weight is None else out.mul(weight)).type_as(input)


def dropout1d(input, p=0.5, training=True, inplace=False):
    """Zero whole channels of (N, C, L) or (C, L) input with probability p: PyTorch's draws (bernoulli_ on an
    (N, C, 1) tensor), then input * noise."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if input.ndim not in (2, 3):
        raise RuntimeError(f"dropout1d: Expected 2D or 3D input, but received a {input.ndim}D input. Note that "
                           "dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a "
                           "channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).")
    batched = input.ndim == 3
    x = input if batched else (input.unsqueeze_(0) if inplace else input.unsqueeze(0))
    if training and p != 0 and x.numel() != 0:
        shape = tuple(x.shape[:2]) + (1,)
        if p == 1:
            noise = Tensor._wrap(np.zeros(shape, x._data.dtype))
        else:
            noise = Tensor._wrap(np.empty(shape, x._data.dtype)).bernoulli_(1 - p).div_(1 - p)
        x = x.mul_(noise) if inplace else x * noise
    if not batched:
        x = x.squeeze_(0) if inplace else x.squeeze(0)
    return x


def gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction="mean"):
    """0.5 * (log(var) + (input - target)**2 / var), var clamped to eps outside the graph, as PyTorch's Python."""
    if isinstance(var, float):
        if var < 0:
            raise ValueError("var has negative entry/entries")
        var = var * ones_like(input)
    elif bool((var < 0).any()):
        raise ValueError("var has negative entry/entries")
    if tuple(var.shape) != tuple(input.shape):
        if tuple(input.shape[:-1]) == tuple(var.shape):
            var = var.unsqueeze(-1)
        elif input.ndim == var.ndim and sum(y for x, y in zip(input.shape, var.shape) if x != y) == 1:
            pass
        else:
            raise ValueError("var is of incorrect size")
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not valid")
    var = var.clone()
    with _no_grad():
        var.clamp_(min=eps)
    loss = 0.5 * ((var.log()) + (input - target) ** 2 / var)
    if full:
        loss += 0.5 * math.log(2 * math.pi)
    return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss


def poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-8, reduce=None,
                     reduction="mean"):
    """exp(input) - target * input (or input - target * log(input + eps)), plus Stirling's term where target > 1
    with full=True: ATen's composite."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not a valid value for reduction")
    log_input = bool_arg("poisson_nll_loss", log_input, "log_input", 3)   # (ATen's parser, after the reduction)
    full = bool_arg("poisson_nll_loss", full, "full", 4)
    eps = float_arg("poisson_nll_loss", eps, "eps", 5)
    loss = input.exp() - target * input if log_input else input - target * (input + eps).log()
    if full:
        stirling = target * target.log() - target + (2 * math.pi * target).log() * 0.5
        loss = loss + stirling.masked_fill(target <= 1, 0)
    return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss

def embedding_renorm_(weight, idx, max_norm, norm_type):
    """ATen's embedding_renorm_, as F.embedding / embedding_bag run it (without recording) before the lookup: each
    row looked up whose norm exceeds max_norm is scaled in place by max_norm / (norm + 1e-7)."""
    rows = weight._data.shape[0]
    if not dtypes.is_float_np(weight._data.dtype):   # (ATen's row.norm(norm_type): at::norm's check)
        raise RuntimeError("norm(): input dtype should be either floating point or complex. Got "
                           f"{dtypes.scalar_name(weight._data.dtype)} instead.")
    with _no_grad():
        for i in np.unique(np.asarray(idx).reshape(-1)):   # (in ascending order, as ATen's sorted indices)
            if not -rows <= i < rows:
                raise IndexError(f"select(): index {i} out of range for tensor of size {list(weight.shape)} at "
                                 "dimension 0")
            norm = weight[int(i)].norm(norm_type).item()
            if norm > max_norm:   # row *= scale: the double scale is rounded to the weight's dtype first
                weight._data[i] *= np.asarray(max_norm / (norm + 1e-7), weight._data.dtype)
    weight._vbox[0] += 1   # one in-place op on the weight, whether or not a row changed
    return weight


def embedding_renorm_checked(weight, indices, max_norm, norm_type):
    """torch.embedding_renorm_ as F.embedding calls it: PyTorch's parser on its arguments, then ATen's checks of
    the weight's dims and the indices' dtype, then embedding_renorm_."""
    for i, (name, value) in enumerate((("input", weight), ("indices", indices)), 1):
        tensor_arg("embedding_renorm_", value, name, i)
    for i, (name, value) in enumerate((("max_norm", max_norm), ("norm_type", norm_type)), 3):
        float_arg("embedding_renorm_", value, name, i)
    if weight.ndim != 2:
        raise RuntimeError(f"Expected 2-dimensional tensor, but got {weight.ndim}-dimensional tensor for argument #1 "
                           "'self' (while checking arguments for embedding_renorm_)")
    index_dtype("embedding_renorm_", indices, 2)
    return embedding_renorm_(weight, indices._data, float(max_norm), float(norm_type))


def embedding_bag(input, weight, offsets=None, max_norm=None, norm_type=2, scale_grad_by_freq=False, mode="mean",
                  sparse=False, per_sample_weights=None, include_last_offset=False, padding_idx=None):
    """Each bag's embeddings reduced (sum, mean or max): bags are the rows of a 2-d input, or the slices of a 1-d
    input that offsets start (EmbeddingBagBackward0); padding_idx's entries are left out of every bag."""
    if isinstance(weight, Tensor) and isinstance(input, Tensor) and weight.dtype == dtypes.int64 \
            and input.is_floating_point():
        warnings.warn("Argument order of nn.functional.embedding_bag was changed. Usage `embedding_bag(weight, "
                      "input, ...)` is deprecated, and should now be `embedding_bag(input, weight, ...)`.",
                      stacklevel=2)
        weight, input = input, weight
    if weight.ndim != 2:
        raise ValueError(f"weight has to be a 2D Tensor, but got Tensor of dimension {weight.ndim}")
    if mode not in ("sum", "mean", "max"):
        raise ValueError("mode has to be one of sum, mean or max")
    if per_sample_weights is not None and tuple(per_sample_weights.shape) != tuple(input.shape):
        raise ValueError(f"embedding_bag: If per_sample_weights ({per_sample_weights.shape}) is not None, "
                         f"then it must have the same shape as the input ({input.shape})")
    if per_sample_weights is not None and mode != "sum":
        raise NotImplementedError(f"embedding_bag: per_sample_weights was not None. per_sample_weights is only "
                                  f"supported for mode='sum' (got mode='{mode}'). Please open a feature request on "
                                  "GitHub.")
    idx = input._data.astype(np.int64)
    end = idx.size   # (where the last bag ends)
    if input.ndim == 2:
        if offsets is not None:
            raise ValueError(f"if input is 2D, then offsets has to be None, as input is treated is a mini-batch of "
                             f"fixed length sequences. However, found offsets of type {type(offsets)}")
        if input._data.dtype == np.bool_:   # (PyTorch makes the offsets with arange in the input's dtype)
            raise NotImplementedError('"arange_cpu" not implemented for \'Bool\'')
        n_bags, per = idx.shape
        bounds = np.arange(n_bags + 1) * per
        bag = np.repeat(np.arange(n_bags), per)
        idx = idx.reshape(-1)
        if per_sample_weights is not None:   # (flattened as the input: a ViewBackward0 before the bag's node)
            per_sample_weights = per_sample_weights.reshape(-1)
    elif input.ndim == 1:
        if offsets is None:
            raise ValueError("offsets has to be a 1D Tensor but got None")
        if offsets.ndim != 1:
            raise ValueError("offsets has to be a 1D Tensor")
        starts = offsets._data.astype(np.int64)
        bounds = starts if include_last_offset else np.append(starts, idx.size)   # (fbgemm's offsets)
        if include_last_offset:   # (the last offset ends the last bag: the indices after it are in none)
            starts, end = starts[:-1], (min(int(starts[-1]), idx.size) if starts.size else idx.size)
        n_bags = starts.size
        bag = offset2bag(starts, idx.size)
    else:
        raise ValueError(f"input has to be 1D or 2D Tensor, but got Tensor of dimension {input.ndim}")
    if mode == "max" and scale_grad_by_freq:
        raise ValueError("max mode does not support scaling the gradient by the frequency")
    if mode == "max" and sparse:
        raise ValueError("max mode does not support sparse weights")
    rows = weight.shape[0]
    if padding_idx is not None and not -rows <= padding_idx < rows:   # (ATen's embedding_bag, before its kernel's)
        raise RuntimeError(f"padding_idx must be within the number of embeddings, -{rows} through {rows - 1}, but "
                           f"got {padding_idx}")
    if input.ndim == 1:   # (ATen takes the indices and the offsets in their common dtype)
        common = dtypes.result_type((input, offsets))
        index_dtype("embedding_bag", input if common == input.dtype else input.to(common))
        check_offsets(offsets, idx.size, common)
    else:
        index_dtype("embedding_bag", input)
    if per_sample_weights is not None and per_sample_weights._data.dtype != weight._data.dtype:
        raise RuntimeError(f"Expected tensor for argument #1 'weight' to have the same type as tensor for argument "
                           f"#1 'per_sample_weights'; but type {dtypes.type_string(weight._data.dtype)} does not "
                           f"equal {dtypes.type_string(per_sample_weights._data.dtype)} (while checking arguments "
                           "for embedding_bag)")
    pos = np.arange(idx.size)
    counted = bag   # (the bags a mean divides by)
    # include_last_offset with indices after the last offset: ATen's float32 sum / mean kernel stops at the last
    # offset (a mean still divides by the count up to the input's end); its other kernels (float64, padding_idx,
    # max) take them into the last bag. per_sample_weights' gradient covers them either way.
    fast = weight._data.dtype in (np.float32, np.float16) and padding_idx is None and mode != "max"
    every = idx, bag, pos
    if end < idx.size and fast:
        idx, bag, pos = idx[:end], bag[:end], pos[:end]
    if input.ndim == 1 and (mode != "sum" or not fast) and ((starts < 0) | (starts > every[0].size)).any():
        raise IndexError("index out of range in self")   # (offset2bag's index_add_ of ones at the offsets)
    check_indices(every[0], weight, mode, bounds if fast else None)
    if max_norm is not None:
        embedding_renorm_(weight, idx, max_norm, norm_type)
    full = every[0]   # (the indices the backward sees, padding_idx's too: scale_grad_by_freq counts them)
    if padding_idx is not None:
        if padding_idx < 0:
            padding_idx += weight.shape[0]
        keep = idx != padding_idx
        idx, bag, pos = idx[keep], bag[keep], pos[keep]
        counted = bag
        every = tuple(a[every[0] != padding_idx] for a in every)
    dtype = weight._data.dtype
    sizes = None
    if mode == "mean":
        counts = np.bincount(counted, minlength=n_bags)
        sizes = np.maximum(counts, 1)[bag]
        scale = (1 / sizes).astype(dtype)
    elif per_sample_weights is None:
        scale = np.ones(idx.size, dtype)
    else:
        scale = per_sample_weights._data.reshape(-1)[pos].astype(dtype)
    rows = []
    data = _embedding_bag_data(weight._data, idx, bag, n_bags, mode, scale, rows, fast)
    # per_sample_weights is an input of the node (its gradient, in sum mode); without it a constant stands in
    psw, psw_grad = (0, None) if per_sample_weights is None else \
        (per_sample_weights, every + (tuple(per_sample_weights.shape),))
    by_freq = freq_scale(full, idx, scale, sizes) if scale_grad_by_freq else None
    order = None
    if padding_idx is not None and idx.size != full.size:   # (ATen sorts every index, padding_idx's too)
        kept = full != padding_idx
        ranks = np.cumsum(kept) - 1
        everything = aten_sort_order(full)
        order = ranks[everything[kept[everything]]]
    return apply(OPS["_embedding_bag"], (weight, psw), idx, bag, n_bags, mode, scale, rows[0] if rows else None,
                 tuple(weight.shape), bool(sparse), psw_grad, by_freq, order, data=data)


def adaptive_max_pool1d(input, output_size, return_indices=False):
    """adaptive_max_pool2d over the input unsqueezed at -2, squeezed back (SqueezeBackward1 on top, as PyTorch)."""
    size = FP.one_int("adaptive_max_pool1d", output_size)
    _check_1d("adaptive_max_pool1d", input)
    FP.empty_plane("adaptive_max_pool1d", input, range(1, input.ndim))
    out = FP.adaptive_max_pool2d(input.unsqueeze(-2), (1, size), return_indices)
    if return_indices:
        return out[0].squeeze(-2), out[1].squeeze(-2)
    return out.squeeze(-2)


def max_pool1d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    """max_pool1d's (output, indices) whatever return_indices says (the function F.max_pool1d dispatches to)."""
    return max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


def adaptive_max_pool1d_with_indices(input, output_size, return_indices=False):
    """adaptive_max_pool1d's (output, indices) whatever return_indices says."""
    return adaptive_max_pool1d(input, output_size, True)
