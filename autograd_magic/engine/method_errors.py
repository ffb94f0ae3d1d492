"""A Tensor method called with arguments PyTorch's parser refuses: PyTorch's TypeError, not Python's or the engine's.

PyTorch checks a method's arguments before it runs: ``x.abs(1)`` raises ``TypeError: TensorBase.abs() takes no
arguments (1 given)``, ``x.mul(x, x)`` ``mul() takes 1 positional argument but 2 were given``, ``x.reshape()``
``reshape() missing 1 required positional arguments: "shape"``, ``x.sum(dims=0)`` its listing of sum's overloads.
The engine's methods are Python functions: the same calls met Python's wording (self counted, the engine's own
parameter names) or an error from inside the method (``shape '[]' is invalid``).

``check_methods(cls)`` wraps cls's methods so that only a failing call pays: when the method raises, the
arguments are parsed against PyTorch's signatures of that method (engine/method_signatures.py, read from PyTorch
by tools/method_signatures.py); if PyTorch's parser refuses them, its TypeError is raised instead; if it takes
them, the method's own error stands. Every call that succeeds is untouched.

Only when this module runs compiled (autograd_magic/_compiled.py: a compiled function has no frame of its own):
as plain Python the wrapper would be one more frame between the user's line and the engine's warnings, whose
``stacklevel`` counts frames, so without the build the methods stay unwrapped (torch/argument_errors.py does the
same for torch.* functions).
"""
import functools
import types

from . import arg_parser
from .method_signatures import NOARGS, SIGNATURES

_PARSED = {}   # name -> (its signatures, those PyTorch lists), made at a method's first failing call
_CAUGHT = (TypeError, AttributeError, RuntimeError, ValueError, IndexError)


def method_error(name, args, kwargs):
    """PyTorch's TypeError for the method ``name`` called with args (self not among them) and kwargs, or None when
    PyTorch's parser takes them."""
    if name in NOARGS:   # (a C method of no arguments: CPython's own check)
        return arg_parser.no_arguments(f"TensorBase.{name}", args, kwargs)
    texts = SIGNATURES.get(name)
    return None if texts is None else arg_parser.refusal(name, texts, args, kwargs, _PARSED)


def _checked(fn, name):
    def method(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except _CAUGHT:
            error = method_error(name, args[1:], kwargs)
            if error is None:
                raise
        raise error   # (outside the handler: no "During handling of the above exception" chain)
    return functools.update_wrapper(method, fn)   # (fn's name, doc and module; __wrapped__)


def check_methods(cls, skip=()):
    """Wrap the methods of cls (Python functions, found along its MRO) that PyTorch parses, but those of skip;
    only when this module is compiled (see above)."""
    if __file__.endswith(".py"):
        return
    for name in sorted(NOARGS | SIGNATURES.keys()):
        if name in skip:
            continue
        value = next((klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__), None)
        if isinstance(value, types.FunctionType):
            setattr(cls, name, _checked(value, name))
