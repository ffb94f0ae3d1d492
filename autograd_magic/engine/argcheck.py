"""PyTorch's argument parser's TypeErrors for the factory functions' keyword arguments (dtype=, requires_grad=).

A learner coming from numpy writes ``torch.zeros(3, dtype='float32')`` or ``torch.ones(2, requires_grad=1)``;
PyTorch's parser refuses both before anything runs. A function with one signature says which argument is wrong
(``zeros(): argument 'dtype' must be torch.dtype, not str``); one with several overloads lists them all
(``rand() received an invalid combination of arguments - got (int, dtype=str), but expected one of: ...``), with
the call's positional argument types and its keyword arguments, the last given first, as PyTorch prints them.

Only the failing calls pay: ``factory_kwargs`` is called with the keyword arguments of a creation call, and does
one lookup per argument when they are right.

Also the overloads PyTorch kept from its first versions with a number first (``p.data.add_(-lr, p.grad)``, old
optimizers' ``exp_avg.addcmul_(1 - beta2, grad, grad)``): ``deprecated_first_number`` runs them as the current
signature and warns as PyTorch does, once per process for all of them (one TORCH_WARN_ONCE in its parser).
"""
import numbers
import types
import sys

import numpy as np

from .pytorch_names import NAMES as _PYTORCH_NAMES, STARRED as _PYTORCH_STARRED

_NDARRAY = np.ndarray


def missing_attribute(owner, name, kind=None):
    """The AttributeError of ``owner.name`` where nothing defines name: owner a dotted torch.* module name, or
    "Tensor" (kind: the object's class name, ``'Parameter' object ...``). PyTorch's own text, with the engine's
    "autograd_magic implements a subset of PyTorch, and torch.jit is not part of it" only when PyTorch has the
    name (engine/pytorch_names.py): a learner's typo, ``torch.arrange`` or ``x.sizee()``, reads as in PyTorch."""
    where = f"'{kind or owner}' object" if owner == "Tensor" else f"module '{owner}'"
    text = f"{where} has no attribute '{name}'"
    known = _PYTORCH_NAMES.get(owner)
    if known is None or name in known:
        text += f": autograd_magic implements a subset of PyTorch, and {owner}.{name} is not part of it"
    return AttributeError(text)


class Missing:
    """A name PyTorch's Tensor has and the engine does not, on the engine's tensor class: reading it from a tensor
    raises missing_attribute's error. It stands in for a class ``__getattr__``, which would make every attribute
    read of every tensor take CPython's slow path (a class with ``__getattr__`` gets no specialised attribute
    reads: ~4% of a training loop's time). Not a data descriptor: a value set on the instance wins, as before."""
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __get__(self, obj, cls=None):
        if obj is None:   # (the class: Python's own message, as a class without the name gives)
            raise AttributeError(f"type object '{cls.__name__}' has no attribute '{self.name}'")
        raise missing_attribute("Tensor", self.name, type(obj).__name__)


def refuse_missing(base, cls):
    """Give base a Missing for each name PyTorch's Tensor has (not a dunder) that cls does not; returns the
    names (a tensor's ``dir()`` leaves them out)."""
    names = frozenset(n for n in _PYTORCH_NAMES.get("Tensor", ()) if not n.startswith("__") and not hasattr(cls, n))
    for name in names:
        setattr(base, name, Missing(name))
    return names


def attribute_refuser(owner):
    """A module-level ``__getattr__`` for the module PyTorch calls owner: missing_attribute's error for every name."""
    def __getattr__(name):
        raise missing_attribute(owner, name)
    return __getattr__


def starred(owner, namespace):
    """A module's ``__all__``: what ``from <owner> import *`` binds in PyTorch (owner's __all__ there, else its public
    globals, engine/pytorch_names.py) that namespace defines; not the engine's helpers and submodules
    (``from torch.nn import *`` binds no ``conv`` or ``loss`` module, ``from torch.optim import *`` no ``adam``)."""
    names = _PYTORCH_STARRED.get(owner, _PYTORCH_NAMES.get(owner, ()))
    return sorted(n for n in names if n in namespace)


TAIL = ("torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, "
         "bool requires_grad = False")
