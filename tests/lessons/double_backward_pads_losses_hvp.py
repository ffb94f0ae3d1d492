# Imitates a "higher-order gradients in PyTorch" notebook: Hessian-vector products (Pearlmutter's trick with two
# autograd.grad calls) through reflection / replication padding in a small conv net, through the regression losses
# and soft-margin loss, and through BatchNorm in eval mode; the learner prints each double-backward node's name and
# next_functions, compares with torch.autograd.functional.hvp, and trips over a freed graph.
import torch
import torch.nn.functional as F
from torch import nn

# %%
torch.manual_seed(0)
img = torch.randn(1, 2, 4, 4, requires_grad=True)
conv = nn.Conv2d(2, 2, 3)
for mode in ["reflect", "replicate"]:
    out = conv(F.pad(img, (1, 1, 1, 1), mode=mode))
    g, = torch.autograd.grad((out ** 2).sum(), img, create_graph=True)
    node = g.grad_fn
    print(mode, node.name(), [None if f is None else f.name() for f, _ in node.next_functions])
    v = torch.ones_like(img)
    hv, = torch.autograd.grad(g, img, grad_outputs=v, create_graph=True)
    print(hv.grad_fn.name(), hv[0, 0])

# %%
x1 = torch.randn(2, 5, requires_grad=True)
for mode in ["reflect", "replicate"]:
    pad = nn.ReflectionPad1d(2) if mode == "reflect" else nn.ReplicationPad1d((1, 3))
    y = pad(x1 * 1.5)
    g, = torch.autograd.grad((y ** 3).sum(), x1, create_graph=True)
    print(type(pad).__name__, g.grad_fn.next_functions[0][0].name(), g.shape)
    h, = torch.autograd.grad(g.sum(), x1)
    print(h)

# %%
vol = torch.randn(1, 1, 2, 3, 3, requires_grad=True)
y = F.pad(vol, (1, 1, 1, 0, 0, 1), mode="replicate")
g, = torch.autograd.grad(y.pow(3).sum(), vol, create_graph=True)
print(g.grad_fn.name(), g.grad_fn.next_functions[1][0].name())
h, = torch.autograd.grad(g.sum(), vol)
print(h[0, 0, 1])

# %%
torch.manual_seed(1)
pred = torch.randn(6, requires_grad=True)
tgt = torch.randn(6)
for name, fn in [("mse", F.mse_loss), ("smooth_l1", lambda a, b: F.smooth_l1_loss(a, b, beta=0.5)),
                 ("huber", lambda a, b: F.huber_loss(a, b, delta=0.8, reduction="sum"))]:
    loss = fn(pred, tgt)
    g, = torch.autograd.grad(loss, pred, create_graph=True)
    v = torch.linspace(-1, 1, 6)
    hv, = torch.autograd.grad(g, pred, grad_outputs=v)
    _, hv2 = torch.autograd.functional.hvp(lambda p: fn(p, tgt), pred.detach(), v)
    print(name, g.grad_fn.name(), hv, torch.equal(hv, hv2))

# %%
labels = torch.tensor([1., -1., 1., -1., 1., 1.])
loss = F.soft_margin_loss(pred * 2, labels)
g, = torch.autograd.grad(loss, pred, create_graph=True)
node = g.grad_fn.next_functions[0][0]
print(g.grad_fn.name(), node.name(), len(node.next_functions))
h, = torch.autograd.grad(g.pow(2).sum(), pred, create_graph=True)
print(h, h.grad_fn.name())
t, = torch.autograd.grad(h.sum(), pred)
print(t)

# %%
torch.manual_seed(2)
net = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Softplus(), nn.Linear(4, 1)).eval()
x = torch.randn(5, 3, requires_grad=True)
g, = torch.autograd.grad(net(x).sum(), x, create_graph=True)
bn_node = g.grad_fn.next_functions[0][0]
print(bn_node.name(), [None if f is None else f.name() for f, _ in bn_node.next_functions])
hv, = torch.autograd.grad(g, x, grad_outputs=torch.ones_like(g), retain_graph=True)
print(hv)
gw = torch.autograd.grad(g.sum(), [net[1].weight, net[1].bias], allow_unused=True)
print(gw)

# %%
out = net(x)
g, = torch.autograd.grad(out.sum(), x, create_graph=True)
g.sum().backward()
try:
    g.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, str(e)[:80])
