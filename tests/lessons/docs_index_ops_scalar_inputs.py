# Imitates the Examples of PyTorch's "Indexing, Slicing, Joining, Mutating Ops" reference (torch.gather, torch.take,
# torch.take_along_dim, torch.select, torch.transpose / swapaxes) retyped by a learner who then tries them on a
# 0-d tensor, as the docs' notes on scalars invite (seeded instead of unseeded randn).
import torch
torch.manual_seed(0)

# %%
t = torch.tensor([[1, 2], [3, 4]])
print(torch.gather(t, 1, torch.tensor([[0, 0], [1, 0]])))
s = torch.tensor(5.)
print(torch.gather(s, 0, torch.tensor([0, 0])))
print(torch.gather(s, 0, torch.tensor([[0], [0]])))
try:
    torch.gather(s, 0, torch.tensor([0, 1]))
except Exception as e:
    print(type(e).__name__, e)

# %%
src = torch.tensor([[4, 3, 5], [6, 7, 8]])
print(torch.take(src, torch.tensor([0, 2, 5])))
print(torch.take(torch.tensor(4), torch.tensor([[0, -1]])))
for bad in (lambda: torch.take(torch.tensor([]), torch.tensor([0])),
            lambda: torch.take(torch.tensor(4), torch.tensor([1]))):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# %%
for make in (lambda: torch.take_along_dim(torch.tensor(5), torch.tensor(0), dim=0),
             lambda: torch.take_along_dim(torch.tensor(5), torch.tensor(0), dim=-1),
             lambda: torch.select(torch.tensor(1.), 0, 0),
             lambda: torch.tensor(1.).select(0, 0)):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
torch.take_along_dim(torch.tensor(5), torch.tensor(0))

# %%
a = torch.tensor(2., requires_grad=True)
y = torch.gather(a, 0, torch.tensor([0, 0, 0]))
z = torch.take(a, torch.tensor([[0, -1]]))
w = torch.transpose(a, 0, -1)
print(y, z, w)
(y.sum() + 2 * z.sum() + 5 * w).backward()
print(a.grad, type(y.grad_fn).__name__, type(z.grad_fn).__name__, type(w.grad_fn).__name__)
