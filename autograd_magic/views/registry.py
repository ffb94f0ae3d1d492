"""Every view %%grad shows, declared in one place: its name, its options, and how it is made from a trace.

The magic reads these declarations: each view gets a ``--no-NAME`` switch and its own options (``%%grad?`` lists
them), and every option with a default becomes a traitlets option of the magics class, so that
``%config GradMagics.precision = 6`` sets the default for later cells. ``make_views(trace, args)`` builds the
views of one run, in the order of ``VIEWS`` (the order on screen).

To add a view: write a module in ``views/`` with a class that has ``__repr__`` and ``_repr_html_`` and reads only
the trace model, then add one ``ViewDecl`` to ``VIEWS`` below (see README, "How to add a view").
"""
from dataclasses import dataclass, field
from typing import Callable, Optional

from IPython.core.error import UsageError
from traitlets import CaselessStrEnum, Integer

from .diagram import GraphView
from .i18n import LANGUAGES
from .history import HistoryView, histories
from .stepper import Stepper
from .table import GradTable, leaf_snapshots


def positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise UsageError(f"%%grad: expected a whole number, got {text!r}") from None
    if value < 1:
        raise UsageError(f"%%grad: expected a number >= 1, got {value}")
    return value


def depth(text):
    try:
        value = int(text)
    except ValueError:
        raise UsageError(f"%%grad: --depth expects a whole number >= 0, got {text!r}") from None
    if value < 0:
        raise UsageError(f"%%grad: --depth expects a whole number >= 0, got {value}")
    return value


def precision(text):
    value = positive_int(text)
    if value > 12:
        raise UsageError(f"%%grad: --precision is at most 12, got {value}")
    return value


@dataclass(frozen=True)
class Option:
    """One option of the magic: argparse's flags and keywords; with ``trait``, its default is a %config trait
    named ``dest`` (the argparse default is then None: "take the configured value")."""
    flags: tuple
    dest: str
    kwargs: dict = field(default_factory=dict)
    trait: Optional[object] = None

    def argument(self):
        kwargs = dict(self.kwargs, dest=self.dest)
        if self.trait is not None:
            kwargs["default"] = None
        return self.flags, kwargs


@dataclass(frozen=True)
class ViewDecl:
    """A view: ``make(trace, args)`` returns an object with ``__repr__`` and ``_repr_html_`` (or None).

    A view is on unless ``--no-NAME``; an ``opt_in`` view is off unless ``--NAME`` (the help then says what it
    does)."""
    name: str
    help: str
    make: Optional[Callable] = None       # None: the magic builds it itself (the slider widgets)
    options: tuple = ()
    opt_in: bool = False


def _table(trace, args):
    return GradTable(trace.tensors, args.precision, lang=getattr(args, "language", "en"), passes=trace.passes)


def _history(trace, args):
    lang = getattr(args, "lang", None) or "en"
    lines = histories(trace.passes, trace.tensors, precision=args.precision, lang=lang,
                      leaf_records=getattr(trace, "leaf_records", None))
    return HistoryView(lines, lang=lang) if lines else None


def _steps(trace, args):
    return Stepper(trace.graph, trace.steps, passes=trace.passes, rankdir=args.rankdir, precision=args.precision,
                   max_nodes=args.max_nodes, lang=getattr(args, "lang", None) or "en")


def failed_nodes(trace):
    """Node ids where a backward pass of the trace raised: the node the failing pass was about to run (its root
    when no step ran, else the first node its last step sent a gradient to that did not run)."""
    out = set()
    for p in trace.passes:
        if p.error is None:
            continue
        steps = p.steps
        if not steps:
            out.update(i for i in p.root_ids if i is not None)
            continue
        ran = {s.node_id for s in steps}
        nxt = [i.target_id for i in steps[-1].inputs if i.target_id not in ran]
        out.update(nxt[:1])
    return out


def _graph(trace, args):
    view = GraphView(trace.graph, rankdir=args.rankdir, max_nodes=args.max_nodes, fmt=args.fmt,
                     precision=args.precision, depth=getattr(args, "depth", None),
                     lang=getattr(args, "language", "en"), failed=failed_nodes(trace),
                     snapshots=leaf_snapshots(trace.passes) if trace.graph.drawn == "last" else None,
                     ordered=bool(getattr(args, "steps", False)))
    view.start()  # the renderer runs while the other views are formatted
    return view


COMMON = (
    Option(("--precision",), "precision", dict(type=precision, metavar="N",
           help="Digits after the decimal point in every view (default 4, as PyTorch prints; %%config "
                "GradMagics.precision)."),
           Integer(4, min=1, max=12, help="Digits after the decimal point in every view.").tag(config=True)),
    Option(("--lang",), "language", dict(choices=list(LANGUAGES),
           help="Language of the labels (table headers, kinds, notes, legend, slider hints, steps): en (default) "
                "or ko (%%config GradMagics.language)."),
           CaselessStrEnum(list(LANGUAGES), "en", help="Language of the labels: 'en' or 'ko'.").tag(config=True)),
)

