# Imitates Monte Carlo chapters of scientific-computing courses taught with PyTorch: estimating pi and integrals
# with torch.rand / torch.randn from a torch.Generator (seeding, get_state / set_state, two independent streams),
# standard errors and the 1/sqrt(N) convergence, quasi-Monte Carlo with torch.quasirandom.SobolEngine (scrambled,
# fast_forward, draw_base2, reset), antithetic variates, reparameterised (pathwise) gradients of an expectation,
# and the mistakes: a generator on the wrong argument, a sample size that is not a power of two, drawing in float16.
import math
import torch
from torch.quasirandom import SobolEngine

# %%
gen = torch.Generator().manual_seed(42)
print(gen.initial_seed(), gen.device)
pts = torch.rand(10000, 2, generator=gen)
inside = (pts.pow(2).sum(dim=1) <= 1).float()
est = 4 * inside.mean()
se = 4 * inside.std() / math.sqrt(len(inside))
print(est, se, inside.dtype)

# %%
# the same numbers again: reseeding, and get_state / set_state
state = gen.get_state()
a = torch.rand(3, generator=gen)
gen.set_state(state)
b = torch.rand(3, generator=gen)
print(a, torch.equal(a, b), state.dtype, state.shape)
print(torch.rand(2, generator=torch.Generator().manual_seed(42)), torch.Generator().manual_seed(42).seed() > 0)

# %%
# two streams do not share state; the global generator is untouched
torch.manual_seed(0)
g1, g2 = torch.Generator().manual_seed(1), torch.Generator().manual_seed(1)
print(torch.randn(2, generator=g1), torch.randn(2, generator=g2), torch.randn(2))
print(torch.randint(0, 10, (5,), generator=g1), torch.randperm(5, generator=g1), torch.normal(0.0, 1.0, (3,), generator=g1))
print(torch.empty(3).uniform_(-1, 1, generator=g1), torch.empty(3).normal_(generator=g1), torch.multinomial(torch.ones(4), 2, generator=g1))
print(torch.bernoulli(torch.full((4,), 0.5), generator=g1), torch.poisson(torch.ones(3), generator=g1), torch.empty(2).exponential_(generator=g1))

# %%
# convergence: the error falls as 1/sqrt(N)
gen.manual_seed(0)
for N in (100, 1000, 10000, 100000):
    x = torch.rand(N, generator=gen)
    fx = torch.exp(-x ** 2)
    print(N, f"{fx.mean().item():.5f}", f"{(fx.std() / N ** 0.5).item():.5f}")
print(math.sqrt(math.pi) / 2 * math.erf(1), torch.special.erf(torch.tensor(1.0)) * math.sqrt(math.pi) / 2)

# %%
# antithetic variates
gen.manual_seed(0)
u = torch.rand(5000, generator=gen)
plain = torch.exp(-u ** 2)
anti = 0.5 * (torch.exp(-u ** 2) + torch.exp(-(1 - u) ** 2))
print(plain.mean(), plain.var(), anti.mean(), anti.var(), (plain.var() / anti.var()).round(decimals=2))

# %%
torch.rand(3, generator=gen, dtype=torch.int64)

# %%
torch.rand(3, gen)

# %%
torch.randn(3, generator=42)

# %%
torch.Generator().manual_seed(-1).initial_seed(), torch.Generator().manual_seed(2 ** 64 - 1).initial_seed()

# %%
torch.Generator().manual_seed(2 ** 64)

# %%
torch.Generator().manual_seed(1.5)

# %%
gen.set_state(torch.zeros(5))

# %%
torch.rand(3, dtype=torch.float16, generator=torch.Generator().manual_seed(0)), torch.rand(2, dtype=torch.float64, generator=torch.Generator().manual_seed(0))

# %%
# quasi-Monte Carlo with Sobol points
sob = SobolEngine(dimension=2, scramble=False)
print(sob)
print(sob.draw(4))
print(sob.draw(4), sob.num_generated)
sob.reset()
print(sob.draw(2, dtype=torch.float64))

# %%
sob = SobolEngine(dimension=2, scramble=True, seed=7)
q = sob.draw(1024)
print(q.shape, q.dtype, q.min() >= 0, q.max() < 1, q[:3])
est_q = 4 * (q.pow(2).sum(1) <= 1).float().mean()
print(est_q, (est_q - math.pi).abs())

# %%
sob = SobolEngine(3, seed=0)
print(sob.draw_base2(3))
sob.fast_forward(8)
print(sob.num_generated, sob.draw(2))

# %%
SobolEngine(dimension=2).draw_base2(2).shape, SobolEngine(2).draw(3, out=torch.empty(3, 2)).shape

# %%
sob = SobolEngine(2)
sob.draw(3)
sob.draw_base2(2)

# %%
SobolEngine(dimension=0)

# %%
SobolEngine(dimension=30000)

# %%
SobolEngine(2).draw(3, dtype=torch.int64)

# %%
# QMC vs MC for an integral in 4 dimensions
def integrand(x):
    return torch.prod(1 + 0.5 * (x - 0.5), dim=1)

mc = integrand(torch.rand(4096, 4, generator=torch.Generator().manual_seed(3))).mean()
qmc = integrand(SobolEngine(4, scramble=True, seed=3).draw(4096)).mean()
print(mc, qmc, (mc - 1).abs() > (qmc - 1).abs())

# %%
# pathwise gradient of E[(mu + sigma * eps)^2] = mu^2 + sigma^2
mu = torch.tensor(1.0, requires_grad=True)
log_sigma = torch.tensor(0.0, requires_grad=True)
eps = torch.randn(20000, generator=torch.Generator().manual_seed(5))
samples = mu + log_sigma.exp() * eps
obj = (samples ** 2).mean()
obj.backward()
print(obj, mu.grad, log_sigma.grad)

# %%
# the score-function way with a Normal distribution, sampled with rsample and sample
d = torch.distributions.Normal(mu, log_sigma.exp())
torch.manual_seed(0)
s = d.rsample((5,))
print(s.grad_fn, d.sample((2,)).requires_grad, d.log_prob(s).shape)
print(d.rsample((2,), generator=None) if False else d.entropy())

# %%
# Mistake: sampling from the reparameterised samples after backward kept them in a python list
vals = []
for i in range(3):
    x = mu + torch.randn((), generator=torch.Generator().manual_seed(i))
    vals.append(x)
print(vals)
print(torch.tensor(vals))

# %%
torch.stack(vals).mean().backward()
print(mu.grad)

# %%
torch.randn(2, 3, generator=torch.Generator().manual_seed(0)).numpy().round(4), torch.rand(2, generator=torch.Generator(device="cpu").manual_seed(0))

# %%
torch.Generator(device="cuda")
