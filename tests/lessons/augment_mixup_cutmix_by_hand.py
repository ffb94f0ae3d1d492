# Imitates the mixup / cutmix recipes training notebooks write without torchvision (the timm-style Mixup written out
# by hand, fast.ai's MixUp callback, Kaggle kernels): lambda drawn from torch.distributions.Beta, partners from
# torch.randperm, cutmix boxes from torch.randint and clamp, the mixed cross-entropy of two targets, gradients through
# the mixed batch, and the errors learners hit (negative concentration, a box outside the image).
import torch
import torch.nn.functional as F
from torch.distributions import Beta

torch.manual_seed(0)
x = torch.randn(4, 3, 6, 6)
y = torch.tensor([0, 2, 1, 2])

# %%
beta = Beta(torch.tensor(0.4), torch.tensor(0.4))
lam = beta.sample()
print(lam, lam.dtype, lam.shape, beta.batch_shape, beta.event_shape)
print(beta.mean, beta.variance, beta.concentration1, beta.concentration0)
print(beta.log_prob(torch.tensor([0.1, 0.5, 0.9])))
print(beta.sample((3,)), beta.rsample((2,)).shape, beta.entropy())
perm = torch.randperm(x.size(0))
print(perm, perm.dtype)
lam_f = float(lam)
mixed = lam_f * x + (1 - lam_f) * x[perm]
print(mixed.shape, mixed[0, 0, :2, :3])

# %%
torch.manual_seed(1)
model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(3 * 6 * 6, 3))
perm = torch.randperm(4)
lam = Beta(1.0, 1.0).sample().item()
xm = lam * x + (1 - lam) * x[perm]
out = model(xm)
loss = lam * F.cross_entropy(out, y) + (1 - lam) * F.cross_entropy(out, y[perm])
print(round(lam, 6), loss, loss.grad_fn.name())
loss.backward()
print(model[1].bias.grad, model[1].weight.grad.shape, model[1].weight.grad.abs().sum())
# mixing one-hot targets and soft cross-entropy
y1 = F.one_hot(y, 3).float()
ymix = lam * y1 + (1 - lam) * y1[perm]
print(ymix)
loss2 = F.cross_entropy(model(xm), ymix)
print(loss2, torch.allclose(loss, loss2))
print(-(ymix * F.log_softmax(model(xm), dim=1)).sum(1).mean())

# %%
# per-sample lambda with requires_grad input
torch.manual_seed(2)
xr = x.clone().requires_grad_()
lams = Beta(torch.full((4,), 0.2), torch.full((4,), 0.2)).sample()
print(lams)
xm = lams.view(-1, 1, 1, 1) * xr + (1 - lams.view(-1, 1, 1, 1)) * xr[perm]
xm.pow(2).mean().backward()
print(xr.grad[:, 0, 0, 0], xm.grad_fn.name())
lam_r = Beta(torch.tensor(2.0, requires_grad=True), torch.tensor(3.0)).rsample()
print(lam_r, lam_r.grad_fn is not None)

# %%
def rand_bbox(H, W, lam):
    cut = (1.0 - lam) ** 0.5
    cut_w, cut_h = int(W * cut), int(H * cut)
    cx = torch.randint(W, (1,)).item()
    cy = torch.randint(H, (1,)).item()
    x1 = max(cx - cut_w // 2, 0); x2 = min(cx + cut_w // 2, W)
    y1 = max(cy - cut_h // 2, 0); y2 = min(cy + cut_h // 2, H)
    return x1, y1, x2, y2

torch.manual_seed(3)
lam = Beta(1.0, 1.0).sample().item()
perm = torch.randperm(4)
x1, y1, x2, y2 = rand_bbox(6, 6, lam)
print(round(lam, 6), (x1, y1, x2, y2))
xc = x.clone()
xc[:, :, y1:y2, x1:x2] = x[perm, :, y1:y2, x1:x2]
lam_adj = 1 - ((x2 - x1) * (y2 - y1) / (6 * 6))
print(lam_adj, xc[1, 0])
# tensor version of the box with clamp
c = torch.randint(0, 6, (4, 2))
half = torch.tensor([2, 1])
lo = (c - half).clamp(min=0)
hi = (c + half).clamp(max=6)
print(c, lo, hi, (hi - lo).prod(1))
print(torch.clamp(torch.tensor([-3, 2, 9]), 0, 6), torch.tensor([-3., 2., 9.]).clamp(min=0.5, max=6))

# %%
# cutmix with a mask and gradient through the mixed images
torch.manual_seed(4)
xg = x.clone().requires_grad_()
mask = torch.zeros(1, 1, 6, 6)
mask[..., 1:4, 2:5] = 1
mix = xg * (1 - mask) + xg[perm] * mask
print(mask.sum(), mix.grad_fn.name())
mix.sum().backward()
print(xg.grad[0, 0])
ys = torch.tensor([0, 1, 2, 1])
w = torch.randn(3 * 36, 3, requires_grad=True)
logits = mix.detach().flatten(1) @ w
lam = 1 - mask.mean()
loss = lam * F.cross_entropy(logits, ys) + (1 - lam) * F.cross_entropy(logits, ys[perm])
loss.backward()
print(loss, w.grad.sum(0), lam)

# %%
for make in [lambda: Beta(torch.tensor(-0.5), torch.tensor(1.0)),
             lambda: Beta(0.0, 1.0),
             lambda: Beta(torch.tensor([1.0, -1.0]), torch.tensor(1.0)),
             lambda: Beta(1.0, 1.0).log_prob(torch.tensor(1.5)),
             lambda: Beta(1.0, 1.0).sample((2,)).shape,
             lambda: x[:, :, 2:9, 3:10].shape,
             lambda: x[:, :, 7, 0],
             lambda: torch.randint(6, 2, (1,)),
             lambda: torch.randperm(-1),
             lambda: torch.clamp(torch.tensor([1, 2]), min=3, max=1),
             lambda: torch.clamp(torch.tensor([1., 2.])),
             lambda: x[:, :, 1:3, 1:3].copy_(x[:, :, 1:4, 1:4])]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
