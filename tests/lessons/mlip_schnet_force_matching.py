# A SchNet-like potential trained on energies and forces (force matching) in plain PyTorch
import math
import torch
from torch import nn
torch.manual_seed(0)

def rbf(r, n_rbf=8, cutoff=3.0):
    centers = torch.linspace(0.0, cutoff, n_rbf)
    gamma = 10.0 / cutoff
    return torch.exp(-gamma * (r.unsqueeze(-1) - centers) ** 2)

def cosine_cutoff(r, cutoff=3.0):
    return 0.5 * (torch.cos(math.pi * r / cutoff) + 1.0) * (r < cutoff).float()

r = torch.linspace(0.5, 3.5, 4)
print(rbf(r).shape)
print(rbf(r)[:, :4])
print(cosine_cutoff(r))

# %%
# neighbour list from a distance mask with nonzero
pos = torch.rand(6, 3) * 3.0
d = torch.cdist(pos, pos)
mask = (d < 2.0) & ~torch.eye(6, dtype=torch.bool)
nbr = mask.nonzero()
print(nbr.shape, nbr.dtype)
src, dst = nbr.T
print(src[:8], dst[:8])
idx = torch.nonzero(mask, as_tuple=True)
print(type(idx), len(idx), torch.equal(idx[0], src))
print(mask.sum(1))

# %%
class CFConv(nn.Module):
    def __init__(self, n_feat, n_rbf, cutoff):
        super().__init__()
        self.filter = nn.Sequential(nn.Linear(n_rbf, n_feat), nn.Tanh(), nn.Linear(n_feat, n_feat))
        self.lin = nn.Linear(n_feat, n_feat, bias=False)
        self.cutoff = cutoff

    def forward(self, h, src, dst, r):
        W = self.filter(rbf(r, cutoff=self.cutoff)) * cosine_cutoff(r, self.cutoff).unsqueeze(-1)
        msg = self.lin(h)[dst] * W
        out = torch.zeros_like(h)
        out.index_add_(0, src, msg)
        return out

