# Imitates fine-tuning tutorials: discriminative learning rates with parameter groups, add_param_group for an
# unfrozen backbone, saving/loading optimizer + scheduler state_dicts, ReduceLROnPlateau and LambdaLR.
import copy
import io
import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(0)
backbone = nn.Sequential(nn.Linear(4, 8), nn.ReLU())
head = nn.Linear(8, 2)
optimizer = torch.optim.SGD([
    {"params": backbone.parameters(), "lr": 1e-3},
    {"params": head.parameters()},
], lr=1e-2, momentum=0.9, weight_decay=1e-4)
print(optimizer)
print([g["lr"] for g in optimizer.param_groups])

# %%
X = torch.randn(16, 4)
y = torch.randint(0, 2, (16,))
for _ in range(3):
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(head(backbone(X)), y)
    loss.backward()
    optimizer.step()
sd = optimizer.state_dict()
print(sd["param_groups"])
print(sorted(sd["state"].keys()), sd["state"][0]["momentum_buffer"].shape)

# %%
extra = nn.Linear(2, 2)
optimizer.add_param_group({"params": extra.parameters(), "lr": 0.5, "nesterov": True})
print(len(optimizer.param_groups), optimizer.param_groups[-1]["lr"], optimizer.param_groups[-1]["momentum"])
try:
    optimizer.add_param_group({"params": head.parameters()})
except Exception as e:
    print(type(e).__name__, e)
try:
    optimizer.add_param_group({"params": torch.zeros(2, requires_grad=True)})
    print(len(optimizer.param_groups))
except Exception as e:
    print(type(e).__name__, e)

# %%
buf = io.BytesIO()
torch.save({"model": head.state_dict(), "optim": optimizer.state_dict()}, buf)
buf.seek(0)
ckpt = torch.load(buf)
opt2 = torch.optim.SGD([{"params": backbone.parameters(), "lr": 1e-3}, {"params": head.parameters()}], lr=1e-2,
                       momentum=0.9)
try:
    opt2.load_state_dict(ckpt["optim"])
except Exception as e:
    print(type(e).__name__, e)
opt3 = copy.deepcopy(optimizer)
opt3.load_state_dict(ckpt["optim"])
p3 = opt3.param_groups[1]["params"][0]
print(opt3.param_groups[0]["weight_decay"], torch.equal(opt3.state[p3]["momentum_buffer"],
                                                         optimizer.state[head.weight]["momentum_buffer"]))

# %%
w = nn.Parameter(torch.ones(2))
opt = torch.optim.Adam([w], lr=0.1)
sched = lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=2, threshold=0.01, cooldown=1,
                                       min_lr=0.01)
for epoch, val in enumerate([1.0, 0.9, 0.95, 0.92, 0.91, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98]):
    opt.step()
    sched.step(val)
    print(epoch, sched.get_last_lr(), sched.num_bad_epochs, sched.best)
print(sched.state_dict())

# %%
opt = torch.optim.SGD([nn.Parameter(torch.ones(1)), ], lr=0.1)
warm = lambda epoch: min(1.0, (epoch + 1) / 4)
sched = lr_scheduler.LambdaLR(opt, lr_lambda=warm)
for _ in range(6):
    opt.step(); sched.step()
    print(sched.get_last_lr(), sched.last_epoch)
sd = sched.state_dict()
print(sorted(sd))
sched2 = lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
print(sched2.state_dict())
