"""torch.histc, torch.histogram and torch.histogramdd (counts in float, PyTorch's bin edges and bin rule)."""
import builtins

import numpy as np

from .creation import linspace
from .optable import OPS, defop
from .return_types import return_type
from .tensor_base import TensorBase, apply, wrap

histogram_result = return_type("histogram", ("hist", "bin_edges"))


_KERNEL_TYPES = ("Float", "Double", "Half", "BFloat16")   # what ATen's histogram kernels are compiled for


def _check_float(input, what, kinds=_KERNEL_TYPES):
    name = input.dtype.scalar_name
    if name not in kinds:
        raise NotImplementedError(f'"{what}" not implemented for \'{name}\'')


def _c_float(v):
    """A float as C++'s stream writes it in ATen's messages: 0, 1.5, inf, -nan (a nan from a reduction is negative)."""
    v = float(v)
    if v != v:
        return "-nan" if np.signbit(v) else "nan"
    return "%g" % v


def _bins_positive(bins):
    if bins <= 0:
        raise RuntimeError(f"torch.histogram(): bins must be > 0, but got {bins} for dimension 0")


def _linspace_checked(input):
    """linspace_out into a tensor of the input's dtype: refused for bool."""
    if input.dtype.scalar_name == "Bool":
        raise NotImplementedError('"linspace_cpu" not implemented for \'Bool\'')


def histc(input, bins=100, min=0, max=0, *, out=None):
    """Counts of input in `bins` equal bins between min and max (the data's range when both are 0); ATen's order:
    the bin count, the range (in double; the data's aminmax when min == max), linspace of the edges, the kernel."""
    _bins_positive(bins)
    x = input._data.reshape(-1)
    lo, hi = float(min), float(max)
    if lo == hi and x.size:
        _check_float(input, "aminmax_cpu", _KERNEL_TYPES + ("Bool", "Byte", "Char", "Short", "Int", "Long"))
        with np.errstate(invalid="ignore"):
            lo, hi = float(x.min()), float(x.max())
        if np.isnan(lo) or np.isnan(hi):   # ATen's min/max of data with a nan: a nan with the sign bit set
            lo = hi = -np.nan
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise RuntimeError(f"torch.histc: range of [{_c_float(lo)}, {_c_float(hi)}] is not finite")
    if lo > hi:
        raise RuntimeError("torch.histc: max must be larger than min")
    _linspace_checked(input)
    _check_float(input, "histogram_cpu")
    dt = x.dtype.type
    lo, hi = dt(lo), dt(hi)   # the kernel reads the edges, in the input's dtype
    keep = x[(x >= lo) & (x <= hi)]
    pos = ((keep - lo) * dt(bins) / (hi - lo)).astype(np.int64)   # ATen's linear interpolation, no search
    pos[pos == bins] = bins - 1
    return wrap(np.bincount(pos, minlength=bins).astype(x.dtype))


def _shape(shape):
    return f"[{', '.join(map(str, shape))}]"


def _check_inputs(input, edges, weight):
    """histogramdd_check_inputs for a 1-d histogram (input seen as [numel, 1], weight as [numel])."""
    if edges is not None:
        if edges.dtype != input.dtype:
            raise RuntimeError("torch.histogramdd: input tensor and bins tensors should have the same dtype, but got "
                               f"input with dtype {input.dtype.c_name} and bins for dimension 0 with dtype "
                               f"{edges.dtype.c_name}")
        if edges.ndim != 1:
            raise RuntimeError("torch.histogramdd: bins tensor should have one dimension, but got "
                               f"{edges.ndim} dimensions in the bins tensor for dimension 0")
        if edges.numel() == 0:
            raise RuntimeError("torch.histogramdd: bins tensor should have at least 1 element, but got 0 elements "
                               "in the bins tensor for dimension 0")
    if weight is not None:
        if weight.dtype != input.dtype:
            raise RuntimeError("torch.histogramdd: if weight tensor is provided, input tensor and weight tensor "
                               f"should have the same dtype, but got input({input.dtype.c_name}), and "
                               f"weight({weight.dtype.c_name})")
        if weight.numel() != input.numel():
            raise RuntimeError("torch.histogramdd: if weight tensor is provided it should have the same shape as the "
                               "input tensor excluding its innermost dimension, but got input with shape "
                               f"{_shape((input.numel(), 1))} and weight with shape {_shape((weight.numel(),))}")


def _upper_bound(edges, vals):
    """std::upper_bound of each value in edges (its binary search, also on edges that are not sorted)."""
    first = np.zeros(vals.shape, np.int64)
    count = np.full(vals.shape, edges.size, np.int64)
    while (count > 0).any():
        step = count // 2
        it = first + step
        right = (count > 0) & ~(vals < edges[np.minimum(it, edges.size - 1)])
        first = np.where(right, it + 1, first)
        count = np.where(right, count - step - 1, np.where(count > 0, step, 0))
    return first


