# Imitates the torch.optim documentation's "Weight Averaging (SWA and EMA)" section and the Examples of
# torch.optim.swa_utils (AveragedModel with the default running mean, with get_ema_multi_avg_fn and multi_avg_fn,
# with a custom avg_fn and use_buffers=True, SWALR's anneal strategies, update_bn over a loader) as a learner copies
# them onto a small seeded model with BatchNorm: the averaged model printed, its state_dict keys, n_averaged, the
# averaged weights and the BatchNorm running statistics after update_bn.
import torch
import torch.nn as nn
from torch.optim.swa_utils import AveragedModel, SWALR, update_bn, get_ema_multi_avg_fn, get_swa_multi_avg_fn
from torch.optim.swa_utils import get_ema_avg_fn, get_swa_avg_fn
from torch.optim.lr_scheduler import CosineAnnealingLR

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 1))
data = [(torch.randn(6, 3), torch.randn(6, 1)) for _ in range(3)]
loss_fn = nn.MSELoss()

def train_epoch(optimizer):
    for input, target in data:
        optimizer.zero_grad()
        loss_fn(model(input), target).backward()
        optimizer.step()

# %%
swa_model = AveragedModel(model)
print(swa_model)
print(list(swa_model.state_dict().keys()))
print(swa_model.n_averaged)

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = CosineAnnealingLR(optimizer, T_max=10)
swa_start = 3
swa_scheduler = SWALR(optimizer, swa_lr=0.05, anneal_epochs=2)
for epoch in range(6):
    train_epoch(optimizer)
    if epoch > swa_start:
        swa_model.update_parameters(model)
        swa_scheduler.step()
    else:
        scheduler.step()
    print(epoch, optimizer.param_groups[0]["lr"], swa_model.n_averaged)
print(swa_scheduler.get_last_lr())
print(swa_scheduler.state_dict())
print(swa_model.module[0].weight)
print(swa_model.module[1].running_mean)

# %%
loader = [input for input, _ in data]
update_bn(loader, swa_model)
print(swa_model.module[1].running_mean)
print(swa_model.module[1].running_var)
print(swa_model.module[1].num_batches_tracked, swa_model.module[1].momentum)
preds = swa_model(torch.ones(2, 3))
print(preds)

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 1))
ema_model = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.999))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    train_epoch(optimizer)
    ema_model.update_parameters(model)
print(ema_model.n_averaged)
print(ema_model.module[0].bias)
print(ema_model.module[3].weight)

# %%
decay = 0.9
ema_avg = lambda averaged_model_parameter, model_parameter, num_averaged: \
    decay * averaged_model_parameter + (1 - decay) * model_parameter
ema_model = AveragedModel(model, avg_fn=ema_avg, use_buffers=True)
for epoch in range(2):
    train_epoch(optimizer)
    ema_model.update_parameters(model)
print(ema_model.module[0].bias)
print(ema_model.module[1].running_mean)
print(ema_model.module[1].num_batches_tracked)
ema2 = AveragedModel(model, avg_fn=get_ema_avg_fn(0.5))
ema2.update_parameters(model)
ema2.update_parameters(model)
print(ema2.module[3].bias, ema2.n_averaged)
swa2 = AveragedModel(model, multi_avg_fn=get_swa_multi_avg_fn())
swa3 = AveragedModel(model, avg_fn=get_swa_avg_fn())
for m in (swa2, swa3):
    m.update_parameters(model)
    train_epoch(optimizer)
    m.update_parameters(model)
    print(m.module[3].bias)

# %%
for strategy in ["cos", "linear"]:
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    s = SWALR(opt, swa_lr=[0.05, 0.05, 0.05, 0.05, 0.05, 0.05], anneal_epochs=3, anneal_strategy=strategy)
    lrs = []
    for _ in range(5):
        opt.step()
        s.step()
        lrs.append(round(s.get_last_lr()[0], 8))
    print(strategy, lrs)
for bad in [lambda: SWALR(opt, swa_lr=0.05, anneal_strategy="exp"),
            lambda: SWALR(opt, swa_lr=0.05, anneal_epochs=-1),
            lambda: SWALR(opt, swa_lr=[0.05, 0.1]),
            lambda: SWALR(opt, swa_lr=0.05, anneal_epochs=1.5)]:
    try:
        bad()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
