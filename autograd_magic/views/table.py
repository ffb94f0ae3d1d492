"""The gradient table: one row per tensor a %%grad cell touched, as HTML (escaped) and aligned plain text.

One style for every cell (with or without sliders, in JupyterLab, nbconvert or a static viewer): the styles are
inline, so no frontend stylesheet changes the layout. Lines wrap only between the elements of a tensor, never inside
a number or a word; big tensors are summarised as PyTorch does (``...``); a note that would repeat on several rows is
one footnote under the table; the dtype is a column (or one line when all tensors share it), never repeated in cells.
"""
import functools
import html
import math
import re
import urllib.parse

import numpy as np

from ..trace.model import INTERMEDIATE, OUTPUT
from .format import THRESHOLD, figures, tensor_repr
from .format import tensor_text as format_tensor_text
from .i18n import text
from .style import KIND_COLOURS as KIND_COLOUR

SUMMARY_NOTE = "summary_footnote"   # a line under the table (no mark) when a row shows figures for its values
FOOTNOTE_MARKS = "*\u2020\u2021"  # *, dagger, double dagger

# keep-all: a Korean word is not broken between its syllables (word-break:normal breaks Hangul anywhere: "모양"
# became "모" over "양" in a narrow column); lines break at spaces, as in English
TABLE_STYLE = ("border-collapse:collapse;margin:0.3em 0;font-size:12px;line-height:1.4;table-layout:auto;"
               "word-break:keep-all;overflow-wrap:normal;white-space:normal")
CELL_STYLE = ("text-align:left;vertical-align:top;padding:2px 6px;border:1px solid #d0d0d0;word-break:keep-all;"
              "overflow-wrap:normal;white-space:normal")
NUM_STYLE = "font-family:var(--jp-code-font-family,monospace)"
TOKEN_STYLE = "white-space:nowrap"


