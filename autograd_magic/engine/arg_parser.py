"""PyTorch's argument parser for the native functions lessons call with a dim, a mask or an operand: its TypeErrors.

PyTorch parses ``x.sum(1.0)``, ``x.softmax(1.0)``, ``x.sum(0, keepdim=None)``, ``torch.where(c, ndarray, t)`` or
``x.eq(ndarray)`` against the signatures of the function (python_arg_parser.cpp) and refuses them before anything
runs; numpy's ``np.max(t)`` / ``np.std(t)`` call ``t.max(axis=None, out=None)`` / ``t.std(axis=None, dtype=None,
out=None, ddof=0)`` and meet the same parser. This module holds those signatures, as PyTorch 2.13 prints them, and
rebuilds its errors from them:

* one signature, or one that takes as many arguments as were given: that signature's own message
  (``softmax(): argument 'dim' (position 1) must be int, not float``, ``max(): argument 'dim' must be int, not
  NoneType``, ``sum() got an unexpected keyword argument 'axis'``);
* otherwise ``received an invalid combination of arguments``, each signature listed and, where it takes as many
  arguments as were given, why it did not match (invalid_arguments.cpp, with its quirks: it counts ``*`` as an
  argument and an empty ``()`` as one, and reads ``bool keepdim = False`` as the type ``bool keepdim =``), keyword
  arguments in the order of the C++ ``std::unordered_map`` they go through (libstdc++'s hash and buckets).

Only failing calls pay: ``parsed`` wraps a function with a check of each argument's class against a small set
(``type(dim) is int`` for a dim); anything else (a numpy integer, a tuple of dims, an unknown keyword) goes to the
full parse, which calls the function when some signature takes the arguments after all.
"""
import numpy as np

from . import random
from .argcheck import LIKE_TAIL, OVERLOADS, TAIL, tp_name
from .dtypes import dtype as _dtype
from .function_signatures import SIGNATURES
from .method_signatures import SIGNATURES as METHOD_SIGNATURES, SYMINT
from .size import keyword_sizes
from .tensor_base import TensorBase

_NUMPY_NAMES = {"dim": ("axis",), "keepdim": ("keepdims",), "input": ("x", "a", "x1"), "other": ("x2",)}
_ALIASES = {alias: name for name, aliases in _NUMPY_NAMES.items() for alias in aliases}
# "tuple of ints" parameters that are ``int[]`` in ATen (a size, F.pad's pad): a bare int is refused
# (``torch.randint(5, 2)``, ``F.pad(x, 1)``); the others (a dim, a shift: ``int[1]``) take one
_SEQUENCE_ONLY = frozenset(("size", "shape", "pad"))
# ... and the ``int[]`` parameters of other names (flip's, permute's, tile's, rot90's dims; repeat's repeats), where
# another function's parameter of that name is an ``int[1]`` (roll's dims, sum's dim: ``x.roll(1, dims=0)`` is taken)
_SEQUENCE_PARAMS = frozenset((("flip", "dims"), ("permute", "dims"), ("tile", "dims"), ("rot90", "dims"),
                              ("repeat", "repeats"), ("unflatten", "sizes"), ("linalg_matrix_norm", "dim")))


def _sequence_only(name, pname):
    """True when the ``tuple of ints`` parameter pname of name is an ``int[]`` (a bare int is refused)."""
    return pname in _SEQUENCE_ONLY or (name, pname) in _SEQUENCE_PARAMS
# functions whose Tensor arguments also take Python numbers (should_allow_numbers_as_tensors)
_NUMBERS_AS_TENSORS = frozenset(("add", "add_", "div", "div_", "divide", "divide_", "mul", "mul_", "multiply",
                                 "multiply_", "sub", "sub_", "subtract", "subtract_", "true_divide", "true_divide_",
                                 "to", "copy_", "floor_divide", "floor_divide_", "rsub"))


# ---------------------------------------------------------------- the order of a libstdc++ unordered_map

_M64 = (1 << 64) - 1
_MUL = (0xc6a4a793 << 32) + 0x5bd1e995
_FAST_BUCKETS = (2, 2, 2, 3, 5, 5, 7, 7, 11, 11, 11, 11, 13, 13)
_PRIMES = (17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97)


def _string_hash(text):
    """std::hash<std::string> of libstdc++ (_Hash_bytes, 64 bits, its seed)."""
    data = text.encode()
    n, h = len(data), (0xc70f6907 ^ (len(data) * _MUL)) & _M64
    aligned = n & ~7
    for i in range(0, aligned, 8):
        word = (int.from_bytes(data[i:i + 8], "little") * _MUL) & _M64
        h = ((h ^ ((word ^ (word >> 47)) * _MUL & _M64)) * _MUL) & _M64
    if n & 7:
        h = ((h ^ int.from_bytes(data[aligned:], "little")) * _MUL) & _M64
    h = ((h ^ (h >> 47)) * _MUL) & _M64
    return h ^ (h >> 47)


def map_order(keys):
    """keys in the order a std::unordered_map<std::string, ...> filled in this order iterates them."""
    hashes = {k: _string_hash(k) for k in keys}
    nodes, buckets = [], 13   # (its first insertion allocates 13 buckets, grown past 13 elements)

    def insert(into, key):   # at the front of its bucket's run, or of the list when its bucket is empty
        b = hashes[key] % buckets
        at = next((i for i, other in enumerate(into) if hashes[other] % buckets == b), 0)
        into.insert(at, key)

    for key in keys:
        if len(nodes) + 1 > buckets:
            grown = max(len(nodes) + 2, buckets * 2)
            buckets = next((p for p in _PRIMES if p >= grown), grown)
            old, nodes = nodes, []
            for other in old:
                insert(nodes, other)
        insert(nodes, key)
    return nodes


# ---------------------------------------------------------------- signatures


class _Param:
    __slots__ = ("type", "name", "optional", "nullable", "kwonly")

    def __init__(self, text, kwonly):
        text, _, default = text.partition(" = ")
        self.type, _, self.name = text.rpartition(" ")
        self.nullable = self.type.endswith("?") or default == "None"
        self.type = self.type.rstrip("?")
        self.optional = bool(default)
        self.kwonly = kwonly


