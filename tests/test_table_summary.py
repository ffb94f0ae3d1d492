"""nn parameters and big tensors in the gradient table (issue 14): shape and a summary (norm, mean, min, max) of
the values and of the gradient, the full values one click away (an HTML <details> element holding PyTorch's
printed text), a compact line in the terminal's text table, and a cell's output that stays small."""
import html as html_mod
import re

import numpy as np
import pytest
from IPython.utils.capture import capture_output

from test_loops_models import CUSTOM, LOOP, SEQUENTIAL, grad_cell

_F = r"(-?(?:\d+\.?\d*(?:e[+-]\d+)?|nan|inf))"
FIGURES = re.compile(rf"norm {_F}, mean {_F}, min {_F}, max {_F}")
NUMBER = re.compile(r"-?\d+\.\d*(?:e[+-]\d+)?")


def _row_html(res, name):
    """The <tr> of the row named name in the table's HTML."""
    table = res.views["table"]._repr_html_()
    rows = re.findall(r"<tr style='background:[^']*'>.*?</tr>", table, re.S)
    found = [r for r in rows if re.search(rf"<td[^>]*><span[^>]*>{re.escape(name)}</span></td>", r)]
    assert len(found) == 1, (name, table[:2000])
    return found[0]


def _cells(row_html):
    return re.findall(r"<td[^>]*>(.*?)</td>", row_html, re.S)


def _visible(cell_html):
    """The text a cell shows before its <details> are opened."""
    return html_mod.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<details.*?</details>", "", cell_html, flags=re.S)))


def _details(cell_html):
    """The texts inside the cell's <details> <pre> blocks."""
    block = re.findall(r"<details.*?</details>", cell_html, re.S)
    assert len(block) == 1, cell_html
    return [html_mod.unescape(p) for p in re.findall(r"<pre[^>]*>(.*?)</pre>", block[0], re.S)]


def _check_figures(text, arr, dtype=np.float32):
    m = FIGURES.search(text)
    assert m, text
    arr = np.asarray(arr, dtype=np.float64)
    want = [np.linalg.norm(arr), arr.mean(), arr.min(), arr.max()]
    got = [float(v) for v in m.groups()]
    assert got == pytest.approx(want, rel=1e-3, abs=6e-5), (text, want)


def _values_in(text):
    body = text.split("tensor(", 1)[1]
    body = re.sub(r",\s*(requires_grad|dtype|grad_fn)=.*$", "", body, flags=re.S)
    return np.array([float(v) for v in NUMBER.findall(body)])


def test_a_sequential_models_weight_row_shows_shape_and_figures_of_value_and_gradient(ip):
    _, res = grad_cell(ip, SEQUENTIAL)
    weight = ip.user_ns["model"][0].weight
    value, grad = weight.detach().numpy(), weight.grad.numpy()
    cells = _cells(_row_html(res, "model.0.weight"))
    headers = [h.lower() for h in re.findall(r"<th[^>]*>(.*?)</th>", res.views["table"]._repr_html_())]
    col = {h: i for i, h in enumerate(headers)}
    assert _visible(cells[col["shape"]]).strip() == "(5, 3)"
    shown_value, shown_grad = _visible(cells[col["value"]]), _visible(cells[col["gradient"]])
    _check_figures(shown_value, value)
    _check_figures(shown_grad, grad)
    assert "[[" not in shown_value and "[[" not in shown_grad    # no matrix wrapped in the cell


def test_the_details_element_holds_every_value_as_pytorch_prints_it(ip):
    _, res = grad_cell(ip, SEQUENTIAL)
    weight = ip.user_ns["model"][0].weight
    headers = [h.lower() for h in re.findall(r"<th[^>]*>(.*?)</th>", res.views["table"]._repr_html_())]
    col = {h: i for i, h in enumerate(headers)}
    cells = _cells(_row_html(res, "model.0.weight"))
    (value_text,) = _details(cells[col["value"]])
    (grad_text,) = _details(cells[col["gradient"]])
    assert value_text == repr(weight)         # "Parameter containing:\ntensor([[...]], requires_grad=True)"
    assert grad_text == repr(weight.grad)     # what print(model[0].weight.grad) shows
    assert _values_in(value_text) == pytest.approx(weight.detach().numpy().ravel(), abs=5e-5)
    assert _values_in(grad_text) == pytest.approx(weight.grad.numpy().ravel(), abs=5e-5)
    assert len(_values_in(value_text)) == 15