_OUT_TAIL = "Tensor out = None, " + TAIL
LIKE_TAIL = "torch.memory_format memory_format = None, " + TAIL


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
    "arange": [f"(Number end, *, {_OUT_TAIL})", f"(Number start, Number end, *, {TAIL})",
               f"(Number start, Number end, Number step = 1, *, {_OUT_TAIL})"],
    "linspace": _spaced(""),
    "logspace": _spaced(", float base = 10.0"),
    "eye": [f"(int n, *, {_OUT_TAIL})", f"(int n, int m, *, {_OUT_TAIL})"],
    "rand": _with_generator("tuple of ints size", _OUT_TAIL),
    "randn": _with_generator("tuple of ints size", _OUT_TAIL),
    "randperm": _with_generator("int n", _OUT_TAIL),
    "randint": _with_generator("int high, tuple of ints size", _OUT_TAIL)
    + _with_generator("int low, int high, tuple of ints size", _OUT_TAIL),
    "rand_like": _with_generator("Tensor input", LIKE_TAIL),
    "randn_like": _with_generator("Tensor input", LIKE_TAIL),
    "randint_like": _with_generator("Tensor input, int low, int high", LIKE_TAIL)
    + _with_generator("Tensor input, Tensor high", LIKE_TAIL) + _with_generator("Tensor input, int high", LIKE_TAIL),
}

# functions whose requires_grad= refuses None (the others take None for the default)
NO_NONE_REQUIRES_GRAD = frozenset(("tensor", "new_tensor"))


def kind(value):
    """A value's type as PyTorch's parser names it in its errors (CPython's tp_name: type_name)."""
    cls = type(value)
    if cls.__name__ in ("Tensor", "Parameter"):
        return cls.__name__
    return type_name(cls)


# the modules of the engine's stand-ins for PyTorch's C types (torch.dtype, torch._C.Generator, a torch.return_types
# structseq): their tp_name carries the module, as a C type's does
_C_TYPE_MODULES = ("torch", "torch._C", "torch.return_types")


def type_name(cls):
    """CPython's tp_name of a class, which PyTorch's messages print: a builtin's name (``float``), a class written
    in Python by its bare name (``Seq``, ``Linear``, ``Fraction``), a C type of another module with it
    (``collections.deque``, ``numpy.ndarray``, ``decimal.Decimal``, ``torch.dtype``)."""
    if cls.__module__ == "builtins" or cls.__flags__ & _HEAPTYPE and cls.__module__ not in _C_TYPE_MODULES:
        return cls.__name__
    return f"{cls.__module__}.{cls.__name__}"


_HEAPTYPE = 1 << 9   # Py_TPFLAGS_HEAPTYPE: a class made by a class statement


def no_attribute(obj, name):
    """CPython's AttributeError for a C type of PyTorch's, which names it by its tp_name: a stand-in's
    ``__getattr__`` (``'torch.Size' object has no attribute 'size'``, ``'torch.finfo' object has no attribute
    'eps'``)."""
    raise AttributeError(f"'{type_name(type(obj))}' object has no attribute '{name}'")


def c_format(obj, spec):
    """object.__format__ for a C type of PyTorch's: str(obj) for an empty spec, else its TypeError naming the type
    by its tp_name (``f"{x.shape:>20}"``: ``unsupported format string passed to torch.Size.__format__``)."""
    if spec:
        raise TypeError(f"unsupported format string passed to {type_name(type(obj))}.__format__")
    return str(obj)


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
        if dtype.__class__ is type and dtype in (bool, int, float, complex):
            dtype = coerce(dtype)
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


def user_level():
    """How many frames up the caller's code is, past the engine's own frames (for a warning's line)."""
    f, level = sys._getframe(2), 2
    while f is not None and f.f_globals.get("__name__", "").startswith("autograd_magic."):
        f, level = f.f_back, level + 1
    return level


# PyTorch warns for the first deprecated overload a process calls, then never (one TORCH_WARN_ONCE in its parser,
# whatever the overload), unless torch.set_warn_always(True): tensor_base.warn_once, set by tensor_base.py
warn_once = None

# (the deprecated signature, the current one) per kind of call; {n}: the function's name, {k}: alpha or value
_DEPRECATED_FORMS = {
    "method": ("{n}(Number {k}, Tensor other)", "{n}(Tensor other, *, Number {k} = 1)"),
    "function": ("{n}(Tensor input, Number {k}, Tensor other, *, Tensor out = None)",
                 "{n}(Tensor input, Tensor other, *, Number {k} = 1, Tensor out = None)"),
    "method3": ("{n}(Number {k}, Tensor tensor1, Tensor tensor2)",
                "{n}(Tensor tensor1, Tensor tensor2, *, Number {k} = 1)"),
    "function3": ("{n}(Tensor input, Number {k}, Tensor tensor1, Tensor tensor2, *, Tensor out = None)",
                  "{n}(Tensor input, Tensor tensor1, Tensor tensor2, *, Number {k} = 1, Tensor out = None)"),
}


