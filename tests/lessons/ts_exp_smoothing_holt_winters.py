# Imitates a forecasting course's "exponential smoothing with autograd" notebook: simple, Holt and Holt-Winters
# smoothing written as Python loops that append to lists and torch.stack them, smoothing parameters kept in (0, 1)
# with torch.sigmoid, fitted with Adam and LBFGS; and the mistakes learners make on the way.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
n = 48
t = torch.arange(n, dtype=torch.float32)
season = torch.sin(2 * math.pi * t / 12)
y = 10 + 0.3 * t + 2 * season + 0.5 * torch.randn(n)
print(y[:6], y.dtype, y.shape)

# %%
def ses(y, alpha):
    level = y[0]
    fitted = []
    for value in y:
        fitted.append(level)
        level = alpha * value + (1 - alpha) * level
    return torch.stack(fitted), level

raw = torch.tensor(0.0, requires_grad=True)
fit, last = ses(y, torch.sigmoid(raw))
loss = F.mse_loss(fit, y)
loss.backward()
print(loss, raw.grad, fit.grad_fn, last.grad_fn)
print(fit[:4])

# %%
opt = torch.optim.Adam([raw], lr=0.1)
for step in range(60):
    opt.zero_grad()
    fit, _ = ses(y, torch.sigmoid(raw))
    loss = ((fit - y) ** 2).mean()
    loss.backward()
    opt.step()
    if step % 20 == 0:
        print(step, round(loss.item(), 4), round(torch.sigmoid(raw).item(), 4))
print("alpha", torch.sigmoid(raw))

# %%
# Mistake: an unconstrained alpha outside (0, 1) makes the recursion blow up
fit_bad, _ = ses(y * 1e30, torch.tensor(-8.0))
print(fit_bad[-3:], torch.isfinite(fit_bad).all())
with torch.no_grad():
    print(ses(y, torch.tensor(float("nan")))[1], torch.sigmoid(torch.tensor([-100., 0., 100.])))

# %%
# Mistake: forgetting the loop ran zero times
torch.stack([])

# %%
torch.stack([], dim=0)

# %%
def holt(y, a, b, h=6):
    level, trend = y[0], y[1] - y[0]
    out = []
    for value in y:
        out.append(level + trend)
        new_level = a * value + (1 - a) * (level + trend)
        trend = b * (new_level - level) + (1 - b) * trend
        level = new_level
    steps = torch.arange(1, h + 1, dtype=y.dtype)
    return torch.stack(out), level + steps * trend

params = torch.zeros(2, requires_grad=True)
opt = torch.optim.LBFGS([params], lr=0.5, max_iter=20, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    a, b = torch.sigmoid(params).unbind()
    fit, _ = holt(y, a, b)
    loss = F.mse_loss(fit[:-1], y[1:])
    loss.backward()
    return loss
for i in range(3):
    print(i, round(opt.step(closure).item(), 4))
a, b = torch.sigmoid(params).detach()
fc = holt(y, a, b)[1]
print(fc.shape, fc.grad_fn, fc.requires_grad)

# %%
def holt_winters(y, a, b, g, m=12):
    level = y[:m].mean()
    trend = (y[m:2 * m].mean() - y[:m].mean()) / m
    seas = list(y[:m] - level)
    out = []
    for i, value in enumerate(y):
        s = seas[i % m]
        out.append(level + trend + s)
        new_level = a * (value - s) + (1 - a) * (level + trend)
        trend = b * (new_level - level) + (1 - b) * trend
        seas[i % m] = g * (value - new_level) + (1 - g) * s
        level = new_level
    return torch.stack(out), torch.stack(seas)

logits = torch.tensor([0.0, -2.0, -1.0], requires_grad=True)
opt = torch.optim.Adam([logits], lr=0.05)
for step in range(30):
    opt.zero_grad()
    fit, seas = holt_winters(y, *torch.sigmoid(logits))
    loss = F.l1_loss(fit, y)
    loss.backward()
    opt.step()
print(round(loss.item(), 3), logits.grad, seas.shape, seas.grad_fn)
print(torch.sigmoid(logits))

# %%
# Mistake: writing each step into a preallocated tensor in place inside the recursion
alpha = torch.tensor(0.3, requires_grad=True)
levels = torch.zeros(n)
levels[0] = y[0]
for i in range(1, n):
    levels[i] = alpha * y[i] + (1 - alpha) * levels[i - 1]
print(levels.grad_fn, levels._version)
levels.sum().backward()
print(alpha.grad)

# %%
alpha = torch.tensor(0.3, requires_grad=True)
state = torch.zeros(n)
state[0] = y[0]
for i in range(1, n):
    state[i] = alpha * y[i] + (1 - alpha) * state[i - 1].exp().log()
state.sum().backward()

# %%
# Mistake: .item() inside the loop detaches the graph
alpha = torch.tensor(0.5, requires_grad=True)
level = y[0].item()
fitted = []
for value in y:
    fitted.append(level)
    level = (alpha * value + (1 - alpha) * level).item()
fitted = torch.tensor(fitted)
print(fitted.requires_grad, fitted.grad_fn)
F.mse_loss(fitted, y).backward()

# %%
# The local-level model (random walk plus noise) by its Kalman-filter likelihood, short
def local_level_nll(y, log_q, log_r):
    q, r = log_q.exp(), log_r.exp()
    m, P = y[0], torch.tensor(1e3)
    nll = []
    for value in y[1:]:
        P = P + q
        S = P + r
        v = value - m
        nll.append(0.5 * (torch.log(2 * math.pi * S) + v ** 2 / S))
        K = P / S
        m = m + K * v
        P = (1 - K) * P
    return torch.stack(nll).sum()

logs = torch.zeros(2, requires_grad=True)
opt = torch.optim.Adam([logs], lr=0.1)
for step in range(40):
    opt.zero_grad()
    nll = local_level_nll(y, *logs)
    nll.backward()
    opt.step()
print(round(nll.item(), 3), logs.exp().detach())
