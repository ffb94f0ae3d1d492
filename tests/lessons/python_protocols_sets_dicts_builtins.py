# Imitates a learner's notebook "Python builtins on tensors": tensors in sets and dict keys (hashed by identity),
# `in` over a list of tensors, builtin sum/max/min/sorted over tensors and lists of 0-d tensors, unpacking,
# enumerate/zip/reversed/list over tensors, and the errors each misuse raises.
import torch

torch.manual_seed(0)
a = torch.tensor([1., 2.])
b = torch.tensor([1., 2.])
s = {a, b, a}
print(len(s), a in s, b in s, torch.tensor([1., 2.]) in s)
d = {a: 'first', b: 'second'}
print(d[a], d[b], len(d), hash(a) == id(a), hash(a) == hash(b))
lst = [a, b]
for probe in (a, b, torch.tensor([1., 2.]), torch.tensor(5.)):
    try:
        print(probe in lst)
    except Exception as e:
        print(type(e).__name__, e)
try:
    lst.index(torch.tensor([1., 2.]))
except Exception as e:
    print(type(e).__name__, e)
try:
    lst.remove(torch.tensor([9., 9.]))
except Exception as e:
    print(type(e).__name__, e)
scalars = [torch.tensor(3.), torch.tensor(1.)]
print(torch.tensor(1.) in scalars, torch.tensor(7.) in scalars, scalars.index(torch.tensor(1.)), scalars.count(torch.tensor(3.)))
w = torch.tensor(0.5, requires_grad=True)
print(w in {w}, hash(w) == id(w), {w: 1}[w])
p = torch.nn.Parameter(torch.ones(2))
print(p in {p}, hash(p) == id(p))

# %%
torch.manual_seed(1)
x = torch.randn(5, requires_grad=True)
losses = [(x[i] * 2) ** 2 for i in range(3)]
total = sum(losses)
print(total, total.grad_fn.name())
total.backward()
print(x.grad)
print(sum(torch.arange(4.)), sum([torch.ones(2), torch.ones(2)]), sum([torch.ones(2)], torch.zeros(2)))
print(sum(torch.tensor([1, 2, 3])), type(sum(torch.tensor([1, 2, 3]))))
print(sum([]), sum(torch.tensor([])))
t = torch.tensor([3., -1., 7., 2.])
print(max(t), min(t), sorted(t), sorted(t, reverse=True))
print(max(t).item(), type(max(t)), max(t).shape, max(t, key=abs))
lst = [torch.tensor(2.), torch.tensor(-5.), torch.tensor(4.)]
print(max(lst), min(lst), sorted(lst), sorted(lst, key=lambda v: -v))
try:
    max(torch.tensor([[1., 2.], [3., 4.]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    sorted([torch.tensor([1., 2.]), torch.tensor([0., 3.])])
except Exception as e:
    print(type(e).__name__, e)
print(max(torch.tensor([1, 5, 2])), min(torch.tensor([True, False])), any(t > 5), all(t > -2))

# %%
t = torch.arange(6.).reshape(3, 2)
print(list(t))
print(list(torch.arange(3)))
for i, row in enumerate(t):
    print(i, row, row.shape)
print(list(zip(*t)))
print([tuple(r) for r in zip(t, torch.tensor([10, 20, 30]))])
print(list(reversed(torch.arange(4))), list(reversed(t)))
first, second, third = t
print(first, third)
u, v = torch.tensor([1.5, 2.5])
print(u, v, type(u))
try:
    u, v = t
except Exception as e:
    print(type(e).__name__, e)
try:
    a1, b1, c1, d1 = t
except Exception as e:
    print(type(e).__name__, e)
try:
    q, r = torch.tensor(3.)
except Exception as e:
    print(type(e).__name__, e)
try:
    iter(torch.tensor(3.))
except Exception as e:
    print(type(e).__name__, e)
try:
    len(torch.tensor(3.))
except Exception as e:
    print(type(e).__name__, e)
try:
    list(torch.tensor(3.))
except Exception as e:
    print(type(e).__name__, e)
try:
    reversed(torch.tensor(3.))
except Exception as e:
    print(type(e).__name__, e)
print(len(t), len(torch.zeros(0, 3)), list(torch.zeros(0)), [r.sum() for r in torch.ones(2, 2)])
g = torch.ones(3, requires_grad=True)
parts = list(g * 2)
print(parts, parts[0].grad_fn.name())
w = torch.tensor([1., 2., 3.], requires_grad=True)
print(reversed(w), reversed(torch.tensor(4.)), reversed(torch.arange(6).view(3, 2)))
r = reversed(w)
(r * torch.tensor([1., 10., 100.])).sum().backward()
print(w.grad, list(reversed(torch.arange(3))))
