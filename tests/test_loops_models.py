"""Lessons beyond one expression: training loops and nn models under %%grad (one row per variable, the graph of
one iteration with its count, histories, parameter names, module boxes)."""
import contextlib
import re

import numpy as np
import pytest
from IPython.utils.capture import capture_output

from helpers import require

LOOP = """
import torch
x_train = torch.FloatTensor([[1], [2], [3]])
y_train = torch.FloatTensor([[2], [4], [6]])
W = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([W, b], lr=0.01)
for epoch in range(100):
    hypothesis = x_train * W + b
    cost = torch.mean((hypothesis - y_train) ** 2)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 10 == 0:
        print(f"{epoch} {cost.item():.6f}")
"""


@contextlib.contextmanager
def recorders_made():
    """The recorders that %%grad runs make inside the block, in order (runner.Recorder is swapped for a subclass
    that keeps each one: compiled, Recorder is an extension type whose methods cannot be patched on the class)."""
    from autograd_magic.trace import recorder as recorder_mod, runner
    made = []

    class Kept(recorder_mod.Recorder):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)
    real, runner.Recorder = runner.Recorder, Kept
    try:
        yield made
    finally:
        runner.Recorder = real


def grad_cell(ip, source, options="--no-sliders"):
    with capture_output() as cap:
        ip.run_cell_magic("grad", f"-v res {options}", source)
    return cap, ip.user_ns["res"]


def test_a_training_loop_gives_one_row_per_variable_and_one_graph_marked_x100(ip):
    cap, res = grad_cell(ip, LOOP)
    assert [(r.name, r.kind) for r in res.rows] == [("W", "leaf"), ("b", "leaf"), ("cost", "output"),
                                                     ("hypothesis", "intermediate")]
    ops = [n.label for n in res.graph.nodes if n.kind == "op"]
    assert sorted(ops) == sorted(["MeanBackward0", "PowBackward0", "SubBackward0", "AddBackward0", "MulBackward0",
                                  "AccumulateGrad", "AccumulateGrad"])   # one iteration, drawn once
    assert res.graph.repeats == 100 and "\u00d7100: 100 backward passes" in res.dot
    assert len(res.trace.passes) == 100


def test_the_x100_caption_speaks_the_cells_language(ip):
    """Demo 03 is in Korean: its caption said "×101: 101 backward passes ran over graphs like this one" in English."""
    _, res = grad_cell(ip, LOOP, "--no-sliders --lang ko")
    assert "\u00d7100: 이런 그래프로 backward가 100번 실행되었습니다. 그중 마지막 것을 그렸습니다" in res.dot
    assert "backward passes" not in res.dot
    _, res = grad_cell(ip, LOOP, "--no-sliders --lang ko --iteration first")
    assert "그중 첫 번째 것을 그렸습니다" in res.dot


def test_the_loss_history_is_what_the_loop_printed(ip):
    cap, res = grad_cell(ip, LOOP)
    printed = {int(e): float(v) for e, v in re.findall(r"^(\d+) ([\d.]+)$", cap.stdout, re.M)}
    cost = next(r for r in res.rows if r.name == "cost")
    assert cost.passes == 100 and len(cost.history) == 100
    for epoch, value in printed.items():
        assert f"{cost.history[epoch]:.6f}" == f"{value:.6f}"
    w = next(r for r in res.rows if r.name == "W")
    assert w.passes == 100 and w.history[0] == 0.0 and w.history[-1] == pytest.approx(
        ip.user_ns["W"].item() + 0.01 * w.grad.item(), rel=1e-5)   # the value each backward saw; then one step
    text = repr(res)
    assert "100 passes: 18.67 \u2192" in text and "\u2581" in text   # the words and the sparkline


def test_a_gradient_the_code_zeroed_after_backward_is_shown_with_a_note(ip):
    source = LOOP.replace("    optimizer.zero_grad()\n    cost.backward()\n    optimizer.step()\n",
                          "    cost.backward()\n    optimizer.step()\n    optimizer.zero_grad()\n")
    _, res = grad_cell(ip, source)
    assert ip.user_ns["W"].grad is None    # the code left no gradient ...
    w = next(r for r in res.rows if r.name == "W")
    assert w.grad is not None and w.grad.item() != 0.0      # ... the table shows the last backward's
    assert any("set .grad to None" in n for n in w.notes)
    _, res = grad_cell(ip, "import torch\nw = torch.tensor(2.0, requires_grad=True)\n(w * w).backward()\n"
                           "w.grad.zero_()\n")
    w = res.rows[0]
    assert w.grad.item() == 4.0 and any("zeroed" in n for n in w.notes)
    # a gradient of zeros (a minimum) that the code then set to None: backward reached the leaf, the table says
    # so (it said "no gradient yet: no backward() has reached this tensor")
    _, res = grad_cell(ip, "import torch\nw = torch.tensor(1.0, requires_grad=True)\n"
                           "sum([(w - k) ** 2 for k in range(3)]).backward()\nw.grad = None\n")
    w = res.rows[0]
    assert w.grad is not None and w.grad.item() == 0.0 and any("set .grad to None" in n for n in w.notes)
    assert not any("no gradient yet" in n for n in w.notes)


