# Imitates a "probabilistic regression" course notebook (heteroscedastic regression with a mean and a variance head
# trained with nn.GaussianNLLLoss, as in the PyTorch docs of GaussianNLLLoss and the deep-ensembles tutorials;
# then quantile regression with the pinball loss checked with torch.quantile): var of the input's shape, with one
# column fewer (a homoscedastic variance), a scalar, full=True and eps, and the errors learners meet (a negative
# variance, a var of the wrong size, a bad reduction), plus torch.quantile's arguments and errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(3)
n = 120
x = torch.linspace(-3, 3, n).unsqueeze(1)
noise_sd = 0.2 + 0.3 * x.abs()
y = torch.sin(x) + noise_sd * torch.randn(n, 1)
print(x.shape, y.shape, noise_sd.min(), noise_sd.max())
print(f"{y.mean():.4f} {y.std():.4f}")

# %%
class MeanVar(nn.Module):
    def __init__(self, h=16):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(1, h), nn.Tanh())
        self.mu = nn.Linear(h, 1)
        self.log_var = nn.Linear(h, 1)

    def forward(self, x):
        z = self.body(x)
        return self.mu(z), self.log_var(z).exp()

net = MeanVar()
crit = nn.GaussianNLLLoss()
print(net, crit, nn.GaussianNLLLoss(full=True, eps=1e-3, reduction="sum"), sep="\n")
opt = torch.optim.Adam(net.parameters(), lr=0.02)
for epoch in range(150):
    opt.zero_grad()
    mu, var = net(x)
    loss = crit(mu, y, var)
    loss.backward()
    opt.step()
    if epoch % 50 == 0:
        print(epoch, f"{loss.item():.4f}", var.mean().item() > 0)
print(loss, mu.shape, var.shape)

# %%
mu, var = net(x)
mu, var = mu.detach(), var.detach()
print(crit(mu, y, var), nn.GaussianNLLLoss(full=True)(mu, y, var))
by_hand = 0.5 * (torch.log(var.clamp(min=1e-6)) + (mu - y) ** 2 / var.clamp(min=1e-6))
print(by_hand.mean(), (by_hand + 0.5 * torch.log(torch.tensor(2 * torch.pi))).mean())
print(F.gaussian_nll_loss(mu, y, var, reduction="none").shape, F.gaussian_nll_loss(mu, y, var, reduction="sum"))
# a homoscedastic variance: one value per sample, one for all, or a float
print(F.gaussian_nll_loss(mu, y, var[:, 0]), F.gaussian_nll_loss(mu, y, torch.tensor(0.25)), F.gaussian_nll_loss(mu, y, 0.25))
print(F.gaussian_nll_loss(mu.squeeze(1), y.squeeze(1), var.squeeze(1)), F.gaussian_nll_loss(mu, y, torch.zeros(n, 1), eps=1e-2))

# %%
# a two-output model: var with a trailing dimension of 1 is broadcast over the outputs
mu2 = torch.randn(4, 2)
y2 = torch.randn(4, 2)
v_col = torch.rand(4, 1) + 0.5
print(F.gaussian_nll_loss(mu2, y2, v_col), F.gaussian_nll_loss(mu2, y2, v_col.squeeze(1)))
v = (torch.rand(4, 2) + 0.5).requires_grad_()
m = torch.zeros(4, 2, requires_grad=True)
l = nn.GaussianNLLLoss(full=True)(m, y2, v)
l.backward()
print(l, m.grad, v.grad, sep="\n")

# %%
F.gaussian_nll_loss(mu, y, -var)

# %%
F.gaussian_nll_loss(mu2, y2, torch.ones(4, 3))

# %%
F.gaussian_nll_loss(mu2, y2, torch.ones(3, 2))

# %%
F.gaussian_nll_loss(mu2, y2, torch.ones(2))

# %%
nn.GaussianNLLLoss(reduction="avg")(mu2, y2, torch.ones(4, 2))

# %%
F.gaussian_nll_loss(mu2, y2[:3], torch.ones(4, 2))

# %%
# quantile regression with the pinball loss
def pinball(pred, target, tau):
    r = target - pred
    return torch.maximum(tau * r, (tau - 1) * r).mean()

taus = torch.tensor([0.1, 0.5, 0.9])
qnet = nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.Adam(qnet.parameters(), lr=0.02)
for epoch in range(200):
    opt.zero_grad()
    q = qnet(x)
    loss = sum(pinball(q[:, i:i + 1], y, t) for i, t in enumerate(taus))
    loss.backward()
    opt.step()
print(loss, q.shape)
with torch.no_grad():
    q = qnet(x)
    coverage = ((y >= q[:, :1]) & (y <= q[:, 2:])).float().mean()
    crossing = (q[:, 0] > q[:, 2]).sum()
print(f"coverage of the 10-90% band: {coverage:.2%}, crossings: {crossing}")

# %%
# checking with torch.quantile on the residuals
resid = (y - q[:, 1:2]).squeeze(1)
print(torch.quantile(resid, taus), torch.quantile(resid, 0.5, interpolation="nearest"))
print(torch.quantile(resid.view(12, 10), taus, dim=1).shape, torch.quantile(resid.view(12, 10), 0.5, dim=0, keepdim=True).shape)
for how in ["linear", "lower", "higher", "midpoint", "nearest"]:
    print(how, torch.quantile(torch.tensor([1.0, 2.0, 4.0, 8.0]), 0.4, interpolation=how))
torch.nanquantile(torch.tensor([1.0, float("nan"), 3.0, 4.0]), taus), torch.quantile(torch.tensor([1.0, float("nan")]), 0.5)

# %%
torch.quantile(resid, 1.1)

# %%
torch.quantile(resid, torch.tensor([0.1, 0.5], dtype=torch.float64))

# %%
torch.quantile(resid.long(), 0.5)

# %%
torch.quantile(resid, 0.5, interpolation="median")

# %%
torch.quantile(resid, [0.1, 0.9])
