"""More functions of the torch namespace (and their Tensor methods, ``METHODS``): flips and rotations, index
helpers, running max/min, order statistics, quantiles, NaN-aware reductions, searching, set tests, products of
tensors, and elementwise helpers. Differentiable ones record the op table's ops (ops_more.py) or compose existing
ones where PyTorch's graph shows those same nodes."""

import numpy as np

from . import arg_parser, argcheck, batching, dtypes, selection
from . import functions as F
from . import indexing as IX
from . import ordering as O
from . import shaping as S
from .composed import narrow
from .function_signatures import SIGNATURES
from .functions import check_broadcast, dims_arg
from .optable import OPS
from .tensor_base import TensorBase, _dim, apply, warn_once, wrap, wrap_from
from .return_types import return_type
from .xp import along_axis_key


def _result(name, fields=("values", "indices")):
    return return_type(name, fields)


CummaxResult, CumminResult = _result("cummax"), _result("cummin")
KthvalueResult, ModeResult = _result("kthvalue"), _result("mode")
AminmaxResult = _result("aminmax", ("min", "max"))


# ---------------------------------------------------------------- flips


def fliplr(input):
    if input.ndim < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return IX.flip(input, [1])


def flipud(input):
    if input.ndim < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return IX.flip(input, [0])


def rot90(input, k=1, dims=(0, 1)):
    dims = list(dims)
    if len(dims) != 2:
        raise RuntimeError(f"expected total rotation dims == 2, but got dims = {len(dims)}")
    if input.ndim < 2:
        raise RuntimeError(f"expected total dims >= 2, but got total dims = {input.ndim}")
    d0, d1 = _dim(dims[0], input.ndim), _dim(dims[1], input.ndim)
    if d0 == d1:   # (ATen's message gives the dims as the call did: rot90(x, 1, [-1, 2]) on a 3-d x)
        raise RuntimeError(f"expected rotation dims to be different, but got dim0 = {dims[0]} and dim1 = {dims[1]}")
    return apply(OPS["rot90"], (input,), int(k) % 4, (d0, d1))


# ---------------------------------------------------------------- index helpers


def _triangle_indices(name, row, col, offset, upper, dtype, requires_grad, pin_memory):
    """ATen's tril_indices / triu_indices: row and col checked first, then the dtype's kernel (int32 and int64
    only), then requires_grad and pin_memory as a factory checks them."""
    for letter, count in (("row", row), ("col", col)):
        if count < 0:
            raise RuntimeError(f"{letter} must be non-negative, got{count}")
    dt = dtypes.int64 if dtype is None else dtype
    if dt not in (dtypes.int32, dtypes.int64):
        raise NotImplementedError(f"\"{name}\" not implemented for '{dt.scalar_name}'")
    if requires_grad:
        raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
    if pin_memory:
        raise RuntimeError("pin_memory=True requires a CUDA or other accelerator backend; no pinned memory "
                           "allocator is available on this system.")
    row, col, offset = int(row), int(col), int(offset)
    r, c = np.nonzero(np.triu(np.ones((row, col), bool), offset) if upper else
                      np.tril(np.ones((row, col), bool), offset))
    return wrap(np.stack([r, c]).astype(dt.np) if row and col else np.zeros((2, 0), dt.np))


def tril_indices(row, col, offset=0, *, dtype=None, device=None, layout=None, pin_memory=False, requires_grad=False):
    return _triangle_indices("tril_indices", row, col, offset, False, dtype, requires_grad, pin_memory)


def triu_indices(row, col, offset=0, *, dtype=None, device=None, layout=None, pin_memory=False, requires_grad=False):
    return _triangle_indices("triu_indices", row, col, offset, True, dtype, requires_grad, pin_memory)


def argwhere(input):
    return F.nonzero_of(input)


def _wrapped(indices, n):
    """indices taken modulo the size along dim, as take_along_dim(dim=...) reads them (-1 is the last; 3 of a
    size-3 dim is the first, no error), after its check that they are int64."""
    idx = indices._data
    if idx.dtype != np.int64:
        raise RuntimeError("torch.take_along_dim(): dtype of indices should be Long but got "
                           + dtypes.scalar_name(idx.dtype))
    if not n or not ((idx < 0) | (idx >= n)).any():
        return indices
    return indices.__class__._wrap(np.remainder(idx, n))


