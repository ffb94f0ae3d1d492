# Imitates keypoint-detection tutorials in plain PyTorch (heatmap regression, "integral pose regression",
# CenterNet-style peaks): Gaussian target heatmaps from torch.meshgrid (both indexing forms, and the warning when
# it is left out) and torch.exp, soft-argmax with a temperature, hard argmax on a flattened view with
# torch.unravel_index or // and %, topk peaks, and the mistakes learners make on the way.
import warnings
import torch
import torch.nn.functional as F

# %%
H, W = 5, 7
ys, xs = torch.meshgrid(torch.arange(H), torch.arange(W), indexing="ij")
print(ys.shape, xs.shape, ys.dtype)
print(ys[:, 0], xs[0])
xx, yy = torch.meshgrid(torch.arange(W), torch.arange(H), indexing="xy")
print(xx.shape, torch.equal(xx, xs), torch.equal(yy, ys))
xx

# %%
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    a, b = torch.meshgrid(torch.arange(3), torch.arange(2))
print(a.shape, [str(m.message)[:120] for m in w], [m.category.__name__ for m in w])
g = torch.meshgrid([torch.linspace(0, 1, 3), torch.linspace(-1, 1, 2)], indexing="ij")
print(type(g).__name__, len(g), g[1])
torch.meshgrid(torch.tensor(2.0), torch.arange(3.), indexing="xy")

# %%
def gaussian_heatmap(h, w, cx, cy, sigma=1.0):
    yy, xx = torch.meshgrid(torch.arange(h, dtype=torch.float32), torch.arange(w, dtype=torch.float32), indexing="ij")
    return torch.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * sigma ** 2))

hm = gaussian_heatmap(H, W, cx=4.0, cy=2.0, sigma=1.0)
print(hm.shape, hm.max(), hm.argmax())
hm.round(decimals=3)

# %%
centers = torch.tensor([[1.0, 1.0], [5.0, 3.0], [2.5, 0.5]])   # (K, 2) as (x, y)
yy, xx = torch.meshgrid(torch.arange(H).float(), torch.arange(W).float(), indexing="ij")
d2 = (xx[None] - centers[:, 0, None, None]) ** 2 + (yy[None] - centers[:, 1, None, None]) ** 2
heatmaps = torch.exp(-d2 / 2.0)
print(heatmaps.shape, heatmaps.sum(dim=(1, 2)))
heatmaps.amax(dim=(-2, -1)), heatmaps.flatten(1).argmax(dim=1)

# %%
flat = heatmaps.flatten(1)
idx = flat.argmax(dim=1)
print(idx, idx // W, idx % W)
print(torch.unravel_index(idx, (H, W)))
r, c = torch.unravel_index(torch.tensor(17), (H, W))
print(r, c, type(torch.unravel_index(idx, heatmaps.shape[1:])).__name__)
torch.unravel_index(torch.tensor([[3, 40], [0, 34]]), (5, 7)), torch.unravel_index(idx, torch.Size([H, W]))

# %%
print(idx.div(W, rounding_mode="floor"), torch.div(idx, W, rounding_mode="trunc"), idx / W)
print(torch.remainder(idx, W), torch.fmod(idx - 20, W), (idx - 20) // W, (idx - 20) % W)
print(torch.floor_divide(idx, W), torch.stack(torch.unravel_index(idx, (H, W)), dim=1))
torch.unravel_index(torch.tensor(-1), (H, W)), torch.unravel_index(torch.tensor(5), ())

# %%
for bad in [lambda: torch.unravel_index(torch.tensor(17.0), (H, W)),
            lambda: torch.unravel_index(torch.tensor([35]), (H, W)),
            lambda: torch.unravel_index(torch.tensor(-36), (H, W)),
            lambda: torch.unravel_index(17, (H, W)),
            lambda: torch.unravel_index(torch.tensor(3), (2, -1)),
            lambda: torch.unravel_index(torch.tensor(3), (2.0, 3)),
            lambda: torch.unravel_index(torch.tensor(True), (2, 3)),
            lambda: torch.unravel_index(torch.tensor([1, 2]), 4)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
logits = torch.randn(2, 3, H, W, requires_grad=True)   # (N, K, H, W)
prob = F.softmax(logits.flatten(2), dim=-1).view(2, 3, H, W)
print(prob.sum(dim=(-2, -1)))
ex = (prob * xs.float()).sum(dim=(-2, -1))
ey = (prob * ys.float()).sum(dim=(-2, -1))
coords = torch.stack([ex, ey], dim=-1)
print(coords.shape, coords.grad_fn)
coords[0]

# %%
target = torch.tensor([[1.0, 1.0], [5.0, 3.0], [2.5, 0.5]]).expand(2, 3, 2)
loss = F.l1_loss(coords, target)
loss.backward()
print(loss, logits.grad.shape, logits.grad.abs().sum())
logits.grad[0, 0]

# %%
def soft_argmax(hm, beta=1.0):
    n, k, h, w = hm.shape
    p = torch.softmax(beta * hm.reshape(n, k, -1), dim=-1).reshape(n, k, h, w)
    gx = torch.linspace(0, w - 1, w)
    gy = torch.linspace(0, h - 1, h)
    return torch.stack([(p.sum(2) * gx).sum(-1), (p.sum(3) * gy).sum(-1)], dim=-1)

for beta in [1.0, 10.0, 100.0]:
    print(beta, soft_argmax(heatmaps[None], beta)[0])
soft_argmax(heatmaps[None] * 100, beta=1.0)[0], centers

# %%
wrong = F.softmax(heatmaps[None], dim=1)          # over keypoints, not pixels
print(wrong.sum(dim=(-2, -1)))
print(wrong.sum(dim=1)[0, :2])
also_wrong = F.softmax(heatmaps[None], dim=-1)     # over x only: each row sums to 1
print(also_wrong.sum(dim=-1)[0, 0])
F.softmax(heatmaps[None].flatten(2), dim=-1).sum(-1)

# %%
nchw = torch.randn(1, 2, 3, 4)
nhwc = nchw.permute(0, 2, 3, 1)
print(nhwc.is_contiguous(), nhwc.shape, nhwc.stride())
try:
    nhwc.view(1, -1, 2)
except RuntimeError as e:
    print(e)
print(nhwc.reshape(1, -1, 2).shape, nhwc.contiguous().view(1, -1, 2).shape)
print(nchw.transpose(1, 3).flatten(1).shape)
try:
    nchw.transpose(2, 3).view(2, 12)
except RuntimeError as e:
    print(e)

# %%
vals, inds = heatmaps.flatten().topk(5)
print(vals, inds)
k_of, rest = inds // (H * W), inds % (H * W)
print(k_of, rest // W, rest % W)
v2, i2 = torch.topk(heatmaps.flatten(1), k=2, dim=1)
print(v2, i2, torch.topk(heatmaps.flatten(1), 2, largest=False).indices)
torch.topk(heatmaps.view(3, -1), 3, dim=-1, sorted=True)

# %%
pooled = F.max_pool2d(heatmaps[None], kernel_size=3, stride=1, padding=1)
peaks = (pooled == heatmaps[None]) & (heatmaps[None] > 0.5)
print(peaks.sum(), peaks.nonzero())
print(torch.where(peaks[0, 1]))
try:
    heatmaps.flatten().topk(200)
except RuntimeError as e:
    print(e)
try:
    torch.topk(heatmaps, 2, dim=3)
except IndexError as e:
    print(e)
