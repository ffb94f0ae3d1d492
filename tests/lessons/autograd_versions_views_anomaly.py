# Imitates a "mistakes learners make with autograd" lesson: _version counters, views' _base, detach sharing,
# in-place errors, anomaly detection, backward twice, .grad of non-leaves, freed saved tensors.
import torch
import warnings

# %%
x = torch.ones(3, requires_grad=True)
y = x * 2
print(x._version, y._version)
y.add_(1)
y.mul_(2)
y[0] = 5
print(y._version)
y.zero_()
print(y._version, y.grad_fn)

# %%
v = y.view(3)
s = y[1:]
t = y.t() if y.dim() == 2 else y.unsqueeze(0)
print(v._base is y, s._base is y, t._base is y, y._base)
print(v._is_view(), s._is_view(), y._is_view(), x._is_view())
print(s._base._base, v.grad_fn, s.grad_fn)
s.add_(1)
print(y._version, s._version, v._version, y.grad_fn, v.grad_fn, s.grad_fn)

# %%
d = y.detach()
print(d._version, y._version, d._base, d._is_view(), d.requires_grad, d.is_leaf)
torch.autograd.graph.increment_version(d)
print(d._version, y._version)

# %%
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a.sigmoid()
c = b * 3
b.detach().zero_()
try:
    c.sum().backward()
except RuntimeError as e:
    print(e)

# %%
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a.exp()
b.data.mul_(2)
b.sum().backward()
print(a.grad, b._version)

# %%
p = torch.tensor([1.0, 2.0], requires_grad=True)
q = p ** 2
r = q.sum()
r.backward()
r.backward()

# %%
r = (p ** 2).sum()
r.backward(retain_graph=True)
r.backward()
print(p.grad)

# %%
q = p * p
q.sum().backward()
q.grad_fn._saved_self

# %%
q = p.exp()
q.sum().backward()
q.grad_fn._saved_result

# %%
q = p.pow(3)
q.sum().backward()
print(q.grad_fn._saved_exponent)
q.grad_fn._raw_saved_self

# %%
q = p * 2
print(q.grad)
print(q.is_leaf, q.requires_grad, q.retains_grad)

# %%
q = p.exp()
q.retain_grad()
q.sum().backward()
print(q.grad, q.retains_grad, p.retains_grad)
p.retain_grad()
print(p.retains_grad)

# %%
rows = []
x = torch.tensor(1.0, requires_grad=True)
c0 = torch.tensor(2.0)
y = x * c0
z = y.detach()
w = y.relu()
w.retain_grad()
for name, t in [("x", x), ("c0", c0), ("y", y), ("z", z), ("w", w)]:
    print(f"{name:3s} leaf={t.is_leaf!s:5s} rg={t.requires_grad!s:5s} retains={t.retains_grad!s:5s} fn={type(t.grad_fn).__name__}")

# %%
w.backward()
print(x.grad, y.grad, w.grad)

# %%
# anomaly mode on a healthy graph: only its warning on entering
x = torch.tensor([1.0, 4.0], requires_grad=True)
with torch.autograd.detect_anomaly():
    y = x.sqrt()
    y.sum().backward()
print(x.grad, torch.is_anomaly_enabled())

# %%
with torch.autograd.detect_anomaly(check_nan=False):
    print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())

# %%
print(torch.is_anomaly_enabled())
torch.autograd.set_detect_anomaly(True)
print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
torch.autograd.set_detect_anomaly(False)
print(torch.is_anomaly_enabled())
with torch.autograd.set_detect_anomaly(True, check_nan=False):
    print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
print(torch.is_anomaly_enabled())
