# Imitates a course notebook on pose estimation: SVD-based Procrustes / Kabsch alignment with the det sign fix,
# pinhole camera projection with intrinsics and homogeneous coordinates (F.pad with value=1, torch.cat with ones),
# optimising a camera pose (axis-angle + translation) with Adam to fit target pixels, and the dtype mistakes.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
P = torch.randn(20, 3)
angle = torch.tensor(0.7)
c, s = torch.cos(angle), torch.sin(angle)
R_true = torch.tensor([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])
t_true = torch.tensor([0.5, -1.0, 2.0])
Q = P @ R_true.T + t_true
print(R_true)
print(Q[:3])

# %%
def kabsch(P, Q):
    mp, mq = P.mean(0, keepdim=True), Q.mean(0, keepdim=True)
    H = (P - mp).T @ (Q - mq)
    U, S, Vh = torch.linalg.svd(H)
    d = torch.sign(torch.linalg.det(Vh.T @ U.T))
    D = torch.diag(torch.stack([torch.ones_like(d), torch.ones_like(d), d]))
    R = Vh.T @ D @ U.T
    t = mq.squeeze(0) - R @ mp.squeeze(0)
    return R, t, S

R, t, S = kabsch(P, Q)
print(torch.allclose(R, R_true, atol=1e-5), torch.allclose(t, t_true, atol=1e-5))
print(S)
print(torch.linalg.det(R))
print(((P @ R.T + t) - Q).norm(dim=1).max() < 1e-4)

# %%
Qm = Q * torch.tensor([1.0, 1.0, -1.0])
H = (P - P.mean(0)).T @ (Qm - Qm.mean(0))
U, S, Vh = torch.linalg.svd(H)
R_bad = Vh.T @ U.T
print(torch.linalg.det(R_bad).round(decimals=4))
R_fix, _, _ = kabsch(P, Qm)
print(torch.linalg.det(R_fix).round(decimals=4))
U2, S2, V2 = torch.svd(H)
print(torch.allclose(U2 @ torch.diag(S2) @ V2.T, H, atol=1e-4), S2)
print(torch.linalg.svd(H, full_matrices=False).S)
torch.linalg.svdvals(H)

# %%
Pg = P.clone().requires_grad_(True)
Rg, tg, Sg = kabsch(Pg, Q)
loss = ((Pg @ Rg.T + tg - Q) ** 2).mean()
loss.backward()
print(Pg.grad.abs().max() < 1e-3, Rg.grad_fn)

# %%
K = torch.tensor([[500.0, 0.0, 320.0], [0.0, 500.0, 240.0], [0.0, 0.0, 1.0]])
X = torch.tensor([[0.0, 0.0, 4.0], [1.0, -0.5, 5.0], [-1.0, 1.0, 3.0]])
Xh = F.pad(X, (0, 1), value=1.0)
print(Xh)
print(torch.cat([X, torch.ones(X.shape[0], 1)], dim=1))
E = torch.cat([torch.eye(3), torch.zeros(3, 1)], dim=1)
uvw = (K @ E @ Xh.T).T
uv = uvw[:, :2] / uvw[:, 2:]
print(uv)

# %%
def project(X, K, R, t):
    Xc = X @ R.T + t
    uvw = Xc @ K.T
    return uvw[..., :2] / uvw[..., 2:3].clamp(min=1e-6)

print(project(X, K, torch.eye(3), torch.zeros(3)))
print(F.pad(X, (0, 1), mode="constant", value=1)[:, -1])
print(F.pad(uv, (0, 1), "constant", 1.0))

# %%
Kd = K.double()
Kd @ Xh.T

# %%
torch.mm(Kd, X.T)

# %%
print((Kd @ X.T.double()).dtype, (X.double() * K[0, 0]).dtype)
print(torch.matmul(K, X.T).dtype)
print(Kd.float().dtype)
pix = torch.tensor([[320, 240], [400, 300]])
print(pix / 2, (pix / 2).dtype)
pix @ torch.ones(2, 2)

# %%
def hat(w):
    o = torch.zeros((), dtype=w.dtype)
    return torch.stack([torch.stack([o, -w[2], w[1]]), torch.stack([w[2], o, -w[0]]), torch.stack([-w[1], w[0], o])])

target = project(P + torch.tensor([0.0, 0.0, 6.0]), K, torch.linalg.matrix_exp(hat(torch.tensor([0.05, -0.1, 0.2]))),
                 torch.tensor([0.1, 0.0, 0.3]))
w = torch.zeros(3, requires_grad=True)
tr = torch.zeros(3, requires_grad=True)
opt = torch.optim.Adam([w, tr], lr=0.02)
for step in range(150):
    opt.zero_grad()
    pred = project(P + torch.tensor([0.0, 0.0, 6.0]), K, torch.linalg.matrix_exp(hat(w)), tr)
    loss = F.mse_loss(pred, target)
    loss.backward()
    opt.step()
    if step % 50 == 0:
        print(step, round(loss.item(), 3))
print(w.detach().round(decimals=2), tr.detach().round(decimals=2))

# %%
print(F.pad(torch.ones(2, 3, dtype=torch.long), (0, 1), value=1.5))
F.pad(X, (0, 1, 0), value=1)
