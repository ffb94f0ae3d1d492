# Imitates the Examples blocks of the PyTorch documentation pages for nn.PixelShuffle / nn.PixelUnshuffle,
# nn.ChannelShuffle, nn.Fold / nn.Unfold (the sliding-window examples and "convolution via unfold + matmul + fold"),
# nn.Upsample (scale_factor vs size, nearest / bilinear / bicubic, align_corners) and nn.UpsamplingNearest2d /
# nn.UpsamplingBilinear2d, typed in by a learner with seeded randn: reprs, shapes, values, gradients and errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
pixel_shuffle = nn.PixelShuffle(3)
input = torch.randn(1, 9, 4, 4)
output = pixel_shuffle(input)
print(output.size())
print(pixel_shuffle)
pixel_unshuffle = nn.PixelUnshuffle(3)
input = torch.randn(1, 1, 12, 12)
output = pixel_unshuffle(input)
print(output.size())
print(pixel_unshuffle)
x = torch.arange(16.0).reshape(1, 4, 2, 2)
print(F.pixel_shuffle(x, 2))
print(F.pixel_unshuffle(F.pixel_shuffle(x, 2), 2).equal(x))

# %%
channel_shuffle = nn.ChannelShuffle(2)
input = torch.arange(1, 17, dtype=torch.float32).view(1, 4, 2, 2)
print(input)
output = channel_shuffle(input)
print(output)
print(channel_shuffle)
x = torch.randn(2, 6, 3, requires_grad=True)
y = nn.ChannelShuffle(3)(x)
(y * torch.arange(6.0).view(1, 6, 1)).sum().backward()
print(x.grad[0])

# %%
fold = nn.Fold(output_size=(4, 5), kernel_size=(2, 2))
input = torch.randn(1, 3 * 2 * 2, 12)
output = fold(input)
print(output.size())
print(fold)
unfold = nn.Unfold(kernel_size=(2, 3))
input = torch.randn(2, 5, 3, 4)
output = unfold(input)
print(output.size())
print(unfold)

# %%
# Convolution is equivalent with Unfold + Matrix Multiplication + Fold (or view to output shape)
inp = torch.randn(1, 3, 10, 12)
w = torch.randn(2, 3, 4, 5)
inp_unf = torch.nn.functional.unfold(inp, (4, 5))
out_unf = inp_unf.transpose(1, 2).matmul(w.view(w.size(0), -1).t()).transpose(1, 2)
out = torch.nn.functional.fold(out_unf, (7, 8), (1, 1))
# or equivalently (and avoiding a copy),
# out = out_unf.view(1, 2, 7, 8)
print(out.shape)
print((torch.nn.functional.conv2d(inp, w) - out).abs().max() < 1e-4)

# %%
x = torch.arange(16.0).reshape(1, 1, 4, 4).requires_grad_()
u = F.unfold(x, kernel_size=2, stride=1, padding=1, dilation=1)
print(u.shape)
f = F.fold(u, output_size=(4, 4), kernel_size=2, padding=1)
print(f)
f.sum().backward()
print(x.grad)
print(nn.Unfold(kernel_size=3, dilation=2, padding=1, stride=2))
print(nn.Fold(output_size=4, kernel_size=2, stride=2))

# %%
input = torch.arange(1, 5, dtype=torch.float32).view(1, 1, 2, 2)
print(input)
m = nn.Upsample(scale_factor=2, mode='nearest')
print(m(input))
m = nn.Upsample(scale_factor=2, mode='bilinear')  # align_corners=False
print(m(input))
m = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)
print(m(input))
print(m)

# %%
# Try scaling the same data in a larger tensor
input_3x3 = torch.zeros(3, 3).view(1, 1, 3, 3)
input_3x3[:, :, :2, :2].copy_(input)
print(input_3x3)
m = nn.Upsample(scale_factor=2, mode='bilinear')  # align_corners=False
# Notice that values in top left corner are the same with the small input (except at boundary)
print(m(input_3x3))
m = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)
# Notice that values in top left corner are now changed
print(m(input_3x3))

# %%
m = nn.Upsample(size=(3, 5), mode='nearest')
print(m(input))
print(m)
print(nn.Upsample(size=5, mode='linear')(torch.arange(3.0).view(1, 1, 3)))
print(nn.Upsample(scale_factor=1.5, mode='nearest')(torch.arange(4.0).view(1, 1, 4)))
print(nn.Upsample(scale_factor=(2, 1), mode='nearest-exact')(input))
print(nn.Upsample(scale_factor=2, mode='bicubic')(input))

# %%
input = torch.arange(1, 5, dtype=torch.float32).view(1, 1, 2, 2)
m = nn.UpsamplingNearest2d(scale_factor=2)
print(m(input))
print(m)
m = nn.UpsamplingBilinear2d(scale_factor=2)
print(m(input))
print(m)
print(nn.UpsamplingNearest2d(size=(3, 3)))

# %%
x = torch.randn(1, 2, 3, 3, requires_grad=True)
for m in [nn.Upsample(scale_factor=2), nn.Upsample(scale_factor=2, mode="bilinear"),
          nn.UpsamplingBilinear2d(size=(4, 5)), nn.PixelShuffle(1)]:
    x.grad = None
    y = m(x)
    y.pow(2).sum().backward()
    print(y.shape, y.grad_fn.name(), x.grad.sum().item() != 0)

# %%
for make in [lambda: nn.PixelShuffle(2)(torch.randn(1, 3, 4, 4)),
             lambda: nn.PixelUnshuffle(3)(torch.randn(1, 1, 4, 4)),
             lambda: nn.PixelShuffle(2)(torch.randn(4, 4)),
             lambda: nn.ChannelShuffle(3)(torch.randn(1, 4, 2, 2)),
             lambda: nn.Fold(output_size=(4, 5), kernel_size=(2, 2))(torch.randn(1, 12, 10)),
             lambda: nn.Fold(output_size=(4, 5), kernel_size=(2, 2))(torch.randn(1, 10, 12)),
             lambda: nn.Unfold(kernel_size=5)(torch.randn(1, 1, 3, 3)),
             lambda: nn.Upsample(scale_factor=2, mode='bilinear')(torch.randn(1, 1, 4)),
             lambda: nn.Upsample(size=4, scale_factor=2)(torch.randn(1, 1, 4)),
             lambda: nn.Upsample(scale_factor=2, mode='nearest', align_corners=True)(torch.randn(1, 1, 4)),
             lambda: nn.Upsample()(torch.randn(1, 1, 4))]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)
