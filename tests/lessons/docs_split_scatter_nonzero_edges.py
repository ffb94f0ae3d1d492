# Imitates the Examples of torch.tensor_split, torch.slice_scatter and torch.nonzero in PyTorch's "Indexing,
# Slicing, Joining, Mutating Ops" reference, then the learner's follow-ups: negative split indices, a step that is
# not positive, nonzero(as_tuple=True) with out=.
import torch
torch.manual_seed(0)

# %%
x = torch.arange(8)
print(torch.tensor_split(x, 3))
print(torch.tensor_split(x, (1, 6)))
print(torch.tensor_split(x, [-2, 10]))
print(torch.tensor_split(x, torch.tensor([-3, 5])))
print(torch.tensor_split(x, [-20, 3, -1]))

# %%
w = torch.randn(5, requires_grad=True)
pieces = torch.tensor_split(w, [-2, 4])
print([p.shape for p in pieces])
sum((i + 1) * p.sum() for i, p in enumerate(pieces)).backward()
print(w.grad)

# %%
a = torch.zeros(8, 8)
b = torch.ones(2, 8)
print(a.slice_scatter(b, start=6))
b = torch.ones(8, 2)
print(a.slice_scatter(b, dim=1, start=2, end=6, step=2))
for step in (0, -1):
    try:
        torch.slice_scatter(a, b, dim=1, start=2, end=6, step=step)
    except Exception as e:
        print(type(e).__name__, e)

# %%
print(torch.nonzero(torch.tensor([1, 1, 1, 0, 1]), as_tuple=True))
out = torch.empty(0, dtype=torch.long)
print(torch.nonzero(torch.tensor([1, 0, 2]), out=out), out)
try:
    torch.nonzero(torch.tensor([1, 0, 2]), as_tuple=True, out=out)
except Exception as e:
    print(type(e).__name__, e)
