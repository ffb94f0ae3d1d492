# Imitates SINDy tutorials (sparse identification of nonlinear dynamics): a Lorenz trajectory, derivatives by finite
# differences with torch.gradient (spacing=, edge_order=), a polynomial feature library built with torch.stack /
# torch.cat, sequentially thresholded least squares with torch.linalg.lstsq, masks and torch.where; plus the
# mistakes learners make (lstsq shape errors, gradient on too-short inputs, thresholding in place a tensor that
# backward needs).
import torch

torch.manual_seed(0)
dt = 0.01
def lorenz(s, sigma=10.0, rho=28.0, beta=8.0 / 3.0):
    x, y, z = s.unbind(-1)
    return torch.stack([sigma * (y - x), x * (rho - z) - y, x * y - beta * z], dim=-1)

s = torch.tensor([-8.0, 7.0, 27.0], dtype=torch.float64)
traj = [s]
for _ in range(799):
    k1 = lorenz(s); k2 = lorenz(s + dt / 2 * k1); k3 = lorenz(s + dt / 2 * k2); k4 = lorenz(s + dt * k3)
    s = s + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    traj.append(s)
X = torch.stack(traj)
print(X.shape, X[-1])

# %%
dX, = torch.gradient(X, spacing=dt, dim=0)
print(dX.shape, dX[:2])
dX2 = torch.gradient(X, spacing=dt, dim=0, edge_order=2)[0]
print((dX2 - dX).abs().max(dim=0))
print(torch.gradient(X[:5, 0]))
print(torch.gradient(X[:5, 0], spacing=2.0, edge_order=2))

# %%
t = torch.arange(800, dtype=torch.float64) * dt
dX3 = torch.gradient(X, spacing=(t,), dim=0)[0]
print(torch.allclose(dX3, dX))
f = torch.tensor([[1.0, 2.0, 4.0, 8.0], [10.0, 20.0, 40.0, 80.0]])
print(torch.gradient(f))
print(torch.gradient(f, spacing=[2.0, 1.0]))
print(torch.gradient(f, dim=1, spacing=[torch.tensor([0.0, 1.0, 1.5, 3.5])]))
print(torch.gradient(f, spacing=[torch.tensor([0.0, 1.0]), torch.tensor([0.0, 1.0, 1.5, 3.5])], edge_order=2))

# %%
def library(X):
    x, y, z = X.unbind(1)
    one = torch.ones_like(x)
    cols = [one, x, y, z, x * x, x * y, x * z, y * y, y * z, z * z]
    return torch.stack(cols, dim=1)
names = ["1", "x", "y", "z", "xx", "xy", "xz", "yy", "yz", "zz"]
Theta = library(X)
print(Theta.shape, Theta.dtype)
Theta2 = torch.cat([torch.ones(len(X), 1, dtype=X.dtype), X, X[:, :1] * X], dim=1)
print(Theta2.shape)

# %%
def stlsq(Theta, dX, threshold=0.1, iters=10):
    Xi = torch.linalg.lstsq(Theta, dX).solution
    for _ in range(iters):
        small = Xi.abs() < threshold
        Xi = torch.where(small, torch.zeros_like(Xi), Xi)
        for k in range(dX.shape[1]):
            big = ~small[:, k]
            Xi[big, k] = torch.linalg.lstsq(Theta[:, big], dX[:, k:k + 1]).solution[:, 0]
    return Xi
Xi = stlsq(Theta, dX2)
print(Xi.round(decimals=2))
for k, lhs in enumerate("xyz"):
    terms = [f"{Xi[i, k]:+.2f} {names[i]}" for i in range(len(names)) if Xi[i, k] != 0]
    print(f"d{lhs}/dt =", " ".join(terms))

# %%
res = torch.linalg.lstsq(Theta, dX2, driver="gelsd")
print(res.rank, res.singular_values.shape, res.residuals.shape)
print((Xi != 0).sum(0), torch.count_nonzero(Xi, dim=0))
print(torch.linalg.lstsq(Theta.float(), dX2.float(), rcond=1e-3).solution.dtype)

# %%
torch.linalg.lstsq(Theta, dX2[:-1])

# %%
torch.linalg.lstsq(Theta, dX2[:, 0])

# %%
torch.linalg.lstsq(Theta, dX2.float())

# %%
torch.linalg.lstsq(Theta[0], dX2)

# %%
torch.linalg.lstsq(Theta, dX2, driver="qr")

# %%
torch.gradient(torch.tensor([1.0]))

# %%
torch.gradient(torch.tensor([1.0, 2.0]), edge_order=2)

# %%
torch.gradient(torch.tensor([1.0, 2.0, 4.0]), edge_order=3)

# %%
torch.gradient(f, spacing=[1.0, 2.0, 3.0])

# %%
torch.gradient(f, dim=1, spacing=[torch.tensor([0.0, 1.0])])

# %%
torch.gradient(torch.tensor([1, 2, 4, 7])), torch.gradient(torch.tensor([1, 2, 4, 7]), spacing=2)

# %%
w = torch.randn(10, 3, dtype=torch.float64, requires_grad=True)
pred = Theta @ w
loss = ((pred - dX2) ** 2).mean() + 0.1 * w.abs().sum()
loss.backward()
print(w.grad.shape, w.grad.abs().max() > 0)

# %%
h = torch.randn(10, 3, requires_grad=True)
u = torch.tanh(h)
u[u.abs() < 0.1] = 0.0
u.sum().backward()

# %%
u = h.sigmoid()
u.masked_fill_(u < 0.5, 0.0)
u.sum().backward()

# %%
z = torch.linspace(0, 1, 6, requires_grad=True)
g, = torch.gradient(z ** 2, spacing=0.2)
print(g)
g.sum().backward()
print(z.grad)