def take_along_dim(input, indices, dim=None):
    if dim is None:   # (the flattened input's gather: no wrapping, int32 taken)
        return IX.gather(S.reshape(input, (-1,)), 0, S.reshape(indices, (-1,)))
    d = _dim(dim, input.ndim)
    if input.ndim == 0 and indices.ndim == 0 and indices._data.dtype == np.int64:
        # (ATen wraps dim as for one dimension, then again without wrapping a scalar)
        raise IndexError(f"Dimension specified as {d} but tensor has no dimensions")
    indices = _wrapped(indices, input.shape[d] if input.ndim else 1)
    if input.ndim != indices.ndim:
        raise RuntimeError(f"torch.take_along_dim(): input and indices should have the same number of dimensions, "
                           f"but got {input.ndim} dimensions for input, and {indices.ndim} dimensions for indices")
    shape_in, shape_ix = list(input.shape), list(indices.shape)
    shape_in[d] = shape_ix[d] = 1
    check_broadcast(shape_in, shape_ix)
    common = list(np.broadcast_shapes(tuple(shape_in), tuple(shape_ix)))
    full_in, full_ix = list(common), list(common)
    full_in[d], full_ix[d] = input.shape[d], indices.shape[d]
    if tuple(full_in) != tuple(input.shape):
        input = S.expand(input, full_in)
    if tuple(full_ix) != tuple(indices.shape):
        indices = S.expand(indices, full_ix)
    return IX.gather(input, d, indices)


def tensor_split(input, indices_or_sections=None, dim=0, *, sections=None, indices=None,
                 tensor_indices_or_sections=None):
    """Split into sections (an int: sizes as even as can be) or at indices (ints, or a long tensor of them)."""
    if indices_or_sections is None:   # (given by the keyword of one of PyTorch's three overloads)
        indices_or_sections = next(v for v in (sections, indices, tensor_indices_or_sections) if v is not None)
    if input.ndim == 0:
        raise RuntimeError("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims")
    if isinstance(indices_or_sections, TensorBase):
        if indices_or_sections.dtype.scalar_name != "Long":
            raise RuntimeError("tensor_split expected tensor_indices_or_sections to have dtype of long, but got "
                               f"{indices_or_sections.dtype.scalar_name}")
        if indices_or_sections.ndim > 1:
            raise RuntimeError("tensor_split expected tensor_indices_or_sections to be a zero-dimensional or "
                               f"one-dimensional tensor, but got a tensor with {indices_or_sections.ndim} dims")
    d = _dim(dim, input.ndim)
    n = input.shape[d]
    if isinstance(indices_or_sections, TensorBase) and indices_or_sections.ndim == 0:
        indices_or_sections = int(indices_or_sections.item())
    if isinstance(indices_or_sections, int):
        k = indices_or_sections
        if k <= 0:
            raise RuntimeError(f"number of sections must be larger than 0, got {k}")
        size, extra = divmod(n, k)
        bounds, start = [], 0
        for i in range(k):
            stop = start + size + (1 if i < extra else 0)
            bounds.append((start, stop))
            start = stop
    else:
        idx = [int(i) for i in (indices_or_sections.tolist() if isinstance(indices_or_sections, TensorBase)
                                else indices_or_sections)]
        # each piece is ATen's slice(start, end): a negative index counts from the end
        edges = [0] + [min(max(i + n if i < 0 else i, 0), n) for i in idx] + [n]
        bounds = list(zip(edges[:-1], edges[1:]))
    return tuple(narrow(input, d, a, max(b - a, 0)) for a, b in bounds)


# ---------------------------------------------------------------- running max/min, order statistics


def _running_pick(a, d, better):
    """Indices of the running max/min along d: a later equal element or a NaN takes over (PyTorch's rule)."""
    a = np.moveaxis(a, d, -1)
    idx = np.zeros(a.shape, np.int64)
    if a.shape[-1]:
        best, at = a[..., 0].copy(), np.zeros(a.shape[:-1], np.int64)
        idx[..., 0] = 0
        for i in range(1, a.shape[-1]):
            x = a[..., i]
            take = np.isnan(x) | (~np.isnan(best) & better(x, best))
            best = np.where(take, x, best)
            at = np.where(take, i, at)
            idx[..., i] = at
    return np.moveaxis(idx, -1, d)


