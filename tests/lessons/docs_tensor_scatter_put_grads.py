# Imitates the "Example::" blocks of PyTorch's Tensor reference for Tensor.scatter_ (reduce='add' /
# 'multiply'), scatter_reduce_ with include_self, masked_scatter_ and put_ with accumulate, then a learner
# checking the gradients of the out-of-place forms (scatter, scatter_reduce, masked_scatter, put, index_add,
# index_copy, index_fill, index_reduce, take, take_along_dim) and the errors PyTorch prints on misuse.
import torch
torch.manual_seed(0)

# %%
x = torch.full((2, 4), 2.)
x.scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce='multiply')
print(x)
x = torch.full((2, 4), 2.)
x.scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce='add')
print(x)
src = torch.arange(1., 11.).reshape(2, 5)
print(torch.ones(3, 5).scatter_(0, torch.tensor([[0, 1, 2, 0]]), src, reduce='add'))
torch.ones(3, 5).scatter_(0, torch.tensor([[0, 1, 2, 0]]), src, reduce='multiply')

# %%
src = torch.tensor([1., 2., 3., 4., 5., 6.])
index = torch.tensor([0, 1, 0, 1, 2, 1])
input = torch.tensor([1., 2., 3., 4.])
print(input.clone().scatter_reduce_(0, index, src, reduce="sum"))
print(input.clone().scatter_reduce_(0, index, src, reduce="prod", include_self=False))
print(input.clone().scatter_reduce_(0, index, src, reduce="mean", include_self=True))
print(torch.zeros(2, 3).scatter_reduce_(1, torch.tensor([[0, 0], [2, 2]]), torch.tensor([[1., 5.], [7., 3.]]), "amin", include_self=False))
torch.tensor([3, 3, 3]).scatter_reduce_(0, torch.tensor([0, 0, 1]), torch.tensor([4, 5, 6]), "mean")

# %%
self = torch.tensor([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
mask = torch.tensor([[0, 0, 0, 1, 1], [1, 1, 0, 1, 1]], dtype=torch.bool)
source = torch.tensor([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]])
print(self.view(2, 5).masked_scatter_(mask, source))
print(torch.zeros(2, 3).masked_scatter(torch.tensor([True, False, True]), torch.arange(1., 7.)))
src = torch.tensor([[4, 3, 5], [6, 7, 8]])
print(src.put_(torch.tensor([1, 3]), torch.tensor([9, 10])))
print(torch.zeros(3).put_(torch.tensor([0, 0, 2, 0]), torch.tensor([1., 2., 3., 4.]), accumulate=True))
torch.zeros(2, 2).put(torch.tensor([[0, 3]]), torch.tensor([[5., 6.]]))

# %%
w = torch.randn(3, 4, requires_grad=True)
s = torch.randn(2, 4, requires_grad=True)
out = w.scatter(0, torch.tensor([[0, 1, 2, 0], [2, 2, 1, 1]]), s)
out.pow(2).sum().backward()
print(out.grad_fn, w.grad, s.grad, sep="\n")
w.grad = s.grad = None
out = w.scatter_add(0, torch.tensor([[0, 1, 2, 0]]), s[:1])
(out * torch.arange(12.).view(3, 4)).sum().backward()
print(out.grad_fn, w.grad, s.grad, sep="\n")
w.grad = None
out = w.scatter(1, torch.tensor([[0], [3], [1]]), 0.5, reduce='add')
out.sum().backward()
print(out.grad_fn, w.grad)

# %%
x = torch.tensor([1., 2., 3., 4.], requires_grad=True)
src = torch.tensor([2., 5., 3., 6., 1.], requires_grad=True)
idx = torch.tensor([0, 0, 1, 1, 3])
for r in ["sum", "prod", "mean", "amax", "amin"]:
    for inc in [True, False]:
        x.grad = src.grad = None
        y = x.scatter_reduce(0, idx, src, reduce=r, include_self=inc)
        (y * torch.tensor([1., 2., 3., 4.])).sum().backward()
        print(r, inc, y.detach(), y.grad_fn.name(), x.grad, src.grad)

# %%
x = torch.randn(4, 2, requires_grad=True)
t = torch.randn(3, 2, requires_grad=True)
i = torch.tensor([0, 3, 0])
for make in [lambda: x.index_add(0, i, t, alpha=3.),
             lambda: x.index_copy(0, torch.tensor([1, 3, 0]), t),
             lambda: x.index_fill(0, i, 2.),
             lambda: x.index_reduce(0, i, t, 'prod'),
             lambda: x.index_reduce(0, i, t, 'mean', include_self=False),
             lambda: x.index_reduce(0, i, t, 'amax'),
             lambda: x.masked_scatter(torch.tensor([[True, False], [False, False], [True, True], [False, False]]), t),
             lambda: x.put(torch.tensor([0, 7, 0]), t[:, 0], accumulate=True),
             lambda: x.put(torch.tensor([1, 6]), t[0]),
             lambda: x.take(torch.tensor([[0, 7], [7, 2]])),
             lambda: x.take_along_dim(torch.tensor([[1], [0], [1], [1]]), dim=1)]:
    x.grad = t.grad = None
    y = make()
    y.sum().backward()
    print(y.grad_fn.name(), tuple(y.shape), x.grad.view(-1), t.grad if t.grad is None else t.grad.view(-1))

# %%
for bad in [lambda: torch.zeros(3, 5).scatter_(0, torch.tensor([[0, 1, 3]]), 1.0),
            lambda: torch.zeros(3, 5).scatter_(0, torch.tensor([[0, 1, 2]], dtype=torch.int32), 1.0),
            lambda: torch.zeros(3, 5).scatter_(0, torch.tensor([[0, 1, 2]]), 1.0, reduce='sum'),
            lambda: torch.zeros(3, 5).scatter_(0, torch.tensor([[0, 1], [1, 0], [0, 0], [1, 1]]), torch.ones(2, 2)),
            lambda: torch.zeros(3).scatter_reduce_(0, torch.tensor([0, 4]), torch.ones(2), "sum"),
            lambda: torch.zeros(3).scatter_reduce_(0, torch.tensor([0, 1]), torch.ones(2, dtype=torch.float64), "sum"),
            lambda: torch.zeros(3).masked_scatter_(torch.tensor([True, True, True]), torch.ones(2)),
            lambda: torch.zeros(3).masked_scatter_(torch.tensor([True, True]), torch.ones(2)),
            lambda: torch.zeros(3).put_(torch.tensor([-4]), torch.tensor([1.])),
            lambda: torch.zeros(3).put_(torch.tensor([0, 1]), torch.tensor([1.])),
            lambda: torch.zeros(3).put_(torch.tensor([0.]), torch.tensor([1.])),
            lambda: torch.zeros(3).put_(torch.tensor([0]), torch.tensor([1], dtype=torch.int64)),
            lambda: torch.ones(2, requires_grad=True).scatter_(0, torch.tensor([0]), 1.0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
