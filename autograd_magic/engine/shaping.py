"""Reductions, views, indexing and joins over Tensors (torch.sum, reshape, x[i], torch.cat ...)."""
import builtins  # sum, max, min and abs are shadowed by the reductions below
import collections

import numpy as np

from . import dtypes
from .autograd import GRAD_MODE
from .functions import dims_arg
from .optable import OPS
from .tensor import Tensor, _dim, apply


def _return_type(name):
    cls = collections.namedtuple(name, ["values", "indices"])
    cls.__module__ = "torch.return_types"
    cls.__qualname__ = name
    cls.__repr__ = lambda self: f"torch.return_types.{name}(\nvalues={self.values!r},\nindices={self.indices!r})"
    return cls


MaxResult, MinResult = _return_type("max"), _return_type("min")


# ---------------------------------------------------------------- reductions


def sum(input, dim=None, keepdim=False, *, dtype=None, axis=None, keepdims=None, out=None):
    if axis is not None or keepdims is not None or out is not None:  # numpy's names, as PyTorch accepts them
        return _with_out(sum(input, _alias(dim, axis), _alias(keepdim, keepdims), dtype=dtype), out, "sum")
    t = input
    np_dt = dtype.np if dtype is not None else (np.int64 if t._data.dtype.kind in "biu" else None)
    dims = dims_arg(dim, t._data.ndim)
    if dims is None and not keepdim:
        return apply(OPS["sum"], (t,), t._data.shape, np_dt)
    if dims is None:
        dims = tuple(range(t._data.ndim))
    return apply(OPS["sum_dim"], (t,), dims, keepdim, t._data.shape, np_dt)


def mean(input, dim=None, keepdim=False, *, dtype=None, axis=None, keepdims=None, out=None):
    if axis is not None or keepdims is not None or out is not None:
        return _with_out(mean(input, _alias(dim, axis), _alias(keepdim, keepdims), dtype=dtype), out, "mean")
    t = input if dtype is None else input.to(dtype)
    if t._data.dtype.kind != "f":
        raise RuntimeError("mean(): could not infer output dtype. Input dtype must be either a floating point or "
                           f"complex dtype. Got: {_type_word(t)}")
    dims = dims_arg(dim, t._data.ndim)
    if dims is None and not keepdim:
        return apply(OPS["mean"], (t,), t._data.shape)
    if dims is None:
        dims = tuple(range(t._data.ndim))
    return apply(OPS["mean_dim"], (t,), dims, keepdim, t._data.shape)


def _alias(value, alias):
    return value if alias is None else alias


def _with_out(result, out, name):
    if out is None:
        return result
    from .functions import write_out
    return write_out(result, out, name)


def _type_word(t):
    return {"int64": "Long", "int32": "Int", "bool": "Bool", "uint8": "Byte", "int16": "Short",
            "int8": "Char"}.get(t.dtype.name, t.dtype.name)


def _extreme(name, input, dim, keepdim, other):
    from .functions import maximum, minimum
    if isinstance(dim, Tensor):
        return (maximum if name == "max" else minimum)(input, dim)
    if other is not None:
        return (maximum if name == "max" else minimum)(input, other)
    t = input
    if dim is None:
        if t._data.size == 0:
            raise RuntimeError(f"{name}(): Expected reduction dim to be specified for input.numel() == 0. "
                               "Specify the reduction dim with the 'dim' argument.")
        return apply(OPS[name + "_all"], (t,))
    d = _dim(dim, t._data.ndim)
    a = t._data if t._data.ndim else t._data.reshape(1)
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
    return result(values, Tensor._wrap(out_idx.astype(np.int64)))


def max(input, dim=None, keepdim=False, *, other=None, axis=None, keepdims=None):
    return _extreme("max", input, _alias(dim, axis), _alias(keepdim, keepdims), other)


def min(input, dim=None, keepdim=False, *, other=None, axis=None, keepdims=None):
    return _extreme("min", input, _alias(dim, axis), _alias(keepdim, keepdims), other)


def amax(input, dim=(), keepdim=False, *, axis=None, keepdims=None):
    dim, keepdim = _alias(dim, axis), _alias(keepdim, keepdims)
    dims = dims_arg(dim, input._data.ndim) or tuple(range(input._data.ndim))
    return apply(OPS["amax"], (input,), dims, keepdim)


def amin(input, dim=(), keepdim=False, *, axis=None, keepdims=None):
    dim, keepdim = _alias(dim, axis), _alias(keepdim, keepdims)
    dims = dims_arg(dim, input._data.ndim) or tuple(range(input._data.ndim))
    return apply(OPS["amin"], (input,), dims, keepdim)