class Signature:
    """One overload, from its text as PyTorch prints it (``?`` after a type: it also takes None)."""

    def __init__(self, text):
        self.text = text.replace("? ", " ")
        self.params, kwonly = [], False
        for part in filter(None, text[1:-1].split(", ")):
            if part == "*":
                kwonly = True
            else:
                self.params.append(_Param(part, kwonly))
        self.max_pos = sum(not p.kwonly for p in self.params)
        self.min_args = sum(not p.optional for p in self.params)
        # one positional size (view, expand, permute ...): ints given one by one are that size, x.view(2, 3)
        self.varargs = self.max_pos == 1 and self.params[0].type == "tuple of ints"

    def parse(self, name, args, kwargs, numbers_as_tensors=False, fail=False):
        """The parameters' values (name -> value) if the call matches this overload, else None; with fail=True,
        PyTorch's TypeError for this overload instead of None."""
        nargs, values, left = len(args), {}, len(kwargs)
        if nargs > self.max_pos and not self.varargs:
            return _refuse(fail, self._extra_args(name, nargs))
        for i, p in enumerate(self.params):
            given = i < nargs
            if given:
                if p.kwonly:   # (after a size given as one tuple: x.expand((2, 3), 4))
                    return _refuse(fail, self._extra_args(name, nargs))
                value = args[i]
            else:
                key = next((k for k in (p.name, *_NUMPY_NAMES.get(p.name, ())) if k in kwargs), None)
                if key is None:
                    if p.optional:
                        continue
                    missing = [q.name for q in self.params[i:] if not q.optional]
                    return _refuse(fail, f"{name}() missing {len(missing)} required positional argument"
                                           f"{'s' if len(missing) == 1 else ''}: "
                                           + ", ".join(f'"{m}"' for m in missing))
                value, left = kwargs[key], left - 1
            if p.type == "tuple of Tensors" and value.__class__ in (tuple, list):
                # (PyTorch's check of a tensor list stops at its first other element, whatever the overload)
                for j, item in enumerate(value):
                    if not isinstance(item, TensorBase):
                        raise TypeError(f"expected Tensor as element {j} in argument {i}, but got {tp_name(item)}")
            if not ((value is None and p.nullable) or _accepts(p.type, value, numbers_as_tensors)
                    or (name, p.name) in _SYMINT and _one_integer(value)) or (
                    p.type == "tuple of ints" and not isinstance(value, (tuple, list))
                    and _sequence_only(name, p.name)):
                if given and i == 0 and self.varargs and _is_int(value):   # (all the ints are the size)
                    values[p.name], nargs = tuple(args), 0
                    continue
                if given and self.varargs and nargs > self.max_pos:   # (no size one by one: x.reshape(True, 4)
                    return _refuse(fail, self._extra_args(name, nargs))   # is too many arguments)
                if not fail:
                    return None
                where = f" (position {i + 1})" if given else ""
                # (the element named only for a sequence given by position; by keyword: "not list")
                if p.type == "tuple of ints" and isinstance(value, (tuple, list)) and value and given:
                    raise TypeError(f"{name}(): argument '{p.name}'{where} must be tuple of ints, but found element "
                                    f"of type {tp_name(value[0])} at pos 0")
                raise TypeError(f"{name}(): argument '{p.name}'{where} must be {p.type}, not {tp_name(value)}")
            values[p.name] = value
        if left:
            if not fail:
                return None
            names = [p.name for p in self.params]
            for key in kwargs:
                if key not in names:
                    raise TypeError(f"{name}() got an unexpected keyword argument '{key}'")
                if names.index(key) < len(args):   # (x.tile(2, dims=2): the ints given one by one are dims)
                    raise TypeError(f"{name}() got multiple values for argument '{key}'")
        return values

    def _extra_args(self, name, nargs):
        if self.min_args != self.max_pos:
            return f"{name}() takes from {self.min_args} to {self.max_pos} positional arguments but {nargs} were given"
        return (f"{name}() takes {self.max_pos} positional argument{'' if self.max_pos == 1 else 's'} but {nargs} "
                f"{'was' if nargs == 1 else 'were'} given")


def _refuse(fail, message):
    """None (the overload does not take the call), or with fail=True PyTorch's TypeError."""
    if fail:
        raise TypeError(message)
    return None


# Parameters ATen declares SymInt, which PyTorch's parser also takes as an integer tensor of one element of any
# shape (is_int_or_symint: ``x.select(0, torch.tensor([2]))``, ``x.topk(torch.tensor([2]))``); its printed
# signatures say "int" for both (the pairs are read from PyTorch by tools/method_signatures.py)
_SYMINT = SYMINT


def _one_integer(v):
    return isinstance(v, TensorBase) and v._data.size == 1 and v._data.dtype.kind in "biu"


def _is_int(v):
    cls = v.__class__
    if cls is int or isinstance(v, np.integer):
        return True
    return isinstance(v, TensorBase) and v._data.ndim == 0 and v._data.dtype.kind in "iu"


def _accepts(kind, v, numbers_as_tensors):
    cls = v.__class__
    if kind == "Tensor":
        return isinstance(v, TensorBase) or numbers_as_tensors and (   # (THPUtils_checkScalar: numpy's too)
            cls in (int, float, bool, complex) or isinstance(v, np.generic) and v.dtype.kind in "biufc")
    if kind == "int":
        return _is_int(v)
    if kind == "tuple of ints":   # (PyTorch looks at the first element only; _unpacked at the others)
        return isinstance(v, (tuple, list)) and (not v or _is_int(v[0])) or _is_int(v) or (
            isinstance(v, TensorBase) and v._data.size == 1 and v._data.dtype.kind in "iu")
    if kind == "bool":
        return cls is bool
    if kind == "float":   # (THPUtils_checkDouble: a Python or numpy number; a 0-dim tensor that needs no grad)
        return cls in (int, float, bool) or isinstance(v, np.generic) and v.dtype.kind in "biuf" or (
            isinstance(v, TensorBase) and v._data.ndim == 0 and not v._rg)
    if kind == "Number":
        return cls in (int, float, bool, complex) or isinstance(v, np.generic) and v.dtype.kind in "biufc" or (
            isinstance(v, TensorBase) and v._data.ndim == 0 and not v._rg)
    if kind == "torch.dtype":
        return isinstance(v, _dtype) or v in (int, float, bool, complex)   # (a quantized dtype: a subclass)
    if kind == "str":
        return cls is str
    if kind == "torch.Generator":   # (Generator? in ATen: None is the default generator)
        return v is None or random.generator_of(v) is not None
    if kind == "tuple of Tensors":
        return cls in (tuple, list) and all(isinstance(t, TensorBase) for t in v)
    return True


def _is_generator(v):
    """A torch.Generator (the torch layer's class, which the engine does not import: known by its name; or real
    PyTorch's, where a %%grad cell draws from it: random.FOREIGN)."""
    return v.__class__.__name__ == "Generator" and random.generator_of(v) is not None


class _GeneratorLike:
    """Stands in _FAST for the torch layer's Generator class, which a _Passing set learns when it sees one."""


def _unpacked(name, sig, values):
    """PyTorch's error when a tuple of dims it took has a non-int after its first element: ``x.sum((0, 1.0))``
    (a bool there is an int to it, ``x.sum((0, True))``: only the first element decides what the list is)."""
    for p in sig.params:
        v = values.get(p.name)
        if p.type == "tuple of ints" and v.__class__ in (tuple, list):
            for i, d in enumerate(v):
                if not _is_int(d) and not (i and d.__class__ is bool):
                    raise TypeError(f"{name}(): argument '{p.name}' failed to unpack the object at pos {i + 1} with "
                                    f"error \"type must be tuple of ints,but got {tp_name(d)}\"")


# ---------------------------------------------------------------- the errors of several overloads


def _option(text):
    """invalid_arguments.cpp's reading of a printed signature: (type, name) per comma-separated part."""
    return [(part[:part.rfind(" ")] if " " in part else part, part[part.rfind(" ") + 1:])
            for part in text[1:-1].split(", ")]


