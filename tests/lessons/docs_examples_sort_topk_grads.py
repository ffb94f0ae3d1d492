# Imitates the "Example::" blocks of PyTorch 2.13's reference pages for torch.sort (descending, stable, dim),
# torch.argsort, torch.msort and torch.topk (largest=False, sorted=False, k=0), seeded instead of the docs'
# unseeded randn, then what a learner checks next: where nan, inf and -0. land, which of tied values comes first,
# the gradients that flow back through sort / topk / msort, and the errors for a bad k or dim.
import torch

# %%
torch.manual_seed(0)
x = torch.randn(3, 4)
sorted, indices = torch.sort(x)
print(sorted)
print(indices)
sorted, indices = torch.sort(x, 0)
print(sorted, indices)
x = torch.tensor([0, 1] * 9)
print(x.sort())
print(x.sort(stable=True))
print(torch.sort(torch.tensor([[3, 1], [2, 4]]), dim=0, descending=True))

# %%
x = torch.tensor([float('nan'), 1., float('-inf'), float('inf'), -0., 0.])
print(torch.sort(x))
print(torch.sort(x, descending=True))
print(torch.argsort(x, stable=True))
print(torch.sort(torch.tensor([True, False, True])), torch.sort(torch.tensor(5)))
t = torch.randn(3, 4)
print(t)
print(torch.msort(t))
print(torch.msort(torch.tensor([3, 1, 2])), torch.msort(torch.tensor(2.)))

# %%
x = torch.arange(1., 6.)
print(x)
print(torch.topk(x, 3))
print(torch.topk(x, 3, largest=False))
print(torch.topk(x, 0))
print(torch.topk(torch.tensor([4., 1., 4., 2., 1.]), 2, sorted=False).indices)

# %%
x = torch.tensor([4., 1., 4., 2., 1.], requires_grad=True)
v, i = x.sort(descending=True, stable=True)
print(v, i)
v.backward(torch.arange(5.))
print(x.grad)
x.grad = None
r = x.topk(2, largest=False)
print(r)
r.values.sum().backward()
print(x.grad)
x.grad = None
(x.msort() * torch.arange(5.)).sum().backward()
print(x.grad)

# %%
x = torch.arange(1., 6.)
for bad in [lambda: torch.topk(x, 6), lambda: torch.topk(x, -1), lambda: torch.topk(x, 2, dim=1),
            lambda: torch.topk(torch.tensor(3.), 2), lambda: torch.topk(x, 2.0),
            lambda: torch.sort(x, dim=1), lambda: torch.argsort(x, dim=2),
            lambda: torch.msort(torch.tensor([1j, 2])), lambda: torch.topk(torch.tensor([1j]), 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
