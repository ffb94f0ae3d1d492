"""The parity comparator (tests/parity.py) says identical / within tolerance / different as its policy states."""
import pytest

import parity
from parity import CLOSE, DIFFERENT, IDENTICAL, compare

CASES = [
    # (torch printed, ours printed, kind)
    ("tensor([1.0000, 2.0000])", "tensor([1.0000, 2.0000])", IDENTICAL),
    # the issue's cases: last printed digits of float32 training results; gelu(-30.)'s sign of zero
    ("Cost: 1.897688", "Cost: 1.897685", DIFFERENT),  # 17 ulps of 1.9 beyond the printed digit: over 4
    ("hypothesis: tensor([197.0395, 185.1170])", "hypothesis: tensor([197.0394, 185.1170])", CLOSE),
    ("tensor([[ 0.8413,  1.9545, -0.0000]])", "tensor([[ 0.8413,  1.9545,  0.0000]])", CLOSE),
    ("tensor([0., -0.])", "tensor([0., 0.])", CLOSE),  # width changed: its whitespace may too
    ("0.14578594", "0.14578599", DIFFERENT),  # 5e-8 at 0.146 is 3.4 ulps... of float32 it is within, see below
    # text outside numbers must be identical
    ("tensor([1.], grad_fn=<AddBackward0>)", "tensor([1.], grad_fn=<MulBackward0>)", DIFFERENT),
    ("torch.Size([2, 3])", "torch.Size([2, 4])", DIFFERENT),  # integers exactly
    ("tensor([1, 2])", "tensor([1, 3])", DIFFERENT),
    ("tensor([1.5000, 2.0000])", "tensor([1.5000,  2.0000])", DIFFERENT),  # layout with equal numbers
    ("tensor([2.])", "tensor([3.])", DIFFERENT),  # exact integers printed as floats
    ("tensor([2.])", "tensor([2.0000])", CLOSE),  # 2 vs a float32 a unit or two from it
    ("tensor([nan, inf])", "tensor([nan, inf])", IDENTICAL),
    ("tensor([nan])", "tensor([0.])", DIFFERENT),
    ("tensor([inf])", "tensor([-inf])", DIFFERENT),
    ("1.0000001192092896", "1.0", CLOSE),  # one float32 ulp
    ("1.0000001192092896", "1.0", CLOSE),
    ("1.0000004768371582", "1.0", CLOSE),  # four
    ("1.0000005960464478", "1.0", DIFFERENT),  # five
    # float64 tensors are judged in float64 ulps
    ("tensor([1.0000002], dtype=torch.float64)", "tensor([1.0000000], dtype=torch.float64)", DIFFERENT),
    ("tensor([1.0000002])", "tensor([1.0000000])", CLOSE),  # 1e-7 beyond the printed digits: 0.84 float32 ulps
    ("1.5", "1.6", CLOSE),  # may be :.1f of 1.5499999 and 1.55
    ("mean -0.000000 | std 1.4e-03", "mean +0.000000 | std 1.4e-03", CLOSE),  # '%+f' of a mean near zero
    ("mean +0.000053", "mean -0.000053", DIFFERENT),
    ("x+1", "x-1", DIFFERENT),
    ("1.5", "1.65", DIFFERENT),  # a shortest repr's digits are exact
    ("tensor(1.0000000000000004, dtype=torch.float64)", "tensor(1.0000000000000002, dtype=torch.float64)", CLOSE),
]
CASES[5] = ("0.14578594", "0.14578599", CLOSE)  # 5e-8 is 3.4 float32 ulps of 0.146


@pytest.mark.parametrize("want, got, kind", CASES)
def test_text_verdicts(want, got, kind):
    assert compare(want, got).kind == kind


def test_budget_scales():
    assert compare("Cost: 1.897688", "Cost: 1.897685", ulps=17).kind == CLOSE
    assert compare("Cost: 1.897688", "Cost: 1.897685", ulps=16).kind == DIFFERENT
    assert 16 < compare("Cost: 1.897688", "Cost: 1.897685", ulps=100).ulps < 17


def test_structures_take_the_worst_verdict():
    cell = ("tensor([0.5000])\n", None, [["UserWarning", "careful"]])
    assert compare(cell, cell).kind == IDENTICAL
    assert compare(cell, ("tensor([0.5000])\n", ["RuntimeError", "x"], [["UserWarning", "careful"]])).kind == DIFFERENT
    assert compare(cell, ("tensor([0.5000])\n", None, [])).kind == DIFFERENT
    assert compare(cell, ("tensor([0.5000])\n", None, [["UserWarning", "careless"]])).kind == DIFFERENT
    assert compare([cell, ("-0.0", None, [])], [cell, ("0.0", None, [])]).kind == CLOSE


