# Imitates a robust-statistics course notebook (after the statsmodels RLM examples: Huber's T and Tukey's biweight
# norms, redone in PyTorch with nn.HuberLoss / nn.SmoothL1Loss and IRLS by hand), with the docs' remark that
# HuberLoss(delta) equals delta * SmoothL1Loss(beta=delta); the arguments learners pass (a delta read off a tensor,
# as a MAD estimate is) and the errors and target-size warnings these losses give.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(11)
n = 60
x = torch.rand(n, 1) * 10
y = 2.0 + 0.7 * x + 0.5 * torch.randn(n, 1)
y[::12] += 8.0   # a few gross outliers
X = torch.cat([torch.ones(n, 1), x], 1)
ols = torch.linalg.lstsq(X, y).solution
print(ols.T, (y - X @ ols).abs().max())

# %%
def fit(loss_fn, steps=300, lr=0.01):
    b = torch.zeros(2, 1, requires_grad=True)
    opt = torch.optim.Adam([b], lr=lr * 10)
    for _ in range(steps):
        opt.zero_grad()
        l = loss_fn(X @ b, y)
        l.backward()
        opt.step()
    return b.detach(), l

for name, crit in [("mse", nn.MSELoss()), ("l1", nn.L1Loss()), ("huber", nn.HuberLoss(delta=1.0)),
                   ("smoothl1", nn.SmoothL1Loss(beta=0.5))]:
    b, l = fit(crit)
    print(f"{name:>9}: intercept={b[0, 0]:.3f} slope={b[1, 0]:.3f} loss={l.item():.4f}")

# %%
r = torch.linspace(-3, 3, 7)
z = torch.zeros(7)
print(F.huber_loss(r, z, reduction="none", delta=1.5))
print(1.5 * F.smooth_l1_loss(r, z, reduction="none", beta=1.5))
print(F.smooth_l1_loss(r, z, beta=0.0), F.l1_loss(r, z), nn.HuberLoss(delta=2), nn.SmoothL1Loss(beta=0.5))
# a robust scale: the MAD, used as delta (a 0-dim tensor passes where a float is expected)
resid = (y - X @ ols).squeeze(1)
mad = (resid - resid.median()).abs().median() / 0.6745
print(mad, F.huber_loss(X @ ols, y, delta=1.345 * mad), F.smooth_l1_loss(X @ ols, y, beta=mad))
F.huber_loss(X @ ols, y, delta=float(1.345 * mad)), F.huber_loss(r, z, delta=torch.tensor(2))

# %%
F.huber_loss(r, z, delta=torch.tensor([1.0]))

# %%
F.huber_loss(r, z, delta=mad.requires_grad_())

# %%
nn.HuberLoss(delta=torch.tensor(1.0))

# %%
F.smooth_l1_loss(r, z, beta="1.0")

# %%
F.huber_loss(r, z, delta=0.0)

# %%
F.smooth_l1_loss(r, z, beta=-0.5)

# %%
# the target-size warning: predictions (n, 1) against targets (n,)
pred = X @ ols
l = F.huber_loss(pred, y.squeeze(1))
print(l)
nn.SmoothL1Loss()(pred, y.squeeze(1)).shape

# %%
F.huber_loss(r, z[:5])

# %%
F.huber_loss(r, z.long())

# %%
# Tukey's biweight by hand, fitted by IRLS
def tukey_rho(u, c=4.685):
    inside = (1 - (1 - (u / c) ** 2) ** 3) * c ** 2 / 6
    return torch.where(u.abs() <= c, inside, torch.full_like(u, c ** 2 / 6))

def tukey_weight(u, c=4.685):
    return torch.where(u.abs() <= c, (1 - (u / c) ** 2) ** 2, torch.zeros_like(u))

b = ols.clone()
for it in range(20):
    res = (y - X @ b).squeeze(1)
    s = (res - res.median()).abs().median() / 0.6745
    w = tukey_weight(res / s)
    W = torch.diag(w)
    b_new = torch.linalg.solve(X.T @ W @ X, X.T @ W @ y)
    step = (b_new - b).abs().max()
    b = b_new
    if step < 1e-3:   # (float32: a tighter tolerance only measures rounding)
        break
print(it, b.T, (w == 0).sum(), w[::12])

# %%
u = torch.linspace(-6, 6, 5, requires_grad=True)
rho = tukey_rho(u)
rho.sum().backward()
print(rho, u.grad)
psi = torch.autograd.grad(tukey_rho(u).sum(), u, create_graph=True)[0]
print(psi, torch.autograd.grad(psi.sum(), u)[0])
