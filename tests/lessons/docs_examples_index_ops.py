# Imitates the "Example::" blocks of PyTorch's API reference for indexing ops (gather, index_add / index_copy /
# index_fill / index_reduce, index_select, masked_select, nonzero with as_tuple, take, take_along_dim, where,
# unravel_index) pasted into a notebook, seeded where the docs use torch.randn.
import torch
torch.manual_seed(0)

# %%
t = torch.tensor([[1, 2], [3, 4]])
print(torch.gather(t, 1, torch.tensor([[0, 0], [1, 0]])))
x = torch.ones(5, 3)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
index = torch.tensor([0, 4, 2])
print(x.index_add_(0, index, t))
print(x.index_add_(0, index, t, alpha=-1))
x = torch.zeros(5, 3)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
index = torch.tensor([0, 4, 2])
print(x.index_copy_(0, index, t))
x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
index = torch.tensor([0, 2])
x.index_fill_(1, index, -1)

# %%
x = torch.empty(5, 3).fill_(2)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]], dtype=torch.float)
index = torch.tensor([0, 4, 2, 0])
print(x.index_reduce_(0, index, t, 'prod'))
x = torch.empty(5, 3).fill_(2)
print(x.index_reduce_(0, index, t, 'prod', include_self=False))
for r in ['mean', 'amax', 'amin']:
    print(r, torch.full((5, 3), 2.).index_reduce(0, index, t, r), torch.full((5, 3), 2.).index_reduce(0, index, t, r, include_self=False))

# %%
x = torch.randn(3, 4)
print(x)
indices = torch.tensor([0, 2])
print(torch.index_select(x, 0, indices))
print(torch.index_select(x, 1, indices))
x = torch.randn(3, 4)
print(x)
mask = x.ge(0.5)
print(mask)
torch.masked_select(x, mask)

# %%
print(torch.nonzero(torch.tensor([1, 1, 1, 0, 1])))
print(torch.nonzero(torch.tensor([[0.6, 0.0, 0.0, 0.0],
                                  [0.0, 0.4, 0.0, 0.0],
                                  [0.0, 0.0, 1.2, 0.0],
                                  [0.0, 0.0, 0.0, -0.4]])))
print(torch.nonzero(torch.tensor([1, 1, 1, 0, 1]), as_tuple=True))
print(torch.nonzero(torch.tensor([[0.6, 0.0, 0.0, 0.0],
                                  [0.0, 0.4, 0.0, 0.0],
                                  [0.0, 0.0, 1.2, 0.0],
                                  [0.0, 0.0, 0.0, -0.4]]), as_tuple=True))
print(torch.nonzero(torch.tensor(5), as_tuple=True))
torch.tensor(0.).nonzero(), torch.tensor([[1, 0], [0, 0]]).nonzero(as_tuple=True), torch.count_nonzero(torch.eye(3))

# %%
src = torch.tensor([[4, 3, 5], [6, 7, 8]])
print(torch.take(src, torch.tensor([0, 2, 5])))
t = torch.tensor([[10, 30, 20], [60, 40, 50]])
max_idx = torch.argmax(t)
print(torch.take_along_dim(t, max_idx))
sorted_idx = torch.argsort(t, dim=1)
print(torch.take_along_dim(t, sorted_idx, dim=1))
torch.take_along_dim(t, torch.tensor([[0], [2]]), dim=1), torch.take_along_dim(t, torch.tensor([1, 0]).view(1, 2, 1).squeeze(-1).t(), dim=0)

# %%
x = torch.randn(3, 2)
y = torch.ones(3, 2)
print(x)
print(torch.where(x > 0, 1.0, 0.0))
print(torch.where(x > 0, x, y))
x = torch.randn(2, 2, dtype=torch.double)
print(x)
print(torch.where(x > 0, x, 0.))
print(torch.where(torch.tensor([[0.6, 0.0], [0.0, -0.4]]) != 0))
torch.where(torch.tensor([True, False]), torch.tensor([1, 2]), 5.5), torch.where(torch.tensor([True, False]), 2, 3)

# %%
import torch
print(torch.unravel_index(torch.tensor(4), (3, 2)))
print(torch.unravel_index(torch.tensor([4, 1]), (3, 2)))
print(torch.unravel_index(torch.tensor([1, 2, 3, 4, 5, 6]), (3, 2)))
print(torch.unravel_index(torch.tensor([1234, 5678]), (10, 10, 10, 10)))
print(torch.unravel_index(torch.tensor([[1234], [5678]]), (10, 10, 10, 10)))
torch.unravel_index(torch.tensor([[1234], [5678]]), (100, 100))

# %%
for bad in [lambda: torch.gather(torch.ones(2, 2), 1, torch.tensor([[0, 2]])),
            lambda: torch.gather(torch.ones(2, 2), 1, torch.tensor([0, 1])),
            lambda: torch.index_select(torch.ones(3), 0, torch.tensor([3])),
            lambda: torch.index_select(torch.ones(3), 0, torch.tensor([0.])),
            lambda: torch.masked_select(torch.ones(3), torch.tensor([1, 0, 1])),
            lambda: torch.take(torch.ones(2, 2), torch.tensor([4])),
            lambda: torch.zeros(3).index_reduce_(0, torch.tensor([0]), torch.ones(1), 'sum'),
            lambda: torch.zeros(3).index_copy_(0, torch.tensor([0, 1]), torch.ones(3)),
            lambda: torch.unravel_index(torch.tensor([7]), (3, 2)),
            lambda: torch.unravel_index(torch.tensor([1.]), (3, 2)),
            lambda: torch.where(torch.tensor([1, 0]), 1., 0.),
            lambda: torch.take_along_dim(torch.ones(2, 3), torch.tensor([[0]]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
