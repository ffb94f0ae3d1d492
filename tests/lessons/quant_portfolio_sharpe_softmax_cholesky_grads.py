# Imitates portfolio-optimisation notebooks in PyTorch: long-only weights as softmax logits trained with Adam to
# maximise a Sharpe ratio (maximize=True and a negated loss), gradients through torch.cov and
# torch.linalg.cholesky, a projection onto the simplex with sort / cumsum / clamp, box constraints with clamp on
# tensor bounds and relu, risk parity contributions, MultivariateNormal(scale_tril=...) scenarios, and the errors
# learners meet (a covariance that is not positive definite, softmax without dim, a clamp with min > max).
import warnings
import torch
import torch.nn.functional as F

torch.manual_seed(11)

# %%
A = torch.randn(4, 4, dtype=torch.float64)
Sigma = A @ A.T / 4 + 0.05 * torch.eye(4, dtype=torch.float64)
mu = torch.tensor([0.06, 0.08, 0.11, 0.04], dtype=torch.float64)
L = torch.linalg.cholesky(Sigma)
U = torch.linalg.cholesky(Sigma, upper=True)
print(L, torch.allclose(U, L.T))
Lx, info = torch.linalg.cholesky_ex(Sigma)
print(info, info.dtype, torch.equal(Lx, L))
mvn = torch.distributions.MultivariateNormal(mu / 252, scale_tril=L / 252 ** 0.5)
R = mvn.sample((2000,))
print(R.shape, mvn.batch_shape, mvn.event_shape, R.mean(0) * 252)
print(mvn.log_prob(R[:3]))

# %%
Rg = R.clone().requires_grad_(True)
C = torch.cov(Rg.T)
print(C.grad_fn.name(), C.shape)
C.trace().backward()
print(Rg.grad[:2])
S = Sigma.clone().requires_grad_(True)
Lg = torch.linalg.cholesky(S)
print(Lg.grad_fn.name())
Lg.diagonal().log().sum().mul(2).backward()
print(torch.allclose(S.grad, torch.linalg.inv(Sigma)), S.grad[0])

# %%
logits = torch.zeros(4, dtype=torch.float64, requires_grad=True)
opt = torch.optim.Adam([logits], lr=0.1, maximize=True)
for step in range(60):
    w = torch.softmax(logits, dim=0)
    ret = w @ mu
    risk = torch.sqrt(w @ Sigma @ w)
    sharpe = ret / risk
    opt.zero_grad()
    sharpe.backward()
    opt.step()
    if step % 20 == 0:
        print(step, sharpe.item(), w.detach())
print(w.sum(), sharpe.grad_fn.name(), logits.grad)

# %%
def project_simplex(v):
    u, _ = torch.sort(v, descending=True)
    css = torch.cumsum(u, dim=0) - 1
    ind = torch.arange(1, v.numel() + 1, dtype=v.dtype)
    cond = u - css / ind > 0
    rho = ind[cond][-1]
    theta = css[cond][-1] / rho
    return torch.clamp(v - theta, min=0)

v = torch.tensor([0.6, -0.2, 0.9, 0.1], dtype=torch.float64)
p = project_simplex(v)
print(p, p.sum())
lo = torch.tensor([0.05, 0.0, 0.1, 0.0], dtype=torch.float64)
hi = torch.tensor([0.4, 0.3, 0.5, 0.25], dtype=torch.float64)
wv = torch.tensor([0.5, -0.1, 0.45, 0.15], dtype=torch.float64, requires_grad=True)
boxed = torch.clamp(wv, min=lo, max=hi)
boxed.sum().backward()
print(boxed, wv.grad, boxed.grad_fn.name())
print(F.relu(v), torch.clip(v, 0, 0.5), v.clamp(max=0.5), v.clamp_min(0.0).clamp_max(0.5))

# %%
w = torch.full((4,), 0.25, dtype=torch.float64, requires_grad=True)
port_var = w @ Sigma @ w
mrc, = torch.autograd.grad(port_var.sqrt(), w)
rc = w.detach() * mrc
print(rc, rc.sum(), port_var.sqrt())
print(torch.linalg.cholesky(Sigma[None].expand(3, 4, 4)).shape)
print(torch.cholesky_solve(mu[:, None], L).squeeze(1))

# %%
bad = torch.tensor([[1.0, 2.0], [2.0, 1.0]])
try:
    torch.linalg.cholesky(bad)
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.linalg.cholesky_ex(bad).info)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    s = F.softmax(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
print(s, [str(c.message) for c in caught], [c.category.__name__ for c in caught])
print(torch.clamp(torch.tensor([0.1, 0.5, 0.9]), min=0.6, max=0.4))
try:
    torch.clamp(torch.tensor([1.0]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.linalg.cholesky(torch.ones(2, 3))
except RuntimeError as e:
    print(type(e).__name__, e)