# add, sub, mul (and add_, sub_, mul_): PyTorch's parser takes a Tensor or a number for each operand and refuses
# anything else with the argument's name and position; the engine's own operators would hand back NotImplemented
_OPERAND_NAMES = frozenset(("add", "add_", "sub", "sub_", "mul", "mul_"))
_OPERAND_OK = {int, float, bool, complex}   # grows with the tensor classes seen (_is_operand)
TensorBase = None   # set by tensor_base.py once TensorBase is defined (argcheck is below it)


def _is_operand(value):
    cls = value.__class__
    if cls in _OPERAND_OK:
        return True
    if TensorBase is not None and isinstance(value, TensorBase):
        _OPERAND_OK.add(cls)
        return True
    return is_number(value)


def is_number(value):
    """A Number to PyTorch's parser (THPUtils_checkScalar): a Python int, float, bool or complex, or a numpy
    scalar; a Fraction or a Decimal is not one (``x.add(Fraction(1, 2))`` is its TypeError)."""
    return isinstance(value, (int, float, complex, np.number, np.bool_))


def _scalar_tensor(value):
    """A tensor PyTorch's parser takes as a Number (THPUtils_checkScalar): 0-dim, not requiring grad."""
    return TensorBase is not None and isinstance(value, TensorBase) and value._data.ndim == 0 and not value._rg


def number_argument(name, key, value):
    """A ``Number`` argument (add's alpha, addcmul's value) as PyTorch's parser reads it: a number as it is, a
    0-dim tensor that does not require grad as its Python number (``x.add_(d, alpha=sigmas[i])``), anything else
    its TypeError."""
    if is_number(value):
        return value
    if _scalar_tensor(value):
        return value.item()
    raise TypeError(f"{name}(): argument '{key}' must be Number, not {tp_name(value)}")


def tp_name(value):
    """What CPython's tp_name says for value's type, as PyTorch's parser prints it: ``float``, ``numpy.ndarray``,
    ``Tensor`` (a tensor subclass by its name)."""
    cls = type(value)
    if TensorBase is not None and isinstance(value, TensorBase):
        return cls.__name__
    return type_name(cls)


def _unusual_operands(args, kwargs):
    """Whether a call of add/sub/mul needs _refuse_operands' look: not two positional operands (input or self,
    other) of the usual classes (the fast path of ``x + 1``-like calls: two set lookups)."""
    return kwargs or len(args) < 2 or args[0].__class__ not in _OPERAND_OK or args[1].__class__ not in _OPERAND_OK


def _refuse_operands(name, args, kwargs, index, position):
    """PyTorch's TypeError for an operand of add/sub/mul that is neither a Tensor nor a number (index/position of
    ``other``; a function's ``input`` is args[0] when index is 1); nothing otherwise."""
    if index == 1 and args and not _is_operand(args[0]):
        raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {tp_name(args[0])}")
    if len(args) > index and not _is_operand(args[index]):
        raise TypeError(f"{name}(): argument 'other' (position {position}) must be Tensor, not "
                        f"{tp_name(args[index])}")
    if kwargs:
        if "other" in kwargs and not _is_operand(kwargs["other"]):
            raise TypeError(f"{name}(): argument 'other' must be Tensor, not {tp_name(kwargs['other'])}")
        for key in ("alpha",):
            if key in kwargs and not is_number(kwargs[key]):
                raise TypeError(f"{name}(): argument '{key}' must be Number, not {tp_name(kwargs[key])}")



def _unsupported_operands(name, args, kwargs):
    kinds = ", ".join(tp_name(v) for v in (*args, *kwargs.values()))
    raise TypeError(f"{name}() of ({kinds}): autograd_magic implements a subset of PyTorch, and this combination of "
                    "operand types (complex numbers) is not part of it")


