# Imitates per-sample saliency with torch.func (vmap over grad/jacrev, functional_call), max-vs-amax gradient
# ties in saliency maps, unfold windows' gradient, graph-node hooks, multi-grad hooks and the module hook kinds.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import vmap, grad, jacrev, functional_call

torch.manual_seed(5)
net = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
X = torch.randn(4, 6)
params = {k: v.detach() for k, v in net.named_parameters()}

# %%
def score(x, c):
    return functional_call(net, params, (x.unsqueeze(0),))[0, c]
classes = torch.tensor([0, 1, 2, 0])
try:
    vmap(grad(score))(X, classes)
except RuntimeError as e:
    print(type(e).__name__, e)
def score_onehot(x, onehot):
    return (functional_call(net, params, (x.unsqueeze(0),))[0] * onehot).sum()
sal = vmap(grad(score_onehot))(X, F.one_hot(classes, 3).float())
print(sal)
sal2 = vmap(lambda x, c: grad(lambda z: functional_call(net, params, (z.unsqueeze(0),))[0, c])(x))(X, classes)
print(torch.allclose(sal, sal2), (sal - sal2).abs().max())
try:
    vmap(grad(lambda x, c: score(x, 0) * (c.item() + 1)))(X, classes)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    vmap(lambda x: torch.func.vjp(lambda z: net(z) * z.sum().item(), x)[0])(X)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    vmap(jacrev(lambda x, c: net(x)[c]))(X, classes)
except RuntimeError as e:
    print(type(e).__name__, e)
J = vmap(jacrev(lambda x: net(x)))(X)
print(J.shape, J[0, 0])
print(grad(lambda x: net(x).softmax(-1)[1])(X[0]))

# %%
t = torch.tensor([[1.0, 3.0, 3.0], [2.0, 2.0, 0.5]], requires_grad=True)
t.abs().amax(dim=1).sum().backward()
print(t.grad)
t.grad = None
t.max(dim=1).values.sum().backward()
print(t.grad)
t.grad = None
t.max().backward()
print(t.grad)
t.grad = None
t.amax().backward()
print(t.grad)

# %%
# unfold backward and graph node hooks
img = torch.rand(1, 1, 5, 5, requires_grad=True)
w = img.unfold(2, 3, 1).unfold(3, 3, 1)
print(w.grad_fn, w.grad_fn.next_functions)
w.sum().backward()
print(img.grad[0, 0])
y = (img * 2).sum()
y.grad_fn.register_prehook(lambda go: print("prehook", go))
y.grad_fn.register_hook(lambda gi, go: print("hook", [g.shape for g in gi], go))
y.backward()
a = torch.randn(3, requires_grad=True); b = torch.randn(3, requires_grad=True)
torch.autograd.graph.register_multi_grad_hook((a, b), lambda grads: print("multi", [g is None for g in grads]))
(a * 2).sum().backward()
(a * b).sum().backward()
h = a.register_hook(lambda g: g * 0)
with h:
    pass
(a * 2).sum().backward()
print(a.grad)

# %%
torch.set_warn_always(True)
class Two(nn.Module):
    def forward(self, p, q):
        return p * q + p.exp()
m = Two()
m.register_backward_hook(lambda mod, gi, go: print("old hook", len(gi), len(go), [g.shape for g in gi]))
p = torch.randn(3, requires_grad=True); q = torch.randn(3, requires_grad=True)
m(p, q).sum().backward()
m2 = Two()
m2.register_full_backward_hook(lambda mod, gi, go: print("full", len(gi), [g is None for g in gi]))
out = m2(p, torch.randn(3))
print(out.grad_fn)
out.sum().backward()
class Multi(nn.Module):
    def forward(self, x):
        return x.relu(), x.sigmoid()
mm = Multi()
mm.register_full_backward_hook(lambda mod, gi, go: print("multi out", [None if g is None else g.shape for g in go]))
o1, o2 = mm(p)
print(o1.grad_fn, o2.grad_fn)
o1.sum().backward()
class Nested(nn.Module):
    def forward(self, x):
        return {"a": x * 2}
nm = Nested()
nm.register_full_backward_hook(lambda *a: print("nested"))
r = nm(p)
print(type(r), r["a"].grad_fn)
r["a"].sum().backward()

# %%
torch.manual_seed(11)
net = nn.Sequential(nn.Linear(8, 16), nn.GELU(), nn.Linear(16, 4))
x = torch.randn(2, 8)

