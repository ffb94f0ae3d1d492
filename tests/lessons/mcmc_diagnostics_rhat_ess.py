# Imitates the "diagnosing your sampler" notebooks that follow a hand-written sampler in probabilistic-ML courses:
# several random-walk Metropolis chains on a banana target, traces kept in preallocated buffers (out=), the
# Gelman-Rubin R-hat from within- and between-chain variances, effective sample size from the FFT autocorrelation,
# posterior summaries with torch.quantile / torch.median credible intervals, and the mistakes: writing samples that
# still require grad into an out= buffer, a cumulative mean into an integer buffer, a quantile tensor of another
# dtype, and the lower median of an even number of draws compared with numpy's.
import math
import numpy as np
import torch

torch.manual_seed(0)


def log_target(x):
    return -0.5 * x[..., 0] ** 2 - 0.5 * (x[..., 1] - 0.5 * x[..., 0] ** 2) ** 2


def rw_metropolis(n_chains, n_steps, step=0.8):
    x = torch.randn(n_chains, 2) * 2
    trace = torch.empty(n_steps, n_chains, 2)
    accepted = torch.zeros(n_chains)
    for t in range(n_steps):
        prop = x + step * torch.randn_like(x)
        log_alpha = log_target(prop) - log_target(x)
        acc = torch.rand(n_chains).log() < log_alpha
        x = torch.where(acc[:, None], prop, x)
        accepted += acc
        trace[t] = x
    return trace, accepted / n_steps


trace, acc = rw_metropolis(4, 400)
print(trace.shape, acc)
print(trace[-3:, 0])

# %%
def rhat(chains):
    # chains: (n_steps, n_chains)
    n = chains.shape[0]
    means = chains.mean(0)
    W = chains.var(0, unbiased=True).mean()
    B = n * means.var(unbiased=True)
    var_hat = (n - 1) / n * W + B / n
    return torch.sqrt(var_hat / W)


burn = trace[100:]
print([round(rhat(burn[:, :, d]).item(), 4) for d in range(2)])
print(rhat(trace[:50, :, 0]), rhat(burn[:, :, 1]))

# %%
def autocorr(x):
    n = x.shape[0]
    x = x - x.mean()
    f = torch.fft.rfft(x, n=2 * n)
    ac = torch.fft.irfft(f * f.conj(), n=2 * n)[:n]
    return ac / ac[0]


def ess(x):
    rho = autocorr(x)
    neg = torch.nonzero(rho < 0)
    cut = int(neg[0]) if len(neg) else len(rho)
    return x.shape[0] / (1 + 2 * rho[1:cut].sum())


print(autocorr(burn[:, 0, 0])[:4])
print(torch.stack([ess(burn[:, c, 0]) for c in range(4)]))

# %%
flat = burn.reshape(-1, 2)
q = torch.tensor([0.025, 0.5, 0.975])
print(torch.quantile(flat, q, dim=0))
print(flat.median(dim=0), flat[:, 0].quantile(0.5))
even = torch.unique(flat[:, 0])[:6]   # (a random-walk chain repeats its rejected states: distinct values)
print(torch.median(even), np.median(even.numpy()), torch.quantile(even, 0.5))
try:
    torch.quantile(flat, q.double(), dim=0)
except RuntimeError as e:
    print(e)
try:
    torch.quantile(flat.long(), 0.5)
except RuntimeError as e:
    print(e)

# %%
# running means into preallocated buffers
buf = torch.empty(burn.shape[0], 2)
torch.cumsum(burn[:, 0], 0, out=buf)
running = buf / torch.arange(1, burn.shape[0] + 1)[:, None]
print(running[[0, 99, 299]])
ibuf = torch.empty(5, dtype=torch.long)
print(torch.cumsum(torch.tensor([0.5, 1.5, 2.5, 0.4, 0.9]), 0, out=ibuf))
try:
    torch.cumsum(burn[:, 0], 0, dtype=torch.float64, out=buf)
except RuntimeError as e:
    print(e)
lo = torch.empty(2)
torch.quantile(flat, 0.05, dim=0, out=lo)
print(lo)
try:
    torch.quantile(flat, 0.05, dim=0, out=torch.empty(2, dtype=torch.float64))
except RuntimeError as e:
    print(e)

# %%
# gradients leak into the trace buffer when the sampler uses autograd
x = torch.zeros(3, 2, requires_grad=True)
g, = torch.autograd.grad(log_target(x).sum(), x, create_graph=True)
step = x + 0.1 * g
out = torch.empty(0)
try:
    torch.hstack([step, step], out=out)
except RuntimeError as e:
    print(e)
try:
    torch.square(step, out=out)
except RuntimeError as e:
    print(e)
print(torch.gt(step, 0.0, out=torch.empty(0, dtype=torch.bool)))
q_out = torch.empty(0)
print(torch.quantile(step, 0.5, dim=0, out=q_out), q_out.grad_fn)
with torch.no_grad():
    print(torch.hstack([step, step], out=out).shape, out.requires_grad)
