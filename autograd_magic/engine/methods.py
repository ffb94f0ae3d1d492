"""TensorMethods: Tensor's operators and the methods that bind the engine's hand-written functions (the methods
of declared ops are generated from the op table: tensor_base.DeclaredMethods). Tensor inherits both."""
import numbers
import sys
import warnings

import numpy as np

from . import composed as C
from . import arg_parser, argcheck, batching, creation, dtypes, exercise_fns, extras, grad, numeric_fns, numpy_interop, quantized, random
from . import memory_format as formats, overlap as _overlap, renorm, view_scatter
from . import ops_complex, random_samplers, real_dtype, sparse_methods, structured_inplace
from . import functions as F
from . import indexing as IX
from . import inplace as I
from . import linalg as L
from . import linalg_fns as LF
from . import linalg_legacy, linalg_more
from . import more_methods
from . import ordering as O
from . import shaping as S
from .autograd import GRAD_MODE
from .method_signatures import SIGNATURES as METHOD_SIGNATURES
from .more import float_power_dtype
from .optable import OPS
from .size import device
from .tensor_base import (DECLARED_FUNCTIONS, TensorBase, apply, binary, binary_op, check_foreign, check_inplace,
                          enable_bfloat16, inplace, warn_once, wrap)


def _op_method(name):
    op = OPS[name]

    def method(self, other):
        return binary_op(op, self, other)
    method.__name__ = f"__{name}__"
    return method


_POW = OPS["pow"]
_NUMBERS = (int, float)


_F16 = np.dtype(np.float16)


def _pow(self, exponent, modulo=None):
    if modulo is not None:   # pow(t, 2, 5): PyTorch's operator refuses the third argument, so Python's TypeError
        return NotImplemented
    dt = self._data.dtype
    if exponent.__class__ in _NUMBERS and ((dt.kind == "f" and dt is not _F16) or dt is dtypes.BF16_NP):
        return apply(_POW, (self,), exponent)  # the common `x ** 2` (float16: F.pow checks the exponent fits)
    if not _power_operand(exponent):   # (x ** [1, 2]: Python's "unsupported operand type(s) for ** or pow()")
        return NotImplemented
    return F.pow(self, exponent)


def _rpow(self, base):
    if not _power_operand(base):
        return NotImplemented
    return F.pow(base, self)


def _power_operand(value):
    """What ** takes besides a tensor, as PyTorch's operator: a number (numpy's scalars and arrays included)."""
    return isinstance(value, (TensorBase, numbers.Number, np.generic, np.ndarray))


def to_dtype_arg(args, kwargs):
    """The dtype asked for by to(dtype) / to(device) / to(other) / to(device, dtype), devices checked as
    PyTorch checks them (Tensor.to and Module.to)."""
    dtype = dtypes.coerce(kwargs.get("dtype"))
    if isinstance(kwargs.get("tensor"), TensorBase):   # (to(tensor=other), the third overload by name)
        dtype = kwargs["tensor"].dtype
    for a in args:
        if isinstance(a, dtypes.dtype):
            dtype = a
        elif a.__class__ is type and a in (bool, int, float, complex):
            dtype = dtypes.coerce(a)
        elif isinstance(a, TensorBase):
            dtype = a.dtype
        elif isinstance(a, str) or type(a).__name__ == "device":
            _check_device(a)
        elif a.__class__ is int:   # a device index: an accelerator's
            if a < 0:
                raise RuntimeError("Device index must not be negative")
            _no_cuda(a)
    if kwargs.get("device") is not None:
        _check_device(kwargs["device"])
    return dtype


_TO_OVERLOADS = tuple(f"({head}bool non_blocking = False, bool copy = False, *, torch.memory_format memory_format = "
                      "None)" for head in ("torch.device device = None, torch.dtype dtype = None, ",
                                           "torch.dtype dtype, ", "Tensor tensor, "))


def _is_device(a):
    return isinstance(a, (str, np.integer)) or a.__class__ is int or type(a).__name__ == "device"


def _is_dtype(a):
    return isinstance(a, dtypes.dtype) or a.__class__ is type and a in (bool, int, float, complex)


def _is_flag(a):
    return isinstance(a, (bool, np.bool_))


def _is_tensor_like(a):   # (PyTorch's parser reads a Python or numpy number as a tensor)
    return isinstance(a, (TensorBase, bool, int, float, complex, np.generic))


# Tensor.to's three overloads as (name, accepts, required) slots; memory_format is keyword-only in each
_TO_SLOTS = (
    (("device", _is_device, False), ("dtype", _is_dtype, False), ("non_blocking", _is_flag, False),
     ("copy", _is_flag, False)),
    (("dtype", _is_dtype, True), ("non_blocking", _is_flag, False), ("copy", _is_flag, False)),
    (("tensor", _is_tensor_like, True), ("non_blocking", _is_flag, False), ("copy", _is_flag, False)),
)


def _to_overload_matches(slots, args, kwargs):
    if len(args) > len(slots):
        return False
    names = [name for name, _, _ in slots]
    for key, value in kwargs.items():
        if key != "memory_format" and (key not in names[len(args):]
                                       or value is not None and not dict((n, ok) for n, ok, _ in slots)[key](value)):
            return False
    for (name, ok, required), a in zip(slots, args):
        if a is None and not required or ok(a):
            continue
        return False
    return all(not required or i < len(args) or kwargs.get(name) is not None
               for i, (name, _, required) in enumerate(slots))


def to_gives_copy(args, kwargs):
    """Whether to()'s arguments name its copy flag at all (Module.to refuses it, even copy=False): as a keyword,
    or as the last positional of the overload they match (the fourth after a device, the third otherwise)."""
    first_is_device = not args or args[0] is None or _is_device(args[0])
    return "copy" in kwargs or len(args) == 4 or len(args) == 3 and not first_is_device


def parse_to_args(args, kwargs):
    """PyTorch's parser on Tensor.to's / Module.to's arguments (torch._C._nn._parse_to): arguments that match none
    of its three overloads (a list, an object, two dtypes, a dtype before a device string, five positionals, an
    unknown keyword, dtype="float", device=1.5) raise its 'invalid combination' TypeError."""
    if not any(_to_overload_matches(slots, args, kwargs) for slots in _TO_SLOTS):
        raise arg_parser.invalid_combination("to", _TO_OVERLOADS, args, kwargs)


