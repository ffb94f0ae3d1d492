# Imitates fastbook chapter 17 "A Neural Net from the Foundations": the Kaiming init experiment (x.mean(), x.std()
# after 50 layers, with and without sqrt(2/n) scaling), the refactored LayerFunction base class (Relu, Lin, Mse with
# forward/bwd), a custom torch.autograd.Function MyRelu with ctx.save_for_backward, and nn.Module versions of
# LinearLayer with register_parameter / nn.Parameter and a Model whose loss is computed with the layers.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import tensor

# %%
torch.manual_seed(0)
x = torch.randn(200, 100)
y = torch.randn(200)
w1 = torch.randn(100, 50)
b1 = torch.zeros(50)
w2 = torch.randn(50, 1)
b2 = torch.zeros(1)
def lin(x, w, b): return x @ w + b
l1 = lin(x, w1, b1)
l1.shape, l1.mean(), l1.std()

# %%
x = torch.randn(200, 100)
for i in range(50): x = x @ torch.randn(100, 100)
print(x[0:5, 0:5])
x = torch.randn(200, 100)
for i in range(50): x = x @ (torch.randn(100, 100) * 0.01)
x[0:5, 0:5]

# %%
x = torch.randn(200, 100)
w1 = torch.randn(100, 50) / math.sqrt(100)
b1 = torch.zeros(50)
w2 = torch.randn(50, 1) / math.sqrt(50)
b2 = torch.zeros(1)
l1 = lin(x, w1, b1)
print(l1.mean(), l1.std())
def relu(x): return x.clamp_min(0.)
l2 = relu(l1)
print(l2.mean(), l2.std())

# %%
x = torch.randn(200, 100)
for i in range(50): x = relu(x @ (torch.randn(100, 100) * 0.1))
print(x[0:5, 0:5])
x = torch.randn(200, 100)
for i in range(50): x = relu(x @ (torch.randn(100, 100) * math.sqrt(2 / 100)))
print(x[0:2, 0:5].shape, x.std() > 0.1, x.mean() > 0)

# %%
w1 = torch.randn(100, 50) * math.sqrt(2 / 100)
l2 = relu(lin(x, w1, b1))
print(l2.mean() > 0, l2.std() > 0)
def model(x):
    l1 = lin(x, w1, b1)
    l2 = relu(l1)
    l3 = lin(l2, w2, b2)
    return l3
out = model(x)
print(out.shape)
def mse(output, targ): return (output.squeeze(-1) - targ).pow(2).mean()
loss = mse(out, y)
print(loss > 0)

# %%
class LayerFunction():
    def __call__(self, *args):
        self.args = args
        self.out = self.forward(*args)
        return self.out

    def forward(self): raise Exception('not implemented')
    def bwd(self): raise Exception('not implemented')
    def backward(self): self.bwd(self.out, *self.args)

class Relu(LayerFunction):
    def forward(self, inp): return inp.clamp_min(0.)
    def bwd(self, out, inp): inp.g = (inp > 0).float() * out.g

class Lin(LayerFunction):
    def __init__(self, w, b): self.w, self.b = w, b
    def forward(self, inp): return inp @ self.w + self.b
    def bwd(self, out, inp):
        inp.g = out.g @ self.w.t()
        self.w.g = inp.t() @ out.g
        self.b.g = out.g.sum(0)

class Mse(LayerFunction):
    def forward(self, inp, targ): return (inp.squeeze() - targ).pow(2).mean()
    def bwd(self, out, inp, targ):
        inp.g = 2 * (inp.squeeze() - targ).unsqueeze(-1) / targ.shape[0]

torch.manual_seed(1)
xs, ys = torch.randn(8, 4), torch.randn(8)
W1, B1, W2, B2 = torch.randn(4, 3) * 0.5, torch.zeros(3), torch.randn(3, 1) * 0.5, torch.zeros(1)
layers, lossf = [Lin(W1, B1), Relu(), Lin(W2, B2)], Mse()
h = xs
for l in layers: h = l(h)
loss = lossf(h, ys)
lossf.out.g = None
lossf.backward()
for l in reversed(layers): l.backward()
print(loss, W1.g, B2.g)
try:
    LayerFunction()(xs)
