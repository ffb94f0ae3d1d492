# Imitates the last "100 NumPy exercises" (rougier, 79-100) as learners port them to PyTorch: Game of Life with
# conv2d and roll, the n largest values with topk/argsort, cartesian products with meshgrid/cartesian_prod, rows
# with unequal values, binary representations with bitwise ops, unique rows, einsum equivalents of sum/mul/inner/
# outer, bootstrap confidence intervals, and the gradients these ops carry.
import torch
import torch.nn.functional as F

# %%
def iterate_roll(Z):
    N = sum(torch.roll(torch.roll(Z, i, 0), j, 1) for i in (-1, 0, 1) for j in (-1, 0, 1) if (i != 0 or j != 0))
    return ((N == 3) | ((Z == 1) & (N == 2))).to(Z.dtype)

def iterate_conv(Z):
    k = torch.ones(1, 1, 3, 3)
    k[0, 0, 1, 1] = 0
    N = F.conv2d(Z[None, None].float(), k, padding=1)[0, 0]
    return ((N == 3) | ((Z == 1) & (N == 2))).long()

torch.manual_seed(0)
Z = torch.randint(0, 2, (8, 8))
Zr, Zc = Z.clone(), Z.clone()
for _ in range(4):
    Zr = iterate_roll(Zr)
    Zc = iterate_conv(Zc)
print(Zr)
print(Zc, Zc.dtype)
glider = torch.zeros(6, 6, dtype=torch.int64)
glider[0, 1] = glider[1, 2] = glider[2, 0] = glider[2, 1] = glider[2, 2] = 1
print(iterate_roll(iterate_roll(glider)))
F.conv2d(glider[None, None].float(), torch.ones(1, 1, 3, 3), padding='same')[0, 0]

