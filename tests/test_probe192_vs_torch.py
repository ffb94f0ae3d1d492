"""What the hundred-and-ninety-second probe (image processing by hand on tensors, as computer-vision courses teach
it before torchvision: uint8 images from torch.randint, filters with F.conv2d, F.interpolate in every mode, F.pad,
affine_grid / grid_sample, flips, rot90 and roll, histograms, patches with unfold / fold, pixel_shuffle and saliency
maps) found, each checked against PyTorch. torch.rot90 is ATen's flip then transpose_: an odd k gives a transposed
view of the flipped copy (not contiguous: .view() refuses it), k == 2 a flip laid out as its input (empty_like
preserve), k == 0 a row-major clone, never the input's own memory. F.unfold / F.fold are ATen's im2col / col2im CPU
kernels, which dispatch floating, complex and bool dtypes only: a uint8 image is their NotImplementedError, raised
after the shape checks. The antialiased bilinear / bicubic upsample kernels keep a channels-last input's layout, as
the plain ones do."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "rot90_odd_k_is_a_transposed_view_of_the_flip": ['''torch.manual_seed(0)
a = torch.rand(2, 3, 4)
for k in range(-2, 6):
    r = a.rot90(k, (1, 2))
    print(k, r.shape, r.stride(), r.is_contiguous())
b = a.transpose(1, 2)
print(b.rot90(1, (0, 1)).stride(), b.rot90(2, (1, 2)).stride(), b.rot90(3, (1, 2)).stride(), b.rot90(0, (1, 2)).stride())
print(a.permute(2, 0, 1).rot90(2, (0, 2)).stride(), torch.rot90(a, 1, [-1, -2]).stride())
img = torch.randint(0, 256, (3, 5, 7), dtype=torch.uint8)
print(img.rot90(1, (1, 2)).stride(), img.rot90(1, (1, 2)).is_contiguous(), img.rot90(-1, (1, 2)).transpose(1, 2).is_contiguous())
''', '''try:
    a.rot90(1, (1, 2)).view(2, -1)
except Exception as e:
    print(type(e).__name__, e)
print(a.rot90(2, (1, 2)).view(2, -1).shape, a.rot90(1, (1, 2)).reshape(2, -1)[0, :5])
''', '''c = torch.rand(1, 3, 4, 5).contiguous(memory_format=torch.channels_last)
print(c.rot90(1, (2, 3)).stride(), c.rot90(2, (2, 3)).stride(), c.rot90(0, (2, 3)).stride(), c.rot90(3, (1, 2)).stride())
x = c.clone().requires_grad_()
y = x.rot90(1, (2, 3))
(y * torch.arange(60.).view(y.shape)).sum().backward()
print(y.grad_fn, x.grad.stride(), x.grad[0, 0])
'''],
    "rot90_by_zero_is_a_copy_not_the_input": ['''a = torch.arange(12.).view(3, 4)
r = torch.rot90(a, 0)
r[0, 0] = 100.0
print(a[0, 0], r[0, 0], r.data_ptr() == a.data_ptr())
s = torch.rot90(a, 4, (0, 1))
s += 1
print(a.sum(), s.sum())
t = torch.rot90(a.t(), 0)
print(t.stride(), t.is_contiguous())
'''],
    "unfold_and_fold_of_integer_images_have_no_kernel": ['''F = torch.nn.functional
u8 = torch.randint(0, 256, (1, 3, 6, 6), dtype=torch.uint8)
for dt in [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.bool, torch.float64, torch.complex64]:
    x = u8.to(dt)
    for f in [lambda: F.unfold(x, 3, padding=1), lambda: F.unfold(x[0], 2, stride=2),
              lambda: F.fold(torch.ones(1, 12, 9, dtype=dt), (6, 6), 2, stride=2),
              lambda: F.fold(torch.ones(12, 9, dtype=dt), 6, 2, stride=2), lambda: F.unfold(x[:0], 2)]:
        try:
            r = f()
            print(dt, r.dtype, tuple(r.shape), r.flatten()[:3])
        except Exception as e:
            print(dt, type(e).__name__, e)
''', '''for f in [lambda: F.unfold(u8, 7), lambda: F.fold(torch.ones(1, 8, 9, dtype=torch.long), (5, 5), 2),
          lambda: F.fold(torch.ones(1, 7, 9, dtype=torch.uint8), (4, 4), 2), lambda: F.unfold(u8[0, 0], 2),
          lambda: F.fold(torch.ones(0, 8, 25, dtype=torch.long), (6, 6), 2)]:
    try:
        print(f().shape)
    except Exception as e:
        print(type(e).__name__, e)
print(F.unfold(u8.float() / 255, 2, stride=2)[0, :, 0], x.unfold(2, 3, 3).dtype)
'''],
    "antialiased_resize_keeps_channels_last": ['''F = torch.nn.functional
torch.manual_seed(1)
x = (torch.randint(0, 256, (2, 3, 7, 9), dtype=torch.uint8).float() / 255).contiguous(memory_format=torch.channels_last)
for mode in ["bilinear", "bicubic"]:
    for size in [(3, 4), (10, 12)]:
        y = F.interpolate(x, size=size, mode=mode, antialias=True)
        print(mode, size, y.stride(), y.is_contiguous(memory_format=torch.channels_last), y[1, 2, 0])
xr = x.clone().requires_grad_()
y = F.interpolate(xr, size=(4, 5), mode="bicubic", antialias=True, align_corners=True)
(y * torch.arange(y.numel()).view(y.shape)).sum().backward()
print(y.grad_fn, xr.grad.stride(), xr.grad[0, 0, 0])
print(F.interpolate(x[:1, :1], size=(3, 4), mode="bilinear", antialias=True).stride())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe192_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], "probe192", name)
