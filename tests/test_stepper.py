"""The stepper: one step per backward node run, contributions = upstream x local, leaf gradients as PyTorch's;
its pictures (exactly one running node per step), text and static HTML."""
import html
import re

import numpy as np
import pytest

from chain_cases import ACCUMULATE, CASES

torch = pytest.importorskip("torch")


def run_real(source):
    ns = {"torch": torch}
    exec(source, ns)
    return ns


def reachable(fn):
    """Every node of real PyTorch's backward graph under fn (what one backward() runs)."""
    seen, stack = set(), [fn]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        stack.extend(f for f, _ in node.next_functions)
    return seen


def sum_to(a, shape):
    """a summed over broadcast dimensions down to shape (what a vjp does for a broadcast input)."""
    a = np.asarray(a)
    while a.ndim > len(shape):
        a = a.sum(axis=0)
    for i, n in enumerate(shape):
        if n == 1 and a.shape[i] != 1:
            a = a.sum(axis=i, keepdims=True)
    return a


ALL = CASES + [("accumulate", ACCUMULATE, ["x"], None)]


@pytest.mark.parametrize("case", ALL, ids=[c[0] for c in ALL])
def test_steps_follow_the_chain_rule(ip, case):
    _, source, names, _ = case
    ip.run_cell_magic("grad", "-v res --steps --no-sliders", source)
    res = ip.user_ns["res"]
    real = run_real(source)
    roots = [o.name for o in res.outputs]
    passes = 2 if case[0] == "accumulate" else 1
    expected = sum(len(reachable(real[r].grad_fn)) for r in roots) * passes
    assert len(res.steps) == expected
    accumulated = {}
    for step in res.steps:
        assert isinstance(step.node, str) and step.node.endswith(("Backward0", "Backward1", "AccumulateGrad"))
        for inp in step.inputs:
            assert isinstance(inp.target, str) and inp.contribution is not None
            if inp.local is not None:   # elementwise: contribution = upstream x local (summed to the input)
                np.testing.assert_allclose(inp.contribution,
                                           sum_to(step.grad_in * inp.local, np.shape(inp.contribution)),
                                           rtol=1e-6, atol=1e-6)
        if step.node == "AccumulateGrad":
            accumulated.setdefault(step.tensor, []).append(step.grad_in)
    for name in names:
        total = sum(accumulated[name][1:], accumulated[name][0])
        row = next(r for r in res.leaves if r.name == name)
        np.testing.assert_allclose(total, row.grad, rtol=1e-6)
        np.testing.assert_allclose(row.grad, real[name].grad.numpy(), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("case", CASES[:4], ids=[c[0] for c in CASES[:4]])
def test_each_picture_highlights_one_node_and_the_last_shows_the_table(ip, case):
    ip.run_cell_magic("grad", "-v res --steps --no-sliders", case[1])
    res = ip.user_ns["res"]
    stepper = res.stepper
    n = len(stepper)
    assert n == len(res.steps)
    assert stepper.dot(0).count('class="step-running"') == 0
    for k in range(1, n + 1):
        assert stepper.dot(k).count('class="step-running"') == 1, k
    # the last step: every leaf box says the table's gradient
    from autograd_magic.views.graph import value_text
    last = stepper.marks(n)
    for row in res.leaves:
        want = "grad: " + value_text(row.grad, 4)
        assert any(want in (m.lines or []) for m in last.nodes.values()), (row.name, want)


def test_edges_say_upstream_times_local(ip):
    ip.run_cell_magic("grad", "-v res --steps --no-sliders", CASES[0][1])
    res = ip.user_ns["res"]
    labels = [text for k in range(1, len(res.stepper) + 1) for text in res.stepper.marks(k).edges.values()]
    # y = x**2 + 3*x + 2 at x = 2: PowBackward0 sends 1 x 4 = 4, MulBackward0 sends 1 x 3 = 3, x.grad gets 7
    assert "1. × 4. = 4." in labels and "1. × 3. = 3." in labels
    assert any("x.grad += " in t for t in labels)
    text = repr(res.stepper)
    assert text.splitlines()[0].startswith("backward, step by step (")


def test_fork_shows_both_contributions_and_their_sum(ip):
    ip.run_cell_magic("grad", "-v res --steps --no-sliders", dict((c[0], c[1]) for c in CASES)["reused_tensor"])
    res = ip.user_ns["res"]
    last = res.stepper.marks(len(res.stepper))
    assert any("in: 1. + 1. = 2." in (m.lines or []) for m in last.nodes.values())


def test_gradients_into_different_outputs_of_one_node_are_summed_per_output(ip):
    """An SVD's U, S and Vh are three outputs of one node: the gradients sent to U add up, and are not added to
    the ones sent to Vh (the stepper of the least-squares lesson failed with 'operands could not be broadcast
    together with shapes (2,3) (2,2)')."""
    ip.run_cell_magic("grad", "-v res --steps --no-sliders", """M = torch.tensor([[1., 2., 3.], [4., 5., 7.]], requires_grad=True)
U, S, Vh = torch.linalg.svd(M, full_matrices=False)
loss = (U * U).sum() + S.sum() + (Vh * Vh).sum()
loss.backward()
""")
    res = ip.user_ns["res"]
    assert res.problems == []
    svd = [s for s in res.steps if s.node.startswith("LinalgSvdBackward")]
    assert len(svd) == 1
    into = [i for s in res.steps for i in s.inputs if i.target_id == svd[0].node_id]
    slots = sorted(i.slot for i in into)
    assert slots == [0, 0, 1, 2, 2]   # U twice (U * U), S once, Vh twice
    last = res.stepper.marks(len(res.stepper))
    mark = last.nodes[res.stepper._gid.get(svd[0].node_id, svd[0].node_id)]
    sums = [line for line in mark.lines if line.startswith("in: ")]
    assert len(sums) == 2   # U's two parts and Vh's two parts, each summed on its own
    page = res._repr_html_()
    assert "autograd-magic-problem" not in page and page.count("<img") >= 2   # the graph and the step pictures


def test_korean_labels(ip):
    ip.run_cell_magic("grad", "-v res --steps --no-sliders --lang ko", CASES[0][1])
    res = ip.user_ns["res"]
    assert "단계" in res.stepper.caption(1)[0]
    assert "단계별 역전파" in repr(res.stepper)


def test_graph_and_stepper_say_the_gradient_the_same_way_in_korean(ip):
    """Demo 01 shows a cell's graph and, under it, the stepper's last step: the graph's boxes said "grad: 7." and
    the stepper's "기울기: 7." (the table's header says 기울기 too)."""
    ip.run_cell_magic("grad", "-v res --steps --no-sliders --lang ko",
                      "x = torch.tensor(2.0, requires_grad=True)\ny = x**2 + 3*x + 2\ny.backward()")
    res = ip.user_ns["res"]
    last = res.stepper.dot(len(res.stepper))
    assert "기울기: 7." in res.dot and "기울기: 7." in last
    assert "grad: " not in res.dot and "grad: " not in last


def _boxes(svg, labels):
    """{label: (x, y)} of the bold titles among a picture's boxes."""
    found = re.findall(r'<text[^>]*x="([-\d.]+)" y="([-\d.]+)"[^>]*font-weight="bold"[^>]*>([^<]*)</text>', svg)
    return {html.unescape(t): (float(x), float(y)) for x, y, t in found if html.unescape(t) in labels}


def test_the_stepper_keeps_the_layout_of_the_cells_graph(ip):
    """Demo 01's z = 3*x**2 + 2*x*y + y**2 under --steps: the stepper's pictures (wider op boxes, labelled edges)
    came out mirrored against the cell's graph just above them (y**2 and the leaf y on the left instead of the
    right). Both are now laid out with each op's inputs in the graph's order (ordering=out)."""
    ip.run_cell_magic("grad", "-v res --steps --no-sliders --lang ko",
                      "x = torch.tensor(1.0, requires_grad=True)\ny = torch.tensor(2.0, requires_grad=True)\n"
                      "z = 3*x**2 + 2*x*y + y**2\nz.backward()")
    res = ip.user_ns["res"]
    pairs = [("3*x**2 + 2*x*y", "y**2"), ("x", "y"), ("3*x**2", "2*x*y")]

    def sides(svg):
        at = _boxes(svg, {name for pair in pairs for name in pair})
        return [at[a][0] < at[b][0] for a, b in pairs]

    main = sides(res.svg)
    assert [sides(res.stepper.svg(k)) for k in (1, 3, len(res.stepper))] == [main] * 3


def test_static_view_for_viewers_without_widgets(ip):
    """Untrusted notebooks and nbconvert: the last step as an <img> (inline SVG would be stripped) and every step
    as text."""
    ip.run_cell_magic("grad", "-v res --steps --no-sliders", CASES[0][1])
    res = ip.user_ns["res"]
    html = res._repr_html_()
    assert "data:image/svg+xml;base64," in html
    assert re.search(r"<pre[^>]*>\s+1\. AddBackward0", html)
    assert "AccumulateGrad (x)" in repr(res)


def test_static_steps_wrap_between_elements_not_inside_numbers(ip):
    """JupyterLab styles an output's <pre> with word-break:break-all, which split "[2.0000, 2.6667, 3.3333]" into
    "[2.0000, 2.6" and "667, 3.3333]" at 1024 px: the steps' <pre> says how its long lines may break."""
    ip.run_cell_magic("grad", "-v res --steps --no-sliders", CASES[0][1])
    html = ip.user_ns["res"]._repr_html_()
    styles = re.findall(r"<pre(?: style='([^']*)')?>\s+1\. ", html)
    assert len(styles) == 1
    style = dict(part.split(":", 1) for part in styles[0].split(";") if part)
    assert style.get("white-space") == "pre-wrap" and style.get("word-break") == "normal", styles


def test_stepper_and_slope_follow_a_slider_move(ip):
    import base64
    from IPython.utils.capture import capture_output
    ip.kernel = object()   # a frontend with widgets
    try:
        with capture_output() as cap:
            ip.run_cell_magic("grad", "--steps --slope --range x=0:5:1 -v _res", CASES[0][1])
        res = ip.user_ns["_res"]
        live = res.stepper_widget
        bundles = [o.data for o in cap.outputs if "application/vnd.jupyter.widget-view+json" in o.data]
        assert len(bundles) == 2 and "autograd-magic-stepper" in bundles[1]["text/html"]
        assert live.slider.max == 5
        live.slider.value = 5
        assert "grad: 7." in live.picture.value
        slider = next(s for s in res.panel.sliders if s.description == "x")
        slider.value = 3.0
        res.panel.flush() if getattr(res.panel, "_pending", None) is not None else None
        assert live.slider.value == 0       # the stepper now steps through the new run, from its start
        live.slider.value = 5
        assert "grad: 9." in live.picture.value
        pictures = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", res.panel.live.value)
        svgs = [base64.b64decode(p).decode() for p in pictures]
        assert any("slope = 9." in svg for svg in svgs)
    finally:
        del ip.kernel
