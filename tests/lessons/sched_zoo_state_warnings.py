# Imitates the "learning-rate schedulers in depth" notebooks (a scheduler zoo printed epoch by epoch over a few
# dozen steps, LambdaLR / MultiplicativeLR with one lambda per group, SequentialLR and ChainedScheduler,
# OneCycleLR's momentum and beta cycling, CyclicLR's three modes, the scheduler's state_dict printed and reloaded,
# and the usual mistakes: stepping the scheduler first, a wrong number of lambdas, bad arguments).
import copy
import math
import warnings

import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(0)
model = nn.Linear(3, 1)

def make_opt(lr=0.1, cls=torch.optim.SGD, **kw):
    return cls([{"params": [model.weight]}, {"params": [model.bias], "lr": lr * 10}], lr=lr, **kw)

def trace(sched, steps=24, every=1, metric=None):
    rows = []
    for t in range(steps):
        sched.optimizer.step()
        if metric is None:
            sched.step()
        else:
            sched.step(metric(t))
        if t % every == 0:
            rows.append([round(lr, 6) for lr in sched.get_last_lr()])
    return rows

opt = make_opt()
print(trace(lr_scheduler.LambdaLR(opt, lr_lambda=[lambda e: 0.95 ** e, lambda e: 1 / (1 + e)]), every=4))
opt = make_opt()
print(trace(lr_scheduler.MultiplicativeLR(opt, lr_lambda=lambda e: 0.9 if e < 10 else 1.0), every=3))

# %%
opt = make_opt()
sched = lr_scheduler.LinearLR(opt, start_factor=0.25, end_factor=1.0, total_iters=8)
print(trace(sched, steps=12))
opt = make_opt()
print(trace(lr_scheduler.ConstantLR(opt, factor=1 / 3, total_iters=4), steps=8))
opt = make_opt()
print(trace(lr_scheduler.PolynomialLR(opt, total_iters=10, power=0.5), steps=14, every=2))

# %%
opt = make_opt(momentum=0.9)
warm = lr_scheduler.LinearLR(opt, start_factor=0.1, total_iters=4)
cos = lr_scheduler.CosineAnnealingLR(opt, T_max=16, eta_min=1e-4)
seq = lr_scheduler.SequentialLR(opt, schedulers=[warm, cos], milestones=[4])
for row in trace(seq, steps=20, every=2):
    print(row)
print(seq.last_epoch, seq._last_lr, [s.last_epoch for s in seq._schedulers])

# %%
opt = make_opt(momentum=0.9)
chain = lr_scheduler.ChainedScheduler([lr_scheduler.ExponentialLR(opt, gamma=0.95),
                                       lr_scheduler.MultiStepLR(opt, milestones=[5, 10], gamma=0.5)])
print(trace(chain, steps=14, every=2))
sd = chain.state_dict()
print(sorted(sd), [sorted(s) for s in sd["_schedulers"]])

# %%
opt = make_opt(momentum=0.9)
one = lr_scheduler.OneCycleLR(opt, max_lr=[0.5, 1.0], total_steps=30, pct_start=0.3, div_factor=10,
                              final_div_factor=100)
moms = []
for t in range(30):
    opt.step()
    if t % 5 == 0:
        moms.append((round(opt.param_groups[0]["lr"], 6), round(opt.param_groups[0]["momentum"], 6),
                     round(opt.param_groups[1]["lr"], 6)))
    one.step()
print(moms)
print({k: opt.param_groups[0][k] for k in ("initial_lr", "max_lr", "min_lr", "max_momentum", "base_momentum")})

# %%
opt = make_opt(cls=torch.optim.Adam, betas=(0.9, 0.999))
one = lr_scheduler.OneCycleLR(opt, max_lr=0.01, epochs=3, steps_per_epoch=8, anneal_strategy="linear")
betas = []
for t in range(24):
    opt.step()
    one.step()
    if t % 4 == 0:
        betas.append((round(opt.param_groups[0]["lr"], 7), tuple(round(b, 5) for b in opt.param_groups[0]["betas"])))
print(betas)
try:
    lr_scheduler.OneCycleLR(torch.optim.Adagrad([torch.zeros(1, requires_grad=True)]), max_lr=0.1, total_steps=5)
except ValueError as e:
    print("ValueError:", e)

