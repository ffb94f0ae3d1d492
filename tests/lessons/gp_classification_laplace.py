# Imitates Rasmussen & Williams "Gaussian Processes for Machine Learning" Algorithms 3.1 and 3.2 (the Laplace
# approximation for binary GP classification) as GP course notebooks port them to PyTorch: the mode-finding Newton
# loop with B = I + W^1/2 K W^1/2 factorised by torch.linalg.cholesky, torch.linalg.solve_triangular and
# torch.cholesky_solve, the approximate log marginal likelihood, its gradient through autograd, and the predictive
# probabilities; with the jitter and non-positive-definite errors a learner meets.
import math
import torch
torch.set_default_dtype(torch.float64)

def rbf(a, b, ell=1.0, sf2=1.0):
    diff = a.unsqueeze(1) - b.unsqueeze(0)
    return sf2 * torch.exp(-0.5 * (diff ** 2).sum(-1) / ell ** 2)

# %%
torch.manual_seed(4)
X = torch.cat([torch.randn(10, 2) + 1.2, torch.randn(10, 2) - 1.2])
y = torch.cat([torch.ones(10), -torch.ones(10)])
K = rbf(X, X)
print(K.shape, K.dtype, torch.allclose(K, rbf(X, X, 1.0, 1.0)))
print(torch.allclose(K, torch.exp(-0.5 * torch.cdist(X, X) ** 2)))
print(torch.linalg.eigvalsh(K)[:3])
K[:3, :3]

# %%
def laplace_mode(K, y, iters=10):
    n = len(y)
    f = torch.zeros(n)
    for i in range(iters):
        pi = torch.sigmoid(f)
        t = (y + 1) / 2
        W = pi * (1 - pi)
        sW = W.sqrt()
        B = torch.eye(n) + sW[:, None] * K * sW[None, :]
        L = torch.linalg.cholesky(B)
        b = W * f + (t - pi)
        a = b - sW * torch.cholesky_solve((sW * (K @ b)).unsqueeze(1), L).squeeze(1)
        f = K @ a
        obj = -0.5 * a @ f + torch.nn.functional.logsigmoid(y * f).sum()
        if i % 3 == 0:
            print(i, round(obj.item(), 6))
    return f, a, L, sW, obj

f_hat, a, L, sW, obj = laplace_mode(K, y)
log_Z = obj - torch.log(torch.diagonal(L)).sum()
print(f_hat[:5])
print(log_Z, torch.logdet(L @ L.T) / 2, torch.log(torch.diagonal(L)).sum())

# %%
Xs = torch.tensor([[1.5, 1.5], [0.0, 0.0], [-2.0, -1.0]])
Ks = rbf(X, Xs)
pi_hat = torch.sigmoid(f_hat)
mean = Ks.T @ ((y + 1) / 2 - pi_hat)
v = torch.linalg.solve_triangular(L, sW[:, None] * Ks, upper=False)
var = rbf(Xs, Xs).diag() - (v * v).sum(0)
kappa = 1 / torch.sqrt(1 + math.pi * var / 8)
print(mean, var)
print(torch.sigmoid(kappa * mean))
print(torch.diag(rbf(Xs, Xs) - v.T @ v), torch.diagonal(v.T @ v))

# %%
log_ell = torch.tensor(0.0, requires_grad=True)
log_sf = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.Adam([log_ell, log_sf], lr=0.1)
for step in range(12):
    opt.zero_grad()
    Kt = rbf(X, X, log_ell.exp(), log_sf.exp() ** 2)
    with torch.no_grad():
        f0 = laplace_mode(Kt, y, iters=4)[0] if step == 0 else f0
    pi = torch.sigmoid(f0)
    sWt = (pi * (1 - pi)).sqrt()
    Bt = torch.eye(20) + sWt[:, None] * Kt * sWt[None, :]
    Lt = torch.linalg.cholesky(Bt)
    at = torch.linalg.solve(Kt + 1e-8 * torch.eye(20), f0)
    nlz = 0.5 * at @ f0 - torch.nn.functional.logsigmoid(y * f0).sum() + torch.log(torch.diagonal(Lt)).sum()
    nlz.backward()
    opt.step()
    if step % 4 == 0:
        print(step, round(nlz.item(), 5), log_ell.grad, log_sf.grad)
print(log_ell.exp().item(), log_sf.exp().item())

# %%
X_dup = torch.cat([X[:3], X[:3]])
K_dup = rbf(X_dup, X_dup)
try:
    torch.linalg.cholesky(K_dup)
except torch.linalg.LinAlgError as e:
    print(type(e).__name__, e)
L_dup, info = torch.linalg.cholesky_ex(K_dup)
print(info, torch.linalg.matrix_rank(K_dup))
try:
    torch.linalg.cholesky(-K)
except RuntimeError as e:
    print(e)
try:
    torch.linalg.cholesky(torch.stack([K, K_dup[:4, :4].new_zeros(20, 20)]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.solve_triangular(L, torch.ones(20))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.solve_triangular(L, torch.ones(20, 1))
except TypeError as e:
    print("TypeError", str(e).splitlines()[0])
torch.linalg.cholesky(K_dup + 1e-6 * torch.eye(6)).diagonal()