def test_assert_parity_counts_and_fails(monkeypatch):
    monkeypatch.setattr(parity, "TALLY", parity.collections.defaultdict(parity.collections.Counter))
    parity.assert_parity("demo", [("a", "1.0", "1.0"), ("b", "-0.0", "0.0")])
    with pytest.raises(AssertionError, match="c: text outside numbers differs"):
        parity.assert_parity("demo", [("c", "x 1.0", "y 1.0")])
    assert parity.TALLY["demo"] == {IDENTICAL: 1, CLOSE: 1, DIFFERENT: 1}
    assert "1 identical" in parity.tally_lines()[0]


def test_run_ours_rejects_real_pytorch_in_the_namespace():
    """The hole of tests/test_seed_lesson.py (issue 10): a namespace holding real PyTorch's objects compares
    PyTorch with itself. run_ours fails then (real modules in it are swapped for the engine's meanwhile, as in
    a %%grad cell, and put back after: they are reported too)."""
    from helpers import require, run_ours
    real = require("torch")
    for ns in [{"t": real.ones(1)}, {"nn": real.nn}, {"m": real.nn.Linear(1, 1)}]:
        with pytest.raises(AssertionError, match="real PyTorch reached the engine's namespace"):
            run_ours(["y = 1"], ns)
    ns = {}
    run_ours(["import torch\nimport torch.nn as nn\nx = torch.ones(2)\nm = nn.Linear(1, 1)"], ns)
    from autograd_magic import torch as ours
    assert ns["torch"] is ours and isinstance(ns["x"], ours.Tensor)


def test_arrays_in_ulps_of_their_dtype():
    import numpy as np
    one32 = np.float32(1)
    a = np.array([1.0, -0.0, np.nan, 3.0], np.float32)
    assert parity.compare_arrays(a, a.copy()).kind == IDENTICAL
    assert parity.compare_arrays(a, np.array([1.0, 0.0, np.nan, 3.0], np.float32)).kind == CLOSE
    near = np.nextafter(np.nextafter(one32, np.float32(2)), np.float32(2))  # two float32 ulps above 1
    assert parity.compare_arrays(a, np.array([near, 0.0, np.nan, 3.0], np.float32)).ulps == 2
    far = np.array([1.00001, 0.0, np.nan, 3.0], np.float32)
    assert parity.compare_arrays(a, far).kind == DIFFERENT
    assert parity.compare_arrays(a, far, ulps=100).kind == CLOSE
    assert parity.compare_arrays(a, a.astype(np.float64)).kind == DIFFERENT  # dtype
    assert parity.compare_arrays(a, a[:3]).kind == DIFFERENT  # shape
    assert parity.compare_arrays(a, np.array([1.0, 0.0, 0.0, 3.0], np.float32)).kind == DIFFERENT  # nan
    d = np.array([1.0], np.float64)
    assert parity.compare_arrays(d, d + 2 ** -52).kind == CLOSE
    assert parity.compare_arrays(d, d + 2 ** -40).kind == DIFFERENT  # float64 ulps
    # a cancelled sum: 1e-7 next to 0 is far in the result's own ulps, near in those of its terms
    assert parity.compare_arrays(np.float32([0.0]), np.float32([1e-7])).kind == DIFFERENT
    assert parity.compare_arrays(np.float32([0.0]), np.float32([1e-7]), scale=2.0).kind == CLOSE
    assert parity.compare_arrays(np.int64([1, 2]), np.int64([1, 3])).kind == DIFFERENT


def test_numbers_inside_structures():
    import numpy as np
    rows = [("x", (2,), np.float32([1.0, 2.0]), 0.5)]
    assert compare(rows, [("x", (2,), np.float32([1.0, 2.0]), 0.5)]).kind == IDENTICAL
    assert compare(rows, [("x", (2,), np.float32([1.0, np.nextafter(np.float32(2), np.float32(3))]), 0.5)]).kind \
        == CLOSE
    assert compare(rows, [("x", (2,), np.float32([1.0, 2.5]), 0.5)]).kind == DIFFERENT
    assert compare(rows, [("y", (2,), np.float32([1.0, 2.0]), 0.5)]).kind == DIFFERENT
    assert compare([0.5], [0.5 + 2 ** -53]).kind == CLOSE and compare([0.5], [0.6]).kind == DIFFERENT
    assert compare([True], [1.0]).kind == IDENTICAL and compare([True], [False]).kind == DIFFERENT


def test_significant_digit_prints_that_strip_a_zero_compare_at_the_finer_unit():
    # '{:.4g}' prints 0.085800 as "0.0858" and 0.085810 as "0.08581": one unit of the 5th digit apart, not ~1300
    # float32 ulps (the digits of a shortest float repr stay exact)
    assert parity.compare_text("loss 0.0858", "loss 0.08581", ulps=80).kind != parity.DIFFERENT
    assert parity.compare_text("loss 0.0858", "loss 0.08583", ulps=80).kind == parity.DIFFERENT
    assert parity.compare_text("0.08580499887466431", "0.0858050137758255", ulps=1).kind == parity.DIFFERENT
