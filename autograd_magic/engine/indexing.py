"""Indexing over Tensors: x[key], x[key] = v, select, and the ops that pick elements by a key (diagonal,
gather, scatter, index_select, masked_select, flip, tril/triu, repeat). Re-exported by shaping."""
import builtins

import warnings

import numpy as np

from . import argcheck, batching, dtypes, overlap as _overlap
from .autograd import GRAD_MODE
from .fperror import ALL_IGNORED, FP_ERROR_STATE
from .inplace import copy_, fill_
from .argcheck import user_level
from .optable import OPS
from .functions import repeated_dim
from .shaping import _shape_args, _view_out, by_keyword, expand, reshape, restrided, unsqueeze
from .size import keyword_sizes, nonnegative
from .tensor_base import (real_if_complex, writeable_window, _CUSTOM_VIEW_INPLACE, _INFERENCE_INPLACE,
                          _MULTI_VIEW_INPLACE, _OVERLAP, _VIEW_INPLACE, INFERENCE_MODE, TANGENT_HOOK, TensorBase,
                          _before_write, _dim, apply, check_broadcast, check_inplace, commit_inplace_tracked, inplace,
                          warn_once, wrap, wrap_from)
from .tensor_base import _foreign_sequence, _is_sequence
from .xp import along_axis_key

# ---------------------------------------------------------------- indexing


_BYTE_MASK = ("indexing with dtype torch.uint8 is now deprecated, please use a dtype torch.bool instead. (Triggered "
              "internally at /__w/pytorch/pytorch/aten/src/ATen/native/IndexingUtils.h:37.)")


# the dtypes of index tensors PyTorch takes: long, int, byte, bool (numpy's codes, int64's on every platform)
_INDEX_CHARS = frozenset(np.dtype(t).char for t in (np.int64, np.int32, np.uint8, np.bool_, np.longlong))


def _index_component(k):
    if isinstance(k, TensorBase):
        if k._data.dtype.char not in _INDEX_CHARS:   # (a float index: i / 2 where i // 2 was meant; int16 ...)
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        if k._data.dtype == np.uint8:   # a ByteTensor mask of old tutorials: a mask, as bool, with PyTorch's warning
            return _byte_mask(k._data)
        return k._data
    if k.__class__ is np.ndarray:
        return _array_index(k)
    if k.__class__ is bool or k.__class__ is np.bool_:   # x[True]: a 0-d mask (a new dim of 1 or 0), not x[1]
        return np.array(k, dtype=np.bool_)
    if isinstance(k, (list, tuple)):   # (a tuple inside the key: an index tensor too, x[(0, 1),] is x[[0, 1]])
        arr = np.asarray([_index_component(v) for v in k])
        # (x[[]]: an empty long index, as PyTorch's; a list with a float is a long index: x[[1.5, 0]] is x[[1, 0]])
        return arr.astype(np.int64) if arr.size == 0 or arr.dtype.kind == "f" else arr
    return k


def _array_index(k):
    """A numpy array in a key, as PyTorch's indexing_tensor_from_data reads it: a tensor of its data (object and
    string arrays refused as torch.tensor refuses them), a uint8 one a byte mask (with the deprecation warning),
    any other but a bool one converted to long (x[np.array([1.7, 2.2])] is x[[1, 2]])."""
    kind = k.dtype.kind
    if kind == "b" or kind in "iu" and k.dtype != np.uint8:
        return k
    dtypes.from_numpy_dtype(k.dtype)
    if k.dtype == np.uint8:
        return _byte_mask(k)
    with np.errstate(invalid="ignore"):   # (NaN becomes the least int64, an index out of bounds, as in PyTorch)
        return k.real.astype(np.int64)


def _byte_mask(data):
    """A uint8 index as the bool mask PyTorch makes of it, with its deprecation warning unless it is 0-d (PyTorch
    reads a 0-d byte or bool index as a mask of one new dim without the warning)."""
    if data.ndim:
        warnings.warn(_BYTE_MASK, UserWarning, stacklevel=user_level())
    return data.astype(np.bool_)


def normalize_key(key):
    if not isinstance(key, tuple):
        key = _sequence_as_tuple(key)
        key = key if key.__class__ is tuple else (key,)
    return tuple(_index_component(k if k.__class__ in _KEY_CLASSES else _refuse_key(k)) for k in key)


_KEY_CLASSES = {int, bool, slice, type(None), type(Ellipsis), list, tuple, np.ndarray}
_NON_TUPLE = ("Using a non-tuple sequence for multidimensional indexing is deprecated and will be changed in pytorch "
              "2.9; use x[tuple(seq)] instead of x[seq]. In pytorch 2.9 this will be interpreted as tensor index, "
              "x[torch.tensor(seq)], which will result either in an error or a different result (Triggered "
              "internally at /__w/pytorch/pytorch/torch/csrc/autograd/python_variable_indexing.cpp:{}.)")


def _sequence_as_tuple(key):
    """PyTorch's treatSequenceAsTuple (NumPy's old rule): a key that is a short sequence other than a tuple (a list,
    a deque, a string) holding a tensor, a sequence or a slice, or else None or Ellipsis, is read as a tuple of
    indices, with PyTorch's deprecation warning (``x[[rows, cols]]`` is ``x[rows, cols]``); any other list is one
    index tensor."""
    if key.__class__ in _KEY_CLASSES and key.__class__ is not list or isinstance(key, (TensorBase, np.ndarray)):
        return key
    if key.__class__ is not list and not isinstance(key, (str, bytes)) and not _foreign_sequence(key):
        return key
    if len(key) >= 32:
        return key
    for item in key:
        if item.__class__ in _PLAIN:
            continue
        if isinstance(item, TensorBase) or item.__class__ is slice or _is_sequence(item):
            warnings.warn(_NON_TUPLE.format(349), UserWarning, stacklevel=user_level())
            return tuple(key)
        if item is None or item is Ellipsis:
            warnings.warn(_NON_TUPLE.format(359), UserWarning, stacklevel=user_level())
            return tuple(key)
    return key if key.__class__ is list or isinstance(key, (str, bytes)) else list(key)


_PLAIN = {int, float, bool}


def _refuse_key(k):
    """A key component PyTorch's indexing takes (a tensor, an integer-like, a sequence, read as a tensor), or its
    error: a float (``x[n / 2]``) or an object is its IndexError naming the type, a string fails as a tensor of
    it would."""
    if isinstance(k, (TensorBase, np.ndarray, np.integer, list, tuple)):   # (not np.bool_: no Python bool, no mask)
        return k
    if isinstance(k, (str, bytes)):
        raise TypeError(f"new(): invalid data type '{type(k).__name__}'")
    if hasattr(type(k), "__index__"):
        return k
    if isinstance(k, range) or _foreign_sequence(k):   # (a range, a deque ...: an index tensor of its items)
        return list(k)
    raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid "
                     f"indices (got {argcheck.tp_name(k)})")