def _matches(kind, value):
    if kind == "float":
        return tp_name(value) in ("float", "int", "long")
    if kind == "int":
        return tp_name(value) in ("int", "long")
    return tp_name(value) == kind


def _described(value):
    if value.__class__ in (tuple, list):
        inner = ", ".join(tp_name(v) for v in value)
        return (f"tuple of ({inner}{',' if len(value) == 1 else ''})" if value.__class__ is tuple
                else f"list of [{inner}]")
    return tp_name(value)


def invalid_combination(name, texts, args, kwargs):
    """format_invalid_args: the TypeError listing every overload, with PyTorch's notes on those that take as many
    arguments as were given."""
    keys = map_order(list(kwargs))
    got = [tp_name(a) for a in args]
    named = "".join(f"{k}={tp_name(kwargs[k])}, " for k in keys)
    desc = f"({', '.join(got)}{', ' + named[:-2] if got and named else named})"
    if len(texts) == 1:   # (the one overload PyTorch lists: add's others are hidden)
        return _one_option(name, texts[0], args, kwargs, keys, desc)
    lines = []
    for text in texts:
        lines.append(f" * {text}\n")
        option = _option(text)
        if len(option) != len(args) + len(kwargs):
            continue
        unmatched = _unmatched_keywords(option, keys)
        if unmatched:
            lines.append(f"      didn't match because some of the keywords were incorrect: {', '.join(unmatched)}\n")
            continue
        lines.append(f"      didn't match because some of the arguments have invalid types: "
                     f"({_marked(option, args, kwargs)})\n")
    return TypeError(f"{name}() received an invalid combination of arguments - got {desc}, but expected one of:\n"
                     + "".join(lines))


def _unmatched_keywords(option, keys):
    """The keywords invalid_arguments.cpp finds in none of the option's last parameters (as many as keywords)."""
    start = max(len(option) - len(keys), 0)
    return [k for k in keys if k not in [n for _, n in option[start:]]]


def _marked(option, args, kwargs):
    """The arguments' types, those the option's parameter at their place does not take marked !type!."""
    marked = ""
    for i, (kind, pname) in enumerate(option):
        if i >= len(args) + len(kwargs):
            break
        is_kw = i >= len(args)
        value = kwargs.get(pname) if is_kw else args[i]
        part = (pname + "=" if is_kw else "") + _described(value)
        marked += (part if _matches(kind, value) else f"!{part}!") + ", "
    return marked[:-2] if args else marked


def _one_option(name, text, args, kwargs, keys, desc):
    option = _option(text)
    unmatched = _unmatched_keywords(option, keys) if kwargs else []
    if unmatched:
        return TypeError(f"{name}() received an invalid combination of arguments - got unrecognized keyword "
                         f"arguments: {', '.join(unmatched)}")
    if len(option) == len(args) + len(kwargs):
        desc = f"({_marked(option, args, kwargs)})"
    return TypeError(f"{name}() received an invalid combination of arguments - got {desc}, but expected {text}")


def parser_error(name, sigs, listed, args, kwargs):
    """PyTorch's TypeError for a call its parser refuses (python_arg_parser.cpp's raw_parse and print_error: one
    overload says why itself; else the one that takes as many arguments does; else the listing), or None when some
    overload (of sigs; listed: those its messages show, without the hidden deprecated ones) takes the call."""
    numbers = name in _NUMBERS_AS_TENSORS
    try:
        if len(sigs) == 1:
            _unpacked(name, sigs[0], sigs[0].parse(name, args, kwargs, numbers, fail=True))
            return None
        for sig in sigs:
            values = sig.parse(name, args, kwargs, numbers)
            if values is not None:
                _unpacked(name, sig, values)
                return None
        n = len(args) + len(kwargs)
        plausible = [s for s in listed if s.min_args <= n <= len(s.params)]
        if len(plausible) == 1:
            plausible[0].parse(name, args, kwargs, numbers, fail=True)
    except TypeError as exc:
        return exc
    return invalid_combination(name, [s.text for s in listed], args, kwargs)



def refusal(name, texts, args, kwargs, cache):
    """PyTorch's TypeError when its parser refuses a call of ``name`` whose overloads are ``texts`` (as the
    signature tables print them: ``|hidden`` after a deprecated one), or None when it takes the call; cache: a dict
    keeping each name's parsed signatures (made at its first failing call)."""
    parsed = cache.get(name)
    if parsed is None:
        sigs = [Signature(t.partition("|")[0]) for t in texts]
        parsed = cache[name] = (sigs, [s for s, t in zip(sigs, texts) if not t.endswith("|hidden")])
    return parser_error(name, parsed[0], parsed[1], args, kwargs)


def no_arguments(qualified, args, kwargs):
    """CPython's check of a C function or method of no arguments (keywords first): its TypeError, or None."""
    if kwargs:
        return TypeError(f"{qualified}() takes no keyword arguments")
    return TypeError(f"{qualified}() takes no arguments ({len(args)} given)") if args else None

def check_call(name, sigs, args, kwargs):
    """The parameters' values of the first overload that takes the call, or PyTorch's TypeError."""
    numbers = name in _NUMBERS_AS_TENSORS
    for sig in sigs:
        values = sig.parse(name, args, kwargs, numbers)
        if values is not None:
            _unpacked(name, sig, values)
            return values
    if len(sigs) == 1:
        sigs[0].parse(name, args, kwargs, numbers, fail=True)
    n = len(args) + len(kwargs)
    plausible = [s for s in sigs if s.min_args <= n <= len(s.params)]
    if len(plausible) == 1:
        plausible[0].parse(name, args, kwargs, numbers, fail=True)
    raise invalid_combination(name, [s.text for s in sigs], args, kwargs)


# ---------------------------------------------------------------- the functions checked, and the check


def _same(texts, *names):
    return dict.fromkeys(names, texts)


_REDUCE = ["(*, torch.dtype dtype = None)", "(tuple of ints? dim, bool keepdim = False, *, torch.dtype dtype = None)"]
_STD = ["(tuple of ints? dim, bool unbiased = True, bool keepdim = False)",
        "(tuple of ints dim = None, *, Number correction = None, bool keepdim = False)", "(bool unbiased = True)"]
_COMPARE = ["(Tensor other)", "(Number other)"]
_OUT = ", *, Tensor out = None)"
_QUANTILE = [f'({q} q, int dim = None, bool keepdim = False, *, str interpolation = "linear")'
             for q in ("Tensor", "float")]
_HISTOGRAM_INT = ("(int bins = 100, *, tuple of floats range = None, Tensor weight = None, bool density = False)")

