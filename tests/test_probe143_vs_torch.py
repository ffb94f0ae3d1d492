"""What the hundred-and-forty-third probe (computer vision by hand: box IoU / GIoU and box coders, NMS with sort
and masks, focal loss, U-Net with ConvTranspose2d and skip connections, Dice / IoU metrics, anchors with meshgrid,
FPN upsampling, flips / rot90 / random crops and affine_grid / grid_sample augmentation) found, each checked against
PyTorch: the conv layers keep a list or tuple stride / padding / dilation / output_padding / kernel_size as given
(``stride=[2]`` prints ``stride=(2,)``; a one-element kernel_size of a Conv2d makes a 3-d weight and F.conv2d's
error), and a ConvTranspose layer's padding='same' is PyTorch's _pair of a string (its letters: the repr, .padding,
_reversed_padding_repeated_twice, and F.conv_transpose2d's TypeError at the call); F.affine_grid of 3D transforms
(Nx3x4 theta, 5-D sizes): the (N, D, H, W, 3) grid with align_corners both ways, its gradient, and the batch
mismatch's bmm message with 4 columns."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(1, 4, 6, 6)
'''

CELLS = {
    "conv_transpose_padding_string": [
        SETUP + '''for cls, inp in [(nn.ConvTranspose1d, x[0]), (nn.ConvTranspose2d, x), (nn.ConvTranspose3d, x[None])]:
    for pad in ["same", "valid", "ab"]:
        m = cls(4, 2, 3, padding=pad)
        print(m, m.padding, m._reversed_padding_repeated_twice)
        attempt(lambda: m(inp))
attempt(lambda: nn.ConvTranspose2d(4, 2, 3, padding="same", padding_mode="reflect"))
''',
    ],
    "conv_layer_arguments_as_given": [
        SETUP + '''for make in [lambda: nn.Conv2d(4, 2, 3, stride=[2], padding=[1], dilation=(1,)),
             lambda: nn.Conv2d(4, 2, 3, stride=[2], padding=[1], dilation=(1,))(x).shape,
             lambda: nn.Conv2d(4, 2, (3,)), lambda: nn.Conv2d(4, 2, (3,)).weight.shape, lambda: nn.Conv2d(4, 2, (3,))(x),
             lambda: nn.Conv2d(4, 2, 3, padding=(1, 2))._reversed_padding_repeated_twice,
             lambda: nn.Conv2d(4, 2, 3, padding=[1], padding_mode="reflect")(x).shape,
             lambda: nn.ConvTranspose2d(4, 2, 3, stride=[2], padding=[1], output_padding=[1]),
             lambda: nn.ConvTranspose2d(4, 2, 3, stride=[2], padding=[1], output_padding=[1])(x).shape,
             lambda: nn.ConvTranspose2d(4, 2, 3, stride=[2], padding=[1])(x, output_size=[11, 12]).shape,
             lambda: nn.ConvTranspose2d(4, 2, (3,)), lambda: nn.ConvTranspose2d(4, 2, (3,))(x),
             lambda: nn.ConvTranspose1d(4, 2, [3], stride=(2,), output_padding=[1])(x[0]).shape]:
    attempt(make)
''',
    ],
    "affine_grid_3d": [
        SETUP + '''for ac in [False, True]:
    for dt in [torch.float32, torch.float64]:
        th = torch.randn(2, 3, 4, dtype=dt, requires_grad=True)
        for size in [(2, 1, 2, 3, 4), (2, 5, 3, 1, 2), (2, 1, 7, 6, 5)]:
            g = F.affine_grid(th, size, align_corners=ac)
            (g * torch.randn(g.shape, dtype=dt)).sum().backward()
            print(ac, size, g.shape, g.dtype, g.grad_fn.name(), g[1, -1, 0], th.grad)
            th.grad = None
print(torch.affine_grid_generator(torch.eye(3, 4)[None], [1, 1, 2, 2, 2], False)[0, 1])
eye = torch.eye(3, 4)[None]
for make in [lambda: F.affine_grid(eye.repeat(2, 1, 1), (3, 1, 2, 2, 2), align_corners=False),
             lambda: F.affine_grid(eye, (1, 1, 0, 2, 2), align_corners=False),
             lambda: F.affine_grid(eye, (1, 1, 1, 2, 2), align_corners=True).shape,
             lambda: F.affine_grid(eye, (1, 1, 2, 2, 2)).shape,
             lambda: F.affine_grid(eye.double(), (1, 1, 2, 2, 3), align_corners=False)[0, 1, 1],
             lambda: torch.autograd.gradcheck(lambda t: F.affine_grid(t, (1, 2, 2, 3, 2), align_corners=False),
                                              torch.randn(1, 3, 4, dtype=torch.double, requires_grad=True))]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe143_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe143/{name}", warns="per_cell")
