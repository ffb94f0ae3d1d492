# Imitates a "program evaluation" lesson: nearest-neighbour matching with torch.cdist + topk/argmin, bootstrap
# confidence intervals resampled with torch.multinomial / randint and read off with torch.quantile in every
# interpolation mode, a regression discontinuity with triangular local-linear weights, and mistakes (quantile of
# an integer tensor, q out of range, bad interpolation name, cdist with mismatched feature sizes).
import torch

# %%
torch.manual_seed(21)
nt, nc = 40, 120
Xt = torch.randn(nt, 2) + 0.4
Xc = torch.randn(nc, 2)
Yt = Xt.sum(1) + 1.0 + 0.2 * torch.randn(nt)
Yc = Xc.sum(1) + 0.2 * torch.randn(nc)
D = torch.cdist(Xt, Xc)
print(D.shape, D.dtype, D[0, :4])
nn1 = D.argmin(dim=1)
vals, idx3 = D.topk(3, dim=1, largest=False)
print(nn1[:8], idx3[:2], vals[:2])
att1 = (Yt - Yc[nn1]).mean()
att3 = (Yt - Yc[idx3].mean(1)).mean()
print(att1, att3, torch.bincount(nn1, minlength=nc).max())
Dm = torch.cdist(Xt, Xc, p=1)
Dinf = torch.cdist(Xt, Xc, p=float("inf"))
print(Dm[0, :3], Dinf[0, :3], torch.cdist(Xt.double(), Xc.double(), compute_mode="donot_use_mm_for_euclid_dist")[0, :3])

# %%
# gradient of a soft-matching estimate
Xq = Xt.clone().requires_grad_()
Dq = torch.cdist(Xq, Xc)
wts = torch.softmax(-Dq / 0.5, dim=1)
att_soft = (Yt - wts @ Yc).mean()
att_soft.backward()
print(att_soft, Dq.grad_fn, Xq.grad[:3])

# %%
# bootstrap the matched ATT
effects = Yt - Yc[nn1]
g = torch.Generator().manual_seed(5)
B = 500
idx = torch.multinomial(torch.ones(nt), B * nt, replacement=True, generator=g).view(B, nt)
boots = effects[idx].mean(1)
idx_r = torch.randint(nt, (B, nt), generator=g)
boots_r = effects[idx_r].mean(1)
qs = torch.tensor([0.025, 0.5, 0.975])
for mode in ["linear", "lower", "higher", "midpoint", "nearest"]:
    print(mode, torch.quantile(boots, qs, interpolation=mode), boots_r.quantile(0.975, interpolation=mode))
print(torch.quantile(boots.view(20, 25), 0.5, dim=1, keepdim=True).shape, torch.nanquantile(boots, 0.1))
print(torch.quantile(boots.double(), qs.double()), boots.median(), boots.sort().values[[12, 487]])

# %%
# mistakes with quantile
for f in [lambda: torch.quantile(idx_r[0], 0.5),
          lambda: torch.quantile(boots, 1.5),
          lambda: torch.quantile(boots, qs, interpolation="cubic"),
          lambda: torch.quantile(boots, qs.double()),
          lambda: torch.quantile(boots, torch.tensor([[0.1, 0.9]])),
          lambda: torch.quantile(boots, -0.1),
          lambda: torch.quantile(torch.tensor([]), 0.5),
          lambda: torch.cdist(Xt, torch.randn(5, 3)),
          lambda: torch.cdist(Xt, Xc, p=-1),
          lambda: torch.multinomial(torch.ones(nt), nt + 1),
          lambda: D.topk(200, dim=1)]:
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# quantile keeps nan, nanquantile skips it; gradient through quantile
v = torch.tensor([1.0, float("nan"), 3.0, 2.0, 5.0])
print(torch.quantile(v, 0.5), torch.nanquantile(v, 0.5), torch.nanquantile(v, torch.tensor([0.0, 1.0])))
vv = torch.tensor([4.0, 1.0, 3.0, 2.0, 6.0, 5.0], requires_grad=True)
q = torch.quantile(vv, torch.tensor([0.3, 0.75]))
q.sum().backward()
print(q, q.grad_fn, vv.grad)

# %%
# regression discontinuity with local linear triangular weights
torch.manual_seed(4)
r = torch.rand(400) * 2 - 1
above = (r >= 0).float()
yr = 0.5 + 1.2 * r + 0.8 * above + 0.3 * r * above + 0.2 * torch.randn(400)
h = 0.4
k = torch.clamp(1 - r.abs() / h, min=0)
keep = k > 0
Xr = torch.stack([torch.ones_like(r), above, r, r * above], 1)[keep]
W = k[keep]
sw = W.sqrt()
coef = torch.linalg.lstsq(Xr * sw[:, None], (yr[keep] * sw)[:, None]).solution.squeeze(1)
XtWX = Xr.T @ (W[:, None] * Xr)
coef2 = torch.linalg.solve(XtWX, Xr.T @ (W * yr[keep]))
print(keep.sum(), coef, coef2, torch.allclose(coef, coef2, atol=1e-4))
res = yr[keep] - Xr @ coef2
bread = torch.linalg.inv(XtWX)
meat = torch.einsum("n,ni,nj->ij", (W * res) ** 2, Xr, Xr)
print((bread @ meat @ bread).diag().sqrt())
