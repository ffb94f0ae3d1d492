"""torch.nn.functional's convolution (1-d, 2-d, 3-d), normalisation and channel dropout (re-exported by
functional.py; the poolings are in functional_pool.py)."""
import warnings

import numpy as np

from ...engine import dtypes, onednn_kernels, softmax_dims
from ...engine.arg_parser import parsed
from ...engine.argcheck import user_level
from ...engine.function_signatures import SIGNATURES
from ...engine.ops_norm import batch_norm_stats
from ...engine.optable import OPS
from ...engine.tensor import Tensor
from ...engine.tensor_base import apply, warn_once
from ._args import not_differentiable as _not_differentiable, tensor_arg



def _tuple(v, n, name=None):
    if isinstance(v, (list, tuple)):
        if len(v) == 1 and n > 1:
            return tuple(v) * n
        if len(v) != n and name:
            raise RuntimeError(f"expected {name} to be a single integer value or a list of {n} values to match the "
                               f"convolution dimensions, but got {name}={list(v)}")
        return tuple(int(i) for i in v)
    return (int(v),) * n


def _sizes(shape):
    return ", ".join(str(int(n)) for n in shape)   # (a bool after the first of a list is an int to PyTorch)


# ---------------------------------------------------------------- convolution


def _check_dims(input, weight, groups, params, nd):
    """ATen's first checks of a convolution (_convolution): the weight's dims give the number of spatial dims,
    each of params ((name, value), in ATen's order; an int counts as nd values, as the argument parser makes it)
    must be one value or that many; then the input must have the weight's dims."""
    k = weight.ndim
    if k < 3:
        raise RuntimeError("weight should have at least three dimensions")
    if groups <= 0:
        raise RuntimeError("non-positive groups is not supported")
    for name, v in params:
        v = list(v) if isinstance(v, (list, tuple)) else [v] * nd
        if len(v) != 1 and len(v) != k - 2:
            raise RuntimeError(f"expected {name} to be a single integer value or a list of {k - 2} values to match "
                               f"the convolution dimensions, but got {name}=[{_sizes(v)}]")
    if input.ndim != k:
        raise RuntimeError(f"Expected {k}-dimensional input for {k}-dimensional weight [{_sizes(weight.shape)}], but "
                           f"got {input.ndim}-dimensional input of size [{_sizes(input.shape)}] instead")


def _check_same_dims(input, weight, groups, stride, dilation, nd):
    """The same checks on the way of padding='same' (ATen's _convolution_same, its messages)."""
    k = weight.ndim
    if k < 3:
        raise RuntimeError("weight should have at least three dimensions")
    if groups <= 0:
        raise RuntimeError("non-positive groups is not supported")
    if input.ndim != k:
        raise RuntimeError(f"Expected {k}-dimensional input for {k}-dimensional weight[{_sizes(weight.shape)}], but "
                           f"got {input.ndim}-dimensional input of size [{_sizes(input.shape)}] instead")
    for name, v in (("stride", stride), ("dilation", dilation)):
        if isinstance(v, (list, tuple)) and len(v) not in (1, k - 2):
            raise RuntimeError(f"{name} cannot broadcast to {k - 2} dimensions")


def _check_params(nd, padding, stride, dilation, output_padding=None):
    """ATen's checks of a convolution's parameters, in its order (convolution's check_shape_forward)."""
    if min(padding) < 0:
        raise RuntimeError("negative padding is not supported")
    if output_padding is not None and min(output_padding) < 0:
        raise RuntimeError("negative output_padding is not supported")
    if min(stride) <= 0:
        raise RuntimeError("non-positive stride is not supported")
    if min(dilation) < 0:
        raise RuntimeError("dilation should be greater than zero")


