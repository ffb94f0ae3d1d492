"""F.interpolate / nn.Upsample (engine/ops_resample.py) and transposed convolutions (engine/ops_conv.py) against
real PyTorch: reprs, initial draws, grad_fn names, error messages and warnings identical; values and gradients
within float32 rounding (nearest modes bit for bit)."""
import numpy as np
import pytest

from helpers import assert_same_as_pytorch, require

SETUP = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"

CELLS = {
    "conv_transpose": [
        SETUP + "torch.manual_seed(0)\nup = nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1, output_padding=1)\nup",
        "up.weight.shape, up.weight[0, 0], up.bias, type(up)",
        "nn.ConvTranspose2d(4, 6, 3, stride=2, padding=1, output_padding=1, groups=2, dilation=2, bias=False), "
        "nn.ConvTranspose1d(3, 5, 4, stride=2), nn.ConvTranspose2d(2, 2, (2, 3))",
        "x = torch.randn(2, 4, 5, 5, requires_grad=True)\ny = up(x)\ny.shape, y.grad_fn, y[0, 0, :2]",
        "[type(f).__name__ for f, _ in y.grad_fn.next_functions]",
        "y.pow(2).sum().backward()\nup.bias.grad, x.grad[0, 0, 0], up.weight.grad[1, 1]",
        "up(x, output_size=[9, 9]).shape, up(x, output_size=(2, 2, 10, 10)).shape",
        "g, = torch.autograd.grad(up(x).sum(), x, create_graph=True)\ng.grad_fn",
        "t1 = nn.ConvTranspose1d(3, 2, 3, stride=2)\nt1(torch.randn(3, 6)).shape, t1(torch.randn(2, 3, 6)).grad_fn",
        "F.conv_transpose2d(x, up.weight, stride=2).shape, torch.conv_transpose2d(x, up.weight).shape, "
        "torch.conv_transpose1d(torch.randn(1, 4, 3), up.weight[:, :, 0]).shape",
        "torch.convolution(x, up.weight, None, (2, 2), (1, 1), (1, 1), True, (1, 1), 1).shape",
    ],
    "interpolate": [
        SETUP + "torch.manual_seed(1)\nx = torch.randn(1, 2, 3, 4, requires_grad=True)\n"
        "y = F.interpolate(x, scale_factor=2)\ny.grad_fn, y[0, 0]",
        "F.interpolate(x, size=(4, 7), mode='bilinear').grad_fn, F.interpolate(x, size=(4, 7), mode='bilinear')[0, 1]",
        "F.interpolate(x, scale_factor=1.5, mode='bilinear', align_corners=True)[0, 0]",
        "F.interpolate(x, size=5, mode='nearest-exact')[0, 0], F.interpolate(x, scale_factor=0.5, mode='area').grad_fn",
        "b = F.interpolate(x, scale_factor=2, mode='bicubic')\nb.grad_fn, b[0, 0, :3], "
        "nn.Upsample(size=(5, 6), mode='bicubic', align_corners=True)(x)[0, 1, 1]",
        "s = torch.randn(2, 3, 5, requires_grad=True)\n"
        "F.interpolate(s, scale_factor=2, mode='linear').grad_fn, F.interpolate(s, size=8)[1, 2], "
        "F.interpolate(s, size=3, mode='linear', align_corners=True)[0]",
        "(F.interpolate(x, scale_factor=2) * torch.arange(96.).view(1, 2, 6, 8)).sum().backward()\nx.grad[0, 0]",
        "x.grad = None\n(F.interpolate(x, size=(5, 6), mode='bilinear') ** 2).sum().backward()\nx.grad[0, 1]",
        "g, = torch.autograd.grad(F.interpolate(x, scale_factor=2, mode='bilinear').pow(2).sum(), x, "
        "create_graph=True)\ng.grad_fn",
        "nn.Upsample(scale_factor=2), nn.Upsample(size=(3, 4), mode='bilinear', align_corners=True), "
        "nn.Upsample(scale_factor=(2, 3)), nn.UpsamplingNearest2d(scale_factor=2), nn.UpsamplingBilinear2d(size=5)",
        "nn.Upsample(scale_factor=2, mode='bilinear')(x).shape, nn.UpsamplingBilinear2d(scale_factor=2)(x)[0, 0, 1]",
        "type(nn.Upsample(size=3)), nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(2, 1, 3, padding=1))",
        "F.upsample(x, scale_factor=2).shape",
        "p = torch.arange(32.).view(1, 8, 2, 2).requires_grad_()\nps = nn.PixelShuffle(2)\ny = ps(p)\n"
        "ps, nn.PixelUnshuffle(2), y, y.grad_fn, F.pixel_unshuffle(y, 2).grad_fn, "
        "torch.equal(F.pixel_unshuffle(y, 2), p)",
        "(y * torch.arange(32.).view(1, 2, 4, 4)).sum().backward()\np.grad[0, :3], torch.pixel_shuffle(p, 2).shape, "
        "F.pixel_shuffle(torch.randn(9, 2, 3), 3).shape",
        "g, = torch.autograd.grad(F.pixel_shuffle(p, 2).pow(2).sum(), p, create_graph=True)\ng.grad_fn",
    ],
    "interpolate_3d_and_area_1d": [   # issue 16: volumes (5-D input) and area on 1-d input
        SETUP + "torch.manual_seed(2)\nv = torch.randn(1, 2, 2, 3, 2, requires_grad=True)\n"
        "y = F.interpolate(v, scale_factor=2)\ny.grad_fn, y.shape, y[0, 0, :2]",
        "t = F.interpolate(v, size=(3, 4, 5), mode='trilinear')\nt.grad_fn, t[0, 1, 1]",
        "F.interpolate(v, scale_factor=(1.5, 2, 0.5), mode='trilinear', align_corners=True)[0, 0]",
        "e = F.interpolate(v, size=(3, 5, 3), mode='nearest-exact')\ne.grad_fn, e[0, 1, 2]",
        "a = F.interpolate(v, size=(1, 2, 1), mode='area')\na.grad_fn, a.flatten()",
        "F.interpolate(v, scale_factor=1, mode='area').grad_fn",
        "(t * torch.arange(120.).view(1, 2, 3, 4, 5)).sum().backward()\nv.grad[0, 0]",
        "g, = torch.autograd.grad(F.interpolate(v, scale_factor=2, mode='trilinear').pow(2).sum(), v, "
        "create_graph=True)\ng.grad_fn",
        "g, = torch.autograd.grad(F.interpolate(v, scale_factor=2).pow(2).sum(), v, create_graph=True)\ng.grad_fn",
        "nn.Upsample(scale_factor=2, mode='trilinear')(v).shape, nn.Upsample(size=(2, 2, 2))(v)[0, 0]",
        "s = torch.randn(2, 3, 7, requires_grad=True)\nar = F.interpolate(s, size=3, mode='area')\n"
        "ar.grad_fn, ar[0]",
        "F.interpolate(s, scale_factor=0.5, mode='area')[1], nn.Upsample(size=2, mode='area')(s).shape",
        "ar.sum().backward()\ns.grad[0]",
        "F.interpolate(v, size=(2, 0, 3))",
        "F.interpolate(v, size=(2, 2), mode='trilinear')",
        "F.interpolate(s, size=4, mode='trilinear')",
        "F.interpolate(v, size=3, mode='bilinear')",
        "F.interpolate(v, size=3, mode='trilinear', antialias=True)",
        "F.interpolate(torch.randn(3, 4), size=2, mode='area')",
    ],
    "errors": [
        SETUP + "x = torch.randn(1, 2, 3, 4)\nF.interpolate(x, size=3, scale_factor=2)",
        "F.interpolate(x, scale_factor=2, align_corners=True)",
        "F.interpolate(x)",
        "F.interpolate(x, size=(2, 3, 4))",
        "F.interpolate(x, scale_factor=(2, 3, 4))",
        "F.interpolate(x, size=(2.5, 3))",
        "F.interpolate(x, size=3, mode='linear')",
        "F.interpolate(x[0], size=3, mode='bilinear')",
        "F.interpolate(x, size=3, mode='foo')",
        "F.interpolate(x, size=0)",
        "F.interpolate(x, size=3, recompute_scale_factor=True)",
        "F.interpolate(x, size=3, mode='nearest', antialias=True)",
        "F.interpolate(x[0], size=3, mode='bicubic')",
        "F.interpolate(x, size=3, mode='lanczos')",
        "F.interpolate(x, size=3, mode='lanczos', align_corners=True)",
        "F.conv_transpose2d(torch.randn(1, 2, 3, 3), torch.randn(2, 3, 3, 3), stride=2, output_padding=2)",
        "F.conv_transpose2d(torch.randn(1, 2, 3, 3), torch.randn(3, 3, 3, 3))",
        "F.conv_transpose1d(torch.randn(1, 2, 3), torch.randn(2, 3, 3), padding=5)",
        "F.conv_transpose2d(torch.randn(1, 2, 3, 3), torch.randn(2, 3, 3, 3), torch.randn(4))",
        "nn.ConvTranspose2d(2, 3, 3, padding_mode='reflect')",
        "F.pixel_shuffle(torch.randn(1, 3, 2, 2), 2)",
        "F.pixel_shuffle(torch.randn(3, 2), 2)",
        "F.pixel_shuffle(torch.randn(1, 4, 3, 3), 0)",
        "F.pixel_unshuffle(torch.randn(1, 1, 3, 4), 2)",
        "F.pixel_unshuffle(torch.randn(1, 1, 4, 3), 2)",
        "nn.ConvTranspose2d(4, 6, 3, stride=2)(torch.randn(1, 4, 5, 5), output_size=[14, 12])",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="upsample", name=name, warns="per_cell")


def _interp(**kw):
    return lambda F, x: F.interpolate(x, **kw)


CASES = [
    ("nearest2d", _interp(scale_factor=2), [(2, 3, 4, 5)], True),
    ("nearest2d_size", _interp(size=(7, 3)), [(2, 3, 4, 5)], True),
    ("nearest2d_frac", _interp(scale_factor=1.7), [(2, 3, 4, 5)], True),
    ("nearest_exact2d", _interp(size=(3, 11), mode="nearest-exact"), [(2, 3, 4, 5)], True),
    ("nearest1d", _interp(size=13), [(2, 3, 6)], True),
    ("nearest2d_down", _interp(size=(3, 2)), [(2, 3, 7, 5)], True),
    ("nearest_exact2d_down", _interp(scale_factor=0.6, mode="nearest-exact"), [(2, 3, 7, 5)], True),
    ("bilinear", _interp(scale_factor=2, mode="bilinear"), [(2, 3, 4, 5)], False),
    ("bilinear_corners", _interp(size=(7, 9), mode="bilinear", align_corners=True), [(2, 3, 4, 5)], False),
    ("bilinear_down", _interp(scale_factor=(1.5, 0.6), mode="bilinear"), [(2, 3, 4, 5)], False),
    ("bilinear_recompute", _interp(scale_factor=3, mode="bilinear", recompute_scale_factor=True), [(2, 3, 4, 5)],
     False),
    ("bicubic", _interp(scale_factor=2, mode="bicubic"), [(2, 3, 4, 5)], False),
    ("bicubic_corners", _interp(size=(7, 3), mode="bicubic", align_corners=True), [(2, 3, 4, 5)], False),
    ("bicubic_down", _interp(scale_factor=(0.6, 1.7), mode="bicubic"), [(2, 3, 6, 7)], False),
    ("linear", _interp(scale_factor=2.5, mode="linear"), [(2, 3, 6)], "forward"),
    ("linear_corners", _interp(size=4, mode="linear", align_corners=True), [(2, 3, 6)], "forward"),
    ("linear_down", _interp(scale_factor=0.6, mode="linear"), [(2, 3, 7)], "forward"),
    ("nearest3d", _interp(scale_factor=2), [(1, 2, 3, 4, 2)], True),
    ("nearest3d_frac", _interp(size=(5, 3, 7)), [(1, 2, 3, 4, 2)], True),
    ("nearest_exact3d", _interp(scale_factor=(1.5, 0.6, 2), mode="nearest-exact"), [(2, 1, 3, 5, 2)], True),
    ("trilinear", _interp(scale_factor=2, mode="trilinear"), [(1, 2, 3, 4, 2)], False),
    ("trilinear_corners", _interp(size=(4, 3, 5), mode="trilinear", align_corners=True), [(1, 2, 3, 4, 2)], False),
    ("trilinear_down", _interp(scale_factor=(0.6, 1.5, 2), mode="trilinear"), [(1, 2, 5, 3, 2)], False),
    ("area1d", _interp(size=4, mode="area"), [(2, 3, 9)], False),
    ("area3d", _interp(scale_factor=0.5, mode="area"), [(1, 2, 4, 6, 5)], False),
    ("conv_t2d", lambda F, x, w, b: F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1),
     [(2, 4, 5, 6), (4, 3, 3, 3), (3,)], False),
    ("conv_t2d_groups", lambda F, x, w: F.conv_transpose2d(x, w, stride=(2, 1), padding=(0, 1), groups=2,
                                                           dilation=2), [(2, 4, 5, 6), (4, 2, 3, 2)], False),
    ("conv_t2d_unbatched", lambda F, x, w: F.conv_transpose2d(x, w, stride=2), [(4, 5, 6), (4, 3, 2, 2)], False),
    ("conv_t1d", lambda F, x, w, b: F.conv_transpose1d(x, w, b, stride=3, padding=1, output_padding=2),
     [(2, 4, 7), (4, 3, 3), (3,)], False),
    ("conv_t2d_output_padding_past_stride", lambda F, x, w, b: F.conv_transpose2d(
        x, w, b, stride=(1, 2), padding=(1, 0), dilation=3, output_padding=(2, 2)), [(2, 3, 4, 5), (3, 2, 2, 3), (2,)],
     False),
    ("conv_t1d_output_padding_past_stride", lambda F, x, w: F.conv_transpose1d(x, w, dilation=4, output_padding=3),
     [(2, 3, 5), (3, 2, 2)], False),
    ("conv_t1d_depthwise", lambda F, x, w: F.conv_transpose1d(x, w, groups=4, dilation=3), [(2, 4, 7), (4, 1, 3)],
     False),
]