def test_the_output_of_a_100_step_loop_stays_small(ip):
    cap, res = grad_cell(ip, LOOP)
    html = res._repr_html_()
    assert len(html) < 60_000
    assert html.count("<tr") <= 6


SEQUENTIAL = """
import torch
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.ReLU(), torch.nn.Linear(5, 1))
X = torch.randn(4, 3)
loss = ((model(X) - 1) ** 2).mean()
loss.backward()
"""

CUSTOM = """
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 4)
        self.blocks = nn.ModuleList([nn.Linear(4, 4) for _ in range(2)])
        self.fc2 = nn.Linear(4, 1)
    def forward(self, x):
        x = torch.tanh(self.fc1(x))
        for block in self.blocks:
            x = F.relu(block(x))
        return self.fc2(x)
net = Net()
out = net(torch.randn(3, 2)).sum()
out.backward()
"""


def test_parameters_are_named_as_named_parameters_names_them(ip):
    _, res = grad_cell(ip, SEQUENTIAL)
    leaves = sorted(r.name for r in res.rows if r.kind == "leaf")
    assert leaves == ["model.0.bias", "model.0.weight", "model.2.bias", "model.2.weight"]
    _, res = grad_cell(ip, CUSTOM)
    leaves = sorted(r.name for r in res.rows if r.kind == "leaf")
    assert leaves == sorted(f"net.{n}" for n, _ in ip.user_ns["net"].named_parameters())
    assert "net.blocks.1.weight" in leaves


def test_module_boxes_in_the_dot_source(ip):
    _, res = grad_cell(ip, SEQUENTIAL)
    dot = res.dot
    for label in ("model: Sequential", "model.0: Linear(3 \u2192 5)", "model.1: ReLU", "model.2: Linear(5 \u2192 1)"):
        assert f"label=<{label}>" in dot
    assert dot.count("subgraph cluster") == 4
    # each module's box holds its own ops and parameters
    scopes = res.graph.scopes
    by_label = {n.label: [scopes[k] for k in n.scope] for n in res.graph.nodes}
    assert by_label["model.0.weight"] == ["model: Sequential", "model.0: Linear(3 \u2192 5)"]
    assert by_label["ReluBackward0"] == ["model: Sequential", "model.1: ReLU"]
    assert by_label["MeanBackward0"] == []
    _, res = grad_cell(ip, SEQUENTIAL, "--no-sliders --depth 1")
    assert res.dot.count("box3d") == 3 and "AddmmBackward0" not in res.dot
    _, res = grad_cell(ip, SEQUENTIAL, "--no-sliders --depth 0")
    assert res.dot.count("box3d") == 1 and "subgraph cluster" not in res.dot


def test_a_big_model_starts_closed_and_opens_with_depth(ip):
    source = SEQUENTIAL.replace("torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.ReLU(), torch.nn.Linear(5, 1))",
                                "torch.nn.Sequential(*[m for _ in range(8) for m in (torch.nn.Linear(3, 3), "
                                "torch.nn.Tanh())], torch.nn.Linear(3, 1))")
    _, res = grad_cell(ip, source, "--no-sliders --max-nodes 400 --depth 1")
    assert res.dot.count("box3d") == 4        # model.0, model.1, the 7 repeats as one, model.16
    _, res = grad_cell(ip, source, "--no-sliders --max-nodes 400 --depth 5")
    assert res.dot.count("box3d") == 1 and res.dot.count("AddmmBackward0") == 2   # first block and the last open


def test_repeated_blocks_are_folded_into_one_box(ip):
    source = SEQUENTIAL.replace("torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.ReLU(), torch.nn.Linear(5, 1))",
                                "torch.nn.Sequential(*[m for _ in range(8) for m in (torch.nn.Linear(3, 3), "
                                "torch.nn.Tanh())], torch.nn.Linear(3, 1))")
    _, res = grad_cell(ip, source, "--no-sliders --max-nodes 400")
    dot = res.dot
    assert "label=<\u00d7 7 more: Linear(3 \u2192 3), Tanh>" in dot and dot.count("box3d") == 1
    for label in ("model.0: Linear(3 \u2192 3)", "model.1: Tanh", "model.16: Linear(3 \u2192 1)"):
        assert f"label=<{label}>" in dot           # the first block and what follows the repeats stay open
    assert "model.2: " not in dot and "model.15: " not in dot
    box = re.search(r"^\s*(\w+) \[label=<\u00d7 7 more", dot, re.M).group(1)
    assert re.search(rf"\b{box} -> ", dot) and re.search(rf" -> {box}\b", dot)   # edges kept both ways
    _, res = grad_cell(ip, CUSTOM)
    assert "label=<\u00d7 1 more: Linear(4 \u2192 4)>" in res.dot   # a ModuleList of identical blocks


