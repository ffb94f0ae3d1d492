"""Lazy convolutions and batch norms (d2l builds its CNNs with them): the input channels are taken from the first
input, and the module then becomes the plain class (PyTorch's cls_to_become), with the initial draws a Conv2d of
that size makes at that moment, as LazyLinear does."""
import numpy as np

from ...engine.tensor import Tensor
from .conv import Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d, _ConvNd
from .layers import UninitializedParameter, lazy_initialized, lazy_load_hook
from .module import Parameter, factory_np_dtype
from .normalization import BatchNorm1d, BatchNorm2d, BatchNorm3d, InstanceNorm1d, InstanceNorm2d, InstanceNorm3d


class _LazyConvXdMixin:
    """PyTorch's mixin of the lazy convolutions; each LazyConvNd has its own __init__ (PyTorch's signature), which
    builds the ConvNd with 0 channels and no bias, then puts uninitialised parameters in their place."""
    _become = None

    def _lazy_init(self, out_channels, bias, dtype):
        self.weight = UninitializedParameter(dtype=dtype)
        self.out_channels = out_channels
        self._dtype = dtype
        if bias:
            self.bias = UninitializedParameter(dtype=dtype)

    def reset_parameters(self):
        if self.in_channels:
            _ConvNd.reset_parameters(self)

    def _lazy_load_hook(self, state_dict, prefix):
        lazy_load_hook(self, state_dict, prefix)

    def forward(self, input, *args, **kwargs):
        batched = self._nd + 2
        if input.ndim not in (batched - 1, batched):
            raise RuntimeError(f"Expected {batched - 1}D (unbatched) or {batched}D (batched) input to "
                               f"{type(self).__name__}, but got input of size: {input.shape}")
        if lazy_initialized(self):   # loaded from a state dict: in_channels stays 0 in PyTorch too
            del self._dtype
            self.__class__ = self._become
            return self.forward(input, *args, **kwargs)
        self.in_channels = input.shape[1] if input.ndim == batched else input.shape[0]
        if self.in_channels % self.groups != 0:
            raise ValueError("in_channels must be divisible by groups")
        np_dtype = factory_np_dtype(None, self._dtype)
        # (a transposed convolution's weight is (C_in, C_out / groups, k...), as its ConvTransposeNd makes it)
        shape = ((self.in_channels, self.out_channels // self.groups) if self.transposed else
                 (self.out_channels, self.in_channels // self.groups)) + self.kernel_size
        self.weight = Parameter(Tensor._wrap(np.empty(shape, np_dtype)))
        if self.bias is not None:
            self.bias = Parameter(Tensor._wrap(np.empty((self.out_channels,), np_dtype)))
        del self._dtype
        self.__class__ = self._become
        self.reset_parameters()
        return self.forward(input, *args, **kwargs)


class LazyConv1d(_LazyConvXdMixin, Conv1d):
    __module__ = "torch.nn.modules.conv"
    _become = Conv1d

    def __init__(self, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        super().__init__(0, 0, kernel_size, stride, padding, dilation, groups, False, padding_mode, device, dtype)
        self._lazy_init(out_channels, bias, dtype)


class LazyConv2d(_LazyConvXdMixin, Conv2d):
    __module__ = "torch.nn.modules.conv"
    _become = Conv2d

    def __init__(self, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        super().__init__(0, 0, kernel_size, stride, padding, dilation, groups, False, padding_mode, device, dtype)
        self._lazy_init(out_channels, bias, dtype)


class LazyConv3d(_LazyConvXdMixin, Conv3d):
    __module__ = "torch.nn.modules.conv"
    _become = Conv3d

    def __init__(self, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        super().__init__(0, 0, kernel_size, stride, padding, dilation, groups, False, padding_mode, device, dtype)
        self._lazy_init(out_channels, bias, dtype)


# (PyTorch's signature: output_padding before groups, dilation after bias; ConvTransposeNd checks the padding
# mode, its error naming the lazy class)
class LazyConvTranspose1d(_LazyConvXdMixin, ConvTranspose1d):
    __module__ = "torch.nn.modules.conv"
    _become = ConvTranspose1d

    def __init__(self, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True,
                 dilation=1, padding_mode="zeros", device=None, dtype=None):
        super().__init__(0, 0, kernel_size, stride, padding, output_padding, groups, False, dilation, padding_mode,
                         device, dtype)
        self._lazy_init(out_channels, bias, dtype)


class LazyConvTranspose2d(_LazyConvXdMixin, ConvTranspose2d):
    __module__ = "torch.nn.modules.conv"
    _become = ConvTranspose2d

    def __init__(self, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True,
                 dilation=1, padding_mode="zeros", device=None, dtype=None):
        super().__init__(0, 0, kernel_size, stride, padding, output_padding, groups, False, dilation, padding_mode,
                         device, dtype)
        self._lazy_init(out_channels, bias, dtype)


class LazyConvTranspose3d(_LazyConvXdMixin, ConvTranspose3d):
    __module__ = "torch.nn.modules.conv"
    _become = ConvTranspose3d

    def __init__(self, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True,
                 dilation=1, padding_mode="zeros", device=None, dtype=None):
        super().__init__(0, 0, kernel_size, stride, padding, output_padding, groups, False, dilation, padding_mode,
                         device, dtype)
        self._lazy_init(out_channels, bias, dtype)


class _LazyNormBase:
    """PyTorch's base of the lazy batch norms (its __init__ is theirs: ``_LazyNormBase.__init__() got an unexpected
    keyword argument``)."""
    _become = None

    def __init__(self, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None, *,
                 bias=True):
        type(self)._become.__init__(self, 0, eps, momentum, affine, track_running_stats, device, dtype, bias=bias)
        self._dtype = dtype
        if affine:
            self.weight = UninitializedParameter(dtype=dtype)
            if bias:
                self.bias = UninitializedParameter(dtype=dtype)

    def _lazy_load_hook(self, state_dict, prefix):
        lazy_load_hook(self, state_dict, prefix, ("running_mean", "running_var"))

    def forward(self, input):
        self._check_input_dim(input)
        if lazy_initialized(self) and (not self.track_running_stats or self.running_mean._data.size):
            del self._dtype   # loaded from a state dict: num_features stays 0 in PyTorch too
            self.__class__ = self._become
            return self.forward(input)
        n = input.shape[1]
        np_dtype = factory_np_dtype(None, self._dtype)
        self.num_features = n
        if self.affine:
            self.weight = Parameter(Tensor._wrap(np.ones((n,), np_dtype)))
            if self.bias is not None:
                self.bias = Parameter(Tensor._wrap(np.zeros((n,), np_dtype)))
        if self.track_running_stats:
            self.running_mean = Tensor._wrap(np.zeros((n,), np_dtype))
            self.running_var = Tensor._wrap(np.ones((n,), np_dtype))
        del self._dtype
        self.__class__ = self._become
        return self.forward(input)


class LazyBatchNorm1d(_LazyNormBase, BatchNorm1d):
    __module__ = "torch.nn.modules.batchnorm"
    _become = BatchNorm1d


class LazyBatchNorm2d(_LazyNormBase, BatchNorm2d):
    __module__ = "torch.nn.modules.batchnorm"
    _become = BatchNorm2d



class LazyBatchNorm3d(_LazyNormBase, BatchNorm3d):
    __module__ = "torch.nn.modules.batchnorm"
    _become = BatchNorm3d


# (PyTorch's lazy instance norms take _LazyNormBase's defaults: affine and running statistics on, unlike
# InstanceNormNd's; the channels are read from input.shape[1] also for an unbatched input)
class LazyInstanceNorm1d(_LazyNormBase, InstanceNorm1d):
    __module__ = "torch.nn.modules.instancenorm"
    _become = InstanceNorm1d


class LazyInstanceNorm2d(_LazyNormBase, InstanceNorm2d):
    __module__ = "torch.nn.modules.instancenorm"
    _become = InstanceNorm2d


class LazyInstanceNorm3d(_LazyNormBase, InstanceNorm3d):
    __module__ = "torch.nn.modules.instancenorm"
    _become = InstanceNorm3d
