# Imitates François Fleuret's deep learning course (fleuret.org/dlc, UNIGE 14x050 / EPFL EE-559), handouts 1-4/1-5
# ("Tensor basics and linear regression", "Tensor internals"): empty().fill_, narrow, index_select, view vs reshape on
# non-contiguous tensors, expand, t(), cat/stack, in-place ops sharing a storage, einsum, addmm_, cumsum.
import torch

# %%
x = torch.empty(2, 5).fill_(1.125)
print(x)
print(x.size(), x.dtype, x.dim(), x.numel())
x.narrow(1, 2, 2).fill_(-3.0)
print(x)
print(x.narrow(0, 1, 1))

# %%
x = torch.arange(12.).view(3, 4)
print(x.index_select(0, torch.tensor([2, 0])))
print(x.index_select(1, torch.tensor([3, 1, 1])))
try:
    x.index_select(0, torch.tensor([0.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    x.narrow(1, 3, 2)
except Exception as e:
    print(type(e).__name__, e)

# %%
y = x.t()
print(y.size(), y.stride(), y.is_contiguous())
try:
    y.view(-1)
except Exception as e:
    print(type(e).__name__, e)
print(y.reshape(-1))
print(y.contiguous().view(2, 6))
try:
    x.view(5, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    x.view(-1, -1)
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor([[1.], [2.], [3.]])
e = a.expand(3, 4)
print(e, e.stride())
print(a.expand(-1, 2))
try:
    a.expand(2, 4)
except Exception as e:
    print(type(e).__name__, e)
try:
    e.add_(1)
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor([[1, 2], [3, 4]])
b = torch.tensor([[5, 6]])
print(torch.cat((a, b), 0))
print(torch.stack((a, a), 1))
try:
    torch.cat((a, b), 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stack((a, b))
except Exception as e:
    print(type(e).__name__, e)

# %%
q = torch.arange(6)
r = q.view(2, 3)
r[1, 1] = 100
print(q)
print(q.untyped_storage().data_ptr() == r.untyped_storage().data_ptr())
print(r.storage_offset(), r[1].storage_offset(), r[:, 1].stride())
s = q.narrow(0, 1, 3)
s.mul_(-1)
print(q, s.storage_offset())

# %%
torch.manual_seed(0)
m = torch.randn(2, 3)
n = torch.randn(3, 4)
print(torch.einsum('ij,jk->ik', m, n))
print(torch.einsum('ij->j', m))
print(torch.einsum('ii', torch.eye(3) * 2))
print(torch.einsum('i,j->ij', torch.arange(3.), torch.arange(2.)))
try:
    torch.einsum('ij,jk->ik', m, m)
except Exception as e:
    print(type(e).__name__, e)

# %%
c = torch.zeros(2, 4)
c.addmm_(m, n, beta=0.5, alpha=2)
print(c)
print(torch.addmm(torch.ones(4), m, n))
print(torch.arange(1., 6.).cumsum(0))
print(torch.tensor([[1, 2], [3, 4]]).cumsum(1), torch.tensor([[1, 2], [3, 4]]).cumsum(1).dtype)
print(torch.tensor([True, False, True]).cumsum(0))
