# Imitates the occlusion-sensitivity and feature-visualisation notebooks (Zeiler & Fergus occlusion maps written as a
# loop and with unfold, Simonyan's class model visualisation, "deep dream in PyTorch" and Lucent-style activation
# maximisation by hand): an input tensor optimised with Adam/SGD, forward hooks that catch a channel, jitter with
# torch.roll, total-variation and L2 penalties, clamping under no_grad, gradient normalisation, octaves.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Sequential(
    nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(),
    nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(8 * 4 * 4, 3))
net.eval()
img = torch.rand(1, 1, 8, 8)
with torch.no_grad():
    probs = net(img).softmax(-1)
cls = probs.argmax().item()
print(probs, cls)

# %%
# occlusion with a sliding grey patch, as a double loop
def occlusion(model, x, target, patch=4, stride=2, fill=0.0):
    _, _, H, W = x.shape
    rows, cols = (H - patch) // stride + 1, (W - patch) // stride + 1
    heat = torch.zeros(rows, cols)
    with torch.no_grad():
        base = model(x)[0, target]
        for i in range(rows):
            for j in range(cols):
                occ = x.clone()
                occ[:, :, i * stride:i * stride + patch, j * stride:j * stride + patch] = fill
                heat[i, j] = base - model(occ)[0, target]
    return heat

heat = occlusion(net, img, cls)
print(heat)
print(heat.abs().argmax(), torch.unravel_index(heat.abs().argmax(), heat.shape))

# %%
# the same occlusions as one batch, built with a mask and broadcasting
masks = torch.ones(9, 1, 8, 8)
for k in range(9):
    i, j = divmod(k, 3)
    masks[k, :, 2 * i:2 * i + 4, 2 * j:2 * j + 4] = 0
batch = img * masks
with torch.no_grad():
    drop = net(img)[0, cls] - net(batch)[:, cls]
print(torch.allclose(drop.view(3, 3), heat, atol=1e-5), drop.shape)
# patches with unfold and back with fold (attribution per pixel, overlapping windows averaged)
cols = F.unfold(img, kernel_size=4, stride=2)
print(cols.shape)
ones = F.fold(torch.ones_like(cols), (8, 8), kernel_size=4, stride=2)
print(ones[0, 0])
per_patch = cols * drop.reshape(1, 1, 9)
pix = F.fold(per_patch, (8, 8), kernel_size=4, stride=2) / ones
print(pix[0, 0, :3])

# %%
# class model visualisation: optimise the image, L2 penalty through weight_decay
torch.manual_seed(0)
x = torch.zeros(1, 1, 8, 8, requires_grad=True)
opt = torch.optim.SGD([x], lr=0.5, weight_decay=1e-2)
for step in range(25):
    opt.zero_grad()
    score = net(x)[0, cls]
    (-score).backward()
    opt.step()
    if step % 8 == 0:
        print(step, round(score.item(), 4), round(x.norm().item(), 4))
print(x.grad.abs().mean(), net(x).softmax(-1))

# %%
# activation maximisation of one channel, caught by a forward hook
acts = {}
hook = net[2].register_forward_hook(lambda m, i, o: acts.__setitem__("conv2", o))
torch.manual_seed(0)
x = (torch.rand(1, 1, 8, 8) * 0.2 + 0.4).requires_grad_()
opt = torch.optim.Adam([x], lr=0.05)
losses = []
for step in range(20):
    opt.zero_grad()
    net(x)
    act = acts["conv2"][0, 3]
    tv = (x[..., 1:, :] - x[..., :-1, :]).abs().mean() + (x[..., :, 1:] - x[..., :, :-1]).abs().mean()
    loss = -act.mean() + 0.1 * tv
    loss.backward()
    opt.step()
    with torch.no_grad():
        x.clamp_(0, 1)
    losses.append(loss.item())
hook.remove()
print([round(v, 4) for v in losses[::5]])
print(x.detach()[0, 0, :2], x.is_leaf, x.grad is not None)
print(opt.state[x]["step"], opt.state[x]["exp_avg"].shape)

# %%
# deep dream: gradient ascent with a normalised gradient, random jitter with roll, octaves by interpolate
def dream_step(model, layer_idx, x, lr=0.1, jitter=2):
    ox, oy = torch.randint(-jitter, jitter + 1, (2,)).tolist()
    x = torch.roll(x, shifts=(ox, oy), dims=(-1, -2)).detach().requires_grad_(True)
    out = x
    for k, layer in enumerate(model):
        out = layer(out)
        if k == layer_idx:
            break
    loss = out.norm()
    loss.backward()
    g = x.grad
    g = g / (g.abs().mean() + 1e-8)
    x = x + lr * g
    x = torch.roll(x, shifts=(-ox, -oy), dims=(-1, -2))
    return x.detach().clamp(0, 1), loss.item()

torch.manual_seed(5)
x = img.clone()
for octave, size in enumerate([6, 8]):
    x = F.interpolate(x, size=(size, size), mode="bilinear", align_corners=False)
    for _ in range(3):
        x, l = dream_step(net, 3, x)
    print(octave, x.shape, round(l, 4), x.mean())
print(x.requires_grad, x.grad_fn)

# %%
# a learner's mistakes: optimising a non-leaf, and an image that was detached after marking
x = torch.rand(1, 1, 8, 8, requires_grad=True)
y = x * 2
try:
    torch.optim.Adam([y], lr=0.1)
except ValueError as e:
    print(e)
z = torch.rand(1, 1, 8, 8).requires_grad_()
opt = torch.optim.Adam([z], lr=0.1)
out = net(z.detach())
try:
    out[0, 0].backward()
except RuntimeError as e:
    print(e)
opt.step()
print(z.grad, opt.state)
try:
    z.clamp_(0, 1)
except RuntimeError as e:
    print(e)
with torch.no_grad():
    z.data = z.data.clamp(0, 1)
print(z.is_leaf, z.requires_grad)
