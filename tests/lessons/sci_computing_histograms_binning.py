# Imitates the "PyTorch for scientific computing" notebooks on data summaries and binning: histograms with histc
# and torch.histogram (edges, density, weights), bucketize and searchsorted to discretise a feature (right=,
# side=, sorter=, out_int32=), empirical CDFs and quantiles, equal-frequency bins, inverse-CDF sampling with
# searchsorted over a cumulative sum, a 2-D histogram with histogramdd, and one-hot binned features for a model.
import torch

# %%
torch.manual_seed(0)
x = torch.randn(500)
h = torch.histc(x, bins=10, min=-3, max=3)
print(h, h.sum(), (x.abs() > 3).sum())
counts, edges = torch.histogram(x, bins=8)
print(counts, edges)
torch.histc(torch.tensor([1.0, 2.0, 1.0]), bins=4, min=0, max=3), torch.histc(torch.tensor([1.0, 1.0]), bins=3)

# %%
hist = torch.histogram(x, bins=torch.tensor([-3.0, -1.0, 0.0, 0.5, 1.0, 3.0]), density=True)
print(hist.hist, hist.bin_edges)
widths = hist.bin_edges.diff()
print((hist.hist * widths).sum())
w = torch.rand(500)
hw = torch.histogram(x, bins=5, range=(-2.0, 2.0), weight=w)
hw, torch.histogram(torch.arange(6.0), bins=3)

# %%
boundaries = torch.tensor([-1.0, 0.0, 1.0])
v = torch.tensor([-2.0, -1.0, -0.5, 0.0, 0.3, 1.0, 2.5])
print(torch.bucketize(v, boundaries), torch.bucketize(v, boundaries, right=True))
print(torch.searchsorted(boundaries, v), torch.searchsorted(boundaries, v, right=True),
      torch.searchsorted(boundaries, v, side="right"))
b32 = torch.bucketize(v, boundaries, out_int32=True)
print(b32, b32.dtype)
sorted_rows = torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]])
torch.searchsorted(sorted_rows, torch.tensor([[3, 6, 9], [3, 6, 9]])), torch.searchsorted(sorted_rows, torch.tensor([[5], [5]]), right=True)

# %%
unsorted = torch.tensor([5.0, 1.0, 4.0, 2.0])
order = torch.argsort(unsorted)
idx = torch.searchsorted(unsorted, torch.tensor([3.0, 0.0, 6.0]), sorter=order)
print(order, idx)
print(torch.searchsorted(torch.tensor([1.0, 2.0, 2.0, 2.0, 3.0]), torch.tensor(2.0)),
      torch.searchsorted(torch.tensor([1.0, 2.0, 2.0, 2.0, 3.0]), 2.0, right=True))
torch.bucketize(3, torch.tensor([1, 3, 5])), torch.bucketize(torch.tensor([[1, 6], [3, 4]]), torch.tensor([1, 3, 5]))

# %%
# an empirical CDF and quantiles; equal-frequency bins from the quantiles
xs, _ = torch.sort(x)
ecdf = lambda t: torch.searchsorted(xs, t, right=True).float() / len(xs)
print(ecdf(torch.tensor([-1.0, 0.0, 1.0])))
q = torch.quantile(x, torch.tensor([0.25, 0.5, 0.75]))
print(q, torch.quantile(x, 0.5, interpolation="nearest"), torch.quantile(x, 0.9, interpolation="lower"),
      torch.quantile(x, 0.9, interpolation="higher"), torch.quantile(x, 0.9, interpolation="midpoint"))
edges_q = torch.quantile(x, torch.linspace(0, 1, 5))
binned = torch.bucketize(x, edges_q[1:-1])
print(edges_q, binned.bincount())
torch.nanquantile(torch.tensor([1.0, float("nan"), 3.0, 2.0]), 0.5), torch.quantile(torch.arange(12.0).view(3, 4), 0.5, dim=1, keepdim=True)

# %%
# inverse-CDF sampling from a discrete distribution with searchsorted over a cumulative sum
probs = torch.tensor([0.1, 0.2, 0.4, 0.3])
cdf = torch.cumsum(probs, 0)
torch.manual_seed(1)
u = torch.rand(2000)
draws = torch.searchsorted(cdf, u).clamp(max=3)
freq = draws.bincount(minlength=4).float() / 2000
print(cdf, freq)
torch.manual_seed(1)
m = torch.multinomial(probs, 2000, replacement=True)
m.bincount(minlength=4), torch.histc(draws.float(), bins=4, min=0, max=3)

# %%
pts = torch.randn(300, 2)
H, bin_edges = torch.histogramdd(pts, bins=[4, 3], range=[-2.0, 2.0, -3.0, 3.0])
print(H, H.sum())
bin_edges

# %%
# binned one-hot features feeding a linear model
edges_b = torch.linspace(-2, 2, 6)
feat = torch.nn.functional.one_hot(torch.bucketize(x[:200], edges_b), num_classes=len(edges_b) + 1).float()
target = (x[:200] > 0.5).float()
lin = torch.nn.Linear(feat.shape[1], 1)
torch.nn.init.zeros_(lin.weight)
torch.nn.init.zeros_(lin.bias)
opt = torch.optim.SGD(lin.parameters(), lr=1.0)
for step in range(30):
    loss = torch.nn.functional.binary_cross_entropy_with_logits(lin(feat).squeeze(1), target)
    opt.zero_grad()
    loss.backward()
    opt.step()
print(feat.sum(0), round(loss.item(), 4))
lin.weight
