"""3-d convolution, pooling, normalisation and channel dropout (issue 16) against real PyTorch.

Printed text (reprs, init draws after manual_seed, grad_fn names, error messages and warnings) must be identical;
values and gradients over many argument combinations agree within float32 rounding (float64: to 1e-12)."""
import numpy as np
import pytest

from helpers import assert_same_as_pytorch, require

SETUP = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"

CELLS = {
    "modules_and_init": [
        SETUP + "torch.manual_seed(0)\nconv = nn.Conv3d(2, 3, 3)\nconv",
        "conv.weight[0, 0], conv.bias",
        "nn.Conv3d(4, 6, (2, 3, 1), stride=(1, 2, 2), padding=(1, 0, 1), dilation=2, groups=2, bias=False)",
        "c = nn.Conv3d(2, 2, 3, padding='same', padding_mode='reflect')\nc, c.weight.sum()",
        "t = nn.ConvTranspose3d(3, 4, (2, 3, 3), stride=2, output_padding=1)\nt, t.weight.shape, t.bias",
        "nn.MaxPool3d(2), nn.MaxPool3d((3, 2, 2), stride=1, padding=1, ceil_mode=True), nn.AvgPool3d(3, 2, 1)",
        "nn.AdaptiveAvgPool3d(2), nn.AdaptiveMaxPool3d((1, 2, 3)), nn.Dropout3d(0.2)",
        "nn.BatchNorm3d(4), nn.InstanceNorm3d(4), nn.InstanceNorm3d(3, affine=True, track_running_stats=True)",
        "list(nn.BatchNorm3d(2).state_dict())",
    ],
    "forward_backward": [
        SETUP + "torch.manual_seed(1)\nx = torch.randn(2, 3, 6, 6, 6, requires_grad=True)\n"
        "conv = nn.Conv3d(3, 4, 3, padding=1)\ny = F.max_pool3d(F.relu(conv(x)), 2)\ny.grad_fn, y.shape",
        "y.grad_fn.next_functions[0][0].next_functions[0][0]",
        "y.sum().backward()\nconv.bias.grad, x.grad[0, 0, 0, :2]",
        "v, i = F.max_pool3d(x, 3, stride=2, padding=1, return_indices=True)\ni[0, 0], v.grad_fn",
        "F.max_pool3d(torch.arange(27.).view(1, 3, 3, 3), 2, 1, return_indices=True)",
        "xi = torch.full((1, 1, 2, 2, 2), float('-inf'))\nF.max_pool3d(xi, 2, 1, padding=1, return_indices=True)[1]",
        "ties = torch.zeros(1, 1, 4, 4, 4)\nF.max_pool3d(ties, 3, 1, 1, return_indices=True)[1][0, 0, 0]",
        "F.avg_pool3d(x, 2).grad_fn, F.adaptive_avg_pool3d(x, (3, 2, 4)).grad_fn, F.adaptive_avg_pool3d(x, 1).grad_fn",
        "F.adaptive_max_pool3d(x, (2, 3, 1), return_indices=True)[1][0, 0], F.adaptive_max_pool3d(x, 2).grad_fn",
        "F.avg_pool3d(x[0], 3, 2, 1, ceil_mode=True, count_include_pad=False)[0, :, :, 0]",
        "F.avg_pool3d(x, 2, divisor_override=3)[0, 0, 0]",
        "F.conv3d(x[0], conv.weight).grad_fn, torch.conv3d(x, conv.weight, None, 2).shape",
        "torch.max_pool3d(x, 3).shape, torch.conv_transpose3d(x, conv.weight.transpose(0, 1)).shape",
        "torch.convolution(x, conv.weight, conv.bias, (1, 1, 1), (0, 0, 0), (1, 1, 1), False, (0, 0, 0), 1).grad_fn",
        "g, = torch.autograd.grad(conv(x).sum(), x, create_graph=True)\ng.grad_fn",
        "g, = torch.autograd.grad(F.max_pool3d(x, 2).pow(2).sum(), x, create_graph=True)\ng.grad_fn",
        "g, = torch.autograd.grad(F.avg_pool3d(x, 2).pow(2).sum(), x, create_graph=True)\ng.grad_fn",
        "g, = torch.autograd.grad(F.adaptive_avg_pool3d(x, 2).pow(2).sum(), x, create_graph=True)\ng.grad_fn",
        "g, = torch.autograd.grad(F.adaptive_max_pool3d(x, 2).pow(2).sum(), x, create_graph=True)\ng.grad_fn",
        "g, = torch.autograd.grad(F.adaptive_max_pool2d(x[0], 2).pow(2).sum(), x, create_graph=True)\n"
        "g.grad_fn.next_functions[0][0]",
        "t = nn.ConvTranspose3d(3, 2, 2, stride=2)\nz = t(x)\nz.shape, z.grad_fn, t(x, output_size=(13, 13, 13)).shape",
        "torch.manual_seed(2)\nd = nn.Dropout3d(0.5)\nd(torch.ones(2, 4, 2, 2, 2))[:, :, 0, 0, 0]",
        "d(torch.ones(3, 1, 1, 1, requires_grad=True)).grad_fn, d(torch.ones(3, 1, 1, 1)).flatten()",
        "F.dropout3d(torch.ones(3, 4, 2), 0.5).shape",
        "d.eval()\nd(torch.ones(1, 2, 1, 1, 1))",
    ],
    "norms": [
        SETUP + "torch.manual_seed(3)\nbn = nn.BatchNorm3d(3)\nx = torch.randn(4, 3, 3, 3, 3) * 2 + 1\ny = bn(x)\n"
        "bn.running_mean, bn.running_var, y.grad_fn, y[0, :, 0, 0, 0]",
        "bn.eval()\nbn(x)[0, :, 0, 0, 0]",
        "inorm = nn.InstanceNorm3d(3, affine=True)\nz = inorm(x.requires_grad_())\nz[0, :, 0, 0, 0], z.grad_fn",
        "inorm(x[0]).shape",
    ],
    "errors": [
        SETUP + "conv = nn.Conv3d(1, 6, 3)\nconv(torch.randn(2, 3, 8, 8, 8))",
        "conv(torch.randn(8, 8))",
        "conv(torch.randn(1, 2, 2, 2))",
        "nn.Conv3d(3, 4, 3, groups=2)",
        "nn.Conv3d(4, 4, 3, stride=2, padding='same')",
        "F.conv3d(torch.randn(2, 3, 4, 4, 4), torch.randn(4, 3, 5, 5, 5))",
        "F.conv3d(torch.randn(2, 3, 4, 4, 4), torch.randn(4, 3, 3, 1, 3), padding='same').shape",
        "F.conv_transpose3d(torch.randn(2, 3, 4, 4, 4), torch.randn(3, 2, 2, 2, 2), output_padding=2)",
        "nn.ConvTranspose3d(2, 2, 3, padding_mode='reflect')",
        "F.max_pool3d(torch.randn(2, 3, 4, 4, 4), 3, padding=2)",
        "F.max_pool3d(torch.randn(4, 4), 2)",
        "F.max_pool3d(torch.randn(1, 2, 2, 2, 2), 3)",
        "F.avg_pool3d(torch.randn(1, 2, 2, 2, 2), 3)",
        "F.avg_pool3d(torch.randn(1, 2, 4, 4, 4), 3, padding=2)",
        "F.avg_pool3d(torch.randn(1, 2, 4, 4, 4), 2, divisor_override=0)",
        "F.adaptive_avg_pool3d(torch.randn(4, 4), 2)",
        "F.adaptive_max_pool3d(torch.randn(4, 4), 2)",
        "nn.BatchNorm3d(3)(torch.randn(3, 4, 4, 4))",
        "nn.InstanceNorm3d(3)(torch.randn(3, 4, 4))",
        "F.dropout3d(torch.randn(2, 3, 2, 2, 2), 1.5)",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="conv", name=f"3d_{name}", warns="per_cell")


F_CASES = [
    ("conv3d", lambda F, x, w, b: F.conv3d(x, w, b), [(2, 3, 5, 6, 5), (4, 3, 3, 2, 3), (4,)]),
    ("conv3d_args", lambda F, x, w, b: F.conv3d(x, w, b, stride=(2, 1, 2), padding=(1, 2, 0), dilation=(1, 2, 2)),
     [(2, 3, 6, 7, 8), (4, 3, 2, 3, 2), (4,)]),
    # (an even kernel with padding='same' would use up PyTorch's once-per-process warning that
    # test_conv_vs_torch expects)
    ("conv3d_groups_same", lambda F, x, w: F.conv3d(x, w, groups=2, padding="same", dilation=(1, 2, 1)),
     [(1, 4, 5, 4, 6), (6, 2, 3, 2, 3)]),
    ("conv3d_unbatched", lambda F, x, w: F.conv3d(x, w), [(3, 4, 4, 4), (2, 3, 2, 2, 2)]),
    ("conv_transpose3d", lambda F, x, w, b: F.conv_transpose3d(x, w, b, stride=2, padding=1, output_padding=1),
     [(2, 4, 3, 4, 3), (4, 3, 3, 3, 2), (3,)]),
    ("conv_transpose3d_groups", lambda F, x, w: F.conv_transpose3d(x, w, groups=2, stride=(1, 2, 1), dilation=2),
     [(1, 4, 3, 3, 4), (4, 1, 2, 2, 3)]),
    ("max_pool3d", lambda F, x: F.max_pool3d(x, 2), [(2, 3, 4, 6, 4)]),
    ("max_pool3d_overlap", lambda F, x: F.max_pool3d(x, 3, stride=1, padding=1), [(1, 2, 4, 5, 4)]),
    ("max_pool3d_ceil_dil", lambda F, x: F.max_pool3d(x, (2, 3, 2), stride=(2, 1, 2), dilation=(1, 1, 2),
                                                      ceil_mode=True), [(2, 2, 5, 6, 7)]),
    ("max_pool3d_unbatched", lambda F, x: F.max_pool3d(x, 2), [(3, 4, 4, 4)]),
    ("avg_pool3d", lambda F, x: F.avg_pool3d(x, 2), [(2, 3, 4, 6, 4)]),
    ("avg_pool3d_pad", lambda F, x: F.avg_pool3d(x, 3, 2, 1), [(2, 2, 5, 6, 5)]),
    ("avg_pool3d_ceil_nocount", lambda F, x: F.avg_pool3d(x, 3, 2, 1, ceil_mode=True, count_include_pad=False),
     [(1, 2, 6, 5, 6)]),
    ("avg_pool3d_divisor", lambda F, x: F.avg_pool3d(x, 2, divisor_override=3), [(3, 4, 4, 4)]),
    ("adaptive_avg3d", lambda F, x: F.adaptive_avg_pool3d(x, (3, 2, 4)), [(2, 3, 7, 5, 6)]),
    ("adaptive_avg3d_none", lambda F, x: F.adaptive_avg_pool3d(x, (None, 2, 3)), [(3, 4, 5, 7)]),
    ("adaptive_max3d", lambda F, x: F.adaptive_max_pool3d(x, (3, 2, 4)), [(2, 3, 7, 5, 6)]),
    ("batch_norm3d", lambda F, x, w, b: F.batch_norm(x, None, None, w, b, True), [(3, 3, 3, 4, 2), (3,), (3,)]),
    ("instance_norm3d", lambda F, x: F.instance_norm(x), [(2, 3, 3, 4, 2)]),
]


@pytest.mark.parametrize("name,fn,shapes", F_CASES, ids=[c[0] for c in F_CASES])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_values_and_grads(name, fn, shapes, dtype):
    """Outputs and every input's gradient (for a non-uniform upstream gradient) against PyTorch's."""
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
    tol = 2e-5 if dtype == "float32" else 1e-12
    np.testing.assert_allclose(got, want, rtol=tol, atol=tol)
    for g, w in zip(got_grads, want_grads):
        np.testing.assert_allclose(g, w, rtol=10 * tol, atol=10 * tol)


def test_training_a_small_3d_cnn_matches_pytorch():
    """Five SGD steps of a small volumetric net from the same seed: every loss within float32 drift of PyTorch's."""
    real = require("torch")
    from autograd_magic import torch as ours

    def losses(torch):
        nn = torch.nn
        torch.manual_seed(0)
        net = nn.Sequential(nn.Conv3d(1, 4, 3, padding=1), nn.BatchNorm3d(4), nn.ReLU(), nn.MaxPool3d(2),
                            nn.Conv3d(4, 6, 3), nn.ReLU(), nn.AdaptiveAvgPool3d(1), nn.Flatten(), nn.Linear(6, 3))
        opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
        x, y = torch.randn(4, 1, 8, 8, 8), torch.randint(0, 3, (4,))
        out = []
        for _ in range(5):
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(x), y)
            loss.backward()
            opt.step()
            out.append(loss.item())
        return out

    np.testing.assert_allclose(losses(ours), losses(real), rtol=1e-4)
