# Imitates the Grad-CAM / guided backpropagation walkthroughs written with plain hooks (the pytorch-grad-cam style
# "ActivationsAndGradients" class, the "Grad-CAM from scratch" blog posts and the guided-backprop ReLU-hook notebooks):
# forward hooks that keep a conv layer's output, full backward hooks and tensor hooks that keep its gradient,
# retain_grad, channel weights from pooled gradients, upsampling of the map, guided backprop through ReLU hooks.
import torch
import torch.nn as nn
import torch.nn.functional as F


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(),
            nn.Conv2d(4, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(6, 8, 3, padding=1), nn.ReLU())
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(8, 4)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(self.features(x)), 1))


torch.manual_seed(0)
net = SmallCNN().eval()
img = torch.rand(2, 3, 8, 8)
print(net)
print(net(img).argmax(1))

# %%
class ActivationsAndGradients:
    def __init__(self, model, layer):
        self.model = model
        self.activations, self.gradients = [], []
        self.handles = [layer.register_forward_hook(self.save_activation),
                        layer.register_full_backward_hook(self.save_gradient)]

    def save_activation(self, module, inp, out):
        self.activations.append(out.detach())

    def save_gradient(self, module, grad_input, grad_output):
        self.gradients = [grad_output[0].detach()] + self.gradients

    def __call__(self, x):
        self.activations, self.gradients = [], []
        return self.model(x)

    def release(self):
        for h in self.handles:
            h.remove()

target_layer = net.features[5]
acts = ActivationsAndGradients(net, target_layer)
out = acts(img)
targets = out.argmax(1)
net.zero_grad()
out.gather(1, targets[:, None]).sum().backward()
A, G = acts.activations[0], acts.gradients[0]
print(A.shape, G.shape, len(acts.activations), len(acts.gradients))
weights = G.mean(dim=(2, 3), keepdim=True)
cam = F.relu((weights * A).sum(dim=1))
print(weights.squeeze())
print(cam)

# %%
# upsample to the image, min-max normalise per image
cam_up = F.interpolate(cam.unsqueeze(1), size=img.shape[-2:], mode="bilinear", align_corners=False)
flat = cam_up.flatten(1)
lo, hi = flat.min(1, keepdim=True)[0], flat.max(1, keepdim=True)[0]
cam_norm = ((flat - lo) / (hi - lo + 1e-7)).view_as(cam_up)
print(cam_up.shape, cam_norm[0, 0, ::2, ::2])
print(cam_norm.amax(dim=(1, 2, 3)), cam_norm.amin(dim=(1, 2, 3)))
acts.release()
print(target_layer._forward_hooks, target_layer._backward_hooks)

# %%
# the same with a tensor hook registered during the forward pass
grads = {}
def fwd_hook(module, inp, out):
    grads["act"] = out
    out.register_hook(lambda g: grads.__setitem__("grad", g))
h = target_layer.register_forward_hook(fwd_hook)
score = net(img)[:, 1].sum()
score.backward()
h.remove()
print(grads["act"].requires_grad, grads["act"].grad_fn, grads["grad"].shape)
print(grads["grad"].abs().sum(dim=(1, 2, 3)))
w2 = grads["grad"].mean((2, 3))
print(w2)

# %%
# retain_grad on an intermediate tensor instead of hooks (Grad-CAM++ needs powers of the gradient)
feats = net.features(img)
feats.retain_grad()
logits = net.fc(torch.flatten(net.pool(feats), 1))
logits[:, 2].sum().backward()
g = feats.grad
print(feats.is_leaf, feats.retains_grad, g.shape)
g2, g3 = g.pow(2), g.pow(3)
denom = 2 * g2 + (feats * g3).sum(dim=(2, 3), keepdim=True)
alpha = g2 / torch.where(denom != 0, denom, torch.ones_like(denom))
w_pp = (alpha * F.relu(g)).sum(dim=(2, 3))
print(w_pp)
x_plus = F.relu((w_pp[:, :, None, None] * feats).sum(1))
print(x_plus.detach())

# %%
# guided backprop: ReLU backward hooks that let only positive gradients through
class GuidedBackprop:
    def __init__(self, model):
        self.model = model
        self.handles = []
        for m in model.modules():
            if isinstance(m, nn.ReLU):
                self.handles.append(m.register_full_backward_hook(self.relu_hook))

    @staticmethod
    def relu_hook(module, grad_in, grad_out):
        return (torch.clamp(grad_in[0], min=0.0),)

    def generate(self, x, target):
        x = x.clone().requires_grad_(True)
        out = self.model(x)
        one_hot = torch.zeros_like(out)
        one_hot[range(len(target)), target] = 1
        out.backward(gradient=one_hot)
        return x.grad

gb = GuidedBackprop(net)
guided = gb.generate(img, targets)
print(guided.shape, (guided < 0).sum().item() >= 0, guided[0, 0, :3, :3])
for h in gb.handles:
    h.remove()
plain = img.clone().requires_grad_()
net(plain).gather(1, targets[:, None]).sum().backward()
print(torch.equal(plain.grad, guided), (plain.grad - guided).abs().max() > 0)

# %%
# guided Grad-CAM: the product of both maps, then a normalised heat map per image
guided_gradcam = guided * cam_norm
print(guided_gradcam.shape)
gg = guided_gradcam.abs().sum(1)
gg = gg / gg.flatten(1).max(1).values[:, None, None]
print(gg[1, :4, :4])

# %%
# the ReLU-hook alternative that learners also write: hooks on the tensors inside forward
class GuidedReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        x, = ctx.saved_tensors
        return grad_output.clamp(min=0) * (x > 0).type_as(grad_output)

x = torch.randn(5, requires_grad=True)
y = GuidedReLU.apply(x)
y.retain_grad()
y.register_hook(lambda g: print("grad at the guided ReLU", g))
y.backward(torch.tensor([1.0, -1.0, 2.0, -2.0, 0.5]))
print(y.grad_fn, x.grad, y.grad)

# %%
# both at once: guided-backprop hooks on every ReLU while a Grad-CAM hook reads the activations feeding the pool;
# the ReLU's output (behind its backward hook) keeps its gradient too
gb = GuidedBackprop(net)
kept = {}
def keep_input_grad(module, inp, out):
    inp[0].register_hook(lambda g: kept.__setitem__("pool_in", g))
hp = net.pool.register_forward_hook(keep_input_grad)
x = img.clone().requires_grad_()
feats = net.features(x)
feats.retain_grad()
out = net.fc(torch.flatten(net.pool(feats), 1))
out[:, 0].sum().backward()
print(feats.grad_fn, torch.equal(kept["pool_in"], feats.grad), (x.grad < 0).any())
print(kept["pool_in"][0, :2, 0])
hp.remove()
for h in gb.handles:
    h.remove()

# %%
# mistakes learners make with these hooks
relu = nn.ReLU(inplace=True)
relu.register_full_backward_hook(lambda m, gi, go: None)
try:
    relu(torch.randn(3, requires_grad=True) * 1).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
lin = nn.Linear(3, 2)
lin.register_full_backward_hook(lambda m, gi, go: (gi[0] * 2, gi[0]))
try:
    lin(torch.randn(1, 3, requires_grad=True)).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
lin2 = nn.Linear(3, 2)
seen = []
lin2.register_full_backward_hook(lambda m, gi, go: seen.append((gi, [g.shape for g in go])))
lin2(torch.randn(1, 3)).sum().backward()
print(seen)
