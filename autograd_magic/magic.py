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

from .trace.model import OUTPUT
from .views.i18n import LANGUAGES
from .views.result import GradResult
from .views.sliders import live_bundle
from .trace.execute import user_traceback
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
    @argument("--steps", action="store_true",
              help="Step through the backward pass under the graph, node by node in the engine's order.")
    @argument("--jacobian", action="store_true",
              help="Show the Jacobian J of the output backward() ran from, v and v^T J (one isolated re-run).")
    @argument("--hessian", action="store_true",
              help="Show the Hessian of a scalar output (torch.autograd.functional.hessian; isolated re-runs).")
    @argument("--check", action="store_true",
              help="Check each gradient against central differences in float64 (isolated re-runs of the cell).")
    @argument("--slope", action="store_true",
              help="Draw f with its tangent (one scalar input) or contours and the gradient (two): re-runs on a grid.")
    @argument("--lang", default=None, choices=list(LANGUAGES),
              help="Language of the table, legend, slider hints and steps for this cell (default: "
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
        source, filename = self._compile_input(line, cell)
        widgets = self._widgets(args)
        try:
            with _Capture(self.shell) if widgets else contextlib.nullcontext() as capture:
                run = run_cell(source, self.shell.user_ns, filename=filename)
        except BaseException as exc:  # noqa: BLE001 - shown as a normal cell shows it, see _fail
            self._fail(exc, filename, cell)
            return None
        show_value = run.has_value and run.value is not None and not _ends_with_semicolon(source)
        result = present(run, args, cell, self.shell.user_ns)
        stepper = self.stepper_widget(result)
        if args.variable:
            self.shell.user_ns[args.variable] = result
        panel = None
        if widgets and not args.output:
            panel = self.sliders(run, result, args, cell, source, filename, stepper)
        result.panel = panel
        if show_value:
            if panel is None:
                self.shell.displayhook(run.value)
            else:  # Out[n] and _ as usual; the value is shown with the table, where a move replaces it
                self.shell.displayhook.update_user_ns(run.value)
        if args.output:
            return result
        from IPython.display import display
        if panel is not None:
            # The cell's own output (printed text, displays, Out) becomes one display that a slider move
            # replaces as a whole: nothing of an older run stays on screen next to a newer one. The sliders are a
            # display of their own: a viewer without widgets still shows the table and the graph (HTML with the
            # graph as an <img>), and the sliders' plain-text stand-in.
            result.stdout, result.stderr = capture.stdout(), capture.stderr()
            result.value_repr = self._text_repr(run.value) if show_value else None
            from IPython.display import clear_output
            clear_output()
            capture.replay()
            display(panel.bundle(), raw=True)
            panel.live.bundle = live_bundle(result)
            panel.live.value = panel.live.bundle["text/html"]
            panel.live.show()
        elif result.show_table or result.show_graph or result.extras:
            display(result)
        if stepper is not None:
            bundle = dict(stepper.widget._repr_mimebundle_())
            bundle["text/html"] = result.stepper._repr_html_()  # viewers without widgets: the static steps
            display(bundle, raw=True)
        return None

    def stepper_widget(self, result):
        """The live stepper (--steps in a kernel with widgets), or None: the result then shows static steps."""
        if result.stepper is None or getattr(self.shell, "kernel", None) is None:
            return None
        try:
            from .views.stepper import StepperWidget
            live = StepperWidget(result.stepper)
        except ImportError:
            return None
        result.stepper_live = True
        return live

    def _text_repr(self, value):
        """The value's text as Out shows it."""
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

    def sliders(self, run, result, args, cell, source, filename, stepper=None):
        """The slider panel, or None: no inputs to move."""
        from .views.sliders import SliderPanel, slider_specs
        inputs = run.inputs()
        only = None if args.sliders is None else {n.strip() for n in args.sliders.split(",") if n.strip()}
        specs, notes = slider_specs(inputs, args.range_map, only, lang=args.lang)
        if not specs:
            return None
        originals, sites = dict(inputs), run.sites
        shell = self.shell

        def rerun(overrides):
            out, err = io.StringIO(), io.StringIO()
            at = {(name, sites[name]): values for name, values in overrides.items()}
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                again = run_cell(source, shell.user_ns, filename=filename, overrides=at)
                shown = present(again, args, cell, shell.user_ns)
            shown.notes = again.notes
            shown.stdout, shown.stderr = out.getvalue(), err.getvalue()
            if again.has_value and again.value is not None and not _ends_with_semicolon(source):
                shown.value_repr = self._text_repr(again.value)
            if stepper is not None and shown.stepper is not None:
                shown.stepper_live = True
                stepper.show(shown.stepper)   # the stepper follows the run on screen
            return shown
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

    def _running_cell(self):
        """IPython's ExecutionResult of the cell being run when this call is that cell itself (a %%grad cell),
        else None (a call from code, or no cell running)."""
        result = getattr(self.shell.displayhook, "exec_result", None)
        raw = getattr(getattr(result, "info", None), "raw_cell", None)
        if isinstance(raw, str) and raw.lstrip().startswith("%%grad"):
            return result
        return None

    def _compile_input(self, line, cell):
        """(Python source, file name): the cell through IPython's own input transformation (%magics, !cmd,
        x?, as in a normal cell), one line down so that line numbers count the %%grad line as the frontend does,
        and registered as the frontend's cell [N] so that tracebacks say ``Cell In[N], line L``."""
        header = ("%%grad " + line).rstrip()
        lines = cell.splitlines(True)
        blank = next((i for i, text in enumerate(lines) if text.strip()), len(lines))
        try:  # IPython drops leading blank lines: they are put back, to keep the line numbers
            source = "\n" * (1 + blank) + self.shell.transform_cell("".join(lines[blank:]))
        except Exception:  # noqa: BLE001 - the cell as written; its SyntaxError is then the compiler's
            source = "\n" + cell
        running = self._running_cell()
        number = running.execution_count if running is not None else self.shell.execution_count
        raw = running.info.raw_cell if running is not None else header + "\n" + cell
        try:
            return source, self.shell.compile.cache(header + source, number, raw_code=raw)
        except Exception:  # noqa: BLE001 - an older IPython: tracebacks then name the cell <%%grad>
            return source, "<%%grad>"

    def _fail(self, exc, filename, cell):
        """The cell raised exc: show it as a normal cell does (the user's frames only, SyntaxError in 4 lines,
        SystemExit as one line) and mark the cell as failed; a call from code gets the exception raised."""
        __tracebackhide__ = True  # noqa: F841
        tb = user_traceback(exc.__traceback__, filename)
        if tb is not None:
            exc.__traceback__ = tb
        running = self._running_cell()
        if running is None:
            raise exc
        shell = self.shell
        if isinstance(exc, SyntaxError) and tb is None:  # raised by the compiler: no frame of the cell ran
            shell.showsyntaxerror()
        elif isinstance(exc, SystemExit):
            shell.showtraceback(exception_only=True)
            import warnings
            warnings.warn("To exit: use 'exit', 'quit', or Ctrl-D.", stacklevel=1)
        else:
            shell.showtraceback((type(exc), exc, exc.__traceback__), tb_offset=0)
        running.error_in_exec = exc


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


def _ends_with_semicolon(source):
    """A cell whose last line ends in ``;`` shows no Out, as in a normal cell."""
    from IPython.core.displayhook import DisplayHook
    try:
        return DisplayHook.semicolon_at_end_of_expression(source)
    except Exception:  # noqa: BLE001 - tokenize errors: show the value
        return False


def present(run, args, cell=None, user_ns=None):
    """The result object for a finished run, shaped by the options (cell and user_ns: for the derivatives that
    re-run the cell in isolation)."""
    from . import stepping
    rows = run.tensors()
    graph = run.graph(args.max_nodes)
    trace = getattr(run, "trace", None)
    trace = trace() if callable(trace) else trace
    stepper = stepping.make_stepper(trace, args) if getattr(args, "steps", False) and trace is not None else None
    extras = []
    history = stepping.history_view(trace, rows, args) if trace is not None else None
    if history is not None:
        extras.append(history)
    outputs = [r for r in rows if r.kind == OUTPUT]
    derivs = stepping.derivatives(rows, outputs, args, cell, user_ns if user_ns is not None else run.user_ns)
    extras.extend(derivs.views)
    result = GradResult(rows, graph, show_table=not args.no_table, show_graph=not args.no_graph,
                        rankdir=args.rankdir, max_nodes=args.max_nodes, fmt=args.fmt, precision=args.precision,
                        stepper=stepper, extras=extras, derivatives=derivs, lang=getattr(args, "lang", None) or "en")
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
