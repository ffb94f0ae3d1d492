"""Operator schemas for torch.library: inferred from a function's type hints (custom_op, infer_schema) or parsed from
a schema string (Library.define), and a call's arguments bound against one with the dispatcher's error messages."""
import collections.abc
import inspect
import numbers
import re
import typing

from ..engine.tensor import Tensor

# the message's list of types infer_schema accepts for a parameter (PyTorch's own text)
_PARAM_TYPES = (
    "dict_keys([<class 'torch.Tensor'>, typing.Optional[torch.Tensor], typing.Sequence[torch.Tensor], "
    "typing.List[torch.Tensor], collections.abc.Sequence[torch.Tensor], list[torch.Tensor], "
    "typing.Sequence[typing.Optional[torch.Tensor]], typing.List[typing.Optional[torch.Tensor]], "
    "collections.abc.Sequence[typing.Optional[torch.Tensor]], list[typing.Optional[torch.Tensor]], <class 'int'>, "
    "typing.Optional[int], typing.Sequence[int], typing.List[int], collections.abc.Sequence[int], list[int], "
    "typing.Optional[typing.Sequence[int]], typing.Optional[typing.List[int]], "
    "typing.Optional[collections.abc.Sequence[int]], typing.Optional[list[int]], <class 'float'>, "
    "typing.Optional[float], typing.Sequence[float], typing.List[float], collections.abc.Sequence[float], "
    "list[float], typing.Optional[typing.Sequence[float]], typing.Optional[typing.List[float]], "
    "typing.Optional[collections.abc.Sequence[float]], typing.Optional[list[float]], <class 'bool'>, "
    "typing.Optional[bool], typing.Sequence[bool], typing.List[bool], collections.abc.Sequence[bool], list[bool], "
    "typing.Optional[typing.Sequence[bool]], typing.Optional[typing.List[bool]], "
    "typing.Optional[collections.abc.Sequence[bool]], typing.Optional[list[bool]], <class 'str'>, "
    "typing.Optional[str], int | float | bool, typing.Union[int, float, bool, NoneType], "
    "typing.Sequence[int | float | bool], typing.List[int | float | bool], "
    "collections.abc.Sequence[int | float | bool], list[int | float | bool], <class 'torch.dtype'>, "
    "typing.Optional[torch.dtype], <class 'torch.device'>, typing.Optional[torch.device], "
    "torch.distributed.distributed_c10d.GroupName, typing.Optional[torch.distributed.distributed_c10d.GroupName]])")
_RETURN_TYPES = ("{<class 'torch.Tensor'>: 'Tensor', typing.List[torch.Tensor]: 'Tensor[]', list[torch.Tensor]: "
                 "'Tensor[]', <class 'int'>: 'SymInt', <class 'float'>: 'float', <class 'bool'>: 'bool', "
                 "int | float | bool: 'Scalar'}")
_SCALARS = {Tensor: "Tensor", int: "SymInt", float: "float", bool: "bool", str: "str"}
_SEQUENCES = (list, typing.List, typing.Sequence, collections.abc.Sequence)


def _scalar_union(args):
    return set(args) == {int, float, bool}


def _param_type(ann):
    """The schema type of a parameter's annotation, or None when infer_schema does not accept it."""
    if ann in _SCALARS:
        return _SCALARS[ann]
    origin, args = typing.get_origin(ann), typing.get_args(ann)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        if _scalar_union(args):
            return "Scalar"
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1 and len(args) == 2:
            inner = _param_type(rest[0])
            return None if inner is None or inner.endswith("?") else inner + "?"
        if _scalar_union(rest):
            return "Scalar?"
        return None
    if origin in _SEQUENCES or ann in _SEQUENCES:
        if len(args) != 1:
            return None
        inner = _param_type(args[0])
        return None if inner in (None, "str") or inner.endswith("[]") else inner + "[]"
    return None


def _return_type(ann):
    if ann is None or ann is type(None):
        return "()"
    if typing.get_origin(ann) is tuple:
        parts = [_return_type(a) for a in typing.get_args(ann)]
        return None if None in parts else "(" + ", ".join(parts) + ")"
    found = _param_type(ann)
    return found if found in ("Tensor", "Tensor[]", "SymInt", "float", "bool", "Scalar") else None


def _default_text(value):
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def infer_schema(prototype_function, /, *, mutates_args, op_name=None):
    """The schema string PyTorch infers from a function's type hints: '(Tensor x, float s=2.0) -> Tensor'."""
    sig = inspect.signature(prototype_function)

    def error(what):
        raise ValueError(f"infer_schema(func): {what} Got func with signature {sig})")

    params, seen_kw = [], False
    mutated = set() if mutates_args == "unknown" else set(mutates_args)
    for index, (name, p) in enumerate(sig.parameters.items()):
        if p.kind not in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
            error("We do not support positional-only args, varargs, or varkwargs.")
        if p.kind == p.KEYWORD_ONLY and not seen_kw:
            params.append("*")
            seen_kw = True
        if p.annotation is p.empty:
            error(f"Parameter {name} must have a type annotation.")
        ann = eval(p.annotation, prototype_function.__globals__) if isinstance(p.annotation, str) else p.annotation
        kind = _param_type(ann)
        if kind is None:
            error(f"Parameter {name} has unsupported type {_type_text(ann)}. The valid types are: {_PARAM_TYPES}.")
        if mutates_args == "unknown" and kind.startswith("Tensor") or name in mutated:
            kind = kind.replace("Tensor", f"Tensor(a{index}!)", 1)
        params.append(f"{kind} {name}" + ("" if p.default is p.empty else f"={_default_text(p.default)}"))
    missing = mutated - set(sig.parameters)
    if mutates_args != "unknown" and missing:
        error(f"{missing} in mutates_args were not found in the custom op's signature. mutates_args should contain "
              "the names of all args that the custom op mutates, or just the string 'unknown' if you don't know.")
    if sig.return_annotation is sig.empty:
        error("No return type annotation was provided. Please add one.")
    ret = _return_type(sig.return_annotation)
    if ret is None:
        error(f"Return has unsupported type {_type_text(sig.return_annotation)}. The valid types are: "
              f"{_RETURN_TYPES}.")
    return f"{op_name or ''}({', '.join(params)}) -> {ret}"


