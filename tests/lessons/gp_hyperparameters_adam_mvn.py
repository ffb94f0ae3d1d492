# Imitates "fit a GP by maximising the log marginal likelihood" notebooks in plain PyTorch: ARD lengthscales kept
# positive through exp or softplus, the negative log marginal likelihood written with cholesky / solve_triangular
# and checked against MultivariateNormal(scale_tril=...), Adam over the raw parameters, then the posterior mean and
# variance and samples from MultivariateNormal.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.set_default_dtype(torch.float64)

# %%
torch.manual_seed(3)
n, d = 20, 2
X = torch.rand(n, d) * 4
f = lambda x: torch.sin(x[:, 0]) * torch.cos(0.5 * x[:, 1])
y = f(X) + 0.05 * torch.randn(n)
print(X.dtype, y.dtype, y.shape, y.mean().item())

class GP(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.raw_ls = nn.Parameter(torch.zeros(d))
        self.raw_sf = nn.Parameter(torch.tensor(0.0))
        self.raw_noise = nn.Parameter(torch.tensor(-3.0))

    def kernel(self, a, b):
        ls = F.softplus(self.raw_ls)
        return F.softplus(self.raw_sf) * torch.exp(-0.5 * torch.cdist(a / ls, b / ls) ** 2)

    def noise(self):
        return self.raw_noise.exp() + 1e-6

gp = GP(d)
print(gp)
for name, p in gp.named_parameters():
    print(name, p.shape, p.dtype, p.requires_grad)

# %%
def nlml(gp, X, y):
    n = len(y)
    K = gp.kernel(X, X) + gp.noise() * torch.eye(n)
    L = torch.linalg.cholesky(K)
    z = torch.linalg.solve_triangular(L, y.unsqueeze(-1), upper=False)
    return 0.5 * (z ** 2).sum() + L.diagonal().log().sum() + 0.5 * n * math.log(2 * math.pi)

loss = nlml(gp, X, y)
K = gp.kernel(X, X) + gp.noise() * torch.eye(n)
mvn = torch.distributions.MultivariateNormal(torch.zeros(n), scale_tril=torch.linalg.cholesky(K))
print(loss, -mvn.log_prob(y))
print(loss.grad_fn, mvn.log_prob(y).grad_fn)
print(torch.allclose(loss, -mvn.log_prob(y)), mvn.batch_shape, mvn.event_shape)
loss.backward()
gp.raw_ls.grad, gp.raw_sf.grad, gp.raw_noise.grad

# %%
opt = torch.optim.Adam(gp.parameters(), lr=0.1)
for it in range(60):
    opt.zero_grad()
    loss = nlml(gp, X, y)
    loss.backward()
    opt.step()
    if it % 15 == 0 or it == 59:
        print(f"{it:3d} nlml {loss.item():.5f} ls {F.softplus(gp.raw_ls).detach()} noise {gp.noise().item():.2e}")

# %%
with torch.no_grad():
    Xs = torch.stack(torch.meshgrid(torch.linspace(0, 4, 4), torch.linspace(0, 4, 3), indexing="ij"), -1).reshape(-1, 2)
    K = gp.kernel(X, X) + gp.noise() * torch.eye(n)
    L = torch.linalg.cholesky(K)
    alpha = torch.cholesky_solve(y.unsqueeze(-1), L)
    Ks = gp.kernel(X, Xs)
    mean = (Ks.mT @ alpha).squeeze(-1)
    V = torch.linalg.solve_triangular(L, Ks, upper=False)
    var = gp.kernel(Xs, Xs).diagonal() - (V ** 2).sum(0)
print(mean)
print(var.clamp_min(1e-12).sqrt())
print((mean - f(Xs)).abs().max() < 0.5, mean.requires_grad)

# %%
with torch.no_grad():
    cov = gp.kernel(Xs, Xs) - V.T @ V
    cov = 0.5 * (cov + cov.T) + 1e-8 * torch.eye(len(Xs))
post = torch.distributions.MultivariateNormal(mean, covariance_matrix=cov)
torch.manual_seed(0)
s = post.sample((3,))
print(s.shape, post.sample().shape, post.mean.shape)
print(post.variance[:4], post.stddev[:4])
print(post.scale_tril.shape, torch.allclose(post.scale_tril @ post.scale_tril.T, cov), post.entropy())
post2 = torch.distributions.MultivariateNormal(mean, scale_tril=torch.linalg.cholesky(cov))
torch.manual_seed(0)
print(torch.allclose(post2.sample((3,)), s), post2.covariance_matrix.shape)
post2

# %%
try:
    torch.distributions.MultivariateNormal(mean, covariance_matrix=-cov)
except ValueError as e:
    print("ValueError:", str(e)[:200])
try:
    torch.distributions.MultivariateNormal(mean, scale_tril=cov)
except ValueError as e:
    print("ValueError:", str(e)[:200])
try:
    torch.distributions.MultivariateNormal(mean)
except ValueError as e:
    print("ValueError:", e)
try:
    torch.distributions.MultivariateNormal(mean[:3], scale_tril=torch.linalg.cholesky(cov))
except Exception as e:
    print(type(e).__name__, e)

# %%
ls_log = torch.zeros(2, requires_grad=True)
opt = torch.optim.Adam([ls_log], lr=0.2)
for it in range(3):
    opt.zero_grad()
    ls = ls_log.exp()
    K = torch.exp(-0.5 * torch.cdist(X / ls, X / ls) ** 2) + 1e-2 * torch.eye(n)
    L, info = torch.linalg.cholesky_ex(K)
    loss = -torch.distributions.MultivariateNormal(torch.zeros(n), scale_tril=L).log_prob(y)
    loss.backward()
    opt.step()
    print(it, info.item(), loss.item(), ls_log.grad)
L.grad_fn, L.requires_grad, info.requires_grad

# %%
# checking the hand-written gradients: gradcheck through cholesky and the triangular solves, then the posterior
# over several outputs at once (a batch of kernels picked by index)
a = torch.rand(4, 4, requires_grad=True)
spd = lambda a: a @ a.mT + 4 * torch.eye(4)
print(torch.autograd.gradcheck(lambda a: torch.linalg.cholesky(spd(a)), (a,)))
print(torch.autograd.gradcheck(lambda a: torch.linalg.cholesky(spd(a), upper=True), (a,)))
print(torch.autograd.gradcheck(lambda a: torch.linalg.solve_triangular(torch.linalg.cholesky(spd(a)), a, upper=False), (a,)))
print(torch.autograd.gradcheck(lambda a: torch.cholesky_inverse(torch.linalg.cholesky(spd(a))), (a,)))
ls = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
Kb = torch.exp(-0.5 * torch.cdist(X, X)[None] ** 2 / ls[:, None, None] ** 2)
idx = torch.tensor([0, 5, 7])
part = Kb[0, :, idx]
print(part.shape, part.grad_fn, part.grad_fn.next_functions[0][0])
print(Kb[:, 0, idx].shape, Kb[1:, :, idx].shape, Kb[..., 0, idx].shape)
whole = Kb[:, :20]
print(whole.grad_fn, Kb[0, :20].grad_fn, Kb[:].grad_fn, Kb[:, 3:].grad_fn)
part.sum().backward()
ls.grad

# %%
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.0]).dtype)
