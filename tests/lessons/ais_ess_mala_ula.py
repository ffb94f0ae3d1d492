# Imitates the sampling chapters of probabilistic-ML courses after HMC: unadjusted Langevin (ULA) and the
# Metropolis-adjusted Langevin algorithm (MALA) with its asymmetric proposal correction, importance sampling with
# self-normalised weights, effective sample size with torch.logsumexp, and annealed importance sampling from a
# broad Gaussian to a bimodal target along a geometric path with a few MALA moves per temperature.
import math
import torch
from torch.distributions import Normal, MultivariateNormal

torch.manual_seed(0)


def log_target(x):
    # unnormalised mixture of two 1-D Gaussians, batched over the first dims
    a = -0.5 * ((x - 2.0) / 0.6) ** 2
    b = -0.5 * ((x + 2.0) / 0.6) ** 2
    return torch.logsumexp(torch.stack([a, b]), dim=0).sum(-1)


def grad_log(x):
    x = x.detach().requires_grad_(True)
    lp = log_target(x)
    return lp.detach(), torch.autograd.grad(lp.sum(), x)[0]


x = torch.linspace(-3, 3, 7).unsqueeze(-1)
lp, g = grad_log(x)
print(lp, g.squeeze(-1))

# %%
def ula(x, step, n):
    for _ in range(n):
        _, g = grad_log(x)
        x = x + step * g + math.sqrt(2 * step) * torch.randn_like(x)
    return x


torch.manual_seed(1)
xs = ula(torch.zeros(200, 1), 0.05, 50)
print(xs.mean(), xs.std(), (xs > 0).float().mean())
print(torch.histc(xs, bins=6, min=-4, max=4))

# %%
def mala_step(x, step):
    lp, g = grad_log(x)
    prop = x + step * g + math.sqrt(2 * step) * torch.randn_like(x)
    lp_p, g_p = grad_log(prop)
    log_q_fwd = Normal(x + step * g, math.sqrt(2 * step)).log_prob(prop).sum(-1)
    log_q_bwd = Normal(prop + step * g_p, math.sqrt(2 * step)).log_prob(x).sum(-1)
    log_alpha = lp_p + log_q_bwd - lp - log_q_fwd
    accept = torch.rand(x.shape[0]).log() < log_alpha
    return torch.where(accept.unsqueeze(-1), prop, x), accept


torch.manual_seed(2)
x = torch.zeros(100, 1)
rates = []
for t in range(30):
    x, acc = mala_step(x, 0.1)
    rates.append(acc.float().mean())
rates = torch.stack(rates)
print(rates[:5], rates.mean())
print(x.mean(), x.var(), x.median())

# %%
# importance sampling with a broad Gaussian proposal and the effective sample size
torch.manual_seed(4)
proposal = Normal(0.0, 3.0)
z = proposal.sample((500, 1))
log_w = log_target(z) - proposal.log_prob(z).sum(-1)
log_Z = torch.logsumexp(log_w, 0) - math.log(500)
w = torch.softmax(log_w, 0)
ess = 1.0 / (w ** 2).sum()
ess2 = torch.exp(2 * torch.logsumexp(log_w, 0) - torch.logsumexp(2 * log_w, 0))
print(log_Z, math.log(2 * math.sqrt(2 * math.pi) * 0.6))
print(ess, ess2, torch.isclose(ess, ess2))
# the running estimate of log Z as the samples come in
running = torch.logcumsumexp(log_w, 0) - torch.log(torch.arange(1, 501, dtype=torch.float32))
print(running[[0, 9, 99, 499]])
try:
    torch.logcumsumexp(log_w)
except TypeError as e:
    print("TypeError:", e)
try:
    torch.logcumsumexp(log_w, 0, out=torch.empty(500, dtype=torch.float64))
except RuntimeError as e:
    print(e)
print((w[:, None] * z).sum(0), (w[:, None] * z ** 2).sum(0))

# %%
big = torch.tensor([1000.0, 1001.0, 999.0])
# the learner's naive log of a sum of exponentials overflows, then forgets the dim
try:
    torch.logsumexp(big)
except TypeError as e:
    print("TypeError:", e)
try:
    torch.logsumexp(big, 0, out=torch.empty((), dtype=torch.long))
except RuntimeError as e:
    print(e)
print(torch.log(torch.exp(big).sum()), torch.logsumexp(big, 0), big.logsumexp(dim=-1, keepdim=True))
print(torch.logsumexp(torch.tensor([-float('inf'), -float('inf')]), 0), torch.logsumexp(torch.empty(0), 0))
print(torch.logsumexp(torch.tensor([[1.0, 2.0], [3.0, 4.0]]), dim=(0, 1)), torch.logsumexp(torch.tensor([float('inf'), 1.0]), 0))
try:
    torch.logsumexp(torch.tensor([1, 2, 3]), 0)
except RuntimeError as e:
    print(e)
print(torch.logsumexp(torch.tensor([1, 2, 3]), 0))

# %%
# annealed importance sampling along a geometric path
def ais(n, betas, step=0.05, moves=2):
    init = Normal(0.0, 3.0)
    x = init.sample((n, 1))
    log_w = torch.zeros(n)
    log_p0 = lambda x: init.log_prob(x).sum(-1)
    for b0, b1 in zip(betas[:-1], betas[1:]):
        log_w = log_w + (b1 - b0) * (log_target(x) - log_p0(x))
        for _ in range(moves):
            xg = x.detach().requires_grad_(True)
            lp = (1 - b1) * log_p0(xg) + b1 * log_target(xg)
            g, = torch.autograd.grad(lp.sum(), xg)
            x = (xg + step * g + math.sqrt(2 * step) * torch.randn_like(x)).detach()
    return x, log_w


torch.manual_seed(5)
betas = torch.linspace(0, 1, 11)
xa, log_wa = ais(200, betas)
print(betas[:3], log_wa.shape, log_wa.requires_grad)
print(torch.logsumexp(log_wa, 0) - math.log(200))
wa = torch.softmax(log_wa, 0)
print(1.0 / (wa ** 2).sum(), (wa[:, None] * xa).sum())