def test_usage_error_for_a_bad_depth(ip):
    from IPython.core.error import UsageError
    with pytest.raises(UsageError, match="--depth"):
        ip.run_cell_magic("grad", "--depth -1", "x = 1\n")


def test_torch_backend_boxes_modules_too(ip):
    torch = pytest.importorskip("torch")
    _, res = grad_cell(ip, SEQUENTIAL, "--no-sliders --backend torch")
    assert type(ip.user_ns["model"]) is torch.nn.Sequential
    assert "label=<model.0: Linear(3 \u2192 5)>" in res.dot
    leaves = sorted(r.name for r in res.rows if r.kind == "leaf")
    assert leaves == ["model.0.bias", "model.0.weight", "model.2.bias", "model.2.weight"]
    # no hook of ours is left on PyTorch's global module hooks
    from torch.nn.modules import module as torch_module
    assert not torch_module._global_forward_hooks and not torch_module._global_forward_pre_hooks
    assert np.isfinite(float(ip.user_ns["loss"]))


def test_a_long_loop_folds_its_grad_history(ip):
    source = LOOP.replace("range(100)", "range(300)")
    _, res = grad_cell(ip, source)
    text = repr(res)
    assert "... the same 296 more times ..." in text      # first two and last two resets kept, the rest counted
    assert len(res._repr_html_()) < 60_000


@pytest.mark.parametrize("backend", ["", " --backend torch"])
def test_iteration_first_draws_the_first_pass_and_says_so(ip, backend):
    if backend:
        pytest.importorskip("torch")
    _, last = grad_cell(ip, LOOP, "--no-sliders" + backend)
    _, res = grad_cell(ip, LOOP, "--no-sliders --iteration first" + backend)
    assert res.graph.drawn == "first" and "the first is drawn" in res.dot and "\u00d7100" in res.dot
    assert [(r.name, r.kind) for r in res.rows] == [(r.name, r.kind) for r in last.rows]   # rows as before
    cost = next(r for r in res.rows if r.name == "cost")
    boxes = {n.label: n.tensor for n in res.graph.nodes if n.kind == "tensor"}
    assert float(boxes["cost"].value) == pytest.approx(cost.history[0])     # 18.67: the first pass's loss
    assert float(boxes["cost"].value) != pytest.approx(cost.history[-1])
    assert boxes["cost"].kind == "output" and float(boxes["cost"].grad) == 1.0
    # the leaves as the first pass saw them: W = 0, and the gradient that pass gave (the table keeps the last)
    assert boxes["W"].value.item() == 0.0 and boxes["W"].grad.item() == pytest.approx(-18.6667, rel=1e-4)
    w = next(r for r in res.rows if r.name == "W")
    assert w.value.item() != 0.0
    ops = sorted(n.label for n in res.graph.nodes if n.kind == "op")
    assert ops == sorted(n.label for n in last.graph.nodes if n.kind == "op")
    assert "the last is drawn" in last.dot


def test_usage_error_for_a_bad_iteration(ip):
    from IPython.core.error import UsageError
    with pytest.raises(UsageError, match="--iteration.*first"):
        ip.run_cell_magic("grad", "--iteration middle", "x = 1\n")


def test_the_node_cap_counts_what_is_left_after_folding(ip):
    """The default cap (60 nodes) applies to the folded picture: the open first block keeps its parameters."""
    source = SEQUENTIAL.replace("torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.ReLU(), torch.nn.Linear(5, 1))",
                                "torch.nn.Sequential(*[m for _ in range(8) for m in (torch.nn.Linear(3, 3), "
                                "torch.nn.Tanh())], torch.nn.Linear(3, 1))")
    _, res = grad_cell(ip, source, "--no-sliders")
    dot = res.dot
    assert "label=<\u00d7 7 more: Linear(3 \u2192 3), Tanh>" in dot
    assert "<B>model.0.weight</B>" in dot and "<B>model.0.bias</B>" in dot
    assert "more nodes not drawn" not in dot


