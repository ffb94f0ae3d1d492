"""torch.nn.grad: a convolution's gradients with respect to its input and to its weight, as functions (PyTorch's
convolution_backward). They are the engine's convolution-backward ops, recorded as ConvolutionBackwardBackward0 when
the weight, the input or grad_output requires grad, so they can be differentiated again as in PyTorch."""
import numpy as np

from ...engine import dtypes, onednn_kernels
from ...engine.optable import OPS
from ...engine.tensor_base import apply
from .functional_conv import _check_dims, _check_shape_forward, _sizes, _tuple, _uses_mkldnn

__all__ = ["conv1d_input", "conv1d_weight", "conv2d_input", "conv2d_weight", "conv3d_input", "conv3d_weight"]


def _cfg(nd, stride, padding, dilation, groups):
    """The convolution's configuration as F.conv*d records it (a 1-d convolution runs as a 2-d one, H = 1)."""
    stride, padding, dilation = (_tuple(v, nd) for v in (stride, padding, dilation))
    if nd == 1:
        stride, padding, dilation = (1,) + stride, (0,) + padding, (1,) + dilation
    return (stride, padding, padding, dilation, groups, nd)


class _Sized:
    """What ATen's checks read of a tensor that torch.nn.grad makes from a size (an expanded empty tensor)."""
    def __init__(self, shape, np_dtype):
        self.shape, self.ndim, self.np_dtype = tuple(shape), len(shape), np_dtype


def _np_dtype(t):
    return t.np_dtype if isinstance(t, _Sized) else t._data.dtype


def _check(nd, input, weight, grad_output, stride, padding, dilation, groups, wanted):
    """convolution_backward's checks, in ATen's order: the weight's dims and the parameters, check_shape_forward,
    input and grad_output's dims; then the kernel's: mkldnn's for a float32 input it picks (the other tensor's
    dtype, then its primitive for any shape that does not fit), else the slow kernel's shape check of grad_output,
    its dtype dispatch (on input for the weight's gradient, on grad_output for the input's) and the other tensor's
    scalar type. The input, weight or grad_output that only has a size carries grad_output's dtype."""
    stride, padding, dilation = (_tuple(v, nd) for v in (stride, padding, dilation))
    _check_dims(input, weight, groups, (("stride", stride), ("padding", padding), ("dilation", dilation),
                                        ("output_padding", [0])), nd)
    w_shape = tuple(weight.shape)
    _check_shape_forward(nd, input.shape, w_shape, groups, padding, padding, stride, dilation)
    if input.ndim != grad_output.ndim:
        raise RuntimeError("Expected input and grad_output to have the same number of dimensions, but got: "
                           f"{input.ndim} and {grad_output.ndim}")
    out = [(input.shape[2 + i] + 2 * padding[i] - dilation[i] * (w_shape[2 + i] - 1) - 1) // stride[i] + 1
           for i in range(nd)]
    fits = grad_output.shape[1] == w_shape[0] and list(grad_output.shape[2:]) == out
    leader, other = (input, grad_output) if wanted == "weight" else (grad_output, weight)
    dt, ot = _np_dtype(leader), _np_dtype(other)
    if _mkldnn(dt, input, weight, stride, dilation, groups):
        if ot.kind in "iub" or ot == np.float64:
            raise RuntimeError("itensor_view_from_dense expects float/bfloat16/half/int8/fp8 tensor input"
                               + dtypes.scalar_name(ot))
        if min(dilation) > 0 and ((ot != dt and dt != np.float32) or not fits or grad_output.shape[0] != input.shape[0]):
            raise RuntimeError("could not create a primitive descriptor for the convolution forward propagation "
                               "primitive. Run workload with environment variable ONEDNN_VERBOSE=all to get "
                               "additional diagnostic information.")
        return
    if groups != 1:
        return   # (ATen's grouped kernels check per group: left to the op)
    lead = 1 if nd == 1 else 0   # a 1-d convolution runs as a 2-d one of height 1
    dilated = any(d != 1 for d in dilation)
    if dilated and list(grad_output.shape[2:]) != out:
        raise RuntimeError(f"grad_output[2:] shape[{_sizes([1] * lead + list(grad_output.shape[2:]))}] must be "
                           f"equal to output size {' '.join(map(str, [1] * lead + out))}")
    rank = grad_output.ndim + lead
    for dim, want in ([] if dilated else [(1, w_shape[0])] + [(2 + lead + i, out[i]) for i in range(nd)]):
        got = grad_output.shape[dim - lead if dim > 1 else dim]
        if got != want:
            raise RuntimeError(f"Expected a tensor of dimension {rank} and tensor.size[{dim}] == {want} but got: "
                               f"dimension {rank} and tensor.size[{dim}] = {got}")
    if dt.kind != "f" and dt != dtypes.BF16_NP:
        kernel = "slow_conv_dilated<>" if dilated else f"slow_conv{3 if nd == 3 else 2}d_cpu_grad_{wanted}"
        raise NotImplementedError(f'"{kernel}" not implemented for \'{dtypes.scalar_name(dt)}\'')
    if ot != dt:
        raise RuntimeError(f"expected scalar type {dtypes.scalar_name(dt)} but found {dtypes.scalar_name(ot)}")


