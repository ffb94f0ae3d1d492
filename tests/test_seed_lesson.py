"""The seed lesson runs unchanged on the engine and prints exactly what the lesson shows (and what PyTorch prints).

Its cells start with `import torch`: they run through helpers.run_ours, under which that import binds the engine
(and which fails if real PyTorch reached the namespace), so the engine, not PyTorch, is what prints here.
"""
import autograd_magic.torch as ours
import parity
from helpers import require, run_cells, run_ours
from seed import seed_cells


def test_seed_has_the_lesson_cells():
    cells = seed_cells()
    assert len(cells) == 11
    assert cells[0][0] == "import torch\n"
    assert cells[3][1] == "tensor([4.0000, 5.3333, 6.6667])\n"


def test_seed_cells_print_what_the_lesson_shows():
    cells = seed_cells()
    ns = {}
    results = run_ours([code for code, _ in cells], ns=ns)
    assert ns["torch"] is ours, "the lesson's `import torch` must bind the engine"
    assert [k for k, v in ns.items() if isinstance(v, ours.Tensor)], "the lesson's tensors must be the engine's"
    for (code, expected), (out, error) in zip(cells, results):
        assert error is None, f"{code!r} raised {error}"
        assert out == expected, f"cell {code!r}"


def test_seed_cells_print_what_pytorch_prints():
    real = require("torch")
    cells = [code for code, _ in seed_cells()]
    ns_ours, ns_real = {}, {}
    got = run_ours(cells, ns=ns_ours)
    want = run_cells(cells, real, ns=ns_real)
    assert ns_ours["torch"] is ours and ns_real["torch"] is real
    parity.assert_parity("seed", [(f"seed cell {i}", w, g) for i, (w, g) in enumerate(zip(want, got), 1)])