def test_a_training_loop_boxes_the_modules_of_the_pass_it_draws(ip):
    """Module walks are deferred until the graph is drawn (only the graphs still alive are walked): the last pass,
    and with --iteration first the first one, get their boxes, with the parameters inside them."""
    source = SEQUENTIAL.replace("loss = ((model(X) - 1) ** 2).mean()\nloss.backward()\n",
                                "opt = torch.optim.SGD(model.parameters(), lr=0.1)\nfor step in range(300):\n"
                                "    opt.zero_grad()\n    loss = ((model(X) - 1) ** 2).mean()\n"
                                "    loss.backward()\n    opt.step()\n")
    for options in ("--no-sliders", "--no-sliders --iteration first"):
        _, res = grad_cell(ip, source, options)
        assert res.graph.repeats == 300
        scopes = res.graph.scopes
        by_label = {n.label: [scopes[k] for k in n.scope] for n in res.graph.nodes}
        assert by_label["model.0.weight"] == ["model: Sequential", "model.0: Linear(3 \u2192 5)"], options
        assert by_label["ReluBackward0"] == ["model: Sequential", "model.1: ReLU"]
        assert res.dot.count("subgraph cluster") == 4


def test_a_loops_big_named_intermediates_are_let_go_with_their_passes(ip):
    """A named intermediate over the elements cap (makemore's ``h``, (32, 200)) keeps its gradient for the views,
    but only while its pass is in the recorder's window: a 60-step loop holds the gradients and nodes of at most
    the window's passes (it held one per pass: 32 KB a step, 1.2 GB over the lecture's 20000 steps), and the
    table's ``h`` shows the last pass's gradient, as before."""
    from autograd_magic.trace import recorder as recorder_mod
    from autograd_magic.trace.model import Caps
    source = """
import torch
torch.manual_seed(0)
W = torch.randn(30, 200, requires_grad=True)
x = torch.randn(32, 30)
for step in range(60):
    h = torch.tanh(x @ W)
    loss = (h * h).mean()
    loss.backward()
    with torch.no_grad():
        W -= 0.1 * W.grad
        W.grad.zero_()
last = 2 * h / h.numel()
"""
    with recorders_made() as made:
        _, res = grad_cell(ip, source)
    grads = made[-1].node_grads
    held = [node for kept in getattr(grads, "oversized", {}).values() for node, _ in kept]
    held += [n for n, _ in grads.folded.values()]
    assert len(held) <= Caps().passes + 1   # the first pass and the window; the leaf's AccumulateGrad
    rows = {r.name: r for r in res.rows}
    assert rows["h"].shape == (32, 200)
    np.testing.assert_allclose(rows["h"].grad, ip.user_ns["last"].detach().numpy(), rtol=1e-6)
    # every other row keeps its own gradient (a mix-up once gave the loss row h's (32, 200) gradient)
    assert all(r.grad is None or r.grad.shape == r.shape for r in res.rows), [(r.name, r.shape) for r in res.rows]
    assert rows["loss"].grad.item() == 1.0
    graph_grads = {n.label: n.grad for n in res.graph.nodes if n.kind == "op"}
    assert graph_grads["MeanBackward0"].shape == ()


ACCUMULATING = """
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
for step in range(60):
    (w * w).sum().backward()          # accumulates: the code zeroes .grad every 10 passes
    if step % 10 == 9:
        with torch.no_grad():
            w -= 0.01 * w.grad
        w.grad.zero_()
"""


@pytest.mark.parametrize("source", [LOOP.replace("range(100)", "range(1500)"),
                                    "import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                                    "for step in range(1500):\n    (w * w).sum().backward()\n",
                                    ACCUMULATING.replace("range(60)", "range(1500)")])
def test_a_long_loop_shown_without_a_result_object_holds_only_the_passes_it_shows(ip, source):
    """Without -o/-v or the stepper (nothing reads every pass), a pass whose leaf records no history shows any
    more is let go and only counted: a 1500-pass loop (reset every pass, never, every 10 passes) holds the first
    pass, the window and the few a history shows (passes whose records a later pass hid wait for a sweep when
    the list has doubled past 256), not 1500; what is on screen (table, history, the x1500 mark) reads the same
    as with -v, which keeps every pass."""
    from autograd_magic.trace import recorder as recorder_mod
    from autograd_magic.trace.model import Caps
    with recorders_made() as made:
        with capture_output() as shown:
            ip.run_cell_magic("grad", "--no-sliders", source)
    rec = made[-1]
    assert rec.count == 1500 and len(rec.passes) <= 256 + Caps().passes
    kept = [p.index for p in rec.passes]
    latest = recorder_mod.LEAN_RING   # the latest passes (a loop's steady state keeps no more), with the first one
    assert kept[0] == 0 and kept[-latest:] == list(range(1500 - latest, 1500))
    with capture_output() as whole:
        ip.run_cell_magic("grad", "--no-sliders -v res", source)
    assert len(ip.user_ns["res"].passes) == 1500
    texts = [[o.data.get("text/plain", "") for o in cap.outputs] for cap in (shown, whole)]
    assert texts[0] == texts[1] and "1500" in texts[0][0] and "grad" in texts[0][0]
    htmls = [[o.data.get("text/html", "") for o in cap.outputs] for cap in (shown, whole)]
    assert htmls[0] == htmls[1]


