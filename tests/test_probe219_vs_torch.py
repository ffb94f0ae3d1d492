"""What the two-hundred-and-nineteenth probe (neural fields as course notebooks write them: SIREN image fitting with
the paper's uniform_ initialisation, PSNR, gradient and Laplacian supervision through autograd.grad(create_graph=True),
Fourier features, a hand-written multiresolution hash encoding on int64 tensors with xor, shifts and remainder,
nn.Embedding tables, F.grid_sample as the alternative encoding) found, each checked against PyTorch. The fields,
hashes and errors agreed; F.grid_sample's gradients under create_graph=True did not. PyTorch computes them with
the same backward kernel as a plain backward (the same bits) and records one node GridSampler2DBackwardBackward0
(GridSampler3DBackwardBackward0 for 5-d inputs) over (grad_output, input, grid); the engine rebuilt the sampling from
recorded ops (AddBackward0 / ReshapeAliasBackward0 nodes, other rounding) and a second backward through nearest
sampling raised where PyTorch gives the grid zeros and the input no gradient."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "grid_sample_create_graph_gradients_are_the_kernels": ['''import torch.nn.functional as F
torch.manual_seed(0)
inp = torch.randn(2, 3, 5, 6, requires_grad=True)
grid = (torch.rand(2, 4, 7, 2) * 2.4 - 1.2).requires_grad_()
for mode in ("bilinear", "bicubic", "nearest"):
    for pad in ("zeros", "border", "reflection"):
        out = F.grid_sample(inp, grid, mode=mode, padding_mode=pad, align_corners=pad == "border")
        w = torch.randn_like(out)
        a = torch.autograd.grad(out, (inp, grid), w, retain_graph=True)
        b = torch.autograd.grad(out, (inp, grid), w, create_graph=True)
        print(mode, pad, torch.equal(a[0], b[0]), torch.equal(a[1], b[1]), b[1][0, 0, :2].tolist())
vol = torch.randn(1, 2, 3, 4, 4, requires_grad=True)
g3 = (torch.rand(1, 2, 3, 3, 3) * 2 - 1).requires_grad_()
out = F.grid_sample(vol, g3, align_corners=False)
a = torch.autograd.grad(out.sum(), (vol, g3), retain_graph=True)
b = torch.autograd.grad(out.sum(), (vol, g3), create_graph=True)
print(torch.equal(a[0], b[0]), torch.equal(a[1], b[1]))
'''],
    "grid_sample_create_graph_node": ['''import torch.nn.functional as F
torch.manual_seed(0)
feat = torch.randn(1, 2, 4, 4, requires_grad=True)
pts = (torch.rand(1, 3, 3, 2) * 2 - 1)
out = F.grid_sample(feat, pts, align_corners=True)
gi, = torch.autograd.grad(out.pow(2).sum(), feat, create_graph=True)
print(gi.grad_fn.name(), [None if f is None else f.name() for f, _ in gi.grad_fn.next_functions])
pts.requires_grad_()
out = F.grid_sample(feat.detach(), pts, align_corners=False)
gg, = torch.autograd.grad(out.sum(), pts, create_graph=True)
print(gg.grad_fn.name(), [None if f is None else f.name() for f, _ in gg.grad_fn.next_functions], gg.requires_grad)
vol = torch.randn(1, 2, 3, 4, 4, requires_grad=True)
g3 = (torch.rand(1, 2, 3, 3, 3) * 2 - 1).requires_grad_()
gi, gg = torch.autograd.grad(F.grid_sample(vol, g3, align_corners=False).sum(), (vol, g3), create_graph=True)
print(gi.grad_fn.name(), gg.grad_fn.name(), gi.grad_fn.next_functions[1][0].name())
'''],
    "grid_sample_second_backward_which_gradients": ['''import torch.nn.functional as F
torch.manual_seed(0)
def show(t):
    return None if t is None else (tuple(t.shape), round(float(t.abs().sum()), 3))
for dim in (2, 3):
    for mode in ("bilinear", "nearest"):
        inp = torch.randn(*((1, 2) + (4,) * dim), requires_grad=True)
        grid = (torch.rand(*((1,) + (3,) * dim + (dim,))) * 2 - 1).requires_grad_()
        out = F.grid_sample(inp, grid, mode=mode, align_corners=False)
        go = torch.randn_like(out).requires_grad_()
        gi, gg = torch.autograd.grad(out, (inp, grid), go, create_graph=True)
        r = torch.autograd.grad(gi.sum(), (go, inp, grid), allow_unused=True, retain_graph=True)
        print(dim, mode, "gi", [show(t) for t in r])
        r = torch.autograd.grad(gg.sum(), (go, inp, grid), allow_unused=True, retain_graph=True)
        print(dim, mode, "gg", [None if t is None else tuple(t.shape) for t in r])
'''],
    "grid_sample_encoding_gradient_supervision": ['''import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
features = nn.Parameter(torch.randn(1, 4, 6, 6) * 0.1)
head = nn.Linear(4, 1)
xy = (torch.rand(10, 2) * 2 - 1).requires_grad_()
f = F.grid_sample(features, xy.view(1, 1, -1, 2), mode="bicubic", align_corners=True)[0, :, 0].T
val = head(f)
plain, = torch.autograd.grad(val.sum(), xy, retain_graph=True)
dv, = torch.autograd.grad(val.sum(), xy, create_graph=True)
print(dv.grad_fn.name(), dv.grad_fn.next_functions[0][0].name(), torch.equal(dv, plain), dv[:3])
loss = (dv - torch.ones_like(dv)).pow(2).mean()
loss.backward()
print(loss, features.grad.abs().sum(), head.weight.grad)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe219(name):
    assert_same_as_pytorch(CELLS[name], name=name)
