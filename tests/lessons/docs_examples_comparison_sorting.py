# Imitates the "Example::" blocks of PyTorch's API reference for the comparison and sorting ops (allclose/isclose
# with equal_nan, argsort stable, eq/ge/gt, equal, isfinite/isinf/isnan/isneginf/isreal, kthvalue, maximum/fmax
# with nan, msort, sort (descending, stable), topk (largest=False, sorted)) pasted cell by cell into a notebook.
import torch

# %%
print(torch.allclose(torch.tensor([10000., 1e-07]), torch.tensor([10000.1, 1e-08])))
print(torch.allclose(torch.tensor([10000., 1e-08]), torch.tensor([10000.1, 1e-09])))
print(torch.allclose(torch.tensor([1.0, float('nan')]), torch.tensor([1.0, float('nan')])))
print(torch.allclose(torch.tensor([1.0, float('nan')]), torch.tensor([1.0, float('nan')]), equal_nan=True))
print(torch.isclose(torch.tensor((1., 2, 3)), torch.tensor((1 + 1e-10, 3, 4))))
print(torch.isclose(torch.tensor((float('inf'), 4)), torch.tensor((float('inf'), 6)), rtol=.5))
print(torch.isclose(torch.tensor([1, 2]), torch.tensor([1, 3])), torch.isclose(torch.tensor([float('nan')]), torch.tensor([float('nan')]), equal_nan=True))
for bad in [lambda: torch.allclose(torch.tensor([1.]), torch.tensor([1.], dtype=torch.float64)),
            lambda: torch.isclose(torch.tensor([1.]), torch.tensor([1.]), rtol=-1),
            lambda: torch.allclose(torch.ones(2), torch.ones(3))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
a = torch.randn(4, 4)
print(a)
print(torch.argsort(a, dim=1))
print(torch.argsort(a, dim=0, descending=True))
x = torch.tensor([0, 1] * 9)
print(x.argsort())
print(x.argsort(stable=True))
print(torch.argsort(torch.tensor([2, 1, 2, 1]), descending=True, stable=True))

# %%
print(torch.eq(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]])))
print(torch.ge(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]])))
print(torch.gt(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]])))
print(torch.eq(torch.tensor([1., 2.]), 2), torch.lt(torch.tensor([1, 2]), 1.5), torch.ne(torch.tensor([1j, 2]), 2))
print(torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2])))
print(torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2, 3])), torch.equal(torch.tensor([1., 2.]), torch.tensor([1, 2])))
print(torch.equal(torch.tensor([float('nan')]), torch.tensor([float('nan')])))

# %%
print(torch.isfinite(torch.tensor([1, float('inf'), 2, float('-inf'), float('nan')])))
print(torch.isinf(torch.tensor([1, float('inf'), 2, float('-inf'), float('nan')])))
print(torch.isnan(torch.tensor([1, float('nan'), 2])))
a = torch.tensor([-float('inf'), float('inf'), 1.2])
print(torch.isneginf(a), torch.isposinf(a))
print(torch.isreal(torch.tensor([1, 1+1j, 2+0j])))
print(torch.isfinite(torch.tensor([1, 2])), torch.isinf(torch.tensor([1, 2])), torch.isreal(torch.tensor([1., 2.])))
print(torch.isnan(torch.tensor([complex(float('nan'), 0), 1j])), torch.isinf(torch.tensor([complex(0, float('inf'))])))

# %%
x = torch.arange(1., 6.)
print(x)
print(torch.kthvalue(x, 4))
x = torch.arange(1., 7.).resize_(2, 3)
print(x)
print(torch.kthvalue(x, 2, 0, True))
print(torch.kthvalue(torch.tensor([3, 1, 2, 1]), 2), torch.kthvalue(torch.tensor([1., float('nan'), 0.]), 3))
try:
    torch.kthvalue(x, 4, 0)
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor((1, 2, -1))
b = torch.tensor((3, 0, 4))
print(torch.maximum(a, b))
print(torch.minimum(a, b))
a = torch.tensor([9.7, float('nan'), 3.1, float('nan')])
b = torch.tensor([-2.2, 0.5, float('nan'), float('nan')])
print(torch.fmax(a, b))
print(torch.fmin(a, b))
print(torch.maximum(a, b), torch.minimum(a, b))
print(torch.maximum(torch.tensor([1, 5]), torch.tensor([2.5, 3.])))
try:
    torch.maximum(torch.tensor([1j]), torch.tensor([2j]))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
t = torch.randn(3, 4)
print(t)
print(torch.msort(t))
x = torch.randn(3, 4)
sorted, indices = torch.sort(x)
print(sorted)
print(indices)
sorted, indices = torch.sort(x, 0)
print(sorted)
print(indices)
x = torch.tensor([0, 1] * 9)
print(x.sort())
print(x.sort(stable=True))
print(torch.sort(torch.tensor([2., float('nan'), 1.]), descending=True))
print(torch.sort(torch.tensor([3, 1, 2]), dim=0, descending=True, stable=True))

# %%
x = torch.arange(1., 6.)
print(x)
print(torch.topk(x, 3))
print(torch.topk(x, 3, largest=False))
print(torch.topk(torch.tensor([[1, 5, 3], [4, 2, 6]]), 2, dim=1, largest=False, sorted=True))
print(torch.topk(torch.tensor([1., float('nan'), 3.]), 2))
try:
    torch.topk(x, 6)
except Exception as e:
    print(type(e).__name__, e)
