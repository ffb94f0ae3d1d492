"""Time from a slider move to the new outputs published by the kernel, for the seed lesson's cells.

In a real kernel: run each seed cell under %%grad (-v keeps the result and its slider panel), then move the
first slider back and forth; each move re-runs the cell, renders table and SVG graph and publishes the new
HTML widget value. Target (issue 4): median <= 50 ms.  Run: .venv/bin/python benchmarks/bench_sliders.py
"""
import json
import pathlib
import sys

from jupyter_client.manager import start_new_kernel

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


def execute(kc, code):
    reply_out = []
    msg_id = kc.execute(code)
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            reply_out.append(msg["content"]["text"])
        if msg["msg_type"] == "error":
            raise RuntimeError(msg["content"]["evalue"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return "".join(reply_out)


def main():
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        execute(kc, "%load_ext autograd_magic")
        results = []
        for code, _ in seed_cells():
            execute(kc, "%%grad -v _res\n" + code)
            if "requires_grad=True" not in code:
                continue
            has_panel = execute(kc, "print(_res.panel is not None)").strip() == "True"
            if not has_panel:
                continue
            out = execute(kc, MEASURE).strip().splitlines()[-1]
            results.append(json.loads(out))
            print(f"{code.splitlines()[0][:50]:52s} slider {results[-1]['label']:5s} "
                  f"move -> outputs published: {results[-1]['median_ms']:.1f} ms")
        worst = max(r["median_ms"] for r in results)
        print(f"worst median over the seed cells: {worst:.1f} ms; target <= 50 ms: "
              f"{'PASS' if worst <= 50 else 'MISS'}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
