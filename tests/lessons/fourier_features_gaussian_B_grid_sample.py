# Imitates a "Fourier features let networks learn high frequency functions" notebook: a Gaussian matrix B,
# gamma(x) = [sin(2 pi x B^T), cos(2 pi x B^T)], a small MLP fitted with Adam, and F.grid_sample lookups into a
# learnable feature grid (align_corners True and False) as the alternative encoding, with the shape errors learners hit.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B = torch.randn(8, 2) * 10.0
x = torch.rand(5, 2)
proj = 2 * math.pi * x @ B.T
print(proj.shape, proj[0, :4])
feat = torch.cat([torch.sin(proj), torch.cos(proj)], -1)
print(feat.shape, feat[0, ::4])
feat2 = torch.cat([torch.sin(proj), torch.cos(proj)], dim=-1)
print(torch.equal(feat, feat2), (feat ** 2)[:, :8].add((feat ** 2)[:, 8:])[0])


class FourierFeatures(nn.Module):
    def __init__(self, in_f, n, scale):
        super().__init__()
        self.register_buffer("B", torch.randn(n, in_f) * scale)

    def forward(self, x):
        p = 2 * torch.pi * x @ self.B.T
        return torch.cat([p.sin(), p.cos()], dim=-1)


enc = FourierFeatures(2, 8, 5.0)
print(enc, list(dict(enc.named_buffers()).keys()), enc.B.requires_grad)
net = nn.Sequential(enc, nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 1))
print(sum(p.numel() for p in net.parameters()))

# %%
lin = torch.linspace(0, 1, 6)
g = torch.stack(torch.meshgrid(lin, lin, indexing="xy"), -1).reshape(-1, 2)
target = torch.sin(6 * g[:, :1]) * torch.cos(4 * g[:, 1:])
opt = torch.optim.Adam(net.parameters(), lr=1e-2)
for it in range(6):
    opt.zero_grad()
    pred = net(g)
    loss = F.mse_loss(pred, target)
    loss.backward()
    opt.step()
    print(it, round(loss.item(), 5), f"PSNR {(-10 * torch.log10(loss)).item():.3f}")
print(net[1].weight.grad.norm(), pred.grad_fn)

# %%
xr = torch.rand(4, 2, requires_grad=True)
pr = 2 * math.pi * xr @ B.T
ff = torch.cat([torch.sin(pr), torch.cos(pr)], -1)
print(ff.grad_fn, ff.grad_fn.next_functions)
ff.sum().backward()
print(xr.grad)

# %%
torch.manual_seed(1)
grid_feat = torch.randn(1, 4, 5, 5, requires_grad=True)
pts = torch.rand(7, 2) * 2 - 1
samp = pts.view(1, 1, -1, 2)
for ac in (True, False):
    out = F.grid_sample(grid_feat, samp, mode="bilinear", align_corners=ac)
    print(ac, out.shape, out[0, :, 0, :3], out.grad_fn)
out = F.grid_sample(grid_feat, samp, align_corners=True)
feats = out.squeeze(0).squeeze(1).T
print(feats.shape)
feats.pow(2).sum().backward()
print(grid_feat.grad[0, 0])

# %%
corner = torch.tensor([[[[-1.0, -1.0], [1.0, 1.0], [0.0, 0.0], [1.1, 0.0]]]])
print(F.grid_sample(grid_feat.detach(), corner, align_corners=True)[0, 0])
print(F.grid_sample(grid_feat.detach(), corner, align_corners=False)[0, 0])
print(F.grid_sample(grid_feat.detach(), corner, align_corners=False, padding_mode="border")[0, 0])
print(F.grid_sample(grid_feat.detach(), corner, mode="nearest", align_corners=False)[0, 0])
vol = torch.randn(1, 2, 3, 4, 4)
p3 = torch.rand(1, 1, 1, 5, 3) * 2 - 1
print(F.grid_sample(vol, p3, align_corners=True).shape)

# %%
for bad in (pts, pts.view(1, -1, 2), pts.view(1, 1, -1, 2, 1), torch.rand(1, 1, 7, 3), torch.rand(2, 1, 7, 2)):
    try:
        F.grid_sample(grid_feat, bad, align_corners=True)
    except RuntimeError as e:
        print(type(e).__name__, e)
try:
    F.grid_sample(grid_feat, samp)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.grid_sample(grid_feat, samp, mode="linear", align_corners=False)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.grid_sample(grid_feat, samp.double(), align_corners=False)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(2)
plane = nn.Parameter(torch.randn(1, 3, 6, 6) * 0.1)
dec = nn.Linear(3, 1)
xy = (torch.rand(8, 2) * 2 - 1).requires_grad_(True)
val = dec(F.grid_sample(plane, xy.view(1, 1, -1, 2), align_corners=True)[0, :, 0].T)
dxy, = torch.autograd.grad(val, xy, torch.ones_like(val), create_graph=True)
print(dxy.grad_fn.next_functions[0][0].name(), dxy[:2])
eik = ((dxy.norm(dim=-1) - 1) ** 2).mean()
eik.backward()
print(eik, plane.grad.abs().sum(), dec.weight.grad)
