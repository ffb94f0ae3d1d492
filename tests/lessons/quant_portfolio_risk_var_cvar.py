# Imitates risk and portfolio notebooks in PyTorch: simulated correlated returns through a Cholesky factor,
# torch.cov / corrcoef with weights, VaR and CVaR with torch.quantile (interpolation modes, tensors of levels,
# nanquantile), closed-form mean-variance weights with torch.linalg.solve / inv, long-only weights as a softmax
# trained with Adam, a CVaR objective with a differentiable quantile, and the errors learners meet: a singular
# covariance, a float32 quantile level on float64 returns, a level outside [0, 1], a covariance that is not
# positive definite.
import torch

torch.manual_seed(7)

# %%
mu = torch.tensor([0.08, 0.10, 0.12, 0.05], dtype=torch.float64) / 252
vols = torch.tensor([0.15, 0.20, 0.30, 0.05], dtype=torch.float64) / 252 ** 0.5
C = torch.tensor([[1.0, 0.3, 0.2, 0.0], [0.3, 1.0, 0.5, 0.1], [0.2, 0.5, 1.0, 0.1], [0.0, 0.1, 0.1, 1.0]],
                 dtype=torch.float64)
Sigma = torch.diag(vols) @ C @ torch.diag(vols)
L = torch.linalg.cholesky(Sigma)
print(L.dtype, torch.allclose(L @ L.T, Sigma), torch.linalg.eigvalsh(C))
R = mu + torch.randn(5000, 4, dtype=torch.float64) @ L.T
print(R.shape, R.mean(0) * 252, R.std(0) * 252 ** 0.5)

# %%
S_hat = torch.cov(R.T)
print(S_hat * 252)
print(torch.corrcoef(R.T))
print(torch.cov(R.T, correction=0)[0, 0], torch.cov(R.T, correction=0)[0, 0] / S_hat[0, 0])
w_time = torch.linspace(0.5, 1.5, 5000, dtype=torch.float64)
print(torch.cov(R.T, aweights=w_time)[0, :2], torch.cov(R[:10].T, fweights=torch.arange(1, 11))[1, 1])

# %%
torch.cov(R.T, fweights=torch.ones(5000))

# %%
torch.cov(R.T, aweights=-w_time)

# %%
torch.cov(torch.randn(2, 3, 4))

# %%
# VaR and CVaR of an equal-weight portfolio
w = torch.full((4,), 0.25, dtype=torch.float64)
port = R @ w
loss = -port
for a in (0.95, 0.99):
    var = torch.quantile(loss, a)
    cvar = loss[loss >= var].mean()
    print(f"VaR{a:.0%} = {var.item():.5f}  CVaR = {cvar.item():.5f}")
print(torch.quantile(loss, torch.tensor([0.5, 0.95, 0.99], dtype=torch.float64)))
for how in ("linear", "lower", "higher", "midpoint", "nearest"):
    print(how, torch.quantile(loss[:7], 0.9, interpolation=how))

# %%
print(torch.quantile(R, 0.05, dim=0), torch.quantile(R, 0.05, dim=0, keepdim=True).shape)
print(torch.quantile(R[:6], torch.tensor([0.1, 0.9], dtype=torch.float64), dim=1).shape)
with_nan = loss[:6].clone()
with_nan[2] = float("nan")
print(torch.quantile(with_nan, 0.5), torch.nanquantile(with_nan, 0.5), loss[:6].median(), loss[:6].nanmedian())

# %%
torch.quantile(loss, torch.tensor([0.95]))

# %%
torch.quantile(loss, 1.5)

# %%
torch.quantile(loss, 0.95, interpolation="cubic")

# %%
torch.quantile(torch.arange(10), 0.5)

# %%
# closed-form minimum-variance and tangency weights
ones = torch.ones(4, dtype=torch.float64)
x = torch.linalg.solve(S_hat, ones)
w_mv = x / x.sum()
inv = torch.linalg.inv(S_hat)
print(w_mv, inv @ ones / (ones @ inv @ ones))
t = torch.linalg.solve(S_hat, R.mean(0))
print(t / t.sum(), (w_mv @ S_hat @ w_mv * 252) ** 0.5)

# %%
# two identical assets make the covariance singular
dup = torch.stack([R[:, 0], R[:, 0], R[:, 1]], dim=1)
S_dup = torch.cov(dup.T)
print(torch.linalg.matrix_rank(S_dup), torch.linalg.det(S_dup))
torch.linalg.solve(S_dup, torch.ones(3, dtype=torch.float64))

# %%
torch.linalg.inv(torch.zeros(3, 3, dtype=torch.float64))

# %%
torch.linalg.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]], dtype=torch.float64))

# %%
torch.linalg.solve(S_hat, torch.ones(4))

# %%
print(torch.linalg.pinv(S_dup) @ torch.ones(3, dtype=torch.float64))
print(torch.linalg.lstsq(S_dup, torch.ones(3, 1, dtype=torch.float64)).solution.shape)
ev, V = torch.linalg.eigh(S_hat * 252)
print(ev, V[:, -1].abs())

# %%
# long-only weights through a softmax, trained with Adam on mean - lambda * variance
torch.manual_seed(0)
logits = torch.zeros(4, dtype=torch.float64, requires_grad=True)
opt = torch.optim.Adam([logits], lr=0.05)
lam = 5.0
for step in range(201):
    wts = torch.softmax(logits, dim=0)
    pr = R @ wts
    objective = -(pr.mean() * 252 - lam * pr.var() * 252)
    opt.zero_grad()
    objective.backward()
    opt.step()
    if step % 50 == 0:
        print(step, f"{objective.item():.6f}", wts.detach().numpy().round(4))
print(torch.softmax(logits, 0).sum(), logits.grad)

# %%
# minimising CVaR: the quantile is differentiable too
logits = torch.zeros(4, dtype=torch.float64, requires_grad=True)
opt = torch.optim.Adam([logits], lr=0.1)
for step in range(60):
    wts = logits.softmax(0)
    l = -(R @ wts)
    v = torch.quantile(l, 0.95)
    cvar = v + torch.relu(l - v).mean() / 0.05
    opt.zero_grad()
    cvar.backward()
    opt.step()
print(cvar, v.grad_fn, wts)

# %%
# mistake: weights that sum to one by division, then an in-place normalisation of the leaf
raw = torch.rand(4, dtype=torch.float64, requires_grad=True)
raw /= raw.sum()
