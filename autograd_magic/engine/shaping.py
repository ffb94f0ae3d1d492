"""Reductions, views and joins over tensors (torch.sum, max, var, norm, reshape, transpose, expand, torch.cat,
split ...). Indexing is in indexing.py, sorting and order statistics in ordering.py, einsum in einsum.py."""
import builtins  # sum, max, min and abs are shadowed by the reductions below

import numpy as np

from . import argcheck, barebones, dtypes
from . import memory_format as _formats
from .arg_parser import _is_int, int_list, invalid_combination
from .autograd import GRAD_MODE, PIECES
from .functions import add, check_operands, dims_arg, maximum, minimum, repeated_dim, write_out
from .ops_shape import aten_strided
from .optable import OPS, renamed
from .return_types import return_type
from .size import checked_sizes, keyword_sizes
from .tensor_base import TensorBase, _dim, apply, inplace, register_view, wrap, wrap_from


def _return_type(name):
    return return_type(name)


MaxResult, MinResult = _return_type("max"), _return_type("min")


# ---------------------------------------------------------------- reductions


class _NoDim:
    """sum / mean called without a dim: PyTorch's overload without one (SumBackward0); a dim given, even None or
    (), takes the dim overload (SumBackward1, its _saved_dim None or ())."""
    __slots__ = ()

    def __repr__(self):
        return "None"


NO_DIM = _NoDim()


def _dim_overload(dim, keepdim, ndim):
    """The dims the dim overload holds: those given (wrapped), None or () as given (all reduced; PyTorch saves
    them so), or None for the overload without a dim (NO_DIM; with keepdim, which only the engine asks: all)."""
    if dim is NO_DIM:
        return tuple(range(ndim)) if keepdim else None
    dims = dims_arg(dim, ndim)
    return () if dims is None and dim is not None else dims


def sum(input, dim=NO_DIM, keepdim=False, *, dtype=None, axis=NO_DIM, keepdims=None, out=None):
    if axis is not NO_DIM or keepdims is not None or out is not None:  # numpy's names, as PyTorch accepts them
        return _with_out(sum(input, dim if axis is NO_DIM else axis, _alias(keepdim, keepdims), dtype=dtype), out,
                         "sum")
    t = input
    np_dt = dtypes.coerce(dtype).np if dtype is not None else (np.int64 if t._data.dtype.kind in "biu" else None)
    barebones.refuse("sum_cpu", np_dt)
    dims = _dim_overload(dim, keepdim, t._data.ndim)
    if dim is NO_DIM and not keepdim:
        return apply(OPS["sum"], (t,), t._data.shape, np_dt)
    return apply(OPS["sum_dim"], (t,), dims, keepdim, t._data.shape, np_dt)


def mean(input, dim=NO_DIM, keepdim=False, *, dtype=None, axis=NO_DIM, keepdims=None, out=None):
    if axis is not NO_DIM or keepdims is not None or out is not None:
        return _with_out(mean(input, dim if axis is NO_DIM else axis, _alias(keepdim, keepdims), dtype=dtype), out,
                         "mean")
    t = input if dtype is None else input.to(dtype)
    if not dtypes.is_diff_np(t._data.dtype):
        which = "Input" if dtype is None else "Optional"
        raise RuntimeError(f"mean(): could not infer output dtype. {which} dtype must be either a floating point or "
                           f"complex dtype. Got: {t.dtype.scalar_name}")
    dims = _dim_overload(dim, keepdim, t._data.ndim)
    if dim is NO_DIM and not keepdim:
        return apply(OPS["mean"], (t,), t._data.shape)
    return apply(OPS["mean_dim"], (t,), dims, keepdim, t._data.shape)


def _alias(value, alias):
    return value if alias is None else alias


def _with_out(result, out, name):
    if out is None:
        return result
    return write_out(result, out, name)


def nonzero_dims(name, shape, dims):
    """PyTorch's IndexError for a reduction without identity (max, argmin, kthvalue ...) over an empty dim."""
    for d in dims:
        if shape[d] == 0:
            raise IndexError(f"{name}: Expected reduction dim {d} to have non-zero size.")


