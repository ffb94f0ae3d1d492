"""PyTorch's argument parser's TypeErrors for the factory functions' keyword arguments (dtype=, requires_grad=).

A learner coming from numpy writes ``torch.zeros(3, dtype='float32')`` or ``torch.ones(2, requires_grad=1)``;
PyTorch's parser refuses both before anything runs. A function with one signature says which argument is wrong
(``zeros(): argument 'dtype' must be torch.dtype, not str``); one with several overloads lists them all
(``rand() received an invalid combination of arguments - got (int, dtype=str), but expected one of: ...``), with
the call's positional argument types and its keyword arguments, the last given first, as PyTorch prints them.

Only the failing calls pay: ``factory_kwargs`` is called with the keyword arguments of a creation call, and does
one lookup per argument when they are right.
"""

_TAIL = ("torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, "
         "bool requires_grad = False")
_OUT_TAIL = "Tensor out = None, " + _TAIL
_LIKE_TAIL = "torch.memory_format memory_format = None, " + _TAIL


def _with_generator(head, tail):
    """The pair of overloads a random factory has: with a keyword generator, then without."""
    return [f"({head}, *, torch.Generator generator, {tail})", f"({head}, *, {tail})"]


def _spaced(extra):
    """linspace's / logspace's four overloads (start and end each a Tensor or a Number)."""
    return [f"({start} start, {end} end, int steps{extra}, *, {_OUT_TAIL})"
            for start, end in (("Tensor", "Tensor"), ("Number", "Tensor"), ("Tensor", "Number"), ("Number", "Number"))]


# the overloads PyTorch 2.13 lists for the factories that have several (functions with one signature name the
# argument instead)
OVERLOADS = {
    "arange": [f"(Number end, *, {_OUT_TAIL})", f"(Number start, Number end, *, {_TAIL})",
               f"(Number start, Number end, Number step = 1, *, {_OUT_TAIL})"],
    "linspace": _spaced(""),
    "logspace": _spaced(", float base = 10.0"),
    "eye": [f"(int n, *, {_OUT_TAIL})", f"(int n, int m, *, {_OUT_TAIL})"],
    "rand": _with_generator("tuple of ints size", _OUT_TAIL),
    "randn": _with_generator("tuple of ints size", _OUT_TAIL),
    "randperm": _with_generator("int n", _OUT_TAIL),
    "randint": _with_generator("int high, tuple of ints size", _OUT_TAIL)
    + _with_generator("int low, int high, tuple of ints size", _OUT_TAIL),
    "rand_like": _with_generator("Tensor input", _LIKE_TAIL),
    "randn_like": _with_generator("Tensor input", _LIKE_TAIL),
    "randint_like": _with_generator("Tensor input, int low, int high", _LIKE_TAIL)
    + _with_generator("Tensor input, Tensor high", _LIKE_TAIL) + _with_generator("Tensor input, int high", _LIKE_TAIL),
}

# functions whose requires_grad= refuses None (the others take None for the default)
NO_NONE_REQUIRES_GRAD = frozenset(("tensor", "new_tensor"))


def kind(value):
    """A value's type as PyTorch's parser names it in its errors."""
    cls = type(value)
    if cls.__module__ == "builtins" or cls.__name__ in ("Tensor", "Parameter"):
        return cls.__name__
    return f"{cls.__module__}.{cls.__qualname__}"


def invalid_combination(name, args, kwargs):
    """The TypeError PyTorch raises when no overload of name takes these arguments."""
    got = [kind(a) for a in args]
    named = [f"{k}={kind(v)}" for k, v in reversed(kwargs.items())]
    text = ", ".join(got + named) if got else "".join(f"{n}, " for n in named)
    lines = "".join(f" * {signature}\n" for signature in OVERLOADS[name])
    return TypeError(f"{name}() received an invalid combination of arguments - got ({text}), but expected one of:\n"
                     f"{lines}")


def factory_kwargs(name, args, kwargs, dtype_class, coerce):
    """Check a creation call's dtype= and requires_grad= as PyTorch's parser does; returns the dtype to use (a
    Python bool/int/float turned into the torch dtype by ``coerce``), or raises the parser's TypeError."""
    dtype = kwargs.get("dtype")
    if dtype is not None and dtype.__class__ is not dtype_class:
        if dtype.__class__ is type and dtype in (bool, int, float):
            dtype = coerce(dtype)
        elif dtype is complex:
            coerce(dtype)   # (the engine's own error: complex dtypes are not part of it)
        elif name in OVERLOADS:
            raise invalid_combination(name, args, kwargs)
        else:
            raise TypeError(f"{name}(): argument 'dtype' must be torch.dtype, not {kind(dtype)}")
    grad = kwargs.get("requires_grad", False)
    if grad.__class__ is not bool and (grad is not None or name in NO_NONE_REQUIRES_GRAD):
        if name in OVERLOADS:
            raise invalid_combination(name, args, kwargs)
        raise TypeError(f"{name}(): argument 'requires_grad' must be bool, not {kind(grad)}")
    return dtype
