"""The activation modules after the first lessons' (Hardtanh, ReLU6, Mish, SELU, GLU, PReLU ...): each calls its
torch.nn.functional function and prints itself as PyTorch does."""
import warnings

import numpy as np

from ...engine.size import checked_sizes, nonnegative
from ...engine.tensor import Tensor
from . import functional_act as F
from .layers import _Activation
from .module import Module, Parameter, factory_np_dtype, forward_per_subclass


class Hardtanh(_Activation):
    """min_val below min_val, max_val above max_val, x between."""

    def __init__(self, min_val=-1.0, max_val=1.0, inplace=False, min_value=None, max_value=None):
        super().__init__(inplace)
        if min_value is not None:
            warnings.warn("keyword argument `min_value` is deprecated and renamed to `min_val`", FutureWarning,
                          stacklevel=2)
            min_val = min_value
        if max_value is not None:
            warnings.warn("keyword argument `max_value` is deprecated and renamed to `max_val`", FutureWarning,
                          stacklevel=2)
            max_val = max_value
        if max_val <= min_val:
            raise AssertionError(f"max_val ({max_val}) must be greater than min_val ({min_val})")
        self.min_val, self.max_val = min_val, max_val

    def forward(self, input):
        return F.hardtanh(input, self.min_val, self.max_val, self.inplace)

    def extra_repr(self):
        return f"min_val={self.min_val}, max_val={self.max_val}" + (", inplace=True" if self.inplace else "")


class ReLU6(Hardtanh):
    """min(max(0, x), 6)."""

    def __init__(self, inplace=False):
        super().__init__(0.0, 6.0, inplace)

    def extra_repr(self):
        return "inplace=True" if self.inplace else ""


@forward_per_subclass
class _Plain(Module):
    """An activation without arguments."""
    __module__ = "torch.nn.modules.activation"
    fn = None

    def forward(self, input):
        return type(self).fn(input)


class Softsign(_Plain):
    fn = staticmethod(F.softsign)


class Tanhshrink(_Plain):
    fn = staticmethod(F.tanhshrink)


class LogSigmoid(_Plain):
    fn = staticmethod(F.logsigmoid)


@forward_per_subclass
class _Inplace(_Activation):
    """An activation whose inplace flag is kept but not printed (Mish, Hardsigmoid, Hardswish)."""
    fn = None

    def forward(self, input):
        return type(self).fn(input, self.inplace)

    def extra_repr(self):
        return ""


class Mish(_Inplace):
    fn = staticmethod(F.mish)

    def __init__(self, inplace=False):
        super().__init__(inplace)

    def extra_repr(self):
        return "inplace=True" if self.inplace else ""


class Hardsigmoid(_Inplace):
    fn = staticmethod(F.hardsigmoid)

    def __init__(self, inplace=False):
        super().__init__(inplace)


class Hardswish(_Inplace):
    fn = staticmethod(F.hardswish)

    def __init__(self, inplace=False):
        super().__init__(inplace)


class SELU(_Activation):
    def __init__(self, inplace=False):
        super().__init__(inplace)

    def forward(self, input):
        return F.selu(input, self.inplace)


class CELU(_Activation):
    def __init__(self, alpha=1.0, inplace=False):
        super().__init__(inplace)
        self.alpha = alpha

    def forward(self, input):
        return F.celu(input, self.alpha, self.inplace)

    def extra_repr(self):
        return f"alpha={self.alpha}" + (", inplace=True" if self.inplace else "")


class GLU(Module):
    __module__ = "torch.nn.modules.activation"

    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.glu(input, self.dim)

    def extra_repr(self):
        return f"dim={self.dim}"


class Threshold(_Activation):
    def __init__(self, threshold, value, inplace=False):
        super().__init__(inplace)
        self.threshold, self.value = threshold, value

    def forward(self, input):
        return F.threshold(input, self.threshold, self.value, self.inplace)

    def extra_repr(self):
        return f"threshold={self.threshold}, value={self.value}" + (", inplace=True" if self.inplace else "")


class Softshrink(Module):
    __module__ = "torch.nn.modules.activation"
    fn = staticmethod(F.softshrink)

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def forward(self, input):
        return type(self).fn(input, self.lambd)

    def extra_repr(self):
        return str(self.lambd)


class Hardshrink(Softshrink):
    fn = staticmethod(F.hardshrink)

    def __init__(self, lambd=0.5):
        super().__init__(lambd)

    def forward(self, input):   # (its own, as in PyTorch: a wrong call names Hardshrink.forward)
        return F.hardshrink(input, self.lambd)


class RReLU(_Activation):
    """leaky_relu with a random slope per element from U(lower, upper) while training, the mean slope in eval()."""

    def __init__(self, lower=1.0 / 8, upper=1.0 / 3, inplace=False):
        super().__init__(inplace)
        self.lower, self.upper = lower, upper

    def forward(self, input):
        return F.rrelu(input, self.lower, self.upper, self.training, self.inplace)

    def extra_repr(self):
        return f"lower={self.lower}, upper={self.upper}" + (", inplace=True" if self.inplace else "")


class PReLU(Module):
    """x for x > 0, else weight * x, with a learnt weight: one number, or one per channel (dim 1)."""
    __module__ = "torch.nn.modules.activation"

    def __init__(self, num_parameters=1, init=0.25, device=None, dtype=None):
        super().__init__()
        self.num_parameters = num_parameters
        self.init = init
        np_dtype = factory_np_dtype(device, dtype)
        shape = nonnegative(checked_sizes("empty", (num_parameters,)))   # (torch.empty(num_parameters)'s errors)
        self.weight = Parameter(Tensor._wrap(np.full(tuple(shape), init, np_dtype)))

    def reset_parameters(self):
        self.weight._data[...] = self.init

    def forward(self, input):
        return F.prelu(input, self.weight)

    def extra_repr(self):
        return f"num_parameters={self.num_parameters}"


__all__ = ["Hardtanh", "ReLU6", "Softsign", "Tanhshrink", "LogSigmoid", "Mish", "Hardsigmoid", "Hardswish", "SELU",
           "CELU", "GLU", "Threshold", "Softshrink", "Hardshrink", "RReLU", "PReLU"]

for _name in __all__:
    globals()[_name].__module__ = "torch.nn.modules.activation"
