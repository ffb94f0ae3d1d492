"""no_grad, enable_grad, set_grad_enabled, inference_mode: context managers and decorators (a decorated generator
runs each of its steps in the mode, and its caller's code between them in the caller's, as PyTorch's do)."""
import functools
import inspect
import sys
import warnings

from ..engine.argcheck import kind
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
        return _decorate(self.clone, fn)

    def clone(self):
        return self.__class__()


def _decorate(factory, fn):
    """fn run inside ``with factory():`` (a class: its constructor, with PyTorch's FutureWarning)."""
    if inspect.isclass(fn):
        warnings.warn("Decorating classes is deprecated and will be disabled in future versions. You should only "
                      "decorate functions or methods. To preserve the current behavior of class decoration, you can "
                      "directly decorate the `__init__` method and nothing else.", FutureWarning, stacklevel=3)
        cls, fn = fn, (lambda *args, **kwargs: cls(*args, **kwargs))
    if inspect.isgeneratorfunction(fn):
        return _wrap_generator(factory, fn)

    def decorate_context(*args, **kwargs):
        with factory():
            return fn(*args, **kwargs)
    # (PyTorch's name for it, which shows where fn has none of its own: ``torch.no_grad(True)``)
    decorate_context.__qualname__ = "context_decorator.<locals>.decorate_context"
    return functools.update_wrapper(decorate_context, fn)


class _NoParamDecoratorContextManager(_GradModeContext):
    """Also a decorator without parentheses, as PyTorch's class of that name: ``@torch.no_grad``."""

    def __new__(cls, orig_func=None):
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)


class no_grad(_NoParamDecoratorContextManager):
    """Operations inside record no graph."""
    mode = False

    def __init__(self):   # (no_grad(None) is __init__'s TypeError, as in PyTorch; enable_grad has no __init__)
        pass


class enable_grad(_NoParamDecoratorContextManager):
    """Turn recording back on inside a no_grad block."""
    mode = True


class inference_mode(_GradModeContext):
    mode = False

    def __new__(cls, mode=True):   # anything but a bool is the function decorated: ``@torch.inference_mode``
        if isinstance(mode, bool):
            return super().__new__(cls)
        return cls()(mode)

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
        if not isinstance(mode, bool):   # torch._C._set_grad_enabled's argument parser
            raise TypeError(f"set_grad_enabled(): argument 'enabled' (position 1) must be bool, not {kind(mode)}")
        self.prev = GRAD_MODE.enabled
        self.mode = bool(mode)
        GRAD_MODE.enabled = self.mode

    def __enter__(self):
        pass

    def __call__(self, fn):
        GRAD_MODE.enabled = self.prev
        return _decorate(self.clone, fn)

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
