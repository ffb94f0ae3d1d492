# Imitates the autograd threads of the PyTorch forums ("Trying to backward through the graph a second time", "a leaf
# Variable that requires grad is being used in an in-place operation", "modified by an inplace operation", "Can't call
# numpy() on Tensor that requires grad", "grad can be implicitly created only for scalar outputs", "element 0 of
# tensors does not require grad"), each as the asker's training loop and then the fix from the accepted answer.
import warnings
import numpy as np
import torch
import torch.nn as nn

def attempt(f):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            out = f()
        for x in w:
            print("warning:", x.category.__name__, str(x.message)[:400])
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
x = torch.randn(3)
h = (w * x).exp()
loss = h.sum()
loss.backward()
attempt(lambda: loss.backward())
attempt(lambda: (h * 2).sum().backward())
h2 = (w * x).tanh(); l2 = h2.sum()
l2.backward(retain_graph=True); l2.backward()
print(w.grad)
attempt(lambda: torch.autograd.grad(l2, w))
l3 = (w ** 2).sum()
g, = torch.autograd.grad(l3, w, create_graph=True)
print(g, g.grad_fn)
attempt(lambda: torch.autograd.grad(l3, w))
attempt(lambda: torch.autograd.grad(g.sum(), w))
hidden = torch.zeros(3)
for step in range(2):
    hidden = hidden * 0.5 + w * x
    attempt(lambda: hidden.sum().backward())
print(w.grad)
# %%
torch.manual_seed(1)
w = torch.randn(2, 2, requires_grad=True)
attempt(lambda: w.add_(1))
attempt(lambda: w.zero_())
attempt(lambda: w.copy_(torch.ones(2, 2)))
def set0(): w[0, 0] = 0.
attempt(set0)
def iadd(): 
    global w
    w += 1
attempt(iadd)
attempt(lambda: w.data.add_(1))
with torch.no_grad():
    w -= 0.1 * torch.ones(2, 2)
print(w, w.requires_grad, w.is_leaf, w._version)
attempt(lambda: nn.init.normal_(w))
attempt(lambda: w.uniform_())
attempt(lambda: w.detach().fill_(3.0))
print(w)
attempt(lambda: w.resize_(4))
b = torch.ones(2, requires_grad=True)
v = b[:1]
attempt(lambda: v.mul_(2))
# %%
torch.manual_seed(2)
a = torch.randn(3, requires_grad=True)
s = a.sigmoid()
s.mul_(2)
attempt(lambda: s.sum().backward())
a.grad = None
e = a.exp(); e += 1
attempt(lambda: e.sum().backward())
y = a * 2
z = y ** 2
y.add_(1)
attempt(lambda: z.sum().backward())
r = torch.relu(a); q = r * 3; r[0] = 5
attempt(lambda: q.sum().backward())
m = a.clone(); p = m.pow(3); m.clamp_(min=0)
attempt(lambda: p.sum().backward())
t = a.tanh(); u = t.clone(); t.add_(1)
attempt(lambda: u.sum().backward())
print(a.grad)
lin = nn.Linear(3, 2)
o = lin(a)
with torch.no_grad():
    lin.weight.mul_(0.5)
attempt(lambda: o.sum().backward())
print(lin.weight.grad)
# %%
torch.manual_seed(3)
p = torch.randn(2, 3, requires_grad=True)
attempt(lambda: p.numpy())
attempt(lambda: (p * 2).numpy())
attempt(lambda: np.array(p))
attempt(lambda: np.asarray(p * 2))
print(p.detach().numpy().shape, p.detach().cpu().numpy().dtype)
attempt(lambda: p.tolist())
attempt(lambda: (p * 2).sum().item())
attempt(lambda: float(p.sum()))
attempt(lambda: p.numpy(force=True).dtype)
attempt(lambda: p.sum(0).backward())
attempt(lambda: (p * 2).backward())
attempt(lambda: (p * 2).backward(torch.ones(3)))
attempt(lambda: (p * 2).backward(torch.ones(2, 3, dtype=torch.float64)))
(p * 2).backward(torch.ones(2, 3))
print(p.grad)
attempt(lambda: torch.autograd.grad(p * 3, p))
attempt(lambda: torch.autograd.grad((p * 3).sum(), p.detach()))
# %%
torch.manual_seed(4)
x = torch.randn(4, 2)
yv = torch.randn(4)
wt = torch.randn(2)
loss = ((x @ wt - yv) ** 2).mean()
attempt(lambda: loss.backward())
with torch.no_grad():
    wt2 = torch.randn(2, requires_grad=True)
    l = (x @ wt2).sum()
attempt(lambda: l.backward())
net = nn.Linear(2, 1)
for prm in net.parameters():
    prm.requires_grad = False
attempt(lambda: net(x).sum().backward())
out = net(x).detach()
attempt(lambda: out.sum().backward())
attempt(lambda: torch.tensor(3.0).backward())
ok = torch.tensor(3.0, requires_grad=True)
(ok * ok).backward(); print(ok.grad)
nonleaf = ok * 2
attempt(lambda: nonleaf.grad)
nonleaf2 = ok * 3; nonleaf2.retain_grad(); (nonleaf2 * nonleaf2).backward(); print(nonleaf2.grad, ok.grad)
attempt(lambda: torch.randint(0, 3, (2,)).float().requires_grad_().sum())
attempt(lambda: torch.randint(0, 3, (2,)).requires_grad_())
attempt(lambda: torch.tensor([1, 2], requires_grad=True))
attempt(lambda: torch.zeros(2, dtype=torch.long, requires_grad=True))
attempt(lambda: (ok * 2).requires_grad_(False))