def _cum(name, result, better):
    def fn(input, dim):
        """ATen's cummax_out: a scalar is its own result (dim -1 or 0), an empty tensor its own whatever dim says;
        no kernel for complex."""
        a = input._data
        if not a.ndim:
            if dim not in (-1, 0):
                raise IndexError(f"{name}(): Expected reduction dim -1 or 0 for scalar but got {dim}")
            return result((apply(OPS[name], (input,), (), ()), wrap(np.zeros((), np.int64))))
        if a.size == 0:
            idx = np.zeros(a.shape, np.int64)
            return result((apply(OPS[name], (input,), along_axis_key(idx, 0), a.shape), wrap(idx)))
        d = _dim(dim, a.ndim)
        O.no_kernel(input, name + "_cpu", ("ComplexFloat", "ComplexDouble"))
        idx = _running_pick(a, d, better)
        values = apply(OPS[name], (input,), along_axis_key(idx, d), a.shape)
        return result((values, wrap(idx)))
    fn.__name__ = name
    return fn


cummax = _cum("cummax", CummaxResult, np.greater_equal)
cummin = _cum("cummin", CumminResult, np.less_equal)


def _reduced_pick(input, name, idx, d, keepdim, result):
    """values picked at idx (input's ndim minus d) along d, recorded under name; keepdim as asked."""
    a = input._data
    if not a.ndim:
        return result((apply(OPS[name], (input,), (), ()), wrap(np.zeros((), np.int64))))
    if keepdim:
        idx = np.expand_dims(idx, d)
        key = along_axis_key(idx, d)
    else:
        key = list(np.indices(idx.shape, sparse=True))
        key.insert(d, idx)
    values = apply(OPS[name], (input,), tuple(key), a.shape)
    return result((values, wrap(idx.astype(np.int64))))


def _kth_indices(a, k, d):
    """Per row along d, the index of the k-th smallest (k from 0): a stable sort where the row has no ties,
    else ATen's quickselect, whose pick among tied values kthvalue returns."""
    moved = np.moveaxis(a, d, -1)
    flat = moved.reshape(-1, moved.shape[-1])
    out = np.take(np.argsort(flat, axis=-1, kind="stable"), k, axis=-1)
    srt = np.sort(flat, axis=-1)
    tied = ((srt[:, 1:] == srt[:, :-1]) | np.isnan(srt[:, 1:])).any(-1) if flat.shape[-1] > 1 else \
        np.zeros(flat.shape[0], bool)
    for r in np.flatnonzero(tied):
        out[r] = selection.quick_select(flat[r].tolist(), k)
    return out.reshape(moved.shape[:-1])


def kthvalue(input, k, dim=-1, keepdim=False):
    a = input._data
    d = _dim(dim, a.ndim)
    n = a.shape[d] if a.ndim else 1
    S.nonzero_dims("kthvalue()", (n,) * (d + 1), (d,))
    if not 1 <= k <= n:
        raise RuntimeError(f"kthvalue(): selected number k out of range for dimension {d}")
    if a.ndim:
        O.no_kernel(input, "kthvalue_cpu")
    if not a.ndim:
        return _reduced_pick(input, "kthvalue", None, d, keepdim, KthvalueResult)
    return _reduced_pick(input, "kthvalue", _kth_indices(a, k - 1, d), d, keepdim, KthvalueResult)


def mode(input, dim=-1, keepdim=False):
    a = input._data
    d = _dim(dim, a.ndim)
    if a.ndim:
        S.nonzero_dims("mode()", a.shape, (d,))
        O.no_kernel(input, "mode_cpu", ("ComplexFloat", "ComplexDouble"))
    if not a.ndim:
        return _reduced_pick(input, "mode", None, d, keepdim, ModeResult)
    moved = np.moveaxis(a, d, -1)
    flat = moved.reshape(-1, moved.shape[-1])
    idx = np.array([selection.mode_index(r.tolist())[1] for r in flat], np.int64).reshape(moved.shape[:-1])
    return _reduced_pick(input, "mode", idx, d, keepdim, ModeResult)


def msort(input):
    return O.sort(input, 0).values


def aminmax(input, *, dim=None, keepdim=False):
    if dim is None:
        dims, keep = tuple(range(input.ndim)), False
        if keepdim:
            dims, keep = tuple(range(input.ndim)), True
    else:
        d = _dim(dim, input.ndim)   # (a 0-dim input's dim is checked too: -1 or 0)
        dims, keep = (d,) if input.ndim else (), keepdim
    if input.numel() == 0:
        if dim is None:
            raise RuntimeError("aminmax(): cannot compute aminmax over an empty dimension as the operation has no "
                               "identity.")
        S.nonzero_dims("aminmax", input._data.shape, dims)
    if input.is_complex():
        if dim is not None and not input.ndim:
            raise RuntimeError(f"aminmax not implemented for {input.dtype.scalar_name}")
        O.no_kernel(input, "aminmax_cpu", ("ComplexFloat", "ComplexDouble"))
    return AminmaxResult((apply(OPS["aminmax_min"], (input,), dims, keep),
                         apply(OPS["aminmax_max"], (input,), dims, keep)))


