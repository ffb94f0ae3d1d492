# Imitates UMich EECS 498-007/598-005 (Justin Johnson) A1 pytorch101.ipynb as students type it: tensor
# construction and dtypes, slicing vs integer-array indexing vs boolean masks, reshape/view/transpose/permute/
# contiguous, mm/bmm/matmul with batches and broadcasting, mean-centering and normalising rows, in-place ops,
# and the errors students hit (shape mismatches, float indices, view on a transposed tensor, in-place on a leaf).
import torch

a = torch.tensor([1, 2, 3])
print('Here is a:')
print(a)
print('type(a): ', type(a))
print('rank of a: ', a.dim())
print('a.shape: ', a.shape)
print('a[0]: ', a[0])
print('type(a[0]): ', type(a[0]))
print('type(a[0].item()): ', type(a[0].item()))
b = torch.tensor([[1, 2, 3], [4, 5, 5]])
print(b, b.dim(), b.shape, b[0, 1], b[1, 2].item())
b[1, 1] = 100
print(b)

# %%
z = torch.zeros(2, 3)
o = torch.ones(1, 2)
e = torch.eye(3)
r = torch.rand(4, 5)
print(z, o, e, sep='\n')
print(r.shape, r.dtype)
x0 = torch.tensor([1, 2])
x1 = torch.tensor([1., 2.])
x2 = torch.tensor([1., 2], dtype=torch.int32)
x3 = torch.tensor([1, 2], dtype=torch.int64)
print(x0.dtype, x1.dtype, x2.dtype, x3.dtype)
x4 = torch.ones(3, dtype=torch.float64)
print(x4, x4.dtype)
print(x0.float(), x0.double(), x1.long(), x1.to(torch.float32).dtype, x4.to(x3).dtype)
print(torch.zeros_like(x1), torch.ones_like(x0), torch.full_like(x1, 20), x1.new_zeros(2, 2), x4.new_tensor([1, 2]))
print(torch.full((2, 3), 7), torch.full((2,), 7.0).dtype, torch.arange(0, 10, 3), torch.linspace(0, 1, 5))

# %%
a = torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
print(a[1, :], a[1, :].shape)
print(a[1:2, :], a[1:2, :].shape)
print(a[:, 1], a[:, 1:2])
print(a[:2, -3:], a[::2, 1:3], a[-1], a[..., -1])
b = a[0, 1:]
b[0] = 20
print(a)
c = a[0, 1:].clone()
c[0] = 30
print(a, c)
a[:, 1] = 0
a[0:2, 2:] = torch.tensor([[-1, -2], [-3, -4]])
print(a)

# %%
a = torch.tensor([[1, 2], [3, 4], [5, 6]])
idx0 = torch.tensor([0, 0, 1, 1, 2])
idx1 = torch.tensor([1, 0, 1, 0, 1])
print(a[idx0, idx1])
print(a[[0, 1, 2], [0, 1, 0]])
print(a[idx0], a[:, [1, 0]])
a[[0, 1, 2], [1, 0, 1]] = 0
print(a)
mask = (a > 3)
print(mask, mask.dtype)
print(a[mask], a[a == 0])
a[a <= 3] = 0
print(a)
try:
    a[torch.tensor([0.0, 1.0])]
except Exception as e:
    print(type(e).__name__, e)
try:
    a[torch.tensor([0, 3])]
except Exception as e:
    print(type(e).__name__, e)
try:
    a[torch.tensor([True, False])]
except Exception as e:
    print(type(e).__name__, e)
try:
    a[1.5]
except Exception as e:
    print(type(e).__name__, e)

# %%
x0 = torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8]])
x1 = x0.view(8)
x2 = x1.view(1, 8)
x3 = x1.view(8, 1)
x4 = x1.view(2, 2, 2)
print(x1, x2.shape, x3.shape, x4)
print(x0.view(-1), x0.view(4, -1), x0.reshape(-1, 8).shape, x0.flatten())
print(x0.t(), x0.transpose(0, 1).shape, x4.permute(2, 0, 1).shape, x4.permute(1, 2, 0))
xt = x0.t()
print(xt.is_contiguous(), xt.stride(), xt.contiguous().stride(), x0.stride())
try:
    xt.view(8)
