# A problem set: write autograd.Functions by hand, the autograder runs gradcheck / gradgradcheck on them
import torch
from torch.autograd import gradcheck, gradgradcheck

torch.manual_seed(0)

class MySigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = 1 / (1 + torch.exp(-x))
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad_out):
        y, = ctx.saved_tensors
        return grad_out * y * (1 - y)

x = torch.randn(4, 3, dtype=torch.double, requires_grad=True)
print(gradcheck(MySigmoid.apply, (x,), eps=1e-6, atol=1e-4))
print(gradgradcheck(MySigmoid.apply, (x,)))

# %%
# student mistake: float32 inputs
x32 = torch.randn(3, requires_grad=True)
try:
    print(gradcheck(MySigmoid.apply, (x32,)))
except Exception as e:
    print(type(e).__name__)
    print(str(e)[:300])

# %%
# a wrong backward: forgot the grad_out factor, and a sign error
class BadSquare(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 2

    @staticmethod
    def backward(ctx, grad_out):
        x, = ctx.saved_tensors
        return -2 * x

x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.double, requires_grad=True)
try:
    gradcheck(BadSquare.apply, (x,))
except torch.autograd.gradcheck.GradcheckError as e:
    print("GradcheckError")
    print(e)

# %%
print(gradcheck(BadSquare.apply, (x,), raise_exception=False))

# %%
# backward returns the wrong number of gradients
class MyMul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return g * b

a = torch.randn(3, dtype=torch.double, requires_grad=True)
b = torch.randn(3, dtype=torch.double, requires_grad=True)
try:
    gradcheck(MyMul.apply, (a, b))
except Exception as e:
    print(type(e).__name__, e)

# %%
class MyMul3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return g * b, g * a, None

try:
    MyMul3.apply(a, b).sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
class MyMulOK(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return g * b, g * a

print(gradcheck(MyMulOK.apply, (a, b), check_undefined_grad=True))
print(gradcheck(MyMulOK.apply, (a, b), nondet_tol=1e-12))
print(gradcheck(MyMulOK.apply, (a, b.detach())))
print(gradgradcheck(MyMulOK.apply, (a, b)))

# %%
# a backward that does not handle an undefined (None) grad
class Frac(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.floor(), x - x.floor()

    @staticmethod
    def backward(ctx, g1, g2):
        return g2 * 1.0

x = torch.tensor([0.3, 1.4, 2.2], dtype=torch.double, requires_grad=True)
try:
    print(gradcheck(Frac.apply, (x,)))
except Exception as e:
    print(type(e).__name__, str(e)[:400])

# %%
# in-place on a saved tensor: the version counter catches it
class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 3 * x ** 2 * g

x = torch.randn(3, dtype=torch.double, requires_grad=True)
h = x * 2
y = Cube.apply(h)
h.add_(1)
try:
    y.sum().backward()
except RuntimeError as e:
    print(e)

# %%
# gradgradcheck on a backward that is not differentiable (computed under no_grad)
class NoGradBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.sin()

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        with torch.no_grad():
            return g * x.cos()

x = torch.randn(3, dtype=torch.double, requires_grad=True)
print(gradcheck(NoGradBackward.apply, (x,)))
try:
    gradgradcheck(NoGradBackward.apply, (x,))
except Exception as e:
    print(type(e).__name__, str(e)[:500])