# ---------------------------------------------------------------- NaN-aware reductions, quantiles


def nansum(input, dim=None, keepdim=False, *, dtype=None):
    if input.is_complex():
        raise RuntimeError("nansum on CPU does not support complex inputs")
    if dtype is not None and dtype.is_complex and dtypes.is_float_np(input._data.dtype):
        # (ATen leaves integer inputs to sum; its own NaN-skipping kernel has no complex version)
        raise NotImplementedError(f'"nansum_cpu" not implemented for \'{dtype.scalar_name}\'')
    if dtype is not None and not (dtype.is_floating_point or dtype.is_complex) and dtypes.is_float_np(input._data.dtype):
        input = F.masked_fill(input, F.isnan(input), 0)   # (a NaN is skipped before its element is cast)
    t = input if dtype is None else input.to(dtype)
    if t._data.dtype.kind in "biu" and dtype is None:
        t = t.long()
    dims = dims_arg(dim, t.ndim)
    return apply(OPS["nansum"], (t,), dims if dims is not None else tuple(range(t.ndim)), keepdim)


def nanmean(input, dim=None, keepdim=False, *, dtype=None):
    if not (dtypes.is_float_np(input._data.dtype) or input.is_complex()):
        raise RuntimeError(f"nanmean(): expected input to have floating point or complex dtype but got "
                           f"{input.dtype.scalar_name}")
    if dtype is not None and not (dtype.is_floating_point or dtype.is_complex):
        raise RuntimeError("nanmean(): could not infer output dtype. Optional dtype must be either a floating point "
                           f"or complex dtype. Got: {dtype.scalar_name}")
    count = S.sum(F.logical_not(F.isnan(input)), dim, keepdim) if dim is not None else \
        S.sum(F.logical_not(F.isnan(input)))
    return F.div(nansum(input, dim, keepdim, dtype=dtype), count)


_INTERPOLATIONS = ("linear", "lower", "higher", "midpoint", "nearest")


def quantile(input, q, dim=None, keepdim=False, *, interpolation="linear", _ignore_nan=False):
    """PyTorch's algorithm: sort, ranks q * (n - 1) in the input's dtype, then a lerp between neighbours
    (_ignore_nan: nanquantile, n counts the non-NaN values of each row)."""
    dt = input._data.dtype
    q_t = q if isinstance(q, TensorBase) else None
    if q_t is None and not 0 <= q <= 1:   # (the overload of a number q checks it first)
        raise RuntimeError(f"quantile() q must be in the range [0, 1] but got {float(q):g}")   # (C++'s way: -1, 1.5)
    if interpolation not in _INTERPOLATIONS:
        raise RuntimeError("quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, but got "
                           f"{interpolation}")
    # ATen's quantile_checks, in its order
    if input.numel() == 0:
        raise RuntimeError("quantile() input tensor must be non-empty")
    if q_t is not None and q_t.ndim > 1:
        raise RuntimeError("quantile() q must be a scalar or 1D tensor")
    if input.dtype.scalar_name not in ("Float", "Double"):
        raise RuntimeError("quantile() input tensor must be either float or double dtype")
    if q_t is not None and q_t.dtype != input.dtype:
        raise RuntimeError("quantile() q tensor must be same dtype as the input tensor")
    q_arr = np.asarray(q_t._data if q_t is not None else q, dtype=dt)
    if not ((q_arr >= 0) & (q_arr <= 1)).all():
        raise RuntimeError("quantile() q values must be in the range [0, 1]")
    if dim is None:
        lead = (1,) * input.ndim if keepdim else ()
        srt = O.sort(S.flatten(input)).values
    else:
        d = _dim(dim, input.ndim)
        shape = list(input.shape)
        if keepdim and input.ndim:
            shape[d] = 1
        elif input.ndim:
            shape.pop(d)
        lead = tuple(shape)
        srt = O.sort(S.transpose(S.unsqueeze(input, -1), d, -1) if input.ndim else S.unsqueeze(input, -1)).values
    srt = S.view(srt, lead + (srt.shape[-1],))
    last = srt.shape[-1] - 1
    nq = 1 if q_arr.ndim == 0 else q_arr.shape[0]
    ranks = np.broadcast_to(q_arr.reshape(-1) * dt.type(last), lead + (nq,)).copy()
    ranks[np.isnan(srt._data).any(-1)] = last
    if _ignore_nan:   # ATen: q * (count - 1), negative ranks (all NaN) set to 0
        count = (~np.isnan(srt._data)).sum(-1, keepdims=True) - 1
        ranks = np.maximum(q_arr.reshape(-1) * count.astype(dt), 0).astype(dt)
    if interpolation == "lower":
        ranks = np.floor(ranks)
    elif interpolation == "higher":
        ranks = np.ceil(ranks)
    elif interpolation == "nearest":
        ranks = np.round(ranks)
    below = ranks.astype(np.int64)
    out = IX.gather(srt, -1, wrap(below))
    if interpolation in ("linear", "midpoint"):
        weights = np.full_like(ranks, 0.5) if interpolation == "midpoint" else ranks - below.astype(dt)
        above = IX.gather(srt, -1, wrap(np.ceil(ranks).astype(np.int64)))
        out = F.lerp(out, above, wrap(weights))
    # ATen works on the gathered values in place (lerp_, then squeeze_ or unsqueeze_, transpose_ and squeeze_):
    # the result's version counter counts those steps
    steps = (interpolation in ("linear", "midpoint")) + (1 if q_arr.ndim == 0 else 3)
    if q_arr.ndim != 0:
        out = S.transpose(S.unsqueeze(out, 0), 0, -1)
    out = apply(OPS["squeeze_mm"], (out,), out.shape[:-1], tuple(out.shape))
    out._vbox[0] += steps
    return out


