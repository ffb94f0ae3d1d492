"""How long a full %%grad of the seed cell takes in a real kernel (run, table and SVG graph).

Runs a Jupyter kernel from this venv and times the seed's backward cell (with its setup) from execute_request to
the kernel going idle, all outputs received: as `%%grad --no-sliders` (run, table and SVG: the issue-3 target,
median <= 30 ms) and as plain `%%grad`, which also builds the slider widgets (reported). The same cell is run
again and again, so after the first round the graph's layout comes from views/render.py's cache; the first
drawing (cache emptied: a new cell) is reported too.
Run: .venv/bin/python benchmarks/bench_magic.py
"""
import statistics
import sys

from kernel_session import execute, kernel

SETUP = "%load_ext autograd_magic"
CELL = """%%grad
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x + 2
z = y * y * 2
result = z.mean()
result.backward()
x.grad"""


def run(kc, code):
    seconds, kinds, _ = execute(kc, code)
    return seconds, kinds


def main(rounds=40):
    with kernel() as kc:
        run(kc, SETUP)
        run(kc, CELL)  # warm-up: imports, renderer lookup
        plain = [run(kc, CELL.replace("%%grad\n", ""))[0] for _ in range(rounds)]
        timed = {}
        for label, cell in (("--no-sliders", CELL.replace("%%grad", "%%grad --no-sliders")), ("sliders", CELL)):
            times = []
            for _ in range(rounds):
                t, kinds = run(kc, cell)
                # without sliders Out[n] is an execute_result; with them the value is shown inside the views'
                # display (a slider move replaces it), so only display_data arrives
                assert "display_data" in kinds and ("execute_result" in kinds or label == "sliders"), kinds
                times.append(t)
            timed[label] = statistics.median(times) * 1e3
        first = []
        for _ in range(rounds):
            run(kc, "from autograd_magic.views import render as _r; _r._CACHE.clear(); del _r")
            first.append(run(kc, CELL.replace("%%grad", "%%grad --no-sliders"))[0])
        timed["first"] = statistics.median(first) * 1e3
        med = timed["--no-sliders"]
        print(f"%%grad --no-sliders seed cell (run + table + SVG), kernel round trip: median {med:.1f} ms; "
              f"target <= 30 ms: {'PASS' if med <= 30 else 'MISS'}")
        print(f"the same, drawn for the first time (layout cache emptied): median {timed['first']:.1f} ms")
        print(f"%%grad with its 3 slider widgets: median {timed['sliders']:.1f} ms; "
              f"a plain cell without %%grad: {statistics.median(plain) * 1e3:.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
