"""MaxPool2d/3d, AvgPool2d/3d and AdaptiveAvgPool2d/3d (arguments kept as given, printed as PyTorch prints them)."""
from . import functional_pool as FP
from .module import Module


class _MaxPoolNd(Module):
    __module__ = "torch.nn.modules.pooling"

    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding, self.dilation = padding, dilation
        self.return_indices, self.ceil_mode = return_indices, ceil_mode

    def extra_repr(self):
        return (f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
                f"dilation={self.dilation}, ceil_mode={self.ceil_mode}")


class MaxPool2d(_MaxPoolNd):
    """The maximum over each kernel_size window (stride defaults to kernel_size)."""

    def forward(self, input):
        return FP.max_pool2d(input, self.kernel_size, self.stride, self.padding, self.dilation, self.ceil_mode,
                             self.return_indices)


class MaxPool3d(_MaxPoolNd):
    """The maximum over each kernel_size window of (N, C, D, H, W) (stride defaults to kernel_size)."""

    def forward(self, input):
        return FP.max_pool3d(input, self.kernel_size, self.stride, self.padding, self.dilation, self.ceil_mode,
                             self.return_indices)


class _AvgPoolNd(Module):
    """The average poolings' printing; each AvgPoolNd has its own __init__, as in PyTorch (AvgPool1d keeps its
    sizes as 1-tuples, AvgPool2d/3d as given)."""
    __module__ = "torch.nn.modules.pooling"

    def _window(self, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override):
        """AvgPool2d's and AvgPool3d's settings as given (stride defaults to kernel_size)."""
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding, self.ceil_mode = padding, ceil_mode
        self.count_include_pad, self.divisor_override = count_include_pad, divisor_override

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class AvgPool2d(_AvgPoolNd):
    """The mean over each kernel_size window (stride defaults to kernel_size)."""

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        super().__init__()
        self._window(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)

    def forward(self, input):
        return FP.avg_pool2d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode,
                             self.count_include_pad, self.divisor_override)


class AvgPool3d(_AvgPoolNd):
    """The mean over each kernel_size window of (N, C, D, H, W) (stride defaults to kernel_size)."""

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        super().__init__()
        self._window(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)

    def forward(self, input):
        return FP.avg_pool3d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode,
                             self.count_include_pad, self.divisor_override)


class _AdaptiveAvgPoolNd(Module):
    __module__ = "torch.nn.modules.pooling"

    def __init__(self, output_size):
        super().__init__()
        self.output_size = output_size

    def extra_repr(self):
        return f"output_size={self.output_size}"


class AdaptiveAvgPool2d(_AdaptiveAvgPoolNd):
    """Means over output_size bins, whatever the input's size."""

    def forward(self, input):
        return FP.adaptive_avg_pool2d(input, self.output_size)


class AdaptiveAvgPool3d(_AdaptiveAvgPoolNd):
    """Means over output_size bins of (N, C, D, H, W), whatever the input's size."""

    def forward(self, input):
        return FP.adaptive_avg_pool3d(input, self.output_size)
