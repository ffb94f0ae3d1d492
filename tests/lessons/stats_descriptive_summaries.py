# Imitates an "intro statistics with PyTorch tensors" notebook: descriptive statistics of a small data set (mean,
# median, mode, quantiles, kthvalue, std/var with correction=, var_mean/std_mean, aminmax, cummax), z-scores and
# min-max scaling with keepdim broadcasting, unique with counts and return_inverse, stable sort and argsort, and
# the mistakes learners make: integer tensors to mean/quantile, quantile of float16 or with q out of [0, 1],
# median of an empty tensor, dim/keepdim confusion, NaNs in the data, unique on floats.
import torch

# %%
scores = torch.tensor([72.0, 85.0, 91.0, 66.0, 85.0, 78.0, 94.0, 85.0, 59.0, 88.0])
print(scores.mean(), scores.median(), scores.mode())
print(torch.mode(scores), torch.median(scores, dim=0))
scores.std(), scores.std(correction=0), scores.var(unbiased=False), scores.var(correction=2)

# %%
print(torch.var_mean(scores), torch.std_mean(scores, correction=0))
v, m = torch.var_mean(scores.view(2, 5), dim=1, keepdim=True)
print(v, m)
print(torch.aminmax(scores), scores.aminmax(dim=0))
torch.std_mean(scores.view(2, 5), dim=(0, 1)), torch.var(scores.view(2, 5), 1, True)

# %%
print(torch.kthvalue(scores, 3), scores.kthvalue(1, dim=0, keepdim=True))
print(torch.cummax(scores, dim=0))
print(torch.cummin(scores, 0).values, torch.cumsum(scores, 0) / torch.arange(1, 11))
q = torch.quantile(scores, torch.tensor([0.25, 0.5, 0.75]))
iqr = q[2] - q[0]
q, iqr, torch.quantile(scores, 0.5, interpolation="lower")

# %%
# the mistakes: integer data
ages = torch.tensor([23, 35, 31, 44, 29])
ages.mean()

# %%
torch.quantile(ages, 0.5)

# %%
print(ages.median(), ages.mode(), ages.float().mean(), ages.sum() / len(ages), ages.double().std())
ages.std()

# %%
torch.var(ages)

# %%
torch.quantile(scores.half(), 0.5)

# %%
torch.quantile(scores, [0.25, 0.75])

# %%
print(scores.var(correction=1.5), torch.histc(scores.half(), bins=4), scores.std(0, True, True))
torch.histogram(scores, bins=torch.tensor([50, 70, 90, 100]))

# %%
scores.std(dim=0, unbiased=True, correction=1)

# %%
torch.quantile(scores, 1.5)

# %%
torch.quantile(scores, torch.tensor([-0.1, 0.5]))

# %%
torch.median(torch.tensor([]))

# %%
print(torch.tensor([]).median(dim=0) if False else torch.tensor([]).mean(), torch.tensor([]).std())
torch.tensor([]).max()

# %%
torch.quantile(torch.tensor([]), 0.5)

# %%
torch.kthvalue(scores, 11)

# %%
torch.mode(torch.tensor([]))

# %%
# dim / keepdim confusion
table = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]])
col_mean = table.mean(dim=0)
row_mean = table.mean(dim=1)
print(col_mean, row_mean, table.mean(1, keepdim=True))
table - row_mean

# %%
z = (table - table.mean(dim=0, keepdim=True)) / table.std(dim=0, keepdim=True)
print(z, z.mean(0), z.std(0))
mn, mx = table.aminmax(dim=0, keepdim=True)
scaled = (table - mn) / (mx - mn)
print(scaled)
table.mean(dim=2)

# %%
table.std(dim=(0, 0))

# %%
# NaNs in the data
raw = torch.tensor([3.2, float("nan"), 4.1, 5.0, float("nan"), 2.2])
print(raw.mean(), raw.nanmean(), raw.median(), raw.nanmedian(), raw.max(), raw.sum(), raw.nansum())
print(torch.nanquantile(raw, 0.5), torch.quantile(raw, 0.5), torch.nanquantile(raw, torch.tensor([0.1, 0.9])))
clean = raw[~raw.isnan()]
clean, clean.std(), torch.isnan(raw).sum(), raw.nan_to_num(nan=raw.nanmean().item())

# %%
print(torch.nanquantile(torch.tensor([float("nan")] * 3), 0.5), torch.nanmedian(torch.tensor([float("nan"), 1.0])))
grid = torch.tensor([[1.0, float("nan")], [float("nan"), float("nan")]])
grid.nanmedian(dim=1), grid.nanmean(dim=1), torch.nanquantile(grid, 0.5, dim=1)

# %%
# unique, counts and the inverse: a frequency table
grades = torch.tensor([3, 1, 2, 3, 3, 1, 4, 2, 3])
vals, inv, counts = torch.unique(grades, return_inverse=True, return_counts=True)
print(vals, inv, counts, vals[inv])
print(torch.unique(grades, sorted=False), grades.unique(return_counts=True))
print(torch.unique_consecutive(torch.tensor([1, 1, 2, 2, 3, 1, 1]), return_counts=True, return_inverse=True))
torch.bincount(grades), torch.bincount(grades, minlength=6), counts.float() / counts.sum()

# %%
floats = torch.tensor([0.1 + 0.2, 0.3, 0.30000001, 1 / 3, 0.3333333])
print(torch.unique(floats), torch.unique(floats.double()), (floats * 1e4).round().unique())
torch.unique(torch.tensor([[1, 2], [1, 2], [3, 4]]), dim=0, return_counts=True)

# %%
# sorting: stable sort keeps the order of ties
names_rank = torch.tensor([85, 72, 85, 91, 72, 85])
s = torch.sort(names_rank, stable=True)
print(s, torch.sort(names_rank, descending=True, stable=True).indices)
print(torch.argsort(names_rank, stable=True), torch.argsort(names_rank, descending=True, stable=True))
print(torch.topk(scores, 3), torch.topk(scores, 2, largest=False, sorted=True))
ranks = torch.empty_like(scores).scatter_(0, scores.argsort(), torch.arange(1.0, 11.0))
ranks, scores.argsort().argsort()

# %%
torch.sort(names_rank, stable=True, dim=1)

# %%
torch.argsort(scores, dim=0, stable=True, descending=True), torch.msort(table)

# %%
torch.topk(scores, 11)
