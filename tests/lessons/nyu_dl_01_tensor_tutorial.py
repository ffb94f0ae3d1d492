# Imitates Alfredo Canziani's NYU Deep Learning course (Atcold/pytorch-Deep-Learning, NYU-DLSP20/21), notebook
# 01-tensor_tutorial.ipynb: the legacy torch.Tensor(2, 3, 4) constructor, random_ / resize_ / zero_ / fill_ in place,
# clone, vectors and matrices (indexing with lists, @, t(), transpose), constructors (arange, linspace, zeros, eye),
# casting (.double(), .byte(), type()), torch.from_numpy sharing memory with numpy and .numpy(), cat, view.
import torch
import numpy as np

torch.manual_seed(0)

# %%
t = torch.Tensor(2, 3, 4)
print(type(t))
print(t.size())
print('t size:', ' \u00D7 '.join(map(str, t.size())))
print(f'point in a {t.numel()} dimensional space')
print(f'organised in {t.dim()} sub-dimensions')
t.random_(10)
print(t)

# %%
r = torch.Tensor(t)
r.resize_(3, 8)
print(r)
r.zero_()
print(t)
s = r.clone()
s.fill_(1)
print(s)
print(r)

# %%
v = torch.Tensor([1, 2, 3, 4])
print(v)
print(f'dim: {v.dim()}, size: {v.size()[0]}')
w = torch.Tensor([1, 0, 2, 0])
print(v * w)
print(v @ w)
x = torch.Tensor(5).random_(10)
print(x)
print(f'first: {x[0]}, last: {x[-1]}')
print(x[1:2 + 1])
v = torch.arange(1, 4 + 1)
print(v)
print(v.pow(2), v)

# %%
m = torch.Tensor([[2, 5, 3, 7],
                  [4, 2, 1, 9]])
print(m)
print(m.dim())
print(m.size(0), m.size(1), m.size(), sep=' -- ')
print(m.numel())
print(m[0][2], m[0, 2])
print(m[:, 1])
print(m[:, [1]])
print(m[[0], :])
print(m[0, :])
v = torch.arange(1., 4 + 1)
print(v)
print(m @ v)
print(m[[0], :] @ v)
print(m[[1], :] @ v)
try:
    m @ torch.arange(1, 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    m @ m
except Exception as e:
    print(type(e).__name__, e)

# %%
print(m + torch.rand(2, 4))
print(m - torch.rand(2, 4))
print(m * torch.rand(2, 4))
print(m / torch.rand(2, 4))
print(m.t())
print(m.transpose(0, 1))
m.t()

# %%
print(torch.arange(3., 8 + 1))
print(torch.arange(5.7, -2.1, -3))
print(torch.linspace(3, 8, 20).view(1, -1))
print(torch.zeros(3, 5))
print(torch.ones(3, 2, 5))
print(torch.eye(3))
torch.linspace(3, 8, 20)

# %%
print(torch.Tensor([1, 2]).type(), m.double(), m.byte(), m.long().type())
print(m.type(torch.IntTensor))
print(m.to(torch.float16))
m_np = m.numpy()
print(m_np)
m_np[0, 0] = -1
print(m)
n_np = np.arange(5)
n = torch.from_numpy(n_np)
print(n_np, n)
n.mul_(2)
print(n_np)
print(n.dtype, torch.from_numpy(np.arange(3.0)).dtype, torch.from_numpy(np.ones(2, dtype=np.float32)))

# %%
a = torch.Tensor([[1, 2, 3, 4]])
b = torch.Tensor([[5, 6, 7, 8]])
print(a)
print(b)
print(torch.cat((a, b), 0))
print(torch.cat((a, b), 1))
print(a.view(2, 2), a.view(-1), a.view(4, 1).size())
try:
    a.view(3, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cat((a, b.t()), 0)
except Exception as e:
    print(type(e).__name__, e)

# %%
n = torch.from_numpy(np.arange(6).reshape(2, 3))
n.t_()
print(n, n.is_contiguous())
try:
    n.numpy()[0, 0] = 7
    print(n)
except Exception as e:
    print(type(e).__name__, e)
g = torch.ones(2, requires_grad=True)
try:
    g.numpy()
except Exception as e:
    print(type(e).__name__, e)
print(g.detach().numpy(), g.data.numpy())
try:
    torch.from_numpy([1, 2])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.from_numpy(np.array(['a']))
except Exception as e:
    print(type(e).__name__, e)

# %%
t = torch.Tensor(2, 3).random_(10)
r = t.new(t)
r.zero_()
print(t, r._base is t)
w = torch.ones(2, 3, requires_grad=True)
u = w.new(w)
print(u.grad_fn, u.requires_grad)
(u * 2).sum().backward()
print(w.grad)
v = torch.arange(6.).resize(3, 2)
print(v)
print(torch.arange(6.).resize_as(torch.ones(2, 3)))
try:
    torch.arange(6.).resize(4)
except Exception as e:
    print(type(e).__name__, e)
print(torch.ones(2).type(torch.DoubleTensor))
try:
    torch.ones(2).type(np.float64)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.Tensor(3).random_(2.5)
except Exception as e:
    print(type(e).__name__, e)