def printable(text):
    """text with control, format (bidi overrides, zero-width) and separator characters written as escapes
    (``\\x1b``, ``\\u202e``), newlines kept: a name or expression cannot move the cursor, colour the terminal or
    reverse what follows it."""
    if text.isprintable():  # str.isprintable is False for every Cc, Cf, Zl, Zp, Cs, Co, Cn character
        return text
    return "".join(ch if ch == "\n" or ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def tensor_text(arr, dtype, precision=4, *, linewidth=80):
    """An array as the table writes it: PyTorch's text, summarised past 16 elements, without the dtype."""
    return format_tensor_text(arr, dtype, precision, linewidth=linewidth, summarise=True, dtype_suffix=False)


class Summary(str):
    """A cell's text that stands for a tensor too big for the cell (``norm 1.2, mean 0.1, min -0.5, max 0.9``);
    ``details`` holds the HTML of its full values (a <details> element), shown on demand."""
    details = ""


def summarised(info, arr):
    """Whether a row shows figures instead of its values: an nn.Parameter of more than SMALL_PARAMETER (8)
    elements, or any tensor of more than THRESHOLD (16) elements. A small parameter (XOR's 2x2 weight, a bias of
    5) reads better as its values, which a learner compares with print(model[0].weight) directly."""
    a = np.asarray(arr)
    if a.size != math.prod(info.shape) or a.dtype.kind not in "fiub":
        return False
    return a.size > THRESHOLD or (info.parameter and a.size > SMALL_PARAMETER)


SMALL_PARAMETER = 8
# PyTorch's text; in a narrow column its lines break between elements, never inside a number (JupyterLab's own
# style for <pre> breaks anywhere), so opening the values does not push the other columns out of the output area
PRE_STYLE = ("margin:2px 0;padding:0;font-size:11px;line-height:1.3;white-space:pre-wrap;word-break:normal;"
             "overflow-wrap:normal")
SUMMARY_STYLE = "cursor:pointer;color:#555"
# The values a table embeds under its summarised rows (the <details> texts), in characters: a model of 74
# convolution weights would otherwise put ~1.3 MB of numbers into the notebook (each opened or not); past the
# budget a row says how to see its values instead.
DETAILS_BUDGET = 150_000


def summary_html(cell):
    """A Summary as HTML: the figures (a line breaks only between two of them), then its <details>."""
    parts = cell.split(", ")
    spans = [f"<span style='{TOKEN_STYLE}'>{html.escape(p)}{',' if i < len(parts) - 1 else ''}</span>"
             for i, p in enumerate(parts)]
    return " ".join(spans) + cell.details


_TOKEN_OPEN, _TOKEN_CLOSE = f"<span style='{TOKEN_STYLE}'>", "</span>"


def tokens_html(value):
    """Text as HTML in which a line may break only between elements (after ``, ``) or words, never inside one:
    each run of non-space characters a nowrap span (escaping first splits the same: an entity has no space)."""
    return "<br>".join(" ".join(_TOKEN_OPEN + part + _TOKEN_CLOSE for part in html.escape(line).split())
                       for line in value.split("\n"))


BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"


def sparkline(values, width=24, finite=False):
    """A line of block characters for a history (``▇▅▃▂▁▁``): readable in HTML and in a terminal
    (finite: the values are all finite numbers already)."""
    pts = values if finite else [v for v in values if v is not None and math.isfinite(v)]
    if len(pts) < 2:
        return ""
    pts = _sampled(pts, width)
    lo, hi = min(pts), max(pts)
    if hi == lo:
        return BLOCKS[0] * len(pts)
    return "".join(BLOCKS[min(len(BLOCKS) - 1, int((p - lo) / (hi - lo) * len(BLOCKS)))] for p in pts)


class History(str):
    """The "over the passes" cell: ``100 passes: 18.67 → 0.0484`` and a sparkline of block characters (text);
    ``points`` are the values the HTML draws as a small line picture instead."""
    points = ()


def history_text(info, lang="en"):
    """``100 passes: 18.67 → 0.0484`` and a sparkline of the values (outputs), the values or the norm (leaves)."""
    hist = info.history
    if not hist or info.passes < 2:
        return ""
    known = [v for v in hist if v is not None]
    passes = text("n_passes", lang, n=info.passes)
    if not known:
        return passes
    what = "" if info.kind == OUTPUT or all(n == 1 for n in info.shape) else text("norm_of", lang) + " "
    finite = [v for v in known if math.isfinite(v)]
    cell = History(f"{passes}: {what}{known[0]:.4g} \u2192 {known[-1]:.4g}\n{sparkline(finite, finite=True)}")
    cell.points = _sampled(finite, 24)
    return cell


def _sampled(pts, width):
    """The values at width evenly spaced passes, the first and the last kept."""
    n = len(pts)
    if n > width:
        pts = [pts[int(i * (n - 1) / (width - 1) + 0.5)] for i in range(width)]
    return pts


SPARK_W, SPARK_H = 72, 16


# urllib.parse.quote(text, safe=",=/:.") of a sparkline's SVG, whose characters are letters, digits and these few
# (quote, like a str.translate into 3-character escapes, goes character by character in Python: most of a
# sparkline's cost): the four that need escaping replaced in C
_SVG_TEXT = re.compile(r"[A-Za-z0-9_.~,=/:<>' -]*")


def _uri_quote(text):
    if _SVG_TEXT.fullmatch(text):
        return text.replace("<", "%3C").replace(">", "%3E").replace("'", "%27").replace(" ", "%20")
    return urllib.parse.quote(text, safe=",=/:.")


def sparkline_html(cell):
    """A History cell as HTML: its first line as text, the values as a small line picture (an <img> with an SVG
    data URI: kept by JupyterLab's sanitiser in an untrusted notebook, where an inline <svg> would be stripped),
    narrower than a line of block characters in a proportional font."""
    first, _, _ = cell.partition("\n")
    pts = cell.points
    if len(pts) < 2:
        return tokens_html(cell)
    lo, hi = min(pts), max(pts)
    span = (hi - lo) or 1.0
    # coordinates in tenths of a pixel, as whole numbers (the picture is scaled by its viewBox)
    xy = " ".join(f"{10 + i * (SPARK_W * 10 - 20) // (len(pts) - 1)},{round((SPARK_H - 2) * 10 - (p - lo) / span * (SPARK_H - 4) * 10)}"
                  for i, p in enumerate(pts))
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {SPARK_W * 10} {SPARK_H * 10}'>"
           f"<polyline fill='none' stroke='gray' stroke-width='12' points='{xy}'/></svg>")
    uri = "data:image/svg+xml," + _uri_quote(svg)   # not base64: smaller, and not a graph
    return (tokens_html(first) + f"<br><img src='{uri}' alt='' width='{SPARK_W}' height='{SPARK_H}' "
            f"style='display:block;margin-top:2px'>")


