"""Hooks for saved tensors (torch.autograd.graph.saved_tensors_hooks, save_on_cpu, disable_saved_tensors_hooks) and
grad_fn._saved_* against real PyTorch (issue 16): for each op whose saved tensors the engine declares as PyTorch's
(engine/saved_hooks.py), the printed pack/unpack sequence is PyTorch's; around any other op the hooks raise an error
that names the op."""
import pytest

from helpers import assert_same_as_pytorch

SETUP = """import torch
import torch.nn.functional as F
log = []
def pack(t):
    log.append(('pack', tuple(t.shape), type(t.grad_fn).__name__, t.requires_grad, torch.is_grad_enabled(),
                round(float(t.detach().flatten()[0]), 4)))
    return t
def unpack(t):
    log.append(('unpack', tuple(t.shape), torch.is_grad_enabled(), round(float(t.detach().flatten()[0]), 4)))
    return t
def seq(f, backward=True):
    log.clear()
    with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
        y = f()
    if backward:
        (y.sum() if y.dim() else y).backward()
    return type(y.grad_fn).__name__, list(log)
torch.manual_seed(0)
a = torch.randn(3, 2, requires_grad=True)
b = torch.randn(3, 2, requires_grad=True)
c = torch.randn(3, 2)
w = torch.randn(4, 2, requires_grad=True)
bias = torch.randn(4, requires_grad=True)
v = torch.randn(2, requires_grad=True)
"""

OPS = ["a * b", "a * c", "c * a", "a * 2", "a * a", "a / b", "a / c", "c / a", "a / 2", "a + b", "a - b", "-a",
       "2 - a", "a ** 2", "torch.pow(a, 3.5)", "a.abs() ** b", "a.square()", "a.sin()", "a.cos()", "a.exp()",
       "a.abs().log()", "a.abs().sqrt()", "a.reciprocal()", "a.sum()", "a.sum(0)", "a.mean()", "a.mean(1)",
       "a @ w.t()", "a @ v", "v @ v", "a.view(1, 3, 2) @ w.t()", "torch.bmm(a.view(1, 3, 2), w.t().view(1, 2, 4))",
       "F.linear(a, w, bias)", "F.linear(v, w, bias)", "F.linear(a, w)", "torch.addmm(bias, a, w.t())",
       "a.relu()", "F.relu(a)", "a.sigmoid()", "torch.tanh(a)", "torch.softmax(a, 1)", "F.log_softmax(a, 0)",
       "F.mse_loss(a, b)", "torch.maximum(a, b)", "a.clamp(-0.5, 0.5)", "F.leaky_relu(a)", "a.view(6)", "a.t()",
       "a.transpose(0, 1)", "a.permute(1, 0)", "a.unsqueeze(0).squeeze(0)", "a[1]", "a[:, 1:]", "a.clone()",
       "a.double()", "torch.cat([a, b])", "torch.stack([a, b])", "a.flip(0)", "a.expand(2, 3, 2)",
       "a.repeat(2, 1)", "a.roll(1, 0)", "(a * b).sum() * 3", "F.dropout(a, 0.5)"]

