# Imitates the "Example::" blocks of PyTorch's Tensor reference for the index family (Tensor.index_add_ with
# alpha, index_copy_, index_fill_, index_reduce_ with 'prod' / 'mean' / 'amax' / 'amin' and include_self,
# take, take_along_dim) typed into a notebook by a learner, seeded instead of unseeded randn, plus the errors
# a learner meets first (float index, out-of-range index, shape mismatch).
import torch
torch.manual_seed(0)

# %%
x = torch.ones(5, 3)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
index = torch.tensor([0, 4, 2])
print(x.index_add_(0, index, t))
print(x.index_add_(0, index, t, alpha=-1))
print(torch.ones(2, 3).index_add(1, torch.tensor([0, 0]), torch.ones(2, 2), alpha=2.5))
torch.zeros(3, dtype=torch.int64).index_add_(0, torch.tensor([1, 1]), torch.tensor([3, 4]), alpha=2)

# %%
x = torch.zeros(5, 3)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
index = torch.tensor([0, 4, 2])
print(x.index_copy_(0, index, t))
x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
index = torch.tensor([0, 2])
print(x.index_fill_(1, index, -1))
print(torch.arange(6).view(2, 3).index_fill(0, torch.tensor([1]), 7))
print(torch.zeros(2, 2).index_fill_(1, torch.tensor([1]), torch.tensor(2.5)))
torch.zeros(4).index_copy(0, torch.tensor([3, 0]), torch.tensor([1., 2.]))

# %%
x = torch.empty(5, 3).fill_(2)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]], dtype=torch.float)
index = torch.tensor([0, 4, 2, 0])
print(x.index_reduce_(0, index, t, 'prod'))
x = torch.empty(5, 3).fill_(2)
print(x.index_reduce_(0, index, t, 'prod', include_self=False))
for r in ['mean', 'amax', 'amin']:
    x = torch.full((5, 3), 2.)
    print(r, x.index_reduce(0, index, t, r))
    print(r, x.index_reduce(0, index, t, r, include_self=False))
torch.tensor([4, 4, 4]).index_reduce_(0, torch.tensor([0, 0, 2]), torch.tensor([1, 2, 9]), 'mean')

# %%
src = torch.tensor([[4, 3, 5], [6, 7, 8]])
print(torch.take(src, torch.tensor([0, 2, 5])))
print(src.take(torch.tensor([[-1, 0], [1, 2]])))
t = torch.tensor([[10, 30, 20], [60, 40, 50]])
max_idx = torch.argmax(t)
print(torch.take_along_dim(t, max_idx))
sorted_idx = torch.argsort(t, dim=1)
print(torch.take_along_dim(t, sorted_idx, dim=1))
print(t.take_along_dim(torch.tensor([[0], [2]]), dim=1))
torch.take_along_dim(t, torch.tensor([[1, 0, 1]]), dim=0)

# %%
for bad in [lambda: torch.ones(5, 3).index_add_(0, torch.tensor([0., 4.]), torch.ones(2, 3)),
            lambda: torch.ones(5, 3).index_add_(0, torch.tensor([0, 5]), torch.ones(2, 3)),
            lambda: torch.ones(5, 3).index_add_(0, torch.tensor([0, 1]), torch.ones(3, 3)),
            lambda: torch.ones(5, 3).index_add_(0, torch.tensor([0, 1]), torch.ones(2, 3, dtype=torch.float64)),
            lambda: torch.ones(5, 3).index_copy_(0, torch.tensor([0, 1], dtype=torch.int32), torch.ones(2, 3)),
            lambda: torch.ones(5, 3).index_copy_(0, torch.tensor([7]), torch.ones(1, 3)),
            lambda: torch.ones(5, 3).index_fill_(1, torch.tensor([3]), 0),
            lambda: torch.ones(5, 3).index_fill_(0, torch.tensor([0.]), 0),
            lambda: torch.ones(5, 3).index_reduce_(0, torch.tensor([0]), torch.ones(1, 3), 'sum'),
            lambda: torch.ones(5, 3).index_reduce_(0, torch.tensor([9]), torch.ones(1, 3), 'prod'),
            lambda: torch.tensor([[4, 3, 5], [6, 7, 8]]).take(torch.tensor([6])),
            lambda: torch.tensor([[4, 3, 5], [6, 7, 8]]).take(torch.tensor([1.])),
            lambda: torch.take_along_dim(torch.ones(2, 3), torch.tensor([[3]]), dim=1),
            lambda: torch.take_along_dim(torch.ones(2, 3), torch.tensor([[0]], dtype=torch.int32), dim=1),
            lambda: torch.take_along_dim(torch.ones(2, 3), torch.tensor([0, 1]), dim=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
