# Periodic boundary conditions, Morse potential and velocity-Verlet MD in plain PyTorch
import torch
torch.manual_seed(1)
L = 4.0
box = torch.tensor([L, L, L])
n_side = 2
g = torch.arange(n_side, dtype=torch.float32) * (L / n_side) + 0.5
pos = torch.cartesian_prod(g, g, g)
pos = pos + 0.05 * torch.randn_like(pos)
print(pos.shape)
pos[:3]

# %%
# wrap into the box with remainder, minimum image with round
pos = torch.remainder(pos, L)
print(pos.min().item() >= 0, pos.max().item() < L)
rij = pos[:, None, :] - pos[None, :, :]
rij = rij - L * torch.round(rij / L)
print(rij.shape, rij.abs().max() <= L / 2)
rij[0, 1:4]

# %%
print(torch.remainder(torch.tensor([-0.5, 4.5, 8.0, -4.0]), L))
print(torch.fmod(torch.tensor([-0.5, 4.5, 8.0, -4.0]), L))
print(torch.round(torch.tensor([-0.5, 0.5, 1.5, 2.5, -1.5])))
print(torch.round(torch.tensor([0.1234, 2.5678]), decimals=2))
print(torch.remainder(torch.tensor([-7, 7]), 3), torch.remainder(-7, torch.tensor([3, -3])))
rij.div(L).round().unique()

# %%
def morse_energy(pos, D=1.0, a=1.5, r0=1.2, L=L):
    n = pos.shape[0]
    rij = pos[:, None, :] - pos[None, :, :]
    rij = rij - L * torch.round(rij / L)
    i, j = torch.triu_indices(n, n, 1)
    r = rij[i, j].norm(dim=-1)
    return (D * (1 - torch.exp(-a * (r - r0))) ** 2 - D).sum()

pos = pos.clone().requires_grad_(True)
E = morse_energy(pos)
F = -torch.autograd.grad(E, pos)[0]
print(E)
print(F[:3])
print(F.sum(0).abs().max() < 1e-4)

# %%
# round and remainder have zero / identity gradients
x = torch.tensor([0.3, 1.7, -2.6], requires_grad=True)
y = torch.round(x) * 2 + torch.remainder(x, 1.0)
y.sum().backward()
print(x.grad, y.grad_fn, y.grad_fn.next_functions)

# %%
# the image shift alone: round, floor and sign pass no gradient (zeros, whatever comes back)
x = torch.tensor([0.3, 1.7, -2.6], requires_grad=True)
shift = -L * torch.round(x / L)
shift.sum().backward()
print(x.grad)
x.grad = None
(-torch.floor(x / L) - torch.sign(x)).sum().backward()
print(x.grad)
g, = torch.autograd.grad(torch.round(x), x, torch.tensor([float("nan"), -1.0, float("inf")]))
print(g)
g, = torch.autograd.grad(-torch.trunc(x), x, torch.ones(3, requires_grad=True), create_graph=True)
print(g, g.requires_grad)
torch.div(x, L, rounding_mode="floor").mul(-1).sum().backward()
x.grad

# %%
x = torch.tensor([0.3, 1.7, -2.6], requires_grad=True)
z = torch.remainder(2.0, x)
print(z)
z.sum().backward()
x.grad

# %%
# velocity Verlet under no_grad, forces with autograd
def forces(pos):
    pos = pos.detach().requires_grad_(True)
    E = morse_energy(pos)
    F = -torch.autograd.grad(E, pos)[0]
    return E.detach(), F

dt, m = 0.01, 1.0
x = pos.detach().clone()
v = torch.zeros_like(x)
E, F = forces(x)
energies = []
for step in range(20):
    with torch.no_grad():
        v += 0.5 * dt * F / m
        x += dt * v
        x.remainder_(L)
    E, F = forces(x)
    with torch.no_grad():
        v += 0.5 * dt * F / m
    kin = 0.5 * m * (v ** 2).sum()
    energies.append((E + kin).item())
    if step % 5 == 0:
        print(f"step {step:2d}  Epot {E.item():.5f}  Ekin {kin.item():.5f}  Etot {energies[-1]:.5f}")
print(x.requires_grad, v.requires_grad, F.requires_grad)
print(max(energies) - min(energies) < 1e-3)

# %%
# Mistake: integrating a tensor that requires grad without no_grad
x = pos.detach().clone().requires_grad_(True)
x += dt * v

# %%
x = pos.clone()
x += dt * v
print(x.grad_fn, x.is_leaf)
x.remainder_(L)
x.grad_fn

# %%
# temperature with a Maxwell-Boltzmann initialisation
kT = 0.5
torch.manual_seed(2)
v = torch.randn(pos.shape[0], 3) * (kT / m) ** 0.5
v -= v.mean(0, keepdim=True)
T = (m * v.pow(2).sum() / (3 * (pos.shape[0] - 1))).item()
print(round(T, 4))
v.mean(0)

# %%
torch.remainder(torch.tensor([1.0, 2.0]), torch.tensor([0.0, -0.0]))

# %%
torch.remainder(torch.tensor([5, 6]), 0)

# %%
torch.round(torch.tensor([1, 2]), decimals=1)