def _extreme(name, input, dim, keepdim, other):
    if isinstance(dim, TensorBase):
        return (maximum if name == "max" else minimum)(input, dim)
    if other is not None:
        return (maximum if name == "max" else minimum)(input, other)
    t = input
    if dim is None:
        if t._data.size == 0:
            raise RuntimeError(f"{name}(): Expected reduction dim to be specified for input.numel() == 0. "
                               "Specify the reduction dim with the 'dim' argument.")
        if t._data.dtype.kind == "c":
            raise NotImplementedError(f'"{name}_all" not implemented for \'{t.dtype.scalar_name}\'')
        return apply(OPS[name + "_all"], (t,))
    if t._data.dtype.kind == "c":
        raise RuntimeError(f"{name}(): does not support complex input")
    d = _dim(dim, t._data.ndim)
    a = t._data if t._data.ndim else t._data.reshape(1)
    nonzero_dims(name + "()", a.shape, (d,))
    pick = np.argmax if name == "max" else np.argmin
    idx = np.expand_dims(pick(a, axis=d), d)
    vals = np.take_along_axis(a, idx, d)
    out_idx = idx if keepdim else idx.squeeze(d)
    if not keepdim:
        vals = vals.squeeze(d)
    if not t._data.ndim:
        vals, out_idx, idx = vals.reshape(()), out_idx.reshape(()), idx.reshape(())
    values = apply(OPS[name + "_dim"], (t,), d, keepdim, idx, t._data.shape, data=vals)
    result = MaxResult if name == "max" else MinResult
    return result((values, wrap(out_idx.astype(np.int64))))


def max(input, dim=None, keepdim=False, *, other=None, axis=None, keepdims=None):
    return _extreme("max", input, _alias(dim, axis), _alias(keepdim, keepdims), other)


def min(input, dim=None, keepdim=False, *, other=None, axis=None, keepdims=None):
    return _extreme("min", input, _alias(dim, axis), _alias(keepdim, keepdims), other)


def amax(input, dim=(), keepdim=False, *, axis=None, keepdims=None):
    return _amax_amin("amax", input, _alias(dim, axis), _alias(keepdim, keepdims))


def amin(input, dim=(), keepdim=False, *, axis=None, keepdims=None):
    return _amax_amin("amin", input, _alias(dim, axis), _alias(keepdim, keepdims))


def _amax_amin(name, input, dim, keepdim):
    if input._data.dtype.kind == "c":
        raise NotImplementedError(f'"{name[1:]}_values_cpu" not implemented for \'{input.dtype.scalar_name}\'')
    dims = dims_arg(dim, input._data.ndim)
    if input._data.size == 0:
        if not dims:
            raise RuntimeError(f"{name}(): Expected reduction dim to be specified for input.numel() == 0. Specify "
                               "the reduction dim with the 'dim' argument.")
        nonzero_dims(name + "()", input._data.shape, dims)
    return apply(OPS[name], (input,), dims or tuple(range(input._data.ndim)), keepdim)


def argmax(input, dim=None, keepdim=False, *, axis=None, keepdims=None):
    return _arg(np.argmax, input, _alias(dim, axis), _alias(keepdim, keepdims))


def argmin(input, dim=None, keepdim=False, *, axis=None, keepdims=None):
    return _arg(np.argmin, input, _alias(dim, axis), _alias(keepdim, keepdims))


def _arg(fn, input, dim, keepdim):
    a = input._data
    name = fn.__name__ + "()"
    if a.dtype.kind == "c":
        raise RuntimeError(f"{name}: does not support complex input")
    if a.dtype.kind == "b":
        raise RuntimeError(f"{name}: does not support bool input")
    barebones.refuse(f"{fn.__name__}_cpu", a.dtype)
    if dim is None:
        if a.size == 0:
            raise IndexError(f"{name}: Expected reduction dim to be specified for input.numel() == 0.")
        out = np.asarray(fn(a))
        return wrap_from(out.reshape((1,) * a.ndim) if keepdim else out, input)
    d = _dim(dim, a.ndim)
    if a.ndim:
        nonzero_dims(name, a.shape, (d,))
    return wrap_from(np.asarray(fn(a, axis=d, keepdims=keepdim)).astype(np.int64), input)


def prod(input, dim=None, keepdim=False, *, dtype=None, axis=None, keepdims=None):
    dim, keepdim = _alias(dim, axis), _alias(keepdim, keepdims)
    t = input if dtype is None else input.to(dtype)
    if dtype is None and t._data.dtype.kind in "biu":
        t = t.long()   # integer products are int64, as in PyTorch
    barebones.refuse("prod_out_cpu", t._data.dtype)
    if dim is None:
        return apply(OPS["prod"], (t,))
    return apply(OPS["prod_dim"], (t,), _dim(dim, t._data.ndim), keepdim)


def _correction(unbiased, correction):
    if correction is not None:   # (a Number: a fractional correction divides by N - correction)
        c = float(correction)
        return int(c) if c.is_integer() else c
    return 1 if unbiased in (None, True) else 0


