"""Spatial transformer, sliding-block, layer-zoo and margin-loss pieces of PyTorch's API (probe report items 12, 18,
19, 20, 21): F.affine_grid / F.grid_sample, F.unfold / F.fold, LocalResponseNorm, LPPool, the margin losses and
logcumsumexp. Each cell runs on PyTorch and on the engine (helpers.assert_same_as_pytorch): values, gradients,
grad_fn names, errors and warnings."""
import pytest

from helpers import assert_same_as_pytorch

F = "import torch.nn.functional as F\n"
CELLS = {
    "affine_grid": [
        F + "theta = torch.tensor([[[0.9, 0.1, 0.05], [-0.1, 0.8, 0.2]]], requires_grad=True)\n"
        "g = F.affine_grid(theta, (1, 3, 4, 5), align_corners=False)\ng, g.shape",
        "g.grad_fn.name(), [type(f).__name__ for f, _ in g.grad_fn.next_functions]",
        "g.pow(2).sum().backward()\ntheta.grad",
        "F.affine_grid(theta.detach().double(), torch.Size([1, 1, 3, 3]), align_corners=True)",
        "F.affine_grid(torch.eye(2, 3)[None], (1, 1, 2, 2))",
        "F.affine_grid(torch.eye(2, 3)[None], (1, 1, 1, 3), align_corners=True)",
        "F.affine_grid(torch.eye(2, 3)[None], (1, 1, 3), align_corners=False)",
        "F.affine_grid(torch.eye(2, 3), (1, 1, 3, 3), align_corners=False)",
        "F.affine_grid(torch.eye(2, 3, dtype=torch.long)[None], (1, 1, 3, 3), align_corners=False)",
        "F.affine_grid(torch.eye(2, 3)[None], (1, 1, 0, 3), align_corners=False)",
        "F.affine_grid(torch.eye(2, 3)[None], (2, 1, 3, 3), align_corners=False)",
        "torch.affine_grid_generator(torch.eye(2, 3)[None], [1, 1, 2, 3], False)",
    ],
    "grid_sample_modes_and_padding": [
        F + "torch.manual_seed(0)\nimg = torch.randn(2, 3, 5, 6, requires_grad=True)\n"
        "grid = (torch.rand(2, 4, 7, 2) * 2.8 - 1.4).requires_grad_()\n"
        "out = F.grid_sample(img, grid, align_corners=False)\nout.grad_fn.name(), out.shape, out[0, 0]",
        "[type(f).__name__ for f, _ in out.grad_fn.next_functions]",
        "w = torch.randn(out.shape)\n(out * w).sum().backward()\nimg.grad[1], grid.grad[0]",
        "res = []\nfor mode in ('bilinear', 'nearest'):\n    for pad in ('zeros', 'border', 'reflection'):\n"
        "        for ac in (False, True):\n            img.grad = grid.grad = None\n"
        "            o = F.grid_sample(img, grid, mode=mode, padding_mode=pad, align_corners=ac)\n"
        "            (o * w).sum().backward()\n            res.append((o.sum().item(), o[1, 2, 3].tolist(), "
        "img.grad.sum(0)[0].tolist(), grid.grad[1, 1].tolist()))\nres",
        "F.grid_sample(img.double(), grid.double(), padding_mode='reflection', align_corners=True)[0, 1]",
        "F.grid_sample(img, grid.permute(0, 2, 1, 3), align_corners=False).sum()",
        "F.grid_sample(img, grid)[0, 0, 0]",
        "F.grid_sample(img, grid, mode='bogus', align_corners=False)",
        "F.grid_sample(img, grid, padding_mode='edge', align_corners=False)",
        "F.grid_sample(img, grid[:1], align_corners=False)",
        "F.grid_sample(img, torch.zeros(2, 4, 7, 3), align_corners=False)",
        "F.grid_sample(img[0], grid, align_corners=False)",
        "F.grid_sample(img, grid.double(), align_corners=False)",
        "F.grid_sample(img.long(), grid, align_corners=False)",
        "F.grid_sample(torch.ones(2, 1, 0, 3), grid, align_corners=False)",
    ],
    "spatial_transformer_identity": [   # the tutorial's check: an identity theta reproduces the image
        F + "x = torch.arange(16.).view(1, 1, 4, 4)\n"
        "theta = torch.tensor([[[0.5, 0.0, 0.1], [0.0, 0.5, -0.2]]])\n"
        "grid = F.affine_grid(theta, x.size(), align_corners=False)\nF.grid_sample(x, grid, align_corners=False)",
        "F.grid_sample(x, grid, mode='nearest', align_corners=False), "
        "F.grid_sample(x, grid, padding_mode='border', align_corners=True)",
        "torch.manual_seed(1)\nd = torch.rand(3, 1, 9, 9)\n"
        "g = F.affine_grid(torch.eye(2, 3).expand(3, 2, 3), d.size(), align_corners=False)\n"
        "torch.equal(F.grid_sample(d, g, align_corners=False), d)",
    ],
    "unfold_fold": [
        F + "img = torch.arange(32.).view(1, 2, 4, 4).requires_grad_()\n"
        "patches = F.unfold(img, kernel_size=2, stride=2)\npatches.shape, patches",
        "patches.grad_fn.name()",
        "back = F.fold(patches, output_size=(4, 4), kernel_size=2, stride=2)\n"
        "back.equal(img), back.grad_fn.name(), [type(f).__name__ for f, _ in back.grad_fn.next_functions]",
        "torch.manual_seed(0)\nx = torch.randn(2, 3, 5, 6, requires_grad=True)\n"
        "c = F.unfold(x, (2, 3), dilation=(2, 1), padding=1, stride=(1, 2))\nc.shape, c[1, 4]",
        "f = F.fold(c, (5, 6), (2, 3), dilation=(2, 1), padding=1, stride=(1, 2))\n"
        "(f * torch.randn(f.shape)).sum().backward()\nf[0, 1], x.grad[1, 2]",
        "u = torch.nn.Unfold(3, padding=1)\nfo = torch.nn.Fold((5, 6), 3, padding=1)\n"
        "u, fo, fo(u(x))[0, 0] / fo(u(torch.ones(1, 1, 5, 6)))[0, 0]",
        "F.unfold(torch.arange(18.).view(2, 3, 3), 2), F.fold(torch.arange(8.).view(4, 2), (2, 3), 2, dilation=(1, 2))",
        "F.unfold(x, 7)",
        "F.unfold(x, 2, stride=0)",
        "F.unfold(x, 0)",
        "F.unfold(x, 2, dilation=0)",
        "F.unfold(x, 2, padding=-1)",
        "F.unfold(x, (2, 3, 4))",
        "F.unfold(torch.ones(1, 2, 4, 4, 1), 2)",
        "F.unfold(torch.ones(4, 4), 2)",
        "F.unfold(torch.ones(0, 2, 4, 4), 2).shape",
        "F.fold(c, (5, 6), 3)",
        "F.fold(c, (7, 7), (2, 3), dilation=(2, 1), padding=1, stride=(1, 2))",
        "F.fold(c.unsqueeze(0), (5, 6), (2, 3))",
        "F.fold(c[:, :5], (5, 6), (2, 3))",
    ],
    "local_response_norm_and_lp_pool": [
        "import torch.nn as nn\nx = torch.arange(8.).view(1, 2, 2, 2).requires_grad_()\n"
        "lrn = nn.LocalResponseNorm(2)\ny = lrn(x)\nlrn, y, y.grad_fn.name()",
        "y.sum().backward()\nx.grad",
        "torch.manual_seed(0)\nz = torch.randn(2, 5, 3, 4, 2, requires_grad=True)\n"
        "o = nn.LocalResponseNorm(3, alpha=0.1, beta=0.5, k=2.)(z)\n(o * torch.randn(o.shape)).sum().backward()\n"
        "o[1, 2, 0], z.grad[0, 4, 1]",
        "nn.functional.local_response_norm(torch.randn(2, 4, 5), 3), nn.functional.local_response_norm(x, 2).shape",
        "nn.functional.local_response_norm(torch.ones(2, 2), 2)",
        "p = torch.randn(2, 3, 6, 6, requires_grad=True)\nlp = nn.LPPool2d(2, 2)\nq = lp(p)\n"
        "q.sum().backward()\nlp, q[0, 0], q.grad_fn.name(), p.grad[1, 1]",
        "nn.LPPool2d(3, (2, 3), stride=1, ceil_mode=True)(p)[0, 1], nn.LPPool2d(float('inf'), 2)(p)[1, 2]",
        "r = torch.randn(2, 3, 7, requires_grad=True)\nl1 = nn.LPPool1d(1.5, 3, stride=2)\nv = l1(r)\n"
        "v.sum().backward()\nl1, v, r.grad[0]",
        "nn.functional.lp_pool1d(r, 2, 2), nn.functional.lp_pool2d(torch.ones(1, 1, 2, 2), 2, 2)",
    ],
    "margin_losses": [
        "import torch.nn as nn\np = torch.tensor([0.2, 2.0, -1.0], requires_grad=True)\n"
        "y = torch.tensor([1.0, -1.0, 1.0])\nl = nn.SoftMarginLoss()(p, y)\nl.backward()\nl, p.grad",
        "[nn.functional.soft_margin_loss(p, y, reduction=r) for r in ('none', 'sum')]",
        "p.grad = None\nh = nn.HingeEmbeddingLoss()(p, y)\nh.backward()\nh, p.grad, "
        "nn.HingeEmbeddingLoss(margin=0.5, reduction='none')(p, y)",
        "g = h.grad_fn\n[g.name(), g.next_functions[0][0].name(), "
        "[type(f).__name__ for f, _ in g.next_functions[0][0].next_functions]]",
        "torch.manual_seed(0)\nlogits = torch.randn(4, 5, requires_grad=True)\ntarget = torch.tensor([1, 0, 4, 2])\n"
        "m = nn.MultiMarginLoss()(logits, target)\nm.backward()\nm, m.grad_fn.name(), logits.grad",
        "logits.grad = None\nw = torch.tensor([1., 2., 1., 1., 3.])\n"
        "m2 = nn.MultiMarginLoss(p=2, margin=0.5, weight=w, reduction='none')(logits, target)\n"
        "m2.sum().backward()\nm2, logits.grad",
        "nn.functional.multi_margin_loss(logits[0], target[:1], reduction='none'), "
        "nn.functional.multi_margin_loss(logits, target, reduction='sum'), nn.MultiMarginLoss(p=2)",
        "nn.functional.multi_margin_loss(logits, target, p=3)",
        "nn.functional.multi_margin_loss(logits, torch.tensor([1, 0]))",
        "nn.functional.multi_margin_loss(logits[0], torch.tensor(1))",
        "nn.functional.multi_margin_loss(logits, torch.tensor(1))",
        "nn.functional.multi_margin_loss(logits, torch.tensor([1, 0, 9, 2]))",
        "labels = (torch.rand(4, 5) > 0.5).float()\nlogits.grad = None\n"
        "ml = nn.MultiLabelSoftMarginLoss()(logits, labels)\nml.backward()\nml, ml.grad_fn.name(), logits.grad[0]",
        "nn.MultiLabelSoftMarginLoss(weight=w, reduction='none')(logits, labels), "
        "nn.functional.multilabel_soft_margin_loss(logits, labels, reduction='sum')",
        "nn.SoftMarginLoss(), nn.HingeEmbeddingLoss(), nn.MultiLabelSoftMarginLoss()",
    ],
    "logcumsumexp": [
        "x = torch.tensor([0., 1., 2.], requires_grad=True)\ny = torch.logcumsumexp(x, dim=0)\ny",
        "(y * torch.tensor([1., -2., 0.5])).sum().backward()\nx.grad, y.grad_fn.name()",
        "torch.manual_seed(0)\nz = torch.randn(3, 6, requires_grad=True)\nq = z.logcumsumexp(1)\n"
        "(q * torch.randn(3, 6)).sum().backward()\nq, z.grad",
        "torch.logcumsumexp(z.double(), -2)[2], torch.logcumsumexp(torch.tensor([-float('inf'), 0., float('inf')]), 0)",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_vision_layers_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
