# Imitates PyTorch's "Double Backward with Custom Functions" tutorial (intermediate/custom_function_double_backward):
# saving inputs (Square), outputs (Exp) and intermediates (Sinh, saved as extra outputs so they carry a graph), the
# wrong way (an intermediate saved without returning it), once_differentiable and its error, and gradgradcheck.
import torch

torch.manual_seed(0)

class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**2

    @staticmethod
    def backward(ctx, grad_out):
        x, = ctx.saved_tensors
        return grad_out * 2 * x

x = torch.rand(3, 3, requires_grad=True, dtype=torch.double)
print(torch.autograd.gradcheck(Square.apply, x))
print(torch.autograd.gradgradcheck(Square.apply, x))

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
out = Square.apply(x)
grad_x, = torch.autograd.grad(out.sum(), x, create_graph=True)
print(grad_x, grad_x.grad_fn.name())
print(grad_x.grad_fn.next_functions)
gg, = torch.autograd.grad(grad_x.sum(), x)
print(gg)

# %%
class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        result = torch.exp(x)
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_out):
        result, = ctx.saved_tensors
        return result * grad_out

x = torch.tensor(1., requires_grad=True, dtype=torch.double).clone()
print(torch.autograd.gradcheck(Exp.apply, x))
print(torch.autograd.gradgradcheck(Exp.apply, x))
out = Exp.apply(x)
g, = torch.autograd.grad(out, x, create_graph=True)
print(g, g.grad_fn.name(), [type(f).__name__ for f, _ in g.grad_fn.next_functions])

# %%
class Sinh(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        expx = torch.exp(x)
        expnegx = torch.exp(-x)
        ctx.save_for_backward(expx, expnegx)
        return (expx - expnegx) / 2, expx, expnegx

    @staticmethod
    def backward(ctx, grad_out, _grad_out_exp, _grad_out_negexp):
        expx, expnegx = ctx.saved_tensors
        grad_input = grad_out * (expx + expnegx) / 2
        grad_input += _grad_out_exp * expx
        grad_input -= _grad_out_negexp * expnegx
        return grad_input

def sinh(x):
    return Sinh.apply(x)[0]

x = torch.rand(3, 3, requires_grad=True, dtype=torch.double)
print(torch.autograd.gradcheck(sinh, x))
print(torch.autograd.gradgradcheck(sinh, x))
y, ex, enx = Sinh.apply(x[0])
print(y.grad_fn is ex.grad_fn, ex.requires_grad, y.grad_fn.name())

# %%
# the wrong way: intermediates saved without being returned do not carry a graph
class SinhBad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        expx = torch.exp(x)
        expnegx = torch.exp(-x)
        ctx.expx = expx
        ctx.expnegx = expnegx
        return (expx - expnegx) / 2

    @staticmethod
    def backward(ctx, grad_out):
        expx = ctx.expx
        expnegx = ctx.expnegx
        grad_input = grad_out * (expx + expnegx) / 2
        return grad_input

x = torch.rand(3, 3, requires_grad=True, dtype=torch.double)
print(torch.autograd.gradcheck(SinhBad.apply, x))
try:
    torch.autograd.gradgradcheck(SinhBad.apply, x)
except Exception as e:
    print(type(e).__name__)
    print(e)

# %%
print(torch.autograd.gradgradcheck(SinhBad.apply, x, raise_exception=False))
out = SinhBad.apply(x)
g, = torch.autograd.grad(out.sum(), x, create_graph=True)
print(g.requires_grad, g.grad_fn.name())
print(torch.autograd.grad(g.sum(), x, allow_unused=True))

# %%
# once_differentiable: the first backward runs without a graph, so a second one fails
from torch.autograd.function import once_differentiable

class MyCube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        result = x ** 3
        dx = 3 * x ** 2
        ctx.save_for_backward(x, dx)
        return result, dx

    @staticmethod
    def backward(ctx, grad_output, grad_dx):
        x, dx = ctx.saved_tensors
        result = grad_output * dx + grad_dx * 6 * x
        return result

class CubeOnce(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output):
        x, = ctx.saved_tensors
        return grad_output * 3 * x ** 2

x = torch.tensor([1.0, 2.0], dtype=torch.double, requires_grad=True)
r, dx = MyCube.apply(x)
g, = torch.autograd.grad(r.sum(), x, create_graph=True)
print(g, torch.autograd.grad(g.sum(), x))
print(torch.autograd.gradgradcheck(lambda t: MyCube.apply(t)[0], x))
y = CubeOnce.apply(x)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g, g.requires_grad, g.grad_fn)
try:
    g.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.gradgradcheck(CubeOnce.apply, x)
except Exception as e:
    print(type(e).__name__, e)

# %%
# with a grad_output that itself requires grad, the once_differentiable result hangs from an Error node
v = torch.ones(2, dtype=torch.double, requires_grad=True)
y = CubeOnce.apply(x)
g, = torch.autograd.grad(y, x, v, create_graph=True)
print(g, g.grad_fn.name(), g.grad_fn.next_functions[0][0].__class__.__name__)
try:
    g.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
print(v.grad, x.grad)