# Tensor methods (self not listed), as PyTorch 2.13 prints their signatures ("?": takes None as well)
METHODS = {
    **_same(_REDUCE, "sum", "mean"),
    **_same(["(int dim, torch.dtype dtype = None)"], "softmax", "log_softmax"),
    **_same(["()", "(Tensor other)", "(int dim, bool keepdim = False)"], "max", "min"),
    **_same(["(int dim = None, bool keepdim = False)"], "argmax", "argmin"),
    **_same(_STD, "std", "var"),
    **_same(["()", "(tuple of ints dim = None, bool keepdim = False)", "(int dim, bool keepdim = False)"],
            "all", "any"),
    "prod": ["(*, torch.dtype dtype = None)", "(int dim, bool keepdim = False, *, torch.dtype dtype = None)"],
    **_same(["(int dim, *, torch.dtype dtype = None)"], "cumsum", "cumprod"),
    "unsqueeze": ["(int dim)"],
    "matrix_power": ["(int n)"],
    "squeeze": ["()", "(int dim)", "(tuple of ints dim)"],
    **_same(["(Tensor mask, Tensor value)", "(Tensor mask, Number value)"], "masked_fill", "masked_fill_"),
    **_same(_COMPARE, "eq", "ne", "lt", "le", "gt", "ge", "greater", "greater_equal", "less", "less_equal",
            "not_equal"),
    **_same(["(Tensor min = None, Tensor max = None)", "(Number min = None, Number max = None)"], "clamp", "clamp_",
            "clip", "clip_"),
    "pow": ["(Tensor exponent)", "(Number exponent)"],
    "div": ["(Tensor other)", "(Tensor other, *, str? rounding_mode)", "(Number other, *, str? rounding_mode)"],
    "dot": ["(Tensor tensor)"],
    "mm": ["(Tensor mat2)"],
    "bmm": ["(Tensor mat2)"],
    **_same(["(Tensor other)"], "matmul", "maximum", "minimum"),
    # binary functions of two tensors only: y.atan2(1.0), x.hypot(2) are refused before anything runs
    **_same(["(Tensor other)"], "atan2", "arctan2", "hypot", "logaddexp", "logaddexp2", "nextafter", "fmax",
            "fmin", "ldexp"),
    "dist": ["(Tensor other, Number p = 2)"],
    "heaviside": ["(Tensor values)"],
    **_same(["()", "(*, int decimals)"], "round", "round_"),
    "outer": ["(Tensor vec2)"],
    "cross": ["(Tensor other, int? dim = None)"],
    "chunk": ["(int chunks, int dim = 0)"],
    "diff": ["(int n = 1, int dim = -1, Tensor? prepend = None, Tensor? append = None)"],
    "tensor_split": ["(tuple of ints indices, int dim = 0)", "(Tensor tensor_indices_or_sections, int dim = 0)",
                     "(int sections, int dim = 0)"],
    **_same(["(int diagonal = 0)"], "diag", "tril", "triu", "tril_", "triu_"),
    "flatten": ["(int start_dim = 0, int end_dim = -1)"],
    "index_select": ["(int dim, Tensor index)"],
    "gather": ["(int dim, Tensor index, *, bool sparse_grad = False)"],
    **_same(["(int dim, Tensor index, Tensor src)"], "scatter_add", "scatter_add_"),
    **_same(["(int dim, Tensor index, Tensor src)", "(int dim, Tensor index, Tensor src, *, str reduce)",
             "(int dim, Tensor index, Number value)", "(int dim, Tensor index, Number value, *, str reduce)"],
            "scatter", "scatter_"),
    **_same(["(int dim, Tensor index, Tensor src, str reduce, *, bool include_self = True)"], "scatter_reduce",
            "scatter_reduce_"),
    "narrow": ["(int dim, Tensor start, int length)", "(int dim, int start, int length)"],
    "roll": ["(tuple of ints shifts, tuple of ints? dims = ())"],
    "topk": ["(int k, int dim = -1, bool largest = True, bool sorted = True)"],
    "transpose": ["(int dim0, int dim1)"],
    "masked_select": ["(Tensor mask)"],
    "repeat_interleave": ["(Tensor repeats, int? dim = None, *, int? output_size = None)",
                          "(int repeats, int? dim = None, *, int? output_size = None)"],
    "argsort": ["(*, bool stable, int dim = -1, bool descending = False)", "(int dim = -1, bool descending = False)"],
    "sort": ["(*, bool? stable, int dim = -1, bool descending = False)", "(int dim = -1, bool descending = False)"],
    # the operators' aliases (add, sub, mul: argcheck.deprecated_first_number / refusing_arrays)
    **_same(["(Tensor other)", "(Number other)"], "multiply", "true_divide"),
    "subtract": ["(Tensor other, *, Number alpha = 1)", "(Number other, Number alpha = 1)"],
    "divide": ["(Tensor other)", "(Tensor other, *, str? rounding_mode)", "(Number other)",
               "(Number other, *, str? rounding_mode)"],
    # the comparisons of a course's check cells: torch.allclose(x, 1.0) is refused before anything runs
    **_same(["(Tensor other, float rtol = 1e-05, float atol = 1e-08, bool equal_nan = False)"], "isclose",
            "allclose"),
    "equal": ["(Tensor other)"],
    # the statistics of a data-analysis lesson: x.quantile([0.5]), x.median(0.5), x.kthvalue(1.5)
    **_same(_QUANTILE, "quantile", "nanquantile"),
    **_same(["()", "(int dim, bool keepdim = False)"], "median", "nanmedian"),
    "mode": ["(int dim = -1, bool keepdim = False)"],
    "kthvalue": ["(int k, int dim = -1, bool keepdim = False)"],
    **_same(["(int dim)"], "cummax", "cummin"),
    "histc": ["(int bins = 100, Number min = 0, Number max = 0)"],
    "histogram": ["(Tensor bins, *, Tensor weight = None, bool density = False)", _HISTOGRAM_INT],
    "bincount": ["(Tensor? weights = None, int minlength = 0)"],
    "multinomial": ["(int num_samples, bool replacement = False, *, torch.Generator generator = None)"],
    "cov": ["(*, int correction = 1, Tensor? fweights = None, Tensor? aweights = None)"],
    "nonzero": ["()", "(*, bool as_tuple)"],   # (torch.nonzero has one signature, with as_tuple=False and out=)
    # the shaping methods given a dim or a size by keyword: x.unflatten(dim=1, sizes=2), x.view_as(other=2)
    "movedim": list(METHOD_SIGNATURES["movedim"]),
    **_same(["(Tensor other)"], "view_as", "expand_as", "reshape_as"),
    # the view and index methods of a strides lesson, whose own code reads a bool or a float as an int
    # (x.diagonal(True), x.select(0, True)) or fails inside on a number (x.kron(2), x.take_along_dim(i, dim=True))
    **{name: list(METHOD_SIGNATURES[name]) for name in ("diagonal", "diag_embed", "select", "as_strided",
                                                        "index_reduce", "index_reduce_", "take_along_dim", "kron")},
}

# in-place methods parsed with their out-of-place form's signatures (methods.py)
PARSED_INPLACE = ("atan2_", "arctan2_", "hypot_", "nextafter_", "ldexp_", "heaviside_")