def _check_zero_dilation(nd, dilation, transposed, mkldnn):
    """A dilation of 0 passes ATen's common checks; the kernel ATen picks refuses it: the slow kernels' shape check
    (before their dtype check), or mkldnn's (after its dtype check: call with mkldnn once that one passed)."""
    if min(dilation) != 0:
        return
    if mkldnn:
        if not transposed:
            raise RuntimeError("non-positive dilation is not supported")
        raise RuntimeError("dimensions are invalid" if nd == 3 else "could not create a primitive descriptor for "
                           "the deconvolution forward propagation primitive. Run workload with environment variable "
                           "ONEDNN_VERBOSE=all to get additional diagnostic information.")
    shown = (1,) + tuple(dilation) if nd == 1 else tuple(dilation)   # 1-d runs as a 2-d convolution
    if transposed:
        raise RuntimeError("dilation should be greater than zero, but got " + ", ".join(
            f"dilation_{n}: {d}" for n, d in zip(("depth", "height", "width")[-len(shown):], shown)))
    raise RuntimeError(f"dilation should be greater than zero, but got [{_sizes(shown)}]")


def _mkldnn_backend(input, weight, stride, dilation, groups, output_padding=None):
    """Does ATen run this convolution with mkldnn (ConvUtils use_mkldnn: a float32 input by its shape, the half
    types where oneDNN takes them; never a transposed one whose output_padding reaches its stride)?"""
    if output_padding is not None and any(op >= st for op, st in zip(output_padding, stride)):
        return False
    dt = input._data.dtype
    return ((dt == dtypes.BF16_NP and onednn_kernels.takes_half("bfloat16")) or
            (dt == np.float16 and onednn_kernels.takes_half("float16")) or
            (dt == np.float32 and _uses_mkldnn(input, weight, stride, dilation, groups)))


def _uses_mkldnn(input, weight, stride, dilation, groups):
    """ATen's choice of the mkldnn backend for a float32 input (ConvUtils use_mkldnn; a 1-d convolution runs as a
    2-d one of height 1)."""
    shape = tuple(input.shape) if input.ndim > 3 else (input.shape[0], input.shape[1], 1, input.shape[2])
    kh, kw = (weight.shape[-2] if weight.ndim > 3 else 1), weight.shape[-1]
    busy = (any(s != 1 for s in stride) or any(d != 1 for d in dilation) or shape[0] >= 16 or kw != 1 or kh != 1
            or softmax_dims.threads() > 1)
    return busy and (groups > 1 or (kw > 3 and kh > 3) or shape[0] > 1
                     or shape[0] * shape[1] * shape[2] * shape[3] > 20480)


def _check_weight_dtype(input, weight, nd, transposed, stride, dilation, groups):
    """ATen's dtype checks of a convolution's input against its weight, by the kernel that meets them: the
    mkldnn check (half-precision inputs where oneDNN takes them on this processor, and float32 inputs that ATen
    sends to mkldnn), the slow kernels'
    dispatch for integer transposed convolutions, then the common `expected scalar type` message."""
    dt, wt = input._data.dtype, weight._data.dtype
    if wt == dt:
        return
    if (dt == dtypes.BF16_NP and onednn_kernels.takes_half("bfloat16")) or \
            (dt == np.float16 and onednn_kernels.takes_half("float16")) or \
            (dt == np.float32 and _uses_mkldnn(input, weight, stride, dilation, groups)):
        shown = dtypes.type_string(dt)
        raise RuntimeError(f"Input type ({shown}) and weight type ({dtypes.type_string(wt)}) should "
                           "be the same or input should be a MKLDNN tensor and weight is a dense tensor")
    if dt == np.bool_ and not transposed:
        kernel = "compute_columns3d" if nd == 3 else "slow_conv2d_cpu"
        raise NotImplementedError(f'"{kernel}" not implemented for \'Bool\'')
    if transposed and (dt == np.bool_ or (dt.kind in "iu" and dt != np.int64)):
        raise NotImplementedError(f'"slow_conv_transpose{max(nd, 2)}d_out_cpu" not implemented for '
                                  f"'{dtypes.scalar_name(dt)}'")
    raise RuntimeError(f"expected scalar type {dtypes.scalar_name(dt)} but found {dtypes.scalar_name(wt)}")


