# Imitates the Poincare embeddings tutorials (Nickel & Kiela reimplementations without geoopt): a small
# hierarchy's embeddings in nn.Embedding, a hand-written Riemannian SGD torch.optim.Optimizer subclass that
# rescales the gradient by (1 - |x|^2)^2 / 4 under @torch.no_grad(), projection back into the ball with renorm,
# a negative-sampling softmax loss over distances, float64 training, and sparse gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
EPS = 1e-5

# %%
edges = [(1, 0), (2, 0), (3, 1), (4, 1), (5, 2), (6, 2)]
N, DIM = 7, 2
emb = nn.Embedding(N, DIM)
nn.init.uniform_(emb.weight, -1e-3, 1e-3)
print(emb)
print(emb.weight[:3])
print(emb.weight.dtype, emb.weight.requires_grad, emb.weight.is_leaf)

# %%
def dist(u, v):
    sq = ((u - v) ** 2).sum(-1)
    nu = (1 - (u ** 2).sum(-1)).clamp_min(EPS)
    nv = (1 - (v ** 2).sum(-1)).clamp_min(EPS)
    return torch.acosh(1 + 2 * sq / (nu * nv))

class RiemannianSGD(torch.optim.Optimizer):
    def __init__(self, params, lr=0.1, max_norm=1 - EPS):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        super().__init__(params, dict(lr=lr, max_norm=max_norm))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group['params']:
                if p.grad is None:
                    continue
                d_p = p.grad
                if d_p.is_sparse:
                    d_p = d_p.coalesce().to_dense()
                sq = p.pow(2).sum(dim=-1, keepdim=True)
                d_p = d_p * ((1 - sq) ** 2 / 4)
                state = self.state[p]
                state['step'] = state.get('step', 0) + 1
                p.add_(d_p, alpha=-group['lr'])
                p.copy_(p.renorm(2, 0, group['max_norm']))
        return loss

opt = RiemannianSGD(emb.parameters(), lr=0.5)
print(opt)
print(opt.param_groups[0]['lr'], opt.defaults)
try:
    RiemannianSGD(emb.parameters(), lr=-1)
except ValueError as e:
    print(type(e).__name__, e)

# %%
def sample_batch(n_neg=3):
    idx = torch.randint(len(edges), (4,))
    pos = torch.tensor([edges[i] for i in idx.tolist()])
    negs = torch.randint(N, (4, n_neg))
    return torch.cat([pos, negs], dim=1)

batch = sample_batch()
print(batch, batch.shape, batch.dtype)
e = emb(batch)
print(e.shape, e.grad_fn)
u, v = e[:, :1], e[:, 1:]
d = dist(u.expand_as(v), v)
print(d.shape)
loss = F.cross_entropy(-d, torch.zeros(4, dtype=torch.long))
print(loss)
loss.backward()
print(emb.weight.grad)
opt.step()
print(opt.state[emb.weight])
print(emb.weight)

# %%
for epoch in range(30):
    batch = sample_batch()
    e = emb(batch)
    d = dist(e[:, :1].expand_as(e[:, 1:]), e[:, 1:])
    loss = F.cross_entropy(-d, torch.zeros(len(batch), dtype=torch.long))
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(epoch, round(loss.item(), 4))
print(emb.weight.norm(dim=-1))
print(emb.weight.norm(dim=-1).max() < 1)

# %%
w = torch.tensor([[3.0, 4.0], [0.3, 0.4], [0.0, 2.0]])
print(w.renorm(2, 0, 1 - EPS))
print(w.renorm(p=2, dim=0, maxnorm=1.0))
print(torch.renorm(w, 1, 1, 2.0))
w2 = w.clone().requires_grad_()
r = w2.renorm(2, 0, 1.0)
print(r.grad_fn)
r.sum().backward()
print(w2.grad)
try:
    w.renorm(2, 2, 1.0)
except (IndexError, RuntimeError) as e:
    print(type(e).__name__, e)
try:
    w.renorm(-1, 0, 1.0)
except RuntimeError as e:
    print(type(e).__name__, e)
print(w.clone().renorm_(2, 0, 0.5))

# %%
torch.manual_seed(1)
emb64 = nn.Embedding(N, DIM, sparse=True).double()
with torch.no_grad():
    emb64.weight.uniform_(-1e-3, 1e-3)
opt64 = RiemannianSGD(emb64.parameters(), lr=0.3)
for it in range(20):
    batch = sample_batch()
    e = emb64(batch)
    d = dist(e[:, :1].expand_as(e[:, 1:]), e[:, 1:])
    loss = F.cross_entropy(-d, torch.zeros(len(batch), dtype=torch.long))
    opt64.zero_grad()
    loss.backward()
    if it == 0:
        print(emb64.weight.grad.layout, emb64.weight.grad.dtype, emb64.weight.grad._nnz())
    opt64.step()
print(loss, loss.dtype)
print(emb64.weight)
print(dist(emb64.weight[1], emb64.weight[0]), dist(emb64.weight[3], emb64.weight[5]))
