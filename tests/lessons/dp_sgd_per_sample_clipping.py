# Imitates DP-SGD written by hand, as in the torch.func "per-sample gradients" tutorial and Opacus' explainer:
# per-sample gradients with torch.func.functional_call + vmap + grad, per-sample norm clipping with torch.stack,
# norm(dim=1) and clamp(max=1.0), Gaussian noise from a seeded torch.Generator, `p.grad = ...`, the Opacus-style
# microbatch loop with zero_grad per sample, and the mistakes: vmap over a function that calls .item(), clipping
# the summed gradient instead of each sample's, a noise tensor of the wrong shape assigned to .grad.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call, vmap, grad

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
x = torch.randn(6, 4)
y = torch.tensor([0, 2, 1, 1, 0, 2])
params = {k: v.detach() for k, v in model.named_parameters()}
buffers = {k: v.detach() for k, v in model.named_buffers()}
print(list(params), buffers)

# %%
def compute_loss(params, buffers, sample, target):
    batch = sample.unsqueeze(0)
    targets = target.unsqueeze(0)
    predictions = functional_call(model, (params, buffers), (batch,))
    return F.cross_entropy(predictions, targets)

ft_compute_grad = grad(compute_loss)
ft_compute_sample_grad = vmap(ft_compute_grad, in_dims=(None, None, 0, 0))
per_sample_grads = ft_compute_sample_grad(params, buffers, x, y)
for name, g in per_sample_grads.items():
    print(name, tuple(g.shape), g.dtype)

# %%
per_sample_grads["2.bias"]

# %%
# check against a loop over the samples
for i in range(2):
    model.zero_grad()
    F.cross_entropy(model(x[i:i+1]), y[i:i+1]).backward()
    print(torch.allclose(model[2].weight.grad, per_sample_grads["2.weight"][i], atol=1e-6))

# %%
# per-sample clipping: flatten every sample's gradients into one vector, take its norm
flat = torch.cat([g.reshape(g.shape[0], -1) for g in per_sample_grads.values()], dim=1)
print(flat.shape)
norms = flat.norm(dim=1)
print(norms)
max_norm = 1.0
clip_factor = (max_norm / (norms + 1e-6)).clamp(max=1.0)
clip_factor

# %%
norms2 = torch.stack([g.reshape(len(g), -1).norm(2, dim=1) for g in per_sample_grads.values()], dim=1).norm(2, dim=1)
print(torch.allclose(norms, norms2))
clipped = {k: g * clip_factor.view(-1, *([1] * (g.dim() - 1))) for k, g in per_sample_grads.items()}
print(torch.stack([c.reshape(6, -1) for c in clipped.values()], 0).shape)
print(torch.cat([c.reshape(6, -1) for c in clipped.values()], 1).norm(dim=1))

# %%
gen = torch.Generator().manual_seed(42)
noise_multiplier = 1.1
summed = {k: c.sum(0) for k, c in clipped.items()}
noisy = {k: (s + torch.normal(0.0, noise_multiplier * max_norm, size=s.shape, generator=gen)) / x.shape[0]
         for k, s in summed.items()}
for (name, p) in model.named_parameters():
    p.grad = noisy[name]
print(model[2].bias.grad)
print(gen.initial_seed(), gen.get_state().shape)

# %%
opt = torch.optim.SGD(model.parameters(), lr=0.1)
opt.step()
print(model[2].bias)

# %%
# mistake: a tensor of the wrong shape assigned to .grad
model[2].bias.grad = torch.zeros(4)

# %%
# mistake: a grad of another dtype
model[2].bias.grad = torch.zeros(3, dtype=torch.float64)

# %%
# mistake: .item() inside a vmapped function
def loss_item(params, buffers, sample, target):
    out = functional_call(model, (params, buffers), (sample.unsqueeze(0),))
    return F.cross_entropy(out, target.unsqueeze(0)).item()

vmap(loss_item, in_dims=(None, None, 0, 0))(params, buffers, x, y)

# %%
# mistake: clipping with a Python number inside vmap, and accumulating into a tensor made outside it
def clipped_grad(params, buffers, sample, target):
    g = ft_compute_grad(params, buffers, sample, target)
    total = torch.cat([v.flatten() for v in g.values()]).norm()
    return {k: v * min(1.0, max_norm / float(total)) for k, v in g.items()}

vmap(clipped_grad, in_dims=(None, None, 0, 0))(params, buffers, x, y)

# %%
running = torch.zeros(3)
def accumulate(params, buffers, sample, target):
    g = ft_compute_grad(params, buffers, sample, target)
    running.add_(g["2.bias"])
    return g["2.bias"]

vmap(accumulate, in_dims=(None, None, 0, 0))(params, buffers, x, y)

# %%
def in_place_ok(params, buffers, sample, target):
    g = ft_compute_grad(params, buffers, sample, target)
    return g["2.bias"].mul_(torch.clamp(max_norm / g["2.bias"].norm(), max=1.0))

print(vmap(in_place_ok, in_dims=(None, None, 0, 0))(params, buffers, x, y), running)

# %%
# mistake: grad of a function whose output is not a scalar
def per_logit(params, sample):
    return functional_call(model, params, (sample.unsqueeze(0),))

grad(per_logit)(params, x[0])

# %%
# mistake: in_dims that does not match the arguments
vmap(ft_compute_grad, in_dims=(None, 0, 0))(params, buffers, x, y)

# %%
vmap(ft_compute_grad, in_dims=(None, None, 0, 0))(params, buffers, x, y[:5])

# %%
# Opacus-style microbatching: one backward per sample, clip, accumulate
torch.manual_seed(0)
model2 = nn.Linear(4, 3)
opt2 = torch.optim.SGD(model2.parameters(), lr=0.5)
gen2 = torch.Generator().manual_seed(7)
acc = [torch.zeros_like(p) for p in model2.parameters()]
for i in range(x.shape[0]):
    opt2.zero_grad()
    loss = F.cross_entropy(model2(x[i].unsqueeze(0)), y[i].unsqueeze(0))
    loss.backward()
    total = torch.norm(torch.stack([p.grad.detach().norm(2) for p in model2.parameters()]), 2)
    factor = min(1.0, max_norm / (total.item() + 1e-6))
    for a, p in zip(acc, model2.parameters()):
        a.add_(p.grad, alpha=factor)
    print(i, f"{loss.item():.4f} {total.item():.4f} {factor:.4f}")
for a, p in zip(acc, model2.parameters()):
    p.grad = (a + torch.randn(a.shape, generator=gen2) * noise_multiplier * max_norm) / x.shape[0]
opt2.step()
print(model2.weight, model2.bias)

# %%
nn.utils.clip_grad_norm_(model2.parameters(), max_norm=0.5)

# %%
torch.randn(3, generator=gen2, dtype=torch.float64), torch.rand(2, generator=gen2), torch.randint(0, 5, (3,), generator=gen2)
