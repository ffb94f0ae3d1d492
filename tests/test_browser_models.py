"""Demo 03's model cells in a real JupyterLab (headless Chromium at 1024 px), issue 14: opened untrusted and not
run, the softmax model's 3x4 weight shows its figures (norm, mean, min, max), the sanitiser keeps the <details>
elements, and a click on "값 12개 전부" shows every value as PyTorch prints it; the XOR model's 10x2 weight too,
its one-element bias shows its value; every table fits the output area.

Screenshots go to ``test-artifacts/`` (``demo03-model-cell.png``, ``demo03-values-open.png``); the README's
``docs/demo03-model-cell.png`` comes from here. Needs what tests/test_browser.py needs.
"""
import re
import shutil

import pytest

from helpers import REQUIRE_ALL
from test_browser import ROOT, _KERNEL_IDLE_JS, jupyterlab, missing_tools
from test_browser_truth import page_1024, shot

DEMO = "03_training_lessons_ko.ipynb"


@pytest.fixture
def lab(tmp_path):
    missing = missing_tools()
    if missing:
        if REQUIRE_ALL:
            pytest.fail(f"needed under AUTOGRAD_MAGIC_REQUIRE_ALL=1 but missing: {', '.join(missing)}")
        pytest.skip(f"missing: {', '.join(missing)}")
    root = tmp_path / "notebooks"
    root.mkdir()
    shutil.copy(ROOT / "demo_notebooks" / DEMO, root / "demo03.ipynb")
    with jupyterlab(root) as (base_url, token, _log):
        with page_1024(tmp_path / "profile") as page:
            yield page, base_url, token


_ROW_JS = """([name, withDetails]) => {
  for (const table of document.querySelectorAll('.jp-OutputArea-output table.autograd-magic-table')) {
    const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
    for (const tr of table.querySelectorAll('tbody tr')) {
      const cells = [...tr.children];
      if (cells[0].textContent.trim() !== name) continue;
      if (withDetails && !tr.querySelector('details')) continue;
      const value = cells[heads.indexOf('값')], grad = cells[heads.indexOf('기울기')];
      const out = table.closest('.jp-OutputArea-output').getBoundingClientRect();
      return {
        details: tr.querySelectorAll('details').length,
        summaries: [...tr.querySelectorAll('details summary')].map(s => s.textContent.trim()),
        value: value.innerText, grad: grad.innerText,
        tableRight: table.getBoundingClientRect().right, outputRight: out.right,
      };
    }
  }
  return null;
}"""


_WIDE_JS = """() => [...document.querySelectorAll('.jp-OutputArea-output table.autograd-magic-table')].filter(
    t => t.getBoundingClientRect().right > t.closest('.jp-OutputArea-output').getBoundingClientRect().right + 1
).length"""


def _show(page, text):
    """Scroll the (windowed) notebook until a code cell holding text is rendered; that cell's locator."""
    for _ in range(40):
        cell = page.locator(".jp-CodeCell").filter(has_text=text)
        if cell.count():
            cell.first.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(300)
            return cell.first
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(150)
    raise AssertionError(f"no cell with {text!r}")


def test_demo_03_model_cells_show_parameter_figures_and_values_on_demand_untrusted(lab):
    page, base_url, token = lab
    page.goto(f"{base_url}/lab/tree/demo03.ipynb?token={token}", timeout=30_000)
    page.wait_for_function(_KERNEL_IDLE_JS, arg="demo03.ipynb", timeout=30_000)
    page.wait_for_selector(".jp-OutputArea-output table.autograd-magic-table", timeout=20_000)
    page.wait_for_timeout(1000)
    softmax = _show(page, "F.cross_entropy(prediction")
    table = softmax.locator("table.autograd-magic-table")
    row = page.evaluate(_ROW_JS, ["model.weight", True])
    assert row is not None
    assert row["details"] == 2, row                           # the sanitiser kept <details> and <summary>
    assert row["summaries"] == ["값 12개 전부", "값 12개 전부"], row   # value, gradient
    assert re.match(r"노름 \S+, 평균 \S+, 최소 \S+, 최대 \S+", row["value"].replace("\n", " ")), row
    assert "Parameter containing" not in row["value"]       # closed by default: the figures only
    assert row["tableRight"] <= row["outputRight"] + 1, row  # readable at 1024 px: no table wider than the output
    shot(page, "demo03-softmax-table.png", table)

    softmax.locator("tr", has_text="model.weight").locator("details summary").first.click()
    page.wait_for_timeout(300)
    opened = page.evaluate(_ROW_JS, ["model.weight", True])["value"]
    assert "Parameter containing:" in opened and "requires_grad=True" in opened
    assert len(re.findall(r"-?\d+\.\d{4}", opened.split("Parameter containing:")[1])) == 12   # every value
    shot(page, "demo03-values-open.png", table)
    # in the narrow column the printed lines break between elements, never inside a number
    assert not re.search(r"\d\n\d|\.\n\d|-\n\d", opened)
    softmax.locator("tr", has_text="model.weight").locator("details summary").first.click()   # closed again
    page.wait_for_timeout(300)

    xor = _show(page, "nn.Sequential(")
    row = page.evaluate(_ROW_JS, ["model.0.weight", True])        # the XOR model's 10x2 weight: figures too
    assert row["summaries"] == ["값 20개 전부", "값 20개 전부"], row
    small = page.evaluate(_ROW_JS, ["model.2.bias", False])       # one value reads as itself
    assert small["details"] == 0 and small["value"].startswith("["), small
    assert page.evaluate(_WIDE_JS) == 0
    shot(page, "demo03-model-cell.png", xor)
    shot(page, "demo03-xor-table.png", xor.locator("table.autograd-magic-table"))
