# Imitates the "Example::" blocks of PyTorch 2.13's reference pages for torch.max / torch.min with dim (the
# torch.return_types they print), torch.aminmax, torch.mode and torch.kthvalue (keepdim), seeded instead of the
# docs' unseeded randn, then which index PyTorch returns at ties and at nan, gradients at ties, and the errors for a
# bad k or dim.
import torch

# %%
torch.manual_seed(0)
a = torch.randn(4, 4)
print(a)
print(torch.max(a, 1))
print(torch.min(a, 1, keepdim=True))
r = a.max(dim=0)
print(r.values, r.indices, r[0].dtype, r.indices.dtype, type(r).__name__)
print(torch.max(a), torch.max(a, torch.zeros(4, 4)).shape)

# %%
print(torch.aminmax(torch.tensor([1, -3, 5])))
print(torch.aminmax(torch.tensor([[2.5, -1.5], [3.0, 0.5]]), dim=0, keepdim=True))
a = torch.tensor([[0, 0, 1], [1, 1, 1], [2, 2, 0.]])
print(torch.mode(a, 1))
print(torch.mode(torch.tensor([1, 2, 2, 3, 3])), torch.mode(torch.tensor([5])))
x = torch.arange(1., 6.)
print(x)
print(torch.kthvalue(x, 4))
x = torch.arange(1., 7.).resize_(2, 3)
print(x)
print(torch.kthvalue(x, 2, 0, True))

# %%
x = torch.tensor([[1., 3, 3], [2, 2, 1]])
print(x.max(1), x.min(1), x.argmax(1), x.argmin(1), x.argmax())
print(torch.max(torch.tensor([[float('nan'), 1.], [2., 3.]]), 1))
print(torch.min(torch.tensor([1., float('nan'), 2.]), 0))
print(torch.argmax(torch.tensor([1., float('nan'), 2., float('nan')])))
print(torch.kthvalue(torch.tensor([2, 1, 2, 1]), 2), torch.kthvalue(torch.tensor([1., float('nan'), 0.]), 3))

# %%
x = torch.tensor([[2., 5., 5.], [1., 1., 0.]], requires_grad=True)
m = torch.max(x, dim=1)
print(m)
m.values.sum().backward()
print(x.grad)
x.grad = None
torch.min(x).backward()
print(x.grad)
x.grad = None
torch.amin(x, dim=1).sum().backward()
print(x.grad)
x.grad = None
lo, hi = torch.aminmax(x, dim=1)
print(lo, hi)
(lo + hi).sum().backward()
print(x.grad)
x.grad = None
r = x.view(-1).kthvalue(3)
print(r)
r.values.backward()
print(x.grad)

# %%
for bad in [lambda: torch.kthvalue(torch.arange(5.), 0),
            lambda: torch.kthvalue(torch.arange(5.), 6),
            lambda: torch.kthvalue(torch.arange(5.), 2, dim=3),
            lambda: torch.max(torch.arange(4.), dim=1),
            lambda: torch.aminmax(torch.arange(4.), dim=2),
            lambda: torch.max(torch.empty(0, 3), 1),
            lambda: torch.aminmax(torch.tensor([])),
            lambda: torch.mode(torch.tensor([])),
            lambda: torch.max(torch.tensor([1j])),
            lambda: torch.kthvalue(torch.tensor(3.), 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
