"""numpy's floating-point error state, switched off cheaply around a backward pass (PyTorch is silent about
inf/nan where numpy warns)."""
import numpy as np

try:  # numpy's floating-point error state is a context variable (autograd.run_backward turns it off cheaply)
    from numpy._core.umath import _extobj_contextvar as _FPE, _make_extobj
    _QUIET = _make_extobj(all="ignore")
except ImportError:  # pragma: no cover - another numpy layout: the same protocol over np.seterr
    class _SetErr:
        @staticmethod
        def set(_):
            return np.seterr(all="ignore")

        @staticmethod
        def reset(old):
            np.seterr(**old)
    _FPE, _QUIET = _SetErr(), None
