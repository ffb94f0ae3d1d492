"""Torch-style text for tensors: ``repr``/``str`` exactly as PyTorch 2.13 prints them.

The engine hands over plain numpy values; this module only turns them into strings
(imports only numpy and the standard library).

>>> import numpy as np
>>> format_tensor(np.array([1.0, 2.0, 3.0], dtype=np.float32), "float32", requires_grad=True)
'tensor([1., 2., 3.], requires_grad=True)'
>>> format_size((2, 3))
'torch.Size([2, 3])'
"""
from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import math

import numpy as np

# The dtype torch.get_default_dtype() would report; it is never printed as a suffix.
DEFAULT_DTYPE = "float32"
# Dtypes whose values already say what they are (1 vs 1. vs True): no ``dtype=`` suffix.
_SELF_EVIDENT = ("int64", "bool")


@dataclasses.dataclass
class PrintOptions:
    """The knobs of torch.set_printoptions, with torch's defaults (torch._tensor_str.PRINT_OPTS, whose class
    PyTorch names __PrinterOptions in its repr)."""
    __qualname__ = "__PrinterOptions"

    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: bool | None = None


OPTIONS = PrintOptions()
_LOCAL = contextvars.ContextVar("autograd_magic_print_options", default=None)


def _options() -> PrintOptions:
    """The options in force: local_options() inside its block, else the global ones (set_printoptions)."""
    return _LOCAL.get() or OPTIONS


def options_in_force() -> tuple:
    """The options in force as a tuple (precision, threshold, edgeitems, linewidth, sci_mode): what a text
    printed now depends on besides the values (views/format.py keys its memo of texts with it)."""
    o = _options()
    return (o.precision, o.threshold, o.edgeitems, o.linewidth, o.sci_mode)


@contextlib.contextmanager
def local_options(**changes):
    """Print with these options inside the block only, for this context (thread, task) alone: the global
    options (torch.set_printoptions) stay as they are, so a view that prints at its own precision changes
    nothing for the user's code.

    >>> with local_options(precision=2):
    ...     format_tensor(np.array([1.12345], dtype=np.float32), "float32")
    'tensor([1.12])'
    """
    token = _LOCAL.set(dataclasses.replace(_options(), **changes))
    try:
        yield
    finally:
        _LOCAL.reset(token)

_PROFILES = {
    "default": dict(precision=4, threshold=1000, edgeitems=3, linewidth=80),
    "short": dict(precision=2, threshold=1000, edgeitems=2, linewidth=80),
    "full": dict(precision=4, threshold=math.inf, edgeitems=3, linewidth=80),
}


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     profile=None, sci_mode=None):
    """Set printing options, as torch.set_printoptions.

    A profile ("default", "short", "full") is applied first, explicit options override it,
    and ``sci_mode`` is always reset (to None unless given), just as in torch.

    >>> set_printoptions(precision=2)
    >>> format_tensor(np.array([1.12345], dtype=np.float32), "float32")
    'tensor([1.12])'
    >>> set_printoptions(profile="default")
    """
    for name, value in _PROFILES.get(profile, {}).items():
        setattr(OPTIONS, name, value)
    given = dict(precision=precision, threshold=threshold, edgeitems=edgeitems, linewidth=linewidth)
    for name, value in given.items():
        if value is not None:
            setattr(OPTIONS, name, value)
    OPTIONS.sci_mode = sci_mode


def get_printoptions() -> dict:
    """The current options as a dict that can be passed back to set_printoptions(**...)."""
    return dataclasses.asdict(OPTIONS)


def format_size(shape) -> str:
    """``torch.Size([2, 3])`` for the shape (2, 3)."""
    return "torch.Size([" + ", ".join(str(int(n)) for n in shape) + "])"


def format_parameter(data: np.ndarray, dtype_name: str, *, requires_grad: bool = True) -> str:
    """The repr of an ``nn.Parameter``: ``Parameter containing:`` above the tensor's repr."""
    return format_tensor(data, dtype_name, requires_grad=requires_grad,
                         prefix="Parameter containing:\ntensor(")


