"""--jacobian, --hessian, --check and the slope pictures against real PyTorch; the .grad history text."""
import re
from types import SimpleNamespace as NS

import numpy as np
import pytest

from chain_cases import ACCUMULATE, CASES

torch = pytest.importorskip("torch")


@pytest.fixture(autouse=True)
def _no_wall_clock_limits(monkeypatch):
    """The probe's time limits judge a user's cell; on a loaded test machine they would make these tests flaky."""
    from autograd_magic.trace import probe
    monkeypatch.setattr(probe, "TIME_BUDGET", 1e9)
    monkeypatch.setattr(probe, "SLOW_RUN", 1e9)


def run_real(source):
    """The cell on real PyTorch: its namespace afterwards."""
    ns = {"torch": torch}
    exec(source, ns)
    return ns


def grad_cell(ip, source, options=""):
    ip.run_cell_magic("grad", f"-v res {options}", source)
    return ip.user_ns["res"]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_jacobian_and_check_match_pytorch(ip, case):
    _, source, names, fn = case
    res = grad_cell(ip, source, "--jacobian --check")
    real = run_real(source)
    leaves = [real[n].detach().clone().requires_grad_(True) for n in names]
    jac = torch.autograd.functional.jacobian(lambda *xs: fn(torch, *xs), tuple(leaves))
    assert set(res.jacobian) == set(names)
    for name, leaf, j in zip(names, leaves, jac):
        expected = j.numpy().reshape(-1, leaf.numel())
        np.testing.assert_allclose(res.jacobian[name], expected, rtol=1e-5, atol=1e-6)
        # v^T J is the leaf's gradient, ours and PyTorch's
        v = np.ones(expected.shape[0]) if res.v is None else res.v
        torch_grad = real[name].grad.numpy()
        np.testing.assert_allclose((v @ res.jacobian[name]).reshape(torch_grad.shape), torch_grad,
                                   rtol=1e-5, atol=1e-5)
        row = next(r for r in res.leaves if r.name == name)
        np.testing.assert_allclose(row.grad, torch_grad, rtol=1e-5, atol=1e-6)
    # the check column: central differences in float64 agree with the float64 gradient within 1e-6
    assert [r.name for r in res.check] == names
    for r in res.check:
        assert r.rel_error < 1e-6, (r.name, r.rel_error)
        leaf64 = real[r.name].detach().double().requires_grad_(True)
        others = [real[n].detach().double().requires_grad_(True) if n != r.name else leaf64 for n in names]
        out = fn(torch, *others)
        seed = torch.ones_like(out) if res.v is None else torch.tensor(res.v, dtype=torch.float64).reshape(out.shape)
        (g,) = torch.autograd.grad(out, leaf64, seed)
        np.testing.assert_allclose(r.autograd, g.numpy(), rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(r.numeric, g.numpy(), rtol=1e-6, atol=1e-8)


def test_backward_with_gradient_shows_the_jacobian_unasked(ip):
    source = dict((c[0], c[1]) for c in CASES)["seed_external_grad"]
    res = grad_cell(ip, source)
    assert res.jacobian is not None and list(res.v) == [1.0, 1.0]
    text = repr(res)
    assert "J[a]" in text and "v^T J = [36., 81.]" in text and "a.grad = [36., 81.]" in text
    html = res._repr_html_()
    assert "autograd-magic-jacobian" in html
    # as a browser shows it (runs of spaces collapsed), the two vectors are not run together: demo 02 read
    # "v^T J = [36.0000, 8.1000] a.grad = [36.0000, 8.1000] (equal)"
    shown = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "v^T J = [36., 81.] and a.grad = [36., 81.] (equal)" in shown


BROKEN_GRAPH = """a = torch.randn(3, requires_grad=True)
b = a + 1
c = b * b
b.add_(1)
try:
    c.backward(torch.ones(3))
except RuntimeError as e:
    print(e)
"""


def test_a_jacobian_that_cannot_be_computed_is_left_out_unasked_and_explained_when_asked(ip):
    """PyTorch's autograd-mechanics lesson: backward(gradient=v) through a tensor changed in place raises, and
    the cell catches it. The Jacobian shown unasked for a backward(gradient=v) cannot be computed either: it is
    left out, with no 'building the table and graph failed' note and the table kept; asked for, it says why."""
    res = grad_cell(ip, BROKEN_GRAPH)
    assert res.problems == [] and res.jacobian is None
    assert [r.name for r in res.leaves] == ["a"]
    asked = grad_cell(ip, BROKEN_GRAPH, "--jacobian")
    assert asked.problems == [] and asked.jacobian is None
    text = repr(asked)
    assert "--jacobian" in text and "modified by an inplace operation" in text


def test_an_asked_jacobian_of_a_big_input_draws_its_corner_and_keeps_every_entry(ip):
    """--jacobian over a 40 x 30 weight (1200 columns) drew every entry: the d2l MLP lesson's 784 x 256 weight made
    an 11 MB output. The view draws the top-left 12 x 12 and says so; the result keeps the whole matrix."""
    source = """W = torch.linspace(-2, 2, 1200).reshape(40, 30).requires_grad_()
x = torch.linspace(-1, 1, 40)
y = torch.tanh(x @ W)
y.backward(torch.arange(30.0))
"""
    res = grad_cell(ip, source, "--jacobian")
    real = run_real(source)
    leaf = real["W"].detach().clone().requires_grad_(True)
    full = torch.autograd.functional.jacobian(lambda w: torch.tanh(real["x"] @ w), leaf).numpy().reshape(30, 1200)
    np.testing.assert_allclose(res.jacobian["W"], full, rtol=1e-5, atol=1e-6)
    page = res._repr_html_()
    assert len(page) < 100_000
    view = next(v for v in res.extras if type(v).__name__ == "JacobianView")
    text = repr(view)
    assert "J[W] has 30 x 1200 entries: the first 12 rows and 12 columns are shown" in text
    assert "W[0, 11]" in text and "W[0, 12]" not in text and "y[11]" in text and "y[12]" not in text
    # big vectors as their first values and norm, not only their shape
    assert "v (the gradient= given to backward): shape (30,), float32: [0., 1., …] norm 92.4932" in text


def test_scalar_backward_shows_no_jacobian_unless_asked(ip):
    res = grad_cell(ip, CASES[0][1])
    assert res.jacobian is None and res.check is None


def test_hessian_matches_pytorch(ip):
    source = dict((c[0], c[1]) for c in CASES)["seed_two_inputs"]
    res = grad_cell(ip, source, "--hessian")
    x, y = torch.tensor(1.0, dtype=torch.float64), torch.tensor(2.0, dtype=torch.float64)
    h = torch.autograd.functional.hessian(lambda a, b: 3*a**2 + 2*a*b + b**2, (x, y))
    for i, a in enumerate("xy"):
        for j, b in enumerate("xy"):
            np.testing.assert_allclose(res.hessian[(a, b)], h[i][j].numpy().reshape(1, 1))
    assert "x  6.  2." in repr(res)


def test_hessian_of_one_input_matches_pytorch(ip):
    """One input (the common lesson: x = torch.tensor([1., 2., 3.], requires_grad=True)): --hessian failed with
    "'tuple' object has no attribute 'numpy'" (functional.hessian of a tuple of one input gives ((H,),))."""
    source = "x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = (x ** 3).sum() * x[0]\ny.backward()\n"
    res = grad_cell(ip, source, "--hessian")
    assert res.problems == []
    h = torch.autograd.functional.hessian(lambda x: (x ** 3).sum() * x[0], torch.tensor([1.0, 2.0, 3.0],
                                                                                       dtype=torch.float64))
    np.testing.assert_allclose(res.hessian[("x", "x")], h.numpy(), rtol=1e-12)


def test_check_that_would_overrun_its_budget_says_so_after_one_re_run(ip, monkeypatch):
    """--check on a training loop re-ran the cell until its 8 s budget stopped it (27 s with the other options):
    after the first re-run the cost is known, so the check is refused at once with the figures."""
    from autograd_magic.trace import probe
    monkeypatch.setattr(probe, "TIME_BUDGET", 1e-6)
    calls = []
    real_run = probe.Probe.run
    monkeypatch.setattr(probe.Probe, "run", lambda self, *a, **k: calls.append(1) or real_run(self, *a, **k))
    source = "x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)\ny = (x * x).sum()\ny.backward()\n"
    res = grad_cell(ip, source, "--check")
    assert res.check is None and len(calls) == 1
    assert re.search(r"--check skipped: central differences need 8 re-runs of about \S+ s each, more than 1e-06 s",
                     repr(res))


def test_accumulating_cell_checks_the_sum_of_its_backward_calls(ip):
    res = grad_cell(ip, ACCUMULATE, "--check")
    (row,) = res.check
    assert float(row.autograd) == 8.0 and abs(float(row.numeric) - 8.0) < 1e-6


def test_cells_with_side_effects_are_not_re_run(ip, tmp_path):
    ip.run_cell("import autograd_magic.torch as T\nw = T.tensor(1.0, requires_grad=True)")
    res = grad_cell(ip, "y = w * 3\ny.backward()\nw.grad = None\n", "--check --jacobian")
    assert res.check is None and res.jacobian is None
    assert "--check skipped: it changes w, an object of an earlier cell" in repr(res)
    path = tmp_path / "out.txt"
    res = grad_cell(ip, f"x = torch.tensor(1.0, requires_grad=True)\n(x * x).backward()\n"
                        f"open({str(path)!r}, 'w').write('hi')\n", "--check")
    assert res.check is None and "it calls open()" in repr(res)
    assert path.read_text() == "hi"   # the cell itself ran once, as written


def test_probe_re_runs_leave_the_namespace_alone(ip):
    ip.run_cell("import autograd_magic.torch as T\nx = T.tensor(1.0, requires_grad=True)\n"
                "y = T.tensor(2.0, requires_grad=True)")
    grad_cell(ip, "z = 3*x**2 + 2*x*y + y**2\nz.backward()\n", "--check --hessian --jacobian")
    assert float(ip.user_ns["x"].grad) == 10.0 and float(ip.user_ns["y"].grad) == 6.0
    assert ip.user_ns["z"].item() == 11.0


def _floats(text):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def _line(svg, cls):
    found = re.search(rf"class='{cls}'[^>]*? x1='([^']*)' y1='([^']*)' x2='([^']*)' y2='([^']*)'", svg)
    return [float(v) for v in found.groups()]


def test_tangent_touches_the_curve_with_the_gradient_as_slope(ip):
    res = grad_cell(ip, CASES[0][1], "--slope")
    views = [v for v in res.extras if type(v).__name__ == "SlopeView"]
    assert len(views) == 1, repr(res)   # a note says why when there is no picture
    view = views[0]
    svg = view.svg
    assert "slope = 7." in svg
    pts = np.array([_floats(p) for p in re.search(r"class='curve' points='([^']*)'", svg).group(1).split()])
    x1, y1, x2, y2 = _line(svg, "tangent")
    cx, cy = map(float, re.search(r"class='point' cx='([^']*)' cy='([^']*)'", svg).groups())
    # the point lies on the curve and on the tangent; the curve's slope there equals the tangent's (in px)
    k = int(np.argmin(np.abs(pts[:, 0] - cx)))
    assert abs(pts[k, 0] - cx) < 0.2 and abs(pts[k, 1] - cy) < 0.2
    tangent = (y2 - y1) / (x2 - x1)
    assert abs(y1 + tangent * (cx - x1) - cy) < 0.5
    curve = (pts[k + 1, 1] - pts[k - 1, 1]) / (pts[k + 1, 0] - pts[k - 1, 0])
    assert abs(curve - tangent) < 0.02 * abs(tangent)


def test_slope_of_a_one_element_vector_input(ip):
    """w = torch.tensor([2.0], requires_grad=True) (shape (1,), the optimizer lessons' parameter) is one scalar
    input: --slope failed with 'only 0-dimensional arrays can be converted to Python scalars'."""
    res = grad_cell(ip, "w = torch.tensor([2.0], requires_grad=True)\n((w - 3) ** 2).sum().backward()\n", "--slope")
    assert res.problems == []
    (view,) = [v for v in res.extras if type(v).__name__ == "SlopeView"]
    assert "slope = -2." in view.svg   # d/dw (w - 3)^2 at w = 2


def test_tangent_picture_labels_its_f_axis_with_round_numbers(ip):
    """f = x**2 + 3x + 2 over the slider's range [-2, 6] runs from -0.25 to 56: the f axis was labelled with its
    padded ends, -4.749 and 60.5, numbers that appear nowhere else; now with round ones around the curve."""
    res = grad_cell(ip, CASES[0][1], "--slope")
    svg = next(v for v in res.extras if type(v).__name__ == "SlopeView").svg
    from autograd_magic.views import slope
    labels = re.findall(rf"<text x='{slope.L - 4}' y='[^']*' text-anchor='end'>([^<]*)</text>", svg)
    assert len(labels) == 2 and all(re.fullmatch(r"-?\d+", t) for t in labels), labels
    bottom, top = sorted(float(t) for t in labels)
    assert bottom < -0.25 and top > 56 and top - bottom < 1.5 * 56.25


def test_contour_arrow_points_along_the_gradient(ip):
    res = grad_cell(ip, dict((c[0], c[1]) for c in CASES)["seed_two_inputs"], "--slope")
    views = [v for v in res.extras if type(v).__name__ == "SlopeView"]
    assert len(views) == 1, repr(res)   # a note says why when there is no picture
    view = views[0]
    from autograd_magic.views import slope
    from autograd_magic.views.sliders import default_range
    x1, y1, x2, y2 = _line(view.svg, "gradient-arrow")
    (xlo, xhi, _), (ylo, yhi, _) = default_range(1.0), default_range(2.0)
    sx = (slope.W - slope.L - slope.R) / (xhi - xlo)
    sy = (slope.H - slope.T - slope.B) / (yhi - ylo)
    dx, dy = (x2 - x1) / sx, -(y2 - y1) / sy    # back in the data's units
    assert dx > 0 and dy > 0 and abs(dx / dy - 10.0 / 6.0) < 0.02
    assert view.svg.count("class='contour'") > 20


def test_slope_needs_one_or_two_scalar_inputs(ip):
    res = grad_cell(ip, dict((c[0], c[1]) for c in CASES)["fan_out"], "--slope")
    assert "--slope skipped: the slope picture is drawn for one or two scalar inputs" in repr(res)


def _rec(before, added, after, node_id=1, name="w"):
    arr = (lambda v: None if v is None else np.array(v, dtype=np.float32))
    return NS(name=name, node_id=node_id, before=arr(before), added=arr(added), after=arr(after))


def test_history_says_how_grad_accumulated():
    from autograd_magic.views.history import histories
    passes = [NS(leaves=[_rec(8.0, 2.0, 10.0)]), NS(leaves=[_rec(10.0, 2.0, 12.0)]),
              NS(leaves=[_rec(12.0, 2.0, 14.0)])]
    rows = [NS(kind="leaf", node_id=1, label="w", grad=np.array(14.0, dtype=np.float32))]
    assert histories(passes, rows) == ["w.grad = 8. (earlier cell) + 2. + 2. + 2. = 14."]
    # zero_() between passes, and grad = None after the last one
    passes = [NS(leaves=[_rec(None, 2.0, 2.0)]), NS(leaves=[_rec(0.0, 3.0, 3.0)])]
    rows[0].grad = None
    assert histories(passes, rows) == ["w.grad = 2., then zero_(): 3., then grad = None (or zero_grad())"]
    assert histories(passes, rows, lang="ko")[0].startswith("w.grad = 2., 그다음 zero_(): 3.")
    # one backward, nothing earlier: nothing to tell
    assert histories([NS(leaves=[_rec(None, 2.0, 2.0)])], [NS(kind="leaf", node_id=1, label="w",
                                                              grad=np.array(2.0))]) == []


def test_history_across_cells_and_within_a_cell(ip):
    """The table's line for w: 8 from an earlier cell, then three backward calls of this cell."""
    ip.run_cell_magic("grad", "", "w = torch.tensor(2.0, requires_grad=True)\n(w * w * 2).backward()\n")
    res = grad_cell(ip, "for _ in range(3):\n    (w * 2).backward()\n")
    assert "w.grad = 8. (earlier cell) + 2. + 2. + 2. = 14." in repr(res)
    assert "w.grad = 8. (earlier cell) + 2. + 2. + 2. = 14." in res._repr_html_()
    # zero_() between backward calls, grad = None at the end
    res = grad_cell(ip, "(w * 2).backward()\nw.grad.zero_()\n(w * 3).backward()\nw.grad = None\n")
    assert ("w.grad = 14. (earlier cell) + 2. = 16., then zero_(): 3., then grad = None (or zero_grad())"
            in repr(res))
