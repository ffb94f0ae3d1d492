"""Run lesson files cell by cell under %%grad with given options and report what the views could not do.

A cell's own output is checked by tests/test_lessons.py; this looks at what %%grad adds under it: notes that
building or drawing a view failed ("building the table and graph failed ..."), the size of the HTML it sends and
the time the cell takes. Each lesson runs in its own child process (an IPython shell with the extension loaded).
Every option set found bugs the tests did not see (--steps on an SVD, --hessian of one input, --slope of a (1,)
input, an 11 MB --jacobian, --backend torch on a view made under no_grad), so run it after changing a view:

    .venv/bin/python tools/view_probe.py --options "--no-sliders --steps" tests/lessons/*.py
    .venv/bin/python tools/view_probe.py --options "--backend torch --no-sliders" tests/lessons/*.py
    .venv/bin/python tools/view_probe.py --options=--no-sliders tests/lessons/*.py   (one option: with "=")

Prints one line per lesson, then the lessons that crashed or ran over time (exit status 1 then, or when a
view left a problem note), every problem note, cells whose HTML is over --big KB and cells slower than
--slow s. A developer tool, not a test (it takes minutes).
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def run_lesson(path, options):
    """In this process: [{cell, seconds, html_kb, problems, error}] for each cell of the lesson at path."""
    import warnings
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]
    os.chdir(ROOT / "tests")
    from IPython.testing.globalipapp import start_ipython
    from IPython.utils.capture import capture_output
    from test_lessons import read_cells
    warnings.simplefilter("ignore")
    shell = start_ipython()
    shell.run_line_magic("load_ext", "autograd_magic")
    shell.showtraceback = shell.showsyntaxerror = lambda *a, **k: None
    out = []
    for i, cell in enumerate(read_cells(pathlib.Path(path))):
        start = time.perf_counter()
        with capture_output(display=True) as cap:
            result = shell.run_cell(f"%%grad {options}\n{cell}", store_history=True)
        seconds = time.perf_counter() - start
        exc = result.error_in_exec or result.error_before_exec
        page = "".join(o.data.get("text/html", "") for o in cap.outputs)
        out.append({"cell": i, "seconds": round(seconds, 3), "html_kb": round(len(page) / 1024, 1),
                    "problems": re.findall(r"%%grad: ([^<]*?)</small>", page),
                    "error": None if exc is None else f"{type(exc).__name__}: {str(exc)[:200]}"})
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lessons", nargs="+")
    parser.add_argument("--options", default="--no-sliders", help="the %%grad line's options")
    parser.add_argument("--big", type=float, default=400.0, help="report cells whose HTML is over this many KB")
    parser.add_argument("--slow", type=float, default=5.0, help="report cells slower than this many seconds")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds a lesson may take")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("@@JSON@@" + json.dumps(run_lesson(args.child, args.options)))
        return 0
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    problems, big, slow, failed = [], [], [], []
    for path in args.lessons:
        path = str(pathlib.Path(path).resolve())   # (the child runs in tests/, as the lesson tests do)
        try:
            # (--options=VALUE: a value that starts with "--", such as "--no-sliders", is not taken for an option)
            proc = subprocess.run([sys.executable, __file__, f"--options={args.options}", "--child", path, path],
                                  capture_output=True, text=True, timeout=args.timeout, env=env)
            if "@@JSON@@" not in proc.stdout:
                print(f"{path}: CRASH {proc.stderr[-500:]}")
                failed.append(pathlib.Path(path).name)
                continue
            cells = json.loads(proc.stdout.split("@@JSON@@", 1)[1])
        except subprocess.TimeoutExpired:
            print(f"{path}: over {args.timeout:g} s")
            failed.append(pathlib.Path(path).name)
            continue
        name = pathlib.Path(path).name
        print(f"{name}: {len(cells)} cells, {sum(c['seconds'] for c in cells):.1f} s", flush=True)
        problems += [(name, c["cell"], p) for c in cells for p in c["problems"]]
        big += [(name, c["cell"], c["html_kb"]) for c in cells if c["html_kb"] > args.big]
        slow += [(name, c["cell"], c["seconds"]) for c in cells if c["seconds"] > args.slow]
    print(f"\n{len(args.lessons) - len(failed)} of {len(args.lessons)} lessons ran; crashed or over time: {failed}")
    print(f"{len(problems)} problem notes")
    for name, cell, note in problems:
        print(f"  {name} cell {cell}: {note}")
    print(f"HTML over {args.big:g} KB: {big}")
    print(f"slower than {args.slow:g} s: {slow}")
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