def leaf_snapshots(passes):
    """{leaf node id: its values at the last backward pass that reached it} (trace.model.LeafGrad.value)."""
    out = {}
    for p in passes:
        for leaf in p.leaves:
            if leaf.value is not None:
                out[leaf.node_id] = leaf.value
    return out


class GradTable:
    """Rows of TensorInfo; shows itself as HTML in notebooks and as aligned text in a terminal."""

    def __init__(self, rows, precision=4, lang="en", passes=()):
        self.rows = list(rows)
        self.precision = precision
        self.lang = lang
        self.snapshots = leaf_snapshots(passes)   # {node id: a leaf's values when its last backward ran}
        self._cached = None
        self._wide = False   # (set by _columns: a value wider than _NARROW columns)
        self._summaries = {}   # (id(array), mark, parameter) -> (array, Summary): see _summary
        self._histories = {}   # id(row) -> (row, its history cell): see _history
        self._details_left = DETAILS_BUDGET   # (characters of values the <details> may still embed)

    # ------------------------------------------------------------ what each row says

    def _t(self, key, **fields):
        return text(key, self.lang, **fields)

    def _notes(self, info):
        """(notes written in the row, footnote keys) for one row."""
        notes, marks = [], []
        if info.kind == OUTPUT and info.seed_grad is not None:
            notes.append(self._t("seed", v=tensor_text(info.seed_grad, info.dtype, self.precision, linewidth=10**6)))
        if info.kind == OUTPUT and info.grad is not None:
            notes.append(self._t("started"))
        if info.kind == INTERMEDIATE and info.grad is not None and not info.retained:
            marks.append("computed")
        if info.grad is None and info.reset != "none":   # (reset: backward reached it, the code cleared it)
            marks.append("no_grad_footnote")
        now = self._changed(info)
        if now is not None:
            v = (self._figures(now, info.dtype) if summarised(info, now)
                 else tensor_text(now, info.dtype, self.precision, linewidth=10**6))
            notes.append(self._t("changed_after", v=v))
            marks.append("changed_footnote")
        notes.extend(info.notes)
        return notes, marks

    def value(self, info):
        """The values the row shows: a leaf's values when its last backward ran (what its gradient belongs to)."""
        snap = self.snapshots.get(info.node_id) if info.node_id is not None else None
        return info.value if snap is None else snap

    def _changed(self, info):
        """The leaf's values now, when they changed after its last backward (optimizer.step(), an in-place
        update under no_grad), else None."""
        shown = self.value(info)
        if shown is info.value or shown.shape != info.value.shape or np.array_equal(shown, info.value):
            return None
        return info.value

    def _figures(self, arr, dtype):
        return self._t("figures", **figures(arr, dtype, self.precision))

    def _summary(self, info, arr, mark="", parameter=False):
        """The figures of a summarised tensor, with its values in a <details> element as PyTorch prints them
        (``print(t)``). A leaf changed after backward shows the values backward saw (its mark says so, its
        figures now are in the note)."""
        key = (id(arr), mark, parameter)   # the text and the HTML table (two line widths) share it
        made = self._summaries.get(key)
        if made is not None and made[0] is arr:
            return made[1]
        cell = Summary(self._figures(arr, info.dtype) + mark)
        self._summaries[key] = (arr, cell)
        size = np.asarray(arr).size
        if self._details_left <= 0:   # (the rows before took the budget: their values stay, these are left out)
            left_out = self._t("values_left_out", n=size, k=DETAILS_BUDGET // 1000)
            cell.details = f"<div style='{SUMMARY_STYLE}'>{html.escape(left_out)}</div>"
            return cell
        label = self._t("all_values" if size <= 1000 else "values_as_printed", n=size)
        text = tensor_repr(arr, info.dtype, self.precision, parameter=parameter)
        self._details_left -= len(text)
        cell.details = (f"<details><summary style='{SUMMARY_STYLE}'>{html.escape(label)}</summary>"
                        f"<pre style='{PRE_STYLE}'>{html.escape(text)}</pre></details>")
        return cell

    def _row(self, info, footnotes, linewidth):
        shape = "(" + ", ".join(str(n) for n in info.shape) + ("," if len(info.shape) == 1 else "") + ")"
        notes, marks = self._notes(info)
        for m in marks:
            footnotes.setdefault(m, sum(1 for v in footnotes.values() if v is not None))
        shown = self.value(info)
        mark = _mark(footnotes["changed_footnote"]) if "changed_footnote" in marks else ""
        if summarised(info, shown):
            footnotes.setdefault(SUMMARY_NOTE, None)
            value = self._summary(info, shown, mark, parameter=info.parameter)
        else:
            value = _laid_out(self, tensor_text(shown, info.dtype, self.precision, linewidth=linewidth)) + mark
        if info.grad is None:
            grad = "None" if info.reset == "none" else self._t("no_grad") + _mark(footnotes["no_grad_footnote"])
        else:
            mark = _mark(footnotes["computed"]) if "computed" in marks else ""
            if summarised(info, info.grad):
                footnotes.setdefault(SUMMARY_NOTE, None)
                grad = self._summary(info, info.grad, mark)
            else:
                grad = _laid_out(self, tensor_text(info.grad, info.dtype, self.precision, linewidth=linewidth)) + mark
        return [printable(info.label), self._t(info.kind), shape, info.dtype, value, grad,
                self._history(info),
                "; ".join(notes)]

    def _history(self, info):
        """The row's history cell, made once (the text and the HTML forms both show it)."""
        got = self._histories.get(id(info))
        if got is None or got[0] is not info:
            got = self._histories[id(info)] = (info, history_text(info, self.lang))
        return got[1]

    HEADERS = ["name", "kind", "shape", "dtype", "value", "gradient", "over_the_passes", "note"]
    OPTIONAL = ("over_the_passes", "note")   # columns left out when every row leaves them empty

    def _columns(self, linewidth=10**6):
        """(headers, rows of strings, footnotes, dtype line) with the empty note column and a shared dtype left out."""
        if self._cached is not None and (self._cached[0] == linewidth or (self._cached[0] > linewidth
                                                                        and not self._wide)):
            # (values laid out without a width limit that fit in _NARROW columns read the same at any width: the
            # text form reuses the HTML form's cells)
            return self._cached[1]
        footnotes = {}
        self._wide = False
        rows = [self._row(r, footnotes, linewidth) for r in self.rows]
        dtypes = {r[3] for r in rows}
        dtype_line = None
        keep = list(range(len(self.HEADERS)))
        if len(dtypes) == 1:
            keep.remove(3)
            only = dtypes.pop()
            if only != "float32":
                dtype_line = self._t("dtype_all", dtype=only)
        for i, h in enumerate(self.HEADERS):
            if h in self.OPTIONAL and not any(r[i] for r in rows):
                keep.remove(i)
        summary = footnotes.pop(SUMMARY_NOTE, 0) is None
        marks = [_mark(i) + " " + self._t(key)
                 for key, i in sorted(footnotes.items(), key=lambda kv: kv[1])]
        if summary:
            marks.append(self._t("summary_footnote"))
        out = ([self._t(self.HEADERS[i]) for i in keep], [[r[i] for i in keep] for r in rows], marks, dtype_line)
        self._cached = (linewidth, out)
        return out

    def cells(self, info):
        """The row's columns as plain strings: name, kind, shape, dtype, value, gradient, note."""
        return self._row(info, {}, 10**6)

    # ------------------------------------------------------------ text and HTML

    def __repr__(self):
        if not self.rows:
            return self._t("no_tensors")
        headers, rows, footnotes, dtype_line = self._columns(linewidth=80)
        split = [[c.split("\n") for c in r] for r in [headers] + rows]
        widths = [max(_width(line) for r in split for line in r[i]) for i in range(len(headers))]
        out = []
        for k, r in enumerate(split):
            height = max(len(c) for c in r)
            for j in range(height):
                out.append("  ".join(_pad(c[j] if j < len(c) else "", w) for c, w in zip(r, widths)).rstrip())
            if k == 0:
                out.append("  ".join("-" * w for w in widths))
        out.extend(([dtype_line] if dtype_line else []) + footnotes)
        return "\n".join(out)

    def _repr_html_(self):
        if not self.rows:
            return f"<p><em>{html.escape(self._t('no_tensors'))}</em></p>"
        headers, rows, footnotes, dtype_line = self._columns()
        head = "".join(f"<th style='{CELL_STYLE};background:#f5f5f5'>{html.escape(h)}</th>" for h in headers)
        numeric = {self._t("value"), self._t("gradient"), self._t("shape")}
        opens = [f"<td style='{CELL_STYLE}{';' + NUM_STYLE if h in numeric else ''}'>" for h in headers]
        body = []
        for info, cells in zip(self.rows, rows):
            tds = "".join(o + _cell_html(c) + "</td>" for o, c in zip(opens, cells))
            body.append(f"<tr style='background:{KIND_COLOUR[info.kind]}'>{tds}</tr>")
        notes = ([dtype_line] if dtype_line else []) + footnotes
        foot = "".join(f"<div style='font-size:11px;color:#444'>{html.escape(n)}</div>" for n in notes)
        return (f"<table class='autograd-magic-table' style='{TABLE_STYLE}'>"
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
                + (f"<div class='autograd-magic-footnotes'>{foot}</div>" if foot else ""))


def _cell_html(cell):
    if isinstance(cell, Summary):
        return summary_html(cell)
    if isinstance(cell, History):
        return sparkline_html(cell)
    return tokens_html(cell)


def _mark(i):
    """The i-th footnote mark: *, dagger, double dagger, then doubled."""
    return FOOTNOTE_MARKS[i % len(FOOTNOTE_MARKS)] * (1 + i // len(FOOTNOTE_MARKS))


def _width(s):
    """Columns a string takes in a terminal: East Asian wide characters take two."""
    if s.isascii():
        return len(s)
    return _wide_width(s)


@functools.lru_cache(maxsize=1024)
def _wide_width(s):
    """_width of a string with characters beyond ASCII (sparklines, arrows, Hangul), remembered: a table measures
    each line twice, and a cell run again shows mostly the same lines."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s, width):
    return s + " " * (width - _width(s))


_NARROW = 60   # a value whose lines are all this short (laid out without a limit) reads the same at 80 columns


def _laid_out(table, text):
    """text (a value laid out by numpy), noting on table whether a line of it is longer than _NARROW."""
    if len(text) > _NARROW and max(map(len, text.split("\n"))) > _NARROW:
        table._wide = True
    return text
