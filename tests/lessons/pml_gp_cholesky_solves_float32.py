# Imitates the Tübingen "Probabilistic Machine Learning" GP-regression exercise (float32, as the sheets leave the
# default dtype alone): an RBF Gram matrix from torch.cdist, jitter on the diagonal, torch.linalg.cholesky and the
# three ways to solve with it (cholesky_solve, solve_triangular twice, cholesky_inverse), the log marginal
# likelihood with the log-determinant from the Cholesky diagonal, and the hyperparameters kept as softplus-
# transformed nn.Parameters fitted with Adam; the sheet prints shapes, named tuples and the errors of wrong shapes.
import math
import torch
import torch.nn.functional as F

def rbf(a, b, ell, sf2):
    d2 = torch.cdist(a / ell, b / ell).pow(2)
    return sf2 * torch.exp(-0.5 * d2)

# %%
torch.manual_seed(0)
X = torch.linspace(-3, 3, 12).unsqueeze(1)
y = torch.sin(X).squeeze(1) + 0.1 * torch.randn(12)
K = rbf(X, X, 1.0, 1.0) + 1e-4 * torch.eye(12)
L = torch.linalg.cholesky(K)
print(L.shape, L.dtype, torch.allclose(L @ L.T, K, atol=1e-5))
print(L[:3, :3])
U = torch.linalg.cholesky(K, upper=True)
print(torch.allclose(U, L.T), U.is_contiguous())

# %%
alpha1 = torch.cholesky_solve(y.unsqueeze(1), L)
alpha2 = torch.cholesky_solve(y.unsqueeze(1), U, upper=True)
z = torch.linalg.solve_triangular(L, y.unsqueeze(1), upper=False)
alpha3 = torch.linalg.solve_triangular(L.T, z, upper=True)
alpha4 = torch.cholesky_inverse(L) @ y
print(alpha1.shape, alpha3.shape, alpha4.shape)
print((alpha1 - alpha2).abs().max() < 1e-3, (alpha1 - alpha3).abs().max() < 1e-3)
print(alpha1.squeeze()[:4])

# %%
row = torch.linalg.solve_triangular(L, y.unsqueeze(0), upper=False, left=False)
print(row.shape)
unit = torch.linalg.solve_triangular(L, y.unsqueeze(1), upper=False, unitriangular=True)
print(unit[:3].squeeze())
for bad in [lambda: torch.cholesky_solve(y, L),
            lambda: torch.linalg.solve_triangular(L, y, upper=False),
            lambda: torch.linalg.solve_triangular(L, y.unsqueeze(1)),
            lambda: torch.linalg.cholesky(K[:, :5]),
            lambda: torch.cholesky_inverse(L[:5])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# %%
def lml(X, y, ell, sf2, sn2):
    n = X.shape[0]
    K = rbf(X, X, ell, sf2) + sn2 * torch.eye(n)
    L = torch.linalg.cholesky(K)
    a = torch.cholesky_solve(y.unsqueeze(-1), L).squeeze(-1)
    logdet = 2 * torch.log(torch.diagonal(L)).sum()
    return -0.5 * y @ a - 0.5 * logdet - 0.5 * n * math.log(2 * math.pi)

v = lml(X, y, 1.0, 1.0, 0.01)
print(v, v.dtype)
sd = torch.linalg.slogdet(K)
print(sd)
print(sd.sign, sd.logabsdet.item() - 2 * L.diagonal().log().sum().item() < 1e-3)
print(torch.logdet(K).shape, torch.linalg.eigvalsh(K).min() > 0)

# %%
def inv_softplus(x):
    return x + torch.log(-torch.expm1(-x))

raw = torch.nn.ParameterDict({
    "ell": torch.nn.Parameter(inv_softplus(torch.tensor(0.5))),
    "sf2": torch.nn.Parameter(inv_softplus(torch.tensor(1.0))),
    "sn2": torch.nn.Parameter(inv_softplus(torch.tensor(0.1))),
})
print(raw)
print(F.softplus(raw["ell"]), F.softplus(raw["sn2"], beta=2.0))
opt = torch.optim.Adam(raw.parameters(), lr=0.05)
for step in range(30):
    opt.zero_grad()
    hyp = {k: F.softplus(p) for k, p in raw.items()}
    loss = -lml(X, y, hyp["ell"], hyp["sf2"], hyp["sn2"])
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(loss.item(), 3), {k: round(v.item(), 3) for k, v in hyp.items()})
print(raw["ell"].grad)

# %%
Xs = torch.linspace(-4, 4, 5).unsqueeze(1)
with torch.no_grad():
    hyp = {k: F.softplus(p) for k, p in raw.items()}
    K = rbf(X, X, hyp["ell"], hyp["sf2"]) + hyp["sn2"] * torch.eye(12)
    Ks = rbf(X, Xs, hyp["ell"], hyp["sf2"])
    Kss = rbf(Xs, Xs, hyp["ell"], hyp["sf2"])
    L = torch.linalg.cholesky(K)
    mu = Ks.T @ torch.cholesky_solve(y.unsqueeze(1), L)
    V = torch.linalg.solve_triangular(L, Ks, upper=False)
    cov = Kss - V.T @ V
print(mu.squeeze(), cov.diagonal().clamp_min(0).sqrt())
mu.requires_grad, cov.grad_fn
