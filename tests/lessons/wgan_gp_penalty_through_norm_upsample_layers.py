# Imitates WGAN-GP implementations (the improved-training paper's critic, DCGAN-style generators, PyTorch-GAN's
# wgan_gp.py): the gradient penalty through Conv2d / ConvTranspose2d / LeakyReLU / InstanceNorm / LayerNorm /
# BatchNorm in train and eval mode / avg and max pooling / Upsample, the grad_fn names of the second-order graph.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def gradient_penalty(critic, real, fake):
    alpha = torch.rand(real.size(0), 1, 1, 1)
    mixed = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
    score = critic(mixed)
    grad, = torch.autograd.grad(outputs=score, inputs=mixed, grad_outputs=torch.ones_like(score),
                                create_graph=True, retain_graph=True)
    grad = grad.view(grad.size(0), -1)
    return ((grad.norm(2, dim=1) - 1) ** 2).mean(), grad


critic = nn.Sequential(
    nn.Conv2d(1, 4, 4, 2, 1), nn.LeakyReLU(0.2),
    nn.Conv2d(4, 8, 4, 2, 1), nn.InstanceNorm2d(8, affine=True), nn.LeakyReLU(0.2),
    nn.Flatten(), nn.Linear(8 * 4 * 4, 1))
real = torch.randn(3, 1, 16, 16)
fake = torch.randn(3, 1, 16, 16)
gp, grad = gradient_penalty(critic, real, fake)
print(gp, grad.shape, grad.grad_fn.name())
print(gp.grad_fn, gp.grad_fn.next_functions[0][0])
gp.backward()
for n, p in critic.named_parameters():
    print(n, None if p.grad is None else (p.grad.shape, round(p.grad.abs().sum().item(), 4)))

# %%
torch.manual_seed(1)
gen = nn.Sequential(
    nn.ConvTranspose2d(4, 6, 4, 1, 0), nn.BatchNorm2d(6), nn.ReLU(),
    nn.ConvTranspose2d(6, 2, 4, 2, 1), nn.Tanh())
z = torch.randn(2, 4, 1, 1, requires_grad=True)
img = gen(z)
print(img.shape, img.grad_fn.name())
g, = torch.autograd.grad(img.pow(2).sum(), z, create_graph=True)
print(g.grad_fn.name(), g.shape)
pen = g.pow(2).sum()
pen.backward()
print(pen.item(), z.grad.flatten()[:4])
print(gen[0].weight.grad.abs().sum(), gen[1].weight.grad, gen[1].bias.grad)

# %%
torch.manual_seed(2)
bn = nn.BatchNorm2d(3)
x = torch.randn(4, 3, 2, 2)
for _ in range(3):
    bn(x * 2 + 1)
bn.eval()
inp = x.clone().requires_grad_()
out = torch.sigmoid(bn(inp))
g, = torch.autograd.grad(out.sum(), inp, create_graph=True)
print(g.requires_grad, g[0, :, 0, 0])
g.square().sum().backward()
print(inp.grad[0, :, 0], bn.weight.grad, bn.bias.grad)
print(bn.running_mean, bn.running_var)

# %%
torch.manual_seed(3)
x = torch.randn(2, 3, 4, 4, requires_grad=True)
for name, layer in [("avg", nn.AvgPool2d(2)), ("max", nn.MaxPool2d(2)), ("adaptive", nn.AdaptiveAvgPool2d(1)),
                    ("adaptive_max", nn.AdaptiveMaxPool2d(2)), ("nearest", nn.Upsample(scale_factor=2)),
                    ("bilinear", nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)),
                    ("instnorm", nn.InstanceNorm2d(3)), ("layernorm", nn.LayerNorm([3, 4, 4]))]:
    y = torch.tanh(layer(x * 1.5))
    g, = torch.autograd.grad(y.sum(), x, create_graph=True)
    h, = torch.autograd.grad((g * g).sum(), x)
    print(f"{name:12s}", tuple(y.shape), g.grad_fn.name(), round(g.abs().sum().item(), 4), round(h.abs().sum().item(), 4))

# %%
torch.manual_seed(4)
x = torch.randn(2, 1, 5, 5, requires_grad=True)
y = F.leaky_relu(F.conv2d(x, torch.randn(2, 1, 3, 3)), 0.2)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g.requires_grad, g.grad_fn)
fn = g.grad_fn
seen = []
while fn is not None and len(seen) < 6:
    seen.append(fn.name())
    nxt = [f for f, _ in fn.next_functions if f is not None]
    fn = nxt[0] if nxt else None
print(seen)
h, = torch.autograd.grad(g.sum(), x, allow_unused=True)
print(h.abs().sum())

# %%
# a hinge-loss critic (multi-class margin) cannot be differentiated twice: PyTorch has no double backward for it
torch.manual_seed(5)
scores = torch.randn(4, 3, requires_grad=True)
labels = torch.tensor([0, 2, 1, 2])
for name, loss in [("multi_margin", F.multi_margin_loss(scores, labels)),
                   ("multi_margin p=2", F.multi_margin_loss(scores, labels, p=2, reduction="sum")),
                   ("multilabel", F.multilabel_margin_loss(scores, torch.tensor([[0, -1, 1]] * 4)))]:
    g, = torch.autograd.grad(loss, scores, create_graph=True)
    print(name, g.grad_fn, len(g.grad_fn.next_functions), g.requires_grad)
    print(g)
    try:
        g.norm().backward()
    except RuntimeError as e:
        print(type(e).__name__, e)
x = torch.randn(3, requires_grad=True)
print((x // 2).grad_fn.next_functions, torch.remainder(2.0, x).grad_fn.next_functions)
