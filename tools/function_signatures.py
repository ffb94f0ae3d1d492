"""Write autograd_magic/engine/function_signatures.py: the argument signatures of PyTorch's torch.* functions.

    python tools/function_signatures.py [--out FILE]    (with PyTorch installed: the .venv of the repository)

The torch.* functions PyTorch writes in C parse their arguments before they run (python_arg_parser.cpp):
``torch.abs()`` raises ``abs() missing 1 required positional arguments: "input"``, ``torch.cat(x, y)``
``cat() received an invalid combination of arguments ...``. This reads their signatures as
tools/method_signatures.py reads the methods' (the raw ones compiled into libtorch_python.so, their function form:
``Tensor input``, ``Tensor out``), keeps those of the functions the engine's torch has, in the order PyTorch lists
them (read from its own error message), and writes them in PyTorch's printed form. torch.linalg / special / fft
functions are written under their ATen names (``linalg_inv``), as PyTorch's messages name them.
"""
import os
import re
import sys
import warnings

import torch

from method_signatures import _wrapped, listed, raw_signatures

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "autograd_magic", "engine", "function_signatures.py")
_METHOD_FORM_OK = re.compile(r"\b(Tensor\??|Scalar) (input|self)\b|out=")


def function_forms(raws, name):
    """The raw signatures of name that a torch.* function can have: for a name that is also a Tensor method, those
    with a tensor input or an out= (the method's have neither)."""
    got = raws.get(name, [])
    if name in dir(torch.Tensor):
        got = [(t, hidden) for t, hidden in got if _METHOD_FORM_OK.search(t)]
    return got


def main():
    target = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else TARGET
    sys.path.insert(0, ROOT)
    os.environ["AUTOGRAD_MAGIC_PURE_PYTHON"] = "1"
    from autograd_magic import torch as engine
    warnings.simplefilter("ignore")
    raws = raw_signatures(methods=False)
    table, functional, noargs = {}, {}, []
    spaces = [("", torch, engine)] + [(p + "_", getattr(torch, p), getattr(engine, p))
                                       for p in ("linalg", "special", "fft")] + [
        (None, torch.nn.functional, engine.nn.functional)]
    for prefix, real, ours in spaces:
        for attr in sorted(dir(real)):
            fn = getattr(real, attr, None)
            if attr.startswith("_") or type(fn).__name__ != "builtin_function_or_method" \
                    or not callable(getattr(ours, attr, None)):
                continue
            # (torch.nn.functional's C functions: by their own name, F.logsigmoid is log_sigmoid)
            name = fn.__name__ if prefix is None else prefix + attr
            if prefix is None:
                functional[attr] = name
            elif prefix == "":
                try:
                    fn(*[object()] * 12)
                except TypeError as e:
                    if str(e) == f"torch.{attr}() takes no arguments (12 given)":
                        noargs.append(attr)
                        continue
                except Exception:   # noqa: BLE001
                    pass
            try:
                fn(*[object()] * 12)
                continue
            except Exception as e:   # noqa: BLE001  (whatever PyTorch says)
                message = str(e)
            if not message.startswith(name + "()"):
                continue
            forms = function_forms(raws, name)
            if "received an invalid combination" in message and "but expected" in message:
                shown = listed(message)
            elif "positional argument" in message and "were given" in message:
                shown = [t.replace("? ", " ") for t, hidden in forms if not hidden][:1]
            else:
                continue
            if not shown:
                continue
            plain = {t.replace("? ", " "): t for t, hidden in forms if not hidden}
            table[name] = tuple(plain.get(s, s) for s in shown) + tuple(t + "|hidden" for t, hidden in forms if hidden)
    groups = {}
    for name, texts in table.items():
        groups.setdefault(texts, []).append(name)
    with open(target, "w") as f:
        f.write('"""The argument signatures of PyTorch 2.13\'s torch.* functions written in C, as its parser prints '
                'them (``?``\nafter a type: it takes None; ``|hidden``: a deprecated overload the parser takes but '
                'never lists); torch.linalg,\nspecial and fft functions under their ATen names (linalg_inv). Written '
                'by tools/function_signatures.py from\nPyTorch itself; read by torch/argument_errors.py."""\n\n')
        f.write("# torch.* functions of no arguments (C functions: torch.get_num_threads() takes no arguments (1 given))\n")
        f.write(f"NOARGS = frozenset({_wrapped(repr(' '.join(sorted(noargs))), 19)}.split())\n\n")
        f.write("# torch.nn.functional's C functions: {attribute: the name PyTorch's messages give it}\nFUNCTIONAL = {\n")
        for attr, name in sorted(functional.items()):
            if name in table:
                f.write(f"    {attr!r}: {name!r},\n")
        f.write("}\n\n")
        f.write("# the functions of the parser: {name: its signatures}\nSIGNATURES = {\n")
        for texts, names in sorted(groups.items(), key=lambda g: g[1][0]):
            key = (f"**dict.fromkeys({_wrapped(repr(' '.join(names)), 21)}.split(), " if len(names) > 1
                   else f"{names[0]!r}: ")
            f.write(f"    {key}(\n" + "".join(f"        {_wrapped(repr(t), 9)},\n" for t in texts)
                    + ("    )),\n" if len(names) > 1 else "    ),\n"))
        f.write("}\n")
    print(f"{len(table)} functions parsed ({len(functional)} of torch.nn.functional), {len(noargs)} of no "
          f"arguments; wrote {target}")


if __name__ == "__main__":
    main()