except Exception as e:
    print(type(e).__name__, e)
print(xt.reshape(8), xt.contiguous().view(8))
try:
    x0.view(3, 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    x0.view(-1, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    x0.permute(0, 0)
except Exception as e:
    print(type(e).__name__, e)
print(x0.unsqueeze(0).shape, x0[None, :, None].shape, x3.squeeze().shape, x0.unsqueeze(-1).shape)

# %%
x = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.float32)
print(x.sum(), x.sum(dim=0), x.sum(dim=1, keepdim=True), x.mean(dim=1))
print(x.min(), x.max(dim=0), x.argmax(dim=1), x.min(dim=1).values)
print(torch.sum(x, 1), x.prod(), x.std(), x.std(dim=0))
centered = x - x.mean(dim=1, keepdim=True)
print(centered)
norm = x / x.norm(dim=1, keepdim=True)
print(norm, norm.norm(dim=1))
std = (x - x.mean(dim=0)) / x.std(dim=0)
print(std)
try:
    x.sum(dim=2)
except Exception as e:
    print(type(e).__name__, e)
xi = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(xi.sum().dtype, xi.float().mean())
try:
    xi.mean()
except Exception as e:
    print(type(e).__name__, e)

# %%
v = torch.tensor([9, 10], dtype=torch.float32)
w = torch.tensor([11, 12], dtype=torch.float32)
x = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
y = torch.tensor([[5, 6], [7, 8]], dtype=torch.float32)
print(v.dot(w), torch.dot(v, w), x.mv(v), torch.mv(x, v), x.mm(y), torch.mm(x, y), x @ y, v @ w)
print(torch.matmul(x, v), torch.matmul(v, x))
B, N, M, P = 3, 2, 4, 5
torch.manual_seed(0)
xb = torch.randn(B, N, M)
yb = torch.randn(B, M, P)
z1 = torch.bmm(xb, yb)
z2 = torch.stack([xb[i].mm(yb[i]) for i in range(B)])
print(z1.shape, (z1 - z2).abs().max() < 1e-6, torch.allclose(z1, z2))
print(torch.matmul(xb, yb[0]).shape, (xb @ torch.randn(M)).shape, torch.matmul(xb.unsqueeze(0), yb.unsqueeze(1)).shape)
for fn, args in [(torch.mm, (x, xb[0])), (torch.bmm, (xb, xb)), (torch.bmm, (xb, yb[0])), (torch.mm, (xb, yb)),
                 (torch.matmul, (xb, xb)), (torch.mv, (x, torch.ones(3))), (torch.dot, (v, torch.ones(3))),
                 (torch.bmm, (xb, torch.randn(2, M, P))), (torch.mm, (x, x.long()))]:
    try:
        fn(*args)
    except Exception as e:
        print(fn.__name__, type(e).__name__, e)

# %%
x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]])
v = torch.tensor([1, 0, 1])
print(x + v, x * v.view(3, 1).t(), x + x.new_tensor([[1], [2], [3], [4]]))
try:
    x + torch.tensor([1, 2])
except Exception as e:
    print(type(e).__name__, e)
x.add_(1)
print(x)
x.mul_(2)
x[:, 0].zero_()
print(x)
y = torch.ones(3)
y.clamp_(min=2)
print(y, y.pow_(2), y.sqrt())
try:
    x.div_(3)
except Exception as e:
    print(type(e).__name__, e)
w = torch.randn(3, requires_grad=True)
try:
    w.add_(1)
except Exception as e:
    print(type(e).__name__, e)
try:
    w[0] = 5
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    w.mul_(0).add_(2)
print(w, w.requires_grad, w.is_leaf)
(w ** 2).sum().backward()
print(w.grad)