def test_a_big_intermediate_is_summarised_with_every_value_on_demand(ip):
    source = ("import torch\nx = torch.linspace(-1, 1, 40, requires_grad=True)\npred = x * 3 - 1\n"
              "loss = (pred ** 2).mean()\nloss.backward()\n")
    _, res = grad_cell(ip, source)
    headers = [h.lower() for h in re.findall(r"<th[^>]*>(.*?)</th>", res.views["table"]._repr_html_())]
    col = {h: i for i, h in enumerate(headers)}
    pred = ip.user_ns["pred"].detach().numpy()
    cells = _cells(_row_html(res, "pred"))
    _check_figures(_visible(cells[col["value"]]), pred)
    (text,) = _details(cells[col["value"]])
    assert text == repr(ip.user_ns["pred"].detach())
    assert _values_in(text) == pytest.approx(pred, abs=5e-5) and len(_values_in(text)) == 40
    (text,) = _details(cells[col["gradient"]])
    assert _values_in(text) == pytest.approx(2 * pred / 40, abs=5e-5)


def test_the_terminal_table_gives_one_compact_line_per_summarised_tensor(ip):
    _, res = grad_cell(ip, SEQUENTIAL)
    weight = ip.user_ns["model"][0].weight
    lines = [line for line in repr(res.views["table"]).splitlines() if line.startswith("model.0.weight")]
    assert len(lines) == 1
    line = lines[0]
    value_part, grad_part = line.split("norm ")[1], line.split("norm ")[2]
    _check_figures("norm " + value_part, weight.detach().numpy())
    _check_figures("norm " + grad_part, weight.grad.numpy())
    following = repr(res.views["table"]).splitlines()
    k = following.index(line)
    assert not following[k + 1].startswith(" ")     # the row takes one line: no wrapped matrix under it
    assert "all values" in repr(res.views["table"])   # the footnote says where the full values are


def test_a_parameter_changed_by_the_optimizer_shows_the_values_backward_saw_and_says_so(ip):
    source = SEQUENTIAL + "torch.optim.SGD(model.parameters(), lr=0.1).step()\n"
    _, res = grad_cell(ip, source)
    weight = ip.user_ns["model"][0].weight
    now = weight.detach().numpy()
    then = now + 0.1 * weight.grad.numpy()
    headers = [h.lower() for h in re.findall(r"<th[^>]*>(.*?)</th>", res.views["table"]._repr_html_())]
    col = {h: i for i, h in enumerate(headers)}
    cells = _cells(_row_html(res, "model.0.weight"))
    _check_figures(_visible(cells[col["value"]]), then)
    (at_backward,) = _details(cells[col["value"]])
    assert "all 15 values</summary>" in cells[col["value"]] and _visible(cells[col["value"]]).rstrip().endswith("*")
    assert _values_in(at_backward) == pytest.approx(then.ravel(), abs=1e-4)
    _check_figures(_visible(cells[col["note"]]), now)    # "changed after backward(): now norm ..., mean ..."


def test_a_training_loop_with_a_model_keeps_its_output_small(ip):
    source = """
import torch
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
X = torch.randn(32, 8)
y = torch.randn(32, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
for step in range(100):
    optimizer.zero_grad()
    pred = model(X)
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    optimizer.step()
"""
    _, res = grad_cell(ip, source)
    page = res._repr_html_()
    assert len(page) < 60_000
    headers = [h.lower() for h in re.findall(r"<th[^>]*>(.*?)</th>", res.views["table"]._repr_html_())]
    col = {h: i for i, h in enumerate(headers)}
    cells = _cells(_row_html(res, "model.0.weight"))
    (at_backward,) = _details(cells[col["value"]])
    assert len(_values_in(at_backward)) == 128
    assert len(_values_in(_details(cells[col["gradient"]])[0])) == 128


def test_small_tensors_and_small_parameters_keep_their_values_in_the_cell(ip):
    _, res = grad_cell(ip, LOOP)
    table = res.views["table"]._repr_html_()
    assert "<details" not in table and "norm " not in table.split("</thead>")[1].split("passes:")[0]
    _, res = grad_cell(ip, SEQUENTIAL)     # model.0.bias (5 values) reads as its values, as print() shows them
    bias = ip.user_ns["model"][0].bias.detach().numpy()
    cell = _cells(_row_html(res, "model.0.bias"))[3]
    assert "<details" not in cell and _values_in("tensor(" + _visible(cell)) == pytest.approx(bias, abs=5e-5)


