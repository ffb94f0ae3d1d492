"""Functions of numerical exercise notebooks: torch.gradient (ATen's composite: central differences inside,
one-sided or second-order differences at the edges, concatenated), frexp / ldexp (their own nodes:
ops_float_parts.py), and atleast_1d/2d/3d taking several tensors or a list as PyTorch's do."""
import numbers
import warnings

import numpy as np

from . import dtypes
from . import ops_float_parts  # noqa: F401  (registers frexp and ldexp)
from .arg_parser import invalid_combination
from .argcheck import tp_name
from .composed import atleast_1d as _atleast_1d, atleast_2d as _atleast_2d
from .functions import _RESIZED, check_operands
from .indexing import aten_getitem
from .optable import OPS
from .shaping import cat, reshape, unsqueeze
from .return_types import return_type
from .tensor_base import TensorBase, _dim, apply, inplace, wrap


def _atleast_3d(input):
    n = input._data.ndim
    if n == 0:
        return reshape(input, 1, 1, 1)
    if n == 1:
        return unsqueeze(unsqueeze(input, 0), -1)
    return unsqueeze(input, -1) if n == 2 else input


def _variadic(one):
    def fn(*tensors):
        if len(tensors) == 1 and isinstance(tensors[0], TensorBase):
            return one(tensors[0])
        if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
            tensors = tensors[0]
        return tuple(one(t) for t in tensors)
    fn.__name__ = fn.__qualname__ = one.__name__.lstrip("_")
    return fn


def _slice(t, dim, start, stop=None):
    key = [slice(None)] * t._data.ndim
    key[dim] = slice(start, stop)
    return aten_getitem(t, tuple(key))


_GRADIENT_OVERLOADS = [f"(Tensor input, *, {spacing}{dims}, int edge_order = 1)" for spacing, dims in (
    ("", "tuple of ints dim"), ("Number spacing, ", "tuple of ints dim"), ("Number spacing = None, ", "int dim = None"),
    ("tuple of Scalars spacing, ", "int dim = None"), ("tuple of Scalars spacing, ", "tuple of ints dim"),
    ("tuple of Tensors spacing, ", "int dim = None"), ("tuple of Tensors spacing, ", "tuple of ints dim"))]


def gradient(input, *, spacing=1, dim=None, edge_order=1):
    """Estimated partial derivatives of the sampled function input along each dim (a tuple of tensors)."""
    if isinstance(spacing, TensorBase):   # a Number: a 0-d tensor that needs no grad (t[1] - t[0]), read as its value
        if spacing._data.ndim or spacing._rg:
            given = {"spacing": spacing, **({"dim": dim} if dim is not None else {}),
                     **({"edge_order": edge_order} if edge_order != 1 else {})}
            raise invalid_combination("gradient", _GRADIENT_OVERLOADS, (input,), given)
        spacing = spacing.item()
    ndim = input._data.ndim
    dims = list(range(ndim)) if dim is None else [dim] if isinstance(dim, numbers.Integral) else list(dim)
    if isinstance(spacing, (list, tuple)):
        spacings = list(spacing)
        if spacings and isinstance(spacings[0], TensorBase):   # (the parser's "tuple of Tensors", by the first)
            for i, h in enumerate(spacings):
                if not isinstance(h, TensorBase):
                    raise TypeError(f"expected Tensor as element {i} in argument 1, but got {tp_name(h)}")
    else:
        spacings = [spacing] * len(dims)
    if input._data.dtype == np.uint8:
        raise RuntimeError("torch.gradient does not support uint8 input.")
    if dim is None and len(spacings) != ndim:
        raise RuntimeError("torch.gradient expected spacing to be unspecified, a scalar, or a list of length equal to "
                           f"'self.dim() = {ndim}', since dim argument was not given, but got a list of length "
                           f"{len(spacings)}")
    if dim is not None and len(spacings) != len(dims):
        raise RuntimeError("torch.gradient expected spacing to be unspecified, a scalar or it's spacing and dim "
                           f"arguments to have the same length, but got a spacing argument of length {len(spacings)} "
                           f"and a dim argument of length {len(dims)}.")
    if edge_order not in (1, 2):
        raise RuntimeError("torch.gradient only supports edge_order=1 and edge_order=2.")
    if dim is not None:   # ATen's dim_list_to_bitset: each dim in range, none twice
        seen = set()
        for d in dims:
            d = _dim(d, ndim)
            if d in seen:
                raise RuntimeError(f"dim {d} appears multiple times in the list of dims")
            seen.add(d)
        if ndim == 0:   # in range, but self.size(dim) of a 0-d tensor
            raise IndexError(f"Dimension specified as {dims[0]} but tensor has no dimensions")
    if any(input._data.shape[d] < edge_order + 1 for d in dims):
        raise RuntimeError("torch.gradient expected each dimension size to be at least edge_order+1")
    out = []
    for d, h in zip(dims, spacings):
        d = d + ndim if d < 0 else d
        if isinstance(h, TensorBase):
            out.append(_by_coordinates(input, h, d, edge_order))
        else:
            out.append(_by_step(input, h, d, edge_order))
    return tuple(out)


