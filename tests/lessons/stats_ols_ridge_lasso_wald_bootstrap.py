# Imitates an econometrics course notebook "linear models from scratch in PyTorch" (OLS by the normal equations and
# torch.linalg.lstsq, ridge in closed form with torch.linalg.solve, LASSO by cyclic coordinate descent with soft
# thresholding, as in ESL ch. 3 exercises; then maximum likelihood standard errors from the inverse Hessian of the
# NLL via torch.autograd.functional.hessian, Wald confidence intervals printed with f-strings, and a pairs bootstrap
# with torch.randint and a seeded torch.Generator), with the errors of singular designs and mismatched shapes.
import torch
from torch.autograd.functional import hessian

# %%
g = torch.Generator().manual_seed(42)
n, p = 50, 4
X = torch.cat([torch.ones(n, 1), torch.randn(n, p - 1, generator=g)], 1).double()
beta_true = torch.tensor([1.0, 2.0, 0.0, -1.5], dtype=torch.float64)
y = X @ beta_true + 0.8 * torch.randn(n, generator=g, dtype=torch.float64)
XtX, Xty = X.T @ X, X.T @ y
b_ne = torch.linalg.solve(XtX, Xty)
sol = torch.linalg.lstsq(X, y.unsqueeze(1), driver="gelsd")
print(b_ne, sol.solution.squeeze(1), sol.rank, sol.singular_values, sep="\n")
print(torch.allclose(b_ne, sol.solution.squeeze(1)), sol.residuals)

# %%
resid = y - X @ b_ne
sigma2 = resid @ resid / (n - p)
cov = sigma2 * torch.linalg.inv(XtX)
se = cov.diag().sqrt()
t_stat = b_ne / se
print(f"sigma^2 = {sigma2:.4f}")
for j in range(p):
    lo, hi = b_ne[j] - 1.96 * se[j], b_ne[j] + 1.96 * se[j]
    print(f"b{j}: {b_ne[j]:8.4f}  se={se[j]:.4f}  t={t_stat[j]:+7.2f}  95% CI [{lo:.3f}, {hi:.3f}]")
r2 = 1 - resid.pow(2).sum() / (y - y.mean()).pow(2).sum()
print(f"R^2 = {r2:.4f}", r2.dtype)

# %%
# ridge: closed form over a grid of penalties
for lam in [0.0, 1.0, 10.0, 100.0]:
    b_r = torch.linalg.solve(XtX + lam * torch.eye(p, dtype=X.dtype), Xty)
    print(lam, b_r.numpy().round(4), f"{b_r.norm():.4f}")

# %%
# LASSO by coordinate descent with soft thresholding (the intercept left unpenalised)
def soft(z, t):
    return torch.sign(z) * torch.clamp(z.abs() - t, min=0.0)

def lasso_cd(X, y, lam, iters=100):
    b = torch.zeros(X.shape[1], dtype=X.dtype)
    col_sq = (X ** 2).sum(0)
    for _ in range(iters):
        for j in range(X.shape[1]):
            r_j = y - X @ b + X[:, j] * b[j]
            rho = X[:, j] @ r_j
            b[j] = rho / col_sq[j] if j == 0 else soft(rho, lam * n) / col_sq[j]
    return b

for lam in [0.01, 0.1, 0.5, 2.0]:
    b_l = lasso_cd(X, y, lam)
    print(lam, b_l, (b_l[1:] == 0).sum().item())
print(soft(torch.tensor([-2.0, -0.5, 0.0, 0.3, 3.0]), 1.0), torch.nn.functional.softshrink(torch.tensor([-2.0, 0.3, 3.0]), 1.0))

# %%
# MLE standard errors from the inverse Hessian of the Gaussian NLL
theta_hat = torch.cat([b_ne, sigma2.log().unsqueeze(0) * 0.5 + 0.0])
def nll(theta):
    b, log_s = theta[:p], theta[p]
    r = y - X @ b
    return n * log_s + 0.5 * (r @ r) / torch.exp(2 * log_s)

H = hessian(nll, theta_hat)
print(H.shape, H.dtype, torch.allclose(H, H.T))
cov_mle = torch.linalg.inv(H)
print(cov_mle.diag().sqrt()[:p], torch.linalg.pinv(H).diag().sqrt()[:p])
print(torch.linalg.eigvalsh(H).min() > 0)
H2 = hessian(nll, theta_hat.requires_grad_(), create_graph=True)
print(H2.requires_grad, H2.grad_fn is not None)

# %%
# a pairs bootstrap for the slope of x1
B = 300
boot = torch.empty(B, p, dtype=X.dtype)
gb = torch.Generator().manual_seed(7)
for i in range(B):
    idx = torch.randint(0, n, (n,), generator=gb)
    boot[i] = torch.linalg.lstsq(X[idx], y[idx].unsqueeze(1)).solution.squeeze(1)
lo, hi = torch.quantile(boot[:, 1], torch.tensor([0.025, 0.975], dtype=X.dtype))
print(f"bootstrap se = {boot[:, 1].std():.4f}, percentile CI = [{lo:.3f}, {hi:.3f}]")
print(boot.mean(0), idx[:10], idx.dtype, gb.initial_seed())

# %%
# a collinear design: the normal equations fail, lstsq and pinv do not
Xc = torch.cat([X, X[:, 1:2] * 2], 1)
print(torch.linalg.matrix_rank(Xc), torch.linalg.lstsq(Xc, y.unsqueeze(1), driver="gelsd").rank)
b_pinv = torch.linalg.pinv(Xc) @ y
print(b_pinv, torch.linalg.cond(Xc.T @ Xc) > 1e10)
torch.linalg.inv(torch.tensor([[1.0, 2.0], [2.0, 4.0]]))

# %%
torch.linalg.solve(torch.tensor([[1.0, 2.0], [2.0, 4.0]]), torch.ones(2))

# %%
torch.linalg.solve(XtX, y)

# %%
torch.linalg.lstsq(X, y[:10].unsqueeze(1))

# %%
torch.linalg.lstsq(X.float(), y.unsqueeze(1))

# %%
hessian(nll, [theta_hat])

# %%
torch.randint(0, n, n, generator=gb)
