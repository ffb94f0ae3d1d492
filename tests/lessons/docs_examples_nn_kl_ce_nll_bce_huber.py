# Imitates the "Examples" blocks of PyTorch's loss pages nn.KLDivLoss (batchmean, log_target),
# nn.CrossEntropyLoss (class indices and probabilities; label_smoothing, weight and ignore_index together),
# nn.NLLLoss on 4-d conv outputs, nn.BCEWithLogitsLoss with pos_weight broadcast, nn.HuberLoss (delta),
# nn.SmoothL1Loss (beta=0) and nn.L1Loss / nn.MSELoss with every reduction, and the wrong dtype/shape errors.
import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(make):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)


# %%
torch.manual_seed(0)
kl_loss = nn.KLDivLoss(reduction="batchmean")
input = F.log_softmax(torch.randn(3, 5, requires_grad=True), dim=1)
target = F.softmax(torch.rand(3, 5), dim=1)
output = kl_loss(input, target)
print(kl_loss, output, output.grad_fn)
kl_loss = nn.KLDivLoss(reduction="batchmean", log_target=True)
log_target = F.log_softmax(torch.rand(3, 5), dim=1)
output = kl_loss(input, log_target)
print(kl_loss, output, output.grad_fn)
attempt(lambda: nn.KLDivLoss()(input, target))
attempt(lambda: nn.KLDivLoss(reduction='mean')(input, target))
attempt(lambda: nn.KLDivLoss(reduction='none')(input, target))
attempt(lambda: nn.KLDivLoss(reduction='sum')(input, target))
attempt(lambda: nn.KLDivLoss(reduction='batchmean')(input[0], target[0]))
attempt(lambda: nn.KLDivLoss(reduction='batchmean')(input, target[:2]))
attempt(lambda: nn.KLDivLoss(reduction='batchmean')(input, torch.tensor([1, 2, 3])))
attempt(lambda: nn.KLDivLoss(reduction='batchmean')(torch.tensor(0.5), torch.tensor(0.3)))
attempt(lambda: F.kl_div(input, target, reduction='batchmean', log_target=True))
attempt(lambda: F.kl_div(input, target, size_average=True))
attempt(lambda: nn.KLDivLoss(size_average=False))
x = torch.randn(3, 5, requires_grad=True)
o = nn.KLDivLoss(reduction="batchmean")(F.log_softmax(x, 1), target); o.backward(); print(x.grad)


# %%
torch.manual_seed(1)
loss = nn.CrossEntropyLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.empty(3, dtype=torch.long).random_(5)
output = loss(input, target)
output.backward()
print(loss, output, input.grad)
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5).softmax(dim=1)
output = loss(input, target)
output.backward()
print(output, input.grad)
w = torch.tensor([1., 2., 0.5, 1., 3.])
hard = torch.tensor([0, 2, 4])
for kw in [dict(label_smoothing=0.1, weight=w, ignore_index=2), dict(label_smoothing=0.2, weight=w), dict(label_smoothing=0.3, ignore_index=4, reduction='sum'),
           dict(label_smoothing=0.1, weight=w, ignore_index=2, reduction='none'), dict(label_smoothing=0.1, weight=w, reduction='none')]:
    l = nn.CrossEntropyLoss(**kw)
    input.grad = None
    o = l(input, hard); o.sum().backward(); print(l, o, o.grad_fn, input.grad)
for kw in [dict(label_smoothing=0.1, weight=w), dict(label_smoothing=0.1, reduction='none'), dict(weight=w, reduction='sum'), dict(ignore_index=1, label_smoothing=0.1)]:
    l = nn.CrossEntropyLoss(**kw)
    input.grad = None
    o = l(input, target); o.sum().backward(); print(l, o, o.grad_fn, input.grad)
print(nn.CrossEntropyLoss(ignore_index=0)(input, torch.tensor([0, 0, 0])))
print(nn.CrossEntropyLoss(ignore_index=0, reduction='sum')(input, torch.tensor([0, 0, 0])))
print(nn.CrossEntropyLoss(ignore_index=0, label_smoothing=0.1)(input, torch.tensor([0, 0, 0])))
attempt(lambda: nn.CrossEntropyLoss(label_smoothing=1.5)(input, hard))
attempt(lambda: nn.CrossEntropyLoss(label_smoothing=-0.1)(input, hard))
attempt(lambda: loss(input, target.double()))
attempt(lambda: loss(input, target[:2]))
attempt(lambda: loss(input, target[:, :4]))
attempt(lambda: loss(input, hard.int()))
attempt(lambda: loss(input, torch.tensor([0, 5, 1])))
attempt(lambda: loss(input, torch.tensor([0, -1, 1])))
attempt(lambda: nn.CrossEntropyLoss(weight=torch.ones(4))(input, hard))
attempt(lambda: nn.CrossEntropyLoss(weight=torch.ones(4))(input, target))
attempt(lambda: loss(input, hard.float()))
attempt(lambda: loss(input.double(), target))
attempt(lambda: loss(input[0], hard[0]))
attempt(lambda: loss(input[0], target[0]))


