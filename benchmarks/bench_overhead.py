"""What `%%grad --no-sliders` costs over the same cell run plainly on the engine (issue 12, item 18).

In one IPython shell that has imported the Jupyter stack (ipykernel, ipywidgets: a busy kernel's garbage
collector sees those objects too), each case runs alternately as a plain cell (``torch`` = the engine) and as a
``%%grad --no-sliders`` cell (tagging, recording, table and SVG graph included), whole cells through
``shell.run_cell``; medians and their ratio are printed. Target: ratio <= 1.5 for both cases.
Two %%grad figures: "re-run" (the same cell again: the graph's layout is reused, views/render.py keeps the last
16) and "first" (the layout cache emptied before each run: a cell drawn for the first time).
The seed cell's round trip in a real kernel is benchmarks/bench_magic.py (target 30 ms).

Run: OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_overhead.py [--rounds 15]
This is a benchmark, not a test (STYLE.md rule 13).
"""
import argparse
import os
import statistics
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

CASES = {
    "200k tensor assignments": """t = torch.ones(2)
for i in range(200_000):
    t = t + 1
""",
    "100-step regression loop": """torch.manual_seed(0)
X = torch.randn(100, 1)
Y = 3 * X + 2 + 0.1 * torch.randn(100, 1)
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for step in range(100):
    pred = X * w + b
    loss = ((pred - Y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
        w.grad.zero_()
        b.grad.zero_()
""",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds

    import ipykernel.ipkernel  # noqa: F401  (the Jupyter stack, as in a kernel)
    import ipywidgets  # noqa: F401
    from IPython.testing.globalipapp import start_ipython
    from IPython.utils.capture import capture_output

    from autograd_magic import torch as engine
    from autograd_magic.views import render

    ip = start_ipython()
    ip.run_line_magic("load_ext", "autograd_magic")

    def timed(source, fresh=False):
        if fresh:
            render._CACHE.clear()
        with capture_output():
            start = time.perf_counter()
            result = ip.run_cell(source)
            seconds = time.perf_counter() - start
        result.raise_error()
        return seconds

    worst = 0.0
    for label, code in CASES.items():
        plain, grad, first = [], [], []
        for _ in range(2):  # warm-up
            ip.user_ns["torch"] = engine
            timed(code)
            timed("%%grad --no-sliders\n" + code)
        for _ in range(rounds):
            ip.user_ns["torch"] = engine
            plain.append(timed(code))
            grad.append(timed("%%grad --no-sliders\n" + code))
            first.append(timed("%%grad --no-sliders\n" + code, fresh=True))
        p, g, f = statistics.median(plain), statistics.median(grad), statistics.median(first)
        worst = max(worst, g / p)
        print(f"{label:26s} plain {p * 1e3:7.1f} ms   %%grad --no-sliders: re-run {g * 1e3:7.1f} ms "
              f"(ratio {g / p:4.2f}), first drawing {f * 1e3:7.1f} ms (ratio {f / p:4.2f})")
    print(f"worst ratio {worst:.2f}; target <= 1.5: {'PASS' if worst <= 1.5 else 'MISS'}")


if __name__ == "__main__":
    main()