# ---------------------------------------------------------------- searching and set tests


_NON_CONTIGUOUS = ("torch.searchsorted(): {name} tensor is non-contiguous, this will lower the performance due to extra "
                   "data copy when converting non-contiguous tensor to contiguous, please use contiguous {name} tensor "
                   "if possible. This message will only appear once per program. (Triggered internally at "
                   "/__w/pytorch/pytorch/aten/src/ATen/native/BucketizationUtils.h:{line}.)")
_NON_CONTIGUOUS_LINES = {"input value": 32, "boundary": 38, "sorter": 44}


def _search(seq, values, right, out_int32, sorter=None):
    """ATen's searchsorted (and bucketize): its checks in its order, then the search in the two's common dtype."""
    s, v = seq._data, values._data if isinstance(values, TensorBase) else np.asarray(values)
    if sorter is not None:
        if tuple(sorter.shape) != tuple(seq.shape):
            raise RuntimeError("torch.searchsorted(): boundary and sorter must have the same size, but got boundary "
                               f"tensor {list(seq.shape)}and got sorter tensor {list(sorter.shape)}")
        if sorter._data.dtype != np.int64:
            raise RuntimeError("torch.searchsorted(): sorter must be a tensor of long dtype but got dtype "
                               f"{sorter.dtype.scalar_name}")
        if sorter._data.size and (sorter._data.min() < 0 or sorter._data.max() >= sorter._data.shape[-1]):
            raise RuntimeError("torch.searchsorted(): sorter index out of range")
    if v.ndim == 0 and s.ndim != 1:
        raise RuntimeError("torch.searchsorted(): input value can be a scalar only when boundaries tensor dimension "
                           f"is 1, but we got boundaries tensor dim({s.ndim}) and input value's dim(0) numel(1)")
    if s.ndim == 0:
        raise RuntimeError("torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 "
                           "dimension")
    if s.ndim > 1 and s.shape[:-1] != v.shape[:-1]:
        raise RuntimeError("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 "
                           "dimensions of boundaries tensor and input value tensor must match, but we got "
                           f"boundaries tensor {list(s.shape)} and input value tensor {list(v.shape)}")
    if v.size:   # (ATen copies a non-contiguous operand before the search and says so, once per kind)
        for name, t in (("input value", values), ("boundary", seq), ("sorter", sorter)):
            if isinstance(t, TensorBase) and not t.is_contiguous():
                warn_once(_NON_CONTIGUOUS.format(name=name, line=_NON_CONTIGUOUS_LINES[name]),
                          stacklevel=argcheck.user_level())
    common = dtypes.result_type((seq, values))   # (a Python number taken as a wrapped number)
    if common.np.kind in "bc":
        raise NotImplementedError(f"\"searchsorted_out_cpu\" not implemented for '{common.scalar_name}'")
    work = np.float32 if common.np == dtypes.BF16_NP else common.np   # (bfloat16's values are exact in float32)
    s, v = s.astype(work, copy=False), v.astype(work, copy=False)
    if s.shape[-1] == 0 or v.size == 0:
        out = np.zeros(v.shape, np.int64)
    else:   # (ATen's binary search, one row of boundaries per row of values)
        rows = s.reshape(-1, s.shape[-1])
        vals = v.reshape(1, -1) if s.ndim == 1 else v.reshape(rows.shape[0], -1)
        order = None if sorter is None else sorter._data.reshape(rows.shape)
        out = selection.bound_search(rows, vals, right, order).reshape(v.shape)
    return wrap_from(np.asarray(out, np.int32 if out_int32 else np.int64), seq, values)


