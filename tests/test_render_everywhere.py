"""The shipped demo notebooks show their tables and graphs wherever a notebook is opened, without being run:
JupyterLab on an untrusted notebook (HTML sanitised: no <svg> inside HTML, no widget state to restore), and
``jupyter nbconvert --to html`` (what nbviewer and static hosts show)."""
import pathlib
import re
import subprocess
import sys

import pytest

from helpers import graph_svgs, require

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ["01_autograd_lesson_ko.ipynb", "02_grad_magic_tour.ipynb", "03_training_lessons_ko.ipynb"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
GRAPH_IMG = re.compile(r"<div class=\"autograd-magic-graph\"[^>]*><img[^>]*src=\"data:image/svg\+xml;base64,")


def _read(name):
    nbformat = require("nbformat")
    return nbformat.read(ROOT / "demo_notebooks" / name, as_version=4)


def _backward_cells(nb):
    """Indices (among code cells) of the %%grad cells that call backward() and do not fail."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    return [i for i, c in enumerate(code) if c.source.startswith("%%grad") and "backward(" in c.source
            and not any(o.output_type == "error" for o in c.outputs)]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebook_renders_untrusted(name):
    nb = _read(name)
    assert "widgets" not in nb.metadata, "saved widget state is not restored by JupyterLab for an unrun notebook"
    code = [c for c in nb.cells if c.cell_type == "code"]
    for cell in code:
        for out in cell.outputs:
            data = out.get("data", {})
            assert WIDGET_VIEW not in data, cell.source  # a widget view would show "model not found"
            assert "<svg" not in data.get("text/html", ""), cell.source  # the sanitiser strips it to its text
    backward = _backward_cells(nb)
    assert len(backward) >= 4
    for i in backward:
        html = "".join(o.get("data", {}).get("text/html", "") for o in code[i].outputs)
        assert html.count("autograd-magic-table") == 1 and html.count("class='autograd-magic-graph'") == 1
        assert any("AccumulateGrad" in svg for svg in graph_svgs(html)), code[i].source


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_nbconvert_html_shows_a_table_and_a_graph_for_every_backward_cell(name, tmp_path):
    require("nbconvert")
    nb = _read(name)
    out = tmp_path / "out.html"
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--output", str(out),
                    str(ROOT / "demo_notebooks" / name)], check=True, capture_output=True, cwd=tmp_path)
    page = out.read_text(encoding="utf-8")
    cells = re.split(r'<div class="jp-Cell jp-CodeCell', page)[1:]
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(cells) == len(code)
    backward = _backward_cells(nb)
    counts = {i: (cells[i].count("autograd-magic-table"), len(GRAPH_IMG.findall(cells[i]))) for i in backward}
    assert counts == {i: (1, 1) for i in backward}, counts


def test_demo_03_parameters_show_figures_and_their_values_on_demand_in_nbconvert_html(tmp_path):
    """The softmax model's 3x4 weight: figures in the cell, every value in a <details> element that the exported
    page keeps (as JupyterLab's sanitiser keeps <details>/<summary> in an untrusted notebook)."""
    require("nbconvert")
    import html as html_lib
    out = tmp_path / "out.html"
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--output", str(out),
                    str(ROOT / "demo_notebooks" / NOTEBOOKS[2])], check=True, capture_output=True, cwd=tmp_path)
    page = out.read_text(encoding="utf-8")
    rows = re.findall(r"<tr style=.background:[^>]*>.*?</tr>", page, re.S)   # nbconvert rewrites the quotes
    weight = [r for r in rows if ">model.weight<" in r and "<details>" in r]
    assert len(weight) == 1
    assert re.search(r"노름 \S+, 평균 \S+, 최소 \S+, 최대 \S+", re.sub(r"<[^>]+>", "", weight[0]))
    pres = [html_lib.unescape(p) for p in re.findall(r"<details>.*?<pre[^>]*>(.*?)</pre></details>", weight[0], re.S)]
    assert len(pres) == 2 and pres[0].startswith("Parameter containing:\ntensor([[") and pres[1].startswith("tensor([[")
    assert len(re.findall(r"-?\d+\.\d+(?:e[+-]\d+)?", pres[0])) == 12    # every value of the 3x4 weight
