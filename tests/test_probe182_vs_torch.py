"""What the hundred-and-eighty-second probe (double backward through the nn ops of WGAN-GP, MAML, PINNs and
Hessian-vector products) found, each checked against PyTorch: multi_margin_loss has no double backward (its gradient
under create_graph=True hangs from a torch::autograd::NotImplemented node and differentiating it again raises
'derivative for aten::multi_margin_loss_backward is not implemented'), and a NotImplemented node lists edges to
the inputs that require grad only (no (None, 0) for a grad_output or operand that does not)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "multi_margin_loss_has_no_double_backward": [
        '''import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
t = torch.tensor([0, 1, 2])
for kw in [dict(), dict(p=2), dict(reduction="none"), dict(weight=torch.tensor([1., 2, 3, 4]), reduction="sum")]:
    loss = F.multi_margin_loss(x, t, **kw)
    g, = torch.autograd.grad(loss, x, torch.ones_like(loss), create_graph=True)
    print(g, g.grad_fn.name(), g.requires_grad)
    try:
        torch.autograd.grad(g.sum(), x)
    except RuntimeError as e:
        print(type(e).__name__, e)
''',
    ],
    "not_implemented_node_edges_skip_inputs_without_grad": [
        '''import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
go = torch.tensor(2.0, requires_grad=True)
for f in (lambda: F.multilabel_margin_loss(x, torch.tensor([[0, 1, -1, 0]] * 3)),
          lambda: F.multi_margin_loss(x, torch.tensor([0, 1, 2]))):
    g, = torch.autograd.grad(f(), x, create_graph=True)
    print([type(n).__name__ for n, _ in g.grad_fn.next_functions])
    g, = torch.autograd.grad(f(), x, go, create_graph=True)
    print([type(n).__name__ for n, _ in g.grad_fn.next_functions])
g, = torch.autograd.grad(F.hardsigmoid(x).sum(), x, create_graph=True)
print([type(n).__name__ for n, _ in g.grad_fn.next_functions])
print(len((x // 2).grad_fn.next_functions), len((torch.ones(3, 4) // x).grad_fn.next_functions),
      len(torch.remainder(2.0, x).grad_fn.next_functions))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe182_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
