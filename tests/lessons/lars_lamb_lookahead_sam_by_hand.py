# Imitates reference snippets of large-batch and sharpness-aware optimizers written by hand: LARS and LAMB trust
# ratios (per-parameter norms, torch.where on zero norms), Lookahead's slow weights (copy_ / lerp_ under no_grad)
# and SAM's two-step update (grad norm over all parameters, e_w added and removed in place), on small seeded MLPs.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
X = torch.randn(24, 3)
t = (X.sum(1) > 0).long()

def mlp(seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2))

# %%
# LARS: local lr = eta * ||w|| / (||g|| + wd * ||w||), 1 where a norm is zero
def lars_step(params, bufs, lr=0.1, momentum=0.9, wd=1e-4, eta=1e-3):
    with torch.no_grad():
        for p, buf in zip(params, bufs):
            g = p.grad
            w_norm, g_norm = torch.norm(p), torch.norm(g)
            trust = torch.where((w_norm > 0) & (g_norm > 0), eta * w_norm / (g_norm + wd * w_norm),
                                torch.ones_like(w_norm))
            d = g.add(p, alpha=wd).mul(trust)
            buf.mul_(momentum).add_(d)
            p.add_(buf, alpha=-lr)
    return trust

net = mlp(1)
nn.init.zeros_(net[2].bias)
bufs = [torch.zeros_like(p) for p in net.parameters()]
for step in range(4):
    net.zero_grad()
    loss = F.cross_entropy(net(X), t)
    loss.backward()
    tr = lars_step(list(net.parameters()), bufs)
    print(step, f"{loss.item():.5f}", tr, tr.dtype, tr.shape)
z = torch.zeros(3)
print(torch.where(z.norm() > 0, 1.0 / z.norm(), torch.tensor(1.0)), 1.0 / z.norm(), torch.where(z > 0, z, 0.5))
try:
    torch.where(z.norm() > 0, z.norm(), 1)
    torch.where(torch.tensor(1), z, z)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# LAMB: Adam direction r, trust ratio ||w|| / ||r + wd w||, per parameter
def lamb_step(params, state, step, lr=1e-2, betas=(0.9, 0.999), eps=1e-6, wd=0.01):
    ratios = []
    with torch.no_grad():
        for p in params:
            s = state.setdefault(p, {"m": torch.zeros_like(p), "v": torch.zeros_like(p)})
            s["m"].mul_(betas[0]).add_(p.grad, alpha=1 - betas[0])
            s["v"].mul_(betas[1]).addcmul_(p.grad, p.grad, value=1 - betas[1])
            m_hat = s["m"] / (1 - betas[0] ** step)
            v_hat = s["v"] / (1 - betas[1] ** step)
            r = m_hat / (v_hat.sqrt() + eps) + wd * p
            w_norm = p.norm(p=2).clamp(0, 10)
            r_norm = r.norm(p=2)
            ratio = torch.where(w_norm.gt(0) & r_norm.gt(0), w_norm / r_norm, torch.tensor(1.0))
            p.sub_(lr * ratio * r)
            ratios.append(round(ratio.item(), 4))
    return ratios

net = mlp(2)
with torch.no_grad():
    net[2].bias.zero_()
state = {}
for step in range(1, 4):
    net.zero_grad()
    loss = F.cross_entropy(net(X), t)
    loss.backward()
    print(step, f"{loss.item():.5f}", lamb_step(net.parameters(), state, step))
print(torch.linalg.vector_norm(net[0].weight, ord=2), torch.linalg.norm(net[0].weight), net[0].weight.norm(dim=1))

# %%
# Lookahead around torch.optim.SGD: every k steps slow += alpha * (fast - slow); fast <- slow
net = mlp(3)
inner = torch.optim.SGD(net.parameters(), lr=0.2, momentum=0.5)
slow = [p.detach().clone() for p in net.parameters()]
k, alpha = 3, 0.5
for step in range(1, 8):
    inner.zero_grad()
    loss = F.cross_entropy(net(X), t)
    loss.backward()
    inner.step()
    if step % k == 0:
        with torch.no_grad():
            for p, q in zip(net.parameters(), slow):
                q.lerp_(p, alpha)
                p.copy_(q)
        print(step, f"{loss.item():.5f}", slow[0].requires_grad, net[0].weight.requires_grad, net[0].weight.grad_fn)
q = slow[1].clone()
q.add_(alpha * (net[0].bias.detach() - q))
print(torch.allclose(q, slow[1].lerp(net[0].bias.detach(), alpha)), net[0].bias._version > 0)
try:
    net[0].weight.copy_(slow[0])
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    slow[0].lerp_(net[0].weight, torch.tensor([0.5, 0.5]))
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.lerp(torch.zeros(2), torch.ones(2), torch.tensor([0.25, 0.75])), torch.zeros(2).lerp(torch.ones(2), 2))

# %%
# SAM: e_w = rho * g / ||g|| (norm over all parameters), climb, compute the grad there, descend from the original
net = mlp(4)
base = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
rho = 0.05
for step in range(3):
    loss = F.cross_entropy(net(X), t)
    loss.backward()
    grad_norm = torch.norm(torch.stack([p.grad.norm(p=2) for p in net.parameters() if p.grad is not None]), p=2)
    e_ws = []
    with torch.no_grad():
        scale = rho / (grad_norm + 1e-12)
        for p in net.parameters():
            e_w = p.grad * scale.to(p)
            p.add_(e_w)
            e_ws.append(e_w)
    base.zero_grad()
    loss2 = F.cross_entropy(net(X), t)
    loss2.backward()
    with torch.no_grad():
        for p, e_w in zip(net.parameters(), e_ws):
            p.sub_(e_w)
    base.step()
    base.zero_grad()
    print(step, f"{loss.item():.5f}", f"{loss2.item():.5f}", f"{grad_norm.item():.5f}", grad_norm.grad_fn, scale.shape)
with torch.no_grad():
    print(torch.stack([p.norm() for p in net.parameters()]).shape, torch._foreach_norm([p for p in net.parameters()])[0])
print(nn.utils.clip_grad_norm_(net.parameters(), 1.0), [p.grad for p in net.parameters()][:1])
