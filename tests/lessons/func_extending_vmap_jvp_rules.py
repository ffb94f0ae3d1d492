# Imitates PyTorch's "Extending torch.func with autograd.Function" docs (docs/source/notes/extending.func.rst):
# setup_context-style Functions under torch.func.grad / jacrev / jacfwd, a hand-written vmap staticmethod
# (NumpyTake-style, with in_dims and out_dims), generate_vmap_rule=True, the jvp staticmethod with
# torch.autograd.forward_ad and torch.func.jvp, and the errors when a rule is missing.
import torch
import torch.autograd.forward_ad as fwAD
from torch.func import grad, jacrev, jacfwd, vmap, jvp

class MySin(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return torch.sin(x)

    @staticmethod
    def setup_context(ctx, inputs, output):
        x, = inputs
        ctx.save_for_backward(x)
        ctx.save_for_forward(x)

    @staticmethod
    def backward(ctx, grad_output):
        x, = ctx.saved_tensors
        return grad_output * torch.cos(x)

    @staticmethod
    def jvp(ctx, x_t):
        x, = ctx.saved_tensors
        return x_t * torch.cos(x)

x = torch.tensor([0.0, 0.5, 1.0])
print(grad(lambda t: MySin.apply(t).sum())(x))
print(jacrev(MySin.apply)(x))
print(jacfwd(MySin.apply)(x))
out, tangent = jvp(MySin.apply, (x,), (torch.ones(3),))
print(out, tangent)

# %%
with fwAD.dual_level():
    dual = fwAD.make_dual(x, torch.tensor([1.0, 2.0, 3.0]))
    y = MySin.apply(dual)
    p, t = fwAD.unpack_dual(y)
    print(p)
    print(t)
    print(type(fwAD.unpack_dual(y)).__name__, fwAD.unpack_dual(y)._fields)

# %%
# a hand-written vmap rule: info.batch_size, in_dims, and (output, out_dims)
class MulByTwo(torch.autograd.Function):
    @staticmethod
    def forward(x, scale):
        return x * 2 * scale

    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.scale = inputs[1]

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * 2 * ctx.scale, None

    @staticmethod
    def vmap(info, in_dims, x, scale):
        x_bdim, _ = in_dims
        x = x.movedim(x_bdim, 0)
        return MulByTwo.apply(x, scale), 0

xs = torch.arange(6.0).reshape(2, 3)
print(vmap(MulByTwo.apply, in_dims=(0, None))(xs, 3.0))
print(vmap(MulByTwo.apply, in_dims=(1, None))(xs, 1.0))
print(vmap(grad(lambda t: MulByTwo.apply(t, 0.5).sum()))(xs))

# %%
class Cube(torch.autograd.Function):
    generate_vmap_rule = True

    @staticmethod
    def forward(x):
        return x ** 3, 3 * x ** 2

    @staticmethod
    def setup_context(ctx, inputs, output):
        x, = inputs
        _, dx = output
        ctx.save_for_backward(x, dx)
        ctx.mark_non_differentiable(dx)

    @staticmethod
    def backward(ctx, grad_output, grad_dx):
        x, dx = ctx.saved_tensors
        return grad_output * dx

def cube(x):
    return Cube.apply(x)[0]

xs = torch.tensor([[1.0, 2.0], [3.0, -1.0]])
print(vmap(cube)(xs))
print(vmap(grad(cube))(torch.tensor([1.0, 2.0, 3.0])))
print(jacrev(cube)(torch.tensor([1.0, 2.0])))
print(grad(grad(cube))(torch.tensor(2.0)))

# %%
# no vmap rule and no generate_vmap_rule
class NoRule(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x * 2

    @staticmethod
    def setup_context(ctx, inputs, output):
        pass

    @staticmethod
    def backward(ctx, g):
        return g * 2

try:
    vmap(NoRule.apply)(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
print(grad(lambda t: NoRule.apply(t).sum())(torch.ones(3)))

# %%
# an old-style Function (forward takes ctx) under a torch.func transform
class OldStyle(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 2

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g

try:
    grad(lambda t: OldStyle.apply(t).sum())(torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    vmap(OldStyle.apply)(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)

# %%
# forward-mode AD through a Function without a jvp
class NoJvp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.exp()

    @staticmethod
    def backward(ctx, g):
        return g

with fwAD.dual_level():
    dual = fwAD.make_dual(torch.ones(2), torch.ones(2))
    try:
        NoJvp.apply(dual)
    except Exception as e:
        print(type(e).__name__, e)
try:
    jvp(MulByTwo.apply, (torch.ones(2), 2.0), (torch.ones(2), 1.0))
except Exception as e:
    print(type(e).__name__, e)

# %%
# a jvp with several inputs and outputs; a None tangent for an input without one
class MulAdd(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_forward(a, b)
        return a * b, a + b

    @staticmethod
    def jvp(ctx, a_t, b_t):
        a, b = ctx.saved_tensors
        print("tangents:", a_t, b_t)
        if b_t is None:
            return a_t * b, a_t
        return a_t * b + a * b_t, a_t + b_t

    @staticmethod
    def backward(ctx, g1, g2):
        return None, None

a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0])
with fwAD.dual_level():
    ad = fwAD.make_dual(a, torch.tensor([1.0, 0.0]))
    p, s = MulAdd.apply(ad, b)
    print(fwAD.unpack_dual(p).tangent, fwAD.unpack_dual(s).tangent)
    bd = fwAD.make_dual(b, torch.tensor([0.0, 1.0]))
    p, s = MulAdd.apply(ad, bd)
    print(fwAD.unpack_dual(p).tangent, fwAD.unpack_dual(s).tangent)