def to_number_args(args):
    """A number first in to()'s arguments: PyTorch's parser reads it as a tensor (its dtype), a numpy integer as a
    device index."""
    if args and args[0].__class__ is not int:
        first = args[0]
        if isinstance(first, (bool, np.bool_)):
            return (dtypes.bool_,) + args[1:]
        if isinstance(first, (float, np.floating)):
            return (dtypes.float64,) + args[1:]
        if isinstance(first, (complex, np.complexfloating)):
            return (dtypes.complex128,) + args[1:]
        if isinstance(first, np.integer):
            return (int(first),) + args[1:]
    return args


def _to(self, *args, **kwargs):
    """to(dtype) / to(device) / to(other) / to(device, dtype); copy= and memory_format= honoured."""
    parse_to_args(args, kwargs)
    args = to_number_args(args)
    flags = [a for a in args[1:] if a.__class__ is bool]   # (positional non_blocking, then copy)
    copy = kwargs.get("copy", flags[1] if len(flags) > 1 else False)
    fmt = kwargs.get("memory_format")
    if fmt is None or fmt is formats.preserve_format:
        return F.to_dtype(self, to_dtype_arg(args, kwargs), copy=copy)
    fmt = formats.checked(fmt, self._data.ndim)
    dtype = to_dtype_arg(args, kwargs) or self.dtype
    if formats.suggested(self._data) is fmt:   # (PyTorch's test of whether to() may return self)
        return F.to_dtype(self, dtype, copy=copy)
    out = F.to_dtype(self, dtype)
    if out is self:   # a copy in that layout (ToCopyBackward0, as PyTorch records it)
        return apply(OPS["to_copy"], (self,), dtype.np, data=formats.laid_out_copy(self._data, fmt))
    out._data = formats.laid_out(out._data, fmt)   # (a new tensor: its copy laid out as asked)
    return out


def _fill_(self, *args, **kwargs):
    """Tensor.fill_(value): a tensor or a number (a Python int, float, bool, complex or a numpy scalar); anything
    else (a list, None, a string, a Fraction, an ndarray) matches neither of PyTorch's overloads."""
    value = args[0] if len(args) == 1 and not kwargs else kwargs.get("value") if not args and len(kwargs) == 1 \
        else _MISSING
    if value is _MISSING or not (isinstance(value, TensorBase) or argcheck.is_number(value)):
        raise arg_parser.invalid_combination("fill_", ("(Tensor value)", "(Number value)"), args, kwargs)
    return I.fill_(self, value)


_MISSING = object()


def _check_device(dev):
    creation._check_device(dev)   # (PyTorch built without CUDA asserts)


def _type(self, dtype=None, non_blocking=False, **kwargs):
    """type() -> 'torch.FloatTensor'; type(torch.float64), type(torch.DoubleTensor), type('torch.DoubleTensor')."""
    for key in kwargs.keys() - {"memory_format"}:
        raise TypeError(f"type() got an unexpected keyword argument '{key}'")
    if dtype is None:
        return f"torch.{self.dtype.scalar_name}Tensor"
    if isinstance(dtype, str) and dtype.startswith("torch.cuda.") or isinstance(dtype, creation.LegacyCudaTensorType):
        raise RuntimeError(creation.NO_ATEN_CUDA)   # (a CUDA type asks for the CUDA library, even by a bad name)
    if isinstance(dtype, type) and not isinstance(getattr(dtype, "dtype", None), dtypes.dtype):
        dtype = _type_name(dtype)   # (PyTorch reads any other class by its C-level name, as a string)
    if isinstance(dtype, str):
        name = dtype[len("torch."):] if dtype.startswith("torch.") else None
        match = [dtypes.get_default_dtype()] if name == "Tensor" else \
            [d for d in dtypes.ALL if f"{d.scalar_name}Tensor" == name]
        if not match:
            raise ValueError(f"invalid type: '{dtype}'")
        dtype = match[0]
    elif not isinstance(dtype, dtypes.dtype):
        if not isinstance(dtype, type):
            raise TypeError("dtype must be a type, str, or dtype object")   # (x.type(1): PyTorch's check)
        dtype = dtype.dtype  # torch.FloatTensor and friends carry their dtype
    return F.to_dtype(self, dtype)


def _type_as(self, other):
    """x.type_as(y): x in y's dtype; y must be a tensor (torch.FloatTensor, which has a dtype too, is PyTorch's
    TypeError)."""
    if not isinstance(other, TensorBase):
        raise TypeError(f"type_as(): argument 'other' (position 1) must be Tensor, not {argcheck.tp_name(other)}")
    return F.to_dtype(self, other.dtype)


def _type_name(cls):
    """A class's tp_name as CPython keeps it: the bare name of a class made in Python ('Foo', 'Module') or of a
    builtin ('float'), the dotted name a C extension gives its type ('numpy.float64', 'torch.Size')."""
    module = getattr(cls, "__module__", "builtins")
    if module.split(".")[0] == "torch":   # (the engine's classes: C types in PyTorch's top modules only)
        return f"{module}.{cls.__name__}" if module in ("torch", "torch._C", "torch.return_types") else cls.__name__
    if cls.__flags__ & (1 << 9) or module == "builtins":   # (Py_TPFLAGS_HEAPTYPE: a class made in Python)
        return cls.__name__
    return f"{module}.{cls.__name__}"


def _shape_as(fn, name):
    """view_as / reshape_as: fn with other's shape; PyTorch's parser's TypeError when other is missing."""
    def method(self, other=_MISSING):
        if other is _MISSING:
            raise TypeError(f'{name}() missing 1 required positional arguments: "other"')
        if not isinstance(other, TensorBase):
            raise TypeError(f"{name}(): argument 'other' (position 1) must be Tensor, not {argcheck.kind(other)}")
        return fn(self, other.shape)
    method.__name__ = method.__qualname__ = name
    return method


def _no_cuda(device=None):
    if isinstance(device, int) and not isinstance(device, bool):   # (an index asks for an accelerator first)
        raise RuntimeError("Cannot access accelerator device when none is available.")
    raise AssertionError("Torch not compiled with CUDA enabled")


def _iop(fn):
    def method(self, other):
        return inplace(fn, self, other)
    return method


