"""GradResult: what %%grad shows under a cell, as one object (table + graph), also returned by ``-o``.

Drawing never fails the cell: an error while building or showing a view becomes a short note under the cell
(``Problem``), with the details (the traceback) one click away in HTML and in ``result.problems``.
"""
import concurrent.futures
import dataclasses
import html
import pathlib
import traceback

from ..trace.model import LEAF, OUTPUT
from .table import GradTable

GRAPH_CSS = "max-width:100%;overflow:auto"
_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="autograd-magic-render")


@dataclasses.dataclass
class Problem:
    """Something %%grad could not record or draw: a short note, and the traceback behind it."""
    note: str
    details: str = ""

    @classmethod
    def from_exception(cls, what, exc):
        text = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        return cls(f"{what} failed ({text}); the cell itself ran normally",
                   "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))

    def html(self):
        return ("<details class='autograd-magic-problem'><summary><small>%%grad: "
                f"{html.escape(self.note)}</small></summary><pre>{html.escape(self.details)}</pre></details>")

    def text(self, index):
        return f"%%grad: {self.note} (details: result.problems[{index}].details)"


class GradResult:
    """The tensors a %%grad cell touched and their backward graph.

    ``.table`` (GradTable), ``.graph`` (GraphSpec), ``.dot`` (DOT source), ``.svg``, ``.save("graph.svg")``;
    shows itself as HTML in a notebook and as text in a terminal.
    """

    def __init__(self, rows, graph, *, show_table=True, show_graph=True, rankdir="TB", max_nodes=60,
                 fmt="svg", precision=4, render_timeout=5.0, stepper=None, extras=(), derivatives=None,
                 trace=None):
        self.trace = trace  # the trace model (trace/model.py): passes and steps of the backward calls
        self.rows = rows
        self.graph = graph
        self.table = GradTable(rows, precision)
        self.show_table, self.show_graph = show_table, show_graph
        self.rankdir, self.max_nodes, self.fmt, self.precision = rankdir, max_nodes, fmt, precision
        self.render_timeout = render_timeout
        self._rendered = {}
        self.panel = None  # the SliderPanel shown with it, if any
        self.stepper = stepper            # views.stepper.Stepper (--steps), shown under the graph
        self.stepper_live = False         # True when the magic shows the stepper as a widget instead
        self.stepper_widget = None        # that widget (views.stepper.StepperWidget), if any
        self.extras = list(extras)        # more views under the graph: .grad history, Jacobian, check, slope
        self._derivatives = derivatives
        self.problems = []                # [Problem]: what could not be recorded or drawn
        if trace is not None:
            self.problems.extend(Problem(note, details) for note, details in
                                 zip(trace.notes, getattr(trace, "details", None) or [""] * len(trace.notes)))

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
    def passes(self):
        """One trace.model.Pass per backward()/autograd.grad call of the cell, in order."""
        return self.trace.passes if self.trace is not None else []

    @property
    def steps(self):
        """Every node run of every backward pass, in the order the engine ran them (trace.model.Step: ``.node``,
        ``.grad_in``, ``.inputs`` with ``.target``, ``.local``, ``.contribution``)."""
        return self.trace.steps if self.trace is not None else []

    @property
    def leaves(self):
        return [r for r in self.rows if r.kind == LEAF]

    @property
    def outputs(self):
        return [r for r in self.rows if r.kind == OUTPUT]

    @property
    def dot(self):
        from .graph import to_dot
        return to_dot(self.graph, rankdir=self.rankdir, precision=self.precision, max_nodes=self.max_nodes)

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
        if self.fmt == "png":
            import base64
            data = base64.b64encode(result.data).decode("ascii")
            return f"<div class='autograd-magic-graph'><img src='data:image/png;base64,{data}'/></div>"
        return f"<div class='autograd-magic-graph' style='{GRAPH_CSS}'>{result.data}</div>"

    def _repr_mimebundle_(self, include=None, exclude=None):
        """HTML for notebooks; with it, the plain-text fallback is the table alone (the outline of the graph,
        the costly part of __repr__, is for terminals)."""
        try:
            text = repr(self.table) if self.show_table else "(computation graph)"
        except Exception as exc:  # noqa: BLE001 - drawing never fails the cell
            text = Problem.from_exception("drawing the table", exc).text(0)
        return {"text/html": self._repr_html_(), "text/plain": text}

    def _repr_html_(self):
        try:
            body = self._html_parts()
        except Exception as exc:  # noqa: BLE001 - drawing never fails the cell: a note says what went wrong
            self.problems.append(Problem.from_exception("drawing the views", exc))
            body = ""
        notes = "".join(p.html() for p in self.problems)
        return "<div class='autograd-magic'>" + body + notes + "</div>"

    def _html_parts(self):
        parts = []
        if self.show_table:
            parts.append(self.table._repr_html_())
        if self.show_graph:
            parts.append(self._graph_html())
        parts.extend(view._repr_html_() for view in self.extras)
        if self.stepper is not None and not self.stepper_live:
            parts.append(self.stepper._repr_html_())
        return "".join(parts)

    def __repr__(self):
        try:
            parts = self._text_parts()
        except Exception as exc:  # noqa: BLE001 - drawing never fails the cell
            self.problems.append(Problem.from_exception("drawing the views", exc))
            parts = []
        parts.extend(p.text(i) for i, p in enumerate(self.problems))
        return "\n\n".join(p for p in parts if p)

    def _text_parts(self):
        parts = []
        if self.show_table:
            parts.append(repr(self.table))
        if self.show_graph and self.graph.nodes:
            parts.append(self.outline())
        parts.extend(repr(view) for view in self.extras)
        if self.stepper is not None:
            parts.append(repr(self.stepper))
        return parts