def test_custom_module_parameters_are_summarised_in_korean_too(ip):
    with capture_output():
        ip.run_cell_magic("grad", "-v res --no-sliders --lang ko", CUSTOM)
    res = ip.user_ns["res"]
    table = res.views["table"]._repr_html_()
    w = ip.user_ns["net"].blocks[1].weight
    cells = _cells(_row_html(res, "net.blocks.1.weight"))
    shown = " ".join(_visible(c) for c in cells)
    m = re.search(rf"노름 {_F}, 평균 {_F}, 최소 {_F}, 최대 {_F}", shown)
    assert m, shown
    _check_figures("norm {}, mean {}, min {}, max {}".format(*m.groups()), w.detach().numpy())
    assert "값 16개" in table


def test_torch_backend_summarises_parameters_the_same_way(ip):
    pytest.importorskip("torch")
    _, res = grad_cell(ip, SEQUENTIAL, "--no-sliders --backend torch")
    weight = ip.user_ns["model"][0].weight
    headers = [h.lower() for h in re.findall(r"<th[^>]*>(.*?)</th>", res.views["table"]._repr_html_())]
    col = {h: i for i, h in enumerate(headers)}
    cells = _cells(_row_html(res, "model.0.weight"))
    _check_figures(_visible(cells[col["value"]]), weight.detach().numpy())
    (text,) = _details(cells[col["value"]])
    assert text == repr(weight)      # real PyTorch's own print of the parameter


def test_the_grad_history_of_a_big_parameter_gives_norms_not_shapes(ip):
    source = SEQUENTIAL.replace("loss = ((model(X) - 1) ** 2).mean()\nloss.backward()\n",
                                "for step in range(3):\n    model.zero_grad()\n"
                                "    loss = ((model(X) - 1) ** 2).mean()\n    loss.backward()\n")
    _, res = grad_cell(ip, source)
    text = repr(res.views["history"])
    line = next(ln for ln in text.splitlines() if "model.0.weight.grad" in ln)
    assert "shape (5, 3)" not in line
    norm = float(np.linalg.norm(ip.user_ns["model"][0].weight.grad.numpy()))
    assert line.rstrip().endswith(f"norm {norm:.4f}"), line   # the last pass's gradient, as its norm


def test_the_graph_box_of_a_big_parameter_the_optimizer_changed_says_its_shape_once(ip):
    _, res = grad_cell(ip, SEQUENTIAL + "torch.optim.SGD(model.parameters(), lr=0.1).step()\n")
    boxes = re.findall(r"<B>model\.0\.weight</B>(.*?)> fillcolor", res.dot)
    assert len(boxes) == 1 and "shape (5, 3), float32" in boxes[0]
    assert "now shape" not in res.dot                 # not "shape (5, 3) at backward(), now shape (5, 3)"
    assert "at backward(), now [" in res.dot          # a small parameter (model.0.bias) still says both


def test_a_big_models_table_embeds_values_up_to_a_budget_then_says_how_to_see_them(ip):
    """A model of many big parameters: the values embedded under the summaries stop at the table's budget (the
    first rows keep theirs), the later rows say how to see their values, and the page stays bounded (it was
    1.4 MB for a 74-parameter OpenPose-like model)."""
    from autograd_magic.views.table import DETAILS_BUDGET
    source = """
import torch
torch.manual_seed(0)
model = torch.nn.Sequential(*[torch.nn.Linear(30, 30) for _ in range(12)])
loss = model(torch.randn(4, 30)).pow(2).mean()
loss.backward()
"""
    _, res = grad_cell(ip, source)
    table = res.views["table"]._repr_html_()
    pres = [html_mod.unescape(p) for p in re.findall(r"<pre[^>]*>(.*?)</pre>", table, re.S)]
    embedded = sum(len(p) for p in pres)
    assert DETAILS_BUDGET <= embedded < DETAILS_BUDGET + max(map(len, pres))   # stops once the budget is spent
    headers = [h.lower() for h in re.findall(r"<th[^>]*>(.*?)</th>", table)]
    value = headers.index("value")
    names = re.findall(r"<tr style='background:[^']*'><td[^>]*><span[^>]*>([^<]*)</span>", table)
    weights = [n for n in names if n.endswith(".weight")]
    assert len(weights) == 12
    assert len(_details(_cells(_row_html(res, weights[0]))[value])) == 1     # the first row keeps its values
    last = _cells(_row_html(res, weights[-1]))[value]
    assert "<details" not in last and "print the tensor to see them" in _visible(last)
    assert len(table) < 2 * DETAILS_BUDGET + 200_000
