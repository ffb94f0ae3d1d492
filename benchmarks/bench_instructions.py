"""Instructions a step of the 100-step regression loop costs, plain and under `%%grad`'s recorder and tagger
(issues 12 and 14), counted by valgrind's callgrind instead of timed: the count does not move with the load of
a shared machine, so a change to the recorder can be judged in one run.

Each side runs twice under callgrind, the loop at 0 and at N steps (after the same 3-step warm-up); the difference
divided by N is the cost of one step (N = 1000: the import's few hundred thousand instructions that vary from run
to run are then below 1k a step). The traced side is `runner.run_cell` with the caps `%%grad --no-sliders`
uses (flows off, compact), without IPython and without the views (their cost is per cell, see bench_overhead.py).
Instructions are not time: on this machine the recorded step's ratio in instructions (~1.3) is below its ratio in
time (~1.5). --keep leaves the callgrind files (callgrind_annotate --inclusive=yes FILE shows where they go).

--cell counts a whole cell instead: the 100-step loop as bench_overhead.py runs it (an IPython shell with the
Jupyter stack imported, ``shell.run_cell``), plain and as ``%%grad --no-sliders`` with its table and graph made,
re-run (the graph's layout cached, as bench_overhead's "re-run"); the runs at 0 and at --cells cells after the
same warm-up, the difference divided by --cells: instructions per cell, load-independent, views included.

Run: .venv/bin/python benchmarks/bench_instructions.py [--steps 1000] [--side plain|traced|both] [--keep]
     .venv/bin/python benchmarks/bench_instructions.py --cell [--cells 6]
Needs valgrind. Takes a few minutes (the import runs under callgrind too). A benchmark, not a test.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))


def _loop(steps):
    sys.path.insert(0, HERE)
    from bench_overhead import CASES
    return CASES["100-step regression loop"].replace("range(100)", f"range({steps})")


def run_side(side, steps):
    """The body each callgrind run executes."""
    from autograd_magic import torch as engine
    from autograd_magic.trace import runner
    from autograd_magic.trace.model import Caps
    for code in (_loop(3), _loop(steps)):
        if side == "plain":
            exec(compile(code, "<cell>", "exec"), {"torch": engine})
        else:
            runner.run_cell(code, {"torch": engine}, caps=Caps(flows=False, compact=True))


def run_cells(side, cells):
    """The body of a --cell run: the shell, two warm-up cells, then ``cells`` cells of one side."""
    import ipykernel.ipkernel  # noqa: F401  (the Jupyter stack, as in a kernel)
    import ipywidgets  # noqa: F401
    from IPython.testing.globalipapp import start_ipython
    from IPython.utils.capture import capture_output
    from autograd_magic import torch as engine
    shell = start_ipython()
    shell.run_line_magic("load_ext", "autograd_magic")
    code = _loop(100) if side == "plain" else "%%grad --no-sliders\n" + _loop(100)
    with capture_output():
        for _ in range(2 + cells):
            shell.user_ns["torch"] = engine
            shell.run_cell(code).raise_error()


def count(side, steps, keep, mode="step"):
    env = dict(os.environ, PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1")
    out = tempfile.mktemp(prefix=f"callgrind_{side}_{steps}_", suffix=".out")
    proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                           os.path.abspath(__file__), "--child", side, str(steps), mode],
                          capture_output=True, text=True, env=env)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode or not found:
        raise SystemExit(f"valgrind failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    if keep:
        print(f"  kept {out}")
    else:
        os.unlink(out)
    return int(found.group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--side", choices=["plain", "traced", "both"], default="both")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--cell", action="store_true", help="whole cells through IPython, views included")
    parser.add_argument("--cells", type=int, default=6)
    parser.add_argument("--child", nargs=3, metavar=("SIDE", "N", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        side, n, mode = args.child
        (run_cells if mode == "cell" else run_side)(side, int(n))
        return
    if args.cell:
        per_cell = {}
        for side in ("plain", "traced"):
            base, runs = count(side, 0, args.keep, "cell"), count(side, args.cells, args.keep, "cell")
            per_cell[side] = (runs - base) / args.cells
            print(f"{side:7s} {per_cell[side] / 1e6:8.2f}M instructions a cell (the 100-step loop)")
        print(f"ratio {per_cell['traced'] / per_cell['plain']:.3f}")
        return
    per_step = {}
    for side in (["plain", "traced"] if args.side == "both" else [args.side]):
        base, loop = count(side, 0, args.keep), count(side, args.steps, args.keep)
        per_step[side] = (loop - base) / args.steps
        print(f"{side:7s} {per_step[side] / 1e3:8.1f}k instructions a step")
    if len(per_step) == 2:
        print(f"ratio {per_step['traced'] / per_step['plain']:.3f}")


if __name__ == "__main__":
    main()
