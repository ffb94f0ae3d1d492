"""PyTorch's process-wide settings across plain and ``%%grad`` cells.

A notebook has one set of them: ``torch.set_printoptions(precision=2)`` or ``torch.set_default_dtype(torch.float64)``
in a plain cell decides how the next cell prints and what dtype it makes, whether or not that cell is a ``%%grad``
cell; what a ``%%grad`` cell sets holds for the plain cells after it. Plain cells set real PyTorch's and ``%%grad``
cells the engine's, so they cross over at a cell's edges, as the random generator's state does (trace/rng.py):
the engine takes real PyTorch's when a cell starts (``take``) and gives its own back when the cell is over
(``give``), when real PyTorch is imported at all. Only a setting that differs is set; one the other side cannot
take is left as it is (the cell runs as it would have without it).
"""
import warnings

from .. import torch as _engine
from .rng import _real


def _dtype_name(mod):
    return str(mod.get_default_dtype()).rsplit(".", 1)[-1]


def _set_dtype(mod, name):
    mod.set_default_dtype(getattr(mod, name))


_PRINT = ("precision", "threshold", "edgeitems", "linewidth", "sci_mode")


def _print_options(mod):
    """(a tuple read off PRINT_OPTS: get_printoptions() copies a dataclass, ~20 us)"""
    opts = mod._tensor_str.PRINT_OPTS
    return tuple(getattr(opts, k) for k in _PRINT)


# name: (read it from a torch module, set it on one)
SETTINGS = {
    "print options": (_print_options, lambda m, v: m.set_printoptions(**dict(zip(_PRINT, v)))),
    "default dtype": (_dtype_name, _set_dtype),
    "grad mode": (lambda m: m.is_grad_enabled(), lambda m, v: m.set_grad_enabled(v)),
    "deterministic algorithms": (
        lambda m: (m.are_deterministic_algorithms_enabled(), m.is_deterministic_algorithms_warn_only_enabled()),
        lambda m, v: m.use_deterministic_algorithms(v[0], warn_only=v[1])),
    "anomaly detection": (lambda m: (m.is_anomaly_enabled(), m.is_anomaly_check_nan_enabled()),
                          lambda m, v: m.autograd.set_detect_anomaly(*v)),
    "warn always": (lambda m: m.is_warn_always_enabled(), lambda m, v: m.set_warn_always(v)),
    "threads": (lambda m: m.get_num_threads(), lambda m, v: m.set_num_threads(v)),
}


def _copy(source, target, only=None):
    """Each setting of source that differs on target, set on target (only: the names to look at); returns
    {name: the value target has afterwards}."""
    now = {}
    for name, (get, put) in SETTINGS.items():
        if only is not None and name not in only:
            continue
        try:
            value = get(source)
            if get(target) != value:
                with warnings.catch_warnings():   # (whatever setting it may say was said when the user set it)
                    warnings.simplefilter("ignore")
                    put(target, value)
            now[name] = value
        except Exception:  # noqa: BLE001 - see the module docstring
            pass
    return now


# {name: the engine's value} as the running %%grad cell started with it (what give() compares with)
_STARTED = {}


def take():
    """A %%grad cell starts: the engine takes the settings plain cells left on real PyTorch."""
    _STARTED.clear()
    real = _real()
    if real is not None:
        _STARTED.update(_copy(real, _engine))


def give():
    """The %%grad cell is over: real PyTorch takes the settings the cell changed on the engine (only those: a
    setting the engine had from elsewhere, code run on it outside %%grad, stays the engine's)."""
    real = _real()
    if real is None or not _STARTED:
        return
    changed = set()
    for name, value in _STARTED.items():
        try:
            if SETTINGS[name][0](_engine) != value:
                changed.add(name)
        except Exception:  # noqa: BLE001
            pass
    if changed:
        _copy(_engine, real, changed)
