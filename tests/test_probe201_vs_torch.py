"""What the two-hundred-and-first probe (classical image processing and differentiable registration lessons:
filters as conv2d kernels, Canny-like pipelines, morphology by pooling, histogram equalisation, fft filtering, TV
denoising, affine_grid + grid_sample registration, F.interpolate) found, each checked against PyTorch. A uint8
image resized with bilinear or bicubic interpolation runs ATen's fixed-point kernel: weights computed in double,
scaled to int16 with the largest precision that keeps them under 2 ** 15, one pass per axis that changes size
(width first) rounding back to uint8 each time; its generic form (more than four channels, or no AVX2) gives every
row of a one-pixel-wide output the first row's value. An antialiased float resize leaves an axis of unchanged
size alone in the forward, whatever the scale factor, but its backward still spreads with that axis's weights; the
linear modes copy an axis of unchanged size (forward and backward) whatever the scale factor."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "uint8_bilinear_bicubic_resize_is_aten_fixed_point": ['''torch.manual_seed(0)
import torch.nn.functional as F
u8 = torch.randint(0, 256, (2, 3, 7, 9), dtype=torch.uint8)
u8[:, :, 2:5, 3:6] = 255
u8[:, :, 5:, :2] = 0
for mode in ("bilinear", "bicubic"):
    for ac in (False, True):
        for size in ((4, 5), (11, 13), (7, 4), (3, 9), (1, 2), (15, 2)):
            y = F.interpolate(u8, size=size, mode=mode, align_corners=ac)
            print(mode, ac, size, y.dtype, y.sum().item(), y[1, 2, 0].tolist(), y[0, 0, -1].tolist())
        y = F.interpolate(u8, scale_factor=(1.6, 0.7), mode=mode, align_corners=ac)
        print(y.shape, y[0, 1, :, 1].tolist())
        y = F.interpolate(u8, scale_factor=(0.45, 2.2), mode=mode, align_corners=ac, recompute_scale_factor=True)
        print(y.shape, y[1, 0, 1].tolist())
'''],
    "uint8_rgb_to_one_pixel_fails_atens_internal_assert": ['''torch.manual_seed(5)
import torch.nn.functional as F
for c in (1, 3, 4):
    for hw in ((7, 9), (7, 1), (1, 9), (1, 1)):
        u8 = torch.randint(0, 256, (2, c) + hw, dtype=torch.uint8)
        for mode in ("bilinear", "bicubic"):
            for aa in (False, True):
                try:
                    print(c, hw, mode, aa, F.interpolate(u8, size=(1, 1), mode=mode, antialias=aa).flatten().tolist())
                except RuntimeError as e:
                    print(c, hw, mode, aa, type(e).__name__, e)
u8 = torch.randint(0, 256, (1, 3, 7, 9), dtype=torch.uint8)
print(F.interpolate(u8.contiguous(memory_format=torch.channels_last), size=(1, 1), mode="bilinear").flatten())
'''],
    "grid_sample_of_an_empty_batch": ['''import torch.nn.functional as F
for shape, gshape in (((0, 2, 3, 3), (0, 4, 2, 2)), ((0, 1, 2, 3, 3), (0, 2, 2, 2, 3))):
    for m in ("bilinear", "nearest", "bicubic"):
        if len(shape) == 5 and m == "bicubic":
            continue
        x = torch.rand(*shape, requires_grad=True)
        g = torch.rand(*gshape, requires_grad=True)
        o = F.grid_sample(x, g, mode=m, align_corners=False)
        o.sum().backward()
        print(m, o.shape, o.grad_fn.name(), x.grad.shape, g.grad.shape, g.grad.dtype)
'''],
    "affine_grid_theta_grad_of_a_one_pixel_grid_is_plus_zero": ['''import torch.nn.functional as F
th = torch.tensor([[[1.0, 0.2, 0.1], [0.0, 0.9, -0.2]]], requires_grad=True)
for size in ((1, 3, 4, 5), (2, 1, 1, 1), (1, 1, 1, 6), (1, 3, 4, 1)):
    for ac in (False, True):
        g = F.affine_grid(th.expand(size[0], 2, 3), size, align_corners=ac)
        g.pow(2).sum().backward()
        print(size, ac, g[0, 0], th.grad, torch.signbit(th.grad))
        th.grad = None
'''],
    "half_grid_sample_in_half_steps": ['''torch.manual_seed(6)
import torch.nn.functional as F
for m in ("bilinear", "nearest", "bicubic"):
    x = torch.rand(1, 2, 5, 5).half().requires_grad_()
    g = (torch.rand(1, 3, 3, 2) * 2.4 - 1.2).half().requires_grad_()
    for pm in ("zeros", "border", "reflection"):
        for ac in (False, True):
            o = F.grid_sample(x, g, mode=m, padding_mode=pm, align_corners=ac)
            (o * torch.linspace(-1, 1, o.numel()).view_as(o).half()).float().sum().backward()
            print(m, pm, ac, o.dtype, o.grad_fn.name(), o[0, 1], x.grad[0, 0], g.grad[0, 1])
            x.grad = g.grad = None
'''],
    "uint8_antialiased_resize": ['''torch.manual_seed(1)
import torch.nn.functional as F
u8 = torch.randint(0, 256, (1, 4, 23, 17), dtype=torch.uint8)
for mode in ("bilinear", "bicubic"):
    for size in ((5, 4), (9, 30), (2, 17), (23, 6), (40, 3)):
        y = F.interpolate(u8, size=size, mode=mode, antialias=True)
        print(mode, size, y.sum().item(), y[0, 3, 0].tolist(), y[0, 1, :, -1].tolist())
    print(F.interpolate(u8[:, :1], scale_factor=0.13, mode=mode, antialias=True)[0, 0])
'''],
    "uint8_resize_many_channels_one_pixel_wide": ['''torch.manual_seed(2)
import torch.nn.functional as F
for c in (3, 5, 8):
    u8 = torch.randint(0, 256, (2, c, 6, 4), dtype=torch.uint8)
    for mode in ("bilinear", "bicubic"):
        for aa in (False, True):
            y = F.interpolate(u8, size=(9, 1), mode=mode, antialias=aa)
            z = F.interpolate(u8[..., :1], size=(4, 1), mode=mode, antialias=aa)
            w = F.interpolate(u8, size=(3, 2), mode=mode, antialias=aa)
            print(c, mode, aa, y[1, -1, :, 0].tolist(), z[0, 0, :, 0].tolist(), w[0, -1].tolist())
'''],
    "antialiased_float_resize_keeps_an_unchanged_axis_in_the_forward_only": ['''torch.manual_seed(3)
import torch.nn.functional as F
x = torch.rand(1, 2, 5, 8, requires_grad=True)
for mode in ("bilinear", "bicubic"):
    for sf in ((1.1, 0.5), (1.15, 1.9), (0.5, 1.1)):
        y = F.interpolate(x, scale_factor=sf, mode=mode, antialias=True)
        (y * torch.arange(y.numel()).view_as(y)).sum().backward()
        print(mode, sf, y.shape, y.grad_fn.name())
        print(y[0, 1])
        print(x.grad[0, 0])
        x.grad = None
'''],
    "linear_modes_copy_an_unchanged_axis_whatever_the_scale": ['''torch.manual_seed(4)
import torch.nn.functional as F
for shape, mode in (((1, 2, 5), "linear"), ((1, 2, 5, 6), "bilinear"), ((1, 1, 4, 5, 6), "trilinear")):
    x = torch.rand(*shape, requires_grad=True)
    for sf in (1.1, 1.05, 0.9):
        y = F.interpolate(x, scale_factor=sf, mode=mode)
        (y * torch.arange(y.numel()).view_as(y)).sum().backward()
        print(mode, sf, y.shape, y.flatten()[:8], x.grad.flatten()[:8])
        x.grad = None
xc = torch.rand(1, 5, 6, 7).to(memory_format=torch.channels_last).requires_grad_()
y = F.interpolate(xc, scale_factor=(1.1, 1.9), mode="bilinear")
y.sum().backward()
print(y[0, 4, :, 0], xc.grad[0, 0, :, 0])
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe201(name):
    assert_same_as_pytorch(CELLS[name], name=name)