def histogram(input, bins=100, *, range=None, weight=None, density=False, out=None):
    """(hist, bin_edges): bins an int (equal bins over range or the data's range) or a tensor of edges; ATen's
    checks in its order (the bin count, the range, the edges and weight, then the kernel's dtypes)."""
    x = input._data.reshape(-1)
    if isinstance(bins, TensorBase):
        _check_inputs(input, bins, weight)
        _bins_positive(bins.numel() - 1)
        _check_float(input, "histogram_cpu")
        edges = bins._data
    else:
        _bins_positive(bins)
        if range is not None and len(range) != 2:
            raise RuntimeError("torch.histogramdd: for a 1-dimensional histogram range should have 2 elements, but "
                               f"got {len(range)}")
        if range is not None:
            lo, hi = (float(v) for v in range)
        elif x.size:
            _check_float(input, "histogramdd", ("Float", "Double"))
            lo, hi = float(x.min()), float(x.max())
        else:
            lo, hi = 0.0, 1.0   # ATen's range for no data
        if not (np.isfinite(lo) and np.isfinite(hi)):
            raise RuntimeError(f"torch.histogramdd: dimension 0's range [{_c_float(lo)}, {_c_float(hi)}] is not "
                               "finite")
        if lo > hi:
            raise RuntimeError(f"torch.histogramdd: min should not exceed max, but got min {_c_float(lo)} max "
                               f"{_c_float(hi)} for dimension 0")
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5  # PyTorch widens an empty range
        _linspace_checked(input)
        _check_inputs(input, None, weight)
        _check_float(input, "histogram_cpu")
        edges = linspace(lo, hi, bins + 1, dtype=input.dtype)._data
    n = edges.size - 1
    inside = (x >= edges[0]) & (x <= edges[-1])
    vals = x[inside]
    pos = _upper_bound(edges, vals) - 1
    pos[pos == n] = n - 1
    w = None if weight is None else weight._data.reshape(-1)[inside]
    hist = np.bincount(pos, weights=w, minlength=n).astype(x.dtype)
    if density:
        hist = hist / (hist.sum() * np.diff(edges)).astype(x.dtype)
    hist, edges = hist.astype(x.dtype), np.array(edges)
    # (histc's result does not require grad; histogram's two outputs do, their derivative not implemented)
    return histogram_result((apply(OPS["histogram_result"], (input,), out) for out in (hist, edges)))


histogramdd_result = return_type("histogramdd", ("hist", "bin_edges"))


@defop("histogramdd_result", "NotImplemented", lambda a, out: out, qualname="torch::autograd::NotImplemented")
def histogramdd_vjp(xp, grad, saved, consts, needs):
    """PyTorch records histogramdd's outputs under a node whose backward raises."""
    raise RuntimeError("derivative for aten::_histogramdd_from_bin_cts is not implemented")


def _edges(column, bins, lo_hi, dim, dtype):
    """ATen's bin edges of one dimension: `bins` equal bins over its range (the data's when none is given;
    an empty range widened by 0.5 each way)."""
    if lo_hi is not None:
        lo, hi = (float(v) for v in lo_hi)
    elif column.size:
        lo, hi = float(column.min()), float(column.max())
    else:
        lo, hi = 0.0, 1.0   # ATen's range for no data
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise RuntimeError(f"torch.histogramdd: dimension {dim}'s range [{_c_float(lo)}, {_c_float(hi)}] is not "
                           "finite")
    if lo > hi:
        raise RuntimeError(f"torch.histogramdd: min should not exceed max, but got min {_c_float(lo)} max "
                           f"{_c_float(hi)} for dimension {dim}")
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    return linspace(lo, hi, bins + 1, dtype=dtype)._data


def histogramdd(input, bins=10, *, range=None, weight=None, density=False):
    """(hist, bin_edges) of the points input[..., :] in D dimensions: bins an int, one int per dimension or one
    tensor of edges per dimension; a point on a bin's right edge counts in that bin only at the last edge."""
    if input.ndim < 2:
        raise RuntimeError("torch.histogramdd: input tensor should have at least 2 dimensions")
    d = input.shape[-1]
    per_dim = [bins] * d if isinstance(bins, int) else list(bins)
    if len(per_dim) != d:
        raise RuntimeError("histogramdd: The size of bins must be equal to the innermost dimension of the input.")
    _check_float(input, "histogramdd")
    for i, b in enumerate(per_dim):
        if not isinstance(b, TensorBase) and b <= 0:
            raise RuntimeError(f"torch.histogram(): bins must be > 0, but got {b} for dimension {i}")
    if range is not None and len(range) != 2 * d:
        raise RuntimeError(f"torch.histogramdd: for a {d}-dimensional histogram range should have {2 * d} elements, "
                           f"but got {len(range)}")
    points = input._data.reshape(-1, d)
    if weight is not None and tuple(weight.shape) != tuple(input.shape[:-1]):
        raise RuntimeError(f"torch.histogramdd: if weight tensor is provided it should have the same shape as the "
                           f"input tensor excluding its innermost dimension, but got input with shape "
                           f"[{', '.join(map(str, input.shape))}] and weight with shape "
                           f"[{', '.join(map(str, weight.shape))}]")
    edges = [b._data.astype(points.dtype) if isinstance(b, TensorBase) else
             _edges(points[:, i], b, None if range is None else range[2 * i:2 * i + 2], i, input.dtype)
             for i, b in enumerate(per_dim)]
    inside = np.ones(points.shape[0], bool)
    for i, e in enumerate(edges):
        inside &= (points[:, i] >= e[0]) & (points[:, i] <= e[-1])
    pos = []
    for i, e in enumerate(edges):
        v = points[inside, i]
        p = np.searchsorted(e, v, side="right") - 1
        p[v == e[-1]] = e.size - 2
        pos.append(p)
    shape = tuple(e.size - 1 for e in edges)
    flat = np.ravel_multi_index(pos, shape) if pos and pos[0].size else np.zeros(0, np.int64)
    w = None if weight is None else weight._data.reshape(-1)[inside]
    hist = np.bincount(flat, weights=w, minlength=int(np.prod(shape))).astype(points.dtype).reshape(shape)
    if density:
        hist = hist / hist.sum()
        for i, e in enumerate(edges):
            hist = hist / np.diff(e).reshape([-1 if j == i else 1 for j in builtins.range(d)])
        hist = hist.astype(points.dtype)
    outs = [apply(OPS["histogramdd_result"], (input,), v) for v in (hist, *edges)]
    return histogramdd_result((outs[0], tuple(outs[1:])))