def _quotient_in_place(method):
    """div_ and /=: a complex tensor's quotients rounded as ATen's in-place loop rounds them (ops_complex.cdiv)."""
    def div_(self, *args, **kwargs):
        if self._data.dtype.kind != "c":
            return method(self, *args, **kwargs)
        ops_complex.IN_PLACE[0] = True
        try:
            return method(self, *args, **kwargs)
        finally:
            ops_complex.IN_PLACE[0] = False
    div_.__name__ = div_.__qualname__ = getattr(method, "__name__", "div_")
    return div_


def _iop_plain(name, ufunc):
    """x += y (-=, *=) for two tensors of one float dtype and shape, nothing recording (a training loop's
    `p.data += -lr * p.grad`, an update under no_grad): the ufunc writes into x's array, no temporary. Every
    other case, and every error, goes through inplace() as before."""
    def op(a, b):
        return binary(name, a, b)
    op.__name__ = name   # (the name vmap's refusal of a batched value written in place gives: batching.py)
    slow = _iop(op)

    def method(self, other):
        if isinstance(other, TensorBase):
            a, b = self._data, other._data
            if (a.dtype is b.dtype and a.shape == b.shape and a.dtype.kind == "f" and a.flags.writeable
                    and not (GRAD_MODE.enabled and (self._rg or other._rg))
                    and self._fwt is None and other._fwt is None and other._bt is None
                    and (a.base is None and b.base is None or not _overlap.partial_overlap(a, b))):
                ufunc(a, b, out=a)
                self._vbox[0] += 1
                return self
        return slow(self, other)
    return method


def _named_inplace(fn, name=None, no_args=False):
    """fn(self, ...) in place, as the method name (fn's name + "_"); no_args: PyTorch's C method without
    arguments, which refuses every keyword."""
    name = name or getattr(fn, "__name__", "") + "_"

    def method(self, *args, **kwargs):
        if no_args and kwargs:
            raise TypeError(f"TensorBase.{name}() takes no keyword arguments")
        if "out" in kwargs:   # (Python's message would name the out-of-place function)
            raise TypeError(f"{name}() got an unexpected keyword argument 'out'")
        return inplace(fn, self, *args, **kwargs)
    return method


def _clamp_inplace(fn, bounds, name=None):
    """fn in place (clamp_, clip_, clamp_min_, clamp_max_), its number bounds' result type checked first (bounds:
    the call's (min, max))."""
    name = name or fn.__name__ + "_"
    method = _named_inplace(fn, name)

    def clamp_(self, *args, **kwargs):
        try:
            lo, hi = bounds(*args, **kwargs)
        except TypeError:   # (the call's own error, from fn)
            lo = hi = None
        F.check_clamp_inplace(self, lo, hi)
        return method(self, *args, **kwargs)
    clamp_.__name__ = clamp_.__qualname__ = name
    return clamp_


inplace_method = _named_inplace   # for torch/__init__.py: the in-place forms of methods bound there


def _max(self, dim=None, keepdim=False, *, other=None, axis=None, keepdims=None):
    return S.max(self, dim, keepdim, other=other, axis=axis, keepdims=keepdims)


def _min(self, dim=None, keepdim=False, *, other=None, axis=None, keepdims=None):
    return S.min(self, dim, keepdim, other=other, axis=axis, keepdims=keepdims)


def _norm(self, p="fro", dim=None, keepdim=False, dtype=None):
    return LF.tensor_norm(self, p, dim, keepdim, dtype)


_norm.__qualname__ = "Tensor.norm"  # PyTorch's Python-level method: its TypeErrors name it so


def _scatter_inplace(fn):
    def method(self, dim, index, src=None, *, value=None, reduce=None):
        return inplace(_overlap.named("scatter", lambda t, s: fn(t, dim, index, s, value=value, reduce=reduce)
                                      if s is not None or value is not None
                                      else fn(t, dim, index, value=value, reduce=reduce)), self, src)
    return method



def _dims_one_by_one(dims):
    """Tensor.squeeze(1, 3): two or more ints given one by one are its tuple of dims (PyTorch's int[] dim)."""
    if len(dims) > 1 and all(isinstance(d, (int, np.integer)) and not isinstance(d, bool) for d in dims):
        return (dims,)
    return dims


