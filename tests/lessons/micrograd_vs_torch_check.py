# micrograd's README sanity check: a scalar Value class with +, *, **, relu, tanh and backward by topological sort,
# compared against torch.Tensor(...).double() with requires_grad, the MLP neuron from micrograd vs nn.Linear.
import math
import random
import torch

class Value:
    def __init__(self, data, _children=(), _op=''):
        self.data = data
        self.grad = 0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), '+')
        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), '*')
        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, other):
        out = Value(self.data**other, (self,), f'**{other}')
        def _backward():
            self.grad += (other * self.data**(other - 1)) * out.grad
        out._backward = _backward
        return out

    def relu(self):
        out = Value(0 if self.data < 0 else self.data, (self,), 'ReLU')
        def _backward():
            self.grad += (out.data > 0) * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,), 'tanh')
        def _backward():
            self.grad += (1 - t**2) * out.grad
        out._backward = _backward
        return out

    def backward(self):
        topo, visited = [], set()
        def build_topo(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build_topo(child)
                topo.append(v)
        build_topo(self)
        self.grad = 1
        for v in reversed(topo):
            v._backward()

    def __neg__(self): return self * -1
    def __radd__(self, other): return self + other
    def __sub__(self, other): return self + (-other)
    def __rsub__(self, other): return other + (-self)
    def __rmul__(self, other): return self * other
    def __truediv__(self, other): return self * other**-1
    def __rtruediv__(self, other): return other * self**-1
    def __repr__(self): return f"Value(data={self.data}, grad={self.grad})"

x = Value(-4.0)
z = 2 * x + 2 + x
q = z.relu() + z * x
h = (z * z).relu()
y = h + q + q * x
y.backward()
xmg, ymg = x, y

x = torch.Tensor([-4.0]).double()
x.requires_grad = True
z = 2 * x + 2 + x
q = z.relu() + z * x
h = (z * z).relu()
y = h + q + q * x
y.backward()
xpt, ypt = x, y
print(ymg.data, ypt.data.item())
print(xmg.grad, xpt.grad.item())
print(abs(ymg.data - ypt.data.item()) < 1e-6, abs(xmg.grad - xpt.grad.item()) < 1e-6)
print(x, y, y.grad_fn)

# %%
a = Value(-4.0); b = Value(2.0)
c = a + b
d = a * b + b**3
c += c + 1
c += 1 + c + (-a)
d += d * 2 + (b + a).relu()
d += 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g += 10.0 / f
g.backward()
amg, bmg, gmg = a, b, g

a = torch.Tensor([-4.0]).double(); b = torch.Tensor([2.0]).double()
a.requires_grad = True; b.requires_grad = True
c = a + b
d = a * b + b**3
c = c + c + 1
c = c + 1 + c + (-a)
d = d + d * 2 + (b + a).relu()
d = d + 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g = g + 10.0 / f
g.backward()
tol = 1e-6
print(f'{gmg.data:.4f}', f'{g.data.item():.4f}')
print(f'{amg.grad:.4f}', f'{a.grad.item():.4f}')
print(f'{bmg.grad:.4f}', f'{b.grad.item():.4f}')
print(abs(gmg.data - g.data.item()) < tol, abs(amg.grad - a.grad.item()) < tol, abs(bmg.grad - b.grad.item()) < tol)
print(g.grad_fn, g.grad_fn.next_functions)

# %%
x1 = torch.Tensor([2.0]).double(); x1.requires_grad = True
x2 = torch.Tensor([0.0]).double(); x2.requires_grad = True
w1 = torch.Tensor([-3.0]).double(); w1.requires_grad = True
w2 = torch.Tensor([1.0]).double(); w2.requires_grad = True
b = torch.Tensor([6.8813735870195432]).double(); b.requires_grad = True
n = x1 * w1 + x2 * w2 + b
o = torch.tanh(n)
print(o.data.item())
o.backward()
print('---')
print('x2', x2.grad.item())
print('w2', w2.grad.item())
print('x1', x1.grad.item())
print('w1', w1.grad.item())
print(torch.Tensor([2.0]).dtype, torch.Tensor([[1, 2, 3], [4, 5, 6]]).shape)
print(torch.Tensor([2.0]).double().dtype)

# %%
random.seed(0)
class Neuron:
    def __init__(self, nin):
        self.w = [Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = Value(random.uniform(-1, 1))
    def __call__(self, x):
        act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        return act.tanh()

nrn = Neuron(3)
xs = [2.0, 3.0, -1.0]
out = nrn(xs)
out.backward()
lin = torch.nn.Linear(3, 1).double()
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[w.data for w in nrn.w]]))
    lin.bias.fill_(nrn.b.data)
tout = torch.tanh(lin(torch.tensor(xs, dtype=torch.float64)))
tout.backward()
print(round(out.data, 6), round(tout.item(), 6))
print([round(w.grad, 6) for w in nrn.w])
print(lin.weight.grad.round(decimals=6))
print(lin.weight.dtype, tout.grad_fn, lin.bias.grad)
