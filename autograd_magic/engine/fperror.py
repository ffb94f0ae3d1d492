"""numpy's floating-point error state, switched off cheaply around a backward pass (PyTorch is silent about
inf/nan where numpy warns)."""
import functools

import numpy as np

try:  # numpy's floating-point error state is a context variable (autograd.run_backward turns it off cheaply)
    from numpy._core.umath import _extobj_contextvar as FP_ERROR_STATE, _make_extobj
    ALL_IGNORED = _make_extobj(all="ignore")
except ImportError:  # pragma: no cover - another numpy layout: the same protocol over np.seterr
    class _SetErr:
        @staticmethod
        def set(_):
            return np.seterr(all="ignore")

        @staticmethod
        def reset(old):
            np.seterr(**old)
    FP_ERROR_STATE, ALL_IGNORED = _SetErr(), None


def quiet(fn):
    """fn with numpy's floating-point warnings off (PyTorch says nothing about inf and nan it makes)."""
    @functools.wraps(fn)
    def run(*args, **kwargs):
        token = FP_ERROR_STATE.set(ALL_IGNORED)
        try:
            return fn(*args, **kwargs)
        finally:
            FP_ERROR_STATE.reset(token)
    return run
