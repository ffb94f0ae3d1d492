# Imitates a "histogram-based GBDT (LightGBM style)" lesson: quantile bin edges with torch.quantile, binning with
# torch.bucketize, gradient / hessian histograms with bincount(weights=...) and scatter_add_, split search over bins,
# and the mistakes learners make (negative or float bincount indices, unsorted boundaries, int/float scatter_add_).
import torch

torch.manual_seed(1)

# %%
n, n_bins = 40, 8
x = torch.randn(n, 2)
y = (x[:, 0] * 2 - x[:, 1] > 0.3).float()
q = torch.linspace(0, 1, n_bins + 1)[1:-1]
edges = torch.quantile(x, q, dim=0)
print(q, edges.shape, edges.dtype)
print(edges)
print(torch.quantile(x[:, 0], 0.5), torch.quantile(x[:, 0], torch.tensor([0.25, 0.75]), interpolation="lower"))
print(torch.quantile(x[:, 0], 0.3, interpolation="nearest"), torch.quantile(x[:, 0], 0.3, interpolation="midpoint"),
      torch.quantile(x[:, 0], 0.3, interpolation="higher"), torch.nanquantile(x[:, 0], 0.3))

# %%
bins = torch.stack([torch.bucketize(x[:, f].contiguous(), edges[:, f].contiguous()) for f in range(2)], 1)
print(bins[:10].T, bins.dtype, bins.max())
print(torch.bucketize(x[:5, 0], edges[:, 0].contiguous(), right=True), torch.bucketize(x[:5, 0], edges[:, 0].contiguous(), out_int32=True).dtype)
print(torch.bucketize(torch.tensor(0.1), torch.tensor([-1., 0., 1.])), torch.bucketize(0.5, torch.tensor([0., 1.])))
print(torch.searchsorted(edges[:, 0].contiguous(), x[:5, 0]), torch.searchsorted(edges.T.contiguous(), x[:5].T.contiguous()))

# %%
p = torch.full((n,), y.mean().item())
raw = torch.log(p / (1 - p))
g, h = torch.sigmoid(raw) - y, torch.sigmoid(raw) * (1 - torch.sigmoid(raw))
f = 0
Gh = torch.bincount(bins[:, f], weights=g, minlength=n_bins)
Hh = torch.bincount(bins[:, f], weights=h, minlength=n_bins)
Ch = torch.bincount(bins[:, f], minlength=n_bins)
print(Gh, Gh.dtype, Hh.dtype, Ch, Ch.dtype)
G2 = torch.zeros(n_bins).scatter_add_(0, bins[:, f], g)
H2 = torch.zeros(n_bins).scatter_add(0, bins[:, f], h)
print(torch.allclose(G2, Gh.float()), (G2 - Gh).abs().max(), H2)
print(torch.bincount(bins[:, f], weights=g.double()).dtype, torch.bincount(bins[:, f], weights=g.half()).dtype)
hist2d = torch.zeros(2, n_bins).scatter_add_(1, bins.T.contiguous(), torch.stack([g, g]))
print(hist2d)

# %%
lam, gamma = 1.0, 0.0
GL, HL = Gh.cumsum(0)[:-1], Hh.cumsum(0)[:-1]
G, H = Gh.sum(), Hh.sum()
gain = 0.5 * (GL ** 2 / (HL + lam) + (G - GL) ** 2 / (H - HL + lam) - G ** 2 / (H + lam)) - gamma
gain = torch.where(Ch.cumsum(0)[:-1] >= 3, gain, torch.full_like(gain, -1e9))
b = gain.argmax()
print(gain, b, gain.max(), edges[b, f])
print(-GL[b] / (HL[b] + lam), -(G - GL[b]) / (H - HL[b] + lam))

# %%
wt = torch.zeros(n_bins, requires_grad=True)
pred = wt[bins[:, 0]]
loss = torch.nn.functional.binary_cross_entropy_with_logits(pred + raw, y)
loss.backward()
print(loss, pred.grad_fn, wt.grad)
wt2 = torch.zeros(n_bins, requires_grad=True)
acc = torch.zeros(n_bins).scatter_add(0, bins[:, 0], torch.sigmoid(raw + wt2[bins[:, 0]]) - y)
acc.sum().backward()
print(acc.grad_fn, wt2.grad)

# %%
for expr in ["torch.bincount(torch.tensor([0, -1, 2]))", "torch.bincount(torch.tensor([0., 1., 2.]))",
             "torch.bincount(torch.tensor([[0, 1]]))", "torch.bincount(torch.tensor([0, 1]), weights=torch.tensor([1.]))",
             "torch.bincount(torch.tensor([0, 1]), minlength=-1)", "torch.bincount(torch.tensor([], dtype=torch.long))",
             "torch.bincount(torch.tensor([True, False, True]))", "torch.bincount(torch.tensor([1, 2], dtype=torch.uint8), weights=torch.tensor([1, 2]))",
             "torch.bucketize(torch.tensor([0.5, 2.5]), torch.tensor([3., 1., 2.]))",
             "torch.bucketize(torch.tensor([1, 2]), torch.tensor([[1, 2], [3, 4]]))",
             "torch.bucketize(torch.tensor([1., 2.]), torch.tensor([1, 3]))",
             "torch.zeros(3).scatter_add_(0, torch.tensor([0, 1]), torch.tensor([1, 2]))",
             "torch.zeros(3, dtype=torch.long).scatter_add_(0, torch.tensor([0, 1]), torch.tensor([1., 2.]))",
             "torch.zeros(3).scatter_add_(0, torch.tensor([0., 1.]), torch.tensor([1., 2.]))",
             "torch.zeros(3).scatter_add_(0, torch.tensor([0, 5]), torch.tensor([1., 2.]))",
             "torch.zeros(3).scatter_add_(0, torch.tensor([0, 1], dtype=torch.int32), torch.tensor([1., 2.]))",
             "torch.zeros(3).index_add_(0, torch.tensor([0, 1]), torch.tensor([1, 2]))",
             "torch.zeros(3).index_add_(0, torch.tensor([0., 1.]), torch.tensor([1., 2.]))",
             "torch.quantile(torch.tensor([1, 2, 3]), 0.5)", "torch.quantile(torch.tensor([1., 2.]), 1.5)",
             "torch.quantile(torch.tensor([1., 2.]), torch.tensor([0.5], dtype=torch.float64))",
             "torch.quantile(torch.tensor([1., 2.]), 0.5, interpolation='mean')",
             "torch.quantile(torch.tensor([]), 0.5)", "torch.quantile(torch.tensor([1., float('nan')]), 0.5)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