# %%
for mode in ("triangular", "triangular2", "exp_range"):
    opt = make_opt(momentum=0.9)
    cyc = lr_scheduler.CyclicLR(opt, base_lr=0.001, max_lr=0.01, step_size_up=4, step_size_down=2, mode=mode,
                                gamma=0.9)
    rows = trace(cyc, steps=24, every=3)
    print(mode, [r[0] for r in rows], round(opt.param_groups[0]["momentum"], 4))
opt = make_opt(momentum=0.9)
cyc = lr_scheduler.CyclicLR(opt, 0.001, 0.01, step_size_up=3, scale_fn=lambda x: 1 / (2.0 ** (x - 1)),
                            scale_mode="cycle", cycle_momentum=False)
print([r[0] for r in trace(cyc, steps=18, every=2)])
print(sorted(k for k in cyc.state_dict()))

# %%
try:
    lr_scheduler.CyclicLR(make_opt(cls=torch.optim.Adam), 0.001, 0.01)
except ValueError as e:
    print("ValueError:", e)
try:
    lr_scheduler.CyclicLR(make_opt(), 0.001, 0.01, mode="sine")
except ValueError as e:
    print("ValueError:", e)
try:
    lr_scheduler.LambdaLR(make_opt(), lr_lambda=[lambda e: 1.0])
except ValueError as e:
    print("ValueError:", e)
try:
    lr_scheduler.LinearLR(make_opt(), start_factor=1.5)
except ValueError as e:
    print("ValueError:", e)
try:
    lr_scheduler.SequentialLR(make_opt(), schedulers=[lr_scheduler.ConstantLR(make_opt())], milestones=[3])
except ValueError as e:
    print("ValueError:", e)

# %%
# a scheduler stepped before its optimizer: PyTorch warns
opt = make_opt()
sched = lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(4):
        sched.step()
        opt.step()
for w in caught:
    print(w.category.__name__, str(w.message)[:120])
print(sched.get_last_lr(), sched.get_lr())

# %%
opt = make_opt()
sched = lr_scheduler.ExponentialLR(opt, gamma=0.5)
opt.step()
sched.step(3)
print(sched.get_last_lr(), sched.last_epoch)

# %%
# state_dict printed, saved with the model and reloaded into a fresh scheduler
opt = make_opt(momentum=0.9)
sched = lr_scheduler.MultiStepLR(opt, milestones=[3, 6, 6], gamma=0.5)
trace(sched, steps=7)
sd = sched.state_dict()
print(sd)
opt2 = make_opt(momentum=0.9)
sched2 = lr_scheduler.MultiStepLR(opt2, milestones=[100])
sched2.load_state_dict(copy.deepcopy(sd))
print(sched2.milestones, sched2.get_last_lr(), opt2.param_groups[0]["lr"])
sched2.step()
print(sched2.get_last_lr(), opt2.param_groups[0]["lr"])
lam = lr_scheduler.LambdaLR(make_opt(), lambda e: 0.5 ** e)
print(lam.state_dict())

# %%
# the optimizer's step replaced after the scheduler was made (a logging wrapper): PyTorch warns differently
opt = make_opt()
sched = lr_scheduler.ExponentialLR(opt, gamma=0.5)
plain_step = opt.step
def logged_step(closure=None):
    print("step with lr", [g["lr"] for g in opt.param_groups])
    return plain_step(closure)
opt.step = logged_step
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for _ in range(2):
        opt.step()
        sched.step()
print([str(w.message)[:70] for w in caught], sched.get_last_lr(), plain_step.__name__)

# %%
# an lr given as a tensor stays a tensor: the schedulers fill it in place
lr = torch.tensor(0.05)
opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
one = lr_scheduler.OneCycleLR(opt, max_lr=0.5, total_steps=12)
for t in range(12):
    opt.step()
    one.step()
    if t % 3 == 0:
        print(t, one.get_last_lr(), opt.param_groups[0]["momentum"])
print(opt.param_groups[0]["lr"] is lr, lr, opt.param_groups[0]["initial_lr"])
print(type(one))

# %%
# the one-cycle schedule's state, printed before saving it
print(one.state_dict())
opt = make_opt(momentum=0.9)
three = lr_scheduler.OneCycleLR(opt, max_lr=0.3, total_steps=10, three_phase=True, anneal_strategy="linear")
three.load_state_dict(one.state_dict())
print(three.total_steps, three._schedule_phases[-1], three.get_last_lr())
