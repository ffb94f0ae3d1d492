"""torch.nn.functional's 2-d and 3-d poolings (max, average, adaptive average, adaptive max), one function per kind
over nd = 2 or 3 spatial dims, checked with PyTorch's messages (re-exported by functional.py)."""
import numpy as np

from ...engine import dtypes, memory_format as _formats
from ...engine.arg_parser import parsed
from ...engine.function_signatures import SIGNATURES
from ...engine.ops_pool import adaptive_max_with_indices, max_pool_with_indices, pool_geometry
from ...engine.optable import OPS
from ...engine.tensor import Tensor
from ...engine.tensor_base import apply
from ._args import int_list, tensor_arg, type_name
from .functional_conv import _tuple


def _check_window(nd, stride, pad, dil, what):
    """ATen's pooling parameter checks (pool2d_shape_check and the pooling functions' own)."""
    if 0 in stride:
        raise RuntimeError("stride should not be zero")
    names = ("T", "H", "W")[-nd:]
    if min(stride) < 0:
        raise RuntimeError("stride should be greater than zero, but got "
                           + " ".join(f"d{n}: {s}" for n, s in zip(names, stride)))
    if what == "max" and min(dil) <= 0:
        raise RuntimeError("dilation should be greater than zero, but got "
                           + " ".join(f"dilation{n}: {d}" for n, d in zip(names, dil)))
    if min(pad) < 0:
        raise RuntimeError(f"pad must be non-negative, but got pad: {min(pad)}")


def _wrong_pool_input(nd, input, what):
    """The error PyTorch's pooling kernel of this kind gives for an input of the wrong rank (or empty)."""
    sizes = ", ".join(map(str, input.shape))
    optional = f"(batch mode) tensor with optional 0 dim batch size for input, but got:[{sizes}]"
    right_rank = input.ndim in (nd + 1, nd + 2)
    if nd == 2 and what == "avg" and input.ndim < 3:   # (it reads the size of dim -3 first)
        raise IndexError(f"Dimension out of range (expected to be in range of [{-input.ndim}, {input.ndim - 1}], "
                         "but got -3)")
    if nd == 2 and (what == "avg" or right_rank):
        raise RuntimeError(f"Expected 3D or 4D {optional}")
    raise RuntimeError(f"non-empty {nd + 1}D or {nd + 2}D (batch mode) tensor expected for input")


def kernel_dtype(kernel, input, longs=False, halves=True):
    """The NotImplementedError of a CPU kernel that takes the floating dtypes (float16 and bfloat16 if halves) and,
    if longs, int64, when input is of another dtype."""
    dt = input._data.dtype
    if dtypes.is_float_np(dt) and (halves or dt in (np.float32, np.float64)) or longs and dt == np.int64:
        return
    raise NotImplementedError(f'"{kernel}" not implemented for \'{dtypes.scalar_name(dt)}\'')


def _empty_window_input(nd, input, what):
    """ATen's check that the dims after the batch dim are not empty (the batch dim of a batched input may be 0)."""
    shape = tuple(input.shape)
    if 0 not in shape[-nd - 1:]:
        return
    if nd == 2:
        _wrong_pool_input(nd, input, what)
    name = "max_pool3d_with_indices_out_cpu_template()" if what == "max" else "avg_pool3d()"
    # (ATen's text gives the empty dim's length, 0, where its index was meant)
    raise RuntimeError(f"{name}: Expected input's non-batch dimensions to have positive length, but input has a "
                       f"shape of [{', '.join(map(str, shape))}] and non-batch dimension 0 has length zero!")


