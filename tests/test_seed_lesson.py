"""The seed lesson runs unchanged on the engine and prints exactly what the lesson shows (and what PyTorch prints)."""
from autograd_magic import torch as ours
from helpers import require, run_cells
from seed import seed_cells


def test_seed_has_the_lesson_cells():
    cells = seed_cells()
    assert len(cells) == 11
    assert cells[0][0] == "import torch\n"
    assert cells[3][1] == "tensor([4.0000, 5.3333, 6.6667])\n"


def test_seed_cells_print_what_the_lesson_shows():
    cells = seed_cells()
    results = run_cells([code for code, _ in cells], ours, ns={})
    for (code, expected), (out, error) in zip(cells, results):
        assert error is None, f"{code!r} raised {error}"
        assert out == expected, f"cell {code!r}"


def test_seed_cells_print_what_pytorch_prints():
    real = require("torch")
    cells = [code for code, _ in seed_cells()]
    ns_ours, ns_real = {}, {}
    import sys
    import autograd_magic.torch
    saved = sys.modules["torch"]
    try:
        sys.modules["torch"] = autograd_magic.torch
        got = run_cells(cells, None, ns=ns_ours)
    finally:
        sys.modules["torch"] = saved
    want = run_cells(cells, real, ns=ns_real)
    assert got == want
