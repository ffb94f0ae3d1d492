"""``%%grad``: run a cell on the autograd engine, then show its gradient table and computation graph.

Three stages: parse the options -> run the cell (runner.run_cell) -> present the result (display.result).
"""
import contextlib
import io
import sys

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring

from traitlets import Enum

from .views.i18n import LANGUAGES
from .views.result import GradResult
from .views.sliders import live_bundle
from .trace.runner import run_cell


def _positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise UsageError(f"%%grad: expected a whole number, got {text!r}") from None
    if value < 1:
        raise UsageError(f"%%grad: expected a number >= 1, got {value}")
    return value


def _precision(text):
    value = _positive_int(text)
    if value > 12:
        raise UsageError(f"%%grad: --precision is at most 12, got {value}")
    return value


@magics_class
class GradMagics(Magics):
    """The %%grad cell magic."""

    language = Enum(LANGUAGES, default_value="en",
                    help="Language of the table, graph legend and slider hints: 'en' or 'ko' "
                         "(%config GradMagics.language = 'ko'; --lang for one cell).").tag(config=True)

    @magic_arguments()
    @argument("--no-table", action="store_true", help="Do not show the gradient table.")
    @argument("--no-graph", action="store_true", help="Do not show the computation graph.")
    @argument("--no-sliders", action="store_true", help="Do not show sliders for the cell's inputs.")
    @argument("--sliders", default=None, metavar="NAMES",
              help="Comma-separated inputs that get sliders (default: every leaf that requires grad).")
    @argument("--range", dest="ranges", action="append", default=[], metavar="NAME=MIN:MAX[:STEP]",
              help="Slider range for an input or an element, e.g. --range x=-3:3:0.1 --range \"x[1]=0:10:0.5\".")
    @argument("--rankdir", default="TB", choices=["TB", "LR"],
              help="Direction of the graph: TB (top to bottom, the default) or LR (left to right).")
    @argument("--max-nodes", type=_positive_int, default=60, metavar="N",
              help="Draw at most N nodes (default 60); bigger graphs are trimmed with a notice.")
    @argument("--format", dest="fmt", default="svg", choices=["svg", "png"],
              help="Graph image format: svg (default) or png, for frontends that cut SVGs off.")
    @argument("--precision", type=_precision, default=4, metavar="N",
              help="Digits after the decimal point in the table and graph (default 4, as PyTorch prints).")
    @argument("--lang", default=None, choices=list(LANGUAGES),
              help="Language of the table, legend and slider hints for this cell (default: "
                   "%%config GradMagics.language, en).")
    @argument("-o", dest="output", action="store_true",
              help="Return the result object (table, graph, DOT source, .save()) as the cell's value.")
    @argument("-v", dest="variable", default=None, metavar="NAME",
              help="Store the result object in the variable NAME.")
    @cell_magic
    def grad(self, line, cell):
        """Run the cell with ``torch`` meaning autograd_magic's engine; show gradients and the graph below it.

        The cell runs like a normal cell: same printed output, same value for its last expression, same
        traceback on error, same names afterwards. Inside it, ``torch`` (as a name or through ``import torch``)
        is autograd_magic's numpy engine, even where PyTorch is installed. Under the cell's output you then see:

        - a gradient table: the leaves that require grad, the outputs ``backward()`` ran from, and the named
          intermediates with d(output)/d(intermediate);
        - the backward graph (PyTorch's grad_fn nodes), with the source's names, values and gradients.

        Tensors from earlier cells are included when this cell's graph reaches them.

        Example::

            %%grad
            x = torch.tensor(2.0, requires_grad=True)
            y = x**2 + 3*x + 2
            y.backward()
            x.grad

        Sliders re-run the cell with changed inputs: such a re-run repeats every effect of the cell (printing is
        fine; writing files, network access or ``input()`` are the user's responsibility).
        """
        __tracebackhide__ = True  # noqa: F841  (IPython hides this frame in tracebacks)
        args = self.parse_options(line)
        filename = self._filename(cell)
        widgets = self._widgets(args)
        with _Capture(self.shell) if widgets else contextlib.nullcontext() as capture:
            run = run_cell(cell, self.shell.user_ns, filename=filename)
        value = run.value if run.has_value else None
        result = present(run, args)
        panel = self.sliders(run, result, args, cell, filename) if widgets else None
        if value is not None:
            if panel is None:
                self.shell.displayhook(value)
            else:  # Out[n] and _ as usual; the value is shown with the table, where a move replaces it
                self.shell.displayhook.update_user_ns(value)
        if args.variable:
            self.shell.user_ns[args.variable] = result
        result.panel = panel
        if panel is not None:
            # The cell's own output (printed text, displays, Out) is replaced by one display that a slider move
            # replaces as a whole: nothing of an older run stays on screen next to a newer one.
            result.stdout, result.stderr = capture.stdout(), capture.stderr()
            result.value_repr = None if value is None else self._text_repr(value)
            from IPython.display import clear_output, display
            clear_output()
            capture.replay()
            display(panel.bundle(), raw=True)
            panel.live.bundle = live_bundle(result)
            panel.live.value = panel.live.bundle["text/html"]
            if not args.output:
                panel.live.show()
        if args.output:
            return result
        if panel is None and (result.show_table or result.show_graph):
            from IPython.display import display
            display(result)
        return None

    def _text_repr(self, value):
        try:
            data, _ = self.shell.display_formatter.format(value, include=("text/plain",))
            return data.get("text/plain", repr(value))
        except Exception:  # noqa: BLE001 - a broken repr shows as Python's default
            return object.__repr__(value)

    def _widgets(self, args):
        """Sliders are possible: a kernel frontend with ipywidgets, and not --no-sliders."""
        if args.no_sliders or getattr(self.shell, "kernel", None) is None:
            return False
        try:
            import ipywidgets  # noqa: F401
        except ImportError:  # no widgets: sliders are left out silently
            return False
        return True

    def sliders(self, run, result, args, cell, filename):
        """The slider panel, or None: no inputs to move."""
        from .views.sliders import SliderPanel, slider_specs
        inputs = run.inputs()
        only = None if args.sliders is None else {n.strip() for n in args.sliders.split(",") if n.strip()}
        specs, notes = slider_specs(inputs, args.range_map, only, lang=args.lang)
        if not specs:
            return None
        originals = dict(inputs)
        shell = self.shell

        def rerun(overrides):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                again = run_cell(cell, shell.user_ns, filename=filename, overrides=overrides)
            new = present(again, args)
            new.stdout, new.stderr = out.getvalue(), err.getvalue()
            value = again.value if again.has_value else None
            new.value_repr = None if value is None else self._text_repr(value)
            return new
        panel = SliderPanel(specs, notes, originals, rerun, {"text/html": ""}, lang=args.lang)
        self._keep(panel, cell)
        return panel

    MAX_PANELS = 50

    def _keep(self, panel, cell):
        """Remember the panel under its cell; a re-run of that cell (or more than MAX_PANELS live panels)
        closes the old one, so widgets do not pile up in a long session."""
        panels = self.__dict__.setdefault("_panels", {})
        header = getattr(self.shell, "parent_header", None) or {}
        key = (header.get("metadata") or {}).get("cellId") or cell
        old = panels.pop(key, None)
        if old is not None:
            old.close()
        panels[key] = panel
        while len(panels) > self.MAX_PANELS:
            panels.pop(next(iter(panels))).close()

    def parse_options(self, line):
        try:
            args = parse_argstring(self.grad, line)
        except SystemExit:  # argparse's --help path
            raise UsageError("%%grad: see %%grad? for the options") from None
        except UsageError as exc:
            message = str(exc)
            if "unrecognized arguments" in message or "expected one argument" in message:
                message += "; %%grad's options are " + ", ".join(option_names(self.grad)) + " (%%grad? explains them)"
            raise UsageError(message) from None
        if args.lang is None:
            args.lang = self.language
        if args.variable is not None and not args.variable.isidentifier():
            raise UsageError(f"%%grad: -v needs a variable name, got {args.variable!r}")
        from .views.sliders import parse_range
        args.range_map = {}
        for text in args.ranges:
            try:
                label, rng = parse_range(text)
            except ValueError as exc:
                raise UsageError(f"%%grad: {exc}") from None
            args.range_map[label] = rng
        return args

    def _filename(self, cell):
        try:
            return self.shell.compile.cache(cell, self.shell.execution_count, raw_code=cell)
        except Exception:  # noqa: BLE001 - an older IPython: tracebacks then name the cell <%%grad>
            return "<%%grad>"


