"""torch.autograd.Variable, the legacy constructor PyTorch keeps: ``Variable(t)`` is ``t.detach()`` (a plain Tensor
that shares t's memory), ``requires_grad=`` is set on that new tensor, never on t; ``isinstance(x, Variable)`` is
true of every tensor. Arguments are read as CPython reads its ``"|ObbOz"`` format (data, requires_grad, volatile,
_grad_fn, name), with the errors that parser and PyTorch's python_legacy_variable.cpp give."""
import operator
import warnings

from ...engine import argcheck, creation
from ...engine.tensor_base import TensorBase
from . import function as _function

_NAMES = ("data", "requires_grad", "volatile", "_grad_fn", "name")


def _byte(value):
    """A "b" format argument: an int in 0..255."""
    try:
        value = operator.index(value)
    except TypeError:
        raise TypeError(f"'{argcheck.type_name(type(value))}' object cannot be interpreted as an integer") from None
    if value < 0:
        raise OverflowError("unsigned byte integer is less than minimum")
    if value > 255:
        raise OverflowError("unsigned byte integer is greater than maximum")
    return value


def _parse(args, kwargs):
    if len(args) + len(kwargs) > len(_NAMES):
        raise TypeError(f"function takes at most {len(_NAMES)} arguments ({len(args) + len(kwargs)} given)")
    got = dict(zip(_NAMES, args))
    for key, value in kwargs.items():
        if key not in _NAMES:
            raise TypeError(f"'{key}' is an invalid keyword argument for this function")
        if key in got:
            raise TypeError(f"argument for function given by name ('{key}') and position ({_NAMES.index(key) + 1})")
        got[key] = value
    name = got.get("name")
    if name is not None and not isinstance(name, str):
        raise TypeError(f"argument 5 must be str or None, not {argcheck.type_name(type(name))}")
    return (got.get("data"), _byte(got.get("requires_grad", 0)), _byte(got.get("volatile", 0)), got.get("_grad_fn"))


class VariableMeta(type):
    def __instancecheck__(cls, other):
        return isinstance(other, TensorBase)


class Variable(metaclass=VariableMeta):
    """``Variable(data, requires_grad=False, volatile=False)``: data detached, as a Tensor."""
    __module__ = "torch.autograd.variable"

    def __new__(cls, *args, **kwargs):
        data, requires_grad, volatile, grad_fn = _parse(args, kwargs)
        if volatile:
            warnings.warn("volatile was removed and now has no effect. Use `with torch.no_grad():` instead.",
                          UserWarning, stacklevel=2)
            if requires_grad:
                raise ValueError("Variable can't be volatile and require_grad at the same time!")
        if grad_fn is not None and not isinstance(grad_fn, _function.BackwardCFunction):
            raise TypeError("_grad_fn has to be a Function object or None, but got "
                            f"{argcheck.type_name(type(grad_fn))}")
        if data is None:   # (PyTorch's legacy serialization: an empty tensor of the default dtype)
            var = creation.empty(0)
        elif isinstance(data, TensorBase):
            var = TensorBase.detach(data) if data._coo is None else data.detach()   # (sparse keeps its layout)
        else:
            raise TypeError(f"Variable data has to be a tensor, but got {argcheck.type_name(type(data))}")
        if grad_fn is not None:
            raise RuntimeError("_grad_fn argument to legacy Variable constructor is no longer supported.  Instead, "
                               "please invoke your _grad_fn to produce a variable with it as the _grad_fn.")
        if requires_grad:
            if not var.dtype.is_floating_point and not var.dtype.is_complex:
                raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
            var._requires_grad(True)
        return var
