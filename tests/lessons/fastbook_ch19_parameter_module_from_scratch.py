# Imitates fastbook chapter 19 "A fastai Learner from Scratch" (after ch17's foundations): a Parameter class made
# with Tensor._make_subclass, a hand-written Module base class registering parameters in __setattr__, Linear /
# ReLU / Sequential / AdaptivePool built on it, nll / log_softmax / cross_entropy written by hand against
# F.cross_entropy, an SGD step over params(), and what the subclass does to results (class, grad_fn, .data).
import math
import torch
import torch.nn.functional as F
from torch import tensor, Tensor

# %%
class Parameter(Tensor):
    def __new__(self, x): return Tensor._make_subclass(Parameter, x, True)
    def __init__(self, *args, **kwargs): self.requires_grad_()

p = Parameter(tensor([1., 2., 3.]))
print(p)
print(type(p).__name__, p.requires_grad, p.is_leaf, isinstance(p, Tensor))
q = p * 2
print(q, type(q).__name__)
q.sum().backward()
print(p.grad, type(p.grad).__name__)

# %%
for bad in [lambda: Tensor._make_subclass(int, torch.ones(2)),
            lambda: Tensor._make_subclass(Parameter, [1., 2.]),
            lambda: Tensor._make_subclass(Parameter, torch.ones(2), 1),
            lambda: Parameter(torch.arange(3))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
x = torch.ones(2, requires_grad=True)
d = Tensor._make_subclass(Tensor, x * 3)
print(d, d.is_leaf, d.grad_fn)

# %%
class Module:
    def __init__(self):
        self.hook, self.params, self.children, self._training = None, [], [], False

    def register_parameters(self, *ps): self.params += ps
    def register_modules(self, *ms): self.children += ms

    @property
    def training(self): return self._training
    @training.setter
    def training(self, v):
        self._training = v
        for m in self.children: m.training = v

    def parameters(self):
        return self.params + sum([m.parameters() for m in self.children], [])

    def __setattr__(self, k, v):
        super().__setattr__(k, v)
        if isinstance(v, Parameter): self.register_parameters(v)
        if isinstance(v, Module): self.register_modules(v)

    def __call__(self, *args, **kwargs):
        res = self.forward(*args, **kwargs)
        if self.hook is not None: self.hook(res, args)
        return res

class ReLU(Module):
    def forward(self, x): return x.relu()

class Linear(Module):
    def __init__(self, ni, nf):
        super().__init__()
        self.w = Parameter(torch.zeros(nf, ni))
        self.b = Parameter(torch.zeros(nf))
        torch.nn.init.xavier_normal_(self.w)

    def forward(self, x): return x @ self.w.t() + self.b

torch.manual_seed(42)
l = Linear(4, 2)
r = l(torch.ones(3, 4))
print(r.shape, type(r).__name__, r.grad_fn)
print(len(l.parameters()), [type(t).__name__ for t in l.parameters()])

# %%
class Sequential(Module):
    def __init__(self, *layers):
        super().__init__()
        self.layers = layers
        self.register_modules(*layers)

    def forward(self, x):
        for l in self.layers: x = l(x)
        return x

class AdaptivePool(Module):
    def forward(self, x): return x.mean((2, 3))

def simple_conv(ni, nf, ks=3):
    return Parameter(torch.randn(nf, ni, ks, ks) / math.sqrt(ni * ks * ks))

torch.manual_seed(0)
w = simple_conv(1, 2)
out = F.conv2d(torch.ones(1, 1, 5, 5), w, padding=1)
print(type(out).__name__, out.shape)
pooled = AdaptivePool()(out)
print(pooled, type(pooled).__name__)
print(type(w.data).__name__, type(w.detach()).__name__, type(w.T).__name__)

# %%
def nll(input, target): return -input[range(target.shape[0]), target].mean()
def log_softmax(x): return (x.exp() / x.exp().sum(-1, keepdim=True)).log()
def cross_entropy(preds, yb): return nll(log_softmax(preds), yb).mean()

torch.manual_seed(1)
model = Sequential(Linear(4, 5), ReLU(), Linear(5, 3))
xb, yb = torch.randn(6, 4), tensor([0, 1, 2, 0, 1, 2])
preds = model(xb)
loss = cross_entropy(preds, yb)
print(loss)
print(F.cross_entropy(preds, yb), F.nll_loss(F.log_softmax(preds, -1), yb))
loss.backward()
print([type(t.grad).__name__ for t in model.parameters()], model.parameters()[0].grad.shape)

# %%
class SGD:
    def __init__(self, params, lr, wd=0.): self.params, self.lr, self.wd = params, lr, wd
    def step(self):
        for p in self.params:
            p.data -= (p.grad.data + p.data * self.wd) * self.lr
            p.grad.data.zero_()

opt = SGD(model.parameters(), 0.1)
for epoch in range(3):
    loss = cross_entropy(model(xb), yb)
    loss.backward()
    opt.step()
    print(epoch, round(loss.item(), 4))
model.training = True
print(model.layers[0].training, model.parameters()[0].grad.abs().sum())
