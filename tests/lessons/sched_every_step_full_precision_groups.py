# Imitates a course notebook that tabulates every learning-rate scheduler step by step: a tiny model, real
# optimizer.step() calls, get_last_lr() and param_groups[...]['lr'] / momentum printed to full precision, two
# param groups with different lrs.
import torch
from torch import nn
from torch.optim import lr_scheduler

torch.manual_seed(0)
torch.set_printoptions(precision=8)


def make(opt_cls=torch.optim.SGD, **kw):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
    groups = [{"params": model[0].parameters()}, {"params": model[2].parameters(), "lr": 0.05}]
    return model, opt_cls(groups, **kw)


X = torch.randn(8, 3)
y = torch.randn(8, 1)


def run(sched_fn, steps=8, opt_cls=torch.optim.SGD, show_mom=False, **kw):
    model, opt = make(opt_cls, **kw)
    sched = sched_fn(opt)
    print(type(sched).__name__, [repr(v) for v in sched.get_last_lr()])
    for i in range(steps):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        opt.step()
        sched.step()
        g0, g1 = opt.param_groups
        line = f"{i} {loss.item():.8f} {sched.get_last_lr()!r} {g0['lr']!r} {g1['lr']!r}"
        if show_mom:
            key = "betas" if "betas" in g0 else "momentum"
            line += f" {g0[key]!r} {g1[key]!r}"
        print(line)
    print(model[2].weight.data)
    return sched, opt

# %%
run(lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.3), lr=0.1)
run(lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5], gamma=0.7), lr=0.1)

# %%
run(lambda o: lr_scheduler.ExponentialLR(o, gamma=0.93), lr=0.1, momentum=0.9)
run(lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=3, eta_min=0.001), steps=10, lr=0.1)

# %%
run(lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=2, eta_min=1e-4), steps=10, lr=0.1)

# %%
s, o = run(lambda o: lr_scheduler.OneCycleLR(o, max_lr=[0.3, 0.2], total_steps=9), steps=9, lr=0.1,
           momentum=0.9, show_mom=True)
print(o.param_groups[0]["initial_lr"], o.param_groups[0]["max_lr"], o.param_groups[0]["min_lr"])
print(o.param_groups[1]["max_momentum"], o.param_groups[1]["base_momentum"])

# %%
run(lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.3, epochs=2, steps_per_epoch=5, anneal_strategy="linear",
                                      three_phase=True, div_factor=10, final_div_factor=100),
    steps=10, opt_cls=torch.optim.Adam, lr=0.1, show_mom=True)

# %%
run(lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.01, total_steps=6, pct_start=0.5, cycle_momentum=True,
                                      base_momentum=0.8, max_momentum=0.95),
    steps=6, opt_cls=torch.optim.AdamW, lr=0.1, show_mom=True)

# %%
run(lambda o: lr_scheduler.CyclicLR(o, base_lr=[0.01, 0.02], max_lr=0.1, step_size_up=2, step_size_down=3,
                                    mode="triangular2"), steps=12, lr=0.1, momentum=0.9, show_mom=True)

# %%
run(lambda o: lr_scheduler.CyclicLR(o, base_lr=0.001, max_lr=0.01, step_size_up=3, mode="exp_range",
                                    gamma=0.9, cycle_momentum=False), steps=8, opt_cls=torch.optim.Adam, lr=0.1)

# %%
run(lambda o: lr_scheduler.LambdaLR(o, lr_lambda=[lambda e: 0.95 ** e, lambda e: 1 / (e + 1)]), lr=0.1)
run(lambda o: lr_scheduler.MultiplicativeLR(o, lr_lambda=lambda e: 0.9), lr=0.1)

# %%
run(lambda o: lr_scheduler.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=4), lr=0.1)
run(lambda o: lr_scheduler.ConstantLR(o, factor=0.5, total_iters=3), lr=0.1)
run(lambda o: lr_scheduler.PolynomialLR(o, total_iters=5, power=2.0), lr=0.1)
