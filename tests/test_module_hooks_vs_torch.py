"""Module backward hooks (torch/nn/backward_hooks.py) and get_submodule against real PyTorch: what the hooks
see (grad_input / grad_output tuples, None for non-tensor arguments), replacements they return, the
BackwardHookFunctionBackward nodes in the graph, warnings and errors."""
from helpers import assert_same_as_pytorch

SETUP = "import torch\nimport torch.nn as nn\ntorch.manual_seed(0)\n"

CELLS = [
    SETUP + "net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))\n"
    "def report(m, gi, go):\n"
    "    print(type(m).__name__, [None if g is None else tuple(g.shape) for g in gi], "
    "[tuple(g.shape) for g in go], round(go[0].norm().item(), 4))\n"
    "hs = [m.register_full_backward_hook(report) for m in net]\n"
    "x = torch.randn(5, 3, requires_grad=True)\nout = net(x)\nout.grad_fn, out.grad_fn.next_functions",
    "out.sum().backward()\nx.grad",
    "[h.remove() for h in hs]\nnet.zero_grad()\nx.grad = None\nnet(x).sum().backward()\nx.grad.norm()",
    "net.zero_grad()\nx.grad = None\nh = net[0].register_full_backward_pre_hook(lambda m, go: (go[0] * 0,))\n"
    "net(x).sum().backward()\nx.grad.abs().sum(), net[0].weight.grad.abs().sum(), net[2].weight.grad.abs().sum() > 0",
    "h.remove()\nlin = nn.Linear(3, 2)\nlin.register_full_backward_hook(lambda m, gi, go: (gi[0] * 2,))\n"
    "x.grad = None\nlin(x).sum().backward()\nx.grad",
    "lin2 = nn.Linear(3, 2)\nlin2.register_full_backward_hook(lambda m, gi, go: print('no input grad', gi, go[0].shape))\n"
    "lin2(torch.randn(5, 3)).sum().backward()",
    "old = nn.Linear(3, 2)\nold.register_backward_hook(lambda m, gi, go: print('old', [None if g is None else tuple(g.shape) "
    "for g in gi], [tuple(g.shape) for g in go]))\nold(x).sum().backward()",
    "old.register_full_backward_hook(report)",
    "lin.register_backward_hook(report)",
    "class Two(nn.Module):\n    def forward(self, a, b, k=2):\n        return a * b, a + k\n"
    "t = Two()\nt.register_full_backward_hook(lambda m, gi, go: print('two', len(gi), len(go), "
    "[None if g is None else g.sum().item() for g in gi], [g.sum().item() for g in go]))\n"
    "a = torch.ones(2, requires_grad=True)\np, q = t(a, torch.full((2,), 3.0))\n"
    "(p.sum() + 2 * q.sum()).backward()\na.grad, p.grad_fn, q.grad_fn",
    "bad = nn.Linear(3, 2)\nbad.register_full_backward_hook(lambda m, gi, go: (gi[0], gi[0]))\nbad(x).sum().backward()",
    "net.get_submodule('0'), net.get_submodule(''), net.get_submodule('2').weight.shape",
    "net.get_submodule('0.foo')", "net.get_submodule('0.weight')",
    "class Block(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.inner = nn.Sequential(nn.Linear(2, 2))\n"
    "    def forward(self, x):\n        return self.inner(x)\nBlock().get_submodule('inner.0')",
]


def test_module_backward_hooks_same_as_pytorch():
    assert_same_as_pytorch(CELLS, corpus="nn_hooks", name="module_hooks", warns="per_cell")