def searchsorted(sorted_sequence, input, *, out_int32=False, right=False, side=None, sorter=None):
    if side is not None:
        if side not in ("left", "right"):
            raise RuntimeError(f"torch.searchsorted(): side can only be 'left' or 'right' but got {side}")
        if right and side == "left":
            raise RuntimeError("torch.searchsorted(): side and right can't be set to opposites, got side of left "
                               "while right was True")
        right = side == "right"
    return _search(sorted_sequence, input, right, out_int32, sorter)


def bucketize(input, boundaries, *, out_int32=False, right=False):
    if boundaries.ndim != 1:
        raise RuntimeError(f"boundaries tensor must be 1 dimension, but got dim({boundaries.ndim})")
    return _search(boundaries, input, right, out_int32)


_ISIN = [arg_parser.Signature(text) for text in SIGNATURES["isin"]]


def isin(*args, **kwargs):
    """Whether each of elements is in test_elements, parsed as PyTorch's three overloads (a number on one side, not
    both); both sides compared in their promoted dtype (a number wrapped into the tensor's: ``int8 [44]`` holds
    300), bool and complex sides refused as ATen's kernel refuses them."""
    values = arg_parser.check_call("isin", _ISIN, args, {k: v for k, v in kwargs.items() if k != "out"})
    elements = values["elements"] if "elements" in values else values["element"]
    test = values["test_elements"] if "test_elements" in values else values["test_element"]
    for side in (elements, test):
        kind = side._data.dtype if isinstance(side, TensorBase) else np.asarray(side).dtype
        if kind.kind in "bc":
            raise RuntimeError(f"Unsupported input type encountered for isin(): {dtypes.scalar_name(kind)}")
    common = dtypes.result_type((elements, test)).np
    e, t = (side._data.astype(common, copy=False) if isinstance(side, TensorBase)
            else np.asarray(dtypes.wrapped_int(side, common) if isinstance(side, int) else side, common)
            for side in (elements, test))
    return wrap(np.asarray(np.isin(e, t, invert=bool(values.get("invert", False)))))


def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):
    batching.refuse_op(batching.DYNAMIC_SHAPE.format("unique_consecutive"), input)
    flags = (("return_inverse", return_inverse), ("return_counts", return_counts))
    d = O.unique_args("unique_consecutive", input, flags, dim)
    a = input._data
    if d is None:
        flat = a.reshape(-1)
        starts = np.ones(flat.shape, bool)
        starts[1:] = flat[1:] != flat[:-1]
        vals = flat[starts]
        inverse = (np.cumsum(starts) - 1).reshape(a.shape)
    else:
        moved = np.moveaxis(a, d, 0)
        starts = np.ones(moved.shape[0], bool)
        if moved.shape[0] > 1:
            starts[1:] = (moved[1:] != moved[:-1]).reshape(moved.shape[0] - 1, -1).any(1)
        vals = np.moveaxis(moved[starts], 0, d)
        inverse = np.cumsum(starts) - 1
    counts = np.diff(np.append(np.flatnonzero(starts), starts.size))
    return O.unique_result(input, "unique_consecutive", np.ascontiguousarray(vals), inverse, counts, return_inverse,
                           return_counts)


# ---------------------------------------------------------------- products of tensors


def kron(input, other):
    n = max(input.ndim, other.ndim)
    sa = (1,) * (n - input.ndim) + tuple(input.shape)
    sb = (1,) * (n - other.ndim) + tuple(other.shape)
    a_view = apply(OPS["unsafe_view"], (input,), sum(((x, 1) for x in sa), ()), tuple(input.shape))
    b_view = apply(OPS["unsafe_view"], (other,), sum(((1, x) for x in sb), ()), tuple(other.shape))
    prod = F.mul(a_view, b_view)
    return apply(OPS["unsafe_view"], (prod,), tuple(x * y for x, y in zip(sa, sb)), tuple(prod.shape))


def _tensor_list(tensors):
    """The parser's check of the TensorList torch/functional.py hands the native function (block_diag,
    cartesian_prod): each element a Tensor."""
    for i, t in enumerate(tensors):
        if not isinstance(t, TensorBase):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {argcheck.kind(t)}")


