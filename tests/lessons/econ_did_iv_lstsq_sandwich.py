# Imitates an econometrics-with-tensors notebook: OLS with torch.linalg.lstsq, heteroscedasticity-robust (HC0/HC1)
# sandwich standard errors with inverse/diag/einsum, difference in differences with F.one_hot dummies and
# torch.cat, two-stage least squares with lstsq / solve / pinv, and the mistakes (singular design with all
# dummies plus a constant, integer design matrix, mismatched shapes).
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(3)
n = 200
x1 = torch.randn(n, dtype=torch.float64)
x2 = torch.rand(n, dtype=torch.float64) * 4
eps = torch.randn(n, dtype=torch.float64) * (0.5 + 0.5 * x2)
y = 1.0 + 2.0 * x1 - 0.7 * x2 + eps
X = torch.stack([torch.ones(n, dtype=torch.float64), x1, x2], dim=1)
res = torch.linalg.lstsq(X, y.unsqueeze(-1))
beta = res.solution.squeeze(-1)
print(type(res).__name__, res.solution.shape, res.residuals, res.rank, res.singular_values)
print(beta)

# %%
resid = y - X @ beta
XtX_inv = torch.inverse(X.T @ X)
sigma2 = resid @ resid / (n - X.shape[1])
se_classic = torch.sqrt(torch.diag(XtX_inv) * sigma2)
meat = torch.einsum("ni,n,nj->ij", X, resid ** 2, X)
V_hc0 = XtX_inv @ meat @ XtX_inv
V_hc1 = V_hc0 * n / (n - X.shape[1])
se_hc0 = V_hc0.diag().sqrt()
se_hc1 = torch.diagonal(V_hc1).sqrt()
print(se_classic, se_hc0, se_hc1)
print(beta / se_hc1, torch.linalg.inv(X.T @ X).allclose(XtX_inv))
h = torch.einsum("ij,jk,ik->i", X, XtX_inv, X)
print(h.sum(), h.max(), h.argmax())

# %%
# difference in differences: 4 groups x 6 periods
G, P = 4, 6
g = torch.arange(G).repeat_interleave(P)
t = torch.arange(P).repeat(G)
treated = (g >= 2).to(torch.float64)
post = (t >= 3).to(torch.float64)
yd = 1.0 + 0.3 * g + 0.2 * t + 1.5 * treated * post + 0.1 * torch.randn(G * P, dtype=torch.float64)
Dg = F.one_hot(g, G)
Dt = F.one_hot(t, P)
print(Dg.dtype, Dg.shape, Dt[:3])
Z = torch.cat([torch.ones(G * P, 1, dtype=torch.float64), Dg[:, 1:].double(), Dt[:, 1:].double(), (treated * post)[:, None]], dim=1)
bd = torch.linalg.lstsq(Z, yd[:, None]).solution
print(Z.shape, bd[-1], torch.linalg.matrix_rank(Z))
simple = (yd[(g >= 2) & (t >= 3)].mean() - yd[(g >= 2) & (t < 3)].mean()) - (yd[(g < 2) & (t >= 3)].mean() - yd[(g < 2) & (t < 3)].mean())
simple

# %%
# mistake: all dummies plus a constant -> singular
Zbad = torch.cat([torch.ones(G * P, 1, dtype=torch.float64), Dg.double()], dim=1)
print(torch.linalg.matrix_rank(Zbad), torch.linalg.cond(Zbad.T @ Zbad) > 1e10)
try:
    torch.linalg.inv(Zbad.T @ Zbad)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.solve(Zbad.T @ Zbad, Zbad.T @ yd)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.cholesky(Zbad.T @ Zbad)
except Exception as e:
    print(type(e).__name__, e)
bp = torch.linalg.pinv(Zbad) @ yd
print(bp.shape, (Zbad @ bp - yd).abs().max() < 1.0)

# %%
# mistake: integer design matrix
try:
    torch.linalg.lstsq(Dg, yd[:, None])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.inverse(Dg[:4])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.lstsq(Z, yd[:10, None])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.solve(Z, yd)
except Exception as e:
    print(type(e).__name__, e)

# %%
# instrumental variables: 2SLS
torch.manual_seed(11)
m = 500
zinst = torch.randn(m, 2)
u = torch.randn(m)
d = 0.9 * zinst[:, 0] + 0.5 * zinst[:, 1] + u + 0.3 * torch.randn(m)
yy = 1.0 + 1.5 * d + 2.0 * u + 0.3 * torch.randn(m)
Zm = torch.cat([torch.ones(m, 1), zinst], 1)
Dm = torch.stack([torch.ones(m), d], 1)
ols = torch.linalg.lstsq(Dm, yy).solution
first = torch.linalg.lstsq(Zm, d.unsqueeze(1)).solution
dhat = Zm @ first
Xhat = torch.cat([torch.ones(m, 1), dhat], 1)
tsls = torch.linalg.lstsq(Xhat, yy.unsqueeze(1)).solution.squeeze()
P = Zm @ torch.linalg.solve(Zm.T @ Zm, Zm.T)
tsls2 = torch.linalg.solve(Dm.T @ P @ Dm, Dm.T @ P @ yy)
tsls3 = torch.linalg.pinv(P @ Dm) @ yy
print(ols, tsls, tsls2, tsls3)
print(ols.dtype, first.shape, torch.allclose(tsls, tsls2, atol=1e-4))

# %%
# gradient through lstsq: sensitivity of the IV estimate to the outcome
# (gelsd: PyTorch's default gelsy reads an uninitialised pivot array for the first matrix, so its last bits vary
# from run to run even in PyTorch itself)
yv = yy.clone().requires_grad_()
b = torch.linalg.lstsq(Xhat, yv.unsqueeze(1), driver="gelsd").solution
b[1, 0].backward()
print(b.grad_fn, yv.grad[:4], yv.grad.abs().sum())
A = (Dm.T @ P @ Dm).requires_grad_()
s = torch.linalg.solve(A, Dm.T @ P @ yy)
s.sum().backward()
print(s.grad_fn, A.grad)
Ainv = torch.linalg.inv(A.detach().requires_grad_())
print(Ainv.grad_fn, torch.inverse(A).grad_fn, torch.linalg.pinv(A).grad_fn)
