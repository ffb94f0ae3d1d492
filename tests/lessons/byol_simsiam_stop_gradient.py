# Imitates the BYOL and SimSiam re-implementations (lucidrains' byol-pytorch, the SimSiam paper's pseudocode,
# lightly's tutorials): a projector and a predictor MLP with BatchNorm1d, the negative cosine similarity with
# F.normalize and F.cosine_similarity, stop-gradient with .detach(), a target network made by copy.deepcopy and
# requires_grad_(False), its EMA update under no_grad (zip of parameters with mul_/add_, lerp_, and
# torch._foreach_mul_/_foreach_add_), and the mistakes: no detach on the target, an in-place EMA on tensors that
# require grad, BatchNorm1d with a batch of one.
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

def mlp(dim, hidden, out):
    return nn.Sequential(nn.Linear(dim, hidden), nn.BatchNorm1d(hidden), nn.ReLU(inplace=True), nn.Linear(hidden, out))

encoder = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 8))
projector = mlp(8, 32, 6)
predictor = mlp(6, 12, 6)
online = nn.Sequential(encoder, projector)
print(predictor)
print(sum(p.numel() for p in online.parameters()), sum(p.numel() for p in predictor.parameters()))
print([name for name, _ in projector.named_buffers()])

# %%
def D(p, z):   # SimSiam's negative cosine similarity, stop-gradient on z
    z = z.detach()
    p = F.normalize(p, dim=1)
    z = F.normalize(z, dim=1)
    return -(p * z).sum(dim=1).mean()

def D_fast(p, z):
    return -F.cosine_similarity(p, z.detach(), dim=-1).mean()

x = torch.randn(8, 10)
x1, x2 = x + 0.1 * torch.randn_like(x), x * (1 + 0.1 * torch.randn_like(x))
z1, z2 = online(x1), online(x2)
p1, p2 = predictor(z1), predictor(z2)
loss = D(p1, z2) / 2 + D(p2, z1) / 2
print(loss, D_fast(p1, z2) / 2 + D_fast(p2, z1) / 2)
print(loss.grad_fn, loss.grad_fn.next_functions)
print(z2.detach().requires_grad, z2.detach().grad_fn, z2.detach()._version)
loss.backward()
print(encoder[0].weight.grad.norm(), predictor[1].weight.grad)
print(projector[1].running_mean, projector[1].num_batches_tracked)

# %%
target = copy.deepcopy(online)
for p in target.parameters():
    p.requires_grad_(False)
print(all(not p.requires_grad for p in target.parameters()), target[1][1].running_var.requires_grad)
print(target[0][0].weight is online[0][0].weight, torch.equal(target[0][0].weight, online[0][0].weight))
print(target[1][1].num_batches_tracked, target[1][1].running_mean.data_ptr() == projector[1].running_mean.data_ptr())

def byol_loss(p, z):
    p = F.normalize(p, dim=-1, p=2)
    z = F.normalize(z, dim=-1, p=2)
    return 2 - 2 * (p * z).sum(dim=-1)

@torch.no_grad()
def ema_update(online, target, tau=0.99):
    for po, pt in zip(online.parameters(), target.parameters()):
        pt.mul_(tau).add_(po, alpha=1 - tau)

opt = torch.optim.SGD(list(online.parameters()) + list(predictor.parameters()), lr=0.05, momentum=0.9)
torch.manual_seed(1)
for step in range(4):
    x = torch.randn(8, 10)
    v1, v2 = x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)
    on1, on2 = predictor(online(v1)), predictor(online(v2))
    with torch.no_grad():
        t1, t2 = target(v1), target(v2)
    loss = (byol_loss(on1, t2) + byol_loss(on2, t1)).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    ema_update(online, target)
    print(step, f"{loss.item():.5f}", t1.requires_grad, target[0][0].weight.requires_grad)
print(target[0][2].bias, online[0][2].bias)

# %%
# the foreach form of the EMA (timm's ModelEmaV3, lightly's update_momentum)
ema = [p.detach().clone() for p in online.parameters()]
with torch.no_grad():
    params = list(online.parameters())
    torch._foreach_mul_(ema, 0.9)
    torch._foreach_add_(ema, params, alpha=0.1)
print(ema[-1], len(ema))
with torch.no_grad():
    torch._foreach_lerp_(ema, params, 0.5)
    for e, p in zip(ema, params):
        e.lerp_(p, 0.25)
print(ema[-1])
scaled = torch._foreach_mul(ema, 2.0)
print(type(scaled).__name__, scaled[-1])
print(torch._foreach_norm(ema[-2:]))
torch._foreach_add_(ema[-2:], [torch.ones(6), torch.ones(6)])
print(ema[-1])

# %%
# forgetting no_grad: the EMA in place on a leaf that requires grad
online_copy = copy.deepcopy(online)
for po, pt in zip(online.parameters(), online_copy.parameters()):
    pt.mul_(0.99).add_(po, alpha=0.01)

# %%
torch._foreach_mul_(list(online_copy.parameters()), 0.5)

# %%
pt = online_copy[0][0].bias
pt.data.mul_(0.99).add_(online[0][0].bias.data, alpha=0.01)
print(pt.requires_grad, pt.grad_fn, pt.is_leaf)
with torch.no_grad():
    pt.copy_(pt * 0.5 + online[0][0].bias * 0.5)
print(pt.grad_fn, pt._version > 0)

# %%
# forgetting .detach(): gradient flows into the target branch
z = online(x1)
p = predictor(z)
bad = -F.cosine_similarity(p, z, dim=-1).mean()
good = -F.cosine_similarity(p, z.detach(), dim=-1).mean()
ga = torch.autograd.grad(bad, online[0][0].weight, retain_graph=True)[0]
gb = torch.autograd.grad(good, online[0][0].weight)[0]
print(torch.allclose(ga, gb), (ga - gb).abs().max() > 0)

# %%
# BatchNorm1d with a batch of one in training mode
predictor.train()
predictor(torch.randn(1, 6))

# %%
predictor.eval()
print(predictor(torch.randn(1, 6)).shape)
bn = nn.BatchNorm1d(4)
bn(torch.randn(1, 4, 3)).shape

# %%
bn.train()
bn(torch.randn(1, 4))

# %%
bn(torch.randn(2, 5))

# %%
bn(torch.randn(3))

# %%
print(F.cosine_similarity(torch.randn(4, 6), torch.randn(4, 5)))

# %%
print(F.cosine_similarity(torch.randn(4, 6), torch.randn(6), dim=-1).shape, F.cosine_similarity(torch.zeros(2, 3), torch.ones(2, 3)))
print(F.normalize(torch.zeros(2, 3), dim=1), F.normalize(torch.tensor([[1, 2]]).float(), dim=0, eps=1.0))
F.normalize(torch.tensor([[1, 2]]), dim=1)
