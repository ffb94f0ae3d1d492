# Imitates the Frechet Inception Distance written by hand in GAN / diffusion course notebooks and clean-fid-style blog
# posts: feature means and covariances (torch.cov, mean(0), centred products x.T @ x / (n - 1)), the matrix square
# root of sigma1 @ sigma2 by torch.linalg.eigh / eig (complex eigenvalues, .real, clamping tiny negatives) and by
# Newton-Schulz iterations, the trace term, float64 vs float32, and learners' mistakes (fewer samples than dims).
import torch

torch.manual_seed(0)
real = torch.randn(64, 8)
fake = torch.randn(64, 8) * 1.2 + 0.3
mu_r, mu_f = real.mean(0), fake.mean(dim=0)
xc = real - mu_r
sigma_r = xc.T @ xc / (real.shape[0] - 1)
sigma_c = torch.cov(real.T)
print(mu_r, mu_f.shape, sigma_r.shape, sigma_r.dtype)
print(torch.allclose(sigma_r, sigma_c, atol=1e-6), (sigma_r - sigma_c).abs().max())
print(torch.cov(fake.T, correction=0)[:2, :3])
print(torch.cov(fake.T, correction=1, aweights=torch.rand(64))[:2, :3])
print(torch.cov(real[:, 0]), torch.corrcoef(real.T[:3]))

# %%
def sqrtm_eigh(m):
    vals, vecs = torch.linalg.eigh(m)
    vals = vals.clamp(min=0)
    return vecs @ torch.diag(vals.sqrt()) @ vecs.T

sigma_f = torch.cov(fake.T)
s1 = sqrtm_eigh(sigma_r)
inner = s1 @ sigma_f @ s1
covmean = sqrtm_eigh(inner)
fid = (mu_r - mu_f).pow(2).sum() + torch.trace(sigma_r) + torch.trace(sigma_f) - 2 * torch.trace(covmean)
print(fid, fid.dtype)
vals = torch.linalg.eigvalsh(inner)
print(vals, vals.min() > 0)
print(torch.dist(s1 @ s1, sigma_r))

# %%
prod = sigma_r @ sigma_f
ev = torch.linalg.eigvals(prod)
print(ev.dtype, ev.shape)
print(ev.real.sort().values, ev.imag.abs().max() < 1e-3)
tr = ev.sqrt().real.sum()
print(tr)
fid2 = (mu_r - mu_f).square().sum() + sigma_r.trace() + sigma_f.trace() - 2 * tr
print(fid2, torch.isclose(fid, fid2, rtol=1e-3))
w, v = torch.linalg.eig(prod)
print(w.dtype, v.dtype, v.shape)
rec = (v @ torch.diag(w) @ torch.linalg.inv(v)).real
print(torch.allclose(rec, prod, atol=1e-4))

# %%
def newton_schulz(a, iters=20):
    dim = a.shape[0]
    norm = a.norm()
    y = a / norm
    i = torch.eye(dim, dtype=a.dtype)
    z = torch.eye(dim, dtype=a.dtype)
    for _ in range(iters):
        t = 0.5 * (3.0 * i - z @ y)
        y = y @ t
        z = t @ z
    return y * norm.sqrt()

ns = newton_schulz(inner)
print(ns.shape, torch.trace(ns), torch.trace(covmean))
print((ns @ ns - inner).abs().max() < 1e-3)

# %%
r64, f64 = real.double(), fake.double()
s_r64, s_f64 = torch.cov(r64.T), torch.cov(f64.T)
ev64 = torch.linalg.eigvals(s_r64 @ s_f64)
print(ev64.dtype, ev64.sqrt().real.sum())
fid64 = (r64.mean(0) - f64.mean(0)).pow(2).sum() + s_r64.trace() + s_f64.trace() - 2 * ev64.sqrt().real.sum()
print(fid64, fid64.item() - fid2.item() < 1e-3)

# %%
few = torch.randn(5, 8)
s_few = torch.cov(few.T)
print(torch.linalg.matrix_rank(s_few), torch.linalg.eigvalsh(s_few).min() < 1e-5)
vals = torch.linalg.eigvalsh(s_few)
print(vals.sqrt().isnan().any(), vals.clamp(min=0).sqrt().isnan().any())
bad = torch.cov(torch.randn(8, 1).expand(8, 8).T)
print(bad.isnan().any(), bad[0, :3])
try:
    torch.linalg.eigh(bad)
except Exception as e:
    print(type(e).__name__, e)
nan_cov = torch.cov(torch.cat([few, torch.full((1, 8), float('nan'))]).T)
try:
    torch.linalg.eigvalsh(torch.stack([s_few, nan_cov]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.cholesky(s_few)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.eigh(prod.to(torch.int64))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cov(real.T, aweights=torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cov(torch.randn(2, 3, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.trace(torch.randn(2, 3, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    sigma_r @ fake
except Exception as e:
    print(type(e).__name__, e)

# %%
mu = torch.randn(8, requires_grad=True)
a = torch.randn(8, 8, dtype=torch.float64)
spd = (a @ a.T + 8 * torch.eye(8, dtype=torch.float64)).requires_grad_()
vals, vecs = torch.linalg.eigh(spd)
root = vecs @ torch.diag_embed(vals.sqrt()) @ vecs.mT
loss = (mu - mu_f).pow(2).sum() + root.trace()
print(loss.grad_fn.name(), root.grad_fn, vals.grad_fn.name())
loss.backward()
print(mu.grad, spd.grad[:2, :3])
c = torch.cov(real.T[:3].clone().requires_grad_())
print(c.grad_fn)
