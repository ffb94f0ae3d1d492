"""Slope pictures as small hand-made SVG: f over an input's range with the tangent line at x (one scalar input), or
a contour map with the gradient arrow at (x, y) (two scalar inputs).

Hand-made rather than matplotlib: two plot kinds of a few dozen lines, no new dependency (matplotlib is not one of
the package's, and even imported lazily it costs its import on first use), identical output on every machine, and
text that tests can read. The values come from re-runs of the cell over a grid (trace.probe.Probe.grid).
"""
import html

import numpy as np

from .graph import value_text

W, H = 440, 300                 # picture size in px
L, R, T, B = 56, 16, 28, 40     # margins: left (tick labels), right, top (title), bottom (axis label)
LABELS = {
    "en": {"slope": "at {x}: slope = {g} (the dashed tangent line)", "grad": "gradient at ({x}, {y}) = ({gx}, {gy}): the arrow",
           "f": "f"},
    "ko": {"slope": "{x}에서 기울기 = {g} (점선: 접선)", "grad": "({x}, {y})에서의 기울기 = ({gx}, {gy}): 화살표",
           "f": "f"},
}


def _fmt(v, precision=4):
    return value_text(np.asarray(float(v)), precision)


def _tick(v):
    return f"{float(v):.4g}"


def nice_range(lo, hi):
    """[lo, hi] with a little room, widened to multiples of a 1-2-5 step of about an eighth of the span: the axis
    is labelled with numbers a reader can place (-10 and 60, not -4.749 and 60.5).

    >>> nice_range(-0.25, 56.0)
    (-10.0, 60.0)
    """
    span = hi - lo
    if not (np.isfinite(span) and span > 0):
        return lo - 1.0, hi + 1.0
    lo, hi = lo - 0.02 * span, hi + 0.02 * span
    raw = (hi - lo) / 8
    mag = 10.0 ** np.floor(np.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    return float(np.floor(lo / step) * step), float(np.ceil(hi / step) * step)


def _esc(text):
    return html.escape(str(text), quote=True)


def _frame(title, xlabel, ylabel, xr, yr):
    (x0, x1), (y0, y1) = xr, yr
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{W}' height='{H}' viewBox='0 0 {W} {H}' "
             "font-family='Liberation Sans, Arial, sans-serif' font-size='11'>",
             f"<rect x='0' y='0' width='{W}' height='{H}' fill='white'/>",
             f"<text x='{L}' y='16' font-size='12'>{_esc(title)}</text>",
             f"<rect x='{L}' y='{T}' width='{W - L - R}' height='{H - T - B}' fill='none' stroke='#999'/>",
             f"<text x='{L}' y='{H - B + 14}'>{_esc(_tick(x0))}</text>",
             f"<text x='{W - R}' y='{H - B + 14}' text-anchor='end'>{_esc(_tick(x1))}</text>",
             f"<text x='{(L + W - R) / 2}' y='{H - 8}' text-anchor='middle' font-style='italic'>{_esc(xlabel)}</text>",
             f"<text x='{L - 4}' y='{H - B}' text-anchor='end'>{_esc(_tick(y0))}</text>",
             f"<text x='{L - 4}' y='{T + 10}' text-anchor='end'>{_esc(_tick(y1))}</text>",
             f"<text x='14' y='{(T + H - B) / 2}' text-anchor='middle' font-style='italic' "
             f"transform='rotate(-90 14 {(T + H - B) / 2})'>{_esc(ylabel)}</text>",
             f"<clipPath id='plot'><rect x='{L}' y='{T}' width='{W - L - R}' height='{H - T - B}'/></clipPath>"]
    return parts


def _scale(xr, yr):
    (x0, x1), (y0, y1) = xr, yr

    def px(x):
        return L + (x - x0) / (x1 - x0) * (W - L - R)

    def py(y):
        return H - B - (y - y0) / (y1 - y0) * (H - T - B)
    return px, py


def tangent_svg(xs, fs, x, fx, g, name, *, precision=4, lang="en"):
    """f over xs (the slider's range) with the point (x, f(x)) and the tangent line of slope g through it."""
    words = LABELS.get(lang, LABELS["en"])
    xs, fs = np.asarray(xs, float), np.asarray(fs, float)
    ok = np.isfinite(fs)
    lo, hi = (float(np.min(fs[ok])), float(np.max(fs[ok]))) if ok.any() else (fx - 1, fx + 1)
    lo, hi = min(lo, fx), max(hi, fx)
    xr, yr = (float(xs[0]), float(xs[-1])), nice_range(lo, hi)
    px, py = _scale(xr, yr)
    title = words["slope"].format(x=f"{name} = {_fmt(x, precision)}", g=_fmt(g, precision))
    parts = _frame(title, name, words["f"], xr, yr)
    if yr[0] < 0 < yr[1]:
        parts.append(f"<line x1='{L}' x2='{W - R}' y1='{py(0):.1f}' y2='{py(0):.1f}' stroke='#ddd'/>")
    points = " ".join(f"{px(a):.1f},{py(b):.1f}" for a, b in zip(xs[ok], fs[ok]))
    parts.append(f"<polyline class='curve' points='{points}' fill='none' stroke='#1f77b4' stroke-width='2'/>")
    t0, t1 = xr
    parts.append(f"<line class='tangent' clip-path='url(#plot)' x1='{px(t0):.1f}' y1='{py(fx + g * (t0 - x)):.1f}' "
                 f"x2='{px(t1):.1f}' y2='{py(fx + g * (t1 - x)):.1f}' stroke='#d62728' stroke-width='2' "
                 "stroke-dasharray='6 3'/>")
    parts.append(f"<circle class='point' cx='{px(x):.1f}' cy='{py(fx):.1f}' r='4.5' fill='#d62728'/>")
    parts.append("</svg>")
    return "".join(parts)


