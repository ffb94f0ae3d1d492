"""How each leaf's ``.grad`` grew: ``w.grad = 8 (earlier cell) + 2 + 2 + 2 = 14``, with ``zero_()`` and
``grad = None`` where the code reset it. Reads the trace model's passes (each with LeafGrad before/added/after)
and the table's rows (the final ``.grad``).
"""
import html

import numpy as np

from ..trace.model import SEGMENTS, TERMS
from .graph import value_text

LABELS = {
    "en": {"title": "how .grad accumulated", "earlier": "(earlier cell)", "zeroed": "zero_()", "norm": "norm",
           "none": "grad = None (or zero_grad())", "changed": "set to {v}", "then": "then",
           "more": "... the same {n} more times ...", "terms": "... ({n} more terms)"},
    "ko": {"title": ".grad가 쌓인 과정", "earlier": "(이전 셀)", "zeroed": "zero_()", "norm": "노름",
           "none": "grad = None (또는 zero_grad())", "changed": "{v}(으)로 바뀜", "then": "그다음",
           "more": "... 같은 과정 {n}번 더 ...", "terms": "... (항 {n}개 더)"},
}


# A history with more resets (a training loop) shows the first and last two runs between resets, the rest
# counted; a sum of more terms shows the first and last three. The recorder keeps arrays for just those.
KEEP_SEGMENTS, KEEP_TERMS = SEGMENTS, TERMS


def _same(a, b):
    if a is None or b is None:
        return a is None and b is None
    if np.shape(a) != np.shape(b):
        return False
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype.kind != "f" or b.dtype.kind != "f":
        return bool(np.allclose(a, b, rtol=1e-6, atol=0, equal_nan=True))
    # np.allclose(a, b, rtol=1e-6, atol=0, equal_nan=True) without its per-call overhead (a loop compares every pass)
    with np.errstate(invalid="ignore", over="ignore"):
        return bool(((a == b) | ((abs(a - b) <= 1e-6 * abs(b)) & np.isfinite(b)) | (np.isnan(a) & np.isnan(b))).all())


MAX_ITEMS = 8   # a gradient of more elements is written as its norm ("norm 2.2070"), not as its shape


def _value(a, p, words):
    """Values as the history writes them: on one line, or the norm of a big tensor (its shape is in the table)."""
    arr = np.asarray(a)
    if arr.size > MAX_ITEMS:
        wide = arr.astype(np.float64, copy=False).ravel()
        with np.errstate(all="ignore"):   # (inf for a norm past float64: no warning, see _compiled.py)
            norm = float(np.sqrt(wide @ wide))
        return f"{words['norm']} {norm:.{p}f}"
    return value_text(arr, p)


class _Text:
    """A value formatted only if the history shows it (a long training loop shows a few of its passes)."""
    __slots__ = ("value", "suffix")

    def __init__(self, value, suffix=""):
        self.value, self.suffix = value, suffix

    def text(self, p, words):
        return _value(self.value, p, words) + self.suffix


def _text(term, p, words):
    return term if term.__class__ is str else term.text(p, words)


def _zero(a):
    return a is not None and not (a.any() if a.__class__ is np.ndarray else np.any(np.asarray(a)))


def _reset(before, words, p):
    if before is None:
        return words["none"]
    if _zero(before):
        return words["zeroed"]
    return words["changed"].format(v=_value(before, p, words))


def _segments(records):
    """[(first record, last record + 1)] of the runs of passes that added to the same .grad (a reset between):
    the recorder says whether .grad was left as the previous pass left it (``continued``, also for the passes
    whose arrays it let go), else the arrays are compared."""
    bounds, prev_after = [0], None
    for k, rec in enumerate(records):
        continued = getattr(rec, "continued", None)
        if k and not (continued if continued is not None else _same(rec.before, prev_after)):
            bounds.append(k)
        prev_after = rec.after
    bounds.append(len(records))
    return list(zip(bounds, bounds[1:]))


