"""What the hundred-and-fourteenth probe (Cornell Tech's MiniTorch course and 'build your own autograd' homeworks
checked against real torch: scalar ops and derivatives, strides and broadcasting, reductions and max ties, conv and
pooling by hand, softmax, dropout, assert_close) found, each checked against PyTorch: sum / mean given a dim, even
None or () (or axis=None), take the dim overload (SumBackward1 / MeanBackward1, _saved_dim None or (), its
gradient an expand); a dilation of 0 is refused by the kernel ATen picks (mkldnn for a batch of two:
"non-positive dilation is not supported", after its dtype check; the slow kernels' "but got [...]" after the
channel, kernel-size and bias checks; oneDNN's own errors for a transposed one), and a transposed convolution
checks its bias and empty input before its output padding and size; avg/max_pool2d/3d refuse a kernel_size,
stride, padding or dilation of the wrong length with ATen's messages, before looking at the input."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "sum_mean_dim_overload": [
        '''t = torch.ones(2, 3, requires_grad=True)
for y in [t.sum(None), t.sum(dim=None), t.sum(()), t.sum([]), t.mean(None), t.mean(()), t.mean([], True),
          torch.sum(t, ()), torch.mean(t, dim=[]), t.sum((), dtype=torch.float64), t.sum(axis=None), t.mean(axis=()),
          torch.ones((), requires_grad=True).sum(()), torch.ones((), requires_grad=True).mean(None)]:
    print(y, y.grad_fn._saved_dim, y.grad_fn._saved_keepdim)
print(t.sum(), t.mean(), t.sum(dtype=torch.float64), t.sum(dim=(0, 1)))
''',
        '''t = torch.ones(2, 3, requires_grad=True)
for f in [lambda: t.sum(dim=None), lambda: t.mean(()), lambda: torch.sum(t, dim=[], keepdim=True), lambda: t.sum()]:
    y = f()
    g, = torch.autograd.grad(y.sum() * y.sum(), t, create_graph=True)
    print(y, g, g.grad_fn, g.grad_fn.next_functions)
''',
    ],
    "conv_zero_dilation_by_backend": [
        ATTEMPT + '''import torch.nn.functional as F
r = lambda *s: torch.ones(*s)
for make in [lambda: F.conv1d(r(2, 3, 7), r(4, 3, 3), dilation=0), lambda: F.conv1d(r(1, 3, 7), r(4, 3, 3), dilation=0),
             lambda: F.conv2d(r(2, 2, 8, 8), r(2, 2, 3, 3), dilation=(1, 0)),
             lambda: F.conv2d(r(1, 2, 120, 120), r(2, 2, 3, 3), dilation=0),
             lambda: F.conv2d(r(2, 2, 8, 8), r(2, 2, 3, 3), dilation=0, padding="same"),
             lambda: F.conv2d(r(2, 2, 8, 8).double(), r(2, 2, 3, 3).double(), dilation=0),
             lambda: F.conv2d(r(2, 3, 8, 8), r(2, 2, 3, 3), dilation=0),
             lambda: F.conv2d(r(1, 3, 8, 8), r(2, 2, 3, 3), dilation=0),
             lambda: F.conv2d(r(1, 2, 8, 8), r(2, 2, 3, 3), r(3), dilation=0),
             lambda: F.conv2d(r(1, 2, 2, 2), r(2, 2, 3, 3), dilation=(0, 2)),
             lambda: F.conv2d(r(2, 2, 8, 8), r(2, 2, 3, 3).double(), dilation=0),
             lambda: F.conv2d(r(1, 2, 8, 8), r(2, 2, 3, 3).double(), dilation=0),
             lambda: F.conv3d(r(2, 2, 5, 5, 5), r(2, 2, 3, 3, 3), dilation=0),
             lambda: torch.nn.Conv2d(2, 2, 3, dilation=0)(r(4, 2, 8, 8)),
             lambda: F.conv_transpose1d(r(1, 2, 8), r(2, 2, 3), dilation=0),
             lambda: F.conv_transpose2d(r(2, 2, 8, 8), r(2, 2, 3, 3), dilation=(1, 0)),
             lambda: F.conv_transpose2d(r(2, 2, 8, 8).double(), r(2, 2, 3, 3).double(), dilation=0),
             lambda: F.conv_transpose2d(r(2, 3, 8, 8), r(2, 2, 3, 3), dilation=0),
             lambda: F.conv_transpose2d(r(2, 2, 8, 8), r(2, 2, 3, 3), r(5), dilation=0),
             lambda: F.conv_transpose2d(r(2, 2, 8, 8), r(2, 2, 3, 3), output_padding=2, dilation=0),
             lambda: F.conv_transpose2d(r(2, 2, 8, 8), r(2, 2, 3, 3), output_padding=1, stride=2, dilation=0),
             lambda: F.conv_transpose3d(r(2, 2, 5, 5, 5), r(2, 2, 3, 3, 3), dilation=0),
             lambda: F.conv_transpose2d(r(1, 2, 8, 8), r(2, 2, 3, 3), r(5), output_padding=2),
             lambda: F.conv_transpose2d(r(1, 2, 1, 1), r(2, 2, 1, 1), r(5), padding=3),
             lambda: F.conv_transpose2d(r(1, 2, 0, 8), r(2, 2, 1, 1)),
             lambda: F.conv_transpose2d(r(1, 2, 0, 8), r(2, 2, 3, 3), output_padding=2)]:
    attempt(lambda: make().shape)
''',
    ],
    "pool_argument_lengths": [
        ATTEMPT + '''import torch.nn.functional as F
x2, x3 = torch.ones(1, 2, 8, 8), torch.ones(1, 2, 6, 6, 6)
for make in [lambda: F.avg_pool2d(x2, (2, 2, 2)), lambda: F.avg_pool2d(x2, 2, (1, 1, 1)),
             lambda: F.avg_pool2d(x2, 2, 2, (0, 0, 0)), lambda: F.avg_pool2d(x2, ()), lambda: F.avg_pool2d(x2, 2, ()),
             lambda: F.avg_pool2d(x2, 2, 2, ()), lambda: F.max_pool2d(x2, [2, 2, 2]), lambda: F.max_pool2d(x2, 2, (1, 1, 1)),
             lambda: F.max_pool2d(x2, 2, 2, (0, 0, 0)), lambda: F.max_pool2d(x2, 2, 2, 0, (1, 1, 1)),
             lambda: F.max_pool2d(x2, 2, 2, 0, ()), lambda: F.max_pool2d(x2, 2, []),
             lambda: F.avg_pool3d(x3, (2, 2)), lambda: F.avg_pool3d(x3, 2, (1, 1)), lambda: F.avg_pool3d(x3, 2, 2, (0, 0)),
             lambda: F.max_pool3d(x3, (2, 2)), lambda: F.max_pool3d(x3, 2, (1, 1)), lambda: F.max_pool3d(x3, 2, 2, (0, 0)),
             lambda: F.max_pool3d(x3, 2, 2, 0, (1, 1)), lambda: torch.nn.AvgPool2d((2, 2, 2))(x2),
             lambda: torch.nn.MaxPool3d(2, (1, 1))(x3), lambda: F.max_pool2d(x2[0, 0], (2, 2, 2)),
             lambda: F.avg_pool2d(x2.long(), (2, 2, 2)), lambda: F.max_pool2d(x2, (2, 2, 2), return_indices=True),
             lambda: torch.max_pool2d(x2, (2, 2, 2)), lambda: F.max_pool2d(x2, 2, (2, 2, 2), 5),
             lambda: F.avg_pool2d(x2, (2,), (1,))]:
    attempt(lambda: make().shape)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe114_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe114/{name}", warns="per_cell")
