# Imitates the first third of rougier's "100 NumPy exercises" as learners port them to PyTorch: creating tensors
# (zeros/full/arange/linspace), dtypes, element_size/nelement/nbytes, reversing with flip, nonzero, eye, random
# draws, min/max, padding borders with F.pad, checkerboards by slicing and tile/repeat, normalising, dot products,
# negating in place, rounding away from zero, intersecting, plus the gradients a PyTorch port adds.
import torch
import torch.nn.functional as F

# %%
Z = torch.zeros(10)
print(Z, Z.dtype, Z.shape)
print(Z.element_size(), Z.nelement(), Z.nbytes, Z.itemsize, Z.numel() * Z.element_size())
Z[4] = 1
print(Z)
print(torch.arange(10, 50))
print(torch.arange(10, 50).flip(0)[:5], torch.flip(torch.arange(6).reshape(2, 3), [0, 1]))
torch.arange(9).reshape(3, 3), torch.full((2, 3), 7), torch.full((2,), 7.5).dtype

# %%
nz = torch.tensor([1, 2, 0, 0, 4, 0])
print(torch.nonzero(nz), nz.nonzero(as_tuple=True), torch.where(nz != 0))
print(torch.count_nonzero(nz), torch.argwhere(nz))
print(torch.eye(3), torch.eye(2, 3, dtype=torch.int64))
torch.manual_seed(0)
print(torch.rand(3, 3, 3).shape, torch.randint(0, 10, (5,)))
R = torch.rand(10, 10)
print(R.min(), R.max(), R.argmin(), R.max(dim=1))
R.aminmax()

# %%
torch.manual_seed(1)
v = torch.rand(30)
print(v.mean(), v.std(), v.var(unbiased=False))
B = torch.ones(5, 5)
B[1:-1, 1:-1] = 0
print(B)
P = F.pad(torch.ones(3, 3), (1, 1, 1, 1), mode='constant', value=0)
print(P, P.dtype)
print(F.pad(torch.arange(4.).reshape(1, 2, 2), (1, 1, 1, 1), mode='reflect'))
print(F.pad(torch.arange(4.).reshape(1, 2, 2), (1, 1, 1, 1), mode='replicate'))
print(torch.diag(1 + torch.arange(4), diagonal=-1))
torch.diag_embed(torch.arange(1, 4), offset=1)

# %%
C = torch.zeros(8, 8, dtype=torch.int64)
C[1::2, ::2] = 1
C[::2, 1::2] = 1
print(C)
print(torch.tensor([[0, 1], [1, 0]]).tile(4, 4).equal(C))
print(torch.tensor([[0, 1], [1, 0]]).repeat(2, 3))
print(torch.tensor([1, 2, 3]).repeat_interleave(2), torch.repeat_interleave(torch.tensor([1, 2]), torch.tensor([1, 3])))
print(torch.unravel_index(torch.tensor(99), (6, 7, 8)))
print(torch.nan * 0, torch.tensor(float('nan')) == torch.tensor(float('nan')), torch.tensor(float('inf')) > torch.tensor(float('nan')))
print(torch.tensor(0.3) == 3 * torch.tensor(0.1), torch.tensor(0.3, dtype=torch.float64) == 3 * torch.tensor(0.1, dtype=torch.float64))
torch.isclose(torch.tensor(0.3), 3 * torch.tensor(0.1))

# %%
torch.manual_seed(2)
Z = torch.rand(5, 5)
Zn = (Z - Z.mean()) / Z.std()
print(Zn.mean(), Zn.std())
Zmm = (Z - Z.min()) / (Z.max() - Z.min())
print(Zmm.min(), Zmm.max())
color = torch.tensor([[255, 128, 0, 255]], dtype=torch.uint8)
print(color.dtype, color.element_size(), color.float() / 255)
print(torch.iinfo(torch.int8), torch.iinfo(torch.int32).max, torch.finfo(torch.float32).eps)
print(torch.finfo(torch.float16))
torch.finfo(torch.float64).max, torch.iinfo(torch.uint8).min