def _check_lengths(nd, what, kernel_size, stride, padding, dilation):
    """ATen's first checks of a pooling's arguments: each one number or nd of them (stride also none), before the
    input is looked at; avg_pool3d words them without "either"."""
    name, count = f"{what}_pool{nd}d", ("two", "three")[nd - 2]
    either = "" if name == "avg_pool3d" else "either "
    for arg, value, omitted in (("kernel_size", kernel_size, False), ("stride", stride, True),
                                ("padding", padding, False), ("dilation", dilation, False)):
        if isinstance(value, (list, tuple)) and len(value) not in ((0, 1, nd) if omitted else (1, nd)):
            if arg == "dilation":
                raise RuntimeError(f"{name}: dilation must be either a single int, or a tuple of {count} ints")
            raise RuntimeError(f"{name}: {arg} must {either}be {'omitted, ' if omitted else ''}a single int, or a "
                               f"tuple of {count} ints")


def _pool_args(nd, input, kernel_size, stride, padding, dilation, ceil_mode, what):
    _check_lengths(nd, what, kernel_size, stride, padding, dilation)
    if input.ndim not in (nd + 1, nd + 2):
        _wrong_pool_input(nd, input, what)
    _empty_window_input(nd, input, what)
    kernel = _tuple(kernel_size, nd)
    stride = kernel if stride is None or (isinstance(stride, (list, tuple)) and not stride) else _tuple(stride, nd)
    pad, dil = _tuple(padding, nd), _tuple(dilation, nd)
    _check_window(nd, stride, pad, dil, what)
    for i in range(nd):
        if pad[i] > (dil[i] * (kernel[i] - 1) + 1) // 2:
            raise RuntimeError(f"pad should be at most half of effective kernel size, but got pad={pad[i]}, "
                               f"kernel_size={kernel[i]} and dilation={dil[i]}")
    size = tuple(input.shape[-nd:])
    if nd == 3 and what == "avg" and any(size[i] < kernel[i] for i in range(3)):
        raise RuntimeError(f"input image (T: {size[0]} H: {size[1]} W: {size[2]}) smaller than kernel size "
                           f"(kT: {kernel[0]} kH: {kernel[1]} kW: {kernel[2]})")
    out, _ = pool_geometry(size, kernel, stride, pad, dil, ceil_mode)
    if min(out) < 1:
        c = input.shape[-nd - 1]
        raise RuntimeError(f"Given input size: ({'x'.join(map(str, (c,) + size))}). Calculated output size: "
                           f"({'x'.join(map(str, (c,) + out))}). Output size is too small")
    return (kernel, stride, pad, dil, bool(ceil_mode), out)


def _arguments_only(*args):   # (the parser's check is all: the pooling runs after it)
    return None


# F.max_poolNd calls torch.max_poolNd (or max_poolNd_with_indices) with its arguments in order: that parser's
# TypeErrors, each argument named by its position (a float or None kernel_size, stride=2.0, ceil_mode=1)
MAX_POOL_PARSERS = {name + tail: parsed(_arguments_only, name + tail, SIGNATURES[name], method=False)
                    for name in ("max_pool1d", "max_pool2d", "max_pool3d") for tail in ("", "_with_indices")}


