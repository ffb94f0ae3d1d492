# Imitates the "data transforms" parts of image tutorials done without torchvision: an HWC uint8 image turned into a
# CHW float tensor in [0, 1] (ToTensor), Normalize with per-channel mean/std, random horizontal flip and crop,
# uint8 arithmetic overflow, clamping and converting back for display, per-channel statistics of a batch.
import numpy as np
import torch
import torch.nn.functional as F
rng = np.random.RandomState(0)
img = rng.randint(0, 256, size=(6, 5, 3)).astype(np.uint8)
t = torch.from_numpy(img)
print(t.dtype, t.shape)
x = t.permute(2, 0, 1).float().div(255)
print(x.shape, x.dtype, x.min(), x.max())
print(x[0, :2, :3])

# %%
mean = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)
xn = (x - mean) / std
print(xn.mean(dim=(1, 2)))
print(xn.std(dim=(1, 2)))
back = xn * std + mean
print(torch.allclose(back, x))
disp = (back.clamp(0, 1) * 255).round().byte().permute(1, 2, 0)
print(disp.dtype, (disp.numpy() == img).all())

# %%
u = torch.tensor([250, 10], dtype=torch.uint8)
print(u + 10)
print(u - 20)
print(u * 2)
print(u.float() / 255)
print(u // 3, u % 7)
print(u.to(torch.int32) - 20)
print(torch.tensor([200], dtype=torch.uint8) + torch.tensor([100], dtype=torch.uint8))
print(u.sum(), u.sum().dtype, u.max(), u.float().mean())

# %%
torch.manual_seed(0)
if torch.rand(1) < 0.5:
    x2 = x.flip(-1)
else:
    x2 = x
print(x2[0, 0])
i = torch.randint(0, 6 - 4 + 1, size=(1,)).item()
j = torch.randint(0, 5 - 4 + 1, size=(1,)).item()
crop = x[:, i:i + 4, j:j + 4]
print(i, j, crop.shape)
padded = F.pad(x, (1, 1, 1, 1), mode='reflect')
print(padded.shape, padded[0, 0])

# %%
batch = x.unsqueeze(0)
up = F.interpolate(batch, size=(12, 10), mode='bilinear', align_corners=False)
print(up.shape, up[0, 0, 0, :4])
dn = F.interpolate(batch, scale_factor=0.5, mode='nearest')
print(dn.shape)
print(F.interpolate(batch, size=(3, 3), mode='area')[0, 0])
print(F.avg_pool2d(batch, 2).shape)
gray = (0.299 * x[0] + 0.587 * x[1] + 0.114 * x[2])
print(gray.shape, gray[0])

# %%
imgs = torch.from_numpy(rng.randint(0, 256, size=(4, 8, 8, 3)).astype(np.uint8))
data = imgs.permute(0, 3, 1, 2).float() / 255.
print(data.mean(dim=(0, 2, 3)), data.std(dim=(0, 2, 3)))
print(data.view(4, 3, -1).mean(2).shape)
print(torch.from_numpy(np.array([[1, 2], [3, 4]], dtype=np.int32)).dtype)
print(torch.from_numpy(np.ones(2, dtype=np.float16)))
print(torch.as_tensor(img).shape, torch.tensor(img[0, 0]))
print(torch.from_numpy(np.array([True, False])))
