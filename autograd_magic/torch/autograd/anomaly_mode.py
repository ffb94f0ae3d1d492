"""Anomaly detection (torch.autograd.detect_anomaly / set_detect_anomaly): with check_nan on, a backward pass stops
at the first node whose gradients contain NaN, with PyTorch's message. The check is an observer of the engine's
backward events (engine/events.py), subscribed only while the mode is on.

Not imitated: PyTorch also records the traceback of each forward op while the mode is on and warns with it
("Error detected in ...") when a node fails; the engine's nodes keep no forward traceback.
"""
import warnings

import numpy as np

from ...engine import events

_STATE = {"enabled": False, "check_nan": True, "subscription": None}


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
