# Imitates Cornell Tech's MiniTorch course (minitorch.github.io), module 0/1 (operators, scalars, autodiff): the
# student checks each scalar function and its derivative against real torch, and the central-difference checker
# against torch.autograd.grad (including the edge values: relu at 0, log near 0, lt/eq whose derivative is zero).
import math
import torch

def central_difference(f, *vals, arg=0, epsilon=1e-6):
    up = list(vals); dn = list(vals)
    up[arg] += epsilon; dn[arg] -= epsilon
    return (f(*up) - f(*dn)) / (2 * epsilon)

def torch_derivative(fn, *vals, arg=0):
    xs = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in vals]
    out = fn(*xs)
    g = torch.autograd.grad(out, xs[arg], allow_unused=True)[0]
    return out, g

# %%
ops = {
    "neg": lambda x: -x,
    "log": torch.log,
    "exp": torch.exp,
    "sigmoid": torch.sigmoid,
    "relu": torch.relu,
    "inv": lambda x: 1.0 / x,
    "reciprocal": torch.reciprocal,
    "square": lambda x: x * x,
}
for name, fn in ops.items():
    for v in [-2.0, -0.5, 0.0, 0.5, 3.0]:
        out, g = torch_derivative(fn, v)
        print(f"{name:10s} x={v:5.1f} f={out.item(): .6f} df={g.item(): .6f}")

# %%
# the derivative of relu at exactly 0, of log at 0, of inv at 0, and of x**0.5 at 0
for name, fn in [("relu", torch.relu), ("log", torch.log), ("inv", lambda x: 1 / x), ("sqrt", torch.sqrt),
                 ("pow0.5", lambda x: x ** 0.5), ("abs", torch.abs), ("sign", torch.sign)]:
    x = torch.tensor(0.0, requires_grad=True)
    y = fn(x)
    y.backward()
    print(name, y, x.grad)

# %%
# lt / eq / gt: comparison results are bool, carry no grad_fn, and cannot be backpropagated
x = torch.tensor(1.5, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
for r in [x < y, x == y, x > y, torch.lt(x, y), torch.eq(x, x), x.ge(y)]:
    print(r, r.dtype, r.requires_grad, r.grad_fn)
try:
    (x < y).backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    (x < y).float().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    (x < y).requires_grad_()
except Exception as e:
    print(type(e).__name__, e)
z = (x < y).float() * x + (x >= y).float() * y   # the minitorch "max via lt" trick
z.backward()
print(z, x.grad, y.grad)

# %%
# central difference vs torch.autograd.grad for two-argument functions
fns = {
    "add": lambda a, b: a + b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "mix": lambda a, b: (a * b).sigmoid() + (a - b).relu() - (a + 2).log(),
}
for name, fn in fns.items():
    for arg in (0, 1):
        out, g = torch_derivative(fn, 1.3, 0.7, arg=arg)
        num = central_difference(lambda a, b: fn(torch.tensor(a, dtype=torch.float64),
                                                 torch.tensor(b, dtype=torch.float64)).item(), 1.3, 0.7, arg=arg)
        print(name, arg, round(g.item(), 6), round(num, 6), math.isclose(g.item(), num, rel_tol=1e-5))

# %%
# the derivative of a function that ignores its second input
out, g = torch_derivative(lambda a, b: a * 2, 1.0, 2.0, arg=1)
print(out, g)
try:
    a = torch.tensor(1.0, requires_grad=True); b = torch.tensor(2.0, requires_grad=True)
    torch.autograd.grad(a * 2, b)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(torch.tensor(3.0), a)
except Exception as e:
    print(type(e).__name__, e)
try:
    a = torch.tensor(1, requires_grad=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
# operators module: is_close, max, relu_back, log_back, inv_back written with torch
def relu_back(x, d): return d if x > 0 else 0.0
def log_back(x, d): return d / x
def inv_back(x, d): return -d / x ** 2
for v in [0.5, 2.0, -1.0]:
    x = torch.tensor(v, requires_grad=True)
    torch.relu(x).backward(torch.tensor(3.0))
    print(v, x.grad.item(), relu_back(v, 3.0))
    x.grad = None
    if v > 0:
        torch.log(x).backward(torch.tensor(3.0))
        print("  log", x.grad.item(), log_back(v, 3.0))
        x.grad = None
    torch.reciprocal(x).backward(torch.tensor(3.0))
    print("  inv", x.grad.item(), inv_back(v, 3.0))
print(torch.isclose(torch.tensor(1.0), torch.tensor(1.0 + 1e-9)), torch.maximum(torch.tensor(2.), torch.tensor(3.)))
print(torch.tensor(-0.0).relu(), torch.sigmoid(torch.tensor([-100.0, 100.0, 0.0])), torch.exp(torch.tensor(89.)))
print(torch.log(torch.tensor([0.0, -1.0])), torch.tensor(0.0).reciprocal(), torch.tensor(-0.0).reciprocal())
