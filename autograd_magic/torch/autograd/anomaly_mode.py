"""Anomaly detection (torch.autograd.detect_anomaly / set_detect_anomaly): with check_nan on, a backward pass stops
at the first node whose gradients contain NaN, with PyTorch's message. The check is an observer of the engine's
backward events (engine/events.py), subscribed only while the mode is on.

While the mode is on, each node made keeps the Python stack of the call that made it (PyTorch's AnomalyMetadata
store_stack: traceback.format_stack at the node's creation, the engine's own frames left out), and a node whose work
fails in a backward pass (a NaN, a saved tensor modified in place or freed, an error in a hook) warns with it first
("Error detected in ..."), as PyTorch's GraphTask::set_exception does.

Not imitated: the stack of a node made during a create_graph backward names its parent node in PyTorch ("Previous
calculation was induced by ..."); PyTorch's own Python frames inside torch.nn or torch.nn.functional are not shown.
"""
import dis
import os
import sys
import sysconfig
import traceback
import warnings
import weakref

import numpy as np

from ...engine import autograd as _engine_autograd, events

_STATE = {"enabled": False, "check_nan": True, "subscription": None}
_STACKS = weakref.WeakKeyDictionary()   # node -> the formatted stack of its creation (while the mode was on)
_PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))) + os.sep
# Tensor operators that PyTorch writes in Python (torch/_tensor.py, 2.13) add their frames to a node's stack: the
# "wrapped" frame of _handle_torch_function_and_wrap_type_error_to_not_implemented, then the operator's own. Which one
# ran is told by the user's instruction (an operator, not a call) and the node it made: x ** 2 (PowBackward0/1) is
# __pow__; 2 ** x (PowBackward2) __rpow__; 1 - x (RsubBackward1) __rsub__; 1 / x (its ReciprocalBackward0 and
# MulBackward0) __rdiv__.
_WRAPPED = (39, "wrapped", "return f(self, *args, **kwargs)")
_RPOW = (1147, "__rpow__", "return torch.pow(other, self)")
_RSUB = (1108, "__rsub__", "return _C._VariableFunctions.rsub(self, other)")
_RDIV = (1112, "__rdiv__", "return self.reciprocal() * other")
_BINARY_OP = dis.opmap.get("BINARY_OP")
_NB = {name: i for i, (name, _) in enumerate(getattr(dis, "_nb_ops", ()))}   # NB_POWER ... as BINARY_OP's argument
_OPERATOR_FRAMES = {   # (operator, node name) -> the frames after "wrapped"
    **{(nb, n): () for nb in ("NB_POWER", "NB_INPLACE_POWER") for n in ("PowBackward0", "PowBackward1")},
    **{(nb, "PowBackward2"): (_RPOW,) for nb in ("NB_POWER", "NB_INPLACE_POWER")},
    **{(nb, "RsubBackward1"): (_RSUB,) for nb in ("NB_SUBTRACT", "NB_INPLACE_SUBTRACT")},
    **{(nb, n): (_RDIV,) for nb in ("NB_TRUE_DIVIDE", "NB_INPLACE_TRUE_DIVIDE")
       for n in ("ReciprocalBackward0", "MulBackward0")},
}
_TRIGGERED = " (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/python_anomaly_mode.cpp:{}.)"


def _tensor_py():
    """Where torch/_tensor.py is in an installation of PyTorch into this environment (its site-packages)."""
    return os.path.join(sysconfig.get_paths()["purelib"], "torch", "_tensor.py")


def _operator_frames(frame, node):
    """The frames torch/_tensor.py adds when the user's frame made node with a Tensor operator written in Python."""
    code, i = frame.f_code.co_code, frame.f_lasti
    if _BINARY_OP is None or i < 0 or i + 1 >= len(code) or code[i] != _BINARY_OP:
        return None
    names = [name for name, nb in _NB.items() if nb == code[i + 1]]
    extra = _OPERATOR_FRAMES.get((names[0], node.name())) if names else None
    if extra is None:
        return None
    path = _tensor_py()
    return [traceback.FrameSummary(path, line, name, line=text, lookup_line=False)
            for line, name, text in (_WRAPPED,) + extra]


