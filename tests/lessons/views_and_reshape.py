# Imitates a tensor-shapes lesson: view vs reshape, shared memory, transpose then view, contiguous(), reversing a
# tensor.
import torch

# %%
x = torch.arange(12.0)
a = x.view(3, 4)
b = x.reshape(4, 3)
print(a)
print(b.shape, x.view(-1, 6).shape, x.view(2, -1, 3).shape)

# %%
a[0, 0] = 100.0
print(x[:4])

# %%
t = a.t()
print(t.is_contiguous(), a.is_contiguous())
t.view(-1)

# %%
t.reshape(-1)

# %%
c = t.contiguous()
print(c.is_contiguous())
print(c.view(-1))

# %%
y = torch.ones(2, 3, requires_grad=True)
z = (y.t().contiguous().view(-1) * torch.arange(6.0)).sum()
z.backward()
print(y.grad)

# %%
img = torch.arange(24.0).reshape(2, 3, 4)
print(img.permute(2, 0, 1).shape)
print(img.transpose(1, 2).reshape(2, -1))
print(img.unsqueeze(0).shape, img.flatten(1).shape)

# %%
x = torch.arange(5)
x[::-1]

# %%
torch.flip(x, dims=[0])