def _colour(t):
    """t in [0, 1] -> a light blue-to-yellow ramp (readable under dark contour lines)."""
    a, b = np.array([198, 219, 239]), np.array([253, 208, 162])
    r, g, bl = (a + (b - a) * t).astype(int)
    return f"rgb({r},{g},{bl})"


def contour_svg(xs, ys, fs, x, y, gx, gy, names, *, precision=4, lang="en", levels=9):
    """Filled contour map of f over xs x ys (fs[i, j] = f(xs[i], ys[j])) with the gradient arrow at (x, y)."""
    words = LABELS.get(lang, LABELS["en"])
    xs, ys, fs = np.asarray(xs, float), np.asarray(ys, float), np.asarray(fs, float)
    xr, yr = (float(xs[0]), float(xs[-1])), (float(ys[0]), float(ys[-1]))
    px, py = _scale(xr, yr)
    title = words["grad"].format(x=_fmt(x, precision), y=_fmt(y, precision), gx=_fmt(gx, precision),
                                 gy=_fmt(gy, precision))
    parts = _frame(title, names[0], names[1], xr, yr)
    ok = np.isfinite(fs)
    lo, hi = (float(fs[ok].min()), float(fs[ok].max())) if ok.any() else (0.0, 1.0)
    span = hi - lo if hi > lo else 1.0
    dx, dy = (xs[1] - xs[0]) / 2, (ys[1] - ys[0]) / 2
    for i, a in enumerate(xs):
        for j, b in enumerate(ys):
            if not ok[i, j]:
                continue
            x0, x1 = max(px(a - dx), L), min(px(a + dx), W - R)
            y0, y1 = max(py(b + dy), T), min(py(b - dy), H - B)
            parts.append(f"<rect x='{x0:.1f}' y='{y0:.1f}' width='{x1 - x0 + 0.6:.1f}' height='{y1 - y0 + 0.6:.1f}' "
                         f"fill='{_colour((fs[i, j] - lo) / span)}'/>")
    for level in np.linspace(lo, hi, levels + 2)[1:-1]:
        for (a0, b0), (a1, b1) in _marching_squares(xs, ys, fs, level):
            parts.append(f"<line class='contour' x1='{px(a0):.1f}' y1='{py(b0):.1f}' x2='{px(a1):.1f}' "
                         f"y2='{py(b1):.1f}' stroke='#555' stroke-width='0.8'/>")
    norm = float(np.hypot(gx, gy))
    if norm > 0:
        length = 0.22 * (W - L - R)   # a fixed length in px: the arrow shows the direction, the title the size
        ux, uy = gx / norm, gy / norm   # the gradient's direction in the data's units
        k = length / np.hypot(px(x + ux) - px(x), py(y + uy) - py(y))
        ex, ey = px(x) + (px(x + ux) - px(x)) * k, py(y) + (py(y + uy) - py(y)) * k
        parts.append("<defs><marker id='head' markerWidth='6' markerHeight='6' refX='5' refY='3' markerUnits='strokeWidth' orient='auto'>"
                     "<path d='M0,0 L6,3 L0,6 z' fill='#d62728'/></marker></defs>")
        parts.append(f"<line class='gradient-arrow' x1='{px(x):.1f}' y1='{py(y):.1f}' x2='{ex:.1f}' y2='{ey:.1f}' "
                     "stroke='#d62728' stroke-width='2.5' marker-end='url(#head)'/>")
    parts.append(f"<circle class='point' cx='{px(x):.1f}' cy='{py(y):.1f}' r='4.5' fill='#d62728'/>")
    parts.append("</svg>")
    return "".join(parts)


def _marching_squares(xs, ys, fs, level):
    """Line segments of the level set f = level on the grid (one or two per cell)."""
    segments = []
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            corners = [(xs[i], ys[j], fs[i, j]), (xs[i + 1], ys[j], fs[i + 1, j]),
                       (xs[i + 1], ys[j + 1], fs[i + 1, j + 1]), (xs[i], ys[j + 1], fs[i, j + 1])]
            if not all(np.isfinite(c[2]) for c in corners):
                continue
            crossings = []
            for (a0, b0, f0), (a1, b1, f1) in zip(corners, corners[1:] + corners[:1]):
                if (f0 < level) != (f1 < level):
                    t = (level - f0) / (f1 - f0)
                    crossings.append((a0 + t * (a1 - a0), b0 + t * (b1 - b0)))
            for k in range(0, len(crossings) - 1, 2):
                segments.append((crossings[k], crossings[k + 1]))
    return segments


class SlopeView:
    """A slope picture (SVG text) shown as an image; ``.svg`` is the picture, ``.note`` the reason if none."""

    def __init__(self, svg=None, note=None):
        self.svg, self.note = svg, note

    def __repr__(self):
        return self.note or "(slope picture: shown in a notebook; .svg holds it)"

    def _repr_html_(self):
        if self.svg is None:
            return f"<p class='autograd-magic-note'><em>{html.escape(self.note or '')}</em></p>"
        from .stepper import svg_img
        return f"<div class='autograd-magic-slope'>{svg_img(self.svg)}</div>"
