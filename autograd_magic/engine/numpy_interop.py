"""numpy on Tensors as on PyTorch's: numpy computes on the tensor's array (``np.sin(t)`` of a tensor that requires grad
raises PyTorch's RuntimeError; a ufunc's result comes back as a tensor through ``__array_wrap__``, other numpy
functions return arrays), an array on the left of an operator is refused, one on the right computed by numpy."""
import warnings

import numpy as np

from .argcheck import user_level
from .tensor_base import wrap

_NDARRAY = np.ndarray   # (a module global: numpy has a module __getattr__, so CPython does not specialise np.X reads)

# ---------------------------------------------------------------- Tensor (op) numpy array, as PyTorch ends up there

_WRAP_DEPRECATED = ("__array_wrap__ must accept context and return_scalar arguments (positionally) in the future. "
                    "(Deprecated NumPy 2.0)")
OPERATOR_UFUNCS = {"__add__": np.add, "__sub__": np.subtract, "__mul__": np.multiply, "__truediv__": np.true_divide,
                   "__floordiv__": np.floor_divide, "__mod__": np.remainder, "__pow__": np.power,
                   "__matmul__": np.matmul, "__and__": np.bitwise_and, "__or__": np.bitwise_or,
                   "__xor__": np.bitwise_xor}
ORDERINGS = {"__lt__": "<", "__le__": "<=", "__gt__": ">", "__ge__": ">="}
# an array on the left (array + tensor): numpy leaves it to the tensor (__array_priority__), whose reflected
# operator refuses the array as PyTorch's does: Python's (or numpy's) TypeError
REFLECTED = ("__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rpow__",
             "__rmatmul__", "__rand__", "__ror__", "__rxor__")


def array_wrap(self, array):
    """Tensor.__array_wrap__ as PyTorch's: numpy's result of a ufunc on a tensor, as a tensor (a bool result as
    uint8, PyTorch's workaround kept to this day); two arguments only, so numpy 2 warns as it does for PyTorch."""
    if array.dtype == np.bool_:
        array = array.astype(np.uint8)
    return wrap(array)


def _numpy_result(ufunc, t, other, stacklevel):
    """numpy's ufunc of t's array and other, back as a tensor, with NumPy 2's warning about Tensor.__array_wrap__."""
    result = ufunc(t.__array__(), other)
    warnings.warn(_WRAP_DEPRECATED, DeprecationWarning, stacklevel=stacklevel)
    return wrap(np.asarray(result))


def with_ndarray(name, method):
    """Tensor's operator `name` where the other operand is a numpy array: PyTorch's operator refuses the array,
    numpy's reflected one computes on the tensor's array (numpy's dtypes: ``x * np.array(2.0)`` is float64; a tensor
    that requires grad raises) and wraps the result back into a Tensor, with NumPy 2's DeprecationWarning about
    Tensor.__array_wrap__; x += array rebinds x to that result. An ordering (x < array) is a TypeError."""
    ufunc, symbol = OPERATOR_UFUNCS.get(name), ORDERINGS.get(name)

    def operator(self, other, *modulo):   # (modulo: pow(t, 2, 5) calls __pow__ with three arguments)
        if modulo or other.__class__ is not _NDARRAY:
            return method(self, other, *modulo)
        if name == "__rtruediv__":
            # (PyTorch's __rdiv__: self.reciprocal() * other, numpy's product then, whose warning PyTorch raises on
            # a line of its own torch/_tensor.py, not the user's: a notebook's default filters hide it, as here one
            # raised on a line of this module)
            return _numpy_result(np.multiply, self.reciprocal(), other, 1)
        if symbol is not None or ufunc is None:
            # an ordering: Python's TypeError ('<' not supported between instances of ...), whichever side the
            # array is on; x != array: Python's identity fallback (True); a reflected operator (array + tensor):
            # refused; an in-place one: Python falls back to the plain operator
            return NotImplemented
        return _numpy_result(ufunc, self, other, user_level() + 1)   # (+1: the warning is raised one frame down)
    operator.__name__ = name
    return operator