def _check_groups(w_shape, groups):
    """ATen's check_shape_forward: the weight's dim 0 against the groups, for a convolution and a transposed one."""
    if w_shape[0] < groups:
        raise RuntimeError(f"Given groups={groups}, expected weight to be at least {groups} at dimension 0, but got "
                           f"weight of size [{_sizes(w_shape)}] instead")
    if w_shape[0] % groups:   # (ATen's message prints the sizes' own brackets inside its [])
        raise RuntimeError(f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but "
                           f"got weight of size [[{_sizes(w_shape)}]] instead")


def _check_shape_forward(nd, in_shape, w_shape, groups, lo, hi, stride, dilation):
    """ATen's check_shape_forward after the dims (also convolution_backward's, torch.nn.grad): the parameters,
    the groups against the weight, the input's channels, the kernel against the padded input."""
    _check_params(nd, lo, stride, dilation)
    _check_groups(w_shape, groups)
    if in_shape[1] != w_shape[1] * groups:
        raise RuntimeError(f"Given groups={groups}, weight of size [{_sizes(w_shape)}], expected "
                           f"input[{_sizes(in_shape)}] to have {w_shape[1] * groups} channels, but got "
                           f"{in_shape[1]} channels instead")
    k = w_shape[2:]
    padded = [in_shape[2 + i] + lo[i] + hi[i] for i in range(nd)]
    eff = [dilation[i] * (k[i] - 1) + 1 for i in range(nd)]
    if any(padded[i] < eff[i] for i in range(nd)):
        raise RuntimeError(f"Calculated padded input size per channel: ({' x '.join(map(str, padded))}). Kernel "
                           f"size: ({' x '.join(map(str, eff))}). Kernel size can't be greater than actual input size")


