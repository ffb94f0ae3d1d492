# Imitates a "training tricks" lesson on torch.optim.swa_utils: AveragedModel (default running mean, custom avg_fn,
# get_ema_multi_avg_fn, use_buffers), its n_averaged buffer and state_dict keys, SWALR's cosine / linear annealing
# printed per epoch, update_bn over a DataLoader of (x, y) batches, and the errors of common mistakes.
import torch
import torch.nn as nn
from torch.optim.swa_utils import AveragedModel, SWALR, update_bn, get_ema_multi_avg_fn, get_ema_avg_fn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 1))
swa = AveragedModel(model)
print(swa)
print(list(swa.state_dict().keys()))
print(swa.n_averaged, swa.n_averaged.dtype, [n for n, _ in swa.named_buffers()])

# %%
X = torch.randn(32, 3); Y = X.sum(1, keepdim=True)
loader = DataLoader(TensorDataset(X, Y), batch_size=8, shuffle=False)
opt = torch.optim.SGD(model.parameters(), lr=0.5)
sched = SWALR(opt, swa_lr=0.05, anneal_epochs=3, anneal_strategy="cos")
for epoch in range(5):
    for xb, yb in loader:
        opt.zero_grad()
        nn.functional.mse_loss(model(xb), yb).backward()
        opt.step()
    swa.update_parameters(model)
    sched.step()
    print(epoch, sched.get_last_lr(), swa.n_averaged.item())
print(swa.module[0].weight)

# %%
print(swa.module[1].running_mean, swa.module[1].num_batches_tracked)
update_bn(loader, swa)
print(swa.module[1].running_mean, swa.module[1].running_var, swa.module[1].momentum)
with torch.no_grad():
    print(swa(X[:3]))

# %%
opt2 = torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=1.0)
lin_sched = SWALR(opt2, swa_lr=0.1, anneal_epochs=4, anneal_strategy="linear")
lrs = []
for _ in range(6):
    opt2.step(); lin_sched.step(); lrs.append(round(opt2.param_groups[0]["lr"], 6))
print(lrs, lin_sched.state_dict()["anneal_epochs"], opt2.param_groups[0]["swa_lr"])

# %%
torch.manual_seed(1)
net = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
ema = AveragedModel(net, multi_avg_fn=get_ema_multi_avg_fn(0.9), use_buffers=True)
ema2 = AveragedModel(net, avg_fn=lambda avg, new, n: 0.5 * avg + 0.5 * new)
ema3 = AveragedModel(net, avg_fn=get_ema_avg_fn(0.75))
for i in range(3):
    with torch.no_grad():
        for p in net.parameters():
            p.add_(1.0)
    net(torch.randn(4, 2))
    for e in (ema, ema2, ema3):
        e.update_parameters(net)
print(ema.module[0].weight, ema.module[1].running_mean)
print(ema2.module[0].bias, ema3.module[0].bias, ema2.module[1].running_mean)
print(ema.n_averaged, ema.module[0].weight.requires_grad)

# %%
for bad in (lambda: SWALR(opt2, swa_lr=0.1, anneal_strategy="step"),
            lambda: SWALR(opt2, swa_lr=0.1, anneal_epochs=-1),
            lambda: SWALR(opt2, swa_lr=[0.1, 0.2]),
            lambda: AveragedModel(net).update_parameters(nn.Linear(2, 2))):
    try:
        bad()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
