# Imitates the "Extending torch.autograd" docs and follow-up blog posts: once_differentiable, mark_dirty for an
# in-place custom op, mark_non_differentiable outputs, set_materialize_grads, needs_input_grad and gradcheck.
import torch
from torch.autograd import Function, gradcheck
from torch.autograd.function import once_differentiable

class MyExp(Function):
    @staticmethod
    def forward(ctx, x):
        y = x.exp()
        ctx.save_for_backward(y)
        return y
    @staticmethod
    @once_differentiable
    def backward(ctx, g):
        y, = ctx.saved_tensors
        return g * y

x = torch.tensor([0.0, 1.0], requires_grad=True)
y = MyExp.apply(x)
print(y, y.grad_fn.__class__.__name__)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g, g.requires_grad)
try:
    g.sum().backward()
except RuntimeError as e:
    print(e)

# %%
class ReluInplace(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.mark_dirty(x)
        x.clamp_(min=0)
        ctx.save_for_backward(x)
        return x
    @staticmethod
    def backward(ctx, g):
        out, = ctx.saved_tensors
        return g * (out > 0)

a = torch.tensor([-1.0, 2.0, -3.0], requires_grad=True)
b = a * 1
c = ReluInplace.apply(b)
print(c is b, b, b._version, c.grad_fn.__class__.__name__)
c.sum().backward()
print(a.grad)

# %%
class SortWithIdx(Function):
    @staticmethod
    def forward(ctx, x):
        vals, idx = x.sort()
        ctx.mark_non_differentiable(idx)
        ctx.save_for_backward(idx)
        return vals, idx
    @staticmethod
    def backward(ctx, gv, gi):
        idx, = ctx.saved_tensors
        print("gi is", gi)
        out = torch.zeros_like(gv)
        out.scatter_(0, idx, gv)
        return out

x = torch.tensor([3.0, 1.0, 2.0], requires_grad=True)
v, i = SortWithIdx.apply(x)
print(v, i, v.requires_grad, i.requires_grad)
(v * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
print(x.grad)

# %%
class TwoOut(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        return x * 2, x * 3
    @staticmethod
    def backward(ctx, g1, g2):
        print("g1", g1, "g2", g2)
        total = 0
        if g1 is not None:
            total = total + 2 * g1
        if g2 is not None:
            total = total + 3 * g2
        return total

x = torch.ones(2, requires_grad=True)
p, q = TwoOut.apply(x)
p.sum().backward()
print(x.grad)

# %%
class Scale(Function):
    @staticmethod
    def forward(ctx, x, w):
        ctx.save_for_backward(x, w)
        return x * w
    @staticmethod
    def backward(ctx, g):
        x, w = ctx.saved_tensors
        print("needs", ctx.needs_input_grad)
        gx = g * w if ctx.needs_input_grad[0] else None
        gw = (g * x).sum() if ctx.needs_input_grad[1] else None
        return gx, gw

x = torch.randn(3, dtype=torch.double, requires_grad=True)
w = torch.tensor(2.0, dtype=torch.double)
Scale.apply(x, w).sum().backward()
print(x.grad)
w.requires_grad_(True)
print(gradcheck(Scale.apply, (x, w)))

# %%
class BadGrad(Function):
    @staticmethod
    def forward(ctx, x):
        return x ** 2
    @staticmethod
    def backward(ctx, g):
        return g * 3

try:
    gradcheck(BadGrad.apply, (torch.tensor([1.0, 2.0], dtype=torch.double, requires_grad=True),))
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
print(gradcheck(BadGrad.apply, (torch.tensor([1.0], dtype=torch.double, requires_grad=True),), raise_exception=False))
