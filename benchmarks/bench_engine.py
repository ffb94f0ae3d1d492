"""Speed of the autograd_magic engine against real PyTorch, run side by side in one process.

Run it from the repository root with either of::

    make bench
    .venv/bin/python benchmarks/bench_engine.py [--json results.json] [--only chain] [--profile mlp]

It needs real PyTorch installed next to the engine (the ``oracle`` extra). Every case is one function written
against a torch-style namespace and called once with ``autograd_magic.torch`` ("ours") and once with ``torch``
("theirs"), so both sides run the same code on the same numpy-made data. Rounds alternate ours/theirs (the
order flips every round) and each side's median time per call is kept; the table prints the ratio ours/torch
against a target, PASS when ratio <= target.

Conditions (see /work/shared/RECIPES.md, "Numbers"): one thread on each side (``OPENBLAS_NUM_THREADS=1``, set
below before numpy is imported, and ``torch.set_num_threads(1)``); the garbage collector stays on; and the
process has imported the Jupyter stack (IPython, ipykernel) first, because a process holding many Python
objects spends its time differently in long graphs than a bare one does.

This is a benchmark, not a test (STYLE.md rule 13): it never fails the test suite, it reports.
``--profile CASE`` runs cProfile on our side of one case and prints the top functions by tottime.
"""
import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

import argparse  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import IPython  # noqa: E402,F401  (a busy, Jupyter-like process: see the module docstring)

try:
    import ipykernel.ipkernel  # noqa: E402,F401  (zmq, tornado, jupyter_client: what a kernel holds)
except ImportError:  # pragma: no cover - IPython alone still makes the point
    pass

import numpy as np  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import torch as real_torch  # noqa: E402

from autograd_magic import torch as our_torch  # noqa: E402

real_torch.set_num_threads(1)
our_torch.set_num_threads(1)

BATCH_SECONDS = 0.02      # one timed batch of calls lasts about this long
CASE_BUDGET = 7.0         # seconds per case, both sides together
MIN_ROUNDS, MAX_ROUNDS = 5, 41


# ---------------------------------------------------------------- the cases (torch-style code, namespace in `torch`)

def seed_cell(torch):
    def run():
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = x + 2
        z = y * y * 2
        result = z.mean()
        result.backward()
        return x.grad
    return run


def polynomial(torch):
    def run():
        x = torch.tensor(1.0, requires_grad=True)
        y = torch.tensor(2.0, requires_grad=True)
        z = 3 * x ** 2 + 2 * x * y + y ** 2
        z.backward()
        return x.grad, y.grad
    return run


