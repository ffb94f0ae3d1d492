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

from .i18n import text

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


def on_grid(v, lo, step):
    """Is v one of lo, lo + step, lo + 2*step ... (up to rounding)? A frontend snaps a slider's value to that grid,
    and a value that is not on it would be moved (and the cell re-run) without the user touching anything."""
    k = (v - lo) / step
    return abs(k - round(k)) <= 1e-6


def through(v, lo, hi, step):
    """(lo, hi) widened to contain v and shifted so that the grid lo + k*step goes through v exactly."""
    lo, hi = min(lo, v), max(hi, v)
    if on_grid(v, lo, step):
        return lo, hi
    below = math.floor((v - lo) / step + 1e-9)
    above = math.floor((hi - v) / step + 1e-9)
    return min(v - below * step, v), max(v + above * step, v)


def default_range(v):
    """A range around v the user can see and move in: v +- 2*max(1, |v|), in round steps, on a grid through v.

    >>> default_range(2.0)
    (-2.0, 6.0, 0.1)
    >>> lo, hi, step = default_range(0.123); on_grid(0.123, lo, step) and lo <= 0.123 <= hi
    True
    """
    span = max(1.0, abs(v))
    step = nice_step(span)
    lo = round(math.floor((v - 2 * span) / step) * step, 10)
    hi = round(math.ceil((v + 2 * span) / step) * step, 10)
    lo, hi = through(v, lo, hi, step)
    return lo, hi, step


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


def slider_specs(leaves, ranges=None, only=None, lang="en"):
    """SliderSpecs for the given leaves [(name, array)], plus notes for the leaves that get none."""
    ranges = ranges or {}
    specs, notes = [], []
    for name, arr in leaves:
        if only is not None and name not in only:
            continue
        if arr.size > MAX_ELEMENTS:
            notes.append(text("too_big", lang, name=name, size=arr.size, limit=MAX_ELEMENTS))
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
                lo, hi, step = ranges.get(spec.label, ranges.get(name))
                spec.min, spec.max = through(value, lo, hi, step)
                spec.step = step
                if (spec.min, spec.max) != (lo, hi):  # the slider starts at the cell's value, never elsewhere
                    notes.append(text("slider_moved", lang, label=spec.label, value=value))
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


class LiveOutput:
    """The display under the sliders that a move replaces in place (one display_id): the run's printed text,
    displays, value or traceback, then its table and graph. ``value`` is its latest HTML, ``outputs`` the latest
    re-run's outputs in notebook form."""

    def __init__(self, bundle=None):
        import uuid
        self.display_id = "autograd-magic-" + uuid.uuid4().hex
        self.bundle = bundle or {"text/html": ""}
        self.value = self.bundle.get("text/html", "")
        self.outputs = ()

    def show(self, bundle):
        from IPython.display import display
        self.bundle, self.value = bundle, bundle.get("text/html", "")
        display(bundle, raw=True, display_id=self.display_id)

    def update(self, bundle):
        from IPython.display import update_display
        self.bundle, self.value = bundle, bundle.get("text/html", "")
        update_display(bundle, raw=True, display_id=self.display_id)


def live_bundle(result, head=""):
    """A result's display data inside the live output's wrapper (its class marks what a move replaces)."""
    data = result._repr_mimebundle_()
    data["text/html"] = f"<div class='autograd-magic-live'>{head}{data['text/html']}</div>"
    return data


def ran_with_text(specs, values, lang="en"):
    """'ran with x = 0.5 (the cell says 0.123)' for the inputs whose slider differs from the cell, else None."""
    moved = [(s, v) for s, v in zip(specs, values) if not same_value(v, s.value, s.step)]
    if not moved:
        return None
    changes = ", ".join(f"{s.label} = {v:.6g}" for s, v in moved)
    source = (f"{moved[0][0].value:.6g}" if len(moved) == 1 else
              ", ".join(f"{s.label} = {s.value:.6g}" for s, _ in moved))
    return text("ran_with", lang, changes=changes, source=source)


def same_value(a, b, step):
    """Equal up to the rounding a frontend adds when it places a value on its slider's grid."""
    return abs(a - b) <= 1e-6 * step + 1e-12 * max(abs(a), abs(b))


_ANSI = __import__("re").compile(r"\x1b\[[0-9;]*[A-Za-z]")


def outputs_html(outputs):
    """A re-run's outputs (stream, display_data, error in notebook form) as HTML, as a cell shows them."""
    parts = []
    for o in outputs:
        kind = o.get("output_type")
        if kind == "stream":
            css = "background:#fdd;padding:2px 4px;" if o.get("name") == "stderr" else ""
            parts.append(f"<pre class='autograd-magic-{o.get('name', 'stdout')}' style='{css}margin:0 0 0.3em 0'>"
                         f"{html.escape(o.get('text', ''))}</pre>")
        elif kind == "error":
            tb = _ANSI.sub("", "\n".join(o.get("traceback", [])))
            parts.append(f"<pre class='autograd-magic-error' style='background:#fdd;padding:2px 4px'>"
                         f"{html.escape(tb)}</pre>")
        else:
            data = o.get("data", {})
            if "text/html" in data:
                parts.append(f"<div>{data['text/html']}</div>")
            elif "text/markdown" in data:
                parts.append(f"<div style='white-space:pre-wrap'>{html.escape(data['text/markdown'])}</div>")
            elif "image/png" in data:
                parts.append(f"<img src='data:image/png;base64,{data['image/png']}'/>")
            else:
                parts.append(f"<pre class='autograd-magic-value' style='margin:0 0 0.3em 0'>"
                             f"{html.escape(data.get('text/plain', ''))}</pre>")
    return "".join(parts)


