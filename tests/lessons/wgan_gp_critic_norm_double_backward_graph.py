# Imitates a WGAN-GP tutorial's critic (Gulrajani et al. 2017) as learners write it with normalisation layers:
# the gradient penalty taken with torch.autograd.grad(create_graph=True) through LayerNorm, BatchNorm (train and
# eval) and InstanceNorm critics, then the learner inspecting the penalty's graph: grad_fn names, next_functions of
# the norm's double-backward node, the penalty's backward into the critic's parameters, and a third-order check.
import torch
from torch import nn

# %%
torch.manual_seed(0)


def walk(fn, depth=0, limit=2):
    """print a grad_fn and its next_functions, as learners explore the graph"""
    print("  " * depth + (type(fn).__name__ if fn is not None else "None"))
    if fn is None or depth >= limit:
        return
    for nxt, _ in fn.next_functions:
        walk(nxt, depth + 1, limit)


critic_ln = nn.Sequential(nn.Linear(4, 6), nn.LayerNorm(6), nn.Tanh(), nn.Linear(6, 1))
real = torch.randn(5, 4)
fake = torch.randn(5, 4)
alpha = torch.rand(5, 1)
interp = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
score = critic_ln(interp)
grads, = torch.autograd.grad(score, interp, grad_outputs=torch.ones_like(score), create_graph=True)
print(grads.shape, grads.grad_fn)
walk(grads.grad_fn, limit=3)

# %%
ln = critic_ln[1]
h = critic_ln[0](interp)
out = ln(h)
g_in, g_w, g_b = torch.autograd.grad((out.tanh() * 3).sum(), [h, ln.weight, ln.bias], create_graph=True)
print(g_in.grad_fn.name(), g_w.grad_fn.name(), g_b.grad_fn.name())
print(g_in.grad_fn is g_w.grad_fn, g_b.grad_fn is g_in.grad_fn)
print([type(f).__name__ if f is not None else None for f, _ in g_in.grad_fn.next_functions])
print([i for _, i in g_in.grad_fn.next_functions])
print(g_w)
print(g_b)

# %%
penalty = ((grads.norm(2, dim=1) - 1) ** 2).mean()
print(penalty)
critic_ln.zero_grad()
penalty.backward()
for name, p in critic_ln.named_parameters():
    print(name, p.grad.shape, p.grad.norm())
print(critic_ln[1].weight.grad, critic_ln[3].weight.grad)

# %%
torch.manual_seed(1)
critic_bn = nn.Sequential(nn.Linear(4, 6), nn.BatchNorm1d(6), nn.LeakyReLU(0.2), nn.Linear(6, 1))
x = torch.randn(8, 4, requires_grad=True)
s = critic_bn(x)
g, = torch.autograd.grad(s.sum(), x, create_graph=True)
walk(g.grad_fn, limit=3)
bn = critic_bn[1]
hb = critic_bn[0](x)
gi, gw = torch.autograd.grad((bn(hb) ** 3).sum(), [hb, bn.weight], create_graph=True)
node = gi.grad_fn
print(node.name(), len(node.next_functions), node.next_functions[3], node.next_functions[4])
print(gi[:2])
print(gw)
gp = ((g.norm(2, dim=1) - 1) ** 2).mean()
gp.backward()
print(critic_bn[0].weight.grad)
print(bn.weight.grad, bn.bias.grad)

# %%
critic_bn.eval()
y = critic_bn[1](hb)
ge, = torch.autograd.grad((y ** 3).sum(), hb, create_graph=True)
print(ge.grad_fn.name(), [type(f).__name__ if f is not None else None for f, _ in ge.grad_fn.next_functions])
hv, = torch.autograd.grad(ge.sum(), hb, create_graph=True)
print(hv[:2], hv.grad_fn.name())
critic_bn.train()

# %%
torch.manual_seed(2)
inorm = nn.InstanceNorm1d(3, affine=True)
z = torch.randn(2, 3, 5, requires_grad=True)
gz, = torch.autograd.grad((inorm(z) ** 3).sum(), z, create_graph=True)
walk(gz.grad_fn, limit=1)
second, = torch.autograd.grad(gz.pow(2).sum(), z, create_graph=True)
print(second[0])
third, = torch.autograd.grad(second.sum(), z)
print(third.shape)
try:
    torch.autograd.grad(gz.sum(), inorm.weight)
    torch.autograd.grad(gz.sum(), inorm.weight)
except RuntimeError as e:
    print(type(e).__name__, e)