def _float_only(input, what="std and var"):
    if input._data.dtype.kind == "c":
        raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: {what} of complex tensors are not "
                                  f"part of it")
    if not dtypes.is_float_np(input._data.dtype):
        raise RuntimeError(f"{what} only support floating point and complex dtypes")


def _complex_var(input, dim, unbiased, keepdim, correction, axis, keepdims):
    """ATen's variance of a complex tensor: the variances of its real and imaginary parts, added (a real tensor)."""
    return add(*(var(part, dim, unbiased, keepdim, correction=correction, axis=axis, keepdims=keepdims)
                 for part in (input.real, input.imag)))


def var(input, dim=None, unbiased=None, keepdim=False, *, correction=None, axis=None, keepdims=None):
    if input._data.dtype.kind == "c":
        return _complex_var(input, dim, unbiased, keepdim, correction, axis, keepdims)
    _float_only(input)
    dim, keepdim = _alias(dim, axis), _alias(keepdim, keepdims)
    if isinstance(dim, bool):
        dim, unbiased = None, dim
    return apply(OPS["var"], (input,), dims_arg(dim, input._data.ndim), _correction(unbiased, correction), keepdim)


def std(input, dim=None, unbiased=None, keepdim=False, *, correction=None, axis=None, keepdims=None):
    if input._data.dtype.kind == "c":   # (the square root of the complex variance, as ATen takes it)
        return _complex_var(input, dim, unbiased, keepdim, correction, axis, keepdims).sqrt()
    _float_only(input)
    dim, keepdim = _alias(dim, axis), _alias(keepdim, keepdims)
    if isinstance(dim, bool):
        dim, unbiased = None, dim
    return apply(OPS["std"], (input,), dims_arg(dim, input._data.ndim), _correction(unbiased, correction), keepdim)


def norm(input, p="fro", dim=None, keepdim=False, dtype=None):
    """A vector norm (torch.norm's number orders and "fro"; the other string orders: linalg_fns.tensor_norm)."""
    p = 2 if p in ("fro", None) else float(p)
    if dtype is not None:
        input = input.to(dtype)
    return apply(OPS["norm"], (input,), p, dims_arg(dim, input._data.ndim), keepdim)


def dist(input, other, p=2):
    """The p-norm of input - other (broadcast), one node (DistBackward0) as in PyTorch."""
    check_operands(input, other)
    promoted = dtypes.result_type((input, other))   # (ATen: the norm of input - other, checked as that is typed)
    if not promoted.is_floating_point and not promoted.is_complex:
        raise RuntimeError("norm(): input dtype should be either floating point or complex. "
                           f"Got {promoted.scalar_name} instead.")
    # an integer or bool operand (no gradient, so no node) cast first: numpy would promote int64 with float32 wider
    input, other = (t.to(promoted) if t._data.dtype.kind in "biu" else t for t in (input, other))
    return apply(OPS["dist"], (input, other), float(p))


def cumsum(input, dim=None, *, dtype=None, axis=None):
    return _running("cumsum", input, _alias(dim, axis), dtype)


def cumprod(input, dim=None, *, dtype=None, axis=None):
    return _running("cumprod", input, _alias(dim, axis), dtype)


def _running(name, input, dim, dtype):
    if dim is None:
        raise TypeError(f"{name}() missing 1 required positional arguments: \"dim\"")
    t = input if dtype is None else input.to(dtype)
    if dtype is None and t._data.dtype.kind in "biu":
        t = t.long()  # integer running sums and products are int64, as in PyTorch
    if t._data.dtype.kind == "b":   # (dtype=torch.bool: ATen's kernel has no bool loop)
        raise NotImplementedError(f'"{name}_out_cpu" not implemented for \'Bool\'')
    barebones.refuse(f"{name}_out_cpu", t._data.dtype)
    return apply(OPS[name], (t,), _dim(dim, t._data.ndim))


def running_inplace(name):
    """Tensor.cumsum_ / cumprod_: the running op in self's own dtype (a bool or int8 tensor stays so, unlike the
    out-of-place int64); another dtype= is PyTorch's "Bad in-place call"."""
    def method(self, dim=None, *, dtype=None):
        if dtype is not None and dtype != self.dtype:
            raise RuntimeError(f"Bad in-place call: input tensor dtype {self.dtype.c_name} and output tensor dtype "
                               f"{dtype.c_name} should match")
        return inplace(lambda t: _running(name, t, dim, self.dtype), self)
    method.__name__ = method.__qualname__ = name + "_"
    return method