def chain(n_ops):
    def build(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

        def run():
            x.grad = None
            y = x
            for _ in range(n_ops // 2):
                y = y * 1.0001
                y = y + 0.001
            y.sum().backward()
            return x.grad
        return run
    return build


MLP_DATA = None


def _mlp_data():
    global MLP_DATA
    if MLP_DATA is None:
        rng = np.random.default_rng(0)
        MLP_DATA = {
            "x": rng.standard_normal((64, 784), dtype=np.float32),
            "y": rng.integers(0, 10, size=64, dtype=np.int64),
            "w1": (rng.standard_normal((256, 784), dtype=np.float32) * 0.03).astype(np.float32),
            "b1": np.zeros(256, np.float32),
            "w2": (rng.standard_normal((10, 256), dtype=np.float32) * 0.06).astype(np.float32),
            "b2": np.zeros(10, np.float32),
        }
    return MLP_DATA


def mlp_step(torch):
    d = _mlp_data()
    nn, F = torch.nn, torch.nn.functional
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    with torch.no_grad():  # the same starting weights on both sides
        for p, key in zip(model.parameters(), ("w1", "b1", "w2", "b2")):
            p.copy_(torch.from_numpy(d[key].copy()))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    xb, yb = torch.from_numpy(d["x"].copy()), torch.from_numpy(d["y"].copy())

    def run():
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        opt.zero_grad()
        return loss
    return run


def lenet_step(torch):
    """A LeNet-sized step: two 5x5 conv layers with ReLU and 2x2 max pooling, two linear layers, SGD, batch 64."""
    rng = np.random.default_rng(2)
    x = rng.standard_normal((64, 1, 28, 28), dtype=np.float32)
    y = rng.integers(0, 10, size=64, dtype=np.int64)
    nn, F = torch.nn, torch.nn.functional
    torch.manual_seed(0)  # the same starting weights on both sides (PyTorch's init draws)
    model = nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),
                          nn.MaxPool2d(2), nn.Flatten(), nn.Linear(256, 120), nn.ReLU(), nn.Linear(120, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    xb, yb = torch.from_numpy(x), torch.from_numpy(y)

    def run():
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        opt.zero_grad()
        return loss
    return run


def lstm_step(torch):
    """An LSTM layer forward and backward: hidden 64, sequence 32, batch 16, input 32 (loss: the output's sum)."""
    x = np.random.default_rng(3).standard_normal((32, 16, 32), dtype=np.float32)
    torch.manual_seed(0)  # the same starting weights on both sides (PyTorch's init draws)
    model = torch.nn.LSTM(32, 64)
    xb = torch.from_numpy(x)

    def run():
        out, (h, c) = model(xb)
        loss = out.sum() + h.sum()
        loss.backward()
        for p in model.parameters():
            p.grad = None
        return loss
    return run


def big_elementwise(torch):
    x = torch.from_numpy(np.random.default_rng(1).standard_normal(1_000_000, dtype=np.float32))
    x.requires_grad_(True)

    def run():
        x.grad = None
        (x * x + 3 * x).sum().backward()
        return x.grad
    return run


def small_randn(*shape):
    def build(torch):
        torch.manual_seed(0)

        def run():
            return torch.randn(*shape)
        return run
    return build


def small_draw(make):
    def build(torch):
        torch.manual_seed(0)
        return lambda: make(torch)
    return build


def makemore_step(torch):
    """One step of Karpathy's makemore part 2 loop (bench_makemore.py runs the whole loop, also under %%grad):
    randint batch of 32, C[X[ix]], tanh MLP 30-200-27, cross_entropy, backward, p.data += -lr * p.grad."""
    rng = np.random.default_rng(0)
    X = torch.from_numpy(rng.integers(0, 27, size=(32000, 3), dtype=np.int64))
    Y = torch.from_numpy(rng.integers(0, 27, size=32000, dtype=np.int64))
    g = torch.Generator().manual_seed(2147483647)
    params = [torch.randn(s, generator=g) for s in ((27, 10), (30, 200), (200,), (200, 27), (27,))]
    for p in params:
        p.requires_grad = True
    C, W1, b1, W2, b2 = params
    F = torch.nn.functional

    def run():
        ix = torch.randint(0, X.shape[0], (32,))
        h = torch.tanh(C[X[ix]].view(-1, 30) @ W1 + b1)
        loss = F.cross_entropy(h @ W2 + b2, Y[ix])
        for p in params:
            p.grad = None
        loss.backward()
        for p in params:
            p.data += -0.1 * p.grad
        return loss.log10().item()
    return run


def transformer_step(torch):
    """A 2-layer TransformerEncoder (d_model 64, 4 heads, feed-forward 128, dropout 0.1, batch_first) forward and
    backward on a batch of 16 sequences of 32."""
    torch.manual_seed(0)
    layer = torch.nn.TransformerEncoderLayer(64, 4, 128, dropout=0.1, batch_first=True)
    model = torch.nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
    x = torch.from_numpy(np.random.default_rng(4).standard_normal((16, 32, 64), dtype=np.float32))

    def run():
        loss = model(x).pow(2).mean()
        loss.backward()
        for p in model.parameters():
            p.grad = None
        return loss
    return run


def unet_up_step(torch):
    """A U-Net up step: ConvTranspose2d 16->8 (stride 2) and bilinear F.interpolate x2 of a 32x16x14x14 batch,
    joined with torch.cat, forward and backward."""
    torch.manual_seed(0)
    up = torch.nn.ConvTranspose2d(16, 8, 2, stride=2)
    x = torch.from_numpy(np.random.default_rng(5).standard_normal((32, 16, 14, 14), dtype=np.float32))
    x.requires_grad_(True)
    F = torch.nn.functional

    def run():
        y = torch.cat([up(x), F.interpolate(x, scale_factor=2, mode="bilinear")], 1)
        loss = y.pow(2).mean()
        loss.backward()
        x.grad = None
        for p in up.parameters():
            p.grad = None
        return loss
    return run


def packed_lstm_step(torch):
    """An LSTM (hidden 64) over a PackedSequence of 16 sequences of lengths 32 down to 17, forward and backward."""
    x = torch.from_numpy(np.random.default_rng(6).standard_normal((32, 16, 32), dtype=np.float32))
    torch.manual_seed(0)
    model = torch.nn.LSTM(32, 64)
    lengths = list(range(32, 16, -1))

    def run():
        out, (h, c) = model(torch.nn.utils.rnn.pack_padded_sequence(x, lengths))
        loss = out.data.sum() + h.sum()
        loss.backward()
        for p in model.parameters():
            p.grad = None
        return loss
    return run


# name, label, builder, target ratio ours/torch
CASES = [
    ("seed", "seed cell (3-elem, create+fwd+bwd)", seed_cell, 0.5),
    ("poly", "3x^2+2xy+y^2 on scalars", polynomial, 0.5),
    ("chain1k", "1000-op chain, 3 elems", chain(1000), 0.6),
    ("mlp", "MLP 784-256-10 SGD step, batch 64", mlp_step, 1.0),
    ("lenet", "LeNet conv step (2 conv, 2 linear), SGD, batch 64", lenet_step, 3.0),
    ("lstm", "LSTM hidden 64, seq 32, batch 16 fwd+bwd", lstm_step, 3.0),
    ("big", "1e6 float32 (x*x+3*x).sum() fwd+bwd", big_elementwise, 1.0),
    ("randn_small", "torch.randn(100, 1) (bit-identical draws)", small_randn(100, 1), 5.0),
    ("randn_batch", "torch.randn(64, 784) (bit-identical draws)", small_randn(64, 784), 5.0),
    ("randn32", "torch.randn(32) (bit-identical draws)", small_randn(32), 5.0),
    ("randint", "torch.randint(0, 27, (32,))", small_draw(lambda t: t.randint(0, 27, (32,))), 5.0),
    ("dropout", "F.dropout(32x100, 0.2) mask and product", small_draw(
        lambda t: t.nn.functional.dropout(t.ones(32, 100), 0.2)), 5.0),
    ("multinomial", "torch.multinomial(27 probs, 1, replacement=True)", small_draw(
        lambda t: t.multinomial(t.ones(27) / 27, num_samples=1, replacement=True)), 5.0),
    ("makemore", "makemore part 2 step (plain engine; bench_makemore.py for %%grad)", makemore_step, 1.2),
    ("chain10k", "10000-op chain, 3 elems", chain(10000), 0.8),
    ("transformer", "TransformerEncoder 2x(d64, 4 heads) batch 16x32 fwd+bwd", transformer_step, 3.0),
    ("unet_up", "ConvTranspose2d + bilinear interpolate, 32x16x14x14 fwd+bwd", unet_up_step, 3.0),
    ("packed_lstm", "LSTM hidden 64 over a PackedSequence (16 x 32..17) fwd+bwd", packed_lstm_step, 3.0),
]


# ---------------------------------------------------------------- timing

def _batch(fn, n):
    t0 = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t0) / n


def _calibrate(fn):
    """Warm up, then pick how many calls make one batch of about BATCH_SECONDS."""
    fn()
    per_call = min(_batch(fn, 1) for _ in range(3))
    n = max(1, int(BATCH_SECONDS / max(per_call, 1e-9)))
    _batch(fn, n)
    return n, per_call


def compare(ours, theirs, budget=CASE_BUDGET):
    """Alternate batches of ours and theirs; return each side's median seconds per call and the counts."""
    n_o, est_o = _calibrate(ours)
    n_t, est_t = _calibrate(theirs)
    round_cost = n_o * est_o + n_t * est_t
    rounds = int(min(MAX_ROUNDS, max(MIN_ROUNDS, budget / max(round_cost, 1e-9))))
    times_o, times_t = [], []
    gc.collect()
    for r in range(rounds):
        if r % 2 == 0:
            times_o.append(_batch(ours, n_o))
            times_t.append(_batch(theirs, n_t))
        else:
            times_t.append(_batch(theirs, n_t))
            times_o.append(_batch(ours, n_o))
    return {"ours_s": statistics.median(times_o), "torch_s": statistics.median(times_t), "rounds": rounds,
            "ours_calls_per_round": n_o, "torch_calls_per_round": n_t,
            "ours_min_s": min(times_o), "torch_min_s": min(times_t)}


def run_case(key, label, build, target):
    row = {"case": key, "label": label, "target": target}
    try:
        row.update(compare(build(our_torch), build(real_torch)))
    except Exception as exc:  # report and go on: one broken op must not hide the other numbers
        row.update(status="ERROR", error=f"{type(exc).__name__}: {exc}")
        return row
    row["ratio"] = row["ours_s"] / row["torch_s"]
    row["status"] = "PASS" if row["ratio"] <= target else "MISS"
    return row


def deep_chain_row(n_ops=100_000):
    """A 100000-op chain must run forward and backward on our side without RecursionError (timed once)."""
    row = {"case": "chain100k", "label": f"{n_ops}-op chain runs (no RecursionError)", "target": None}
    times = {}
    for side, ns in (("ours", our_torch), ("torch", real_torch)):
        fn = chain(n_ops)(ns)
        gc.collect()
        t0 = time.perf_counter()
        try:
            fn()
        except RecursionError as exc:
            row.update(status="MISS", error=f"RecursionError on {side}: {exc}")
            return row
        except Exception as exc:
            row.update(status="ERROR", error=f"{type(exc).__name__} on {side}: {exc}")
            return row
        times[side] = time.perf_counter() - t0
        del fn
    row.update(ours_s=times["ours"], torch_s=times["torch"], ratio=times["ours"] / times["torch"], status="PASS",
               rounds=1)
    return row


def big_mmap_row(threshold=1 << 30):
    """The big case again in a child process started with glibc's mmap threshold raised (MALLOC_MMAP_THRESHOLD_):
    the allocator setting changes which side pays page faults, and the target holds for both settings."""
    row = {"case": "big_mmap", "label": "1e6 float32 fwd+bwd, MALLOC_MMAP_THRESHOLD_ raised", "target": 1.0}
    env = dict(os.environ, MALLOC_MMAP_THRESHOLD_=str(threshold))
    import tempfile
    fd, path = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        subprocess.run([sys.executable, os.path.abspath(__file__), "--only", "big", "--json", path], env=env,
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        with open(path) as f:
            child = [r for r in json.load(f)["results"] if r["case"] == "big"][0]
    except (subprocess.CalledProcessError, IndexError, OSError, ValueError) as exc:
        row.update(status="ERROR", error=str(exc))
        return row
    finally:
        os.unlink(path)
    child.update(case=row["case"], label=row["label"])
    return child


def _import_seconds(code, env, repeats=5):
    cmd = [sys.executable, "-c", code]
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, cwd=ROOT)
        out.append(time.perf_counter() - t0)
    return out


def import_row(repeats=5, target=0.25):
    """`import autograd_magic.torch` vs `import torch`, each minus `pass`, in fresh subprocesses (medians).

    Both with Python's bytecode cache, as a user imports them: pip wrote torch's .pyc files when it installed it,
    and the warm-up import here writes ours (PYTHONDONTWRITEBYTECODE, set in some shells, is left out: with it
    every import of this source tree compiles it anew, ~2.5x the time, while torch's cache is still read)."""
    row = {"case": "import", "label": "import autograd_magic.torch vs torch", "target": target}
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    samples = {"base": [], "ours": [], "torch": []}
    codes = {"base": "pass", "ours": "import autograd_magic.torch", "torch": "import torch"}
    try:
        for key in samples:  # warm the file cache
            _import_seconds(codes[key], env, 1)
        for _ in range(repeats):
            for key in samples:
                samples[key] += _import_seconds(codes[key], env, 1)
    except subprocess.CalledProcessError as exc:
        row.update(status="ERROR", error=str(exc))
        return row
    base = statistics.median(samples["base"])
    ours = statistics.median(samples["ours"]) - base
    theirs = statistics.median(samples["torch"]) - base
    row.update(ours_s=ours, torch_s=theirs, ratio=ours / theirs, rounds=repeats, baseline_s=base,
               status="PASS" if ours / theirs <= target else "MISS")
    return row


# ---------------------------------------------------------------- output

def fmt_time(s):
    if s is None:
        return "-"
    if s < 1e-3:
        return f"{s * 1e6:.1f} µs"
    if s < 1.0:
        return f"{s * 1e3:.2f} ms"
    return f"{s:.3f} s"


def print_table(rows):
    head = ("case", "ours", "torch", "ours/torch", "target", "result")
    body = []
    for r in rows:
        ratio = f"{r['ratio']:.3f}" if r.get("ratio") is not None else "-"
        target = f"<= {r['target']}" if r["target"] is not None else "runs"
        body.append((r["label"], fmt_time(r.get("ours_s")), fmt_time(r.get("torch_s")), ratio, target, r["status"]))
    widths = [max(len(str(x[i])) for x in [head] + body) for i in range(len(head))]
    line = "  ".join("{:<%d}" % w if i == 0 else "{:>%d}" % w for i, w in enumerate(widths))
    print(line.format(*head))
    print("  ".join("-" * w for w in widths))
    for b in body:
        print(line.format(*b))
    for r in rows:
        if r.get("error"):
            print(f"  {r['case']}: {r['error']}")


def meta():
    return {"python": platform.python_version(), "numpy": np.__version__, "torch": real_torch.__version__,
            "torch_threads": real_torch.get_num_threads(),
            "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS"),
            "gc_objects_at_start": len(gc.get_objects()), "gc_enabled": gc.isenabled(),
            "machine": platform.machine(), "cpus": os.cpu_count()}