def _mkldnn(dt, input, weight, stride, dilation, groups):
    """Does ATen's convolution_backward pick mkldnn (ConvUtils use_mkldnn, by the input's dtype and shape)?"""
    return ((dt == dtypes.BF16_NP and onednn_kernels.takes_half("bfloat16")) or
            (dt == np.float16 and onednn_kernels.takes_half("float16")) or
            (dt == np.float32 and _uses_mkldnn(input, weight, stride, dilation, groups)))


def _input_grad(nd, input_size, weight, grad_output, stride, padding, dilation, groups):
    _check(nd, _Sized(input_size, grad_output._data.dtype), weight, grad_output, stride, padding, dilation, groups,
           "input")
    cfg = _cfg(nd, stride, padding, dilation, groups)
    return apply(OPS["convolution_backward_input"], (grad_output, weight), cfg, tuple(input_size))


def _weight_grad(nd, input, weight_size, grad_output, stride, padding, dilation, groups):
    _check(nd, input, _Sized(weight_size, grad_output._data.dtype), grad_output, stride, padding, dilation, groups,
           "weight")
    cfg = _cfg(nd, stride, padding, dilation, groups)
    return apply(OPS["convolution_backward_weight"], (input, grad_output), cfg, tuple(weight_size))


def conv1d_input(input_size, weight, grad_output, stride=1, padding=0, dilation=1, groups=1):
    """The gradient of conv1d with respect to an input of shape input_size."""
    return _input_grad(1, input_size, weight, grad_output, stride, padding, dilation, groups)


def conv1d_weight(input, weight_size, grad_output, stride=1, padding=0, dilation=1, groups=1):
    """The gradient of conv1d with respect to a weight of shape weight_size."""
    return _weight_grad(1, input, weight_size, grad_output, stride, padding, dilation, groups)


def conv2d_input(input_size, weight, grad_output, stride=1, padding=0, dilation=1, groups=1):
    """The gradient of conv2d with respect to an input of shape input_size."""
    return _input_grad(2, input_size, weight, grad_output, stride, padding, dilation, groups)


def conv2d_weight(input, weight_size, grad_output, stride=1, padding=0, dilation=1, groups=1):
    """The gradient of conv2d with respect to a weight of shape weight_size."""
    return _weight_grad(2, input, weight_size, grad_output, stride, padding, dilation, groups)


def conv3d_input(input_size, weight, grad_output, stride=1, padding=0, dilation=1, groups=1):
    """The gradient of conv3d with respect to an input of shape input_size."""
    return _input_grad(3, input_size, weight, grad_output, stride, padding, dilation, groups)


def conv3d_weight(input, weight_size, grad_output, stride=1, padding=0, dilation=1, groups=1):
    """The gradient of conv3d with respect to a weight of shape weight_size."""
    return _weight_grad(3, input, weight_size, grad_output, stride, padding, dilation, groups)
