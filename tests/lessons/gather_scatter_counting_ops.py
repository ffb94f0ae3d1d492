# Imitates "100 PyTorch exercises"-style notebooks on index and counting ops: gather / scatter_ / scatter_add_ /
# index_add_ / index_select / index_fill_ / masked_scatter, unique with counts and inverse, bincount with weights,
# histc, topk / kthvalue / mode / median, nonzero, take_along_dim, searchsorted, tril_indices, combinations,
# cartesian_prod, block_diag, cdist, kron, and the gradients that flow through the differentiable ones.
import torch
torch.manual_seed(0)
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
idx = torch.tensor([[0, 0], [1, 0]])
print(torch.gather(x, 1, idx))
print(torch.zeros(3, 5).scatter_(0, torch.tensor([[0, 1, 2, 0, 0], [2, 0, 0, 1, 2]]), torch.arange(1., 11.).view(2, 5)))
print(torch.zeros(3).scatter_add_(0, torch.tensor([0, 1, 0, 2]), torch.tensor([1., 2., 3., 4.])))
print(torch.zeros(3, 2).index_add_(0, torch.tensor([0, 2, 0]), torch.ones(3, 2)))
print(x.index_select(1, torch.tensor([2, 0])))
print(x.clone().index_fill_(1, torch.tensor([1]), -1))
print(torch.zeros(2, 3).scatter_(1, torch.tensor([[1], [2]]), 5.0))
print(torch.zeros(2, 3).scatter(1, torch.tensor([[1], [2]]), torch.ones(2, 1), reduce='add'))
print(torch.zeros(4).scatter_reduce(0, torch.tensor([0, 0, 1, 3]), torch.tensor([2., 5., 1., 7.]), reduce='amax'))

# %%
v = torch.tensor([3, 1, 2, 3, 3, 1])
print(torch.unique(v))
print(torch.unique(v, return_counts=True))
print(torch.unique(v, return_inverse=True, sorted=True))
print(torch.unique_consecutive(torch.tensor([1, 1, 2, 2, 3, 1])))
print(torch.bincount(v), torch.bincount(v, weights=torch.tensor([.5, 1., 1., 1., 1., 2.])))
print(torch.histc(torch.tensor([1., 2, 1, 4, 2.5]), bins=4, min=0, max=4))
print(torch.histc(torch.randn(100), bins=5))
print(torch.histogram(torch.tensor([1., 2, 1]), bins=4, range=(0., 3.)))

# %%
s = torch.tensor([5., 1., 4., 2., 4., 3.])
print(torch.topk(s, 3))
print(s.topk(2, largest=False))
print(torch.kthvalue(s, 2))
print(torch.mode(torch.tensor([1, 2, 2, 3, 3])))
print(torch.median(s), s.median(0))
print(torch.sort(s, descending=True, stable=True))
print(torch.argsort(s))
print(s.nonzero(), (s > 3).nonzero(as_tuple=True))
print(torch.count_nonzero(s > 3), torch.argwhere(s > 3))

# %%
m = torch.tensor([[10, 30, 20], [60, 40, 50]])
i = torch.argmax(m, dim=1, keepdim=True)
print(torch.take_along_dim(m, i, dim=1))
print(torch.take(m, torch.tensor([0, 5])))
print(torch.searchsorted(torch.tensor([1, 3, 5, 7]), torch.tensor([3, 6, 9])))
print(torch.searchsorted(torch.tensor([1, 3, 5, 7]), torch.tensor([3, 6, 9]), right=True))
print(torch.tril_indices(3, 3), torch.triu_indices(3, 3, offset=1))
print(torch.combinations(torch.tensor([1, 2, 3]), r=2))
print(torch.cartesian_prod(torch.tensor([1, 2]), torch.tensor([3, 4])))
print(torch.block_diag(torch.ones(2, 2), torch.tensor([[5]])))
print(torch.kron(torch.eye(2), torch.tensor([[1., 2.], [3., 4.]])))
print(torch.cdist(torch.tensor([[0., 0.], [1., 1.]]), torch.tensor([[1., 0.], [2., 2.], [0., 3.]])))

# %%
a = torch.randn(3, 4, requires_grad=True)
g = torch.gather(a, 1, torch.tensor([[0, 0], [1, 3], [2, 2]]))
g.sum().backward()
print(g.grad_fn)
print(a.grad)
a.grad = None
t = a.topk(2, dim=1).values
t.sum().backward()
print(t.grad_fn, a.grad)
a.grad = None
z = torch.zeros(3, 4).scatter_add(1, torch.tensor([[0, 0], [1, 1], [3, 3]]), a[:, :2])
z.pow(2).sum().backward()
print(z.grad_fn, a.grad)
a.grad = None
w = torch.zeros(2, 4).index_add(0, torch.tensor([0, 1, 0]), a * 2)
w.sum().backward()
print(w.grad_fn, a.grad)
a.grad = None
mv = a.median(dim=1).values
mv.sum().backward()
print(mv.grad_fn, a.grad)
a.grad = None
c = torch.cdist(a[:2], a[1:])
c.sum().backward()
print(c.grad_fn, a.grad)

# %%
src = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
mask = torch.tensor([[True, False, True], [False, True, True]])
out = torch.zeros(2, 3).masked_scatter(mask, src)
print(out)
out.sum().backward()
print(src.grad)
print(torch.zeros(2, 3).masked_fill(mask, 1.5))
print(torch.masked_select(torch.arange(6).view(2, 3), mask))
print(torch.diag_embed(torch.tensor([[1, 2], [3, 4]])))
print(torch.diagonal(torch.arange(9).view(3, 3), offset=1))
print(torch.diagflat(torch.tensor([1, 2])), torch.trace(torch.arange(9.).view(3, 3)))
