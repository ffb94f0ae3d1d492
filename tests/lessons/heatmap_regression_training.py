# Imitates a small end-to-end heatmap-regression tutorial in plain PyTorch: a tiny conv net predicts one heatmap
# per keypoint, trained with a target-weighted MSE against Gaussian targets (and a soft-argmax coordinate loss),
# decoded by argmax with a quarter-pixel shift toward the higher neighbour, with meshgrid and softmax mistakes on
# the way (wrong indexing string, mixed dtypes, 2-D inputs, temperature overflow, argmax without flattening).
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
for bad in [lambda: torch.meshgrid(torch.arange(3), torch.arange(2), indexing="yx"),
            lambda: torch.meshgrid(torch.arange(3), torch.arange(2.), indexing="ij"),
            lambda: torch.meshgrid(torch.ones(2, 2), torch.arange(2), indexing="ij"),
            lambda: torch.meshgrid(indexing="ij"),
            lambda: torch.meshgrid([], indexing="xy"),
            lambda: torch.meshgrid(torch.arange(3), indexing="xy"),
            lambda: torch.meshgrid((torch.arange(2), torch.arange(3)), torch.arange(4), indexing="ij"),
            lambda: torch.meshgrid(torch.arange(2), torch.arange(0), indexing="xy"),
            lambda: torch.meshgrid(torch.arange(2), torch.arange(3), torch.arange(4), indexing="xy")]:
    try:
        r = bad()
        print([t.shape for t in r], r[0].dtype)
    except Exception as e:
        print(type(e).__name__, e)

# %%
a, b = torch.meshgrid(torch.arange(3), torch.arange(2), indexing="ij")
print(a.is_contiguous(), a.stride(), b.stride(), a._base is not None)
try:
    a += 1
except RuntimeError as e:
    print(e)
a2 = a.clone()
a2 += 1
print(a2, a.view(-1).shape if a.is_contiguous() else a.reshape(-1).shape)
torch.stack(torch.meshgrid(torch.arange(2), torch.arange(3), indexing="xy"), dim=-1)

# %%
class TinyPose(nn.Module):
    def __init__(self, k=3):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 8, 3, padding=1), nn.ReLU())
        self.head = nn.Conv2d(8, k, 1)

    def forward(self, x):
        return self.head(self.body(x))

torch.manual_seed(0)
net = TinyPose()
print(net)
imgs = torch.rand(4, 1, 8, 8)
out = net(imgs)
out.shape, sum(p.numel() for p in net.parameters())

# %%
def targets(kps, h, w, sigma=1.0):
    yy, xx = torch.meshgrid(torch.arange(h).float(), torch.arange(w).float(), indexing="ij")
    dx = xx - kps[..., 0, None, None]
    dy = yy - kps[..., 1, None, None]
    return torch.exp(-(dx ** 2 + dy ** 2) / (2 * sigma ** 2))

kps = torch.tensor([[2., 3.], [5., 5.], [6., 1.]]).expand(4, 3, 2).clone()
kps[1, 2] = -10.0                                  # a keypoint outside the crop
tw = ((kps >= 0).all(-1) & (kps[..., 0] < 8) & (kps[..., 1] < 8)).float()
tgt = targets(kps, 8, 8)
print(tgt.shape, tw, tgt[1, 2].max())
opt = torch.optim.Adam(net.parameters(), lr=1e-2)
for step in range(30):
    pred = net(imgs)
    loss = (((pred - tgt) ** 2).mean(dim=(2, 3)) * tw).sum() / tw.sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(loss.item(), 5))
loss

# %%
def decode(hm):
    n, k, h, w = hm.shape
    flat = hm.reshape(n, k, -1)
    maxv, idx = flat.max(dim=-1)
    x = (idx % w).float()
    y = torch.div(idx, w, rounding_mode="floor").float()
    px, py = x.long().clamp(1, w - 2), y.long().clamp(1, h - 2)
    b = torch.arange(n)[:, None]
    c = torch.arange(k)[None, :]
    dx = torch.sign(hm[b, c, py, px + 1] - hm[b, c, py, px - 1])
    dy = torch.sign(hm[b, c, py + 1, px] - hm[b, c, py - 1, px])
    return torch.stack([x + 0.25 * dx, y + 0.25 * dy], -1), maxv

with torch.no_grad():
    coords, conf = decode(net(imgs))
print(coords[0], conf.shape)
print(decode(tgt)[0][0])
((coords - kps).norm(dim=-1) * tw).sum() / tw.sum()

# %%
hm = net(imgs).detach()
print(hm.argmax(), hm[0].argmax(dim=0).shape, hm[0, 0].argmax(dim=1))
idx = hm.flatten(2).argmax(-1)
print(idx.shape, idx.dtype, torch.unravel_index(idx, hm.shape[-2:])[0].shape)
try:
    torch.unravel_index(idx.float(), hm.shape[-2:])
except TypeError as e:
    print(e)
r, c = torch.unravel_index(idx, (4, 4))            # a shape too small silently wraps
print(r[0], c[0], torch.unravel_index(idx, (8, 8))[0][0])
torch.unravel_index(idx[0], hm.shape)

# %%
logits = net(imgs)
for beta in [1.0, 100.0, 1e6]:
    p = F.softmax(beta * logits.flatten(2), dim=-1)
    print(beta, p.max().item() <= 1.0, torch.isnan(p).any().item(), p.sum(-1)[0])
bad_p = torch.exp(1e4 * logits.flatten(2))
print(torch.isinf(bad_p).any(), (bad_p / bad_p.sum(-1, keepdim=True)).isnan().any())
F.log_softmax(logits.flatten(2) * 1e4, dim=-1).isfinite().all()

# %%
for bad in [lambda: F.softmax(logits, dim=4),
            lambda: F.softmax(logits.flatten(2), dim=-3),
            lambda: logits.view(4, 3, -1, 2).shape,
            lambda: logits.permute(0, 2, 3, 1).view(4, -1, 3),
            lambda: logits.flatten(2).argmax(dim=2, keepdim=True).shape,
            lambda: torch.argmax(logits, dim=(2, 3)),
            lambda: logits.amax(dim=(2, 3)).shape,
            lambda: F.softmax(logits),
            lambda: torch.softmax(logits.long(), dim=1)]:
    try:
        r = bad()
        print(r if isinstance(r, torch.Size) else r.shape)
    except Exception as e:
        print(type(e).__name__, e)
