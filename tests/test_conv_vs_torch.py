"""Convolution, pooling, normalisation and channel dropout against real PyTorch.

Printed text (reprs, init draws after manual_seed, running statistics, grad_fn names, error messages and warnings)
must be identical; values and gradients over many argument combinations agree within float32 rounding (PyTorch's
convolutions accumulate in oneDNN's order, ours in OpenBLAS's).
"""
import numpy as np
import pytest

from helpers import assert_same_as_pytorch, require

SETUP = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"

CELLS = {
    "modules_and_init": [
        SETUP + "torch.manual_seed(0)\nconv = nn.Conv2d(3, 4, 3)\nconv",
        "conv.weight[0], conv.bias",
        "[(n, tuple(p.shape)) for n, p in conv.named_parameters()]",
        "nn.Conv2d(4, 6, (2, 3), stride=2, padding=(1, 0), dilation=2, groups=2, bias=False)",
        "c1 = nn.Conv1d(2, 3, 4, padding='same')\nc1, c1.weight.sum(), c1.bias",
        "nn.Conv2d(2, 2, 3, padding='valid'), nn.Conv1d(2, 4, 3, stride=1, padding=2)",
        "nn.MaxPool2d(2), nn.MaxPool2d((3, 2), stride=1, padding=1, ceil_mode=True), nn.AvgPool2d(3, 2, 1)",
        "nn.AdaptiveAvgPool2d((1, 1)), nn.AdaptiveAvgPool2d(5), nn.Dropout2d(0.2)",
        "nn.BatchNorm2d(4), nn.BatchNorm1d(3, momentum=None, affine=False), "
        "nn.BatchNorm1d(3, track_running_stats=False)",
        "nn.LayerNorm([3, 4]), nn.LayerNorm(4, elementwise_affine=False), nn.LayerNorm(4, bias=False)",
        "list(nn.BatchNorm2d(2).state_dict()), list(nn.BatchNorm1d(2, affine=False, track_running_stats=False)"
        ".state_dict())",
    ],
    "forward_backward": [
        SETUP + "torch.manual_seed(1)\nx = torch.randn(2, 3, 8, 8, requires_grad=True)\n"
        "conv = nn.Conv2d(3, 4, 3, padding=1)\ny = F.max_pool2d(F.relu(conv(x)), 2)\ny.grad_fn, y.shape",
        "y.grad_fn.next_functions[0][0], y.grad_fn.next_functions[0][0].next_functions[0][0]",
        "[type(f).__name__ for f, _ in conv(x).grad_fn.next_functions]",
        "y.sum().backward()\nconv.bias.grad, x.grad[0, 0, :2]",
        "v, i = F.max_pool2d(x, 3, stride=2, padding=1, return_indices=True)\ni[0, 0], v.grad_fn",
        "xn = torch.tensor([[[[1., float('nan'), 2.], [float('nan'), 0., 5.], [3., 3., -1.]]]])\n"
        "F.max_pool2d(xn, 2, 1, return_indices=True)",
        "xi = torch.full((1, 1, 3, 3), float('-inf'))\nF.max_pool2d(xi, 2, 1, padding=1, return_indices=True)",
        "ties = torch.zeros(1, 1, 4, 4)\n"
        "F.max_pool2d(ties, 2, return_indices=True)[1], F.max_pool2d(ties, 3, 1, 1, return_indices=True)[1]",
        "F.max_pool2d(torch.arange(25.).view(1, 5, 5), 3, 2, 1, ceil_mode=True, dilation=1, return_indices=True)",
        "F.avg_pool2d(x, 2).grad_fn, F.adaptive_avg_pool2d(x, (3, 2)).grad_fn, F.adaptive_avg_pool2d(x, 1).grad_fn",
        "F.conv2d(x[0], conv.weight).grad_fn, F.conv1d(x[0], conv.weight[:, :, 0]).grad_fn",
        "torch.conv2d(x, conv.weight, None, 2).shape, torch.max_pool2d(x, 3).shape, torch.layer_norm(x, (8,)).grad_fn",
        "torch.convolution(x, conv.weight, conv.bias, (1, 1), (0, 0), (1, 1), False, (0, 0), 1).grad_fn",
        "g, = torch.autograd.grad(conv(x).sum(), x, create_graph=True)\ng.grad_fn",
        "g, = torch.autograd.grad(F.max_pool2d(x, 2).pow(2).sum(), x, create_graph=True)\ng.grad_fn",
        "torch.manual_seed(2)\nd = nn.Dropout2d(0.5)\n"
        "d(torch.ones(2, 4, 2, 2))[:, :, 0, 0], d(torch.ones(2, 4, 2, 2, requires_grad=True)).grad_fn",
        "d.eval()\nd(torch.ones(1, 2, 1, 1))",
        "F.dropout2d(torch.ones(3, 4, 2), 0.5).shape",
    ],
    "batch_norm_running_stats": [
        SETUP + "torch.manual_seed(3)\nbn = nn.BatchNorm2d(3)\nx = torch.randn(4, 3, 5, 5) * 2 + 1\ny = bn(x)\n"
        "bn.running_mean, bn.running_var, bn.num_batches_tracked, y.grad_fn",
        "bn(x * 3)\nbn.running_mean, bn.running_var",
        "bn.eval()\nbn(x)[0, :, 0, 0], bn.running_mean",
        "cma = nn.BatchNorm1d(2, momentum=None)\nfor s in (1.0, 2.0, 4.0):\n    _ = cma(torch.randn(6, 2) * s)\n"
        "cma.running_var, cma.num_batches_tracked",
        "nostats = nn.BatchNorm1d(2, track_running_stats=False)\nnostats.eval()\nnostats(torch.randn(3, 2, 4)).shape",
        "ln = nn.LayerNorm(5)\nz = ln(torch.randn(2, 5, requires_grad=True))\nz.grad_fn, z.sum(1).abs().max() < 1e-5",
    ],
    "errors": [
        SETUP + "conv = nn.Conv2d(1, 6, 5)\nconv(torch.randn(2, 3, 28, 28))",
        "conv(torch.randn(28, 28))",
        "conv(torch.randn(2, 1, 3, 3))",
        "nn.Conv1d(2, 4, 3)(torch.randn(3, 2, 2))",
        "nn.Conv2d(3, 4, 3, groups=2)",
        "nn.Conv2d(4, 3, 3, groups=2)",
        "nn.Conv2d(4, 4, 3, stride=2, padding='same')",
        "nn.Conv2d(4, 4, 3, padding='foo')",
        "F.conv2d(torch.randn(2, 3, 8, 8), torch.randn(4, 3, 3, 3), stride=2, padding='same')",
        "F.conv2d(torch.randn(2, 3, 8, 8), torch.randn(4, 3, 3, 3), torch.randn(3))",
        "F.conv2d(torch.randn(2, 3, 8, 8), torch.randn(4, 3, 3, 3).double())",
        # (ATen warns once per process for an even kernel with padding='same': an earlier test of the pytest worker
        # may have used up one side's once but not the other's, so both warn every time here)
        "torch.set_warn_always(True)\nshape = F.conv2d(torch.randn(1, 2, 6, 6), torch.randn(2, 2, 2, 2), "
        "padding='same').shape\ntorch.set_warn_always(False)\nshape",
        "F.max_pool2d(torch.randn(2, 3, 8, 8), 3, padding=2)",
        "F.max_pool2d(torch.randn(8, 8), 3)",
        "F.max_pool2d(torch.randn(2, 3, 2, 2), 3)",
        "F.avg_pool2d(torch.randn(2, 3, 2, 2), 3)",
        "nn.BatchNorm2d(3)(torch.randn(2, 3, 4))",
        "nn.BatchNorm1d(3)(torch.randn(2, 4))",
        "nn.BatchNorm1d(3)(torch.randn(1, 3))",
        "nn.LayerNorm(3)(torch.randn(2, 4))",
        "F.adaptive_avg_pool2d(torch.randn(8), (2, 2))",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="conv", name=name)


F_CASES = [
    ("conv2d", lambda F, x, w, b: F.conv2d(x, w, b), [(2, 3, 8, 8), (4, 3, 3, 3), (4,)]),
    ("conv2d_args", lambda F, x, w, b: F.conv2d(x, w, b, stride=2, padding=1, dilation=2), [(2, 3, 9, 8),
                                                                                          (4, 3, 3, 2), (4,)]),
    ("conv2d_groups", lambda F, x, w: F.conv2d(x, w, groups=2, stride=(2, 1), padding=(0, 2)), [(2, 4, 7, 8),
                                                                                              (6, 2, 3, 3)]),
    ("conv2d_depthwise", lambda F, x, w: F.conv2d(x, w, groups=4, padding="same"), [(2, 4, 6, 6), (4, 1, 3, 3)]),
    ("conv2d_lenet", lambda F, x, w, b: F.conv2d(x, w, b), [(16, 1, 28, 28), (6, 1, 5, 5), (6,)]),
    ("conv1d", lambda F, x, w, b: F.conv1d(x, w, b, stride=2, padding=1), [(2, 3, 10), (4, 3, 3), (4,)]),
    ("conv1d_same", lambda F, x, w: F.conv1d(x, w, padding="same", dilation=2), [(2, 3, 10), (4, 3, 4)]),
    ("conv2d_unbatched", lambda F, x, w: F.conv2d(x, w), [(3, 6, 6), (4, 3, 3, 3)]),
    ("max_pool", lambda F, x: F.max_pool2d(x, 2), [(2, 3, 8, 8)]),
    ("max_pool_overlap", lambda F, x: F.max_pool2d(x, 3, stride=1, padding=1), [(2, 3, 7, 8)]),
    ("max_pool_ceil", lambda F, x: F.max_pool2d(x, 3, stride=2, padding=1, ceil_mode=True), [(2, 3, 8, 9)]),
    ("max_pool_dilation", lambda F, x: F.max_pool2d(x, (2, 3), stride=(2, 1), dilation=2), [(2, 3, 8, 9)]),
    ("max_pool_unbatched", lambda F, x: F.max_pool2d(x, 2), [(3, 8, 8)]),
    ("avg_pool", lambda F, x: F.avg_pool2d(x, 2), [(2, 3, 8, 8)]),
    ("avg_pool_pad", lambda F, x: F.avg_pool2d(x, 3, 2, 1), [(2, 3, 8, 8)]),
    ("avg_pool_ceil_nocount", lambda F, x: F.avg_pool2d(x, 3, 2, 1, ceil_mode=True, count_include_pad=False),
     [(2, 3, 8, 8)]),
    ("avg_pool_ceil", lambda F, x: F.avg_pool2d(x, 3, 2, 1, ceil_mode=True), [(2, 3, 8, 8)]),
    ("avg_pool_divisor", lambda F, x: F.avg_pool2d(x, 2, divisor_override=3), [(3, 8, 8)]),
    ("adaptive", lambda F, x: F.adaptive_avg_pool2d(x, (3, 5)), [(2, 3, 8, 7)]),
    ("adaptive_one", lambda F, x: F.adaptive_avg_pool2d(x, 1), [(2, 3, 8, 7)]),
    ("adaptive_none", lambda F, x: F.adaptive_avg_pool2d(x, (None, 2)), [(3, 8, 7)]),
    ("batch_norm", lambda F, x, w, b: F.batch_norm(x, None, None, w, b, True), [(4, 3, 5, 5), (3,), (3,)]),
    ("batch_norm_1d", lambda F, x: F.batch_norm(x, None, None, training=True), [(4, 3)]),
    ("layer_norm", lambda F, x, w, b: F.layer_norm(x, (5, 6), w, b), [(4, 3, 5, 6), (5, 6), (5, 6)]),
    ("layer_norm_plain", lambda F, x: F.layer_norm(x, (6,)), [(4, 3, 5, 6)]),
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


def test_training_a_small_cnn_matches_pytorch():
    """Ten SGD steps of a LeNet-like net from the same seed: every loss within float32 drift of PyTorch's."""
    real = require("torch")
    from autograd_magic import torch as ours

    def losses(torch):
        nn = torch.nn
        torch.manual_seed(0)
        net = nn.Sequential(nn.Conv2d(1, 6, 5), nn.BatchNorm2d(6), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5),
                            nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(), nn.Linear(256, 32), nn.LayerNorm(32),
                            nn.ReLU(), nn.Dropout(0.1), nn.Linear(32, 10))
        opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
        x, y = torch.randn(16, 1, 28, 28), torch.randint(0, 10, (16,))
        out = []
        for _ in range(10):
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(x), y)
            loss.backward()
            opt.step()
            out.append(loss.item())
        return out

    np.testing.assert_allclose(losses(ours), losses(real), rtol=1e-4)
