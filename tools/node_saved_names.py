"""Write autograd_magic/engine/node_saved_names.py: the saved attributes of each of PyTorch's graph node classes.

    .venv/bin/python tools/node_saved_names.py [--out FILE]

PyTorch's generated nodes (torch._C._functions.MulBackward0 ...) carry one ``_saved_<name>`` attribute per value
they save for backward, and a ``_raw_saved_<name>`` beside it for each saved tensor, whether or not the node saved
it this time. With the table, dir(grad_fn) lists PyTorch's names, a name PyTorch's node has but the engine cannot
give fails with the engine's "subset" error, and any other name with PyTorch's AttributeError. Run it with the real
PyTorch the engine imitates when that version changes; the file is generated, not edited.
"""
import os
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "autograd_magic", "engine", "node_saved_names.py")


def main():
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=OUT, help="where to write (default: the engine's module)")
    out = parser.parse_args().out
    import torch
    table = {}
    for name in sorted(dir(torch._C._functions)):
        attrs = dir(getattr(torch._C._functions, name))
        saved = sorted(a[len("_saved_"):] for a in attrs if a.startswith("_saved_"))
        if saved:
            raw = {a[len("_raw_saved_"):] for a in attrs if a.startswith("_raw_saved_")}
            table[name] = " ".join(s + "*" if s in raw else s for s in saved)
    lines = ['"""The saved attributes of PyTorch ' + torch.__version__.split("+")[0] + "'s graph nodes: node class "
             '-> its names without "_saved_", a "*"',
             "marking a saved tensor (which also has _raw_saved_<name>). Written by tools/node_saved_names.py; do not "
             'edit it."""', "", "SAVED_NAMES = {"]
    for name, names in table.items():
        body = textwrap.wrap(names, 70, break_on_hyphens=False)
        if len(body) == 1:
            lines.append(f'    "{name}": "{body[0]}",')
        else:
            lines.append(f'    "{name}": (')
            lines += [f'        "{line} "' for line in body[:-1]] + [f'        "{body[-1]}"),']
    lines += ["}", ""]
    with open(out, "w") as f:
        f.write("\n".join(lines))
    print(f"{out}: {len(table)} node classes, {sum(len(v.split()) for v in table.values())} names")


if __name__ == "__main__":
    sys.exit(main())
