# Imitates the "learning rate on a plateau / warm restarts / resuming a run" notebooks: ReduceLROnPlateau driven by
# a validation loss (min and max modes, rel and abs thresholds, cooldown, per-group min_lr, eps), warm restarts
# stepped with fractional epochs inside the batch loop, resuming a schedule from a checkpoint with last_epoch and
# load_state_dict, and the mistakes a learner makes on the way.
import io
import warnings

import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(0)

def fresh(lr=0.1, groups=1, **kw):
    ps = [nn.Parameter(torch.zeros(2)) for _ in range(groups)]
    return torch.optim.SGD([{"params": [p], "lr": lr * (i + 1)} for i, p in enumerate(ps)], lr=lr, **kw)

val_curve = [1.0, 0.8, 0.7, 0.69, 0.695, 0.7, 0.69, 0.68, 0.681, 0.682, 0.679, 0.683, 0.69, 0.7, 0.65, 0.66,
             0.66, 0.66, 0.66, 0.66, 0.66, 0.66, 0.66, 0.66, 0.66, 0.66, 0.66, 0.66, 0.66, 0.66]
opt = fresh(groups=2)
plateau = lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=2, threshold=0.01,
                                         threshold_mode="rel", cooldown=2, min_lr=[0.01, 0.05])
for epoch, v in enumerate(val_curve):
    opt.step()
    plateau.step(v)
    print(epoch, v, plateau.get_last_lr(), plateau.num_bad_epochs, plateau.cooldown_counter, plateau.best)

# %%
opt = fresh()
acc = lr_scheduler.ReduceLROnPlateau(opt, mode="max", factor=0.2, patience=1, threshold=0.005, threshold_mode="abs",
                                     eps=1e-3)
for epoch, a in enumerate([0.5, 0.6, 0.604, 0.606, 0.61, 0.609, 0.608, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]):
    opt.step()
    acc.step(torch.tensor(a))
    if epoch % 2:
        print(epoch, acc.get_last_lr(), acc.best, acc.last_epoch)
print(acc.state_dict())
print(acc.mode_worse, acc.is_better(0.71, 0.7), acc.in_cooldown)

# %%
for bad in (dict(factor=1.0), dict(mode="maximum"), dict(threshold_mode="relative"),
            dict(min_lr=[0.1, 0.2])):
    try:
        lr_scheduler.ReduceLROnPlateau(fresh(), **bad)
    except ValueError as e:
        print("ValueError:", e)
p = lr_scheduler.ReduceLROnPlateau(fresh())
try:
    p.step()
except TypeError as e:
    print("TypeError:", e)
opt = fresh()
p = lr_scheduler.ReduceLROnPlateau(opt, patience=0)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    opt.step()
    p.step(1.0, epoch=5)
    p.step(2.0)
print([str(w.message)[:60] for w in caught], p.last_epoch, p.get_last_lr())

# %%
# warm restarts inside the batch loop: step(epoch + i / iters)
opt = fresh(lr=0.05)
sgdr = lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=2, T_mult=2, eta_min=0.001)
iters = 4
lrs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(6):
        for i in range(iters):
            opt.step()
            sgdr.step(epoch + i / iters)
            lrs.append(round(sgdr.get_last_lr()[0], 6))
print(lrs)
print(len(caught), sgdr.T_cur, sgdr.T_i, sgdr.last_epoch)
try:
    lr_scheduler.CosineAnnealingWarmRestarts(fresh(), T_0=0)
except ValueError as e:
    print("ValueError:", e)
try:
    lr_scheduler.CosineAnnealingWarmRestarts(fresh(), T_0=2, T_mult=1.5)
except ValueError as e:
    print("ValueError:", e)
try:
    sgdr.step(-1)
except ValueError as e:
    print("ValueError:", e)

# %%
# resuming: last_epoch without initial_lr, then the right way
try:
    lr_scheduler.StepLR(fresh(), step_size=3, last_epoch=4)
except KeyError as e:
    print("KeyError:", e)
opt = fresh()
sched = lr_scheduler.CosineAnnealingLR(opt, T_max=10)
for _ in range(4):
    opt.step()
    sched.step()
buf = io.BytesIO()
torch.save({"opt": opt.state_dict(), "sched": sched.state_dict()}, buf)
buf.seek(0)
ck = torch.load(buf)
print(ck["sched"])
opt2 = fresh()
opt2.load_state_dict(ck["opt"])
sched2 = lr_scheduler.CosineAnnealingLR(opt2, T_max=10, last_epoch=3)
print(sched2.get_last_lr(), opt2.param_groups[0]["lr"], sched2.last_epoch)
sched3 = lr_scheduler.CosineAnnealingLR(opt2, T_max=10)
sched3.load_state_dict(ck["sched"])
for _ in range(6):
    opt.step(); sched.step()
    opt2.step(); sched3.step()
print(sched.get_last_lr(), sched3.get_last_lr(), opt2.param_groups[0]["lr"])

# %%
# a schedule's lr is a plain float until you print the optimizer
opt = fresh(lr=0.3, momentum=0.9)
lin = lr_scheduler.LinearLR(opt, start_factor=0.5, end_factor=0.1, total_iters=7)
out = []
for _ in range(9):
    opt.step()
    lin.step()
    out.append(opt.param_groups[0]["lr"])
print(out)
print(opt)
print(lin.get_lr())

# %%
# a tensor lr (as some fine-tuning scripts pass it): the plateau scheduler fills it in place
lr = torch.tensor(0.1)
opt = torch.optim.SGD([nn.Parameter(torch.zeros(2))], lr=lr)
plateau = lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=1)
for v in (1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5):
    opt.step()
    plateau.step(v)
    print(plateau.get_last_lr(), opt.param_groups[0]["lr"])
print(lr, opt.param_groups[0]["lr"] is lr, plateau.state_dict()["_last_lr"])

# %%
# resuming a warm-up written as a LambdaLR: the lambdas stay, the epoch count comes back
warmup = lambda epoch: min(1.0, (epoch + 1) / 5)
opt = fresh(lr=0.2)
sched = lr_scheduler.LambdaLR(opt, lr_lambda=warmup)
for _ in range(3):
    opt.step()
    sched.step()
saved = {"opt": opt.state_dict(), "sched": sched.state_dict()}
print(saved["sched"])
opt2 = fresh(lr=0.2)
sched2 = lr_scheduler.LambdaLR(opt2, lr_lambda=warmup)
opt2.load_state_dict(saved["opt"])
sched2.load_state_dict(saved["sched"])
for _ in range(4):
    opt2.step()
    sched2.step()
    print(sched2.last_epoch, sched2.get_last_lr())
print(sorted(saved["sched"]))
mult = lr_scheduler.MultiplicativeLR(fresh(), lr_lambda=lambda e: 0.5)
mult.load_state_dict(mult.state_dict())
mult.optimizer.step()
mult.step()
print(mult.get_last_lr())
