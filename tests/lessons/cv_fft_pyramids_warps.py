# Imitates the frequency-domain, resampling and geometry parts of image-processing-with-PyTorch notebooks: a
# low-pass filter with fft2 / fftshift / ifft2, Gaussian / Laplacian pyramids with F.interpolate and avg_pool2d,
# rot90 / flip / roll augmentations, warps with affine_grid / grid_sample, and a learnable 3x3 filter trained to
# reproduce Sobel on a single grayscale image (gradients through the conv weights).
import torch
import torch.nn.functional as F
torch.manual_seed(7)
img = torch.rand(1, 1, 8, 8)
Fimg = torch.fft.fft2(img)
print(Fimg.dtype, Fimg.shape, Fimg[0, 0, 0, 0])
S = torch.fft.fftshift(Fimg, dim=(-2, -1))
yy, xx = torch.meshgrid(torch.arange(8) - 4, torch.arange(8) - 4, indexing='ij')
lowpass = ((yy ** 2 + xx ** 2) <= 4).float()
out = torch.fft.ifft2(torch.fft.ifftshift(S * lowpass, dim=(-2, -1))).real
print(out.shape, out.dtype, out.mean(), img.mean())
print(torch.fft.fftfreq(8), torch.fft.fftshift(torch.fft.fftfreq(8)))
print(Fimg.abs().log1p()[0, 0, 0, :3], torch.angle(Fimg)[0, 0, 0, :2])

# %%
torch.fft.ifft2(Fimg)[0, 0, 0, :2]

# %%
r = torch.fft.rfft2(img)
print(r.shape, torch.fft.irfft2(r, s=img.shape[-2:]).sub(img).abs().max() < 1e-6)
torch.fft.fft2(img.to(torch.uint8)).dtype

# %%
pyr = [img]
for _ in range(2):
    pyr.append(F.avg_pool2d(pyr[-1], 2))
print([p.shape[-1] for p in pyr])
lap = [pyr[i] - F.interpolate(pyr[i + 1], scale_factor=2, mode='bilinear', align_corners=False) for i in range(2)]
print([l.abs().mean() for l in lap])
for mode in ('nearest', 'bilinear', 'bicubic', 'area', 'nearest-exact'):
    kw = {} if mode in ('nearest', 'area', 'nearest-exact') else {'align_corners': True}
    print(mode, F.interpolate(img, size=(5, 3), mode=mode, **kw)[0, 0, 0])
print(F.interpolate(img, scale_factor=0.5, mode='bilinear', antialias=True)[0, 0, 0])
print(F.interpolate(img, scale_factor=0.37, mode='bicubic', recompute_scale_factor=True, antialias=True).shape)

# %%
F.interpolate(img, scale_factor=0.37, mode='nearest')[0, 0, 0]

# %%
F.interpolate(img[0], size=(4, 4), mode='bilinear')

# %%
F.interpolate(img, size=4, scale_factor=2)

# %%
F.interpolate(img, scale_factor=2, mode='linear')

# %%
F.interpolate(img, size=(4, 4), mode='nearest', align_corners=True)

# %%
F.interpolate(img, size=(4, 4), mode='area', antialias=True)

# %%
x = torch.arange(12).view(1, 3, 4)
print(torch.rot90(x, 1, dims=(1, 2)))
print(x.rot90(-1, (1, 2)).shape, x.rot90(2, [1, 2])[0, 0], x.rot90(4, (1, 2)).equal(x))
print(torch.flip(x, dims=[2])[0, 0], x.flip(-1, -2)[0, 0], torch.fliplr(x[0])[0], torch.flipud(x[0])[0])
print(torch.roll(x, shifts=1, dims=2)[0, 0], torch.roll(x, shifts=(1, -1), dims=(1, 2))[0, 0], torch.roll(x, 5)[0])
x.transpose(1, 2).shape

# %%
torch.rot90(x, 1, dims=(1, 1))

# %%
torch.rot90(x, 1, dims=(0, 1, 2))

# %%
torch.roll(x, shifts=(1, 2), dims=2)

# %%
theta = torch.tensor([[[0.866, -0.5, 0.1], [0.5, 0.866, 0.0]]])
grid = F.affine_grid(theta, size=(1, 1, 8, 8), align_corners=False)
print(grid.shape, grid[0, 0, 0])
warped = F.grid_sample(img, grid, mode='bilinear', padding_mode='zeros', align_corners=False)
print(warped.shape, warped[0, 0, 0])
print(F.grid_sample(img, grid, mode='nearest', padding_mode='border', align_corners=False)[0, 0, 1])
print(F.grid_sample(img, grid, mode='bilinear', padding_mode='reflection', align_corners=True)[0, 0, 2])
ident = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 8, 8), align_corners=True)
print(F.grid_sample(img, ident, align_corners=True).sub(img).abs().max() < 1e-6)

# %%
F.affine_grid(theta[0], size=(1, 1, 8, 8), align_corners=False)

# %%
F.affine_grid(theta, size=(1, 8, 8), align_corners=False)

# %%
F.grid_sample(img, grid[..., :1], align_corners=False)

# %%
F.grid_sample(img, grid.double(), align_corners=False)

# %%
F.grid_sample(img, grid)[0, 0, 0, :2]

# %%
torch.manual_seed(0)
target_k = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]]).view(1, 1, 3, 3)
photo = torch.rand(1, 1, 10, 10)
target = F.conv2d(photo, target_k, padding=1)
conv = torch.nn.Conv2d(1, 1, 3, padding=1, bias=False)
opt = torch.optim.SGD(conv.parameters(), lr=0.1)
for step in range(30):
    opt.zero_grad()
    loss = F.mse_loss(conv(photo), target)
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, loss.item())
print(conv.weight.grad.shape, conv.weight.detach().round(decimals=1))
print(loss.grad_fn, conv(photo).grad_fn)

# %%
w = torch.randn(1, 1, 3, 3, requires_grad=True)
y = F.conv2d(photo.double(), w)

# %%
w = torch.randn(1, 1, 3, 3, dtype=torch.float64, requires_grad=True)
y = F.conv2d(photo.double(), w, padding='same')
y.pow(2).sum().backward()
print(w.grad.shape, w.grad.dtype, y.grad_fn.name())
