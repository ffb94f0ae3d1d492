"""The padding layers (ZeroPad, ConstantPad, ReflectionPad, ReplicationPad, CircularPad): F.pad with fixed sizes."""
from .functional_pad import pad
from .module import Module


class _PadNd(Module):
    __module__ = "torch.nn.modules.padding"
    _nd = 1
    _mode = "constant"

    def __init__(self, padding):
        super().__init__()
        n = 2 * self._nd
        self.padding = tuple(padding) if isinstance(padding, (tuple, list)) else (padding,) * n

    def forward(self, input):
        return pad(input, self.padding, self._mode)

    def extra_repr(self):
        return f"{self.padding}"


class _ConstantPadNd(_PadNd):
    def __init__(self, padding, value):
        super().__init__(padding)
        self.value = value

    def forward(self, input):
        return pad(input, self.padding, "constant", self.value)

    def extra_repr(self):
        return f"padding={self.padding}, value={self.value}"


class ConstantPad1d(_ConstantPadNd):
    """Pads the last dimension with value: padding is an int or (left, right)."""


class ConstantPad2d(_ConstantPadNd):
    """Pads the last two dimensions with value: padding is an int or (left, right, top, bottom)."""
    _nd = 2


class ConstantPad3d(_ConstantPadNd):
    _nd = 3


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


def _modes(mode, prefix):
    return [type(f"{prefix}{nd}d", (_PadNd,), {"_nd": nd, "_mode": mode, "__doc__": f"F.pad(mode='{mode}') over "
                                               f"the last {nd} dimension(s)."}) for nd in (1, 2, 3)]


ReflectionPad1d, ReflectionPad2d, ReflectionPad3d = _modes("reflect", "ReflectionPad")
ReplicationPad1d, ReplicationPad2d, ReplicationPad3d = _modes("replicate", "ReplicationPad")
CircularPad1d, CircularPad2d, CircularPad3d = _modes("circular", "CircularPad")
