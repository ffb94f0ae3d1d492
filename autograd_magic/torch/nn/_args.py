"""PyTorch's argument parser on a tensor argument, shared by torch.nn.functional's modules and the layers."""
import collections.abc

import numpy as np

from ...engine import argcheck, dtypes
from ...engine.autograd import GRAD_MODE
from ...engine.tensor import Tensor


def ntuple(x, n):
    """PyTorch's _single / _pair / _triple / _quadruple (torch.nn.modules.utils._ntuple(n)(x)), as layers apply them
    to their size arguments: an iterable as a tuple (a string too), anything else repeated n times."""
    return tuple(x) if isinstance(x, collections.abc.Iterable) else (x,) * n


def tensor_arg(fn, value, name="input", position=1):
    """PyTorch's argument parser on a tensor argument: a numpy array (a model called on the training data before
    torch.from_numpy), a list or None (a forward without return) is its TypeError."""
    if not isinstance(value, Tensor):
        raise TypeError(f"{fn}(): argument '{name}' (position {position}) must be Tensor, not {type_name(value)}")


def float_arg(fn, value, name, position=None):
    """PyTorch's argument parser on a float (double) argument: a Python or numpy real number, or a 0-dim real tensor
    that does not require grad, as a Python float; anything else (a string, None, a 1-element tensor, a tensor that
    requires grad) is its TypeError. position None: an argument the caller passed by keyword (no position shown)."""
    if value.__class__ in (int, float, bool) or isinstance(value, np.generic) and value.dtype.kind in "biuf":
        return float(value)
    if isinstance(value, Tensor) and value.ndim == 0 and not value.requires_grad:
        if value.is_complex():
            raise RuntimeError("value cannot be converted to type double without overflow")
        return float(value.item())
    raise _parser_type_error(fn, value, name, position, "float")


def number_arg(fn, value, name, position=None):
    """PyTorch's argument parser on a Scalar (Number) argument: as float_arg, but the number keeps its Python type
    (an int stays an int)."""
    if value.__class__ in (int, float, bool) or isinstance(value, np.generic) and value.dtype.kind in "biuf":
        return value.item() if isinstance(value, np.generic) else value
    if isinstance(value, Tensor) and value.ndim == 0 and not value.requires_grad and not value.is_complex():
        return value.item()
    raise _parser_type_error(fn, value, name, position, "Number")


def bool_arg(fn, value, name, position=None):
    """PyTorch's argument parser on a bool argument: only True or False (an int, a numpy bool or a tensor is its
    TypeError)."""
    if value.__class__ is bool:
        return value
    raise _parser_type_error(fn, value, name, position, "bool")


def _parser_type_error(fn, value, name, position, kind):
    shown = "Tensor" if isinstance(value, Tensor) else type_name(value)   # (the parser's name for a tensor)
    where = "" if position is None else f" (position {position})"
    return TypeError(f"{fn}(): argument '{name}'{where} must be {kind}, not {shown}")


def type_name(value):
    """A value's type as PyTorch's messages name it (numpy.ndarray, list, NoneType, a Python class's name ...)."""
    return argcheck.type_name(type(value))


def conv_args(nd, args):
    """A ConvNd layer's call of F.convNd(input, weight, bias, stride, padding, dilation, groups) on an input that is
    not a tensor (a numpy array): PyTorch's argument parser's message, each argument marked."""
    if isinstance(args[0], Tensor):
        return

    def kind(v):
        return type(v).__name__ if isinstance(v, Tensor) else type_name(v)

    def detail(v):
        if isinstance(v, tuple):
            return f"tuple of ({', '.join(type(x).__name__ for x in v)}{',' if len(v) == 1 else ''})"
        if isinstance(v, list):
            return f"list of [{', '.join(type(x).__name__ for x in v)}]"
        return kind(v)
    marks = ", ".join(f"!{detail(a)}!" for a in args)
    reason = f"      didn't match because some of the arguments have invalid types: ({marks})\n"
    raise TypeError(
        f"conv{nd}d() received an invalid combination of arguments - got ({', '.join(kind(a) for a in args)}), but "
        "expected one of:\n * (Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, tuple of "
        "ints padding = 0, tuple of ints dilation = 1, int groups = 1)\n" + reason +
        " * (Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, str padding = \"valid\", "
        "tuple of ints dilation = 1, int groups = 1)\n" + reason)


def index_dtype(fn, indices, position=1):
    """ATen's checkScalarTypes on an indices argument (Long or Int; argument #position of fn); the type is named
    as its legacy deprecated-type name (torch.FloatTensor ...) or, where it has none, as CPUBoolType,
    CPUBFloat16Type."""
    dt = indices._data.dtype
    if dt in (np.int64, np.int32):
        return
    shown = dtypes.type_string(dt)
    raise RuntimeError(f"Expected tensor for argument #{position} 'indices' to have one of the following scalar types: "
                       f"Long, Int; but got {shown} instead (while checking arguments for {fn})")


def int_list(name, values, arg, position=2):
    """values parsed as PyTorch's parser parses an int[] argument: integers and one-element integer tensors pass;
    the first element that does not is its TypeError, worded apart at position 0 (where a bool fails too)."""
    out = []
    for i, v in enumerate(values):
        if isinstance(v, Tensor) and not v.is_floating_point() and v.numel() == 1:
            out.append(int(v))
            continue
        if not isinstance(v, (int, np.integer)) or (not i and isinstance(v, (bool, np.bool_))):
            if not i:
                raise TypeError(f"{name}(): argument '{arg}' (position {position}) must be tuple of ints, but found "
                                f"element of type {type_name(v)} at pos 0")
            raise TypeError(f"{name}(): argument '{arg}' failed to unpack the object at pos {i + 1} with error "
                            f"\"type must be tuple of ints,but got {type_name(v)}\"")
        out.append(int(v))
    return tuple(out)


def not_differentiable(fn, name, value):
    """The autograd kernel's check of an argument PyTorch does not differentiate (a loss's weights or target, batch
    norm's running statistics): made after the argument parser and before the kernel's own checks, in grad mode."""
    if value is not None and value.requires_grad and GRAD_MODE.enabled:
        raise RuntimeError(f"The function '{fn}' is not differentiable with respect to argument '{name}'. This input "
                           "cannot have requires_grad True.")
