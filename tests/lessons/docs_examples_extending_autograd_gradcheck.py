# Imitates the "Extending PyTorch" page's torch.autograd.Function examples (LinearFunction with setup_context,
# MulConstant, once_differentiable, mark_non_differentiable in a sort), then the torch.autograd.gradcheck /
# gradgradcheck reference (fast_mode, raise_exception=False) and torch.autograd.grad's allow_unused,
# materialize_grads, is_grads_batched and backward(inputs=...), with the misuse errors the autograd notes show.
import torch
from torch.autograd import Function, gradcheck, gradgradcheck
from torch.autograd.function import once_differentiable
torch.manual_seed(0)

class LinearFunction(Function):
    @staticmethod
    def forward(input, weight, bias):
        output = input.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output

    @staticmethod
    def setup_context(ctx, inputs, output):
        input, weight, bias = inputs
        ctx.save_for_backward(input, weight, bias)

    @staticmethod
    def backward(ctx, grad_output):
        input, weight, bias = ctx.saved_tensors
        grad_input = grad_weight = grad_bias = None
        if ctx.needs_input_grad[0]:
            grad_input = grad_output.mm(weight)
        if ctx.needs_input_grad[1]:
            grad_weight = grad_output.t().mm(input)
        if bias is not None and ctx.needs_input_grad[2]:
            grad_bias = grad_output.sum(0)
        return grad_input, grad_weight, grad_bias

linear = LinearFunction.apply
input = (torch.randn(20, 20, dtype=torch.double, requires_grad=True),
         torch.randn(30, 20, dtype=torch.double, requires_grad=True))
test = gradcheck(linear, input, eps=1e-6, atol=1e-4)
print(test)
out = linear(*input, None)
print(out.grad_fn, out.shape)

# %%
class MulConstant(Function):
    @staticmethod
    def forward(tensor, constant):
        return tensor * constant

    @staticmethod
    def setup_context(ctx, inputs, output):
        tensor, constant = inputs
        ctx.constant = constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None

x = torch.randn(3, requires_grad=True)
y = MulConstant.apply(x, 5.0)
y.sum().backward()
print(y, x.grad)

# %%
class Exp(Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        return grad_output * result

x = torch.randn(3, requires_grad=True)
y = Exp.apply(x)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g)
try:
    g.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
class Sort(Function):
    @staticmethod
    def forward(ctx, x):
        sorted, idx = x.sort()
        ctx.mark_non_differentiable(idx)
        ctx.save_for_backward(x, idx)
        return sorted, idx

    @staticmethod
    def backward(ctx, g1, g2):
        x, idx = ctx.saved_tensors
        grad_input = torch.zeros_like(x)
        grad_input.index_add_(0, idx, g1)
        return grad_input

x = torch.tensor([3.0, 1.0, 2.0], requires_grad=True)
a, b = Sort.apply(x)
print(a, b, b.requires_grad)
(a * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad)

# %%
def bad_sin(x):
    return BadSin.apply(x)

class BadSin(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.sin()

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * x.cos() * 1.1

x = torch.randn(3, dtype=torch.double, requires_grad=True)
print(gradcheck(bad_sin, (x,), raise_exception=False))
print(gradcheck(bad_sin, (x,), fast_mode=True, raise_exception=False))
try:
    gradcheck(bad_sin, (x,))
except Exception as e:
    print(type(e).__name__, str(e)[:70])
print(gradcheck(torch.sin, (x,), fast_mode=True), gradgradcheck(torch.sin, (x,)))

# %%
x = torch.randn(3, requires_grad=True)
z = torch.randn(3, requires_grad=True)
y = (x ** 2).sum()
print(torch.autograd.grad(y, [x, z], allow_unused=True, retain_graph=True))
print(torch.autograd.grad(y, [x, z], materialize_grads=True, retain_graph=True))
try:
    torch.autograd.grad(y, [x, z], retain_graph=True)
except Exception as e:
    print(type(e).__name__, e)
out = x * 2
print(torch.autograd.grad(out, x, torch.eye(3), is_grads_batched=True))
w = x.exp()
v = (w * z).sum()
v.backward(inputs=[z])
print(x.grad, z.grad)

# %%
x = torch.randn(3, requires_grad=True)
for bad in [lambda: (x * 2).backward(),
            lambda: torch.autograd.grad(x * 2, x)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
y = (x.exp()).sum()
y.backward()
try:
    y.backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    x.add_(1)
except Exception as e:
    print(type(e).__name__, e)
