"""Sliders under a %%grad cell: move an input, the cell re-runs with it, table and graph update in place.

``SliderPanel`` owns the widgets; it re-runs the cell through a ``rerun(overrides)`` callable given by the magic
(which returns a ``Rerun``: the new GradResult, the cell's outputs, its error), so the panel itself knows nothing
of IPython's shell. Moves are coalesced: a move only records the latest values; one re-run follows when the moves
pause (every slider update queued in the kernel meanwhile is handled first), so a burst never builds a backlog.
"""
import html
import math
import time
from dataclasses import dataclass, field

import numpy as np

MAX_ELEMENTS = 8


@dataclass
class SliderSpec:
    """One slider: the input it sets (name, element index or None) and its range."""
    name: str
    index: object          # None for a scalar, else a tuple index into the tensor
    value: float
    min: float
    max: float
    step: float

    @property
    def label(self):
        if self.index is None:
            return self.name
        return f"{self.name}[{', '.join(str(i) for i in self.index)}]"


def nice_step(span):
    return 10.0 ** math.floor(math.log10(span / 10.0))


def default_range(v):
    """A range around v the user can see and move in: v +- 2*max(1, |v|), in round steps."""
    span = max(1.0, abs(v))
    step = nice_step(span)
    lo = math.floor((v - 2 * span) / step) * step
    hi = math.ceil((v + 2 * span) / step) * step
    return round(lo, 10), round(hi, 10), step


