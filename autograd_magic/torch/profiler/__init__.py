"""torch.profiler, minimal: ``profile`` as a context manager, ``record_function``, ``ProfilerActivity``,
``schedule``, ``key_averages().table(...)`` and ``export_chrome_trace``.

What is recorded: every op of the engine's op table that runs a forward inside the block (named ``aten::<op>``,
timed with perf_counter around its numpy forward) and every ``record_function`` block. The timings are the
engine's, not PyTorch's. Not recorded: PyTorch's composite entries (``aten::linear`` around ``aten::addmm``), tensor
creation (``aten::randn``), and ops whose forward the engine computes before recording them (some fast paths, e.g.
Linear's addmm). The table has PyTorch's columns and layout.

Example::

    with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
        with record_function("model_inference"):
            model(inputs)
    print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=10))
"""
import enum
import functools
import json
import time

from ...engine.optable import OPS

__all__ = ["profile", "record_function", "ProfilerActivity", "schedule", "ProfilerAction"]

_ACTIVE = []   # the profilers recording now (innermost last)


class ProfilerActivity(enum.Enum):
    """The devices a profile may record (only the CPU exists here)."""
    CPU = 0
    XPU = 1
    MTIA = 2
    CUDA = 3
    HPU = 4
    PrivateUse1 = 5

    def __str__(self):
        return f"ProfilerActivity.{self.name}"


class ProfilerAction(enum.Enum):
    NONE = 0
    WARMUP = 1
    RECORD = 2
    RECORD_AND_SAVE = 3


def schedule(*, wait, warmup, active, repeat=0, skip_first=0, skip_first_wait=0):
    """PyTorch's step schedule: the action for each step number."""
    def schedule_fn(step):
        if step < skip_first:
            return ProfilerAction.NONE
        step -= skip_first
        cycle = wait + warmup + active
        if repeat > 0 and step // cycle >= repeat:
            return ProfilerAction.NONE
        mod = step % cycle
        if mod < wait:
            return ProfilerAction.NONE
        if mod < wait + warmup:
            return ProfilerAction.WARMUP
        return ProfilerAction.RECORD if mod < cycle - 1 else ProfilerAction.RECORD_AND_SAVE
    return schedule_fn


class _Event:
    def __init__(self, name, start, shapes=()):
        self.name, self.start, self.end, self.shapes, self.children_time = name, start, start, shapes, 0.0


class FunctionEventAvg:
    """One row of key_averages: a name's calls summed (times in microseconds)."""

    def __init__(self, key, input_shapes=None):
        self.key, self.count, self.input_shapes = key, 0, input_shapes
        self.cpu_time_total = self.self_cpu_time_total = 0.0

    def add(self, event):
        self.count += 1
        total = (event.end - event.start) * 1e6
        self.cpu_time_total += total
        self.self_cpu_time_total += total - event.children_time * 1e6
        return self

    @property
    def cpu_time(self):
        return self.cpu_time_total / max(self.count, 1)

    def __repr__(self):
        return f"<FunctionEventAvg key={self.key} self_cpu_time={_fmt(self.self_cpu_time_total)} " \
               f"cpu_time={_fmt(self.cpu_time)} input_shapes={self.input_shapes}>"


def _fmt(us):
    if us >= 1e6:
        return f"{us / 1e6:.3f}s"
    return f"{us / 1e3:.3f}ms" if us >= 1e3 else f"{us:.3f}us"


class EventList(list):
    """The recorded entries (key_averages: one per name); ``table`` prints them as PyTorch's profiler does."""

    def table(self, sort_by=None, row_limit=100, max_name_column_width=55, header=None, top_level_events_only=False):
        rows = list(self)
        if sort_by and sort_by.replace("self_", "").startswith("cpu_time"):
            rows.sort(key=lambda e: getattr(e, sort_by, 0.0), reverse=True)
        rows = rows[:row_limit] if row_limit and row_limit > 0 else rows
        total = sum(e.self_cpu_time_total for e in self) or 1.0
        width = min(max([len(e.key) for e in rows] + [4]) + 2, max_name_column_width)
        heads = ["Self CPU %", "Self CPU", "CPU total %", "CPU total", "CPU time avg", "# of Calls"]
        shapes = any(e.input_shapes is not None for e in rows)
        line = "-" * width + "  " + "  ".join(["-" * 12] * len(heads)) + ("  " + "-" * 40 if shapes else "") + "  "
        out = [line, f"{'Name':>{width}}  " + "  ".join(f"{h:>12}" for h in heads)
               + (f"  {'Input Shapes':>40}" if shapes else "") + "  ", line]
        for e in rows:
            cells = [f"{100 * e.self_cpu_time_total / total:.2f}%", _fmt(e.self_cpu_time_total),
                     f"{100 * e.cpu_time_total / total:.2f}%", _fmt(e.cpu_time_total), _fmt(e.cpu_time), str(e.count)]
            out.append(f"{e.key[:width]:>{width}}  " + "  ".join(f"{c:>12}" for c in cells)
                       + (f"  {str(e.input_shapes):>40}" if shapes else "") + "  ")
        out += [line, f"Self CPU time total: {_fmt(total)}", ""]
        return "\n".join(out)