# ---------------------------------------------------------------- views


def _view_out(t, out):
    """A view shares its base's version counter. A view taken without recording (no_grad) of a tensor that
    requires grad still says requires_grad=True, as in PyTorch, but gradients do not flow through it."""
    out._vbox = t._vbox
    out._vbase = base = t if t._vbase is None else t._vbase
    if t._inference:   # a view of an inference tensor is one too, wherever it is taken
        out._inference = True
    if t._bt is not None:   # (a view of a batched value of a vmap: batched too, and wrapped where it is)
        out._bt = t._bt
        out._gw = t._gw
    if t._conj_bit and out._data.dtype.kind == "c":   # (a view of a conjugated tensor: conjugated too)
        out._conj_bit = True
    if t._neg_bit:   # (and of a negated one: negated too)
        out._neg_bit = True
    if out._rg and base._fn is not None and GRAD_MODE.enabled:
        register_view(base, out)
    if t._view_of_leaf or (t._rg and t._fn is None):   # (False is the class default)
        out._view_of_leaf = True
    if t._multi_view is not None and GRAD_MODE.enabled:   # a view of unbind's output: PyTorch's error in place too
        out._multi_view = 0
    if t._custom_view is not None and GRAD_MODE.enabled:   # (a view of a custom Function's view output: the same)
        out._custom_view = 0
    if t._rg and not out._rg and not GRAD_MODE.enabled:
        out._rg = True
        out._untracked_view = True
    if out._rg:   # the version its node was made at (Tensor._current_fn: PyTorch's view grad_fn regeneration)
        out._attr_version = out._vb[0]
    return out


