"""Functions of the torch namespace (and their Tensor methods, ``METHODS``) that exercise notebooks use:
scatter_reduce, masked_scatter, combinations, diag_embed, diagflat, fix, gcd/lcm, trapz, cumulative_trapezoid,
nanquantile, chain_matmul, asarray, ``Tensor.view(dtype)``, ``apply_`` and ``map_``. Each records the ops that
PyTorch's own composite records (``combinations``: meshgrid, masked_select, stack), so grad_fn names match."""
import operator
import warnings

import numpy as np

from . import arg_parser, dtypes
from . import functions as F
from . import indexing as IX
from . import shaping as S
from .composed import narrow
from .asarray import asarray
from .dispatch import check_broadcast
from .function_signatures import SIGNATURES
from .linalg import _multi_dot_checks, chain_order as _chain_order, mm
from .more import int_to_default_float, quantile, real_step, spacings, trapezoid
from .optable import OPS
from .ordering import meshgrid
from .tensor_base import TensorBase, _dim, apply, inplace, warn_once, wrap

# (PyTorch 2.13's forward takes "max" and "min" as amax and amin, its backward refuses them; messages name the five)
_REDUCES = {"sum": "sum", "prod": "prod", "mean": "mean", "amax": "amax", "amin": "amin", "max": "amax", "min": "amin"}


def scatter_reduce(input, dim, index, src, reduce, *, include_self=True):
    """src's elements reduced ("sum", "prod", "mean", "amax", "amin") into a copy of input at their index along
    dim (ScatterReduceBackward0)."""
    key, _ = IX._along(input, dim, index, "scatter", src)
    if reduce not in _REDUCES:
        raise RuntimeError(f"reduce argument must be either sum, prod, mean, amax or amin, got {reduce}")
    return apply(OPS["scatter_reduce"], (input, IX._leading(src, index)), key, reduce, bool(include_self))


def masked_scatter(input, mask, source):
    """input with source's elements written, in order, where mask is True (MaskedScatterBackward0)."""
    m = mask._data
    check_broadcast(m.shape, input._data.shape)   # (PyTorch broadcasts first, the mask as tensor "a"; then the
    _check_masked_scatter(input, m, source)       # in-place op on the copy checks the dtypes)
    shape = np.broadcast_shapes(input._data.shape, m.shape)
    t = input if input._data.shape == shape else S.expand(input, shape)
    full = np.broadcast_to(m, shape)
    if int(full.sum()) > source._data.size:
        raise RuntimeError("Number of elements of source < number of ones in mask")
    return apply(OPS["masked_scatter"], (t, source), np.ascontiguousarray(full), tuple(source._data.shape))


def _check_masked_scatter(input, m, source):
    """masked_scatter_'s dtype checks, in PyTorch's order: source's dtype, then the mask's (a byte mask warns that it is
    deprecated, then is refused all the same)."""
    if source._data.dtype != input._data.dtype:
        raise RuntimeError("masked_scatter: expected self and source to have same dtypes but got"
                           f"{dtypes.scalar_name(input._data.dtype)} and {dtypes.scalar_name(source._data.dtype)}")
    if m.dtype == np.uint8:   # (a plain TORCH_WARN, every call, before the refusal below)
        warnings.warn("masked_scatter_ received a mask with dtype torch.uint8, this behavior is now deprecated,"
                      "please use a mask with dtype torch.bool instead. (Triggered internally at "
                      "/__w/pytorch/pytorch/aten/src/ATen/native/TensorAdvancedIndexing.cpp:3130.)", UserWarning,
                      stacklevel=4)
    if m.dtype != np.bool_:
        raise RuntimeError(f"masked_scatter_ only supports boolean masks, but got mask with dtype "
                           f"{dtypes.scalar_name(m.dtype)}")


