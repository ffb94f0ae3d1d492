"""The graph view: the backward graph of a trace as a diagram (SVG/PNG through graphviz-pure), with the
plain-text outline for terminals and for when no diagram can be drawn.

``GraphView(spec)`` reads a ``trace.model.GraphSpec``; ``.dot`` is its DOT source, ``.svg``, ``.save(path)``;
rendering runs in the background (``start()``) while the other views are formatted.
"""
import base64
import html
import pathlib
import re

from .graph import outline, to_dot
from .i18n import text as words
from .render import RenderResult

GRAPH_CSS = "max-width:100%;overflow:auto"
IMG_CSS = "max-width:100%;height:auto;display:block"
# A wide graph shrinks to the output's width, but not below this share of its natural size (10 pt text stays
# about 9 px high); past that the picture keeps this size and its box scrolls sideways. Demo 03's XOR graph in
# JupyterLab at 1024 px was drawn at 0.48 of its size, its text 6 px high.
MIN_SCALE = 0.7


def natural_width(data) -> float | None:
    """The width in CSS px a browser gives the picture: an SVG's width attribute (Graphviz writes pt), a PNG's
    pixel width."""
    if isinstance(data, bytes):
        return float(int.from_bytes(data[16:20], "big")) if data[:8] == b"\x89PNG\r\n\x1a\n" else None
    match = re.search(r'<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"', data[:2000])
    if not match:
        return None
    return float(match.group(1)) * (4 / 3 if match.group(2) == "pt" else 1)


def img_css(data) -> str:
    """IMG_CSS with a minimum width that keeps the picture at MIN_SCALE of its natural size or more."""
    width = natural_width(data)
    return IMG_CSS if not width else f"{IMG_CSS};min-width:{width * MIN_SCALE:.0f}px"


class GraphView:
    """The computation graph of one run."""

    def __init__(self, spec, *, rankdir="TB", max_nodes=60, fmt="svg", precision=4, render_timeout=5.0,
                 depth=None, lang="en", failed=(), snapshots=None, ordered=False):
        self.spec, self.depth = spec, depth
        self.lang = lang
        self.failed = frozenset(failed)   # node ids where the cell's backward() raised: marked "failed here"
        self.snapshots = snapshots or {}  # {leaf node id: its values when its last backward ran}
        self.ordered = ordered   # laid out as the stepper lays out its pictures (--steps), see graph.to_dot
        self.rankdir, self.max_nodes, self.fmt, self.precision = rankdir, max_nodes, fmt, precision
        self.render_timeout = render_timeout
        self._rendered = {}

    @property
    def dot(self):
        return to_dot(self.spec, rankdir=self.rankdir, precision=self.precision, max_nodes=self.max_nodes,
                      depth=self.depth, lang=self.lang, failed=self.failed, snapshots=self.snapshots,
                      ordered=self.ordered)

    def outline(self):
        return outline(self.spec, precision=self.precision)

    def start(self, fmt=None):
        """Start rendering (the renderer is a separate process that lays the graph out while the other views are
        formatted); render() collects it."""
        fmt = fmt or self.fmt
        if fmt not in self._rendered and self.spec.nodes:
            from .render import begin
            self._rendered[fmt] = begin(self.dot, fmt, self.render_timeout)

    def render(self, fmt=None):
        """RenderResult for fmt ("svg" or "png"), rendered once."""
        fmt = fmt or self.fmt
        if fmt not in self._rendered:
            self.start(fmt)
        pending = self._rendered[fmt]
        if not isinstance(pending, RenderResult):
            self._rendered[fmt] = pending.result()
        return self._rendered[fmt]

    @property
    def svg(self):
        return self.render("svg").data

    def save(self, path):
        """Write the diagram to path; the format comes from the suffix (.svg or .png)."""
        path = pathlib.Path(path)
        fmt = path.suffix.lstrip(".").lower()
        if fmt not in ("svg", "png"):
            raise ValueError(f"save() writes .svg or .png files, not {path.suffix!r}")
        result = self.render(fmt)
        if result.data is None:
            raise RuntimeError(result.error)
        if isinstance(result.data, bytes):
            path.write_bytes(result.data)
        else:
            path.write_text(result.data, encoding="utf-8")
        return path

    def _repr_html_(self):
        if not self.spec.nodes:
            return ""
        result = self.render()
        if result.data is None:
            text = html.escape(self.outline())
            return (f"<div class='autograd-magic-graph'><p><em>{html.escape(result.error or '')}</em></p>"
                    f"<pre>{text}</pre></div>")
        # An <img> with a data URI, never an <svg> element inside the HTML: an untrusted notebook (a shipped
        # one, not yet run) sanitises HTML and strips an inline SVG to its text, and JupyterLab refuses
        # image/svg+xml outputs there; an image in HTML shows in JupyterLab, nbconvert and static viewers alike.
        if self.fmt == "png":
            uri = "data:image/png;base64," + base64.b64encode(result.data).decode("ascii")
        else:
            uri = "data:image/svg+xml;base64," + base64.b64encode(result.data.encode("utf-8")).decode("ascii")
        alt = html.escape(words("graph_alt", self.lang), quote=True)
        return (f"<div class='autograd-magic-graph' style='{GRAPH_CSS}'>"
                f"<img src='{uri}' alt='{alt}' style='{img_css(result.data)}'/></div>")

    def hint(self):
        """The one line a terminal shows where the graph would be."""
        return words("terminal_hint", self.lang) if self.spec.nodes else ""

    def __repr__(self):
        return self.outline() if self.spec.nodes else ""