def _conv(nd, input, weight, bias, stride, padding, dilation, groups):
    name = f"conv{nd}d"
    if bias is not None and bias._data.dtype != input._data.dtype:   # ATen checks this before any shape
        raise RuntimeError(f"Input type ({dtypes.c_name(input._data.dtype)}) and bias type "
                           f"({dtypes.c_name(bias._data.dtype)}) should be the same")
    if input.ndim not in (nd + 1, nd + 2):
        raise RuntimeError(f"Expected {nd + 1}D (unbatched) or {nd + 2}D (batched) input to {name}, but got input "
                           f"of size: [{_sizes(input.shape)}]")
    if input.ndim == nd + 1:  # unbatched: as PyTorch, a batch of one (UnsqueezeBackward0 ... SqueezeBackward1)
        return _conv(nd, input.unsqueeze(0), weight, bias, stride, padding, dilation, groups).squeeze(0)
    if isinstance(padding, str) and padding == "same":
        _check_same_dims(input, weight, groups, stride, dilation, nd)
    else:   # ('valid' is padding [0] and output_padding [0])
        valid = isinstance(padding, str)
        _check_dims(input, weight, groups, (("stride", stride), ("padding", [0] if valid else padding),
                                            ("dilation", dilation), ("output_padding", [0] if valid else 0)), nd)
    stride, dilation = _tuple(stride, nd, "stride"), _tuple(dilation, nd, "dilation")
    w_shape = tuple(weight.shape)
    k = w_shape[2:]
    if isinstance(padding, str):
        if padding == "valid":
            lo = hi = (0,) * nd
        elif padding == "same":
            if any(s != 1 for s in stride):
                raise RuntimeError("padding='same' is not supported for strided convolutions")
            total = [dilation[i] * (k[i] - 1) for i in range(nd)]
            if any(t % 2 for t in total):
                warn_once("Using padding='same' with even kernel lengths and odd dilation may require a "   # (ATen's
                          "zero-padded copy of the input be created (Triggered internally at "           # WARN_ONCE)
                          "/__w/pytorch/pytorch/aten/src/ATen/native/Convolution.cpp:1101.)",
                          stacklevel=user_level())
            lo = tuple(t // 2 for t in total)
            hi = tuple(t - t // 2 for t in total)
        else:
            raise RuntimeError(f"Invalid padding string: '{padding}'")
    else:
        lo = hi = _tuple(padding, nd, "padding")
    _check_shape_forward(nd, tuple(input.shape), w_shape, groups, lo, hi, stride, dilation)
    if bias is not None and (bias.ndim != 1 or bias.shape[0] != w_shape[0]):
        raise RuntimeError(f"Given weight of size [{_sizes(w_shape)}], expected bias to be 1-dimensional with "
                           f"{w_shape[0]} elements, but got bias of size [{_sizes(bias.shape)}] instead")
    mkldnn = _mkldnn_backend(input, weight, stride, dilation, groups)
    if not mkldnn:
        _check_zero_dilation(nd, dilation, False, False)
    _check_weight_dtype(input, weight, nd, False, stride, dilation, groups)
    _check_zero_dilation(nd, dilation, False, mkldnn)
    if nd == 1:
        stride, lo, hi, dilation = (1,) + stride, (0,) + lo, (0,) + hi, (1,) + dilation
    cfg = (stride, lo, hi, dilation, groups, nd)
    inputs = (input, weight) if bias is None else (input, weight, bias)
    return apply(OPS["convolution"], inputs, cfg, [])  # [] receives the windows matrix for backward


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """1-d cross-correlation over (N, C, L) (or unbatched (C, L)); padding may be 'same' or 'valid'."""
    return _conv(1, input, weight, bias, stride, padding, dilation, groups)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """2-d cross-correlation over (N, C, H, W) (or unbatched (C, H, W)); padding may be 'same' or 'valid'."""
    return _conv(2, input, weight, bias, stride, padding, dilation, groups)


def conv3d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """3-d cross-correlation over (N, C, D, H, W) (or unbatched (C, D, H, W)); padding may be 'same' or 'valid'."""
    return _conv(3, input, weight, bias, stride, padding, dilation, groups)


# PyTorch's parser reads these arguments first: a float stride or padding (``stride=1.5``, ``padding=(1, 0.5)``),
# a bool, a None padding or a number for bias is its TypeError, never a convolution run with int() of it
for _name in ("conv1d", "conv2d", "conv3d"):
    globals()[_name] = parsed(globals()[_name], _name, SIGNATURES[_name], method=False)


def convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups):
    """torch.convolution: conv1d/2d/3d or conv_transpose1d/2d/3d by the weight's dims."""
    nd = weight.ndim - 2
    _check_dims(input, weight, groups, (("stride", stride), ("padding", padding), ("dilation", dilation),
                                        ("output_padding", output_padding)), 1)
    if transposed:
        return _conv_transpose(nd, input, weight, bias, stride, padding, output_padding, groups, dilation)
    return _conv(nd, input, weight, bias, stride, padding, dilation, groups)


def _conv_transpose(nd, input, weight, bias, stride, padding, output_padding, groups, dilation):
    """The adjoint of a convolution (its input's gradient): out = (in - 1) * stride - 2 * padding +
    dilation * (k - 1) + output_padding + 1 along each spatial dim."""
    if input.ndim not in (nd + 1, nd + 2):
        raise RuntimeError(f"Expected {nd + 1}D (unbatched) or {nd + 2}D (batched) input to conv_transpose{nd}d, "
                           f"but got input of size: [{_sizes(input.shape)}]")
    if input.ndim == nd + 1:
        return _conv_transpose(nd, input.unsqueeze(0), weight, bias, stride, padding, output_padding, groups,
                               dilation).squeeze(0)
    _check_dims(input, weight, groups, (("stride", stride), ("padding", padding), ("dilation", dilation),
                                        ("output_padding", output_padding)), nd)
    stride, dilation = _tuple(stride, nd, "stride"), _tuple(dilation, nd, "dilation")
    padding, output_padding = _tuple(padding, nd, "padding"), _tuple(output_padding, nd, "output_padding")
    _check_params(nd, padding, stride, dilation, output_padding)
    w_shape = tuple(weight.shape)
    _check_groups(w_shape, groups)
    if input.shape[1] != w_shape[0]:
        raise RuntimeError(f"Given transposed=1, weight of size [{_sizes(w_shape)}], expected input"
                           f"[{_sizes(input.shape)}] to have {w_shape[0]} channels, but got {input.shape[1]} "
                           "channels instead")
    # (ATen's common checks end here; the kernel's own follow: the slow one's, or mkldnn's after its dtype check)
    if bias is not None and (bias.ndim != 1 or bias.shape[0] != w_shape[1] * groups):
        raise RuntimeError(f"Given transposed=1, weight of size [{_sizes(w_shape)}], expected bias to be "
                           f"1-dimensional with {w_shape[1] * groups} elements, but got bias of size "
                           f"[{_sizes(bias.shape)}] instead")
    if 0 in input.shape[2:] and input.shape[0] and input.shape[1]:
        raise RuntimeError("Only zero batch or zero channel inputs are supported, but got input shape: "
                           f"[{_sizes(input.shape)}]")
    mkldnn = _mkldnn_backend(input, weight, stride, dilation, groups, output_padding)
    if not mkldnn:
        _check_zero_dilation(nd, dilation, True, False)
    if any(op >= s and op >= d for op, s, d in zip(output_padding, stride, dilation)):
        lead, lead1 = ((0,), (1,)) if nd == 1 else ((), ())   # a 1-d one runs as a 2-d one in ATen (height 1)
        names = ("depth", "height", "width")[3 - nd - len(lead):]
        raise RuntimeError("output padding must be smaller than either stride or dilation, but got "
                           + " ".join(f"output_padding_{n}: {v}" for n, v in zip(names, lead + output_padding)) + " "
                           + " ".join(f"stride_{n}: {v}" for n, v in zip(names, lead1 + stride)) + " "
                           + " ".join(f"dilation_{n}: {v}" for n, v in zip(names, lead1 + dilation)))
    k = w_shape[2:]
    size = [(input.shape[2 + i] - 1) * stride[i] - 2 * padding[i] + dilation[i] * (k[i] - 1) + output_padding[i] + 1
            for i in range(nd)]
    if any(n < 1 for n in size):
        lead = [1] if nd == 1 else []  # a 1-d convolution runs as a 2-d one in ATen
        raise RuntimeError(f"Given input size per channel: ({' x '.join(map(str, lead + list(input.shape[2:])))}). "
                           f"Calculated output size per channel: ({' x '.join(map(str, lead + size))}). Output size "
                           "is too small")
    _check_weight_dtype(input, weight, nd, True, stride, dilation, groups)
    _check_zero_dilation(nd, dilation, True, mkldnn)
    out_shape = (input.shape[0], w_shape[1] * groups) + tuple(size)
    if nd == 1:
        stride, padding, dilation = (1,) + stride, (0,) + padding, (1,) + dilation
    cfg = (stride, padding, padding, dilation, groups, nd)
    inputs = (input, weight) if bias is None else (input, weight, bias)
    return apply(OPS["convolution_transpose"], inputs, cfg, out_shape)


def conv_transpose1d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    """1-d transposed convolution over (N, C_in, L): weight (C_in, C_out / groups, k)."""
    return _conv_transpose(1, input, weight, bias, stride, padding, output_padding, groups, dilation)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    """2-d transposed convolution over (N, C_in, H, W): weight (C_in, C_out / groups, kh, kw)."""
    return _conv_transpose(2, input, weight, bias, stride, padding, output_padding, groups, dilation)


def conv_transpose3d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    """3-d transposed convolution over (N, C_in, D, H, W): weight (C_in, C_out / groups, kd, kh, kw)."""
    return _conv_transpose(3, input, weight, bias, stride, padding, output_padding, groups, dilation)


# ---------------------------------------------------------------- normalisation


for _name in ("conv_transpose1d", "conv_transpose2d", "conv_transpose3d"):
    globals()[_name] = parsed(globals()[_name], _name, SIGNATURES[_name], method=False)


def _check_norm_dtypes(input, *params):
    """ATen's CPU normalisation kernels (check_mixed_data_type): parameters of another dtype than the input are
    allowed only as float32 parameters of a half or bfloat16 input; the first defined one decides."""
    dt = input._data.dtype
    defined = [p._data.dtype for p in params if p is not None]
    if not defined or defined[0] == dt:
        for pt in defined:
            if pt != dt:
                raise RuntimeError(f"expected scalar type {dtypes.scalar_name(dt)} but found {dtypes.scalar_name(pt)}")
        return
    if any(pt != np.float32 for pt in defined):
        raise RuntimeError("mixed dtype (CPU): expect parameter to have scalar type of Float")
    if dt not in (np.float16, dtypes.BF16_NP):
        raise RuntimeError("mixed dtype (CPU): all inputs must share same datatype.")


def _const(value, like, n):
    return Tensor._wrap(np.full((n,), value, like._data.dtype))


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05):
    """Normalise each channel (dim 1) by the batch's statistics (training) or the running ones; in training,
    running_mean/var (when given) move towards the batch's mean and unbiased variance by momentum."""
    c = input.shape[1] if input.ndim > 1 else 0
    dims = (0,) + tuple(range(2, input.ndim))
    count = input.numel() // max(c, 1)
    if training and input.shape[0] * int(np.prod(input.shape[2:])) == 1:   # (PyTorch's _verify_batch_size)
        raise ValueError(f"Expected more than 1 value per channel when training, got input size {input.shape}")
    if input.numel() == 0:   # ATen: a copy (not a view, not a new tensor: the graph goes on) scaled by weight[0]
        out = input.clone()
        if weight is not None:
            out = out * weight.select(0, 0)
        if bias is not None:
            out = out + bias.select(0, 0)
        return out
    if not training:   # (ATen checks this before the sizes and dtypes)
        for name, t in (("running_mean", running_mean), ("running_var", running_var)):
            if t is None:
                raise RuntimeError(f"{name} must be defined in evaluation mode")
    for name, t in (("running_mean", running_mean), ("running_var", running_var), ("weight", weight),
                    ("bias", bias)):
        if t is not None and t.numel() != c:
            raise RuntimeError(f"{name} should contain {c} elements not {t.numel()}")
    for name, t in (("running_mean", running_mean), ("running_var", running_var)):   # (the autograd kernel's)
        _not_differentiable("native_batch_norm", name, t)
    if training and (running_mean is None) != (running_var is None):
        raise ValueError("running_mean and running_var must either both be None or neither be None")
    if not dtypes.is_float_np(input._data.dtype):
        raise NotImplementedError(f'"batch_norm" not implemented for \'{dtypes.scalar_name(input._data.dtype)}\'')
    _check_norm_dtypes(input, weight, bias, running_mean, running_var)
    pshape = (1, c) + (1,) * (input.ndim - 2)
    a = input._data
    if training:
        stats = None
        if running_mean is not None or running_var is not None:
            # ATen's update (batch_norm_cpu_update_stats_template) in the running tensors' dtype, as measured
            # against PyTorch 2.13 (AVX-512): momentum * mean + (1 - momentum) * running_mean with three roundings,
            # 1 - momentum computed from the momentum already rounded to that dtype (a cumulative average's 1/3 gives
            # 1 - float(1/3), not float(2/3)); the variance's momentum * unbiased as one fused multiply-add onto
            # (1 - momentum) * running_var
            mean, _, var_sum = batch_norm_stats(a, dims, eps)
            with np.errstate(all="ignore"):
                if running_mean is not None:
                    rm = running_mean._data
                    m = rm.dtype.type(momentum)
                    keep = rm.dtype.type(1) - m
                    rm[...] = m * mean.reshape(-1).astype(rm.dtype) + keep * rm
                    running_mean._vbox[0] += 1
                if running_var is not None:
                    rv = running_var._data
                    m = rv.dtype.type(momentum)
                    keep = rv.dtype.type(1) - m
                    unbiased = (var_sum.reshape(-1) / var_sum.dtype.type(count - 1)).astype(rv.dtype)
                    if rv.dtype == np.float32:
                        rv[...] = (np.float64(m) * unbiased + keep * rv).astype(np.float32)
                    else:
                        rv[...] = m * unbiased + keep * rv
                    running_var._vbox[0] += 1
    else:
        mean = running_mean._data.reshape(pshape)
        rv = running_var._data.reshape(pshape)
        stats = (mean, 1 / np.sqrt(rv + rv.dtype.type(eps)),
                 (1 / np.sqrt(rv.astype(np.float64) + eps)).astype(rv.dtype))
    w = weight if weight is not None else _const(1, input, c)
    b = bias if bias is not None else _const(0, input, c)
    return apply(OPS["native_batch_norm"], (input, w, b), (dims, pshape, eps, stats))


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):
    """Normalise over the last len(normalized_shape) dims, then scale by weight and shift by bias."""
    tensor_arg("layer_norm", input)
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    k = len(shape)
    _check_norm_dtypes(input, weight, bias)
    if tuple(input.shape[input.ndim - k:]) != shape or input.ndim < k:
        raise RuntimeError(f"Given normalized_shape={list(shape)}, expected input with shape "
                           f"[*, {_sizes(shape)}], but got input of size{list(input.shape)}".replace(" ", "", 0))
    if not dtypes.is_float_np(input._data.dtype):   # (ATen's kernel dispatches on floating types)
        raise NotImplementedError(f'"LayerNormKernelImpl" not implemented for \'{dtypes.scalar_name(input._data.dtype)}\'')
    dims = tuple(range(input.ndim - k, input.ndim))
    n = int(np.prod(shape))
    w = weight if weight is not None else _const(1, input, n)   # (as given: the node's edges are the parameters')
    b = bias if bias is not None else _const(0, input, n)
    pshape = (1,) * (input.ndim - k) + shape
    return apply(OPS["native_layer_norm"], (input, w, b), (dims, pshape, eps, None), weight is not None)


