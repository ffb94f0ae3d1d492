"""no_grad, enable_grad, set_grad_enabled, inference_mode: context managers and decorators (a decorated generator
runs each of its steps in the mode, and its caller's code between them in the caller's, as PyTorch's do)."""
import functools
import inspect
import sys

from ..engine.autograd import GRAD_MODE
from ..engine.tensor_base import INFERENCE_MODE   # tensors made while it is True are inference tensors


def _wrap_generator(factory, fn):
    """fn, a generator function, with every resumption of its generator inside ``with factory():``."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        gen = fn(*args, **kwargs)
        try:
            with factory():
                response = gen.send(None)
            while True:
                try:
                    request = yield response
                except GeneratorExit:
                    with factory():
                        gen.close()
                    raise
                except BaseException:
                    with factory():
                        response = gen.throw(*sys.exc_info())
                else:
                    with factory():
                        response = gen.send(request)
        except StopIteration as stop:
            return stop.value
    return wrapper


class _GradModeContext:
    mode = None

    def __enter__(self):
        self.prev = GRAD_MODE.enabled
        GRAD_MODE.enabled = self.mode

    def __exit__(self, *exc):
        GRAD_MODE.enabled = self.prev
        return False

    def __call__(self, fn):
        if inspect.isgeneratorfunction(fn):
            return _wrap_generator(self.clone, fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.clone():
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
        self.inference = bool(mode)
        self.mode = not mode   # inference_mode(False) turns grad mode on, as c10::InferenceMode(false) does

    def __enter__(self):
        self.prev_inference = INFERENCE_MODE[0]
        INFERENCE_MODE[0] = self.inference
        super().__enter__()

    def __exit__(self, *exc):
        INFERENCE_MODE[0] = self.prev_inference
        return super().__exit__(*exc)

    def clone(self):
        return self.__class__(self.inference)


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

        if inspect.isgeneratorfunction(fn):
            return _wrap_generator(self.clone, fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with set_grad_enabled(self.mode):
                return fn(*args, **kwargs)
        return wrapper

    def clone(self):
        return set_grad_enabled(self.mode)

    def __repr__(self):   # (what a cell ending in ``torch.set_grad_enabled(False)`` shows)
        return f"torch.autograd.grad_mode.set_grad_enabled(mode={self.mode})"


def is_grad_enabled():
    return GRAD_MODE.enabled


for _cls in (no_grad, enable_grad, inference_mode, set_grad_enabled):
    _cls.__module__ = "torch.autograd.grad_mode"   # where PyTorch defines them: how their type prints


def is_inference_mode_enabled():
    return INFERENCE_MODE[0]
