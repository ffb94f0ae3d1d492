"""numpy calls on Tensors: ``np.sin(t)`` records like ``torch.sin(t)``; conversion of a grad tensor fails."""
import numpy as np

from .tensor import Tensor

_UFUNCS = {"sin": "sin", "cos": "cos", "tan": "tan", "tanh": "tanh", "exp": "exp", "log": "log", "sqrt": "sqrt",
           "absolute": "abs", "negative": "neg", "add": "__add__", "subtract": "__sub__", "multiply": "__mul__",
           "true_divide": "__truediv__", "divide": "__truediv__", "power": "__pow__", "maximum": "maximum",
           "minimum": "minimum", "matmul": "__matmul__", "equal": "__eq__", "not_equal": "__ne__",
           "less": "__lt__", "less_equal": "__le__", "greater": "__gt__", "greater_equal": "__ge__",
           "square": None}


def _as_tensor(x):
    if isinstance(x, Tensor):
        return x
    if isinstance(x, np.ndarray):
        return Tensor._wrap(x)
    return x


def array_ufunc(ufunc, method, inputs, kwargs):
    name = _UFUNCS.get(ufunc.__name__, False)
    if method != "__call__" or name is False or kwargs.get("out") is not None:
        return _fallback(ufunc, method, inputs, kwargs)
    args = [_as_tensor(x) for x in inputs]
    if name is None:
        return args[0] * args[0]
    first = args[0]
    if not isinstance(first, Tensor):
        # scalar (op) tensor: use the reflected operator.
        reflected = {"__add__": "__radd__", "__sub__": "__rsub__", "__mul__": "__rmul__",
                     "__truediv__": "__rtruediv__", "__pow__": "__rpow__"}.get(name)
        if reflected is None:
            return _fallback(ufunc, method, inputs, kwargs)
        return getattr(args[1], reflected)(first)
    return getattr(first, name)(*args[1:])


def _fallback(ufunc, method, inputs, kwargs):
    arrays = [np.asarray(x) if isinstance(x, Tensor) else x for x in inputs]
    result = getattr(ufunc, method)(*arrays, **kwargs)
    return Tensor._wrap(np.asarray(result)) if isinstance(result, np.ndarray) or np.isscalar(result) else result


def array_function(func, args, kwargs):
    from .. import torch
    mapped = getattr(torch, func.__name__, None)
    if mapped is not None and func.__name__ in ("sum", "mean", "max", "min", "reshape", "transpose", "where",
                                                 "dot", "matmul", "abs", "stack", "concatenate", "prod", "std",
                                                 "var", "clip", "squeeze", "exp", "log"):
        return mapped(*[_as_tensor(a) if isinstance(a, np.ndarray) else a for a in args], **kwargs)
    converted = [np.asarray(a) if isinstance(a, Tensor) else a for a in args]
    return func(*converted, **kwargs)
