# Imitates fleuret.org/dlc handouts 4-2 ("Autograd") and 4-3/4-4 (hooks, checkpointing) and practical 6
# ("autograd with torch.autograd.Function"): x.grad accumulating over successive backward() calls,
# torch.autograd.grad with create_graph for higher derivatives, tensor and module hooks, checkpoint.
import torch
from torch import nn

# %%
x = torch.tensor([1., 2., 3.], requires_grad=True)
l = (x ** 2).sum()
l.backward(retain_graph=True)
print(x.grad)
l.backward()
print(x.grad)
try:
    l.backward()
except Exception as e:
    print(type(e).__name__, e)
x.grad.zero_()
print(x.grad, x.grad_fn, l.grad_fn)

# %%
t = torch.tensor([1., 2., 4.]).requires_grad_()
u = torch.tensor([10., 20.]).requires_grad_()
a = t.pow(2).sum() + u.log().sum()
a.backward()
print(t.grad, u.grad)
x = torch.tensor([-3.], requires_grad=True)
l = x.exp() * x.pow(3)
(dl,) = torch.autograd.grad(l, x, create_graph=True)
print(dl, dl.grad_fn.name())
(d2l,) = torch.autograd.grad(dl, x, create_graph=True)
print(d2l)
(d3l,) = torch.autograd.grad(d2l, x)
print(d3l, d3l.requires_grad)

# %%
w = torch.tensor([1.0, -1.0], requires_grad=True)
try:
    torch.autograd.grad((w * 2).sum(), w, retain_graph=False)[0].backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(w.sum(), [w, torch.ones(2)])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(w.sum(), [w, torch.ones(2, requires_grad=True)])
except Exception as e:
    print(type(e).__name__, e)
print(torch.autograd.grad(w.sum(), [w, torch.ones(2, requires_grad=True)], allow_unused=True))

# %%
def hook_function(grad):
    print("hook", grad)
    return grad * 10

x = torch.tensor([1., 2.], requires_grad=True)
h = x.register_hook(hook_function)
y = x * x
y.sum().backward()
print(x.grad)
h.remove()
x.grad = None
(x * x).sum().backward()
print(x.grad)

# %%
class Pretty(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)
        self.act = nn.Tanh()
    def forward(self, x):
        return self.act(self.fc(x))

torch.manual_seed(0)
m = Pretty()
def fwd_hook(module, input, output):
    print("fwd", module.__class__.__name__, tuple(input[0].size()), tuple(output.size()))
def bwd_hook(module, grad_input, grad_output):
    print("bwd", module.__class__.__name__, [tuple(g.size()) for g in grad_output])
hs = [mod.register_forward_hook(fwd_hook) for mod in m.children()]
hs += [mod.register_full_backward_hook(bwd_hook) for mod in m.children()]
out = m(torch.randn(4, 3, requires_grad=True))
out.sum().backward()
for hh in hs:
    hh.remove()
print([n for n, p in m.named_parameters()], m.fc.weight.grad.shape)

# %%
from torch.utils.checkpoint import checkpoint
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
x = torch.randn(5, 4, requires_grad=True)
y1 = checkpoint(model, x, use_reentrant=False)
y1.sum().backward()
g1 = x.grad.clone()
x.grad = None
model(x).sum().backward()
print(torch.allclose(g1, x.grad), y1.grad_fn is not None)

# %%
class MySigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        output = 1 / (1 + (-input).exp())
        ctx.save_for_backward(output)
        return output

    @staticmethod
    def backward(ctx, grad_output):
        (output,) = ctx.saved_tensors
        return grad_output * output * (1 - output)

x = torch.tensor([-1., 0., 2.], dtype=torch.float64, requires_grad=True)
y = MySigmoid.apply(x)
print(y, y.grad_fn.__class__.__name__)
y.sum().backward()
print(x.grad)
print(torch.autograd.gradcheck(MySigmoid.apply, (x,)))
try:
    MySigmoid()(x)
except Exception as e:
    print(type(e).__name__, e)

# %%
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a * b
    @staticmethod
    def backward(ctx, g):
        return g
a = torch.ones(2, requires_grad=True)
try:
    Bad.apply(a, a).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
