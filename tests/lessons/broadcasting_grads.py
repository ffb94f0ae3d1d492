# Imitates a lesson on broadcasting and gradients: a bias added to every row gets the summed gradient, outer sums,
# scalars.
import torch

# %%
X = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
b = torch.tensor([0.1, 0.2, 0.3], requires_grad=True)
out = (X + b).sum()
out.backward()
print(b.grad)

# %%
col = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
row = torch.tensor([[10.0, 20.0]], requires_grad=True)
table = col * row
print(table)
print(table.shape)
table.sum().backward()
print(col.grad)
print(row.grad)

# %%
s = torch.tensor(2.0, requires_grad=True)
v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
(s * v).pow(2).mean().backward()
print(s.grad, v.grad)

# %%
W = torch.ones(2, 3, requires_grad=True)
x = torch.tensor([1.0, -1.0, 2.0])
y = W * x
y.backward(torch.tensor([[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]]))
print(W.grad)

# %%
a = torch.arange(6.0).reshape(2, 1, 3).requires_grad_()
c = torch.ones(4, 1, requires_grad=True)
r = a + c
print(r.shape)
r.sum().backward()
print(a.grad)
print(c.grad)

# %%
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
normed = m / m.sum(dim=1, keepdim=True)
print(normed)
normed[:, 0].sum().backward()
print(m.grad)

# %%
torch.ones(2, 3) + torch.ones(3, 2)