def _infer_shape(shape, size):
    if -1 in shape and shape.count(-1) == 1 and len(shape) == 2:   # x.view(-1, n), x.view(n, -1): the common case
        known = shape[0] * shape[1] * -1
        if known > 0 and not size % known:
            return (size // known, shape[1]) if shape[0] == -1 else (shape[0], size // known)
    shape = list(shape)
    if shape.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    known = 1
    for i, n in enumerate(shape):
        if n < -1:
            raise RuntimeError(f"invalid shape dimension {n} at index {i} of shape [{', '.join(map(str, shape))}]")
        if n != -1:
            known *= n
    if -1 in shape:
        if known == 0 and size == 0:   # (any size fits the -1)
            raise RuntimeError(f"cannot reshape tensor of 0 elements into shape [{', '.join(map(str, shape))}] "
                               "because the unspecified dimension size -1 can be any value and is ambiguous")
        if known == 0 or size % known:
            raise RuntimeError(f"shape '[{', '.join(str(n) for n in shape)}]' is invalid for input of size {size}")
        shape[shape.index(-1)] = size // known
    elif known != size:
        raise RuntimeError(f"shape '[{', '.join(str(n) for n in shape)}]' is invalid for input of size {size}")
    return tuple(shape)


def _shape_args(shape, name="view", arg="size"):
    seq = shape[0] if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape
    for n in seq:
        if n.__class__ is not int:   # (a float: PyTorch's TypeError; a numpy int or int tensor: its int)
            try:
                return checked_sizes(name, shape, arg)
            except TypeError as exc:
                # view's one argument matches neither of its overloads ((dtype), (tuple of ints size)) unless it is
                # a sequence whose first element is an int: PyTorch's parser lists both (``x.view(n / 2)``)
                if name != "view" or len(shape) != 1 or "failed to unpack" in str(exc):
                    raise
                raise invalid_combination("view", ("(torch.dtype dtype)", "(tuple of ints size)"), shape, {}) \
                    from None
    return tuple(seq)


def _missing(name, arg):
    """PyTorch's parser's TypeError for a method called without its one required argument (a 0-d tensor's
    x.reshape() too, which would otherwise succeed)."""
    return TypeError(f'{name}() missing 1 required positional arguments: "{arg}"')


def by_keyword(name, arg, given, kwargs):
    """A method's one int-list argument given by keyword (``x.reshape(shape=(3, 2))``, ``x.permute(dims=(1, 0))``):
    PyTorch's parser takes it, with its errors for the argument missing or given twice, another keyword, or a value
    that is not a sequence of ints."""
    if arg not in kwargs:
        if not given:
            raise _missing(name, arg)
    elif given:
        raise TypeError(f"{name}() got multiple values for argument '{arg}'")
    for key in kwargs:
        if key != arg:
            raise TypeError(f"{name}() got an unexpected keyword argument '{key}'")
    return (keyword_sizes(name, kwargs[arg], arg),)


def view(input, *shape):
    if not shape:   # (a 0-d tensor's view() too: PyTorch's parser wants a size or a dtype)
        raise invalid_combination("view", ("(torch.dtype dtype)", "(tuple of ints size)"), shape, {})
    shape = _infer_shape(_shape_args(shape), input._data.size)
    try:
        data = aten_strided(input._data, input._data.reshape(shape, copy=False))
    except ValueError:
        raise RuntimeError("view size is not compatible with input tensor's size and stride (at least one dimension "
                           "spans across two contiguous subspaces). Use .reshape(...) instead.") from None
    return _view_out(input, apply(OPS["view"], (input,), shape, input._data.shape, data=data))


def reshape(input, *shape, **kwargs):
    if kwargs:
        shape = by_keyword("reshape", "shape", shape, kwargs)
    if not shape:
        raise _missing("reshape", "shape")
    shape = _infer_shape(_shape_args(shape, "reshape", "shape"), input._data.size)
    if input._data.flags.c_contiguous or input._data.size <= 1:
        return _view_out(input, apply(OPS["view"], (input,), shape, input._data.shape))
    try:   # not contiguous but viewable with other strides (ATen's computeStride): _reshape_alias
        data = aten_strided(input._data, input._data.reshape(shape, copy=False))
    except ValueError:
        data = None
    if data is not None:
        return _view_out(input, apply(OPS["reshape_alias"], (input,), shape, input._data.shape, data=data))
    copy = apply(OPS["clone"], (input,), data=np.ascontiguousarray(input._data))
    return apply(OPS["unsafe_view"], (copy,), shape, input._data.shape)


def flatten(input, start_dim=0, end_dim=-1):
    shape = input._data.shape
    if not shape:   # (its dims wrap as a 1-d tensor's: flatten(1) of a 0-d tensor is out of range)
        _dim(start_dim, 0), _dim(end_dim, 0)
        return reshape(input, 1)
    s, e = _dim(start_dim, len(shape)), _dim(end_dim, len(shape))
    if s > e:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if s == e:
        return input
    n = 1
    for d in shape[s:e + 1]:
        n *= d
    return reshape(input, shape[:s] + (n,) + shape[e + 1:])


def squeeze(input, dim=None):
    shape = input._data.shape
    if dim is None:
        new = tuple(n for n in shape if n != 1)
        return _view_out(input, apply(OPS["squeeze"], (input,), new, shape))
    if isinstance(dim, (tuple, list)):
        dims = {_dim(d, len(shape)) for d in dim}
        if len(dims) < len(dim):
            raise RuntimeError(f"dim {repeated_dim(dim, len(shape))} appears multiple times in the list of dims")
        new = tuple(n for i, n in enumerate(shape) if not (i in dims and n == 1))
        return _view_out(input, apply(OPS["squeeze_dims"], (input,), new, shape))
    d = _dim(dim, len(shape))
    new = shape[:d] + shape[d + 1:] if shape and shape[d] == 1 else shape
    return _view_out(input, apply(OPS["squeeze_dim"], (input,), new, shape))


def unsqueeze(input, dim):
    shape = input._data.shape
    d = _dim(dim, len(shape) + 1)
    return _view_out(input, apply(OPS["unsqueeze"], (input,), shape[:d] + (1,) + shape[d:], shape,
                                  data=unsqueezed(input._data, d)))


def unsqueezed(a, d):
    """a view of array a with a dim of size 1 at d, strided as ATen's unsqueeze: the new dim's stride is the size
    times the stride of the dim it goes before, 1 at the end (numpy's reshape may give another: x.t().unsqueeze(2)
    of a (4, 6) x is (1, 6, 1) in PyTorch, (1, 6, 6) from numpy)."""
    st = a.strides
    new = a.shape[d] * st[d] if d < a.ndim else a.itemsize
    return restrided(a.reshape(a.shape[:d] + (1,) + a.shape[d:]), st[:d] + (new,) + st[d:])


def restrided(view, strides):
    """view with other strides (in bytes) over the same elements, as a view whose .base leads to the memory's own
    array as numpy's views do (storage_offset and storage bookkeeping walk .base; as_strided's base would be numpy's
    DummyArray). Only for strides that address the same elements (those of size-1 dims)."""
    strides = tuple(strides)
    if view.strides == strides:
        return view
    root = view
    while isinstance(root.base, np.ndarray):
        root = root.base
    if view.size and root.flags.c_contiguous:
        offset = view.__array_interface__["data"][0] - root.__array_interface__["data"][0]
        try:
            out = np.ndarray(view.shape, view.dtype, buffer=root, offset=offset, strides=strides)
        except (TypeError, ValueError, BufferError):   # (a dtype without a buffer format)
            return np.lib.stride_tricks.as_strided(view, view.shape, strides)
        if not view.flags.writeable:
            out.flags.writeable = False
        return out
    return np.lib.stride_tricks.as_strided(view, view.shape, strides)


def permute(input, *dims, **kwargs):
    return _view_out(input, apply(OPS["permute"], (input,), permute_axes(input, dims, kwargs)))


def permute_axes(input, dims, kwargs):
    """permute's dims, checked (PyTorch's errors)."""
    if kwargs:   # permute(dims=(1, 0)): PyTorch's keyword, and its parser's errors around it
        dims = by_keyword("permute", "dims", dims, kwargs)
    if not dims:
        raise TypeError('permute() missing 1 required positional arguments: "dims"')
    n = input._data.ndim
    dims = _shape_args(dims, "permute", "dims")
    if len(dims) != n:
        raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does not match the "
                           f"length of the desired ordering of dimensions i.e. input.dim() = {n} "
                           f"is not equal to len(dims) = {len(dims)}")
    dims = tuple(_dim(d, n) for d in dims)
    if len(set(dims)) != n:
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return dims