# %%
try:
    F.conv2d(glider[None, None], torch.ones(1, 1, 3, 3, dtype=torch.int64), padding=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(glider[None, None], torch.ones(1, 1, 3, 3), padding=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(glider.float(), torch.ones(1, 3, 3), padding=1)
except Exception as e:
    print(type(e).__name__, e)
print(F.pad(glider.float()[None, None], (1, 1, 1, 1), mode='circular')[0, 0, :3])
F.conv2d(F.pad(glider.float()[None, None], (1, 1, 1, 1), mode='circular'), torch.ones(1, 1, 3, 3)).shape

# %%
torch.manual_seed(1)
Z = torch.randperm(100)[:20].float()
n = 5
print(Z[torch.argsort(Z)[-n:]])
print(torch.topk(Z, n))
print(Z.topk(n, largest=False, sorted=True).values, torch.sort(Z, descending=True).values[:n])
print(torch.kthvalue(Z, 3), Z.argsort(descending=True)[:n], torch.argsort(Z, dim=0, stable=True)[:3])
x = torch.randn(4, 6, requires_grad=True)
tv, ti = x.topk(2, dim=1)
print(tv.grad_fn, ti.dtype)
tv.sum().backward()
print(x.grad)
try:
    Z.topk(30)
except RuntimeError as e:
    print(type(e).__name__, e)
torch.topk(torch.tensor([1, 3, 3, 2]), 2), torch.topk(torch.tensor([[1., 5.], [4., 2.]]), 1, dim=0)

# %%
def cartesian(arrays):
    grids = torch.meshgrid(*arrays, indexing='ij')
    return torch.stack([g.reshape(-1) for g in grids], dim=1)

print(cartesian((torch.tensor([1, 2, 3]), torch.tensor([4, 5]), torch.tensor([6, 7]))))
print(torch.cartesian_prod(torch.tensor([1, 2]), torch.tensor([4, 5]), torch.tensor([6, 7])).shape)
gx, gy = torch.meshgrid(torch.linspace(0, 1, 3), torch.linspace(0, 1, 2), indexing='xy')
print(gx, gy)
gx2, gy2 = torch.meshgrid(torch.arange(2), torch.arange(3))
torch.cartesian_prod(torch.tensor([1., 2.])), gx2.shape

# %%
torch.manual_seed(2)
Z = torch.randint(0, 3, (10, 3))
print(Z)
E = torch.all(Z[:, 1:] == Z[:, :-1], dim=1)
print(Z[~E])
print(Z[Z.max(dim=1).values != Z.min(dim=1).values])
print(torch.unique(Z, dim=0), torch.unique(Z, dim=0, return_counts=True)[1])
print(torch.unique_consecutive(torch.tensor([1, 1, 2, 2, 3, 1, 1])), torch.unique_consecutive(torch.tensor([1, 1, 2]), return_counts=True))
T = torch.randint(0, 2, (6, 3))
uT, inv = torch.unique(T, dim=0, return_inverse=True)
print(uT, inv)
torch.unique(T.float(), dim=1), torch.unique(torch.tensor([[1, 2], [1, 2]]), dim=0, sorted=False)

# %%
I = torch.tensor([0, 1, 2, 3, 15, 16, 32, 64, 128])
B = ((I.reshape(-1, 1) & (2 ** torch.arange(8))) != 0).int()
print(B[:, ::-1] if False else B.flip(1))
print(I.unsqueeze(-1).bitwise_and(2 ** torch.arange(8)).ne(0).byte())
print((I[:, None] >> torch.arange(7, -1, -1)) & 1)
print(torch.tensor([5], dtype=torch.uint8) << 6, torch.tensor([-8]) >> 1, torch.tensor([3, 5]) | torch.tensor([4]))
try:
    torch.tensor([1.5]) & 1
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.tensor([1.5]) >> 1
except Exception as e:
    print(type(e).__name__, e)
torch.tensor([255], dtype=torch.uint8) + 1, torch.tensor([2 ** 31 - 1], dtype=torch.int32) + 1

# %%
torch.manual_seed(3)
A = torch.rand(10)
B = torch.rand(10)
print(torch.einsum('i->', A), A.sum())
print(torch.einsum('i,i->i', A, B)[:3], torch.einsum('i,i', A, B), torch.einsum('i,j->ij', A, B).shape)
M = torch.rand(3, 4, requires_grad=True)
N = torch.rand(4, 2)
P = torch.einsum('ij,jk->ik', M, N)
print(P, P.grad_fn)
P.sum().backward()
print(M.grad)
print(torch.einsum('ii', torch.arange(9.).view(3, 3)), torch.einsum('ii->i', torch.arange(9.).view(3, 3)))
print(torch.einsum('bij,bjk->bik', torch.ones(2, 2, 3), torch.ones(2, 3, 1)).shape, torch.einsum('...i,i', torch.ones(2, 3), torch.arange(3.)))
try:
    torch.einsum('ij,jk->ik', torch.ones(2, 3), torch.ones(2, 3))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.einsum('ij->ik', torch.ones(2, 3))
except RuntimeError as e:
    print(type(e).__name__, e)
torch.einsum('i,j', torch.tensor([1, 2]), torch.tensor([3, 4])), torch.outer(torch.tensor([1., 2.]), torch.tensor([3., 4.]))

# %%
torch.manual_seed(4)
X = torch.randn(100)
N = 1000
idx = torch.randint(0, X.numel(), (N, X.numel()))
means = X[idx].mean(dim=1)
confint = torch.quantile(means, torch.tensor([0.025, 0.975]))
print(confint, torch.quantile(means, 0.5), means.median())
print(torch.quantile(X, torch.tensor([0.25, 0.75]), interpolation='nearest'), torch.nanquantile(torch.tensor([1., float('nan'), 3.]), 0.5))
print(torch.quantile(X.view(10, 10), 0.5, dim=1, keepdim=True).shape, X.view(10, 10).median(dim=0).values[:3])
try:
    torch.quantile(X, 1.5)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.quantile(X.long(), 0.5)
except RuntimeError as e:
    print(type(e).__name__, e)
q = torch.randn(8, requires_grad=True)
qq = torch.quantile(q, torch.tensor([0.1, 0.9]))
print(qq, qq.grad_fn)
qq.sum().backward()
q.grad