def argmax(input, dim=None, keepdim=False, *, axis=None, keepdims=None):
    return _arg(np.argmax, input, _alias(dim, axis), _alias(keepdim, keepdims))


def argmin(input, dim=None, keepdim=False, *, axis=None, keepdims=None):
    return _arg(np.argmin, input, _alias(dim, axis), _alias(keepdim, keepdims))


def _arg(fn, input, dim, keepdim):
    a = input._data
    if dim is None:
        out = np.asarray(fn(a))
        return Tensor._wrap(out.reshape((1,) * a.ndim) if keepdim else out)
    d = _dim(dim, a.ndim)
    return Tensor._wrap(np.asarray(fn(a, axis=d, keepdims=keepdim)).astype(np.int64))


def prod(input, dim=None, keepdim=False, *, dtype=None, axis=None, keepdims=None):
    dim, keepdim = _alias(dim, axis), _alias(keepdim, keepdims)
    t = input if dtype is None else input.to(dtype)
    if dim is None:
        return apply(OPS["prod"], (t,))
    return apply(OPS["prod_dim"], (t,), _dim(dim, t._data.ndim), keepdim)


def _correction(unbiased, correction):
    if correction is not None:
        return int(correction)
    return 1 if unbiased in (None, True) else 0


def var(input, dim=None, unbiased=None, keepdim=False, *, correction=None, axis=None, keepdims=None):
    dim, keepdim = _alias(dim, axis), _alias(keepdim, keepdims)
    if isinstance(dim, bool):
        dim, unbiased = None, dim
    return apply(OPS["var"], (input,), dims_arg(dim, input._data.ndim), _correction(unbiased, correction), keepdim)


def std(input, dim=None, unbiased=None, keepdim=False, *, correction=None, axis=None, keepdims=None):
    dim, keepdim = _alias(dim, axis), _alias(keepdim, keepdims)
    if isinstance(dim, bool):
        dim, unbiased = None, dim
    return apply(OPS["std"], (input,), dims_arg(dim, input._data.ndim), _correction(unbiased, correction), keepdim)


def norm(input, p="fro", dim=None, keepdim=False, dtype=None):
    p = 2 if p in ("fro", None) else float(p)
    return apply(OPS["norm"], (input,), p, dims_arg(dim, input._data.ndim), keepdim)


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
    return apply(OPS[name], (t,), _dim(dim, t._data.ndim))


# ---------------------------------------------------------------- views


def _view_out(t, out):
    """A view shares its base's version counter. A view taken without recording (no_grad) of a tensor that
    requires grad still says requires_grad=True, as in PyTorch, but gradients do not flow through it."""
    out._vbox = t._vbox
    out._view_of_leaf = t._view_of_leaf or (t._rg and t._fn is None)
    if t._rg and not out._rg and not GRAD_MODE.enabled:
        out._rg = True
        out._untracked_view = True
    return out


def _infer_shape(shape, size):
    shape = list(shape)
    if shape.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    known = 1
    for n in shape:
        if n != -1:
            known *= n
    if -1 in shape:
        if known == 0 or size % known:
            raise RuntimeError(f"shape '[{', '.join(str(n) for n in shape)}]' is invalid for input of size {size}")
        shape[shape.index(-1)] = size // known
    elif known != size:
        raise RuntimeError(f"shape '[{', '.join(str(n) for n in shape)}]' is invalid for input of size {size}")
    return tuple(shape)


def _shape_args(shape):
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        return tuple(int(n) for n in shape[0])
    return tuple(int(n) for n in shape)


def view(input, *shape):
    shape = _infer_shape(_shape_args(shape), input._data.size)
    try:
        input._data.reshape(shape, copy=False)
    except ValueError:
        raise RuntimeError("view size is not compatible with input tensor's size and stride (at least one dimension "
                           "spans across two contiguous subspaces). Use .reshape(...) instead.") from None
    return _view_out(input, apply(OPS["view"], (input,), shape, input._data.shape))


def reshape(input, *shape):
    shape = _infer_shape(_shape_args(shape), input._data.size)
    if input._data.flags.c_contiguous or input._data.size <= 1:
        return _view_out(input, apply(OPS["view"], (input,), shape, input._data.shape))
    copy = apply(OPS["clone"], (input,), data=np.ascontiguousarray(input._data))
    return apply(OPS["unsafe_view"], (copy,), shape, input._data.shape)


