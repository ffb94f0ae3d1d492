# Imitates a Bayesian-statistics course notebook comparing resampling schemes for particle filters: systematic and
# stratified resampling written with torch.cumsum + torch.searchsorted (right=, side=, sorter=, out= and the
# out-of-range indices a learner clamps), residual resampling with floor / multinomial, the variance of the offspring
# counts, batched resampling over several filters at once, and the errors searchsorted raises.
import torch

torch.manual_seed(1)
N = 10
w = torch.softmax(torch.randn(N), 0)
cdf = torch.cumsum(w, dim=0)
print(w, cdf, cdf[-1].item(), cdf.dtype)

# %%
gen = torch.Generator().manual_seed(7)
u0 = torch.rand((), generator=gen)
u_sys = (torch.arange(N) + u0) / N
idx_sys = torch.searchsorted(cdf, u_sys)
print(u_sys, idx_sys, idx_sys.dtype)
u_str = (torch.arange(N, dtype=torch.float32) + torch.rand(N, generator=gen)) / N
idx_str = torch.searchsorted(cdf, u_str, right=True)
print(idx_str, torch.searchsorted(cdf, u_str, side="right"), torch.searchsorted(cdf, u_str, side="left"))
# cdf[-1] may be slightly below 1: clamp
print(idx_sys.max(), idx_sys.clamp(max=N - 1), torch.clamp(idx_str, 0, N - 1))
print(torch.searchsorted(cdf, torch.tensor([0.0, 1.0, 1.5, -0.2])))
print(torch.searchsorted(cdf, torch.tensor([0.0, 1.0, 1.5]), right=True, out_int32=True))
print(torch.searchsorted(cdf, 0.5), torch.searchsorted(cdf, torch.tensor(0.5), right=True))

# %%
def offspring(idx, N):
    return torch.bincount(idx, minlength=N)
def residual_resample(w, gen):
    N = w.numel()
    n_det = torch.floor(N * w).long()
    resid = N * w - n_det
    R = N - n_det.sum()
    det = torch.repeat_interleave(torch.arange(N), n_det)
    if R > 0:
        extra = torch.multinomial(resid / resid.sum(), int(R), replacement=True, generator=gen)
        det = torch.cat([det, extra])
    return det
idx_res = residual_resample(w, gen)
print(idx_res, idx_res.shape)
M = 500
sys_counts, mult_counts = [], []
for _ in range(M):
    u = (torch.arange(N) + torch.rand((), generator=gen)) / N
    sys_counts.append(offspring(torch.searchsorted(cdf, u).clamp(max=N - 1), N))
    mult_counts.append(offspring(torch.multinomial(w, N, replacement=True, generator=gen), N))
sys_counts = torch.stack(sys_counts).float()
mult_counts = torch.stack(mult_counts).float()
print(sys_counts.mean(0), sys_counts.var(0))
print(mult_counts.mean(0), mult_counts.var(0))
print((N * w), sys_counts.var(0).sum() < mult_counts.var(0).sum())

# %%
# batched: B filters, each with its own cdf
B = 3
W = torch.softmax(torch.randn(B, N), dim=-1)
C = W.cumsum(-1)
U = (torch.arange(N).expand(B, N) + torch.rand(B, 1, generator=gen)) / N
I = torch.searchsorted(C, U).clamp_(max=N - 1)
print(I)
P = torch.randn(B, N, 2)
resampled = torch.gather(P, 1, I.unsqueeze(-1).expand(-1, -1, 2))
print(resampled.shape, resampled[0, :3])
I2 = torch.multinomial(W, N, replacement=True, generator=gen)
print(I2, I2.shape)
# sorter: unsorted boundaries
vals = torch.tensor([0.3, 0.1, 0.9, 0.5])
sorter = torch.argsort(vals)
print(torch.searchsorted(vals, torch.tensor([0.2, 0.6]), sorter=sorter))
out = torch.empty(N, dtype=torch.long)
torch.searchsorted(cdf, u_sys, out=out)
print(out)
print(torch.bucketize(u_sys, cdf), torch.bucketize(u_sys, cdf, right=True))
cdf64 = cdf.double()
print(torch.searchsorted(cdf64, u_sys.double()), torch.searchsorted(cdf64, torch.tensor([0.5], dtype=torch.float64)))

# %%
for call in [lambda: torch.searchsorted(cdf, u_sys, side="middle"),
             lambda: torch.searchsorted(cdf, u_sys, right=False, side="right"),
             lambda: torch.searchsorted(C, u_sys),
             lambda: torch.searchsorted(cdf, u_sys.double()),
             lambda: torch.searchsorted(cdf, torch.tensor([1, 2])),
             lambda: torch.searchsorted(cdf, u_sys, out=torch.empty(N)),
             lambda: torch.searchsorted(cdf, u_sys, sorter=torch.tensor([0, 1])),
             lambda: torch.searchsorted(C, U[:2]),
             lambda: torch.bucketize(u_sys, C)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