_BINDINGS = {
    # arithmetic operators
    "__add__": _op_method("add"), "__radd__": _op_method("add"),
    "__sub__": lambda s, o: (F.check_bool_sub(s, o) or binary("sub", s, o))
    if isinstance(o, (TensorBase, int, float, complex, bool, np.number)) else NotImplemented,
    "__rsub__": lambda s, o: F.rsub(s, o),
    "__mul__": _op_method("mul"), "__rmul__": _op_method("mul"),
    "__truediv__": lambda s, o: F.div(s, o), "__rtruediv__": lambda s, o: F.div(o, s),
    "__pow__": _pow, "__rpow__": _rpow,
    "__matmul__": lambda s, o: L.matmul(s, o) if isinstance(o, TensorBase) else (check_foreign(o) or NotImplemented),
    "__rmatmul__": lambda s, o: L.matmul(o, s) if isinstance(o, TensorBase) else NotImplemented,
    "__floordiv__": F.floor_divide, "__rfloordiv__": lambda s, o: F.floor_divide(o, s),
    "__mod__": F.remainder, "__rmod__": lambda s, o: F.remainder(o, s),
    "__neg__": F.neg, "__pos__": lambda s: s, "__abs__": F.abs,
    "__eq__": lambda s, o: F.compare("eq", s, o), "__ne__": lambda s, o: F.compare("ne", s, o),
    "__lt__": lambda s, o: F.compare("lt", s, o), "__le__": lambda s, o: F.compare("le", s, o),
    "__gt__": lambda s, o: F.compare("gt", s, o), "__ge__": lambda s, o: F.compare("ge", s, o),
    "__and__": lambda s, o: F.logical("and", s, o), "__or__": lambda s, o: F.logical("or", s, o),
    "__xor__": lambda s, o: F.logical("xor", s, o), "__rand__": lambda s, o: F.logical("and", s, o),
    "__ror__": lambda s, o: F.logical("or", s, o), "__rxor__": lambda s, o: F.logical("xor", s, o),
    "__lshift__": lambda s, o: F.logical("left_shift", s, o), "__rshift__": lambda s, o: F.logical("right_shift", s, o),
    "__rlshift__": lambda s, o: F.logical("left_shift", o, s),
    "__rrshift__": lambda s, o: F.logical("right_shift", o, s),
    "__invert__": F.invert, **{f"bitwise_{n}": F.bitwise(n, method=True) for n in
                                ("and", "or", "xor", "left_shift", "right_shift")},
    "bitwise_not": F.bitwise_not, "bitwise_and_": F.bitwise_inplace(F.bitwise_and),
    "bitwise_or_": F.bitwise_inplace(F.bitwise_or), "bitwise_xor_": F.bitwise_inplace(F.bitwise_xor),
    "__iadd__": _iop_plain("add", np.add), "__isub__": _iop_plain("sub", np.subtract),
    "__imul__": _iop_plain("mul", np.multiply), "__itruediv__": _quotient_in_place(_iop(F.div)),
    "__ipow__": _iop(F.pow), "__ifloordiv__": _iop(F.floor_divide), "__imod__": _iop(F.remainder),
    **{f"__i{op}__": _iop(lambda s, o, _name=name: F.check_cast_first(s, o) or F.logical(_name, s, o))
       for op, name in (("and", "and"), ("or", "or"), ("xor", "xor"), ("lshift", "left_shift"),
                        ("rshift", "right_shift"))},
    "__getitem__": IX.getitem, "__setitem__": IX.setitem,
    # named arithmetic
    "add": F.add, "sub": F.sub, "subtract": F.sub, "mul": F.mul, "multiply": F.mul, "div": F.div,
    "divide": F.div, "true_divide": F.div, "pow": F.pow, "neg": F.neg, "negative": F.neg,
    "reciprocal": F.reciprocal, "abs": F.abs, "absolute": F.abs, "relu": F.relu,
    "clamp": F.clamp, "clip": F.clamp, "maximum": F.maximum, "minimum": F.minimum, "sign": F.sign,
    "matmul": L.matmul, "mm": L.mm, "mv": L.mv, "dot": L.dot, "outer": L.outer,
    "det": LF.det, "logdet": LF.logdet, "slogdet": LF.torch_slogdet, "inverse": LF.inverse, "svd": LF.torch_svd,
    "cholesky": LF.torch_cholesky, "qr": LF.torch_qr, "pinverse": LF.pinverse, "cross": LF.torch_cross,
    "matrix_power": LF.matrix_power, "cholesky_inverse": LF.cholesky_inverse,
    "cholesky_solve": linalg_legacy.cholesky_solve, "triangular_solve": linalg_legacy.triangular_solve,
    "matrix_exp": linalg_more.matrix_exp, "lu": linalg_more.torch_lu,
    "eq": lambda s, o: F.compare("eq", s, o), "ne": lambda s, o: F.compare("ne", s, o),
    "lt": lambda s, o: F.compare("lt", s, o), "le": lambda s, o: F.compare("le", s, o),
    "gt": lambda s, o: F.compare("gt", s, o), "ge": lambda s, o: F.compare("ge", s, o),
    "isnan": F.isnan, "isinf": F.isinf, "isfinite": F.isfinite, "logical_not": F.without_out(F.logical_not),
    "round": F.round, "floor": F.floor, "ceil": F.ceil, "trunc": F.trunc,
    "square": F.square, "all": F.all, "any": F.any,
    "floor_divide": F.floor_divide, "remainder": F.remainder, "nonzero": F.nonzero, "nonzero_static": F.nonzero_static,
    # reductions
    "sum": S.sum, "mean": S.mean, "max": _max, "min": _min, "amax": S.amax, "amin": S.amin,
    "argmax": S.argmax, "argmin": S.argmin, "prod": S.prod, "var": S.var, "std": S.std, "norm": _norm, "dist": S.dist,
    "cumsum": S.cumsum, "cumprod": S.cumprod, "logsumexp": O.logsumexp, "median": O.median, "nanmedian": O.nanmedian,
    "count_nonzero": O.count_nonzero, "sort": O.sort, "argsort": O.argsort, "topk": O.topk, "unique": O.unique,
    # splitting, picking, scattering
    "split": S.split_method, "chunk": S.chunk, "unbind": S.unbind, "diag": IX.diag, "diagonal": IX.diagonal,
    "trace": IX.trace, "gather": IX.gather, "scatter": IX.scatter, "scatter_add": IX.scatter_add,
    "scatter_": _scatter_inplace(IX.scatter),
    "scatter_add_": lambda s, dim, index, src: inplace(_overlap.named("scatter_add", lambda t, v: IX.scatter_add(t, dim, index, v)), s, src),
    "index_select": IX.index_select, "masked_select": IX.masked_select, "flip": IX.flip, "tril": IX.tril,
    "triu": IX.triu, "tril_": _named_inplace(IX.tril), "triu_": _named_inplace(IX.triu), "repeat": IX.repeat,
    "logical_and": F.without_out(F.logical_and), "logical_or": F.without_out(F.logical_or),
    "logical_xor": F.without_out(F.logical_xor),
    "isclose": F.isclose, "allclose": F.allclose, "nan_to_num": F.nan_to_num, "bmm": L.bmm, "addmm": L.addmm, "addmm_": _named_inplace(L.addmm),
    "where": lambda s, condition, other: F.where(condition, s, other),
    # shapes and views
    "reshape": S.reshape, "view": S.view, "flatten": S.flatten, "squeeze": lambda s, *dims, **kw: S.squeeze(s, *_dims_one_by_one(dims), **kw),
    "unsqueeze": S.unsqueeze, "permute": S.permute, "transpose": S.transpose, "swapaxes": S.swapaxes,
    "t": S.t, "expand": S.expand, "select": IX.select,
    "view_as": _shape_as(S.view, "view_as"), "reshape_as": _shape_as(S.reshape, "reshape_as"),
    "expand_as": lambda s, o: S.expand(s, o.shape),
    # copies and dtypes
    "clone": F.clone, "to": _to, "type": _type, "type_as": _type_as,
    "float": lambda s, *, memory_format=None: F.to_dtype(s, dtypes.float32),
    "double": lambda s, *, memory_format=None: F.to_dtype(s, dtypes.float64),
    "half": lambda s, *, memory_format=None: F.to_dtype(s, dtypes.float16),
    "cfloat": lambda s, *, memory_format=None: F.to_dtype(s, dtypes.complex64),
    "cdouble": lambda s, *, memory_format=None: F.to_dtype(s, dtypes.complex128),
    "bfloat16": lambda s, *, memory_format=None: F.to_dtype(s, enable_bfloat16()),
    "long": lambda s, *, memory_format=None: F.to_dtype(s, dtypes.int64),
    "int": lambda s, *, memory_format=None: F.to_dtype(s, dtypes.int32),
    "bool": lambda s, *, memory_format=None: F.to_dtype(s, dtypes.bool_),
    "cpu": lambda s, *, memory_format=None: s,
    "cuda": lambda s, device=None, non_blocking=False, memory_format=None: _no_cuda(device),
    # in place
    "add_": _named_inplace(F.add), "sub_": _named_inplace(F.sub), "mul_": _named_inplace(F.mul),
    "div_": _quotient_in_place(_named_inplace(F.div)), "pow_": _named_inplace(F.pow),
    "clamp_": _clamp_inplace(F.clamp, lambda min=None, max=None: (min, max)),
    "clip_": _clamp_inplace(F.clamp, lambda min=None, max=None: (min, max), "clip_"),
    "neg_": _named_inplace(F.neg), "relu_": _named_inplace(F.relu), "abs_": _named_inplace(F.abs),
    "zero_": I.zero_, "fill_": _fill_, "copy_": I.copy_,
    "softmax": F.softmax, "log_softmax": F.log_softmax, "masked_fill": F.masked_fill, "masked_fill_": _named_inplace(F.masked_fill_into),
}