def flatten(input, start_dim=0, end_dim=-1):
    shape = input._data.shape
    if not shape:
        return reshape(input, 1)
    s, e = _dim(start_dim, len(shape)), _dim(end_dim, len(shape))
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
        new = tuple(n for i, n in enumerate(shape) if not (i in dims and n == 1))
        return _view_out(input, apply(OPS["squeeze_dims"], (input,), new, shape))
    d = _dim(dim, len(shape))
    new = shape[:d] + shape[d + 1:] if shape and shape[d] == 1 else shape
    return _view_out(input, apply(OPS["squeeze_dim"], (input,), new, shape))


def unsqueeze(input, dim):
    shape = input._data.shape
    d = _dim(dim, len(shape) + 1)
    return _view_out(input, apply(OPS["unsqueeze"], (input,), shape[:d] + (1,) + shape[d:], shape))


def permute(input, *dims):
    dims = tuple(_dim(d, input._data.ndim) for d in _shape_args(dims))
    if sorted(dims) != list(range(input._data.ndim)):
        raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does not match the "
                           f"length of the desired ordering of dimensions i.e. input.dim() = {input._data.ndim} "
                           f"is not equal to len(dims) = {len(dims)}")
    return _view_out(input, apply(OPS["permute"], (input,), dims))


def transpose(input, dim0, dim1):
    n = input._data.ndim
    return _view_out(input, apply(OPS["transpose"], (input,), _dim(dim0, n), _dim(dim1, n)))


swapaxes = transpose


def t(input):
    if input._data.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {input._data.ndim}D")
    return _view_out(input, apply(OPS["t"], (input,)))


def expand(input, *sizes):
    sizes = _shape_args(sizes)
    shape = input._data.shape
    lead = len(sizes) - len(shape)
    if lead < 0:
        raise RuntimeError(f"expand(torch.FloatTensor{{[{', '.join(map(str, shape))}]}}, size=[{', '.join(map(str, sizes))}]): "
                           "the number of sizes provided (%d) must be greater or equal to the number of dimensions "
                           "in the tensor (%d)" % (len(sizes), len(shape)))
    target = tuple(shape[i - lead] if n == -1 else n for i, n in enumerate(sizes))
    for i, n in enumerate(shape):
        if n != 1 and n != target[i + lead]:
            raise RuntimeError(f"The expanded size of the tensor ({target[i + lead]}) must match the existing size "
                               f"({n}) at non-singleton dimension {i + lead}.  Target sizes: "
                               f"[{', '.join(map(str, sizes))}].  Tensor sizes: [{', '.join(map(str, shape))}]")
    return _view_out(input, apply(OPS["expand"], (input,), target))


# ---------------------------------------------------------------- indexing


def _index_component(k):
    if isinstance(k, Tensor):
        return k._data
    if isinstance(k, list):
        return np.asarray([_index_component(v) for v in k])
    return k


def normalize_key(key):
    if not isinstance(key, tuple):
        key = (key,)
    return tuple(_index_component(k) for k in key)


def _is_basic(key):
    for k in key:
        if isinstance(k, np.ndarray) or not (k is None or k is Ellipsis or isinstance(k, (int, slice, np.integer))):
            if isinstance(k, np.ndarray) and k.ndim == 0 and k.dtype.kind in "iu":
                continue
            return False
    return True


def _expand_ellipsis(key, ndim):
    if Ellipsis not in [k for k in key if not isinstance(k, np.ndarray)]:
        return key
    i = next(j for j, k in enumerate(key) if k is Ellipsis)
    n_real = len([k for k in key if k is not None and k is not Ellipsis])
    return key[:i] + (slice(None),) * (ndim - n_real) + key[i + 1:]


def _check_masks(key, shape):
    dim = 0
    for k in key:
        if isinstance(k, np.ndarray) and k.dtype == np.bool_:
            for j, n in enumerate(k.shape):
                if dim + j < len(shape) and n != shape[dim + j]:
                    raise IndexError(f"The shape of the mask [{', '.join(map(str, k.shape))}] at index {j} does not "
                                     f"match the shape of the indexed tensor [{', '.join(map(str, shape))}] at index "
                                     f"{dim + j}")
            dim += k.ndim
        elif k is not None:
            dim += 1


