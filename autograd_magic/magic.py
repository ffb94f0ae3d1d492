"""``%%grad``: run a cell on the autograd engine, then show its gradient table and computation graph.

Three stages: parse the options -> run the cell (runner.run_cell) -> present the result (display.result).
"""
import argparse
import contextlib
import functools

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring
from traitlets import Unicode

from .trace.model import OUTPUT, Caps
from .views import registry
from .views.result import GradResult
from .views.first_run import FirstRun, value_text
from .views.sliders import live_bundle
from .trace import rng, settings
from .trace.execute import cell_source, ends_with_semicolon, user_traceback
from .trace.runner import run_cell

# %%grad lines already parsed: line -> argparse's values (copied for each use; lists are the only mutable values)
_PARSED_LINES = {}


def _view_options(magic):
    """The options the views declare (views/registry.py), added to the magic's argparse declarations."""
    for flags, kwargs in reversed(registry.arguments()):
        magic = argument(*flags, **kwargs)(magic)
    return magic


@magics_class
class GradMagics(Magics):
    """The %%grad cell magic. Its configurable defaults (``%config GradMagics.precision = 6``) are the views'
    options (views/registry.py)."""

    vars().update(registry.traits())  # precision, rankdir, max_nodes, fmt: traitlets, config=True

    backend = Unicode("engine", help="Where %%grad cells run: 'engine' (the numpy engine) or 'torch' (the real "
                                     "PyTorch of this kernel, unchanged).").tag(config=True)

    @magic_arguments()
    @_view_options
    @argument("--backend", default=None, choices=["engine", "torch"],
              help="Run the cell on the numpy engine (default) or on the real PyTorch of this kernel, unchanged "
                   "(for models the engine does not cover); %%config GradMagics.backend sets the default.")
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
        runner = self.runner(args)
        # the engine's generator takes over real PyTorch's stream for the cell and gives it back after the views
        # (whose re-runs replay the cell's own draws): trace/rng.py
        # and so do PyTorch's other process-wide settings (print options, default dtype ...): trace/settings.py
        engine = args.backend == "engine"
        if engine:
            settings.take()
        draws = rng.CellDraws(args.backend)
        draws.start()
        try:
            return self._grad(args, source, filename, cell, runner, draws)
        finally:
            draws.finish()
            if engine:
                settings.give()

    def _grad(self, args, source, filename, cell, runner, draws):
        __tracebackhide__ = True  # noqa: F841
        caps = {}
        if not registry.draws_nodes(args):   # no view shows nodes: a loop pays per pass, not per op
            caps["steps"] = 0
        elif not registry.reads_flows(args):   # nothing walks a step's edges: a step keeps its gradient only
            caps["flows"] = False
        if not registry.reads_histories(args):   # no loss curve nor trajectory is drawn: no norm per pass
            caps["histories"] = False
        if not registry.reads_every_pass(args):   # a long loop's hidden passes are only counted
            caps["compact"] = True
        if caps:
            runner = functools.partial(runner, caps=Caps(**caps))
        widgets = self._widgets(args)
        try:
            with FirstRun(self.shell) if widgets else contextlib.nullcontext() as first:
                try:
                    run = runner(source, self.shell.user_ns, filename=filename)
                finally:
                    draws.ran()
        except BaseException as exc:  # noqa: BLE001 - shown as a normal cell shows it, see _fail
            self._fail(exc, filename, cell)
            self._show_partial(exc, args)
            return None
        if args.backend == "torch" and any(getattr(args, k, False) for k in ("jacobian", "hessian", "check", "slope")):
            run.notes.append("--jacobian, --hessian, --check and --slope re-run the cell on the engine: "
                             "they are left out with --backend torch")
        show_value = run.has_value and run.value is not None and not ends_with_semicolon(source)
        result = present(run, args, source if args.backend == "engine" else None,  # source: the cell as Python
                         self.shell.user_ns)                       # (after IPython's
        stepper = self.stepper_widget(result)                      # transform), what probe re-runs compile
        result.stepper_widget = stepper
        if args.variable:
            self.shell.user_ns[args.variable] = result
        panel = None
        if widgets and not args.output:
            panel = self.sliders(run, result, args, cell, source, filename, stepper, runner, draws)
        result.panel = panel
        if show_value:
            if panel is None:
                self.shell.displayhook(run.value)
            else:  # Out[n] and _ as usual; the value is shown with the views, where a move replaces it
                self.shell.displayhook.update_user_ns(run.value)
        if args.output:
            return result
        from IPython.display import display
        if panel is not None:
            # The cell's own output (printed text, displays, Out) becomes one display that a slider move replaces
            # as a whole: nothing of an older run stays on screen next to a newer one. The sliders are a display
            # of their own: a viewer without widgets still shows the table and the graph (HTML, the graph an
            # <img>) and the sliders' plain-text stand-in.
            result.stdout, result.stderr = first.stdout(), first.stderr()
            result.value_repr = value_text(self.shell, run.value) if show_value else None
            from IPython.display import clear_output
            clear_output()
            first.replay()
            display(panel.bundle(), raw=True)
            panel.live.show(live_bundle(result))
        elif result.shown:
            # (its bundle as it is: IPython's formatters would also ask the result for eight other formats)
            display(result._repr_mimebundle_(), raw=True)
        if stepper is not None:
            bundle = dict(stepper.widget._repr_mimebundle_())
            bundle["text/html"] = result.stepper._repr_html_()  # viewers without widgets: the static steps
            bundle["text/plain"] = repr(result.stepper)
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

    def runner(self, args):
        """run_cell of the backend the options ask for (``--backend``, else ``%config GradMagics.backend``)."""
        if args.backend is None:
            args.backend = self.backend
        if args.backend not in ("engine", "torch"):
            raise UsageError(f"%%grad: GradMagics.backend is 'engine' or 'torch', not {args.backend!r}")
        if args.backend == "engine":
            return run_cell
        from .trace import torch_backend
        try:
            torch_backend.real_torch()
        except torch_backend.TorchMissing as exc:
            raise UsageError(str(exc)) from None
        return torch_backend.run_cell

    def _show_partial(self, exc, args):
        """Under the traceback: the table and graph of what the cell built before it raised, with the node where
        a backward() failed marked (the moment a learner most needs the picture)."""
        from .trace.runner import partial_run
        from .views.i18n import text
        run = partial_run(exc)
        if run is None or isinstance(exc, (SyntaxError, SystemExit, KeyboardInterrupt)):
            return
        result = present(run, args, None, self.shell.user_ns)   # no isolated re-runs of a failing cell
        if not (result.rows or result.graph.nodes):
            return
        result.notes.append(text("partial", args.language, error=type(exc).__name__))
        from IPython.display import display
        display(result)

    def _widgets(self, args):
        """Sliders are possible: a kernel frontend with ipywidgets, and not --no-sliders."""
        if args.no_sliders or getattr(self.shell, "kernel", None) is None:
            return False
        try:
            import ipywidgets  # noqa: F401
        except ImportError:  # no widgets: sliders are left out silently
            return False
        return True

    def sliders(self, run, result, args, cell, source, filename, stepper=None, runner=run_cell, draws=None):
        """The slider panel, or None: no inputs to move."""
        from .views.sliders import SliderPanel, slider_specs
        inputs = run.inputs()
        only = None if args.sliders is None else {n.strip() for n in args.sliders.split(",") if n.strip()}
        specs, notes = slider_specs(inputs, args.range_map, only, lang=args.language)
        if not specs:
            return None
        originals, sites = dict(inputs), run.sites
        shell = self.shell

        def rerun(overrides):
            """Re-run the cell with the sliders' values: a Rerun for the panel; nothing the cell raises escapes
            (SystemExit, KeyboardInterrupt ... are shown in place, the kernel lives on)."""
            from .views.capture import captured, error_output, interruptible, value_output
            from .views.sliders import Rerun
            at = {(name, sites[name]): values for name, values in overrides.items()}
            outcome = Rerun()
            with captured(shell) as outputs, (draws.rerun() if draws is not None else contextlib.nullcontext()):
                try:
                    with interruptible():
                        again = runner(source, shell.user_ns, filename=filename, overrides=at)
                except BaseException as exc:  # noqa: BLE001 - the cell's own error, shown as a cell shows it
                    outputs.append(error_output(shell, exc, user_traceback(exc.__traceback__, filename)))
                    outcome.error = f"{type(exc).__name__}: {exc}"
                else:
                    if again.has_value and again.value is not None and not ends_with_semicolon(source):
                        outputs.append(value_output(shell, again.value))
                    outcome.notes = again.notes
                    outcome.result = present(again, args, source if args.backend == "engine" else None,
                                             shell.user_ns)
                    if stepper is not None and outcome.result.stepper is not None:
                        outcome.result.stepper_live = True
                        stepper.show(outcome.result.stepper)   # the stepper follows the run on screen
            outcome.outputs = outputs
            return outcome
        panel = SliderPanel(specs, notes, originals, rerun, {"text/html": ""}, lang=args.language)
        panel.input_names = set(originals)
        self._keep(panel, cell)
        return panel

    MAX_PANELS = 50

    def _keep(self, panel, cell):
        """Remember the panel under its cell; a re-run of that cell (or more than MAX_PANELS live panels)
        closes the old one, so widgets do not pile up and an old panel cannot re-run old source.

        The cell is known by the frontend's ``cellId``. Without it (classic Notebook, nbclient) an edited cell
        cannot be told from another one: a new panel then closes the panels of the same source and those with
        an input of the same name, whose sliders would re-run older source over the names the newer cell made.
        """
        panels = self.__dict__.setdefault("_panels", {})
        header = getattr(self.shell, "parent_header", None) or {}
        cell_id = (header.get("metadata") or {}).get("cellId")
        key = ("cellId", cell_id) if cell_id else ("source", cell)
        stale = [k for k, old in panels.items()
                 if k == key or (not cell_id and k[0] == "source" and old.input_names & panel.input_names)]
        for k in stale:
            panels.pop(k).close()
        panels[key] = panel
        while len(panels) > self.MAX_PANELS:
            panels.pop(next(iter(panels))).close()

    def parse_options(self, line):
        known = _PARSED_LINES.get(line)
        if known is not None:   # (a line parses the same each time: argparse's ~70 us once per line)
            args = argparse.Namespace(**{k: list(v) if v.__class__ is list else v for k, v in known.items()})
        else:
            args = self._parse_line(line)
            if len(_PARSED_LINES) >= 64:
                _PARSED_LINES.clear()
            _PARSED_LINES[line] = {k: list(v) if v.__class__ is list else v for k, v in vars(args).items()}
        registry.fill_defaults(args, self)
        args.lang = args.language  # the name the step, history and calculus views read
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

    def _parse_line(self, line):
        try:
            return parse_argstring(self.grad, line)
        except SystemExit:  # argparse's --help path
            raise UsageError("%%grad: see %%grad? for the options") from None
        except UsageError as exc:
            message = str(exc)
            if "unrecognized arguments" in message or "expected one argument" in message:
                message += "; %%grad's options are " + ", ".join(option_names(self.grad)) + " (%%grad? explains them)"
            raise UsageError(message) from None

    def _running_cell(self):
        """IPython's ExecutionResult of the cell being run when this call is that cell itself (a %%grad cell),
        else None (a call from code, or no cell running)."""
        result = getattr(self.shell.displayhook, "exec_result", None)
        raw = getattr(getattr(result, "info", None), "raw_cell", None)
        if isinstance(raw, str) and raw.lstrip().startswith("%%grad"):
            return result
        return None

    def _compile_input(self, line, cell):
        """(Python source, file name) of the cell, as IPython would run it (trace.execute.cell_source)."""
        running = self._running_cell()
        number = running.execution_count if running is not None else self.shell.execution_count
        raw = running.info.raw_cell if running is not None else None
        return cell_source(self.shell, line, cell, number, raw)

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


def present(run, args, cell=None, user_ns=None):
    """The result object for a finished run, shaped by the options (cell and user_ns: for the derivatives that
    re-run the cell in isolation). Never raises: the cell has already run, so a failure here becomes a note
    under it (GradResult.problems) instead of an error in the user's code."""
    try:
        return _present(run, args, cell, user_ns)
    except Exception as exc:  # noqa: BLE001 - recording and drawing are isolated from the cell
        from .trace.model import Trace
        from .views.result import Problem
        result = GradResult(Trace(), {}, precision=args.precision)
        result.problems.append(Problem.from_exception("building the table and graph", exc))
        return result


def _present(run, args, cell=None, user_ns=None):
    from . import stepping
    trace = run.trace(args.max_nodes, getattr(args, "iteration", None) or "last")
    rows = trace.tensors
    outputs = [r for r in rows if r.kind == OUTPUT]
    derivs = stepping.derivatives(rows, outputs, args, cell, user_ns if user_ns is not None else run.user_ns)
    return GradResult(trace, registry.make_views(trace, args), precision=args.precision, extras=derivs.views,
                      derivatives=derivs)


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