def format_tensor(data: np.ndarray, dtype_name: str, *, requires_grad: bool = False,
                  grad_fn_name: str | None = None, prefix: str = "tensor(",
                  indent: int | None = None, tangent: str | None = None) -> str:
    """The repr torch gives a CPU tensor with these values and dtype.

    ``prefix`` may span lines (as a Parameter's does); alignment and suffix wrapping count
    from its last line, whose length is the default ``indent``.

    >>> format_tensor(np.zeros((0, 3)), "float64")
    'tensor([], size=(0, 3), dtype=torch.float64)'
    >>> format_tensor(np.array(2.0), "float32", grad_fn_name="MulBackward0")
    'tensor(2., grad_fn=<MulBackward0>)'
    """
    data = np.asarray(data)
    head, newline, prefix = prefix.rpartition("\n")
    indent = len(prefix) if indent is None else indent
    dtype_suffix = f"dtype=torch.{dtype_name}"
    suffixes = []
    if data.size == 0:
        # Nothing shows the dtype of an empty tensor, so torch names every dtype but the default one (complex64,
        # int64 and bool too)
        body = "[]"
        if data.ndim != 1:
            suffixes.append(f"size={tuple(data.shape)}")
        if dtype_name != DEFAULT_DTYPE:
            suffixes.append(dtype_suffix)
    else:
        body = _tensor_body(data, _is_floating(dtype_name, data), indent)
        if not _options().edgeitems:
            suffixes.append(f"size={tuple(data.shape)}")
        if dtype_name != DEFAULT_DTYPE and dtype_name not in _SELF_EVIDENT and dtype_name != _default_complex():
            suffixes.append(dtype_suffix)
    if grad_fn_name is not None:
        suffixes.append(f"grad_fn=<{grad_fn_name}>")
    elif requires_grad:
        suffixes.append("requires_grad=True")
    if tangent is not None:  # a dual tensor of forward AD: its tangent's text
        suffixes.append(f"tangent={tangent}")
    return head + newline + _add_suffixes(prefix + body, suffixes, indent)


def format_quantized(values: np.ndarray, suffixes: list) -> str:
    """A quantized tensor: its dequantized (float32) values, then its suffixes (size, dtype, scheme, parameters)."""
    return _add_suffixes("tensor(" + _tensor_body(values, True, 7), suffixes, 7)


def _default_complex() -> str:
    """The complex dtype torch prints without a suffix: the one of the default dtype's precision."""
    return "complex128" if DEFAULT_DTYPE == "float64" else "complex64"


def _is_floating(dtype_name: str, data: np.ndarray) -> bool:
    return dtype_name.startswith(("float", "bfloat")) or data.dtype.kind == "f"


def _tensor_body(data: np.ndarray, floating: bool, indent: int) -> str:
    """The bracketed values, with the columns sized from what is actually shown."""
    summarize = data.size > _options().threshold
    if data.dtype.kind == "c":   # the real and imaginary parts each get their own style and width
        shown = _shown_values(data) if summarize else data.ravel()
        return _render(data, indent, summarize, _ComplexFormatter(shown))
    if floating and data.dtype.kind != "f":
        data = data.astype(np.float64)
    shown = _shown_values(data) if summarize else data.ravel()
    return _render(data, indent, summarize, _Formatter(shown, floating))


def format_sparse(indices: np.ndarray, values: np.ndarray, dtype_name: str, shape, *,
                  requires_grad: bool = False, grad_fn_name: str | None = None) -> str:
    """The repr torch gives a sparse COO tensor: its indices and values as two tensors, then size, nnz, dtype
    (when not the default, its complex dtype, int64 or bool), layout and the autograd suffix, the first suffix on a line of its own.

    >>> print(format_sparse(np.array([[0, 1], [1, 0]]), np.array([2.0, 3.0], dtype=np.float32), "float32", (2, 2)))
    tensor(indices=tensor([[0, 1],
                           [1, 0]]),
           values=tensor([2., 3.]),
           size=(2, 2), nnz=2, layout=torch.sparse_coo)
    """
    indent = len("tensor(")
    parts = []
    for name, data, floating in (("indices", indices, False), ("values", values, _is_floating(dtype_name, values))):
        prefix = f"{name}=tensor("
        body = "[]" if data.size == 0 else _tensor_body(data, floating, indent + len(prefix))
        if data.size == 0:
            body += f", size={tuple(data.shape)}"
        parts.append(prefix + body + ")")
    suffixes = [f"size={tuple(int(n) for n in shape)}", f"nnz={values.shape[0]}"]
    if dtype_name != DEFAULT_DTYPE and dtype_name not in _SELF_EVIDENT and dtype_name != _default_complex():
        suffixes.append(f"dtype=torch.{dtype_name}")
    suffixes.append("layout=torch.sparse_coo")
    if grad_fn_name is not None:
        suffixes.append(f"grad_fn=<{grad_fn_name}>")
    elif requires_grad:
        suffixes.append("requires_grad=True")
    return _add_suffixes("tensor(" + (",\n" + " " * indent).join(parts), suffixes, indent, force_newline=True)


def _add_suffixes(text: str, suffixes: list, indent: int, force_newline: bool = False) -> str:
    """Append ``, suffix`` items, moving one to a new line when it would pass the line width (the first one
    always, with force_newline: a sparse tensor's size)."""
    parts = [text]
    # torch's running count starts two above the true last-line length; mirror it exactly.
    line_len = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if force_newline or line_len + len(suffix) + 2 > _options().linewidth:
            parts.append(",\n" + " " * indent + suffix)
            line_len = indent + len(suffix)
            force_newline = False
        else:
            parts.append(", " + suffix)
            line_len += len(suffix) + 2
    return "".join(parts) + ")"


