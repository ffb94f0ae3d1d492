"""torch.histc and torch.histogram (counts in float, PyTorch's bin edges and bin rule)."""
import collections

import numpy as np

from .creation import linspace
from .optable import OPS
from .tensor_base import TensorBase, apply, wrap

_NAMES = {"int64": "Long", "int32": "Int", "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool",
          "float16": "Half"}


class histogram_result(collections.namedtuple("histogram", ["hist", "bin_edges"])):
    __slots__ = ()
    __module__ = "torch.return_types"

    def __repr__(self):
        return f"torch.return_types.histogram(\nhist={self.hist!r},\nbin_edges={self.bin_edges!r})"


def _check_float(input, what):
    name = input._data.dtype.name
    if name in _NAMES:
        raise NotImplementedError(f'"{what}" not implemented for \'{_NAMES[name]}\'')


def _c_float(v):
    """A float as C++'s stream writes it in ATen's messages: 0, 1.5, inf, -nan (a nan from a reduction is negative)."""
    v = float(v)
    if v != v:
        return "-nan" if np.signbit(v) else "nan"
    return "%g" % v


def histc(input, bins=100, min=0, max=0, *, out=None):
    """Counts of input in `bins` equal bins between min and max (the data's range when both are 0)."""
    _check_float(input, "histogram_cpu")
    if bins <= 0:
        raise RuntimeError(f"torch.histc(): bins must be > 0, but got {bins} for dimension 0")
    x = input._data.reshape(-1)
    dt = x.dtype.type
    lo, hi = dt(min), dt(max)
    if lo == hi and x.size:
        with np.errstate(invalid="ignore"):
            lo, hi = x.min(), x.max()
        if np.isnan(lo):   # ATen's min/max of data with a nan: a nan with the sign bit set
            lo = hi = -dt(np.nan)
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise RuntimeError(f"torch.histc: range of [{_c_float(lo)}, {_c_float(hi)}] is not finite")
    if lo == hi:
        lo, hi = lo - dt(1), hi + dt(1)
    if lo > hi:
        raise RuntimeError(f"torch.histc: max must be larger than min, but got min {lo} max {hi}")
    keep = x[(x >= lo) & (x <= hi)]
    pos = ((keep - lo) * dt(bins) / (hi - lo)).astype(np.int64)   # ATen's linear interpolation, no search
    pos[pos == bins] = bins - 1
    return wrap(np.bincount(pos, minlength=bins).astype(x.dtype))


def histogram(input, bins=100, *, range=None, weight=None, density=False, out=None):
    """(hist, bin_edges): bins an int (equal bins over range or the data's range) or a tensor of edges."""
    _check_float(input, "histogram_cpu")
    x = input._data.reshape(-1)
    if isinstance(bins, TensorBase):
        edges = bins._data.astype(x.dtype)
    else:
        if range is not None:
            lo, hi = range
        elif x.size:
            lo, hi = float(x.min()), float(x.max())
        else:
            lo, hi = 0.0, 0.0
        if not (np.isfinite(lo) and np.isfinite(hi)):
            raise RuntimeError(f"torch.histogramdd: dimension 0's range [{_c_float(lo)}, {_c_float(hi)}] is not "
                               "finite")
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5  # PyTorch widens an empty range
        edges = linspace(lo, hi, bins + 1, dtype=input.dtype)._data
    n = edges.size - 1
    inside = (x >= edges[0]) & (x <= edges[-1])
    vals = x[inside]
    pos = np.searchsorted(edges, vals, side="right") - 1
    pos[vals == edges[-1]] = n - 1
    w = None if weight is None else weight._data.reshape(-1)[inside]
    hist = np.bincount(pos, weights=w, minlength=n).astype(x.dtype)
    if density:
        hist = hist / (hist.sum() * np.diff(edges)).astype(x.dtype)
    hist, edges = hist.astype(x.dtype), np.array(edges)
    # (histc's result does not require grad; histogram's two outputs do, their derivative not implemented)
    return histogram_result(*(apply(OPS["histogram_result"], (input,), out) for out in (hist, edges)))