class _Tee:
    """A stream that writes to the screen as usual and keeps a copy."""

    def __init__(self, stream, copy):
        self._stream, self._copy = stream, copy

    def write(self, data):
        self._copy.write(data)
        return self._stream.write(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._stream.flush()

    def __getattr__(self, name):  # encoding, isatty, fileno ... as the real stream has them
        return getattr(self._stream, name)


class _Capture:
    """While the first run of a cell that gets sliders runs: its printed text reaches the screen as it is written
    and is kept, and what it displays is kept, so that afterwards the whole output can become one display that a
    slider move replaces."""

    def __init__(self, shell):
        self.shell = shell
        self._out, self._err = io.StringIO(), io.StringIO()
        self.displays = []

    def stdout(self):
        return self._out.getvalue()

    def stderr(self):
        return self._err.getvalue()

    def __enter__(self):
        self._streams = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = _Tee(sys.stdout, self._out), _Tee(sys.stderr, self._err)
        pub = self.shell.display_pub
        self._own = pub.__dict__.get("publish")
        original = pub.publish

        def publish(data, metadata=None, *rest, **kw):
            if not kw.get("update") and not (len(rest) > 1 and rest[1]):
                self.displays.append((data, metadata))
            return original(data, metadata, *rest, **kw)
        pub.publish = publish
        return self

    def __exit__(self, *exc):
        sys.stdout, sys.stderr = self._streams
        pub = self.shell.display_pub
        if self._own is None:
            pub.__dict__.pop("publish", None)
        else:
            pub.publish = self._own
        return False

    def replay(self):
        """Show again what the cell displayed (after the output was cleared)."""
        for data, metadata in self.displays:
            self.shell.display_pub.publish(data, metadata)


def present(run, args):
    """The result object for a finished run, shaped by the options."""
    rows = run.tensors()
    graph = run.graph(args.max_nodes)
    result = GradResult(rows, graph, show_table=not args.no_table, show_graph=not args.no_graph,
                        rankdir=args.rankdir, max_nodes=args.max_nodes, fmt=args.fmt, precision=args.precision,
                        lang=getattr(args, "lang", "en"))
    if result.show_graph:
        result.start_render()
    return result


def option_names(magic):
    """The option strings of a magic_arguments magic, in the order it declares them."""
    names = []
    for action in magic.parser._actions:
        if action.option_strings and "-h" not in action.option_strings:
            names.append(action.option_strings[-1] if action.option_strings[-1].startswith("--")
                         else action.option_strings[0])
    return names


def load_ipython_extension(ipython):
    ipython.register_magics(GradMagics)


def unload_ipython_extension(ipython):
    magics = ipython.magics_manager.magics
    if magics["cell"].get("grad") is not None:
        del magics["cell"]["grad"]
    registered = ipython.magics_manager.registry.pop("GradMagics", None)
    if registered is not None and registered in getattr(ipython, "configurables", []):
        ipython.configurables.remove(registered)
    for panel in (registered.__dict__.get("_panels", {}).values() if registered is not None else ()):
        panel.close()  # nothing else to undo: a run patches nothing that outlives it