def test_an_unnamed_output_in_a_loop_is_one_row_over_the_passes(ip):
    """``(w * w).sum().backward()`` in a loop makes a new unnamed output each pass: it is one output (by its
    source text) with its pass count and history, not one row per pass (50 rows before); the graph is drawn
    once with its x50."""
    source = ("import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\n"
              "for step in range(50):\n    (w * w).sum().backward()\n")
    _, res = grad_cell(ip, source)
    outputs = [r for r in res.rows if r.kind == "output"]
    assert [(r.expr, r.passes) for r in outputs] == [("(w * w).sum()", 50)]
    assert outputs[0].history == pytest.approx([5.0] * 50)
    assert res.trace.graph.repeats == 50
    assert [n.label for n in res.graph.nodes if n.kind == "op"].count("SumBackward0") == 1


TRAIN_FUNCTION = """
import torch
w = torch.tensor([1.0, -1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
def closure():
    opt.zero_grad()
    loss = ((w - 3) ** 2).sum()
    loss.backward()
    return loss
def train_step():
    loss = ((w - 3) ** 2).sum()
    loss.backward()
    opt.step()
    opt.zero_grad()
for i in range(30):
    opt.step(closure)
for i in range(30):
    train_step()
"""


@pytest.mark.parametrize("backend", ["engine", "torch"])
def test_a_loss_made_inside_a_training_function_is_one_row_by_its_local_name(ip, backend):
    """A training function's or an optimizer closure's ``loss`` (the tagger leaves function bodies alone) is one
    output, named by the local variable that holds it where backward() was called, with its pass count and its
    history: not one row ``t1`` ... ``t60`` per pass (123 KB of HTML for 30 passes before)."""
    if backend == "torch":
        require("torch")
    with capture_output() as cap:
        ip.run_cell_magic("grad", f"-v res --no-sliders --backend {backend}", TRAIN_FUNCTION)
    res = ip.user_ns["res"]
    outputs = [r for r in res.rows if r.kind == "output"]
    assert [(r.name, r.passes) for r in outputs] == [("loss", 60)]
    assert outputs[0].history[0] == pytest.approx(20.0) and outputs[0].history[-1] < 1e-3
    assert sum(len(o.data.get("text/html", "")) for o in cap.outputs) < 60_000


@pytest.mark.parametrize("backend", ["engine", "torch"])
def test_a_loss_backward_is_called_on_inside_a_function_is_one_row_by_the_calls_text(ip, backend):
    """``crit(out, y).backward()`` inside a training function: no variable holds the loss, so it is one output
    named by the text backward() was called on (``crit(out, y)``), with its pass count; not one row per pass."""
    if backend == "torch":
        require("torch")
    source = """
import torch
w = torch.tensor([1.0, -1.0], requires_grad=True)
crit = torch.nn.MSELoss()
target = torch.tensor([3.0, 3.0])
def train():
    w.grad = None
    crit(w * 1.0, target).backward()
    with torch.no_grad():
        w.sub_(0.1 * w.grad)
for i in range(25):
    train()
"""
    with capture_output():
        ip.run_cell_magic("grad", f"-v res --no-sliders --backend {backend}", source)
    outputs = [r for r in ip.user_ns["res"].rows if r.kind == "output"]
    assert [(r.expr, r.passes) for r in outputs] == [("crit(w * 1.0, target)", 25)]


def test_a_loop_of_autograd_grad_calls_keeps_only_the_window(ip):
    """torch.autograd.grad accumulates into no leaf: without -o/-v such passes are let go past the window too."""
    from autograd_magic.trace import recorder as recorder_mod
    source = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n"
              "for i in range(300):\n    g, = torch.autograd.grad((x ** 3).sum(), x)\n")
    with recorders_made() as made:
        with capture_output():
            ip.run_cell_magic("grad", "--no-sliders", source)
    assert made[-1].count == 300 and len(made[-1].passes) <= 21
    assert ip.user_ns["g"].tolist() == [3.0, 12.0]


@pytest.mark.parametrize("reset, said", [("W.grad = None", "then grad = None (or zero_grad())"),
                                         ("W.grad.zero_()", "then zero_()"), ("pass", None)])
