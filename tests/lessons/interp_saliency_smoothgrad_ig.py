# Imitates the "explain a classifier from scratch" notebooks that precede Captum (Simonyan's vanilla saliency maps,
# SmoothGrad, gradient x input and Integrated Gradients written by hand): input.requires_grad_, the score's gradient
# w.r.t. the image, channel max of |grad|, noise averaging, a baseline, a Riemann sum and the completeness check.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(3, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(6, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d((2, 2)),
    nn.Flatten(), nn.Linear(32, 5))
model.eval()
for p in model.parameters():
    p.requires_grad_(False)
image = torch.rand(1, 3, 8, 8)
logits = model(image)
target = logits.argmax(dim=1).item()
print(target, F.softmax(logits, dim=1))

# %%
# vanilla saliency: gradient of the class score with respect to the pixels
x = image.clone().requires_grad_(True)
score = model(x)[0, target]
score.backward()
saliency, _ = x.grad.data.abs().max(dim=1)
print(saliency.shape, x.grad.shape, x.is_leaf, score.grad_fn)
print(saliency.squeeze(0))
sal_norm = (saliency - saliency.min()) / (saliency.max() - saliency.min() + 1e-8)
print(sal_norm.flatten().topk(5))

# %%
# forgetting to zero the gradient adds the second pass to the first
model(x)[0, target].backward()
print(torch.allclose(x.grad.abs().max(dim=1)[0], 2 * saliency))
x.grad.zero_()
model(x)[0, target].backward()
print(torch.allclose(x.grad.abs().amax(dim=1), saliency))
# a learner's mistake: the input was never marked
y = image.clone()
try:
    model(y)[0, target].backward()
except RuntimeError as e:
    print(e)
print(y.grad)

# %%
# SmoothGrad: average the gradients of noisy copies
def smoothgrad(model, img, target, n=8, sigma=0.15):
    stdev = sigma * (img.max() - img.min())
    total = torch.zeros_like(img)
    for _ in range(n):
        noisy = (img + torch.randn_like(img) * stdev).requires_grad_()
        out = model(noisy)
        grad, = torch.autograd.grad(out[:, target].sum(), noisy)
        total += grad
    return total / n

torch.manual_seed(1)
sg = smoothgrad(model, image, target)
print(sg.abs().sum(dim=1).squeeze())
print(torch.nn.functional.cosine_similarity(sg.flatten(), x.grad.flatten(), dim=0))

# %%
# batched SmoothGrad with expand and grad_outputs, squared variant
torch.manual_seed(1)
noisy = image.expand(8, -1, -1, -1) + 0.15 * torch.randn(8, 3, 8, 8)
noisy.requires_grad_()
out = model(noisy)
g, = torch.autograd.grad(out, noisy, grad_outputs=F.one_hot(torch.tensor([target] * 8), 5).float())
print(g.shape, torch.allclose(g.mean(0, keepdim=True), sg, atol=1e-6))
print((g ** 2).mean(0).sum(0))

# %%
# gradient x input
x = image.clone().requires_grad_()
model(x)[0, target].backward()
gxi = (x.grad * x).sum(dim=1)
print(gxi)
print(gxi.sum(), model(image)[0, target])

# %%
# Integrated Gradients with a black baseline and a Riemann sum
def integrated_gradients(model, inp, target, baseline=None, steps=20, method="riemann_right"):
    if baseline is None:
        baseline = torch.zeros_like(inp)
    if method == "riemann_right":
        alphas = torch.linspace(0, 1, steps + 1)[1:]
    elif method == "riemann_trapezoid":
        alphas = torch.linspace(0, 1, steps)
    else:
        raise ValueError(f"unknown method {method!r}")
    path = baseline + alphas.view(-1, 1, 1, 1) * (inp - baseline)
    path.requires_grad_(True)
    scores = model(path)[:, target]
    grads, = torch.autograd.grad(scores.sum(), path)
    if method == "riemann_trapezoid":
        avg = torch.trapezoid(grads, alphas, dim=0)
    else:
        avg = grads.mean(dim=0)
    return (inp - baseline) * avg, scores

attr, scores = integrated_gradients(model, image, target)
print(attr.shape, scores)
delta = attr.sum() - (model(image)[0, target] - model(torch.zeros_like(image))[0, target])
print("convergence delta", delta.abs() < 0.05)
attr_t, _ = integrated_gradients(model, image, target, method="riemann_trapezoid", steps=21)
print(attr_t.sum(dim=(1, 2, 3)), (attr_t - attr).abs().max() < 0.1)
try:
    integrated_gradients(model, image, target, method="gausslegendre")
except ValueError as e:
    print(e)

# %%
# IG with a blurred baseline and with a random baseline averaged (expected gradients style)
blurred = F.avg_pool2d(image, 3, stride=1, padding=1, count_include_pad=False)
attr_b, _ = integrated_gradients(model, image, target, baseline=blurred, steps=16)
print(attr_b.sum().item() - (model(image)[0, target] - model(blurred)[0, target]).item() < 0.05)
torch.manual_seed(3)
attrs = torch.stack([integrated_gradients(model, image, target, baseline=torch.rand_like(image), steps=8)[0]
                     for _ in range(3)])
print(attrs.mean(0).sum(1).squeeze().round(decimals=3))

# %%
# postprocessing a map for display: clip at a percentile, normalise, keep positive evidence
m = attr.sum(dim=1).squeeze(0)
hi = torch.quantile(m.abs().flatten(), 0.99)
shown = (m.abs() / hi).clamp(0, 1)
print(hi, shown.max(), (shown > 0.5).sum())
print(torch.where(m > 0, m, torch.zeros_like(m)).nonzero().shape)
pos = F.relu(m) / F.relu(m).max()
print(pos.argmax(), divmod(pos.argmax().item(), 8))
rank = m.flatten().argsort(descending=True)
print(rank[:6], m.flatten()[rank[:3]])