def _store_stack(node):
    """Keep the Python stack of the call that made node: the caller's frames, without the engine's own."""
    frames = [(f, f.f_lineno) for f in _frames(sys._getframe(1)) if not f.f_code.co_filename.startswith(_PACKAGE)]
    if not frames:
        return
    summaries = traceback.StackSummary.extract(reversed(frames))
    extra = _operator_frames(frames[0][0], node)
    _STACKS[node] = "".join(traceback.format_list(list(summaries) + (extra or [])))


def _frames(frame):
    """frame and its callers, innermost first."""
    while frame is not None:
        yield frame
        frame = frame.f_back


def _print_stack(node):
    """PyTorch's PyAnomalyMetadata::print_stack for the node that failed: a warning with its creation's stack."""
    stack = _STACKS.get(node)
    name = node.name()
    if stack is None:
        warnings.warn(f"Error detected in {name}. No forward pass information available. Enable detect anomaly "
                      "during forward pass for more information." + _TRIGGERED.format(100), stacklevel=2)
        return
    warnings.warn(f"Error detected in {name}. Traceback of forward call that caused the error:\n{stack}"
                  + _TRIGGERED.format(122), stacklevel=2)


def _check_nan(event):
    """Raise PyTorch's error for the first gradient with a NaN that a node sent (its i-th output)."""
    if event.__class__ is not events.NodeRun or not _STATE["check_nan"]:
        return
    for i, g in enumerate(event.sent):
        if g is None or g is events.OMITTED:
            continue
        if g.__class__ is not np.ndarray:
            g = events.readonly(g)
        if g.dtype.kind in "fc" and np.isnan(g).any():
            raise RuntimeError(f"Function '{event.node.name()}' returned nan values in its {i}th output.")


def is_anomaly_enabled():
    return _STATE["enabled"]


def is_anomaly_check_nan_enabled():
    return _STATE["check_nan"]


def set_anomaly_enabled(enabled, check_nan=True):
    """torch.set_anomaly_enabled: switch the mode (and its NaN check) on or off."""
    _STATE["enabled"], _STATE["check_nan"] = bool(enabled), bool(check_nan)
    _engine_autograd.ANOMALY_HOOKS[:] = (_store_stack, _print_stack) if enabled else (None, None)
    subscription = _STATE["subscription"]
    if enabled and subscription is None:
        _STATE["subscription"] = events.subscribe(_check_nan)
    elif not enabled and subscription is not None:
        subscription.remove()
        _STATE["subscription"] = None


class detect_anomaly:
    """Context manager that turns anomaly detection on inside it, warning as PyTorch does."""

    def __init__(self, check_nan=True):
        self.prev, self.prev_check_nan = is_anomaly_enabled(), is_anomaly_check_nan_enabled()
        self.check_nan = check_nan
        warnings.warn("Anomaly Detection has been enabled. This mode will increase the runtime and should only be "
                      "enabled for debugging.", stacklevel=2)

    def __enter__(self):
        set_anomaly_enabled(True, self.check_nan)

    def __exit__(self, *args):
        set_anomaly_enabled(self.prev, self.prev_check_nan)


class set_detect_anomaly:
    """Sets the mode when made (so it works as a plain call); as a context manager, restores it on exit."""

    def __init__(self, mode, check_nan=True):
        self.prev, self.prev_check_nan = is_anomaly_enabled(), is_anomaly_check_nan_enabled()
        set_anomaly_enabled(mode, check_nan)

    def __enter__(self):
        pass

    def __exit__(self, *args):
        set_anomaly_enabled(self.prev, self.prev_check_nan)


for _cls in (detect_anomaly, set_detect_anomaly):
    _cls.__module__ = "torch.autograd.anomaly_mode"   # where PyTorch defines them: how their objects print
