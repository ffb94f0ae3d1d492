# Imitates tutorials on Tensor subclasses that follow the "Extending PyTorch" note (a units-carrying / tagged tensor
# subclass kept through autograd and an optimizer step), and nn.Parameter subclasses as in the forum threads
# ("How to subclass nn.Parameter"): what class the results have, their grad_fn, and how they print.
import torch

class Tagged(torch.Tensor):
    def describe(self):
        return f"{type(self).__name__} of shape {tuple(self.shape)}"

torch.manual_seed(0)
w = torch.randn(3, 2).as_subclass(Tagged).requires_grad_()
x = torch.randn(4, 3)
y = x @ w
print(type(y).__name__, y.shape, y.grad_fn.name())
print(y.describe())
loss = y.pow(2).mean()
print(type(loss).__name__, loss.grad_fn.name())
loss.backward()
print(type(w.grad).__name__, w.grad.shape)

# %%
vals, idx = torch.max(Tagged([[1.0, 5.0], [7.0, 2.0]]), dim=1)
print(type(vals).__name__, type(idx).__name__, vals, idx)
parts = torch.split(Tagged([1.0, 2.0, 3.0, 4.0]), 2)
print([type(p).__name__ for p in parts])
print(type(torch.stack([Tagged([1.0]), torch.tensor([2.0])])).__name__)
print(type(Tagged([1.0, 2.0]).detach()).__name__, type(Tagged([1.0]).clone()).__name__)

# %%
class MyParam(torch.nn.Parameter):
    pass

p = MyParam(torch.ones(2))
print(type(p).__name__, p.requires_grad, isinstance(p, torch.nn.Parameter))
print(type(p * 2).__name__, type(p + p).__name__)
lin = torch.nn.Linear(2, 1)
lin.weight = MyParam(torch.ones(1, 2))
print([(n, type(v).__name__) for n, v in lin.named_parameters()])
out = lin(torch.ones(3, 2)).sum()
out.backward()
print(lin.weight.grad)
