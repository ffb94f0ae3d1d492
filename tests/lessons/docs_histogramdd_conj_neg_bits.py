# Imitates the "Example::" blocks of PyTorch 2.13's reference for torch.histogramdd, torch.resolve_conj /
# torch.resolve_neg (with is_conj / is_neg), torch.gcd / torch.lcm, torch.tril_indices / triu_indices with an
# offset, torch.atleast_* on tuples and torch.broadcast_tensors' gradient, typed into a notebook by a learner.
import torch

# %%
print(torch.histogramdd(torch.tensor([[0., 1.], [1., 0.], [2., 0.], [2., 2.]]), bins=[3, 3],
                        weight=torch.tensor([1., 2., 4., 8.])))
print(torch.histogramdd(torch.tensor([[0., 0.], [1., 1.], [2., 2.]]), bins=[2, 2], range=[0., 1., 0., 1.],
                        density=True))
r = torch.histogramdd(torch.tensor([[0.5, 1.5], [2.5, 0.5]]), bins=[torch.tensor([0., 1., 3.]), torch.tensor([0., 2.])])
print(r.hist, r.bin_edges)
for bad in [lambda: torch.histogramdd(torch.ones(3, 2), bins=[2]), lambda: torch.histogramdd(torch.ones(3, 2), bins=[2, 2], range=[0., 1.]),
            lambda: torch.histogramdd(torch.ones(3, 2, dtype=torch.int64), bins=[2, 2])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.tensor([-1 + 1j, -2 + 2j, 3 - 3j])
y = x.conj()
print(y.is_conj())
z = y.resolve_conj()
print(z, z.is_conj())
print(torch.is_conj(x), torch.resolve_conj(x) is x)
y = x.conj().imag
print(y.is_neg())
z = y.resolve_neg()
print(z, z.is_neg())
print(torch.resolve_neg(torch.tensor([1., 2.])), torch.conj_physical(x).is_conj(), x.conj().conj().is_conj())
w = torch.tensor([1 + 2j, 3 - 1j], requires_grad=True)
v = w.conj().resolve_conj()
print(v, v.grad_fn)
torch.view_as_real(v).sum().backward()
print(w.grad)

# %%
a = torch.tensor([5, 10, 15])
b = torch.tensor([3, 4, 5])
print(torch.gcd(a, b))
c = torch.tensor([3])
print(torch.gcd(a, c))
print(torch.lcm(a, b))
print(torch.lcm(a, c), a.gcd_(c), a)
print(torch.tril_indices(3, 3))
print(torch.tril_indices(4, 3, -1))
print(torch.tril_indices(4, 3, 1))
print(torch.triu_indices(3, 3))
print(torch.triu_indices(4, 3, -1))
print(torch.triu_indices(4, 3, 1))
m = torch.arange(12.).view(4, 3)
i = torch.triu_indices(4, 3, 1)
print(m[i[0], i[1]], torch.tril_indices(0, 3).shape, torch.triu_indices(3, 3, offset=-10).shape)

# %%
x = torch.arange(3.).view(1, 3).requires_grad_()
y = torch.arange(2.).view(2, 1).requires_grad_()
a, b = torch.broadcast_tensors(x, y)
print(a.size(), a.grad_fn, b.grad_fn)
(a * b).sum().backward()
print(x.grad, y.grad)
print(torch.atleast_1d((torch.tensor(0.5), torch.tensor([1.]))), torch.atleast_2d(torch.tensor(1.), torch.tensor([2.])))
s = torch.tensor(2., requires_grad=True)
t = torch.atleast_3d(s)
print(t, t.grad_fn)
t.sum().backward()
print(s.grad)
print(torch.ravel(torch.arange(6).view(2, 3).T), torch.flatten(torch.arange(6).view(1, 2, 3), 1).shape)
u = torch.arange(6.).requires_grad_()
f = u.unflatten(0, (2, -1))
print(f, f.grad_fn)
print(torch.flatten(f, 0).grad_fn, torch.ravel(f.T).grad_fn)
