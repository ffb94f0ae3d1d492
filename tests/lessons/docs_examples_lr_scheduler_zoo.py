# Imitates the Examples blocks of the PyTorch documentation pages for torch.optim.lr_scheduler (StepLR, MultiStepLR,
# ConstantLR, LinearLR, ExponentialLR, PolynomialLR, CosineAnnealingLR, CosineAnnealingWarmRestarts stepped with
# fractional epochs, LambdaLR, MultiplicativeLR, SequentialLR, ChainedScheduler) as a learner copies them: the
# `for epoch in range(...): train(...); validate(...); scheduler.step()` loop with get_last_lr() printed every epoch,
# the whole state_dict() printed, and the deprecation warnings for stepping with an epoch argument.
import math
import warnings

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import (StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR,
                                      CosineAnnealingLR, CosineAnnealingWarmRestarts, LambdaLR, MultiplicativeLR,
                                      SequentialLR, ChainedScheduler)

torch.manual_seed(0)
model = nn.Linear(2, 1)

def train(optimizer):
    optimizer.zero_grad()
    model(torch.ones(1, 2)).sum().backward()
    optimizer.step()

def show(scheduler, epochs=8):
    for epoch in range(epochs):
        train(scheduler.optimizer)
        scheduler.step()
        print(epoch, scheduler.get_last_lr(), scheduler.last_epoch)

# %%
# Assuming optimizer uses lr = 0.05 for all groups
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
scheduler = StepLR(optimizer, step_size=3, gamma=0.1)
show(scheduler)
print(scheduler.state_dict())
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = MultiStepLR(optimizer, milestones=[3, 5], gamma=0.1)
show(scheduler)
print(scheduler.state_dict())

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = ConstantLR(optimizer, factor=0.5, total_iters=4)
show(scheduler, 6)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = LinearLR(optimizer, start_factor=0.5, total_iters=4)
show(scheduler, 6)
print(scheduler.state_dict())
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = ExponentialLR(optimizer, gamma=0.9)
show(scheduler, 4)
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
scheduler = PolynomialLR(optimizer, total_iters=4, power=1.0)
show(scheduler, 6)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = PolynomialLR(optimizer, total_iters=5, power=2.0)
show(scheduler, 6)

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = CosineAnnealingLR(optimizer, T_max=5, eta_min=0.001)
show(scheduler, 12)
print(scheduler.state_dict())

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=3, T_mult=2, eta_min=0.001)
iters = 4
for epoch in range(4):
    for i in range(iters):
        train(optimizer)
        scheduler.step(epoch + i / iters)
    print(epoch, [round(v, 8) for v in scheduler.get_last_lr()], scheduler.T_cur, scheduler.T_i)
print(scheduler.state_dict())
scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=2)
show(scheduler, 5)
for bad in [lambda: CosineAnnealingWarmRestarts(optimizer, T_0=0),
            lambda: CosineAnnealingWarmRestarts(optimizer, T_0=2, T_mult=0),
            lambda: CosineAnnealingWarmRestarts(optimizer, T_0=2.0),
            lambda: CosineAnnealingWarmRestarts(optimizer, T_0=2, eta_min="0"),
            lambda: scheduler.step(-1)]:
    try:
        bad()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)

# %%
optimizer = torch.optim.SGD([{"params": [model.weight]}, {"params": [model.bias]}], lr=0.05)
lambda1 = lambda epoch: epoch // 3
lambda2 = lambda epoch: 0.95 ** epoch
scheduler = LambdaLR(optimizer, lr_lambda=[lambda1, lambda2])
show(scheduler, 6)
print(scheduler.state_dict())
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
lmbda = lambda epoch: 0.95
scheduler = MultiplicativeLR(optimizer, lr_lambda=lmbda)
show(scheduler, 4)
print(scheduler.state_dict())

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
scheduler1 = ConstantLR(optimizer, factor=0.1, total_iters=2)
scheduler2 = ExponentialLR(optimizer, gamma=0.9)
scheduler = SequentialLR(optimizer, schedulers=[scheduler1, scheduler2], milestones=[2])
show(scheduler, 6)
sd = scheduler.state_dict()
print(sorted(sd.keys()))
print(sd["_schedulers"])
print(sd["_milestones"], sd["last_epoch"])

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
scheduler1 = ConstantLR(optimizer, factor=0.1, total_iters=2)
scheduler2 = ExponentialLR(optimizer, gamma=0.9)
scheduler = ChainedScheduler([scheduler1, scheduler2], optimizer=optimizer)
for epoch in range(5):
    train(optimizer)
    scheduler.step()
    print(epoch, scheduler.get_last_lr())
print(scheduler.state_dict())

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = StepLR(optimizer, step_size=2, gamma=0.5)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for epoch in range(4):
        train(optimizer)
        scheduler.step(epoch)
        print(epoch, scheduler.get_last_lr())
    print(scheduler.get_lr())
for m in w:
    print(m.category.__name__, str(m.message)[:120])
