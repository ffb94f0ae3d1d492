"""Slider latency in a real browser: key press on a %%grad slider -> new gradient shown in JupyterLab.

Run it from the repository root with::

    .venv/bin/python benchmarks/bench_browser.py [--moves 10] [--json results.json]

Same setup as ``tests/test_browser.py`` (whose helpers it imports): JupyterLab from this venv on 127.0.0.1, a
temporary notebook with ``%%grad --range x=0:5:1`` on ``y = x**2 + 3*x + 2``, headless system Chromium through
Playwright. After the cell has run, it presses ArrowRight / ArrowLeft on the x slider in turn (x: 2 -> 3 -> 2 ...,
so the gradient reads 9. / 7.) and, for each move, measures inside the page the time from the keydown event to the
DOM mutation that makes the live table (``.autograd-magic-live .autograd-magic-table``) show the new gradient:
the whole round trip browser -> kernel (re-run of the cell, table and SVG graph) -> browser, including rendering
the new HTML. One warm-up move is not counted; the median of the rest is the figure.

Needs the ``ui`` extra (jupyterlab, playwright) and ``apt-get install chromium fonts-liberation``.
Conditions (see /work/shared/RECIPES.md, "Numbers"): ``OPENBLAS_NUM_THREADS=1`` for the kernel.
This is a benchmark, not a test: it reports, it does not pass or fail.
"""
import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import pathlib  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import test_browser as tb  # noqa: E402

# Arm a watcher before a key press: t0 at the keydown (capture phase), t1 at the first DOM mutation after which
# the gradient of `name` in the live table reads `want`. Resolves to t1 - t0 in ms (or an error string).
_ARM_JS = """([selector, name, want, timeoutMs]) => {
  const gradient = """ + tb._GRADIENT_JS + """;
  const state = {t0: null};
  window.__benchMove = new Promise((resolve) => {
    const onKey = () => { if (state.t0 === null) state.t0 = performance.now(); };
    window.addEventListener('keydown', onKey, {capture: true, once: true});
    const observer = new MutationObserver(() => {
      if (state.t0 !== null && gradient([selector, name]) === want) {
        const t1 = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        resolve(t1 - state.t0);
      }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve('timeout: gradient reads ' + JSON.stringify(gradient([selector, name])));
    }, timeoutMs);
  });
  return true;
}"""


def gradient_at(x):
    """PyTorch's print of d(x**2 + 3x + 2)/dx at a whole x: '7.', '9.' ..."""
    return f"{2 * x + 3:.0f}."


def measure(page, moves, timeout_s=20):
    handle = tb.slider_handle(page, "x")
    handle.focus()
    x = float(handle.get_attribute("aria-valuenow"))
    times = []
    for i in range(moves + 1):  # the first move is a warm-up
        key, x_new = ("ArrowRight", x + 1) if i % 2 == 0 else ("ArrowLeft", x - 1)
        want = gradient_at(x_new)
        page.evaluate(_ARM_JS, [tb.LIVE_TABLE, "x", want, timeout_s * 1000])
        page.keyboard.press(key)
        ms = page.evaluate("() => window.__benchMove")
        if not isinstance(ms, (int, float)):
            raise RuntimeError(f"move {i} ({key}, x -> {x_new}): {ms}")
        now = float(handle.get_attribute("aria-valuenow"))
        if now != x_new:
            raise RuntimeError(f"move {i}: slider reads {now}, expected {x_new}")
        x = x_new
        if i > 0:
            times.append(ms)
        tb.wait_kernel_idle(page)
        time.sleep(0.2)  # let the frontend settle: each move starts from a quiet page and an idle kernel
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=10, help="measured moves (default 10), after one warm-up")
    parser.add_argument("--json", metavar="PATH", help="also write the timings as JSON")
    args = parser.parse_args()
    missing = tb.missing_tools()
    if missing:
        sys.exit(f"bench_browser: missing {', '.join(missing)}")
    t_start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp:
        tmp = pathlib.Path(tmp)
        notebooks = tmp / "notebooks"
        notebooks.mkdir()
        tb.write_notebook(notebooks)
        with tb.jupyterlab(notebooks) as (base_url, token, _log):
            t_lab = time.monotonic()
            with tb.chromium_page(tmp / "chromium-profile") as page:
                version = page.context.browser.version if page.context.browser else "?"
                tb.open_and_run(page, base_url, token)
                tb.slider_handle(page, "x").wait_for(state="visible", timeout=30_000)
                tb.wait_kernel_idle(page)
                tb.wait_gradient(page, "x", "7.")
                t_ready = time.monotonic()
                times = measure(page, args.moves)
    med = statistics.median(times)
    print(f"JupyterLab up in {t_lab - t_start:.1f} s; notebook open and run in {t_ready - t_lab:.1f} s "
          f"(Chromium {version})")
    print("slider move -> new gradient in the page, ms: " + " ".join(f"{t:.0f}" for t in times))
    print(f"median {med:.0f} ms  (min {min(times):.0f}, max {max(times):.0f}, {len(times)} moves "
          f"after 1 warm-up)")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(
            {"moves_ms": times, "median_ms": med, "min_ms": min(times), "max_ms": max(times),
             "chromium": version}, indent=2))


if __name__ == "__main__":
    main()