class SliderPanel:
    """The widgets: one FloatSlider per input and a reset button; a move re-runs the cell and replaces its whole
    output (``live``: a display of its own, so that a notebook without widgets still shows the table and graph)."""

    QUIET = 0.01     # a re-run starts once no move came for this long (s) ...
    MAX_WAIT = 0.1   # ... or this long after the first move it answers (a slider being dragged)

    def __init__(self, specs, notes, originals, rerun, first=None, schedule=None, lang="en"):
        import ipywidgets as w
        self.specs, self.originals, self.rerun, self.lang = specs, originals, rerun, lang
        self.schedule = schedule if schedule is not None else _default_scheduler()
        # One layout and one style shared by all sliders: every widget object costs a comm message.
        layout, style = w.Layout(width="420px"), w.SliderStyle(description_width="initial")
        self.sliders = [w.FloatSlider(value=s.value, min=s.min, max=s.max, step=s.step, description=s.label,
                                      continuous_update=True, readout_format=".4g", style=style, layout=layout)
                        for s in specs]
        self.reset_button = w.Button(description=text("reset", lang), tooltip=text("reset_tooltip", lang),
                                     layout=w.Layout(width="100px"))
        self.live = LiveOutput(first if isinstance(first, dict) else {"text/html": first or ""})
        ranges = "; ".join(text("slider_range", lang, label=s.label, lo=s.min, hi=s.max, step=s.step) for s in specs)
        notes = [text("slider_ranges", lang, ranges=ranges), *notes]
        note = w.HTML(value="".join(f"<div><small>{html.escape(n)}</small></div>" for n in notes))
        self._boxes = [w.VBox(self.sliders), note]
        self._boxes.append(w.HBox([self._boxes[0], self.reset_button]))
        self.widget = w.VBox([self._boxes[2], note])
        self.widget.add_class("autograd-magic-sliders")
        self._pending = None
        self._scheduled = False
        self._first_move = self._last_move = 0.0
        self._last = [s.value for s in specs]   # the values the output on screen was computed with
        self.runs = 0
        for s in self.sliders:
            s.observe(self._moved, names="value")
        self.reset_button.on_click(self.reset)

    def values(self):
        return [s.value for s in self.sliders]

    def bundle(self):
        """The widget's display data, with a plain-text stand-in for viewers without widgets."""
        data = dict(self.widget._repr_mimebundle_())
        data["text/plain"] = text("sliders_static", self.lang, names=", ".join(s.label for s in self.specs))
        return data

    def output_text(self):
        """The re-run's outputs as plain text (streams, text/plain of displays, tracebacks)."""
        parts = []
        for o in self.live.outputs:
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
        values = self.values()
        if self._pending is None and all(same_value(v, last, s.step)
                                         for v, last, s in zip(values, self._last, self.specs)):
            return  # not a move: the frontend placing the same value on its grid (no re-run nobody asked for)
        self._pending = values
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
        self._last = list(values)
        try:
            self._show(self._run(overrides_from(self.specs, values, self.originals)), values)
        except BaseException as exc:  # noqa: BLE001 - e.g. an interrupt while the display is updated
            try:
                self.live.update({"text/html": _error_html(exc), "text/plain": f"{type(exc).__name__}: {exc}"})
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

    def _show(self, outcome, values=None):
        """Replace the cell's output by this re-run's: 'ran with ...', notes, outputs, then table and graph."""
        self.live.outputs = tuple(outcome.outputs)
        ran_with = ran_with_text(self.specs, values if values is not None else self.values(), self.lang)
        head = "" if ran_with is None else (f"<div class='autograd-magic-ran-with' style='font-style:italic;"
                                            f"color:#555'>{html.escape(ran_with)}</div>")
        head += "".join(f"<div class='autograd-magic-note'><small>{html.escape(n)}</small></div>"
                        for n in outcome.notes)
        head += outputs_html(outcome.outputs)
        plain = [ran_with, *outcome.notes, self.output_text().rstrip("\n")]
        if outcome.result is not None:
            bundle = live_bundle(outcome.result, head)
            bundle["text/plain"] = "\n".join(p for p in [*plain, bundle["text/plain"]] if p)
        else:
            if outcome.error is not None and not any(o.get("output_type") == "error" for o in outcome.outputs):
                head += _error_html(outcome.error)
            bundle = {"text/html": f"<div class='autograd-magic-live'>{head}</div>",
                      "text/plain": "\n".join(p for p in [*plain, outcome.error] if p)}
        self.live.update(bundle)

    def render(self, overrides):
        """The live HTML for a re-run with these overrides (also updates the display)."""
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
