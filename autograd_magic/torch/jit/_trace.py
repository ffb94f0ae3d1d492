"""torch.jit.trace, without a graph: the traced function or module runs its Python code eagerly each call, and what
tracing fixes stays fixed. PyTorch's tracer records the tensor ops of one run; a Python value taken out of a tensor
meanwhile (``if x.sum() > 0``, ``.item()``, ``float(t)``, ``.tolist()``, ``.numpy()``) becomes a constant of the
trace, with a TracerWarning. Here those values are recorded while tracing (with the same warning) and handed back in
the same order on every later call (engine/tensor_base.py's PYTHON_VALUE_HOOK), so a branch taken at trace time is
taken again whatever the inputs, as the trace's graph does. What the engine cannot give is the graph itself:
``.graph`` and ``.code`` raise an error that says so (jit/_script.py)."""
import warnings

import numpy as np

from ...engine import tensor_base as _tb
from ...engine.tensor import Tensor

_AS_CONSTANT = ("Converting a tensor to a Python {} might cause the trace to be incorrect. We can't record the data "
                "flow of Python values, so this value will be treated as a constant in the future. This means that "
                "the trace might not generalize to other inputs!")
_CONTAINER = ("Encountering a {} at the output of the tracer might cause the trace to be incorrect, this is only valid "
              "if the container structure does not change based on the module's inputs. Consider using a constant "
              "container instead (e.g. for `list`, use a `tuple` instead. for `dict`, use a `NamedTuple` instead). If "
              "you absolutely need this and know the side effects, pass strict=False to trace() to allow this "
              "behavior.")
_BAD_OUTPUT = "Only tensors, lists, tuples of tensors, or dictionary of tensors can be output from traced functions"
_DEPRECATED = "`torch.jit.{}` is deprecated. Please switch to `torch.compile` or `torch.export`."
_STATE = {"tracing": False}


class TracerWarning(Warning):
    __module__ = "torch.jit._trace"

    @staticmethod
    def ignore_lib_warnings():
        warnings.filterwarnings("ignore", category=TracerWarning, module="torch.(?!jit)")


def is_tracing():
    return _STATE["tracing"]


def _recorder(found):
    def record(kind, value):
        warnings.warn(_AS_CONSTANT.format(kind), TracerWarning, stacklevel=3)   # (the line that asked for it)
        found.append((kind, np.array(value, copy=True) if isinstance(value, np.ndarray) else value))
        return value
    return record


def _replayer(constants):
    pending = list(constants)
    pending.reverse()

    def replay(kind, value):
        if pending and pending[-1][0] == kind:
            constant = pending.pop()[1]
            return constant.copy() if isinstance(constant, np.ndarray) else constant
        return value
    return replay


def _with_hook(hook, fn, args, kwargs):
    hooks = _tb.PYTHON_VALUE_HOOK
    saved, hooks[0] = hooks[0], hook
    try:
        return fn(*args, **kwargs)
    finally:
        hooks[0] = saved


def run_traced(fn, constants, args, kwargs):
    """fn(*args, **kwargs) as the trace runs it: the Python values of the trace are its constants."""
    return _with_hook(_replayer(constants), fn, args, kwargs)


def run_scripted(fn, args, kwargs):
    """fn(*args, **kwargs) as scripted code runs it: its Python values are computed (no trace constants, no
    TracerWarning when a trace calls it)."""
    return _with_hook(None, fn, args, kwargs)


def _check_output(out, strict, top=True):
    if isinstance(out, Tensor):
        return
    if isinstance(out, tuple):
        for o in out:
            _check_output(o, strict, False)
        return
    if isinstance(out, (list, dict)):
        kind = "list" if isinstance(out, list) else "dict"
        if strict and (kind == "dict" or not top):
            raise RuntimeError(_CONTAINER.format(kind))
        for o in (out if kind == "list" else out.values()):
            _check_output(o, strict, False)
        if strict:
            warnings.warn(_CONTAINER.format(kind), TracerWarning, stacklevel=4)
        return
    raise RuntimeError(_BAD_OUTPUT)


def _record(fn, args, kwargs, strict):
    """One tracing run of fn: its Python constants (each with PyTorch's TracerWarning)."""
    found = []
    _STATE["tracing"], was = True, _STATE["tracing"]
    try:
        out = _with_hook(_recorder(found), fn, args, kwargs)
    finally:
        _STATE["tracing"] = was
    _check_output(out, strict)
    return found