def cartesian_prod(*tensors):
    _tensor_list(tensors)
    for t in tensors:
        if t.ndim != 1:
            raise RuntimeError(f"Expect a 1D vector, but got shape [{', '.join(map(str, t.shape))}]")
    if len(tensors) == 1:
        return tensors[0]
    grids = O.meshgrid(*tensors, indexing="ij")
    return S.stack([S.flatten(g) for g in grids], 1)


def block_diag(*tensors):
    _tensor_list(tensors)
    if not tensors:
        return wrap(np.zeros((1, 0), np.float32))
    for i, t in enumerate(tensors):
        if t.ndim > 2:
            raise RuntimeError(f"torch.block_diag: Input tensors must have 2 or fewer dimensions. Input {i} has "
                               f"{t.ndim} dimensions")
    dt = tensors[0].dtype
    for t in tensors[1:]:
        dt = dtypes.promote_pair(dt, t.dtype)
    ts = tuple(t if t.dtype == dt else t.to(dt) for t in tensors)
    shapes = tuple((1, 1) if t.ndim == 0 else (1, t.shape[0]) if t.ndim == 1 else tuple(t.shape) for t in ts)
    return apply(OPS["block_diag"], ts, shapes, dt.np)


def vander(x, N=None, increasing=False):
    if x.ndim != 1:
        raise RuntimeError("x must be a one-dimensional tensor.")
    n = x.shape[0] if N is None else N
    if n < 0:
        raise RuntimeError("N must be non-negative.")
    dt = dtypes.promote_pair(x.dtype, dtypes.int64)
    # as ATen: the powers are written in place into the result (so that the cumprod's saved input is modified
    # in place, and a backward through vander raises PyTorch's version-counter error)
    result = wrap(np.empty((x.shape[0], n), dt.np))   # (every column written below, the first by fill_)
    if n > 0:
        IX.select(result, 1, 0).fill_(1)
    if n > 1:
        narrow(result, 1, 1, n - 1).copy_(S.unsqueeze(x, 1))
        narrow(result, 1, 1, n - 1).copy_(S.cumprod(narrow(result, 1, 1, n - 1), 1))
    return result if increasing else IX.flip(result, [1])


def spacings(x, y, d, n, name):
    """The differences of the sample points x along y's dim d (n samples), as ATen: x viewed to y's number of dims
    first (a 1-d x along d, one of fewer dims given leading ones), then sliced, so that a wrong length meets
    broadcasting's error."""
    if x.ndim == 1:
        if x.shape[0] != n:
            raise RuntimeError(f"{name}: There must be one `x` value for each sample point")
        shape = [1] * y.ndim
        shape[d] = n
        x = S.view(x, shape)
    elif x.ndim < y.ndim:
        x = S.view(x, (1,) * (y.ndim - x.ndim) + tuple(x.shape))
    m = x.shape[d]
    return F.sub(narrow(x, d, min(1, m), max(m - 1, 0)), narrow(x, d, 0, max(m - 1, 0)))


def real_step(dx, name):
    """A number dx as ATen's Scalar (a 0-d tensor: its value), refused when it is a bool or complex."""
    value = dx.item() if isinstance(dx, TensorBase) else dx
    if isinstance(value, (bool, complex)):
        raise RuntimeError(f"{name}: Currently, we only support dx as a real number.")
    return value


def trapezoid(y, x=None, *, dx=None, dim=-1):
    if y.ndim == 0:   # (with sample points ATen wraps dim first, as for one dim, then asks for y's size there)
        raise IndexError(f"Dimension specified as {dim if x is None else _dim(dim, 0)} but tensor has no dimensions")
    d = _dim(dim, y.ndim)
    n = y.shape[d]
    if n == 0:   # (ATen's zeros_like_except, before any other check: y's dtype, no graph)
        return wrap(np.zeros(y.shape[:d] + y.shape[d + 1:], dtype=y._data.dtype))
    y = int_to_default_float(y, "trapezoid")
    if x is None:
        step = 1 if dx is None else real_step(dx, "trapezoid")
        ends = F.add(IX.select(y, d, 0), IX.select(y, d, -1))
        return apply(OPS["mul_scalar"], (F.sub(S.sum(y, d), apply(OPS["mul_scalar"], (ends,), 0.5)),), step)
    dxs = spacings(x, y, d, n, "trapezoid")
    pair = F.add(narrow(y, d, 0, n - 1), narrow(y, d, 1, n - 1))
    return apply(OPS["div_scalar"], (S.sum(F.mul(pair, dxs), d),), 2.0)


