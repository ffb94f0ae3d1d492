# Imitates a training-loop lesson on checkpointing schedulers and optimizers: printed state_dict()s of schedulers
# and optimizers, load_state_dict round trips, last_epoch resumption, SequentialLR / ChainedScheduler, and the
# warnings and errors PyTorch gives when schedulers are misused.
import warnings
import torch
from torch import nn
from torch.optim import lr_scheduler

torch.set_printoptions(precision=8)


def tiny(lr=0.1, **kw):
    torch.manual_seed(1)
    model = nn.Linear(2, 1)
    return model, torch.optim.SGD(model.parameters(), lr=lr, **kw)


def train_step(model, opt):
    opt.zero_grad()
    loss = (model(torch.ones(3, 2)) ** 2).mean()
    loss.backward()
    opt.step()
    return loss.item()

# %%
model, opt = tiny(momentum=0.9, weight_decay=1e-4)
sched = lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
for _ in range(3):
    train_step(model, opt)
    sched.step()
print(sched.state_dict())
print(opt.state_dict())

# %%
sd_opt, sd_sched = opt.state_dict(), sched.state_dict()
model2, opt2 = tiny(momentum=0.9, weight_decay=1e-4)
opt2.load_state_dict(sd_opt)
sched2 = lr_scheduler.StepLR(opt2, step_size=2, gamma=0.5)
sched2.load_state_dict(sd_sched)
print(sched2.last_epoch, sched2.get_last_lr(), opt2.param_groups[0]["lr"])
for _ in range(3):
    train_step(model2, opt2)
    sched2.step()
    print(sched2.last_epoch, sched2.get_last_lr())
print(opt2.state_dict()["state"][0]["momentum_buffer"])

# %%
model3, opt3 = tiny()
try:
    lr_scheduler.CosineAnnealingLR(opt3, T_max=10, last_epoch=4)
except Exception as e:
    print(type(e).__name__, e)
for g in opt3.param_groups:
    g["initial_lr"] = 0.1
s3 = lr_scheduler.CosineAnnealingLR(opt3, T_max=10, last_epoch=4)
print(s3.last_epoch, s3.get_last_lr(), s3._step_count)
for _ in range(3):
    train_step(model3, opt3)
    s3.step()
    print(s3.last_epoch, s3.get_last_lr())

# %%
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    m, o = tiny()
    s = lr_scheduler.ExponentialLR(o, gamma=0.9)
    s.step()
    train_step(m, o)
    s.step()
    print(s.get_lr())
    s.step(5)
    print(s.get_last_lr())
for x in w:
    print(x.category.__name__, x.message)

# %%
m, o = tiny()
s = lr_scheduler.OneCycleLR(o, max_lr=1.0, total_steps=4)
for i in range(6):
    try:
        train_step(m, o)
        s.step()
        print(i, s.get_last_lr())
    except Exception as e:
        print(i, type(e).__name__, e)

# %%
m, o = tiny()
for bad in ([3, 1], [2, 2]):
    try:
        print(lr_scheduler.MultiStepLR(o, milestones=bad).milestones)
    except Exception as e:
        print(type(e).__name__, e)
for kw in ({}, {"epochs": 2}, {"total_steps": 0}, {"total_steps": 5, "pct_start": 1.5},
           {"total_steps": 5, "anneal_strategy": "quad"}):
    try:
        lr_scheduler.OneCycleLR(o, max_lr=0.1, **kw)
    except Exception as e:
        print(type(e).__name__, e)

# %%
m, o = tiny()
warm = lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=3)
decay = lr_scheduler.CosineAnnealingLR(o, T_max=4)
seq = lr_scheduler.SequentialLR(o, schedulers=[warm, decay], milestones=[3])
for i in range(8):
    train_step(m, o)
    seq.step()
    print(i, seq.last_epoch, seq.get_last_lr(), o.param_groups[0]["lr"])
print(seq.state_dict())

# %%
m, o = tiny()
chain = lr_scheduler.ChainedScheduler([lr_scheduler.ConstantLR(o, factor=0.1, total_iters=2),
                                       lr_scheduler.ExponentialLR(o, gamma=0.9)])
for i in range(5):
    train_step(m, o)
    chain.step()
    print(i, chain.get_last_lr(), o.param_groups[0]["lr"])
print(chain.state_dict())

# %%
m, o = tiny()
for mode, tm in (("min", "rel"), ("max", "abs")):
    m, o = tiny()
    p = lr_scheduler.ReduceLROnPlateau(o, mode=mode, factor=0.5, patience=1, threshold=0.1, threshold_mode=tm,
                                       cooldown=1, min_lr=0.02)
    for metric in [1.0, 0.95, 0.97, 0.96, 0.5, 0.55, 0.56, 0.57, 0.58, 0.6]:
        train_step(m, o)
        p.step(metric)
        print(mode, metric, p.get_last_lr(), p.best, p.num_bad_epochs, p.cooldown_counter, p.in_cooldown)
print(p.state_dict())
