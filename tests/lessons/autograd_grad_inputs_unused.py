# Imitates a "torch.autograd.grad in depth" notebook: allow_unused, materialize_grads, backward(inputs=...),
# detach() sharing storage and version, gradient tables over a small graph.
import torch

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([3.0, 4.0], requires_grad=True)
u = torch.tensor([5.0, 6.0], requires_grad=True)
out = (x * y).sum()
try:
    torch.autograd.grad(out, [x, u])
except RuntimeError as e:
    print(e)

# %%
out = (x * y).sum()
gx, gu = torch.autograd.grad(out, [x, u], allow_unused=True, retain_graph=True)
print(gx, gu)
print(torch.autograd.grad(out, [x, u], materialize_grads=True, retain_graph=True))
print(torch.autograd.grad(out, (u,), allow_unused=True, materialize_grads=True))

# %%
try:
    torch.autograd.grad((x * y).sum(), [x, u], allow_unused=False, materialize_grads=True)
except ValueError as e:
    print(e)

# %%
z = torch.tensor([1.0, 2.0])
try:
    torch.autograd.grad((x * z).sum(), z)
except RuntimeError as e:
    print(e)
try:
    torch.autograd.grad(x * y, x)
except RuntimeError as e:
    print(e)
print(torch.autograd.grad(x * y, x, grad_outputs=torch.ones(2)))

# %%
x.grad = y.grad = None
loss = (x * y + x ** 2).sum()
loss.backward(inputs=[x])
print(x.grad, y.grad)
loss = (x * y).sum()
loss.backward(inputs=y)
print(x.grad, y.grad)

# %%
loss = (x * y).sum()
try:
    loss.backward(inputs=[])
except RuntimeError as e:
    print(e)

# %%
h = x * 2
loss = (h * y).sum()
loss.backward(inputs=[h])
print(h.grad, x.grad)

# %%
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
d = a.detach()
print(d.requires_grad, d.is_leaf, d.grad_fn, d.data_ptr() == a.data_ptr())
d[0] = 100.0
print(a, a._version, d._version)
e = a.detach_() if False else a.detach().clone()
print(e.data_ptr() == a.data_ptr(), e._version)

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True)
s = w.sigmoid()
s.detach().mul_(0)
try:
    s.sum().backward()
except RuntimeError as e:
    print(e)
print(s._version, w.grad)

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True)
p = w * 3
q = p.exp()
p.add_(1)
q.sum().backward()
print(w.grad, p._version)

# %%
r = p.exp()
p.add_(1)
r.sum().backward()

# %%
v = w.clone()
v2 = v.view(2)
k = v2.pow(2)
v.mul_(2)
try:
    k.sum().backward()
except RuntimeError as e:
    print(e)
print(v._version, v2._version, v2._base is v)