def test_a_big_leafs_history_tells_resets_without_its_arrays(ip, reset, said):
    """A leaf past the elements cap (70x70 > 4096 values) keeps no arrays, but its history still tells a reset
    (.grad None or zeros before a pass) from an accumulation, and claims no change the code did not make (it
    said ``... + ... + ... = ..., then set to norm 2.07`` for makemore's W1, which the loop set to None each pass)."""
    source = f"""
import torch
W = torch.ones(70, 70, requires_grad=True)
for step in range(30):
    (W * 2.0).sum().backward()
    {reset}
"""
    cap, res = grad_cell(ip, source)
    line = next(text for text in res.views["history"].lines if text.startswith("W.grad"))
    assert "set to" not in line, line
    if said is None:
        assert "then" not in line and "(24 more terms)" in line, line
    else:
        assert line.count(said) >= 3 and "... the same" in line, line
    # the temporary W * 2.0 is gone and too big for its values to be kept: its box gives its shape, not "[]"
    box = next(line for line in res.dot.splitlines() if "<B>W * 2.0</B>" in line)
    assert "shape (70, 70), float32" in box and ">[]<" not in box, box
    if reset == "W.grad = None":   # the table does not say "no gradient yet": backward() did reach W
        row = next(r for r in res.rows if r.name == "W")
        assert row.grad is None and row.reset == "none" and any("backward() reached it" in n for n in row.notes)
        assert "no gradient yet" not in repr(res.views["table"])


def _keeps_arrays(record):
    return any(a is not None and a.strides != (0,) * a.ndim for a in (record.before, record.added, record.after))


@pytest.mark.parametrize("source, zeroed_every", [(LOOP.replace("range(100)", "range(200)"), 1), (ACCUMULATING, 10)])
def test_a_long_loop_keeps_leaf_arrays_for_the_passes_a_history_shows_and_tells_the_same(ip, source, zeroed_every):
    """Memory stays bounded by what is shown: middle passes keep their place in the history, not their arrays;
    the history reads as if every array had been kept (compared with a recorder that keeps them all)."""
    from autograd_magic.trace.model import SEGMENTS, TERMS
    from autograd_magic.trace.model import Caps
    from autograd_magic.views.history import histories
    _, res = grad_cell(ip, source)
    passes = res.trace.passes
    kept = [p.index for p in passes if any(_keeps_arrays(r) for r in p.leaves)]
    latest = list(range(len(passes) - Caps().passes + 1, len(passes)))
    assert kept[-len(latest):] == latest and len(kept) <= len(latest) + 1 + 2 * SEGMENTS * 2 * TERMS
    lines = histories(passes, res.rows)
    from autograd_magic.trace import recorder as recorder_mod
    saved = recorder_mod._thin
    recorder_mod._thin = lambda leaf: None
    try:
        _, unthinned = grad_cell(ip, source)
    finally:
        recorder_mod._thin = saved
    assert lines == histories(unthinned.trace.passes, unthinned.rows)
    assert lines and all("more times" in line for line in lines)   # long enough to fold its middle
    reset = "then zero_()" if zeroed_every == 10 else "then grad = None"
    assert all(reset in line for line in lines)


ACCUMULATING = """
import torch
w = torch.tensor(1.0, requires_grad=True)
for step in range(3):
    loss = (w * 2 + 1) ** 2
    loss.backward()
print(w.grad)
"""


def test_without_a_view_that_draws_nodes_the_engine_reports_no_node(ip, monkeypatch):
    """--no-table --no-graph: nothing on screen shows a node, so the engine is asked for no node event and no
    expression is labelled (a 20000-step loop pays per pass, not per op); the history of .grad is still there."""
    from autograd_magic.engine import events
    from autograd_magic.trace.names import NAMES
    calls = []
    real, real_end = events.node_ran, events.end
    monkeypatch.setattr(events, "node_ran", lambda *a, **k: (calls.append(a[2]), real(*a, **k)))
    # a pass's nodes reported whole (events.Tape) count one per node too
    monkeypatch.setattr(events, "end", lambda pass_id, error, tape=None: (
        calls.extend(entry[0] for entry in tape or ()), real_end(pass_id, error, tape)))
    labels_before = NAMES.made
    with capture_output() as cap:
        ip.run_cell_magic("grad", "--no-sliders --no-table --no-graph", ACCUMULATING)
    assert calls == [] and NAMES.made == labels_before
    shown = "".join(o.data.get("text/plain", "") for o in cap.outputs)
    assert "tensor(36.)" in cap.stdout
    assert "w.grad = 12. + 12. + 12. = 36." in shown, shown
    with capture_output() as cap:
        ip.run_cell_magic("grad", "--no-sliders --no-graph", ACCUMULATING)
    assert len(calls) == 3 * 4 and NAMES.made > labels_before   # the table's rows name intermediates


