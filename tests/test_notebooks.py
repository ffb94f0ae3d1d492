"""The demo notebooks run in a real Jupyter kernel (nbclient) and show what the lesson shows."""
import pathlib

import pytest

from helpers import require
from seed import seed_cells

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _execute(name):
    nbformat = require("nbformat")
    nbclient = require("nbclient")
    path = ROOT / "demo_notebooks" / name
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=120,
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def _text(cell):
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type == "execute_result":
            parts.append(out.data["text/plain"] + "\n")
        elif out.output_type == "error":
            pytest.fail(f"cell raised {out.ename}: {out.evalue}")
    return "".join(parts)


def test_lesson_notebook_shows_the_lesson_outputs():
    nb = _execute("01_autograd_lesson_ko.ipynb")
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    expected = [out for _, out in seed_cells()]
    assert len(code_cells) == len(expected)
    for cell, want in zip(code_cells, expected):
        assert _text(cell) == want, cell.source