def gc_seconds(fn, calls):
    """Run fn `calls` times; return (seconds spent in the garbage collector, total seconds)."""
    spent, started = [0.0], [0.0]

    def watch(phase, info):
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            spent[0] += time.perf_counter() - started[0]
    gc.callbacks.append(watch)
    try:
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        total = time.perf_counter() - t0
    finally:
        gc.callbacks.remove(watch)
    return spent[0], total


def profile(key, seconds=3.0, top=25):
    """cProfile our side of one case for about `seconds`; print the top functions by tottime."""
    import cProfile
    import pstats
    builders = {k: b for k, _, b, _ in CASES}
    builders["chain100k"] = chain(100_000)
    fn = builders[key](our_torch)
    _, per_call = _calibrate(fn)
    calls = max(1, int(seconds / max(per_call, 1e-9)))
    gc_s, total = gc_seconds(fn, calls)
    print(f"ours, case {key}: {total / calls * 1e3:.3f} ms per call, of which the garbage collector "
          f"{gc_s / calls * 1e3:.3f} ms ({100 * gc_s / total:.0f}%; cProfile charges it to whichever function "
          "allocated when a collection started)")
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(calls):
        fn()
    prof.disable()
    print(f"profile of ours, case {key}: {calls} calls")
    pstats.Stats(prof).strip_dirs().sort_stats("tottime").print_stats(top)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
    ap.add_argument("--only", metavar="SUBSTR", help="run only the cases whose key contains SUBSTR "
                    "(keys: " + ", ".join([c[0] for c in CASES] + ["chain100k", "big_mmap", "import"]) + ")")
    ap.add_argument("--profile", metavar="CASE", help="profile our side of one case instead of benchmarking")
    args = ap.parse_args(argv)
    if args.profile:
        profile(args.profile)
        return 0
    info = meta()
    print(f"autograd_magic vs torch {info['torch']} | python {info['python']}, numpy {info['numpy']} | 1 thread each"
          f" | {info['gc_objects_at_start']} live objects (IPython/ipykernel imported), gc on")
    t_start = time.perf_counter()
    rows = []
    want = (lambda k: args.only in k) if args.only else (lambda k: True)
    for key, label, build, target in CASES:
        if want(key):
            rows.append(run_case(key, label, build, target))
    if want("chain100k"):
        rows.append(deep_chain_row())
    if want("big_mmap") and not os.environ.get("MALLOC_MMAP_THRESHOLD_"):
        rows.append(big_mmap_row())
    if want("import"):
        rows.append(import_row())
    info["total_s"] = time.perf_counter() - t_start
    print_table(rows)
    print(f"(medians per call; {info['total_s']:.0f} s in all)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"meta": info, "results": rows}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
