# Imitates the slides of fleuret.org/dlc lecture 4 ("Autograd", "autograd internals", "writing an autograd
# Function") as a student retypes them: grad_fn / next_functions walks, torch.set_grad_enabled, no_grad,
# requires_grad_, detach, clone, retain_graph and the errors of a second backward, a Function subclass with
# ctx.save_for_backward / needs_input_grad / mark_dirty, and gradcheck on it.
import torch
from torch import autograd

# %%
x = torch.tensor([1., 2., 3.], requires_grad=True)
a = x.exp()
b = a.sum() * 2
print(b.grad_fn, b.grad_fn.next_functions)
print(a.grad_fn.next_functions[0][0].variable is x)
def walk(f, depth=0):
    print('  ' * depth + (f.name() if f is not None else 'None'))
    if f is not None:
        for g, _ in f.next_functions:
            walk(g, depth + 1)
walk(b.grad_fn)
print(b.grad_fn._saved_other, a.grad_fn._saved_result)

# %%
x = torch.tensor([1., -2.], requires_grad=True)
y = (x * x).sum()
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(y, x)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
x = torch.tensor([3.0], requires_grad=True)
with torch.set_grad_enabled(False):
    y = x * 2
print(y.requires_grad, y.grad_fn, torch.is_grad_enabled())
torch.set_grad_enabled(False)
z = x ** 2
torch.set_grad_enabled(True)
print(z.requires_grad, torch.is_grad_enabled())
is_train = True
with torch.set_grad_enabled(is_train):
    w = x.sin()
print(w.grad_fn.name())
@torch.no_grad()
def f(v):
    return v * 3
print(f(x).requires_grad)
try:
    z.backward()
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
u = torch.ones(2, 2)
print(u.requires_grad_(), u.is_leaf)
v = u.detach()
v[0, 0] = 5.
print(u)
c = u.clone()
print(c.grad_fn.name(), c.is_leaf, c.requires_grad)
d = u.detach().clone().requires_grad_(True)
print(d.is_leaf, d.grad_fn)
try:
    u.add_(1)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    u.detach().requires_grad_(False).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
n = torch.randint(0, 3, (2,))
try:
    n.requires_grad_()
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
class MyReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input < 0] = 0
        return grad_input

torch.manual_seed(0)
x = torch.randn(5, requires_grad=True)
y = MyReLU.apply(x)
print(y, y.grad_fn.name(), type(y.grad_fn).__name__)
y.sum().backward()
print(x.grad)
x64 = torch.randn(4, dtype=torch.float64, requires_grad=True)
print(autograd.gradcheck(MyReLU.apply, (x64,), eps=1e-6, atol=1e-4))

# %%
class MulConstant(autograd.Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        print('needs', ctx.needs_input_grad)
        return grad_output * ctx.constant, None

a = torch.tensor([1., 2.], requires_grad=True)
out = MulConstant.apply(a, 5.)
out.backward(torch.tensor([1., 0.5]))
print(a.grad)

class Bad(autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g, g

try:
    Bad.apply(a).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)

class AddOneInplace(autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x.add_(1)
        ctx.mark_dirty(x)
        return x
    @staticmethod
    def backward(ctx, g):
        return g

q = torch.zeros(3, requires_grad=True).clone()
r = AddOneInplace.apply(q)
print(r is q, r.grad_fn.name(), q)
