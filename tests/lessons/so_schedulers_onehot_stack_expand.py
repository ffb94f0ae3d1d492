# Imitates the Stack Overflow / PyTorch-forums threads on learning-rate schedulers ("How to use StepLR / OneCycleLR",
# "Detected call of lr_scheduler.step() before optimizer.step()", get_last_lr()), "PyTorch one-hot encoding"
# (F.one_hot, scatter_), "How to compute accuracy" (argmax), "Convert a list of tensors to a tensor" (torch.stack vs
# torch.tensor(list) error) and "expand vs repeat" (memory and strides).
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import lr_scheduler

def make_opt(lr=0.1):
    return torch.optim.SGD([nn.Parameter(torch.zeros(2))], lr=lr, momentum=0.9)

opt = make_opt()
sched = lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
for epoch in range(5):
    opt.step()
    sched.step()
    print(epoch, sched.get_last_lr(), opt.param_groups[0]["lr"], sched.last_epoch)
opt = make_opt()
ms = lr_scheduler.MultiStepLR(opt, milestones=[1, 3], gamma=0.1)
ex = lr_scheduler.ExponentialLR(make_opt(1.0), gamma=0.9)
for _ in range(4):
    opt.step(); ms.step(); ex.optimizer.step(); ex.step()
    print(ms.get_last_lr(), ex.get_last_lr())
print(ms.milestones, type(ms.milestones).__name__)

# %%
opt = make_opt()
cos = lr_scheduler.CosineAnnealingLR(opt, T_max=4, eta_min=0.01)
lrs = []
for _ in range(6):
    opt.step(); cos.step(); lrs.append(round(cos.get_last_lr()[0], 6))
print(lrs)
opt = make_opt()
lam = lr_scheduler.LambdaLR(opt, lr_lambda=lambda epoch: 0.95 ** epoch)
for _ in range(3):
    opt.step(); lam.step()
print(lam.get_last_lr(), lam.base_lrs)
opt = make_opt()
one = lr_scheduler.OneCycleLR(opt, max_lr=1.0, total_steps=6)
print(opt.param_groups[0]["lr"], opt.param_groups[0]["momentum"], opt.param_groups[0]["initial_lr"])
out = []
for _ in range(6):
    opt.step(); one.step() if len(out) < 5 else None
    out.append([round(v, 6) for v in one.get_last_lr()] + [round(opt.param_groups[0]["momentum"], 4)])
print(out)
try:
    opt.step(); one.step(); opt.step(); one.step()
except Exception as e:
    print(type(e).__name__, e)
opt = make_opt()
one = lr_scheduler.OneCycleLR(opt, max_lr=0.5, steps_per_epoch=2, epochs=2, anneal_strategy="linear", pct_start=0.25)
print(one.total_steps, [round(one.get_last_lr()[0], 6)])

# %%
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    opt = make_opt()
    s = lr_scheduler.StepLR(opt, step_size=1, gamma=0.1)
    s.step()
    opt.step()
    print(opt.param_groups[0]["lr"])
    for x in w:
        print(x.category.__name__, x.message)
for make in [lambda: lr_scheduler.StepLR(opt),
             lambda: lr_scheduler.OneCycleLR(opt, max_lr=0.1),
             lambda: lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=0),
             lambda: lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=10, anneal_strategy="exp"),
             lambda: lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=10, pct_start=1.5),
             lambda: lr_scheduler.LambdaLR(opt, lr_lambda=[lambda e: 1, lambda e: 2]),
             lambda: lr_scheduler.MultiStepLR(opt, milestones=[3, 1]).milestones,
             lambda: lr_scheduler.StepLR(torch.zeros(1), 1),
             lambda: lr_scheduler.CosineAnnealingLR(opt, T_max=0).get_last_lr()]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