def parse_range(text):
    """'x=-3:3:0.1' or 'x[1]=0:10:0.5' -> (label, (min, max, step)); ValueError with a short message."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]  # --range "x[1]=0:10:0.5" keeps its quotes through IPython's argument split
    label, sep, spec = text.partition("=")
    parts = spec.split(":")
    if not sep or not label.strip() or len(parts) not in (2, 3):
        raise ValueError(f"--range expects NAME=MIN:MAX[:STEP], got {text!r}")
    try:
        nums = [float(p) for p in parts]
    except ValueError:
        raise ValueError(f"--range expects numbers in NAME=MIN:MAX[:STEP], got {text!r}") from None
    lo, hi = nums[0], nums[1]
    step = nums[2] if len(nums) == 3 else nice_step(max(hi - lo, 1e-9) / 2)
    if not (lo < hi) or step <= 0 or not all(map(math.isfinite, nums)):
        raise ValueError(f"--range needs MIN < MAX and STEP > 0, got {text!r}")
    return label.strip().replace(" ", ""), (lo, hi, step)


def slider_specs(leaves, ranges=None, only=None):
    """SliderSpecs for the given leaves [(name, array)], plus notes for the leaves that get none."""
    ranges = ranges or {}
    specs, notes = [], []
    for name, arr in leaves:
        if only is not None and name not in only:
            continue
        if arr.size > MAX_ELEMENTS:
            notes.append(f"{name} has {arr.size} elements: sliders are made for inputs of up to "
                         f"{MAX_ELEMENTS} elements")
            continue
        for index in ([None] if arr.ndim == 0 else list(np.ndindex(arr.shape))):
            value = float(arr[index] if index is not None else arr)
            spec = SliderSpec(name, index, value, 0.0, 1.0, 1.0)
            try:  # no range around inf or nan (or a value so big its range overflows): a note instead
                spec.min, spec.max, spec.step = default_range(value)
            except (OverflowError, ValueError):
                spec.min = math.nan
            if not all(map(math.isfinite, (value, spec.min, spec.max, spec.step))):
                notes.append(f"{spec.label} is {value:g}: sliders are made for finite values")
                continue
            if spec.label in ranges or (index is None and name in ranges):
                spec.min, spec.max, spec.step = ranges.get(spec.label, ranges.get(name))
                spec.value = min(max(value, spec.min), spec.max)
            specs.append(spec)
    return specs, notes


def overrides_from(specs, values, originals):
    """{name: new array} for the current slider values."""
    out = {}
    for spec, v in zip(specs, values):
        arr = out.setdefault(spec.name, np.array(originals[spec.name], copy=True))
        if spec.index is None:
            arr[...] = v
        else:
            arr[spec.index] = v
    return out


@dataclass
class Rerun:
    """What one slider re-run gives the panel: the new GradResult (None if the cell failed), the cell's outputs
    in notebook form (stream, display_data, error: shown in the panel's output area as a cell shows them), a
    one-line error, and notes about the inputs."""
    result: object = None
    outputs: list = field(default_factory=list)
    error: str = None
    notes: list = field(default_factory=list)


class SliderPanel:
    """The widgets: one FloatSlider per input, a reset button, the re-run's outputs (printed text, stderr,
    displays, value, traceback) and the live table and graph."""

    QUIET = 0.01     # a re-run starts once no move came for this long (s) ...
    MAX_WAIT = 0.1   # ... or this long after the first move it answers (a slider being dragged)

    def __init__(self, specs, notes, originals, rerun, first_html, schedule=None):
        import ipywidgets as w
        self.specs, self.originals, self.rerun = specs, originals, rerun
        self.schedule = schedule if schedule is not None else _default_scheduler()
        # One layout and one style shared by all sliders: every widget object costs a comm message.
        layout, style = w.Layout(width="420px"), w.SliderStyle(description_width="initial")
        self.sliders = [w.FloatSlider(value=s.value, min=s.min, max=s.max, step=s.step, description=s.label,
                                      continuous_update=True, readout_format=".4g", style=style, layout=layout)
                        for s in specs]
        self.reset_button = w.Button(description="reset", tooltip="restore the values written in the cell",
                                     layout=w.Layout(width="80px"))
        self.out = w.Output()
        self.out.add_class("autograd-magic-outputs")
        self.live = w.HTML(value=first_html)
        self.live.add_class("autograd-magic-live")
        ranges = "; ".join(f"{s.label}: {s.min:g} to {s.max:g}, step {s.step:g}" for s in specs)
        notes = [f"slider ranges ({ranges}); --range NAME=MIN:MAX:STEP changes them", *notes]
        note = w.HTML(value="".join(f"<div><small>{html.escape(n)}</small></div>" for n in notes))
        self._boxes = [w.VBox(self.sliders), note]
        self._boxes.append(w.HBox([self._boxes[0], self.reset_button]))
        self.widget = w.VBox([self._boxes[2], note, self.out, self.live])
        self.widget.add_class("autograd-magic-sliders")
        self._pending = None
        self._scheduled = False
        self._first_move = self._last_move = 0.0
        self.runs = 0
        for s in self.sliders:
            s.observe(self._moved, names="value")
        self.reset_button.on_click(self.reset)

    def values(self):
        return [s.value for s in self.sliders]

    def output_text(self):
        """The re-run's outputs as plain text (streams, text/plain of displays, tracebacks)."""
        parts = []
        for o in self.out.outputs:
            if o.get("output_type") == "stream":
                parts.append(o.get("text", ""))
            elif o.get("output_type") == "error":
                parts.append("\n".join(o.get("traceback", [])) + "\n")
            else:
                parts.append(o.get("data", {}).get("text/plain", "") + "\n")
        return "".join(parts)

    def close(self):
        """Close every widget of the panel, with their layouts and styles (frees the kernel side); a closed
        panel never re-runs its cell again."""
        self.rerun = None
        _close_tree(self.widget)

    # ------------------------------------------------------------ coalescing moves

    def _moved(self, change):
        """A move only records the latest values; one re-run follows once the moves pause (messages queued
        while a re-run ran are all handled first: a burst gives one re-run with the latest values)."""
        self._pending = self.values()
        if self.schedule is None:
            self.flush()
            return
        now = time.monotonic()
        self._last_move = now
        if not self._scheduled:
            self._scheduled = True
            self._first_move = now
            self.schedule(self._tick, self.QUIET)

    def _tick(self):
        now = time.monotonic()
        quiet = now - self._last_move
        if quiet < self.QUIET and now - self._first_move < self.MAX_WAIT:
            self.schedule(self._tick, self.QUIET - quiet)
            return
        self.flush()

    def flush(self):
        """Re-run the cell once with the latest slider values (a burst of moves gives one run). Runs on the
        kernel's event loop: nothing may escape from here (an exception there would stop the kernel)."""
        self._scheduled = False
        values, self._pending = self._pending, None
        if values is None or self.rerun is None:
            return
        self.runs += 1
        try:
            self._show(self._run(overrides_from(self.specs, values, self.originals)))
        except BaseException as exc:  # noqa: BLE001 - e.g. an interrupt while the widgets are updated
            try:
                self.live.value = _error_html(exc)
            except BaseException:  # noqa: BLE001
                pass

    def _run(self, overrides):
        try:
            outcome = self.rerun(overrides)
        except BaseException as exc:  # noqa: BLE001 - whatever the cell raised, the kernel lives on
            return Rerun(error=f"{type(exc).__name__}: {exc}")
        if isinstance(outcome, tuple):  # (result, printed, value repr): a plain rerun callable
            result, printed, value = outcome
            outputs = [{"output_type": "stream", "name": "stdout", "text": printed}] if printed else []
            if value is not None:
                outputs.append({"output_type": "display_data", "data": {"text/plain": value}, "metadata": {}})
            outcome = Rerun(result=result, outputs=outputs, notes=list(getattr(result, "notes", ())))
        return outcome

    def _show(self, outcome):
        self.out.outputs = tuple(outcome.outputs)
        parts = [f"<div class='autograd-magic-note'><small>{html.escape(n)}</small></div>" for n in outcome.notes]
        if outcome.error is not None:
            parts.append(_error_html(outcome.error))
        if outcome.result is not None:
            parts.append(outcome.result._repr_html_())
        self.live.value = "".join(parts)

    def render(self, overrides):
        """The live HTML for a re-run with these overrides (also updates the output area)."""
        self._show(self._run(overrides))
        return self.live.value

    def reset(self, _button=None):
        for slider, spec in zip(self.sliders, self.specs):
            slider.unobserve(self._moved, names="value")
            slider.value = float(self.originals[spec.name][spec.index] if spec.index is not None
                                 else self.originals[spec.name])
            slider.observe(self._moved, names="value")
        self._pending = self.values()
        self.flush()


