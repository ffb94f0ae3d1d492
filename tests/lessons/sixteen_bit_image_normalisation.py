# Imitates a medical-imaging / microscopy preprocessing notebook (16-bit PNG and TIFF images read with numpy, as in
# the MONAI and scikit-image tutorials): torch.from_numpy of a uint16 array, scaling to [0, 1] by 65535, min-max
# and percentile normalisation, windowing, and the conversions needed because uint16 tensors have few kernels.
import numpy as np
import torch

rng = np.random.default_rng(0)
img = (rng.integers(0, 4096, size=(4, 5)) * 16).astype(np.uint16)   # a 12-bit sensor stored as 16 bits
t = torch.from_numpy(img)
print(t.dtype, t.shape, t.type())
print(t)

# %%
x = t.float() / 65535
print(x.dtype, x.min(), x.max())
print(x)
print(torch.from_numpy(np.array([[0, 32768, 65535]], dtype=np.uint16)).to(torch.float32).div(65535))

# %%
try:
    print(t.max())
except Exception as e:
    print(type(e).__name__, e)
try:
    print((t - t.min()) / (t.max() - t.min()))
except Exception as e:
    print(type(e).__name__, e)
f = t.to(torch.float32)
mm = (f - f.min()) / (f.max() - f.min())
print(mm.min().item(), mm.max().item(), mm[0])

# %%
lo, hi = torch.quantile(f.flatten(), torch.tensor([0.02, 0.98]))
print(lo, hi)
clipped = ((f - lo) / (hi - lo)).clamp(0, 1)
print(clipped.mean(), clipped.std())

# %%
# 8-bit preview: shift down in int32, or scale in float
print((t.int() >> 8).to(torch.uint8))
print((t.float() / 257).round().to(torch.uint8))
try:
    print(t >> 8)
except Exception as e:
    print(type(e).__name__, e)

# %%
batch = torch.stack([t, t]).unsqueeze(1)   # N, C, H, W, still uint16
print(batch.shape, batch.dtype, batch.sum(), batch.sum().dtype)
norm = (batch.float() / 65535 - 0.5) / 0.25
print(norm.shape, norm.dtype, norm.mean().item())
print(batch.numpy().dtype, batch[0, 0, 0].tolist())
