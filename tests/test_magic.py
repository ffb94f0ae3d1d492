"""%%grad in a real IPython shell: behaves like a normal cell, then shows the table and the graph."""
import re
import sys

import pytest
from IPython.core.error import UsageError
from IPython.utils.capture import capture_output

from helpers import graph_svgs
from seed import seed_cells

import autograd_magic.torch as engine_torch


def grad(ip, cell, line=""):
    """Run a %%grad cell; exceptions propagate (the shell re-raises). Returns (stdout, rich outputs, value)."""
    with capture_output() as cap:
        value = ip.run_cell_magic("grad", line, cell)
    return cap.stdout, cap.outputs, value


def shown(outputs):
    return [o.data for o in outputs]


def _strip_out(text):
    return re.sub(r"^Out\[\d+\]: ", "", text, flags=re.M)


# Seed cells that compute from a leaf (so a graph is drawn); the others only import or create leaves.
SEED_CELLS_WITH_GRAPH = {2, 3, 4, 6, 8, 9, 10}
SEED_CELLS_WITHOUT_TENSORS = {0, 7}  # `import torch`, and the cell that only prints .grad


def test_seed_cells_print_what_the_lesson_shows_and_show_table_and_graph(ip):
    for i, (code, expected) in enumerate(seed_cells()):
        stdout, outputs, _ = grad(ip, code)
        assert _strip_out(stdout) == expected, code
        html = "".join(d.get("text/html", "") for d in shown(outputs))
        assert ("autograd-magic-table" in html) == (i not in SEED_CELLS_WITHOUT_TENSORS), code
        # the graph is an <img> (a data URI), never an <svg> inside the HTML, which an untrusted notebook strips
        assert ("data:image/svg+xml;base64," in html) == (i in SEED_CELLS_WITH_GRAPH), code
        assert "<svg" not in html


def test_table_and_dot_for_the_seed_computation(ip):
    cells = [c for c, _ in seed_cells()]
    grad(ip, cells[0])
    grad(ip, cells[1])
    grad(ip, cells[2])
    _, _, result = grad(ip, cells[3], "-o")
    rows = {r.label: r for r in result.rows}
    assert [r.label for r in result.rows] == ["x", "result", "y", "z"]
    assert rows["x"].kind == "leaf" and rows["x"].grad.tolist() == pytest.approx([4.0, 16 / 3, 20 / 3])
    assert rows["y"].grad.tolist() == pytest.approx([4.0, 16 / 3, 20 / 3])
    assert rows["z"].grad.tolist() == pytest.approx([1 / 3] * 3)
    assert rows["result"].kind == "output"
    text = repr(result.table)
    assert "5.3333" in text and "computed by %%grad" in text
    dot = result.dot
    for name in ("MeanBackward0", "MulBackward0", "AddBackward0", "AccumulateGrad", "y * y", "result"):
        assert name in dot, name
    assert "4.0000" in dot


def test_graph_before_backward_says_so(ip):
    cells = [c for c, _ in seed_cells()]
    for c in cells[:2]:
        grad(ip, c)
    _, _, result = grad(ip, cells[2], "-o")
    assert not result.graph.has_gradients
    assert all(r.grad is None for r in result.rows if r.kind != "leaf")
    assert "no gradient yet" in repr(result.table)


def test_reused_tensor_shows_both_paths_and_summed_gradient(ip):
    _, _, result = grad(ip, "a = torch.tensor(3.0, requires_grad=True)\nb = a * a\nb.backward()", "-o")
    rows = {r.label: r for r in result.rows}
    assert rows["a"].grad.item() == 6.0
    mul = next(n for n in result.graph.nodes if n.label == "MulBackward0")
    acc = next(n for n in result.graph.nodes if n.label == "AccumulateGrad")
    assert sum(1 for e in result.graph.edges if e.src == mul.id and e.dst == acc.id) == 2


def test_vector_jacobian_product_shows_the_seed_gradient(ip):
    cell = seed_cells()[8][0]
    _, _, result = grad(ip, cell, "-o")
    q = next(r for r in result.rows if r.kind == "output")
    assert q.label == "Q" and q.seed_grad.tolist() == [1.0, 1.0]
    assert "backward(gradient=" in repr(result.table)


