# PyTorch's autograd notes ("Autograd mechanics": backward hooks, saved tensors, Node.metadata) and the
# torch.autograd.graph API reference: grad_fn.name() / next_functions walks, Node register_hook / register_prehook
# (and what they may return), Tensor.register_post_accumulate_grad_hook, register_multi_grad_hook, retain_grad,
# get_gradient_edge with autograd.grad, and a torchviz-like walk of every _saved_ attribute (make_dot(show_attrs=True)).
import torch
import torch.nn as nn
# %%
torch.manual_seed(0)
a = torch.randn(3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
y = (a * b).sin().sum()
n = y.grad_fn
print(n, n.name(), type(n).__name__, n.metadata)
print(n.next_functions)
print(n.next_functions[0][0].next_functions)
print(n.next_functions[0][0].next_functions[0][0].next_functions)
acc = n.next_functions[0][0].next_functions[0][0].next_functions[0][0]
print(acc.variable is a, acc.name(), acc.next_functions)
print(isinstance(n, torch.autograd.graph.Node))
# %%
def pre(grad_outputs):
    print("pre", grad_outputs)
def post(grad_inputs, grad_outputs):
    print("post", grad_inputs, grad_outputs)
h1 = n.register_prehook(pre)
h2 = n.register_hook(post)
print(type(h1).__name__)
y.backward(retain_graph=True)
h1.remove(); h2.remove()
y.backward()
print(a.grad)
# %%
m = a * 2
m.grad_fn.register_hook(lambda gi, go: (gi[0] * 10, ))
m.grad_fn.register_prehook(lambda go: (go[0] * 3,))
a.grad = None
m.sum().backward()
print(a.grad)
# %%
try:
    m = a * 2
    m.grad_fn.register_hook(lambda gi, go: (gi[0], gi[0]))
    m.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    m = a * 2
    m.grad_fn.register_prehook(lambda go: 5)
    m.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    m = a * b
    m.grad_fn.register_hook(lambda gi, go: (gi[0][:2], gi[1]))
    m.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    m = a * 2
    m.grad_fn.register_prehook(lambda go: (go[0][:1],))
    m.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
# %%
x = torch.tensor([1., 2.], requires_grad=True)
def hook(p):
    print("post acc", p.grad)
    p.grad.mul_(0.5)
h = x.register_post_accumulate_grad_hook(hook)
(x ** 2).sum().backward()
print(x.grad)
h.remove()
try:
    (x * 2).register_post_accumulate_grad_hook(hook)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.ones(2).register_post_accumulate_grad_hook(hook)
except Exception as e:
    print(type(e).__name__, e)
x.register_post_accumulate_grad_hook(lambda p: 3)
(x * 1).sum().backward()
print(x.grad)
# %%
a = torch.tensor(1., requires_grad=True)
b = torch.tensor(2., requires_grad=True)
c = torch.tensor(3., requires_grad=True)
def mh(grads):
    print("multi", grads)
h = torch.autograd.graph.register_multi_grad_hook((a, b, c), mh)
print(type(h).__name__)
(a * b).backward()
(a * c).backward()
h.remove()
h = torch.autograd.graph.register_multi_grad_hook((a, b), lambda g: print("any", g), mode="any")
(a * 3).backward()
try:
    torch.autograd.graph.register_multi_grad_hook((a, b), mh, mode="some")
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.graph.register_multi_grad_hook((a, torch.ones(2)), mh)
except Exception as e:
    print(type(e).__name__, e)
# %%
x = torch.randn(2, requires_grad=True)
y = x.exp()
print(y.grad_fn._saved_result, y.grad_fn._raw_saved_result)
z = x * y
print(z.grad_fn._raw_saved_self, z.grad_fn._raw_saved_other)
print(type(z.grad_fn._raw_saved_self).__name__)
z.sum().backward()
try:
    z.grad_fn._saved_self
except Exception as e:
    print(type(e).__name__, e)
try:
    z.grad_fn._raw_saved_self
except Exception as e:
    print(type(e).__name__, e)
try:
    z.grad_fn._saved_foo
except Exception as e:
    print(type(e).__name__, e)
# %%
torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)
h = x * 2
print(h.retains_grad, x.retains_grad)
h.retain_grad()
print(h.retains_grad)
x.retain_grad()
print(x.retains_grad)
out = (h ** 2).sum()
out.backward(retain_graph=True)
print(h.grad, x.grad)
out.backward()
print(h.grad)
try:
    torch.ones(2).retain_grad()
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    k = x * 2
print(k.retains_grad, k.requires_grad)
# %%
m = x.exp()
m.retain_grad()
m.retain_grad()
z = m.sum()
z.backward()
print(m.grad)
m.grad = None
print(m.grad, m.retains_grad)
v = x.view(3, 1)
v.retain_grad()
x.grad = None
v.sum().backward()
print(v.grad, x.grad)
# %%
e = torch.autograd.graph.get_gradient_edge(m)
print(type(e).__name__, e.node, e.output_nr)
e2 = torch.autograd.graph.get_gradient_edge(x)
print(e2.node, e2.output_nr)
try:
    torch.autograd.graph.get_gradient_edge(torch.ones(1))
