# Imitates "second derivatives of common layers" (for gradient penalties, Hessian-vector products and PINNs):
# grad of grad through activations, normalisation, pooling and losses, checked with create_graph=True.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.linspace(-2, 2, 5, requires_grad=True)
for name, f in [("gelu", F.gelu), ("silu", F.silu), ("softplus", F.softplus), ("elu", F.elu), ("mish", F.mish),
                ("tanh", torch.tanh), ("sigmoid", torch.sigmoid), ("leaky", lambda t: F.leaky_relu(t, 0.1)),
                ("selu", F.selu), ("celu", F.celu), ("logsigmoid", F.logsigmoid), ("hardswish", F.hardswish)]:
    g, = torch.autograd.grad(f(x).sum(), x, create_graph=True)
    h, = torch.autograd.grad(g.sum(), x)
    print(f"{name:10s}", g.detach(), h)

# %%
x = torch.randn(2, 5, requires_grad=True)
ln = nn.LayerNorm(5)
y = ln(x)
g, = torch.autograd.grad((y ** 3).sum(), x, create_graph=True)
g.pow(2).sum().backward()
print(x.grad, ln.weight.grad)

# %%
x = torch.randn(3, 4, requires_grad=True)
t = torch.tensor([0, 3, 1])
loss = F.cross_entropy(x, t)
g, = torch.autograd.grad(loss, x, create_graph=True)
hv, = torch.autograd.grad(g, x, grad_outputs=torch.arange(12.).reshape(3, 4) / 10)
print(hv)
s = F.log_softmax(x, -1)
g2, = torch.autograd.grad(s[:, 0].sum(), x, create_graph=True)
print(torch.autograd.grad(g2.square().sum(), x)[0])

# %%
img = torch.randn(1, 2, 4, 4, requires_grad=True)
conv = nn.Conv2d(2, 3, 3, padding=1)
out = F.max_pool2d(torch.tanh(conv(img)), 2)
g, = torch.autograd.grad(out.sum(), img, create_graph=True)
penalty = (g.flatten(1).norm(2, dim=1) - 1).pow(2).mean()
penalty.backward()
print(penalty, conv.weight.grad.norm(), img.grad.abs().sum())

# %%
bn = nn.BatchNorm1d(3)
x = torch.randn(6, 3, requires_grad=True)
y = bn(x)
g, = torch.autograd.grad(y.pow(3).sum(), x, create_graph=True)
(g * torch.arange(18.).reshape(6, 3) / 10).sum().backward()
print(x.grad, bn.weight.grad)
p = torch.randn(4, requires_grad=True)
q = F.smooth_l1_loss(p * 2, torch.zeros(4), beta=0.5) + F.huber_loss(p, torch.ones(4))
gp, = torch.autograd.grad(q, p, create_graph=True)
print(gp, torch.autograd.grad(gp.sum(), p)[0])

# %%
u = torch.randn(5, requires_grad=True)
def f(v):
    return (F.softplus(v) * torch.sigmoid(v)).sum() + torch.logsumexp(v, 0)
H = torch.autograd.functional.hessian(f, u)
print(H.diagonal(), H[0, 1])
vec = torch.ones(5)
_, hvp = torch.autograd.functional.hvp(f, u, vec)
print(torch.allclose(hvp, H @ vec, atol=1e-6))