def test_torch_is_the_engine_inside_and_nothing_stays_patched(ip):
    real = sys.modules.get("torch")
    ip.user_ns["torch"] = "the user's own torch"
    stdout, _, _ = grad(ip, "print(torch.__version__, type(torch.tensor(1.0)))")
    assert stdout == "2.13.0+autograd_magic <class 'torch.Tensor'>\n"  # the engine, named as PyTorch names it
    assert ip.user_ns["torch"] == "the user's own torch"
    assert sys.modules.get("torch") is real
    grad(ip, "import torch\nimport torch.nn as nn\nt = torch.ones(2)")
    assert ip.user_ns["torch"] is engine_torch and ip.user_ns["nn"] is engine_torch.nn
    assert sys.modules.get("torch") is real
    assert not [k for k in ip.user_ns if "autograd_magic_tag" in k]


def test_functions_defined_in_a_grad_cell_work_in_later_plain_cells(ip):
    grad(ip, "def f(t):\n    return t * t + 1\nsquare = lambda t: t ** 2\nlazy = (i * 2 for i in range(3))\n"
             "x = torch.tensor(2.0, requires_grad=True)\ny = f(x)\ny.backward()")
    result = ip.run_cell("print(f(3), square(4), list(lazy))")
    assert result.error_in_exec is None
    assert ip.user_ns["x"].grad.item() == 4.0


def test_error_mid_cell_leaves_the_namespace_like_a_normal_cell(ip):
    with pytest.raises(ZeroDivisionError):
        grad(ip, "a = torch.tensor(1.0, requires_grad=True)\nb = a * 2\n1 / 0\nc = 3")
    assert "a" in ip.user_ns and "b" in ip.user_ns and "c" not in ip.user_ns
    with pytest.raises(SyntaxError):
        grad(ip, "x = (")


def test_usage_errors_are_one_line(ip):
    for line in ("--bogus", "--rankdir XY", "--max-nodes 0", "--precision abc", "--format gif", "-v 1abc"):
        with pytest.raises(UsageError) as err:
            grad(ip, "x = 1", line)
        assert "\n" not in str(err.value), line


def test_options(ip):
    cell = "x = torch.tensor(2.0, requires_grad=True)\ny = x ** 2\ny.backward()"
    _, outputs, _ = grad(ip, cell, "--no-table")
    html = shown(outputs)[0]["text/html"]
    assert "autograd-magic-table" not in html and "autograd-magic-graph" in html
    _, outputs, _ = grad(ip, cell, "--no-graph")
    html = shown(outputs)[0]["text/html"]
    assert "autograd-magic-table" in html and "autograd-magic-graph" not in html
    _, outputs, _ = grad(ip, cell, "--no-table --no-graph --no-sliders")
    assert outputs == []
    _, _, result = grad(ip, cell, "--rankdir LR --precision 2 --max-nodes 3 -o")
    assert "rankdir=LR" in result.dot
    assert len(result.graph.nodes) == 3 and result.graph.omitted > 0 and "more nodes" in result.dot
    _, _, result = grad(ip, "x = torch.tensor(1.0 / 3, requires_grad=True)\n(x * 3).backward()", "--precision 2 -o")
    assert "0.33" in repr(result.table) and "0.3333" not in repr(result.table)
    grad(ip, cell, "-v res")
    assert ip.user_ns["res"].rows[0].label == "x"
    _, outputs, _ = grad(ip, cell, "--format png")
    assert "data:image/png;base64," in shown(outputs)[0]["text/html"]


def test_save_writes_the_diagram(ip, tmp_path):
    _, _, result = grad(ip, "x = torch.tensor(2.0, requires_grad=True)\n(x * 3).backward()", "-o")
    svg = result.save(tmp_path / "graph.svg")
    assert svg.read_text().lstrip().startswith("<svg") or "<svg" in svg.read_text()
    with pytest.raises(ValueError):
        result.save(tmp_path / "graph.gif")


def test_user_strings_are_escaped_in_html_and_dot(ip):
    payload = '</table><script>alert(1)</script>"]; evil [label="'
    # the unnamed temporary `x * len(...)` carries the payload into the graph as its label
    cell = f"x = torch.tensor(2.0, requires_grad=True)\ny = x * len({payload!r}) + 1\ny.backward()"
    _, outputs, _ = grad(ip, cell)
    html = shown(outputs)[0]["text/html"]
    assert "<script>" not in html and "</table><script>" not in html
    svgs = graph_svgs(html)
    assert len(svgs) == 1 and "<script>" not in svgs[0] and "&lt;script&gt;" in svgs[0]
    _, _, result = grad(ip, cell, "-o")
    assert 'evil [label="' not in result.dot.replace('\\"', "")


def test_unload_removes_the_magic(ip):
    ip.run_line_magic("unload_ext", "autograd_magic")
    assert "grad" not in ip.magics_manager.magics["cell"]
    ip.run_line_magic("load_ext", "autograd_magic")
    assert "grad" in ip.magics_manager.magics["cell"]
