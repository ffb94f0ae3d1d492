"""Instructions a step of the 100-step regression loop costs, plain and under `%%grad`'s recorder and tagger
(issues 12 and 14), counted by valgrind's callgrind instead of timed: the count does not move with the load of
a shared machine, so a change to the recorder can be judged in one run.

Each side runs twice under callgrind, the loop at 0 and at N steps (after the same 3-step warm-up); the difference
divided by N is the cost of one step (N = 1000: the import's few hundred thousand instructions that vary from run
to run are then below 1k a step). The traced side is `runner.run_cell` with the caps `%%grad --no-sliders`
uses (flows off, compact), without IPython and without the views (their cost is per cell, see bench_overhead.py).
Instructions are not time: on this machine the recorded step's ratio in instructions (~1.3) is below its ratio in
time (~1.5). --keep leaves the callgrind files (callgrind_annotate --inclusive=yes FILE shows where they go).

Run: .venv/bin/python benchmarks/bench_instructions.py [--steps 1000] [--side plain|traced|both] [--keep]
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


def count(side, steps, keep):
    env = dict(os.environ, PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1")
    out = tempfile.mktemp(prefix=f"callgrind_{side}_{steps}_", suffix=".out")
    proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                           os.path.abspath(__file__), "--child", side, str(steps)],
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
    parser.add_argument("--child", nargs=2, metavar=("SIDE", "STEPS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_side(args.child[0], int(args.child[1]))
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