except Exception as e:
    print(type(e).__name__, e)
# %%
y = x.sin()
n = y.grad_fn
n.metadata["tag"] = "layer1"
print(n.metadata, y.grad_fn.metadata is n.metadata)
print(n.name(), n.next_functions[0][0].name())
print(repr(n.next_functions[0][0]).split(" object")[0])
print(torch.autograd.graph.Node.__name__, issubclass(type(n), torch.autograd.graph.Node))
print(isinstance(x, torch.autograd.graph.Node), isinstance(None, torch.autograd.graph.Node))
print(hash(n) == hash(y.grad_fn), n == y.grad_fn)
try:
    n.metadata = {}
except Exception as e:
    print(type(e).__name__, e)
try:
    n.next_functions = ()
except Exception as e:
    print(type(e).__name__, e)
try:
    n.name = "x"
except Exception as e:
    print(type(e).__name__, e)
# %%
def walk(fn, depth=0):
    if fn is None:
        return
    print("  " * depth + fn.name())
    for nxt, idx in fn.next_functions:
        walk(nxt, depth + 1)
model = nn.Sequential(nn.Linear(3, 2), nn.Tanh(), nn.Linear(2, 1))
loss = nn.functional.mse_loss(model(torch.randn(4, 3)), torch.zeros(4, 1))
walk(loss.grad_fn)
print(loss.grad_fn.next_functions)
# %%
def walk2(fn, seen):
    if fn is None or fn in seen:
        return
    seen.add(fn)
    for k in sorted(a for a in dir(fn) if a.startswith("_saved_")):
        val = getattr(fn, k)
        print(fn.name(), k, tuple(val.shape) if torch.is_tensor(val) else val)
    for nxt, _ in fn.next_functions:
        walk2(nxt, seen)
walk2(loss.grad_fn, set())
# %%
torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
h = w * 2
h.retain_grad()
loss = (h ** 2).sum()
ew = torch.autograd.graph.get_gradient_edge(w)
eh = torch.autograd.graph.get_gradient_edge(h)
print(ew)
print(type(ew).__name__, ew.node.name(), ew.output_nr, ew.ownership_token)
print(torch.autograd.grad(loss, ew, retain_graph=True))
print(torch.autograd.grad(loss, [eh, ew], retain_graph=True))
print(torch.autograd.grad(loss, {"w": ew, "h": h}, retain_graph=True))
loss.backward(inputs=[ew])
print(w.grad, h.grad)
# %%
def show(o):
    n=o.grad_fn
    print(n.name(), [(k, getattr(n,k) if not torch.is_tensor(getattr(n,k)) else tuple(getattr(n,k).shape)) for k in dir(n) if k.startswith('_saved_')])
b=torch.zeros(2,requires_grad=True); B=torch.zeros(2)
x=torch.randn(4,3); xg=torch.randn(4,3,requires_grad=True)
w=torch.randn(3,2); wg=torch.randn(3,2,requires_grad=True)
show(torch.addmm(B,xg,w))
show(torch.addmm(B,x,wg))
show(torch.addmm(B,xg,wg.t().contiguous().t()))
show(torch.addmm(B,xg[:, :3:1],wg[::1]))
show(torch.addmm(b,xg,wg, beta=0.5, alpha=2))
show(torch.addmm(b,xg,wg, beta=2))
show(torch.addmm(b.t(),torch.randn(4,6,requires_grad=True)[:, ::2],wg))
show(torch.addmm(b,xg,torch.randn(3,3,requires_grad=True)))
show(torch.addmm(B,x,torch.randn(3,3,requires_grad=True)))
show(torch.nn.Linear(3, 2)(xg))
show(torch.nn.Linear(3, 2)(torch.randn(2, 5, 3)))