def _masked_scatter_(self, mask, source):
    m = mask._data
    if source._data.dtype != self._data.dtype:
        _check_masked_scatter(self, m, source)
    if np.ndim(m) > self._data.ndim:   # (the mask is expanded to self's shape before its dtype is checked)
        raise RuntimeError(f"expand({dtypes.type_string(m.dtype)}{{{list(mask.shape)}}}, size={list(self.shape)}): the "
                           f"number of sizes provided ({self._data.ndim}) must be greater or equal to the number of "
                           f"dimensions in the tensor ({mask._data.ndim})")
    S.expand(mask, self.shape)
    _check_masked_scatter(self, m, source)
    return inplace(masked_scatter, self, mask, source)


def combinations(input, r=2, with_replacement=False):
    """The r-element combinations of a 1-d tensor's elements, one per row (PyTorch's meshgrid, mask, stack)."""
    if input._data.ndim != 1:
        raise RuntimeError(f"Expect a 1D vector, but got shape {list(input.shape)}")
    if r < 0:
        raise RuntimeError(f"Expect a non-negative number, but got {r}")
    if r == 0:
        return wrap(np.empty((0,), input._data.dtype))
    n = input._data.shape[0]
    grids = meshgrid(*([input] * r), indexing="ij")
    idx = np.indices((n,) * r)
    mask = np.ones((n,) * r, bool)
    for a, b in zip(idx[:-1], idx[1:]):
        mask &= (a <= b) if with_replacement else (a < b)
    return S.stack([IX.masked_select(g, wrap(mask)) for g in grids], 1)


def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    """A tensor whose (dim1, dim2) diagonals at offset hold input's last dim (DiagEmbedBackward0)."""
    shape = list(input._data.shape)
    if not shape:   # (a 0-d input: ATen wraps dim1 and dim2 as dims of a 1-d tensor first)
        for d in (dim1, dim2):
            if d not in (-1, 0):
                raise IndexError(f"Dimension out of range (expected to be in range of [-1, 0], but got {d})")
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    n = shape.pop()
    ndim = len(shape) + 2
    d1, d2 = _dim(dim1, ndim), _dim(dim2, ndim)
    if d1 == d2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    m = n + abs(offset)
    out = shape[:]
    for d in sorted((d1, d2)):
        out.insert(d, m)
    key = IX._diag_key(tuple(out), offset, d1, d2)
    return apply(OPS["diag_embed"], (input,), key, tuple(out))


def diagflat(input, offset=0):
    """The flattened input on the offset diagonal of a square matrix."""
    return IX.diag(S.reshape(input, -1), offset)


def fix(input):
    """trunc under its NumPy name (TruncBackward0)."""
    return F.trunc(input)


def _int_binary(name, fn):
    def op(input, other):
        F.check_operands(input, other)
        for t in (input, other):
            if isinstance(t, TensorBase) and t._data.dtype.kind not in "iu":
                raise NotImplementedError(f"\"{name}_cpu\" not implemented for '{dtypes.scalar_name(t._data.dtype)}'")
        a, b = (t._data if isinstance(t, TensorBase) else np.asarray(t) for t in (input, other))
        return wrap(np.asarray(np.abs(fn(a, b)), np.result_type(a, b)))
    op.__name__ = name
    op.__doc__ = f"The elementwise {name} of two integer tensors (not differentiable)."
    return op


gcd = _int_binary("gcd", np.gcd)
lcm = _int_binary("lcm", np.lcm)


def trapz(y, x=None, *, dx=None, dim=-1):
    """trapezoid's older name (its dx a float: no check that it is real)."""
    return trapezoid(y, x, dx=None if dx is None else float(dx), dim=dim)


def cumulative_trapezoid(y, x=None, *, dx=None, dim=-1):
    """The running trapezoid-rule integral along dim, as ATen: (dx / 2 * (left + right)).cumsum(dim) for a number
    dx, (dx * (left + right)).cumsum(dim) / 2 for sample points x."""
    y = int_to_default_float(y, "cumulative_trapezoid")
    if y.ndim == 0:
        raise IndexError("slice() cannot be applied to a 0-dim tensor.")
    d = _dim(dim, y.ndim)
    n = y.shape[d]
    left, right = narrow(y, d, 0, max(n - 1, 0)), narrow(y, d, min(1, n), max(n - 1, 0))
    if x is None:
        step = 1 if dx is None else real_step(dx, "cumulative_trapezoid")
        return S.cumsum(F.mul(step / 2.0, F.add(left, right)), d)
    dxs = spacings(x, y, d, n, "cumulative_trapezoid")
    return apply(OPS["div_scalar"], (S.cumsum(F.mul(F.add(left, right), dxs), d),), 2.0)


