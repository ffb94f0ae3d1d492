# Imitates OpenAI-style evolution strategies as optimisation / RL course notebooks teach them (Salimans et al. 2017
# "ES as a scalable alternative to RL"): antithetic Gaussian noise drawn with torch.randn and a torch.Generator,
# rank-based fitness shaping with argsort(argsort()) and centred ranks, the ES gradient estimate compared to the
# true gradient from torch.autograd.grad, no_grad evaluation loops and in-place updates with add_(..., alpha=).
import torch

# %%
def rosen(x):
    return ((1 - x[..., :-1]) ** 2 + 100 * (x[..., 1:] - x[..., :-1] ** 2) ** 2).sum(-1)

g = torch.Generator().manual_seed(42)
theta = torch.zeros(4)
eps = torch.randn(6, 4, generator=g)
eps = torch.cat([eps, -eps])          # antithetic pairs
print(eps.shape, eps.dtype, eps[:2])
print(g.initial_seed(), g.get_state().shape, g.get_state().dtype)

# %%
def centered_ranks(x):
    ranks = torch.empty_like(x, dtype=torch.long)
    ranks[x.argsort()] = torch.arange(len(x))
    y = ranks.float() / (len(x) - 1) - 0.5
    return y

fit = torch.tensor([3.0, -1.0, 2.5, 7.0, 0.0, 2.5])
r1 = fit.argsort().argsort()
print(r1, r1.dtype)
print(centered_ranks(fit))
print(torch.argsort(fit, descending=True), torch.argsort(fit, stable=True))
print(fit.argsort(dim=0, descending=True, stable=True))
cr = (r1.float() / (fit.numel() - 1)) - 0.5
print(cr, cr.sum(), cr.mean())

# %%
sigma, lr = 0.1, 0.02
theta = torch.tensor([-0.5, 0.5, 0.2, -0.3])
with torch.no_grad():
    F_ = rosen(theta + sigma * eps)
print(F_.shape, F_.requires_grad)
shaped = centered_ranks(-F_)
g_es = (shaped[:, None] * eps).sum(0) / (eps.shape[0] * sigma)
x = theta.clone().requires_grad_()
(g_true,) = torch.autograd.grad(-rosen(x), x)
print(g_es, g_true)
cos = torch.nn.functional.cosine_similarity(g_es, g_true, dim=0)
print(cos.round(decimals=3))

# %%
# standardised fitness instead of ranks
with torch.no_grad():
    f = -rosen(theta + sigma * eps)
    A = (f - f.mean()) / f.std()
    A2 = (f - f.mean()) / (f.std(unbiased=False) + 1e-8)
    print(A.round(decimals=4), A2.round(decimals=4))
    print(f.var(), f.var(correction=0), torch.var(f, unbiased=True), f.std(correction=2))
    print(torch.std_mean(f), torch.var_mean(f, correction=0))

# %%
# the ES loop
g = torch.Generator().manual_seed(0)
theta = torch.tensor([-0.5, 0.5, 0.2, -0.3])
for it in range(30):
    with torch.no_grad():
        e = torch.randn(8, 4, generator=g)
        e = torch.cat([e, -e])
        fitness = -rosen(theta + sigma * e)
        w = centered_ranks(fitness)
        grad = e.T @ w / (e.shape[0] * sigma)
        theta.add_(grad, alpha=lr)
    if it % 10 == 0:
        print(it, rosen(theta).item())
print(theta, rosen(theta))

# %%
# a learner forgets that antithetic halves must be paired: torch.cat of mismatched shapes
try:
    torch.cat([torch.randn(3, 4, generator=g), -torch.randn(3, 5, generator=g)])
except Exception as e:
    print(type(e).__name__, e)
# ... or ranks with argsort on a 2-d fitness without dim
F2 = torch.tensor([[3.0, 1.0], [0.5, 2.0]])
print(F2.argsort(), F2.argsort(dim=0), F2.flatten().argsort().argsort().view(2, 2))
try:
    ranks = torch.empty(4, dtype=torch.long)
    ranks[F2.flatten().argsort()] = torch.arange(4.0)
except Exception as e:
    print(type(e).__name__, e)

# %%
# ES on a network's parameters: flatten with parameters_to_vector, update under no_grad
torch.manual_seed(1)
net = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
X = torch.randn(16, 2)
y = (X[:, :1] * X[:, 1:]).sign()
vec = torch.nn.utils.parameters_to_vector(net.parameters())
print(vec.shape, vec.requires_grad, vec.grad_fn)
def loss_of(v):
    torch.nn.utils.vector_to_parameters(v, net.parameters())
    return torch.nn.functional.mse_loss(net(X), y)
with torch.no_grad():
    base = vec.clone()
    gen = torch.Generator().manual_seed(3)
    noise = torch.randn(4, vec.numel(), generator=gen)
    losses = torch.stack([loss_of(base + 0.05 * n) for n in noise] + [loss_of(base - 0.05 * n) for n in noise])
    print(losses.round(decimals=4))
    diff = losses[:4] - losses[4:]
    est = (diff[:, None] * noise).mean(0) / (2 * 0.05)
    base.sub_(est, alpha=0.1)
    print(est.norm(), loss_of(base))
print(next(net.parameters()).requires_grad, next(net.parameters()).grad)