def _type_text(ann):
    return repr(ann) if typing.get_origin(ann) is not None else str(ann)


Arg = collections.namedtuple("Arg", "type name default kw_only mutable")
_NO_DEFAULT = object()
_ARG = re.compile(r"^\s*([A-Za-z_][\w]*(?:\([a-z0-9!]+\))?(?:\[\d*\])?\??)\s+([A-Za-z_]\w*)\s*(?:=\s*(.+?))?\s*$")


class Schema:
    """A parsed schema: 'ns::name(Tensor x, *, float s=2.) -> Tensor' as PyTorch's FunctionSchema prints it."""

    def __init__(self, qualname, text):
        self.qualname = qualname
        m = re.match(r"^\s*\((.*)\)\s*->\s*(.+?)\s*$", text)
        if m is None:
            raise RuntimeError(f"expected ( but found '{text.split()[0] if text.split() else 'eof'}' here:\n{text}")
        self.returns = m.group(2)
        self.args, kw_only = [], False
        for part in filter(None, (p.strip() for p in m.group(1).split(","))):
            if part == "*":
                kw_only = True
                continue
            a = _ARG.match(part)
            if a is None:
                raise RuntimeError(f"expected a schema argument but found '{part}'")
            default = _NO_DEFAULT if a.group(3) is None else _parse_default(a.group(3))
            self.args.append(Arg(a.group(1), a.group(2), default, kw_only, "!" in a.group(1)))

    def __str__(self):
        parts, kw = [], False
        for a in self.args:
            if a.kw_only and not kw:
                parts.append("*")
                kw = True
            parts.append(f"{a.type} {a.name}" + ("" if a.default is _NO_DEFAULT else "=" + _cpp_default(a.default)))
        return f"{self.qualname}({', '.join(parts)}) -> {self.returns}"

    __repr__ = __str__

    def bind(self, args, kwargs):
        """The call's arguments in schema order (defaults filled in), or the dispatcher's RuntimeError."""
        positional = [a for a in self.args if not a.kw_only]
        if len(args) > len(positional) and len(positional) < len(self.args):
            raise RuntimeError(f"{self.qualname}() takes {len(positional)} positional argument(s) but {len(args)} "
                               f"was/were given.  Declaration: {self}")
        if len(args) > len(positional):
            raise RuntimeError(f"{self.qualname}() expected at most {len(positional)} argument(s) but received "
                               f"{len(args)} argument(s). Declaration: {self}")
        bound = []
        for i, a in enumerate(self.args):
            if i < len(args):
                value = args[i]
            elif a.name in kwargs:
                value = kwargs[a.name]
            elif a.default is not _NO_DEFAULT:
                value = a.default
            else:
                raise RuntimeError(f"{self.qualname}() is missing value for argument '{a.name}'. Declaration: {self}")
            self._check(i, a, value)
            bound.append(value)
        names = {a.name for a in self.args}
        for k in kwargs:
            if k not in names:
                raise RuntimeError(f"Unknown keyword argument '{k}' for operator '{self.qualname}'. Schema: {self}")
        return bound

    def call(self, fn, bound):
        """fn called with the bound arguments, the keyword-only ones by keyword."""
        kw = {a.name: v for a, v in zip(self.args, bound) if a.kw_only}
        return fn(*bound[:len(bound) - len(kw)], **kw)

    def _check(self, position, arg, value):
        base = arg.type.split("(")[0].rstrip("?")
        if arg.type.endswith("?") and value is None or "[" in arg.type:
            return
        ok = {"Tensor": lambda v: isinstance(v, Tensor),
              "float": lambda v: isinstance(v, numbers.Real),
              "SymInt": lambda v: isinstance(v, numbers.Integral), "int": lambda v: isinstance(v, numbers.Integral),
              "bool": lambda v: isinstance(v, bool), "str": lambda v: isinstance(v, str),
              "Scalar": lambda v: isinstance(v, numbers.Number)}.get(base, lambda v: True)
        if ok(value):
            return
        detail = (f"Unable to cast {value!r} to Tensor" if base == "Tensor" else
                  f"Unable to cast Python instance of type {type(value)} to C++ type '?' (#define "
                  "PYBIND11_DETAILED_ERROR_MESSAGES or compile in debug mode for details)")
        raise RuntimeError(f"{self.qualname}() Expected a value of type '{base}' for argument '{arg.name}' but "
                           f"instead found type '{type(value).__name__}'.\nPosition: {position}\nValue: {value!r}\n"
                           f"Declaration: {self}\nCast error details: {detail}")

    def mutated(self):
        return [i for i, a in enumerate(self.args) if a.mutable]


def _parse_default(text):
    if text in ("None", "True", "False"):
        return {"None": None, "True": True, "False": False}[text]
    if text.startswith('"') or text.startswith("'"):
        return text[1:-1]
    try:
        return int(text)
    except ValueError:
        return float(text)


def _cpp_default(value):
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, float):   # c10 prints 2.0 as "2." and 0.5 as "0.5"
        text = repr(value)
        return text[:-1] if text.endswith(".0") else text
    return _default_text(value)
