# Imitates an econometrics course notebook on binary choice models (logit and probit by maximum likelihood, after the
# statsmodels Logit/Probit examples redone in PyTorch) and the PyTorch docs of nn.BCEWithLogitsLoss: pos_weight for
# imbalanced classes, per-sample weight, the probit link with torch.special.ndtr / ndtri / log_ndtr and
# Normal.cdf / icdf, marginal effects with autograd, and the errors of wrong shapes and targets.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal

# %%
g = torch.Generator().manual_seed(7)
n = 80
X = torch.cat([torch.ones(n, 1), torch.randn(n, 2, generator=g)], 1)
b_true = torch.tensor([-1.0, 1.5, -0.7])
p = torch.sigmoid(X @ b_true)
y = torch.bernoulli(p, generator=g)
print(y.mean(), y.sum(), y.dtype, y[:10])

# %%
crit = nn.BCEWithLogitsLoss()
pw = (1 - y).sum() / y.sum()
crit_pw = nn.BCEWithLogitsLoss(pos_weight=pw.reshape(1))
print(crit_pw, crit_pw.pos_weight, crit_pw.weight, crit.reduction)
logits = X @ b_true
print(crit(logits, y), crit_pw(logits, y))
w = torch.where(y == 1, 2.0, 0.5)
print(nn.BCEWithLogitsLoss(weight=w)(logits, y), F.binary_cross_entropy_with_logits(logits, y, weight=w, pos_weight=pw.reshape(1), reduction="sum"))
F.binary_cross_entropy_with_logits(logits[:4], y[:4], reduction="none"), F.binary_cross_entropy(torch.sigmoid(logits[:4]), y[:4], reduction="none")

# %%
beta = torch.zeros(3, requires_grad=True)
opt = torch.optim.LBFGS([beta], max_iter=100, line_search_fn="strong_wolfe", tolerance_grad=1e-9)
def closure():
    opt.zero_grad()
    loss = F.binary_cross_entropy_with_logits(X @ beta, y, reduction="sum")
    loss.backward()
    return loss
opt.step(closure)
ll = -closure()
print(f"logit: beta = {beta.detach().numpy().round(3)}, log-lik = {ll.item():.3f}")
print(beta.grad.abs().max() < 1e-3)

# %%
# probit via the normal CDF
def probit_nll(b):
    eta = X @ b
    return -(y * torch.special.log_ndtr(eta) + (1 - y) * torch.special.log_ndtr(-eta)).sum()
bp = torch.zeros(3, requires_grad=True)
opt = torch.optim.LBFGS([bp], max_iter=100, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    l = probit_nll(bp)
    l.backward()
    return l
opt.step(closure)
print(bp.detach(), probit_nll(bp.detach()))
z = torch.tensor([-3.0, -1.0, 0.0, 1.96, 40.0], requires_grad=True)
print(torch.special.ndtr(z), Normal(0., 1.).cdf(z))
print(torch.special.ndtri(torch.tensor([0.025, 0.5, 0.975, 0.0, 1.0, 1.5])), Normal(0, 1).icdf(torch.tensor([0.025, 0.975])))
torch.special.log_ndtr(z).sum().backward()
z.grad

# %%
# average marginal effects: d P(y=1) / d x_j, by autograd
Xg = X.clone().requires_grad_()
pr = torch.special.ndtr(Xg @ bp.detach())
pr.sum().backward()
ame = Xg.grad.mean(0)
print(ame, torch.distributions.Normal(0, 1).log_prob(torch.tensor(0.)).exp() * bp.detach())
print(f"AME x1 = {ame[1]:.4f}, AME x2 = {ame[2]:+.4f}")
Normal(torch.zeros(2), torch.ones(2)).cdf(torch.tensor([[0.0], [1.0]]))

# %%
F.binary_cross_entropy_with_logits(logits, y[:10])

# %%
F.binary_cross_entropy_with_logits(logits, y.long())

# %%
nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 2.0]))(logits, y)

# %%
nn.BCEWithLogitsLoss(weight=torch.ones(3))(logits, y)

# %%
F.binary_cross_entropy(torch.sigmoid(logits), y.unsqueeze(1))

# %%
F.binary_cross_entropy(logits, y)

# %%
Normal(0., 1.).icdf(torch.tensor(1.5))

# %%
# multi-label with a pos_weight per column
logits2 = torch.randn(5, 3, generator=g, requires_grad=True)
t2 = torch.bernoulli(torch.full((5, 3), 0.3), generator=g)
l2 = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 3.0, 0.5]))(logits2, t2)
l2.backward()
print(l2, logits2.grad)
nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 3.0, 0.5]), reduction="none")(logits2, t2).shape
