"""The padding layers (ZeroPad, ConstantPad, ReflectionPad, ReplicationPad, CircularPad): F.pad with fixed sizes.
Each class has its own __init__, as in PyTorch, so that a missing or extra argument names the class the learner
called (``ReflectionPad2d.__init__() missing 1 required positional argument: 'padding'``)."""
from ._args import ntuple as _ntuple
from .functional_pad import pad
from .module import Module


class _CircularPadNd(Module):
    __module__ = "torch.nn.modules.padding"

    def _check_input_dim(self, input):
        raise NotImplementedError

    def _check_dims(self, input, low):
        if input.dim() not in (low, low + 1):
            raise ValueError(f"expected {low}D or {low + 1}D input (got {input.dim()}D input)")

    def forward(self, input):
        self._check_input_dim(input)
        return pad(input, self.padding, "circular")

    def extra_repr(self):
        return f"{self.padding}"


class CircularPad1d(_CircularPadNd):
    """F.pad(mode='circular') over the last 1 dimension(s)."""

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, 2)

    def _check_input_dim(self, input):
        self._check_dims(input, 2)


class CircularPad2d(_CircularPadNd):
    """F.pad(mode='circular') over the last 2 dimension(s)."""

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, 4)

    def _check_input_dim(self, input):
        self._check_dims(input, 3)


class CircularPad3d(_CircularPadNd):
    """F.pad(mode='circular') over the last 3 dimension(s)."""

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, 6)

    def _check_input_dim(self, input):
        self._check_dims(input, 4)


class _ConstantPadNd(Module):
    __module__ = "torch.nn.modules.padding"

    def __init__(self, value):
        super().__init__()
        self.value = value

    def forward(self, input):
        return pad(input, self.padding, "constant", self.value)

    def extra_repr(self):
        return f"padding={self.padding}, value={self.value}"


class ConstantPad1d(_ConstantPadNd):
    """Pads the last dimension with value: padding is an int or (left, right)."""

    def __init__(self, padding, value):
        super().__init__(value)
        self.padding = _ntuple(padding, 2)


class ConstantPad2d(_ConstantPadNd):
    """Pads the last two dimensions with value: padding is an int or (left, right, top, bottom)."""

    def __init__(self, padding, value):
        super().__init__(value)
        self.padding = _ntuple(padding, 4)


class ConstantPad3d(_ConstantPadNd):
    def __init__(self, padding, value):
        super().__init__(value)
        self.padding = _ntuple(padding, 6)


class _ReflectionPadNd(Module):
    __module__ = "torch.nn.modules.padding"

    def forward(self, input):
        return pad(input, self.padding, "reflect")

    def extra_repr(self):
        return f"{self.padding}"


class ReflectionPad1d(_ReflectionPadNd):
    """F.pad(mode='reflect') over the last 1 dimension(s)."""

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, 2)


class ReflectionPad2d(_ReflectionPadNd):
    """F.pad(mode='reflect') over the last 2 dimension(s)."""

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, 4)


class ReflectionPad3d(_ReflectionPadNd):
    """F.pad(mode='reflect') over the last 3 dimension(s)."""

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, 6)


class _ReplicationPadNd(Module):
    __module__ = "torch.nn.modules.padding"

    def forward(self, input):
        return pad(input, self.padding, "replicate")

    def extra_repr(self):
        return f"{self.padding}"


class ReplicationPad1d(_ReplicationPadNd):
    """F.pad(mode='replicate') over the last 1 dimension(s)."""

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, 2)


class ReplicationPad2d(_ReplicationPadNd):
    """F.pad(mode='replicate') over the last 2 dimension(s)."""

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, 4)


class ReplicationPad3d(_ReplicationPadNd):
    """F.pad(mode='replicate') over the last 3 dimension(s)."""

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, 6)


class ZeroPad1d(ConstantPad1d):
    """Pads the last dimension with zeros."""

    def __init__(self, padding):
        super().__init__(padding, 0.0)

    def extra_repr(self):
        return f"{self.padding}"


class ZeroPad2d(ConstantPad2d):
    """Pads the last two dimensions with zeros."""

    def __init__(self, padding):
        super().__init__(padding, 0.0)

    def extra_repr(self):
        return f"{self.padding}"


class ZeroPad3d(ConstantPad3d):
    def __init__(self, padding):
        super().__init__(padding, 0.0)

    def extra_repr(self):
        return f"{self.padding}"