def _error_html(error):
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return f"<pre class='autograd-magic-error' style='color:#b00020'>{html.escape(text)}</pre>"


def _close_tree(widget, seen=None):
    """Close a widget and every widget it holds (children, layout, style): ipywidgets keeps each in a
    registry until closed."""
    from ipywidgets import Widget
    seen = set() if seen is None else seen
    if id(widget) in seen:
        return
    seen.add(id(widget))
    for name in widget.keys:
        value = getattr(widget, name, None)
        for item in (value if isinstance(value, (tuple, list)) else (value,)):
            if isinstance(item, Widget):
                _close_tree(item, seen)
    widget.close()


def _default_scheduler():
    """In a kernel: schedule(fn, delay) on its event loop, so that the moves queued meanwhile are handled before
    the re-run, and the re-run happens in the main thread; None elsewhere (a move re-runs at once).

    Thread-safe: JupyterLab sends widget messages on a kernel subshell, whose handler runs in another thread
    (a plain call_later from there would wait for the loop's next event)."""
    try:
        import asyncio
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if loop is None:
        try:
            from tornado.ioloop import IOLoop
            current = IOLoop.current(instance=False)
        except Exception:  # noqa: BLE001 - no tornado loop: run synchronously
            current = None
        if current is not None:
            return lambda fn, delay: current.add_callback(current.call_later, delay, fn)
        return None
    return lambda fn, delay: loop.call_soon_threadsafe(loop.call_later, delay, fn)