# ---------------------------------------------------------------- channel dropout


def dropout2d(input, p=0.5, training=True, inplace=False):
    """Zero whole channels with probability p (scaling the rest by 1 / (1 - p)): PyTorch's draws (bernoulli_ on an
    (N, C, 1, 1) tensor), then input * noise."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if input.ndim not in (3, 4):
        warnings.warn(f"dropout2d: Received a {input.ndim}-D input to dropout2d, which is deprecated and will "
                      "result in an error in a future release. To retain the behavior and silence this warning, "
                      "please use dropout instead. Note that dropout2d exists to provide channel-wise dropout on "
                      "inputs with 2 spatial dimensions, a channel dimension, and an optional batch dimension (i.e. "
                      "3D or 4D inputs).", stacklevel=2)
    if input.ndim == 3:
        warnings.warn("dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout "
                      "behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. "
                      "This behavior will change in a future release to interpret the input as one without a batch "
                      "dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, please "
                      "switch to using dropout1d instead.", stacklevel=2)
    return _feature_dropout(input, p, training, inplace)


def _feature_dropout(input, p, training, inplace):
    """Zero whole channels (dim 1) of input with probability p: PyTorch's draws (bernoulli_ on an (N, C, 1, ...)
    tensor), then input * noise."""
    if not training or p == 0 or input.numel() == 0:
        return input
    if p != 1 and input.ndim < 2:   # (ATen's make_feature_noise; p == 1 multiplies by a zero without noise)
        raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
    shape = tuple(input.shape[:2]) + (1,) * (input.ndim - 2)
    if p == 1:
        noise = Tensor._wrap(np.zeros(shape, input._data.dtype))
    else:
        noise = Tensor._wrap(np.empty(shape, input._data.dtype)).bernoulli_(1 - p).div_(1 - p)
    return input.mul_(noise) if inplace else input * noise


def dropout3d(input, p=0.5, training=True, inplace=False):
    """Zero whole channels of (N, C, D, H, W) (or unbatched (C, D, H, W)) input with probability p."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if input.ndim not in (4, 5):
        warnings.warn(f"dropout3d: Received a {input.ndim}-D input to dropout3d, which is deprecated and will "
                      "result in an error in a future release. To retain the behavior and silence this warning, "
                      "please use dropout instead. Note that dropout3d exists to provide channel-wise dropout on "
                      "inputs with 3 spatial dimensions, a channel dimension, and an optional batch dimension (i.e. "
                      "4D or 5D inputs).", stacklevel=2)
    if input.ndim == 5:
        return _feature_dropout(input, p, training, inplace)
    if inplace:
        return _feature_dropout(input.unsqueeze_(0), p, training, True).squeeze_(0)
    return _feature_dropout(input.unsqueeze(0), p, training, False).squeeze(0)
