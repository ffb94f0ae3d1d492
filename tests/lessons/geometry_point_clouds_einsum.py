# Imitates a point-cloud processing notebook: rotating batches of points with einsum, chained transforms with
# multi_dot, PCA normals from kNN neighbourhoods, dot products with linalg.vecdot, azimuth angles with atan2, an
# SVD-based plane fit, and the mistakes: float64 rotations with float32 points, a Python number where a tensor is
# wanted, a 2-D index for index_add_, driver= on a CPU SVD.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
pts = torch.randn(6, 3)
theta = torch.tensor(0.4, requires_grad=True)
c, s = torch.cos(theta), torch.sin(theta)
z, o = torch.zeros(()), torch.ones(())
Rz = torch.stack([torch.stack([c, -s, z]), torch.stack([s, c, z]), torch.stack([z, z, o])])
rot = torch.einsum("ij,nj->ni", Rz, pts)
print(rot)
print(torch.allclose(rot, pts @ Rz.T, atol=1e-6))
rot.grad_fn

# %%
print(rot.grad_fn.next_functions)
batch_R = Rz.expand(4, 3, 3)
clouds = torch.randn(4, 5, 3)
out = torch.einsum("bij,bnj->bni", batch_R, clouds)
print(out.shape, out.grad_fn)
rot.pow(2).sum().backward()
print(theta.grad)

# %%
torch.einsum("ij,nj->ni", Rz.detach().double(), pts)

# %%
torch.einsum("nj,ij->ni", pts, Rz.detach().double())

# %%
T1 = torch.eye(4)
T1[:3, 3] = torch.tensor([1.0, 0.0, 0.0])
T2 = torch.eye(4, dtype=torch.float64)
print(torch.linalg.multi_dot([T1, T1, T1]))
torch.linalg.multi_dot([T1, T2, T1])

# %%
torch.linalg.multi_dot([T1, torch.ones(3, 4), T1])

# %%
torch.tensordot(pts, Rz.detach().double(), dims=([1], [1]))

# %%
n = F.normalize(torch.randn(6, 3), dim=1)
print(torch.linalg.vecdot(n, pts))
print(torch.linalg.vecdot(n[0], pts[0]), (n[0] * pts[0]).sum())
zc = torch.complex(n, pts)
print(torch.linalg.vecdot(zc, zc))

# %%
torch.linalg.vecdot(n, pts.double())

# %%
az = torch.atan2(pts[:, 1], pts[:, 0])
el = torch.atan2(pts[:, 2], pts[:, :2].norm(dim=1))
print(torch.rad2deg(az), el)
r = torch.zeros(3, requires_grad=True)
torch.atan2(r, torch.zeros(3)).sum().backward()
print(r.grad)

# %%
torch.atan2(pts[:, 1], 1.0)

# %%
pts[:, 1].atan2(2)

# %%
d = torch.cdist(pts, pts)
knn = d.topk(3, largest=False).indices
nb = pts[knn] - pts[knn].mean(1, keepdim=True)
cov = torch.einsum("kni,knj->kij", nb, nb) / 3
evals, evecs = torch.linalg.eigh(cov)
normals = evecs[..., 0]
print(evals.shape, normals.shape)
acc = torch.zeros(6, 3).index_add_(0, knn[:, 0], normals.abs())
print(acc.shape)

# %%
torch.zeros(6, 3).index_add_(0, knn, normals)

# %%
torch.zeros(6, 3).index_copy_(0, knn[:, :2], normals[:, None].expand(6, 2, 3))

# %%
plane = torch.randn(20, 2) @ torch.tensor([[1.0, 0.0, 0.2], [0.0, 1.0, -0.1]])
U, S, Vh = torch.linalg.svd(plane - plane.mean(0))
print(S, Vh[-1].abs())
torch.linalg.svd(plane, driver="gesvd")

# %%
torch.cross(torch.ones(4, 2), torch.ones(4, 2))
