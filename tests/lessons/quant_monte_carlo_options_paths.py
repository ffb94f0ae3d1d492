# Imitates Monte Carlo option-pricing notebooks written in PyTorch: geometric Brownian motion paths from torch.randn
# under torch.manual_seed with cumsum / cumprod / exp, European, Asian and barrier payoffs with clamp(min=0) / relu,
# discounting, standard errors, antithetic and control variates, pathwise Greeks by backward through the simulation,
# likelihood-ratio Greeks, and the mistakes (payoff clamp on an integer tensor, a leaf changed in place, a path
# tensor that requires grad indexed in place, max() over the wrong dim).
import math
import torch

# %%
torch.manual_seed(42)
S0, K, r, sigma, T = 100.0, 100.0, 0.05, 0.2, 1.0
n_paths, n_steps = 20000, 50
dt = T / n_steps
Z = torch.randn(n_paths, n_steps, dtype=torch.float64)
print(Z.shape, Z.dtype, Z.mean(), Z.std())
increments = (r - 0.5 * sigma ** 2) * dt + sigma * math.sqrt(dt) * Z
log_paths = math.log(S0) + torch.cumsum(increments, dim=1)
paths = torch.exp(log_paths)
print(paths[:3, -3:])
print(paths[:, -1].mean(), S0 * math.exp(r * T))

# %%
# the same paths with cumprod of gross returns
gross = torch.exp(increments)
paths2 = S0 * torch.cumprod(gross, dim=1)
print(torch.allclose(paths, paths2), (paths - paths2).abs().max() < 1e-9)
full = torch.cat([torch.full((n_paths, 1), S0, dtype=torch.float64), paths], dim=1)
print(full.shape, full[0, :4])

# %%
disc = math.exp(-r * T)
payoff = torch.clamp(paths[:, -1] - K, min=0)
call = disc * payoff.mean()
se = disc * payoff.std() / math.sqrt(n_paths)
print(f"European call {call.item():.4f} +/- {1.96 * se.item():.4f}")
put = disc * torch.relu(K - paths[:, -1]).mean()
print(call, put, call - put, S0 - K * disc)
print(torch.clamp(paths[:, -1] - K, min=0).equal(torch.relu(paths[:, -1] - K)), payoff.count_nonzero())

# %%
# Asian (arithmetic average) and up-and-out barrier
avg = full.mean(dim=1)
asian = disc * (avg - K).clamp(min=0).mean()
B = 130.0
alive = (full.max(dim=1).values < B)
barrier = disc * ((paths[:, -1] - K).clamp(min=0) * alive).mean()
print(asian, barrier, alive.float().mean(), alive.dtype)
hit = full.max(dim=1)
print(hit.values[:3], hit.indices[:3])
geo = torch.exp(torch.log(full).mean(dim=1))
print(geo[:3], (geo <= avg).all())

