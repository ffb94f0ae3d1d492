"""torch.nn.grad: a convolution's gradients with respect to its input and to its weight, as functions (PyTorch's
convolution_backward). They are the engine's convolution-backward ops, recorded as ConvolutionBackwardBackward0 when
the weight, the input or grad_output requires grad, so they can be differentiated again as in PyTorch."""
from ...engine.optable import OPS
from ...engine.tensor_base import apply
from .functional_conv import _tuple

__all__ = ["conv1d_input", "conv1d_weight", "conv2d_input", "conv2d_weight", "conv3d_input", "conv3d_weight"]


def _cfg(nd, stride, padding, dilation, groups):
    """The convolution's configuration as F.conv*d records it (a 1-d convolution runs as a 2-d one, H = 1)."""
    stride, padding, dilation = (_tuple(v, nd) for v in (stride, padding, dilation))
    if nd == 1:
        stride, padding, dilation = (1,) + stride, (0,) + padding, (1,) + dilation
    return (stride, padding, padding, dilation, groups, nd)


def _input_grad(nd, input_size, weight, grad_output, stride, padding, dilation, groups):
    cfg = _cfg(nd, stride, padding, dilation, groups)
    return apply(OPS["convolution_backward_input"], (grad_output, weight), cfg, tuple(input_size))


def _weight_grad(nd, input, weight_size, grad_output, stride, padding, dilation, groups):
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
