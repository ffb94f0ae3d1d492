"""A real browser steps through the seed cell's backward pass with the keyboard: exactly one node is highlighted
at each step, the caption counts the steps, and the last step's leaf box shows the table's gradient.

Uses the JupyterLab + Playwright + Chromium helpers of test_browser.py. Screenshots of one step go to
``test-artifacts/stepper-step.png`` (1024 px wide), whether the test passes or fails.
"""
import time

import pytest

from test_browser import (ARTIFACTS, chromium_page, jupyterlab, missing_tools, open_and_run, wait_kernel_idle,
                          write_notebook)
from helpers import REQUIRE_ALL

NOTEBOOK = "stepper.ipynb"
CELLS = [
    "%load_ext autograd_magic",
    "%%grad --steps --no-sliders\n"
    "x = torch.tensor(2.0, requires_grad=True)\n"
    "y = x**2 + 3*x + 2\n"
    "y.backward()\n"
    "x.grad",
]
PICTURE = ".autograd-magic-step-picture"
HANDLE = ".autograd-magic-step-slider .noUi-handle"

_STATE_JS = """(sel) => {
  const box = document.querySelector(sel + ' [data-step]');
  if (!box) return null;
  return {step: parseInt(box.getAttribute('data-step')),
          running: box.querySelectorAll('svg g.node.step-running').length,
          text: box.textContent};
}"""


@pytest.fixture
def lab(tmp_path):
    missing = missing_tools()
    if missing:
        if REQUIRE_ALL:
            pytest.fail(f"needed under AUTOGRAD_MAGIC_REQUIRE_ALL=1 but missing: {', '.join(missing)}")
        pytest.skip(f"missing: {', '.join(missing)}")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks, CELLS, NOTEBOOK)
    with jupyterlab(notebooks) as (base_url, token, _log):
        with chromium_page(tmp_path / "chromium-profile") as page:
            page.set_viewport_size({"width": 1024, "height": 1200})
            yield page, base_url, token


def test_keyboard_steps_highlight_one_node_each(lab):
    page, base_url, token = lab
    start = time.monotonic()
    try:
        open_and_run(page, base_url, token, NOTEBOOK)
        # the notebook at the full 1024 px: the file browser's side panel closed
        page.evaluate("() => { const s = window.jupyterapp.shell; if (!s.leftCollapsed) s.collapseLeft(); }")
        handle = page.locator(HANDLE).first
        handle.wait_for(state="visible", timeout=30_000)
        wait_kernel_idle(page, NOTEBOOK)
        state = page.evaluate(_STATE_JS, PICTURE)
        assert state["step"] == 0 and state["running"] == 0
        steps = int(float(handle.get_attribute("aria-valuemax")))
        assert steps == 5   # AddBackward0, AddBackward0, MulBackward0, PowBackward0, AccumulateGrad
        handle.focus()
        for k in range(1, steps + 1):
            page.keyboard.press("ArrowRight")
            page.wait_for_function(f"(sel) => {{ const s = ({_STATE_JS})(sel); return s && s.step === {k}; }}",
                                   arg=PICTURE, timeout=15_000)
            state = page.evaluate(_STATE_JS, PICTURE)
            assert state["running"] == 1, (k, state)
            assert f"step {k} of {steps}" in state["text"]
            if k == 3:
                shot(page, "stepper-step.png")
        assert "grad: 7." in state["text"]   # the last step: x.grad as in the table
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(f"(sel) => ({_STATE_JS})(sel).step === {steps - 1}", arg=PICTURE, timeout=15_000)
        assert page.evaluate(_STATE_JS, PICTURE)["running"] == 1
    finally:
        shot(page, "stepper-last.png")
        print(f"\nstepper browser test: {time.monotonic() - start:.1f} s in the page")


def shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:   # the whole output area of the cell, as wide as the notebook shows it
        area = page.locator(".jp-OutputArea").filter(has=page.locator(".autograd-magic-stepper")).first
        stepper = page.locator(".autograd-magic-stepper").first
        stepper.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
        box, outer = stepper.bounding_box(), area.bounding_box()
        page.screenshot(path=str(ARTIFACTS / name), clip={"x": outer["x"], "y": box["y"] - 4,
                                                          "width": outer["width"], "height": box["height"] + 8})
    except Exception:  # noqa: BLE001 - a screenshot is best effort
        page.screenshot(path=str(ARTIFACTS / name))
