# Complex baseband signal processing as DSP-with-PyTorch lessons write it: an analytic (I/Q) signal in
# complex128, its envelope with .abs() and phase with .angle(), matched filtering with torch.dot / torch.vdot,
# energies as sums of |z|^2, a learnable complex gain fitted by gradient descent, and gradients of real losses of
# complex tensors (sgn, abs backward), printed in full precision.
import math

import torch

torch.manual_seed(0)
torch.set_printoptions(precision=10)
# %%
fs, n = 64.0, 37
t = torch.arange(n, dtype=torch.float64) / fs
iq = torch.exp(2j * math.pi * 5.0 * t) * (1 + 0.3 * torch.cos(2 * math.pi * 1.5 * t))
noise = 0.05 * torch.randn(n, dtype=torch.complex128)
x = iq + noise
print(x.dtype, x.shape, x[:3])
env = x.abs()
print(env.dtype, env[:9])
print([v.hex() for v in env.tolist()[28:]])
print(x.angle()[:4])
# %%
energy = (x * x.conj()).real.sum()
print(energy.item(), (env ** 2).sum().item(), x.abs().pow(2).mean().item())
print(x[:3].sum(), x[4:7].sum(), x.sum())
# %%
pulse = torch.exp(1j * torch.linspace(0, math.pi, 9, dtype=torch.float64)).to(torch.complex128)
corr = torch.stack([torch.vdot(pulse, x[i:i + 9]) for i in range(n - 9 + 1)])
print(corr.shape, corr.dtype)
print(corr.abs()[:8])
print(torch.dot(pulse, x[:9]), torch.vdot(pulse, x[:9]), pulse @ x[:9])
print(int(corr.abs().argmax()))
# %%
z = x.detach().clone().requires_grad_()
loss = z.abs().sum()
loss.backward()
print(loss.grad_fn.name(), loss.item())
print(z.grad[:5])
print(torch.allclose(z.grad, z.detach().sgn()), torch.equal(z.grad, z.detach().sgn()))
# %%
g = torch.tensor(0.5 + 0.1j, dtype=torch.complex128, requires_grad=True)
target = 0.8 * torch.exp(torch.tensor(0.4j, dtype=torch.complex128)) * x
opt = torch.optim.SGD([g], lr=0.01)
for step in range(6):
    opt.zero_grad()
    err = g * x - target
    loss = (err.abs() ** 2).mean()
    loss.backward()
    opt.step()
    print(step, loss.item(), g.detach(), g.grad)
# %%
a = torch.randn(5, dtype=torch.complex128, requires_grad=True)
b = torch.randn(5, dtype=torch.complex128, requires_grad=True)
out = torch.vdot(a, b)
print(out.grad_fn.name(), out)
(out.abs() + torch.dot(a, b).real).backward()
print(a.grad)
print(b.grad)
h = torch.randn(3, dtype=torch.complex128, requires_grad=True)
(h * h).sum().abs().backward()
print(h.grad)
# %%
try:
    torch.dot(torch.randn(3, dtype=torch.complex128), torch.randn(3))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.vdot(torch.randn(3, dtype=torch.complex128), torch.randn(4, dtype=torch.complex128))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    x.abs().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
