"""Lesson-style snippets run on real PyTorch and on the engine: printed text and errors must be identical.

Each case is a list of cells; every cell's stdout plus the repr of its last expression is compared character for
character (object addresses masked), and so is any exception's type and message.
"""
import pytest

from helpers import assert_same_as_pytorch, require

CASES = {
    "creation": [
        "torch.tensor([[1, 2], [3, 4]])", "torch.tensor([1.5, 2])", "torch.tensor(3)", "torch.tensor(True)",
        "torch.tensor([True, False])", "torch.tensor([1, 2], dtype=torch.float64)", "torch.zeros(2, 3)",
        "torch.ones((2,), dtype=torch.int64)", "torch.full((2, 2), 7.0)", "torch.full((2,), 3)",
        "torch.arange(5)", "torch.arange(0, 1, 0.25)", "torch.arange(1.0, 4.0)", "torch.linspace(0, 1, 5)",
        "torch.linspace(-1, 1, 7)", "torch.eye(3)", "torch.zeros_like(torch.ones(2, 2))",
        "torch.ones_like(torch.tensor([1, 2]))", "torch.full_like(torch.ones(2), 5)", "torch.empty(0, 3)",
        "torch.tensor([])", "torch.zeros(2, 3).shape", "torch.zeros(2, 3).size()", "torch.zeros(2, 3).size(1)",
        "torch.tensor([1.0]).dtype", "torch.tensor([1]).dtype", "torch.ones(2).double()",
        "torch.ones(2).long()", "torch.tensor([1.7, -2.3]).int()", "torch.tensor([0.0, 2.0]).bool()",
        "torch.ones(2).to(torch.float64)", "torch.tensor([1, 2]).float()",
        "import numpy as np\ntorch.from_numpy(np.arange(3.0))", "import numpy as np\ntorch.as_tensor(np.ones(2, np.float32))",
        "torch.tensor([1., 2.]).numpy()", "torch.tensor([[1., 2.]]).tolist()", "torch.tensor(2.5).item()",
        "torch.ones(2, 3).dim()", "torch.ones(2, 3).numel()", "torch.ones(2, 3).ndim", "torch.ones(3).T",
        "torch.tensor([1e-5, 1.0])", "torch.tensor([1e10, 1.0])", "torch.tensor([123456.0, 0.5])",
        "torch.arange(2000.0)", "torch.arange(12).reshape(3, 4)", "torch.tensor([[1.5, -2.25], [1e3, 0.0]])",
    ],
    "arithmetic_and_promotion": [
        "torch.tensor([1, 2]) + 1.5", "torch.tensor([1, 2]) / 2", "torch.tensor([1, 2]) * 2",
        "torch.tensor([1., 2.], dtype=torch.float64) + torch.tensor(1.0)", "torch.tensor([1, 2]) + torch.tensor(1.5)",
        "torch.tensor([True, False]) + 1", "2 ** torch.tensor([1., 2.])", "torch.tensor([1., 4.]) ** 0.5",
        "10 - torch.tensor([1, 2])", "1 / torch.tensor([2., 4.])", "torch.tensor([5, 7]) // 2",
        "torch.tensor([5., 7.]) % 3", "-torch.tensor([1., -2.])", "abs(torch.tensor([-1.5, 2.]))",
        "torch.tensor([1., 2.]) == torch.tensor([1., 3.])", "torch.tensor([1, 2]) > 1",
        "torch.tensor([[1., 2.], [3., 4.]]) @ torch.tensor([[1.], [2.]])", "torch.tensor([1., 2.]) @ torch.tensor([3., 4.])",
        "torch.tensor([[1., 2.], [3., 4.]]).mv(torch.tensor([1., 1.]))", "torch.dot(torch.tensor([1., 2.]), torch.tensor([3., 4.]))",
        "torch.ones(2, 3) + torch.ones(3)", "torch.ones(2, 1) * torch.arange(3.)",
        "torch.where(torch.tensor([True, False]), torch.tensor([1., 2.]), 0.)", "torch.maximum(torch.tensor([1., 5.]), torch.tensor([3., 2.]))",
        "torch.tensor([-1., 0.5, 2.]).clamp(0, 1)", "torch.tensor([-1., 0.5, 2.]).relu()", "torch.sigmoid(torch.tensor([0., 1.]))",
        "torch.exp(torch.tensor([0., 1.]))", "torch.log(torch.tensor([1., 2.]))", "torch.sqrt(torch.tensor([4., 2.]))",
        "torch.sin(torch.tensor([0., 1.]))", "torch.tanh(torch.tensor([0.5]))", "torch.tensor([1, 2]).sum()",
        "torch.tensor([True, True]).sum()", "torch.tensor([1., 2., 3.]).mean()", "torch.arange(6.).reshape(2, 3).sum(0)",
        "torch.arange(6.).reshape(2, 3).mean(1, keepdim=True)", "torch.arange(6.).reshape(2, 3).max()",
        "torch.arange(6.).reshape(2, 3).max(1)", "torch.arange(6.).reshape(2, 3).min(0)",
        "torch.arange(6.).reshape(2, 3).argmax()", "torch.arange(6.).reshape(2, 3).argmax(1)",
        "torch.tensor([1., 2., 3., 4.]).prod()", "torch.tensor([1., 2., 3., 4.]).var()", "torch.tensor([1., 2., 3., 4.]).std()",
        "torch.tensor([3., 4.]).norm()", "torch.arange(6.).reshape(2, 3).std(0)",
        "x = torch.tensor([1.4, -2.6, 0.5], requires_grad=True)\nx.round(), x.floor(), x.ceil(), x.trunc()",
        "x.frac(), x.square(), x.abs().log1p(), torch.round(x, decimals=1)",
        "(x > 0).all(), (x > 0).any(), torch.all(x > -3), x.isnan().any(), torch.isinf(x / 0)",
        "(x.round() * x).sum().backward()\nx.grad",
        # on 0.0 vs -0.0 PyTorch keeps its first operand (numpy its second): the sign shows in the printout
        "a = torch.tensor([0., -0., 1.])\nb = torch.tensor([-0., 0., float('nan')])\n"
        "torch.maximum(a, b), torch.minimum(a, b), torch.clamp(b, min=0.), torch.clamp(b, max=0.), b.relu()",
        "torch.clamp(a, 0, 0), b.clamp(-1, 0), torch.nn.functional.relu(b), torch.nn.ReLU()(b)",
        "z = torch.tensor([-0., 0., 2.], requires_grad=True)\ny = torch.maximum(z, torch.tensor([0., -0., 1.]))\n"
        "y.sum().backward()\ny, z.grad",
        "r = torch.tensor([-1., 0., -0., 2., float('nan'), 3.], dtype=torch.float64, requires_grad=True)\n"
        "s = r.relu()\ns.backward(torch.tensor([1., 2., 3., -0., 5., float('nan')], dtype=torch.float64))\ns, r.grad",
        "torch.relu(torch.tensor([True]))",
    ],
    "shapes_and_indexing": [
        "t = torch.arange(12.).reshape(3, 4)\nt[0]", "t[:, 1]", "t[1:, ::2]", "t[-1, -1]", "t[[0, 2]]", "t[t > 5]",
        "t[..., 0]", "t[None].shape", "t.view(4, 3)", "t.view(-1)", "t.flatten()", "t.t()", "t.T.shape",
        "t.transpose(0, 1).shape", "t.permute(1, 0).shape", "t.unsqueeze(1).shape", "t.unsqueeze(0).squeeze().shape",
        "t.reshape(2, -1)", "torch.cat([t, t], 1).shape", "torch.stack([t, t]).shape", "torch.tensor([1., 2.]).expand(3, 2)",
        "t[0, 0] = 100.\nt", "t[t > 50] = -1.\nt", "t[:, 0] = torch.tensor([7., 8., 9.])\nt", "t.zero_()", "t.fill_(2.5)",
        "u = torch.tensor([1., 2.], requires_grad=True)\nv = u * 2\nv.fill_(3.)\nw = u * 3\nw.zero_()\nv, w",
        "(v + w).sum().backward()\nu.grad", "t += 1\nt", "t *= 2\nt", "t -= 1\nt", "t /= 4\nt", "len(t)", "[r.tolist() for r in t]",
    ],
    "autograd_basics": [
        "x = torch.tensor([1., 2., 3.], requires_grad=True)\ny = x * 2\ny",
        "y.grad_fn", "y.grad_fn.next_functions", "x.is_leaf, y.is_leaf, y.requires_grad",
        "z = (y ** 2).sum()\nz.backward()\nx.grad", "x.grad.zero_()\nx.grad",
        "w = (x * x).sum()\nw.backward(retain_graph=True)\nw.backward()\nx.grad",
        "x.detach()", "x.detach().requires_grad", "x.clone()", "x + torch.ones(3)",
        "with torch.no_grad():\n    q = x * 2\nq, q.requires_grad",
        "@torch.no_grad()\ndef f(a):\n    return a * 2\nf(x)",
        "with torch.no_grad():\n    with torch.enable_grad():\n        r = x * 2\nr.requires_grad",
        "torch.set_grad_enabled(False)\ns = x * 2\ntorch.set_grad_enabled(True)\ns.requires_grad",
        "with torch.set_grad_enabled(False):\n    s = x * 3\ns.requires_grad, torch.is_grad_enabled()",
        "x.requires_grad_(False)\nx", "x.requires_grad = True\nx",
    ],
    "vector_jacobian": [
        "a = torch.tensor([2., 3.], requires_grad=True)\nb = torch.tensor([6., 4.], requires_grad=True)\n"
        "Q = 3*a**3 - b**2\nQ", "Q.backward(gradient=torch.tensor([1., 1.]))\na.grad, b.grad",
        "x = torch.randn(3, requires_grad=True) if False else torch.tensor([0.5, -1., 2.], requires_grad=True)\n"
        "y = x * 2\nwhile y.data.norm() < 1000:\n    y = y * 2\ny",
        "y.backward(torch.tensor([0.1, 1.0, 0.0001]))\nx.grad",
    ],
    "hooks_and_retain_grad": [
        "x = torch.tensor([1., 2.], requires_grad=True)\ny = x * 3\ny.retain_grad()\nz = (y * y).sum()\n"
        "z.backward()\ny.grad, x.grad, y.retains_grad",
        "x.grad = None\nh = x.register_hook(lambda g: g * 10)\n(x * 2).sum().backward()\nx.grad",
        "h.remove()\nx.grad = None\n(x * 2).sum().backward()\nx.grad",
        "x.grad = None\ny = x * 2\ny.register_hook(lambda g: print('hook saw', g))\ny.sum().backward()\nx.grad",
    ],
    "autograd_grad_and_higher_order": [
        "x = torch.tensor(2., requires_grad=True)\ny = x ** 3\ng, = torch.autograd.grad(y, x, create_graph=True)\ng",
        "g2, = torch.autograd.grad(g, x)\ng2",
        "x = torch.tensor([1., 2.], requires_grad=True)\ny = torch.tensor(3., requires_grad=True)\n"
        "torch.autograd.grad((x * 2).sum(), [x, y], allow_unused=True)",
        "x.grad is None",
        "z = (x ** 2).sum()\nz.backward(create_graph=True)\nx.grad",
        "from torch.autograd.functional import jacobian, hessian\n"
        "jacobian(lambda v: v ** 2, torch.tensor([1., 2., 3.]))",
        "hessian(lambda v: (v ** 3).sum(), torch.tensor([1., 2.]))",
        "jacobian(lambda a, b: a * b, (torch.tensor([1., 2.]), torch.tensor([3., 4.])))",
        "x = torch.tensor(1., requires_grad=True)\ny = torch.tensor(2., requires_grad=True)\nz = x * y\n"
        "z.backward(inputs=[x])\nx.grad, y.grad",
    ],
    "nn_and_optim": [
        "import torch.nn as nn\nlin = nn.Linear(3, 2)\nlin",
        "with torch.no_grad():\n    lin.weight.copy_(torch.tensor([[0.1, 0.2, 0.3], [-0.1, 0.5, 0.0]]))\n"
        "    lin.bias.fill_(0.5)\nlin.weight", "lin.bias",
        "out = lin(torch.tensor([[1., 2., 3.], [0., -1., 1.]]))\nout",
        "[p.shape for p in lin.parameters()]", "[n for n, _ in lin.named_parameters()]",
        "loss = nn.MSELoss()(out, torch.zeros(2, 2))\nloss", "loss.backward()\nlin.weight.grad, lin.bias.grad",
        "opt = torch.optim.SGD(lin.parameters(), lr=0.1, momentum=0.9)\nopt.step()\nlin.weight",
        "opt.zero_grad()\nlin.weight.grad", "for _ in range(3):\n    opt.zero_grad()\n"
        "    l = ((lin(torch.ones(1, 3)) - 1) ** 2).mean()\n    l.backward()\n    opt.step()\nl, lin.bias",
        "model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1), nn.Sigmoid())\nmodel",
        "with torch.no_grad():\n    for p in model.parameters():\n        p.fill_(0.25)\n"
        "model(torch.tensor([[1., -1.], [2., 0.5]]))",
        "adam = torch.optim.Adam(model.parameters(), lr=0.01)\nfor _ in range(3):\n    adam.zero_grad()\n"
        "    l = nn.functional.binary_cross_entropy(model(torch.tensor([[1., -1.]])), torch.tensor([[1.]]))\n"
        "    l.backward()\n    adam.step()\nl, model[0].weight",
        "ce = nn.CrossEntropyLoss()(torch.tensor([[2., 1., 0.1], [0.5, 2.5, 0.3]], requires_grad=True), "
        "torch.tensor([0, 1]))\nce", "ce.grad_fn",
        "import torch.nn.functional as F\nF.softmax(torch.tensor([1., 2., 3.]), dim=0)",
        "F.log_softmax(torch.tensor([[1., 2.], [3., 5.]]), dim=1)",
        "F.binary_cross_entropy_with_logits(torch.tensor([0.5, -1.]), torch.tensor([1., 0.]))",
        "F.mse_loss(torch.tensor([1., 2.]), torch.tensor([1.5, 2.5]), reduction='sum')",
        "nn.Tanh()(torch.tensor([0.5]))", "nn.Parameter(torch.tensor([1., 2.]))",
        # the gradient reaching log-probabilities: -1/n at each target, +0.0 (not -0.0) elsewhere
        "z = torch.tensor([[1., 2., 3.], [0.5, -1., 2.]], requires_grad=True)\nlp = F.log_softmax(z, 1)\n"
        "lp.retain_grad()\nfor red in ('mean', 'sum', 'none'):\n    l = F.nll_loss(lp, torch.tensor([2, 0]), reduction=red)\n"
        "    l.backward(torch.ones_like(l), retain_graph=True)\n    print(red, lp.grad, z.grad)\n    lp.grad = None",
        "v = torch.tensor([1., 2., 3.], requires_grad=True)\nl = F.nll_loss(v, torch.tensor(1))\nl.backward()\nl, v.grad",
    ],
    "seeded_randomness": [
        "torch.manual_seed(42)\ntorch.randn(3)", "torch.rand(2, 2)", "torch.randint(0, 10, (5,))",
        "torch.randperm(6)", "torch.randn(20)", "torch.randn(2, 3, dtype=torch.float64)",
        "torch.rand_like(torch.ones(2))", "torch.randn_like(torch.ones(2))", "torch.randint_like(torch.ones(3), 5)",
        "torch.empty(3).uniform_(-2, 2)", "torch.empty(2).normal_(1.0, 0.5)", "torch.normal(0.0, 1.0, size=(3,))",
        "torch.bernoulli(torch.full((4,), 0.5))", "torch.multinomial(torch.tensor([0.1, 0.7, 0.2]), 2)",
        "g = torch.Generator().manual_seed(7)\ntorch.rand(3, generator=g)", "torch.initial_seed()",
        "s = torch.get_rng_state()\na = torch.randn(4)\ntorch.set_rng_state(s)\ntorch.equal(a, torch.randn(4))",
        "torch.manual_seed(0)\nimport torch.nn as nn\nnn.Linear(3, 2).weight",
        "torch.manual_seed(1)\nX = torch.randn(32, 3)\ntrue_w = torch.tensor([[2.0], [-1.0], [0.5]])\n"
        "Y = X @ true_w + 0.1 * torch.randn(32, 1)\nmodel = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))\n"
        "opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)\nfor step in range(5):\n"
        "    opt.zero_grad()\n    loss = nn.functional.mse_loss(model(X), Y)\n    loss.backward()\n"
        "    opt.step()\n    print(step, loss.item() if False else loss)\nmodel[0].weight.grad",
        "torch.manual_seed(3)\nclf = nn.Linear(4, 3)\nxb = torch.randn(6, 4)\nyb = torch.randint(0, 3, (6,))\n"
        "adam = torch.optim.Adam(clf.parameters(), lr=0.1)\nfor _ in range(4):\n    adam.zero_grad()\n"
        "    l = nn.CrossEntropyLoss()(clf(xb), yb)\n    l.backward()\n    adam.step()\n    print(l)\nclf.bias",
    ],
    "numpy_interop": [
        "import numpy as np\nnp.sin(torch.tensor([0., 1.]))", "np.exp(torch.tensor([0., 1.]))",
        "np.asarray(torch.tensor([1., 2.]))", "torch.tensor([1., 2.]).numpy() * 2",
    ],
    "errors": [
        "torch.tensor([1., 2.], requires_grad=True).sum().backward()\ntorch.tensor([1., 2.], requires_grad=True).backward()",
        "x = torch.tensor([1., 2.], requires_grad=True)\nz = (x * x).sum()\nz.backward()\nz.backward()",
        "(x + 1).sum().backward()\nr = (x + 1).sum()\nr.backward()\nr.backward()\nx.grad",
        "torch.tensor([1., 2.]).sum().backward()",
        "(x * 2).backward(torch.tensor([1., 2., 3.]))",
        "torch.tensor([1, 2], requires_grad=True)",
        "x.add_(1)", "x[0] = 5.",
        "y = x * 1\nw = y * y\ny *= 2\nw.sum().backward()",
        "x.numpy()", "import numpy as np\nnp.asarray(x)", "x.item()",
        "torch.autograd.grad((x * 2).sum(), [x, torch.tensor(1., requires_grad=True)])",
        "torch.ones(2, 3) + torch.ones(2, 2)", "torch.ones(2, 3) @ torch.ones(2, 3)", "torch.ones(2, 3).view(4)",
        "torch.cat([torch.ones(2, 3), torch.ones(2, 2)])", "torch.ones(2, 3)[2]", "torch.ones(2, 3).sum(3)",
        "torch.tensor([[1, 2], [3]])", "torch.tensor([1, 2]).mean()", "bool(torch.tensor([1., 2.]))",
        "torch.ones(3) @ torch.ones(2)", "torch.ones(2).requires_grad_().detach_() if False else len(torch.tensor(1.))",
    ],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_lesson_snippets_match_pytorch(name):
    require("torch")
    import torch.autograd.functional  # noqa: F401  (so `from torch.autograd.functional import` resolves)
    assert_same_as_pytorch(CASES[name], "vs_torch", name, warns=None)
