"""Fake quantization (quantization-aware training): torch.fake_quantize_per_tensor_affine and
torch.fake_quantize_per_channel_affine, forward and vjp side by side, with PyTorch's node names, kernels' rounding
and checks (ATen FakeQuantPerTensorAffine.cpp / FakeQuantPerChannelAffine.cpp, QuantizedOpKernels.cpp).

The forward rounds x / scale to the nearest integer (ties to even, std::nearbyint, with x multiplied by the float
1 / scale), adds the zero point, clamps to [quant_min, quant_max] and maps back; the backward is the straight-
through estimator: the gradient passes where the rounded value fell inside the range and is zero elsewhere (the
mask PyTorch caches, recomputed here from the saved input).
"""
import numpy as np

from . import arg_parser, dtypes
from .function_signatures import SIGNATURES
from .optable import OPS, defop
from .tensor_base import TensorBase, _dim, apply

_F32 = np.float32
_MIN_MAX = "`quant_min` should be less than or         equal to `quant_max`."
_ZP_RANGE = "`zero_point` must be between `quant_min` and `quant_max`."


def _work(x):
    """The precision the kernels compute x / scale in: double for double, float for float, half and bfloat16."""
    return x if x.dtype == np.float64 else x.astype(_F32)


def _per_tensor(x, scale, zero_point, quant_min, quant_max):
    """(fake-quantized x, the mask of the values that fell inside the range): the CPU kernel's per-element formula,
    the output computed in float and cast back to x's dtype."""
    q = zero_point + np.rint(_work(x) * _F32(_F32(1.0) / _F32(scale)))
    mask = (q >= quant_min) & (q <= quant_max)
    clamped = np.fmin(np.fmax(q, quant_min), quant_max).astype(np.int64)
    return ((clamped - zero_point).astype(_F32) * _F32(scale)).astype(x.dtype, copy=False), mask


def _channel_shape(x, axis):
    return [-1 if d == axis else 1 for d in range(x.ndim)]


def _per_channel(x, scale, zero_point, axis, quant_min, quant_max):
    """Per channel: each slice along axis with its own float scale and zero point (an int32, float or half one),
    x times the float 1 / scale rounded in x's precision (float for float, half and bfloat16) and held in an int64, the
    output in double."""
    shape = _channel_shape(x, axis)
    s = scale.astype(_F32).reshape(shape)
    zp = zero_point.reshape(shape)
    inv = _F32(1.0) / s
    if zp.dtype.kind == "f":   # a float or half zero point: added before rounding, all in float
        q = np.rint(x.astype(_F32) * inv + zp.astype(_F32))
    else:
        q = zp + np.rint(_work(x) * inv)
    q = np.asarray(q, np.float64)
    # the kernel holds the rounded value in an int64 (static_cast): nan, inf and values past its range become
    # x86's "integer indefinite" INT64_MIN, which then clamps to quant_min
    q = np.where(np.abs(q) < 2.0 ** 63, q, -2.0 ** 63)
    mask = (q >= quant_min) & (q <= quant_max)
    out = (np.fmin(np.fmax(q, quant_min), quant_max) - zp.astype(np.float64)) * s.astype(np.float64)
    return out.astype(x.dtype), mask


def _straight_through(xp, grad, mask):
    """grad * mask, a product as PyTorch's (a negative gradient masked out is -0.0)."""
    dt = grad.dtype if xp.is_numpy else grad._data.dtype
    return (grad * xp.wrap(mask.astype(dt)),)


@defop("fake_quantize_per_tensor", "FakeQuantizePerTensorAffineCachemaskBackward0",
       lambda x, *qparams: _per_tensor(x, *qparams)[0], saves=(0,))
def fake_quantize_per_tensor_vjp(xp, grad, saved, consts, needs):
    """The gradient where the rounded value fell inside [quant_min, quant_max], zero elsewhere."""
    x = saved[0] if xp.is_numpy else saved[0]._data
    return _straight_through(xp, grad, _per_tensor(x, *consts)[1])


@defop("fake_quantize_per_tensor_tensor_qparams", "FakeQuantizePerTensorAffineCachemaskTensorQparamsBackward0",
       lambda x, *qparams: _per_tensor(x, *qparams)[0], saves=(0,))
