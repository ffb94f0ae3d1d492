"""GradResult: what %%grad shows under a cell, as one object (table + graph), also returned by ``-o``."""
import base64
import concurrent.futures
import html
import pathlib

from ..trace.model import LEAF, OUTPUT
from .i18n import text
from .table import GradTable

GRAPH_CSS = "max-width:100%;overflow:auto"
IMG_CSS = "max-width:100%;height:auto;display:block"
STDERR_CSS = "background:#fdd;margin:0 0 0.3em 0;padding:2px 4px"
_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="autograd-magic-render")


class GradResult:
    """The tensors a %%grad cell touched and their backward graph.

    ``.table`` (GradTable), ``.graph`` (GraphSpec), ``.dot`` (DOT source), ``.svg``, ``.save("graph.svg")``;
    shows itself as HTML in a notebook and as text in a terminal.
    """

    def __init__(self, rows, graph, *, show_table=True, show_graph=True, rankdir="TB", max_nodes=60,
                 fmt="svg", precision=4, render_timeout=5.0, stepper=None, extras=(), derivatives=None,
                 lang="en"):
        self.rows = rows
        self.graph = graph
        self.lang = lang
        self.table = GradTable(rows, precision, lang)
        self.show_table, self.show_graph = show_table, show_graph
        self.rankdir, self.max_nodes, self.fmt, self.precision = rankdir, max_nodes, fmt, precision
        self.render_timeout = render_timeout
        self._rendered = {}
        self.panel = None  # the SliderPanel shown with it, if any
        # What the cell printed and returned, shown above the table when the views own the cell's whole output
        # (a cell with sliders: a move replaces all of it); None when the cell's own output is above.
        self.stdout = self.stderr = self.value_repr = self.ran_with = None
        self.notes = []  # what a slider's re-run could not do as asked (runner's CellRun.notes)
        self.stepper = stepper            # views.stepper.Stepper (--steps), shown under the graph
        self.stepper_live = False         # True when the magic shows the stepper as a widget instead
        self.extras = list(extras)        # more views under the graph: .grad history, Jacobian, check, slope
        self._derivatives = derivatives

    @property
    def jacobian(self):
        """{leaf name: array (output elements, leaf elements)} (--jacobian, or a backward(gradient=v)), or None."""
        return None if self._derivatives is None else self._derivatives.jacobian

    @property
    def v(self):
        """The gradient= vector the Jacobian's v^T J uses (None: a scalar output's implicit 1)."""
        return None if self._derivatives is None else self._derivatives.v

    @property
    def check(self):
        """--check rows (.name, .autograd, .numeric, .rel_error), or None."""
        return None if self._derivatives is None else self._derivatives.check

    @property
    def hessian(self):
        """--hessian: {(name_i, name_j): array}, or None."""
        return None if self._derivatives is None else self._derivatives.hessian

    @property
    def leaves(self):
        return [r for r in self.rows if r.kind == LEAF]

    @property
    def outputs(self):
        return [r for r in self.rows if r.kind == OUTPUT]

    @property
    def dot(self):
        from .graph import to_dot
        return to_dot(self.graph, rankdir=self.rankdir, precision=self.precision, max_nodes=self.max_nodes,
                      lang=self.lang)

    def outline(self):
        from .graph import outline
        return outline(self.graph, precision=self.precision)

    def render(self, fmt=None):
        """RenderResult for fmt ("svg" or "png"), rendered once."""
        fmt = fmt or self.fmt
        if fmt not in self._rendered:
            self.start_render(fmt)
        pending = self._rendered[fmt]
        if isinstance(pending, concurrent.futures.Future):
            self._rendered[fmt] = pending.result()
        return self._rendered[fmt]

    def start_render(self, fmt=None):
        """Start rendering in the background (the renderer is a separate process: the table can be formatted
        meanwhile); render() collects the result."""
        fmt = fmt or self.fmt
        if fmt not in self._rendered and self.graph.nodes:
            from .render import render
            self._rendered[fmt] = _POOL.submit(render, self.dot, fmt, self.render_timeout)

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

    # ------------------------------------------------------------ rich display

    def _graph_html(self):
        if not self.graph.nodes:
            return ""
        result = self.render()
        if result.data is None:
            outline = html.escape(self.outline())
            return (f"<div class='autograd-magic-graph'><p><em>{html.escape(result.error or '')}</em></p>"
                    f"<pre>{outline}</pre></div>")
        # An <img> with a data URI, never an <svg> element inside the HTML: an untrusted notebook (a shipped
        # one, not yet run) sanitises HTML and would strip an inline SVG to its text, and JupyterLab refuses
        # image/svg+xml outputs there; an image in HTML shows in JupyterLab, nbconvert and static viewers alike.
        if self.fmt == "png":
            uri = "data:image/png;base64," + base64.b64encode(result.data).decode("ascii")
        else:
            uri = "data:image/svg+xml;base64," + base64.b64encode(result.data.encode("utf-8")).decode("ascii")
        alt = html.escape(text("graph_alt", self.lang), quote=True)
        return (f"<div class='autograd-magic-graph' style='{GRAPH_CSS}'>"
                f"<img src='{uri}' alt='{alt}' style='{IMG_CSS}'/></div>")

    def _repr_mimebundle_(self, include=None, exclude=None):
        """HTML for notebooks; with it, the plain-text fallback is the table alone (the outline of the graph,
        the costly part of __repr__, is for terminals)."""
        return {"text/html": self._repr_html_(), "text/plain": self.plain_text()}

    def plain_text(self):
        """What a terminal shows: the run's own output when the views hold it, the table, and a one-line hint
        where the graph would be."""
        parts = []
        if self.ran_with:
            parts.append(self.ran_with)
        parts.extend(self.notes)
        parts.extend(p.rstrip("\n") for p in (self.stdout, self.stderr, self.value_repr) if p)
        if self.show_table:
            parts.append(repr(self.table))
        if self.show_graph and self.graph.nodes:
            parts.append(text("terminal_hint", self.lang))
        parts.extend(repr(view) for view in self.extras)
        return "\n".join(p for p in parts if p)

    def _preamble_html(self):
        parts = []
        if self.ran_with:
            parts.append(f"<div class='autograd-magic-ran-with' style='font-style:italic;color:#555'>"
                         f"{html.escape(self.ran_with)}</div>")
        parts.extend(f"<div class='autograd-magic-note'><small>{html.escape(n)}</small></div>" for n in self.notes)
        if self.stdout:
            parts.append(f"<pre class='autograd-magic-stdout' style='margin:0 0 0.3em 0'>"
                         f"{html.escape(self.stdout)}</pre>")
        if self.stderr:
            parts.append(f"<pre class='autograd-magic-stderr' style='{STDERR_CSS}'>{html.escape(self.stderr)}</pre>")
        if self.value_repr is not None:
            parts.append(f"<pre class='autograd-magic-value' style='margin:0 0 0.3em 0'>"
                         f"{html.escape(self.value_repr)}</pre>")
        return "".join(parts)

    def _repr_html_(self):
        parts = [self._preamble_html()]
        if self.show_table:
            parts.append(self.table._repr_html_())
        if self.show_graph:
            parts.append(self._graph_html())
        parts.extend(view._repr_html_() for view in self.extras)
        if self.stepper is not None and not self.stepper_live:
            parts.append(self.stepper._repr_html_())
        return "<div class='autograd-magic'>" + "".join(parts) + "</div>"

    def __repr__(self):
        parts = []
        if self.show_table:
            parts.append(repr(self.table))
        if self.show_graph and self.graph.nodes:
            parts.append(self.outline())
        parts.extend(repr(view) for view in self.extras)
        if self.stepper is not None:
            parts.append(repr(self.stepper))
        return "\n\n".join(p for p in parts if p)
