# Imitates a "sorting, ranking and unique" quiz notebook: NaN placement in sort/argsort/topk, descending ties with
# stable sorts, msort, unique with dim/return_inverse/return_counts, unique_consecutive, ranks via double argsort.
import torch

x = torch.tensor([3.0, float('nan'), 1.0, 2.0, float('nan'), -1.0])
print(torch.sort(x))
print(torch.sort(x, descending=True))
print(torch.argsort(x), torch.argsort(x, descending=True))
print(x.topk(2), x.topk(2, largest=False))
print(x.max(), x.argmax(), x.min(), torch.nanmean(x), x.nansum())

# %%
t = torch.tensor([2, 1, 2, 3, 1, 2])
print(torch.sort(t, stable=True), torch.sort(t, descending=True, stable=True))
print(torch.argsort(t, stable=True), torch.argsort(t, descending=True, stable=True))
ranks = t.argsort().argsort()
print(ranks, torch.msort(torch.tensor([[3, 1], [1, 2], [2, 0]])))
u = torch.tensor([250, 3, 7], dtype=torch.uint8)
print(u.sort(descending=True), torch.tensor([True, False, True]).sort())
print(torch.tensor([-2 ** 63, 5, -1]).sort(descending=True))

# %%
m = torch.tensor([[1, 2], [3, 4], [1, 2], [0, 9]])
print(torch.unique(m, dim=0))
vals, inv, cnt = torch.unique(m, dim=0, return_inverse=True, return_counts=True)
print(vals, inv, cnt)
print(torch.unique(torch.tensor([3, 1, 3, 2, 1]), sorted=True, return_inverse=True))
print(torch.unique(m, dim=1), torch.unique(torch.tensor([2.0, float('nan'), 2.0, float('nan')])))

# %%
c = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
print(torch.unique_consecutive(c))
print(torch.unique_consecutive(c, return_inverse=True, return_counts=True))
print(torch.unique_consecutive(torch.tensor([[1, 1], [1, 1], [2, 3]]), dim=0))
print(c.bincount(), torch.bincount(c, weights=torch.linspace(0, 1, 8)), c.mode())

# %%
s = torch.tensor([[0.1, 0.9, 0.5], [0.7, 0.7, 0.2]])
print(s.sort(dim=1, descending=True, stable=True), s.argsort(dim=0))
print(torch.kthvalue(s, 2, dim=1), torch.median(s, dim=1), s.flatten().median())
print(torch.searchsorted(torch.tensor([1, 3, 5, 7]), torch.tensor([3, 6, 9]), side="right"))
print(torch.bucketize(torch.tensor([0.5, 3.0, 7.5]), torch.tensor([1.0, 3.0, 5.0]), right=True))
