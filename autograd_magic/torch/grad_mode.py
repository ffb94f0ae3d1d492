"""no_grad, enable_grad, set_grad_enabled, inference_mode: context managers and decorators."""
import functools

from ..engine.autograd import GRAD_MODE


class _GradModeContext:
    mode = None

    def __enter__(self):
        self.prev = GRAD_MODE.enabled
        GRAD_MODE.enabled = self.mode

    def __exit__(self, *exc):
        GRAD_MODE.enabled = self.prev
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.__class__():
                return fn(*args, **kwargs)
        return wrapper

    def clone(self):
        return self.__class__()


class no_grad(_GradModeContext):
    """Operations inside record no graph."""
    mode = False

    def __init__(self, orig_func=None):
        self._fn = orig_func


class enable_grad(_GradModeContext):
    """Turn recording back on inside a no_grad block."""
    mode = True


class inference_mode(_GradModeContext):
    mode = False

    def __init__(self, mode=True):
        self.mode = not mode


class set_grad_enabled(_GradModeContext):
    """``set_grad_enabled(False)`` works as a call, a context manager and a decorator."""

    def __init__(self, mode):
        self.prev = GRAD_MODE.enabled
        self.mode = bool(mode)
        GRAD_MODE.enabled = self.mode

    def __enter__(self):
        pass

    def __call__(self, fn):
        GRAD_MODE.enabled = self.prev

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with set_grad_enabled(self.mode):
                return fn(*args, **kwargs)
        return wrapper

    def clone(self):
        return set_grad_enabled(self.mode)


def is_grad_enabled():
    return GRAD_MODE.enabled