# torch.* functions
FUNCTIONS = {
    "sum": ["(Tensor input, *, torch.dtype dtype = None)",
            "(Tensor input, tuple of ints? dim, bool keepdim = False, *, torch.dtype dtype = None, Tensor out = None)"],
    "mean": ["(Tensor input, *, torch.dtype dtype = None, Tensor out = None)",
             "(Tensor input, tuple of ints? dim, bool keepdim = False, *, torch.dtype dtype = None, "
             "Tensor out = None)"],
    **_same(["(Tensor input, int dim, torch.dtype dtype = None)"], "softmax", "log_softmax"),
    **_same(["(Tensor input" + _OUT, "(Tensor input, Tensor other" + _OUT,
             "(Tensor input, int dim, bool keepdim = False, *, tuple of Tensors out = None)"], "max", "min"),
    **_same(["(Tensor input, int dim = None, bool keepdim = False" + _OUT], "argmax", "argmin"),
    **_same(["(Tensor input, tuple of ints? dim, bool unbiased = True, bool keepdim = False" + _OUT,
             "(Tensor input, tuple of ints dim = None, *, Number correction = None, bool keepdim = False, "
             "Tensor out = None)", "(Tensor input, bool unbiased = True)"], "std", "var"),
    "prod": ["(Tensor input, *, torch.dtype dtype = None)",
             "(Tensor input, int dim, bool keepdim = False, *, torch.dtype dtype = None, Tensor out = None)"],
    **_same(["(Tensor input, int dim, *, torch.dtype dtype = None, Tensor out = None)"], "cumsum", "cumprod"),
    "unsqueeze": ["(Tensor input, int dim)"],
    "squeeze": ["(Tensor input)", "(Tensor input, int dim)", "(Tensor input, tuple of ints dim)"],
    "where": ["(Tensor condition)", "(Tensor condition, Tensor input, Tensor other" + _OUT,
              "(Tensor condition, Number self, Tensor other)", "(Tensor condition, Tensor input, Number other)",
              "(Tensor condition, Number self, Number other)"],
    "masked_fill": ["(Tensor input, Tensor mask, Tensor value)", "(Tensor input, Tensor mask, Number value)"],
    **_same(["(Tensor input, Tensor other" + _OUT, "(Tensor input, Number other" + _OUT],
            "eq", "ne", "lt", "le", "gt", "ge", "greater", "greater_equal", "less", "less_equal", "not_equal"),
    # (no Number overload: torch.logical_xor(t, 0) is PyTorch's TypeError, not numpy's broadcasting of the 0)
    **_same(["(Tensor input, Tensor other" + _OUT], "logical_and", "logical_or", "logical_xor"),
    **_same(["(Tensor input, Tensor min = None, Tensor max = None" + _OUT,
             "(Tensor input, Number min = None, Number max = None" + _OUT], "clamp", "clip"),
    "pow": ["(Tensor input, Tensor exponent" + _OUT, "(Number self, Tensor exponent" + _OUT,
            "(Tensor input, Number exponent" + _OUT],
    "div": ["(Tensor input, Tensor other" + _OUT,
            "(Tensor input, Tensor other, *, str? rounding_mode, Tensor out = None)",
            "(Tensor input, Number other, *, str? rounding_mode)"],
    "dot": ["(Tensor input, Tensor tensor" + _OUT],
    **_same(["(Tensor input, Tensor other" + _OUT, "(Tensor input, Number other)"], "multiply", "true_divide"),
    "subtract": ["(Tensor input, Tensor other, *, Number alpha = 1, Tensor out = None)",
                 "(Tensor input, Number other, Number alpha = 1)"],
    "rsub": ["(Tensor input, Tensor other, *, Number alpha = 1)", "(Tensor input, Number other, Number alpha = 1)"],
    "divide": ["(Tensor input, Tensor other" + _OUT,
               "(Tensor input, Tensor other, *, str? rounding_mode, Tensor out = None)",
               "(Tensor input, Number other)", "(Tensor input, Number other, *, str? rounding_mode)"],
    **_same(["(Tensor input, Tensor mat2" + _OUT, "(Tensor input, Tensor mat2, torch.dtype out_dtype" + _OUT],
            "mm", "bmm"),
    "outer": ["(Tensor input, Tensor vec2" + _OUT],
    **_same(["(Tensor input, Tensor other" + _OUT], "matmul", "maximum", "minimum", "fmax", "fmin", "atan2",
            "arctan2", "hypot", "logaddexp", "logaddexp2", "nextafter", "ldexp"),
    "dist": ["(Tensor input, Tensor other, Number p = 2)"],
    "heaviside": ["(Tensor input, Tensor values" + _OUT],
    # the *_like factories (their keywords as PyTorch 2.13 prints them)
    **_same(["(Tensor input, *, " + LIKE_TAIL + ")"], "zeros_like", "ones_like", "empty_like"),
    "full_like": ["(Tensor input, Number fill_value, *, " + LIKE_TAIL + ")"],
    "round": ["(Tensor input" + _OUT, "(Tensor input, *, int decimals, Tensor out = None)"],
    **{name: OVERLOADS[name] for name in ("rand_like", "randn_like")},
    "cross": ["(Tensor input, Tensor other, int? dim = None" + _OUT],
    "cosine_similarity": ["(Tensor x1, Tensor x2, int dim = 1, float eps = 1e-08)"],
    "cdist": ["(Tensor x1, Tensor x2, float p = 2, int? compute_mode = None)"],   # (_VF.cdist: _PYTHON_FRONT)
    "chunk": ["(Tensor input, int chunks, int dim = 0)"],
    "diff": ["(Tensor input, int n = 1, int dim = -1, Tensor? prepend = None, Tensor? append = None" + _OUT],
    "tensor_split": ["(Tensor input, tuple of ints indices, int dim = 0)",
                     "(Tensor input, Tensor tensor_indices_or_sections, int dim = 0)",
                     "(Tensor input, int sections, int dim = 0)"],
    **_same(["(Tensor input, int diagonal = 0" + _OUT], "diag", "tril", "triu"),
    "flatten": ["(Tensor input, int start_dim = 0, int end_dim = -1)"],
    "index_select": ["(Tensor input, int dim, Tensor index" + _OUT],
    "gather": ["(Tensor input, int dim, Tensor index, *, bool sparse_grad = False, Tensor out = None)"],
    "scatter_add": ["(Tensor input, int dim, Tensor index, Tensor src" + _OUT],
    "bucketize": ["(Tensor input, Tensor boundaries, *, bool out_int32 = False, bool right = False, Tensor out = None)",
                  "(Number self, Tensor boundaries, *, bool out_int32 = False, bool right = False)"],
    "searchsorted": [f"(Tensor sorted_sequence, {x}, *, bool out_int32 = False, bool right = False, str side = None, "
                     "Tensor sorter = None, Tensor out = None)" for x in ("Tensor input", "Number self")],
    "scatter": ["(Tensor input, int dim, Tensor index, Tensor src" + _OUT,
                "(Tensor input, int dim, Tensor index, Tensor src, *, str reduce, Tensor out = None)",
                "(Tensor input, int dim, Tensor index, Number value" + _OUT,
                "(Tensor input, int dim, Tensor index, Number value, *, str reduce, Tensor out = None)"],
    "scatter_reduce": ["(Tensor input, int dim, Tensor index, Tensor src, str reduce, *, bool include_self = True"
                       + _OUT],
    "narrow": ["(Tensor input, int dim, Tensor start, int length)", "(Tensor input, int dim, int start, int length)"],
    "roll": ["(Tensor input, tuple of ints shifts, tuple of ints? dims = ())"],
    "topk": ["(Tensor input, int k, int dim = -1, bool largest = True, bool sorted = True, *, "
             "tuple of Tensors out = None)"],
    "transpose": ["(Tensor input, int dim0, int dim1)"],
    "permute": ["(Tensor input, tuple of ints dims)"],
    "masked_select": ["(Tensor input, Tensor mask" + _OUT],
    "repeat_interleave": ["(Tensor input, Tensor repeats, int? dim = None, *, int? output_size = None)",
                          "(Tensor repeats, *, int? output_size = None)",
                          "(Tensor input, int repeats, int? dim = None, *, int? output_size = None)"],
    "argsort": ["(Tensor input, *, bool stable, int dim = -1, bool descending = False, Tensor out = None)",
                "(Tensor input, int dim = -1, bool descending = False)"],
    "sort": ["(Tensor input, *, bool? stable, int dim = -1, bool descending = False, tuple of Tensors out = None)",
             "(Tensor input, int dim = -1, bool descending = False, *, tuple of Tensors out = None)"],
    **_same(["(Tensor input" + _OUT, "(Tensor input, tuple of ints dim = None, bool keepdim = False" + _OUT,
             "(Tensor input, int dim, bool keepdim = False" + _OUT], "all", "any"),
    **_same(["(Tensor input, Tensor other, float rtol = 1e-05, float atol = 1e-08, bool equal_nan = False)"],
            "isclose", "allclose"),
    "equal": ["(Tensor input, Tensor other)"],
    **_same([f"(Tensor input, {t[1:-1]}, Tensor out = None)" for t in _QUANTILE], "quantile", "nanquantile"),
    **_same(["(Tensor input, tuple of ints? dim, bool unbiased = True, bool keepdim = False)",
             "(Tensor input, tuple of ints dim = None, *, Number correction = None, bool keepdim = False)",
             "(Tensor input, bool unbiased = True)"], "var_mean", "std_mean"),
    **_same(["(Tensor input)", "(Tensor input, int dim, bool keepdim = False, *, tuple of Tensors out = None)"],
            "median", "nanmedian"),
    # the reductions of a sampling lesson's log-weights: torch.logsumexp(log_w) without its dim is refused
    "logsumexp": ["(Tensor input, tuple of ints dim, bool keepdim = False" + _OUT],
    "logcumsumexp": ["(Tensor input, int dim" + _OUT],
    "mode": ["(Tensor input, int dim = -1, bool keepdim = False, *, tuple of Tensors out = None)"],
    "kthvalue": ["(Tensor input, int k, int dim = -1, bool keepdim = False, *, tuple of Tensors out = None)"],
    **_same(["(Tensor input, int dim, *, tuple of Tensors out = None)"], "cummax", "cummin"),
    "histc": ["(Tensor input, int bins = 100, Number min = 0, Number max = 0" + _OUT],
    "histogram": ["(Tensor input, Tensor bins, *, Tensor weight = None, bool density = False, "
                  "tuple of Tensors out = None)",
                  "(Tensor input, " + _HISTOGRAM_INT[1:-1] + ", tuple of Tensors out = None)"],
    "bincount": ["(Tensor input, Tensor? weights = None, int minlength = 0)"],
    "multinomial": ["(Tensor input, int num_samples, bool replacement = False, *, "
                    "torch.Generator generator = None, Tensor out = None)"],
    "cov": ["(Tensor input, *, int correction = 1, Tensor? fweights = None, Tensor? aweights = None)"],
    "nonzero": list(SIGNATURES["nonzero"]),
    # the int-list arguments of a shaping lesson: torch.amax(x, 1.5), torch.tile(x, dims=2), torch.rot90(x, 1, 0)
    **{name: list(SIGNATURES[name]) for name in ("amax", "amin", "tile", "rot90", "unflatten", "movedim")},
    # ... and of a strides lesson: torch.diagonal(x, True), torch.combinations(x, 2.0), torch.kron(x, 2)
    **{name: list(SIGNATURES[name]) for name in ("diagonal", "diag_embed", "select", "as_strided", "index_reduce",
                                                 "take_along_dim", "kron", "combinations")},
}

