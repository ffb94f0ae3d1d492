# Imitates "Gaussian processes from scratch in PyTorch" notebooks: an RBF kernel with cdist, the Cholesky-based
# posterior (cholesky, cholesky_solve, triangular solve), the log marginal likelihood, hyperparameters learned
# through softplus with Adam, posterior samples, and d2l's GP chapter's checks.
import math
import torch
import torch.nn.functional as F
torch.set_default_dtype(torch.float64)

def rbf(x1, x2, lengthscale, variance):
    d2 = torch.cdist(x1, x2) ** 2
    return variance * torch.exp(-0.5 * d2 / lengthscale ** 2)

# %%
torch.manual_seed(0)
X = torch.linspace(0, 5, 12).unsqueeze(1)
y = torch.sin(X).squeeze() + 0.1 * torch.randn(12)
Xs = torch.linspace(-0.5, 5.5, 7).unsqueeze(1)
print(X.dtype, torch.get_default_dtype(), torch.tensor([1.0]).dtype, torch.zeros(1).dtype)
K = rbf(X, X, 1.0, 1.0)
print(K.shape, torch.allclose(K, K.T), torch.linalg.eigvalsh(K).min() > -1e-10)
print(K[:3, :3])

# %%
noise = 0.1 ** 2
L = torch.linalg.cholesky(K + noise * torch.eye(12))
alpha = torch.cholesky_solve(y.unsqueeze(1), L)
Ks = rbf(X, Xs, 1.0, 1.0)
mu = Ks.T @ alpha
v = torch.linalg.solve_triangular(L, Ks, upper=False)
cov = rbf(Xs, Xs, 1.0, 1.0) - v.T @ v
print(mu.squeeze())
print(cov.diagonal().clamp_min(0).sqrt())

# %%
lml = -0.5 * y @ alpha.squeeze() - torch.log(torch.diagonal(L)).sum() - 0.5 * 12 * math.log(2 * math.pi)
mvn = torch.distributions.MultivariateNormal(torch.zeros(12), covariance_matrix=K + noise * torch.eye(12))
print(lml, mvn.log_prob(y))
print(torch.logdet(K + noise * torch.eye(12)), 2 * torch.log(torch.diagonal(L)).sum(), torch.linalg.slogdet(K + noise * torch.eye(12)))

# %%
raw_ls = torch.tensor(0.0, requires_grad=True)
raw_var = torch.tensor(0.0, requires_grad=True)
raw_noise = torch.tensor(-2.0, requires_grad=True)
opt = torch.optim.Adam([raw_ls, raw_var, raw_noise], lr=0.05)
for step in range(40):
    opt.zero_grad()
    ls, var, nz = F.softplus(raw_ls), F.softplus(raw_var), F.softplus(raw_noise) + 1e-6
    Kn = rbf(X, X, ls, var) + nz * torch.eye(12)
    Ln = torch.linalg.cholesky(Kn)
    a = torch.cholesky_solve(y.unsqueeze(1), Ln)
    nll = 0.5 * (y.unsqueeze(1) * a).sum() + torch.log(torch.diagonal(Ln)).sum() + 0.5 * 12 * math.log(2 * math.pi)
    nll.backward()
    opt.step()
    if step % 10 == 9:
        print(step + 1, nll.item(), ls.item(), var.item(), nz.item())

# %%
g = torch.Generator().manual_seed(5)
Kss = rbf(Xs, Xs, F.softplus(raw_ls).detach(), F.softplus(raw_var).detach())
Lp = torch.linalg.cholesky(Kss + 1e-6 * torch.eye(7))
samples = Lp @ torch.randn(7, 3, generator=g)
print(samples.T)
try:
    torch.linalg.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
except Exception as e:
    print(type(e).__name__, e)
L2, info = torch.linalg.cholesky_ex(torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
print(info, L2)

# %%
A = torch.tensor([[4.0, 2.0], [2.0, 3.0]])
b = torch.tensor([[1.0], [2.0]])
Lc = torch.linalg.cholesky(A)
print(torch.cholesky_solve(b, Lc), torch.linalg.solve(A, b), torch.cholesky_inverse(Lc), torch.linalg.inv(A))
U = torch.linalg.cholesky(A, upper=True)
print(U, torch.cholesky_solve(b, U, upper=True))
print(torch.linalg.solve_triangular(Lc, b, upper=False, left=True), torch.triangular_solve(b, Lc, upper=False).solution)

# %%
A = torch.tensor([[4.0, 2.0], [2.0, 3.0]], requires_grad=True)
Lg = torch.linalg.cholesky(A)
(Lg.sum() + torch.logdet(A)).backward()
print(Lg.grad_fn, A.grad)
torch.set_default_dtype(torch.float32)
print(torch.tensor([1.0]).dtype, torch.get_default_dtype())