_CONTINUOUS = ("{} distribution is a continuous probability distribution. dtype must be a floating point but you "
               "specified {}")
_CXX_NAMES = {"int64": "long int", "int32": "int", "int16": "short int", "int8": "signed char",
              "uint8": "unsigned char", "bool": "bool"}


def _refuse_integers(sampler, t, integers=False):
    """PyTorch's error for a draw of continuous values into an integer or bool tensor: sampler is the distribution
    its check names ("Exponential"; "Cauchy", with the C++ type) or ATen's kernel without an integer version
    (integers: the kernel has one, bool only is refused: geometric_). A kernel's dtype dispatch is not reached for
    an empty tensor; the checks before it (uniform_'s bounds, cauchy_'s) are."""
    if t._data.dtype.kind in "fc" or t._data.dtype is dtypes.BF16_NP or (integers and t._data.dtype.kind != "b"):
        return
    if not t._data.size and sampler not in ("check_uniform_bounds", "Cauchy"):
        return
    name = t.dtype.scalar_name
    if sampler == "Exponential":
        raise RuntimeError(_CONTINUOUS.format(sampler, name))
    if sampler == "Cauchy":
        raise RuntimeError(_CONTINUOUS.format(sampler, _CXX_NAMES.get(t._data.dtype.name, name)))
    raise NotImplementedError(f'"{sampler}" not implemented for \'{name}\'')


def _draw_inplace(draw, serial=None, floating=None, integers=False, prepare=None):
    """Tensor.uniform_ / normal_ / ...: fill in place from the PyTorch-identical generator. A non-contiguous tensor
    (``init.kaiming_normal_(w.T)``) is filled in memory order, as ATen's TensorIterator walks it; serial: the draw
    ATen uses then, where it differs (normal_'s one-at-a-time kernel); floating: the sampler named in PyTorch's error
    for an integer tensor (_refuse_integers). The method's ``drawn`` gives the values the fill would write, in a new
    array, without writing them (what autograd records: _draw_recorded)."""
    def fill(self, target, args, kwargs, generator):
        if floating is not None:
            _refuse_integers(floating, self, integers)
        if GRAD_MODE.enabled:
            check_inplace(self)
        gen = random.generator_of(generator)
        a = self._data
        if prepare is not None:   # (arguments read per element: arrays of the tensor's shape)
            args, kwargs = prepare(a, *args, **kwargs)
        if a.ndim > 1 and a.size > 1 and not a.flags.c_contiguous:   # (the layout of the tensor, not of target)
            order = sorted(range(a.ndim), key=lambda d: -abs(a.strides[d]))
            walk = a.transpose(order)
            args = tuple(v.transpose(order) if isinstance(v, np.ndarray) and v.shape == a.shape else v for v in args)
            target.transpose(order)[...] = (serial or draw)(gen, walk, *args, **kwargs)
        else:
            target[...] = draw(gen, a, *args, **kwargs)
        return target

    def method(self, *args, generator=None, **kwargs):
        fill(self, self._data, args, kwargs, generator)
        self._vbox[0] += 1
        return self

    method.drawn = lambda self, *args, generator=None, **kwargs: fill(self, np.empty_like(self._data), args, kwargs,
                                                                      generator)
    return method


def _bernoulli_p(a, p=0.5):
    """bernoulli_'s p: a number, or a tensor of probabilities expanded to the tensor's shape (expand_inplace: its
    errors), whose dtype picks the draw (float64: random64())."""
    if isinstance(p, TensorBase):
        if p._data.dtype.kind in "biu":
            raise NotImplementedError(f'"bernoulli_tensor_cpu_p_" not implemented for \'{p.dtype.scalar_name}\'')
        p = S.expand(p.detach(), a.shape)._data   # (a tuple: a 0-dim tensor expands to ())
    return (p,), {}


def _bernoulli_recorded(draw):
    """bernoulli_ (draw: the plain fill), recorded as PyTorch does where autograd sees it: the draws written over
    the tensor under BernoulliBackward2 (a float p) or BernoulliBackward1 (a tensor p, which gets a zero gradient
    too), so that a sample taken in place in a graph (or from probabilities that require grad) keeps its history."""
    def bernoulli_(self, p=0.5, *, generator=None):
        tensor_p = isinstance(p, TensorBase)
        if tensor_p and batching.ACTIVE:   # (bernoulli_.Tensor's vmap rule: p's randomness, then p batched where
            # self is not)
            batching.check_random_inputs(p)
            if batching.batched_by(p) is not None and batching.batched_by(self) is None:
                raise RuntimeError(batching.INPLACE.format("inplace bernoulli", "in a vmap"))
        if not (GRAD_MODE.enabled and (self._rg or (tensor_p and p._rg))):
            return draw(self, p, generator=generator)
        drawn = draw.drawn(self, p.detach() if tensor_p else p, generator=generator)
        if tensor_p:
            return inplace(_named(lambda old, q: apply(OPS["bernoulli_tensor_"], (old, q), drawn)), self, p)
        return inplace(_named(lambda old: apply(OPS["bernoulli_float_"], (old,), drawn)), self)
    return bernoulli_


