# Imitates a "differentiable 3D geometry" blog post: quaternions by hand (Hamilton product with stack/unbind,
# normalisation with F.normalize, quaternion to rotation matrix), axis-angle / Rodrigues rotations and matrix_exp of
# skew matrices, cross products, angles with atan2 and acos(clamp), and the mistakes learners make on the way.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
def qmul(a, b):
    aw, ax, ay, az = a.unbind(-1)
    bw, bx, by, bz = b.unbind(-1)
    return torch.stack([aw * bw - ax * bx - ay * by - az * bz,
                        aw * bx + ax * bw + ay * bz - az * by,
                        aw * by - ax * bz + ay * bw + az * bx,
                        aw * bz + ax * by - ay * bx + az * bw], dim=-1)

q = F.normalize(torch.randn(4, 4), dim=-1)
print(q)
print(q.norm(dim=-1))
qc = q * torch.tensor([1.0, -1.0, -1.0, -1.0])
print(qmul(q, qc))

# %%
def quat_to_matrix(q):
    w, x, y, z = F.normalize(q, dim=-1).unbind(-1)
    return torch.stack([
        1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
        2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
        2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)], dim=-1).reshape(q.shape[:-1] + (3, 3))

R = quat_to_matrix(q)
print(R.shape, R.dtype)
print(R[0])
print(torch.linalg.det(R))
print((R @ R.transpose(-1, -2) - torch.eye(3)).abs().max() < 1e-5)
R.grad_fn

# %%
def skew(v):
    x, y, z = v.unbind(-1)
    o = torch.zeros_like(x)
    return torch.stack([o, -z, y, z, o, -x, -y, x, o], dim=-1).reshape(v.shape[:-1] + (3, 3))

def rodrigues(axis_angle):
    theta = axis_angle.norm(dim=-1, keepdim=True).unsqueeze(-1)
    K = skew(F.normalize(axis_angle, dim=-1))
    I = torch.eye(3).expand_as(K)
    return I + torch.sin(theta) * K + (1 - torch.cos(theta)) * (K @ K)

aa = torch.tensor([[0.0, 0.0, math.pi / 2], [0.3, -0.2, 0.9]], requires_grad=True)
Rr = rodrigues(aa)
Re = torch.linalg.matrix_exp(skew(aa))
print(Rr)
print((Rr - Re).abs().max())
Re.sum().backward()
print(aa.grad)
print(Re.grad_fn, Rr.grad_fn)

# %%
a = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], requires_grad=True)
b = torch.tensor([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], requires_grad=True)
c1 = torch.linalg.cross(a, b)
c2 = torch.cross(a, b, dim=1)
c3 = torch.cross(a, b)
print(c1, c2, c3)
print(torch.linalg.cross(a, b, dim=-1).grad_fn, c3.grad_fn)
c1.pow(2).sum().backward()
print(a.grad, b.grad)

# %%
print(torch.linalg.cross(torch.randn(2, 3), torch.randn(3)).shape)
print(torch.cross(torch.randn(3, 3), torch.randn(3, 3)).shape)
print(torch.cross(torch.randn(3, 4), torch.randn(3, 4)).shape)

# %%
torch.linalg.cross(torch.randn(2, 4), torch.randn(2, 4))

# %%
torch.cross(torch.randn(2, 3), torch.randn(2, 3), dim=0)

# %%
torch.linalg.cross(torch.randn(2, 3), torch.randn(2, 3, dtype=torch.float64))

# %%
u = F.normalize(torch.randn(5, 3), dim=-1)
v = F.normalize(torch.randn(5, 3), dim=-1)
cos = (u * v).sum(-1)
ang1 = torch.acos(cos.clamp(-1.0, 1.0))
ang2 = torch.atan2(torch.linalg.cross(u, v).norm(dim=-1), cos)
print(ang1)
print(ang2)
print(torch.rad2deg(ang2))
print(torch.acos(torch.tensor([1.0000001, -1.0, 0.5])))

# %%
x = torch.tensor([1.0, 1.0 - 1e-7, 0.5], requires_grad=True)
torch.acos(x).sum().backward()
print(x.grad)
y = torch.tensor([1.0, 0.3], requires_grad=True)
torch.acos(y.clamp(-1 + 1e-7, 1 - 1e-7)).sum().backward()
print(y.grad)
p = torch.tensor([0.0, 1.0, -1.0, 0.0], requires_grad=True)
r = torch.tensor([0.0, 0.0, 0.0, -1.0], requires_grad=True)
t = torch.atan2(p, r)
print(t)
t.sum().backward()
print(p.grad, r.grad)

# %%
yaw = torch.tensor([0.1, 0.5], requires_grad=True)
c, s = torch.cos(yaw), torch.sin(yaw)
o, l = torch.zeros_like(yaw), torch.ones_like(yaw)
Rz = torch.stack([torch.stack([c, -s, o], -1), torch.stack([s, c, o], -1), torch.stack([o, o, l], -1)], -2)
print(Rz)
Rz2 = torch.tensor([[c[0], -s[0], 0.0], [s[0], c[0], 0.0], [0.0, 0.0, 1.0]])
print(Rz2.requires_grad, Rz2)

# %%
qn = torch.randn(3, 4, requires_grad=True)
qn.data = F.normalize(qn.data, dim=-1)
print(qn.norm(dim=-1))
qh = qn / qn.norm(dim=-1, keepdim=True)
print(torch.allclose(qh, F.normalize(qn, dim=-1)))
print(F.normalize(torch.zeros(2, 4), dim=-1))
print(F.normalize(torch.tensor([[3.0, 4.0]]), p=1, dim=1), F.normalize(torch.tensor([3.0, 4.0]), dim=0, eps=10.0))

# %%
qn.div_(qn.norm(dim=-1, keepdim=True))

# %%
q0 = torch.zeros(4, requires_grad=True)
unit = q0 / q0.norm()
print(unit)
unit.sum().backward()
print(q0.grad)
q1 = torch.zeros(2, 4, requires_grad=True)
F.normalize(q1, dim=-1).sum().backward()
print(q1.grad)
