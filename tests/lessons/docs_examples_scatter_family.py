# Imitates the "Example::" blocks of PyTorch's API reference for the scatter family (Tensor.scatter_ with src,
# value and reduce, scatter_add_, scatter_reduce with include_self=False, diagonal_scatter, select_scatter,
# slice_scatter) pasted into a notebook, printed whole as the docs show them.
import torch

# %%
src = torch.arange(1, 11).reshape((2, 5))
print(src)
index = torch.tensor([[0, 1, 2, 0]])
print(torch.zeros(3, 5, dtype=src.dtype).scatter_(0, index, src))
index = torch.tensor([[0, 1, 2], [0, 1, 4]])
print(torch.zeros(3, 5, dtype=src.dtype).scatter_(1, index, src))
print(torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce='multiply'))
torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce='add')

# %%
src = torch.ones((2, 5))
index = torch.tensor([[0, 1, 2, 0, 0]])
print(torch.zeros(3, 5, dtype=src.dtype).scatter_add_(0, index, src))
index = torch.tensor([[0, 1, 2, 0, 0], [0, 1, 2, 2, 2]])
print(torch.zeros(3, 5, dtype=src.dtype).scatter_add_(0, index, src))
torch.scatter_add(torch.zeros(3, 5), 0, index, src), torch.zeros(2, 3).scatter(1, torch.tensor([[0], [2]]), 7)

# %%
src = torch.tensor([1., 2., 3., 4., 5., 6.])
index = torch.tensor([0, 1, 0, 1, 2, 1])
input = torch.tensor([1., 2., 3., 4.])
print(input.scatter_reduce(0, index, src, reduce="sum"))
print(input.scatter_reduce(0, index, src, reduce="sum", include_self=False))
input2 = torch.tensor([5., 4., 3., 2.])
print(input2.scatter_reduce(0, index, src, reduce="amax"))
print(input2.scatter_reduce(0, index, src, reduce="amax", include_self=False))
for r in ["prod", "mean", "amin"]:
    print(r, input.scatter_reduce(0, index, src, reduce=r), input.scatter_reduce(0, index, src, reduce=r, include_self=False))
torch.tensor([1, 2, 3, 4]).scatter_reduce(0, torch.tensor([0, 0, 2]), torch.tensor([5, 6, 8]), "mean")

# %%
a = torch.zeros(3, 3)
print(torch.diagonal_scatter(a, torch.ones(3), 0))
print(torch.diagonal_scatter(a, torch.ones(2), 1))
print(torch.diagonal_scatter(a, torch.ones(2), -1))
a = torch.zeros(2, 2)
b = torch.ones(2)
print(a.select_scatter(b, 0, 0))
print(torch.select_scatter(a, b, 1, -1))
a = torch.zeros(8, 8)
b = torch.ones(2, 8)
print(a.slice_scatter(b, start=6))
b = torch.ones(8, 2)
print(a.slice_scatter(b, dim=1, start=2, end=6, step=2))
torch.slice_scatter(torch.zeros(4), torch.tensor([1., 2.]), 0, None, None, 2)

# %%
x = torch.zeros(3, 3, requires_grad=True)
y = torch.diagonal_scatter(x, torch.arange(3.), 0)
print(y)
z = torch.slice_scatter(x, torch.ones(1, 3, requires_grad=True), 0, 1, 2)
print(z, torch.select_scatter(x, torch.ones(3), 1, 0))
s = torch.zeros(4, requires_grad=True).scatter_reduce(0, torch.tensor([0, 0, 1]), torch.tensor([2., 3., 4.]), "amax", include_self=False)
s

# %%
for bad in [lambda: torch.zeros(3, 5).scatter_(0, torch.tensor([[0, 1, 3]]), torch.ones(2, 5)),
            lambda: torch.zeros(3).scatter_(0, torch.tensor([0]), torch.ones(1, dtype=torch.int64)),
            lambda: torch.zeros(3).scatter_(0, torch.tensor([0]), 1.0, reduce='mean'),
            lambda: torch.zeros(3).scatter_reduce(0, torch.tensor([0]), torch.ones(1), reduce='max'),
            lambda: torch.zeros(3).scatter_add_(0, torch.tensor([0.]), torch.ones(1)),
            lambda: torch.diagonal_scatter(torch.zeros(3, 3), torch.ones(3), 1),
            lambda: torch.select_scatter(torch.zeros(2, 2), torch.ones(3), 0, 0),
            lambda: torch.slice_scatter(torch.zeros(8, 8), torch.ones(2, 8), start=5),
            lambda: torch.select_scatter(torch.zeros(2, 2), torch.ones(2), 0, 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
