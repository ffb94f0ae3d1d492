# Imitates course notebooks on point clouds: a PointNet classifier (shared MLP as Conv1d with kernel_size=1,
# BatchNorm1d, global max pool), a T-Net predicting a 3x3 transform applied with torch.bmm, the orthogonality
# regulariser with torch.eye and norm, chamfer distance with torch.cdist and min, farthest point sampling in a
# loop, kNN with topk(largest=False), and the mistakes learners make (channel-last points into Conv1d, bmm shapes).
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

# %%
class TNet(nn.Module):
    def __init__(self, k=3):
        super().__init__()
        self.k = k
        self.conv1 = nn.Conv1d(k, 16, 1)
        self.conv2 = nn.Conv1d(16, 32, 1)
        self.fc = nn.Linear(32, k * k)
        nn.init.zeros_(self.fc.weight)
        nn.init.zeros_(self.fc.bias)
    def forward(self, x):
        b = x.size(0)
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = torch.max(x, 2, keepdim=True)[0].view(-1, 32)
        iden = torch.eye(self.k, dtype=x.dtype).flatten().view(1, self.k * self.k).repeat(b, 1)
        return (self.fc(x) + iden).view(-1, self.k, self.k)

class PointNet(nn.Module):
    def __init__(self, num_classes=4):
        super().__init__()
        self.tnet = TNet(3)
        self.mlp1 = nn.Sequential(nn.Conv1d(3, 16, 1), nn.BatchNorm1d(16), nn.ReLU())
        self.mlp2 = nn.Sequential(nn.Conv1d(16, 64, kernel_size=1), nn.BatchNorm1d(64), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Dropout(0.3), nn.Linear(32, num_classes))
    def forward(self, x):
        t = self.tnet(x)
        x = torch.bmm(x.transpose(2, 1), t).transpose(2, 1)
        x = self.mlp2(self.mlp1(x))
        x = x.max(dim=2)[0]
        return self.head(x), t

model = PointNet()
pts = torch.randn(4, 3, 32)
out, trans = model(pts)
print(out.shape, trans.shape, out.grad_fn, trans.grad_fn)
print(trans[0])
print(model.mlp1)

# %%
# the shared MLP is a Linear layer applied to every point: copy the weights and compare
conv = nn.Conv1d(3, 16, kernel_size=1)
lin = nn.Linear(3, 16)
with torch.no_grad():
    lin.weight.copy_(conv.weight.squeeze(-1))
    lin.bias.copy_(conv.bias)
a, b = conv(pts), lin(pts.transpose(1, 2)).transpose(1, 2)
print(a.shape, b.shape, torch.allclose(a, b, atol=1e-6), (a - b).abs().max())
print(conv(pts)[0, :2, :4])
print(nn.Conv1d(3, 16, 1, bias=False)(pts).abs().sum(), nn.Conv2d(3, 4, 1)(pts.unsqueeze(-1))[1, :, :3, 0])

# %%
def ortho_reg(t):
    k = t.size(1)
    I = torch.eye(k).unsqueeze(0)
    return torch.norm(torch.bmm(t, t.transpose(2, 1)) - I, dim=(1, 2)).mean()

labels = torch.tensor([0, 1, 2, 3])
loss = F.cross_entropy(out, labels) + 0.001 * ortho_reg(trans)
loss.backward()
print(loss)
print(model.tnet.fc.bias.grad.view(3, 3))
print(model.mlp1[0].weight.grad.shape)

# %%
# points stored channel-last (B, N, 3), the layout a loader gives
pts_last = pts.transpose(1, 2).contiguous()
print(pts_last.shape)
model.mlp1(pts_last)

# %%
nn.Conv1d(3, 8, 1)(torch.randn(32, 3))

# %%
nn.Conv1d(3, 8, 1)(torch.randn(5, 32, 3, 1))

# %%
torch.bmm(pts, trans)

# %%
torch.bmm(pts[0], trans[0])

# %%
torch.bmm(pts.transpose(2, 1), trans[:3])

