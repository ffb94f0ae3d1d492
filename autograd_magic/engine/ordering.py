"""Sorting and order statistics over Tensors: sort, argsort, topk, median, logsumexp, std_mean/var_mean,
count_nonzero, unique, meshgrid (re-exported by shaping)."""
import builtins

import numpy as np

from . import barebones, batching, dtypes, selection
from .functions import dims_arg
from .optable import OPS
from .shaping import _correction, _return_type, expand, mean, nonzero_dims, std, var, view
from .arg_parser import _is_int
from .argcheck import tp_name
from .aten_print import aten_str
from .tensor_base import TensorBase, _dim, apply, warn_once, wrap, wrap_from
from .xp import along_axis_key

SortResult, TopkResult, MedianResult = _return_type("sort"), _return_type("topk"), _return_type("median")
NanmedianResult = _return_type("nanmedian")


def _order(a, d, descending):
    """Stable sorting indices along d; NaN counts as the largest value (last ascending, first descending)."""
    if not a.ndim:
        return np.zeros((), np.int64)
    if a.dtype == dtypes.BF16_NP:   # (ordered as its float32 values, which are exact)
        a = a.astype(np.float32)
    if descending:
        if a.dtype.kind == "f":
            nan = np.isnan(a)
            if nan.any():   # NaN first, then the rest descending, ties in their order (lexsort is stable)
                key = np.where(nan, a.dtype.type(0), -a)
                return np.moveaxis(np.lexsort((np.moveaxis(key, d, -1), ~np.moveaxis(nan, d, -1))), -1, d)
            return np.argsort(-a, axis=d, kind="stable")
        # ~x reverses the order of integers and bools without overflow (-x does not for the smallest int)
        return np.argsort(~a, axis=d, kind="stable")
    return np.argsort(a, axis=d, kind="stable")


def _picked(input, name, idx, d, result):
    """values = input picked at idx along d (idx has input's ndim), recorded under name; with the indices."""
    key = along_axis_key(idx, d) if input._data.ndim else ()
    values = apply(OPS[name], (input,), key, input._data.shape)
    return result((values, wrap_from(idx.astype(np.int64), input)))


_UNSET = object()


# ATen's GRAIN_SIZE: from this many elements a 1-d integer tensor sorted ascending goes to fbgemm's radix sort,
# which is stable, instead of std::sort
_RADIX_MIN = 32768


def _tied(a, idx, d, m):
    """Per row along d (moved last, rows flattened): whether the first m values in the order idx hold two equal
    values (NaNs equal)."""
    srt = np.moveaxis(np.take_along_axis(a, idx, axis=d), d, -1)[..., :m]
    if srt.dtype == dtypes.BF16_NP:
        srt = srt.astype(np.float32)
    srt = srt.reshape(-1, srt.shape[-1])
    same = srt[:, 1:] == srt[:, :-1]
    if srt.dtype.kind in "fc":
        same |= np.isnan(srt[:, 1:]) & np.isnan(srt[:, :-1])
    return same.any(-1)


def _redo_rows(a, idx, d, rows, pick):
    """idx with the rows (along d, flattened as _tied counts them) replaced by pick(row values)."""
    moved = np.moveaxis(idx, d, -1).copy()
    flat, vals = moved.reshape(-1, moved.shape[-1]), np.moveaxis(a, d, -1).reshape(-1, a.shape[d])
    for r in rows:
        flat[r] = pick(vals[r])
    return np.moveaxis(flat.reshape(moved.shape), -1, d)


def _std_order(a, d, descending):
    """The order of ATen's sort without stable=True: std::sort, unstable among ties in rows longer than 16
    (insertion sort below that); fbgemm's stable radix sort for a long 1-d integer tensor sorted ascending."""
    idx = _order(a, d, descending)
    if not a.ndim or a.shape[d] <= 16 or a.size == 0 or a.strides[d] == 0:
        return idx   # (ATen leaves a tensor expanded along dim as it is: its indices in order)
    if a.ndim == 1 and not descending and a.dtype.kind in "iu" and a.size >= _RADIX_MIN:
        return idx
    rows = np.flatnonzero(_tied(a, idx, d, a.shape[d]))
    return _redo_rows(a, idx, d, rows, lambda v: selection.sort_indices(v, descending)) if len(rows) else idx


