# Imitates the "attention rollout / attention flow for ViTs from scratch" notebooks (Abnar & Zuidema's rollout with
# the residual identity, gradient-weighted attention as in Chefer et al.) and the "influence functions in PyTorch"
# tutorials after Koh & Liang: Hessian-vector products with autograd.grad(create_graph=True), conjugate gradient and
# LiSSA for an inverse-HVP, torch.autograd.functional.hvp/hessian, and a leave-one-out check.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self, d=8, heads=2):
        super().__init__()
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.norm = nn.LayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, 16), nn.GELU(), nn.Linear(16, d))
        self.attn_weights = None

    def forward(self, x):
        h = self.norm(x)
        out, w = self.attn(h, h, h, need_weights=True, average_attn_weights=False)
        self.attn_weights = w
        x = x + out
        return x + self.mlp(x)


class TinyViT(nn.Module):
    def __init__(self, d=8, tokens=5, depth=2, classes=3):
        super().__init__()
        self.cls = nn.Parameter(torch.zeros(1, 1, d))
        self.pos = nn.Parameter(torch.randn(1, tokens + 1, d) * 0.02)
        self.embed = nn.Linear(4, d)
        self.blocks = nn.ModuleList([Block(d) for _ in range(depth)])
        self.head = nn.Linear(d, classes)

    def forward(self, patches):
        x = self.embed(patches)
        x = torch.cat([self.cls.expand(x.shape[0], -1, -1), x], dim=1) + self.pos
        for blk in self.blocks:
            x = blk(x)
        return self.head(x[:, 0])


vit = TinyViT().eval()
patches = torch.randn(2, 5, 4)
logits = vit(patches)
print(logits.shape, [b.attn_weights.shape for b in vit.blocks])
print(vit.blocks[0].attn_weights[0, 0])

# %%
# attention rollout: average heads, add the identity for the residual, renormalise rows, multiply through the layers
def rollout(attentions, discard_ratio=0.0, head_fusion="mean"):
    result = torch.eye(attentions[0].size(-1)).expand(attentions[0].size(0), -1, -1)
    with torch.no_grad():
        for a in attentions:
            if head_fusion == "mean":
                fused = a.mean(dim=1)
            elif head_fusion == "max":
                fused = a.max(dim=1).values
            else:
                raise ValueError("Attention head fusion type Not supported")
            if discard_ratio:
                flat = fused.view(fused.size(0), -1)
                _, idx = flat.topk(int(flat.size(-1) * discard_ratio), dim=-1, largest=False)
                flat.scatter_(1, idx, 0)
            eye = torch.eye(fused.size(-1))
            a_res = (fused + eye) / 2
            a_res = a_res / a_res.sum(dim=-1, keepdim=True)
            result = torch.matmul(a_res, result)
    return result

atts = [b.attn_weights for b in vit.blocks]
roll = rollout(atts)
print(roll[:, 0, 1:])
print(roll.sum(-1))
print(rollout(atts, head_fusion="max")[0, 0])
print(rollout(atts, discard_ratio=0.5)[1, 0, 1:])
try:
    rollout(atts, head_fusion="min")
except ValueError as e:
    print(e)

# %%
# gradient-weighted rollout: keep the attention maps' gradients with retain_grad and with tensor hooks
grads = []
logits = vit(patches)
for b in vit.blocks:
    b.attn_weights.retain_grad()
    b.attn_weights.register_hook(lambda g: grads.append(g.shape))
logits[torch.arange(2), logits.argmax(1)].sum().backward()
cams = []
for b in vit.blocks:
    cam = (b.attn_weights.grad * b.attn_weights).clamp(min=0).mean(dim=1)
    cams.append(cam)
print(grads, vit.blocks[1].attn_weights.grad[0, 1, 0])
R = torch.eye(6).repeat(2, 1, 1)
for cam in cams:
    R = R + torch.bmm(cam, R)
print(R[:, 0, 1:].detach())

# %%
# influence functions on a small logistic regression
torch.manual_seed(1)
n, d = 40, 3
X = torch.randn(n, d)
w_true = torch.tensor([1.5, -2.0, 0.5])
y = (X @ w_true + 0.3 * torch.randn(n) > 0).float()
model = nn.Linear(d, 1, bias=False)
lam = 0.01
opt = torch.optim.LBFGS(model.parameters(), lr=1, max_iter=50)
def closure():
    opt.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X).squeeze(1), y) + lam * model.weight.pow(2).sum()
    loss.backward()
    return loss
opt.step(closure)
params = [p for p in model.parameters()]
print(model.weight.data, closure().item())

# %%
def train_loss(ps):
    w, = ps
    return F.binary_cross_entropy_with_logits((X @ w.t()).squeeze(1), y) + lam * w.pow(2).sum()

