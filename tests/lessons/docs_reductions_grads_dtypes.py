# Imitates the "Example::" blocks of PyTorch 2.13's "Reduction Ops" reference (aminmax, amax/amin over several
# dims, argmax with keepdim, logsumexp, nanmean/nanmedian/nansum, mode, median with an even count, quantile and
# nanquantile with each interpolation, std_mean/var_mean with correction, count_nonzero), typed in by a learner who
# adds requires_grad=True to see how each reduction spreads its gradient (ties included) and prints the dtypes.
import torch

# %%
x = torch.tensor([[1., 5., 5.], [2., 2., 0.]], requires_grad=True)
m = torch.amax(x, dim=(0, 1))
print(m, m.grad_fn)
m.backward()
print(x.grad)
x.grad = None
torch.amin(x, dim=1, keepdim=True).sum().backward()
print(x.grad)
x.grad = None
v, i = torch.max(x, dim=1)
print(v, i, v.grad_fn)
v.sum().backward()
print(x.grad)
x.grad = None
x.max().backward()
print(x.grad)
mn, mx = torch.aminmax(x, dim=0)
print(mn, mx, mn.grad_fn)
print(torch.aminmax(x))
print(torch.argmax(x, dim=1, keepdim=True), torch.argmax(x, keepdim=True), torch.argmin(x, dim=0).dtype)
print(torch.amax(torch.tensor([[1, 2], [3, 4]], dtype=torch.int16), (0, 1)).dtype, torch.amax(torch.tensor([True, False]), 0))

# %%
torch.manual_seed(0)
a = torch.randn(3, 3, requires_grad=True)
l = torch.logsumexp(a, dim=1)
print(l, l.grad_fn)
l.sum().backward()
print(a.grad)
print(torch.logsumexp(torch.tensor([[1, 2], [3, 4]]), dim=1).dtype, torch.logsumexp(torch.tensor([], dtype=torch.float64), 0))
print(torch.logsumexp(a, dim=()).shape, torch.logsumexp(torch.tensor(2.), 0))
b = torch.tensor([[float('nan'), 1., 2.], [1., 2., 3.]], requires_grad=True)
n = b.nanmean(dim=1)
print(n, n.grad_fn)
n.sum().backward()
print(b.grad)
b.grad = None
s = torch.nansum(b)
print(s, s.grad_fn)
s.backward()
print(b.grad)
print(torch.nansum(torch.tensor([1, 2])).dtype, torch.nansum(torch.tensor([1., float('nan')]), dtype=torch.float64))
print(torch.nanmean(torch.tensor([float('nan')] * 2)), torch.nansum(torch.tensor([[float('nan'), 2.]]), dim=0, keepdim=True))

# %%
a = torch.tensor([1., 4., 2., 3.], requires_grad=True)
med = torch.median(a)
print(med, med.grad_fn)
med.backward()
print(a.grad)
a.grad = None
v, i = torch.median(a.view(2, 2), dim=1)
print(v, i, v.grad_fn)
v.sum().backward()
print(a.grad)
b = torch.tensor([float('nan'), 3., 1., 2.], requires_grad=True)
nm = b.nanmedian()
print(nm, nm.grad_fn)
nm.backward()
print(b.grad)
b.grad = None
r = b.view(2, 2).nanmedian(dim=0)
print(r)
r.values.sum().backward()
print(b.grad)
print(torch.median(torch.tensor([[5, 5, 1, 1]]), 1), torch.median(torch.tensor([3, 1, 2, 4], dtype=torch.int8)))

# %%
t = torch.tensor([[3., 1., 3., 1.], [2., 2., 5., 2.]], requires_grad=True)
mo = torch.mode(t, 1)
print(mo, mo.values.grad_fn)
mo.values.sum().backward()
print(t.grad)
print(torch.mode(torch.tensor([[1, 1], [2, 2]]), 0, keepdim=True), torch.mode(torch.tensor(4.)))
print(torch.mode(torch.tensor([True, False, False])), torch.mode(torch.tensor([2.5, float('nan'), float('nan')])))

# %%
a = torch.arange(4.).requires_grad_()
for how in ['linear', 'lower', 'higher', 'midpoint', 'nearest']:
    a.grad = None
    q = torch.quantile(a, 0.6, interpolation=how)
    q.backward()
    print(how, q, q.grad_fn, a.grad)
a.grad = None
q = torch.quantile(a, torch.tensor([0.25, 0.5]))
print(q, q.grad_fn)
q.sum().backward()
print(a.grad)
t = torch.tensor([[float('nan'), 1., 4.], [1., 2., 3.]], requires_grad=True)
nq = t.nanquantile(0.5, dim=1, keepdim=True)
print(nq)
nq.sum().backward()
print(t.grad)
print(torch.quantile(torch.tensor([1., 2.], dtype=torch.float64), 0.5).dtype, torch.quantile(torch.tensor([[1., 2.], [3., 4.]]), 0.5, dim=0))
print(torch.nanquantile(torch.tensor([1., 2., 3.]), torch.tensor([0., 1.]), interpolation='midpoint'))

# %%
a = torch.tensor([[0.2035, 1.2959, 1.8101, -0.4644], [1.5027, -0.3270, 0.5905, 0.6538]], requires_grad=True)
s, m = torch.std_mean(a, dim=1, correction=0)
print(s, m, s.grad_fn, m.grad_fn)
(s + m).sum().backward()
print(a.grad)
a.grad = None
v, m = torch.var_mean(a, dim=0, keepdim=True, correction=1)
print(v, m, v.grad_fn)
v.sum().backward()
print(a.grad)
a.grad = None
torch.var(a, correction=2).backward()
print(a.grad)
print(torch.std_mean(torch.tensor([1.])), torch.var_mean(torch.tensor([1., 2.], dtype=torch.float64), correction=0))
print(torch.std_mean(torch.tensor([[1 + 1j, 2 - 1j]])), torch.var(torch.tensor([1 + 1j, 3 - 1j])).dtype)

# %%
x = torch.tensor([[0., 1., 1.2], [0., 3., 0.]])
print(torch.count_nonzero(x), torch.count_nonzero(x, dim=0), torch.count_nonzero(x, dim=(0, 1)).dtype)
print(torch.count_nonzero(torch.tensor([[True, False]]), dim=-1), torch.count_nonzero(torch.tensor([float('nan'), 0.])))
print(x.count_nonzero(1), torch.count_nonzero(torch.tensor([]), 0))
print(torch.nansum(x, (0, 1)), torch.amin(x, (0, 1), keepdim=True), torch.amax(x, dim=[]).shape)