# %%
# is_grads_batched for per-class saliency in one call
xr = x.clone().requires_grad_()
out = net(xr)
eye = torch.eye(4).unsqueeze(1).expand(4, 2, 4)
try:
    J, = torch.autograd.grad(out, xr, grad_outputs=eye, is_grads_batched=True)
    print(J.shape, J[:, 0, :3])
except Exception as e:
    print(type(e).__name__, e)
jac = torch.autograd.functional.jacobian(lambda t: net(t).sum(0), x)
print(jac.shape, jac[:, 0, :3])

# %%
# SmoothGrad with percentile clipping
xs = x[:1]
n = 12
sigma = 0.15 * (xs.max() - xs.min())
total = torch.zeros_like(xs)
for i in range(n):
    noisy = (xs + sigma * torch.randn_like(xs)).requires_grad_()
    net(noisy)[0, 1].backward()
    total += noisy.grad
sg = total / n
print(sg)
sq = (sg ** 2)
q = torch.quantile(sq.flatten(), 0.99)
print(q, torch.quantile(sq, torch.tensor([0.25, 0.5, 0.75]), dim=1, interpolation="midpoint"))
print(sg.abs().clamp(max=torch.quantile(sg.abs(), 0.9)).div(torch.quantile(sg.abs(), 0.9)))
noise = torch.normal(0.0, float(sigma), size=(5, 8))
batch = (xs + noise).requires_grad_()
g, = torch.autograd.grad(net(batch)[:, 1].sum(), batch)
print(g.mean(0), g.std(0), g.var(0, correction=0))
print(torch.nanquantile(torch.tensor([1.0, float("nan"), 3.0, 2.0]), 0.5), torch.quantile(torch.tensor([1.0, float("nan")]), 0.5))
try:
    torch.quantile(sg.flatten().long(), 0.5)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.quantile(sg, 1.5)
except Exception as e:
    print(type(e).__name__, e)

# %%
# module hooks: prepend, with_kwargs, always_call, full backward pre hooks, global module hooks
lin = nn.Linear(3, 2)
log = []
lin.register_forward_hook(lambda m, i, o: log.append("a"))
lin.register_forward_hook(lambda m, i, o: log.append("b"), prepend=True)
lin.register_forward_pre_hook(lambda m, a, k: log.append(("pre", sorted(k))) , with_kwargs=True)
lin.register_forward_hook(lambda m, a, k, o: log.append(("kw", len(a))), with_kwargs=True)
lin.register_full_backward_pre_hook(lambda m, go: log.append(("bpre", go[0].shape)))
lin.register_full_backward_hook(lambda m, gi, go: log.append(("bwd", gi[0] is None)))
y = lin(torch.randn(5, 3))
y.sum().backward()
print(log)
print(y.grad_fn, y.grad_fn.next_functions)
log.clear()
z = lin(torch.randn(5, 3, requires_grad=True))
print(z.grad_fn.name(), z.grad_fn.next_functions[0][0].name())
z.mean().backward()
print(log)
h = torch.nn.modules.module.register_module_forward_hook(lambda m, i, o: log.append(type(m).__name__))
seq = nn.Sequential(nn.Linear(3, 3), nn.ReLU())
seq(torch.randn(1, 3))
h.remove()
print(log[-3:])
hp = lin.register_full_backward_pre_hook(lambda m, go: (go[0] * 0,))
xx = torch.randn(2, 3, requires_grad=True)
lin(xx).sum().backward()
print(xx.grad)
hp.remove()
hp = lin.register_full_backward_pre_hook(lambda m, go: (go[0][:1],))
try:
    lin(xx).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
hp.remove()

# %%
# tensor hooks and post-accumulate hooks, retain_grad on activations for Grad-CAM
a = torch.randn(4, requires_grad=True)
try:
    torch.randn(3).register_hook(lambda g: g)
except Exception as e:
    print(type(e).__name__, e)
a.register_post_accumulate_grad_hook(lambda p: print("post", p.grad))
(a * 3).sum().backward()
hid = net[0](x)
hid.retain_grad()
act = net[1](hid)
act.register_hook(lambda g: print("act grad", g.shape, g.abs().sum()))
net[2](act)[:, 0].sum().backward()
print(hid.grad.shape, hid.grad.abs().sum(), hid.retains_grad, act.retains_grad)
print(act.grad)