# %%
# antithetic variates
torch.manual_seed(0)
Zt = torch.randn(n_paths // 2, dtype=torch.float64)
Zt = torch.cat([Zt, -Zt])
ST = S0 * torch.exp((r - 0.5 * sigma ** 2) * T + sigma * math.sqrt(T) * Zt)
pay = disc * (ST - K).clamp(min=0)
pairs = 0.5 * (pay[: n_paths // 2] + pay[n_paths // 2:])
print(pay.mean(), pairs.mean(), pay.var() / n_paths, pairs.var() / (n_paths // 2))

# %%
# control variate: the discounted terminal price has known mean S0
Y = disc * ST
cov = torch.cov(torch.stack([pay, Y]))
b = cov[0, 1] / cov[1, 1]
cv = pay - b * (Y - S0)
print(cov, b)
print(cv.mean(), cv.std() / math.sqrt(n_paths), torch.corrcoef(torch.stack([pay, Y]))[0, 1])

# %%
# pathwise Greeks: backward through the simulation
S0_t = torch.tensor(S0, dtype=torch.float64, requires_grad=True)
sig_t = torch.tensor(sigma, dtype=torch.float64, requires_grad=True)
ST = S0_t * torch.exp((r - 0.5 * sig_t ** 2) * T + sig_t * math.sqrt(T) * Zt)
price = math.exp(-r * T) * torch.relu(ST - K).mean()
price.backward()
print(price, S0_t.grad, sig_t.grad)
print(price.grad_fn, price.grad_fn.next_functions)

# %%
# likelihood-ratio delta: no derivative of the payoff
with torch.no_grad():
    ST = S0 * torch.exp((r - 0.5 * sigma ** 2) * T + sigma * math.sqrt(T) * Zt)
    score = Zt / (S0 * sigma * math.sqrt(T))
    lr_delta = disc * ((ST - K).clamp(min=0) * score).mean()
print(lr_delta, ST.requires_grad)

# %%
# a path-dependent Greek: delta of the Asian option, path by path with a Python loop
torch.manual_seed(1)
s0 = torch.tensor(100.0, dtype=torch.float64, requires_grad=True)
z = torch.randn(2000, 12, dtype=torch.float64)
s = s0.expand(2000)
total = torch.zeros(2000, dtype=torch.float64)
for k in range(12):
    s = s * torch.exp((r - 0.5 * sigma ** 2) / 12 + sigma * math.sqrt(1 / 12) * z[:, k])
    total = total + s
a_price = disc * torch.clamp(total / 12 - K, min=0.0).mean()
a_delta, = torch.autograd.grad(a_price, s0)
print(a_price, a_delta, s.grad_fn, total.grad_fn)

# %%
# an American put by Longstaff-Schwartz: regress the discounted continuation value on 1, S, S^2 in the money
torch.manual_seed(5)
M, steps, Kp = 4000, 10, 110.0
h = T / steps
Zl = torch.randn(M // 2, steps, dtype=torch.float64)
Zl = torch.cat([Zl, -Zl])
S_path = S0 * torch.exp(torch.cumsum((r - 0.5 * sigma ** 2) * h + sigma * math.sqrt(h) * Zl, dim=1))
cash = torch.clamp(Kp - S_path[:, -1], min=0)
for t in range(steps - 2, -1, -1):
    cash = cash * math.exp(-r * h)
    St = S_path[:, t]
    itm = St < Kp
    X = torch.stack([torch.ones_like(St[itm]), St[itm] / S0, (St[itm] / S0) ** 2], dim=1)
    fit = torch.linalg.lstsq(X, cash[itm].unsqueeze(1), driver="gelsd")
    cont = (X @ fit.solution).squeeze(1)
    exercise = torch.zeros_like(cash, dtype=torch.bool)
    exercise[itm] = (Kp - St[itm]) > cont
    cash = torch.where(exercise, Kp - St, cash)
print(f"American put {math.exp(-r * h) * cash.mean().item():.4f}", fit.rank, fit.residuals, fit.singular_values)
euro = math.exp(-r * T) * torch.clamp(Kp - S_path[:, -1], min=0).mean()
print(euro, fit.solution.T)

# %%
# mistake: an integer payoff tensor clamped with a float bound
ints = torch.tensor([95, 100, 110])
print(torch.clamp(ints - 100, min=0), (ints - 100).clamp(min=0.5))
torch.clamp(ints - 100, min=torch.tensor(0.5))

# %%
# mistake: assigning a simulated step into a leaf that requires grad
P = torch.zeros(3, 4, dtype=torch.float64, requires_grad=True)
P[:, 0] = 100.0

# %%
# the right way: build the columns and stack, or fill a tensor without grad
P = torch.zeros(3, 4, dtype=torch.float64)
P[:, 0] = S0_t
print(P.requires_grad, P.grad_fn)
P[:, 1:] = P[:, :1] * torch.exp(torch.randn(3, 3, dtype=torch.float64).cumsum(1) * 0.1)
print(P.grad_fn, P.sum().backward(), S0_t.grad)

# %%
# mistake: the max over all paths, not per path
print(full.max(), full.max(dim=0).values.shape)
torch.max(full, dim=2)

# %%
# mistake: float32 noise into a float64 simulation, then into an in-place update
state = torch.full((4,), 100.0, dtype=torch.float64)
noise = torch.randn(4)
state.mul_(torch.exp(0.01 * noise))
print(state.dtype)
noise.mul_(state)
print(noise.dtype)
torch.randn(4).add_(torch.randn(4, dtype=torch.complex64))
