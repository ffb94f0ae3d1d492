"""Write autograd_magic/engine/method_signatures.py: the argument signatures of PyTorch's Tensor methods.

    python tools/method_signatures.py [--out FILE]    (with PyTorch installed: the .venv of the repository)

PyTorch checks a Tensor method's arguments before it runs (python_arg_parser.cpp): a method of no arguments is a
C method (``TensorBase.abs() takes no arguments (1 given)``), the others parse their arguments against signatures
compiled into libtorch_python.so (``reshape(SymIntArrayRef shape)``, ``add(Tensor other, *, Scalar alpha=1)``).
This reads those signatures from the library (the raw ones, with their nullable ``?`` and hidden deprecated
overloads), keeps those of the methods the engine's Tensor has, in the order PyTorch lists them (read from its
own error message), and writes them in PyTorch's printed form (``Number``, ``tuple of ints``, ``torch.dtype``).
"""
import os
import re
import sys
import warnings

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "autograd_magic", "engine", "method_signatures.py")
TYPES = {"Tensor": "Tensor", "Scalar": "Number", "int64_t": "int", "SymInt": "int", "double": "float", "bool": "bool",
         "TensorList": "tuple of Tensors", "SymIntArrayRef": "tuple of ints", "IntArrayRef": "tuple of ints",
         "ScalarType": "torch.dtype", "Device": "torch.device", "Layout": "torch.layout", "PyObject*": "object",
         "c10::string_view": "str", "std::string_view": "str", "std::string": "str",
         "MemoryFormat": "torch.memory_format", "Generator": "torch.Generator", "ArrayRef<double>": "tuple of floats",
         "ScalarList": "tuple of Scalars", "c10::List<::std::optional<Tensor>>": "tuple of Tensors",
         "Storage": "torch.Storage", "Stream": "torch.Stream", "DeviceIndex": "int", "DispatchKeySet": "DispatchKeySet",
         "Dimname": "name", "DimnameList": "tuple of names", "QScheme": "torch.qscheme", "SymFloat": "float"}
_FUNCTION_FORM = re.compile(r"\b(Tensor\??|Scalar) (input|self)\b|Tensor out=")


def printed(raw):
    """(name, PyTorch's printed text of a raw parser signature, '?' kept after nullable types, hidden) or None."""
    hidden = raw.endswith(("|deprecated", "|hidden"))
    name, _, rest = raw.split("|")[0].partition("(")
    out = []
    for part in filter(None, rest[:-1].split(", ")):
        if part == "*":
            out.append(part)
            continue
        decl, eq, default = part.partition("=")
        kind, _, pname = decl.rpartition(" ")
        nullable, kind = kind.endswith("?"), re.sub(r"\[\d+\]$", "", kind.rstrip("?"))
        if kind not in TYPES:
            return None
        out.append(f"{TYPES[kind]}{'?' if nullable else ''} {pname}" + (f" = {default}" if eq else ""))
    return name, "(" + ", ".join(out) + ")", hidden


def raw_signatures(methods=True, raw=False):
    """{name: [(text, hidden)]} of the signatures in libtorch_python.so: the method-form ones, or with
    methods=False every one (tools/function_signatures.py); with raw=True {name: [raw text]}, ATen's types kept."""
    lib = os.path.join(os.path.dirname(torch.__file__), "lib", "libtorch_python.so")
    with open(lib, "rb") as f:
        data = f.read()
    found, raw_text = {}, raw
    for m in re.finditer(rb"[a-z_0-9]+\([ -~]*?\)(?:\|deprecated|\|hidden)?(?=\x00)", data):
        raw = m.group().decode()
        if methods and _FUNCTION_FORM.search(raw):
            continue
        if raw_text:
            found.setdefault(raw.partition("(")[0], []).append(raw)
            continue
        sig = printed(raw)
        if sig is not None and sig[1:] not in found.setdefault(sig[0], []):
            found[sig[0]].append(sig[1:])
    return found


def _wrapped(literal, indent):
    """A string literal cut into adjacent literals of lines under 120 characters."""
    width = 112 - indent
    if len(literal) <= width + 8:
        return literal
    quote, body = literal[0], literal[1:-1]
    pieces = []
    while body:
        cut = body.rfind(" ", 0, width) + 1 if len(body) > width else len(body)
        pieces.append(quote + body[:cut or width] + quote)
        body = body[cut or width:]
    return ("\n" + " " * indent).join(pieces)


