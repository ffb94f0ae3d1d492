# Imitates the weight-EMA lessons (Mean Teacher's update_ema_variables, timm's ModelEmaV2, BYOL/DINO momentum
# encoders, torch.optim.swa_utils.AveragedModel with get_ema_multi_avg_fn): param.data.mul_(a).add_(p, alpha=1-a),
# lerp_, torch._foreach_mul_ / _foreach_add_ / _foreach_lerp_, copy.deepcopy of the student with requires_grad_(False),
# a consistency loss between student and teacher, the EMA of BatchNorm buffers, and AveragedModel's n_averaged.
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

# %%
def update_ema_variables(model, ema_model, alpha, global_step):
    alpha = min(1 - 1 / (global_step + 1), alpha)
    for ema_param, param in zip(ema_model.parameters(), model.parameters()):
        ema_param.data.mul_(alpha).add_(param.data, alpha=1 - alpha)

torch.manual_seed(0)
student = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))
teacher = copy.deepcopy(student)
for p in teacher.parameters():
    p.detach_()
print([p.requires_grad for p in teacher.parameters()])
opt = torch.optim.SGD(student.parameters(), lr=0.1)
for step in range(4):
    x = torch.randn(16, 4)
    y = torch.randint(0, 3, (16,))
    s_out = student(x)
    with torch.no_grad():
        t_out = teacher(x + 0.1 * torch.randn_like(x))
    consistency = F.mse_loss(F.softmax(s_out, 1), F.softmax(t_out, 1), reduction='sum') / 16
    loss = F.cross_entropy(s_out, y) + consistency
    opt.zero_grad()
    loss.backward()
    opt.step()
    update_ema_variables(student, teacher, 0.99, step)
    print(step, f"{loss.item():.4f} {consistency.item():.6f}")
teacher[0].weight[0], teacher[1].running_mean[:3]

# %%
class ModelEmaV2(nn.Module):
    def __init__(self, model, decay=0.9999):
        super().__init__()
        self.module = copy.deepcopy(model)
        self.module.eval()
        self.decay = decay
    def _update(self, model, update_fn):
        with torch.no_grad():
            for ema_v, model_v in zip(self.module.state_dict().values(), model.state_dict().values()):
                ema_v.copy_(update_fn(ema_v, model_v))
    def update(self, model):
        self._update(model, update_fn=lambda e, m: self.decay * e + (1. - self.decay) * m)
    def set(self, model):
        self._update(model, update_fn=lambda e, m: m)

ema = ModelEmaV2(student, decay=0.9)
for step in range(3):
    loss = F.cross_entropy(student(torch.randn(16, 4)), torch.randint(0, 3, (16,)))
    opt.zero_grad(); loss.backward(); opt.step()
    ema.update(student)
print(ema.module[1].num_batches_tracked, student[1].num_batches_tracked)
print(ema.module.training, ema.module[0].weight.requires_grad)
list(ema.state_dict().keys())[:4], ema.module[1].running_var[:3]

# %%
torch.manual_seed(0)
online = nn.Linear(3, 2)
target = nn.Linear(3, 2)
target.load_state_dict(online.state_dict())
target.requires_grad_(False)
with torch.no_grad():
    online.weight.add_(1.0)
    for po, pt in zip(online.parameters(), target.parameters()):
        pt.lerp_(po, 0.1)
print(target.weight)
tp, op = list(target.parameters()), list(online.parameters())
with torch.no_grad():
    torch._foreach_mul_(tp, 0.9)
    torch._foreach_add_(tp, op, alpha=0.1)
print(target.bias)
with torch.no_grad():
    torch._foreach_lerp_(tp, op, 0.5)
print(target.weight, target.weight.requires_grad)
torch.lerp(torch.zeros(3), torch.ones(3), torch.tensor([0.0, 0.5, 1.0]))

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4))
ema_model = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.9), use_buffers=True)
print(ema_model.n_averaged, type(ema_model.module).__name__)
opt = torch.optim.SGD(model.parameters(), lr=0.5)
for i in range(3):
    loss = model(torch.randn(8, 4)).pow(2).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    ema_model.update_parameters(model)
print(ema_model.n_averaged)
print(ema_model.module[0].weight)
ema_model.module[1].running_mean, [k for k in ema_model.state_dict()][:3]

# %%
swa = AveragedModel(model)
for i in range(3):
    with torch.no_grad():
        for p in model.parameters():
            p.add_(1.0)
    swa.update_parameters(model)
print(swa.n_averaged, swa.module[0].bias)
print(swa)
swa(torch.ones(2, 4)).shape