def test_without_the_table_no_history_norm_is_worked_out(ip, monkeypatch):
    """Loss curves and parameter trajectories are drawn by the table only: with --no-table (and no -o/-v, whose
    result carries the rows) the recorder works out no value or norm per pass, and what is shown (how .grad
    accumulated) reads the same; with the table, the rows carry the histories."""
    from autograd_magic.trace import recorder
    norms = []
    real = recorder.summary
    monkeypatch.setattr(recorder, "summary", lambda a: (norms.append(a), real(a))[1])
    source = ("import torch\n"
              "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
              "for step in range(3):\n"
              "    loss = ((w * 2 + 1) ** 2).sum()\n"
              "    loss.backward()\n")
    with capture_output() as cap:
        ip.run_cell_magic("grad", "--no-sliders --no-table --no-graph", source)
    assert norms == []
    shown = "".join(o.data.get("text/plain", "") for o in cap.outputs)
    assert "w.grad = [12., 20.] + [12., 20.] + [12., 20.] = [36., 60.]" in shown, shown
    with capture_output():
        ip.run_cell_magic("grad", "--no-sliders --no-graph -v R", source)
    assert len(norms) == 3   # a two-element leaf: its value's norm at each pass (no view reads a gradient norm)
    rows = {row.name: row for row in ip.user_ns["R"].rows}
    assert rows["w"].passes == 3 and rows["w"].history == pytest.approx([5 ** 0.5] * 3)
    assert rows["loss"].history == pytest.approx([34.0] * 3)


def test_without_a_view_that_walks_edges_no_contribution_is_copied(ip, monkeypatch):
    """Table and graph read each node's incoming gradient only: the engine gives the recorder no gradient sent
    along an edge (Caps(flows=False)); --steps reads them, so there they come whole."""
    from autograd_magic.engine import events
    tapes = []
    real_end = events.end
    monkeypatch.setattr(events, "end", lambda pass_id, error, tape=None: (
        tapes.append(tape), real_end(pass_id, error, tape)))
    with capture_output():
        ip.run_cell_magic("grad", "--no-sliders", ACCUMULATING)
    # no list per node of what each edge sent: one shared marker (an AccumulateGrad sends nothing: ())
    sent = [entry[3] for tape in tapes for entry in tape]
    assert len(tapes) == 3 and events.ALONG_EDGES in sent
    assert all(s is events.ALONG_EDGES or s == () for s in sent)
    assert all(entry[1] is not None for tape in tapes for entry in tape)   # incoming gradients still come
    # what the marker stands for: an OMITTED gradient along each edge that wants one
    node = next(entry[0] for entry in tapes[0] if entry[3] is events.ALONG_EDGES)
    flows = events.flows(node, None, events.ALONG_EDGES, None, None)
    assert [f.index for f in flows] == [i for i, e in enumerate(node.edges) if e is not None]
    assert all(f.contribution is None for f in flows)
    tapes.clear()
    with capture_output():
        ip.run_cell_magic("grad", "--no-sliders --steps", ACCUMULATING)
    sent = [g for tape in tapes for entry in tape for g in entry[3]]
    assert sent and all(g is None or isinstance(g, (np.ndarray, np.generic)) for g in sent)


def test_a_gradient_a_leaf_adopted_and_the_code_zeroed_is_shown_as_backward_gave_it(ip):
    """The recorder keeps the engine's incoming gradients without a copy (Caps(flows=False)) except those the
    engine handed out: y's gradient flows on to x unchanged, x adopts that very array as its .grad, and the
    code zeroes it; y's row and x's still show what backward gave."""
    with capture_output() as cap:
        ip.run_cell_magic("grad", "--no-sliders", "x = torch.ones(3, requires_grad=True)\n"
                          "y = x + 1\nz = (y * 3).sum()\nz.backward()\nx.grad.zero_()\nNone")
    shown = "".join(o.data.get("text/plain", "") for o in cap.outputs)
    rows = {line.split()[0]: line for line in shown.splitlines() if line.split()[:1] in (["x"], ["y"])}
    assert "[3., 3., 3.]" in rows["y"] and "[0., 0., 0.]" not in rows["y"], shown   # (its value is [2., 2., 2.])
    assert "[3., 3., 3.]" in rows["x"], shown
    with capture_output() as cap:   # autograd.grad's result is handed out too: the code zeroing it changes no row
        ip.run_cell_magic("grad", "--no-sliders", "x = torch.ones(3, requires_grad=True)\n"
                          "y = x * 2\nz = (y * 3).sum()\ng, = torch.autograd.grad(z, y)\ng.zero_()\nNone")
    shown = "".join(o.data.get("text/plain", "") for o in cap.outputs)
    rows = {line.split()[0]: line for line in shown.splitlines() if line.split()[:1] == ["y"]}
    assert "[3., 3., 3.]" in rows["y"] and "[0., 0., 0.]" not in rows["y"], shown


