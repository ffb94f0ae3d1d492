"""numpy calls on Tensors: ``np.sin(t)`` records like ``torch.sin(t)``; conversion of a grad tensor fails."""
import sys
import warnings

import numpy as np

from . import functions as F
from . import linalg
from . import shaping as S
from .tensor_base import DECLARED_FUNCTIONS, TensorBase, wrap

_UFUNCS = {"sin": "sin", "cos": "cos", "tan": "tan", "tanh": "tanh", "exp": "exp", "log": "log", "sqrt": "sqrt",
           "absolute": "abs", "negative": "neg", "add": "__add__", "subtract": "__sub__", "multiply": "__mul__",
           "true_divide": "__truediv__", "divide": "__truediv__", "power": "__pow__", "maximum": "maximum",
           "minimum": "minimum", "matmul": "__matmul__", "equal": "__eq__", "not_equal": "__ne__",
           "less": "__lt__", "less_equal": "__le__", "greater": "__gt__", "greater_equal": "__ge__",
           "floor_divide": "__floordiv__", "remainder": "__mod__", "square": None}


def _as_tensor(x):
    if isinstance(x, TensorBase):
        return x
    if isinstance(x, np.ndarray):
        return wrap(x)
    return x


def array_ufunc(ufunc, method, inputs, kwargs):
    name = _UFUNCS.get(ufunc.__name__, False)
    if method != "__call__" or name is False or kwargs.get("out") is not None:
        return _fallback(ufunc, method, inputs, kwargs)
    args = [_as_tensor(x) for x in inputs]
    if name is None:
        return args[0] * args[0]
    first = args[0]
    if not isinstance(first, TensorBase):
        # scalar (op) tensor: use the reflected operator.
        reflected = {"__add__": "__radd__", "__sub__": "__rsub__", "__mul__": "__rmul__",
                     "__truediv__": "__rtruediv__", "__pow__": "__rpow__", "__floordiv__": "__rfloordiv__",
                     "__mod__": "__rmod__"}.get(name)
        if reflected is None:
            return _fallback(ufunc, method, inputs, kwargs)
        return getattr(args[1], reflected)(first)
    return getattr(first, name)(*args[1:])


def _fallback(ufunc, method, inputs, kwargs):
    arrays = [np.asarray(x) if isinstance(x, TensorBase) else x for x in inputs]
    result = getattr(ufunc, method)(*arrays, **kwargs)
    return wrap(np.asarray(result)) if isinstance(result, np.ndarray) or np.isscalar(result) else result


# numpy functions that run as the engine's (the torch function of the same name): np.sum(t), np.clip(t, 0, 1) ...
_FUNCTIONS = {"sum": F.with_out(S.sum), "mean": F.with_out(S.mean), "max": S.max, "min": S.min, "reshape": S.reshape,
              "transpose": S.transpose, "where": F.with_out(F.where), "dot": F.with_out(linalg.dot),
              "matmul": F.with_out(linalg.matmul), "abs": F.with_out(F.abs), "stack": F.with_out(S.stack),
              "concatenate": S.concatenate, "prod": F.with_out(S.prod), "std": S.std, "var": S.var, "clip": F.clamp,
              "squeeze": S.squeeze, "exp": F.with_out(DECLARED_FUNCTIONS["exp"]),
              "log": F.with_out(DECLARED_FUNCTIONS["log"])}


def array_function(func, args, kwargs):
    mapped = _FUNCTIONS.get(func.__name__)
    if mapped is not None:
        return mapped(*[_as_tensor(a) if isinstance(a, np.ndarray) else a for a in args], **kwargs)
    converted = [np.asarray(a) if isinstance(a, TensorBase) else a for a in args]
    return func(*converted, **kwargs)


# ---------------------------------------------------------------- Tensor (op) numpy array, as PyTorch ends up there

_WRAP_DEPRECATED = ("__array_wrap__ must accept context and return_scalar arguments (positionally) in the future. "
                    "(Deprecated NumPy 2.0)")
OPERATOR_UFUNCS = {"__add__": np.add, "__sub__": np.subtract, "__mul__": np.multiply, "__truediv__": np.true_divide,
                   "__floordiv__": np.floor_divide, "__mod__": np.remainder, "__pow__": np.power,
                   "__matmul__": np.matmul, "__and__": np.bitwise_and, "__or__": np.bitwise_or,
                   "__xor__": np.bitwise_xor}
ORDERINGS = {"__lt__": "<", "__le__": "<=", "__gt__": ">", "__ge__": ">="}


def _caller_level():
    """How many frames up, from the caller of the function that calls this, the user's code is."""
    f, level = sys._getframe(2), 1
    while f is not None and f.f_globals.get("__name__", "").startswith("autograd_magic."):
        f, level = f.f_back, level + 1
    return level


def with_ndarray(name, method):
    """Tensor's operator `name` where the other operand is a numpy array: PyTorch's operator refuses the array,
    numpy's reflected one computes on the tensor's array (numpy's dtypes: ``x * np.array(2.0)`` is float64; a tensor
    that requires grad raises) and wraps the result back into a Tensor, with NumPy 2's DeprecationWarning about
    Tensor.__array_wrap__; x += array rebinds x to that result. An ordering (x < array) is a TypeError."""
    ufunc, symbol = OPERATOR_UFUNCS.get(name), ORDERINGS.get(name)

    def operator(self, other):
        if other.__class__ is not np.ndarray:
            return method(self, other)
        if symbol is not None:
            raise TypeError(f"'{symbol}' not supported between instances of 'Tensor' and 'numpy.ndarray'")
        if ufunc is None:   # an in-place operator: Python falls back to the plain one
            return NotImplemented
        result = ufunc(self.__array__(), other)
        warnings.warn(_WRAP_DEPRECATED, DeprecationWarning, stacklevel=_caller_level() + 1)
        return wrap(np.asarray(result))
    operator.__name__ = name
    return operator
