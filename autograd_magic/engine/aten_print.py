"""A tensor as ATen's C++ ``operator<<`` prints it into an error message (c10 Formatting.cpp): one number format
for the whole matrix (integers in C++'s default float format, or fixed with 4 decimals, with a power-of-ten scale
line, or scientific with 4 decimals), matrices wider than 80 characters split into "Columns a to b" blocks, the
slices of a tensor of more than two dims each headed "(i,j,.,.) = " with its first dim varying fastest, and the
closing ``[ torch.FloatTensor{2,3} ]``. Some of its quirks are kept: a matrix's first row has no indent, nor does a
column block's."""
import math

import numpy as np

from .dtypes import type_string

_LINE = 80


def _cpp_default(v):
    """C++'s defaultfloat with precision 6 (printf's %g)."""
    return "%g" % v


def _scale_line(scale):
    """The power-of-ten line above scaled numbers: "0.001 *", "1000000 *", "1e-05 *" (measured on PyTorch)."""
    return ("%d *\n" % scale) if scale >= 1 else ("%g *\n" % scale)


def _format(values):
    """(scale, width, formatter) for these float64 values, as ATen's __printFormat."""
    if values.size == 0:
        return 1.0, 0, _cpp_default
    finite = values[np.isfinite(values)]
    int_mode = bool(np.all(finite == np.ceil(finite)))
    exp_min = exp_max = 1.0
    if finite.size:
        mags = np.abs(finite)
        lo, hi = float(mags.min()), float(mags.max())
        exp_min = math.floor(math.log10(lo)) + 1 if lo != 0 else 1
        exp_max = math.floor(math.log10(hi)) + 1 if hi != 0 else 1
    if int_mode:
        if exp_max > 9:
            return 1.0, 11, lambda v: "%.4e" % v
        return 1.0, int(exp_max + 1), _cpp_default
    if exp_max - exp_min > 4:
        width = 12 if abs(exp_max) > 99 or abs(exp_min) > 99 else 11
        return 1.0, width, lambda v: "%.4e" % v
    fixed = lambda v: "%.4f" % v   # noqa: E731
    if exp_max > 5 or exp_max < 0:
        return math.pow(10.0, exp_max - 1), 7, fixed   # C pow: 1e-11, where 10.0 ** -11 is not
    return 1.0, (7 if exp_max == 0 else int(exp_max + 6)), fixed


def _matrix(m, indent):
    scale, width, fmt = _format(m.ravel())
    out = []
    per_line = (_LINE - indent) // (width + 1)
    rows, cols = m.shape
    first = 0
    while first < cols:
        last = min(first + per_line, cols) - 1
        if per_line < cols:
            if first != 0:
                out.append("\n")
            out.append(f"Columns {first + 1} to {last + 1}" + " " * indent)
        if scale != 1:
            out.append(_scale_line(scale) + " " * indent)
        for r in range(rows):
            out.append(" ".join(fmt(v / scale).rjust(width) for v in m[r, first:last + 1]) + "\n")
            if r != rows - 1:
                out.append(" " * indent + (" " if scale != 1 else ""))
        first = last + 1
    return "".join(out)


def aten_str(data):
    """The text ATen's ``operator<<(std::ostream&, const Tensor&)`` writes for this (real) array."""
    data = np.asarray(data)
    name = type_string(data.dtype)
    values = data.real.astype(np.float64) if data.dtype.kind != "b" else data.astype(np.float64)
    if data.ndim == 0:
        return f"{_cpp_default(float(values))}\n[ {name}{{}} ]"
    dims = ",".join(str(s) for s in data.shape)
    if data.size == 0:
        return f"[ {name}{{{dims}}} ]"
    if data.ndim == 1:
        scale, width, fmt = _format(values)
        head = _scale_line(scale) if scale != 1 else ""
        return head + "".join(fmt(v / scale).rjust(width) + "\n" for v in values) + f"[ {name}{{{dims}}} ]"
    if data.ndim == 2:
        return _matrix(values, 0) + f"[ {name}{{{dims}}} ]"
    blocks = []
    lead = data.shape[:-2]
    for index in np.ndindex(*lead[::-1]):   # the first dim varies fastest
        index = index[::-1]
        head = "(" + "".join(f"{i + 1}," for i in index) + ".,.) = \n"
        blocks.append(head + _matrix(values[index], 1))
    return "\n".join(blocks) + f"[ {name}{{{dims}}} ]"
