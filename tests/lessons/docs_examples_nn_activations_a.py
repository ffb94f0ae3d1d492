# Imitates the "Examples" blocks of PyTorch's torch.nn activation pages (nn.PReLU, nn.RReLU, nn.Threshold,
# nn.Hardtanh, nn.Hardshrink, nn.Softshrink, nn.Tanhshrink, nn.Softsign, nn.LogSigmoid, nn.CELU, nn.SELU), typed
# in as a learner copies them (seeded randn instead of unseeded), then printing reprs, outputs with grad_fn and grads.
import torch
import torch.nn as nn

# %%
torch.manual_seed(0)
m = nn.PReLU()
input = torch.randn(2)
output = m(input)
print(m)
print(output)
print(m.weight)
m2 = nn.PReLU(num_parameters=3, init=0.1)
print(m2, m2.weight.shape)
x = torch.randn(2, 3, 4, requires_grad=True)
y = m2(x)
print(y.grad_fn)
y.sum().backward()
print(m2.weight.grad)
print(x.grad[0])

# %%
try:
    nn.PReLU(3)(torch.randn(2, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.PReLU(3)(torch.randn(3))
except Exception as e:
    print(type(e).__name__, e)
print(nn.PReLU(1)(torch.randn(5)).shape)

# %%
torch.manual_seed(1)
m = nn.RReLU(0.1, 0.3)
input = torch.randn(2)
output = m(input)
print(m)
print(output)
m.eval()
print(m(input))
print(m.training, nn.RReLU())
x = torch.randn(6, requires_grad=True)
m.train()
out = m(x)
print(out.grad_fn)
out.sum().backward()
print(x.grad)

# %%
torch.manual_seed(2)
m = nn.Threshold(0.1, 20)
input = torch.randn(2)
output = m(input)
print(m, output)
m = nn.Hardtanh(-2, 2)
input = torch.randn(2)
output = m(input)
print(m, output)
print(nn.ReLU6(), nn.Hardtanh(), nn.Threshold(0.5, 0.0, inplace=True))
x = torch.linspace(-3, 3, 7, requires_grad=True)
for mod in [nn.Threshold(0.1, 20), nn.Hardtanh(-2, 2), nn.Hardshrink(), nn.Softshrink(), nn.Hardshrink(lambd=1.5),
            nn.Softshrink(0.25), nn.Tanhshrink(), nn.Softsign(), nn.LogSigmoid(), nn.CELU(), nn.CELU(alpha=2.0),
            nn.SELU(), nn.ELU(alpha=0.5)]:
    out = mod(x)
    g, = torch.autograd.grad(out.sum(), x)
    print(mod, out, g, sep="\n")

# %%
try:
    nn.Hardtanh(2, -2)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.CELU(alpha=0.0)(torch.randn(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Softshrink(-0.5)(torch.randn(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.RReLU(0.5, 0.1)(torch.randn(3))
except Exception as e:
    print(type(e).__name__, e)
print(nn.Hardshrink()(torch.tensor([1, -2, 0])))
try:
    nn.LogSigmoid()(torch.tensor([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Softsign()(torch.tensor([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.SELU()(torch.tensor([1, 2]))
except Exception as e:
    print(type(e).__name__, e)

# %%
# a gradient penalty through a PReLU critic (create_graph=True, as WGAN-GP code does)
torch.manual_seed(3)
critic = nn.Sequential(nn.Linear(3, 4), nn.PReLU(4, init=0.2), nn.Linear(4, 1))
x = torch.randn(5, 3, requires_grad=True)
score = critic(x)
g, = torch.autograd.grad(score.sum(), x, create_graph=True)
print(g.grad_fn)
penalty = ((g.norm(2, dim=1) - 1) ** 2).mean()
penalty.backward()
print(penalty)
print(critic[1].weight.grad)
print(x.grad[:2])