def sort(input, dim=-1, descending=False, stable=_UNSET):
    """Sorted values and their indices; naming stable= (even False) picks ATen's sort.stable (SortBackward1)."""
    if input._data.dtype.kind == "c":
        raise RuntimeError(" Sort does not support complex dtypes on CPU")
    d = _dim(dim, input._data.ndim)
    name = "sort" if stable is _UNSET else "sort_stable"
    order = _order if stable is True else _std_order
    return _picked(input, name, order(input._data, d, descending), d, SortResult)


def argsort(input, dim=-1, descending=False, stable=False):
    if input._data.dtype.kind == "c":   # (argsort is sort's indices)
        raise RuntimeError(" Sort does not support complex dtypes on CPU")
    d = _dim(dim, input._data.ndim)
    order = _order if stable else _std_order
    return wrap_from(order(input._data, d, descending).astype(np.int64), input)


def topk(input, k, dim=-1, largest=True, sorted=True):
    """The k largest (smallest) values and their indices; among equal values, the indices ATen's partial_sort or
    nth_element (sorted=False: in the order it leaves them) picks."""
    a = input._data
    if isinstance(k, TensorBase):   # (an integer 0-dim tensor, which PyTorch's parser reads as an int)
        k = int(k)
    d = _dim(dim, a.ndim)
    n = a.shape[d] if a.ndim else 1
    if not 0 <= k <= n:
        raise RuntimeError("selected index k out of range")
    if a.dtype.kind == "c":
        raise RuntimeError(" topk does not support complex dtypes on CPU")
    if a.dtype == np.bool_:
        raise RuntimeError("topk does not support bool dtypes on CPU")
    idx = _order(a, d, largest)
    if a.ndim and k and a.size:
        if not sorted and k * 64 > n:
            rows = range(a.size // n)
            pick = lambda v: selection.topk_unsorted_indices(v, k, largest)  # noqa: E731
        else:
            rows = np.flatnonzero(_tied(a, idx, d, k + 1))
            pick = lambda v: selection.topk_indices(v, k, largest)  # noqa: E731
        idx = np.take(idx, np.arange(k), axis=d)
        if len(rows):
            idx = _redo_rows(a, idx, d, rows, pick)
    elif a.ndim:
        idx = np.take(idx, np.arange(k), axis=d)
    return _picked(input, "topk", idx, d, TopkResult)


def no_kernel(input, kernel, refused=("Bool", "ComplexFloat", "ComplexDouble")):
    """ATen's dispatch error for a dtype its CPU kernel is not compiled for (median's Bool and complex ...)."""
    name = input.dtype.scalar_name
    if name in refused:
        raise NotImplementedError(f'"{kernel}" not implemented for \'{name}\'')


def _median_rank(n, nans):
    """Where the median sits in the sorted values (NaN sorting last): the lower middle, or where there are NaNs
    the first of them (PyTorch's median is NaN then, and says which)."""
    return np.where(nans > 0, n - nans, (n - 1) // 2)


def _nth_element_pick(a, k, nans):
    """The flat index of the element ATen's median over all elements returns: the one std::nth_element leaves at
    position k (NaN last), or the first NaN when median sees one (it stops there). Among equal values that choice
    shows only as the sign of a zero, so the algorithm runs only where both zeros are there."""
    flat = a.reshape(-1)
    i = int(np.argsort(flat, kind="stable")[k])
    if nans or flat.dtype.kind != "f" or flat[i] != 0:
        return i
    sign = np.signbit(flat[flat == 0])
    if sign.all() or not sign.any():
        return i
    r, p = selection.ranks(flat, False), np.arange(flat.size)
    selection.nth_element_ranks(r, p, k)
    return int(p[k])


def median(input, dim=None, keepdim=False):
    a = input._data
    nan = np.isnan(a) if a.dtype.kind == "f" else np.zeros(a.shape, np.bool_)
    if dim is None:
        if a.size == 0:
            return wrap(np.asarray(np.nan, a.dtype))
        no_kernel(input, "median_cpu")
        nans = np.count_nonzero(nan)
        flat = _nth_element_pick(a, int(_median_rank(a.size, nans)), nans)
        key = tuple(np.asarray(i) for i in np.unravel_index(flat, a.shape))
        return apply(OPS["median"], (input,), key, a.shape)
    d = _dim(dim, a.ndim)
    if a.ndim:
        nonzero_dims("median()", a.shape, (d,))
    no_kernel(input, "median_out")
    if not a.ndim:
        return _picked(input, "median_dim", _order(a, d, False), d, MedianResult)
    rank = _median_rank(a.shape[d], np.count_nonzero(nan, axis=d, keepdims=True))
    idx = np.take_along_axis(_order(a, d, False), rank, axis=d)
    if keepdim:
        return _picked(input, "median_dim", idx, d, MedianResult)
    idx = idx.squeeze(d)
    key = list(np.indices(idx.shape, sparse=True))
    key.insert(d, idx)
    values = apply(OPS["median_dim"], (input,), tuple(key), a.shape)
    return MedianResult((values, wrap(idx.astype(np.int64))))


def _all_nan_pick(n):
    """The index nanmedian(dim) returns for a row of n NaNs: ATen's comparator breaks ties by index, but NaNs are
    neither below nor equal to one another, so std::nth_element (at position 0) leaves whichever its partitioning
    moved there."""
    r, p = np.zeros(n, np.int64), np.arange(n)
    selection.nth_element_ranks(r, p, 0)
    return int(p[0])


def nanmedian(input, dim=None, keepdim=False):
    """median of the values that are not NaN (NaN where there are none): the lower of the two middle ones."""
    a = input._data
    nan = np.isnan(a) if a.dtype.kind == "f" else np.zeros(a.shape, np.bool_)
    if dim is None:
        if a.size == 0:
            return wrap(np.asarray(np.nan, a.dtype))
        no_kernel(input, "median_cpu")
        k = builtins.max((a.size - int(np.count_nonzero(nan)) - 1) // 2, 0)
        flat = _nth_element_pick(a, k, 0)
        key = tuple(np.asarray(i) for i in np.unravel_index(flat, a.shape))
        return apply(OPS["nanmedian"], (input,), key, a.shape)
    d = _dim(dim, a.ndim)
    if a.ndim:
        nonzero_dims("median()", a.shape, (d,))   # (PyTorch's nanmedian names median here)
    no_kernel(input, "median_out")
    if not a.ndim:
        return _picked(input, "nanmedian_dim", _order(a, d, False), d, NanmedianResult)
    nans = np.count_nonzero(nan, axis=d, keepdims=True)
    k = np.maximum((a.shape[d] - nans - 1) // 2, 0)
    idx = np.take_along_axis(_order(a, d, False), k, axis=d)
    if a.shape[d] > 3 and (nans == a.shape[d]).any():
        idx = np.where(nans == a.shape[d], _all_nan_pick(a.shape[d]), idx)
    if not keepdim:
        idx = idx.squeeze(d)
        key = list(np.indices(idx.shape, sparse=True))
        key.insert(d, idx)
        return NanmedianResult((apply(OPS["nanmedian_dim"], (input,), tuple(key), a.shape), wrap(idx.astype(np.int64))))
    return _picked(input, "nanmedian_dim", idx, d, NanmedianResult)


def logsumexp(input, dim, keepdim=False):
    float_or_complex = dtypes.is_float_np(input._data.dtype) or input._data.dtype.kind == "c"
    t = input if float_or_complex else input.to(dtypes.get_default_dtype())
    if not keepdim and t._data.ndim and isinstance(dim, (tuple, list)) and not len(dim):
        # (dim=(): ATen reduces over every dim, keeping them, then fails to squeeze its out into the 0-d result)
        raise RuntimeError(f"output with shape [] doesn't match the broadcast shape [{', '.join('1' * t._data.ndim)}]")
    dims = dims_arg(dim, t._data.ndim)
    return apply(OPS["logsumexp"], (t,), dims if dims is not None else tuple(range(t._data.ndim)), keepdim)


def _moment_mean(kind, input, dim, unbiased, keepdim, correction):
    if input._data.dtype.kind == "c":   # (the parts' variances added, see shaping.var; the mean is complex)
        spread = (std if kind == "std" else var)(input, dim, unbiased, keepdim, correction=correction)
        dims = dims_arg(None if isinstance(dim, bool) else dim, input._data.ndim)
        return spread, mean(input, dims if dims is not None else tuple(range(input._data.ndim)), keepdim)
    if not dtypes.is_float_np(input._data.dtype):
        raise RuntimeError(f"{kind}_mean only support floating point and complex dtypes")
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
    barebones.refuse("nonzero_count_cpu", input._data.dtype)
    dims = dims_arg(dim, input._data.ndim)
    return wrap(np.asarray(np.count_nonzero(input._data, axis=dims), dtype=np.int64))


def unique_args(name, input, flags, dim=None, dim_at=None):
    """PyTorch's parser on the ATen function torch.unique / unique_consecutive call (_unique2, unique_dim,
    unique_consecutive): input a Tensor, each flag a bool, dim an int (dim_at: its position, None if a keyword);
    then the dtype check of the kernel named `name` (no complex) and the dim wrapped (None without one)."""
    if not isinstance(input, TensorBase):
        raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {tp_name(input)}")
    at = {} if dim_at is None else {"dim": dim_at}
    for arg, value in (("dim", dim), *flags) if dim_at is not None else (*flags, ("dim", dim)):
        if value is None and arg == "dim":
            continue
        if not (_is_int(value) and value.__class__ is not bool if arg == "dim" else value.__class__ is bool):
            where = f" (position {at[arg]})" if arg in at else ""
            kind = "int" if arg == "dim" else "bool"
            raise TypeError(f"{name}(): argument '{arg}'{where} must be {kind}, not {tp_name(value)}")
    a = input._data
    if a.dtype.kind == "c":
        kernel = "unique" if dim is None else "unique_dim"
        raise NotImplementedError(f'"{kernel}" not implemented for \'{dtypes.scalar_name(a.dtype)}\'')
    if dim is None:
        return None
    if a.ndim == 0:
        raise IndexError(f"Dimension specified as {int(dim)} but tensor has no dimensions")
    d = _dim(int(dim), a.ndim)
    if a.size == 0:   # (ATen's checks, in the order it makes them)
        if a.shape[d] != 0:
            raise RuntimeError("There are 0 sized dimensions, and they aren't selected, so unique cannot be applied")
        if a.shape.count(0) > 1:
            raise RuntimeError("Number of zero sized dimensions is more than one, so unique cannot be applied ")
    return d


def unique_result(input, op, vals, inverse, counts, return_inverse, return_counts):
    """The values (under op's node when input requires grad), with the inverse and the counts asked for."""
    out = [apply(OPS[op], (input,), vals) if input._rg else wrap(vals)]
    if return_inverse:
        out.append(wrap(inverse.astype(np.int64)))
    if return_counts:
        out.append(wrap(counts.astype(np.int64)))
    return out[0] if len(out) == 1 else tuple(out)


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
    batching.refuse_op(batching.DYNAMIC_SHAPE.format("_unique2" if dim is None else "unique_dim"), input)
    flags = (("sorted", sorted), ("return_inverse", return_inverse), ("return_counts", return_counts))
    d = unique_args("_unique2" if dim is None else "unique_dim", input, flags, dim, None if dim is None else 2)
    a = input._data  # sorted on the CPU whatever `sorted` says, as in PyTorch
    if d is not None and a.size == 0:   # (the zero-sized dim selected: the input as it is, nothing counted)
        empty = np.zeros(0, np.int64)
        return unique_result(input, "unique_dim", a.copy(), empty, empty, return_inverse, return_counts)
    # each NaN its own value (NaN != NaN), as PyTorch's
    kw = {"equal_nan": False} if d is None else {}
    work = a.astype(np.float32) if a.dtype == dtypes.BF16_NP else a
    vals, inverse, counts = np.unique(work if d is not None else work.reshape(-1), return_inverse=True,
                                      return_counts=True, axis=d, **kw)
    inverse = inverse.reshape(a.shape if d is None else -1)
    return unique_result(input, "unique2" if d is None else "unique_dim", vals.astype(a.dtype, copy=False),
                         inverse, counts, return_inverse, return_counts)


def meshgrid(*tensors, indexing=None):
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    for i, t in enumerate(tensors):   # PyTorch's argument parser, before the op's checks
        if not isinstance(t, TensorBase):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {tp_name(t)}")
    if indexing is not None and not isinstance(indexing, str):
        raise TypeError(f"meshgrid(): argument 'indexing' must be str, not {tp_name(indexing)}")
    if indexing is None:
        warn_once("torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument. "
                  "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4215.)",
                  stacklevel=2)
        indexing = "ij"
    if not tensors:
        raise RuntimeError("meshgrid expects a non-empty TensorList")
    if any(t._data.dtype != tensors[0]._data.dtype for t in tensors[1:]):
        raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    if indexing not in ("ij", "xy"):
        raise RuntimeError(f"torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {indexing}")
    for t in tensors:
        if t._data.ndim > 1:
            raise RuntimeError("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: "
                               + aten_str(t._data))
    swap = indexing == "xy" and len(tensors) >= 2
    ts = list(tensors)
    if swap:
        ts[0], ts[1] = ts[1], ts[0]
    shape = tuple(t._data.size for t in ts)
    grids = [expand(view(t, tuple(-1 if j == i else 1 for j in range(len(ts)))), shape) for i, t in enumerate(ts)]
    if swap:
        grids[0], grids[1] = grids[1], grids[0]
    return tuple(grids)