def transpose(input, dim0, dim1):
    n = input._data.ndim
    return _view_out(input, apply(OPS["transpose"], (input,), _dim(dim0, n), _dim(dim1, n)))


def swapaxes(input, axis0, axis1):
    """torch.swapaxes: transpose under numpy's names for the two dims (swapdims keeps dim0 / dim1)."""
    return transpose(input, axis0, axis1)


def t(input):
    if input._data.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {input._data.ndim}D")
    return _view_out(input, apply(OPS["t"], (input,)))


def expand(input, *sizes, **kwargs):
    if kwargs:
        sizes = by_keyword("expand", "size", sizes, kwargs)
    if not sizes:
        raise _missing("expand", "size")
    sizes = _shape_args(sizes, "expand")
    shape = input._data.shape
    lead = len(sizes) - len(shape)
    if lead < 0:
        raise RuntimeError(f"expand({dtypes.type_string(input._data.dtype)}{{[{', '.join(map(str, shape))}]}}, "
                           f"size=[{', '.join(map(str, sizes))}]): "
                           "the number of sizes provided (%d) must be greater or equal to the number of dimensions "
                           "in the tensor (%d)" % (len(sizes), len(shape)))
    for i in reversed(range(len(sizes))):   # (PyTorch checks from the last dim: inferExpandGeometry)
        if i < lead:
            if sizes[i] == -1:
                raise RuntimeError(f"The expanded size of the tensor (-1) isn't allowed in a leading, non-existing "
                                   f"dimension {i}")
            continue
        n = shape[i - lead]
        if n != 1 and n != sizes[i] and sizes[i] != -1:
            raise RuntimeError(f"The expanded size of the tensor ({sizes[i]}) must match the existing size "
                               f"({n}) at non-singleton dimension {i}.  Target sizes: "
                               f"[{', '.join(map(str, sizes))}].  Tensor sizes: [{', '.join(map(str, shape))}]")
    target = tuple(shape[i - lead] if n == -1 else n for i, n in enumerate(sizes))
    if any(n < 0 for n in target):   # (a size below -1 on a size-1 or new dimension: ATen's checked numel)
        raise RuntimeError("numel: integer multiplication overflow")
    return _view_out(input, apply(OPS["expand"], (input,), target))


# ---------------------------------------------------------------- joins


def _join_dtype(tensors):
    return dtypes.result_type(tensors).np


def _qualified(value):
    """A value's type as PyTorch's argument parser names it: ``list``, ``numpy.ndarray``, ``Tensor``, ``deque``'s
    ``collections.deque``, a class written in Python by its name."""
    return argcheck.tp_name(value)