except Exception as e:
    print(type(e).__name__, e)

# %%
ws = [t.clone().requires_grad_() for t in (W1, B1, W2, B2)]
xt = xs.clone().requires_grad_()
loss2 = ((relu(xt @ ws[0] + ws[1]) @ ws[2] + ws[3]).squeeze() - ys).pow(2).mean()
loss2.backward()
print(loss2)
print([torch.allclose(a.g, b.grad, atol=1e-6) for a, b in zip((W1, B1, W2, B2), ws)])
print(torch.allclose(xs.g, xt.grad, atol=1e-6), xs.g.shape)

# %%
class MyRelu(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i):
        result = i.clamp_min(0.)
        ctx.save_for_backward(i)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        i, = ctx.saved_tensors
        return grad_output * (i > 0).float()

t = tensor([-1., 0.5, 2., -3.], requires_grad=True)
r = MyRelu.apply(t)
print(r, r.grad_fn.__class__.__name__, r.requires_grad)
(r * tensor([1., 2., 3., 4.])).sum().backward()
print(t.grad)
print(MyRelu.apply(tensor([-1., 1.])))

# %%
try:
    MyRelu()(t)
except Exception as e:
    print(type(e).__name__, e)
class BadRelu(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i):
        ctx.save_for_backward(i.clamp_min(0.), 3)
        return i.clamp_min(0.)
    @staticmethod
    def backward(ctx, g): return g
try:
    BadRelu.apply(t)
except Exception as e:
    print(type(e).__name__, e)
class TwoGrads(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i): return i * 2
    @staticmethod
    def backward(ctx, g): return g * 2, g
try:
    TwoGrads.apply(t).sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
class LinearLayer(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(n_out, n_in) * math.sqrt(2 / n_in))
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x): return x @ self.weight.t() + self.bias

torch.manual_seed(2)
lin_layer = LinearLayer(10, 2)
p1, p2 = lin_layer.parameters()
print(p1.shape, p2.shape)
print(lin_layer)
print([n for n, _ in lin_layer.named_parameters()], p2)

# %%
class LinearReg(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.register_parameter('weight', nn.Parameter(torch.randn(n_out, n_in) * math.sqrt(2 / n_in)))
        self.register_parameter('bias', None)
        self.register_buffer('scale', torch.ones(n_out))

    def forward(self, x):
        out = x @ self.weight.t()
        return out * self.scale if self.bias is None else out + self.bias

m = LinearReg(3, 2)
print(m.bias, [n for n, _ in m.named_parameters()], list(m.state_dict()))
print(m(torch.ones(1, 3)).shape)
for bad in [lambda: m.register_parameter('a.b', nn.Parameter(torch.ones(1))),
            lambda: m.register_parameter('w2', torch.ones(1)),
            lambda: m.register_parameter('scale', nn.Parameter(torch.ones(1))),
            lambda: m.register_parameter('', nn.Parameter(torch.ones(1))),
            lambda: m.register_parameter(3, nn.Parameter(torch.ones(1))),
            lambda: setattr(m, 'weight', torch.ones(2, 3)),
            lambda: m.register_parameter('zz', nn.Parameter(torch.ones(1)) * 2)]:
    try:
        bad()
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)

# %%
class Model(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(n_in, nh), nn.ReLU(), nn.Linear(nh, n_out))
        self.loss = lambda x, y: F.mse_loss(x.squeeze(-1), y)

    def forward(self, x, targ): return self.loss(self.layers(x), targ)

torch.manual_seed(3)
model = Model(4, 3, 1)
loss = model(xs, ys)
loss.backward()
print(loss, model.layers[0].weight.grad.shape)
print(model)
print(sum(p.numel() for p in model.parameters()))
