# Imitates the widely copied "Approximating Wasserstein distances with PyTorch" post (dfdazac's SinkhornDistance
# module) and POT's / geomloss' entropic OT examples: a batched cost matrix |x_i - y_j|^p built by broadcasting,
# uniform marginals made with torch.empty(...).fill_().squeeze(), log-domain updates of u and v with logsumexp,
# an early stop on err.item(), the plan pi = exp(M), the Sinkhorn cost, its gradient w.r.t. the points (a
# Wasserstein gradient flow), cdist's p and compute_mode, unbalanced OT with a KL marginal, and the mistakes.
import math
import torch
import torch.nn as nn

torch.manual_seed(0)

class SinkhornDistance(nn.Module):
    def __init__(self, eps, max_iter, reduction="none"):
        super().__init__()
        self.eps = eps
        self.max_iter = max_iter
        self.reduction = reduction

    def forward(self, x, y):
        C = self._cost_matrix(x, y)
        x_points = x.shape[-2]
        y_points = y.shape[-2]
        if x.dim() == 2:
            batch_size = 1
        else:
            batch_size = x.shape[0]
        mu = torch.empty(batch_size, x_points, dtype=torch.float, requires_grad=False).fill_(1.0 / x_points).squeeze()
        nu = torch.empty(batch_size, y_points, dtype=torch.float, requires_grad=False).fill_(1.0 / y_points).squeeze()
        u = torch.zeros_like(mu)
        v = torch.zeros_like(nu)
        actual_nits = 0
        thresh = 1e-1
        for i in range(self.max_iter):
            u1 = u
            u = self.eps * (torch.log(mu + 1e-8) - torch.logsumexp(self.M(C, u, v), dim=-1)) + u
            v = self.eps * (torch.log(nu + 1e-8) - torch.logsumexp(self.M(C, u, v).transpose(-2, -1), dim=-1)) + v
            err = (u - u1).abs().sum(-1).mean()
            actual_nits += 1
            if err.item() < thresh:
                break
        U, V = u, v
        pi = torch.exp(self.M(C, U, V))
        cost = torch.sum(pi * C, dim=(-2, -1))
        if self.reduction == "mean":
            cost = cost.mean()
        elif self.reduction == "sum":
            cost = cost.sum()
        return cost, pi, C, actual_nits

    def M(self, C, u, v):
        return (-C + u.unsqueeze(-1) + v.unsqueeze(-2)) / self.eps

    @staticmethod
    def _cost_matrix(x, y, p=2):
        x_col = x.unsqueeze(-2)
        y_lin = y.unsqueeze(-3)
        C = torch.sum((torch.abs(x_col - y_lin)) ** p, -1)
        return C

n_points = 5
a = torch.stack([torch.linspace(0, 1, n_points), torch.zeros(n_points)], dim=1)
b = torch.stack([torch.linspace(0, 1, n_points), torch.ones(n_points)], dim=1)
sinkhorn = SinkhornDistance(eps=0.1, max_iter=100, reduction=None)
dist, P, C, nits = sinkhorn(a, b)
print("Sinkhorn distance: {:.3f}".format(dist.item()), nits)
print(P.shape, P.sum(), P.sum(dim=0), P.sum(dim=1))
print(C)

# %%
b2 = torch.stack([torch.linspace(0, 1, n_points), torch.ones(n_points)], dim=1).roll(2, dims=0)
dist, P, C, nits = sinkhorn(a, b2)
print("Sinkhorn distance: {:.3f}".format(dist.item()), nits, P.argmax(dim=1))
xb = torch.randn(3, 4, 2)
yb = torch.randn(3, 6, 2) + 2
for reduction in ["none", "mean", "sum"]:
    d, P, C, nits = SinkhornDistance(eps=0.05, max_iter=50, reduction=reduction)(xb, yb)
    print(reduction, d, P.shape, C.shape, nits)
print(torch.allclose(C, torch.cdist(xb, yb) ** 2, atol=1e-5), torch.cdist(xb, yb, p=1).shape)
print(torch.cdist(xb, yb, compute_mode="donot_use_mm_for_euclid_dist")[0, 0])

# %%
# a Wasserstein gradient flow: move the source points down the gradient of the Sinkhorn cost
x = torch.randn(6, 2, requires_grad=True)
y = torch.randn(8, 2) * 0.5 + torch.tensor([3.0, -1.0])
opt = torch.optim.SGD([x], lr=2.0)
loss_fn = SinkhornDistance(eps=0.1, max_iter=30)
for step in range(5):
    cost, P, C, nits = loss_fn(x, y)
    opt.zero_grad()
    cost.backward()
    print(step, f"{cost.item():.4f}", nits, f"{x.grad.norm().item():.4f}", x.grad.shape)
    opt.step()
print(x.mean(dim=0), y.mean(dim=0))

# %%
# barycentric projection, the entropy of the plan and unbalanced OT with a KL-relaxed marginal (scaling by rho)
with torch.no_grad():
    cost, P, C, _ = loss_fn(x, y)
    T_x = (P @ y) / P.sum(dim=1, keepdim=True)
    print(T_x.shape, (T_x - x).norm(dim=1))
    H = -(P * (torch.log(P + 1e-30) - 1)).sum()
    print(H, torch.special.entr(P).sum(), torch.xlogy(P, P).sum())

def unbalanced_sinkhorn(C, a, b, eps=0.1, rho=1.0, iters=100):
    f, g = torch.zeros_like(a), torch.zeros_like(b)
    lam = rho / (rho + eps)
    for _ in range(iters):
        f = -lam * eps * torch.logsumexp(torch.log(b)[None, :] + (g[None, :] - C) / eps, dim=1)
        g = -lam * eps * torch.logsumexp(torch.log(a)[:, None] + (f[:, None] - C) / eps, dim=0)
    return torch.exp(torch.log(a)[:, None] + torch.log(b)[None, :] + (f[:, None] + g[None, :] - C) / eps)

C = torch.cdist(torch.randn(4, 2), torch.randn(5, 2)) ** 2
a_w, b_w = torch.full((4,), 0.25), torch.full((5,), 0.3)
for rho in [0.1, 1.0, 100.0]:
    P = unbalanced_sinkhorn(C, a_w, b_w, rho=rho)
    print(rho, P.sum(), P.sum(1), P.sum(0))

# %%
# the mistakes: mismatched point dimensions, integer points, logsumexp over an integer tensor, a huge eps ratio
try:
    torch.cdist(torch.randn(4, 2), torch.randn(5, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(torch.randn(4, 2), torch.randn(5, 2), p=-1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(torch.arange(4).view(2, 2), torch.arange(4).view(2, 2))
except Exception as e:
    print(type(e).__name__, e)
print(torch.logsumexp(torch.arange(4), dim=0), torch.logsumexp(torch.tensor([-math.inf, -math.inf]), dim=0))
print(torch.logsumexp(torch.tensor([[math.inf, 1.0], [-math.inf, 2.0]]), dim=1))
try:
    torch.logsumexp(torch.randn(3))
except Exception as e:
    print(type(e).__name__, e)
print(torch.exp(-torch.tensor([10.0, 50.0, 200.0]) / 0.1), torch.logsumexp(torch.zeros(0, 3), dim=0))
