# Imitates PyTorch's "Extending torch.autograd" note (docs/source/notes/extending.rst, "How to use" and the
# ctx methods): what may go to save_for_backward (inputs, outputs, intermediates; not a non-tensor), a saved
# tensor modified in place afterwards (the version-counter error), needs_input_grad, non-tensor inputs and
# outputs, keyword defaults, the grad_fn a Function shows and its saved tensors after a backward.
import torch
from torch.autograd import Function

torch.manual_seed(0)

class LinearFunction(Function):
    @staticmethod
    def forward(ctx, input, weight, bias=None):
        ctx.save_for_backward(input, weight, bias)
        output = input.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output

    @staticmethod
    def backward(ctx, grad_output):
        input, weight, bias = ctx.saved_tensors
        grad_input = grad_weight = grad_bias = None
        print("needs_input_grad:", ctx.needs_input_grad)
        if ctx.needs_input_grad[0]:
            grad_input = grad_output.mm(weight)
        if ctx.needs_input_grad[1]:
            grad_weight = grad_output.t().mm(input)
        if bias is not None and ctx.needs_input_grad[2]:
            grad_bias = grad_output.sum(0)
        return grad_input, grad_weight, grad_bias

x = torch.randn(3, 4)
w = torch.randn(2, 4, requires_grad=True)
b = torch.randn(2, requires_grad=True)
out = LinearFunction.apply(x, w, b)
print(out.grad_fn.name(), type(out.grad_fn).__name__, type(out.grad_fn).__module__)
print(out.grad_fn.next_functions)
out.sum().backward()
print(w.grad)
print(b.grad)

# %%
# without a bias (the keyword default); the saved None comes back as None
w.grad = None
out = LinearFunction.apply(x, w)
print(len(out.grad_fn.next_functions), out.grad_fn.next_functions)
print([t is None for t in out.grad_fn.saved_tensors])
out.pow(2).mean().backward()
print(w.grad)

# %%
# a Function applied to tensors that need no grad records nothing
out = LinearFunction.apply(x, w.detach())
print(out.requires_grad, out.grad_fn)
with torch.no_grad():
    out = LinearFunction.apply(x, w, b)
print(out.requires_grad, out.grad_fn)

# %%
# save_for_backward only takes tensors (or None)
class SaveANumber(Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.save_for_backward(x, k)
        return x * k

    @staticmethod
    def backward(ctx, g):
        return g, None

try:
    SaveANumber.apply(torch.ones(2, requires_grad=True), 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    SaveANumber.apply(torch.ones(2, requires_grad=True), [1.0, 2.0])
except Exception as e:
    print(type(e).__name__, e)

# %%
# the right way: a non-tensor goes on ctx as an attribute
class MulConstant(Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = MulConstant.apply(a, 5.5)
print(y, y.grad_fn.constant)
y.backward(torch.ones(3))
print(a.grad)

# %%
# a saved input modified in place afterwards: backward refuses, naming the version
class Square(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g

p = torch.tensor([1.0, 2.0], requires_grad=True)
h = p * 1
s = Square.apply(h)
h.add_(1)
print(h._version)
try:
    s.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
# a saved output modified in place afterwards
class Exp(Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        return grad_output * result

p = torch.tensor([0.0, 1.0], requires_grad=True)
e1 = Exp.apply(p)
print(e1.grad_fn)  # masked address
e1.mul_(2)
print(e1.grad_fn.__class__.__name__, e1._version)
try:
    e1.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
# the saved tensors after backward: freed, unless retain_graph=True
p = torch.tensor([0.5, 1.5], requires_grad=True)
e2 = Exp.apply(p)
e2.sum().backward(retain_graph=True)
print(e2.grad_fn.saved_tensors)
e2.sum().backward()
print(p.grad)
try:
    e2.grad_fn.saved_tensors
except Exception as e:
    print(type(e).__name__, e)
try:
    e2.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
# non-tensor outputs next to a tensor: only the tensor takes part in autograd
class WithStats(Function):
    @staticmethod
    def forward(ctx, x, scale=2.0):
        ctx.scale = scale
        y = x * scale
        return y, float(y.sum()), "ok"

    @staticmethod
    def backward(ctx, gy, gsum, gtext):
        print("grads:", gy, gsum, gtext)
        return gy * ctx.scale, None

x = torch.tensor([1.0, -1.0, 2.0], requires_grad=True)
y, total, tag = WithStats.apply(x)
print(y, total, tag, y.grad_fn.__class__.__name__)
y.sum().backward()
print(x.grad)
x.grad = None
y, total, tag = WithStats.apply(x, scale=0.5)
print(total)
y.sum().backward()
print(x.grad)

# %%
# forgetting a gradient, or one too many
class AddTwo(Function):
    @staticmethod
    def forward(ctx, a, b):
        return a + b

    @staticmethod
    def backward(ctx, g):
        return g

a = torch.ones(2, requires_grad=True)
b = torch.ones(2, requires_grad=True)
try:
    AddTwo.apply(a, b).sum().backward()
except Exception as e:
    print(type(e).__name__, e)

class AddTwoWrongShape(Function):
    @staticmethod
    def forward(ctx, a, b):
        return a + b

    @staticmethod
    def backward(ctx, g):
        return g, g[:1].repeat(3)

try:
    AddTwoWrongShape.apply(a, b).sum().backward()
except Exception as e:
    print(type(e).__name__, e)

class AddTwoInt(Function):
    @staticmethod
    def forward(ctx, a, b):
        return a + b

    @staticmethod
    def backward(ctx, g):
        return g, 1

try:
    AddTwoInt.apply(a, b).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
