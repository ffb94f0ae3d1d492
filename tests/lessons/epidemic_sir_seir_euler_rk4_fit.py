# Imitates an "epidemic models with autograd" lesson (SIR / SEIR fitted to case counts, as in course notebooks and
# blog posts "fit an SIR model with PyTorch"): states integrated by hand with Euler and RK4 in a Python loop,
# trajectories gathered with torch.stack / unbind, new cases from torch.diff and cumsum, rates log-parameterised
# (exp, softplus), fitted with Adam and LBFGS (closure), and the mistakes learners make on the way.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_printoptions(precision=5)

# %%
def sir_rhs(state, beta, gamma):
    S, I, R = state.unbind(-1)
    N = S + I + R
    dS = -beta * S * I / N
    dI = beta * S * I / N - gamma * I
    dR = gamma * I
    return torch.stack([dS, dI, dR], dim=-1)

def euler(rhs, y0, t, *args):
    ys = [y0]
    y = y0
    for k in range(len(t) - 1):
        dt = t[k + 1] - t[k]
        y = y + dt * rhs(y, *args)
        ys.append(y)
    return torch.stack(ys)

def rk4(rhs, y0, t, *args):
    ys = [y0]
    y = y0
    for k in range(len(t) - 1):
        h = t[k + 1] - t[k]
        k1 = rhs(y, *args)
        k2 = rhs(y + 0.5 * h * k1, *args)
        k3 = rhs(y + 0.5 * h * k2, *args)
        k4 = rhs(y + h * k3, *args)
        y = y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        ys.append(y)
    return torch.stack(ys)

t = torch.linspace(0, 40, 41)
y0 = torch.tensor([990.0, 10.0, 0.0])
beta_true, gamma_true = torch.tensor(0.45), torch.tensor(0.12)
with torch.no_grad():
    clean = rk4(sir_rhs, y0, t, beta_true, gamma_true)
print(clean.shape, clean.dtype, clean.requires_grad)
print(clean[::10])
print(clean.sum(-1)[:5], clean[:, 1].argmax(), clean[:, 1].max())

# %%
# noisy observed infections, new cases as differences and cumulative cases
noise = 1 + 0.05 * torch.randn(len(t))
obs_I = clean[:, 1] * noise
new_cases = -torch.diff(clean[:, 0])
cum_cases = torch.cumsum(new_cases, dim=0)
print(obs_I[:6])
print(new_cases[:5], new_cases.shape)
print(cum_cases[-3:], (cum_cases[-1] - (clean[0, 0] - clean[-1, 0])).abs() < 1e-2)

# %%
log_beta = torch.tensor(-1.0, requires_grad=True)
log_gamma = torch.tensor(-1.5, requires_grad=True)
pred = euler(sir_rhs, y0, t, log_beta.exp(), log_gamma.exp())
print(pred.grad_fn, pred.shape)
loss = ((torch.log1p(pred[:, 1]) - torch.log1p(obs_I)) ** 2).mean()
loss.backward()
print(loss, loss.grad_fn)
print(log_beta.grad, log_gamma.grad)

# %%
opt = torch.optim.Adam([log_beta, log_gamma], lr=0.05)
for step in range(60):
    opt.zero_grad()
    pred = rk4(sir_rhs, y0, t, log_beta.exp(), log_gamma.exp())
    loss = ((torch.log1p(pred[:, 1]) - torch.log1p(obs_I)) ** 2).mean()
    loss.backward()
    opt.step()
    if step % 15 == 0:
        print(step, round(loss.item(), 5), log_beta.exp().item(), log_gamma.exp().item())
print("R0 =", (log_beta.exp() / log_gamma.exp()).item())

# %%
# LBFGS with a closure on softplus-parameterised rates
raw = torch.tensor([0.0, -1.0], requires_grad=True)
lbfgs = torch.optim.LBFGS([raw], lr=0.5, max_iter=20, line_search_fn="strong_wolfe")
calls = []
def closure():
    lbfgs.zero_grad()
    beta, gamma = F.softplus(raw)
    pred = rk4(sir_rhs, y0, t, beta, gamma)
    loss = ((torch.log1p(pred[:, 1]) - torch.log1p(obs_I)) ** 2).mean()
    loss.backward()
    calls.append(loss.item())
    return loss
for _ in range(2):
    out = lbfgs.step(closure)
    print(out, len(calls))
print(F.softplus(raw).detach(), raw.grad)
print(sorted(lbfgs.state[raw].keys()))
print(lbfgs.state[raw]["n_iter"], lbfgs.state[raw]["func_evals"])

# %%
# SEIR with a batch of parameter sets (vectorised over the first dim)
def seir_rhs(y, beta, sigma, gamma):
    S, E, I, R = y.unbind(-1)
    N = y.sum(-1)
    inf = beta * S * I / N
    return torch.stack([-inf, inf - sigma * E, sigma * E - gamma * I, gamma * I], -1)

betas = torch.tensor([0.3, 0.5, 0.8], requires_grad=True)
y0b = torch.tensor([990.0, 5.0, 5.0, 0.0]).expand(3, 4)
traj = euler(seir_rhs, y0b, t[:21], betas, 0.2, 0.1)
print(traj.shape, traj.grad_fn, traj.is_contiguous())
peak, when = traj[..., 2].max(0)
print(peak, when)
peak.sum().backward()
print(betas.grad)
print(traj.transpose(0, 1)[:, -1])

# %%
# mistakes: in-place update of the state, mixing dtypes, stacking ragged states
y = y0.clone().requires_grad_()
try:
    y += 0.1 * sir_rhs(y, 0.3, 0.1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stack([y0, torch.zeros(4)])
except Exception as e:
    print(type(e).__name__, e)
try:
    y0.double() @ torch.ones(3)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cumsum(new_cases)
except Exception as e:
    print(type(e).__name__, e)
p = torch.tensor(0.3, requires_grad=True)
try:
    p.exp_()
except Exception as e:
    print(type(e).__name__, e)
try:
    float(traj[-1])
except Exception as e:
    print(type(e).__name__, e)
try:
    traj.numpy()
except Exception as e:
    print(type(e).__name__, e)

# %%
# local sensitivity of the right-hand side: the Jacobian with respect to the state and to the log-rates
from torch.autograd.functional import jacobian
state = clean[10]
Jy = jacobian(lambda y: sir_rhs(y, beta_true, gamma_true), state)
print(Jy)
Jp = jacobian(lambda lp: sir_rhs(state, *lp.exp()), torch.log(torch.tensor([0.45, 0.12])))
print(Jp)
print(torch.func.jacrev(lambda lp: sir_rhs(state, *lp.exp().unbind()))(torch.log(torch.tensor([0.45, 0.12]))))
lp = torch.log(torch.tensor([0.45, 0.12])).requires_grad_()
b_, g_ = lp.exp()
sir_rhs(state, b_, g_)[0].backward()
print(lp.grad)