def _tensor_list(tensors, name, dim=0, nonempty=None):
    """PyTorch's argument parser on a list of tensors: a list or a tuple (not a single tensor, as in the common
    ``torch.cat(a, b)``, nor a generator), each element a Tensor; and an int dim. nonempty: the name ATen's
    refusal of an empty list gives (hstack, vstack ...: ``vstack`` for row_stack, its alias)."""
    if not isinstance(tensors, (list, tuple)):
        raise TypeError(f"{name}(): argument 'tensors' (position 1) must be tuple of Tensors, not "
                        f"{_qualified(tensors)}")
    if dim.__class__ is not int and not _is_int(dim):   # (a bool is no int to it; a 0-dim int tensor is)
        raise TypeError(f"{name}(): argument 'dim' (position 2) must be int, not {_qualified(dim)}")
    tensors = list(tensors)
    for i, x in enumerate(tensors):
        if not isinstance(x, TensorBase):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {_qualified(x)}")
    if nonempty and not tensors:
        raise RuntimeError(f"{nonempty} expects a non-empty TensorList")
    return tensors


def cat(tensors, dim=0):
    tensors = _tensor_list(tensors, "cat", dim)
    dim = dim if dim.__class__ is int else int(dim)
    if not tensors:
        raise ValueError("torch.cat(): expected a non-empty list of Tensors")
    for i, x in enumerate(tensors):   # (ATen checks this first, for every input)
        if x._data.ndim == 0:
            raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
    # ATen's legacy rule: a 1-d empty tensor is skipped (it counts in the dtype and gets an empty gradient)
    skip = [x._data.ndim == 1 and x._data.size == 0 for x in tensors]
    if all(skip):   # (then any dim is taken: torch.cat([torch.ones(0)], dim=5))
        skip, dim = [False] * len(skip), 0
    # (dim is wrapped by the first input not skipped, and each input is compared with it in turn: its number of
    # dimensions, then its sizes)
    ref = next(x for x, s in zip(tensors, skip) if not s)
    d = _dim(dim, ref._data.ndim)
    for i, (x, s) in enumerate(zip(tensors, skip)):
        if s:
            continue
        if x._data.ndim != ref._data.ndim:
            raise RuntimeError(f"Tensors must have same number of dimensions: got {ref._data.ndim} and {x._data.ndim}")
        bad = next((j for j, (a, b) in enumerate(zip(x._data.shape, ref._data.shape)) if j != d and a != b), None)
        if bad is not None:
            raise RuntimeError(f"Sizes of tensors must match except in dimension {d}. Expected size "
                               f"{ref._data.shape[bad]} but got size {x._data.shape[bad]} for tensor number {i} in the list.")
    dt = _join_dtype(tensors)
    parts = [x if x._data.dtype == dt else x.to(dtypes._FROM_NP[dt]) for x in tensors]
    if any(skip):   # (an empty 1-d input suggests contiguous_format: the result is row-major)
        data = np.ascontiguousarray(np.concatenate([x._data for x, s in zip(parts, skip) if not s], axis=d))
        return apply(OPS["cat"], tuple(parts), d, [None if s else x._data.shape[d] for x, s in zip(parts, skip)],
                     data=data)
    return _record_join("cat", parts, d)


def _record_join(name, parts, d):
    arrays = [x._data for x in parts]
    if name == "cat":
        data = _formats.joined(np.concatenate(arrays, axis=d), arrays)
        return apply(OPS["cat"], tuple(parts), d, [x._data.shape[d] for x in parts], data=data)
    data = _formats.stacked(arrays, d)
    return apply(OPS["stack"], tuple(parts), d, data=data)


def concat(tensors, dim=0):
    return cat(_tensor_list(tensors, "concat", dim), dim)


def concatenate(tensors, axis=0, dim=None):
    d = axis if dim is None else dim
    return cat(_tensor_list(tensors, "concatenate", d), d)


def stack(tensors, dim=0):
    tensors = _tensor_list(tensors, "stack", dim)
    dim = dim if dim.__class__ is int else int(dim)
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    d = _dim(dim, tensors[0]._data.ndim + 1)
    for i, x in enumerate(tensors):
        if x._data.shape != tensors[0]._data.shape:
            raise RuntimeError(f"stack expects each tensor to be equal size, but got "
                               f"[{', '.join(map(str, tensors[0]._data.shape))}] at entry 0 and "
                               f"[{', '.join(map(str, x._data.shape))}] at entry {i}")
    dt = _join_dtype(tensors)
    parts = [x if x._data.dtype == dt else x.to(dtypes._FROM_NP[dt]) for x in tensors]
    return _record_join("stack", parts, d)


def stack_named(tensors, node, qualname=None):
    """stack(tensors) (of one shape and dtype) whose node is named like another op's: torch.func.vmap's per-element
    results of one op stand for the output of PyTorch's batched op, whose grad_fn is that op's (ReluBackward0)."""
    data = np.stack([x._data for x in tensors])
    return apply(renamed(OPS["stack"], node, qualname), tuple(tensors), 0, data=data)


