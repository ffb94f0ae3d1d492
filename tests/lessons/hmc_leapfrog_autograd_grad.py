# Imitates the probabilistic-ML course notebooks that build Hamiltonian Monte Carlo by hand in plain PyTorch (no pyro):
# the potential U(q) = -log p(q) of a correlated Gaussian and of a banana density, its gradient from
# torch.autograd.grad, a leapfrog integrator, kinetic energy, the Metropolis test with torch.rand, acceptance rates
# and trace "plots" printed as numbers; then the mistakes learners post: grad of a non-scalar log-prob, calling
# autograd.grad twice without retain_graph, an in-place step on a position that requires grad, and the accept test
# written with a tensor of several elements inside `if`.
import math
import torch
from torch.distributions import MultivariateNormal

torch.manual_seed(0)
mu = torch.tensor([1.0, -1.0])
cov = torch.tensor([[1.0, 0.8], [0.8, 1.0]])
target = MultivariateNormal(mu, covariance_matrix=cov)
print(target)
print(target.scale_tril)


def potential(q):
    return -target.log_prob(q)


def grad_U(q):
    q = q.detach().requires_grad_(True)
    u = potential(q)
    g, = torch.autograd.grad(u, q)
    return u.detach(), g


u0, g0 = grad_U(torch.zeros(2))
print(u0, g0)

# %%
def leapfrog(q, p, step, n_steps):
    q, p = q.clone(), p.clone()
    _, g = grad_U(q)
    p = p - 0.5 * step * g
    for i in range(n_steps):
        q = q + step * p
        _, g = grad_U(q)
        if i != n_steps - 1:
            p = p - step * g
    p = p - 0.5 * step * g
    return q, -p


def kinetic(p):
    return 0.5 * (p ** 2).sum(-1)


q0 = torch.tensor([0.5, 0.5])
p0 = torch.tensor([1.0, -0.5])
q1, p1 = leapfrog(q0, p0, 0.1, 10)
H0 = potential(q0) + kinetic(p0)
H1 = potential(q1) + kinetic(p1)
print(q1, p1)
print(H0, H1, (H1 - H0).abs())
print(torch.exp(H0 - H1).clamp(max=1.0))

# %%
def hmc(q, n_samples, step=0.15, n_steps=12):
    samples, accepts = [], 0
    for _ in range(n_samples):
        p = torch.randn_like(q)
        q_new, p_new = leapfrog(q, p, step, n_steps)
        log_alpha = potential(q) + kinetic(p) - potential(q_new) - kinetic(p_new)
        if torch.rand(()) < torch.exp(log_alpha):
            q = q_new
            accepts += 1
        samples.append(q)
    return torch.stack(samples), accepts / n_samples


torch.manual_seed(1)
chain, acc = hmc(torch.zeros(2), 40)
print(chain.shape, f"acceptance rate {acc:.2f}")
print(chain[::8])
print(chain.mean(0), chain.std(0, unbiased=True))
print(torch.cov(chain.T))

# %%
# trace plot as numbers
for t in range(0, 40, 10):
    print(f"{t:3d} " + " ".join(f"{v:+.3f}" for v in chain[t].tolist()))
print(chain[:, 0].min().item() < chain[:, 0].max().item(), chain.requires_grad, chain.grad_fn)

# %%
# banana-shaped target written by hand
def log_banana(q, b=0.5):
    x, y = q[..., 0], q[..., 1]
    return -0.5 * x ** 2 - 0.5 * (y - b * x ** 2 + 1.0) ** 2


qs = torch.randn(4, 2, requires_grad=True)
lp = log_banana(qs)
print(lp, lp.grad_fn)
try:
    torch.autograd.grad(lp, qs)
except RuntimeError as e:
    print("RuntimeError:", e)
g, = torch.autograd.grad(lp.sum(), qs)
print(g)

# %%
qs = torch.randn(3, 2, requires_grad=True)
U = -log_banana(qs).sum()
g1, = torch.autograd.grad(U, qs)
try:
    g2, = torch.autograd.grad(U, qs)
except RuntimeError as e:
    print(e)
U = -log_banana(qs).sum()
g1, = torch.autograd.grad(U, qs, retain_graph=True)
g2, = torch.autograd.grad(U, qs)
print(torch.equal(g1, g2))

# %%
q = torch.zeros(2, requires_grad=True)
u = potential(q)
u.backward()
try:
    q -= 0.1 * q.grad
except RuntimeError as e:
    print(e)
try:
    q.add_(q.grad, alpha=-0.1)
except RuntimeError as e:
    print(e)
with torch.no_grad():
    q -= 0.1 * q.grad
print(q, q.grad, q.is_leaf)

# %%
qs = torch.zeros(3, 2)
log_alpha = torch.tensor([-0.2, 0.3, -3.0])
u = torch.rand(3)
try:
    if u < torch.exp(log_alpha):
        print("accept")
except RuntimeError as e:
    print(e)
accept = torch.log(u) < log_alpha
print(accept, accept.dtype, accept.float().mean())
print(torch.where(accept[:, None], qs + 1, qs))
alpha = torch.exp(torch.tensor(-0.4))
print(alpha > 0.5, bool(alpha > 0.5), (alpha > 0.5).item(), float(alpha))
print(torch.tensor(0.7) < 0.9, 0.9 > torch.tensor([0.7, 1.2]))

# %%
# step size adaptation loop: acceptance vs. step size
torch.manual_seed(3)
for step in (0.05, 0.3, 0.9, 1.6):
    _, acc = hmc(torch.zeros(2), 15, step=step, n_steps=5)
    print(f"step {step:.2f}: acceptance {acc:.2f}")
