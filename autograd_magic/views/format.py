"""The one number formatter of the views: every value and gradient on screen is written by this module.

- ``value_text``: values on one line with PyTorch's digits (``7.``, ``[4.0000, 5.3333]``), big arrays as shape and
  dtype: for diagram boxes, steps and notes;
- ``tensor_text``: an array exactly as PyTorch prints it (summarised when big), without the ``tensor(...)``
  wrapper: for the table. It uses the engine's PyTorch-exact printer (numpy only, it holds no engine object) with
  options local to the call, so the user's ``torch.set_printoptions`` stays as it was.

>>> import re

import numpy as np
>>> value_text(np.array([4.0, 16 / 3, 20 / 3]), 4)
'[4.0000, 5.3333, 6.6667]'
>>> value_text(np.array(7.0), 4)
'7.'
>>> tensor_text(np.array([1 / 3, 2.0], dtype=np.float32), "float32", 2)
'[0.33, 2.00]'
"""
from __future__ import annotations

import functools
import re

import numpy as np

from ..engine import printing

MAX_ITEMS = 8          # value_text: arrays with more elements show their shape and dtype instead of their values


THRESHOLD, EDGEITEMS = 16, 3  # tensor_text(summarise=True): more elements print as [a, b, c, ..., x, y, z]


# The texts of arrays written lately: a view writes the same array several times (the table's text and HTML,
# the graph's box) and a cell run again shows mostly the same values (its data, its parameters at the start).
# Keyed by the values' bytes, so a text is reused only for the very same values, dtype and options; arrays
# of up to _MEMO_ELEMENTS elements, the latest _MEMO_SIZE texts.
_TEXTS = {}
_MEMO_ELEMENTS, _MEMO_SIZE = 4096, 256


def _remembered(fn):
    """fn(arr, ...) -> text, remembered in _TEXTS by arr's values, the print options in force and the other
    arguments."""
    @functools.wraps(fn)
    def remembered(arr, *args, **kwargs):
        a = arr if arr.__class__ is np.ndarray else np.asarray(arr)
        if a.size > _MEMO_ELEMENTS or a.dtype.kind == "O":
            return fn(arr, *args, **kwargs)
        # (the options in force: the user's torch.set_printoptions, sci_mode, threshold ..., shape the text too)
        key = (fn.__name__, a.shape, a.dtype.str, a.tobytes(), printing.options_in_force(), args,
               tuple(kwargs.items()))
        text = _TEXTS.get(key)
        if text is None:
            text = fn(arr, *args, **kwargs)
            if len(_TEXTS) >= _MEMO_SIZE:
                del _TEXTS[next(iter(_TEXTS))]   # the oldest (dicts keep insertion order)
            _TEXTS[key] = text
        return text
    return remembered


@_remembered
def tensor_text(arr, dtype: str, precision: int = 4, *, linewidth=None, summarise=False, dtype_suffix=True) -> str:
    """An array as PyTorch prints it (summarised when big), without the ``tensor(...)`` wrapper.

    linewidth: PyTorch's line width (its default 80 when None); summarise: summarise past THRESHOLD elements
    rather than PyTorch's 1000; dtype_suffix=False leaves out ``, dtype=torch.float64`` (a table shows it once).

    >>> tensor_text(np.arange(20.0), "float64", 0, summarise=True, dtype_suffix=False)
    '[ 0.,  1.,  2.,  ..., 17., 18., 19.]'
    """
    changes = {"precision": precision}
    if linewidth is not None:
        changes["linewidth"] = linewidth
    if summarise:
        changes.update(threshold=THRESHOLD, edgeitems=EDGEITEMS)
    with printing.local_options(**changes):
        text = printing.format_tensor(arr, dtype, prefix="")
    text = text[:-1] if text.endswith(")") else text
    if not dtype_suffix:
        text = _DTYPE_SUFFIX.sub("", text)
    return text


@_remembered
def tensor_repr(arr, dtype: str, precision: int = 4, *, parameter=False) -> str:
    """The text ``print(t)`` gives in PyTorch for a tensor with these values (``tensor([...])``, or
    ``Parameter containing:`` above it for an ``nn.Parameter``), summarised only where PyTorch summarises it
    (past 1000 elements).

    >>> tensor_repr(np.array([1.0, 2.5], dtype=np.float32), "float32", parameter=True)
    'Parameter containing:\\ntensor([1.0000, 2.5000], requires_grad=True)'
    """
    with printing.local_options(precision=precision):
        if parameter:
            return printing.format_parameter(np.asarray(arr), dtype)
        return printing.format_tensor(np.asarray(arr), dtype)