# the pointwise functions of the docs' Examples whose own code takes what PyTorch's parser refuses (torch.gcd(t, 6),
# torch.xlogy(2, 3), torch.copysign(2, t), torch.polygamma(1.5, t), torch.mvlgamma(t, 2.0)); torch/__init__.py
# wraps them once torch.special has named its own (special_xlogy() ...: torch/special.py)
POINTWISE = {name: list(SIGNATURES[name]) for name in (
    "xlogy", "copysign", "gcd", "lcm", "lerp", "float_power", "polygamma", "mvlgamma", "special_xlogy",
    "special_xlog1py", "special_zeta", "special_polygamma", "special_multigammaln")}

# functions whose own checks give PyTorch's messages for arguments given by position (torch.cat(a, b): "(position
# 1) must be tuple of Tensors"), parsed when a keyword is given (torch.cat(tensors=a): no position named)
KEYWORDED = {name: list(SIGNATURES[name]) for name in ("cat", "stack")}

# factories whose own code takes what PyTorch's parser refuses (``checked``): their overloads as PyTorch prints them
FACTORIES = {**{name: OVERLOADS[name] for name in ("arange", "linspace", "logspace", "eye", "randint", "randperm")},
             "full": ["(tuple of ints size, Number fill_value, *, Tensor out = None, " + TAIL + ")"],
             "normal": [*(f"({m} mean, {s}, *, torch.Generator generator = None, Tensor out = None)"
                          for m, s in (("Tensor", "Tensor std"), ("Tensor", "float std = 1"), ("float", "Tensor std"))),
                        "(float mean, float std, tuple of ints size, *, torch.Generator generator = None, "
                        "Tensor out = None, " + TAIL + ")"],
             # the window functions: beta / alpha only after periodic, no float length (torch.hann_window(4.0))
             **{name: SIGNATURES[name] for name in ("bartlett_window", "blackman_window", "hamming_window",
                                                     "hann_window", "kaiser_window")},
             # (row, col and offset: ints, never a float or a bool)
             **{name: SIGNATURES[name] for name in ("tril_indices", "triu_indices")}}

# the dtype queries of the "Tensor Attributes" page, whose own code would read anything (torch.result_type(t, "a"),
# torch.can_cast(torch.float32, 1), torch.is_nonzero(1)): checked as the factories are
QUERIES = {name: list(SIGNATURES[name]) for name in ("result_type", "promote_types", "can_cast", "is_nonzero")}

_FAST = {"int": (int,), "tuple of ints": (int,), "bool": (bool,), "Number": (int, float, bool),
         "float": (int, float, bool), "torch.dtype": (_dtype,), "str": (str,), "Tensor": (TensorBase,),
         "torch.Generator": (_GeneratorLike,)}


