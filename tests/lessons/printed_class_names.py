# Imitates the cells where a learner looks at what things are: the seed cell's output, type(), and a torchviz-like walk.
import torch
import torch.nn as nn

# %%
torch.manual_seed(1)

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(type(x))
print(isinstance(x, torch.Tensor), torch.is_tensor(x))
print(type(x.shape), type(x.dtype))

# %%
layer = nn.Linear(2, 1)
print(type(layer.weight))
print(type(layer))

# %%
y = x + 2
z = y * y * 3
out = z.mean()
print(type(out.grad_fn))

# %%
def walk(fn, depth=0):
    print("  " * depth + type(fn).__name__ if fn is not None else "  " * depth + "None")
    if fn is not None:
        for nxt, _ in fn.next_functions:
            walk(nxt, depth + 1)

walk(out.grad_fn)
