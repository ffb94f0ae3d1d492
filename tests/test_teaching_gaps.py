"""Differences from PyTorch found by running further public teaching material (PyTorch's recipes and notes, CS231n,
fast.ai, d2l, the Korean wikidocs book) as lessons (tests/lessons/): each case fails on the engine before its fix.
Each cell runs on PyTorch and on the engine (helpers.assert_same_as_pytorch)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "inplace_on_view": [   # "Autograd mechanics": an in-place op on a view rebases the base's history
        ("x = torch.ones(2, 2, requires_grad=True)\ny = x.clone()\nyv = y[0]\nyv.mul_(3)\n"
         "print(y.grad_fn, yv.grad_fn)\ny.sum().backward()\nx.grad"),
        ("x.grad = None\ny = x * 2\ny[:, 1].add_(y[:, 0])\n(y * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()\n"
         "y, x.grad"),
        ("w = torch.tensor([1., 2., 3.], requires_grad=True)\nbuf = torch.zeros(2, 3)\nbuf[1].copy_(w * 2)\n"
         "print(buf, buf.grad_fn)\n(buf ** 2).sum().backward()\nw.grad"),
        "z = torch.zeros(2, 3)\nr = z[0]\nr += w\nz.sum().backward()\nz, r, w.grad",
        ("a = torch.ones(3, 4, requires_grad=True)\nb = a * 1\nc = b.t()\nc[1] = 5\nd = b.view(12)\nd[3:6].mul_(2)\n"
         "e = b.transpose(0, 1)[1:3].exp_()\n(b * torch.arange(12.).view(3, 4)).sum().backward()\n"
         "b, a.grad, c.grad_fn, d.grad_fn, e.grad_fn"),
        ("g = torch.ones(4, requires_grad=True)\ng2 = g * 2\nh = g2[1:3]\nh2 = h[0]\nh2.add_(10)\n"
         "g2.sum().backward()\ng2, h, h2, h.grad_fn, g.grad"),
        ("p = torch.ones(3, requires_grad=True)\nq = p * 2\nv = q[:2]\nq.mul_(q.detach())\nv.sum().backward()\n"
         "v, v.grad_fn, p.grad"),
        "x = torch.zeros(3)\nx[0].fill_(1)\nx[1].add_(2)\nx[2].zero_()\nx",
        "(torch.ones(3, requires_grad=True) * 2).expand(2, 3).exp_()",
        "torch.ones(3).expand(2, 3).add_(1)",
        "torch.ones(3).expand(2, 3).zero_()",
        ("a = torch.randn(3, requires_grad=True)\nb = a * 2\nc = b ** 2\nb[0] = 0.0\nc.sum().backward()"),
    ],
    "saved_tensors": [   # "Autograd mechanics": what a grad_fn saved for backward, under PyTorch's names
        ("torch.manual_seed(0)\nx = torch.randn(5, requires_grad=True)\ny = x.pow(2)\n"
         "print(x.equal(y.grad_fn._saved_self), x is y.grad_fn._saved_self)\ny.grad_fn._saved_exponent"),
        "y = x.exp()\nprint(y.equal(y.grad_fn._saved_result), y is y.grad_fn._saved_result)\ny.grad_fn._saved_result",
        "z = x * 3\nz.grad_fn._saved_other, z.grad_fn._saved_self, (2.5 * x).grad_fn._saved_other",
        ("w = torch.randn(5, 2, requires_grad=True)\nm = x[None] @ w\nl = torch.nn.functional.linear(x, w.t())\n"
         "m.grad_fn._saved_self is None, m.grad_fn._saved_mat2 is w, l.grad_fn.name()"),
        ("s = x.sigmoid()\nt = s.tanh()\nr = torch.relu(t)\nd = x @ x\n"
         "s.grad_fn._saved_result, t.grad_fn._saved_result, r.grad_fn._saved_result, d.grad_fn._saved_tensor"),
        "x.grad_fn, x.sum().grad_fn._saved_self",
        "y.grad_fn._saved_foo",
        "q = x * x.detach()\nq.sum().backward()\nq.grad_fn._saved_other",
        "q.grad_fn._saved_foo",
        "c = x.clone()\nv = c * c\nc.add_(1)\nv.grad_fn._saved_self",
        "e = x.abs().log()\nf = torch.nn.functional.mse_loss(x, torch.zeros(5))\ne.grad_fn._saved_self, f.grad_fn._saved_target",
    ],
    "random_out_and_function_inplace": [   # "Introduction to PyTorch Tensors": out= on creation, torch.sin_(b)
        ("torch.manual_seed(0)\nc = torch.zeros(2, 2)\nold_id = id(c)\nd = torch.rand(2, 2, out=c)\n"
         "print(c, d is c, id(c) == old_id)\ntorch.randn(2, 2, out=c)\nc"),
        "e = torch.zeros(3, dtype=torch.float64)\ntorch.rand(3, out=e)\ne",
        ("f = torch.zeros(4, dtype=torch.long)\ntorch.randint(0, 10, (4,), out=f)\nprint(f)\n"
         "torch.randperm(4, out=f)\nf"),
        "g = torch.zeros(5)\ntorch.rand(2, 3, out=g)\ng",
        ("import math\nb = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])\nprint(torch.sin_(b))\n"
         "print(b)\ntorch.exp_(b), torch.sigmoid_(torch.zeros(2)), torch.zero_(b), b"),
        "torch.sin_(1.0)",
        "a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)\ntorch.sin_(a)",
        "w = torch.ones(3, requires_grad=True) * 2\ntorch.tanh_(w)\nw.sum().backward()\nw, w.grad_fn",
    ],
    "batch_norm_bits": [   # "Building models": a batch-normed tensor's mean is ~1e-8, so its last bits show
        ("torch.manual_seed(0)\nmy_tensor = torch.rand(1, 4, 4) * 20 + 5\nnorm_layer = torch.nn.BatchNorm1d(4)\n"
         "normed_tensor = norm_layer(my_tensor)\nprint(normed_tensor.mean(), normed_tensor[0, 1].tolist())\n"
         "print(norm_layer.running_mean.tolist(), norm_layer.running_var.tolist())"),
        ("bn = torch.nn.BatchNorm1d(10)\nx = torch.randn(32, 10) * 3 + 1\nfor _ in range(3):\n    y = bn(x)\n"
         "print(y.mean(), y[0].tolist()[:3])\nbn.eval()\nprint(bn(x).mean(), bn.running_var.tolist()[:3])"),
        ("bn2 = torch.nn.BatchNorm2d(3)\nimg = torch.rand(4, 3, 5, 5) * 10\nout = bn2(img)\n"
         "print(out.mean(), out[1, 0, 0].tolist(), bn2.running_mean.tolist())\nbn2.eval()\nbn2(img).mean()"),
        ("w = torch.nn.BatchNorm1d(6)\nh = torch.randn(64, 6, requires_grad=True)\nz = w(h)\nz.mean(), z[5].tolist(), z.grad_fn"),
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="teaching", name=name, warns="per_cell")
