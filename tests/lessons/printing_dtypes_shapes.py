# Imitates a "tensor basics" cell sequence: printing tensors of several dtypes and shapes, type(), .type(), conversions.
import torch

# %%
i = torch.tensor([1, 2, 3])
f = torch.tensor([1.0, 2.5, -3.0])
d = torch.tensor([1.0, 2.0], dtype=torch.float64)
b = torch.tensor([True, False, True])
print(i, i.dtype)
print(f, f.dtype)
print(d, d.dtype)
print(b, b.dtype)

# %%
print(f.type())
print(i.type(), d.type(), b.type())

# %%
print(torch.tensor(3.14159))
print(torch.tensor(7))
print(torch.tensor([[1.5]]))
print(torch.zeros(2, 0))
print(torch.tensor([[1, 2, 3], [400, 5, 6]]))

# %%
x = torch.tensor([[0.001, 100.0], [12345.678, -0.5]])
print(x)
print(x.double())
print(x.int())
print(x.half())

# %%
print(torch.tensor([1e-8, 1.0, 1e8]))
print(torch.tensor([0.1, 0.25, 1.0 / 3]))
print(torch.tensor([float('inf'), float('-inf'), float('nan'), 1.0]))

# %%
t = torch.arange(24).reshape(2, 3, 4)
print(t)
print(t.shape, t.ndim, t.numel())
print(t.size(0), t.size(-1), t.shape[1:])

# %%
t.float().mean(dim=(0, 2))

# %%
print(torch.ones(3, dtype=torch.int32) * 2.5)
print(torch.tensor([1, 2], dtype=torch.uint8) + 255)
print(torch.tensor([1, 2]) / torch.tensor([2, 4]))
print(torch.tensor([3, 7]) // 2, torch.tensor([3.0, 7.0]) % 2)

# %%
w = torch.tensor([[0.1234, -1.5], [2.0, 3.75]], requires_grad=True)
print(w)
print(w * 2)
print(w.sum(), w.mean(dim=0))
w.t()

# %%
torch.randn(1000).shape, torch.zeros(3, 4).T.shape, torch.Size([2, 3])

# %%
torch.arange(0, 1, 0.1)

# %%
print(torch.linspace(0, 10, 5), torch.eye(2, dtype=torch.int64))
print(torch.tensor([100000.0, 1.0]), torch.tensor([123456789.0]))
