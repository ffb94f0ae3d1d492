# Imitates a "3D deep learning basics" course notebook: rotation matrices built from Euler angles with torch.stack
# of cos/sin (batched, with gradients to the angles), quaternions (normalise, to matrix, batched), Kabsch /
# Procrustes alignment with torch.linalg.svd and the det sign fix, Chamfer distance with torch.cdist and
# min(dim=...), torch.cross / torch.linalg.cross with dim, and the errors learners hit: cross on wrong sizes,
# svd / det of the wrong dims, cdist of mismatched points.
import math
import torch

torch.manual_seed(0)

def rot_z(theta):
    c, s = torch.cos(theta), torch.sin(theta)
    z, o = torch.zeros_like(theta), torch.ones_like(theta)
    return torch.stack([torch.stack([c, -s, z], -1), torch.stack([s, c, z], -1), torch.stack([z, z, o], -1)], -2)

def rot_x(theta):
    c, s = torch.cos(theta), torch.sin(theta)
    z, o = torch.zeros_like(theta), torch.ones_like(theta)
    return torch.stack([o, z, z, z, c, -s, z, s, c], -1).reshape(theta.shape + (3, 3))

angles = torch.tensor([0.0, math.pi / 6, math.pi / 2], requires_grad=True)
Rz = rot_z(angles)
print(Rz.shape, Rz.grad_fn)
print(Rz[1])
R = Rz @ rot_x(angles)
print(torch.dist(R @ R.transpose(-1, -2), torch.eye(3).expand(3, 3, 3)))
print(torch.linalg.det(R))
v = torch.tensor([1.0, 0.0, 0.0])
(R @ v).sum().backward()
print(angles.grad)

# %%
def quat_to_matrix(q):
    q = q / q.norm(dim=-1, keepdim=True)
    w, x, y, z = q.unbind(-1)
    return torch.stack([
        1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
        2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
        2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)], -1).view(*q.shape[:-1], 3, 3)

q = torch.randn(4, 4, requires_grad=True)
Rq = quat_to_matrix(q)
print(Rq[0])
print(torch.linalg.det(Rq))
print((Rq @ Rq.mT - torch.eye(3)).abs().max() < 1e-5)
Rq.sum().backward()
print(q.grad)
print(torch.nn.functional.normalize(q.detach(), dim=-1)[0], q.norm(dim=-1))

# %%
torch.manual_seed(0)
P = torch.randn(10, 3, dtype=torch.float64)
R_true = rot_z(torch.tensor(0.7, dtype=torch.float64)) @ rot_x(torch.tensor(-0.3, dtype=torch.float64))
Q = P @ R_true.T + torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64)

def kabsch(P, Q):
    pc, qc = P.mean(0), Q.mean(0)
    H = (P - pc).T @ (Q - qc)
    U, S, Vh = torch.linalg.svd(H)
    d = torch.sign(torch.linalg.det(Vh.T @ U.T))
    D = torch.diag(torch.stack([torch.ones_like(d), torch.ones_like(d), d]))
    R = Vh.T @ D @ U.T
    return R, qc - pc @ R.T

R_est, t_est = kabsch(P, Q)
print(torch.allclose(R_est, R_true), t_est)
print(torch.linalg.svdvals((P - P.mean(0)).T @ (Q - Q.mean(0))))

# %%
torch.manual_seed(0)
Pb = torch.randn(2, 6, 3, requires_grad=True)
Qb = torch.randn(2, 6, 3)
H = Pb.transpose(1, 2) @ Qb
U, S, Vh = torch.linalg.svd(H)
print(U.shape, S.shape, Vh.shape, S.grad_fn)
S.sum().backward()
print(Pb.grad[0])
U2, S2, V2 = torch.svd(H.detach())
print(torch.allclose(S2, S.detach()), V2.shape)

# %%
torch.linalg.svd(torch.randn(3))

# %%
torch.linalg.det(torch.randn(2, 3))

# %%
torch.linalg.det(torch.randn(3))

# %%
torch.manual_seed(0)
A = torch.randn(2, 5, 3, requires_grad=True)
B = torch.randn(2, 7, 3)
D = torch.cdist(A, B)
print(D.shape, D.grad_fn)
d_ab = D.min(dim=2)
print(d_ab)
chamfer = D.min(dim=2).values.pow(2).mean() + D.min(dim=1).values.pow(2).mean()
print(chamfer)
chamfer.backward()
print(A.grad[0])
print(torch.cdist(A.detach(), B, p=1)[0, 0], torch.cdist(A.detach()[0], B[0], p=float("inf"))[0])
d2 = ((A.detach()[:, :, None] - B[:, None]) ** 2).sum(-1)
print(torch.allclose(d2, D.detach() ** 2, atol=1e-5), d2.argmin(-1))

# %%
torch.cdist(torch.randn(5, 3), torch.randn(4, 2))

# %%
torch.cdist(torch.randn(5), torch.randn(4))

# %%
a = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], requires_grad=True)
b = torch.tensor([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], requires_grad=True)
c = torch.linalg.cross(a, b)
print(c, c.grad_fn)
print(torch.cross(a, b, dim=1), torch.cross(a.T, b.T, dim=0))
c.pow(2).sum().backward()
print(a.grad, b.grad)
print(torch.linalg.cross(a, torch.tensor([0.0, 0.0, 1.0])))
print(a.cross(b, dim=-1))

# %%
torch.set_warn_always(True)
print(torch.cross(torch.randn(3, 3), torch.randn(3, 3)).shape)

# %%
torch.linalg.cross(torch.randn(4, 2), torch.randn(4, 2))

# %%
torch.cross(torch.randn(4, 3), torch.randn(4, 3), dim=0)

# %%
torch.linalg.cross(torch.randn(2, 3), torch.randn(3, 3))

# %%
torch.cross(torch.randn(2, 3), torch.randn(3, 2))

# %%
torch.linalg.cross(torch.randn(3), torch.randn(3, dtype=torch.float64))

# %%
torch.linalg.cross(torch.randn(4, 3), torch.randn(4, 3), dim=2)

# %%
R = torch.eye(3, requires_grad=True)
angle = torch.acos((torch.trace(R) - 1) / 2)
angle.backward()
print(angle, R.grad)
R2 = rot_z(torch.tensor(0.4)).requires_grad_(True)
angle = torch.acos(((torch.trace(R2) - 1) / 2).clamp(-1, 1))
(g,) = torch.autograd.grad(angle, R2, create_graph=True)
print(angle, g, g.grad_fn)

# %%
A = torch.randn(3, 3)
for call in (lambda: torch.linalg.svd(A, 0), lambda: torch.linalg.svd(A, full_matrices=None),
             lambda: torch.linalg.det(A, 1), lambda: torch.linalg.cross(A, A, 1),
             lambda: torch.linalg.cross(A, A, dim="1"), lambda: torch.linalg.cross(A[0], [0.0, 0.0, 1.0])):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