def nanquantile(input, q, dim=None, keepdim=False, *, interpolation="linear"):
    """quantile ignoring NaN: each row's ranks counted among its non-NaN values (all NaN: NaN)."""
    return quantile(input, q, dim, keepdim, interpolation=interpolation, _ignore_nan=True)


def chain_matmul(*matrices, out=None):
    """The product of 2-d matrices in the cheapest order (deprecated: PyTorch warns once)."""
    warn_once("torch.chain_matmul is deprecated and will be removed in a future PyTorch release. Use "
              "torch.linalg.multi_dot instead, which accepts a list of two or more tensors rather than multiple "
              "parameters. (Triggered internally at "
              "/__w/pytorch/pytorch/aten/src/ATen/native/LinearAlgebra.cpp:1102.)")
    if len(matrices) == 1 and isinstance(matrices[0], (list, tuple)):
        matrices = tuple(matrices[0])
    if not matrices:
        raise RuntimeError("chain_matmul(): Expected one or more input tensors")
    for m in matrices:
        if m._data.ndim != 2:
            raise RuntimeError(f"Tensor dimension is {m._data.ndim}, expected 2 instead.")
    if len(matrices) == 1:
        return F.clone(matrices[0])
    _multi_dot_checks(matrices, 2, 2)   # (ATen's chain_matmul is multi_dot beyond one matrix)
    shape = (matrices[0].shape[0], matrices[-1].shape[1])
    if len(matrices) == 2:
        return S.view(mm(*matrices), shape)
    dims = [m.shape[0] for m in matrices] + [matrices[-1].shape[1]]
    split = _chain_order(dims)

    def product(i, j):
        return matrices[i] if i == j else mm(product(i, split[i][j]), product(split[i][j] + 1, j))
    return S.view(product(0, len(matrices) - 1), shape)


_VIEW = [arg_parser.Signature(t) for t in ("(torch.dtype dtype)", "(tuple of ints size)")]


def _dtype_arg(value):
    """view's one positional argument as a dtype (Python's bool, int, float and complex read as PyTorch's parser
    reads them: torch.bool, int64, float64, complex128), else None."""
    if isinstance(value, dtypes.dtype):
        return value
    return dtypes.coerce(value) if value.__class__ is type and value in (bool, int, float, complex) else None


