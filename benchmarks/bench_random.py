"""Time autograd_magic's torch-identical random draws against PyTorch, one thread each.

Run: OPENBLAS_NUM_THREADS=1 python benchmarks/bench_random.py [--n 1000000] [--repeat 9] [--small-only]
First the small draws of lessons through the torch namespaces (``autograd_magic.torch`` against
``torch``: randn(100, 1), dropout masks, a multinomial of 27 ...): per case the best time of each side
and the ratio ours/torch over --repeat rounds, as min-max (the machine is shared; target: 5x).
Then the generator alone on n values: the median time of each side and the ratio (alternating runs),
as wall-clock time and as process CPU time (steadier when other jobs share the cores).
"""
import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import numpy as np
import torch

from autograd_magic import torch as our_torch  # noqa: E402
from autograd_magic.engine.random import Generator  # noqa: E402


def small_cases():
    """(label, fn(torch namespace)): what loops of lessons draw every step."""
    made = {}

    def once(key, ns, make):                 # inputs made once per side, outside the timing
        return made.setdefault((key, ns.__name__), make(ns))

    return [
        ("randn(100, 1)", lambda t: t.randn(100, 1)),
        ("randn(32)", lambda t: t.randn(32)),
        ("randn(8)", lambda t: t.randn(8)),
        ("randn(64, 784)", lambda t: t.randn(64, 784)),
        ("rand(100)", lambda t: t.rand(100)),
        ("randint(0, 27, (32,))", lambda t: t.randint(0, 27, (32,))),
        ("dropout(32x100, 0.2)", lambda t: t.nn.functional.dropout(once("x", t, lambda n: n.ones(32, 100)), 0.2)),
        ("bernoulli(64 probs)", lambda t: t.bernoulli(once("p", t, lambda n: n.full((64,), 0.3)))),
        ("multinomial(27, 1, repl)", lambda t: t.multinomial(
            once("q", t, lambda n: n.softmax(n.ones(27), 0)), num_samples=1, replacement=True)),
        ("multinomial(27, 5)", lambda t: t.multinomial(once("q", t, lambda n: n.softmax(n.ones(27), 0)), 5)),
    ]


def best_per_call(fn, calls=200, rounds=3):
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - t0) / calls)
    return best


def small_table(repeat):
    our_torch.manual_seed(0)
    torch.manual_seed(0)
    print(f"small draws through the namespaces: best us per call, ratio ours/torch min-max over {repeat} rounds")
    print(f"{'case':<26}{'ours us':>9}{'torch us':>9}{'ratio':>12}")
    for name, fn in small_cases():
        ours, theirs = (lambda: fn(our_torch)), (lambda: fn(torch))
        ours(), theirs(), ours()             # warm up (the first small normal draw is computed directly)
        a, b = [], []
        for _ in range(repeat):
            a.append(best_per_call(ours))
            b.append(best_per_call(theirs))
        ratios = [x / y for x, y in zip(a, b)]
        print(f"{name:<26}{min(a) * 1e6:>9.1f}{min(b) * 1e6:>9.1f}{min(ratios):>6.1f}-{max(ratios):<5.1f}")
    print()


def cases(n):
    g, tg = Generator(0), torch.Generator().manual_seed(0)
    return [
        ("rand float32", lambda: g.rand((n,), np.float32), lambda: torch.rand(n, generator=tg)),
        ("randn float32", lambda: g.randn((n,), np.float32), lambda: torch.randn(n, generator=tg)),
        ("randn float64", lambda: g.randn((n,), np.float64),
         lambda: torch.randn(n, dtype=torch.float64, generator=tg)),
        ("rand float64", lambda: g.rand((n,), np.float64),
         lambda: torch.rand(n, dtype=torch.float64, generator=tg)),
        ("randint int64", lambda: g.randint(0, 1000, (n,)), lambda: torch.randint(0, 1000, (n,), generator=tg)),
    ]


def clock(fn):
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--small-only", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(1)
    small_table(args.repeat)
    if args.small_only:
        return
    print(f"n={args.n}, median of {args.repeat} alternating runs, one thread")
    print(f"{'case':<16}{'ours ms':>9}{'torch ms':>9}{'ratio':>7}  |{'cpu ours':>9}{'torch':>8}{'ratio':>7}")
    for name, ours, theirs in cases(args.n):
        ours(), theirs()  # warm up
        a, b = [], []
        for _ in range(args.repeat):
            a.append(clock(ours))
            b.append(clock(theirs))
        (wa, ca), (wb, cb) = ([statistics.median(t[k] for t in s) for k in (0, 1)] for s in (a, b))
        print(f"{name:<16}{wa * 1e3:>9.2f}{wb * 1e3:>9.2f}{wa / wb:>7.2f}  |"
              f"{ca * 1e3:>9.2f}{cb * 1e3:>8.2f}{ca / cb:>7.2f}")


if __name__ == "__main__":
    main()