def deprecated_first_number(fn, name, form, keyword, arrays_at=None):
    """fn(input, *operands, keyword=...) that also takes PyTorch's deprecated order with the number first:
    add(x, alpha, other), addcmul(x, value, t1, t2) (as a method: x.add(alpha, other)). form: a key of
    _DEPRECATED_FORMS; keyword: "alpha" or "value"; arrays_at: also refuse a numpy array as ``other`` there, as
    refusing_arrays does (one wrapper, not two, on x.add_(y))."""
    operands = 3 if form.endswith("3") else 2   # positional arguments of the current signature, input included
    old, new = (text.format(n=name, k=keyword) for text in _DEPRECATED_FORMS[form])
    at = -1 if arrays_at is None else arrays_at if arrays_at == 1 else arrays_at - 1   # (args index; -1: none)

    operand_checks = name in _OPERAND_NAMES and at >= 0

    def call(*args, **kwargs):
        if kwargs and keyword in kwargs and not is_number(kwargs[keyword]):
            kwargs[keyword] = number_argument(name, keyword, kwargs[keyword])
        if at >= 0 and ((len(args) > at and args[at].__class__ is _NDARRAY) or kwargs):
            _refuse_array(name, args, kwargs, at, arrays_at)
        if operand_checks and len(args) <= operands and _unusual_operands(args, kwargs):
            _refuse_operands(name, args, kwargs, at, arrays_at)
        if len(args) == operands + 1 and keyword not in kwargs and (
                isinstance(args[1], numbers.Number) or _scalar_tensor(args[1])):
            args = (args[0], number_argument(name, keyword, args[1]), *args[2:])
            warn_once(f"This overload of {name} is deprecated:\n\t{old}\nConsider using one of the following "
                      f"signatures instead:\n\t{new} (Triggered internally at "
                      "/__w/pytorch/pytorch/torch/csrc/utils/python_arg_parser.cpp:1841.)", UserWarning,
                      stacklevel=user_level(), site="deprecated overload")
            kwargs[keyword] = args[1]
            return fn(args[0], *args[2:], **kwargs)
        result = fn(*args, **kwargs)
        if result is NotImplemented:   # (a number type the engine has no arithmetic for: complex)
            _unsupported_operands(name, args, kwargs)
        return result
    call.__name__ = call.__qualname__ = name
    call.__wrapped__ = fn
    call.__doc__ = fn.__doc__
    return call


def _refuse_array(name, args, kwargs, index, position):
    """PyTorch's parser error when args[index] (or other=) is a numpy array; nothing otherwise."""
    if len(args) > index and args[index].__class__ is _NDARRAY:
        raise TypeError(f"{name}(): argument 'other' (position {position}) must be Tensor, not numpy.ndarray")
    if kwargs and kwargs.get("other").__class__ is _NDARRAY:
        raise TypeError(f"{name}(): argument 'other' must be Tensor, not numpy.ndarray")


def refusing_arrays(fn, name, position):
    """fn, refusing a numpy array as its tensor argument ``other`` (positional ``position``, counted as PyTorch
    counts: 1 for a method's first argument, 2 for a function's second) with PyTorch's parser error: mixing numpy
    data into tensor code (``x.add(arr)``, ``torch.maximum(x, arr)``) fails there before anything runs."""
    index = position if position == 1 else position - 1   # (a method's self is args[0])

    operand_checks = name in _OPERAND_NAMES

    def call(*args, **kwargs):
        if (len(args) > index and args[index].__class__ is _NDARRAY) or kwargs:
            _refuse_array(name, args, kwargs, index, position)
        if operand_checks and _unusual_operands(args, kwargs):
            _refuse_operands(name, args, kwargs, index, position)
        result = fn(*args, **kwargs)
        if result is NotImplemented:   # (a number type the engine has no arithmetic for: complex)
            _unsupported_operands(name, args, kwargs)
        return result
    call.__name__ = call.__qualname__ = name
    call.__wrapped__ = fn
    call.__doc__ = fn.__doc__
    return call


def in_class(cls, names):
    """cls's methods of names that were defined outside its body (a module-level function assigned to it, shared
    with a torch.* function) given the qualified name a method defined in the class has, as PyTorch defines them:
    Python's own errors for a wrong call read ``Module.load_state_dict() missing 1 required positional argument``.
    Each becomes a copy of its function (the function shared elsewhere keeps its name); C-compiled ones stay."""
    for name in names:
        fn = next((klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__), None)
        qual = f"{cls.__name__}.{name}"
        if not isinstance(fn, types.FunctionType) or fn.__qualname__ == qual:
            continue
        copy = types.FunctionType(fn.__code__, fn.__globals__, name, fn.__defaults__, fn.__closure__)
        copy.__kwdefaults__, copy.__doc__, copy.__module__ = fn.__kwdefaults__, fn.__doc__, fn.__module__
        copy.__dict__.update(fn.__dict__)
        copy.__qualname__ = qual
        setattr(cls, name, copy)