def listed(message):
    """The signatures an 'invalid combination' message lists."""
    if "expected one of:" in message:
        return re.findall(r"^ \* (\(.*\))$", message, re.M)
    return [message[message.index("but expected (") + len("but expected "):]]


def main():
    target = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else TARGET
    sys.path.insert(0, ROOT)
    os.environ["AUTOGRAD_MAGIC_PURE_PYTHON"] = "1"
    from autograd_magic import torch as engine
    warnings.simplefilter("ignore")
    raws = raw_signatures()
    x = torch.arange(6.).reshape(2, 3)
    noargs, table = [], {}
    for name in sorted(dir(torch.Tensor)):
        if name.startswith("_") or not hasattr(engine.Tensor, name) or type(getattr(torch.Tensor, name)).__name__ in (
                "function", "property", "getset_descriptor", "member_descriptor"):
            continue
        try:
            getattr(x.clone(), name)(*[object()] * 12)
            continue
        except Exception as e:   # noqa: BLE001  (whatever PyTorch says)
            message = str(e)
        if message.endswith(f".{name}() takes no arguments (12 given)"):
            noargs.append(name)
            continue
        if "received an invalid combination" in message and "but expected" in message:
            shown = listed(message)
        elif "positional argument" in message and "were given" in message:
            shown = [t.replace("? ", " ") for t, hidden in raws.get(name, ()) if not hidden][:1]
        else:
            continue
        plain = {t.replace("? ", " "): t for t, hidden in raws.get(name, ()) if not hidden}
        table[name] = tuple(plain.get(s, s) for s in shown) + tuple(
            t + "|hidden" for t, hidden in raws.get(name, ()) if hidden)
    groups = {}
    for name, texts in table.items():
        groups.setdefault(texts, []).append(name)
    with open(target, "w") as f:
        f.write('"""The argument signatures of PyTorch 2.13\'s Tensor methods, as its parser prints them (``?`` after a '
                'type: it\ntakes None; ``|hidden``: a deprecated overload the parser takes but never lists). Written '
                'by\ntools/method_signatures.py from PyTorch itself; read by engine/method_errors.py."""\n\n')
        f.write("# methods of no arguments (C methods: TensorBase.abs() takes no arguments (1 given))\n")
        f.write("NOARGS = frozenset(\"\"\"\n")
        line = ""
        for name in noargs:
            if len(line) + len(name) + 1 > 116:
                f.write(line.rstrip() + "\n")
                line = ""
            line += name + " "
        f.write(line.rstrip() + "\n\"\"\".split())\n\n")
        f.write("# the other methods of the parser: {name: its signatures}\nSIGNATURES = {\n")
        for texts, names in sorted(groups.items(), key=lambda g: g[1][0]):
            key = f"**dict.fromkeys({_wrapped(repr(' '.join(names)), 21)}.split(), " if len(names) > 1 else f"{names[0]!r}: "
            f.write(f"    {key}(\n" + "".join(f"        {_wrapped(repr(t), 9)},\n" for t in texts)
                    + ("    )),\n" if len(names) > 1 else "    ),\n"))
        f.write("}\n")
        f.write("\n# (name, parameter) that ATen declares SymInt, in any signature of the parser (methods' and torch.* "
                "functions'):\n# PyTorch also takes an integral tensor of one element there (is_int_or_symint: "
                "x.topk(torch.tensor([2])))\n")
        pairs = " ".join(f"{n}.{p}" for n, p in symint_params())
        f.write(f"SYMINT = frozenset(tuple(p.split(\".\")) for p in (\n    {_wrapped(repr(pairs), 4)}\n).split())\n")
    print(f"{len(noargs)} methods of no arguments, {len(table)} parsed; wrote {target}")


def symint_params():
    """The sorted (name, parameter) pairs of the public signatures in libtorch_python.so whose type is SymInt."""
    pairs = set()
    for name, sigs in raw_signatures(methods=False, raw=True).items():
        if not name.startswith("_"):
            for text in sigs:
                pairs.update((name, p) for p in re.findall(r"\bSymInt\?? (\w+)", text))
    return sorted(pairs)


if __name__ == "__main__":
    main()
