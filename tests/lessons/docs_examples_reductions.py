# Imitates the "Example::" blocks of PyTorch's API reference for the reduction ops (argmax/argmin, amax/amin,
# max/min with dims, aminmax, all/any, logsumexp, mean/nanmean, median/nanmedian, mode, norm, prod, quantile/
# nanquantile, std/var, std_mean/var_mean, sum, unique, unique_consecutive, count_nonzero) pasted cell by cell into
# a notebook, printed as the docs show them.
import torch

# %%
torch.manual_seed(0)
a = torch.randn(4, 4)
print(a)
print(torch.argmax(a))
print(torch.argmax(a, dim=1))
print(torch.argmax(a, dim=1, keepdim=True))
print(torch.argmin(a, dim=1, keepdim=True), a.argmin(0))
print(torch.argmax(torch.tensor([1, 3, 3, 2])), torch.argmin(torch.tensor([[2, 1], [1, 2]]), keepdim=True))
try:
    torch.argmax(torch.tensor([]))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
a = torch.randn(4, 4)
print(a)
print(torch.amax(a, 1))
print(torch.amin(a, 1), torch.amax(a, (0, 1)), torch.amin(a, dim=-1, keepdim=True))
print(torch.max(a), torch.max(a, 1), torch.min(a, 1, keepdim=True))
b = torch.randn(4, 4)
print(torch.max(a, b))
print(torch.amax(torch.tensor([[1, 5], [5, 1]]), dim=0), torch.max(torch.tensor([[1, 5], [5, 1]]), dim=0))
values, indices = torch.min(torch.tensor([[2., 2.], [1., 3.]]), dim=1)
print(values, indices)

# %%
print(torch.aminmax(torch.tensor([1, -3, 5])))
print(torch.aminmax(torch.tensor([[1, -3], [5, 2]]), dim=1, keepdim=True))
print(torch.aminmax(torch.tensor(7.5)))
print(torch.aminmax(torch.tensor([[1., 2.], [float('nan'), 0.]]), dim=0))
try:
    torch.aminmax(torch.tensor([]))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(2)
a = torch.rand(1, 2).bool()
print(a)
print(torch.all(a))
a = torch.arange(0, 3)
print(a)
print(torch.all(a))
a = torch.rand(4, 2).bool()
print(a)
print(torch.all(a, dim=1))
print(torch.all(a, dim=0), torch.any(a, dim=0), torch.any(a, 1, keepdim=True), torch.all(a, dim=(0, 1)))
print(torch.any(torch.tensor([[0.0, 1e-9], [0., 0.]]), dim=1), torch.all(torch.tensor([], dtype=torch.bool)))
print(torch.any(torch.arange(3, dtype=torch.uint8)), torch.all(torch.arange(3, dtype=torch.uint8), dim=0))

# %%
torch.manual_seed(3)
a = torch.randn(3, 3)
print(torch.logsumexp(a, 1))
print(torch.logsumexp(torch.tensor([[-float('inf'), -float('inf')], [1000., 1000.]]), dim=1))
print(torch.logsumexp(torch.arange(4), 0), torch.logsumexp(a, dim=(0, 1), keepdim=True))
a = torch.tensor([[0.2035, 1.2959, 1.8101, -0.4644], [1.5027, -0.3270, 0.5905, 0.6538],
                  [-1.5745, 1.3330, -0.5596, -0.6548], [0.1264, -0.5080, 1.6420, 0.1992]])
print(torch.mean(a, 1))
print(torch.mean(a, 1, True), torch.mean(a, dim=(0, 1)))
x = torch.tensor([[torch.nan, 1, 2], [1, 2, 3]])
print(x.mean())
print(x.nanmean())
print(x.nanmean(dim=0))
print(torch.tensor([torch.nan]).nanmean(), torch.nanmean(x, dim=1, keepdim=True))
try:
    torch.mean(torch.arange(4))
except Exception as e:
    print(type(e).__name__, e)
print(torch.mean(torch.arange(4), dtype=torch.float64))

# %%
torch.manual_seed(4)
a = torch.randn(1, 3)
print(a)
print(torch.median(a))
a = torch.randn(4, 5)
print(a)
print(torch.median(a, 1))
print(torch.median(torch.tensor([1., 4., 2., 3.])), torch.median(torch.tensor([[2, 1, 4, 3]]), dim=1))
a = torch.tensor([[2, 3, 1], [float('nan'), 1, float('nan')]])
print(a.median(0))
print(a.nanmedian(0))
a = torch.tensor([1, float('nan'), 3, 2])
print(a.median(), a.nanmedian())
print(torch.nanmedian(torch.tensor([float('nan'), float('nan')])), torch.median(torch.tensor([[5, 5, 1, 1]]), 1, keepdim=True))

# %%
b = torch.tensor([[0, 0, 0, 2, 0, 0, 2], [0, 3, 0, 0, 2, 0, 1], [2, 2, 2, 0, 0, 0, 3],
                  [2, 2, 3, 0, 1, 1, 0], [1, 1, 0, 0, 2, 0, 2]])
