"""Sliders under a %%grad cell: move an input, the cell re-runs with it, table and graph update in place.

``SliderPanel`` owns the widgets; it re-runs the cell through a ``rerun(overrides)`` callable given by the magic
(which returns the new GradResult, printed text and value, or raises), so the panel itself knows nothing of
IPython's shell. Moves are coalesced: a move only records the latest values and asks the scheduler for one
flush; the flush runs the cell once with whatever is latest, so a burst of moves never builds a backlog.
"""
import html
import math
from dataclasses import dataclass

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


class SliderPanel:
    """The widgets: one FloatSlider per input, a reset button, and the live output (table, graph, printed text)."""

    def __init__(self, specs, notes, originals, rerun, first_html, schedule=None):
        import ipywidgets as w
        self.specs, self.originals, self.rerun = specs, originals, rerun
        self.schedule = schedule or _default_scheduler()
        # One layout and one style shared by all sliders: every widget object costs a comm message.
        layout, style = w.Layout(width="420px"), w.SliderStyle(description_width="initial")
        self.sliders = [w.FloatSlider(value=s.value, min=s.min, max=s.max, step=s.step, description=s.label,
                                      continuous_update=True, readout_format=".4g", style=style, layout=layout)
                        for s in specs]
        self.reset_button = w.Button(description="reset", tooltip="restore the values written in the cell",
                                     layout=w.Layout(width="80px"))
        self.live = w.HTML(value=first_html)
        self.live.add_class("autograd-magic-live")
        ranges = "; ".join(f"{s.label}: {s.min:g} to {s.max:g}, step {s.step:g}" for s in specs)
        notes = [f"slider ranges ({ranges}); --range NAME=MIN:MAX:STEP changes them", *notes]
        note = w.HTML(value="".join(f"<div><small>{html.escape(n)}</small></div>" for n in notes))
        self._boxes = [w.VBox(self.sliders), note]
        self._boxes.append(w.HBox([self._boxes[0], self.reset_button]))
        self.widget = w.VBox([self._boxes[2], note, self.live])
        self.widget.add_class("autograd-magic-sliders")
        self._pending = None
        self._scheduled = False
        self.runs = 0
        for s in self.sliders:
            s.observe(self._moved, names="value")
        self.reset_button.on_click(self.reset)

    def values(self):
        return [s.value for s in self.sliders]

    def close(self):
        """Close every widget of the panel, with their layouts and styles (frees the kernel side)."""
        _close_tree(self.widget)
        self.rerun = None

    def _moved(self, change):
        self._pending = self.values()
        if not self._scheduled:
            self._scheduled = True
            self.schedule(self.flush)

    def flush(self):
        """Re-run the cell once with the latest slider values (a burst of moves gives one run)."""
        self._scheduled = False
        values, self._pending = self._pending, None
        if values is None:
            return
        self.runs += 1
        self.live.value = self.render(overrides_from(self.specs, values, self.originals))

    def render(self, overrides):
        try:
            result, printed, value_repr = self.rerun(overrides)
        except Exception as exc:  # noqa: BLE001 - any error of the user's cell is shown in place
            return (f"<pre class='autograd-magic-error' style='color:#b00020'>{html.escape(type(exc).__name__)}: "
                    f"{html.escape(str(exc))}</pre>")
        parts = [f"<div class='autograd-magic-note'><small>{html.escape(n)}</small></div>"
                 for n in getattr(result, "notes", ())]
        if printed:
            parts.append(f"<pre class='autograd-magic-stdout'>{html.escape(printed)}</pre>")
        if value_repr is not None:
            parts.append(f"<pre class='autograd-magic-value'>{html.escape(value_repr)}</pre>")
        parts.append(result._repr_html_())
        return "".join(parts)

    def reset(self, _button=None):
        for slider, spec in zip(self.sliders, self.specs):
            slider.unobserve(self._moved, names="value")
            slider.value = float(self.originals[spec.name][spec.index] if spec.index is not None
                                 else self.originals[spec.name])
            slider.observe(self._moved, names="value")
        self._pending = self.values()
        self.flush()


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
    """In a kernel: run on the event loop soon (moves queued meanwhile coalesce); else run now."""
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
            return lambda fn: current.add_callback(fn)
        return lambda fn: fn()
    return lambda fn: loop.call_soon_threadsafe(fn)  # wakes the loop: a plain call_soon can wait for the next message
