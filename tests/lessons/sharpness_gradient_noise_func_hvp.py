# Imitates course labs on sharpness and flat minima (Keskar et al. "large-batch" sharpness, SAM-style epsilon-ball
# ascent) and gradient-noise notebooks: max loss in an epsilon ball by a few projected ascent steps, per-minibatch
# gradient norms and their variance, and Hessian-vector products with torch.func (hvp via jvp-of-grad, vjp) and
# torch.autograd.functional.hessian / hvp on a small model with vectorize=True and False.
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call, grad, jvp, vjp, hessian

torch.manual_seed(0)
X = torch.randn(96, 4)
w_true = torch.tensor([1.0, -2.0, 0.5, 0.0])
y = X @ w_true + 0.1 * torch.randn(96)
model = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05)
for epoch in range(20):
    opt.zero_grad()
    loss = F.mse_loss(model(X).squeeze(-1), y)
    loss.backward()
    opt.step()
print(round(loss.item(), 6))

# %%
# gradient noise: per-minibatch gradient norms and the variance around the full-batch gradient
def flat_grad(xb, yb):
    model.zero_grad()
    F.mse_loss(model(xb).squeeze(-1), yb).backward()
    return torch.cat([p.grad.reshape(-1) for p in model.parameters()])

full = flat_grad(X, y)
batches = [flat_grad(xb, yb) for xb, yb in zip(X.split(16), y.split(16))]
G = torch.stack(batches)
print(G.shape, full.norm(), G.norm(dim=1))
print(G.mean(0).sub(full).abs().max() < 1e-5)
noise = (G - full).pow(2).sum(1).mean()
print(noise, G.var(dim=0, unbiased=True).sum(), G.var(0, correction=0).sum())
print(torch.var_mean(G.norm(dim=1)), torch.std_mean(G.norm(dim=1), correction=0))
snr = full.norm() ** 2 / noise
print(snr, torch.cosine_similarity(G, full.unsqueeze(0), dim=1))
norms = torch.stack([torch.linalg.vector_norm(g, ord=2) for g in G])
print(norms.max(), norms.argmax(), norms.quantile(torch.tensor([0.25, 0.5, 0.75])))

# %%
# sharpness: max loss within an epsilon ball, found with a few normalised ascent steps (Keskar / SAM flavour)
def sharpness(model, eps=0.05, steps=5, lr=0.02):
    probe = copy.deepcopy(model)
    base = [p.detach().clone() for p in probe.parameters()]
    with torch.no_grad():
        l0 = F.mse_loss(probe(X).squeeze(-1), y)
    for s in range(steps):
        probe.zero_grad()
        l = F.mse_loss(probe(X).squeeze(-1), y)
        l.backward()
        with torch.no_grad():
            gnorm = torch.sqrt(sum(p.grad.pow(2).sum() for p in probe.parameters()))
            for p, b in zip(probe.parameters(), base):
                p.add_(p.grad, alpha=lr / (gnorm.item() + 1e-12))
                delta = p - b
                scale = torch.clamp(eps * (b.abs() + 1) / (delta.abs() + 1e-12), max=1.0)
                p.copy_(b + delta * scale)
    with torch.no_grad():
        l1 = F.mse_loss(probe(X).squeeze(-1), y)
    return l0, l1, (l1 - l0) / (1 + l0) * 100

l0, l1, sh = sharpness(model)
print(l0, l1, sh)
print([torch.equal(a, b) for a, b in zip(model.parameters(), copy.deepcopy(model).parameters())])

# %%
# torch.func: HVP as forward-over-reverse, and reverse-over-reverse with vjp
params = {k: v.detach() for k, v in model.named_parameters()}
def loss_fn(params):
    return F.mse_loss(functional_call(model, params, (X,)).squeeze(-1), y)

g = grad(loss_fn)(params)
print({k: v.shape for k, v in g.items()})
torch.manual_seed(5)
tangent = {k: torch.randn_like(v) for k, v in params.items()}
def hvp_fwdrev(f, primals, tangents):
    return jvp(grad(f), (primals,), (tangents,))[1]
try:
    hvp_fwdrev(loss_fn, params, tangent)
except RuntimeError as e:
    print(type(e).__name__, e)
def loss_fn(params):
    return ((functional_call(model, params, (X,)).squeeze(-1) - y) ** 2).mean()
hv = hvp_fwdrev(loss_fn, params, tangent)
print({k: v.norm() for k, v in hv.items()})
_, vjp_fn = vjp(grad(loss_fn), params)
hv2, = vjp_fn(tangent)
print(all(torch.allclose(hv[k], hv2[k], atol=1e-5) for k in hv))
out, jvp_out = jvp(loss_fn, (params,), (tangent,))
print(out, jvp_out, sum((g[k] * tangent[k]).sum() for k in g))

# %%
# torch.autograd.functional on a tiny model: vectorize=False and True
torch.manual_seed(6)
tiny = nn.Linear(3, 1)
xs = torch.randn(8, 3)
ys = torch.randn(8)
def tiny_loss(w, b):
    return ((xs @ w.squeeze(0) + b - ys) ** 2).mean()
w0, b0 = tiny.weight.detach(), tiny.bias.detach()
H1 = torch.autograd.functional.hessian(tiny_loss, (w0, b0))
H2 = torch.autograd.functional.hessian(tiny_loss, (w0, b0), vectorize=True)
print(type(H1), len(H1), [type(r) for r in H1])
print(H1[0][0].shape, H1[0][1].shape, H1[1][0].shape, H1[1][1].shape)
print(H1[1][1], H2[0][1])
print(all(torch.allclose(H1[i][j], H2[i][j]) for i in range(2) for j in range(2)))
H3 = torch.autograd.functional.hessian(tiny_loss, (w0, b0), create_graph=True)
print(H3[0][0].requires_grad, H3[0][0].grad_fn)
v = (torch.ones_like(w0), torch.ones_like(b0))
val, hvp_out = torch.autograd.functional.hvp(tiny_loss, (w0, b0), v)
print(val, hvp_out)
val, vhp_out = torch.autograd.functional.vhp(tiny_loss, (w0, b0), v)
print(vhp_out)
Hf = hessian(tiny_loss, argnums=(0, 1))(w0, b0)
print(Hf[0][0].shape, torch.allclose(Hf[0][0], H1[0][0]))

# %%
try:
    torch.autograd.functional.hessian(lambda w: xs @ w.squeeze(0), w0)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.autograd.functional.hvp(tiny_loss, (w0, b0), (torch.ones(3), torch.ones(1)))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.autograd.functional.hessian(tiny_loss, (w0, b0), outer_jacobian_strategy="forward-mode")
except NotImplementedError as e:
    print(type(e).__name__, e)
H4 = torch.autograd.functional.hessian(tiny_loss, (w0, b0), outer_jacobian_strategy="forward-mode", vectorize=True)
print(torch.allclose(H4[0][0], H1[0][0]))
