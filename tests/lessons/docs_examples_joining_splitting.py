# Imitates the "Example::" blocks of PyTorch's API reference for joining and splitting ops (cat/concat/concatenate,
# stack, hstack, vstack, dstack, column_stack, row_stack, chunk, split, tensor_split, hsplit, vsplit, dsplit,
# unbind) pasted into a notebook, seeded where the docs use torch.randn.
import torch
torch.manual_seed(0)

# %%
x = torch.randn(2, 3)
print(x)
print(torch.cat((x, x, x), 0))
print(torch.cat((x, x, x), 1))
print(torch.concat((x, x), dim=-1).shape, torch.concatenate([x, x]).shape)
torch.cat([torch.tensor([1, 2]), torch.tensor([3.5])]), torch.cat([x, torch.tensor([])])

# %%
x = torch.randn(2, 3)
print(torch.stack((x, x)))
print(torch.stack((x, x), dim=1).size())
print(torch.stack((x, x), dim=2).size())
torch.stack((x, x), dim=-1).size()

# %%
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
print(torch.hstack((a, b)))
a = torch.tensor([[1], [2], [3]])
b = torch.tensor([[4], [5], [6]])
print(torch.hstack((a, b)))
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
print(torch.vstack((a, b)))
a = torch.tensor([[1], [2], [3]])
b = torch.tensor([[4], [5], [6]])
print(torch.vstack((a, b)))
print(torch.row_stack((torch.tensor([1, 2]), torch.tensor([3, 4]))))
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
print(torch.dstack((a, b)))
a = torch.tensor([[1], [2], [3]])
b = torch.tensor([[4], [5], [6]])
torch.dstack((a, b))

# %%
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
print(torch.column_stack((a, b)))
a = torch.arange(5)
b = torch.arange(10).reshape(5, 2)
torch.column_stack((a, b, b))

# %%
print(torch.arange(11).chunk(6))
print(torch.arange(12).chunk(6))
print(torch.arange(13).chunk(6))
a = torch.arange(10).reshape(5, 2)
print(torch.split(a, 2))
print(torch.split(a, [1, 4]))
torch.arange(6).split(4), torch.arange(4).chunk(3, dim=0)

# %%
x = torch.arange(8)
print(torch.tensor_split(x, 3))
x = torch.arange(7)
print(torch.tensor_split(x, 3))
print(torch.tensor_split(x, (1, 6)))
x = torch.arange(14).reshape(2, 7)
print(x)
print(torch.tensor_split(x, 3, dim=1))
print(torch.tensor_split(x, (1, 6), dim=1))
torch.tensor_split(torch.arange(7), torch.tensor(3)), torch.tensor_split(torch.arange(7), torch.tensor([1, 5]))

# %%
t = torch.arange(16.0).reshape(4, 4)
print(t)
print(torch.hsplit(t, 2))
print(torch.hsplit(t, [3, 6]))
print(torch.vsplit(t, 2))
print(torch.vsplit(t, [3, 6]))
t = torch.arange(16.0).reshape(2, 2, 4)
print(torch.dsplit(t, 2))
torch.dsplit(t, [3, 6])

# %%
print(torch.unbind(torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])))
torch.tensor([[1, 2, 3], [4, 5, 6]]).unbind(1)

# %%
for bad in [lambda: torch.cat((torch.ones(2, 3), torch.ones(3, 2))),
            lambda: torch.stack((torch.ones(2), torch.ones(3))),
            lambda: torch.cat([]),
            lambda: torch.hsplit(torch.arange(5), 2),
            lambda: torch.vsplit(torch.arange(4), 2),
            lambda: torch.dsplit(torch.ones(2, 4), 2),
            lambda: torch.chunk(torch.arange(4), 0),
            lambda: torch.split(torch.arange(5), [2, 2]),
            lambda: torch.tensor_split(torch.arange(4), 0),
            lambda: torch.stack([]),
            lambda: torch.cat((torch.ones(2), torch.ones(2)), dim=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