@pytest.mark.parametrize("name,fn,shapes,exact", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_values_and_grads(name, fn, shapes, exact, dtype):
    """Outputs and every input's gradient (for a non-uniform upstream gradient) against PyTorch's: bit for bit for
    the nearest modes (and 1-d linear's output), within rounding otherwise."""
    real = require("torch")
    from autograd_magic import torch as ours
    rng = np.random.default_rng(len(name))
    arrays = [rng.standard_normal(s).astype(dtype) for s in shapes]
    results = []
    for m in (real, ours):
        leaves = [m.tensor(a, requires_grad=True) for a in arrays]
        y = fn(m.nn.functional, *leaves)
        v = m.tensor(np.linspace(-1, 1, int(np.prod(y.shape)), dtype=dtype).reshape(tuple(y.shape)))
        (y * v).sum().backward()
        results.append((type(y.grad_fn).__name__, y.detach().numpy(), [t.grad.numpy() for t in leaves]))
    (want_name, want, want_grads), (got_name, got, got_grads) = results
    assert got_name == want_name
    tol = 0 if exact is True else 2e-5 if dtype == "float32" else 1e-12
    np.testing.assert_allclose(got, want, rtol=0 if exact else tol, atol=0 if exact else tol)
    for g, w in zip(got_grads, want_grads):
        np.testing.assert_allclose(g, w, rtol=10 * tol, atol=10 * tol)