def figures(arr, dtype: str, precision: int = 4):
    """{"norm", "mean", "min", "max"} of an array, each written as PyTorch prints the 0-d tensor ``t.norm()``,
    ``t.mean()`` ... (``0.6281``, ``4.5635e-08``): what a learner sees printing them; None for an empty or
    non-numeric array. (One style for the four, as a 4-element tensor prints, turns ``2.2070`` into
    ``2.2070e+00`` whenever the mean of a gradient is near 0, which it often is.)

    >>> figures(np.array([3.0, -4.0], dtype=np.float32), "float32")
    {'norm': '5.', 'mean': '-0.5000', 'min': '-4.', 'max': '3.'}
    >>> figures(np.array([2e-4, -6e-5], dtype=np.float32), "float32")["min"]
    '-6.0000e-05'
    """
    a = np.asarray(arr)
    if a.size == 0 or a.dtype.kind not in "fiub":
        return None
    wide = a.astype(np.float64, copy=False)
    with np.errstate(all="ignore"):
        values = {"norm": np.sqrt(np.sum(np.square(wide))), "mean": wide.mean(), "min": wide.min(),
                  "max": wide.max()}
    shown = dtype if a.dtype.kind == "f" else "float32"
    return {k: tensor_text(np.array(v, dtype=np.dtype(shown)), shown, precision, dtype_suffix=False)
            for k, v in values.items()}


_DTYPE_SUFFIX = re.compile(r",\s*dtype=torch\.\w+$", re.S)


def value_text(arr, precision: int = 4, *, dtype: str | None = None, max_items: int = MAX_ITEMS) -> str:
    """Values on one line with PyTorch's digits (``7.``, ``[4.0000, 5.3333]``); big arrays as shape and dtype.

    >>> value_text(np.ones((3, 4), dtype=np.float32), 4)
    'shape (3, 4), float32'
    """
    a = np.asarray(arr)
    if a.size > max_items:
        return f"shape {tuple(int(n) for n in a.shape)}, {dtype or a.dtype.name}"
    return _values(a, precision)


@_remembered
def _values(a, precision):
    return _nested(a, _number_format(a, precision))


def value_glance(arr, precision: int = 4, *, dtype: str | None = None, items: int = 2) -> str:
    """The first few values and the norm of a big array, on one line (under its ``shape ..., dtype`` line): what
    a glance at a big tensor should tell, as PyTorch would print the numbers.

    >>> value_glance(np.arange(12, dtype=np.float32).reshape(3, 4) / 4, 4)
    '[0.0000, 0.2500, …] norm 5.6236'
    """
    return _glance(np.asarray(arr), precision, dtype, items)


@_remembered
def _glance(a, precision, dtype, items):
    flat = a.reshape(-1)
    fmt = _number_format(flat, precision)
    head = "[" + ", ".join(fmt(v) for v in flat[:items]) + (", …]" if flat.size > items else "]")
    if a.dtype.kind not in "fiu" or a.size == 0:
        return head
    shown = (dtype or a.dtype.name) if a.dtype.kind == "f" else "float32"
    with np.errstate(all="ignore"):
        norm = np.sqrt(np.sum(np.square(a.astype(np.float64, copy=False))))
    try:
        norm_text = tensor_text(np.array(norm, dtype=np.dtype(shown)), shown, precision, dtype_suffix=False)
    except TypeError:   # a dtype numpy cannot make (bfloat16): the norm in float32's style
        norm_text = tensor_text(np.array(norm, dtype=np.float32), "float32", precision, dtype_suffix=False)
    return f"{head} norm {norm_text}"


def _number_format(a: np.ndarray, precision: int):
    """One style for all numbers of an array, chosen as torch chooses it (whole, fixed or scientific)."""
    if a.dtype.kind == "b":
        return lambda v: str(bool(v))
    if a.dtype.kind in "iu":
        return lambda v: str(int(v))
    if a.dtype.kind == "c":   # real and imaginary parts each in its own style, as torch prints them (4.1367-0.7565j)
        real, imag = _number_format(a.real, precision), _number_format(a.imag, precision)
        return lambda v: f"{real(v.real)}{'-' if np.signbit(v.imag) else '+'}{imag(abs(v.imag))}j"
    if a.dtype.kind != "f":
        return str
    finite = np.abs(a[np.isfinite(a) & (a != 0)].astype(np.float64))
    if finite.size == 0:
        return lambda v: f"{v:.0f}" + ("." if np.isfinite(v) else "")
    low, high = float(finite.min()), float(finite.max())
    if high / low > 1000.0 or high > 1.0e8 or low < 1.0e-4:
        return lambda v: f"{v:.{precision}e}"
    if np.all(finite == np.ceil(finite)):
        return lambda v: f"{v:.0f}" + ("." if np.isfinite(v) else "")
    return lambda v: f"{v:.{precision}f}"


def _nested(a: np.ndarray, fmt) -> str:
    if a.ndim == 0:
        return fmt(a.item())
    return "[" + ", ".join(_nested(row, fmt) for row in a) + "]"
