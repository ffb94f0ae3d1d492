# Imitates the "Extending torch.autograd" note's ctx methods as the autograd mechanics docs and forum answers use
# them: mark_dirty for an in-place Function (and forgetting it), returning an input or a view of it,
# mark_non_differentiable for argmax / argsort indices, set_materialize_grads(False) with None gradients.
import torch
from torch.autograd import Function

class AddOneInplace(Function):
    @staticmethod
    def forward(ctx, x):
        x.add_(1)
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a.clone()
v0 = b._version
c = AddOneInplace.apply(b)
print(c is b, b._version - v0, c.grad_fn, b.grad_fn.name())
(c * c).sum().backward()
print(a.grad)

# %%
# a leaf that requires grad cannot be modified in place, not even by a Function
try:
    AddOneInplace.apply(a)
except Exception as e:
    print(type(e).__name__, e)
print(a)
with torch.no_grad():
    out = AddOneInplace.apply(a)
print(out is a, a, a.requires_grad, out.grad_fn)

# %%
# forgetting mark_dirty: the input is modified, but the output is a new view of it
class AddOneForgot(Function):
    @staticmethod
    def forward(ctx, x):
        x.add_(1)
        return x

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output

b = a.clone()
c = AddOneForgot.apply(b)
print(c is b, c._base is b, b.grad_fn.name(), c.grad_fn.name())
print(torch.equal(b, c))
try:
    c.mul_(2)
except Exception as e:
    print(type(e).__name__, e)

# %%
# returning an input untouched gives a view, which cannot be changed in place afterwards
class Identity(Function):
    @staticmethod
    def forward(ctx, x):
        return x

    @staticmethod
    def backward(ctx, g):
        return g

x = torch.randn(3, requires_grad=True)
h = x * 2
y = Identity.apply(h)
print(y is h, y._base is h, y.grad_fn.name(), y.is_leaf)
try:
    y.add_(1)
except Exception as e:
    print(type(e).__name__, e)
z = Identity.apply(x)
print(z._base is x, z.grad_fn.name())
z.sum().backward()
print(x.grad)

# %%
class ViewOfInput(Function):
    @staticmethod
    def forward(ctx, x):
        return x.view(-1)[:2]

    @staticmethod
    def backward(ctx, g):
        out = torch.zeros(4)
        out[:2] = g
        return out.view(2, 2)

x = torch.arange(4.0).view(2, 2).requires_grad_()
h = x + 0
y = ViewOfInput.apply(h)
print(y, y._base is h)
try:
    y.mul_(3)
except Exception as e:
    print(type(e).__name__, e)
y.sum().backward()
print(x.grad)

# %%
class ArgMaxFn(Function):
    @staticmethod
    def forward(ctx, x):
        values, idx = x.max(dim=1)
        ctx.mark_non_differentiable(idx)
        ctx.save_for_backward(x, idx)
        return values, idx

    @staticmethod
    def backward(ctx, grad_values, grad_idx):
        x, idx = ctx.saved_tensors
        print("grad_idx:", grad_idx)
        grad = torch.zeros_like(x)
        grad.scatter_(1, idx.unsqueeze(1), grad_values.unsqueeze(1))
        return grad

torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
vals, idx = ArgMaxFn.apply(x)
print(vals.requires_grad, idx.requires_grad, idx.grad_fn, idx.dtype)
vals.sum().backward()
print(x.grad)
try:
    idx.float().sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
# a float output marked non-differentiable
class SortWithPerm(Function):
    @staticmethod
    def forward(ctx, x):
        s, i = torch.sort(x)
        perm = i.to(x.dtype)
        ctx.mark_non_differentiable(perm)
        ctx.save_for_backward(i)
        return s, perm

    @staticmethod
    def backward(ctx, gs, gperm):
        i, = ctx.saved_tensors
        print("gperm:", gperm)
        g = torch.empty_like(gs)
        g[i] = gs
        return g

x = torch.tensor([0.3, -1.0, 2.0], requires_grad=True)
s, perm = SortWithPerm.apply(x)
print(s, perm, perm.requires_grad)
(s * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad)
x.grad = None
s, perm = SortWithPerm.apply(x)
print(torch.autograd.grad((s * perm).sum(), x))

# %%
class SplitTwo(Function):
    @staticmethod
    def forward(ctx, x, materialize):
        ctx.set_materialize_grads(materialize)
        return x[:2].clone(), x[2:].clone()

    @staticmethod
    def backward(ctx, g1, g2):
        print("g1:", g1, "g2:", g2)
        parts = [torch.zeros(2) if g1 is None else g1, torch.zeros(1) if g2 is None else g2]
        return torch.cat(parts), None

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
for materialize in (True, False):
    x.grad = None
    first, second = SplitTwo.apply(x, materialize)
    first.sum().backward()
    print(x.grad)

# %%
# with materialize off, a backward that assumes tensors breaks
class SplitAssume(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        return x * 1, x * 2

    @staticmethod
    def backward(ctx, g1, g2):
        return g1 + 2 * g2

x = torch.tensor([1.0, 2.0], requires_grad=True)
u, w = SplitAssume.apply(x)
try:
    u.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
u, w = SplitAssume.apply(x)
(u.sum() + w.sum()).backward()
print(x.grad)
