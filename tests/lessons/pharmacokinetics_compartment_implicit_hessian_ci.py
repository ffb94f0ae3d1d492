# Imitates a pharmacometrics / scientific-ML lesson: a two-compartment pharmacokinetic model (oral dose, central and
# peripheral compartments) written as a linear ODE dy/dt = A(theta) y, integrated by explicit Euler and by implicit
# (backward) Euler with torch.linalg.solve, log-parameterised clearances fitted by LBFGS, sensitivities by
# torch.autograd.functional.jacobian, and confidence intervals from the Hessian (hessian, linalg.inv, diag, sqrt).
import torch
from torch.autograd.functional import jacobian, hessian

torch.manual_seed(1)
torch.set_default_dtype(torch.float64)

# %%
def rate_matrix(theta):
    ka, k10, k12, k21 = theta.exp().unbind()
    z = torch.zeros(())
    rows = [torch.stack([-ka, z, z]),
            torch.stack([ka, -(k10 + k12), k21]),
            torch.stack([z, k12, -k21])]
    return torch.stack(rows)

theta_true = torch.log(torch.tensor([1.2, 0.25, 0.4, 0.15]))
A = rate_matrix(theta_true)
print(A)
print(A.dtype, A.shape, A.sum(0))
print(torch.linalg.eigvals(A).real.sort().values)

# %%
def simulate_implicit(theta, y0, dt, n):
    A = rate_matrix(theta)
    M = torch.eye(3) - dt * A
    ys = [y0]
    y = y0
    for _ in range(n):
        y = torch.linalg.solve(M, y)
        ys.append(y)
    return torch.stack(ys)

def simulate_explicit(theta, y0, dt, n):
    A = rate_matrix(theta)
    ys = [y0]
    for _ in range(n):
        ys.append(ys[-1] + dt * A @ ys[-1])
    return torch.stack(ys)

y0 = torch.tensor([100.0, 0.0, 0.0])
imp = simulate_implicit(theta_true, y0, 0.25, 48)
exp_ = simulate_explicit(theta_true, y0, 0.25, 48)
print(imp.shape, imp.grad_fn)
print(imp[::12])
print((imp - exp_).abs().max())
print(imp.sum(1)[:4])

# %%
# matrix exponential as a reference and a cumulative AUC by the trapezoid rule
ts = torch.arange(49) * 0.25
ref = torch.stack([torch.matrix_exp(A * tk) @ y0 for tk in ts])
print((imp - ref).abs().max(1).values.max())
auc = torch.cumsum(0.5 * (ref[1:, 1] + ref[:-1, 1]) * 0.25, 0)
print(auc[-1], torch.trapezoid(ref[:, 1], ts))
obs_t = torch.tensor([2, 4, 8, 12, 20, 28, 36, 48])
obs = ref[obs_t, 1] * (1 + 0.08 * torch.randn(8))
print(obs)

# %%
theta = torch.log(torch.tensor([0.8, 0.3, 0.3, 0.2])).requires_grad_()
opt = torch.optim.LBFGS([theta], lr=1, max_iter=50, line_search_fn="strong_wolfe", tolerance_grad=1e-9)
def nll(th):
    pred = simulate_implicit(th, y0, 0.25, 48)[obs_t, 1]
    return 0.5 * ((torch.log(pred) - torch.log(obs)) ** 2).sum() / 0.08 ** 2
def closure():
    opt.zero_grad()
    loss = nll(theta)
    loss.backward()
    return loss
for i in range(3):
    l = opt.step(closure)
    print(i, l.item())
print(theta.exp().detach())
print(theta.grad.abs().max() < 1e-3)

# %%
# local sensitivities d concentration / d log-parameters
J = jacobian(lambda th: simulate_implicit(th, y0, 0.25, 48)[obs_t, 1], theta.detach())
print(J.shape, J.dtype, J.requires_grad)
print(J)
Jv = jacobian(lambda th: simulate_implicit(th, y0, 0.25, 48)[obs_t, 1], theta.detach(), vectorize=False,
              create_graph=False)
print(torch.equal(J, Jv))

# %%
H = hessian(nll, theta.detach())
print(H.shape, torch.allclose(H, H.T))
print(H)
cov = torch.linalg.inv(H)
se = cov.diag().sqrt()
print(cov.diag(), se)
est = theta.detach()
lo, hi = (est - 1.96 * se).exp(), (est + 1.96 * se).exp()
for name, a, b, c in zip(["ka", "k10", "k12", "k21"], lo, est.exp(), hi):
    print(f"{name}: {b:.4f} [{a:.4f}, {c:.4f}]")
corr = cov / torch.outer(se, se)
print(corr)
print(torch.linalg.eigvalsh(H))

# %%
# Gauss-Newton approximation vs. the full Hessian
r_J = J / (J.new_tensor(1.0) * simulate_implicit(est, y0, 0.25, 48)[obs_t, 1, None]) / 0.08
GN = r_J.T @ r_J
print((GN - H).abs().max() / H.abs().max())
print(torch.linalg.cond(GN))

# %%
# one-compartment oral model: sensitivities of the right-hand side to the log-rates (ka, ke) and to the state
def one_cpt(y, log_k):
    ka, ke = log_k.exp()
    gut, central = y
    return torch.stack([-ka * gut, ka * gut - ke * central])
y_now = torch.tensor([40.0, 25.0])
log_k = torch.log(torch.tensor([1.1, 0.2]))
print(jacobian(lambda lk: one_cpt(y_now, lk), log_k))
print(jacobian(lambda y: one_cpt(y, log_k), y_now))
print(jacobian(one_cpt, (y_now, log_k)))
lk = log_k.clone().requires_grad_()
one_cpt(y_now, lk)[0].backward()
print(lk.grad)
amounts = torch.tensor([40.0, 25.0], requires_grad=True)
G, C = amounts.split(1)
(-(0.2 * C) * 0 + G).sum().backward()
print(amounts.grad, amounts.grad.signbit())

# %%
# mistakes: singular systems, wrong shapes, a hessian of a non-scalar, inv of a non-square matrix
try:
    torch.linalg.solve(torch.zeros(3, 3), y0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.solve(torch.eye(3), torch.ones(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    hessian(lambda th: simulate_implicit(th, y0, 0.25, 4)[:, 1], theta.detach())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.inv(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.inv(torch.ones(3, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    jacobian(lambda th: th.detach() * 2, theta.detach(), strict=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.solve(torch.eye(3, dtype=torch.float32), y0)
except Exception as e:
    print(type(e).__name__, e)
