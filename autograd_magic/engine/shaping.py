"""Reductions, views, indexing and joins over Tensors (torch.sum, reshape, x[i], torch.cat ...)."""
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


def sum(input, dim=None, keepdim=False, *, dtype=None):
    t = input
    np_dt = dtype.np if dtype is not None else (np.int64 if t._data.dtype.kind in "biu" else None)
    dims = dims_arg(dim, t._data.ndim)
    if dims is None and not keepdim:
        return apply(OPS["sum"], (t,), t._data.shape, np_dt)
    if dims is None:
        dims = tuple(range(t._data.ndim))
    return apply(OPS["sum_dim"], (t,), dims, keepdim, t._data.shape, np_dt)


def mean(input, dim=None, keepdim=False, *, dtype=None):
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


def max(input, dim=None, keepdim=False, *, other=None):
    return _extreme("max", input, dim, keepdim, other)


def min(input, dim=None, keepdim=False, *, other=None):
    return _extreme("min", input, dim, keepdim, other)


def amax(input, dim=(), keepdim=False):
    dims = dims_arg(dim, input._data.ndim) or tuple(range(input._data.ndim))
    return apply(OPS["amax"], (input,), dims, keepdim)


def amin(input, dim=(), keepdim=False):
    dims = dims_arg(dim, input._data.ndim) or tuple(range(input._data.ndim))
    return apply(OPS["amin"], (input,), dims, keepdim)


def argmax(input, dim=None, keepdim=False):
    return _arg(np.argmax, input, dim, keepdim)


def argmin(input, dim=None, keepdim=False):
    return _arg(np.argmin, input, dim, keepdim)


def _arg(fn, input, dim, keepdim):
    a = input._data
    if dim is None:
        out = np.asarray(fn(a))
        return Tensor._wrap(out.reshape((1,) * a.ndim) if keepdim else out)
    d = _dim(dim, a.ndim)
    return Tensor._wrap(np.asarray(fn(a, axis=d, keepdims=keepdim)).astype(np.int64))


def prod(input, dim=None, keepdim=False, *, dtype=None):
    t = input if dtype is None else input.to(dtype)
    if dim is None:
        return apply(OPS["prod"], (t,))
    return apply(OPS["prod_dim"], (t,), _dim(dim, t._data.ndim), keepdim)


def _correction(unbiased, correction):
    if correction is not None:
        return int(correction)
    return 1 if unbiased in (None, True) else 0


def var(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    if isinstance(dim, bool):
        dim, unbiased = None, dim
    return apply(OPS["var"], (input,), dims_arg(dim, input._data.ndim), _correction(unbiased, correction), keepdim)


def std(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    if isinstance(dim, bool):
        dim, unbiased = None, dim
    return apply(OPS["std"], (input,), dims_arg(dim, input._data.ndim), _correction(unbiased, correction), keepdim)


def norm(input, p="fro", dim=None, keepdim=False, dtype=None):
    p = 2 if p in ("fro", None) else float(p)
    return apply(OPS["norm"], (input,), p, dims_arg(dim, input._data.ndim), keepdim)


def cumsum(input, dim):
    return Tensor._wrap(np.cumsum(input._data, axis=_dim(dim, input._data.ndim)))


# ---------------------------------------------------------------- views


def _view_out(t, out):
    """A view shares its base's version counter. A view taken without recording (no_grad) of a tensor that
    requires grad still says requires_grad=True, as in PyTorch, but gradients do not flow through it."""
    out._vbox = t._vbox
    out._view_of_leaf = t._view_of_leaf or (t._rg and t.grad_fn is None)
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
    if t._rg and t.grad_fn is None and _is_basic(key):
        raise RuntimeError(_VIEW_INPLACE)
    check_inplace(t)
    if v is None:
        v = Tensor._wrap(np.asarray(value, dtype=t._data.dtype))
    elif v._data.dtype != t._data.dtype:
        v = v.to(dtypes._FROM_NP[t._data.dtype])
    op = OPS["copy_slices"] if _is_basic(key) else OPS["index_put"]
    old = Tensor._wrap(t._data.copy(), t._rg, t.grad_fn)
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
