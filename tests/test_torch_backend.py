"""%%grad --backend torch: the same trace model and views, built from real PyTorch, which runs unchanged."""
import sys

import numpy as np
import pytest
from IPython.core.error import UsageError

from helpers import require

torch = require("torch")

SEED_CELLS = {
    "mean_of_squares": """
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x + 2
z = y * y * 2
result = z.mean()
result.backward()
""",
    "polynomial": """
x = torch.tensor(2.0, requires_grad=True)
y = x**2 + 3*x + 2
y.backward()
""",
    "two_inputs": """
x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
z = 3*x**2 + 2*x*y + y**2
z.backward()
""",
    "external_grad": """
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)
Q = 3*a**3 - b**2
external_grad = torch.tensor([1., 1.])
Q.backward(gradient=external_grad)
""",
    "reused_tensor": """
w = torch.tensor([0.5, -1.0], requires_grad=True)
h = torch.tanh(w)
out = (h * h + h).sum()
out.backward()
""",
    "linear_regression_step": """
torch.manual_seed(0)
xs = torch.linspace(0, 1, 5).reshape(5, 1)
ys = 2 * xs + 1
W = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
pred = xs * W + b
cost = torch.mean((pred - ys) ** 2)
cost.backward()
""",
}


def grad_cell(ip, source, options=""):
    ip.run_cell_magic("grad", f"-v res --no-sliders {options}", "import torch\n" + source)
    return ip.user_ns["res"]


def rows_of(res):
    return [(r.name, r.kind, r.shape, np.asarray(r.value, float).round(5).tolist(),
             None if r.grad is None else np.asarray(r.grad, float).round(5).tolist()) for r in res.rows]


def graph_of(res):
    spec = res.graph
    label = {n.id: n.label for n in spec.nodes}
    nodes = sorted(label.values())
    edges = sorted((label[e.src], label[e.dst]) for e in spec.edges)
    grads = sorted((n.label, None if n.grad is None else np.asarray(n.grad, float).round(5).tolist())
                   for n in spec.nodes if n.kind == "op")
    return nodes, edges, grads


@pytest.mark.parametrize("name", list(SEED_CELLS))
def test_both_backends_give_the_same_table_and_graph(ip, name):
    engine = grad_cell(ip, SEED_CELLS[name])
    engine_rows, engine_graph = rows_of(engine), graph_of(engine)
    ip.reset()
    real = grad_cell(ip, SEED_CELLS[name], "--backend torch")
    assert type(ip.user_ns["x" if "x" in ip.user_ns else next(iter(
        k for k in ip.user_ns if isinstance(ip.user_ns[k], torch.Tensor)))]) is torch.Tensor
    assert rows_of(real) == engine_rows
    assert graph_of(real) == engine_graph
    # the stepper's steps: the same nodes with the same numbers. The order may differ where PyTorch runs a
    # leaf's AccumulateGrad as soon as it is ready and the engine later (README, Limits): compared per node.
    def steps(res):
        out = []
        for s in res.steps:
            flows = [(i.target, np.round(i.contribution.astype(float), 5).tolist(),
                      None if i.local is None else np.round(i.local.astype(float), 5).tolist()) for i in s.inputs]
            out.append(repr((s.node, s.tensor, np.round(np.asarray(s.grad_in, float), 5).tolist(), flows)))
        return sorted(out)
    assert steps(real) == steps(engine)
    assert [s.node for s in real.steps if s.node != "AccumulateGrad"] == \
        [s.node for s in engine.steps if s.node != "AccumulateGrad"]


def test_the_cell_runs_on_real_pytorch_unchanged(ip):
    res = grad_cell(ip, SEED_CELLS["mean_of_squares"], "--backend torch")
    ns = ip.user_ns
    assert sys.modules["torch"] is torch and ns["torch"] is torch
    assert all(type(ns[k]) is torch.Tensor for k in ("x", "y", "z", "result"))
    # nothing left on the user's tensors: no retain_grad, no hooks, no attributes, requires_grad as written
    for k in ("y", "z", "result"):
        assert not ns[k].retains_grad and ns[k].grad is None if not ns[k].is_leaf else True
    assert ns["x"].requires_grad and ns["x"]._backward_hooks is None and vars(ns["x"]) == {}
    assert np.allclose(ns["x"].grad.numpy(), [4.0, 16 / 3, 20 / 3])
    assert len(res.steps) == 5


def test_a_tensor_whose_grad_fn_raises_is_drawn_without_one(ip):
    """PyTorch's no_grad recipe: q, a view made under no_grad, whose base is then changed in place with grad mode
    on. Reading q.grad_fn raises in PyTorch; the table and graph failed with that error ('building the table and
    graph failed'). Such a tensor is shown as having no graph."""
    source = """p = torch.nn.Parameter(torch.ones(2))
with torch.no_grad():
    p.mul_(3)
    q = p[0]
with torch.no_grad():
    p2 = p.detach()
p2.zero_()
q2 = q
loss = (p * p).sum()
loss.backward()
"""
    res = grad_cell(ip, source, "--backend torch")
    assert res.problems == []
    with pytest.raises(RuntimeError, match="A view was created in no_grad mode"):
        ip.user_ns["q"].grad_fn   # (what PyTorch itself says of it)
    rows = {r.name: r for r in res.rows}
    assert "p" in rows and np.allclose(rows["p"].grad, [0.0, 0.0]) and "loss" in rows


