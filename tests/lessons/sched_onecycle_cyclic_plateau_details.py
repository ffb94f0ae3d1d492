# Imitates a forum-style notebook that digs into OneCycleLR / CyclicLR / CosineAnnealingWarmRestarts /
# ReduceLROnPlateau internals: fractional epochs for SGDR inside an epoch loop, printed scheduler state_dicts,
# get_lr() outside step(), Adam with a tensor lr, schedulers' reprs and the errors of bad arguments.
import warnings
import torch
from torch import nn
from torch.optim import lr_scheduler

torch.set_printoptions(precision=8)


def tiny(cls=torch.optim.SGD, **kw):
    torch.manual_seed(2)
    model = nn.Linear(2, 2)
    return model, cls(model.parameters(), **kw)


def train_step(model, opt):
    opt.zero_grad()
    model(torch.arange(4.).reshape(2, 2)).pow(2).sum().backward()
    opt.step()

# %%
m, o = tiny(lr=0.1, momentum=0.9)
s = lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2, eta_min=0.001)
iters = 4
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for epoch in range(5):
        for i in range(iters):
            train_step(m, o)
            s.step(epoch + i / iters)
        print(epoch, s.last_epoch, s.T_cur, s.T_i, s.get_last_lr())
print([str(x.message)[:60] for x in w])
print(s.state_dict())

# %%
for kw in ({"T_0": 0}, {"T_0": 2.0}, {"T_0": 2, "T_mult": 0}, {"T_0": 2, "eta_min": "x"}):
    try:
        lr_scheduler.CosineAnnealingWarmRestarts(o, **kw)
    except Exception as e:
        print(type(e).__name__, e)
try:
    s.step(-1)
except Exception as e:
    print(type(e).__name__, e)

# %%
m, o = tiny(lr=0.1, momentum=0.9)
s = lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=5)
sd = s.state_dict()
print(sorted(sd))
print(sd["_schedule_phases"])
print(sd["total_steps"], sd["_anneal_func_type"] if "_anneal_func_type" in sd else None, sd["cycle_momentum"],
      sd["use_beta1"])
print(o.param_groups[0])

# %%
m, o = tiny(cls=torch.optim.Adam, lr=0.01)
s = lr_scheduler.CyclicLR(o, base_lr=0.001, max_lr=0.01, step_size_up=2)
print(o.param_groups[0]["betas"], o.param_groups[0]["lr"])
for i in range(5):
    train_step(m, o)
    s.step()
    print(i, s.get_last_lr(), o.param_groups[0]["betas"])
sd = s.state_dict()
print({k: v for k, v in sd.items() if k not in ("base_lrs",)})

# %%
m, o = tiny(cls=torch.optim.RMSprop, lr=0.01)
try:
    lr_scheduler.CyclicLR(o, base_lr=0.001, max_lr=0.01)
except Exception as e:
    print(type(e).__name__, e)
m, o = tiny(cls=torch.optim.Adagrad, lr=0.01)
for cls in (lr_scheduler.OneCycleLR, lr_scheduler.CyclicLR):
    try:
        cls(o, 0.01, 0.1) if cls is lr_scheduler.CyclicLR else cls(o, 0.1, total_steps=3)
    except Exception as e:
        print(type(e).__name__, e)
try:
    lr_scheduler.CyclicLR(o, 0.01, 0.1, mode="cosine", cycle_momentum=False)
except Exception as e:
    print(type(e).__name__, e)
try:
    lr_scheduler.CyclicLR(o, [0.01, 0.02], 0.1, cycle_momentum=False)
except Exception as e:
    print(type(e).__name__, e)

# %%
m, o = tiny(lr=0.1)
s = lr_scheduler.StepLR(o, step_size=2)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for i in range(4):
        train_step(m, o)
        s.step()
        print(i, s.get_lr(), s.get_last_lr())
print([(x.category.__name__, str(x.message)) for x in w][:2], len(w))

# %%
m, o = tiny(lr=0.1)
p = lr_scheduler.ReduceLROnPlateau(o, patience=0, factor=0.5, min_lr=[0.03])
print(p.get_last_lr(), p.last_epoch, p.best, p.mode_worse)
for metric in (torch.tensor(1.0), torch.tensor(2.0), 3.0, 4, torch.tensor([5.0])):
    p.step(metric)
    print(p.get_last_lr(), p.num_bad_epochs, p.last_epoch, type(p.best).__name__)
print(p.state_dict())

# %%
for kw in ({"factor": 1.0}, {"mode": "avg"}, {"threshold_mode": "pct"}, {"min_lr": [0.1, 0.2]}):
    try:
        lr_scheduler.ReduceLROnPlateau(o, **kw)
    except Exception as e:
        print(type(e).__name__, e)
try:
    lr_scheduler.StepLR("not an optimizer", 2)
except Exception as e:
    print(type(e).__name__, e)

# %%
m, o = tiny(cls=torch.optim.Adam, lr=torch.tensor(0.01))
s = lr_scheduler.ExponentialLR(o, gamma=0.5)
for i in range(3):
    train_step(m, o)
    s.step()
    print(s.get_last_lr(), o.param_groups[0]["lr"], o.param_groups[0]["initial_lr"])
print(o.state_dict()["state"][0])
