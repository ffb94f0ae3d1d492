# Imitates Karpathy's micrograd lecture: a scalar Value class with its own backward, the same neuron checked
# against PyTorch with double tensors, then a tiny MLP trained by hand on four examples.
import math
import random
import torch

class Value:
  def __init__(self, data, _children=(), _op='', label=''):
    self.data = data
    self.grad = 0.0
    self._backward = lambda: None
    self._prev = set(_children)
    self._op = _op
    self.label = label
  def __repr__(self):
    return f"Value(data={self.data})"
  def __add__(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data + other.data, (self, other), '+')
    def _backward():
      self.grad += 1.0 * out.grad
      other.grad += 1.0 * out.grad
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
  def __rmul__(self, other):
    return self * other
  def __radd__(self, other):
    return self + other
  def __neg__(self):
    return self * -1
  def __sub__(self, other):
    return self + (-other)
  def __pow__(self, other):
    out = Value(self.data**other, (self,), f'**{other}')
    def _backward():
      self.grad += other * (self.data ** (other - 1)) * out.grad
    out._backward = _backward
    return out
  def tanh(self):
    x = self.data
    t = (math.exp(2*x) - 1)/(math.exp(2*x) + 1)
    out = Value(t, (self, ), 'tanh')
    def _backward():
      self.grad += (1 - t**2) * out.grad
    out._backward = _backward
    return out
  def backward(self):
    topo = []
    visited = set()
    def build_topo(v):
      if v not in visited:
        visited.add(v)
        for child in v._prev:
          build_topo(child)
        topo.append(v)
    build_topo(self)
    self.grad = 1.0
    for node in reversed(topo):
      node._backward()

# %%
x1 = Value(2.0, label='x1'); x2 = Value(0.0, label='x2')
w1 = Value(-3.0, label='w1'); w2 = Value(1.0, label='w2')
b = Value(6.8813735870195432, label='b')
n = x1*w1 + x2*w2 + b
o = n.tanh()
o.backward()
print(o, x1.grad, w1.grad, x2.grad, w2.grad)

# %%
x1 = torch.Tensor([2.0]).double()                ; x1.requires_grad = True
x2 = torch.Tensor([0.0]).double()                ; x2.requires_grad = True
w1 = torch.Tensor([-3.0]).double()               ; w1.requires_grad = True
w2 = torch.Tensor([1.0]).double()                ; w2.requires_grad = True
b = torch.Tensor([6.8813735870195432]).double()  ; b.requires_grad = True
n = x1*w1 + x2*w2 + b
o = torch.tanh(n)
print(o.data.item())
o.backward()
print('---')
print('x2', x2.grad.item())
print('w2', w2.grad.item())
print('x1', x1.grad.item())
print('w1', w1.grad.item())

# %%
print(torch.Tensor([[1, 2, 3], [4, 5, 6]]).shape, torch.Tensor([2.0]).dtype, x2.grad, o)
o.item(), o.data, type(o.grad_fn).__name__

# %%
class Neuron:
  def __init__(self, nin):
    self.w = [Value(random.uniform(-1,1)) for _ in range(nin)]
    self.b = Value(random.uniform(-1,1))
  def __call__(self, x):
    act = sum((wi*xi for wi, xi in zip(self.w, x)), self.b)
    return act.tanh()
  def parameters(self):
    return self.w + [self.b]

class Layer:
  def __init__(self, nin, nout):
    self.neurons = [Neuron(nin) for _ in range(nout)]
  def __call__(self, x):
    outs = [n(x) for n in self.neurons]
    return outs[0] if len(outs) == 1 else outs
  def parameters(self):
    return [p for neuron in self.neurons for p in neuron.parameters()]

class MLP:
  def __init__(self, nin, nouts):
    sz = [nin] + nouts
    self.layers = [Layer(sz[i], sz[i+1]) for i in range(len(nouts))]
  def __call__(self, x):
    for layer in self.layers:
      x = layer(x)
    return x
  def parameters(self):
    return [p for layer in self.layers for p in layer.parameters()]

random.seed(1337)
net = MLP(3, [4, 4, 1])
xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
ys = [1.0, -1.0, -1.0, 1.0]
for k in range(20):
  ypred = [net(x) for x in xs]
  loss = sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred))
  for p in net.parameters():
    p.grad = 0.0
  loss.backward()
  for p in net.parameters():
    p.data += -0.1 * p.grad
print(k, round(loss.data, 6), len(net.parameters()))

# %%
# the same net in torch: parameters copied from the Values, one forward and backward
W = [torch.tensor([[w.data for w in nr.w] for nr in layer.neurons], dtype=torch.float64, requires_grad=True) for layer in net.layers]
B = [torch.tensor([nr.b.data for nr in layer.neurons], dtype=torch.float64, requires_grad=True) for layer in net.layers]
X = torch.tensor(xs, dtype=torch.float64)
h = X
for Wl, bl in zip(W, B):
  h = torch.tanh(h @ Wl.T + bl)
tloss = ((h.squeeze(1) - torch.tensor(ys, dtype=torch.float64))**2).sum()
tloss.backward()
ypred = [net(x) for x in xs]
loss = sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred))
for p in net.parameters():
  p.grad = 0.0
loss.backward()
print(abs(tloss.item() - loss.data) < 1e-12, abs(W[0].grad[0, 0].item() - net.layers[0].neurons[0].w[0].grad) < 1e-12)
print(h.grad_fn, W[2].grad.shape)
