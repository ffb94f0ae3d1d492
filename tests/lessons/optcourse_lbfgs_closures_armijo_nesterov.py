# Imitates the quasi-Newton and line-search notebooks of an optimisation course taught with PyTorch: Armijo
# backtracking written by hand around a closure, torch.optim.LBFGS with line_search_fn='strong_wolfe' and a small
# history_size printing the loss at every closure call, LBFGS without a line search, the optimizer's state after the
# run, SGD(nesterov=True) checked against the update written by hand, and the mistakes learners make with closures
# (step() without a closure, a closure that forgets to return the loss, nesterov without momentum).
import torch

torch.manual_seed(0)

def rosen(x):
    return torch.sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)

# %%
# Armijo backtracking: halve t until f(x - t g) <= f(x) - c t |g|^2
def armijo(closure, x, g, t=1.0, c=1e-4, beta=0.5, max_halvings=30):
    f0 = closure(x)
    gg = g.dot(g)
    n = 0
    while closure(x - t * g) > f0 - c * t * gg and n < max_halvings:
        t *= beta
        n += 1
    return t, n

x = torch.tensor([-1.2, 1.0], dtype=torch.float64, requires_grad=True)
for k in range(8):
    f = rosen(x)
    (g,) = torch.autograd.grad(f, x)
    with torch.no_grad():
        t, n = armijo(rosen, x, g)
        x -= t * g
    print(f"{k:2d} f={f.item()!r} t={t} halvings={n} x={x.tolist()}")

# %%
# LBFGS with strong Wolfe, printing every closure evaluation
x = torch.tensor([-1.5, 2.0, 0.5], requires_grad=True)
opt = torch.optim.LBFGS([x], lr=1, max_iter=20, history_size=3, line_search_fn="strong_wolfe")
evals = 0
def closure():
    global evals
    opt.zero_grad()
    loss = rosen(x)
    loss.backward()
    evals += 1
    print(evals, loss.item(), x.grad.norm().item())
    return loss

out = opt.step(closure)
print(out, type(out).__name__)
print(x)
st = opt.state[x]
print(sorted(st.keys()))
print(st["func_evals"], st["n_iter"], len(st["old_dirs"]), len(st["old_stps"]), st["t"], st["prev_loss"])
print(st["d"], st["H_diag"])

# %%
# the second call continues from the stored history
out2 = opt.step(closure)
print(out2.item(), x.detach(), opt.state[x]["n_iter"], opt.state[x]["func_evals"])
print(opt)

# %%
# LBFGS without a line search: fixed lr steps, tolerance stops
x = torch.tensor([0.0, 0.0], requires_grad=True)
opt = torch.optim.LBFGS([x], lr=0.5, max_iter=6, history_size=2, tolerance_change=1e-12)
losses = []
def closure():
    opt.zero_grad()
    loss = rosen(x)
    loss.backward()
    losses.append(loss.item())
    return loss

for epoch in range(3):
    l = opt.step(closure)
    print(epoch, l.item(), x.detach().tolist(), len(losses))
print(losses)

# %%
# mistakes with closures
x = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.LBFGS([x])
try:
    opt.step()
except Exception as e:
    print(type(e).__name__, e)

def bad_closure():
    opt.zero_grad()
    loss = rosen(x)
    loss.backward()

try:
    opt.step(bad_closure)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.LBFGS([x], line_search_fn="armijo")
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.LBFGS([x, torch.ones(2, requires_grad=True)]).step(lambda: rosen(x))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.LBFGS([{"params": [x]}, {"params": [torch.ones(2, requires_grad=True)]}])
except Exception as e:
    print(type(e).__name__, e)

# %%
# a closure for SGD: step returns what the closure returns
w = torch.tensor([0.5, -0.5], requires_grad=True)
sgd = torch.optim.SGD([w], lr=1e-3)
def closure():
    sgd.zero_grad()
    l = rosen(w)
    l.backward()
    return l
r = sgd.step(closure)
print(r, w)
print(sgd.step(lambda: None), sgd.step())

# %%
# Nesterov momentum: torch.optim.SGD against the update by hand
lr, mu = 1e-3, 0.9
a = torch.tensor([-1.2, 1.0], requires_grad=True)
b = a.detach().clone().requires_grad_(True)
opt = torch.optim.SGD([a], lr=lr, momentum=mu, nesterov=True)
buf = None
for k in range(6):
    opt.zero_grad()
    rosen(a).backward()
    opt.step()
    lb = rosen(b)
    (g,) = torch.autograd.grad(lb, b)
    with torch.no_grad():
        buf = g.clone() if buf is None else mu * buf + g
        b -= lr * (g + mu * buf)
    print(k, a.detach().tolist(), b.detach().tolist(), torch.equal(a, b), (a - b).abs().max().item())
print(opt.state[a]["momentum_buffer"], buf)
try:
    torch.optim.SGD([a], lr=0.1, nesterov=True)
except ValueError as e:
    print(type(e).__name__, e)
try:
    torch.optim.SGD([a], lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)
except ValueError as e:
    print(type(e).__name__, e)