CELLS = {
    "pack_unpack_sequences": [SETUP + f"seq(lambda: {OPS[0]})"] + [f"seq(lambda: {op})" for op in OPS[1:]],
    "tutorial_details": [
        SETUP + "y = a * b\ny.grad_fn._saved_self is a, y.grad_fn._saved_other is b, y.grad_fn._saved_self",
        "e = a.exp()\ne.grad_fn._saved_result.equal(e), e.grad_fn._saved_result is e, e.grad_fn._saved_result",
        "(a * c).grad_fn._saved_self, (a * c).grad_fn._saved_other is c",
        "m = a @ w.t()\nm.grad_fn._saved_mat2.grad_fn, m.grad_fn._saved_self is a",
        "e.sum().backward()\ne.grad_fn._saved_result",
        "y2 = a.sin()\nwith torch.no_grad():\n    a.mul_(1)\ny2.grad_fn._saved_self",
        "log.clear()\nwith torch.autograd.graph.saved_tensors_hooks(pack, unpack):\n    y = a.tanh()\n"
        "print(y.grad_fn._saved_result)\nlog",
        "log.clear()\nwith torch.autograd.graph.saved_tensors_hooks(lambda t: 0, lambda p: None):\n"
        "    with torch.autograd.graph.saved_tensors_hooks(pack, unpack):\n        y = a * b\n"
        "y.sum().backward()\nlog",
        "log.clear()\nwith torch.autograd.graph.saved_tensors_hooks(pack, unpack):\n    y = (a * b).exp()\n"
        "g, = torch.autograd.grad(y.sum(), a, create_graph=True)\nlog, g.grad_fn",
        "log.clear()\nwith torch.autograd.graph.saved_tensors_hooks(pack, unpack):\n    y = (a * b).sum()\n"
        "y.backward(retain_graph=True)\ny.backward()\nlen(log)",
        "with torch.autograd.graph.saved_tensors_hooks(pack, unpack):\n    y = a * b\ny.sum().backward()\n"
        "y.sum().backward()",
        "log.clear()\ny = a.pow(3)\ny.grad_fn._raw_saved_self.register_hooks(pack, unpack)\ny.sum().backward()\nlog",
        "y = a.pow(3)\ny.grad_fn._raw_saved_self.register_hooks(pack, 1)",
        "with torch.autograd.graph.saved_tensors_hooks(pack, unpack):\n    y = a.pow(3)\n"
        "y.grad_fn._raw_saved_self.register_hooks(pack, unpack)",
        "type(y.grad_fn._raw_saved_self).__name__",
        "m = torch.nn.Linear(2, 3)\nwith torch.autograd.graph.save_on_cpu():\n    out = m(a).relu().sum()\n"
        "out.backward()\nm.bias.grad",
        "with torch.autograd.graph.disable_saved_tensors_hooks('no hooks here'):\n"
        "    with torch.autograd.graph.saved_tensors_hooks(pack, unpack):\n        pass",
        "with torch.autograd.graph.disable_saved_tensors_hooks('outer'):\n"
        "    with torch.autograd.graph.disable_saved_tensors_hooks('inner'):\n        pass\n"
        "    with torch.autograd.graph.save_on_cpu():\n        pass",
        "with torch.autograd.graph.saved_tensors_hooks(pack, unpack):\n    pass\nwith torch.autograd.graph."
        "disable_saved_tensors_hooks('x'):\n    pass\nwith torch.autograd.graph.saved_tensors_hooks(pack, unpack):\n"
        "    y = a * 3\ntype(y.grad_fn).__name__",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="saved_hooks", name=name, warns="per_cell")


@pytest.mark.parametrize("expr,node", [("torch.where(a > 0, a, b)", "WhereBackward0"), ("2 ** a", "PowBackward2"),
                                       ("F.cross_entropy(a, torch.tensor([0, 1, 1]))", "NllLossBackward0"),
                                       ("a.max(1)[0]", "MaxBackward0")])
def test_hooks_refuse_ops_whose_saved_tensors_differ(expr, node):
    """Around an op whose saved tensors were not checked against PyTorch's, entering the op raises an error that
    names its node (the hooks would otherwise print another sequence than PyTorch's); the hooks are gone after."""
    from autograd_magic import torch
    ns = {"torch": torch, "F": torch.nn.functional, "a": torch.randn(3, 2, requires_grad=True),
          "b": torch.randn(3, 2, requires_grad=True)}
    with pytest.raises(NotImplementedError, match=r"saved_tensors_hooks .* around an op recorded as (\w+)") as err:
        with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
            eval(expr, ns)
    if node:
        assert node in str(err.value)
    y = eval(expr, ns)   # outside the hooks: as before
    assert y.grad_fn is not None
