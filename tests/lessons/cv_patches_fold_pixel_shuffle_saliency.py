# Imitates a "patches and saliency" lesson of a computer-vision course: image patches with Tensor.unfold and
# F.unfold / F.fold (overlap-add counts, a non-local mean filter by hand), F.pixel_shuffle / pixel_unshuffle for
# sub-pixel upsampling, and saliency maps: gradients of a small CNN's class score with respect to the input image.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(3)
u8 = torch.randint(0, 256, (1, 3, 6, 6), dtype=torch.uint8)
x = u8.float() / 255
p = x.unfold(2, 3, 3).unfold(3, 3, 3)
print(p.shape, p.stride(), p.is_contiguous())
print(p[0, 0, 1, 1])
p2 = p.permute(0, 2, 3, 1, 4, 5).reshape(1, 4, -1)
print(p2.shape, p2[0, :, :3])
q = u8.unfold(3, 2, 2)
print(q.dtype, q.shape, q[0, 0, 0])
print(x[0, 0].unfold(0, 4, 1).shape, x[0, 0].unfold(1, 2, 3).shape)
try:
    x.unfold(2, 7, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    x.unfold(2, 2, 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    p.view(1, 3, -1)
except Exception as e:
    print(type(e).__name__, e)

# %%
cols = F.unfold(x, kernel_size=3, padding=1)
print(cols.shape, cols[0, :4, :5])
cols2 = F.unfold(x, kernel_size=(2, 3), stride=(2, 1), dilation=(1, 2))
print(cols2.shape, cols2[0, 0])
ones = torch.ones_like(x)
cnt = F.fold(F.unfold(ones, 3, padding=1), output_size=(6, 6), kernel_size=3, padding=1)
print(cnt[0, 0])
rec = F.fold(cols, (6, 6), kernel_size=3, padding=1) / cnt
print(torch.allclose(rec, x), (rec - x).abs().max())
w = torch.randn(2, 3 * 9)
conv_by_hand = (w @ cols).view(1, 2, 6, 6)
conv = F.conv2d(x, w.view(2, 3, 3, 3), padding=1)
print((conv_by_hand - conv).abs().max() < 1e-5)
print(F.unfold(u8.double(), 2, stride=2).dtype)
try:
    F.unfold(x[0], 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.fold(cols, (5, 5), kernel_size=3, padding=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.unfold(x, 7)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.unfold(u8, 3)
except Exception as e:
    print(type(e).__name__, e)

# %%
xs = x.clone().requires_grad_()
cols = F.unfold(xs, 3, padding=1).view(1, 3, 9, 36)
med = cols.median(dim=2).values.view(1, 3, 6, 6)
mean = F.fold(F.unfold(xs, 2, stride=2), (6, 6), 2, stride=2)
print(med.grad_fn, mean.grad_fn, cols.grad_fn)
(med.sum() + (mean * torch.arange(36.).view(6, 6)).sum()).backward()
print(xs.grad[0, 0])

# %%
y = torch.arange(2 * 8 * 2 * 3.).view(2, 8, 2, 3)
s = F.pixel_shuffle(y, 2)
print(s.shape, s[0, 0], s.is_contiguous())
print(torch.equal(F.pixel_unshuffle(s, 2), y))
print(F.pixel_unshuffle(x, 3).shape, F.pixel_unshuffle(u8, 2).dtype)
print(nn.PixelShuffle(2), nn.PixelUnshuffle(3)(x)[0, :2, 0])
try:
    F.pixel_shuffle(x, 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.pixel_unshuffle(x, 4)
except Exception as e:
    print(type(e).__name__, e)
sub = nn.Sequential(nn.Conv2d(3, 3 * 4, 3, padding=1), nn.PixelShuffle(2))
up = sub(x)
print(up.shape, up.grad_fn, up[0, 0, :2, :4])
yr = y.clone().requires_grad_()
(F.pixel_shuffle(yr, 2) * torch.arange(2 * 2 * 4 * 6.).view(2, 2, 4, 6)).sum().backward()
print(yr.grad[0, :, 0, 0])

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(36, 5))
model.eval()
img = (torch.randint(0, 256, (2, 3, 6, 6), dtype=torch.uint8).float() / 255)
mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
img.requires_grad_()
scores = model((img - mean) / std)
print(scores)
top = scores.argmax(dim=1)
print(top)
scores.gather(1, top[:, None]).sum().backward()
sal = img.grad.abs().amax(dim=1)
print(sal.shape, sal[0])
sal_n = (sal - sal.amin(dim=(1, 2), keepdim=True)) / (sal.amax(dim=(1, 2), keepdim=True) - sal.amin(dim=(1, 2), keepdim=True))
print(sal_n[1, :2])
heat = (sal_n * 255).round().to(torch.uint8)
print(heat.dtype, heat[0, 0])
print(img.grad.norm(dim=1).shape, (img.grad * img).sum(dim=1)[0, 0])
img.grad = None
s2 = model((img - mean) / std)[0, 3]
g, = torch.autograd.grad(s2, img)
print(g[0, :, 0, :3], img.grad)