# ---------------------------------------------------------------- choosing a number style

class _Formatter:
    """Picks one style for every number of a tensor (int-like, fixed or scientific) and its width."""

    def __init__(self, values: np.ndarray, floating: bool):
        self.floating = floating
        self.int_mode = True
        self.sci_mode = False
        self.width = 1
        if floating:
            self._fit_floats(values)
        elif values.size:
            self.width = max(len(str(v)) for v in (values.min().item(), values.max().item()))

    def _fit_floats(self, values: np.ndarray):
        finite = values[np.isfinite(values) & (values != 0)]
        if finite.size == 0:
            return  # only zeros, nan and inf: int style, whatever sci_mode says (as torch)
        self.int_mode = bool(np.all(finite == np.ceil(finite)))
        magnitudes = np.abs(finite).astype(np.float64)
        low, high = float(magnitudes.min()), float(magnitudes.max())
        automatic = high / low > 1000.0 or high > 1.0e8 or low < 1.0e-4
        self.sci_mode = automatic if _options().sci_mode is None else _options().sci_mode
        self.width = max(len(self.text(v)) for v in _widest_candidates(finite))

    def text(self, value) -> str:
        """One number in the chosen style, unpadded."""
        if not self.floating:
            return str(value)
        precision = _options().precision
        if self.sci_mode:
            return f"{value:.{precision}e}"
        if self.int_mode:
            # A trailing dot marks float tensors whose values are all whole.
            return f"{value:.0f}" + ("." if math.isfinite(value) else "")
        return f"{value:.{precision}f}"

    def format(self, value) -> str:
        return self.text(value).rjust(self.width)


class _ComplexFormatter:
    """A complex number as torch prints it: the real part in its style, the imaginary part in its own, glued by
    its sign (``1.0000-0.5000j``); the width counts both and the ``j``."""

    def __init__(self, values: np.ndarray):
        self.real = _Formatter(values.real, True)
        self.imag = _Formatter(values.imag, True)
        self.width = self.real.width + self.imag.width + 1

    def format(self, value) -> str:
        value = complex(value)
        real = self.real.format(value.real)
        imag = (self.imag.format(value.imag) + "j").lstrip()
        return real + imag if imag[0] in "+-" else real + "+" + imag


def _widest_candidates(finite: np.ndarray) -> list:
    """The values whose text can be the widest: the smallest and largest magnitude of each sign.

    Rounding is monotonic, so no value in between has more digits or a longer exponent;
    checking four values instead of all keeps printing large tensors fast.
    """
    picks = []
    for part in (finite[finite > 0], finite[finite < 0]):
        if part.size:
            picks += [part.min().item(), part.max().item()]
    return picks


def _shown_values(data: np.ndarray) -> np.ndarray:
    """The values a summarised print shows, flattened (torch sizes columns from these alone)."""
    edge = _options().edgeitems
    if data.ndim == 0:
        return data.ravel()
    if data.ndim == 1:
        # data[-0:] is the whole vector, a quirk torch shares when edgeitems is 0.
        return np.concatenate([data[:edge], data[-edge:]]) if len(data) > 2 * edge else data
    if not edge:
        return data.ravel()[:0]
    return np.concatenate([_shown_values(data[i]) for i in _shown_rows(len(data), True)])


def _shown_rows(length: int, summarize: bool) -> list:
    edge = _options().edgeitems
    if summarize and length > 2 * edge:
        return [*range(edge), *range(length - edge, length)]
    return list(range(length))


# ---------------------------------------------------------------- laying out the brackets

def _render(data: np.ndarray, indent: int, summarize: bool, fmt: _Formatter) -> str:
    """Nested brackets; sub-blocks of a d-dim tensor are separated by d-1 line breaks."""
    if data.ndim == 0:
        return fmt.format(data.item())
    if data.ndim == 1:
        return _render_vector(data, indent, summarize, fmt)
    rows = [_render(data[i], indent + 1, summarize, fmt) for i in _shown_rows(len(data), summarize)]
    if summarize and len(data) > 2 * _options().edgeitems:
        rows.insert(_options().edgeitems, "...")
    separator = "," + "\n" * (data.ndim - 1) + " " * (indent + 1)
    return "[" + separator.join(rows) + "]"


def _render_vector(data: np.ndarray, indent: int, summarize: bool, fmt: _Formatter) -> str:
    """One row of numbers, wrapped so that each line fits the line width."""
    edge = _options().edgeitems
    if summarize and not edge:
        items = ["..."]
    elif summarize and len(data) > 2 * edge:
        items = ([fmt.format(v) for v in data[:edge].tolist()] + [" ..."]
                 + [fmt.format(v) for v in data[-edge:].tolist()])
    else:
        items = [fmt.format(v) for v in data.tolist()]
    per_line = max(1, math.floor((_options().linewidth - indent) / (fmt.width + 2)))
    lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"