def _draw_recorded(name, draw, op):
    """uniform_ / normal_ / random_ / ... (draw: the plain fill), recorded as PyTorch does where autograd sees it:
    the draws written over the tensor as a node of their own (op: its entry in the op table, or a function of the
    call's arguments that picks it), whose gradient is zero, so that a region redrawn in a graph (a random erasing
    of a batch that requires grad) passes no gradient back and a redrawn view makes its base a CopySlices."""
    pick = op if callable(op) else (lambda args, kwargs: op)

    def method(self, *args, generator=None, **kwargs):
        if not (GRAD_MODE.enabled and self._rg):
            return draw(self, *args, generator=generator, **kwargs)
        drawn = draw.drawn(self, *args, generator=generator, **kwargs)   # (autograd's checks first, as in fill)
        node = OPS[pick(args, kwargs)]
        return inplace(_named(lambda old: apply(node, (old,), drawn), name), self)
    return method


def _random_overload(args, kwargs):
    """Which of random_'s overloads a call is: random_(from, to), random_(to) or random_()."""
    if len(args) >= 2 or "from" in kwargs:
        return "random_from_"
    return "random_to_" if args or "to" in kwargs else "random_full_"


def _named(step, name="bernoulli_"):
    step.__name__ = step.__qualname__ = name
    return step


def _random_bounded(gen, a, *bounds, **named):
    """Tensor.random_(): random_(), random_(to), random_(from, to); to=None: up to the dtype's largest value."""
    given = bounds
    bounds = bounds + tuple(named[k] for k in ("from", "to") if k in named)
    if not bounds:
        return gen.random_full(a.shape, a.dtype)
    if len(given) > 2:   # (PyTorch's parser's count of positionals)
        raise TypeError(f"random_() takes 2 positional arguments but {len(given)} were given")
    if any(isinstance(b, (float, np.floating)) for b in bounds):   # (its parser's ints: random_(1.5) matches none)
        raise arg_parser.invalid_combination("random_", arg_parser.GENERATOR_OVERLOADS["random_"], given,
                                             {k: named[k] for k in ("from", "to") if k in named})
    low, high = (0, bounds[0]) if len(bounds) == 1 else bounds[:2]
    if high is None:
        high = random.random_full_span(a.dtype)   # (its largest value included; floats: 2**digits)
    elif a.dtype.kind == "f" or a.dtype.name == "bfloat16":
        _warn_inexact_bounds(a.dtype, int(low), int(high) - 1)
    return gen.randint(low, high, a.shape, a.dtype)


def _warn_inexact_bounds(dt, low, top):
    """ATen's WARN_OUT_OF_BOUNDS (check_from_to_in_range): a float dtype draws whole numbers exactly only within
    +-2**digits; bounds beyond it warn (the lowest first, then the highest included)."""
    digits = np.finfo(dt).nmant + 1
    for name, v, line in (("from", low, 110), ("to - 1", top, 111)):
        if not -(1 << digits) <= v <= 1 << digits:
            warnings.warn(f"{name} is out of bounds [-(2^{digits}), 2^{digits}]. Due to precision limitations "
                          f"{dtypes.c_name(dt)} can support discrete uniform distribution only within this range. "
                          "This warning will become an error in version 1.7 release, please fix the code in advance "
                          f"(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/DistributionTemplates"
                          f".h:{line}.)", UserWarning, stacklevel=_caller_level())


def _caller_level():
    """The stacklevel of the first frame outside this module, seen from the function that calls this one (random_
    is one frame deeper when autograd records it)."""
    frame, level = sys._getframe(2), 2
    while frame is not None and frame.f_code.co_filename == __file__:
        frame, level = frame.f_back, level + 1
    return level


_BINDINGS.update({
    "uniform_": _draw_inplace(lambda gen, a, low=0.0, high=1.0: gen.uniform(a.shape, a.dtype, low, high),
                              floating="check_uniform_bounds"),
    "normal_": _draw_inplace(lambda gen, a, mean=0.0, std=1.0: gen.normal(a.shape, a.dtype, mean, std),
                             lambda gen, a, mean=0.0, std=1.0: gen.normal_serial(a.shape, a.dtype, mean, std),
                             floating="normal_kernel_cpu"),
    "exponential_": _draw_inplace(lambda gen, a, lambd=1.0: gen.exponential(a.shape, a.dtype, lambd),
                                  floating="Exponential"),
    "bernoulli_": _bernoulli_recorded(_draw_inplace(lambda gen, a, p=0.5: gen.bernoulli(p, a.dtype, a.shape),
                                                    prepare=_bernoulli_p)),
    "random_": _draw_inplace(lambda gen, a, *bounds, **named: _random_bounded(gen, a, *bounds, **named)),
})
_BINDINGS.update({   # PyTorch's scalar samplers on the double uniform / normal (engine/random_samplers.py)
    "cauchy_": _draw_inplace(lambda gen, a, median=0.0, sigma=1.0: random_samplers.cauchy(gen, a.shape, a.dtype,
                                                                                           median, sigma),
                             floating="Cauchy"),
    "log_normal_": _draw_inplace(lambda gen, a, mean=1.0, std=2.0: random_samplers.log_normal(gen, a.shape, a.dtype,
                                                                                               mean, std),
                                 floating="log_normal_cpu"),
    "geometric_": _draw_inplace(lambda gen, a, p: random_samplers.geometric(gen, a.shape, a.dtype, p),
                                floating="geometric_cpu", integers=True),
})


_PLAIN_NUMBERS = (int, float)


def _plain(args, kwargs, max_pos):
    """Python numbers only, no more positionally than a signature takes: nothing for the parser to refuse."""
    return (len(args) <= max_pos and all(a.__class__ in _PLAIN_NUMBERS for a in args)
            and all(v.__class__ in _PLAIN_NUMBERS for v in kwargs.values()))


def _plain_p(args, kwargs, max_pos):
    """bernoulli_'s plain calls: at most one p, a Python number or a tensor (its shape and dtype are checked later)."""
    given = args + tuple(kwargs.values())
    return (len(given) <= 1 and kwargs.keys() <= {"p"}
            and all(v.__class__ in _PLAIN_NUMBERS or isinstance(v, TensorBase) for v in given))


