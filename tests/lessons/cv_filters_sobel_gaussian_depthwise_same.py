# Imitates a computer-vision course's "filters by hand" notebook: uint8 images from torch.randint, converted to
# float in [0, 1], Sobel / Gaussian / Laplacian / box kernels applied with F.conv2d (depthwise groups=C,
# padding="same", even kernels), edge magnitude and orientation, and conversion back to uint8 for display.
import math
import torch
import torch.nn.functional as F
torch.manual_seed(0)
img_u8 = torch.randint(0, 256, (3, 8, 9), dtype=torch.uint8)
print(img_u8.dtype, img_u8.shape, img_u8.min(), img_u8.max())
print(img_u8[0, :3, :4])
img = img_u8.float() / 255
print(img.dtype, img[1, :2, :3])
print(img_u8.float().div(255).sum(), img_u8.sum(), img_u8.sum().dtype, img_u8.float().mean())
print(img_u8.to(torch.float64).mean(dim=(1, 2)))
print(img_u8.double().std(dim=(1, 2)))
try:
    print(img_u8.mean())
except Exception as e:
    print(type(e).__name__, e)

# %%
gray = (0.299 * img[0] + 0.587 * img[1] + 0.114 * img[2]).unsqueeze(0).unsqueeze(0)
print(gray.shape, gray[0, 0, :2, :4])
sobel_x = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]])
sobel_y = sobel_x.t()
k = torch.stack([sobel_x, sobel_y]).unsqueeze(1)
print(k.shape)
g = F.conv2d(gray, k, padding=1)
print(g.shape, g[0, :, :2, :3])
mag = torch.sqrt(g[:, 0] ** 2 + g[:, 1] ** 2)
ang = torch.atan2(g[:, 1], g[:, 0]) * 180 / math.pi
print(mag[0, :3, :4])
print(ang[0, :3, :4])
print(mag.max(), mag.argmax(), torch.unravel_index(mag.argmax(), mag.shape))
edges = (mag > 0.5 * mag.max()).to(torch.uint8) * 255
print(edges[0, :4, :6], edges.dtype)

# %%
def gaussian_kernel(size, sigma):
    ax = torch.arange(size, dtype=torch.float32) - (size - 1) / 2
    xx, yy = torch.meshgrid(ax, ax, indexing="ij")
    k = torch.exp(-(xx ** 2 + yy ** 2) / (2 * sigma ** 2))
    return k / k.sum()
gk = gaussian_kernel(5, 1.0)
print(gk)
print(gk.sum())
x = img.unsqueeze(0)
w = gk.expand(3, 1, 5, 5)
blur = F.conv2d(x, w, padding="same", groups=3)
print(blur.shape, blur[0, :, 0, :3])
blur_r = F.conv2d(F.pad(x, (2, 2, 2, 2), mode="reflect"), w, groups=3)
print(blur_r[0, 2, :2, :4])
box = torch.ones(3, 1, 3, 3) / 9
print(F.conv2d(x, box, padding=1, groups=3)[0, 0, :2, :4])
even = torch.ones(1, 1, 2, 4) / 8
print(F.conv2d(gray, even, padding="same")[0, 0, :3, :5])
print(F.conv2d(gray, even, padding="same").shape)

# %%
lap = torch.tensor([[0., 1., 0.], [1., -4., 1.], [0., 1., 0.]]).view(1, 1, 3, 3)
L = F.conv2d(gray, lap, padding=1)
print(L[0, 0, :3, :5])
sharp = (gray - 0.5 * L).clamp(0, 1)
out_u8 = (sharp * 255).round().clamp(0, 255).to(torch.uint8)
print(out_u8.dtype, out_u8[0, 0, :3, :5])
print((img * 255).round().to(torch.uint8).eq(img_u8).all())
print((img * 300).to(torch.uint8)[0, :2, :5])
print(torch.tensor([-3.7, 255.9, 300.2, -0.2]).to(torch.uint8))
try:
    F.conv2d(img_u8.unsqueeze(0), w, groups=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(x, w, padding="same", stride=2, groups=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(x, w, groups=2)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(x, torch.ones(3, 3, 3, 3).double())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(x, w, padding="valid_")
except Exception as e:
    print(type(e).__name__, e)

# %%
x = img.unsqueeze(0).clone().requires_grad_()
blur = F.conv2d(x, w, padding="same", groups=3)
loss = F.conv2d(blur.mean(1, keepdim=True), k, padding=1).pow(2).sum()
loss.backward()
print(loss, loss.grad_fn, blur.grad_fn)
sal = x.grad.abs().amax(dim=1)
print(sal.shape, sal[0, :2, :4])
print(x.grad[0, :, 0, 0])
