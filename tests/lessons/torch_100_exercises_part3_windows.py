# Imitates the late "100 NumPy exercises" (rougier, 75-90) as learners port them to PyTorch: moving averages with
# cumsum and unfold, sliding windows with as_strided and unfold, flipping signs in place, distances from points to
# lines, the rank of a matrix, the most frequent value with bincount/mode, extracting and summing blocks, symmetric
# tensors, with the gradients the PyTorch port lets them look at.
import torch

# %%
def moving_average(a, n=3):
    ret = torch.cumsum(a, dim=0)
    ret[n:] = ret[n:] - ret[:-n]
    return ret[n - 1:] / n

Z = torch.arange(20.)
print(moving_average(Z, n=3))
print(Z.unfold(0, 3, 1).mean(dim=1))
print(torch.arange(20).unfold(0, 3, 1).float().mean(-1)[:4])
print(torch.nn.functional.avg_pool1d(Z.view(1, 1, -1), 3, stride=1))
x = torch.arange(10.).requires_grad_()
w = x.unfold(0, 4, 2)
print(w, w.grad_fn, w.stride(), w.is_contiguous())
w.mean(1).sum().backward()
x.grad

# %%
Z = torch.arange(10)
S = torch.as_strided(Z, (8, 3), (1, 1))
print(S, S.stride(), S.storage_offset())
print(Z.as_strided((3, 3), (2, 1), 1))
print(torch.arange(1, 15, dtype=torch.int32).as_strided((11, 4), (1, 1))[-2:])
y = torch.arange(6., requires_grad=True)
s = y.as_strided((4, 3), (1, 1))
print(s.grad_fn)
(s * torch.arange(12.).view(4, 3)).sum().backward()
print(y.grad)
try:
    Z.as_strided((20, 3), (1, 1))
except RuntimeError as e:
    print(type(e).__name__, e)
M = torch.arange(16).view(4, 4)
M.unfold(0, 2, 1).unfold(1, 2, 1).shape, M.unfold(0, 3, 1).unfold(1, 3, 1)[0, 0]

# %%
torch.manual_seed(0)
Z = torch.randint(0, 2, (10,))
print(Z, torch.logical_not(Z, out=Z), Z)
Zf = torch.randn(6)
print(Zf, torch.negative(Zf, out=Zf), Zf.neg_(), Zf.mul_(-1))
Zb = torch.randint(0, 2, (5,), dtype=torch.bool)
print(Zb, Zb.logical_not_(), ~Zb)
try:
    -Zb
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.tensor([True]).neg_()
except RuntimeError as e:
    print(type(e).__name__, e)
Zi = torch.tensor([1, -2, 3])
Zi.neg_(), Zi.sign(), torch.sgn(torch.tensor([-2.5, 0.0, 3.0]))

# %%
def distance(P0, P1, p):
    T = P1 - P0
    L = (T ** 2).sum(dim=1)
    U = -((P0[:, 0] - p[..., 0]) * T[:, 0] + (P0[:, 1] - p[..., 1]) * T[:, 1]) / L
    U = U.reshape(len(U), 1)
    D = P0 + U * T - p
    return torch.sqrt((D ** 2).sum(dim=1))

torch.manual_seed(1)
P0 = torch.empty(10, 2).uniform_(-10, 10)
P1 = torch.empty(10, 2).uniform_(-10, 10)
p = torch.empty(1, 2).uniform_(-10, 10).requires_grad_()
d = distance(P0, P1, p)
print(d, d.grad_fn)
d.sum().backward()
print(p.grad)
ps = torch.empty(3, 2).uniform_(-10, 10)
print(torch.stack([distance(P0, P1, q) for q in ps]))
torch.cdist(ps, P0).shape, torch.cdist(ps, P0)[0, :3]

# %%
torch.manual_seed(2)
Z = torch.rand(10, 10)
U, S, V = torch.svd(Z)
print(S.shape, (S > 1e-10).sum())
print(torch.linalg.matrix_rank(Z), torch.linalg.matrix_rank(torch.ones(4, 4)))
print(torch.linalg.matrix_rank(torch.eye(4, dtype=torch.float64) * torch.tensor([1., 1., 0., 1.], dtype=torch.float64)))
print(torch.linalg.matrix_rank(torch.rand(2, 3, 3)), torch.linalg.matrix_rank(Z, hermitian=False, atol=0.5))
try:
    torch.linalg.matrix_rank(torch.ones(4, 4, dtype=torch.long))
except RuntimeError as e:
    print(type(e).__name__, e)
torch.linalg.matrix_rank(Z, tol=0.1), torch.linalg.svdvals(Z)[:3]

# %%
torch.manual_seed(3)
Z = torch.randint(0, 10, (50,))
print(torch.bincount(Z), torch.bincount(Z).argmax(), torch.mode(Z))
print(torch.bincount(torch.tensor([1, 1, 3]), minlength=6), torch.bincount(torch.tensor([0, 1, 1]), weights=torch.tensor([0.5, 1., 2.])))
print(Z.mode(), torch.mode(torch.tensor([[1, 2, 2], [3, 3, 1]]), dim=1))
vals, counts = Z.unique(return_counts=True)
print(vals[counts.argmax()], counts.max())
try:
    torch.bincount(torch.tensor([-1, 2]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.bincount(torch.tensor([1.0, 2.0]))
except RuntimeError as e:
    print(type(e).__name__, e)
torch.bincount(torch.tensor([], dtype=torch.long)), torch.bincount(torch.tensor([2, 2], dtype=torch.uint8), weights=torch.tensor([1., 2.], dtype=torch.float64))

# %%
torch.manual_seed(4)
Z = torch.randint(0, 5, (10, 10))
n = 3
i = 1 + (Z.shape[0] - 3)
C = Z.unfold(0, n, 1).unfold(1, n, 1)
print(C.shape, C[0, 0], C[-1, -1])
print(torch.as_strided(Z, (i, i, n, n), Z.stride() + Z.stride())[2, 3])
Zs = torch.rand(5, 5)
Zs = Zs + Zs.T - torch.diag(Zs.diagonal())
print(torch.equal(Zs, Zs.T), Zs.allclose(Zs.mT))
a = torch.randn(3, 3, requires_grad=True)
sym = (a + a.T) / 2
print(sym.grad_fn, torch.triu(a).grad_fn)
(sym * torch.arange(9.).view(3, 3)).sum().backward()
a.grad

# %%
Z = torch.ones(16, 16)
k = 4
S = Z.reshape(Z.shape[0] // k, k, -1, k).sum(dim=(1, 3))
print(S)
print(torch.add.reduce if hasattr(torch.add, 'reduce') else 'no reduceat')
S2 = torch.nn.functional.avg_pool2d(Z[None, None], k) * k * k
print(S2.shape, S2[0, 0, 0])
x = torch.arange(16.).view(4, 4).requires_grad_()
blocks = x.view(2, 2, 2, 2).permute(0, 2, 1, 3).sum(dim=(-1, -2))
print(blocks, blocks.grad_fn)
try:
    x.view(2, 2, 2, 2).permute(0, 2, 1, 3).view(4, 4)
except RuntimeError as e:
    print(type(e).__name__, e)
blocks.max().backward()
x.grad
