"""Time autograd_magic's torch-identical random draws against PyTorch, one thread each.

Run: OPENBLAS_NUM_THREADS=1 python benchmarks/bench_random.py [--n 1000000] [--repeat 9]
Prints the median time of each side and the ratio ours/torch per case (alternating runs), as
wall-clock time and as process CPU time (steadier when other jobs share the cores).
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

from autograd_magic.engine.random import Generator


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
    args = ap.parse_args()
    torch.set_num_threads(1)
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