class profile:
    """Records the engine's ops and record_function blocks run inside ``with profile(...) as prof:``."""

    def __init__(self, *, activities=None, schedule=None, on_trace_ready=None, record_shapes=False,
                 profile_memory=False, with_stack=False, with_flops=False, with_modules=False, experimental_config=None,
                 execution_trace_observer=None, acc_events=False, use_cuda=None, custom_trace_id_callback=None):
        self.activities = set(activities) if activities else {ProfilerActivity.CPU}
        self.record_shapes, self.profile_memory = record_shapes, profile_memory
        self.schedule, self.on_trace_ready = schedule, on_trace_ready
        self.step_num = 0
        self._events, self._stack, self._saved = [], [], None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        _ACTIVE.append(self)
        if len(_ACTIVE) == 1:
            self._saved = {name: op.fwd for name, op in OPS.items()}
            for name, op in OPS.items():
                op.fwd = _timed(name, op.fwd)

    def stop(self):
        if self in _ACTIVE:
            _ACTIVE.remove(self)
        if self._saved is not None:
            for name, fwd in self._saved.items():
                OPS[name].fwd = fwd
            self._saved = None
        if self.on_trace_ready is not None:
            self.on_trace_ready(self)

    def step(self):
        self.step_num += 1

    def _open(self, name, shapes=()):
        event = _Event(name, time.perf_counter(), shapes if self.record_shapes else ())
        self._stack.append(event)
        return event

    def _close(self, event):
        event.end = time.perf_counter()
        if self._stack and self._stack[-1] is event:
            self._stack.pop()
        if self._stack:
            self._stack[-1].children_time += event.end - event.start
        self._events.append(event)

    def events(self):
        return EventList(sorted(self._events, key=lambda e: e.start))   # PyTorch lists them as they started

    def key_averages(self, group_by_input_shape=False, group_by_stack_n=0, group_by_overload_name=False):
        rows = {}
        for e in sorted(self._events, key=lambda e: e.start):
            key = (e.name, tuple(e.shapes)) if group_by_input_shape else e.name
            if key not in rows:
                rows[key] = FunctionEventAvg(e.name, [list(s) for s in e.shapes] if group_by_input_shape else None)
            rows[key].add(e)
        return EventList(rows.values())

    def export_chrome_trace(self, path):
        """The events in the Chrome trace format (chrome://tracing, Perfetto)."""
        t0 = min((e.start for e in self._events), default=0.0)
        trace = [{"name": e.name, "ph": "X", "cat": "cpu_op", "ts": (e.start - t0) * 1e6,
                  "dur": (e.end - e.start) * 1e6, "pid": 0, "tid": 0,
                  "args": {"Input Dims": [list(s) for s in e.shapes]}} for e in self._events]
        with open(path, "w") as f:
            json.dump({"traceEvents": trace}, f)


def _timed(name, fwd):
    @functools.wraps(fwd)
    def timed(*args, **kwargs):
        prof = _ACTIVE[-1] if _ACTIVE else None
        if prof is None:
            return fwd(*args, **kwargs)
        event = prof._open("aten::" + name, tuple(tuple(getattr(a, "shape", ())) for a in args
                                                  if hasattr(a, "shape")))
        try:
            return fwd(*args, **kwargs)
        finally:
            prof._close(event)
    return timed


class record_function:
    """``with record_function("name"):`` (or as a decorator) adds a labelled entry around the block."""

    def __init__(self, name, args=None):
        self.name, self.args, self._event = name, args, None

    def __enter__(self):
        if _ACTIVE:
            self._event = _ACTIVE[-1]._open(self.name)
        return self

    def __exit__(self, *exc):
        if self._event is not None and _ACTIVE:
            _ACTIVE[-1]._close(self._event)
        self._event = None
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with record_function(self.name, self.args):
                return fn(*args, **kwargs)
        return wrapper


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.profiler", name)
