"""The one comparator of every differential test against PyTorch (the parity policy of README's "Tests" section).

    verdict = parity.compare(want, got)               # want: PyTorch's result, got: the engine's
    verdict = parity.compare_arrays(want, got)        # arrays/tensors: shape, dtype, values in ulps
    parity.check(corpus, case, want, got)             # compare + count it in the tally; returns the Verdict
    parity.assert_parity(corpus, [(case, want, got), ...])   # check each, fail listing every "different" one
    parity.check_arrays(corpus, case, want, got)      # compare_arrays + tally; fails if "different"

A new differential test of notebook cells calls helpers.assert_same_as_pytorch(cells, corpus, name): it runs
the cells on both sides (the engine through helpers.run_ours) and judges each cell here, with the budget below.

``want``/``got`` are printed text, or nested lists/tuples/dicts of texts and other values (a cell's
``(output, error, warnings)``); floats, numpy arrays and tensors among them go to compare_arrays (a Python float
is a float64). A Verdict is ``(kind, detail, ulps)``: kind is IDENTICAL, CLOSE ("within
tolerance") or DIFFERENT; ulps is the largest distance in units in the last place seen between two numbers that
were not printed identically (0 when identical).

The policy:
* Everything but numbers must be identical: names, shapes (integers), dtypes, grad_fn names, exception types and
  messages, warnings, layout. Values that are not text (None, bools, types) must be equal.
* Integers (a number printed without ``.``, ``e``, ``inf`` or ``nan``) must be identical.
* Two printed floats agree within tolerance when the values they may stand for (each printed number is its value
  rounded to the printed digits) can be at most ``ulps`` units in the last place apart, measured in float32 (or
  float64 for numbers inside a ``tensor(..., dtype=torch.float64)``), i.e.
  ``|a - b| <= (q_a + q_b) / 2 + ulps * ulp(max(|a|, |b|))`` with q the unit of the last printed digit (0 for a
  float printed as an exact integer, ``2.``; 0 for both when they have different numbers of decimals, as Python's
  shortest repr prints exact values). -0.0 and 0.0 agree; nan only with nan; inf only with the same inf.
  A number printed with few digits is taken as rounded to them: ``1.5`` and ``1.6`` printed by ``:.1f`` may
  stand for 1.5499999 and 1.55, so they agree; nothing in the text tells a rounded ``1.5`` from an exact one.
* Where a printed float's width changed (``-0.0000`` vs `` 0.0000``, ``2.`` vs ``2.0000``) the whitespace around
  it may differ; the text without whitespace must still be identical.
* ``ulps`` defaults to ULPS (4: a float32 kernel of PyTorch, vectorised erf, MKL's dot products, differs from the
  engine's correctly rounded one by a unit or two); a case whose printed numbers come out of a long float32
  computation passes a budget scaled to its number of steps: budget(passes) gives ULPS for each backward pass
  PyTorch ran up to that case (helpers.counting_passes counts them), tests/test_fuzz_vs_torch.py ULPS for each
  statement of a random program.

Verdicts are counted per corpus in TALLY; tests/conftest.py prints the tally at the end of a pytest run
(``make parity``), merged across pytest-xdist workers.
"""
import collections
import difflib
import math
import re
from typing import NamedTuple

IDENTICAL, CLOSE, DIFFERENT = "identical", "within tolerance", "different"
KINDS = (IDENTICAL, CLOSE, DIFFERENT)
ULPS = 4
EPS32, EPS64 = 2.0 ** -23, 2.0 ** -52
_TINY = {EPS32: 2.0 ** -149, EPS64: 2.0 ** -1074}  # smallest subnormal: the ulp near zero

# a number: not glued to a name (float32, AddBackward0, 0x?) or to a preceding digit or dot; its sign may be
# printed ('%+f' of a mean near zero: '-0.000000' against '+0.000000')
# (the imaginary part of a complex number, glued to its real part and to its ``j``, ``1.5000-0.2500j``, is one too)
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|nan|inf)(?=j(?![\w.])|(?![\w.]))"
                    r"|(?<=\d[-+])(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?=j(?![\w.]))"
                    r"|(?<=\.[-+])(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?=j(?![\w.]))")
_F64 = re.compile(r"tensor\(")


def budget(passes):
    """The float32 budget of a case after `passes` backward passes: each pass and optimizer step rounds a few
    times more and carries earlier rounding on, so ULPS per pass (linear: a bound where a step does not amplify
    earlier errors, as in the lessons' gradient descent on convex losses)."""
    return ULPS * max(1, passes)


class Verdict(NamedTuple):
    kind: str
    detail: str = ""
    ulps: float = 0.0


TALLY = collections.defaultdict(collections.Counter)  # corpus -> Counter(kind -> cases)
MAX_ULPS = collections.defaultdict(float)  # corpus -> largest ulps of a case within tolerance


def _is_int(tok):
    return not any(c in tok for c in ".eEni")


