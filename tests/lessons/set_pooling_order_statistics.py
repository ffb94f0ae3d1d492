# Imitates a Deep Sets / PointNet lesson: permutation-invariant pooling (sum, mean, max, amax, logsumexp), and how
# gradients flow through max/amax/median/sort/topk/kthvalue when values tie.
import torch
import torch.nn as nn

torch.manual_seed(0)
class DeepSet(nn.Module):
    def __init__(self, d_in=2, d_h=8, pool="max"):
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(d_in, d_h), nn.ReLU(), nn.Linear(d_h, d_h))
        self.rho = nn.Sequential(nn.ReLU(), nn.Linear(d_h, 1))
        self.pool = pool
    def forward(self, x):
        h = self.phi(x)
        h = h.max(dim=1).values if self.pool == "max" else h.sum(dim=1)
        return self.rho(h)

ds = DeepSet()
pts = torch.randn(3, 7, 2)
perm = torch.randperm(7)
print(torch.allclose(ds(pts), ds(pts[:, perm])))
print(ds(pts).squeeze(), DeepSet(pool="sum")(pts).shape)

# %%
x = torch.tensor([1.0, 3.0, 3.0, 2.0], requires_grad=True)
x.max().backward(); print("max:", x.grad); x.grad = None
x.amax().backward(); print("amax:", x.grad); x.grad = None
torch.max(x, dim=0).values.backward(); print("max dim:", x.grad); x.grad = None
x.min().backward(); print("min:", x.grad); x.grad = None

# %%
y = torch.tensor([[2.0, 5.0, 5.0], [1.0, 1.0, 0.0]], requires_grad=True)
v, idx = y.max(dim=1)
print(v, idx)
y.amax(dim=1).sum().backward(); print(y.grad); y.grad = None
y.amin(dim=1).sum().backward(); print(y.grad); y.grad = None
torch.logsumexp(y, dim=1).sum().backward(); print(y.grad)

# %%
m = torch.tensor([4.0, 1.0, 4.0, 2.0, 3.0], requires_grad=True)
med = m.median(); print(med); med.backward(); print("median:", m.grad); m.grad = None
vals, inds = m.sort(descending=True, stable=True); print(vals, inds)
vals[:2].sum().backward(); print("sort:", m.grad); m.grad = None
top = m.topk(2); print(top)
top.values.sum().backward(); print("topk:", m.grad); m.grad = None
kv = m.kthvalue(2); print(kv); kv.values.backward(); print("kth:", m.grad)

# %%
z = torch.tensor([[1.0, 2.0], [3.0, 2.0], [0.0, 5.0]], requires_grad=True)
print(z.median(dim=0), z.nanmedian())
print(torch.quantile(z, 0.5, dim=0), torch.quantile(z, torch.tensor([0.25, 0.75])))
torch.quantile(z, 0.3).backward(); print(z.grad); z.grad = None
cm = z.cummax(dim=0); print(cm)
cm.values.sum().backward(); print(z.grad)
print(torch.mode(torch.tensor([1, 2, 2, 3, 3])), torch.unique(torch.tensor([3, 1, 3, 2]), return_counts=True))

# %%
opt = torch.optim.Adam(ds.parameters(), lr=0.01)
target = pts.norm(dim=-1).max(dim=1, keepdim=True).values
for step in range(20):
    opt.zero_grad()
    loss = ((ds(pts) - target) ** 2).mean()
    loss.backward()
    opt.step()
print(round(loss.item(), 5))
