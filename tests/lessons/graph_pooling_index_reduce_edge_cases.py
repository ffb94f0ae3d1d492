# Imitates "torch_scatter without torch_scatter" lessons and forum answers: index_reduce_, scatter with reduce=,
# scatter_reduce on 2-D along dim=1, prod with zeros, ties in amax, int/float64 dtypes, repeat_interleave with
# dim/output_size, bincount weights, topk ties, cdist compute modes, and the errors learners hit.
import torch

torch.manual_seed(3)
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

idx = torch.tensor([0, 1, 0, 1, 2, 0])
src = torch.tensor([1.0, 2.0, 0.0, 4.0, 5.0, 3.0], requires_grad=True)
out = torch.ones(4).scatter_reduce(0, idx, src, "prod")
out.backward(torch.arange(1.0, 5.0))
print(out, src.grad)
src.grad = None
out = torch.ones(4).scatter_reduce(0, idx, src, "prod", include_self=False)
out.sum().backward()
print(out, src.grad)

# %%
tie = torch.tensor([2.0, 2.0, 1.0, 2.0], requires_grad=True)
b = torch.tensor([2.0, 0.0], requires_grad=True)
o = b.scatter_reduce(0, torch.tensor([0, 0, 1, 0]), tie, "amax")
o.sum().backward()
print(o, tie.grad, b.grad)
tie.grad = None; b.grad = None
o = b.scatter_reduce(0, torch.tensor([0, 0, 1, 0]), tie, "amin", include_self=False)
o.sum().backward()
print(o, tie.grad, b.grad)

# %%
x = torch.randn(3, 5, dtype=torch.float64, requires_grad=True)
cols = torch.tensor([[0, 1, 0, 2, 1], [2, 2, 2, 0, 0], [1, 1, 1, 1, 1]])
for r in ["sum", "mean", "amax", "amin", "prod"]:
    y = torch.zeros(3, 3, dtype=torch.float64).scatter_reduce(1, cols, x, r, include_self=False)
    gx, = torch.autograd.grad((y * torch.arange(9.0, dtype=torch.float64).view(3, 3)).sum(), x)
    print(r, y, gx)

# %%
ints = torch.tensor([5, 3, 8, 1])
print(torch.zeros(3, dtype=torch.long).scatter_reduce(0, torch.tensor([0, 0, 2, 2]), ints, "mean"))
print(torch.zeros(3, dtype=torch.int32).scatter_reduce(0, torch.tensor([0, 0, 2, 2]), ints.int(), "amax", include_self=False))
print(torch.zeros(3, dtype=torch.long).scatter_reduce(0, torch.tensor([0, 0, 2, 2]), ints, "prod", include_self=False))
print(torch.zeros(3).scatter(0, torch.tensor([0, 0, 2]), torch.tensor([1.0, 2.0, 3.0]), reduce="add"))
print(torch.ones(3).scatter(0, torch.tensor([0, 0, 2]), torch.tensor([1.0, 2.0, 3.0]), reduce="multiply"))
print(torch.zeros(3).scatter(0, torch.tensor([0, 0, 2]), 2.5, reduce="add"))
attempt(lambda: torch.zeros(3).scatter(0, torch.tensor([0]), torch.tensor([1.0]), reduce="mean"))

# %%
t = torch.full((3, 2), 1.0)
v = torch.tensor([[2.0, 3.0], [4.0, 5.0], [6.0, 7.0]])
for r in ["prod", "mean", "amax", "amin"]:
    print(r, t.clone().index_reduce_(0, torch.tensor([0, 2, 0]), v, r), t.clone().index_reduce_(0, torch.tensor([0, 2, 0]), v, r, include_self=False))
w = torch.randn(3, 2, requires_grad=True)
y = torch.ones(3, 2).index_reduce(0, torch.tensor([0, 2, 0]), w, "mean")
y.sum().backward()
print(y.grad_fn, w.grad)
attempt(lambda: t.clone().index_reduce_(0, torch.tensor([0]), v[:1], "sum"))

# %%
print(torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), 2, dim=0))
print(torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), torch.tensor([1, 2]), dim=1))
print(torch.repeat_interleave(torch.tensor([2, 0, 1]), output_size=3))
print(torch.tensor([1.0, 2.0]).repeat_interleave(3))
rr = torch.tensor([1.0, 2.0], requires_grad=True)
rr.repeat_interleave(torch.tensor([2, 3])).pow(2).sum().backward()
print(rr.grad, rr.repeat_interleave(2).grad_fn)
print(torch.bincount(torch.tensor([0, 2, 2]), weights=torch.tensor([0.5, 1.0, 2.0], dtype=torch.float64)))
print(torch.bincount(torch.tensor([], dtype=torch.long)), torch.bincount(torch.tensor([], dtype=torch.long), minlength=3))
print(torch.bincount(torch.tensor([1, 1], dtype=torch.uint8)), torch.tensor([3, 1, 3]).bincount(minlength=2))
attempt(lambda: torch.bincount(torch.tensor([0, 1]), weights=torch.tensor([1.0])))
attempt(lambda: torch.bincount(torch.tensor([0, 1]), minlength=-1))
attempt(lambda: torch.repeat_interleave(torch.tensor([[1, 2]])))

# %%
ties = torch.tensor([[1.0, 0.5, 0.5, 2.0, 0.5], [3.0, 3.0, 1.0, 1.0, 0.0]])
print(ties.topk(2, largest=False), ties.topk(3, dim=1, largest=False, sorted=True).indices)
print(torch.topk(ties, 0, largest=False), torch.topk(ties, 2, dim=0, largest=False))
a = torch.randn(5, 3)
bq = torch.randn(4, 3)
for mode in ["use_mm_for_euclid_dist_if_necessary", "use_mm_for_euclid_dist", "donot_use_mm_for_euclid_dist"]:
    print(mode, torch.cdist(a, bq, compute_mode=mode))
attempt(lambda: torch.cdist(a, bq, compute_mode="fast"))
print(torch.cdist(a.double(), bq.double()).dtype, torch.cdist(a, bq, p=0))
a64 = torch.randn(2, 4, 3, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda z: torch.cdist(z, z[:, :2] + 1.0), (a64,)))
