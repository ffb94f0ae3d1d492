# Imitates PyTorch's "Learning PyTorch with Examples: defining new autograd functions" (polynomial_custom_function)
# and the older "MyReLU" version of it, then the Function features lessons go on to show.
import torch
import math


class LegendrePolynomial3(torch.autograd.Function):
    """
    We can implement our own custom autograd Functions by subclassing
    torch.autograd.Function and implementing the forward and backward passes
    which operate on Tensors.
    """

    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)


# %%
dtype = torch.float
device = torch.device("cpu")
x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
y = torch.sin(x)
a = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)
b = torch.full((), -1.0, device=device, dtype=dtype, requires_grad=True)
c = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)
d = torch.full((), 0.3, device=device, dtype=dtype, requires_grad=True)

learning_rate = 5e-6
for t in range(2000):
    P3 = LegendrePolynomial3.apply
    y_pred = a + b * P3(c + d * x)
    loss = (y_pred - y).pow(2).sum()
    if t % 100 == 99:
        print(t, loss.item())
    loss.backward()
    with torch.no_grad():
        a -= learning_rate * a.grad
        b -= learning_rate * b.grad
        c -= learning_rate * c.grad
        d -= learning_rate * d.grad
        a.grad = None
        b.grad = None
        c.grad = None
        d.grad = None
# the tutorial prints {a.item()}: a and c end near 1e-10, where sin's last bits decide (see README Limits)
print(f'Result: y = {a.item():.6f} + {b.item()} * P3({c.item():.6f} + {d.item()} x)')

# %%
y_pred
# %%
print(type(y_pred.grad_fn), y_pred.grad_fn.next_functions[1][0].next_functions)
P3(c + d * x).grad_fn


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
w = torch.randn(4, 3, requires_grad=True)
h = MyReLU.apply(w)
h.sum().backward()
print(h, w.grad, sep="\n")


# %%
class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        return grad_output * result


v = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
out = Exp.apply(v)
out.backward(torch.ones(3))
print(out, v.grad)
try:
    out.backward(torch.ones(3))
except RuntimeError as e:
    print(e)
try:
    out.grad_fn.saved_tensors
except RuntimeError as e:
    print("saved_tensors:", e)


# %%
class MulConstant(torch.autograd.Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        print("needs_input_grad in forward:", ctx.needs_input_grad)
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None


p = torch.ones(2, 2, requires_grad=True)
q = MulConstant.apply(p, 5.5)
q.mean().backward()
print(q, p.grad)
print(MulConstant.apply(torch.ones(2), 3))
with torch.no_grad():
    print(MulConstant.apply(p, 2.0))


# %%
class SplitSum(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        return x.sum(0), x.max(), x.argmax()

    @staticmethod
    def backward(ctx, g_sum, g_max, g_arg):
        print("grads:", g_sum, g_max, g_arg)
        return g_sum.expand(3, 2).clone()


m = torch.arange(6.0).reshape(3, 2).requires_grad_()
s, mx, am = SplitSum.apply(m)
print(s, mx, am, s.grad_fn is mx.grad_fn, s.output_nr, mx.output_nr, am.requires_grad)
(s * 2).sum().backward()
print(m.grad)


# %%
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        return x * k

    @staticmethod
    def backward(ctx, g):
        return g


try:
    Bad.apply(torch.ones(3, requires_grad=True), 2).sum().backward()
except RuntimeError as e:
    print(e)


class BadShape(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return torch.ones(2)


try:
    BadShape.apply(torch.ones(3, requires_grad=True)).sum().backward()
except RuntimeError as e:
    print(e)
try:
    Bad()(torch.ones(2), 1)
except RuntimeError as e:
    print(e)


# %%
from torch.autograd.function import once_differentiable


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    @once_differentiable
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g


z = torch.tensor([3.0], requires_grad=True)
gz, = torch.autograd.grad(Square.apply(z), z, create_graph=True)
print(gz, gz.requires_grad)


class Twice(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 3 * x ** 2 * g


gz, = torch.autograd.grad(Twice.apply(z), z, create_graph=True)
ggz, = torch.autograd.grad(gz, z)
print(gz, ggz)
