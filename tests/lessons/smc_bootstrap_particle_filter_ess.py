# Imitates a tracking / robotics course notebook on Sequential Monte Carlo: a bootstrap particle filter for the
# classic nonlinear growth model, log-weights normalised with torch.logsumexp, the effective sample size, multinomial
# resampling with torch.multinomial(..., replacement=True) and a torch.Generator, ancestry tracking with gather /
# index_select, the log marginal likelihood estimate, and the mistakes learners make (weights that underflow to zero,
# multinomial of a negative or NaN row, float indices).
import math
import torch

torch.manual_seed(0)
T, N = 20, 200
def f(x, t):
    return 0.5 * x + 25 * x / (1 + x ** 2) + 8 * math.cos(1.2 * t)
def h(x):
    return x ** 2 / 20
sig_v, sig_w = math.sqrt(10.0), 1.0
x = torch.tensor(0.1)
xs, ys = [], []
for t in range(T):
    x = f(x, t) + sig_v * torch.randn(())
    xs.append(x)
    ys.append(h(x) + sig_w * torch.randn(()))
xs, ys = torch.stack(xs), torch.stack(ys)
print(xs[:5], ys[:5], xs.dtype, ys.shape)

# %%
def normal_logpdf(y, mu, sigma):
    return -0.5 * ((y - mu) / sigma) ** 2 - math.log(sigma) - 0.5 * math.log(2 * math.pi)

gen = torch.Generator().manual_seed(123)
def bootstrap_pf(ys, N, gen):
    x = torch.randn(N, generator=gen) * 2.0
    loglik = torch.tensor(0.0)
    means, ess_hist, ancestors = [], [], []
    for t, y in enumerate(ys):
        x = f(x, t) + sig_v * torch.randn(N, generator=gen)
        logw = normal_logpdf(y, h(x), sig_w)
        lse = torch.logsumexp(logw, dim=0)
        loglik = loglik + lse - math.log(N)
        w = torch.exp(logw - lse)
        ess = 1.0 / (w ** 2).sum()
        means.append((w * x).sum())
        ess_hist.append(ess)
        idx = torch.multinomial(w, N, replacement=True, generator=gen)
        ancestors.append(idx)
        x = x[idx]
    return torch.stack(means), torch.stack(ess_hist), loglik, torch.stack(ancestors)

means, ess, loglik, anc = bootstrap_pf(ys, N, gen)
print(means[:6])
print(ess[:6], ess.dtype)
print(loglik, loglik.item())
print(anc.shape, anc.dtype, anc[0, :10])
print("rmse", torch.sqrt(((means - xs) ** 2).mean()))

# %%
# ancestry: trace each final particle back to its root
lineage = torch.arange(N)
for t in range(T - 1, -1, -1):
    lineage = anc[t].gather(0, lineage)
print(lineage[:10], lineage.unique().numel())
roots = torch.index_select(anc[0], 0, torch.tensor([0, 5, 7]))
print(roots, roots.dtype)
counts = torch.bincount(anc[-1], minlength=N)
print(counts[:20], counts.sum(), (counts > 0).sum())
# a 2-D gather over a (T, N) path table
paths = torch.randn(T, N, generator=gen)
picked = paths.gather(1, anc)
print(picked.shape, picked[:2, :4])

# %%
# learners' mistakes: weights that underflow
logw = torch.tensor([-800., -805., -810.])
w = torch.exp(logw)
print(w, w.sum())
try:
    print(torch.multinomial(w, 3, replacement=True))
except Exception as e:
    print(type(e).__name__, e)
print(torch.softmax(logw, 0), torch.exp(logw - torch.logsumexp(logw, 0)))
wn = w / w.sum()
print(wn)
try:
    print(torch.multinomial(wn, 3, replacement=True))
except Exception as e:
    print(type(e).__name__, e)

# %%
for bad in [torch.tensor([0.2, -0.1, 0.9]), torch.tensor([0.2, float('nan'), 0.5]),
            torch.tensor([0.2, float('inf'), 0.5]), torch.tensor([[0.5, 0.5], [0.0, 0.0]])]:
    try:
        print(torch.multinomial(bad, 2, replacement=True))
    except Exception as e:
        print(type(e).__name__, e)
try:
    print(torch.multinomial(torch.tensor([0.5, 0.5, 0.0]), 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(torch.multinomial(torch.tensor([1, 2, 3]), 2, replacement=True))
except Exception as e:
    print(type(e).__name__, e)
x = torch.randn(5)
try:
    print(x[torch.tensor([0., 2.])])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(x.gather(0, torch.tensor([0., 2.])))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(torch.index_select(x, 0, torch.tensor([0.0, 1.0])))
except Exception as e:
    print(type(e).__name__, e)
print(x[torch.tensor([0, 2], dtype=torch.int32)], x.index_select(0, torch.tensor([4, 1], dtype=torch.int32)))