# %%
torch.manual_seed(2)
N, C = 5, 4
loss = nn.NLLLoss()
data = torch.randn(N, 16, 10, 10)
conv = nn.Conv2d(16, C, (3, 3))
m = nn.LogSoftmax(dim=1)
target = torch.empty(N, 8, 8, dtype=torch.long).random_(0, C)
output = loss(m(conv(data)), target)
output.backward()
print(loss, output, output.grad_fn, conv.bias.grad)
x = torch.randn(2, 3, 2, 2, requires_grad=True)
t = torch.tensor([[[0, 1], [2, 1]], [[2, 2], [0, 1]]])
for kw in [dict(reduction='none'), dict(reduction='sum'), dict(weight=torch.tensor([1., 2., 3.])), dict(ignore_index=1), dict(ignore_index=1, weight=torch.tensor([1., 2., 3.]), reduction='none')]:
    l = nn.NLLLoss(**kw); o = l(F.log_softmax(x, 1), t)
    g, = torch.autograd.grad(o.sum(), x); print(l, o, o.grad_fn, g[0, :, 0])
    o = nn.CrossEntropyLoss(**kw)(x, t); print(o, o.grad_fn)
attempt(lambda: loss(x, t[:, :1]))
attempt(lambda: loss(x, t[0]))
attempt(lambda: loss(x, t.float()))
attempt(lambda: loss(x, t.unsqueeze(1)))
attempt(lambda: loss(x, torch.full((2, 2, 2), 3)))
attempt(lambda: nn.CrossEntropyLoss()(x, t[:, :1]))
attempt(lambda: nn.CrossEntropyLoss()(x, torch.full((2, 2, 2), 3)))
attempt(lambda: loss(torch.randn(2, 3, 2, 2, 2), torch.zeros(2, 2, 2, 2, dtype=torch.long)))


# %%
torch.manual_seed(3)
target = torch.ones([10, 64], dtype=torch.float32)
output = torch.full([10, 64], 1.5)
pos_weight = torch.ones([64])
criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
print(criterion, criterion(output, target))
x = torch.randn(4, 3, requires_grad=True)
y = torch.randint(0, 2, (4, 3)).float()
for kw in [dict(pos_weight=torch.tensor([1., 2., 3.])), dict(pos_weight=torch.tensor(2.)), dict(pos_weight=torch.tensor([[1.], [2.], [3.], [4.]])), dict(pos_weight=torch.tensor([1., 2., 3.]), weight=torch.tensor([0.5, 1., 2.]), reduction='none'), dict(weight=torch.rand(4, 1), reduction='sum')]:
    l = nn.BCEWithLogitsLoss(**kw); o = l(x, y); g, = torch.autograd.grad(o.sum(), x)
    print(l, o, o.grad_fn, g)
attempt(lambda: nn.BCEWithLogitsLoss(pos_weight=torch.ones(4))(x, y))
attempt(lambda: nn.BCEWithLogitsLoss()(x, y.long()))
attempt(lambda: nn.BCEWithLogitsLoss()(x, y[:2]))
attempt(lambda: nn.BCEWithLogitsLoss()(x, y.view(12)))
attempt(lambda: nn.BCEWithLogitsLoss(weight=torch.ones(2))(x, y))
attempt(lambda: nn.BCELoss()(x.sigmoid(), y.long()))
attempt(lambda: nn.BCELoss()(x.sigmoid(), y[:2]))
attempt(lambda: nn.BCELoss()(x, y))
attempt(lambda: nn.BCELoss(pos_weight=torch.ones(3)))


# %%
torch.manual_seed(4)
x = torch.randn(3, 5, requires_grad=True)
y = torch.randn(3, 5)
for l in [nn.HuberLoss(), nn.HuberLoss(delta=0.5), nn.HuberLoss(delta=2.0, reduction='sum'), nn.HuberLoss(reduction='none'),
          nn.SmoothL1Loss(), nn.SmoothL1Loss(beta=0), nn.SmoothL1Loss(beta=0.0, reduction='none'), nn.SmoothL1Loss(beta=0.5, reduction='sum'),
          nn.L1Loss(), nn.L1Loss(reduction='sum'), nn.L1Loss(reduction='none'), nn.MSELoss(), nn.MSELoss(reduction='sum'), nn.MSELoss(reduction='none')]:
    o = l(x, y); g, = torch.autograd.grad(o.sum(), x)
    print(l, o, o.grad_fn, g[0])
attempt(lambda: nn.HuberLoss(delta=0)(x, y))
attempt(lambda: nn.HuberLoss(delta=-1.)(x, y))
attempt(lambda: nn.SmoothL1Loss(beta=-1.)(x, y))
attempt(lambda: nn.MSELoss()(x, y[0]))
attempt(lambda: nn.MSELoss()(x, y[:, :1]))
attempt(lambda: nn.MSELoss()(x, y[:2]))
attempt(lambda: nn.L1Loss()(x, y.long()))
attempt(lambda: nn.MSELoss()(x, y.long()))
attempt(lambda: nn.HuberLoss()(x, y.long()))
attempt(lambda: nn.SmoothL1Loss()(x, y.double()))
attempt(lambda: nn.MSELoss()(x, y.double()))
attempt(lambda: nn.L1Loss()(x.long(), y.long()))
attempt(lambda: nn.MSELoss()(x.long(), y.long()))
attempt(lambda: nn.MSELoss(reduction='avg')(x, y))
attempt(lambda: nn.MSELoss(size_average=False))
attempt(lambda: nn.L1Loss(reduce=False)(x, y))
attempt(lambda: nn.SmoothL1Loss(size_average=True, reduce=True))
attempt(lambda: nn.HuberLoss()(x, y[:1]))
attempt(lambda: nn.HuberLoss()(x, torch.randn(2, 3, 5)))
attempt(lambda: nn.L1Loss()(x, [1., 2.]))
attempt(lambda: nn.MSELoss()(x, 1.0))
attempt(lambda: F.mse_loss(x, 1.0))
attempt(lambda: F.l1_loss([1., 2.], x))