labels = torch.tensor([0, 2, 1, 2])
print(F.one_hot(labels), F.one_hot(labels).dtype)
print(F.one_hot(labels, num_classes=4).float())
print(F.one_hot(torch.tensor([[0, 1], [1, 0]]), 2).shape)
onehot = torch.zeros(4, 3)
onehot.scatter_(1, labels.unsqueeze(1), 1)
print(onehot)
print(torch.zeros(4, 3).scatter_(1, labels.view(-1, 1), 1.0))
print(torch.eye(3)[labels])
for make in [lambda: F.one_hot(torch.tensor([0., 1.])),
             lambda: F.one_hot(torch.tensor([0, 3]), num_classes=3),
             lambda: F.one_hot(torch.tensor([-1, 0])),
             lambda: F.one_hot(torch.tensor([], dtype=torch.long)),
             lambda: F.one_hot(torch.tensor([], dtype=torch.long), 3),
             lambda: torch.zeros(4, 3).scatter_(1, labels, 1),
             lambda: torch.zeros(4, 3).scatter_(1, labels.unsqueeze(1).float(), 1),
             lambda: torch.zeros(4, 3).scatter_(1, torch.tensor([[5]]), 1)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
logits = torch.randn(6, 3)
target = torch.tensor([0, 1, 2, 2, 1, 0])
pred = logits.argmax(dim=1)
print(pred, (pred == target).sum(), (pred == target).sum().item() / len(target))
print((pred == target).float().mean(), torch.sum(pred == target).dtype)
correct = 0
correct += (pred == target).sum().item()
print(correct, 100 * correct / target.size(0))
_, predicted = torch.max(logits.data, 1)
print(predicted, torch.max(logits, 1))
try:
    print((pred == target).mean())
except Exception as e:
    print(type(e).__name__, e)
print(logits.argmax(1, keepdim=True).eq(target.view_as(pred).unsqueeze(1)).sum().item())

# %%
a, b = torch.tensor([1., 2.]), torch.tensor([3., 4.])
print(torch.stack([a, b]), torch.stack([a, b], dim=1), torch.cat([a, b]))
for make in [lambda: torch.tensor([a, b]),
             lambda: torch.tensor([torch.tensor(1.), torch.tensor(2.)]),
             lambda: torch.Tensor([a, b]),
             lambda: torch.stack([a, torch.tensor([1., 2., 3.])]),
             lambda: torch.stack(a),
             lambda: torch.stack([]),
             lambda: torch.cat([a, torch.tensor(5.)]),
             lambda: torch.tensor([a.numpy(), b.numpy()]),
             lambda: torch.as_tensor([a, b]),
             lambda: torch.FloatTensor([a, b])]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(torch.tensor(a), torch.tensor([torch.tensor(1.), 2.0]))
    print([f"{x.category.__name__}: {x.message}" for x in w])

# %%
v = torch.tensor([[1.], [2.]])
e = v.expand(2, 3)
r = v.repeat(1, 3)
print(e, e.stride(), e.data_ptr() == v.data_ptr(), e.is_contiguous())
print(r, r.stride(), r.data_ptr() == v.data_ptr())
print(v.expand(-1, 4).shape, v.expand(3, 2, 2).shape, v.repeat(2, 1, 2).shape)
e2 = e.clone()
e2[0, 0] = 9
print(e2, v)
try:
    e[0, 0] = 7
    print(v)
    e[0] = 8
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    e.add_(1)
except Exception as ex:
    print(type(ex).__name__, ex)
for make in [lambda: v.expand(3, 3), lambda: v.expand(2), lambda: v.repeat(2), lambda: v.expand_as(torch.zeros(4, 1, 3))]:
    try:
        print(make().shape)
    except Exception as ex:
        print(type(ex).__name__, ex)
w = torch.tensor([[1.], [2.]], requires_grad=True)
(w.expand(2, 3) * torch.arange(3.)).sum().backward()
print(w.grad)
w.grad = None
(w.repeat(1, 3) * torch.arange(3.)).sum().backward()
print(w.grad, w.repeat(1, 3).grad_fn, w.expand(2, 3).grad_fn)
