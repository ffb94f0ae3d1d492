# Imitates the "Example::" blocks of PyTorch's API reference for reshaping and view ops (movedim / moveaxis,
# narrow / narrow_copy, permute, reshape, select, squeeze with a dim tuple, swapaxes, t, tile, transpose,
# unsqueeze) pasted into a notebook, seeded where the docs use torch.randn.
import torch
torch.manual_seed(0)

# %%
t = torch.randn(3, 2, 1)
print(t)
print(torch.movedim(t, 1, 0).shape)
print(torch.movedim(t, 1, 0))
print(torch.movedim(t, (1, 2), (0, 1)).shape)
print(torch.movedim(t, (1, 2), (0, 1)))
torch.moveaxis(t, 1, 0).shape, torch.moveaxis(t, (1, 2), (0, 1)).shape

# %%
x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(torch.narrow(x, 0, 0, 2))
print(torch.narrow(x, 1, 1, 2))
print(torch.narrow(x, -1, torch.tensor(-1), 1))
print(torch.narrow_copy(x, 0, 0, 2))
print(torch.narrow_copy(x, 1, 1, 2))
torch.narrow(x, 0, 1, 2).is_contiguous(), torch.narrow(x, 1, 1, 2).is_contiguous(), torch.narrow_copy(x, 1, 1, 2).is_contiguous()

# %%
x = torch.randn(2, 3, 5)
print(x.size())
print(torch.permute(x, (2, 0, 1)).size())
a = torch.arange(4.)
print(torch.reshape(a, (2, 2)))
b = torch.tensor([[0, 1], [2, 3]])
print(torch.reshape(b, (-1,)))
x = torch.randn(3, 4)
print(x.select(1, 2), torch.select(x, 0, -1))
x.permute(1, 0).stride(), x.permute(1, 0).is_contiguous()

# %%
x = torch.zeros(2, 1, 2, 1, 2)
print(x.size())
y = torch.squeeze(x)
print(y.size())
y = torch.squeeze(x, 0)
print(y.size())
y = torch.squeeze(x, 1)
print(y.size())
y = torch.squeeze(x, (1, 2, 3))
print(y.size())
print(torch.squeeze(x, (-1, 1)).size(), x.squeeze(()).size(), x.squeeze_((1, 3)).size())
x = torch.tensor([1, 2, 3, 4])
print(torch.unsqueeze(x, 0))
torch.unsqueeze(x, 1)

# %%
x = torch.tensor([[[0, 1], [2, 3]], [[4, 5], [6, 7]]])
print(x)
print(torch.swapaxes(x, 0, 1))
print(torch.swapaxes(x, 0, 2))
print(torch.swapdims(x, 0, 1).stride())
x = torch.randn(())
print(x)
print(torch.t(x))
x = torch.randn(3)
print(x)
print(torch.t(x))
x = torch.randn(2, 3)
print(x)
print(torch.t(x))
x = torch.randn(2, 3)
print(x)
torch.transpose(x, 0, 1)

# %%
x = torch.tensor([1, 2, 3])
print(x.tile((2,)))
y = torch.tensor([[1, 2], [3, 4]])
print(torch.tile(y, (2, 2)))
print(torch.tile(y, (2,)), torch.tile(torch.tensor(5), (2, 3)), y.tile(2, 1, 1).shape)
torch.tile(y, ())

# %%
for bad in [lambda: torch.movedim(torch.ones(2, 3), (0, 0), (1, 0)),
            lambda: torch.movedim(torch.ones(2, 3), (0, 1), (1,)),
            lambda: torch.narrow(torch.ones(3, 3), 0, 2, 2),
            lambda: torch.narrow(torch.ones(3, 3), 0, torch.tensor([1, 2]), 1),
            lambda: torch.permute(torch.ones(2, 3), (0,)),
            lambda: torch.permute(torch.ones(2, 3), (0, 0)),
            lambda: torch.reshape(torch.arange(6), (4, -1)),
            lambda: torch.reshape(torch.arange(6), (-1, -1)),
            lambda: torch.select(torch.ones(2, 3), 1, 3),
            lambda: torch.squeeze(torch.ones(2, 1), (0, 0)),
            lambda: torch.squeeze(torch.ones(2, 1), 2),
            lambda: torch.t(torch.ones(2, 3, 4)),
            lambda: torch.unsqueeze(torch.ones(2), 2),
            lambda: torch.tile(torch.ones(2), 2),
            lambda: torch.narrow_copy(torch.ones(3), 0, -4, 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