def _check_bounds(key, shape):
    if not shape and any(isinstance(k, (int, np.integer)) for k in key):
        raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in "
                         "C++ to convert a 0-dim tensor to a number")
    dim = 0
    for k in key:
        if k is None:
            continue
        if k.__class__ is slice and k.step is not None and k.step < 0:
            raise ValueError("step must be greater than zero")
        if dim >= len(shape):
            raise IndexError(f"too many indices for tensor of dimension {len(shape)}")
        if isinstance(k, (int, np.integer)):
            n = shape[dim]
            if not -n <= k < n:
                raise IndexError(f"index {k} is out of bounds for dimension {dim} with size {n}")
        dim += 1


def getitem(t, key):
    key = normalize_key(key)
    basic = _is_basic(key)
    if basic:
        key = _expand_ellipsis(key, t._data.ndim)
        _check_bounds(key, t._data.shape)
    if not (t._rg and GRAD_MODE.enabled):
        if not basic:
            _check_masks(key, t._data.shape)
        try:
            data = t._data[key if len(key) != 1 else key[0]]
        except IndexError as e:
            raise IndexError(str(e)) from None
        out = Tensor._wrap(np.asarray(data) if type(data) is not np.ndarray else data)
        return _view_out(t, out) if basic else out
    if not basic:
        _check_masks(key, t._data.shape)
        data = np.asarray(t._data[key])
        return apply(OPS["index"], (t,), key, t._data.shape, data=data)
    return _basic_chain(t, key)


def _basic_chain(t, key):
    """Basic indexing as PyTorch records it: one Select/Slice/Unsqueeze node per indexed dim."""
    out, dim, changed = t, 0, False
    for k in key:
        if k is None:
            out = unsqueeze(out, dim)
            dim += 1
            changed = True
            continue
        pre = (slice(None),) * dim
        if isinstance(k, slice):
            if k == slice(None):
                dim += 1
                continue
            out = _view_out(out, apply(OPS["slice"], (out,), pre + (k,), out._data.shape))
            dim += 1
        else:
            out = _view_out(out, apply(OPS["select"], (out,), pre + (int(k),), out._data.shape))
        changed = True
    if not changed:
        out = _view_out(t, apply(OPS["alias"], (t,)))
    return out


def setitem(t, key, value):
    from .inplace import _VIEW_INPLACE, check_inplace, commit_inplace
    key = normalize_key(key)
    k = key if len(key) != 1 else key[0]
    v = value if isinstance(value, Tensor) else None
    if not GRAD_MODE.enabled or not (t._rg or (v is not None and v._rg)):
        t._data[k] = v._data if v is not None else value
        t._vbox[0] += 1
        return
    if t._rg and t._fn is None and _is_basic(key):
        raise RuntimeError(_VIEW_INPLACE)
    check_inplace(t)
    if v is None:
        v = Tensor._wrap(np.asarray(value, dtype=t._data.dtype))
    elif v._data.dtype != t._data.dtype:
        v = v.to(dtypes._FROM_NP[t._data.dtype])
    op = OPS["copy_slices"] if _is_basic(key) else OPS["index_put"]
    old = Tensor._wrap(t._data.copy(), t._rg, t._fn)
    old._accum = t._accum
    new = apply(op, (old, v), k)
    commit_inplace(t, new)


# ---------------------------------------------------------------- joins


def _join_dtype(tensors):
    return dtypes.result_type(tensors).np


def cat(tensors, dim=0):
    tensors = list(tensors)
    if not tensors:
        raise ValueError("torch.cat(): expected a non-empty list of Tensors")
    ref = next((x for x in tensors if x._data.ndim), tensors[0])
    for x in tensors:
        if x._data.ndim and x._data.ndim != ref._data.ndim:
            raise RuntimeError(f"Tensors must have same number of dimensions: got {ref._data.ndim} and {x._data.ndim}")
    d = _dim(dim, ref._data.ndim)
    dt = _join_dtype(tensors)
    parts = [x if x._data.dtype == dt else x.to(dtypes._FROM_NP[dt]) for x in tensors]
    for i, x in enumerate(parts):
        if x._data.ndim == 0:
            raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
        bad = next((j for j, (a, b) in enumerate(zip(x._data.shape, ref._data.shape)) if j != d and a != b), None)
        if bad is not None:
            raise RuntimeError(f"Sizes of tensors must match except in dimension {d}. Expected size "
                               f"{ref._data.shape[bad]} but got size {x._data.shape[bad]} for tensor number {i} in the list.")
    return _record_join("cat", parts, d)


def _record_join(name, parts, d):
    if name == "cat":
        data = np.concatenate([x._data for x in parts], axis=d)
        return apply(OPS["cat"], tuple(parts), d, [x._data.shape[d] for x in parts], data=data)
    data = np.stack([x._data for x in parts], axis=d)
    return apply(OPS["stack"], tuple(parts), d, data=data)