print(torch.mode(b, 0))
print(torch.mode(b, 1, keepdim=True), torch.mode(torch.tensor([3., 1., 3., 1.])))
torch.manual_seed(5)
a = torch.randn(1, 3)
print(torch.prod(a))
a = torch.randn(4, 2)
print(torch.prod(a, 1))
print(torch.prod(torch.tensor([1, 2, 3]), dtype=torch.float64), torch.prod(torch.tensor([[True, False]]), 1))
print(torch.prod(torch.arange(1, 6, dtype=torch.uint8)), torch.prod(torch.arange(1, 6, dtype=torch.int8), 0, dtype=torch.int16))
print(torch.sum(torch.tensor([1, 2, 3], dtype=torch.int8), dtype=torch.float32), torch.sum(torch.ones(2, 3), (0, 1)))
print(torch.sum(torch.arange(4 * 5 * 6).view(4, 5, 6), (2, 1)), torch.sum(torch.tensor([True, True])))

# %%
a = torch.arange(9, dtype=torch.float) - 4
b = a.reshape((3, 3))
print(torch.norm(a))
print(torch.norm(b))
print(torch.norm(a, float('inf')))
print(torch.norm(b, float('inf')))
c = torch.tensor([[1, 2, 3], [-1, 1, 4]], dtype=torch.float)
print(torch.norm(c, dim=0))
print(torch.norm(c, dim=1))
print(torch.norm(c, p=1, dim=1))
d = torch.arange(8, dtype=torch.float).reshape(2, 2, 2)
print(torch.norm(d, dim=(1, 2)))
print(torch.norm(d[0, :, :]), torch.norm(d[1, :, :]))
print(torch.norm(b, p='fro'), torch.norm(b, p='nuc'), torch.norm(c, p=3, dim=1, keepdim=True))
print(torch.norm(torch.tensor([3., 4.]), p=0), torch.norm(torch.tensor([3., -4.]), p=-float('inf')))

# %%
torch.manual_seed(6)
a = torch.randn(2, 3)
print(a)
q = torch.tensor([0.25, 0.5, 0.75])
print(torch.quantile(a, q, dim=1, keepdim=True))
print(torch.quantile(a, q, dim=1, keepdim=True).shape)
a = torch.arange(4.)
print(a)
print(torch.quantile(a, 0.6, interpolation='linear'))
print(torch.quantile(a, 0.6, interpolation='lower'))
print(torch.quantile(a, 0.6, interpolation='higher'))
print(torch.quantile(a, 0.6, interpolation='midpoint'))
print(torch.quantile(a, 0.6, interpolation='nearest'))
print(torch.quantile(a, 0.4, interpolation='nearest'))
t = torch.tensor([float('nan'), 1, 2])
print(t.quantile(0.5))
print(t.nanquantile(0.5))
t = torch.tensor([[float('nan'), float('nan')], [1, 2]])
print(t)
print(t.nanquantile(0.5, dim=0))
print(t.nanquantile(0.5, dim=1))
for bad in [lambda: torch.quantile(torch.arange(4), 0.5), lambda: torch.quantile(a, 1.5),
            lambda: torch.quantile(a, 0.5, interpolation='cubic'), lambda: torch.quantile(a, torch.tensor([0.5]).double())]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
a = torch.tensor([[0.2035, 1.2959, 1.8101, -0.4644], [1.5027, -0.3270, 0.5905, 0.6538],
                  [-1.5745, 1.3330, -0.5596, -0.6548], [0.1264, -0.5080, 1.6420, 0.1992]])
print(torch.std(a, dim=1, keepdim=True))
print(torch.var(a, dim=1, keepdim=True))
print(torch.std(a, correction=0), torch.var(a, 0, unbiased=False), torch.var(a, dim=1, correction=2))
print(torch.std_mean(a, dim=0, keepdim=True))
print(torch.var_mean(a, dim=0, keepdim=True))
print(torch.std_mean(a, unbiased=False), torch.var_mean(a, 1, correction=0))
print(torch.std(torch.tensor([1.])), torch.var(torch.tensor([1., 2.]), correction=3))
try:
    torch.std(torch.arange(3))
except Exception as e:
    print(type(e).__name__, e)

# %%
output = torch.unique(torch.tensor([1, 3, 2, 3], dtype=torch.long))
print(output)
output, inverse_indices = torch.unique(torch.tensor([1, 3, 2, 3], dtype=torch.long), sorted=True, return_inverse=True)
print(output, inverse_indices)
output, inverse_indices = torch.unique(torch.tensor([[1, 3], [2, 3]], dtype=torch.long), sorted=True, return_inverse=True)
print(output, inverse_indices)
a = torch.tensor([[[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]], [[0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 1, 1]],
                  [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]]])
print(torch.unique(a, dim=0))
print(torch.unique(a, dim=1))
print(torch.unique(a, dim=2))
print(torch.unique(a, dim=0, return_inverse=True, return_counts=True))
print(torch.unique(torch.tensor([2., 1., 2., float('nan')]), return_counts=True))

# %%
x = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
output = torch.unique_consecutive(x)
print(output)
output, inverse_indices = torch.unique_consecutive(x, return_inverse=True)
print(output, inverse_indices)
output, counts = torch.unique_consecutive(x, return_counts=True)
print(output, counts)
print(torch.unique_consecutive(torch.tensor([[1, 1], [1, 1], [2, 3]]), dim=0, return_counts=True))
x = torch.zeros(3, 3)
x[torch.randn(3, 3, generator=torch.Generator().manual_seed(0)) > 0.5] = 1
print(x)
print(torch.count_nonzero(x))
print(torch.count_nonzero(x, dim=0), torch.count_nonzero(x, dim=(0, 1)), torch.count_nonzero(torch.tensor([0, 1, 2]), 0))