def _terms(records, start, stop, words):
    """The terms of one segment: its starting .grad (when not zero), then what each pass added."""
    first = records[start]
    terms = []
    if first.before is not None and not _zero(first.before):
        terms.append(_Text(first.before, f" {words['earlier']}") if start == 0 else _Text(first.before))
    terms.extend("..." if rec.added is None else _Text(rec.added) for rec in records[start:stop])
    return terms


def leaf_history(name, records, final, *, precision=4, lang="en"):
    """One leaf's history as text, or None when a single backward gave it its gradient (nothing to tell)."""
    words = LABELS.get(lang, LABELS["en"])
    p = precision
    if not records:
        return None
    segments = _segments(records)
    last = records[-1]
    prev_after = last.after
    if last.added is None and prev_after is None:
        # past the caps: what the last pass left is not kept; a .grad of None or zeros now is a reset after it,
        # other values are not told apart from it (no "set to" the code did not do)
        tail = None if final is not None and not _zero(final) else _reset(final, words, p)
    else:
        tail = None if _same(final, prev_after) else _reset(final, words, p)
    if len(records) < 2 and len(segments) < 2 and tail is None and len(_terms(records, 0, 1, words)) < 2:
        return None
    text = []
    for i, (start, stop) in enumerate(segments):
        if KEEP_SEGMENTS <= i < len(segments) - KEEP_SEGMENTS:
            if i == KEEP_SEGMENTS:   # a training loop: the middle resets folded into one line (and not formatted)
                text.append(words["more"].format(n=len(segments) - 2 * KEEP_SEGMENTS))
            continue
        ts = _terms(records, start, stop, words)
        after = records[stop - 1].after
        total = "..." if after is None else _value(after, p, words)
        if len(ts) > 2 * KEEP_TERMS + 1:
            ts = ts[:KEEP_TERMS] + [words["terms"].format(n=len(ts) - 2 * KEEP_TERMS)] + ts[-KEEP_TERMS:]
        body = " + ".join(_text(t, p, words) for t in ts) + (f" = {total}" if len(ts) > 1 else "")
        text.append(body if i == 0 else f"{words['then']} {_reset(records[start].before, words, p)}: {body}")
    if tail is not None:
        text.append(f"{words['then']} {tail}")
    return f"{name}.grad = " + ", ".join(text)


def histories(passes, rows, *, precision=4, lang="en", leaf_records=None):
    """[text] for every leaf whose .grad was built by more than one backward call or reset on the way.
    leaf_records: {leaf node id: its records in order} when the recorder kept them (a long loop's passes are then
    not all in passes), else they are read from the passes."""
    by_leaf = leaf_records
    if by_leaf is None:
        by_leaf = {}
        for p in passes:
            for rec in getattr(p, "leaves", ()):
                by_leaf.setdefault(rec.node_id, []).append(rec)
    names = {nid: records[0].name for nid, records in by_leaf.items() if records}
    finals = {getattr(r, "node_id", None): r for r in rows if r.kind == "leaf"}
    out = []
    for node_id, records in by_leaf.items():
        if not records:
            continue
        row = finals.get(node_id)
        name = names[node_id] or (row.label if row is not None else "?")
        final = row.grad if row is not None else records[-1].after
        if row is not None and getattr(row, "reset", None) is not None:   # the table shows the last pass's gradient
            final = None if row.reset == "none" else np.zeros(np.shape(row.grad))
        text = leaf_history(name, records, final, precision=precision, lang=lang)
        if text:
            out.append(text)
    return out


class HistoryView:
    def __init__(self, lines, lang="en"):
        self.lines, self.title = lines, LABELS.get(lang, LABELS["en"])["title"]

    def __repr__(self):
        return "\n".join([self.title + ":"] + ["  " + line for line in self.lines]) if self.lines else ""

    def _repr_html_(self):
        if not self.lines:
            return ""
        items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in self.lines)
        return f"<div class='autograd-magic-history'><small>{html.escape(self.title)}</small><ul>{items}</ul></div>"
