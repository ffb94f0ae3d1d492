# Imitates a scientific-computing lab "numerical calculus with PyTorch" (finite differences vs autograd): torch.diff
# (n, prepend / append, dim), torch.cumsum as an integrator, torch.trapezoid / cumulative_trapezoid with dx and with
# sample points, torch.gradient with a scalar spacing, a list of coordinates, several dims and edge_order=2, all in
# float64 on linspace / meshgrid grids, gradients through them, printoptions changes and the usual argument errors.
import math
import torch

torch.set_default_dtype(torch.float64)
torch.manual_seed(0)

# %%
x = torch.linspace(0, 2 * math.pi, 9)
y = torch.sin(x)
print(x.dtype, y)
print(torch.diff(y))
print(torch.diff(y, n=2))
print(torch.diff(y, prepend=torch.zeros(1), append=torch.ones(2)))
dy = torch.diff(y) / torch.diff(x)
print(dy, dy.shape)

# %%
xs = torch.linspace(0, 1, 11, requires_grad=True)
f = xs ** 3
d1 = torch.diff(f, n=2)
print(d1, d1.grad_fn)
d1.sum().backward()
print(xs.grad)

# %%
t = torch.linspace(0, 1, 21)
a = torch.tensor(2.0, requires_grad=True)
v = torch.exp(-a * t)
I1 = torch.trapezoid(v, t)
I2 = torch.trapezoid(v, dx=0.05)
I3 = torch.trapezoid(v)
print(I1, I2, I3, (1 - torch.exp(-a)) / a)
print(I1.grad_fn)
g, = torch.autograd.grad(I1, a)
print(g)

# %%
C = torch.cumulative_trapezoid(v, t)
print(C.shape, C[::5])
C2 = torch.cumulative_trapezoid(v, dx=0.05)
print(torch.allclose(C, C2), (C - C2).abs().max())
S = torch.cumsum(v, 0) * 0.05
print(S[-1], S.grad_fn)
g2, = torch.autograd.grad(C[-1] + S[-1], a)
print(g2)

# %%
u = torch.linspace(-1, 1, 7)
w = u ** 3
print(torch.gradient(w))
print(torch.gradient(w, spacing=1 / 3))
print(torch.gradient(w, spacing=1 / 3, edge_order=2))
print(torch.gradient(w, spacing=(u,), edge_order=2))
print(torch.gradient(w, spacing=[u]))

# %%
xg = torch.linspace(0, 1, 5)
yg = torch.linspace(0, 2, 4)
X, Y = torch.meshgrid(xg, yg, indexing="ij")
F = X ** 2 * Y + torch.sin(Y)
print(X.shape, Y.shape, F.shape)
gx, gy = torch.gradient(F, spacing=(xg, yg))
print(gx)
print(gy)
print(torch.gradient(F, dim=1, spacing=0.5))
print(torch.gradient(F, dim=(0, 1), spacing=[0.25, 2 / 3], edge_order=2))
Xx, Yx = torch.meshgrid(xg, yg, indexing="xy")
print(Xx.shape, Yx.shape)

# %%
p = torch.tensor(1.5, requires_grad=True)
z = torch.linspace(0, 3, 10)
h = torch.tanh(p * z)
dh, = torch.gradient(h, spacing=(z,), edge_order=2)
print(dh.grad_fn is not None, dh)
loss = (dh ** 2).sum()
loss.backward()
print(p.grad)

# %%
torch.set_printoptions(precision=10)
print(torch.trapezoid(torch.linspace(0, 1, 101) ** 2, dx=0.01))
torch.set_printoptions(sci_mode=True, precision=3)
print(torch.gradient(torch.exp(torch.linspace(0, 5, 6)), edge_order=2)[0])
torch.set_printoptions(profile="default")
print(torch.cumsum(torch.arange(1, 8.0), 0) / 3)

# %%
for call in [
    lambda: torch.gradient(torch.ones(1)),
    lambda: torch.gradient(torch.ones(2), edge_order=2),
    lambda: torch.gradient(torch.ones(4), edge_order=3),
    lambda: torch.gradient(torch.ones(4), spacing=[torch.arange(3.0)]),
    lambda: torch.trapezoid(torch.ones(4), torch.ones(3)),
    lambda: torch.diff(torch.tensor(1.0)),
    lambda: torch.cumulative_trapezoid(torch.ones(3), dx=0.1, dim=2),
]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
