# Imitates an optimal-transport notebook: pairwise costs with cdist/pdist, log-domain Sinkhorn iterations with
# logsumexp, the transport plan's marginals, and gradients of the Sinkhorn loss w.r.t. point positions.
import torch

torch.manual_seed(0)
x = torch.randn(5, 2)
y = torch.randn(6, 2) + 1.0
C = torch.cdist(x, y) ** 2
print(C.shape, C[0])
print(torch.pdist(x))
print(torch.cdist(x, y, p=1)[0], torch.cdist(x, x).diagonal())

# %%
def sinkhorn(C, eps=0.1, iters=50):
    n, m = C.shape
    log_a = torch.full((n,), -torch.log(torch.tensor(float(n))))
    log_b = torch.full((m,), -torch.log(torch.tensor(float(m))))
    f = torch.zeros(n)
    g = torch.zeros(m)
    for _ in range(iters):
        f = -eps * torch.logsumexp((g[None, :] - C) / eps + log_b[None, :], dim=1)
        g = -eps * torch.logsumexp((f[:, None] - C) / eps + log_a[:, None], dim=0)
    P = torch.exp((f[:, None] + g[None, :] - C) / eps + log_a[:, None] + log_b[None, :])
    return P, (P * C).sum()

P, cost = sinkhorn(C)
print(cost)
print(P.sum(1), P.sum(0))

# %%
xr = x.clone().requires_grad_(True)
P, cost = sinkhorn(torch.cdist(xr, y) ** 2, iters=20)
cost.backward()
print(xr.grad)

# %%
pts = x.clone().requires_grad_(True)
opt = torch.optim.SGD([pts], lr=0.5)
for i in range(10):
    opt.zero_grad()
    _, c = sinkhorn(torch.cdist(pts, y) ** 2, iters=20)
    c.backward()
    opt.step()
    if i % 3 == 0:
        print(i, round(c.item(), 5))
print(pts.mean(0), y.mean(0))

# %%
z = torch.zeros(3, 2, requires_grad=True)
d = torch.pdist(z + torch.tensor([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]))
d.sum().backward()
print(d, z.grad)
same = torch.zeros(2, 2, requires_grad=True)
torch.cdist(same, same).sum().backward()
print(same.grad)