# %%
torch.manual_seed(3)
A = torch.rand(5, 3, requires_grad=True)
Bm = torch.rand(3, 2)
D = A @ Bm
print(D, D.grad_fn)
D.sum().backward()
print(A.grad)
x = torch.tensor([1., 2., 3.], requires_grad=True)
d = torch.dot(x, torch.tensor([4., 5., 6.]))
print(d, d.grad_fn, torch.inner(x, x), torch.vdot(x, x))
d.backward()
x.grad, torch.mm(torch.ones(2, 3), torch.ones(3, 2)), torch.matmul(torch.ones(3), torch.ones(3, 2))

# %%
Z = torch.arange(11)
Z[(3 < Z) & (Z < 8)] *= -1
print(Z)
Z2 = torch.arange(11)
Z2[(Z2 > 3) & (Z2 <= 8)] = -Z2[(Z2 > 3) & (Z2 <= 8)]
print(Z2)
print(sum(range(5), -1), torch.sum(torch.arange(5), -1))
q = torch.arange(5)
print(q ** q, 2 << q >> 2, q < -q, 1j * q, q / 1 / 1)
try:
    q < q > q
except Exception as e:
    print(type(e).__name__, e)
torch.tensor([0]) // torch.tensor([0]) if False else torch.tensor([0.]) / torch.tensor([0.])

# %%
torch.manual_seed(4)
Z = torch.empty(10).uniform_(-10, +10)
print(Z)
print(torch.copysign(torch.ceil(torch.abs(Z)), Z))
print(torch.where(Z > 0, torch.ceil(Z), torch.floor(Z)))
print(torch.trunc(Z), torch.fix(Z), torch.round(Z), torch.round(Z, decimals=1), Z.floor().long())
z = torch.tensor([0.5, 1.5, 2.5, -0.5], requires_grad=True)
r = torch.copysign(torch.ceil(torch.abs(z)), z)
print(r, r.grad_fn)
r.sum().backward()
z.grad

# %%
a = torch.tensor([0, 3, 1, 7, 4, 3])
b = torch.tensor([3, 9, 4, 4, 2])
print(a[torch.isin(a, b)].unique(), torch.unique(a), torch.unique(a, return_counts=True, return_inverse=True))
print(torch.unique(torch.cat([a, b])), torch.unique(a, sorted=True).sort(descending=True))
print(a.sort(), a.argsort(stable=True), torch.msort(b))
try:
    torch.intersect1d(a, b)
except AttributeError as e:
    print(type(e).__name__, e)
print(torch.sqrt(torch.tensor(-1.)), torch.sqrt(torch.tensor(-1 + 0j)), torch.emath if hasattr(torch, 'emath') else None)
yesterday = torch.tensor(1).to(torch.float16)
yesterday, yesterday.dtype, torch.tensor([1, 2]).type(torch.float32), torch.tensor([1.7, -1.7]).int()

# %%
class NamedTensor(torch.Tensor):
    @staticmethod
    def __new__(cls, data, name="no name"):
        obj = torch.as_tensor(data).as_subclass(cls)
        obj.info = name
        return obj

Z = NamedTensor(torch.arange(10), "range_10")
print(Z.info, type(Z).__name__, Z[:3], (Z * 2).sum())
W = NamedTensor([1.5, 2.5], name="weights")
print(W.info, W.dtype, W)
c = torch.zeros(3, dtype=complex)
print(c, c.dtype, torch.ones(2).to(complex).dtype, torch.arange(3).sum(dtype=complex))
print(torch.tensor([1.0, 2.0], dtype=torch.float64).view(int), torch.tensor([1, 2]).view(float))
try:
    torch.tensor([1.0, 2.0, 3.0]).view(complex)
except RuntimeError as e:
    print(type(e).__name__, e)
torch.full((2,), 1j, dtype=complex), torch.tensor([3], dtype=float), torch.eye(2, dtype=complex)
