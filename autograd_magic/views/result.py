"""GradResult: what %%grad shows under a cell, as one object (table + graph), also returned by ``-o``.

Drawing never fails the cell: an error while building or showing a view becomes a short note under the cell
(``Problem``), with the details (the traceback) one click away in HTML and in ``result.problems``.
"""
import dataclasses
import html
import traceback

from ..trace.model import LEAF, OUTPUT

STDERR_CSS = "background:#fdd;margin:0 0 0.3em 0;padding:2px 4px"


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
    """What one %%grad run shows: its views (declared in views/registry.py: table, graph ...) over one trace.

    ``.trace`` (the model), ``.views`` ({name: view}), ``.rows``, ``.steps``, ``.passes``; the table and graph
    as ``.table`` (GradTable), ``.graph`` (GraphSpec), ``.dot`` (DOT source), ``.svg``, ``.save("graph.svg")``.
    Shows itself as HTML in a notebook and as text in a terminal: the views in order, then the extras.
    """

    def __init__(self, trace, views, *, precision=4, extras=(), derivatives=None):
        self.trace = trace                # the trace model (trace/model.py)
        self.views = dict(views)          # {name: view} in the order they are shown
        self.precision = precision
        self.panel = None  # the SliderPanel shown with it, if any
        self.stepper_live = False         # True when the magic shows the stepper as a widget instead
        self.stepper_widget = None        # that widget (views.stepper.StepperWidget), if any
        self.extras = list(extras)        # views the magic built from re-runs: Jacobian, Hessian, check, slope
        self._derivatives = derivatives
        self.problems = []                # [Problem]: what could not be recorded or drawn
        # What the cell printed and returned, shown above the views when they own the cell's whole output (a cell
        # with sliders: a move replaces all of it); None when the cell's own output is above them.
        self.stdout = self.stderr = self.value_repr = self.ran_with = None
        self.outputs_html = ""            # a re-run's displays and traceback (views.capture), as HTML
        self.notes = []                   # what a slider's re-run could not do as asked (CellRun.notes)
        self.problems.extend(Problem(note, details) for note, details in
                             zip(trace.notes, trace.details or [""] * len(trace.notes)))

    # ------------------------------------------------------------ the model

    @property
    def rows(self):
        return self.trace.tensors

    @property
    def graph(self):
        return self.trace.graph

    @property
    def shown(self):
        """True when there is anything to show under the cell."""
        return bool(self.views or self.extras or self.problems)

    @property
    def table(self):
        """The table view (made on demand when --no-table left it out)."""
        if "table" not in self.views:
            from .table import GradTable
            return GradTable(self.rows, self.precision)
        return self.views["table"]

    @property
    def diagram(self):
        """The graph view (views.diagram.GraphView; made on demand when --no-graph left it out)."""
        if "graph" not in self.views:
            from .diagram import GraphView
            self.__dict__.setdefault("_diagram", GraphView(self.graph, precision=self.precision))
            return self.__dict__["_diagram"]
        return self.views["graph"]

    @property
    def render_timeout(self):
        return self.diagram.render_timeout

    @render_timeout.setter
    def render_timeout(self, seconds):
        self.diagram.render_timeout = seconds

    @property
    def dot(self):
        return self.diagram.dot

    def outline(self):
        return self.diagram.outline()

    def render(self, fmt=None):
        """RenderResult for fmt ("svg" or "png"), rendered once."""
        return self.diagram.render(fmt)

    @property
    def svg(self):
        return self.diagram.svg

    def save(self, path):
        """Write the diagram to path; the format comes from the suffix (.svg or .png)."""
        return self.diagram.save(path)

    @property
    def stepper(self):
        """The stepper (views.stepper.Stepper, with --steps), or None."""
        return self.views.get("steps")

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

    def _repr_mimebundle_(self, include=None, exclude=None):
        """HTML for notebooks; with it, the plain-text fallback is the table alone (the outline of the graph,
        the costly part of __repr__, is for terminals)."""
        page = self._repr_html_()   # (first: the table's text form then reuses the cells that fit in any width)
        try:
            text = self.plain_text()
        except Exception as exc:  # noqa: BLE001 - drawing never fails the cell
            text = Problem.from_exception("drawing the table", exc).text(0)
        return {"text/html": page, "text/plain": text}

    def plain_text(self):
        """What a terminal shows: the run's own output when the views hold it, the table, and a one-line hint
        where the graph would be (the outline, the costly part of __repr__, is for print(result))."""
        parts = [self.ran_with, *self.notes]
        parts.extend(p.rstrip("\n") for p in (self.stdout, self.stderr, self.value_repr) if p)
        for name, view in self.views.items():
            parts.append(view.hint() if name == "graph" else repr(view))
        return "\n".join(p for p in parts if p)

    def _preamble_html(self):
        """The run's own output (when the views hold it): 'ran with ...', notes, printed text, displays, value."""
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
        parts.append(self.outputs_html)
        if self.value_repr is not None:
            parts.append(f"<pre class='autograd-magic-value' style='margin:0 0 0.3em 0'>"
                         f"{html.escape(self.value_repr)}</pre>")
        return "".join(parts)

    def _repr_html_(self):
        try:
            body = self._html_parts()
        except Exception as exc:  # noqa: BLE001 - drawing never fails the cell: a note says what went wrong
            self.problems.append(Problem.from_exception("drawing the views", exc))
            body = ""
        notes = "".join(p.html() for p in self.problems)
        return "<div class='autograd-magic'>" + body + notes + "</div>"

    def _html_parts(self):
        parts = [self._preamble_html()]
        parts.extend(view._repr_html_() for name, view in self.views.items() if name != "steps")
        parts.extend(view._repr_html_() for view in self.extras)
        if self.stepper is not None and not self.stepper_live:  # the live widget is shown apart
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
        parts = [repr(view) for name, view in self.views.items() if name != "steps"]
        parts.extend(repr(view) for view in self.extras)
        if self.stepper is not None:
            parts.append(repr(self.stepper))
        return parts
