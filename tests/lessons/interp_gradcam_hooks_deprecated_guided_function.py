# Imitates a Grad-CAM / guided-backprop notebook written by hand: forward and full backward hooks on a small CNN,
# the deprecated register_backward_hook, ReLU backward hooks that clamp gradients, handles removed, hook orders.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(),
                                      nn.Conv2d(4, 6, 3, padding=1), nn.ReLU(inplace=True))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(6, 3)
    def forward(self, x):
        f = self.features(x)
        return self.fc(self.pool(f).flatten(1))
model = SmallCNN().eval()
img = torch.rand(1, 3, 6, 6)
print(model)

# %%
acts, grads, order = {}, {}, []
def fwd_hook(m, inp, out):
    order.append(("fwd", type(m).__name__))
    acts["v"] = out.detach()
    print(type(inp), len(inp), out.shape, out.grad_fn)
def bwd_hook(m, gin, gout):
    order.append(("bwd", type(m).__name__))
    grads["v"] = gout[0].detach()
    print(type(gin), [None if g is None else g.shape for g in gin], [g.shape for g in gout])
target = model.features[2]
h1 = target.register_forward_hook(fwd_hook)
h2 = target.register_full_backward_hook(bwd_hook)
print(type(h1).__name__, h1.id < h2.id)
out = model(img)
c = out.argmax().item()
out[0, c].backward()
print(order)
w = grads["v"].mean(dim=(2, 3), keepdim=True)
cam = F.relu((w * acts["v"]).sum(1))
cam = cam / (cam.max() + 1e-8)
print(cam)
print(F.interpolate(cam.unsqueeze(1), size=(12, 12), mode="bilinear", align_corners=False).shape)
h1.remove(); h2.remove(); h2.remove()
print(target._forward_hooks, target._backward_hooks)

# %%
# full backward hook on a module whose output is modified in place by the next layer
hm = model.features[2].register_full_backward_hook(lambda m, gi, go: print("conv2 hook", go[0].abs().sum()))
try:
    model(img).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
hm.remove()
relu_h = model.features[3].register_full_backward_hook(lambda m, gi, go: print("relu hook", gi[0].shape))
try:
    model(img).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
relu_h.remove()

# %%
# the deprecated register_backward_hook
torch.set_warn_always(True)
lin = nn.Linear(4, 2)
seen = []
hb = lin.register_backward_hook(lambda m, gi, go: seen.append([None if g is None else tuple(g.shape) for g in gi]))
y = lin(torch.randn(3, 4, requires_grad=True))
y.sum().backward()
print(seen)
hb.remove()
seq = nn.Sequential(nn.Linear(4, 3), nn.ReLU())
hb2 = seq.register_backward_hook(lambda m, gi, go: print("seq", len(gi), len(go)))
seq(torch.randn(2, 4, requires_grad=True)).sum().backward()
hb2.remove()
try:
    lin.register_full_backward_hook(lambda *a: None)
    lin.register_backward_hook(lambda *a: None)
except Exception as e:
    print(type(e).__name__, e)

# %%
# guided backprop: clamp the gradient flowing back through every ReLU
gmodel = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 4, 3, padding=1), nn.ReLU(),
                       nn.Flatten(), nn.Linear(4 * 36, 3))
handles = []
def clamp_hook(m, gin, gout):
    return (torch.clamp(gin[0], min=0.0),)
for m in gmodel.modules():
    if isinstance(m, nn.ReLU):
        handles.append(m.register_full_backward_hook(clamp_hook))
x = img.clone().requires_grad_()
s = gmodel(x)[0, 1]
s.backward()
print(x.grad.shape, x.grad.abs().amax(dim=1))
for h in handles:
    h.remove()
x.grad = None
gmodel(x)[0, 1].backward()
print(x.grad.abs().amax(dim=1).sum())

