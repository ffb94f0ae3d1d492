# Imitates an optimisation course's "zeroth-order gradients" notebook: SPSA with Rademacher perturbations
# (torch.randint(0, 2, ...) * 2 - 1 and torch.bernoulli), central finite differences checked against
# torch.autograd.grad, gradient-estimate variance with torch.var/std, and the learner's mistakes with integer noise.
import torch

# %%
torch.manual_seed(0)
A = torch.randn(5, 5)
Q = A @ A.T + torch.eye(5)
b = torch.randn(5)
def f(x):
    return 0.5 * x @ Q @ x - b @ x

x0 = torch.randn(5)
delta = torch.randint(0, 2, (5,)) * 2 - 1
print(delta, delta.dtype)
try:
    y = x0 + 0.01 * delta
    print(y.dtype)
    d2 = torch.randint(0, 2, (5,), dtype=torch.int8) * 2 - 1
    print(d2, d2.dtype, (d2 * 0.5).dtype, (d2 / 2).dtype)
except Exception as e:
    print(type(e).__name__, e)

# %%
# learners' mistakes: integer noise into randn_like / into a float buffer in place / requires_grad on ints
delta = torch.randint(0, 2, (5,)) * 2 - 1
for fn in [lambda: torch.randn_like(delta),
           lambda: delta.float().mul_(0.5).add_(delta),
           lambda: delta.mul_(0.5),
           lambda: delta.requires_grad_(),
           lambda: torch.randint(0, 2, (5,), requires_grad=True),
           lambda: torch.bernoulli(torch.full((5,), 0.5, dtype=torch.long)),
           lambda: torch.normal(0, delta),
           lambda: delta.std()]:
    try:
        r = fn()
        print(r, r.dtype)
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(1)
p = torch.full((5,), 0.5)
d = torch.bernoulli(p) * 2 - 1
print(d, d.dtype)
d_b = torch.empty(5).bernoulli_(0.5).mul_(2).sub_(1)
print(d_b)
g = torch.Generator().manual_seed(7)
print(torch.bernoulli(p, generator=g), torch.randint(0, 2, (3,), generator=g), torch.randint(2, (2, 2), generator=g))
print(torch.randint(-1, 2, (4,), dtype=torch.float32), torch.randint_like(p, 2), torch.randint_like(p, 0, 3).dtype)

# %%
def spsa_grad(f, x, c=1e-2, n=1, gen=None):
    grads = []
    for _ in range(n):
        dlt = (torch.randint(0, 2, x.shape, generator=gen) * 2 - 1).to(x.dtype)
        grads.append((f(x + c * dlt) - f(x - c * dlt)) / (2 * c) * dlt)  # 1/delta_i == delta_i
    return torch.stack(grads)

x = x0.clone().requires_grad_(True)
(g_true,) = torch.autograd.grad(f(x), x)
with torch.no_grad():
    G = spsa_grad(f, x0, n=200, gen=torch.Generator().manual_seed(0))
print(G.shape, G.mean(0), g_true)
print(G.var(0), G.var(0, unbiased=False), G.std(0, correction=0))
print(torch.var(G, dim=0, keepdim=True).shape, G.var(dim=(0, 1)))
print(((G.mean(0) - g_true).norm() / g_true.norm()).item() < 0.5)

# %%
# central finite differences, float32 vs float64 step-size trade-off
def fd_grad(f, x, h):
    e = torch.eye(x.numel(), dtype=x.dtype)
    return torch.stack([(f(x + h * e[i]) - f(x - h * e[i])) / (2 * h) for i in range(x.numel())])

for dt in [torch.float32, torch.float64]:
    Qd, bd = Q.to(dt), b.to(dt)
    fd = lambda v: 0.5 * v @ Qd @ v - bd @ v
    xd = x0.to(dt).requires_grad_()
    (gt,) = torch.autograd.grad(fd(xd), xd)
    for h in [1e-1, 1e-3, 1e-6]:
        err = (fd_grad(fd, xd.detach(), h) - gt).abs().max()
        print(dt, h, f"{err.item():.3e}")
print(torch.autograd.gradcheck(lambda v: 0.5 * v @ Q.double() @ v, (x0.double().requires_grad_(),)))

# %%
# SPSA descent with in-place updates and a decaying gain sequence
gen = torch.Generator().manual_seed(5)
x = torch.zeros(5)
for k in range(40):
    ak = 0.1 / (k + 1) ** 0.602
    ck = 0.1 / (k + 1) ** 0.101
    with torch.no_grad():
        gk = spsa_grad(f, x, c=ck, n=2, gen=gen).mean(0)
        x.add_(gk, alpha=-ak)
    if k % 10 == 0:
        print(k, round(f(x).item(), 4))
xstar = torch.linalg.solve(Q, b)
print(f(x), f(xstar), torch.dist(x, xstar))

# %%
# mistake: computing the SPSA difference with a tensor that still requires grad, then .numpy()
w = torch.zeros(5, requires_grad=True)
dl = torch.randint(0, 2, (5,), generator=gen) * 2 - 1
est = (f(w + 0.1 * dl) - f(w - 0.1 * dl)) / 0.2 * dl
print(est.grad_fn, est.requires_grad, est.dtype)
try:
    est.numpy()
except Exception as e:
    print(type(e).__name__, e)
try:
    w -= 0.01 * est
except Exception as e:
    print(type(e).__name__, e)
print(est.detach().numpy().dtype)

# %%
# mistake: a variance penalty on just two SPSA estimates with correction=2 (no degrees of freedom left)
torch.set_warn_always(True)
pair = torch.stack([spsa_grad(f, x0, n=1, gen=torch.Generator().manual_seed(s))[0] for s in (1, 2)]).requires_grad_()
pen = pair.var(0, correction=2).sum() + pair.var(correction=pair.numel())
pen.backward()
print(pen, pair.grad)
sd = pair.std(0, correction=3)
print(sd, torch.autograd.grad(sd.sum(), pair)[0])
torch.set_warn_always(False)