class _Passing(set):
    """The classes of the values one argument takes without a parse; TensorBase in it: a tensor too (its class,
    once seen, is added, so that the next call's check is the one set lookup)."""
    __slots__ = ()

    def admits(self, value):
        if TensorBase in self and isinstance(value, TensorBase) or _GeneratorLike in self and _is_generator(value):
            self.add(value.__class__)
            return True
        return False


def _passing(params, name=None, ints=False):
    """The classes that pass without a parse, the union over the overloads' params; None if one takes anything.
    An ``int[]`` of name (a size) takes no bare int unless ints (the first of a size given one int at a time)."""
    classes = _Passing()
    for p in params:
        if p.type not in _FAST:
            return None
        if not ints and p.type == "tuple of ints" and _sequence_only(name, p.name):
            continue   # (x.new_ones(size=2), x.new_full(2, 1): the parse refuses them)
        classes.update(_FAST[p.type])
        if p.nullable:
            classes.add(type(None))
    return classes


# functions PyTorch writes in Python in front of the native one (torch/functional.py): Python's own errors for the
# arguments' number and names, the Python checks, then the native function's parse of the arguments it is handed
# (positionally: ``_VF.cdist(x1, x2, p, None)``)
_CDIST_MODES = ("use_mm_for_euclid_dist_if_necessary", "use_mm_for_euclid_dist", "donot_use_mm_for_euclid_dist")
_PYTHON_FRONT = {"cdist": lambda x1, x2, p=2.0, compute_mode=_CDIST_MODES[0]: (
    (x1, x2, p) if compute_mode.__class__ is str and compute_mode in _CDIST_MODES else None)}


def _python_front(fn, name, sigs, handed):
    """fn, checked as PyTorch's Python function of that name checks: ``handed`` binds the arguments as the Python
    function does (its TypeError when they do not bind) and gives what it hands the native function, or None when
    the Python function refuses them itself (fn raises that error)."""
    def call(*args, **kwargs):
        try:
            native = handed(*args, **kwargs)
        except TypeError:
            native = None
        if native is not None and not (isinstance(native[0], TensorBase) and isinstance(native[1], TensorBase)
                                       and native[2].__class__ in (int, float)):
            check_call(name, sigs, native, {})
        return fn(*args, **kwargs)
    call.__name__ = call.__qualname__ = name
    call.__doc__ = fn.__doc__
    call.__wrapped__ = fn
    return call


def _mixable(sigs):
    """True when the overloads differ between a Tensor and a number in two or more parameters (by name, or by
    position: xlogy's ``Tensor input`` and ``Number self`` come first, so that xlogy(2, 3) is refused)."""
    names = {p.name for s in sigs for p in s.params}
    kinds = {n: {p.type for s in sigs for p in s.params if p.name == n} for n in names}
    places = [{s.params[i].type for s in sigs if i < s.max_pos} for i in range(max(s.max_pos for s in sigs))]

    def mixed(groups):
        return sum("Tensor" in k and bool(k & {"Number", "float", "int"}) for k in groups) >= 2
    return mixed(kinds.values()) or mixed(places)


def _single_overloads(sigs, name):
    """Per overload: the classes each positional parameter and each keyword takes without a parse."""
    return [([_passing([p], name, s.varargs) for p in s.params[:s.max_pos]],
             {p.name: _passing([p], name) for p in s.params}) for s in sigs]


def _one_takes(alone, args, kwargs):
    """True when one overload takes every argument's class (else the full parse decides)."""
    for positional, keywords in alone:
        if len(args) > len(positional):
            continue
        if all(ok is None or v.__class__ in ok or ok.admits(v) for v, ok in zip(args, positional)) and all(
                k in keywords and (keywords[k] is None or v.__class__ in keywords[k] or keywords[k].admits(v))
                for k, v in kwargs.items()):
            return True
    return False


def parsed(fn, name, texts, method):
    """fn, taking its arguments as PyTorch's parser does for these signatures (``texts``, a method's without
    self): a call of the usual classes (an int dim, a bool keepdim, tensors) passes at the cost of a set lookup per
    argument; any other goes through check_call, which calls fn only if some signature takes the arguments (numpy's
    names axis= / keepdims= given to fn as dim= / keepdim=)."""
    sigs = [Signature(t) for t in texts]
    if name in _PYTHON_FRONT and not method:
        return _python_front(fn, name, sigs, _PYTHON_FRONT[name])
    first = 1 if method else 0
    positions = [_passing([s.params[i] for s in sigs if i < s.max_pos], name, i == 0 and any(s.varargs for s in sigs))
                 for i in range(max(s.max_pos for s in sigs))]
    keywords = {k: _passing([p for s in sigs for p in s.params if p.name == k], name)
                for k in {p.name for s in sigs for p in s.params}}
    names = {p.name for s in sigs for p in s.params}
    counts = frozenset(n for s in sigs for n in range(s.min_args, len(s.params) + 1))   # what some overload takes
    # per number of positional arguments (self included) that some overload takes: (index, classes) to check
    by_count = {n + first: tuple((i + first, positions[i]) for i in range(n) if positions[i] is not None)
                for n in range(len(positions) + 1)}
    # an overload with a required keyword (argsort's stable): which one a call with keywords takes is for the parse
    keyed = any(p.kwonly and not p.optional for s in sigs for p in s.params)
    # overloads that take a Tensor where another takes a number in two or more places (clamp's min and max): the
    # union of the classes lets through a tensor next to a number, which one overload must take as a whole
    alone = _single_overloads(sigs, name) if len(sigs) > 1 else None
    # ... and a call with keywords: each keyword may belong to another overload (std's unbiased= with correction=,
    # histogram's bins=Tensor with range=)
    mixable = _mixable(sigs)
    # (number of positional arguments, keyword names) -> does one overload take them together? (torch.sum(x, out=o):
    # out= belongs to the overload whose dim is required, which the call does not give: the parser's TypeError)
    fits = {}

    def slow(args, kwargs):
        private = {k: v for k, v in kwargs.items() if k[:1] == "_"}
        public = {k: v for k, v in kwargs.items() if k[:1] != "_"}
        check_call(name, sigs, args[first:], public)
        renamed = {_ALIASES.get(k, k) if _ALIASES.get(k) not in public and k not in names else k: v
                   for k, v in public.items()}   # (cosine_similarity's own x1= / x2= stay)
        return fn(*args, **renamed, **private)

    def call(*args, **kwargs):
        checks = by_count.get(len(args))
        if checks is None or len(args) - first + len(kwargs) not in counts:
            return slow(args, kwargs)
        for i, ok in checks:
            if args[i].__class__ not in ok and not ok.admits(args[i]):
                return slow(args, kwargs)
        if kwargs:
            if keyed:
                return slow(args, kwargs)
            for k, v in kwargs.items():
                ok = keywords.get(k, False)
                if ok is False:
                    if k[:1] == "_":
                        continue
                    return slow(args, kwargs)
                if ok is not None and v.__class__ not in ok and not ok.admits(v):
                    return slow(args, kwargs)
            key = (len(args), *kwargs)
            taken = fits.get(key)
            if taken is None:
                taken = fits[key] = len(fits) < 256 and _one_fits(sigs, len(args) - first, kwargs)
            if not taken:
                return slow(args, kwargs)
        if alone is not None and (mixable or kwargs) and not _one_takes(alone, args[first:], kwargs):
            return slow(args, kwargs)
        return fn(*args, **kwargs)
    call.__name__ = call.__qualname__ = name
    call.__doc__ = fn.__doc__
    call.__wrapped__ = fn
    return call