def fake_quantize_per_tensor_tensor_qparams_vjp(xp, grad, saved, consts, needs):
    """As fake_quantize_per_tensor (scale and zero point given as tensors)."""
    return fake_quantize_per_tensor_vjp(xp, grad, saved, consts, needs)


@defop("fake_quantize_per_channel", "FakeQuantizePerChannelAffineCachemaskBackward0",
       lambda x, *qparams: _per_channel(x, *qparams)[0], saves=(0,))
def fake_quantize_per_channel_vjp(xp, grad, saved, consts, needs):
    """The gradient where the rounded value fell inside [quant_min, quant_max], zero elsewhere."""
    x = saved[0] if xp.is_numpy else saved[0]._data
    return _straight_through(xp, grad, _per_channel(x, *consts)[1])


def _check_floating(input, kernel):
    d = input._data.dtype
    if d.kind != "f" and not dtypes.is_float_np(d):
        raise NotImplementedError(f'"{kernel}" not implemented for \'{dtypes.scalar_name(d)}\'')


def fake_quantize_per_tensor_affine(input, scale, zero_point, quant_min, quant_max):
    """input rounded to the grid scale * (q - zero_point), q an integer in [quant_min, quant_max]; the gradient
    passes through where q did not need clamping (FakeQuantizePerTensorAffineCachemaskBackward0)."""
    op = OPS["fake_quantize_per_tensor"]
    if isinstance(scale, TensorBase):
        op = OPS["fake_quantize_per_tensor_tensor_qparams"]
        scale, zero_point = scale.item(), int(zero_point.item())
    if quant_min > quant_max:
        raise RuntimeError(_MIN_MAX)
    if not quant_min <= zero_point <= quant_max:
        raise RuntimeError(_ZP_RANGE)
    _check_floating(input, "fake_quantize_tensor_cachemask_kernel_type_handling")
    return apply(op, (input,), float(scale), int(zero_point), int(quant_min), int(quant_max))


def fake_quantize_per_channel_affine(input, scale, zero_point, axis, quant_min, quant_max):
    """Per-channel fake quantization: the slices of input along axis each with their scale and zero point
    (FakeQuantizePerChannelAffineCachemaskBackward0)."""
    s, zp = scale._data, zero_point._data
    if s.dtype != np.float32 and not (dtypes.bfloat16 is not None and s.dtype == dtypes.bfloat16.np):
        raise RuntimeError(f"Scale must be Float or BFloat16, found {dtypes.scalar_name(s.dtype)}")
    if zp.dtype not in (np.int32, np.float32, np.float16):
        raise RuntimeError(f"Zero-point must be Int32, Float or Half, found {dtypes.scalar_name(zp.dtype)}")
    if s.ndim != 1:
        raise RuntimeError("scale should be a 1-D tensor")
    if zp.ndim != 1:
        raise RuntimeError("zero point should be a 1-D tensor")
    if s.size != zp.size:
        raise RuntimeError("scale and zero-point need to have the same dimensions")
    if s.size != input._data.shape[_dim(axis, input._data.ndim)]:
        raise RuntimeError("dimensions of scale and zero-point are not consistent with input tensor")
    if quant_min > quant_max:
        raise RuntimeError(_MIN_MAX)
    if zp.size and (int(zp.min()) < quant_min or int(zp.max()) > quant_max):
        raise RuntimeError(_ZP_RANGE)
    if not 0 <= axis <= input._data.ndim:
        raise RuntimeError("`axis` must be between 0 and number of dimensions of input")
    _check_floating(input, "fake_quantize_channel_cachemask_cpu_type_handling")
    return apply(OPS["fake_quantize_per_channel"], (input,), np.array(s, _F32), np.array(zp), int(axis),
                 int(quant_min), int(quant_max))


# (their arguments parsed as PyTorch's parser does: a float zero_point, a missing quant_max are its TypeErrors)
FUNCTIONS = {name: arg_parser.checked(fn, name, SIGNATURES[name]) for name, fn in (
    ("fake_quantize_per_tensor_affine", fake_quantize_per_tensor_affine),
    ("fake_quantize_per_channel_affine", fake_quantize_per_channel_affine))}