def _by_step(x, h, d, edge_order):
    center = (_slice(x, d, 2) - _slice(x, d, 0, -2)) / h
    if edge_order == 1:
        prepend = (_slice(x, d, 1, 2) - _slice(x, d, 0, 1)) / h
        append = (_slice(x, d, -1) - _slice(x, d, -2, -1)) / h
    else:
        prepend = (_slice(x, d, 0, 1) * -1.5 + _slice(x, d, 1, 2) * 2 - _slice(x, d, 2, 3) * 0.5) / h
        append = (_slice(x, d, -3, -2) * 0.5 + _slice(x, d, -2, -1) * -2 + _slice(x, d, -1) * 1.5) / h
    return cat([prepend, center / 2, append], d)


def _by_coordinates(x, coords, d, edge_order):
    if coords._data.ndim != 1:
        raise RuntimeError("torch.gradient expected each element of spacing to have one dimension, but got an element "
                           f"with {coords._data.ndim} dimensions!")
    shape = [1] * x._data.ndim
    shape[d] = -1
    dx = _slice(coords, 0, 1) - _slice(coords, 0, None, -1)
    dx1, dx2 = _slice(dx, 0, None, -1), _slice(dx, 0, 1)
    a = reshape(-dx2 / (dx1 * (dx1 + dx2)), *shape)
    b = reshape((dx2 - dx1) / (dx1 * dx2), *shape)
    c = reshape(dx1 / (dx2 * (dx1 + dx2)), *shape)
    center = a * _slice(x, d, 0, -2) + b * _slice(x, d, 1, -1) + c * _slice(x, d, 2)
    if edge_order == 1:
        prepend = (_slice(x, d, 1, 2) - _slice(x, d, 0, 1)) / dx[0]
        append = (_slice(x, d, -1) - _slice(x, d, -2, -1)) / dx[-1]
    else:
        a = -(2.0 * dx[0] + dx[1]) / (dx[0] * (dx[0] + dx[1]))
        b = (dx[0] + dx[1]) / (dx[0] * dx[1])
        c = (-dx[0]) / (dx[1] * (dx[0] + dx[1]))
        prepend = a * _slice(x, d, 0, 1) + b * _slice(x, d, 1, 2) + c * _slice(x, d, 2, 3)
        a = dx[-1] / (dx[-2] * (dx[-1] + dx[-2]))
        b = -(dx[-1] + dx[-2]) / (dx[-1] * dx[-2])
        c = (2 * dx[-1] + dx[-2]) / (dx[-1] * (dx[-1] + dx[-2]))
        append = a * _slice(x, d, -3, -2) + b * _slice(x, d, -2, -1) + c * _slice(x, d, -1)
    return cat([prepend, center, append], d)


FrexpResult = return_type("frexp", ("mantissa", "exponent"))


def frexp(input):
    """input = mantissa * 2 ** exponent, with |mantissa| in [0.5, 1) (exponent: int32)."""
    if not dtypes.is_float_np(input._data.dtype):
        raise RuntimeError("torch.frexp() only supports floating-point dtypes")
    exponent = np.frexp(input._data)[1].astype(np.int32)
    scale = np.exp2(exponent).astype(input._data.dtype)
    return FrexpResult((apply(OPS["frexp"], (input,), scale), wrap(exponent)))


def ldexp(input, other):
    """input * 2 ** other."""
    if not isinstance(other, TensorBase):
        raise TypeError(f"ldexp(): argument 'other' (position 2) must be Tensor, not {type(other).__name__}")
    shape = input._data.shape
    int_exponent = dtypes.is_float_np(input._data.dtype) and other._data.dtype.kind in "iub"
    check_operands(input, other)
    if int_exponent:   # ATen's kernel for an integer exponent writes into a tensor of input's shape (resized)
        out_shape = np.broadcast_shapes(shape, other._data.shape)
        if out_shape != shape and input._data.size:
            warnings.warn(_RESIZED.format(", ".join(map(str, shape)), ", ".join(map(str, out_shape))),
                          UserWarning, stacklevel=2)
        if other._data.dtype.kind == "b":
            raise NotImplementedError('"ldexp_cpu_exp" not implemented for \'Bool\'')
    if not dtypes.is_float_np(input._data.dtype):
        input = input.to(dtypes.get_default_dtype())
    return apply(OPS["ldexp"], (input, other))


def ldexp_(self, other):
    """In place: only a floating-point tensor can hold the result (ATen's message names the op)."""
    if not dtypes.is_float_np(self._data.dtype):
        raise RuntimeError(f"ldexp can't be cast to the desired output type {self.dtype.scalar_name}")
    return inplace(ldexp, self, other)


def nextafter(input, other):
    """The next float after input towards other, in the dtypes' result type (floating point only, as ATen)."""
    check_operands(input, other)
    dt = dtypes.result_type((input, other))
    if not dt.is_floating_point:
        raise NotImplementedError(f'"nextafter_cpu" not implemented for \'{dt.scalar_name}\'')
    a, b = input.to(dt), (other if isinstance(other, TensorBase) else wrap(np.asarray(other, dt.np))).to(dt)
    same = np.broadcast_arrays(a._data, b._data)[0] == np.broadcast_arrays(a._data, b._data)[1]
    return apply(OPS["nextafter"], (a, b), same)


FUNCTIONS = {"atleast_1d": _variadic(_atleast_1d), "atleast_2d": _variadic(_atleast_2d),
             "atleast_3d": _variadic(_atleast_3d), "gradient": gradient, "frexp": frexp, "ldexp": ldexp,
             "nextafter": nextafter}
METHODS = {"frexp": frexp, "ldexp": ldexp, "ldexp_": ldexp_, "nextafter": nextafter}
