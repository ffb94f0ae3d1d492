# Imitates a "mixture of experts from scratch" post: a top-k softmax router, dispatch with index_add_, the load
# balancing auxiliary loss with bincount/one_hot, noisy gating and capacity dropping.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
class Expert(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
    def forward(self, x):
        return self.net(x)

class MoE(nn.Module):
    def __init__(self, d=6, n_experts=4, k=2):
        super().__init__()
        self.router = nn.Linear(d, n_experts, bias=False)
        self.experts = nn.ModuleList(Expert(d) for _ in range(n_experts))
        self.k, self.n = k, n_experts
    def forward(self, x):
        logits = self.router(x)
        probs = logits.softmax(-1)
        topv, topi = probs.topk(self.k, dim=-1)
        topv = topv / topv.sum(-1, keepdim=True)
        out = torch.zeros_like(x)
        for e in range(self.n):
            rows, slot = (topi == e).nonzero(as_tuple=True)
            if rows.numel() == 0:
                continue
            y = self.experts[e](x[rows]) * topv[rows, slot].unsqueeze(-1)
            out.index_add_(0, rows, y)
        counts = torch.bincount(topi.flatten(), minlength=self.n)
        frac = F.one_hot(topi[:, 0], self.n).float().mean(0)
        aux = self.n * (frac * probs.mean(0)).sum()
        return out, aux, counts

moe = MoE()
x = torch.randn(10, 6)
out, aux, counts = moe(x)
print(out.shape, out.grad_fn, counts, aux)

# %%
loss = out.pow(2).mean() + 0.01 * aux
loss.backward()
print(moe.router.weight.grad)
print([e.net[0].weight.grad is None for e in moe.experts])

# %%
logits = moe.router(x)
noise = torch.randn_like(logits) * F.softplus(torch.ones_like(logits))
noisy = logits + noise
topv, topi = noisy.topk(2, -1)
mask = torch.full_like(noisy, float('-inf')).scatter(-1, topi, topv)
gates = mask.softmax(-1)
print(gates[:2], (gates > 0).sum(-1))

# %%
capacity = 3
assign = topi[:, 0]
pos = F.one_hot(assign, 4).cumsum(0)[torch.arange(10), assign] - 1
keep = pos < capacity
print(pos, keep, keep.sum().item())
dropped = x[~keep]
print(dropped.shape)

# %%
opt = torch.optim.AdamW(moe.parameters(), lr=1e-2)
target = torch.randn(10, 6)
for step in range(5):
    opt.zero_grad()
    out, aux, counts = moe(x)
    loss = F.mse_loss(out, target) + 0.01 * aux
    loss.backward()
    opt.step()
print(round(loss.item(), 5), counts.tolist())
