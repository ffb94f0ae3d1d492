"""Write autograd_magic/engine/pytorch_names.py: the public names of PyTorch's modules that the engine mirrors.

    .venv/bin/python tools/pytorch_names.py [--out FILE]

With the names, an attribute nothing in the engine defines fails as in PyTorch: a learner's typo
(``torch.arrange``, ``x.sizee()``, ``nn.Liner``) gets PyTorch's own ``module 'torch' has no attribute 'arrange'``,
and only a name PyTorch has (``torch.jit``) gets the engine's "autograd_magic implements a subset of PyTorch, and
torch.jit is not part of it". Run it with real PyTorch installed (the version the engine imitates) when that
version changes; the file is generated, not edited.
"""
import importlib
import os
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "autograd_magic", "engine", "pytorch_names.py")


def engine_modules():
    """The dotted torch.* names of the engine's modules (autograd_magic/torch/...)."""
    base = os.path.join(ROOT, "autograd_magic", "torch")
    names = []
    for folder, _, files in os.walk(base):
        rel = os.path.relpath(folder, base)
        parts = [] if rel == "." else rel.split(os.sep)
        for f in files:
            if not f.endswith(".py") or (f.startswith("_") and f != "__init__.py"):
                continue
            mod = parts if f == "__init__.py" else parts + [f[:-3]]
            names.append(".".join(["torch", *mod]))
    return sorted(set(names))


def starred(name):
    """The names `from <name> import *` binds (the module's __all__, else its public globals); None where PyTorch's
    own star import fails (torch.sparse's __all__ names a `solve` it does not define)."""
    import warnings
    ns = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            exec(f"from {name} import *", ns)  # noqa: S102 - the statement whose effect is recorded
        except AttributeError:
            return None
    return set(ns) - {"__builtins__"}


TYPENAME_DEFAULT = {"torch": "torch._VariableFunctionsClass.{}", "torch.nn.functional": "torch.nn.functional.{}"}


def typenames(torch):
    """{module: {name: torch.typename(function)}} for the public functions of the modules in TYPENAME_DEFAULT whose
    typename is not the module's default (F.gelu: torch._C._nn.gelu; torch.split: torch.functional.split)."""
    import torch.nn.functional   # noqa: F401
    out = {}
    for module, default in TYPENAME_DEFAULT.items():
        namespace = importlib.import_module(module)
        names = {}
        for name in dir(namespace):
            obj = getattr(namespace, name)
            if name.startswith("_") or isinstance(obj, type) or not callable(obj):
                continue
            typename = torch.typename(obj)
            if typename != default.format(name):
                names[name] = typename
        out[module] = names
    return out


def main():
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=OUT, help="where to write (default: the engine's module)")
    out = parser.parse_args().out
    import torch
    table, stars = {}, {}
    for name in engine_modules():
        try:
            module = importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a module PyTorch does not have (an engine-internal one)
            continue
        names = {n for n in dir(module) if not n.startswith("_")}
        # submodules a module's __getattr__ imports on first use (torch.onnx: not in dir(torch) before); other
        # submodules not imported yet are no attribute in PyTorch either (torch.utils.tensorboard)
        names.update(n for n in getattr(module, "_lazy_modules", ()) if not n.startswith("_"))
        table[name] = sorted(names)
        bound = starred(name)
        # (a module with an __all__ of its own: what `from torch.nn.utils import *` binds)
        if bound is not None and bound != set(names):
            stars[name] = sorted(bound)
    table["Tensor"] = sorted(n for n in dir(torch.Tensor) if not n.startswith("_"))
    lines = ['"""The public names (dir() without a leading "_") of PyTorch ' + torch.__version__.split("+")[0] +
             "'s modules that the engine mirrors, and of",
             "torch.Tensor: which attributes PyTorch has (see tools/pytorch_names.py, which writes this file; do not "
             'edit it)."""', "", "NAMES = {"]
    for name, names in table.items():
        body = textwrap.wrap(" ".join(names), 110, break_on_hyphens=False)
        lines.append(f'    "{name}": frozenset("""')
        lines += [f"        {line}" for line in body]
        lines.append('        """.split()),')
    lines += ["}", "",
              "# what `from <module> import *` binds in PyTorch where that is not the module's NAMES (its __all__)",
              "STARRED = {"]
    for name, names in stars.items():
        body = textwrap.wrap(" ".join(names), 110, break_on_hyphens=False)
        lines.append(f'    "{name}": frozenset("""')
        lines += [f"        {line}" for line in body]
        lines.append('        """.split()),')
    lines += ["}", "",
              "# torch.typename of the functions of torch and torch.nn.functional where it is not the usual one",
              "# (TYPENAME_DEFAULT: a builtin of torch, a Python function of torch.nn.functional); read by",
              "# nn.Sequential's \"... is not a Module subclass\" when a learner passes F.relu instead of nn.ReLU()",
              "TYPENAME_DEFAULT = " + repr(TYPENAME_DEFAULT), "TYPENAMES = {"]
    for name, names in typenames(torch).items():
        lines.append(f'    "{name}": {{')
        lines += [f'        "{n}": "{t}",' for n, t in sorted(names.items())]
        lines.append("    },")
    lines += ["}", ""]
    with open(out, "w") as f:
        f.write("\n".join(lines))
    print(f"{out}: {len(table)} namespaces, {sum(map(len, table.values()))} names, {len(stars)} with an __all__")


if __name__ == "__main__":
    sys.exit(main())