def int_to_default_float(y, name):
    """Integer samples in the default float dtype: ATen's `* 0.5` and `/ 2.` promote them so (trapezoid); bool
    samples are refused."""
    if y._data.dtype.kind == "b":
        raise RuntimeError(f"{name}: received a bool input for `y`, but bool is not supported")
    return y if dtypes.is_float_np(y._data.dtype) else y.to(dtypes.get_default_dtype())


# ---------------------------------------------------------------- elementwise


def signbit(input):
    if input._data.dtype.kind == "c":
        raise NotImplementedError("signbit is not implemented for complex tensors.")
    return wrap(np.signbit(input._data))


def heaviside(input, values):
    if input._data.dtype.kind == "c" or values._data.dtype.kind == "c":
        raise RuntimeError("heaviside is not yet implemented for complex tensors.")
    if input._data.dtype != values._data.dtype:
        raise RuntimeError("heaviside is not yet implemented for tensors with different dtypes.")
    F.check_operands(input, values)
    return apply(OPS["heaviside"], (input, values))


def copysign(input, other):
    if input._data.dtype.kind == "c" or isinstance(other, complex) or getattr(other, "is_complex", bool)():
        kind = "ComplexDouble" if "complex128" in (input._data.dtype, getattr(other, "_data", input._data).dtype) \
            else "ComplexFloat"
        raise NotImplementedError(f'"copysign_cpu" not implemented for \'{kind}\'')
    if isinstance(other, TensorBase):
        a, b = F._float_pair(input, other)
        return apply(OPS["copysign"], (a, b))
    a = input if dtypes.is_float_np(input._data.dtype) else input.to(dtypes.get_default_dtype())
    return apply(OPS["copysign_scalar"], (a,), float(other))


def float_power_dtype(*operands):
    """float_power computes in Double, or in ComplexDouble when an operand (tensor or number) is complex."""
    complex_ = any(isinstance(x, complex) or isinstance(x, TensorBase) and x._data.dtype.kind == "c"
                   for x in operands)
    return dtypes.complex128 if complex_ else dtypes.float64


def float_power(input, exponent, *, out=None):
    """pow in Double (ComplexDouble for a complex operand); an out= of another dtype is refused first."""
    if out is not None and not isinstance(out, TensorBase):
        raise arg_parser.invalid_combination("float_power", SIGNATURES["float_power"], (input, exponent),
                                             {"out": out})
    to = float_power_dtype(input, exponent)
    wanted = np.dtype(to.np)
    if isinstance(out, TensorBase) and out._data.dtype != wanted:   # (ATen checks it before anything else)
        raise RuntimeError(f"the output given to float_power has dtype {dtypes.scalar_name(out._data.dtype)} but "
                           f"the operation's result requires dtype {dtypes.scalar_name(wanted)}")
    number = complex if wanted.kind == "c" else float
    base = input.to(to) if isinstance(input, TensorBase) else number(input)
    exp = exponent.to(to) if isinstance(exponent, TensorBase) else number(exponent)
    if wanted.kind == "c" and not isinstance(base, TensorBase):   # (a complex number base: a 0-d ComplexDouble)
        base = wrap(np.asarray(base, np.complex128))
    result = F.pow(base, exp)
    return result if out is None else F.write_out(result, out, "pow")   # (ATen's float_power_out is pow_out)


def logaddexp2(input, other):
    return apply(OPS["logaddexp2"], F.log_pair("logaddexp2", input, other))


FUNCTIONS = {
    "fliplr": fliplr, "flipud": flipud, "rot90": rot90, "tril_indices": tril_indices, "triu_indices": triu_indices,
    "argwhere": argwhere, "take_along_dim": take_along_dim, "tensor_split": tensor_split, "cummax": cummax,
    "cummin": cummin, "kthvalue": kthvalue, "mode": mode, "msort": msort, "aminmax": aminmax, "nansum": nansum,
    "nanmean": nanmean, "quantile": quantile, "searchsorted": searchsorted, "bucketize": bucketize, "isin": isin,
    "unique_consecutive": unique_consecutive, "kron": kron, "cartesian_prod": cartesian_prod,
    "block_diag": block_diag, "vander": vander,
    # (PyTorch parses trapezoid's overloads first: x and dx together are its "invalid combination" TypeError)
    "trapezoid": arg_parser.checked(trapezoid, "trapezoid", SIGNATURES["trapezoid"]), "signbit": signbit, "heaviside": heaviside,
    "copysign": copysign, "float_power": float_power, "logaddexp2": logaddexp2,
}
