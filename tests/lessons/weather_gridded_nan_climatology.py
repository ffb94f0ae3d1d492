# Imitates a weather/climate data lesson: a gridded temperature field with missing values (isnan, nan_to_num,
# nanmean, nansum, nanmedian), area weights with cos(deg2rad(lat)), monthly climatologies and anomalies built with
# bucketize / searchsorted / bincount(weights) / index_add_, and histc / histogram of anomalies.
import torch
torch.manual_seed(0)
lat = torch.linspace(-60.0, 60.0, 5)
lon = torch.arange(0.0, 360.0, 60.0)
T = 15 + 10 * torch.cos(torch.deg2rad(lat))[:, None] + torch.randn(24, 5, 6)
T[T > 24.5] = float("nan")
T[3, 2, :] = float("nan")
mask = torch.isnan(T)
print(T.shape, T.dtype, mask.sum(), mask.float().mean())
print(torch.nan_to_num(T, nan=-999.0)[3, 2])
print(torch.nan_to_num(T[0, 0]).dtype, torch.nan_to_num(torch.tensor([float("inf"), -float("inf"), float("nan")])))
print(T.nanmean(), T.nanmean(dim=0)[:2], torch.nansum(T, dim=(1, 2))[:4])
print(T.nanmedian(), T[:, 0, 0].nanmedian())
med = T.nanmedian(dim=0)
print(med.values[:2], med.indices[:2])
print(torch.nanmedian(T[:4], dim=-1, keepdim=True))

# %%
w = torch.cos(torch.deg2rad(lat))
print(w, w.dtype, torch.deg2rad(torch.tensor([90, 180])), torch.rad2deg(torch.tensor([3.14159])))
W = w[:, None].expand(5, 6)
valid = ~torch.isnan(T)
gm = (torch.nan_to_num(T) * W).sum(dim=(1, 2)) / (W * valid).sum(dim=(1, 2))
print(gm[:6])
x = torch.nan_to_num(T, nan=0.0).clone().requires_grad_(True)
loss = (x * W).sum() / W.sum() / 24
loss.backward()
print(loss, loss.grad_fn.name(), x.grad[0, :, 0])
y = T.clone().requires_grad_(True)
out = torch.nansum(y * W)
out.backward()
print(out, out.grad_fn.name(), y.grad[3, 2], y.grad[0, :, 0])
z = T.clone().requires_grad_(True)
m = z.nanmean()
m.backward()
print(m.grad_fn.name(), z.grad[3, 2, :3], z.grad[0, 0, :3])
q = T[:, 1, 1].clone().requires_grad_(True)
md = q.nanmedian()
md.backward()
print(md, md.grad_fn.name(), q.grad.nonzero())
q2 = T[:6].clone().requires_grad_(True)
r = q2.nanmedian(dim=0)
r.values.sum().backward()
print(r.values.grad_fn.name(), q2.grad.sum(0))

# %%
days = torch.arange(0, 365 * 2, 30.5)
month_edges = torch.tensor([0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334], dtype=torch.float32)
doy = days % 365
month = torch.bucketize(doy, month_edges, right=True) - 1
print(month, month.dtype)
print(torch.searchsorted(month_edges, doy, right=True) - 1)
print(torch.searchsorted(month_edges, doy[:5], side="left"), torch.bucketize(doy[:5], month_edges, out_int32=True))
series = torch.nan_to_num(T[:, 2, 3], nan=0.0)[: month.numel()]
cnt = torch.bincount(month, minlength=12)
s = torch.bincount(month, weights=series, minlength=12)
print(cnt, s, s.dtype)
clim = s / cnt.clamp(min=1)
anom = series - clim[month]
print(clim, anom[:6])
acc = torch.zeros(12).index_add_(0, month, series)
print(torch.allclose(acc, s), acc.dtype)
g = torch.zeros(12, 5, 6).index_add_(0, month, torch.nan_to_num(T)[: month.numel()], alpha=0.5)
print(g[0, 0], g.shape)
v = series.clone().requires_grad_(True)
c2 = torch.zeros(12).index_add(0, month, v * 2)
c2.sum().backward()
print(c2.grad_fn.name(), v.grad[:4])
try:
    torch.bincount(torch.tensor([1, -1]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.bincount(month, weights=series[:3])
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.bucketize(doy, torch.tensor([[0.0, 1.0]]))
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
a = anom.clone()
print(torch.histc(a, bins=6, min=-3, max=3), torch.histc(a, bins=4))
h = torch.histogram(a, bins=5)
print(h.hist, h.bin_edges)
h2 = torch.histogram(a, bins=torch.tensor([-3.0, -1.0, 0.0, 1.0, 3.0]), density=True)
print(h2)
print(torch.histogram(a, bins=4, range=(-2.0, 2.0), weight=torch.ones_like(a) * 0.5))
try:
    torch.histc(a.long(), bins=3)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.histc(T, bins=4)
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.histc(torch.tensor([1.0, 1.0, 1.0]), bins=3))