def _one_fits(sigs, n, names):
    """Does some overload take n positional arguments with these keywords (each a parameter after the n-th, every
    required parameter after the n-th among them; a keyword starting with "_" is the engine's own)?"""
    for s in sigs:
        if n > s.max_pos:
            continue
        rest = {p.name: p for p in s.params[n:]}
        if all(k in rest or k[:1] == "_" for k in names) and all(p.optional or k in names for k, p in rest.items()):
            return True
    return False


def int_list(name, arg, value, position=2):
    """value checked as PyTorch's parser checks an ``int[]`` argument of no fixed size (torch.reshape's shape,
    torch.flip's dims): a tuple, list or Size whose first element is an int (a numpy int, a one-element int tensor),
    never a bare int; the later elements are checked where they are read. position None: given by keyword (the
    message names no position, and a bad element the sequence)."""
    if position is None:
        return keyword_sizes(name, value, arg)
    if value.__class__ in (tuple, list) or isinstance(value, tuple):
        if value and not _is_int(value[0]):
            raise TypeError(f"{name}(): argument '{arg}' (position {position}) must be tuple of ints, but found "
                            f"element of type {tp_name(value[0])} at pos 0")
        return value
    raise TypeError(f"{name}(): argument '{arg}' (position {position}) must be tuple of ints, not {tp_name(value)}")


def bound(name, params, args, kwargs):
    """The values of params (names, all required; numpy's names for them taken too) from a call's args and kwargs,
    with the TypeErrors PyTorch's parser gives for too many, missing or unknown arguments (its own wording)."""
    if len(args) > len(params):
        raise TypeError(f"{name}() takes {len(params)} positional argument{'s' if len(params) > 1 else ''} but "
                        f"{len(args)} were given")
    values, kwargs = list(args), dict(kwargs)
    for p in params[len(args):]:
        key = next((k for k in (p, *_NUMPY_NAMES.get(p, ())) if k in kwargs), None)
        if key is None:
            absent = params[len(values):]
            raise TypeError(f"{name}() missing {len(absent)} required positional argument"
                            f"{'s' if len(absent) == 1 else ''}: " + ", ".join(f'"{a}"' for a in absent))
        values.append(kwargs.pop(key))
    for k in kwargs:
        raise TypeError(f"{name}() got an unexpected keyword argument '{k}'")
    return values


# the random functions and methods whose generator= has several overloads, as PyTorch 2.13 prints them ("Tensor.":
# the method, without self); the others have one, and the plain "must be torch.Generator" message
GENERATOR_OVERLOADS = {
    "random_": ["(*, torch.Generator generator = None)", "(int from, int to, *, torch.Generator generator = None)",
                "(int to, *, torch.Generator generator = None)"],
    "bernoulli_": ["(Tensor p, *, torch.Generator generator = None)",
                   "(float p = 0.5, *, torch.Generator generator = None)"],
    "bernoulli": ["(Tensor input, *, torch.Generator generator = None, Tensor out = None)",
                  "(Tensor input, float p, *, torch.Generator generator = None)"],
    "Tensor.bernoulli": ["(*, torch.Generator generator = None)", "(float p, *, torch.Generator generator = None)"],
}


def check_generator(name, generator, args=(), kwargs=None):
    """PyTorch's parser's TypeError when generator= is given something other than a torch.Generator (None is the
    default generator): ``torch.rand(3, generator=42)``, ``x.uniform_(generator=0)``. args and kwargs: the call's
    other arguments, which the message of several overloads lists."""
    if generator is None or random.generator_of(generator) is not None:
        return
    texts = GENERATOR_OVERLOADS.get(name)
    name = name.rpartition(".")[2]
    if texts is None:
        raise TypeError(f"{name}(): argument 'generator' must be torch.Generator, not {tp_name(generator)}")
    check_call(name, [Signature(t) for t in texts], tuple(args), {**(kwargs or {}), "generator": generator})


def checked(fn, name, texts):
    """fn, its calls checked by PyTorch's parser for these overloads (factories whose own code would take what
    PyTorch refuses: ``torch.randint(5, 2)``, ``torch.linspace(0, 1)``). The argument patterns that passed (their
    classes, and the classes inside tuples and lists) are remembered, so that a loop's calls pay one lookup;
    calls with tensors or arrays, whose acceptance depends on their values, are checked each time."""
    sigs = [Signature(t) for t in texts]
    passed = set()

    def call(*args, **kwargs):
        key = _pattern(args, kwargs)
        if key is None or key not in passed:
            check_call(name, sigs, args, kwargs)
            if key is not None and len(passed) < 256:
                passed.add(key)
        return fn(*args, **kwargs)
    call.__name__ = call.__qualname__ = name
    call.__doc__ = fn.__doc__
    call.__wrapped__ = fn
    return call


def keyworded(fn, name, texts):
    """fn, its calls with keywords parsed first (PyTorch's messages without a position); the others go straight to
    fn, whose own checks name the positions."""
    sigs = [Signature(t) for t in texts]

    def call(*args, **kwargs):
        if kwargs:
            check_call(name, sigs, args, {_ALIASES.get(k, k): v for k, v in kwargs.items()})
        return fn(*args, **kwargs)
    call.__name__ = call.__qualname__ = name
    call.__doc__ = fn.__doc__
    call.__wrapped__ = fn
    return call


def _pattern(args, kwargs):
    """The classes of a call's arguments (and of the elements of its tuples and lists), or None when one is a
    tensor or an array (what the parser says of them depends on their values)."""
    if not kwargs:   # (a loop's call: numbers and a tuple of numbers, told apart without isinstance)
        key = [len(args), ()]
        for v in args:
            cls = v.__class__
            if cls in _LEAVES:
                key.append(cls)
            elif cls is tuple or cls is list:
                inner = tuple([x.__class__ for x in v])
                for c in inner:
                    if c not in _LEAVES:
                        return _pattern_general(args, kwargs)
                key.append((cls, inner))
            else:
                return _pattern_general(args, kwargs)
        return tuple(key)
    return _pattern_general(args, kwargs)


# exact classes that are neither tensors, arrays, tuples nor lists (nor subclasses of them)
_LEAVES = frozenset({int, float, bool, complex, str, type(None)})


def _pattern_general(args, kwargs):
    key = []
    for v in (*args, *kwargs.values()):
        cls = v.__class__
        if isinstance(v, (TensorBase, np.ndarray)):
            return None
        if isinstance(v, (tuple, list)):
            inner = tuple(x.__class__ for x in v)
            if any(issubclass(c, (TensorBase, np.ndarray)) for c in inner):
                return None
            key.append((cls, inner))
        else:
            key.append(cls)
    return (len(args), tuple(kwargs), *key)
