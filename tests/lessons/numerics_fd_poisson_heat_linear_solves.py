# Imitates a numerical-methods course unit "finite-difference PDEs with PyTorch": the 1-D Poisson matrix built with
# torch.diag (offsets) and torch.diag_embed (batched, offset, dims), solved with torch.linalg.solve / cholesky /
# cholesky_solve / solve_triangular / lstsq, implicit (backward Euler) and Crank-Nicolson heat steps, gradients of the
# solution with respect to the source and the diffusivity, a conductivity fitted with LBFGS, and the errors learners
# hit (singular or non-square matrices, a matrix that is not positive definite, mismatched right-hand sides).
import math
import torch

torch.manual_seed(3)
f64 = torch.float64

# %%
n = 6
h = 1.0 / (n + 1)
main = torch.full((n,), 2.0, dtype=f64)
off = torch.full((n - 1,), -1.0, dtype=f64)
A = (torch.diag(main) + torch.diag(off, 1) + torch.diag(off, -1)) / h ** 2
print(A[:3, :3])
print(torch.diag(A), torch.diag(A, -1).shape, torch.diag(A, 5))
x = torch.linspace(h, 1 - h, n, dtype=f64)
src = (math.pi ** 2) * torch.sin(math.pi * x)
u = torch.linalg.solve(A, src)
print(u)
print((u - torch.sin(math.pi * x)).abs().max())

# %%
d = torch.stack([main * k for k in (1.0, 2.0, 3.0)])
B = torch.diag_embed(d) + torch.diag_embed(off.expand(3, -1), offset=1) + torch.diag_embed(off.expand(3, -1), offset=-1)
print(B.shape, B[1, :3, :3])
print(torch.diag_embed(torch.arange(1.0, 4.0), offset=-1))
print(torch.diag_embed(torch.ones(2, 3), dim1=0, dim2=2).shape)
rhs = torch.ones(3, n, dtype=f64)
sol = torch.linalg.solve(B, rhs)
print(sol.shape, sol[:, :3])
solL = torch.linalg.solve(B, rhs.unsqueeze(1), left=False)
print(solL.shape)

# %%
s = src.clone().requires_grad_()
u = torch.linalg.solve(A, s)
print(u.grad_fn)
J = (u ** 2).sum()
gs, = torch.autograd.grad(J, s)
print(gs)
print(torch.linalg.solve(A, 2 * torch.linalg.solve(A, src)))

# %%
L = torch.linalg.cholesky(A)
print(L.grad_fn, torch.allclose(L @ L.T, A))
print(L.diagonal())
y = torch.cholesky_solve(src.unsqueeze(1), L)
print(y.squeeze(1))
z = torch.linalg.solve_triangular(L, src.unsqueeze(1), upper=False)
print(z.squeeze(1))
Lc, info = torch.linalg.cholesky_ex(-A)
print(info, Lc[0])

# %%
# implicit Euler and Crank-Nicolson for u_t = kappa u_xx
kappa = torch.tensor(0.1, dtype=f64, requires_grad=True)
dt = 0.01
I = torch.eye(n, dtype=f64)
u0 = torch.sin(math.pi * x)
u_be, u_cn = u0, u0
for _ in range(10):
    u_be = torch.linalg.solve(I + dt * kappa * A, u_be)
    u_cn = torch.linalg.solve(I + 0.5 * dt * kappa * A, (I - 0.5 * dt * kappa * A) @ u_cn)
exact = math.exp(-math.pi ** 2 * 0.1 * 0.1) * u0
print(u_be, u_cn)
print((u_be - exact).abs().max().item(), (u_cn - exact).abs().max().item())
g_be, g_cn = torch.autograd.grad([u_be.sum(), u_cn.sum()], [kappa, kappa])
print(g_be, g_cn)

# %%
# fit kappa to an "observed" final profile with LBFGS
target = u_cn.detach() * 0.95
log_k = torch.zeros((), dtype=f64, requires_grad=True)
opt = torch.optim.LBFGS([log_k], lr=1, max_iter=20, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    k = log_k.exp()
    uu = u0
    for _ in range(10):
        uu = torch.linalg.solve(I + dt * k * A, uu)
    loss = ((uu - target) ** 2).sum()
    loss.backward()
    return loss
for it in range(3):
    print(it, opt.step(closure).item(), log_k.exp().item())
print(opt.state[log_k]["n_iter"], opt.state[log_k]["func_evals"])

# %%
# least squares: fit a quadratic to noisy heat data
tt = torch.linspace(0, 1, 12, dtype=f64)
obs = 1 + 2 * tt - 3 * tt ** 2 + 0.01 * torch.randn(12, dtype=f64)
V = torch.stack([torch.ones_like(tt), tt, tt ** 2], dim=1)
res = torch.linalg.lstsq(V, obs.unsqueeze(1))
print(res.solution.squeeze(1), res.residuals, res.rank, res.singular_values)
res2 = torch.linalg.lstsq(V, obs.unsqueeze(1), driver="gelsd")
print(res2.solution.squeeze(1), res2.residuals, res2.rank, res2.singular_values)
print(torch.linalg.vander(tt[:3], N=3))
Vp = V.clone().requires_grad_()
sol = torch.linalg.lstsq(Vp, obs.unsqueeze(1)).solution
print(sol.grad_fn)
sol.sum().backward()
print(Vp.grad[:3])

# %%
for call in [
    lambda: torch.linalg.solve(torch.zeros(3, 3, dtype=f64), torch.ones(3, dtype=f64)),
    lambda: torch.linalg.solve(torch.ones(3, 2, dtype=f64), torch.ones(3, dtype=f64)),
    lambda: torch.linalg.solve(A, torch.ones(n + 1, dtype=f64)),
    lambda: torch.linalg.solve(A, torch.ones(n)),
    lambda: torch.linalg.cholesky(-A),
    lambda: torch.linalg.cholesky(torch.ones(2, 3, dtype=f64)),
    lambda: torch.diag(torch.ones(2, 2, 2)),
    lambda: torch.diag_embed(torch.ones(3), dim1=0, dim2=0),
    lambda: torch.linalg.lstsq(V, obs),
    lambda: torch.linalg.solve_triangular(L, src),
]:
    try:
        r = call()
        print(r)
    except Exception as e:
        print(type(e).__name__, e)