def test_hooks_are_removed_after_each_backward_call(ip):
    res = grad_cell(ip, """
x = torch.tensor(3.0, requires_grad=True)
y = x * x
y.backward(retain_graph=True)
""", "--backend torch")
    steps = len(res.trace.passes[0].raw_steps)
    ip.user_ns["y"].backward()       # a plain backward after the cell: no hook of ours may fire
    assert len(res.trace.passes[0].raw_steps) == steps
    assert float(ip.user_ns["x"].grad) == 12.0


def test_a_small_cnn_shows_values_and_gradients_with_pytorchs_node_names(ip):
    res = grad_cell(ip, """
import torch.nn as nn
torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(2 * 3 * 3, 3))
images = torch.randn(4, 1, 8, 8)
labels = torch.tensor([0, 1, 2, 1])
logits = net(images)
loss = nn.functional.cross_entropy(logits, labels)
loss.backward()
""", "--backend torch --max-nodes 200")
    ops = [n.label for n in res.graph.nodes if n.kind == "op"]
    for name in ("ConvolutionBackward0", "MaxPool2DWithIndicesBackward0", "ReluBackward0", "AddmmBackward0",
                 "NllLossBackward0", "LogSoftmaxBackward0"):
        assert name in ops
    rows = {r.name: r for r in res.rows}
    assert rows["loss"].kind == "output" and float(rows["loss"].value) == pytest.approx(
        float(ip.user_ns["loss"]))
    assert rows["logits"].grad is not None and rows["logits"].grad.shape == (4, 3)
    # every parameter's gradient is in the graph's leaf boxes, equal to PyTorch's .grad
    net = ip.user_ns["net"]
    leaf_boxes = [n.tensor for n in res.graph.nodes if n.kind == "tensor" and n.tensor.kind == "leaf"]
    assert len(leaf_boxes) == len(list(net.parameters()))
    grads = sorted(float(np.abs(b.grad).sum()) for b in leaf_boxes)
    assert grads == pytest.approx(sorted(float(p.grad.abs().sum()) for p in net.parameters()))
    assert any("no values" in note for note in res.trace.notes)   # what PyTorch does not let us see is said
    for p in net.parameters():   # the model is as the cell left it
        assert p.requires_grad and p._backward_hooks is None


def test_autograd_function_and_torch_autograd_grad(ip):
    res = grad_cell(ip, """
class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 3 * x ** 2 * g

x = torch.tensor(2.0, requires_grad=True)
y = Cube.apply(x)
g, = torch.autograd.grad(y, x, create_graph=True)
g.backward()
""", "--backend torch")
    assert [p.call for p in res.trace.passes] == ["grad", "backward"]
    assert res.trace.passes[0].steps[0].node == "CubeBackward"
    assert float(ip.user_ns["g"]) == 12.0 and float(ip.user_ns["x"].grad) == 12.0


def test_slider_reruns_use_real_pytorch(ip):
    from autograd_magic.trace import torch_backend
    ns = {}
    source = "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x**2 + 3*x\ny.backward()\n"
    run = torch_backend.run_cell(source, ns)
    (name, values), = run.inputs()
    assert name == "x" and float(values) == 2.0
    again = torch_backend.run_cell(source, ns, overrides={("x", run.sites["x"]): np.array(4.0)})
    assert type(ns["x"]) is torch.Tensor and float(ns["x"].grad) == 11.0
    assert [float(r.grad) for r in again.trace().tensors if r.name == "x"] == [11.0]


def test_without_pytorch_the_option_says_what_to_do(ip, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(UsageError, match="needs PyTorch"):
        ip.run_cell_magic("grad", "--backend torch", "x = 1\n")


def test_config_default_backend(ip):
    magics = ip.magics_manager.registry["GradMagics"]
    magics.backend = "torch"
    try:
        ip.run_cell_magic("grad", "-v res --no-sliders", "import torch\nx = torch.ones(2, requires_grad=True)\n"
                          "x.sum().backward()\n")
        assert type(ip.user_ns["x"]) is torch.Tensor
    finally:
        magics.backend = "engine"


def test_a_cuda_cell_copies_only_what_is_drawn(ip):
    if not torch.cuda.is_available():
        pytest.skip("no GPU on this machine: the cuda cell of --backend torch is not run here")
    res = grad_cell(ip, """
x = torch.randn(1000, 1000, device="cuda", requires_grad=True)
y = (x * x).sum()
y.backward()
""", "--backend torch")
    assert ip.user_ns["x"].device.type == "cuda" and res.rows[0].grad.shape == (1000, 1000)
