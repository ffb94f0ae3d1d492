# Imitates Rao & McMahan, "Natural Language Processing with PyTorch" (O'Reilly; joosthub/PyTorchNLPBook),
# chapter 1 "Introduction": the describe(x) helper (type, shape, values), creating tensors (torch.Tensor(2, 3),
# rand/randn, zeros/ones/fill_, from lists and from numpy), types and sizes, operations, indexing, slicing and
# joining (index_select, gather, cat, stack), mm, and tensors with requires_grad and grad_fn.
import numpy as np
import torch

torch.manual_seed(1337)
np.random.seed(1337)


def describe(x):
    print("Type: {}".format(x.type()))
    print("Shape/size: {}".format(x.shape))
    print("Values: \n{}".format(x))


# %%
t = torch.Tensor(2, 3)  # uninitialised: only its type and shape are deterministic
print("Type: {}".format(t.type()))
print("Shape/size: {}".format(t.shape), t.size(), t.dtype, t.requires_grad)
describe(torch.rand(2, 3))
describe(torch.randn(2, 3))

# %%
describe(torch.zeros(2, 3))
x = torch.ones(2, 3)
describe(x)
x.fill_(5)
describe(x)
print(x.fill_(2.5) is x)

# %%
x = torch.Tensor([[1, 2, 3],
                  [4, 5, 6]])
describe(x)
npy = np.random.rand(2, 3)
describe(torch.from_numpy(npy))
describe(torch.from_numpy(np.arange(4)))
describe(torch.from_numpy(np.zeros((2, 2), dtype=np.float32)))

# %%
x = torch.FloatTensor([[1, 2, 3],
                       [4, 5, 6]])
describe(x)
x = x.long()
describe(x)
x = torch.tensor([[1, 2, 3],
                  [4, 5, 6]], dtype=torch.int64)
describe(x)
x = x.float()
describe(x)
describe(torch.LongTensor([1, 2]))
describe(torch.DoubleTensor([[1.5]]))
describe(torch.ByteTensor([1, 0]))
describe(torch.tensor([True, False]))
print(x.type(torch.IntTensor).type(), x.type('torch.DoubleTensor').dtype)

# %%
x = torch.randn(2, 3)
describe(x)
describe(torch.add(x, x))
describe(x + x)
x = torch.arange(6)
describe(x)
x = x.view(2, 3)
describe(x)
describe(torch.sum(x, dim=0))
describe(torch.sum(x, dim=1))
describe(torch.transpose(x, 0, 1))

# %%
x = torch.arange(6).view(2, 3)
describe(x)
describe(x[:1, :2])
describe(x[0, 1])
indices = torch.LongTensor([0, 2])
describe(torch.index_select(x, dim=1, index=indices))
indices = torch.LongTensor([0, 0])
describe(torch.index_select(x, dim=0, index=indices))
row_indices = torch.arange(2).long()
col_indices = torch.LongTensor([0, 1])
describe(x[row_indices, col_indices])
try:
    torch.index_select(x, dim=1, index=torch.tensor([0.0, 1.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.index_select(x, dim=1, index=torch.LongTensor([3]))
except Exception as e:
    print(type(e).__name__, e)

# %%
x = torch.arange(6).view(2, 3)
describe(torch.gather(x, 1, torch.LongTensor([[2, 0], [1, 1]])))
describe(x.gather(0, torch.LongTensor([[1, 0, 1]])))
try:
    torch.gather(x, 1, torch.IntTensor([[0]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.gather(x, 1, torch.LongTensor([0, 1]))
except Exception as e:
    print(type(e).__name__, e)

# %%
x = torch.arange(6).view(2, 3)
describe(torch.cat([x, x], dim=0))
describe(torch.cat([x, x], dim=1))
describe(torch.stack([x, x]))
try:
    torch.cat([x, x.float().view(3, 2)], dim=0)
except Exception as e:
    print(type(e).__name__, e)

# %%
x1 = torch.arange(6).view(2, 3)
describe(x1)
x2 = torch.ones(3, 2)
x2[:, 1] += 1
describe(x2)
try:
    describe(torch.mm(x1, x2))
except Exception as e:
    print(type(e).__name__, e)
describe(torch.mm(x1.float(), x2))
try:
    torch.mm(x1.float(), x2.t())
except Exception as e:
    print(type(e).__name__, e)
try:
    x1.view(4, 2)
except Exception as e:
    print(type(e).__name__, e)

# %%
x = torch.ones(2, 2, requires_grad=True)
describe(x)
print(x.grad is None)
y = (x + 2) * (x + 5) + 3
describe(y)
print(x.grad is None)
z = y.mean()
describe(z)
z.backward()
print(x.grad is None)
print(x.grad)
print(y.grad_fn, z.grad_fn, x.grad_fn)
print(x.is_leaf, y.is_leaf, y.requires_grad)
