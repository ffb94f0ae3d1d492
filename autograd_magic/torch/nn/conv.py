"""Conv1d/2d/3d and ConvTranspose1d/2d/3d, initialised as PyTorch initialises them (the same numbers
after manual_seed)."""
import math

import numpy as np

from ...engine.size import checked_sizes, nonnegative
from ...engine.tensor import Tensor
from . import functional_conv as FC
from ._args import conv_args
from . import init
from .functional_pad import pad
from .module import Module, Parameter, factory_np_dtype


def _repeated(v, nd):
    """PyTorch's _pair / _triple of a layer's kernel_size, stride, padding or dilation: a number repeated, a list or
    tuple kept as given (``stride=[2]`` prints as ``stride=(2,)`` and reaches F.conv2d as one value; a float stride
    is F.conv2d's TypeError at the first call, as in PyTorch, not a stride cut to an int)."""
    return tuple(v) if isinstance(v, (list, tuple)) else (v,) * nd


class _ConvNd(Module):
    """What the convolutions share, with PyTorch's parameter list (each ConvNd / ConvTransposeNd has its own
    __init__ with its user-facing signature, so that a missing or extra argument is named after the class the
    learner called: ``Conv2d.__init__() missing 1 required positional argument: 'kernel_size'``)."""
    __module__ = "torch.nn.modules.conv"
    _nd = 2

    def __init__(self, in_channels, out_channels, kernel_size, stride, padding, dilation, transposed, output_padding,
                 groups, bias, padding_mode, device=None, dtype=None):
        super().__init__()
        nd = self._nd
        if groups <= 0:
            raise ValueError("groups must be a positive integer")
        if in_channels % groups != 0:
            raise ValueError("in_channels must be divisible by groups")
        if out_channels % groups != 0:
            raise ValueError("out_channels must be divisible by groups")
        if isinstance(padding, str):
            valid = {"same", "valid"}  # printed as a set (this process's order), built as PyTorch builds it
            if padding not in valid:
                raise ValueError(f"Invalid padding string {padding!r}, should be one of {valid}")
            if padding == "same" and any(s != 1 for s in FC._tuple(stride, nd)):
                raise ValueError("padding='same' is not supported for strided convolutions")
        valid_modes = {"zeros", "reflect", "replicate", "circular"}  # a set, built and printed as PyTorch's
        if padding_mode not in valid_modes:
            raise ValueError(f"padding_mode must be one of {valid_modes}, but got padding_mode='{padding_mode}'")
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size = (tuple(kernel_size) if isinstance(kernel_size, (list, tuple)) else
                            FC._tuple(kernel_size, nd))
        self.stride = _repeated(stride, nd)
        self.padding = padding if isinstance(padding, str) else _repeated(padding, nd)
        self.dilation = _repeated(dilation, nd)
        self.transposed = transposed
        self.output_padding = _repeated(output_padding, nd)
        self.groups = groups
        self.padding_mode = padding_mode
        self._reversed_padding_repeated_twice = _reversed_padding(self.padding, self.kernel_size, self.dilation)
        np_dtype = factory_np_dtype(device, dtype)
        given = tuple(kernel_size) if isinstance(kernel_size, (tuple, list)) else (kernel_size,) * nd
        checked_sizes("empty", (((in_channels, out_channels // groups) if self.transposed else   # (a float size:
                                 (out_channels, in_channels // groups)) + given,))                # PyTorch's error)
        shape = ((in_channels, out_channels // groups) if self.transposed else
                 (out_channels, in_channels // groups)) + self.kernel_size
        nonnegative(shape)   # (nn.Conv2d(-1, 2, 3): PyTorch's torch.empty error, not numpy's)
        self.weight = Parameter(Tensor._wrap(np.empty(shape, np_dtype)))
        if bias:
            self.bias = Parameter(Tensor._wrap(np.empty((out_channels,), np_dtype)))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:   # (fan_in 0: zeros, drawn all the same, as PyTorch's generator is advanced)
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def extra_repr(self):
        s = "{in_channels}, {out_channels}, kernel_size={kernel_size}, stride={stride}"
        if self.padding != (0,) * len(self.padding):
            s += ", padding={padding}"
        if self.dilation != (1,) * len(self.dilation):
            s += ", dilation={dilation}"
        if self.output_padding != (0,) * len(self.output_padding):
            s += ", output_padding={output_padding}"
        if self.groups != 1:
            s += ", groups={groups}"
        if self.bias is None:
            s += ", bias=False"
        if self.padding_mode != "zeros":
            s += ", padding_mode={padding_mode}"
        return s.format(**self.__dict__)


def _reversed_padding(padding, kernel_size, dilation):
    """F.pad's tuple for a padding_mode other than zeros (last dimension first), as PyTorch computes it."""
    if not isinstance(padding, str):   # (the padding as given, reversed: a ConvTranspose's 'same' is its letters)
        return tuple(p for p in reversed(padding) for _ in range(2))
    out = []
    for i in reversed(range(len(kernel_size))):
        if padding == "valid":
            out += [0, 0]
        else:
            total = dilation[i] * (kernel_size[i] - 1)
            out += [total // 2, total - total // 2]
    return out


class Conv1d(_ConvNd):
    """1-d convolution over (N, C_in, L): weight (C_out, C_in / groups, k)."""
    __module__ = "torch.nn.modules.conv"
    _nd = 1

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, False, 0, groups, bias,
                         padding_mode, device, dtype)

    def forward(self, input):
        if self.padding_mode != "zeros":
            return FC.conv1d(pad(input, self._reversed_padding_repeated_twice, self.padding_mode), self.weight,
                             self.bias, self.stride, 0, self.dilation, self.groups)
        conv_args(1, (input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups))
        return FC.conv1d(input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)


class Conv2d(_ConvNd):
    """2-d convolution over (N, C_in, H, W): weight (C_out, C_in / groups, kh, kw)."""
    __module__ = "torch.nn.modules.conv"

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, False, 0, groups, bias,
                         padding_mode, device, dtype)

    def forward(self, input):
        if self.padding_mode != "zeros":
            return FC.conv2d(pad(input, self._reversed_padding_repeated_twice, self.padding_mode), self.weight,
                             self.bias, self.stride, 0, self.dilation, self.groups)
        conv_args(2, (input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups))
        return FC.conv2d(input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)


class Conv3d(_ConvNd):
    """3-d convolution over (N, C_in, D, H, W): weight (C_out, C_in / groups, kd, kh, kw)."""
    __module__ = "torch.nn.modules.conv"
    _nd = 3

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, False, 0, groups, bias,
                         padding_mode, device, dtype)

    def forward(self, input):
        if self.padding_mode != "zeros":
            return FC.conv3d(pad(input, self._reversed_padding_repeated_twice, self.padding_mode), self.weight,
                             self.bias, self.stride, 0, self.dilation, self.groups)
        conv_args(3, (input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups))
        return FC.conv3d(input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)


class _ConvTransposeNd(_ConvNd):
    __module__ = "torch.nn.modules.conv"

    def __init__(self, in_channels, out_channels, kernel_size, stride, padding, dilation, transposed, output_padding,
                 groups, bias, padding_mode, device=None, dtype=None):
        if padding_mode != "zeros":
            raise ValueError(f'Only "zeros" padding mode is supported for {self.__class__.__name__}')
        if isinstance(padding, str):   # (PyTorch's _pair of a string: its letters, F.conv_transpose2d's TypeError)
            padding = tuple(padding)
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, transposed,
                         output_padding, groups, bias, padding_mode, device, dtype)

    def _output_padding(self, input, output_size):
        """The output_padding that makes the output output_size (PyTorch's check of the valid range)."""
        if output_size is None:
            return self.output_padding
        nd = self._nd
        leading = 2 if input.dim() == nd + 2 else 1     # (N, C) or an unbatched input's C
        if len(output_size) == leading + nd:
            output_size = output_size[leading:]
        given, output_size = output_size, list(output_size)   # (the message prints it as given: a tuple, a Size)
        if len(output_size) != nd:
            raise ValueError(f"ConvTranspose{nd}D: for {input.dim()}D input, output_size must have {nd} or "
                             f"{leading + nd} elements (got {len(output_size)})")
        spatial = tuple(input.shape[-nd:])
        smallest = [(spatial[d] - 1) * self.stride[d] - 2 * self.padding[d] + self.dilation[d] *
                    (self.kernel_size[d] - 1) + 1 for d in range(nd)]
        largest = [smallest[d] + self.stride[d] - 1 for d in range(nd)]
        for d in range(nd):
            if not smallest[d] <= output_size[d] <= largest[d]:
                raise ValueError(f"requested an output size of {given}, but valid sizes range from "
                                 f"{smallest} to {largest} (for an input of {input.shape[2:]})")
        return tuple(output_size[d] - smallest[d] for d in range(nd))


class ConvTranspose1d(_ConvTransposeNd):
    """1-d transposed convolution over (N, C_in, L): weight (C_in, C_out / groups, k)."""
    __module__ = "torch.nn.modules.conv"
    _nd = 1

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
                 bias=True, dilation=1, padding_mode="zeros", device=None, dtype=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, True, output_padding,
                         groups, bias, padding_mode, device, dtype)

    def forward(self, input, output_size=None):
        return FC.conv_transpose1d(input, self.weight, self.bias, self.stride, self.padding,
                                   self._output_padding(input, output_size), self.groups, self.dilation)


class ConvTranspose2d(_ConvTransposeNd):
    """2-d transposed convolution over (N, C_in, H, W): weight (C_in, C_out / groups, kh, kw)."""
    __module__ = "torch.nn.modules.conv"

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
                 bias=True, dilation=1, padding_mode="zeros", device=None, dtype=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, True, output_padding,
                         groups, bias, padding_mode, device, dtype)

    def forward(self, input, output_size=None):
        return FC.conv_transpose2d(input, self.weight, self.bias, self.stride, self.padding,
                                   self._output_padding(input, output_size), self.groups, self.dilation)


class ConvTranspose3d(_ConvTransposeNd):
    """3-d transposed convolution over (N, C_in, D, H, W): weight (C_in, C_out / groups, kd, kh, kw)."""
    __module__ = "torch.nn.modules.conv"
    _nd = 3

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
                 bias=True, dilation=1, padding_mode="zeros", device=None, dtype=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, True, output_padding,
                         groups, bias, padding_mode, device, dtype)

    def forward(self, input, output_size=None):
        return FC.conv_transpose3d(input, self.weight, self.bias, self.stride, self.padding,
                                   self._output_padding(input, output_size), self.groups, self.dilation)
