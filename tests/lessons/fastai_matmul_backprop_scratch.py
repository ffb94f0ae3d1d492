# Imitates fast.ai's "from the foundations" lessons: matrix multiplication from loops to broadcasting and einsum,
# a two-layer MLP's forward and backward pass written by hand (lin_grad, mse_grad, relu_grad) checked against
# autograd, Kaiming initialisation statistics, and the same model refactored into Module classes.
import math
import torch
from torch import tensor

# %%
torch.manual_seed(42)
m1 = torch.randn(5, 784)
m2 = torch.randn(784, 10)
ar, ac = m1.shape # n_rows * n_cols
br, bc = m2.shape
(ar, ac), (br, bc)

# %%
def matmul(a, b):
    (ar, ac), (br, bc) = a.shape, b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc):
            for k in range(ac):
                c[i, j] += a[i, k] * b[k, j]
    return c

t1 = matmul(m1[:2, :20], m2[:20, :3])
t1

# %%
def matmul2(a, b):
    (ar, ac), (br, bc) = a.shape, b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc):
            c[i, j] = (a[i, :] * b[:, j]).sum()
    return c

def matmul3(a, b):
    (ar, ac), (br, bc) = a.shape, b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        c[i] = (a[i, :, None] * b).sum(dim=0)
    return c

print(torch.allclose(t1, matmul2(m1[:2, :20], m2[:20, :3]), atol=1e-5))
print(torch.allclose(matmul3(m1, m2), m1 @ m2, atol=1e-4))

# %%
c = tensor([10., 20, 30])
m = tensor([[1., 2, 3], [4, 5, 6], [7, 8, 9]])
print(m.shape, c.shape)
print(m + c)
t = c.expand_as(m)
print(t)
print(t.storage().tolist() if hasattr(t, "storage") else None, t.stride(), t.shape)
print(c.unsqueeze(0), c[None, :], c.unsqueeze(1).shape, c[:, None].shape, c[..., None].shape)
print(m + c[:, None])

# %%
def matmul_einsum(a, b): return torch.einsum('ik,kj->ij', a, b)
print(torch.allclose(matmul_einsum(m1, m2), m1 @ m2, atol=1e-4))
print(torch.einsum('ik,kj->ikj', m1[:2, :3], m2[:3, :2]).shape)
print(torch.einsum('ii->i', m), torch.einsum('ii', m), torch.einsum('ij->ji', m))
print(torch.einsum('i,j->ij', c, c))

# %%
torch.manual_seed(0)
n, d, nh = 64, 10, 50
x_train = torch.randn(n, d)
y_train = (x_train[:, :3].sum(1) > 0).float()
w1 = torch.randn(d, nh) * math.sqrt(2 / d)
b1 = torch.zeros(nh)
w2 = torch.randn(nh, 1) / math.sqrt(nh)
b2 = torch.zeros(1)
print(w1.mean(), w1.std())

# %%
def lin(x, w, b): return x @ w + b
def relu(x): return x.clamp_min(0.)

t = relu(lin(x_train, w1, b1))
print(t.mean(), t.std())

# %%
def model(xb):
    l1 = lin(xb, w1, b1)
    l2 = relu(l1)
    return lin(l2, w2, b2)

res = model(x_train)
print(res.shape, res[:, 0].shape, res.squeeze().shape)
print((res - y_train).shape)   # the broadcasting bug the lesson warns about
def mse(output, targ): return (output[:, 0] - targ).pow(2).mean()
print(mse(res, y_train))

# %%
def mse_grad(inp, targ):
    # grad of loss with respect to output of previous layer
    inp.g = 2. * (inp.squeeze() - targ).unsqueeze(-1) / inp.shape[0]

def relu_grad(inp, out):
    # grad of relu with respect to input activations
    inp.g = (inp > 0).float() * out.g

def lin_grad(inp, out, w, b):
    # grad of matmul with respect to input
    inp.g = out.g @ w.t()
    w.g = (inp.unsqueeze(-1) * out.g.unsqueeze(1)).sum(0)
    b.g = out.g.sum(0)

def forward_and_backward(inp, targ):
    # forward pass:
    l1 = lin(inp, w1, b1)
    l2 = relu(l1)
    out = lin(l2, w2, b2)
    diff = out[:, 0] - targ
    loss = diff.pow(2).mean()
    # backward pass:
    mse_grad(out, targ)
    lin_grad(l2, out, w2, b2)
    relu_grad(l1, l2)
    lin_grad(inp, l1, w1, b1)
    return loss

loss = forward_and_backward(x_train, y_train)
print(loss)
print(w1.g.shape, b1.g[:5], w2.g[:3, 0], b2.g)

# %%
w1g, b1g, w2g, b2g = [o.g.clone() for o in (w1, b1, w2, b2)]
ig = x_train.g.clone()
xt2 = x_train.clone().requires_grad_(True)
ptgrads = w12, w22, b12, b22 = [o.clone().requires_grad_(True) for o in (w1, w2, b1, b2)]

def forward(inp, targ):
    l1 = lin(inp, w12, b12)
    l2 = relu(l1)
    out = lin(l2, w22, b22)
    return mse(out, targ)

loss = forward(xt2, y_train)
loss.backward()
for a, b in zip((w1g, w2g, b1g, b2g, ig), (w12, w22, b12, b22, xt2)):
    print(torch.allclose(a, b.grad, rtol=1e-3, atol=1e-5), (a - b.grad).abs().max() < 1e-5)

# %%
class Relu():
    def __call__(self, inp):
        self.inp = inp
        self.out = inp.clamp_min(0.)
        return self.out

    def backward(self): self.inp.g = (self.inp > 0).float() * self.out.g

class Lin():
    def __init__(self, w, b): self.w, self.b = w, b

    def __call__(self, inp):
        self.inp = inp
        self.out = lin(inp, self.w, self.b)
        return self.out

    def backward(self):
        self.inp.g = self.out.g @ self.w.t()
        self.w.g = self.inp.t() @ self.out.g
        self.b.g = self.out.g.sum(0)

class Mse():
    def __call__(self, inp, targ):
        self.inp, self.targ = inp, targ
        self.out = mse(inp, targ)
        return self.out

    def backward(self):
        self.inp.g = 2. * (self.inp.squeeze() - self.targ).unsqueeze(-1) / self.targ.shape[0]

class Model():
    def __init__(self, w1, b1, w2, b2):
        self.layers = [Lin(w1, b1), Relu(), Lin(w2, b2)]
        self.loss = Mse()

    def __call__(self, x, targ):
        for l in self.layers: x = l(x)
        return self.loss(x, targ)

    def backward(self):
        self.loss.backward()
        for l in reversed(self.layers): l.backward()

model = Model(w1, b1, w2, b2)
loss = model(x_train, y_train)
model.backward()
print(loss, torch.allclose(w2g, w2.g, atol=1e-6), torch.allclose(b1g, b1.g, atol=1e-6))

# %%
x = torch.randn(200, 100)
for i in range(50):
    a = torch.randn(100, 100)
    x = x @ a
print(x.mean(), x.std())
x = torch.randn(200, 100)
for i in range(50):
    a = torch.randn(100, 100) * 0.01
    x = x @ a
print(x.mean(), x.std())
x = torch.randn(200, 100)
for i in range(50):
    a = torch.randn(100, 100) * math.sqrt(2 / 100)
    x = (x @ a).clamp_min(0.)
print(x.mean() > 0, x.std() > 0.1)