VIEWS = (
    ViewDecl("table", "Do not show the gradient table.", _table),
    ViewDecl("history", "Do not say how .grad grew over several backward calls (8 (earlier cell) + 2 + 2 = 12).",
             _history),
    ViewDecl("graph", "Do not show the computation graph.", _graph, options=(
        Option(("--rankdir",), "rankdir", dict(choices=["TB", "LR"],
               help="Direction of the graph: TB (top to bottom, the default) or LR (left to right)."),
               CaselessStrEnum(["TB", "LR"], "TB", help="Direction of the graph.").tag(config=True)),
        Option(("--max-nodes",), "max_nodes", dict(type=positive_int, metavar="N",
               help="Draw at most N nodes (default 60); bigger graphs are trimmed with a notice."),
               Integer(60, min=1, help="Nodes drawn at most; bigger graphs are trimmed.").tag(config=True)),
        Option(("--depth",), "depth", dict(type=depth, default=None, metavar="N",
               help="Module boxes: the ops of modules nested deeper than N are drawn as one box per module "
                    "(default: every module open up to 40 ops, else 1; 0 closes every module).")),
        Option(("--iteration",), "iteration", dict(choices=["last", "first"], default="last",
               help="A loop's graph: draw the last backward pass (the default) or the first; the table is the same.")),
        Option(("--format",), "fmt", dict(choices=["svg", "png"],
               help="Graph image format: svg (default) or png, for frontends that cut SVGs off."),
               CaselessStrEnum(["svg", "png"], "svg", help="Graph image format.").tag(config=True)),
    )),
    ViewDecl("steps", "Step through the backward pass under the graph, node by node in the engine's order.",
             _steps, opt_in=True),
    # Built by the magic from isolated re-runs of the cell (stepping.py), not from the trace alone:
    ViewDecl("jacobian", "Show the Jacobian J of the output backward() ran from, v and v^T J (one isolated "
             "re-run; shown unasked for a small backward(gradient=v)).", None, opt_in=True),
    ViewDecl("hessian", "Show the Hessian of a scalar output (torch.autograd.functional.hessian; isolated "
             "re-runs).", None, opt_in=True),
    ViewDecl("check", "Check each gradient against central differences in float64 (isolated re-runs).", None,
             opt_in=True),
    ViewDecl("slope", "Draw f with its tangent (one scalar input) or contours and the gradient (two): re-runs "
             "on a grid.", None, opt_in=True),
    ViewDecl("sliders", "Do not show sliders for the cell's inputs.", None, options=(
        Option(("--sliders",), "sliders", dict(default=None, metavar="NAMES",
               help="Comma-separated inputs that get sliders (default: every leaf that requires grad).")),
        Option(("--range",), "ranges", dict(action="append", default=[], metavar="NAME=MIN:MAX[:STEP]",
               help="Slider range for an input or an element, e.g. --range x=-3:3:0.1 "
                    "--range \"x[1]=0:10:0.5\".")),
    )),
)


def all_options():
    return [*COMMON, *(o for view in VIEWS for o in view.options)]


def arguments():
    """(flags, keywords) for argparse, in the order %%grad? lists them: the --no-NAME switches, then options."""
    out = [((f"--{view.name}" if view.opt_in else f"--no-{view.name}",), dict(action="store_true", help=view.help))
           for view in VIEWS]
    out.extend(option.argument() for option in all_options())
    return out


def traits():
    """{name: trait} for the magics class: the configurable defaults."""
    return {option.dest: option.trait for option in all_options() if option.trait is not None}


_TRAIT_NAMES = []   # (filled on first use: the options are all declared by then)


def fill_defaults(args, configurable):
    """Options not given on the %%grad line take the magics object's configured values."""
    if not _TRAIT_NAMES:
        _TRAIT_NAMES.extend(traits())
    for name in _TRAIT_NAMES:
        if getattr(args, name, None) is None:
            value = getattr(configurable, name)
            setattr(args, name, value.upper() if name == "rankdir" else value.lower() if name in ("fmt", "language")
                    else value)
    return args


# Views that read backward nodes (the graph, the table's intermediates, the steps) or that re-run the cell from
# the table's rows; the history needs only the passes' outputs and leaves.
_NODE_VIEWS = ("table", "graph", "steps", "jacobian", "hessian", "check", "slope")


def draws_nodes(args):
    """True when a view that is on reads backward nodes, or the result object is asked for (-o, -v: its
    ``.steps``, ``.table``, ``.graph`` must be whole); else the recorder may skip nodes (model.Caps(steps=0))."""
    if getattr(args, "output", False) or getattr(args, "variable", None):
        return True
    on = {v.name: (getattr(args, v.name, False) if v.opt_in else not getattr(args, "no_" + v.name, False))
          for v in VIEWS}
    return any(on.get(name) for name in _NODE_VIEWS)


def reads_flows(args):
    """True when something may read what each edge of a step sent (the stepper, or the result object of -o/-v
    and its ``.steps``); else the recorder keeps each step's incoming gradient only (model.Caps(flows=False))."""
    if getattr(args, "output", False) or getattr(args, "variable", None):
        return True
    steps = next((v for v in VIEWS if v.name == "steps"), None)
    if steps is None:
        return False
    return bool(getattr(args, "steps", False)) if steps.opt_in else not getattr(args, "no_steps", False)


def reads_histories(args):
    """True when the table is drawn (its loss curves and parameter trajectories) or the result object is asked
    for (-o, -v: its ``.rows`` carry the histories); else the recorder keeps pass counts only
    (model.Caps(histories=False))."""
    if getattr(args, "output", False) or getattr(args, "variable", None):
        return True
    return not getattr(args, "no_table", False)


def reads_every_pass(args):
    """True when something may read every pass (the stepper, or the result object of -o/-v and its ``.passes``);
    else the recorder lets go of the passes a long loop hides (model.Caps(compact=True))."""
    return reads_flows(args)


def make_views(trace, args):
    """{name: view} of one run, for the views that are on (no --no-NAME; --NAME for opt-in views) and made from
    the trace."""
    views = {}
    for view in VIEWS:
        on = getattr(args, view.name, False) if view.opt_in else not getattr(args, "no_" + view.name, False)
        made = view.make(trace, args) if view.make is not None and on else None
        if made is not None:   # None: nothing to show for this run
            views[view.name] = made
    return views
