"""Time from a slider move to the new outputs published by the kernel, for the seed lesson's cells.

In a real kernel: run each seed cell under %%grad (-v keeps the result and its slider panel), then move the
first slider back and forth; each move re-runs the cell, renders table and SVG graph and publishes the new
HTML widget value. Target (issue 4): median <= 50 ms.  Run: .venv/bin/python benchmarks/bench_sliders.py
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from kernel_session import execute, kernel  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests"))
from seed import seed_cells  # noqa: E402

MEASURE = """
import json as _json, statistics as _st, time as _time
_p = _res.panel
_s = _p.sliders[0]
_ts = []
for _i in range(30):
    _v = _s.max if _i % 2 else _s.min
    _t = _time.perf_counter()
    _p._pending = [(_v if j == 0 else s.value) for j, s in enumerate(_p.sliders)]
    _p.flush()
    _ts.append(_time.perf_counter() - _t)
print(_json.dumps({"label": _s.description, "median_ms": _st.median(_ts) * 1e3}))
"""


def output(kc, code):
    return execute(kc, code)[2]


def main():
    with kernel() as kc:
        execute(kc, "%load_ext autograd_magic")
        results = []
        for code, _ in seed_cells():
            execute(kc, "%%grad -v _res\n" + code)
            if "requires_grad=True" not in code:
                continue
            has_panel = output(kc, "print(_res.panel is not None)").strip() == "True"
            if not has_panel:
                continue
            out = output(kc, MEASURE).strip().splitlines()[-1]
            results.append(json.loads(out))
            print(f"{code.splitlines()[0][:50]:52s} slider {results[-1]['label']:5s} "
                  f"move -> outputs published: {results[-1]['median_ms']:.1f} ms")
        worst = max(r["median_ms"] for r in results)
        print(f"worst median over the seed cells: {worst:.1f} ms; target <= 50 ms: "
              f"{'PASS' if worst <= 50 else 'MISS'}")


if __name__ == "__main__":
    main()
