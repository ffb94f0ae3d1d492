# Imitates the Examples of torch.unravel_index, torch.where (one-argument form, scalar arguments), torch.argwhere,
# torch.index_reduce and torch.scatter_reduce (include_self) in PyTorch's "Indexing, Slicing, Joining, Mutating Ops"
# reference, typed in as a learner copies them (seeded instead of unseeded randn), with the gradients.
import torch
torch.manual_seed(0)

# %%
print(torch.unravel_index(torch.tensor(4), (3, 2)))
print(torch.unravel_index(torch.tensor([4, 1]), (3, 2)))
print(torch.unravel_index(torch.tensor([0, 1, 2, 3, 4, 5]), (2, 3)))
print(torch.unravel_index(torch.tensor([[1234], [5678]]), (10, 10, 10, 10)))
print(torch.unravel_index(torch.tensor([[1234], [5678]]), (100, 100)))
for bad in (lambda: torch.unravel_index(torch.tensor(1.), (3, 2)), lambda: torch.unravel_index(torch.tensor(6), (3, 2))):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.randn(3, 2)
y = torch.ones(3, 2)
print(torch.where(x > 0, 1.0, 0.0))
print(torch.where(x > 0, x, y))
print(torch.where(x > 0, torch.randn(2, 2, dtype=torch.float64)[0], 0.).dtype, torch.where(x > 0, 1, 0).dtype)
print(torch.where(x > 0))
print(torch.argwhere(torch.tensor([[1, 0, 1], [0, 1, 1]])))
torch.where(torch.tensor(0.)), torch.argwhere(torch.tensor(3.))

# %%
x = torch.empty(5, 3).fill_(2)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]], dtype=torch.float)
index = torch.tensor([0, 4, 2, 0])
print(x.index_reduce_(0, index, t, 'prod'))
x2 = torch.empty(5, 3).fill_(2)
print(x2.index_reduce_(0, index, t, 'prod', include_self=False))
print(torch.index_reduce(torch.ones(5, 3), 0, index, t, 'mean', include_self=False))

# %%
src = torch.tensor([1., 2., 3., 4., 5., 6.])
index = torch.tensor([0, 1, 0, 1, 2, 1])
input = torch.tensor([1., 2., 3., 4.])
print(input.scatter_reduce(0, index, src, reduce="sum"))
print(input.scatter_reduce(0, index, src, reduce="sum", include_self=False))
input2 = torch.tensor([5., 4., 3., 2.])
print(input2.scatter_reduce(0, index, src, reduce="amax"))
print(input2.scatter_reduce(0, index, src, reduce="amax", include_self=False))

# %%
a = torch.randn(4, requires_grad=True)
b = torch.randn(6, requires_grad=True)
out = torch.scatter_reduce(a, 0, index, b, reduce="mean", include_self=False)
(out * torch.arange(1., 5.)).sum().backward()
print(out, a.grad, b.grad, sep="\n")
