"""The demo notebooks run in a real Jupyter kernel (nbclient) and show what the lesson shows, plus table and graph."""
import html as html_lib
import pathlib
import re

from helpers import graph_svgs, require
from seed import seed_cells

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _execute(name):
    nbformat = require("nbformat")
    nbclient = require("nbclient")
    path = ROOT / "demo_notebooks" / name
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=180, allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    return [c for c in nb.cells if c.cell_type == "code"]


def _text(cell):
    """What the cell printed and returned: stream and Out, or, in a cell with sliders, the same text inside the
    display that a slider move replaces."""
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type == "execute_result":
            parts.append(out.data["text/plain"] + "\n")
        elif "autograd-magic-live" in out.get("data", {}).get("text/html", ""):
            live = out.data["text/html"]
            for kind in ("stdout", "value"):
                for m in re.findall(rf"<pre class='autograd-magic-{kind}'[^>]*>(.*?)</pre>", live, re.S):
                    parts.append(html_lib.unescape(m) + ("\n" if kind == "value" else ""))
    return "".join(parts)


def _html(cell):
    return "".join(out.data.get("text/html", "") for out in cell.outputs if out.output_type == "display_data")


def _errors(cell):
    return [(out.ename, out.evalue) for out in cell.outputs if out.output_type == "error"]


def test_lesson_notebook_shows_the_lesson_outputs_tables_and_graphs():
    cells = _execute("01_autograd_lesson_ko.ipynb")
    assert cells[0].source == "%load_ext autograd_magic\n%config GradMagics.language = 'ko'"
    lesson = cells[1:]
    expected = seed_cells()
    assert len(lesson) == len(expected)
    for cell, (code, want) in zip(lesson, expected):
        assert cell.source.startswith("%%grad")
        assert not _errors(cell), cell.source
        assert _text(cell) == want, cell.source
    widget_views = [o for c in lesson for o in c.outputs
                     if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert widget_views, "the %%grad cells show sliders"
    backward_cell = lesson[3]
    html = _html(backward_cell)
    graphs = graph_svgs(html)  # the graph first, then the stepper's pictures (--steps)
    assert "autograd-magic-table" in html and graphs and "<svg" not in html
    for label in ("MeanBackward0", "AccumulateGrad", "5.3333"):
        assert label in html + graphs[0], label
    for korean in ("기울기", "리프", "중간값"):  # the lesson is Korean: so are the table and the legend
        assert korean in html and korean in graphs[0] + html, korean
    assert "연산 (grad_fn)" in graphs[0]


def test_tour_notebook_runs_and_shows_errors_like_a_normal_cell():
    cells = _execute("02_grad_magic_tour.ipynb")
    sources = [c.source for c in cells]
    errors = {s.splitlines()[0] + "|" + s.splitlines()[-1]: _errors(c) for s, c in zip(sources, cells) if _errors(c)}
    assert list(errors.values()) == [[("RuntimeError", "grad can be implicitly created only for scalar outputs")]]
    usage = cells[-1]
    assert usage.source.startswith("%%grad --rankdir sideways")
    assert [o.text for o in usage.outputs] == [
        "UsageError: argument --rankdir: invalid choice: 'sideways' (choose from 'TB', 'LR')\n"]
    assert any(graph_svgs(_html(c)) for c in cells)