def _max_pool(nd, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices):
    if not isinstance(input, Tensor) and nd == 3 and return_indices:   # (PyTorch's Python asks input.is_cuda)
        raise AttributeError(f"'{type_name(input)}' object has no attribute 'is_cuda'")
    name = f"max_pool{nd}d" + ("_with_indices" if return_indices else "")
    tensor_arg(name, input)
    MAX_POOL_PARSERS[name](input, kernel_size, stride, padding, dilation, ceil_mode)
    cfg = _pool_args(nd, input, kernel_size, stride, padding, dilation, ceil_mode, "max")
    if input._data.dtype == np.bool_:
        kernel_dtype(f"max_pool{nd}d", input)
    values, indices = max_pool_with_indices(input._data, cfg)
    out = apply(OPS[f"max_pool{nd}d"], (input,), cfg, indices, tuple(input.shape), data=values)
    if return_indices:   # (laid out as the values: channels-last for a channels-last input)
        return out, Tensor._wrap(_formats.as_laid_out_as(indices, out._data, np.int64) if not out._data.flags.c_contiguous
                                 else indices.astype(np.int64))
    return out


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """The maximum of each window (MaxPool2DWithIndicesBackward0); return_indices also gives each maximum's index
    within its plane's H*W elements."""
    return _max_pool(2, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


def max_pool3d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """The maximum of each window over (N, C, D, H, W) (MaxPool3DWithIndicesBackward0); return_indices also gives
    each maximum's index within its volume's D*H*W elements."""
    return _max_pool(3, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


def max_pool2d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    """max_pool2d's (output, indices) whatever return_indices says (the function F.max_pool2d dispatches to)."""
    return _max_pool(2, input, kernel_size, stride, padding, dilation, ceil_mode, True)


def max_pool3d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    """max_pool3d's (output, indices) whatever return_indices says."""
    return _max_pool(3, input, kernel_size, stride, padding, dilation, ceil_mode, True)


def _avg_pool(nd, input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override):
    tensor_arg(f"avg_pool{nd}d", input)
    cfg = _pool_args(nd, input, kernel_size, stride, padding, 1, ceil_mode, "avg")
    if divisor_override is not None and divisor_override == 0:
        raise RuntimeError("divisor must be not zero")
    if nd == 2:
        kernel_dtype("avg_pool2d", input, longs=True)
    else:
        kernel_dtype("avg_pool3d_out_frame", input, longs=True, halves=False)
    out = apply(OPS[f"avg_pool{nd}d"], (input,), cfg, bool(count_include_pad), divisor_override,
                tuple(input.shape))
    if input._data.dtype == np.int64:   # the int64 kernel divides the window's sum in integers (rounds toward 0)
        return Tensor._wrap(np.trunc(out._data).astype(np.int64))
    return out


def _avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                divisor_override=None):
    """The mean of each window (AvgPool2DBackward0)."""
    return _avg_pool(2, input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)


def _avg_pool3d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                divisor_override=None):
    """The mean of each window over (N, C, D, H, W) (AvgPool3DBackward0)."""
    return _avg_pool(3, input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)


# F.avg_pool2d / 3d are ATen's functions themselves: their parser first (a float kernel_size, padding=0.0:
# TypeErrors, by position where given by position), then ATen's checks
avg_pool2d = parsed(_avg_pool2d, "avg_pool2d", SIGNATURES["avg_pool2d"], method=False)
avg_pool3d = parsed(_avg_pool3d, "avg_pool3d", SIGNATURES["avg_pool3d"], method=False)


def _adaptive_size(nd, input, output_size, name):
    """output_size as PyTorch's Python passes it on (_list_with_default: an int as it is, anything else by its
    len(), None keeping that dim's size, which needs an input of more dims), then parsed as ATen's int[]."""
    if isinstance(output_size, int):
        if output_size.__class__ is bool:
            raise TypeError(f"{name}(): argument 'output_size' (position 2) must be tuple of ints, not bool")
        return (output_size,) * nd
    n = len(output_size)     # (a float: Python's "object of type 'float' has no len()", as in PyTorch)
    if input.ndim <= n:
        raise ValueError(f"Input dimension should be at least {n + 1}")
    size = tuple(input.shape[input.ndim - n:])
    return int_list(name, [size[i] if v is None else v for i, v in enumerate(output_size)], "output_size")


def one_int(name, value, arg="output_size"):
    """An int[1] argument of a 1-d pool (ATen's parser): an int, or a sequence of one."""
    if isinstance(value, (tuple, list)):
        got = int_list(name, value, arg)
        if len(got) != 1:
            raise RuntimeError(f"{name}() argument '{arg}' should contain one int (got {len(got)})")
        return got[0]
    if isinstance(value, (int, np.integer)) and value.__class__ is not bool:
        return int(value)
    raise TypeError(f"{name}(): argument '{arg}' (position 2) must be tuple of ints, not {type_name(value)}")


def empty_plane(name, input, dims):
    for i in dims:
        if input.shape[i] == 0:
            raise RuntimeError(f"{name}(): Expected input to have non-zero size for non-batch dimensions, but input "
                               f"has sizes {list(input.shape)} with dimension {i} being empty")


