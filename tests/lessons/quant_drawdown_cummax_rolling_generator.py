# Imitates risk-report notebooks in PyTorch: daily returns drawn with a torch.Generator (seeded, state saved and
# restored), equity curves with cumprod / cumsum of log-returns, running peaks and drawdowns with torch.cummax
# (values and indices, gradients through the running max), rolling volatility with Tensor.unfold, historical VaR and
# CVaR with torch.sort / kthvalue / topk / quantile along a dim, and the errors learners meet (cummax without dim,
# quantile on an integer tensor, a generator passed as a seed).
import torch

# %%
g = torch.Generator().manual_seed(2024)
print(g.initial_seed(), type(g).__name__)
state = g.get_state()
rets = 0.0004 + 0.012 * torch.randn(250, 3, generator=g, dtype=torch.float64)
g.set_state(state)
rets_again = 0.0004 + 0.012 * torch.randn(250, 3, generator=g, dtype=torch.float64)
print(rets.shape, torch.equal(rets, rets_again), rets[:2])
u = torch.rand(4, generator=g)
print(u, u.dtype)

# %%
equity = torch.cumprod(1 + rets, dim=0)
log_equity = torch.cumsum(torch.log1p(rets), dim=0)
print(torch.allclose(equity.log(), log_equity), equity[-1])
peak, peak_idx = torch.cummax(equity, dim=0)
dd = equity / peak - 1
print(peak[-3:], peak_idx[-5:].T, peak_idx.dtype)
mdd, at = dd.min(dim=0)
print(mdd, at)
res = torch.cummax(equity[:, 0], 0)
print(type(res).__name__, res.values[:5], res.indices[:5])

# %%
x = torch.tensor([1.0, 3.0, 2.0, 3.0, 5.0, 4.0], requires_grad=True)
m, i = x.cummax(0)
print(m, i, m.grad_fn.name())
(m * torch.arange(6.0)).sum().backward()
print(x.grad)
y = torch.tensor([[2.0, 1.0], [2.0, 5.0], [1.0, 5.0]], requires_grad=True)
cm = torch.cummin(y, dim=0)
print(cm.values, cm.indices)
cm.values.sum().backward()
print(y.grad)

# %%
window = 20
rolling = rets[:, 0].unfold(0, window, 1)
print(rolling.shape, rolling.stride(), rolling.is_contiguous())
vol = rolling.std(dim=1) * 252 ** 0.5
print(vol[:4], vol.max(), vol.argmax())
roll_mdd = (rolling.cumsum(1) - rolling.cumsum(1).cummax(1).values).min(1).values
print(roll_mdd[:4])

# %%
port = rets @ torch.tensor([0.5, 0.3, 0.2], dtype=torch.float64)
losses = -port
srt, order = torch.sort(losses, descending=True)
print(srt[:5], order[:5])
alpha = 0.95
k = int((1 - alpha) * losses.numel())
var_sort = srt[k - 1]
cvar = srt[:k].mean()
print(k, var_sort, cvar)
kv = torch.kthvalue(losses, losses.numel() - k + 1)
print(kv, kv.values == var_sort)
top = torch.topk(losses, k)
print(top.values[:3], top.indices[:3], torch.equal(top.values, srt[:k]))
q = torch.quantile(-rets, torch.tensor([0.95, 0.99], dtype=torch.float64), dim=0, keepdim=True)
print(q.shape, q)
print(torch.quantile(losses, 0.95, interpolation="lower"), torch.quantile(losses, 0.95, interpolation="higher"),
      torch.quantile(losses, 0.95, interpolation="midpoint"), torch.quantile(losses, 0.95, interpolation="nearest"))

# %%
try:
    torch.cummax(equity)
except TypeError as e:
    print(type(e).__name__, e)
try:
    torch.quantile(torch.arange(10), 0.5)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.randn(3, generator=1234)
except TypeError as e:
    print(type(e).__name__, e)
try:
    torch.sort(losses, dim=1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    torch.kthvalue(losses, 1000)
except (IndexError, RuntimeError) as e:
    print(type(e).__name__, e)
