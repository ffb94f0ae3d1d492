"""The gradient table: one row per tensor a %%grad cell touched, as HTML (escaped) and aligned plain text."""
import html
import math

import numpy as np

from ..trace.model import INTERMEDIATE, OUTPUT
from .format import tensor_text
from .style import KIND_COLOURS as KIND_COLOUR, KIND_TEXT

NO_GRAD = "no gradient yet (no backward has reached it)"
COMPUTED_NOTE = "computed by %%grad (PyTorch keeps it only after retain_grad())"


def printable(text):
    """text with control, format (bidi overrides, zero-width) and separator characters written as escapes
    (``\\x1b``, ``\\u202e``), newlines kept: a name or expression cannot move the cursor, colour the terminal or
    reverse what follows it."""
    if text.isprintable():  # str.isprintable is False for every Cc, Cf, Zl, Zp, Cs, Co, Cn character
        return text
    return "".join(ch if ch == "\n" or ch.isprintable() else ascii(ch)[1:-1] for ch in text)


BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"


def sparkline(values, width=24):
    """A line of block characters for a history (``▇▅▃▂▁▁``): readable in HTML and in a terminal."""
    pts = [v for v in values if v is not None and math.isfinite(v)]
    if len(pts) < 2:
        return ""
    if len(pts) > width:   # the value at evenly spaced passes, the first and the last kept
        idx = np.linspace(0, len(pts) - 1, width).round().astype(int)
        pts = [pts[i] for i in idx]
    lo, hi = min(pts), max(pts)
    if hi == lo:
        return BLOCKS[0] * len(pts)
    return "".join(BLOCKS[min(len(BLOCKS) - 1, int((p - lo) / (hi - lo) * len(BLOCKS)))] for p in pts)


def history_text(info):
    """``100 passes: 18.67 → 0.0484`` and a sparkline of the values (outputs), the values or the norm (leaves)."""
    hist = info.history
    if not hist or info.passes < 2:
        return ""
    known = [v for v in hist if v is not None]
    if not known:
        return f"{info.passes} passes"
    what = "" if info.kind == OUTPUT or all(n == 1 for n in info.shape) else "norm "
    return f"{info.passes} passes: {what}{known[0]:.4g} \u2192 {known[-1]:.4g}\n{sparkline(hist)}"


class GradTable:
    """Rows of TensorInfo; shows itself as HTML in notebooks and as aligned text in a terminal."""

    def __init__(self, rows, precision=4):
        self.rows = list(rows)
        self.precision = precision

    def cells(self, info):
        """The row's columns as plain strings: name, kind, shape, dtype, value, gradient, note."""
        shape = "(" + ", ".join(str(n) for n in info.shape) + ("," if len(info.shape) == 1 else "") + ")"
        dtype = "" if info.dtype == "float32" else info.dtype
        value = tensor_text(info.value, info.dtype, self.precision)
        if info.grad is None:
            grad = NO_GRAD
        else:
            grad = tensor_text(info.grad, info.dtype, self.precision)
        notes = []
        if info.kind == OUTPUT and info.seed_grad is not None:
            notes.append("backward(gradient=" + tensor_text(info.seed_grad, info.dtype, self.precision) + ")")
        if info.kind == INTERMEDIATE and info.grad is not None and not info.retained:
            notes.append(COMPUTED_NOTE)
        if info.kind == OUTPUT and info.grad is not None:
            notes.append("where backward() started")
        notes.extend(info.notes)
        return [printable(info.label), KIND_TEXT[info.kind], shape, dtype, value, grad, history_text(info),
                "; ".join(notes)]

    HEADERS = ["name", "kind", "shape", "dtype", "value", "gradient", "over the passes", "note"]

    def _columns(self):
        if getattr(self, "_cached", None) is not None:
            return self._cached
        self._cached = self._compute_columns()
        return self._cached

    def _compute_columns(self):
        rows = [self.cells(r) for r in self.rows]
        keep = [i for i, h in enumerate(self.HEADERS)
                if h not in ("dtype", "note", "over the passes") or any(r[i] for r in rows)]
        return [self.HEADERS[i] for i in keep], [[r[i] for i in keep] for r in rows]

    def __repr__(self):
        if not self.rows:
            return "(no tensors that require grad in this cell)"
        headers, rows = self._columns()
        split = [[c.split("\n") for c in r] for r in [headers] + rows]
        widths = [max(len(line) for r in split for line in r[i]) for i in range(len(headers))]
        out = []
        for k, r in enumerate(split):
            height = max(len(c) for c in r)
            for j in range(height):
                out.append("  ".join((c[j] if j < len(c) else "").ljust(w) for c, w in zip(r, widths)).rstrip())
            if k == 0:
                out.append("  ".join("-" * w for w in widths))
        return "\n".join(out)

    def _repr_html_(self):
        if not self.rows:
            return "<p><em>(no tensors that require grad in this cell)</em></p>"
        headers, rows = self._columns()
        head = "".join(f"<th style='text-align:left'>{html.escape(h)}</th>" for h in headers)
        body = []
        for info, cells in zip(self.rows, rows):
            colour = KIND_COLOUR[info.kind]
            tds = "".join(f"<td style='text-align:left;vertical-align:top'><pre style='margin:0'>{html.escape(c)}"
                          "</pre></td>" for c in cells)
            body.append(f"<tr style='background:{colour}'>{tds}</tr>")
        return ("<table class='autograd-magic-table'>"
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
