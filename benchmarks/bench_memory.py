"""Memory of a long chain under %%grad against the same cell without it (issue 12, item 6).

The cell: 20000 ops ``y = y * 1.0001`` on ``torch.ones(4096, requires_grad=True)``, then ``y.sum().backward()``.
Each case runs in a fresh process (an IPython shell with the extension loaded) and reports, with tracemalloc,
the peak of Python-allocated memory while the cell runs (table and graph included) and what is still held after
it (numpy's arrays are traced). Target: %%grad's peak within the plain cell's peak + 64 MB.

Run: .venv/bin/python benchmarks/bench_memory.py [--ops 20000] [--size 4096]
This is a benchmark, not a test (STYLE.md rule 13).
"""
import argparse
import json
import os
import subprocess
import sys

CHILD = r"""
import gc, json, sys, tracemalloc
from IPython.testing.globalipapp import start_ipython
from IPython.utils.capture import capture_output
ip = start_ipython()
ip.run_line_magic("load_ext", "autograd_magic")
ops, size, magic = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "grad"
cell = (f"x = torch.ones({size}, requires_grad=True)\ny = x\nfor _ in range({ops}):\n    y = y * 1.0001\n"
        "y.sum().backward()\n")
if not magic:
    ip.user_ns["torch"] = __import__("autograd_magic").torch
gc.collect()
tracemalloc.start()
with capture_output():
    if magic:
        ip.run_cell_magic("grad", "--no-sliders", cell)
    else:
        ip.run_cell(cell)
current, peak = tracemalloc.get_traced_memory()
gc.collect()
held, _ = tracemalloc.get_traced_memory()
print(json.dumps({"peak_mb": peak / 2**20, "held_mb": held / 2**20}))
"""


def measure(ops, size, mode):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    out = subprocess.run([sys.executable, "-c", CHILD, str(ops), str(size), mode], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=20000)
    parser.add_argument("--size", type=int, default=4096)
    args = parser.parse_args()
    plain = measure(args.ops, args.size, "plain")
    grad = measure(args.ops, args.size, "grad")
    print(f"{args.ops} ops y = y * 1.0001 on {args.size} float32 elements (tracemalloc, one process per case)")
    print(f"plain cell:   peak {plain['peak_mb']:8.1f} MB   held after the cell {plain['held_mb']:8.1f} MB")
    print(f"%%grad cell:  peak {grad['peak_mb']:8.1f} MB   held after the cell {grad['held_mb']:8.1f} MB")
    verdict = "PASS" if grad["peak_mb"] <= plain["peak_mb"] + 64 else "MISS"
    print(f"target: %%grad peak <= plain peak + 64 MB: {verdict}")


if __name__ == "__main__":
    main()