def test_a_small_leafs_history_norm_is_the_float64_norm():
    """History norms of small leaves (math.hypot over the values) agree with the float64 norm to 2 ulps, stay nan
    where a value is nan (also next to an inf), and are finite where float64 squares would overflow."""
    import math
    from autograd_magic.trace.loops import summary
    rng = np.random.default_rng(0)
    for n in (2, 7, 20, 32, 33, 200):
        for dtype in (np.float32, np.float64):
            x = (rng.standard_normal(n) * 10.0 ** rng.uniform(-15, 15)).astype(dtype)
            wide = x.astype(np.float64)
            assert summary(x) == pytest.approx(math.sqrt(float(wide @ wide)), rel=5e-16)
    assert math.isnan(summary(np.array([np.inf, np.nan], np.float32)))
    assert math.isnan(summary(np.array([1.0, np.nan])))
    assert summary(np.array([np.inf, 1.0])) == math.inf
    assert summary(np.array([3e200, 4e200])) == pytest.approx(5e200)
    assert summary(np.zeros(5, np.float32)) == 0.0


# Loops whose passes change pattern on the way: reset every pass, then accumulate, then reset every 3 passes (a
# run as long as the terms a history shows), a second output, a pass that fails, a leaf that joins late.
CHANGING = """
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor(0.5, requires_grad=True)
for step in range(300):
    loss = (w * w).sum() + b * 3
    if 100 <= step < 110:
        loss = loss + (w * b).sum()      # another graph for ten passes
    loss.backward()
    if step < 60 or step % 3 == 2 and step >= 150:
        with torch.no_grad():
            w -= 0.01 * w.grad
        w.grad.zero_()
        b.grad = None
    if step == 200:
        try:
            (w * float("nan")).sum().backward(inputs=[b])
        except RuntimeError as e:
            print("caught", e)
    if step == 250:
        c = torch.tensor(3.0, requires_grad=True)
    if step >= 250:
        (c * w).sum().backward()
"""

FAILING = """
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
def hook(g):
    if hook.n == 80:
        raise ValueError("stop at 80")
    hook.n += 1
    return g
hook.n = 0
w.register_hook(hook)
for step in range(100):
    loss = (w * w).sum()
    loss.backward()
    w.grad.zero_()
"""


BIG_LEAVES = """
import torch
torch.manual_seed(0)
W = torch.randn(70, 70, requires_grad=True)     # 4900 elements: past the recorder's elements cap
b = torch.zeros(70, requires_grad=True)
x = torch.randn(8, 70)
for step in range(120):
    loss = torch.tanh(x @ W + b).pow(2).mean()
    for p in (W, b):
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in (W, b):
            p -= 0.1 * p.grad
print(round(loss.item(), 4))
"""


@pytest.mark.parametrize("source,options", [(LOOP.replace("range(100)", "range(400)"), ""), (CHANGING, ""),
                                            (FAILING, ""), (BIG_LEAVES, ""),
                                            (BIG_LEAVES, " --no-graph"), (CHANGING, " --no-graph --no-table")],
                         ids=["regression", "changing", "failing", "big-leaves", "big-no-graph", "no-nodes"])
def test_a_loop_kept_lean_reads_the_same_as_every_pass_kept(ip, source, options):
    """A loop's passes like the one before them are recorded lean (only their histories and counts, made into
    Passes only while among the latest, see recorder._lean_end): what is on screen, table, histories (resets,
    terms), graph with its gradients, reads the same as with -v, which records every pass whole; and a loop of
    400 passes makes a handful of Pass objects, not 400."""
    from autograd_magic.trace import model
    from autograd_magic.trace import recorder as recorder_mod
    made = []
    real_init = model.Pass.__init__
    try:
        model.Pass.__init__ = lambda self, *a, **k: (made.append(1), real_init(self, *a, **k))[1]
        with capture_output() as shown:   # (FAILING: the hook's error after 80 passes, the views drawn under it)
            ip.run_cell("%%grad --no-sliders" + options + "\n" + source)
    finally:
        model.Pass.__init__ = real_init
    if "range(400)" in source:
        assert len(made) <= 3 + 2 * recorder_mod.LEAN_RING, len(made)
    with capture_output() as whole:
        ip.run_cell("%%grad --no-sliders -v res" + options + "\n" + source)
    assert [o.data.get("text/plain", "") for o in shown.outputs] == \
        [o.data.get("text/plain", "") for o in whole.outputs]
    assert [o.data.get("text/html", "") for o in shown.outputs] == \
        [o.data.get("text/html", "") for o in whole.outputs]
    assert shown.stdout == whole.stdout
    assert shown.outputs and ("400" in shown.outputs[0].data["text/plain"] or "range(400)" not in source) \
        or "--no-table" in options
