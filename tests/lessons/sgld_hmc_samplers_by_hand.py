# Imitates the MCMC-for-Bayesian-deep-learning notebooks (Welling & Teh's "Bayesian Learning via Stochastic
# Gradient Langevin Dynamics" re-implemented as a torch.optim.Optimizer subclass; Neal's "MCMC using Hamiltonian
# dynamics" leapfrog and Metropolis step written with torch.autograd.grad, as in the UvA / Probabilistic ML course
# notebooks): a potential U = -log p(theta | data), its gradient, momentum refreshes, accept / reject with
# torch.rand and exp, acceptance rates and posterior summaries.
import math
import torch

torch.manual_seed(0)
N = 30
X = torch.randn(N, 2)
true_w = torch.tensor([1.5, -0.7])
y = (torch.sigmoid(X @ true_w) > torch.rand(N)).float()

def log_post(w):
    logits = X @ w
    ll = -torch.nn.functional.binary_cross_entropy_with_logits(logits, y, reduction="sum")
    return ll - 0.5 * (w ** 2).sum()

def U(w):
    return -log_post(w)

def grad_U(w):
    w = w.detach().requires_grad_(True)
    u = U(w)
    g, = torch.autograd.grad(u, w)
    return u.detach(), g

print(grad_U(torch.zeros(2)))

# %%
def leapfrog(q, p, eps, L):
    _, g = grad_U(q)
    p = p - 0.5 * eps * g
    for i in range(L):
        q = q + eps * p
        _, g = grad_U(q)
        if i != L - 1:
            p = p - eps * g
    p = p - 0.5 * eps * g
    return q, -p

def hmc(q0, n, eps=0.1, L=10):
    q, samples, accepted = q0.clone(), [], 0
    for t in range(n):
        p0 = torch.randn_like(q)
        q1, p1 = leapfrog(q, p0, eps, L)
        h0 = U(q) + 0.5 * p0 @ p0
        h1 = U(q1) + 0.5 * p1.dot(p1)
        if torch.rand(()) < torch.exp(h0 - h1):
            q, accepted = q1.detach(), accepted + 1
        samples.append(q)
    return torch.stack(samples), accepted / n

torch.manual_seed(1)
with torch.no_grad():
    pass
S, rate = hmc(torch.zeros(2), 40)
print(S.shape, rate, S[10:].mean(0), S[10:].std(0))
print(torch.exp(torch.tensor(800.)), torch.minimum(torch.ones(()), torch.exp(torch.tensor(-0.3))))
print(torch.rand(()) < torch.exp(torch.tensor(1.0)), torch.rand(3).log() < -torch.tensor([0.1, 5., 0.]))

# %%
class SGLD(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, num_data=1):
        if lr <= 0:
            raise ValueError(f"Invalid learning rate: {lr}")
        super().__init__(params, dict(lr=lr, num_data=num_data))
    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                noise = torch.randn_like(p) * math.sqrt(group["lr"])
                p.add_(p.grad, alpha=-0.5 * group["lr"]).add_(noise)
        return loss

torch.manual_seed(2)
w = torch.zeros(2, requires_grad=True)
opt = SGLD([w], lr=1e-2, num_data=N)
print(opt, opt.defaults)
trace = []
for t in range(60):
    idx = torch.randperm(N)[:10]
    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(X[idx] @ w, y[idx], reduction="sum") * N / 10 \
            + 0.5 * (w ** 2).sum()
        loss.backward()
        return loss
    loss = opt.step(closure)
    trace.append(w.detach().clone())
trace = torch.stack(trace)
print(loss, trace[20:].mean(0), trace[20:].var(0, unbiased=True))
print(opt.state_dict()["param_groups"])
try:
    SGLD([w], lr=0)
except ValueError as e:
    print(e)

# %%
# MALA: Langevin proposal with a Metropolis correction, batched chains
torch.manual_seed(3)
chains = torch.zeros(4, 2)
eps = 0.05
acc = torch.zeros(4)
def batched_grad(q):
    q = q.detach().requires_grad_()
    u = torch.stack([U(qi) for qi in q])
    g, = torch.autograd.grad(u.sum(), q)
    return u.detach(), g
for t in range(15):
    u0, g0 = batched_grad(chains)
    prop = chains - eps * g0 + math.sqrt(2 * eps) * torch.randn_like(chains)
    u1, g1 = batched_grad(prop)
    log_fwd = -((prop - chains + eps * g0) ** 2).sum(1) / (4 * eps)
    log_bwd = -((chains - prop + eps * g1) ** 2).sum(1) / (4 * eps)
    log_alpha = (u0 - u1 + log_bwd - log_fwd).clamp(max=0)
    accept = torch.rand(4).log() < log_alpha
    chains = torch.where(accept[:, None], prop, chains)
    acc += accept
print(acc / 15, chains)
for f in [lambda: torch.autograd.grad(U(torch.zeros(2)), torch.zeros(2)),
          lambda: torch.autograd.grad(U(torch.zeros(2, requires_grad=True)).detach(), []),
          lambda: torch.where(accept, prop, chains),
          lambda: torch.rand(2, 2) < torch.exp(torch.ones(3))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