def _adaptive_avg(nd, input, output_size):
    """ATen's adaptive_avg_pool{nd}d: output size 1 is a mean over the last nd dims (MeanBackward1), whatever the
    input's rank; otherwise the kernel's checks of rank, empty dims and dtype."""
    name = f"adaptive_avg_pool{nd}d"
    out = _adaptive_size(nd, input, output_size, name)
    if len(out) != nd:
        raise RuntimeError(f"{name}: output_size must be {nd}")
    if min(out) < 0:
        received = f"{out[0]}, {out[1]}" + (f",{out[2]}" if nd == 3 else "")   # (ATen's spacing)
        raise RuntimeError(f"{name}: elements of output_size must be greater than or equal to 0 but received "
                           f"{{{received}}}")
    if out == (1,) * nd:
        return input.mean(tuple(range(-1, -nd - 1, -1)), keepdim=True)
    if input.ndim not in (nd + 1, nd + 2):
        raise RuntimeError(f"{name}(): Expected {nd + 1}D or {nd + 2}D tensor, but got {list(input.shape)}")
    empty_plane(name, input, range(input.ndim - nd, input.ndim) if nd == 2 else range(1, input.ndim))
    kernel_dtype(name if nd == 2 else "adaptive_avg_pool3d_cpu", input)
    return apply(OPS[name], (input,), out, tuple(input.shape))


def adaptive_avg_pool2d(input, output_size):
    """Means over PyTorch's adaptive bins; output size 1 is a mean over the last two dims (MeanBackward1)."""
    return _adaptive_avg(2, input, output_size)


def adaptive_avg_pool3d(input, output_size):
    """Means over PyTorch's adaptive bins of (N, C, D, H, W); output size 1 is a mean (MeanBackward1)."""
    return _adaptive_avg(3, input, output_size)


def _adaptive_max(nd, input, output_size, return_indices):
    name = f"adaptive_max_pool{nd}d"
    out = _adaptive_size(nd, input, output_size, name)
    if input.ndim not in (nd + 1, nd + 2):
        raise RuntimeError(f"{name}(): Expected {nd + 1}D or {nd + 2}D tensor, but got: {list(input.shape)}")
    empty_plane(name, input, range(1, input.ndim))
    if len(out) != nd:
        raise RuntimeError(f"{name}(): internal error: output_size.size() must be {nd}")
    if min(out) < 0:
        shape = list(input.shape[:-nd]) + list(out)
        raise RuntimeError(f"Trying to create tensor with negative dimension {min(out)}: {shape}")
    kernel_dtype(name if nd == 2 else "adaptive_max_pool3d_cpu", input)
    values, indices = adaptive_max_with_indices(input._data, out)
    result = apply(OPS[name], (input,), out, indices, tuple(input.shape), data=values)
    if return_indices and not result._data.flags.c_contiguous:
        indices = _formats.as_laid_out_as(indices, result._data, indices.dtype)
    return (result, Tensor._wrap(indices)) if return_indices else result


def adaptive_max_pool2d(input, output_size, return_indices=False):
    """The maximum over each of PyTorch's adaptive bins (AdaptiveMaxPool2DBackward0); return_indices gives each
    maximum's index within its plane's H*W elements."""
    return _adaptive_max(2, input, output_size, return_indices)


def adaptive_max_pool3d(input, output_size, return_indices=False):
    """The maximum over each adaptive bin of (N, C, D, H, W) (AdaptiveMaxPool3DBackward0)."""
    return _adaptive_max(3, input, output_size, return_indices)


def adaptive_max_pool2d_with_indices(input, output_size, return_indices=False):
    """adaptive_max_pool2d's (output, indices) whatever return_indices says."""
    return adaptive_max_pool2d(input, output_size, True)


def adaptive_max_pool3d_with_indices(input, output_size, return_indices=False):
    """adaptive_max_pool3d's (output, indices) whatever return_indices says."""
    return adaptive_max_pool3d(input, output_size, True)