# ---------------------------------------------------------------- splitting


def split(tensor, split_size_or_sections, dim=0):
    return _split(tensor, split_size_or_sections, dim)


def split_method(self, split_size, dim=0):
    """Tensor.split (PyTorch names its first argument split_size)."""
    return _split(self, split_size, dim)


_SPLIT_OVERLOADS = ["(Tensor input, int split_size, int dim = 0)",
                    "(Tensor input, tuple of ints split_size, int dim = 0)"]


def _split(t, split, dim):
    """As PyTorch's Tensor.split: a one-element tensor is read as an int; an int (a Python int, not a numpy one)
    splits into pieces of that size, anything else goes to split_with_sizes, whose parser wants a tuple of ints."""
    if isinstance(split, TensorBase) and split._data.size == 1:
        split = int(split.item())
    if split.__class__ is bool or isinstance(split, int) and not _is_int(dim):
        raise invalid_combination("split", _SPLIT_OVERLOADS, (t, split, dim), {})
    if not isinstance(split, int):
        int_list("split_with_sizes", "split_sizes", split)
        if not _is_int(dim):   # (Tensor.split hands its dim on by position)
            raise TypeError(f"split_with_sizes(): argument 'dim' (position 3) must be int, not {_qualified(dim)}")
    dim = int(dim)
    if t._data.ndim == 0:
        raise RuntimeError("split expects at least a 1-dimensional tensor")
    d = _dim(dim, t._data.ndim)
    n = t._data.shape[d]
    if isinstance(split, int):
        size = split
        if size < 0:
            raise RuntimeError(f"split expects split_size be non-negative, but got split_size={size}")
        if size == 0 and n:
            raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got dimension size of {n}")
        sizes = [builtins.min(size, n - start) for start in range(0, n, size)] if size > 0 else [n]
        name = "split"
    else:
        sizes = split_sizes(checked_sizes("split_with_sizes", (split,), "split_sizes"), n, d)
        name = "split_with_sizes"
    pieces, start = [], 0
    for size in sizes or [0]:
        key = (slice(None),) * d + (slice(start, start + size),)
        pieces.append(_view_out(t, apply(OPS[name], (t,), key, t._data.shape)))
        start += size
    return _multi_output(pieces)


def split_sizes(sizes, n, d):
    """The sizes of split_with_sizes' pieces along dimension d of size n, checked in ATen's order: no negative
    size first (``[8, -1]`` sums to 7 but is refused), then their sum."""
    sizes = [int(s) for s in sizes]
    listed = ", ".join(map(str, sizes))
    if builtins.any(s < 0 for s in sizes):
        raise RuntimeError(f"split_with_sizes expects split_sizes have only non-negative entries, but got "
                           f"split_sizes=[{listed}]")
    if builtins.sum(sizes) != n:
        raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {n} (input tensor's size at "
                           f"dimension {d}), but got split_sizes=[{listed}]")
    return sizes


def _multi_output(views):
    """unbind's / split's views, made in grad mode: PyTorch refuses to modify them in place (check_inplace)."""
    if GRAD_MODE.enabled:
        token = object()   # (the call's pieces: their gradients are written side by side, autograd.PIECES)
        for i, view in enumerate(views):
            view._multi_view = i
            if view._fn is not None and view._fn.op.name in _PIECE_OPS:
                PIECES[view._fn] = token
    return tuple(views)


_PIECE_OPS = frozenset(("unbind", "split", "split_with_sizes", "unsafe_split"))


def chunk(input, chunks, dim=0):
    if input._data.ndim == 0:
        raise RuntimeError("chunk expects at least a 1-dimensional tensor")
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    n = input._data.shape[_dim(dim, input._data.ndim)]
    if n == 0:   # (ATen: `chunks` empty pieces by split_with_sizes, not split's one)
        return split(input, [0] * chunks, dim)
    return split(input, builtins.max(1, -(-n // chunks)), dim)


def unbind(input, dim=0):
    if input._data.ndim == 0:   # (ATen wraps the dim as for a 1-d tensor, then finds no dimension to unbind)
        if dim not in (-1, 0):
            raise IndexError(f"Dimension out of range (expected to be in range of [-1, 0], but got {dim})")
        raise IndexError("Dimension specified as 0 but tensor has no dimensions")
    d = _dim(dim, input._data.ndim)
    shape = input._data.shape
    return _multi_output([_view_out(input, apply(OPS["unbind"], (input,), (slice(None),) * d + (i,), shape))
                          for i in range(shape[d])])