# %%
# hooks returning wrong things
lin2 = nn.Linear(3, 2)
inp = torch.randn(4, 3, requires_grad=True)
cases = [lambda m, gi, go: (torch.ones(2, 2),),
         lambda m, gi, go: (gi[0], gi[0]),
         lambda m, gi, go: gi[0],
         lambda m, gi, go: [gi[0] * 2],
         lambda m, gi, go: (None,),
         lambda m, gi, go: (gi[0].double(),)]
for hk in cases:
    h = lin2.register_full_backward_hook(hk)
    try:
        inp.grad = None
        lin2(inp).sum().backward()
        print("ok", inp.grad.dtype, None if inp.grad is None else inp.grad.sum())
    except Exception as e:
        print(type(e).__name__, e)
    h.remove()

# %%
# forward hooks returning a new output, forward pre hooks, and tensor hooks with a wrong shape
def fhook(m, i, o):
    return o * 0 + 1
hf = lin2.register_forward_hook(fhook)
print(lin2(torch.randn(1, 3)))
hf.remove()
hp = lin2.register_forward_pre_hook(lambda m, i: (i[0] * 2,))
print(lin2(torch.ones(1, 3)))
hp.remove()
t = torch.randn(3, requires_grad=True)
ht = t.register_hook(lambda g: g[:2])
try:
    (t * 2).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
ht.remove()
ht = t.register_hook(lambda g: g.double())
try:
    (t * 2).sum().backward()
    print(t.grad)
except Exception as e:
    print(type(e).__name__, e)
ht.remove()

# %%

class GuidedReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.clamp(min=0)
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g.clamp(min=0) * (x > 0).float()

class GuidedNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 3, 3, padding=1)
        self.c2 = nn.Conv2d(3, 4, 3, padding=1)
        self.fc = nn.Linear(4, 2)
    def forward(self, x, guided=False):
        act = GuidedReLU.apply if guided else F.relu
        h = act(self.c1(x))
        self.feat = act(self.c2(h))
        return self.fc(self.feat.mean((2, 3)))
torch.manual_seed(4)
net = GuidedNet()
x = torch.rand(1, 1, 5, 5, requires_grad=True)
out = net(x, guided=True)
print(out.grad_fn, net.feat.grad_fn, net.feat.grad_fn.next_functions)
out[0, 1].backward()
print(x.grad[0, 0])
print(GuidedReLU.apply(torch.tensor([-1.0, 2.0])))

# %%
out = net(x)
A = net.feat
g, = torch.autograd.grad(out[0, 0], A, retain_graph=True)
w = g.mean((2, 3), keepdim=True)
cam = F.relu((w * A).sum(1, keepdim=True))
print(cam.grad_fn, cam.shape)
up = F.interpolate(cam, size=(10, 10), mode="bicubic", align_corners=False)
print(up[0, 0, :2], up.grad_fn)
camn = (cam - cam.amin()) / (cam.amax() - cam.amin() + 1e-7)
print(camn.squeeze())
g2, = torch.autograd.grad(out[0, 1], A)
print(g2.abs().sum())
try:
    torch.autograd.grad(out[0, 0], A)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(out, A)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(net(x)[0, 0], net.c1.weight.detach())
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
torch.set_warn_always(True)
calls = []
net.register_backward_hook(lambda m, gi, go: calls.append([None if t is None else tuple(t.shape) for t in gi]))
net(x)[0, 0].backward()
print(calls)
conv = nn.Conv2d(1, 2, 3)
conv.register_backward_hook(lambda m, gi, go: calls.append([None if t is None else tuple(t.shape) for t in gi]))
conv(x).sum().backward()
print(calls[-1])
bn = nn.BatchNorm1d(3)
bn.register_backward_hook(lambda m, gi, go: print("bn", [None if t is None else tuple(t.shape) for t in gi]))
bn(torch.randn(4, 3, requires_grad=True)).pow(2).sum().backward()
sm = nn.Softmax(dim=1)
sm.register_backward_hook(lambda m, gi, go: print("softmax", gi[0].shape, go[0].shape))
sm(torch.randn(2, 3, requires_grad=True))[:, 0].sum().backward()
