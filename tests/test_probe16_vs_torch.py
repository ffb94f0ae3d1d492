"""What the sixteenth probe found, each checked against PyTorch: a linear layer's bias of the wrong size (addmm's
expand message; ATen's choice between one addmm over the flattened input and a matmul then an in-place add of the
bias); a convolution's weight of the wrong rank (its parameters' lengths checked against the weight's dims first);
max pooling of bfloat16 tensors (forward, indices, backward); ctc_loss given float lengths (tensors: ATen's
"must be integral"; lists: the argument parser's TypeError)."""
import pytest

from helpers import assert_same_as_pytorch

TRY = '''import torch.nn as nn
import torch.nn.functional as F
def attempt(make):
    try:
        out = make()
        if isinstance(out, tuple):
            out = out[0]
        print("ok", out.dtype, tuple(out.shape), type(out.grad_fn).__name__)
        return out
    except Exception as e:
        print(type(e).__name__, e)
'''

CELLS = {
    "linear_bias_of_the_wrong_size": [
        TRY + '''w = torch.ones(4, 3, requires_grad=True)
for make in [lambda: F.linear(torch.ones(2, 3), torch.ones(4, 3), torch.ones(3)),
             lambda: F.linear(torch.ones(3), w, torch.ones(3)),
             lambda: F.linear(torch.ones(5, 2, 3), w, torch.ones(3)),
             lambda: F.linear(torch.ones(6, 5, 2, 3), w, torch.ones(5)),
             lambda: F.linear(torch.ones(0, 3), w, torch.ones(3)),
             lambda: F.linear(torch.ones(2, 3), w, torch.ones(4, 1)),
             lambda: F.linear(torch.ones(5, 2, 3), w, torch.ones(2, 1)),
             lambda: F.linear(torch.ones(2, 3), w, torch.ones(1, 2, 4)),
             lambda: F.linear(torch.ones(5, 2, 3), w, torch.ones(1, 1, 4)),
             lambda: F.linear(torch.ones(3), w, torch.ones(2, 4)),
             lambda: F.linear(torch.ones(1, 1, 3), w, torch.ones(2, 4)),
             lambda: F.linear(torch.ones(5, 2, 3), w, torch.ones(10, 4)),
             lambda: F.linear(torch.ones(5, 3, 2).transpose(1, 2), w, torch.ones(3)),
             lambda: F.linear(torch.ones(3, 2).t(), w, torch.ones(3)),
             lambda: F.linear(torch.ones(2, 3), torch.ones(3), torch.ones(2)),
             lambda: F.linear(torch.ones(3), torch.ones(3), torch.ones(2)),
             lambda: torch.addmm(torch.ones(3), torch.ones(2, 3), torch.ones(3, 4)),
             lambda: torch.addmm(torch.ones(2), torch.ones(1, 3), torch.ones(3))]:
    attempt(make)''',
        TRY + '''w = torch.ones(4, 3, requires_grad=True)
for bias in [(), (1,), (4,), (1, 4), (2, 4), (1, 1), (5, 2, 4), (1, 2, 4)]:
    for x in [torch.ones(3), torch.ones(5, 2, 3), torch.ones(6, 5, 2, 3), torch.ones(5, 3, 2).transpose(1, 2)]:
        attempt(lambda: F.linear(x, w, torch.ones(bias)))''',
        TRY + '''lin = nn.Linear(3, 4)
lin.bias = nn.Parameter(torch.ones(5))
for x in [torch.ones(2, 3), torch.ones(3), torch.ones(2, 2, 3), torch.ones(7, 2, 2, 3)]:
    attempt(lambda: lin(x))''',
        ('torch.manual_seed(0)\nx = torch.randn(5, 3, 2, requires_grad=True)\nw = torch.randn(4, 3, requires_grad=True)\n'
         'b = torch.randn(2, 4, requires_grad=True)\nout = torch.nn.functional.linear(x.transpose(1, 2), w, b)\n'
         'out.backward(torch.randn(out.shape))\nprint(out, x.grad, w.grad, b.grad)\n'
         'out = torch.nn.functional.linear(torch.randn(3), w, torch.randn(()))\nout'),
    ],
    "conv_weight_of_the_wrong_rank": [
        TRY + '''x3, x4, x5 = torch.ones(1, 1, 5), torch.ones(1, 1, 5, 5), torch.ones(1, 1, 5, 5, 5)
w3, w4, w5 = torch.ones(1, 1, 3), torch.ones(1, 1, 3, 3), torch.ones(1, 1, 3, 3, 3)
for make in [lambda: F.conv2d(x4, torch.ones(1, 3, 3)),
             lambda: F.conv2d(x4, w5),
             lambda: F.conv2d(x4, torch.ones(3, 3)),
             lambda: F.conv2d(torch.ones(1, 5, 5), torch.ones(1, 3, 3)),
             lambda: F.conv2d(x4, torch.ones(1, 3, 3), stride=(1,)),
             lambda: F.conv2d(x4, torch.ones(1, 3, 3), stride=2, padding=(1, 1)),
             lambda: F.conv2d(x4, torch.ones(1, 3, 3), stride=(1,), padding=(0,), dilation=(1,)),
             lambda: F.conv2d(x4, w4, stride=(1, 1, 1)),
             lambda: F.conv2d(x4, w4, padding=(1, 1, 1), dilation=(1, 1, 1)),
             lambda: F.conv2d(x4, w4, stride=(1,)),
             lambda: F.conv2d(x4, w4, groups=0),
             lambda: F.conv2d(x4, torch.ones(1, 3, 3), groups=0),
             lambda: F.conv1d(x3, w4),
             lambda: F.conv1d(x3, w4, stride=(1, 1)),
             lambda: F.conv1d(x3, torch.ones(1, 3)),
             lambda: F.conv3d(x5, w4),
             lambda: F.conv3d(x4, w4),
             lambda: F.conv3d(x5, w5, stride=(1, 1)),
             lambda: nn.Conv2d(1, 1, 3, stride=(1, 1, 1))(x4),
             lambda: nn.Conv2d(1, 1, 3, padding=(1, 1, 1))(x4)]:
    attempt(make)''',
        TRY + '''x3, x4 = torch.ones(1, 1, 5), torch.ones(1, 1, 5, 5)
w4 = torch.ones(1, 1, 3, 3)
for make in [lambda: F.conv2d(x4, torch.ones(1, 3, 3), padding='same'),
             lambda: F.conv2d(x4, torch.ones(1, 3, 3), padding='valid'),
             lambda: F.conv2d(x4, torch.ones(1, 3, 3), stride=(1,), padding='valid'),
             lambda: F.conv2d(x4, torch.ones(3, 3), padding='same'),
             lambda: F.conv2d(x4, w4, padding='same', stride=(1, 1, 1)),
             lambda: F.conv2d(x4, w4, padding='same', dilation=(1, 1, 1)),
             lambda: F.conv_transpose2d(x4, torch.ones(1, 1, 3)),
             lambda: F.conv_transpose2d(x4, w4, stride=(1, 1, 1)),
             lambda: F.conv_transpose2d(x4, w4, output_padding=(0, 0, 0), dilation=(1, 1, 1)),
             lambda: F.conv_transpose2d(x4, w4, groups=0),
             lambda: F.conv_transpose1d(x3, w4),
             lambda: F.conv_transpose2d(x4, torch.ones(1, 1, 3), stride=(1,), padding=(0,), dilation=(1,)),
             lambda: torch.conv2d(x4, torch.ones(1, 3, 3)),
             lambda: torch.convolution(x4, torch.ones(1, 3, 3), None, [1, 1], [0, 0], [1, 1], False, [0, 0], 1),
             lambda: torch.convolution(torch.ones(1, 5, 5), w4, None, [1], [0], [1], False, [0], 1),
             lambda: torch.convolution(x4, torch.ones(1, 3), None, [1], [0], [1], False, [0], 1)]:
    attempt(make)'''],
    "max_pool_of_bfloat16": [
        "torch.nn.functional.max_pool2d(torch.ones(1, 1, 4, 4, dtype=torch.bfloat16), 2)",
        TRY + '''x = torch.tensor([[[[0.1, 0.37, 0.99, 1.7, -3.3], [2.1, float('nan'), 0.2, 0.3, 7.1],
                   [1.01, 1.02, 1.03, -1.0, 0.5], [5.5, 0.2, 0.3, 0.4, 0.6]]]], dtype=torch.bfloat16)
print(F.max_pool2d(x, 2), F.max_pool2d(x, 2, return_indices=True))
print(F.max_pool2d(x, 3, stride=1, padding=1, return_indices=True), nn.MaxPool2d(2, ceil_mode=True)(x))
print(F.max_pool1d(x[0], 2), F.max_pool1d(x[0], 3, 1, 1, return_indices=True))
print(F.max_pool3d(x, (1, 2, 2), return_indices=True), F.max_pool3d(x, (1, 2, 2), ceil_mode=True))
for make in [lambda: F.max_pool2d(x, 2, dilation=2), lambda: nn.MaxPool1d(2)(x[0, 0]),
             lambda: F.max_pool2d(x.to(memory_format=torch.channels_last), 2, 1, return_indices=True),
             lambda: F.max_pool3d(x, 2), lambda: nn.AdaptiveMaxPool2d(2)(x)]:
    attempt(make)''',
        ("y = torch.tensor([[[[0.1, 0.37, 0.99, 1.7, -3.3], [2.1, 0.1, 0.2, 0.3, 7.1], [1.01, 1.02, 1.03, -1.0, 0.5],\n"
         "                   [5.5, 0.2, 0.3, 0.4, 0.6]]]], dtype=torch.bfloat16, requires_grad=True)\n"
         "out = torch.nn.functional.max_pool2d(y, 3, stride=1, padding=1)\n"
         "out.backward(torch.linspace(0.1, 3.3, out.numel()).reshape(out.shape).to(torch.bfloat16) * 1.37)\n"
         "print(out.grad_fn.name(), y.grad)\ny.grad = None\n"
         "out, idx = torch.nn.functional.max_pool1d(y[0, 0], 3, 1, return_indices=True)\n"
         "out.backward(torch.full(out.shape, 1.01, dtype=torch.bfloat16))\nprint(out.grad_fn.name(), idx, y.grad)"),
        ("torch.manual_seed(0)\nz = torch.randn(1, 2, 4, 4, 4).bfloat16().requires_grad_()\n"
         "out = torch.nn.functional.max_pool3d(z, 3, 1, 1)\nout.backward(torch.randn(out.shape).bfloat16() * 3.3)\n"
         "print(out.grad_fn.name(), z.grad.dtype, z.grad[0, 0, 1], z.grad[0, 1, 2])\n"
         "zc = torch.randn(2, 3, 5, 5).bfloat16().to(memory_format=torch.channels_last).requires_grad_()\n"
         "out = torch.nn.functional.max_pool2d(zc, 3, 1, 1)\nout.backward(torch.randn(out.shape).bfloat16() * 3.3)\n"
         "print(out.is_contiguous(memory_format=torch.channels_last), zc.grad[1, 2])\n"
         "g = torch.ones_like(out).requires_grad_()\ngg, = torch.autograd.grad(out, zc, g, create_graph=True)\n"
         "gg.sum().backward()\ngg[0, 0], g.grad.dtype, g.grad.sum()"),
        ("torch.manual_seed(0)\nz = torch.randn(1, 2, 5, 7).bfloat16().requires_grad_()\n"
         "out, idx = torch.nn.functional.adaptive_max_pool2d(z, (3, 4), return_indices=True)\n"
         "out.backward(torch.randn(out.shape).bfloat16() * 3.3)\nprint(out, idx, z.grad)\n"
         "z = torch.tensor([[[1., 5., 5.2, 0.3, 2.]]]).bfloat16().repeat(1, 1, 3).requires_grad_()\n"
         "out = torch.nn.functional.adaptive_max_pool1d(z, 7)\n"
         "out.backward(torch.linspace(0.1, 3.3, 7).reshape(out.shape).bfloat16() * 1.37)\nprint(out, z.grad)\n"
         "z3 = torch.randn(1, 1, 3, 4, 5).bfloat16().requires_grad_()\n"
         "out = torch.nn.functional.adaptive_max_pool3d(z3, 2)\ng = torch.ones_like(out).requires_grad_()\n"
         "gg, = torch.autograd.grad(out, z3, g * 1.01, create_graph=True)\ngg.sum().backward()\n"
         "out, gg.grad_fn.name(), g.grad"),
    ],
    "ctc_loss_given_float_lengths": [
        TRY + '''import numpy as np
torch.manual_seed(0)
lp = torch.randn(6, 2, 4).log_softmax(2).detach().requires_grad_()
tg = torch.tensor([[1, 2, 2], [3, 1, 0]])
for make in [lambda: F.ctc_loss(lp, tg, torch.tensor([6., 5.]), torch.tensor([3., 2.])),
             lambda: F.ctc_loss(lp, tg, torch.tensor([6, 5]), torch.tensor([3., 2.])),
             lambda: F.ctc_loss(lp, tg, torch.tensor([6., 5.]), torch.tensor([3, 2]), blank=9),
             lambda: F.ctc_loss(lp.double(), tg, torch.tensor([6., 5.]).half(), torch.tensor([3, 2])),
             lambda: F.ctc_loss(lp, tg, torch.tensor([True, True]), torch.tensor([3, 2])),
             lambda: F.ctc_loss(lp, tg, torch.tensor([6, 5], dtype=torch.int16), torch.tensor([3, 2], dtype=torch.uint8)),
             lambda: F.ctc_loss(lp, tg, torch.tensor([6., 5.], dtype=torch.float64), torch.tensor([3, 2]),
                                reduction='none'),
             lambda: nn.CTCLoss()(lp, tg, torch.tensor([6., 5.]), torch.tensor([3., 2.])),
             lambda: torch.ctc_loss(lp, tg, torch.tensor([6., 5.]), torch.tensor([3., 2.]))]:
    attempt(make)''',
        TRY + '''import numpy as np
torch.manual_seed(0)
lp = torch.randn(6, 2, 4).log_softmax(2).detach().requires_grad_()
tg = torch.tensor([[1, 2, 2], [3, 1, 0]])
for make in [lambda: F.ctc_loss(lp, tg, [6., 5.], [3., 2.]),
             lambda: F.ctc_loss(lp, tg, [6, 5], [3., 2.]),
             lambda: F.ctc_loss(lp, tg, (6., 5.), (3, 2)),
             lambda: F.ctc_loss(lp, tg, [6, 5.], [3, 2]),
             lambda: F.ctc_loss(lp, tg, [6, 5], (3, True)),
             lambda: F.ctc_loss(lp, tg, [6, 5], torch.tensor([3., 2.])),
             lambda: F.ctc_loss(lp, tg, torch.tensor([6., 5.]), [3, 2]),
             lambda: F.ctc_loss(lp, tg, 6, 3),
             lambda: F.ctc_loss(lp, tg, [True, True], [3, 2]),
             lambda: F.ctc_loss(lp, tg, np.array([6, 5]), [3, 2]),
             lambda: F.ctc_loss(lp, tg, [np.int64(6), torch.tensor(5)], [3, 2], reduction='sum'),
             lambda: F.ctc_loss(lp, tg, [6., 5.], [3, 2], reduction='bad'),
             lambda: F.ctc_loss(lp[:, 0], tg[0], 6., 3.),
             lambda: F.ctc_loss(lp[:, 0], tg[0], [6.], [3.]),
             lambda: nn.CTCLoss(zero_infinity=True)(lp, tg, [6., 5.], [3., 2.]),
             lambda: torch.ctc_loss(lp, tg, [6., 5.], [3., 2.]),
             lambda: torch.ctc_loss(lp, tg, [6., 5.], [3, 2], blank=0),
             lambda: torch.ctc_loss(lp, tg, [6., 5.], [3, 2], 0, 2, True),
             lambda: torch.ctc_loss(lp, tg, [6, 5], [3, 2], 0, 2, True)]:
    attempt(make)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe16_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
