# Imitates LISTA / dictionary-learning tutorials in plain PyTorch: an unrolled ISTA network whose matrices and
# thresholds are nn.Parameters (with softshrink, a per-atom threshold via sign*relu), trained by Adam on synthetic
# sparse codes; then dictionary learning by alternating sparse coding and a gradient step on the dictionary with
# columns renormalised by F.normalize / torch.linalg.norm under no_grad, and the mistakes such code meets.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
m, n, k, N = 12, 24, 3, 64
D0 = F.normalize(torch.randn(m, n), dim=0)
codes = torch.zeros(N, n)
for i in range(N):
    codes[i, torch.randperm(n)[:k]] = torch.randn(k)
Y = codes @ D0.T

# %%
print(D0.norm(dim=0)[:4], torch.linalg.norm(D0, dim=0).max(), D0.shape, Y.shape)
L = torch.linalg.matrix_norm(D0, ord=2) ** 2
print(L, torch.linalg.svdvals(D0).max() ** 2)
print(F.normalize(torch.tensor([[3.0, 0.0], [4.0, 0.0]]), dim=0))
print(F.normalize(torch.tensor([3.0, 4.0]), p=1, dim=0), F.normalize(torch.zeros(2, 2), dim=1))

# %%
class LISTA(nn.Module):
    def __init__(self, D, T=4, lam=0.1):
        super().__init__()
        L = torch.linalg.matrix_norm(D, ord=2) ** 2
        self.W = nn.Parameter(D.T / L)
        self.S = nn.Parameter(torch.eye(D.shape[1]) - D.T @ D / L)
        self.theta = nn.Parameter(torch.full((T,), lam / L.item()))
        self.T = T

    def forward(self, y):
        b = y @ self.W.T
        x = F.softshrink(b, self.theta[0].item())
        for t in range(1, self.T):
            z = b + x @ self.S.T
            x = torch.sign(z) * F.relu(z.abs() - self.theta[t])
        return x

net = LISTA(D0)
print(net)
print([(name, p.shape, p.requires_grad) for name, p in net.named_parameters()])
print(sum(p.numel() for p in net.parameters()))
out = net(Y[:5])
print(out.shape, out.grad_fn, out.grad_fn.next_functions)

# %%
opt = torch.optim.Adam(net.parameters(), lr=1e-2)
for step in range(40):
    opt.zero_grad()
    loss = F.mse_loss(net(Y), codes)
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(loss.item(), 6), net.theta.grad, net.W.grad.norm())
print(net.theta.data, net.S.grad.abs().max())

# %%
# dictionary learning: alternate coding (ISTA) and a dictionary gradient step, columns renormalised
torch.manual_seed(1)
D = F.normalize(torch.randn(m, n), dim=0).requires_grad_()
lam = 0.1
for epoch in range(8):
    with torch.no_grad():
        Lk = torch.linalg.svdvals(D)[0] ** 2
        X = torch.zeros(N, n)
        for it in range(20):
            X = F.softshrink(X - (X @ D.T - Y) @ D / Lk, lam / Lk.item())
    loss = 0.5 * ((X @ D.T - Y) ** 2).sum(1).mean()
    loss.backward()
    with torch.no_grad():
        D -= 0.5 * D.grad
        D /= torch.linalg.norm(D, dim=0, keepdim=True).clamp_min(1e-8)
        D.grad.zero_()
    print(epoch, round(loss.item(), 5), (X != 0).float().sum(1).mean().item())
print(D.requires_grad, D.grad_fn, D.is_leaf, D.norm(dim=0).sub(1).abs().max() < 1e-5)
print((D.T @ D0).abs().max(dim=1).values.mean())

# %%
# dictionary as a Parameter, normalised in forward
class Dict(nn.Module):
    def __init__(self):
        super().__init__()
        self.D = nn.Parameter(torch.randn(m, n))
    def forward(self, x):
        return x @ F.normalize(self.D, dim=0).T
torch.manual_seed(2)
model = Dict()
r = model(codes[:4])
r.pow(2).sum().backward()
print(r.shape, r.grad_fn, model.D.grad.shape, model.D.grad[:2, :3])
print(F.normalize(model.D, dim=0).grad_fn, torch.linalg.norm(model.D, dim=0).grad_fn)

# %%
# mistakes
try:
    D /= D.norm(dim=0)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    net.theta = torch.zeros(4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    F.normalize(Y, dim=2)
except IndexError as e:
    print(type(e).__name__, e)
try:
    torch.linalg.norm(Y, ord=2, dim=(0, 1, 2))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.linalg.norm(torch.arange(4), dim=0)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.softshrink(Y, net.theta[0])
except (TypeError, RuntimeError) as e:
    print(type(e).__name__, e)
with torch.no_grad():
    net.theta.clamp_(min=0)
print(net.theta.requires_grad, net.theta.is_leaf, net.theta.min() >= 0)