def hvp(loss_fn, ps, v):
    loss = loss_fn(ps)
    g = torch.autograd.grad(loss, ps, create_graph=True)
    dot = sum((gi * vi).sum() for gi, vi in zip(g, v))
    return torch.autograd.grad(dot, ps)

v = [torch.ones_like(p) for p in params]
hv = hvp(train_loss, params, v)
print(hv)
H = torch.autograd.functional.hessian(lambda w: train_loss([w]), params[0])
print(H.shape, torch.allclose(H.view(3, 3) @ torch.ones(3), hv[0].view(3), atol=1e-5))
_, hv2 = torch.autograd.functional.hvp(lambda w: train_loss([w]), params[0], v[0])
print(torch.allclose(hv2, hv[0], atol=1e-6))

# %%
# inverse HVP by conjugate gradient and by LiSSA
def cg_solve(loss_fn, ps, b, iters=10, tol=1e-10):
    x = [torch.zeros_like(bi) for bi in b]
    r = [bi.clone() for bi in b]
    p = [ri.clone() for ri in r]
    rs = sum((ri * ri).sum() for ri in r)
    for it in range(iters):
        Ap = hvp(loss_fn, ps, p)
        alpha = rs / sum((pi * api).sum() for pi, api in zip(p, Ap))
        x = [xi + alpha * pi for xi, pi in zip(x, p)]
        r = [ri - alpha * api for ri, api in zip(r, Ap)]
        rs_new = sum((ri * ri).sum() for ri in r)
        if rs_new < tol:
            break
        p = [ri + (rs_new / rs) * pi for ri, pi in zip(r, p)]
        rs = rs_new
    return x, it

x_test, y_test = torch.randn(1, d), torch.tensor([1.0])
test_loss = F.binary_cross_entropy_with_logits(model(x_test).squeeze(1), y_test)
g_test = torch.autograd.grad(test_loss, params)
s_test, its = cg_solve(train_loss, params, g_test)
print(its, s_test[0].round(decimals=3))
print(torch.allclose(s_test[0].view(3), torch.linalg.solve(H.view(3, 3), g_test[0].view(3)), atol=1e-4))

def lissa(loss_fn, ps, b, depth=60, scale=10.0, damping=0.01):
    est = [bi.clone() for bi in b]
    for _ in range(depth):
        hv = hvp(loss_fn, ps, est)
        est = [bi + (1 - damping) * ei - hvi / scale for bi, ei, hvi in zip(b, est, hv)]
    return [e / scale for e in est]

s_lissa = lissa(train_loss, params, g_test)
print(s_lissa, F.cosine_similarity(s_lissa[0].flatten(), s_test[0].flatten(), dim=0))

# %%
# influence of each training point, and the leave-one-out check for the most influential one
infl = []
for i in range(n):
    li = F.binary_cross_entropy_with_logits(model(X[i:i + 1]).squeeze(1), y[i:i + 1])
    gi = torch.autograd.grad(li, params)
    infl.append(-sum((a * b).sum() for a, b in zip(gi, s_test)).item() / n)
infl = torch.tensor(infl)
top = infl.abs().argsort(descending=True)[:3]
print(top, infl[top])
keep = torch.ones(n, dtype=torch.bool)
keep[top[0]] = False
m2 = nn.Linear(d, 1, bias=False)
m2.weight.data.copy_(model.weight.data)
opt2 = torch.optim.LBFGS(m2.parameters(), lr=1, max_iter=50)
def closure2():
    opt2.zero_grad()
    loss = F.binary_cross_entropy_with_logits(m2(X[keep]).squeeze(1), y[keep]) + lam * m2.weight.pow(2).sum()
    loss.backward()
    return loss
opt2.step(closure2)
with torch.no_grad():
    actual = F.binary_cross_entropy_with_logits(m2(x_test).squeeze(1), y_test) - test_loss
print(actual, -infl[top[0]], torch.sign(actual) == torch.sign(-infl[top[0]]))

# %%
# mistakes: a second grad without create_graph, and grad of a non-scalar
loss = train_loss(params)
g, = torch.autograd.grad(loss, params)
try:
    torch.autograd.grad(g.sum(), params)
except RuntimeError as e:
    print(e)
g, = torch.autograd.grad(train_loss(params), params, create_graph=True)
try:
    torch.autograd.grad(g, params)
except RuntimeError as e:
    print(e)
print(g.requires_grad, g.grad_fn)
h = torch.autograd.grad(g, params, grad_outputs=torch.eye(3)[:1], retain_graph=True)
print(h, torch.autograd.grad(g, params, torch.eye(3)[1:2], allow_unused=True, materialize_grads=True))
