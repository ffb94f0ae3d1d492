# Imitates occlusion-sensitivity (Tensor.unfold, F.unfold/fold, batched masks under no_grad), DeepDream-style input
# ascent with normalised steps and clamp_, and FGSM / PGD with sign(), with the errors learners hit on the way.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)
net = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 3))
img = torch.rand(1, 1, 8, 8)

# %%
# occlusion with Tensor.unfold sliding windows
with torch.no_grad():
    base = F.softmax(net(img), 1)[0]
    cls = base.argmax().item()
    patches = img.unfold(2, 3, 2).unfold(3, 3, 2)
    print(patches.shape, patches.stride(), patches.is_contiguous())
    heat = torch.zeros(3, 3)
    for i in range(3):
        for j in range(3):
            occ = img.clone()
            occ[:, :, 2 * i:2 * i + 3, 2 * j:2 * j + 3] = 0.5
            heat[i, j] = base[cls] - F.softmax(net(occ), 1)[0, cls]
    print(heat, heat.requires_grad)
    cols = F.unfold(img, kernel_size=3, stride=2)
    print(cols.shape, cols[0, :, 0])
    masks = torch.ones(9, 1, 8, 8)
    for k in range(9):
        i, j = divmod(k, 3)
        masks[k, :, 2 * i:2 * i + 3, 2 * j:2 * j + 3] = 0
    batch = img * masks + 0.5 * (1 - masks)
    drops = base[cls] - F.softmax(net(batch), 1)[:, cls]
    print(drops.view(3, 3), drops.grad_fn)
    folded = F.fold(cols, output_size=(8, 8), kernel_size=3, stride=2)
    counts = F.fold(torch.ones_like(cols), output_size=(8, 8), kernel_size=3, stride=2)
    print(folded[0, 0, :3], counts[0, 0])
print(img.unfold(3, 4, 4).shape, img.unfold(2, 8, 1).shape)
for args in ((2, 9, 1), (2, 3, 0), (4, 2, 1), (2, 0, 1)):
    try:
        print(img.unfold(*args).shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# DeepDream: gradient ascent on the input with normalised steps
x = img.clone().requires_grad_(True)
feat = {}
h = net[1].register_forward_hook(lambda m, i, o: feat.__setitem__("a", o))
for step in range(4):
    net(x)
    loss = feat["a"].norm()
    loss.backward()
    g = x.grad
    g = g / (g.abs().mean() + 1e-8)
    with torch.no_grad():
        x += 0.05 * g
        x.clamp_(0, 1)
    x.grad.zero_()
    print(step, loss.item(), x.min().item(), x.max().item())
h.remove()
print(x.grad, x.requires_grad, x.is_leaf)
try:
    x.clamp_(0, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    x += 1
except Exception as e:
    print(type(e).__name__, e)

# %%
# FGSM and PGD
y = torch.tensor([2])
x = img.clone().requires_grad_()
loss = F.cross_entropy(net(x), y)
loss.backward()
eps = 0.1
adv = (x + eps * x.grad.sign()).clamp(0, 1).detach()
print(adv.grad_fn, adv.requires_grad, (adv - img).abs().max())
print(net(adv).argmax(1), F.cross_entropy(net(adv), y))
print(torch.tensor([-0.0, 0.0, -2.0, float('nan'), 3.0]).sign(), torch.tensor([-1, 0, 5]).sign())
delta = torch.zeros_like(img, requires_grad=True)
alpha = 0.03
for t in range(5):
    l = F.cross_entropy(net(img + delta), y)
    l.backward()
    delta.data = (delta + alpha * delta.grad.detach().sign()).clamp(-eps, eps)
    delta.data = (img + delta.data).clamp(0, 1) - img
    delta.grad.zero_()
    print(t, round(l.item(), 5))
print(delta.abs().max(), delta.grad.abs().sum())
xg = img.clone().requires_grad_()
g1, = torch.autograd.grad(F.cross_entropy(net(xg), y), xg)
print(g1.sign().sum(), g1.sgn().sum(), g1.grad_fn)

# %%
# errors learners hit
x = img.clone().requires_grad_()
out = net(x)
l = out[0, 1]
l.backward()
try:
    l.backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    out[0, 2].backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    xi = torch.randint(0, 255, (1, 1, 8, 8))
    xi.requires_grad_()
except Exception as e:
    print(type(e).__name__, e)
try:
    xi = torch.randint(0, 255, (1, 1, 8, 8), dtype=torch.uint8)
    torch.autograd.grad(net(xi.float() / 255)[0, 0], xi)
except Exception as e:
    print(type(e).__name__, e)
try:
    net(torch.randint(0, 255, (1, 1, 8, 8)))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.tensor([1, 2, 3], requires_grad=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    out.backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    x.grad.requires_grad_(True).sign().sum().backward()
    print(x.grad.grad)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(net(x)[0, 0], img)
except Exception as e:
    print(type(e).__name__, e)
xs = img.clone().requires_grad_()
s = net(xs)[0, 0]
print(torch.autograd.grad(s, xs, retain_graph=True)[0].sum(), torch.autograd.grad(s, [xs, img], allow_unused=True)[1])
