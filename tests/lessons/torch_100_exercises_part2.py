# Imitates "100 NumPy exercises" translated to PyTorch (the torch versions posted as notebooks and gists), the less
# common half: tensor_split/hsplit/dstack/column_stack, movedim/swapaxes, rot90/tile/block_diag/kron,
# cartesian_prod/combinations/tril_indices, bucketize/searchsorted/histogram, trapezoid/gradient/vander, isin,
# nan_to_num/logit/heaviside/copysign/frexp/ldexp, diag_embed/cummin, gcd/lcm/bitwise ops, xlogy/hypot/
# logaddexp/float_power, with gradients where the exercise asks for them.
import torch

# %%
x = torch.arange(10)
print(torch.tensor_split(x, 3))
print(torch.tensor_split(x, [2, 5]))
m = torch.arange(12).reshape(3, 4)
print(torch.hsplit(m, 2))
print(torch.vsplit(m, [1]))
print(torch.dstack([torch.ones(2, 2), torch.zeros(2, 2)]).shape)
print(torch.column_stack([torch.arange(3), torch.arange(3) * 10]))
print(torch.row_stack([torch.arange(3), torch.arange(3)]))
torch.atleast_2d(torch.tensor(1.0)), torch.atleast_3d(torch.ones(2)).shape

# %%
t = torch.arange(24).reshape(2, 3, 4)
print(torch.movedim(t, 0, -1).shape, t.moveaxis(1, 0).shape, torch.swapaxes(t, 0, 2).shape, t.swapdims(1, 2).shape)
print(torch.rot90(m, 1, [0, 1]))
print(torch.rot90(m, -1))
print(torch.tile(torch.tensor([1, 2]), (2, 2)))
print(torch.block_diag(torch.ones(2, 2), 2 * torch.ones(1, 3)))
torch.kron(torch.eye(2), torch.tensor([[1., 2.], [3., 4.]]))

# %%
a, b = torch.tensor([1, 2]), torch.tensor([3, 4, 5])
print(torch.cartesian_prod(a, b))
print(torch.combinations(torch.tensor([1, 2, 3]), r=2))
print(torch.combinations(torch.tensor([1, 2, 3]), with_replacement=True))
print(torch.tril_indices(3, 3))
print(torch.triu_indices(3, 4, offset=1))
torch.manual_seed(0)
idx = torch.triu_indices(4, 4, 1)
d = torch.rand(4, 4)
d[idx[0], idx[1]]

# %%
boundaries = torch.tensor([1, 3, 5, 7, 9])
v = torch.tensor([[3, 6, 9], [3, 6, 9]])
print(torch.bucketize(v, boundaries))
print(torch.bucketize(v, boundaries, right=True))
sorted_seq = torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]])
print(torch.searchsorted(sorted_seq, torch.tensor([[3, 6, 9], [3, 6, 9]])))
print(torch.searchsorted(sorted_seq, torch.tensor([[3, 6, 9], [3, 6, 9]]), right=True))
h = torch.histogram(torch.tensor([1., 2, 1, 4, 2.5]), bins=4, range=(0., 4.))
print(h)
print(h.hist, h.bin_edges)
torch.histogram(torch.tensor([1., 2, 1]), bins=torch.tensor([0., 1., 2., 3.]), weight=torch.tensor([1., 2., 4.]))

# %%
y = torch.tensor([1., 4., 9., 16.])
print(torch.trapezoid(y), torch.trapezoid(y, dx=0.5), torch.trapezoid(y, x=torch.tensor([0., 1., 3., 6.])))
print(torch.cumulative_trapezoid(y))
print(torch.gradient(y))
print(torch.gradient(y, spacing=2.0))
print(torch.gradient(torch.tensor([[1., 2, 4], [2, 5, 9]]), dim=1))
print(torch.vander(torch.tensor([1, 2, 3])))
torch.vander(torch.tensor([1., 2., 3.]), N=2, increasing=True)

# %%
print(torch.isin(torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3])))
print(torch.isin(torch.tensor([1, 2, 3]), torch.tensor([2]), invert=True))
z = torch.tensor([float('nan'), float('inf'), -float('inf'), 3.14])
print(torch.nan_to_num(z))
print(torch.nan_to_num(z, nan=0.0, posinf=1.0, neginf=-1.0))
print(torch.logit(torch.tensor([0.25, 0.5, 0.9])), torch.logit(torch.tensor([0.0, 1.0]), eps=1e-6))
print(torch.heaviside(torch.tensor([-1.5, 0, 2.0]), torch.tensor([0.5])))
print(torch.copysign(torch.tensor([1., -2., 3.]), -1), torch.signbit(torch.tensor([-0.0, 0.0, -1.0])))
mant, expo = torch.frexp(torch.tensor([8., 0.5, 3.]))
print(mant, expo, torch.ldexp(mant, expo))
torch.float_power(torch.tensor([2, 3]), 2), torch.true_divide(torch.tensor([3]), 2)

# %%
print(torch.diag_embed(torch.tensor([[1., 2.], [3., 4.]])))
print(torch.cummin(torch.tensor([3., 1., 2., 0.5, 4.]), dim=0))
print(torch.gcd(torch.tensor([12, 18, 7]), torch.tensor([8, 12, 3])), torch.lcm(torch.tensor([4, 6]), torch.tensor([6, 4])))
print(torch.bitwise_and(torch.tensor([12, 10]), 6), torch.bitwise_xor(torch.tensor([5]), torch.tensor([3])))
print(torch.bitwise_left_shift(torch.tensor([1, 2]), 3), torch.tensor([16]) >> 2, ~torch.tensor([0, 5]))
print(torch.tensor([True, False]) ^ torch.tensor([True, True]))
torch.bitwise_not(torch.tensor([True, False])), torch.logical_xor(torch.tensor([1, 0]), torch.tensor([1, 1]))

# %%
x = torch.tensor([0., 1., 2.], requires_grad=True)
yv = torch.tensor([0., 3., 0.5])
out = torch.xlogy(x, yv).sum() + torch.hypot(x, yv).sum() + torch.logaddexp(x, yv).sum()
out.backward()
print(out, x.grad)
x2 = torch.tensor([1., 2.], requires_grad=True)
fp = torch.float_power(x2, 3)
print(fp, fp.dtype)
fp.sum().backward()
print(x2.grad)
w = torch.tensor([1., 2., 3.], requires_grad=True)
torch.trapezoid(w ** 2).backward()
w.grad, torch.logaddexp2(torch.tensor([1.]), torch.tensor([1.]))

# %%
s = torch.tensor([[1., 5., 2.], [4., 0., 3.]], requires_grad=True)
vals, inds = torch.cummin(s, dim=1)
print(vals, inds)
vals.sum().backward()
print(s.grad)
r = torch.rot90(s, 1, [0, 1])
r.retain_grad()
(r * torch.arange(6.).reshape(3, 2)).sum().backward()
print(r.grad_fn, s.grad)
k = torch.kron(s, torch.ones(2, 2))
print(k.shape, k.grad_fn)
torch.block_diag(s, s).grad_fn, torch.diag_embed(s).grad_fn, torch.tile(s, (2,)).grad_fn
