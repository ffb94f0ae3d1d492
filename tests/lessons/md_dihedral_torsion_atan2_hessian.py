# Imitates a force-field lesson: bond angles and dihedral (torsion) angles from positions with linalg.cross and
# atan2, a periodic torsion energy, forces by autograd, the Hessian of the torsion energy, and the NaN traps at
# collinear atoms (zero-length cross products) that learners hit.
import torch
torch.set_printoptions(precision=5)
pos = torch.tensor([[1.0, 0.2, 0.0], [0.0, 0.0, 0.0], [0.1, 1.4, 0.1], [0.9, 1.8, 0.8]], dtype=torch.float64,
                   requires_grad=True)
def dihedral(p):
    b0 = p[0] - p[1]
    b1 = p[2] - p[1]
    b2 = p[3] - p[2]
    n1 = torch.linalg.cross(b0, b1)
    n2 = torch.linalg.cross(b1, b2)
    m1 = torch.linalg.cross(n1, b1 / torch.linalg.vector_norm(b1))
    x = (n1 * n2).sum()
    y = (m1 * n2).sum()
    return torch.atan2(y, x)
phi = dihedral(pos)
print(phi, phi.grad_fn, torch.rad2deg(phi))

# %%
# torsion energy and forces
k, n, delta = 2.5, 3, 0.0
E = k * (1 + torch.cos(n * phi - delta))
F, = torch.autograd.grad(-E, pos, create_graph=True)
print(E.item())
print(F)
print(F.sum(0), F.grad_fn)

# %%
# the bond angle with atan2(|a x b|, a . b), more stable than acos
def angle(p):
    a = p[0] - p[1]
    b = p[2] - p[1]
    return torch.atan2(torch.linalg.vector_norm(torch.linalg.cross(a, b)), (a * b).sum())
th = angle(pos)
print(th, torch.autograd.grad(th, pos)[0])
a = pos[0] - pos[1]
b = pos[2] - pos[1]
th2 = torch.acos((a * b).sum() / (a.norm() * b.norm()))
print((th - th2).abs() < 1e-12)

# %%
# Hessian of the torsion energy (second derivatives through atan2 and cross)
def energy(flat):
    return k * (1 + torch.cos(n * dihedral(flat.view(4, 3)) - delta))
H = torch.autograd.functional.hessian(energy, pos.detach().flatten())
print(H.shape, (H - H.T).abs().max())
print(H.diagonal())
w = torch.linalg.eigvalsh(H)
print(w)
print((w.abs() < 1e-8).sum())

# %%
# collinear atoms: the cross product vanishes and the gradient of its norm is NaN
lin = torch.tensor([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [2.0, 0.0, 0.0]], dtype=torch.float64, requires_grad=True)
c = torch.linalg.cross(lin[0] - lin[1], lin[2] - lin[1])
print(c)
t = torch.atan2(torch.linalg.vector_norm(c), ((lin[0] - lin[1]) * (lin[2] - lin[1])).sum())
print(t)
print(torch.autograd.grad(t, lin)[0])
# atan2 at the origin: first derivative 0, second derivative NaN
o = torch.zeros(2, dtype=torch.float64, requires_grad=True)
r = torch.atan2(o[0], o[1])
g, = torch.autograd.grad(r, o, create_graph=True)
print(g, g.grad_fn)
print(torch.autograd.grad(g.sum(), o))

# %%
# errors
try:
    torch.autograd.grad(F, pos)
except RuntimeError as ex:
    print(type(ex).__name__, ex)
try:
    torch.linalg.cross(pos[:2], pos[:3])
except RuntimeError as ex:
    print(type(ex).__name__, ex)
try:
    torch.autograd.functional.hessian(lambda f: dihedral(f.view(4, 3)).expand(2), pos.detach().flatten())
except RuntimeError as ex:
    print(type(ex).__name__, ex)
