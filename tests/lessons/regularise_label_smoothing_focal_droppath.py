# Imitates the regularisation recipes of training notebooks: label smoothing with F.cross_entropy(label_smoothing=...)
# together with class weights and ignore_index, the same by hand with scatter_ on a filled target, a focal loss
# written by hand, stochastic depth / DropPath by hand (torch.empty(...).bernoulli_(keep) then div), and their
# gradients, with the errors learners hit (label_smoothing outside [0, 1], bad bernoulli probabilities).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(6, 4, requires_grad=True)
target = torch.tensor([0, 3, 1, -100, 2, 3])

# %%
for ls in (0.0, 0.1, 0.25, 1.0):
    print(ls, F.cross_entropy(logits, target, label_smoothing=ls))
w = torch.tensor([1.0, 2.0, 0.5, 1.5])
for red in ("mean", "sum", "none"):
    print(red, F.cross_entropy(logits, target, weight=w, label_smoothing=0.1, reduction=red))
crit = nn.CrossEntropyLoss(weight=w, ignore_index=3, label_smoothing=0.2)
print(crit, crit.label_smoothing, crit.ignore_index)
t2 = target.clamp(min=0)
loss = crit(logits, t2)
loss.backward()
print(loss, loss.grad_fn.name(), logits.grad)

# %%
logits.grad = None
t = torch.tensor([0, 3, 1, 1, 2, 3])
eps, C = 0.1, 4
soft = torch.full((6, C), eps / C)
soft.scatter_(1, t.unsqueeze(1), 1 - eps + eps / C)
print(soft, soft.sum(1))
by_hand = -(soft * F.log_softmax(logits, dim=-1)).sum(-1).mean()
builtin = F.cross_entropy(logits, t, label_smoothing=eps)
print(by_hand, builtin, torch.allclose(by_hand, builtin))
by_hand.backward()
g1 = logits.grad.clone()
logits.grad = None
builtin.backward()
print(g1, torch.allclose(g1, logits.grad))
soft2 = torch.zeros(6, C).scatter_(1, t[:, None], 1.0) * (1 - eps) + eps / C
print(soft2.equal(soft), F.cross_entropy(logits, soft2), F.cross_entropy(logits, soft2, label_smoothing=0.1))
print(torch.zeros(2, 4).scatter(1, torch.tensor([[1], [3]]), 0.9), torch.zeros(2, 4).scatter_(1, torch.tensor([[1], [3]]), torch.ones(2, 1), reduce="add"))

# %%
# 3-d logits (segmentation-like) with ignore_index and smoothing
torch.manual_seed(1)
seg = torch.randn(2, 3, 4, requires_grad=True)
lab = torch.tensor([[0, 2, -1, 1], [1, -1, 2, 0]])
l = F.cross_entropy(seg, lab, ignore_index=-1, label_smoothing=0.3, weight=torch.tensor([0.2, 1.0, 3.0]))
l.backward()
print(l, seg.grad[0])
print(F.cross_entropy(seg, lab, ignore_index=-1, label_smoothing=0.3, reduction="none"))
print(F.nll_loss(F.log_softmax(seg, 1), lab, ignore_index=-1))

# %%
def focal_loss(logits, target, gamma=2.0, alpha=None):
    logp = F.log_softmax(logits, dim=-1)
    logp_t = logp.gather(1, target[:, None]).squeeze(1)
    p_t = logp_t.exp()
    loss = -((1 - p_t) ** gamma) * logp_t
    if alpha is not None:
        loss = alpha[target] * loss
    return loss.mean()

torch.manual_seed(2)
z = torch.randn(5, 3, requires_grad=True)
yt = torch.tensor([0, 2, 1, 1, 0])
fl = focal_loss(z, yt)
fl.backward()
print(fl, fl.grad_fn.name(), z.grad)
z.grad = None
fl0 = focal_loss(z, yt, gamma=0.0)
print(fl0, F.cross_entropy(z, yt), torch.isclose(fl0, F.cross_entropy(z, yt)))
fla = focal_loss(z, yt, alpha=torch.tensor([0.25, 0.5, 0.25]))
fla.backward()
print(fla, z.grad)
# binary focal on logits
zb = torch.randn(6, requires_grad=True)
yb = torch.tensor([1., 0., 1., 1., 0., 0.])
bce = F.binary_cross_entropy_with_logits(zb, yb, reduction="none")
p = torch.sigmoid(zb)
pt = p * yb + (1 - p) * (1 - yb)
bf = ((1 - pt) ** 2 * bce * (0.25 * yb + 0.75 * (1 - yb))).mean()
bf.backward()
print(bce, bf, zb.grad)

# %%
def drop_path(x, p, training=True):
    if p == 0.0 or not training:
        return x
    keep = 1 - p
    shape = (x.shape[0],) + (1,) * (x.ndim - 1)
    mask = torch.empty(shape, dtype=x.dtype).bernoulli_(keep)
    if keep > 0.0:
        mask.div_(keep)
    return x * mask

torch.manual_seed(3)
h = torch.randn(6, 2, 3, requires_grad=True)
out = h + drop_path(h, 0.5)
print(out[:, 0, 0], out.grad_fn.name())
out.sum().backward()
print(h.grad[:, 0, 0])
print(torch.empty(8).bernoulli_(0.3), torch.empty(2, 3).bernoulli_(torch.tensor([0.1, 0.9, 0.5])))
print(torch.bernoulli(torch.full((4,), 0.7)), torch.rand(4).bernoulli(), torch.zeros(3, dtype=torch.float64).bernoulli_(0.5).dtype)
m = torch.empty(4, 1, 1).bernoulli_(0.8).div_(0.8)
print(m.view(-1), m.dtype)
print(drop_path(h, 0.2, training=False) is h, drop_path(h, 1.0)[:, 0, 0])
d = nn.Dropout(0.5)
print(d(torch.ones(2, 4)), F.dropout(torch.ones(6), 0.25, training=True))

# %%
for make in [lambda: F.cross_entropy(logits, t, label_smoothing=1.5),
             lambda: F.cross_entropy(logits, t, label_smoothing=-0.1),
             lambda: nn.CrossEntropyLoss(label_smoothing=2.0)(logits, t),
             lambda: F.cross_entropy(logits, torch.tensor([0, 4, 1, 1, 2, 3]), label_smoothing=0.1),
             lambda: F.cross_entropy(logits, t, weight=torch.ones(3), label_smoothing=0.1),
             lambda: F.cross_entropy(logits, t.float(), label_smoothing=0.1),
             lambda: torch.empty(3).bernoulli_(1.5),
             lambda: torch.empty(3).bernoulli_(-0.1),
             lambda: torch.bernoulli(torch.tensor([0.2, 1.2])),
             lambda: torch.zeros(2, 4).scatter_(1, torch.tensor([[4], [0]]), 1.0),
             lambda: torch.zeros(2, 4).scatter_(1, torch.tensor([0, 1]), 1.0),
             lambda: F.dropout(torch.ones(3), 1.5)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