def _generator_checked(name, method):
    """method, its generator= checked as PyTorch's parser does (``x.uniform_(generator=0)``: its TypeError); for the
    samplers of float parameters, a call with other classes than Python numbers parsed first too
    (``nn.init.normal_(w, "1")``: ``normal_(): argument 'mean' (position 1) must be float, not str``)."""
    sigs = None if name == "random_" else [arg_parser.Signature(t) for t in (
        arg_parser.GENERATOR_OVERLOADS[name] if name == "bernoulli_" else METHOD_SIGNATURES[name])]
    plain = _plain_p if name == "bernoulli_" else _plain

    def checked(self, *args, generator=None, **kwargs):
        if generator is not None:
            arg_parser.check_generator(name, generator, args, kwargs)
        elif sigs is not None and not plain(args, kwargs, sigs[0].max_pos):
            arg_parser.check_call(name, sigs, args, kwargs)
        return method(self, *args, generator=generator, **kwargs)
    checked.__name__ = checked.__qualname__ = name
    return checked


_BINDINGS.update({_k: _draw_recorded(_k, _BINDINGS[_k], _op) for _k, _op in (
    ("uniform_", "uniform_fill_"), ("normal_", "normal_fill_"), ("exponential_", "exponential_fill_"),
    ("random_", _random_overload), ("cauchy_", "cauchy_fill_"), ("log_normal_", "log_normal_fill_"),
    ("geometric_", "geometric_fill_"))})
_BINDINGS.update({_k: _generator_checked(_k, _BINDINGS[_k]) for _k in (
    "uniform_", "normal_", "exponential_", "bernoulli_", "random_", "cauchy_", "log_normal_", "geometric_")})


def _T(self):
    ndim = self._data.ndim
    if ndim == 0:
        warn_once("Tensor.T is deprecated on 0-D tensors. This function is the identity in these cases. (Triggered "
                  "internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4321.)", stacklevel=2)
    elif ndim != 2:
        warn_once("The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it "
                  "will throw an error in a future release. Consider `x.mT` to transpose batches of matrices or "
                  "`x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor. (Triggered "
                  "internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4314.)", stacklevel=2)
    return S.permute(self, tuple(reversed(range(ndim))))


def _backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
    """Accumulate d(self)/d(leaf) into every leaf's ``.grad`` (see torch.Tensor.backward)."""
    if batching.TRANSFORMS:
        batching.refuse_backward()
    if gradient is None and not create_graph and inputs is None and self._fn is not None:
        return grad.backward_scalar(self, bool(retain_graph))
    grad.backward(self, gradient, retain_graph, create_graph, inputs=inputs)   # (as Tensor.backward: gradient as given)


# PyTorch's Tensor.backward is Python (torch/_tensor.py): its argument errors name it so ("Tensor.backward() takes
# from 1 to 5 positional arguments but 7 were given")
_backward.__code__ = _backward.__code__.replace(co_name="backward", co_qualname="Tensor.backward")
_backward.__name__, _backward.__qualname__ = "backward", "Tensor.backward"


_BINDINGS.update({
    "backward": _backward,
    "T": property(_T),   # mT, mH, H: real_dtype.METHODS
    "atan2": F.atan2, "arctan2": F.arctan2, "hypot": F.hypot, "logit": F.logit, "xlogy": F.xlogy,
    "logaddexp": F.logaddexp, "lerp": F.lerp, "addcmul": F.addcmul, "addcdiv": F.addcdiv,
    "clamp_min": F.clamp_min_method, "clamp_max": F.clamp_max_method, "fmod": F.fmod, "roll": F.roll, "less": F.less, "greater": F.greater,
    "less_equal": F.less_equal, "greater_equal": F.greater_equal, "not_equal": F.not_equal,
    "narrow": C.narrow, "unflatten": C.unflatten, "diff": C.diff, "movedim": C.movedim_method,
    "moveaxis": C.moveaxis_method,
    "tile": C.tile_method,
    "repeat_interleave": lambda self, repeats, dim=None, *, output_size=None: C.repeat_interleave(
        self, repeats, dim, output_size=output_size),
    "broadcast_to": lambda self, *size, **kw: C.broadcast_to(self, kw["size"] if kw else S._shape_args(size,
                                                                                                       "broadcast_to")),
    **{name + "_": _named_inplace(fn) for name, fn in (("logit", F.logit), ("lerp", F.lerp), ("addcmul", F.addcmul),
                                                       ("addcdiv", F.addcdiv), ("fmod", F.fmod))},
    "clamp_min_": _clamp_inplace(F.clamp_min, lambda min: (min, None)),
    "clamp_max_": _clamp_inplace(F.clamp_max, lambda max: (None, max)),
    "is_complex": lambda self: self._data.dtype.kind == "c",
    "nbytes": property(lambda self: self._data.nbytes), "itemsize": property(lambda self: self._data.itemsize),
    "new": lambda self, *args, **kwargs: creation.legacy_type(self.dtype).make(args, kwargs, "new"),
    "index_put": lambda s, indices, values, accumulate=False: IX.index_put(s, indices, values, accumulate,
                                                                            _method=True),
    "index_put_": lambda s, indices, values, accumulate=False: IX.index_put_(s, indices, values, accumulate, True),
    "vdot": L.vdot,
    "new_zeros": creation.new_zeros, "new_ones": creation.new_ones, "new_empty": creation.new_empty,
    "new_full": creation.new_full, "new_tensor": creation.new_tensor,
    # numpy on a tensor as on PyTorch's: no __array_ufunc__ / __array_function__, so numpy computes on the array
    # (np.exp(t) of a tensor that requires grad raises) and wraps ufunc results back (numpy_interop.array_wrap;
    # TensorBase.__array_priority__ makes numpy leave `array + tensor` to the tensor)
    "__array_wrap__": numpy_interop.array_wrap,
    # (id(self), as PyTorch's): defining __eq__ would otherwise make tensors unhashable
    "__hash__": TensorBase.__hash__,
    "__reversed__": lambda self: self if not self._data.ndim else self.flip(0),   # (PyTorch's: a 0-d tensor is itself)
})

