# Imitates "molecular graph networks from scratch" lessons: atoms and bonds as index tensors, messages summed with
# index_add_ / scatter_add, scatter_reduce with every reduction (include_self True/False) and their gradients,
# segment pooling over a batch of molecules with bincount / repeat_interleave.
import torch

torch.manual_seed(0)
# water + methane as one batch: atom types and bonds (undirected, listed both ways)
z = torch.tensor([8, 1, 1, 6, 1, 1, 1, 1])
bonds = torch.tensor([[0, 1], [0, 2], [3, 4], [3, 5], [3, 6], [3, 7]]).t()
edge_index = torch.cat([bonds, bonds.flip(0)], dim=1)
batch = torch.tensor([0, 0, 0, 1, 1, 1, 1, 1])
print(edge_index, edge_index.shape, edge_index.dtype)
src, dst = edge_index
deg = torch.bincount(dst, minlength=z.numel())
print(deg, deg.dtype)
print(torch.bincount(batch), torch.bincount(batch, weights=z.float()))
n_atoms = torch.bincount(batch)
print(torch.repeat_interleave(n_atoms), torch.repeat_interleave(torch.arange(2), n_atoms))

# %%
emb = torch.nn.Embedding(10, 4)
h = emb(z)
msg = h[src] * 0.5
agg = torch.zeros_like(h).index_add_(0, dst, msg)
print(agg.grad_fn, agg.shape)
agg2 = torch.zeros_like(h).scatter_add(0, dst.unsqueeze(-1).expand(-1, 4), msg)
print(torch.allclose(agg, agg2), agg2.grad_fn)
agg.sum().backward()
print(emb.weight.grad)

# %%
x = torch.randn(8, 3, requires_grad=True)
m = x[src]
idx = dst.unsqueeze(-1).expand_as(m)
for reduce in ["sum", "mean", "amax", "amin", "prod"]:
    for include_self in [True, False]:
        base = torch.ones(8, 3) * 0.5
        out = base.scatter_reduce(0, idx, m, reduce=reduce, include_self=include_self)
        g, = torch.autograd.grad(out.pow(2).sum(), x)
        print(reduce, include_self, out.grad_fn.name(), out[0], g[3])

# %%
# with base that requires grad too
base = torch.randn(8, 3, requires_grad=True)
src_t = torch.randn(12, 3, requires_grad=True)
for reduce in ["sum", "mean", "amax", "prod"]:
    out = base.scatter_reduce(0, idx, src_t, reduce=reduce, include_self=True)
    gb, gs = torch.autograd.grad(out.sum(), [base, src_t])
    print(reduce, gb[0], gs[:2])
# empty targets keep the base values when include_self=False
lone = torch.tensor([0, 0, 2])
print(torch.full((4,), 7.0).scatter_reduce(0, lone, torch.tensor([1.0, 3.0, 5.0]), "mean", include_self=False))
print(torch.full((4,), 7.0).scatter_reduce(0, lone, torch.tensor([1.0, 3.0, 5.0]), "mean"))
print(torch.zeros(4, dtype=torch.long).scatter_reduce(0, lone, torch.tensor([1, 4, 5]), "mean", include_self=False))

# %%
# segment pooling: mean over atoms per molecule
hx = torch.randn(8, 4, requires_grad=True)
pooled = torch.zeros(2, 4).index_add(0, batch, hx) / n_atoms.unsqueeze(1)
print(pooled, pooled.grad_fn)
pooled2 = torch.zeros(2, 4).scatter_reduce(0, batch.view(-1, 1).expand(-1, 4), hx, "mean", include_self=False)
print(torch.allclose(pooled, pooled2))
maxpool = torch.full((2, 4), float("-inf")).scatter_reduce(0, batch.view(-1, 1).expand(-1, 4), hx, "amax")
maxpool.sum().backward()
print(maxpool, hx.grad)

# %%
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: torch.zeros(3).scatter_reduce(0, torch.tensor([0, 1]), torch.ones(2), "max"))
attempt(lambda: torch.zeros(3).scatter_reduce(0, torch.tensor([0, 1]), torch.ones(2, dtype=torch.float64), "sum"))
attempt(lambda: torch.zeros(3).index_add_(0, torch.tensor([0, 5]), torch.ones(2)))
attempt(lambda: torch.zeros(3).index_add_(0, torch.tensor([0.0, 1.0]), torch.ones(2)))
attempt(lambda: torch.zeros(3).scatter_add(0, torch.tensor([0, 1]).int(), torch.ones(2)))
attempt(lambda: torch.bincount(torch.tensor([-1, 2])))
attempt(lambda: torch.bincount(torch.tensor([[1, 2]])))
attempt(lambda: torch.bincount(torch.tensor([1.0, 2.0])))
attempt(lambda: torch.repeat_interleave(torch.tensor([1, -2])))
attempt(lambda: torch.tensor([1, 2, 3]).repeat_interleave(torch.tensor([1, 2])))
attempt(lambda: torch.zeros(3).index_add(0, torch.tensor([0, 1]), torch.ones(2), alpha=2.5))
attempt(lambda: torch.zeros(3, dtype=torch.long).index_add(0, torch.tensor([0, 1]), torch.ones(2, dtype=torch.long), alpha=2))

# %%
# half-precision message passing, as in a memory-saving tutorial
hh = (torch.randn(8, 4) * 4).half()
mh = hh[src]
print(torch.zeros(8, 4, dtype=torch.half).index_add(0, dst, mh))
print(torch.zeros(8, 4, dtype=torch.half).scatter_add(0, dst.unsqueeze(-1).expand(-1, 4), mh))
print(torch.zeros(8, 4, dtype=torch.half).scatter_reduce(0, dst.unsqueeze(-1).expand(-1, 4), mh, "mean", include_self=False))
print(torch.zeros(2, 4, dtype=torch.half).index_add(0, batch, hh), torch.zeros(8).half().index_add(0, dst, mh[:, 0]))
attempt(lambda: torch.zeros(8, 4).index_add_(0, dst + 3, torch.ones(12, 4)))
attempt(lambda: torch.zeros(8, 4).index_add_(0, (dst + 3).int(), torch.ones(12, 4)))