def view(self, *shape, **kwargs):
    """``view(shape)`` as before; ``view(dtype)`` reinterprets the bits (the last dim rescaled when the element
    sizes differ), sharing memory."""
    dtype = None
    if kwargs:   # (view(size=(2, 3)), view(dtype=torch.int32): PyTorch's keywords, parsed)
        values = arg_parser.check_call("view", _VIEW, shape, kwargs)
        shape, dtype = ((values["size"],), None) if "size" in values else ((), dtypes.coerce(values["dtype"]))
    target = dtype if dtype is not None else (_dtype_arg(shape[0]) if len(shape) == 1 else None)
    if target is None:
        return S.view(self, *shape)
    a = self._data
    old, new = a.dtype.itemsize, target.np.itemsize
    if old != new:
        if a.ndim == 0:
            raise RuntimeError(f"self.dim() cannot be 0 to view {dtypes.scalar_name(a.dtype)} as "
                               f"{target.scalar_name} (different element sizes)")
        if a.shape[-1] != 1 and a.strides[-1] != old:
            raise RuntimeError(f"self.stride(-1) must be 1 to view {dtypes.scalar_name(a.dtype)} as "
                               f"{target.scalar_name} (different element sizes), but got {a.strides[-1] // old}")
        if new > old:
            _check_wider_view(self, a, new // old, f"{dtypes.scalar_name(a.dtype)} as {target.scalar_name}")
    # the same memory with its strides (numpy views a strided array as another dtype of the same size in place)
    return wrap(a.view(target.np))


def _check_wider_view(self, a, ratio, names):
    """ATen's view_dtype to a wider element: the last size, the storage offset and every other stride must be
    multiples of the ratio (each element of the result starts on a whole wider element of the storage)."""
    what = f"to view {names} (different element sizes), but got"
    if a.shape[-1] % ratio:
        raise RuntimeError(f"self.size(-1) must be divisible by {ratio} {what} {a.shape[-1]}")
    root = a
    while isinstance(root.base, np.ndarray):
        root = root.base
    offset = (a.__array_interface__["data"][0] - root.__array_interface__["data"][0]) // a.itemsize
    if offset % ratio:
        raise RuntimeError(f"self.storage_offset() must be divisible by {ratio} {what} {offset}")
    for d, st in enumerate(self.stride()[:-1]):
        if st % ratio:
            raise RuntimeError(f"self.stride({d}) must be divisible by {ratio} {what} {st}")


def _as_double(value):
    """CPython's PyFloat_AsDouble, as PyTorch unpacks a float: __float__, else __index__, else its TypeError."""
    if value.__class__ is float:
        return value
    cls = type(value)
    if hasattr(cls, "__float__"):
        return float(value)
    if hasattr(cls, "__index__"):
        return float(operator.index(value))   # (an int past a double: "int too large to convert to float")
    raise TypeError(f"must be real number, not {cls.__name__}")


def _as_long(value):
    """PyTorch's THPUtils_unpackLong: __index__ (its TypeError), an int beyond 64 bits refused."""
    v = operator.index(value)
    if not -2 ** 63 <= v < 2 ** 63:
        raise ValueError("Overflow when unpacking long long")
    return v


def _stored(value, np_dtype):
    """What apply_ / map_ write of the callable's result into an element of np_dtype (python_scalars.h
    store_scalar): a float type takes any real number (overflow gives inf), an integer type a float truncated or an
    int, each checked to fit (an unsigned one wraps a negative int), bool any number's truth, complex a complex."""
    kind = np_dtype.kind
    if kind == "b":
        if isinstance(value, float):
            return bool(value)
        if isinstance(value, complex):
            return value != 0
        return bool(operator.index(value))   # (no overflow check: a huge int is True)
    if kind == "c":
        if isinstance(value, complex):
            return value
        return complex(value) if hasattr(type(value), "__complex__") else _as_double(value)
    if kind in "iu":
        if isinstance(value, float):
            return int(dtypes.fitted(value, np_dtype, dtypes.LITERAL_NAMES))
        return dtypes.fitted(_as_long(value), np_dtype, dtypes.LITERAL_NAMES)
    return _as_double(value)


def _python_scalar(np_dtype):
    """The Python number apply_ / map_ hand the callable for an element of np_dtype (load_scalar)."""
    kind = np_dtype.kind
    return bool if kind == "b" else int if kind in "iu" else complex if kind == "c" else float


def _apply_each(self, others, callable):
    """callable over self's elements in order (others' elements after each), each result written into self at
    once, through self's strides (a view writes into its base); the version counter is not bumped (PyTorch
    writes through the data pointer)."""
    a = self._data
    load = _python_scalar(a.dtype)
    with np.errstate(over="ignore"):   # (a float64 result past float32's range is inf, as a C cast makes it)
        for idx in np.ndindex(a.shape):
            a[idx] = _stored(callable(load(a[idx]), *(load(o[idx]) for o in others)), a.dtype)
    return self


_MAP = [arg_parser.Signature("(Tensor other, PyObject* callable)")]
_MAP2 = [arg_parser.Signature("(Tensor x, Tensor y, PyObject* callable)")]


def apply_(self, *args, **kwargs):
    """Each element replaced by callable(element), in place (CPU tensors that do not require grad)."""
    if kwargs:   # (a METH_O method of PyTorch's C class: CPython's messages)
        raise TypeError("TensorBase.apply_() takes no keyword arguments")
    if len(args) != 1:
        raise TypeError(f"TensorBase.apply_() takes exactly one argument ({len(args)} given)")
    if self.requires_grad:
        raise RuntimeError("Can't call apply_() on Variable that requires grad. Use var.detach().apply_() instead.")
    return _apply_each(self, (), args[0])


def map_(self, *args, **kwargs):
    """Each element replaced by callable(element, other's element), other (of self's type) expanded to self, in
    place."""
    values = arg_parser.check_call("map_", _MAP, args, kwargs)
    other, callable = values["other"], values["callable"]
    if self.requires_grad or other.requires_grad:
        raise RuntimeError("Can't call map_() on Variable that requires grad. Use var.detach().map_() instead.")
    if other._data.dtype != self._data.dtype:
        raise TypeError(f"map_: expected {dtypes.type_string(self._data.dtype)} for 'other' "
                        f"(got {dtypes.type_string(other._data.dtype)})")
    expanded = S.expand(other, self._data.shape)._data   # (expand_inplace: expand's own errors)
    return _apply_each(self, (expanded,), callable)


def map2_(self, *args, **kwargs):
    """Each element replaced by callable(element, x's element, y's element), x and y (of self's type) expanded to
    self, in place."""
    values = arg_parser.check_call("map2_", _MAP2, args, kwargs)
    x, y = values["x"], values["y"]
    if self.requires_grad or x.requires_grad or y.requires_grad:
        raise RuntimeError("Can't call map2_() on Variable that requires grad. Use var.detach().map2_() instead.")
    for name, t in (("x", x), ("y", y)):
        if t._data.dtype != self._data.dtype:
            raise TypeError(f"map2_: expected {dtypes.type_string(self._data.dtype)} for argument '{name}' "
                            f"(got {dtypes.type_string(t._data.dtype)})")
    shape = self._data.shape
    return _apply_each(self, (S.expand(x, shape)._data, S.expand(y, shape)._data), values["callable"])


FUNCTIONS = {"scatter_reduce": scatter_reduce, "masked_scatter": masked_scatter, "combinations": combinations,
             "diag_embed": diag_embed, "diagflat": diagflat, "fix": fix, "fix_": lambda input: inplace(fix, input),
             "gcd": gcd, "lcm": lcm, "gcd_": lambda a, b: inplace(gcd, a, b), "lcm_": lambda a, b: inplace(lcm, a, b),
             # (PyTorch parses these overloads first: x and dx together are its "invalid combination" TypeError)
             **{name: arg_parser.checked(fn, name, SIGNATURES[name])
                for name, fn in (("trapz", trapz), ("cumulative_trapezoid", cumulative_trapezoid))},
             "nanquantile": nanquantile,
             "chain_matmul": chain_matmul, "asarray": arg_parser.checked(asarray, "asarray", SIGNATURES["asarray"]),
             "positive": lambda input: _positive(input)}


def _positive(input):
    if input._data.dtype == np.bool_:
        raise RuntimeError("The `+` operator, on a bool tensor is not supported.")
    return input


METHODS = {"scatter_reduce": scatter_reduce, "masked_scatter": masked_scatter, "diag_embed": diag_embed,
           "diagflat": diagflat, "fix": fix, "fix_": FUNCTIONS["fix_"], "gcd": gcd, "lcm": lcm,
           "gcd_": FUNCTIONS["gcd_"], "lcm_": FUNCTIONS["lcm_"], "nanquantile": nanquantile, "positive": _positive,
           "view": view,
           "apply_": apply_, "map_": map_, "map2_": map2_, "masked_scatter_": _masked_scatter_,
           "scatter_reduce_": lambda self, dim, index, src, reduce, *, include_self=True: inplace(
               scatter_reduce, self, dim, index, src, reduce, include_self=include_self)}
