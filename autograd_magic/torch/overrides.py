"""torch.overrides: the helpers of the __torch_function__ protocol (engine/torch_function.py) that lessons call."""
from ..engine import torch_function as _tf
from .device import mode_active as _mode_active
from ..engine.tensor import Tensor as _Tensor
from ..engine.tensor_base import TensorBase as _TensorBase


def has_torch_function(relevant_args):
    """True when an argument's class defines __torch_function__ (not torch.Tensor's, not nn.Parameter's), or a
    torch function mode is active (set_default_device's: torch/device.py)."""
    return _mode_active() or bool(_tf.overloaded(relevant_args))


def has_torch_function_unary(arg):
    """has_torch_function for one argument."""
    return _mode_active() or bool(_tf.overloaded((arg,)))


def has_torch_function_variadic(*args):
    """has_torch_function for the arguments given."""
    return _mode_active() or bool(_tf.overloaded(args))


def handle_torch_function(public_api, relevant_args, *args, **kwargs):
    """Hand a call of public_api to the __torch_function__ of relevant_args' classes (PyTorch's error if all of
    them return NotImplemented)."""
    found = _tf.overloaded(relevant_args)
    types = tuple(a.__class__ for a in found)
    for arg in found:
        result = arg.__torch_function__(public_api, types, args, kwargs)
        if result is not NotImplemented:
            return result
    name = f"{public_api.__module__}.{public_api.__name__}"
    raise TypeError(f"no implementation found for '{name}' on types that implement __torch_function__: "
                    f"{[type(a) for a in found]}")


def is_tensor_like(inp):
    """True for a tensor or an object whose class defines __torch_function__."""
    return type(inp) is _TensorBase or isinstance(inp, _TensorBase) or hasattr(inp, "__torch_function__")


def is_tensor_method_or_property(func):
    """True for a method or property of torch.Tensor (what __torch_function__ is handed for x.add(y), x.grad)."""
    return getattr(func, "__name__", None) is not None and any(
        v is func for v in vars(_Tensor).values()) or getattr(func, "__qualname__", "").startswith("Tensor.")