# %%
print(torch.matmul(pts.transpose(2, 1), trans).shape, (pts.transpose(2, 1) @ trans).shape)
print(torch.einsum("bnk,bkj->bnj", pts.transpose(2, 1), trans).shape)
ident = torch.eye(3)
print(ident, torch.eye(2, 3), torch.eye(3, dtype=torch.float64).requires_grad)
t0 = trans[0].detach()
print(torch.norm(t0 @ t0.T - ident), torch.linalg.norm(t0 @ t0.T - ident, "fro"), (t0 @ t0.T - ident).norm(p="fro"))
print(torch.linalg.matrix_norm(trans - ident).shape, torch.norm(trans, dim=(1, 2)))

# %%
torch.norm(trans, dim=(1, 2, 0))

# %%
a = torch.rand(2, 20, 3, requires_grad=True)
b = torch.rand(2, 15, 3)
d = torch.cdist(a, b)
print(d.shape, d.grad_fn)
d2 = d ** 2
chamfer = d2.min(dim=2)[0].mean(dim=1) + d2.min(dim=1)[0].mean(dim=1)
print(chamfer)
chamfer.mean().backward()
print(a.grad[0, :3])
print(torch.allclose(d, ((a[:, :, None] - b[:, None]) ** 2).sum(-1).sqrt(), atol=1e-6))

# %%
print(torch.cdist(a[0], b[0], p=1)[:2, :3])
print(torch.cdist(a[0].detach(), b[0], p=float("inf"))[:2, :3])
d1, i1 = torch.cdist(a[0], b[0]).min(dim=1)
print(i1, d1.grad_fn)

# %%
torch.cdist(a, b[0, :, :2])

# %%
torch.cdist(a[0], b[0].long())

# %%
def farthest_point_sample(xyz, npoint):
    B, N, C = xyz.shape
    centroids = torch.zeros(B, npoint, dtype=torch.long)
    distance = torch.ones(B, N) * 1e10
    farthest = torch.zeros(B, dtype=torch.long)
    batch_indices = torch.arange(B, dtype=torch.long)
    for i in range(npoint):
        centroids[:, i] = farthest
        centroid = xyz[batch_indices, farthest, :].view(B, 1, 3)
        dist = torch.sum((xyz - centroid) ** 2, -1)
        mask = dist < distance
        distance[mask] = dist[mask]
        farthest = torch.max(distance, -1)[1]
    return centroids

xyz = torch.rand(2, 40, 3)
idx = farthest_point_sample(xyz, 6)
print(idx)
sampled = xyz[torch.arange(2)[:, None], idx]
print(sampled.shape, torch.gather(xyz, 1, idx.unsqueeze(-1).expand(-1, -1, 3)).equal(sampled))

# %%
dist = torch.cdist(sampled, xyz)
knn_d, knn_i = dist.topk(5, dim=-1, largest=False)
print(knn_i[0], knn_d[0, :2])
print(torch.topk(dist, 3, largest=False, sorted=True).values[1, :2])
grouped = xyz[torch.arange(2)[:, None, None], knn_i]
print(grouped.shape, (grouped - sampled.unsqueeze(2)).norm(dim=-1)[0, 0])
print(dist.sort(dim=-1)[1][..., :5].equal(knn_i))

# %%
dist.topk(50, dim=-1, largest=False)

# %%
dist.topk(3, dim=3)

# %%
x = torch.randn(2, 3, 10)
edge = torch.cat([x.unsqueeze(-1).expand(-1, -1, -1, 4), torch.randn(2, 3, 10, 4)], dim=1)
print(edge.shape, nn.Conv2d(6, 8, kernel_size=1, bias=False)(edge).max(dim=-1, keepdim=False)[0].shape)
print(torch.cat([x, x.max(dim=2, keepdim=True)[0].expand(-1, -1, 10)], 1).shape)
F.max_pool1d(x, kernel_size=x.shape[-1]).squeeze(-1)
