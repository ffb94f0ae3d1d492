# Imitates a lesson that looks at the graph: print(x.grad_fn), grad_fn names, next_functions walks, AccumulateGrad.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(x.grad_fn)
y = x + 2
print(y.grad_fn)
z = y * y * 3
out = z.mean()
print(z.grad_fn, out.grad_fn)

# %%
print(out.grad_fn.next_functions)
print(out.grad_fn.next_functions[0][0].next_functions)

# %%
acc = out.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0].next_functions[0][0]
print(acc)
print(acc.variable is x)
print(out.grad_fn.name())

# %%
a = torch.tensor([[1.0, -2.0], [0.5, 4.0]], requires_grad=True)
ops = {
    "sub": a - 1, "div": a / 2, "rdiv": 1 / a, "pow": a ** 2, "exp": a.exp(), "log": a.abs().log(),
    "neg": -a, "sum": a.sum(), "sum_dim": a.sum(0), "mean_dim": a.mean(1), "view": a.view(4),
    "reshape": a.reshape(-1), "t": a.t(), "transpose": a.transpose(0, 1), "unsqueeze": a.unsqueeze(0),
    "squeeze": a[None].squeeze(0), "matmul": a @ a, "mv": a @ torch.ones(2), "relu": a.relu(),
    "sigmoid": a.sigmoid(), "tanh": a.tanh(), "sqrt": a.abs().sqrt(), "index": a[0], "slice": a[:, 1:],
    "clamp": a.clamp(0, 1), "max": a.max(), "cat": torch.cat([a, a]), "stack": torch.stack([a, a]),
    "softmax": F.softmax(a, 1), "log_softmax": F.log_softmax(a, 1), "expand": a[:, :1].expand(2, 3),
    "clone": a.clone(), "float64": a.double(), "norm": a.norm(), "abs": a.abs(), "sin": a.sin(),
}
for name, t in ops.items():
    print(f"{name:12s}", t.grad_fn)

# %%
torch.manual_seed(0)
lin = nn.Linear(2, 3)
inp = torch.randn(4, 2)
print(lin(inp).grad_fn)
print(lin(inp[0]).grad_fn)
print(F.mse_loss(lin(inp), torch.zeros(4, 3)).grad_fn)
print(F.cross_entropy(lin(inp), torch.tensor([0, 1, 2, 0])).grad_fn)
print(F.binary_cross_entropy(torch.sigmoid(lin(inp)), torch.ones(4, 3)).grad_fn)
print(F.binary_cross_entropy_with_logits(lin(inp), torch.ones(4, 3)).grad_fn)

# %%
f = lin(inp).sum()
print(f.grad_fn.next_functions)
print(f.grad_fn.next_functions[0][0].next_functions)

# %%
w = torch.tensor(1.0, requires_grad=True)
l = (w * 3 + 2) ** 2
print(l)
print(l.grad_fn.next_functions[0][0].next_functions)