class SchNetLite(nn.Module):
    def __init__(self, n_types=3, n_feat=16, n_rbf=8, cutoff=3.0):
        super().__init__()
        self.embed = nn.Embedding(n_types, n_feat)
        self.convs = nn.ModuleList([CFConv(n_feat, n_rbf, cutoff) for _ in range(2)])
        self.out = nn.Sequential(nn.Linear(n_feat, n_feat // 2), nn.Tanh(), nn.Linear(n_feat // 2, 1))
        self.cutoff = cutoff

    def forward(self, z, pos):
        n = pos.shape[0]
        rij = pos[:, None, :] - pos[None, :, :]
        d2 = (rij ** 2).sum(-1)
        mask = (d2 < self.cutoff ** 2) & ~torch.eye(n, dtype=torch.bool)
        src, dst = mask.nonzero(as_tuple=True)
        r = d2[src, dst].sqrt()
        h = self.embed(z)
        for conv in self.convs:
            h = h + conv(h, src, dst, r)
        e_atom = self.out(h).squeeze(-1)
        E = torch.zeros(1).scatter_add_(0, torch.zeros(n, dtype=torch.long), e_atom)
        return E.squeeze()

model = SchNetLite()
print(sum(p.numel() for p in model.parameters()))
print(model.convs[0])

# %%
z = torch.tensor([0, 1, 1, 2, 0, 1])
pos = pos.clone().requires_grad_(True)
E = model(z, pos)
print(E.shape, E.grad_fn)
F = -torch.autograd.grad(E, pos)[0]
print(F.shape, F.requires_grad)
print(F.sum(0).abs().max() < 1e-5)

# %%
# reference data: a Lennard-Jones-like target
def ref_energy(pos):
    n = pos.shape[0]
    i, j = torch.triu_indices(n, n, 1)
    rr = (pos[i] - pos[j]).norm(dim=-1)
    return (0.5 * (1.0 / rr) ** 4 - (1.0 / rr) ** 2).sum()

torch.manual_seed(3)
data = []
for _ in range(4):
    p = (torch.rand(6, 3) * 3.0).requires_grad_(True)
    e = ref_energy(p)
    f = -torch.autograd.grad(e, p)[0]
    data.append((p.detach(), e.detach(), f))
print(len(data), data[0][1], data[0][2].shape)

# %%
# Mistake: the force loss without create_graph
p, e_ref, f_ref = data[0]
p = p.clone().requires_grad_(True)
e_pred = model(z, p)
f_pred = -torch.autograd.grad(e_pred, p)[0]
loss = ((f_pred - f_ref) ** 2).mean()
print(loss.requires_grad, loss.grad_fn)
loss.backward()

# %%
opt = torch.optim.Adam(model.parameters(), lr=5e-3)
for epoch in range(6):
    total = 0.0
    for p, e_ref, f_ref in data:
        p = p.clone().requires_grad_(True)
        e_pred = model(z, p)
        f_pred = -torch.autograd.grad(e_pred, p, create_graph=True)[0]
        loss = (e_pred - e_ref) ** 2 + 10.0 * ((f_pred - f_ref) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item()
    if epoch % 2 == 0:
        print(f"epoch {epoch}  loss {total / len(data):.4f}")
print(f_pred.grad_fn)

# %%
# Mistake: distances from torch.cdist inside a force-matching loss
class PairNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 1))
    def forward(self, pos):
        n = pos.shape[0]
        d = torch.cdist(pos, pos)
        i, j = torch.triu_indices(n, n, 1)
        r = d[i, j]
        return self.net(rbf(r) * cosine_cutoff(r).unsqueeze(-1)).sum()

pair = PairNet()
p, e_ref, f_ref = data[0]
p = p.clone().requires_grad_(True)
e_pred = pair(p)
f_pred = -torch.autograd.grad(e_pred, p, create_graph=True)[0]
print(f_pred.grad_fn, f_pred.grad_fn.next_functions[0][0])
loss = ((f_pred - f_ref) ** 2).mean()
loss.backward()

# %%
# fix: distances from explicit differences
class PairNet2(PairNet):
    def forward(self, pos):
        n = pos.shape[0]
        i, j = torch.triu_indices(n, n, 1)
        r = (pos[i] - pos[j]).norm(dim=-1)
        return self.net(rbf(r) * cosine_cutoff(r).unsqueeze(-1)).sum()

pair2 = PairNet2()
pair2.load_state_dict(pair.state_dict())
p = data[0][0].clone().requires_grad_(True)
f_pred = -torch.autograd.grad(pair2(p), p, create_graph=True)[0]
loss = ((f_pred - f_ref) ** 2).mean()
loss.backward()
print(loss.item() > 0, pair2.net[0].weight.grad.shape)

# %%
# second-order graph: which parameters receive gradients through the forces alone
p = data[1][0].clone().requires_grad_(True)
e_pred = model(z, p)
f_pred = -torch.autograd.grad(e_pred, p, create_graph=True)[0]
floss = (f_pred ** 2).sum()
grads = torch.autograd.grad(floss, list(model.parameters()), allow_unused=True)
print([None if g is None else tuple(g.shape) for g in grads])
print(model.out[2].bias.shape, grads[-1])

# %%
# scatter_add_ and index_add_ agree, also for sums per molecule
vals = torch.arange(6.0, requires_grad=True)
batch = torch.tensor([0, 0, 1, 1, 1, 2])
a = torch.zeros(3).scatter_add(0, batch, vals)
b = torch.zeros(3).index_add(0, batch, vals)
c = torch.zeros(3).index_add(0, batch, vals, alpha=2)
print(a, b, c)
(a * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
vals.grad

# %%
out = torch.zeros(3)
out.index_add_(0, batch, vals)
print(out.grad_fn)
out2 = torch.zeros(2, 3).scatter_add_(1, batch.view(2, 3), vals.view(2, 3))
print(out2, out2.grad_fn)
torch.zeros(3).scatter_reduce(0, batch, vals, reduce="sum", include_self=False)

# %%
# Mistakes with index_add_: wrong index dtype, wrong source shape
torch.zeros(3).index_add_(0, batch.float(), vals.detach())

# %%
torch.zeros(3).index_add_(0, batch, torch.ones(5))

# %%
torch.zeros(3).scatter_add_(0, batch.int(), vals.detach())

# %%
torch.zeros(3, dtype=torch.float64).index_add_(0, batch, vals.detach())

# %%
# Mistake: messages with the wrong number of features for the output
h = torch.zeros(6, 16)
msg = torch.randn(nbr.shape[0], 8)
h.index_add_(0, src, msg)

# %%
# Mistake: a message per edge but the index of the atoms
h.index_add_(0, torch.arange(6), torch.randn(nbr.shape[0], 16))

# %%
# the same aggregation with scatter_add_ needs an index of the message's shape
msg = torch.randn(nbr.shape[0], 16, requires_grad=True)
out = torch.zeros(6, 16).scatter_add(0, src.unsqueeze(-1).expand(-1, 16), msg)
ref = torch.zeros(6, 16).index_add(0, src, msg)
print(torch.allclose(out, ref), out.grad_fn, ref.grad_fn)
g, = torch.autograd.grad((ref ** 2).sum(), msg, create_graph=True)
print(g.grad_fn)
torch.zeros(6, 16).scatter_add(0, src, msg)
