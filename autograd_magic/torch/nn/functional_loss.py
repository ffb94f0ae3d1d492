"""torch.nn.functional losses composed of recorded ops as PyTorch composes them (kl_div)."""
import warnings

from ...engine import autocast as _ac
from ...engine import dtypes
from ...engine import functions as F
from ._args import bool_arg


def _reduction(size_average, reduce, reduction):
    """The reduction of a loss whose PyTorch Python reads it with _Reduction.get_enum (or legacy_get_enum)."""
    if size_average is None and reduce is None:
        return _get_enum(reduction)
    return _legacy_reduction(size_average, reduce, 4)


def _get_enum(reduction):
    """PyTorch's _Reduction.get_enum, as a name: the old 'elementwise_mean' is 'mean', with its warning."""
    if reduction == "elementwise_mean":
        warnings.warn("reduction='elementwise_mean' is deprecated. Please use reduction='mean' instead.")
        return "mean"
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return reduction


def _legacy_reduction(size_average, reduce, stacklevel=3):
    """PyTorch's _Reduction.legacy_get_string: the old size_average/reduce flags as a reduction."""
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    ret = "mean" if size_average and reduce else "sum" if reduce else "none"
    warnings.warn(f"size_average and reduce args will be deprecated, please use reduction='{ret}' instead.",
                  stacklevel=stacklevel)
    return ret


def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    """The pointwise KL divergence target * (log target - input) (input holds log-probabilities), recorded as
    ATen's composite: xlogy(target, target) - target * input, or exp(target) * (target - input) with log_target."""
    if _ac.CPU.dtype is not None:   # PyTorch's autocast computes this loss in float32 (engine/autocast.py)
        input, target = _ac.fp32(input, target)
    if size_average is not None or reduce is not None:
        red = _legacy_reduction(size_average, reduce)
    else:
        if reduction == "mean":
            warnings.warn("reduction: 'mean' divides the total loss by both the batch size and the support size."
                          "'batchmean' divides only by the batch size, and aligns with the KL div math definition."
                          "'mean' will be changed to behave the same as 'batchmean' in the next major release.",
                          stacklevel=2)
        red = "sum" if reduction == "batchmean" else _get_enum(reduction)
    log_target = bool_arg("kl_div", log_target, "log_target")   # (passed by keyword to ATen's kl_div)
    if not dtypes.is_float_np(input._data.dtype) or not dtypes.is_float_np(target._data.dtype):
        raise RuntimeError("kl_div: Integral inputs not supported.")
    if log_target:
        out = target.exp() * (target - input)
    else:
        # ATen's composite is `at::xlogy(target, target) - target * input`, whose right operand GCC builds first:
        # MulBackward0 is the older node, so backward adds target's gradients from xlogy before the product's
        cross = target * input
        out = F.xlogy(target, target) - cross
    out = out.mean() if red == "mean" else out.sum() if red == "sum" else out
    if reduction == "batchmean" and input.ndim != 0:
        out = out / input.shape[0]
    return out
