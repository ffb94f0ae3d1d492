# Imitates a dense optical-flow lesson (Horn-Schunck by gradient descent, the "backward warping" helper of
# unsupervised flow papers): a pixel-unit flow field is added to a meshgrid, normalised to [-1, 1] and used with
# grid_sample; the loss is photometric error plus a smoothness term built from torch.diff (n, dim, prepend /
# append) and F.pad in reflect / replicate / circular modes; prints flows, losses, gradients and the errors
# learners hit with diff and pad.
import torch
import torch.nn.functional as F

torch.manual_seed(3)
H, W = 8, 10
yy, xx = torch.meshgrid(torch.arange(H, dtype=torch.float32), torch.arange(W, dtype=torch.float32), indexing="ij")
img1 = torch.sin(xx / 2.0) * torch.cos(yy / 3.0)
img2 = torch.sin((xx - 0.7) / 2.0) * torch.cos((yy + 0.4) / 3.0)
img1, img2 = img1[None, None], img2[None, None]
print(xx.shape, xx.dtype, img1.mean().item(), img2.mean().item())

def warp(img, flow):
    gx = xx + flow[:, 0]
    gy = yy + flow[:, 1]
    grid = torch.stack([2 * gx / (W - 1) - 1, 2 * gy / (H - 1) - 1], dim=-1)
    return F.grid_sample(img, grid, mode="bilinear", padding_mode="border", align_corners=True)

def smooth(flow):
    dx = torch.diff(flow, dim=-1)
    dy = torch.diff(flow, dim=-2)
    return dx.abs().mean() + dy.abs().mean()

# %%
flow = torch.zeros(1, 2, H, W, requires_grad=True)
opt = torch.optim.Adam([flow], lr=0.1)
for it in range(30):
    w = warp(img2, flow)
    photo = (w - img1).abs().mean()
    loss = photo + 0.1 * smooth(flow)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, photo.item(), loss.item(), flow.grad.abs().max().item())
print(flow.detach().mean(dim=(2, 3)), w.grad_fn, loss.grad_fn)

# %%
torch.manual_seed(4)
f = torch.randn(1, 2, 4, 5, requires_grad=True)
print(torch.diff(f, dim=-1).shape, torch.diff(f, n=2, dim=-1).shape, torch.diff(f, n=5, dim=-1).shape, torch.diff(f, n=7, dim=-1).shape)
d = torch.diff(f, n=2, dim=2, prepend=f[:, :, :1], append=f[:, :, -1:])
print(d.shape, d.grad_fn)
d.pow(2).sum().backward()
print(f.grad[0, 0])
x = torch.tensor([1, 4, 9, 16, 25])
print(torch.diff(x), torch.diff(x, n=2), torch.diff(x, prepend=torch.tensor([0])), x.diff(append=torch.tensor([36, 49])))
b = torch.tensor([True, False, False, True])
print(torch.diff(b), torch.diff(b.int()), torch.diff(torch.tensor([1.5, 2.0]).double(), prepend=torch.tensor([1.0]).double()))
for make in [lambda: torch.diff(torch.tensor(3.0)),
             lambda: torch.diff(f, dim=4),
             lambda: torch.diff(f, n=-1),
             lambda: torch.diff(f, prepend=torch.zeros(2, 4, 1)),
             lambda: torch.diff(f, prepend=torch.zeros(1, 2, 3, 1)),
             lambda: torch.diff(x, prepend=torch.tensor([0.5])),
             lambda: torch.diff(x.float(), append=torch.tensor([1]))]:
    try:
        r = make()
        print(r.shape, r.dtype, r.flatten()[:4])
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(5)
g = torch.randn(1, 2, 3, 4, requires_grad=True)
for mode in ("reflect", "replicate", "circular", "constant"):
    p = F.pad(g, (1, 2, 2, 1), mode=mode)
    (p * torch.arange(p.numel()).view_as(p)).sum().backward()
    print(mode, p.shape, p.grad_fn, p[0, 0, :, 0], g.grad[0, 0])
    g.grad = None
p = F.pad(g[0, 0], (1, 1), mode="reflect")
print(p, p.grad_fn)
p = F.pad(g, (1, 1, 1, 1), mode="replicate")
lap = p[..., 1:-1, :-2] + p[..., 1:-1, 2:] + p[..., :-2, 1:-1] + p[..., 2:, 1:-1] - 4 * g
print(lap.shape, lap.abs().sum().item())

# %%
g = torch.randn(1, 1, 3, 4)
r3 = g[0]
for make in [lambda: F.pad(r3, (4, 0), mode="reflect"),
             lambda: F.pad(r3, (3, 3), mode="reflect"),
             lambda: F.pad(r3, (4, 4), mode="replicate"),
             lambda: F.pad(r3, (-1, 2), mode="replicate"),
             lambda: F.pad(r3, (-1, 2), mode="reflect"),
             lambda: F.pad(r3, (5, 5), mode="circular"),
             lambda: F.pad(r3, (4, 4), mode="circular"),
             lambda: F.pad(r3.long(), (1, 1), mode="reflect"),
             lambda: F.pad(r3.long(), (1, 1), mode="replicate"),
             lambda: F.pad(r3.int(), (1, 2), mode="circular"),
             lambda: F.pad(g, (4, 0, 0, 0), mode="reflect"),
             lambda: F.pad(g, (0, 0, 3, 0), mode="reflect"),
             lambda: F.pad(g, (1, 1, 1, 1, 1, 1), mode="reflect"),
             lambda: F.pad(g, (1,), mode="replicate"),
             lambda: F.pad(g[0, 0, 0], (1, 1), mode="replicate"),
             lambda: F.pad(g, (1, 1), mode="reflection"),
             lambda: F.pad(g, (1, 1), mode="reflect", value=2.0),
             lambda: F.pad(g, (1, 1, 1, 1), mode="reflect", value=0.0)]:
    try:
        r = make()
        print(r.shape, r.dtype, r.flatten()[:5])
    except Exception as e:
        print(type(e).__name__, e)