concat = concatenate = cat


def stack(tensors, dim=0):
    tensors = list(tensors)
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


def select(input, dim, index):
    d = _dim(dim, input._data.ndim)
    return getitem(input, (slice(None),) * d + (index,))


# ---------------------------------------------------------------- splitting


def split(tensor, split_size_or_sections, dim=0):
    t = tensor
    d = _dim(dim, t._data.ndim)
    n = t._data.shape[d]
    if isinstance(split_size_or_sections, int):
        size = split_size_or_sections
        if size == 0 and n:
            raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got dimension size of {n}")
        sizes = [builtins.min(size, n - start) for start in range(0, n, size)] if size > 0 else [n]
        name = "split"
    else:
        sizes = [int(s) for s in split_size_or_sections]
        if builtins.sum(sizes) != n:
            raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {n} (input tensor's size at "
                               f"dimension {d}), but got split_sizes=[{', '.join(map(str, sizes))}]")
        name = "split_with_sizes"
    pieces, start = [], 0
    for size in sizes or [0]:
        key = (slice(None),) * d + (slice(start, start + size),)
        pieces.append(_view_out(t, apply(OPS[name], (t,), key, t._data.shape)))
        start += size
    return tuple(pieces)


def chunk(input, chunks, dim=0):
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    n = input._data.shape[_dim(dim, input._data.ndim)]
    return split(input, builtins.max(1, -(-n // chunks)), dim)


def unbind(input, dim=0):
    d = _dim(dim, input._data.ndim)
    shape = input._data.shape
    return tuple(_view_out(input, apply(OPS["unbind"], (input,), (slice(None),) * d + (i,), shape))
                 for i in range(shape[d]))


# ---------------------------------------------------------------- picking elements by a key


def _diag_key(shape, offset, d1, d2):
    """The advanced-indexing key that picks a diagonal (moved to the last dim, as np.diagonal does)."""
    flat = np.arange(int(np.prod(shape))).reshape(shape)
    return np.unravel_index(np.diagonal(flat, offset, d1, d2), shape)


def diagonal(input, offset=0, dim1=0, dim2=1):
    n = input._data.ndim
    key = _diag_key(input._data.shape, offset, _dim(dim1, n), _dim(dim2, n))
    return apply(OPS["diagonal"], (input,), key, input._data.shape)


def diag(input, diagonal=0):
    a = input._data
    if a.ndim == 1:
        n = a.shape[0] + builtins.abs(diagonal)
        idx = np.arange(a.shape[0])
        key = (idx + builtins.max(-diagonal, 0), idx + builtins.max(diagonal, 0))
        return apply(OPS["diag_embed"], (input,), key, (n, n))
    if a.ndim != 2:
        raise RuntimeError("diag(): Supports 1D or 2D tensors. Got " + f"{a.ndim}D")
    return apply(OPS["diag"], (input,), _diag_key(a.shape, diagonal, 0, 1), a.shape)


def trace(input):
    if input._data.ndim != 2:
        raise RuntimeError("trace: expected a matrix, but got tensor with dim " + str(input._data.ndim))
    return apply(OPS["trace"], (input,), input._data.shape)


def _index_array(index, name):
    if not isinstance(index, Tensor):
        raise TypeError(f"{name}(): argument 'index' must be Tensor, not {type(index).__name__}")
    if index._data.dtype not in (np.int64, np.int32):
        raise RuntimeError(f"{name}(): Expected dtype " + ("int32 or int64" if name == "index_select" else "int32/int64")
                           + " for index")
    return index._data


def _along(input, dim, index, name):
    from .xp import along_axis_key
    idx = _index_array(index, name)
    d = _dim(dim, input._data.ndim)
    if idx.ndim != input._data.ndim:
        raise RuntimeError("Index tensor must have the same number of dimensions as " +
                           ("input tensor" if name == "gather" else "self tensor"))
    n = input._data.shape[d] if input._data.ndim else 1
    bad = idx[(idx >= n) | (idx < -n)] if idx.size else idx
    if bad.size:
        raise RuntimeError(f"index {bad.flat[0]} is out of bounds for dimension {d} with size {n}")
    return (along_axis_key(idx, d) if idx.ndim else ()), d


def gather(input, dim, index, *, sparse_grad=False):
    key, _ = _along(input, dim, index, "gather")
    return apply(OPS["gather"], (input,), key, input._data.shape)


def scatter(input, dim, index, src=None, *, value=None, reduce=None):
    key, _ = _along(input, dim, index, "scatter")
    if src is None:
        src = value
    if not isinstance(src, Tensor):
        return apply(OPS["scatter_value"], (input,), key, src)
    if src._data.dtype != input._data.dtype:
        raise RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype")
    return apply(OPS["scatter"], (input, _leading(src, index)), key)


def scatter_add(input, dim, index, src):
    key, _ = _along(input, dim, index, "scatter_add")
    if src._data.dtype != input._data.dtype:
        raise RuntimeError("scatter_add(): Expected self.dtype to be equal to src.dtype")
    return apply(OPS["scatter_add"], (input, _leading(src, index)), key)


def _leading(src, index):
    """The block of src that index covers (PyTorch reads only that much of src)."""
    if src._data.shape == index._data.shape:
        return src
    return getitem(src, tuple(slice(0, n) for n in index._data.shape))


def index_select(input, dim, index):
    idx = _index_array(index, "index_select")
    if idx.ndim > 1:
        raise IndexError("index_select(): Index is supposed to be a vector")
    d = _dim(dim, input._data.ndim)
    key = (slice(None),) * d + (idx.reshape(-1),) if input._data.ndim else (idx.reshape(-1) * 0,)
    return apply(OPS["index_select"], (input,), key, input._data.shape)


def masked_select(input, mask):
    m = mask._data if isinstance(mask, Tensor) else np.asarray(mask)
    shape = np.broadcast_shapes(input._data.shape, m.shape)
    t = input if input._data.shape == shape else expand(input, shape)
    return apply(OPS["masked_select"], (t,), np.broadcast_to(m, shape), shape)


def flip(input, *args, dims=None):
    dims = tuple(_dim(d, input._data.ndim) for d in _shape_args(args if dims is None else (dims,)))
    return apply(OPS["flip"], (input,), dims)


def tril(input, diagonal=0):
    if input._data.ndim < 2:
        raise RuntimeError("tril: input tensor must have at least 2 dimensions")
    return apply(OPS["tril"], (input,), diagonal)


def triu(input, diagonal=0):
    if input._data.ndim < 2:
        raise RuntimeError("triu: input tensor must have at least 2 dimensions")
    return apply(OPS["triu"], (input,), diagonal)


def repeat(input, *sizes):
    sizes = _shape_args(sizes)
    shape = input._data.shape
    if len(sizes) < len(shape):
        raise RuntimeError("Number of dimensions of repeat dims can not be smaller than number of dimensions of "
                           "tensor")
    t = input if shape else reshape(input, (1,))
    shape = t._data.shape
    flat = np.arange(t._data.size).reshape((1,) * (len(sizes) - len(shape)) + shape)
    key = np.unravel_index(np.tile(flat, sizes), shape)
    return apply(OPS["repeat"], (t,), key, shape)


# ---------------------------------------------------------------- sorting and order statistics

SortResult, TopkResult, MedianResult = _return_type("sort"), _return_type("topk"), _return_type("median")


def _order(a, d, descending):
    if not a.ndim:
        return np.zeros((), np.int64)
    if descending:
        if a.dtype.kind in "fi":
            return np.argsort(-a, axis=d, kind="stable")
        return np.flip(np.argsort(a, axis=d, kind="stable"), d)
    return np.argsort(a, axis=d, kind="stable")


def _picked(input, name, idx, d, result):
    """values = input picked at idx along d (idx has input's ndim), recorded under name; with the indices."""
    from .xp import along_axis_key
    key = along_axis_key(idx, d) if input._data.ndim else ()
    values = apply(OPS[name], (input,), key, input._data.shape)
    return result(values, Tensor._wrap(idx.astype(np.int64)))


def sort(input, dim=-1, descending=False, stable=False):
    d = _dim(dim, input._data.ndim)
    return _picked(input, "sort", _order(input._data, d, descending), d, SortResult)


def argsort(input, dim=-1, descending=False, stable=False):
    d = _dim(dim, input._data.ndim)
    return Tensor._wrap(_order(input._data, d, descending).astype(np.int64))


def topk(input, k, dim=-1, largest=True, sorted=True):
    d = _dim(dim, input._data.ndim)
    n = input._data.shape[d] if input._data.ndim else 1
    if not 0 <= k <= n:
        raise RuntimeError("selected index k out of range")
    idx = _order(input._data, d, largest)
    idx = np.take(idx, np.arange(k), axis=d) if input._data.ndim else idx
    return _picked(input, "topk", idx, d, TopkResult)


def median(input, dim=None, keepdim=False):
    a = input._data
    if dim is None:
        if a.size == 0:
            return Tensor._wrap(np.asarray(np.nan, a.dtype))
        flat = np.argsort(a.reshape(-1), kind="stable")[(a.size - 1) // 2]
        key = tuple(np.asarray(i) for i in np.unravel_index(flat, a.shape))
        return apply(OPS["median"], (input,), key, a.shape)
    d = _dim(dim, a.ndim)
    if not a.ndim:
        return _picked(input, "median_dim", _order(a, d, False), d, MedianResult)
    idx = np.take(_order(a, d, False), [(a.shape[d] - 1) // 2], axis=d)
    if keepdim:
        return _picked(input, "median_dim", idx, d, MedianResult)
    idx = idx.squeeze(d)
    key = list(np.indices(idx.shape, sparse=True))
    key.insert(d, idx)
    values = apply(OPS["median_dim"], (input,), tuple(key), a.shape)
    return MedianResult(values, Tensor._wrap(idx.astype(np.int64)))


def logsumexp(input, dim, keepdim=False):
    t = input if input._data.dtype.kind == "f" else input.float()
    dims = dims_arg(dim, t._data.ndim)
    return apply(OPS["logsumexp"], (t,), dims if dims is not None else tuple(range(t._data.ndim)), keepdim)


def _moment_mean(kind, input, dim, unbiased, keepdim, correction):
    if isinstance(dim, bool):
        dim, unbiased = None, dim
    dims = dims_arg(dim, input._data.ndim)
    c = _correction(unbiased, correction)
    spread = apply(OPS[f"{kind}_mean_{kind}"], (input,), dims, c, keepdim)
    all_dims = dims if dims is not None else tuple(range(input._data.ndim))
    mean_ = apply(OPS[f"{kind}_mean_mean"], (input,), all_dims, keepdim, input._data.shape)
    return spread, mean_


def std_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return _moment_mean("std", input, dim, unbiased, keepdim, correction)


def var_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return _moment_mean("var", input, dim, unbiased, keepdim, correction)


def count_nonzero(input, dim=None):
    dims = dims_arg(dim, input._data.ndim)
    return Tensor._wrap(np.asarray(np.count_nonzero(input._data, axis=dims), dtype=np.int64))


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
    a = input._data  # sorted on the CPU whatever `sorted` says, as in PyTorch
    vals, inverse, counts = np.unique(a if dim is not None else a.reshape(-1), return_inverse=True,
                                      return_counts=True, axis=dim)
    out = [Tensor._wrap(vals)]
    if return_inverse:
        out.append(Tensor._wrap(inverse.reshape(a.shape if dim is None else -1).astype(np.int64)))
    if return_counts:
        out.append(Tensor._wrap(counts.astype(np.int64)))
    return out[0] if len(out) == 1 else tuple(out)


def meshgrid(*tensors, indexing=None):
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    if indexing is None:
        from .tensor import warn_once
        warn_once("torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument. "
                  "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4215.)",
                  stacklevel=2)
        indexing = "ij"
    if indexing not in ("ij", "xy"):
        raise RuntimeError(f"torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {indexing}")
    swap = indexing == "xy" and len(tensors) >= 2
    ts = list(tensors)
    if swap:
        ts[0], ts[1] = ts[1], ts[0]
    shape = tuple(t._data.size for t in ts)
    grids = [expand(view(t, tuple(-1 if j == i else 1 for j in range(len(ts)))), shape) for i, t in enumerate(ts)]
    if swap:
        grids[0], grids[1] = grids[1], grids[0]
    return tuple(grids)


# ---------------------------------------------------------------- einsum


def einsum(equation, *operands):
    """One or two operands, '...' and repeated letters (diagonals) included; two operands are contracted as a
    batched matmul, as PyTorch records it (permute, reshape, bmm, view), or multiplied when nothing is summed."""
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    lhs, arrow, out = equation.replace(" ", "").partition("->")
    inputs = lhs.split(",")
    if len(inputs) != len(operands):
        raise RuntimeError("einsum(): more operands were provided than specified in the equation" if
                           len(operands) > len(inputs) else
                           "einsum(): fewer operands were provided than specified in the equation")
    if len(inputs) > 2:
        raise RuntimeError("einsum(): autograd_magic implements a subset of PyTorch: one or two operands")
    inputs, out = _einsum_ellipsis(inputs, out if arrow else None, operands)
    operands = list(operands)
    sizes = {}
    for i, (subs, t) in enumerate(zip(inputs, operands)):
        if len(subs) != t._data.ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({len(subs)}) does not match the "
                               f"number of dimensions ({t._data.ndim}) for operand {i} and no ellipsis was given")
        for c, n in zip(subs, t._data.shape):
            if sizes.get(c, n) != n and 1 not in (n, sizes[c]):
                raise RuntimeError(f"einsum(): subscript {c} has size {n} for operand {i} which does not broadcast "
                                   f"with previously seen size {sizes[c]}")
            sizes[c] = builtins.max(n, sizes.get(c, n))
        while len(set(subs)) != len(subs):  # a repeated letter takes the diagonal (moved last, as np.diagonal)
            c = next(c for c in subs if subs.count(c) > 1)
            first, second = subs.index(c), subs.index(c, subs.index(c) + 1)
            operands[i] = diagonal(operands[i], 0, first, second)
            subs = "".join(x for j, x in enumerate(subs) if j not in (first, second)) + c
        inputs[i] = subs
    if len(operands) == 1:
        t, subs = operands[0], inputs[0]
        if set(subs) == set(out):  # PyTorch records a permute, even the identity one
            return permute(t, [subs.index(c) for c in out])
        return _einsum_one(t, subs, out)
    return _einsum_two(operands[0], inputs[0], operands[1], inputs[1], out, sizes)


def _einsum_ellipsis(inputs, out, operands):
    """'...' replaced by capital letters (right-aligned across operands); the implicit output worked out."""
    counts = collections.Counter(c for subs in inputs for c in subs.replace("...", ""))
    dots = [t._data.ndim - len(subs.replace("...", "")) if "..." in subs else 0 for subs, t in zip(inputs, operands)]
    m = builtins.max(dots)
    spare = [chr(c) for c in range(ord("A"), ord("Z") + 1) if chr(c) not in "".join(inputs)][:m]
    inputs = [subs.replace("...", "".join(spare[m - k:])) for subs, k in zip(inputs, dots)]
    if out is None:
        out = "".join(spare) + "".join(c for c in sorted(counts) if counts[c] == 1)
    else:
        out = out.replace("...", "".join(spare))
    return inputs, out


def _einsum_one(t, subs, out):
    drop = [i for i, c in enumerate(subs) if c not in out]
    if drop:
        t = sum(t, drop)
        subs = "".join(c for c in subs if c in out)
    if subs != out:
        t = permute(t, [subs.index(c) for c in out])
    return t


def _einsum_two(a, sa, b, sb, out, sizes):
    # letters only one operand has and the output lacks are summed away first
    a, sa = _einsum_one(a, sa, "".join(c for c in sa if c in out or c in sb)), "".join(c for c in sa if c in out or c in sb)
    b, sb = _einsum_one(b, sb, "".join(c for c in sb if c in out or c in sa)), "".join(c for c in sb if c in out or c in sa)
    batch = [c for c in out if c in sa and c in sb]
    left = [c for c in out if c in sa and c not in sb]
    right = [c for c in out if c in sb and c not in sa]
    summed = [c for c in sa if c in sb and c not in out]
    if not summed:  # a broadcast product
        order = batch + left + right
        ea = _einsum_align(a, sa, order)
        eb = _einsum_align(b, sb, order)
        prod_ = ea * eb
        return prod_ if order == list(out) else permute(prod_, [order.index(c) for c in out])

    def size(letters):
        n = 1
        for c in letters:
            n *= sizes[c]
        return n
    def arranged(t, subs, letters):
        t = _einsum_one(t, subs, "".join(letters))
        full = tuple(sizes[c] for c in letters)
        return t if t._data.shape == full else expand(t, full)  # size-1 dims broadcast, as in PyTorch
    a3 = reshape(arranged(a, sa, batch + left + summed), size(batch), size(left), size(summed))
    b3 = reshape(arranged(b, sb, batch + summed + right), size(batch), size(summed), size(right))
    from .functions import bmm
    res = view(bmm(a3, b3), [sizes[c] for c in batch + left + right])
    order = batch + left + right
    return res if order == list(out) else permute(res, [order.index(c) for c in out])


def _einsum_align(t, subs, order):
    """t permuted to order's letters it has, with size-1 dims for the ones it lacks."""
    mine = [c for c in order if c in subs]
    if list(subs) != mine:
        t = permute(t, [subs.index(c) for c in mine])
    shape = [t._data.shape[mine.index(c)] if c in mine else 1 for c in order]
    return t if tuple(shape) == t._data.shape else reshape(t, shape)

