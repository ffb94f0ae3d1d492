# Imitates the gradcheck section of PyTorch's "Extending torch.autograd" note and course notebooks (e.g. the
# "Custom C++ and CUDA Extensions" tutorial's check step): gradcheck / gradgradcheck of Functions written wrong,
# the "Jacobian mismatch" text, backward returning a number, and printing the graph a Function makes.
import torch
from torch.autograd import gradcheck, gradgradcheck

torch.manual_seed(0)

class LeakyWrong(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, slope):
        ctx.save_for_backward(x)
        ctx.slope = slope
        return torch.where(x > 0, x, slope * x)

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return torch.where(x > 0, g, g), None   # forgot the slope

x = torch.tensor([[-1.0, 0.5], [2.0, -0.25]], dtype=torch.double, requires_grad=True)
try:
    gradcheck(LeakyWrong.apply, (x, 0.1))
except Exception as e:
    print(type(e).__name__)
    print(e)
print(gradcheck(LeakyWrong.apply, (x, 1.0)))

# %%
class ScaleByNumber(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 3

    @staticmethod
    def backward(ctx, g):
        return 3.0

x = torch.randn(3, dtype=torch.double, requires_grad=True)
try:
    gradcheck(ScaleByNumber.apply, (x,))
except Exception as e:
    print(type(e).__name__, e)

# %%
class SaveNumber(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, n):
        ctx.save_for_backward(x, n)
        return x * n

    @staticmethod
    def backward(ctx, g):
        x, n = ctx.saved_tensors
        return g * n, None

try:
    gradcheck(SaveNumber.apply, (x, 2))
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    print(SaveNumber.apply(x, 2))
print(SaveNumber.apply(x.detach(), 2))

# %%
class PolyOnce(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 2 + x

    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * (2 * x + 1)

x = torch.tensor([0.5, -1.5], dtype=torch.double, requires_grad=True)
print(gradcheck(PolyOnce.apply, (x,)))
try:
    gradgradcheck(PolyOnce.apply, (x,), grad_outputs=(torch.tensor([1.0, -2.0], dtype=torch.double),))
except Exception as e:
    print(type(e).__name__)
    print(e)

# %%
y = PolyOnce.apply(x)
z = (y * 2).sum()
print(z.grad_fn, z.grad_fn.next_functions[0][0].next_functions)
node = z.grad_fn.next_functions[0][0].next_functions[0][0]
print(node.name(), node.next_functions, node.needs_input_grad)
print([t.shape for t in node.saved_tensors])
z.backward()
print(x.grad)
try:
    node.saved_tensors
except Exception as e:
    print(type(e).__name__, e)
