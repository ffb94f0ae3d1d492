"""Karpathy's makemore part 2 training loop: PyTorch, the plain engine and `%%grad` side by side (issue 16).

The lecture's loop (embedding lookup ``C[Xtr[ix]]``, tanh MLP 30-200-27, ``F.cross_entropy``, a batch of 32 from
``torch.randint``, SGD by hand with ``p.data += -lr * p.grad``, ``lossi.append(loss.log10().item())``) on
synthetic names data: 32000 random 3-character contexts over 27 symbols (the lecture has 182625 real ones; the
step's cost does not depend on them). The issue's figure is 20000 steps; --steps (default 2000) is enough for
the ratio. In one IPython shell that has imported the Jupyter stack, each round runs the same cell three ways,
in turn: on PyTorch (``torch`` = real torch), on the engine as a plain cell, and on the engine under
``%%grad --no-table --no-graph --no-sliders``. Medians per side and the ratios engine/torch are printed with
their min-max over the rounds, in wall-clock and in process CPU time (the machine is shared: CPU time is the
steadier). Target: %%grad within 1.2x of PyTorch.

Run: OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_makemore.py [--steps 2000] [--rounds 3]
     ... --profile engine|grad   (cProfile of the plain engine loop or the %%grad cell, by tottime)
This is a benchmark, not a test (STYLE.md rule 13).
"""
import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

SETUP = """Xtr = torch.from_numpy(_data["X"].copy())
Ytr = torch.from_numpy(_data["Y"].copy())
g = torch.Generator().manual_seed(2147483647)
C = torch.randn((27, 10), generator=g)
W1 = torch.randn((30, 200), generator=g)
b1 = torch.randn(200, generator=g)
W2 = torch.randn((200, 27), generator=g)
b2 = torch.randn(27, generator=g)
parameters = [C, W1, b1, W2, b2]
for p in parameters:
    p.requires_grad = True
lossi = []
stepi = []
"""

LOOP = """for i in range({steps}):
    # minibatch construct
    ix = torch.randint(0, Xtr.shape[0], (32,))
    # forward pass
    emb = C[Xtr[ix]]  # (32, 3, 10)
    h = torch.tanh(emb.view(-1, 30) @ W1 + b1)  # (32, 200)
    logits = h @ W2 + b2  # (32, 27)
    loss = F.cross_entropy(logits, Ytr[ix])
    # backward pass
    for p in parameters:
        p.grad = None
    loss.backward()
    # update
    lr = 0.1 if i < 100000 else 0.01
    for p in parameters:
        p.data += -lr * p.grad
    # track stats
    stepi.append(i)
    lossi.append(loss.log10().item())
"""


def data(n=32000):
    import numpy as np
    rng = np.random.default_rng(0)
    return {"X": rng.integers(0, 27, size=(n, 3), dtype=np.int64), "Y": rng.integers(0, 27, size=n, dtype=np.int64)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", choices=["engine", "grad"], default=None,
                        help="cProfile the plain engine loop or the %%grad cell instead of timing")
    args = parser.parse_args()

    import ipykernel.ipkernel  # noqa: F401  (the Jupyter stack, as in a kernel)
    import ipywidgets  # noqa: F401
    import torch as real
    from IPython.testing.globalipapp import start_ipython
    from IPython.utils.capture import capture_output

    from autograd_magic import torch as engine

    real.set_num_threads(1)
    engine.set_num_threads(1)   # both sides on one thread (RECIPES: MKL would otherwise split the engine's products)
    ip = start_ipython()
    ip.run_line_magic("load_ext", "autograd_magic")
    loop = LOOP.format(steps=args.steps)
    sides = {"torch": (real, loop), "engine": (engine, loop),
             "%%grad": (engine, "%%grad --no-table --no-graph --no-sliders\n" + loop)}

    def run(side):
        ns, cell = sides[side]
        ip.user_ns.update(torch=ns, F=ns.nn.functional, _data=data())
        real.manual_seed(42)   # (the one stream a notebook has: a %%grad cell takes real PyTorch's state)
        ns.manual_seed(42)
        for source in (SETUP, cell):
            with capture_output():
                start, cpu = time.perf_counter(), time.process_time()
                result = ip.run_cell(source)
                seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            result.raise_error()
        return (seconds, cpu), ip.user_ns["lossi"][-1]

    if args.profile:
        import cProfile
        import pstats
        ip.user_ns.update(torch=engine, F=engine.nn.functional, _data=data())
        ip.run_cell(SETUP).raise_error()
        prof = cProfile.Profile()
        prof.enable()
        with capture_output():
            ip.run_cell(sides["engine" if args.profile == "engine" else "%%grad"][1]).raise_error()
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
        return

    times = {side: [] for side in sides}
    for side in sides:  # warm-up (imports, first draws)
        run(side)
    for _ in range(args.rounds):
        last = {}
        for side in sides:
            seconds, last[side] = run(side)
            times[side].append(seconds)
    print(f"makemore part 2 loop, {args.steps} steps, batch 32, synthetic 32000 contexts; {args.rounds} rounds")
    print("final log10 loss: " + ", ".join(f"{k} {v:.6f}" for k, v in last.items()))
    for k, clock in enumerate(("wall-clock", "process CPU time (steadier on a shared machine)")):
        print(clock)
        base = [t[k] for t in times["torch"]]
        for side, ts in times.items():
            ts = [t[k] for t in ts]
            ratios = [t / b for t, b in zip(ts, base)]
            print(f"  {side:8s} median {statistics.median(ts):7.3f} s  ({statistics.median(ts) / args.steps * 1e3:.3f}"
                  f" ms/step)  ratio to torch {statistics.median(ratios):5.2f} ({min(ratios):.2f}-{max(ratios):.2f})")
    worst = statistics.median(r[1] / b[1] for r, b in zip(times["%%grad"], times["torch"]))
    print(f"%%grad / torch (CPU time) {worst:.2f}; target <= 1.2: {'PASS' if worst <= 1.2 else 'MISS'}")


if __name__ == "__main__":
    main()