def _quantum(tok):
    """Unit of the last printed digit of a float token (0 for an exact integer printed as ``2.``)."""
    mant, _, exp = tok.lower().partition("e")
    digits = mant.partition(".")[2]
    if mant.endswith(".") and not exp:
        return 0.0
    return 10.0 ** (int(exp or 0) - len(digits))


def _decimals(tok):
    mant, _, exp = tok.lower().partition("e")
    return len(mant.partition(".")[2]), bool(exp)


_G_DIGITS = 9   # at most this many significant digits: a '{:.Ng}' print, not Python's shortest float repr (~17)


def _significant(tok):
    """Significant digits printed in a float token ("0.08581" -> 4)."""
    digits = tok.lower().partition("e")[0].lstrip("+-").replace(".", "").lstrip("0")
    return len(digits)


def _ulp(x, eps):
    if x == 0 or not math.isfinite(x):
        return _TINY[eps]
    return max(2.0 ** math.floor(math.log2(abs(x))) * eps, _TINY[eps])


def _float64_spans(text):
    """(start, end) of each ``tensor(...)`` repr that says dtype=torch.float64 (or complex128: float64 parts)."""
    spans = []
    for m in _F64.finditer(text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        if "dtype=torch.float64" in text[m.start():i] or "dtype=torch.complex128" in text[m.start():i]:
            spans.append((m.start(), i))
    return spans


def _numbers(text):
    spans = _float64_spans(text) if "float64" in text else []
    return [(m.group(), EPS64 if any(a <= m.start() < b for a, b in spans) else EPS32)
            for m in NUMBER.finditer(text)]


def _tokens_ulps(w, g, eps, ulps):
    """ULPs needed for printed float tokens w (PyTorch) and g (ours) to agree; None if they never can."""
    if w == g:
        return 0.0
    if _is_int(w) or _is_int(g):
        return None
    a, b = float(w), float(g)
    if math.isnan(a) or math.isnan(b) or math.isinf(a) or math.isinf(b):
        return 0.0 if (math.isnan(a) and math.isnan(b)) or a == b else None
    # a fixed format prints both with as many decimals; a shortest-repr printer (Python's float repr) does not
    # and its digits are exact; a significant-digits format ('{:.4g}') strips trailing zeros, so "0.0858" next to
    # "0.08581" is 0.08580: both stand for their value to the finer unit of the two
    if _decimals(w) == _decimals(g) or w.endswith(".") or g.endswith("."):
        q = (_quantum(w) + _quantum(g)) / 2
    elif max(_significant(w), _significant(g)) <= _G_DIGITS:
        q = min(_quantum(w), _quantum(g))
    else:
        q = 0
    slack = abs(a - b) - q
    need = max(slack, 0.0) / _ulp(max(abs(a), abs(b)), eps)
    return need if need <= ulps else None


def compare_text(want, got, ulps=ULPS, eps=None):
    """Verdict for two printed texts (eps: force float32/float64 ULPs for every number; default: by dtype)."""
    if want == got:
        return Verdict(IDENTICAL)
    if "".join(NUMBER.sub("#", want).split()) != "".join(NUMBER.sub("#", got).split()):
        return Verdict(DIFFERENT, "text outside numbers differs:\n" + _show(want, got))
    wn, gn = _numbers(want), _numbers(got)
    worst, widths = 0.0, False
    for (w, weps), (g, _) in zip(wn, gn):
        need = _tokens_ulps(w, g, eps or weps, ulps)
        if need is None:
            return Verdict(DIFFERENT, f"{g} (ours) vs {w} (torch) is beyond {ulps} ulps:\n" + _show(want, got))
        worst = max(worst, need)
        widths |= len(w) != len(g)
    if NUMBER.sub("#", want) != NUMBER.sub("#", got) and not widths:
        return Verdict(DIFFERENT, "layout differs:\n" + _show(want, got))
    return Verdict(CLOSE, "numbers within tolerance:\n" + _show(want, got), worst)


def _show(want, got):
    if isinstance(want, str) and isinstance(got, str) and "\n" in want.strip() + got.strip():
        return "\n".join(difflib.unified_diff(want.splitlines(), got.splitlines(), "torch", "ours", lineterm=""))
    return f"  torch: {want!r}\n  ours:  {got!r}"


def compare(want, got, ulps=ULPS, eps=None):
    """Verdict for two results: texts compared number-aware, containers item by item, anything else by ==."""
    if isinstance(want, str) and isinstance(got, str):
        return compare_text(want, got, ulps, eps)
    if isinstance(want, (list, tuple)) and isinstance(got, (list, tuple)):
        if len(want) != len(got):
            return Verdict(DIFFERENT, f"{len(got)} items (ours) vs {len(want)} (torch):\n" + _show(want, got))
        return worst([compare(w, g, ulps, eps) for w, g in zip(want, got)])
    if isinstance(want, dict) and isinstance(got, dict) and want.keys() == got.keys():
        return worst([compare(want[k], got[k], ulps, eps) for k in want])
    if _numeric(want) and _numeric(got):  # floats, numpy arrays, tensors: compare_arrays
        return compare_arrays(want, got, ulps)
    return Verdict(IDENTICAL) if want == got else Verdict(DIFFERENT, _show(want, got))


def _numeric(v):
    return (isinstance(v, float) or hasattr(v, "dtype") and hasattr(v, "shape")) and not isinstance(v, bool)


def compare_arrays(want, got, ulps=ULPS, scale=None):
    """Verdict for two arrays (numpy arrays, tensors of either side, nested lists): shape and dtype identical,
    values as compare() judges numbers, in ulps of their dtype (float64 ulps for float64, float32 ulps for any
    other). scale: the magnitude the ulps are measured at, per element or one number (default: the values
    themselves); a sum or dot product is only accurate relative to its terms, so pass e.g. |x| @ |w|."""
    import numpy as np
    w, g = (np.asarray(a.detach().numpy() if hasattr(a, "detach") else a) for a in (want, got))
    if w.shape != g.shape or w.dtype != g.dtype:
        return Verdict(DIFFERENT, f"ours {g.dtype} {g.shape}, torch {w.dtype} {w.shape}")
    if w.tobytes() == g.tobytes():
        return Verdict(IDENTICAL)
    if w.dtype.kind != "f":
        return Verdict(DIFFERENT, f"values differ:\n  torch: {w!r}\n  ours:  {g!r}")
    eps = EPS64 if w.dtype == np.float64 else EPS32
    w64, g64 = w.astype(np.float64), g.astype(np.float64)
    both_nan = np.isnan(w64) & np.isnan(g64)
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.where(both_nan | (w64 == g64), 0.0, np.abs(w64 - g64))
        mag = np.maximum(np.abs(w64), np.abs(g64)) if scale is None else np.broadcast_to(np.abs(scale), w.shape)
        ulp = np.maximum(np.exp2(np.floor(np.log2(np.where(mag > 0, mag, 1.0)))) * eps, _TINY[eps])
        need = np.where(np.isfinite(diff), diff / ulp, np.inf)
    worst_ulps = float(need.max()) if need.size else 0.0
    if worst_ulps > ulps:
        i = np.unravel_index(int(np.argmax(need)), need.shape)
        return Verdict(DIFFERENT, f"{g[i]!r} (ours) vs {w[i]!r} (torch) at {i} is {worst_ulps:.1f} ulps, beyond "
                                  f"{ulps}", worst_ulps)
    return Verdict(CLOSE, f"values within {worst_ulps:.1f} ulps", worst_ulps)


def check_arrays(corpus, case, want, got, ulps=ULPS, scale=None):
    """compare_arrays() counted in TALLY[corpus]; fails (AssertionError) if DIFFERENT. Returns the Verdict."""
    v = record(corpus, compare_arrays(want, got, ulps, scale))
    assert v.kind != DIFFERENT, f"{case}: {v.detail}"
    return v


def worst(verdicts):
    """The least favourable of several verdicts (IDENTICAL for none); ulps is the largest."""
    top = max(verdicts, key=lambda v: KINDS.index(v.kind), default=Verdict(IDENTICAL))
    return top._replace(ulps=max((v.ulps for v in verdicts), default=0.0))


def record(corpus, verdict):
    TALLY[corpus][verdict.kind] += 1
    if verdict.kind == CLOSE:
        MAX_ULPS[corpus] = max(MAX_ULPS[corpus], verdict.ulps)
    return verdict


def check(corpus, case, want, got, ulps=ULPS, eps=None):
    """compare() and count the verdict in TALLY[corpus]; the detail names the case."""
    v = compare(want, got, ulps, eps)
    return record(corpus, v._replace(detail=f"{case}: {v.detail}" if v.detail else ""))


def assert_parity(corpus, cases, ulps=ULPS, eps=None):
    """check() every (case, want, got); fail with the detail of each DIFFERENT one. Returns the verdicts."""
    verdicts = [check(corpus, case, want, got, ulps, eps) for case, want, got in cases]
    bad = [v.detail for v in verdicts if v.kind == DIFFERENT]
    assert not bad, f"{len(bad)} of {len(verdicts)} cases differ from PyTorch\n\n" + "\n\n".join(bad)
    return verdicts


def tally_lines(tally=None, max_ulps=None):
    """The tally as text lines, one per corpus, and a total."""
    tally = TALLY if tally is None else tally
    max_ulps = MAX_ULPS if max_ulps is None else max_ulps
    lines, total = [], collections.Counter()
    for corpus in sorted(tally):
        c = tally[corpus]
        total.update(c)
        extra = f" (largest {max_ulps.get(corpus, 0):.1f} ulps)" if c[CLOSE] else ""
        lines.append(f"{corpus:<14} {c[IDENTICAL]:>5} identical {c[CLOSE]:>4} within tolerance{extra:<22} "
                     f"{c[DIFFERENT]:>3} different")
    if lines:
        lines.append(f"{'total':<14} {total[IDENTICAL]:>5} identical {total[CLOSE]:>4} within tolerance"
                     f"{'':<22} {total[DIFFERENT]:>3} different")
    return lines