def _is_basic(key):
    for k in key:
        if isinstance(k, np.ndarray) or not (k is None or k is Ellipsis or isinstance(k, (int, slice, np.integer))):
            if isinstance(k, np.ndarray) and k.ndim == 0 and k.dtype.kind in "iu":
                continue
            return False
    return True


def _unsqueezed_strides(data, src, key):
    """numpy's view for a basic key holding None, with the strides PyTorch gives it: a None is an unsqueeze applied
    in key order, whose new dim's stride is the size times the stride of the dim it goes before (1 after the last),
    where numpy puts 0 (x[:, None] of a (200, 40) tensor is (40, 40, 1) in PyTorch, (40, 0, 1) in numpy)."""
    sizes, strides, dim = list(src.shape), [s // src.itemsize for s in src.strides], 0
    for k in key:
        if k is None:
            strides.insert(dim, sizes[dim] * strides[dim] if dim < len(sizes) else 1)
            sizes.insert(dim, 1)
            dim += 1
        elif k.__class__ is slice:
            strides[dim] *= k.step or 1
            dim += 1
        else:   # an int (select): the dim goes
            del sizes[dim], strides[dim]
    return restrided(data, [s * data.itemsize for s in strides])


def _expand_ellipsis(key, ndim):
    if Ellipsis not in [k for k in key if not isinstance(k, np.ndarray)]:
        return key
    i = next(j for j, k in enumerate(key) if k is Ellipsis)
    n_real = len([k for k in key if k is not None and k is not Ellipsis])
    return key[:i] + (slice(None),) * (ndim - n_real) + key[i + 1:]


def _check_masks(key, shape):
    _check_index_broadcast(key)
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


def _check_index_broadcast(key):
    """Index tensors must broadcast together (a mask counts as its nonzero() columns): PyTorch's IndexError."""
    shapes = []
    for k in key:
        if isinstance(k, np.ndarray):
            shapes += [(int(np.count_nonzero(k)),)] * k.ndim if k.dtype == np.bool_ else [k.shape]
    if len(shapes) > 1:
        try:
            np.broadcast_shapes(*shapes)
        except ValueError:
            raise IndexError("shape mismatch: indexing tensors could not be broadcast together with shapes "
                             + ", ".join("[" + ", ".join(map(str, sh)) + "]" for sh in shapes)) from None


def _check_bounds(key, shape, single=False):
    """PyTorch's errors for a basic key (``...`` not yet expanded), in its order: more indices than dims first, then
    left to right a negative slice step, or an integer out of the range of the dim it selects, named by its place in
    the key (applySlicing's real_dim: ``x[None, 9]`` says dimension 1). single: the key was one integer, which a
    0-dim tensor refuses as "invalid index" for 0 and as out of bounds of a dim of size 0 otherwise."""
    if single and not shape:
        if int(key[0]) == 0:
            raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` "
                             "in C++ to convert a 0-dim tensor to a number")
        raise IndexError(f"index {int(key[0])} is out of bounds for dimension 0 with size 0")
    n_real = sum(1 for k in key if k is not None and k is not Ellipsis)
    if n_real > len(shape):
        raise IndexError(f"too many indices for tensor of dimension {len(shape)}")
    dim = 0
    for place, k in enumerate(key):
        if k is None:
            continue
        if k is Ellipsis:
            dim += len(shape) - n_real
            continue
        if k.__class__ is slice:
            if k.step is not None and k.step < 0:
                raise ValueError("step must be greater than zero")
        else:   # an int (or a 0-d int tensor's ndarray)
            n = shape[dim]
            if not -n <= k < n:
                raise IndexError(f"index {int(k)} is out of bounds for dimension {place} with size {n}")
        dim += 1


def _is_single_int(raw):
    """The subscript was one integer (x[5], not x[5,] nor a 0-d index tensor): PyTorch's own path for it."""
    return raw.__class__ is int or isinstance(raw, np.integer)


def _check_advanced_bounds(key, shape):
    """PyTorch's IndexError for an out-of-range index in advanced indexing (numpy's text says "axis"). PyTorch selects
    the integers first (the dimension named: the indexed tensor's), then indexes with the tensors, moved to the
    front (the dimension named: the index's place among them; the first bad element in the broadcast order)."""
    consumed = sum(k.ndim if isinstance(k, np.ndarray) and k.dtype == np.bool_ else 0 if k is None or k is Ellipsis
                   else 1 for k in key)
    dim = 0
    arrays = []   # (index array, size of the dim it indexes, its place among the index tensors)
    for k in key:
        if k is Ellipsis:
            dim += len(shape) - consumed
            continue
        if k is None:
            continue
        if dim >= len(shape):
            return   # (too many indices: the indexing below says so)
        if isinstance(k, np.ndarray):
            if k.dtype == np.bool_:   # (a mask's shape is checked by _check_masks: its places are in range;
                # a 0-d mask (x[cond] with a 0-d cond) adds a dim of 0 or 1 places)
                arrays += [(idx, None, None) for idx in np.nonzero(k)] if k.ndim else \
                    [(np.zeros(int(k), np.intp), None, None)]
                dim += k.ndim
                continue
            if k.dtype.kind in "iu":
                arrays.append((k, shape[dim], len(arrays)))
        elif isinstance(k, (int, np.integer)) and not -shape[dim] <= k < shape[dim]:
            raise IndexError(f"index {k} is out of bounds for dimension {dim} with size {shape[dim]}")
        dim += 1
    checked = [(a, n) for a, n, _ in arrays if n is not None]
    if not checked or all(a.size == 0 or (-n <= a.min() and a.max() < n) for a, n in checked):
        return
    full = np.broadcast_arrays(*[a for a, _, _ in arrays])
    bad = [((f < -n) | (f >= n), f, n, j) for f, (_, n, j) in zip(full, arrays) if n is not None]
    first = min(int(np.argmax(m.reshape(-1))) for m, _, _, _ in bad if m.any())
    _, values, n, j = next(item for item in bad if item[0].reshape(-1)[first])
    raise IndexError(f"index {values.reshape(-1)[first]} is out of bounds for dimension {j} with size {n}")


def _refuse_byte_mask_fill(key, value):
    """x[mask] = number with a uint8 mask (and no other tensor in the key): PyTorch's masked_fill_ path, which takes
    bool masks only (x[uint8_mask] reads, and x[uint8_mask] = tensor writes, with a deprecation warning)."""
    if isinstance(value, TensorBase) and value._data.ndim:
        return
    parts = key if key.__class__ is tuple else (key,)
    tensors = [k._data if isinstance(k, TensorBase) else k for k in parts if isinstance(k, (TensorBase, np.ndarray))]
    if len(tensors) == 1 and tensors[0].dtype == np.uint8:   # (a numpy uint8 array is such a mask too)
        raise RuntimeError("masked_fill_ only supports boolean masks, but got mask with dtype unsigned char")


def _check_specified(key, ndim):
    """PyTorch's first check of a subscript with a tensor in it (python_variable_indexing's
    count_specified_dimensions): each part but None, ``...`` and a bool names one dim, a bool or uint8 tensor (a
    mask) as many as it has, and they may not outnumber the tensor's dims (before a uint8 mask's warning)."""
    parts = key if key.__class__ is tuple else (key,)
    if not any(isinstance(k, TensorBase) for k in parts):
        return
    count = 0
    for k in parts:
        if isinstance(k, TensorBase):
            count += k._data.ndim if k._data.dtype == np.bool_ or k._data.dtype == np.uint8 else 1
        elif not (k is None or k is Ellipsis or k.__class__ is bool):
            count += 1
    if count > ndim:
        raise IndexError(f"too many indices for tensor of dimension {ndim}")


def getitem(t, key):
    """t[key] as PyTorch's Python indexing records it (Tensor.__getitem__). The engine's own subscripts that stand
    for ATen's slice / narrow / select call aten_getitem instead."""
    if isinstance(key, TensorBase) and key._data.dtype.kind == "i" and key._data.dtype.itemsize >= 4 \
            and key._data.ndim and t._data.ndim:
        # one long or int index tensor (an embedding's C[X], a batch's X[ix]): the general path's checks cannot fail
        k = key._data
        try:
            data = t._data[k]
        except IndexError as e:                     # PyTorch says "dimension" where numpy says "axis"
            raise IndexError(str(e).replace(" for axis ", " for dimension ")) from None
        if not (t._rg and GRAD_MODE.enabled) and t._fwt is None:   # (a dual tensor's tangent goes through apply)
            return wrap_from(data, t, key)
        return apply(OPS["index"], (t,), (k.copy(),), t._data.shape, data=data)   # (_recorded_key)
    raw = key
    if batching.ACTIVE:   # (a transform runs)
        batching.refuse_wrapped_index(key)
        batching.refuse_mask(key)
    if key.__class__ is not tuple:   # (a short sequence read as a tuple is counted as one: PyTorch's order)
        key = _sequence_as_tuple(key)
    _check_specified(key, t._data.ndim)
    key = normalize_key(key)
    basic = _is_basic(key)
    if basic:
        _check_bounds(key, t._data.shape, single=_is_single_int(raw))
        key = _expand_ellipsis(key, t._data.ndim)
    else:
        split = _torch_order(key, t._data.shape)
        if split is not None:
            _check_masks(key, t._data.shape)
            _check_advanced_bounds(key, t._data.shape)
            return _index_after_views(t, *split)
    if not (t._rg and GRAD_MODE.enabled) and t._fwt is None:
        if not basic:
            _check_masks(key, t._data.shape)
            _check_advanced_bounds(key, t._data.shape)
        try:
            # basic indexing ends with `...` so that numpy gives a view also for one element (x[0].fill_(1))
            data = t._data[tuple(key) + (Ellipsis,) if basic else key if len(key) != 1 else key[0]]
        except IndexError as e:
            raise IndexError(str(e)) from None
        if not basic:   # (PyTorch's index result is a new contiguous tensor; numpy may put the indexed dims first)
            return wrap_from(np.ascontiguousarray(data), t)
        data = np.asarray(data) if type(data) is not np.ndarray else data
        return _view_out(t, wrap(_unsqueezed_strides(data, t._data, key) if None in key else data))
    if not basic:
        _check_masks(key, t._data.shape)
        _check_advanced_bounds(key, t._data.shape)
        data = np.ascontiguousarray(t._data[key])
        return apply(OPS["index"], (t,), _recorded_key(key), t._data.shape, data=data)
    return _basic_chain(t, key, _BARE if raw.__class__ is slice else _PYTHON)


def aten_getitem(t, key):
    """t[key] as ATen's slice / narrow / select / unsqueeze record it, for the engine's own subscripts (composed
    backward formulas, narrow, split ...): every slice but ``:`` records SliceBackward0, even one that takes the whole
    dim (at::slice and at::narrow always do), where Python's ``t[:, :n]`` takes no node for n >= the dim's length.
    An engine subscript whose key has a bounded slice (``:n``, ``a:b``), or is a bare ``[:]``, goes through here (or
    through xp.take in a vjp); one of ints, Nones, ``...`` and ``:`` only records the same nodes either way."""
    parts = key if key.__class__ is tuple else (key,)
    if not ((t._rg and GRAD_MODE.enabled or t._fwt is not None) and all(
            k.__class__ in _ATEN_PARTS or isinstance(k, np.integer) for k in parts)):
        return getitem(t, key)   # (nothing recorded, or an index tensor or a mask: no slice rule to choose)
    parts = _expand_ellipsis(parts, t._data.ndim)
    _check_bounds(parts, t._data.shape)
    return _basic_chain(t, parts, _ATEN)


_ATEN_PARTS = {int, slice, type(None), type(Ellipsis)}   # (a bool is a 0-d mask, not an int: getitem's)


def _torch_order(key, shape):
    """A key with index tensors as ATen's applySlicing reads it: its ints (and 0-d integer tensors) select, its
    slices slice and its Nones unsqueeze first, each a view of its own; the index tensors then index what is left
    at the dims they reach (where numpy would broadcast an int with them and could move the result's dims first:
    x[0, :, idx] is (n1, len(idx)) in PyTorch). (basic key, index key), or None where the views do nothing and
    numpy's reading is PyTorch's (a 0-d bool mask keeps the general path)."""
    if any(isinstance(k, np.ndarray) and k.ndim == 0 and k.dtype == np.bool_ for k in key):
        return None
    consumed = sum(k.ndim if isinstance(k, np.ndarray) and k.dtype == np.bool_ else 0 if k is None or k is Ellipsis
                   else 1 for k in key)
    views, index, dim, acts = [], [], 0, False
    for k in key:
        if k is Ellipsis:
            n = max(len(shape) - consumed, 0)
            views += [slice(None)] * n
            index += [slice(None)] * n
            dim += n
        elif k is None:
            views.append(None)
            index.append(slice(None))
            acts = True
        elif isinstance(k, np.ndarray) and (k.ndim or k.dtype == np.bool_):
            m = k.ndim if k.dtype == np.bool_ else 1
            views += [slice(None)] * m
            index.append(k)
            dim += m
        elif isinstance(k, slice):
            views.append(k)
            index.append(slice(None))
            acts = acts or dim >= len(shape) or not _takes_all(k, shape[dim])
            dim += 1
        else:   # an int, or a 0-d integer tensor: a select, whose dim leaves the index key
            views.append(int(k))
            dim += 1
            acts = True
    return (tuple(views), tuple(index)) if acts else None


def _as_positions(key, shape):
    """An advanced key as index arrays over all of a tensor of this shape that pick its elements in PyTorch's
    order and result shape (_torch_order: a write x[0, :, idx] = v goes where PyTorch writes it), or the key."""
    split = None if _is_basic(key) else _torch_order(key, shape)
    if split is None:
        return key
    views, index = split
    places = np.arange(int(np.prod(shape, dtype=np.int64))).reshape(shape)[views + (Ellipsis,)]
    return np.unravel_index(places[index if len(index) != 1 else index[0]], shape)


def _index_after_views(t, views, index):
    """t[views][index] as PyTorch records it: the views' nodes (Select/Slice/Unsqueeze), then IndexBackward0."""
    key = index if len(index) != 1 else index[0]
    if not (t._rg and GRAD_MODE.enabled) and t._fwt is None:
        return wrap(np.ascontiguousarray(t._data[views + (Ellipsis,)][key]))
    mid = _basic_chain(t, views)
    data = np.ascontiguousarray(mid._data[key])
    return apply(OPS["index"], (mid,), _recorded_key(key), mid._data.shape, data=data)


_PYTHON, _BARE, _ATEN = "python", "bare", "aten"   # getitem's naming rules of a basic key's slices


def _basic_chain(t, key, rule=_PYTHON):
    """Basic indexing as PyTorch records it: one Select/Slice/Unsqueeze node per indexed dim. Python's rule (and
    ATen's index): a slice of a tuple key that starts at 0 with step 1 and stops at or past the end takes no node
    (applySlice returns the tensor itself; nothing but such slices: AliasBackward0); "bare" (``x[:]``, ``x[:n]``):
    every slice does; "aten" (the engine's slice / narrow): every slice but ``:`` does."""
    out, dim, changed = t, 0, False
    for k in key:
        if k is None:
            out = unsqueeze(out, dim)
            dim += 1
            changed = True
            continue
        if k.__class__ is slice:
            if rule is _PYTHON:   # (_takes_all, written out: a user's x[:, :n] is the hot path)
                skip = (k.start is None or k.start == 0) and (k.step is None or k.step == 1) and (
                    k.stop is None or k.stop >= out._data.shape[dim])
            else:
                skip = rule is _ATEN and k == _ALL
            if skip:
                dim += 1
                continue
            out = _view_out(out, apply(OPS["slice"], (out,), (_ALL,) * dim + (k,), out._data.shape))
            dim += 1
        else:
            out = _view_out(out, apply(OPS["select"], (out,), (_ALL,) * dim + (int(k),), out._data.shape))
        changed = True
    if not changed:
        out = _view_out(t, apply(OPS["alias"], (t,)))
    return out


_ALL = slice(None)


def _assignable_scalar(value):
    """What PyTorch's setitem takes besides a Tensor (valueToTensor): a Python int, float or complex (numpy.float64,
    numpy.complex128 are subclasses) or a numpy integer; a str, None, a list, a numpy array, numpy.float32 or
    numpy.bool_, a Fraction or a Decimal is its TypeError."""
    return isinstance(value, (int, float, complex, np.integer))


def _one_bool_mask(key):
    """The key has one index array, a bool mask (its other parts are ints, slices, None, ...)."""
    arrays = [k for k in key if isinstance(k, np.ndarray)]
    return len(arrays) == 1 and arrays[0].dtype == np.bool_


def _is_reduced_float(np_dtype):
    return np_dtype == np.float16 or np_dtype is dtypes.BF16_NP


def _takes_all(k, length):
    """A slice ATen's applySlice skips: start 0 (or none), step 1 (or none), stop none or >= the dim's length."""
    return (k.start is None or k.start == 0) and (k.step is None or k.step == 1) and (
        k.stop is None or k.stop >= length)


def setitem(t, key, value):
    cls = value.__class__
    if cls is not float and cls is not int and cls is not bool and not isinstance(value, TensorBase) \
            and not _assignable_scalar(value):
        raise TypeError(f"can't assign a {argcheck.type_name(cls)} to a torch.{t.dtype.scalar_name}Tensor")
    if batching.ACTIVE:
        batching.refuse_wrapped_index(key)
        if isinstance(value, TensorBase):   # (a batched value written into t, not batched)
            batching.refuse_inplace(t, value)
    try:
        _setitem(t, key, value)
    except ValueError as e:   # numpy's broadcasting message: PyTorch's, where the value does not fit t[key]
        if isinstance(value, TensorBase) and ("broadcast" in str(e) or "boolean array indexing" in str(e)
                                              or "with a sequence" in str(e)):   # (a 0-d slot: t[0] of a vector)
            _refuse_misfit(t, normalize_key(key), value)
        raise


def _check_value_overlap(d, k, value, basic):
    """PyTorch's refusal of a value tensor that shares memory with where it is written: a basic key's t[key] =
    value is t[key].copy_(value) (the value, its leading 1s dropped, expanded to t[key]: a partial overlap
    refused, ``a[1:] = a[:-1]``); an advanced key's is index_put_, which refuses any overlap of the value with t."""
    if basic:
        try:
            target = d[k]
        except (IndexError, ValueError, TypeError):
            return   # (the write's own error follows)
        src = value if value.shape == target.shape else _without_leading_ones(value)
        if src.ndim == 0:
            return   # (a fill)
        try:
            src = np.broadcast_to(src, target.shape)
        except ValueError:
            return
        if _overlap.partial_overlap(target, src):
            raise RuntimeError(_overlap.PARTIAL_OVERLAP)
    elif _overlap.any_overlap(d, _without_leading_ones(value)):
        raise RuntimeError(_overlap.PARTIAL_OVERLAP)


def _refuse_misfit(t, key, value):
    """PyTorch's error for a value whose shape does not fit t[key] (returns when it fits): its leading 1s left out,
    the value is expanded to a basic index's result (expand's messages), or broadcast to an advanced index's."""
    shape = value._data.shape
    while shape and shape[0] == 1:
        shape = shape[1:]
    key = _as_positions(key, t._data.shape)
    target = t._data[key if len(key) != 1 else key[0]].shape
    if _is_basic(key):
        expand(value.reshape(shape), target)
        return
    if len(shape) <= len(target) and all(a in (1, b) for a, b in zip(reversed(shape), reversed(target))):
        return   # it fits: numpy's error was about something else
    raise RuntimeError(f"shape mismatch: value tensor of shape [{', '.join(map(str, shape))}] cannot be broadcast "
                       f"to indexing result of shape [{', '.join(map(str, target))}]")


def _setitem(t, key, value):
    raw = key
    if key.__class__ is not int and key.__class__ is not slice:
        if key.__class__ is not tuple:
            key = _sequence_as_tuple(key)
        _check_specified(key, t._data.ndim)
        _refuse_byte_mask_fill(key, value)
    simple_true, via_views = key is True, False
    key = normalize_key(key)
    advanced = not _is_basic(key)
    if not advanced:   # (PyTorch selects before it writes: its IndexError, not numpy's "axis", nor a later check's)
        _check_bounds(key, t._data.shape, single=_is_single_int(raw))
    key = _true_as_new_axis(key)
    true_masks = advanced and not simple_true and _is_basic(key)
    v = value if isinstance(value, TensorBase) else None
    # (one value under one bool mask, the rest basic indices: index_put_ hands over to masked_fill_ of value.item(),
    # which takes a value of another dtype, its conversion checked)
    masked_fill = v is not None and v._data.size == 1 and _one_bool_mask(key)
    given = key
    if not _is_basic(key):
        _check_masks(key, t._data.shape)
        _check_advanced_bounds(key, t._data.shape)
        # (a key with ints or slices besides its index tensors: PyTorch's index_put_ into the view they make,
        # CopySlices on t)
        placed = _as_positions(key, t._data.shape)
        via_views, key = placed is not key, placed
    k = key if len(key) != 1 else key[0]
    if v is None:
        if value.__class__ is int and not -2 ** 63 <= value < 2 ** 63:   # (valueToTensor's unpacking of an int)
            raise ValueError("Overflow when unpacking long long")
        # (a Python number becomes a tensor of t's dtype first: a half or bfloat16 one takes any real number, an
        # overflow being +-inf; into the other dtypes it is c10's checked conversion)
        if not (_is_reduced_float(t._data.dtype) and value.__class__ in (int, float)):
            value = dtypes.fitted(value, t._data.dtype)
    elif masked_fill:
        dtypes.fitted(v._data.reshape(()).item(), t._data.dtype)
    elif v._data.dtype != t._data.dtype and not _is_basic(key):
        _refuse_misfit(t, given, v)   # (index_put_ checks the value's shape before its dtype)
        raise RuntimeError(f"Index put requires the source and destination dtypes match, got "
                           f"{t.dtype.scalar_name} for the destination and {v.dtype.scalar_name} for the source.")
    shared = v is not None and v._data.ndim and (t._data.base is not None or v._data.base is not None
                                                  or v._data is t._data)
    if not GRAD_MODE.enabled or not (t._rg or (v is not None and v._rg)):
        if shared:
            _check_value_overlap(t._data, k, v._data, _is_basic(key))
        if (0 in t._data.strides or not t._data.flags.writeable) and _shares_memory(t._data) and writeable_window(t):
            _expanded_write(t, key, k, v)
        token = FP_ERROR_STATE.set(ALL_IGNORED)   # (a value beyond the dtype's range: inf, silently)
        try:
            t._data[k] = real_if_complex(_without_leading_ones(v._data), t._data.dtype) if v is not None else value
        finally:
            FP_ERROR_STATE.reset(token)
        t._vbox[0] += 1
        if t._fwt is not None or (v is not None and v._fwt is not None):
            _set_tangent_item(t, k, v)
        if t._inference and not INFERENCE_MODE[0]:   # written, then refused, as PyTorch does
            raise RuntimeError(_INFERENCE_INPLACE)
        return
    if _whole(key, t._data.shape):
        # PyTorch's slicing returns the tensor itself for full slices (``z[:] = 0.``, ``z[...] = v``): the
        # assignment is its fill_ (a number or a 0-d tensor: FillBackward3) or copy_ (CopyBackwards)
        if v is None or not v._data.ndim:
            return fill_(t, v if v is not None else wrap(np.asarray(value, dtype=t._data.dtype)))
        return copy_(t, v)
    if t._rg and t._fn is None and _is_basic(key):
        raise RuntimeError(_VIEW_INPLACE)
    if t._multi_view is not None and t._rg and _is_basic(key) and _last_view(key):
        # (PyTorch writes into the view t[key]: its message names that view's function)
        raise RuntimeError(_MULTI_VIEW_INPLACE.format(0, _last_view(key)))
    if t._custom_view is not None and t._rg and _is_basic(key) and _last_view(key):
        raise RuntimeError(_CUSTOM_VIEW_INPLACE.format(0, _last_view(key)))
    check_inplace(t)
    if shared:   # (after autograd's checks, as the kernel's)
        _check_value_overlap(t._data, k, v._data, _is_basic(key))
    if v is None:
        v = wrap(np.asarray(value, dtype=t._data.dtype))
    elif v._data.dtype != t._data.dtype:
        v = v.to(dtypes._FROM_NP[t._data.dtype])
    basic = _is_basic(key)
    if true_masks:   # (PyTorch's index_put_ into the view: the value without its leading 1s, not expanded)
        v = _copy_source(v, None)
    elif basic:
        v = _copy_source(v, t._data[k].shape)
    op = OPS["copy_slices"] if basic or via_views else OPS["index_put"]
    old = _before_write(t)
    new = apply(op, (old, v), k if basic else _recorded_key(k))
    commit_inplace_tracked(t, new)


_EXPANDED_PUT = ("Use of {} on expanded tensors is deprecated. Please clone() the tensor before performing this "
                 "operation. This also applies to advanced indexing e.g. tensor[{}] = {} (Triggered internally at "
                 "/__w/pytorch/pytorch/aten/src/ATen/native/TensorAdvancedIndexing.cpp:{}.)")


def _shares_memory(d):
    """Some elements of the array d are one memory location (a zero stride over more than one element: an expand)."""
    return any(st == 0 and n > 1 for st, n in zip(d.strides, d.shape))


def _expanded_write(t, key, k, v):
    """A write into t[key] where t's elements share memory (an expand): PyTorch's copy_ / fill_ into a basic
    index's view refuses when that view's elements share memory; index_put_ and masked_fill_ warn, then write."""
    if _is_basic(key):
        if _shares_memory(t._data[k]):
            raise RuntimeError(_OVERLAP)
    else:   # (a mask and a number: index_put_ hands over to masked_fill_, each warns)
        warnings.warn(_EXPANDED_PUT.format("index_put_", "indices", "tensor", 976), UserWarning,
                      stacklevel=user_level())
        if len(key) == 1 and getattr(key[0], "dtype", None) == np.bool_ and (v is None or v._data.size == 1):
            warnings.warn(_EXPANDED_PUT.format("masked_fill_", "mask", "scalar", 2450), UserWarning,
                          stacklevel=user_level())


def _without_leading_ones(a):
    """The value as PyTorch's setitem writes it: its leading 1s left out (a (1,) value fits a 0-d slot)."""
    while a.ndim and a.shape[0] == 1:
        a = a[0]
    return a


def _true_as_new_axis(key):
    """x[True] = v (0-d True masks: Python bools, or bool tensors as Wishart's sampler writes) is PyTorch's write
    into the view x[None] (CopySlices), not an index_put of x."""
    for c in key:
        if isinstance(c, np.ndarray) and not (c.ndim == 0 and c.dtype == np.bool_ and c):
            return key
    return tuple(None if isinstance(c, np.ndarray) else c for c in key)


def _copy_source(v, shape):
    """The value written into t[basic key] as PyTorch's setitem passes it to copy_: itself when the shapes are
    equal, else viewed without its leading 1s (ViewBackward0) and expanded to the target shape (ExpandBackward0;
    shape None: not expanded, and not viewed when it has no leading 1s)."""
    if v._data.shape == shape or not v._data.ndim:
        return v
    stripped = v._data.shape
    while stripped and stripped[0] == 1:
        stripped = stripped[1:]
    if shape is None:
        return v if stripped == v._data.shape else v.view(stripped)
    v = v.view(stripped)
    return v if stripped == shape else v.expand(shape)


def _recorded_key(key):
    """An advanced index as a backward node keeps it: its arrays copied, so that writing later into the index
    tensors they came from (a mask reused and updated in a loop) does not change the gradient."""
    if isinstance(key, np.ndarray):
        return key.copy()
    return tuple(k.copy() if isinstance(k, np.ndarray) else k for k in key)


def _last_view(key):
    """The last view a basic index takes (Select for an int, Slice for a slice that is not ``:`` ...), or None."""
    last = None
    for k in key:
        if k.__class__ is int or isinstance(k, np.integer):
            last = "Select"
        elif k is None:
            last = "Unsqueeze"
        elif k.__class__ is slice and k != slice(None):
            last = "Slice"
    return last


def index_put(input, indices, values, accumulate=False, _name="index_put", _method=False):
    """input with values written at the places the index tensors name (added there with accumulate)."""
    where = 2 if _method else 3
    if not isinstance(indices, (tuple, list)):
        raise TypeError(f"{_name}(): argument 'indices' (position {where - 1}) must be tuple of Tensors, not "
                        f"{argcheck.tp_name(indices)}")
    if not isinstance(values, TensorBase):
        raise TypeError(f"{_name}(): argument 'values' (position {where}) must be Tensor, not "
                        f"{argcheck.tp_name(values)}")
    if accumulate.__class__ is not bool:
        raise TypeError(f"{_name}(): argument 'accumulate' must be bool, not {argcheck.tp_name(accumulate)}")
    shape = input._data.shape
    if len(indices) > len(shape):
        raise IndexError(f"too many indices for tensor of dimension {len(shape)} (got {len(indices)})")
    if not accumulate and values._data.size == 1 and _put_as_masked_fill(indices, shape) \
            and values._data.dtype != input._data.dtype:
        values = values.to(input.dtype)   # (masked_fill_ takes the value's item())
    key = normalize_key(tuple(indices))
    _check_put_masks(key, shape)
    _check_masks(key, shape)
    k = key if len(key) != 1 else key[0]
    _check_put_shape(input, k, values)
    if values._data.dtype != input._data.dtype:
        raise RuntimeError(f"Index put requires the source and destination dtypes match, got "
                           f"{input.dtype.scalar_name} for the destination and {values.dtype.scalar_name} for the "
                           f"source.")
    _check_advanced_bounds(key, shape)
    return apply(OPS["index_put_acc" if accumulate else "index_put"], (input, values), k)


def _put_as_masked_fill(indices, shape):
    """Whether ATen's index_put_ (without accumulate, a one-element value) is a masked_fill_: one mask (bool or
    uint8) and no other index tensor (canDispatchToMaskedFill), the mask's shape checked there, before any uint8
    deprecation warning; masked_fill_ then refuses a uint8 mask."""
    mask, placed = None, 0
    for index in indices:
        if not isinstance(index, TensorBase) or index._data.dtype not in (np.bool_, np.uint8) or mask is not None:
            return False
        mask = index._data
        _check_mask_dims(mask, placed, shape)
        placed += mask.ndim
    if mask is not None and mask.dtype == np.uint8:
        raise RuntimeError("masked_fill_ only supports boolean masks, but got mask with dtype unsigned char")
    return mask is not None


def _check_mask_dims(mask, start, shape):
    """A mask's dims against the tensor's from dim start (ATen's expandTensors): its IndexError for a dim of another
    size, or the size lookup's for a dim the tensor lacks."""
    for j, n in enumerate(mask.shape):
        src = _dim(start + j, len(shape))
        if n != shape[src]:
            raise IndexError(f"The shape of the mask [{', '.join(map(str, mask.shape))}] at index {j} does not "
                             f"match the shape of the indexed tensor [{', '.join(map(str, shape))}] at index {src}")


def _check_put_masks(key, shape):
    """index_put's masks checked in place order, each counting as its dims (ATen's expandTensors)."""
    placed = 0
    for k in key:
        if isinstance(k, np.ndarray) and k.dtype == np.bool_:
            _check_mask_dims(k, placed, shape)
            placed += k.ndim
        else:
            placed += 1
    if placed > len(shape):   # (the indices, masks expanded, outnumber the dims: the size of the next one asked)
        _dim(len(shape), len(shape))


def _check_put_shape(input, k, values):
    """ATen's index_put: values must broadcast to the indexing result as they are (no leading 1s left out, unlike
    item assignment), checked before the indices' bounds (the result's shape read with every index at 0)."""
    try:
        target = input._data[k].shape
    except IndexError:
        parts = k if k.__class__ is tuple else (k,)
        zeroed = tuple(np.zeros_like(p) if isinstance(p, np.ndarray) and p.dtype.kind in "iu" else p for p in parts)
        try:
            target = np.broadcast_to(np.zeros((), np.int8), input._data.shape)[zeroed].shape
        except IndexError:
            return
    shape = values._data.shape
    if len(shape) > len(target) or not all(a in (1, b) for a, b in zip(reversed(shape), reversed(target))):
        raise RuntimeError(f"shape mismatch: value tensor of shape [{', '.join(map(str, shape))}] cannot be "
                           f"broadcast to indexing result of shape [{', '.join(map(str, target))}]")


def index_put_(input, indices, values, accumulate=False, _method=False):
    if not isinstance(values, TensorBase) or accumulate.__class__ is not bool:   # (the parser's TypeError)
        index_put(input, indices, values, accumulate, "index_put_", _method)
    return inplace(_overlap.named("index_put", lambda old, v: index_put(old, indices, v, accumulate, "index_put_", _method)),
                   input, values)


def _whole(key, shape):
    """Does key (normalised) select all of a tensor of this shape as itself: slices over the full extent (start 0,
    step 1, stop at or past the end) and at most one Ellipsis, nothing else."""
    dots = sum(1 for k in key if k is Ellipsis)
    if dots > 1 or not all(k is Ellipsis or isinstance(k, slice) for k in key):
        return False
    sl = [k for k in key if k is not Ellipsis]
    if len(sl) > len(shape):
        return False
    if dots:
        at = key.index(Ellipsis)
        dims = list(shape[:at]) + list(shape[len(shape) - (len(sl) - at):])
    else:
        dims = shape[:len(sl)]
    return all(k.indices(n) == (0, n, 1) for k, n in zip(sl, dims))


def _set_tangent_item(t, k, v):
    """Forward AD: t[k] = v writes v's tangent (or zeros) into t's tangent, in place as PyTorch does."""
    level = TANGENT_HOOK[1]
    vt = v._fwt[1] if v is not None and v._fwt is not None and v._fwt[0] == level else None
    if t._fwt is None or t._fwt[0] != level:
        if vt is None:
            return
        t._fwt = (level, wrap(np.zeros(t._data.shape, t._data.dtype)))
    t._fwt[1]._data[k] = vt._data if vt is not None else 0
    t._fwt[1]._vbox[0] += 1


def select(input, dim, index):
    if input._data.ndim == 0:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    d = _dim(dim, input._data.ndim)
    n = input._data.shape[d]
    if isinstance(index, TensorBase) and index._data.dtype.kind in "iuf":
        # (index is a SymInt: an integer tensor of one element, of any shape, is read with .item(), which a vmap's
        # batched value refuses; another is refused by the parser, whose message names the position)
        if index._data.dtype.kind == "f" or index._data.size != 1:
            raise TypeError("select(): argument 'index' must be int, not Tensor")
        index = index.__index__()
    if isinstance(index, (int, np.integer)) and not -n <= index < n:
        raise IndexError(f"select(): index {index} out of range for tensor of size "
                         f"[{', '.join(map(str, input._data.shape))}] at dimension {d}")
    return aten_getitem(input, (slice(None),) * d + (index,))


# ---------------------------------------------------------------- picking elements by a key


def _diag_key(shape, offset, d1, d2):
    """The advanced-indexing key that picks a diagonal (moved to the last dim, as np.diagonal does)."""
    flat = np.arange(int(np.prod(shape))).reshape(shape)
    return np.unravel_index(np.diagonal(flat, offset, d1, d2), shape)


def diagonal(input, offset=0, dim1=0, dim2=1):
    n = input._data.ndim
    d1, d2 = _dim(dim1, n), _dim(dim2, n)
    if d1 == d2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    key = _diag_key(input._data.shape, offset, d1, d2)
    return _view_out(input, apply(OPS["diagonal"], (input,), key, input._data.shape, offset, d1, d2))


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
    if input._data.dtype.kind == "b":   # (ATen's kernel has no bool loop: refused before the shape check)
        raise NotImplementedError("\"trace\" not implemented for 'Bool'")
    if input._data.ndim != 2:
        raise RuntimeError("trace: expected a matrix, but got tensor with dim " + str(input._data.ndim))
    return apply(OPS["trace"], (input,), input._data.shape)


def _index_array(index, name):
    if not isinstance(index, TensorBase):
        raise TypeError(f"{name}(): argument 'index' must be Tensor, not {type(index).__name__}")
    if index._data.dtype not in (np.int64, np.int32):
        raise RuntimeError(f"{name}(): Expected dtype " + ("int32 or int64" if name == "index_select" else "int32/int64")
                           + " for index")
    return index._data


def _along(input, dim, index, name, src=None):
    """The advanced-indexing key of gather / scatter along dim, after ATen's checks in its order: the index's
    dtype, src's dtype, the number of dimensions, the sizes (scatter_gather_shape_check), then each index."""
    idx = _index_array(index, name)
    if isinstance(src, TensorBase) and src._data.dtype != input._data.dtype:
        raise RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype")   # (scatter_add's too)
    d = _dim(dim, input._data.ndim)
    if max(idx.ndim, 1) != max(input._data.ndim, 1):   # a 0-d index counts as one dimension, as in ATen
        raise RuntimeError("Index tensor must have the same number of dimensions as " +
                           ("input tensor" if name == "gather" else "self tensor"))
    if idx.size:
        _shape_check(input._data.shape, d, idx.shape, name,
                     src._data.shape if isinstance(src, TensorBase) else None)
    n = input._data.shape[d] if input._data.ndim else 1
    bad = idx[(idx >= n) | (idx < 0)] if idx.size else idx   # (ATen's gather / scatter take no negative index)
    if bad.size:
        raise RuntimeError(f"index {bad.flat[0]} is out of bounds for dimension {d} with size {n}")
    if idx.ndim == 0 and input._data.ndim == 1:   # one element: scatter_(0, torch.tensor(y), value=1)
        return (Ellipsis, idx), d
    return (along_axis_key(idx, d) if idx.ndim else ()), d


def _shape_check(shape, d, ishape, name, sshape):
    """ATen's gather_shape_check / scatter_shape_check: index no larger than self apart from dim, and (scatter
    with a src tensor) no larger than src in every dimension; a 0-d tensor counts as size 1."""
    size = lambda s, i: s[i] if s else 1   # (ensure_nonempty_size)
    if name == "gather":
        for i in range(max(len(shape), 1)):
            if i != d and size(ishape, i) > size(shape, i):
                raise RuntimeError(f"Size does not match at dimension {i} expected index {list(ishape)} to be no "
                                   f"larger than self {list(shape)} apart from dimension {d}")
        return
    if sshape is not None and not sshape and ishape:
        raise RuntimeError("Index tensor must have the same number of dimensions as src tensor")
    wrong = any(i != d and size(ishape, i) > size(shape, i) for i in range(max(len(shape), 1)))
    if sshape is None:
        if wrong:
            raise RuntimeError(f"Expected index {list(ishape)} to be no larger than self {list(shape)} apart from "
                               f"dimension {d}")
        return
    for i in range(max(len(shape), 1)):
        if wrong:
            break
        if sshape and i >= len(sshape):   # (src.size(i) of a tensor with fewer dimensions)
            raise IndexError(f"Dimension out of range (expected to be in range of [{-len(sshape)}, "
                             f"{len(sshape) - 1}], but got {i})")
        wrong = size(ishape, i) > size(sshape, i)
    if wrong:
        raise RuntimeError(f"Expected index {list(ishape)} to be no larger than self {list(shape)} apart from "
                           f"dimension {d} and to be no larger size than src {list(sshape)}")
    if max(len(sshape), 1) != max(len(ishape), 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as src tensor")


def gather(input, dim, index, *, sparse_grad=False):
    key, _ = _along(input, dim, index, "gather")
    if input._data.ndim == 0 and index._data.ndim:
        # a scalar read at an index of one or more dims (all zeros): numpy indexes no 0-d array with arrays
        input, key = reshape(input, (1,) * index._data.ndim), along_axis_key(index._data, 0)
    return apply(OPS["gather"], (input,), key, input._data.shape)


_REDUCE_DEPRECATED = ("The reduce argument of torch.scatter with Tensor src is deprecated and will be removed in a "
                      "future PyTorch release. Use torch.scatter_reduce instead for more reduction options. "
                      "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorAdvancedIndexing.cpp:225.)")


def scatter(input, dim, index, src=None, *, value=None, reduce=None):
    if isinstance(value, TensorBase):   # (a 0-dim tensor taken as the Number value, as PyTorch's parser takes it)
        value = value.item()
    key, _ = _along(input, dim, index, "scatter", value if src is None else src)
    if src is None:
        src = value
    if reduce is not None and isinstance(src, TensorBase):
        # (before the check of reduce, as ATen's scatter.reduce; at the line that called torch)
        warn_once(_REDUCE_DEPRECATED, stacklevel=user_level())
    if reduce is not None and reduce not in ("add", "multiply"):
        raise RuntimeError("reduce argument must be either add or multiply.")
    if not isinstance(src, TensorBase):
        src = dtypes.fitted(src, input._data.dtype)
        if reduce is not None:
            return apply(OPS["scatter_reduce_legacy_value"], (input,), key, src, reduce)
        return apply(OPS["scatter_value"], (input,), key, src)
    if reduce is not None:
        return apply(OPS["scatter_reduce_legacy"], (input, _leading(src, index)), key, reduce)
    return apply(OPS["scatter"], (input, _leading(src, index)), key)


def scatter_add(input, dim, index, src):
    key, _ = _along(input, dim, index, "scatter", src)
    return apply(OPS["scatter_add"], (input, _leading(src, index)), key)


def _leading(src, index):
    """The block of src that index covers (PyTorch reads only that much of src)."""
    if src._data.shape == index._data.shape:
        return src
    if index._data.ndim == 0:   # a 0-d index reads src's first element
        return aten_getitem(src, (0,) * src._data.ndim)
    return aten_getitem(src, tuple(slice(0, n) for n in index._data.shape))


def index_select(input, dim, index):
    if not isinstance(index, TensorBase):
        raise TypeError(f"index_select(): argument 'index' must be Tensor, not {type(index).__name__}")
    d = _dim(dim, input._data.ndim)   # ATen's order: the dim, the index's dims, its size for a scalar, its dtype
    if index._data.ndim > 1:
        raise IndexError("index_select(): Index is supposed to be a vector")
    if input._data.ndim == 0 and index._data.size != 1:
        raise RuntimeError(f"index_select(): Index to scalar can have only 1 value, got {index._data.size} value(s)")
    idx = _index_array(index, "index_select")
    n = input._data.shape[d] if input._data.ndim else 1
    bad = (idx < 0) | (idx >= n)   # (no negative indices here, unlike numpy's)
    if bad.any():   # PyTorch's two kernels: its dim-1 one has its own message
        if d == 1 and input._data.ndim > 1:
            raise RuntimeError(f"INDICES element is out of DATA bounds, id={idx.reshape(-1)[np.argmax(bad.reshape(-1))]} "
                               f"axis_dim={n}")
        raise IndexError("index out of range in self")
    key = (slice(None),) * d + (idx.reshape(-1),) if input._data.ndim else ()   # (a scalar picks itself)
    return apply(OPS["index_select"], (input,), key, input._data.shape)


def masked_select(input, mask):
    batching.refuse_op(batching.MASKED_SELECT, mask)
    m = mask._data if isinstance(mask, TensorBase) else np.asarray(mask)
    if m.dtype != np.bool_:
        raise RuntimeError("masked_select: expected BoolTensor for mask")
    check_broadcast(m.shape, input._data.shape)  # PyTorch names the mask tensor a
    shape = np.broadcast_shapes(input._data.shape, m.shape)
    t = input if input._data.shape == shape else expand(input, shape)
    return apply(OPS["masked_select"], (t,), np.broadcast_to(m, shape), shape)


def flip(input, *args, dims=None):
    if not args and dims is None:   # (x.flip(): PyTorch's parser; torch.flip(x, dims=None) is the type error below)
        raise TypeError('flip() missing 1 required positional arguments: "dims"')
    if dims is not None and not args:   # (x.flip(dims=0): by keyword a sequence of ints, never one int)
        keyword_sizes("flip", dims, "dims")
    dims = tuple(_dim(d, input._data.ndim) for d in _shape_args(args if dims is None else (dims,), "flip", "dims"))
    if len(set(dims)) < len(dims):
        raise RuntimeError(f"dim {repeated_dim(dims, input._data.ndim)} appears multiple times in the list of dims")
    return apply(OPS["flip"], (input,), dims)


def tril(input, diagonal=0):
    if input._data.ndim < 2:
        raise RuntimeError("tril: input tensor must have at least 2 dimensions")
    return apply(OPS["tril"], (input,), diagonal)


def triu(input, diagonal=0):
    if input._data.ndim < 2:
        raise RuntimeError("triu: input tensor must have at least 2 dimensions")
    return apply(OPS["triu"], (input,), diagonal)


def repeat(input, *sizes, **kwargs):
    if kwargs:
        sizes = by_keyword("repeat", "repeats", sizes, kwargs)
    if not sizes:   # (a 0-d tensor's repeat() would otherwise give a 1-element tensor)
        raise TypeError('repeat() missing 1 required positional arguments: "repeats"')
    sizes = _shape_args(sizes, "repeat", "repeats")
    shape = input._data.shape
    if len(sizes) < len(shape):
        raise RuntimeError("Number of dimensions of repeat dims can not be smaller than number of dimensions of "
                           "tensor")
    nonnegative([n * d for n, d in zip(sizes, (1,) * (len(sizes) - len(shape)) + shape)])
    t = input if shape else reshape(input, (1,))
    shape = t._data.shape
    flat = np.arange(t._data.size).reshape((1,) * (len(sizes) - len(shape)) + shape)
    key = np.unravel_index(np.tile(flat, sizes), shape)
    return apply(OPS["repeat"], (t,), key, shape)