_BINDINGS.update(more_methods.METHODS)
_BINDINGS.update({k: v for k, v in extras.METHODS.items() if k not in _BINDINGS})
_BINDINGS.update(exercise_fns.METHODS)   # scatter_reduce, masked_scatter ..., view(dtype)
_BINDINGS.update(quantized.METHODS)   # dequantize() of a tensor that is not quantized
_BINDINGS.update(numeric_fns.METHODS)   # frexp, ldexp
_BINDINGS.update(view_scatter.METHODS)   # narrow_copy, slice_scatter, select_scatter, diagonal_scatter ...
_BINDINGS.update(renorm.METHODS)   # renorm, renorm_
_BINDINGS.update(real_dtype.METHODS)   # conj, real, imag, mT, mH, H, adjoint ... of a real tensor

# PyTorch's deprecated number-first overloads of old code: p.data.add_(-lr, p.grad), m.addcmul_(1 - b2, g, g)
_BINDINGS.update({name: argcheck.deprecated_first_number(_BINDINGS[name], name, form, keyword,
                                                          1 if keyword == "alpha" else None)
                  for name, form, keyword in (("add", "method", "alpha"), ("add_", "method", "alpha"),
                                              ("sub", "method", "alpha"), ("sub_", "method", "alpha"),
                                              ("addcmul", "method3", "value"), ("addcmul_", "method3", "value"),
                                              ("addcdiv", "method3", "value"), ("addcdiv_", "method3", "value"))})

# numpy data given where PyTorch's parser wants a tensor (x.mul(arr), x.copy_(arr); add and sub: above): its
# TypeError
_BINDINGS.update({name: argcheck.refusing_arrays(_BINDINGS[name], name, 1) for name in (
    "mul", "mul_", "maximum", "minimum", "matmul", "copy_", "expand_as", "view_as",
    "type_as")})

# PyTorch's argument parser on the methods lessons give a dim, a mask or an operand: x.sum(1.0), x.eq(ndarray) and
# numpy's np.max(t) (t.max(axis=None, out=None)) raise its TypeErrors (arg_parser.py)
_BINDINGS.update({name: arg_parser.parsed(_BINDINGS[name], name, texts, method=True)
                  for name, texts in arg_parser.METHODS.items()})
_UNFLATTEN = arg_parser.parsed(_BINDINGS["unflatten"], "unflatten", ["(int dim, tuple of ints sizes)"], method=True)


def _unflatten(self, dim, sizes):
    """Tensor.unflatten, written in Python by PyTorch: it hands dim and sizes to the native one by position (its
    TypeErrors name the positions, x.unflatten(dim=1, sizes=2) too)."""
    return _UNFLATTEN(self, dim, sizes)


_unflatten.__qualname__ = "Tensor.unflatten"
_BINDINGS["unflatten"] = _unflatten

# A numpy array on the right of an operator: numpy computes it (numpy_interop.with_ndarray)
_BINDINGS.update({name: numpy_interop.with_ndarray(name, _BINDINGS[name]) for name in (
    *numpy_interop.OPERATOR_UFUNCS, *numpy_interop.ORDERINGS, *numpy_interop.REFLECTED,
    "__iadd__", "__isub__", "__imul__", "__itruediv__", "__ipow__", "__ifloordiv__", "__imod__", "__iand__",
    "__ior__", "__ixor__", "__ilshift__", "__irshift__", "__ne__") if name in _BINDINGS})
# Python 2's names, which PyTorch's Tensor still has (x.__div__(2))
_BINDINGS.update(__div__=numpy_interop.with_ndarray("__div__", _BINDINGS["__truediv__"]),
                 __rdiv__=_BINDINGS["__rtruediv__"], __idiv__=_BINDINGS["__itruediv__"])

# In-place forms PyTorch has for methods that exist here out of place: x.reciprocal_(), x.remainder_(2) ...
_BINDINGS.update({name + "_": _named_inplace(_BINDINGS[name], name + "_",
                                             no_args=name in ("absolute", "logical_not", "negative", "reciprocal"))
                  for name in """
    absolute atan2 copysign cumprod divide floor_divide greater
    greater_equal heaviside hypot less less_equal logical_and logical_not logical_or logical_xor multiply nan_to_num
    negative not_equal reciprocal remainder subtract true_divide xlogy""".split()
    if name in _BINDINGS and name + "_" not in _BINDINGS})


def _cast_checked(method):
    """method (x.remainder_(other) ...) refusing first a result type that cannot be cast back into x."""
    def checked(self, other, *args, **kwargs):
        F.check_cast_first(self, other)
        return method(self, other, *args, **kwargs)
    checked.__name__ = checked.__qualname__ = method.__name__
    return checked


_BINDINGS.update({name: _cast_checked(_BINDINGS[name]) for name in ("remainder_", "floor_divide_", "fmod_")
                  if name in _BINDINGS})


def _float_power_(self, exponent):
    wanted = np.dtype(float_power_dtype(self, exponent).np)   # (only a tensor of the result's dtype holds it)
    if self._data.dtype != wanted:
        raise RuntimeError(f"the base given to float_power_ has dtype {dtypes.scalar_name(self._data.dtype)} but "
                           f"the operation's result requires dtype {dtypes.scalar_name(wanted)}")
    return inplace(_BINDINGS["float_power"], self, exponent)


_BINDINGS.setdefault("float_power_", _float_power_)

# the in-place forms of the parsed functions of two tensors, parsed under their own names: x.atan2_(1.0) is refused
# as atan2_() (the out-of-place parse inside would name atan2())
_BINDINGS.update({name: arg_parser.parsed(_BINDINGS[name], name, arg_parser.METHODS[name[:-1]], method=True)
                  for name in arg_parser.PARSED_INPLACE if name in _BINDINGS})

# Sparse COO tensors: the sparse methods in their dense form (coalesce, indices ...: PyTorch's layout errors)
_BINDINGS.update(sparse_methods.DENSE_METHODS)

# addmm_, addmv_, baddbmm_, addr_: ATen's checks of self before writing into it (no broadcasting self up)
_BINDINGS.update(structured_inplace.methods({"addmm": L.addmm, **{name: DECLARED_FUNCTIONS[name] for name in (
    "addmv", "baddbmm", "addr")}}))

# The mixin Tensor inherits (tensor.py): every binding above as a method, property or operator.
TensorMethods = type("TensorMethods", (), {"__slots__": (), "__module__": __name__, **_BINDINGS})
# and the one sparse tensors inherit before Tensor's (tensor.py: their class)
SparseMethods = sparse_methods.sparse_methods(_BINDINGS)
