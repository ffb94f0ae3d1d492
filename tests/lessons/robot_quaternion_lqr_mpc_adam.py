# Imitates a drone-control notebook: attitude quaternions (F.normalize, Hamilton product via torch.cross, rotating
# vectors, the quaternion kinematics integrated and renormalised), infinite-horizon LQR by Riccati iteration with
# torch.linalg.inv, and an MPC rollout optimised with Adam under clamp'ed thrust, printing values, grads and grad_fns.
import torch
import torch.nn.functional as F

torch.manual_seed(0)


def qmul(a, b):
    aw, av = a[..., :1], a[..., 1:]
    bw, bv = b[..., :1], b[..., 1:]
    w = aw * bw - (av * bv).sum(-1, keepdim=True)
    v = aw * bv + bw * av + torch.cross(av, bv, dim=-1)
    return torch.cat([w, v], -1)


def qconj(q):
    return q * torch.tensor([1.0, -1.0, -1.0, -1.0])


# %%
q = F.normalize(torch.randn(4, 4), dim=-1).requires_grad_()
print(q, q.norm(dim=-1))
r = qmul(q, qconj(q))
print(r)
v = torch.tensor([1.0, 0.0, 0.0])
pv = torch.cat([torch.zeros(4, 1), v.expand(4, 3)], -1)
rot = qmul(qmul(q, pv), qconj(q))[..., 1:]
print(rot, rot.grad_fn.name())
rot.sum().backward()
print(q.grad)

# %%
raw = torch.randn(3, 4, requires_grad=True)
qn = F.normalize(raw, p=2, dim=1, eps=1e-6)
print(qn.grad_fn.name(), qn.grad_fn.next_functions)
(qn[:, 0] ** 2).sum().backward()
print(raw.grad)
print(F.normalize(torch.zeros(2, 4), dim=1))
print(torch.cross(torch.eye(3), torch.ones(3, 3), dim=1))
print(torch.linalg.cross(torch.eye(3), torch.tensor([[0.0, 0.0, 1.0]])))
print(torch.cross(torch.eye(3), torch.ones(3, 3)))

# %%
omega = torch.tensor([0.0, 0.0, 1.0])
qt = torch.tensor([1.0, 0.0, 0.0, 0.0])
dt = 0.1
for k in range(10):
    dq = 0.5 * qmul(qt, torch.cat([torch.zeros(1), omega]))
    qt = F.normalize(qt + dt * dq, dim=0)
print(qt, torch.atan2(qt[3], qt[0]) * 2)

# %%
dt = 0.1
A = torch.tensor([[1.0, dt], [0.0, 1.0]], dtype=torch.float64)
B = torch.tensor([[0.5 * dt ** 2], [dt]], dtype=torch.float64)
Q = torch.diag(torch.tensor([1.0, 0.1], dtype=torch.float64))
R = torch.tensor([[0.01]], dtype=torch.float64)
P = Q.clone()
for i in range(500):
    K = torch.linalg.inv(R + B.T @ P @ B) @ (B.T @ P @ A)
    Pn = Q + A.T @ P @ (A - B @ K)
    if (Pn - P).abs().max() < 1e-10:
        break
    P = Pn
print(i, K, P)
print(torch.linalg.eigvals(A - B @ K))
x = torch.tensor([1.0, 0.0], dtype=torch.float64)
for t in range(5):
    u = -(K @ x)
    x = A @ x + B @ u
    print(t, x, u)

# %%
Qr = torch.tensor([1.0, 0.1], dtype=torch.float64, requires_grad=True)
P = torch.diag(Qr)
for i in range(60):
    K = torch.linalg.inv(R + B.T @ P @ B) @ (B.T @ P @ A)
    P = torch.diag(Qr) + A.T @ P @ (A - B @ K)
print(K, K.grad_fn.name())
K.sum().backward()
print(Qr.grad)

# %%
H = 15
u = torch.zeros(H, requires_grad=True)
opt = torch.optim.Adam([u], lr=0.1)
x0 = torch.tensor([1.0, 0.0])
Af, Bf = A.float(), B.float().squeeze(1)
for step in range(40):
    opt.zero_grad()
    x = x0
    cost = 0.0
    uc = torch.clamp(u, -1.0, 1.0)
    for t in range(H):
        x = Af @ x + Bf * uc[t]
        cost = cost + x[0] ** 2 + 0.1 * x[1] ** 2 + 0.01 * uc[t] ** 2
    cost.backward()
    opt.step()
    if step % 10 == 0:
        print(step, cost.item(), u.grad[:3])
print(uc.grad_fn.name(), cost.grad_fn.name())
print(u.detach())
with torch.no_grad():
    u.clamp_(-0.5, 0.5)
print(u)
print(torch.clamp(torch.tensor([-2.0, 0.3, 4.0]), min=torch.tensor(-1.0), max=torch.tensor([0.0, 1.0, 2.0])))
try:
    torch.clamp(torch.tensor([1.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cross(torch.ones(4), torch.ones(4), dim=0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.cross(torch.ones(2, 3), torch.ones(3, 3))
except Exception as e:
    print(type(e).__name__, e)
