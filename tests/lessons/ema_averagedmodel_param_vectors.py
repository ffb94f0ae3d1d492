# Imitates the "Stochastic Weight Averaging" / EMA recipes of the torch.optim docs ("Weight averaging (SWA and
# EMA)": AveragedModel with get_ema_multi_avg_fn, use_buffers=True, update_bn, SWALR) and the timm-style ModelEmaV2
# that notebooks copy, plus torch.nn.utils.parameters_to_vector / vector_to_parameters as flat-weight tricks use them.
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim.swa_utils import AveragedModel, SWALR, get_ema_multi_avg_fn, get_ema_avg_fn, update_bn
from torch.nn.utils import parameters_to_vector, vector_to_parameters

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 6), nn.BatchNorm1d(6), nn.ReLU(), nn.Linear(6, 2))
ema_model = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.9))
print(ema_model)
print(ema_model.n_averaged, ema_model.n_averaged.dtype, [n for n, _ in ema_model.named_buffers()])
print(torch.equal(ema_model.module[0].weight, model[0].weight), ema_model.module[0].weight.requires_grad)

# %%
torch.manual_seed(1)
X, y = torch.randn(32, 4), torch.randint(0, 2, (32,))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for step in range(4):
    opt.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    opt.step()
    ema_model.update_parameters(model)
    print(step, round(loss.item(), 5), ema_model.n_averaged.item())
print(ema_model.module[3].bias.data, model[3].bias.data)
print(ema_model.module[1].running_mean, model[1].running_mean)

# %%
# use_buffers=True averages the BatchNorm buffers too
torch.manual_seed(0)
m = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))
ema = AveragedModel(m, multi_avg_fn=get_ema_multi_avg_fn(0.5), use_buffers=True)
for _ in range(2):
    m(X).sum().backward()
    with torch.no_grad():
        for p in m.parameters():
            p -= 0.1 * p.grad
    ema.update_parameters(m)
print(ema.module[1].running_mean, m[1].running_mean)
print(ema.module[1].num_batches_tracked, m[1].num_batches_tracked)
print(ema(X[:2]))

# %%
# the single-tensor avg_fn form and plain SWA (running mean), with SWALR annealing
torch.manual_seed(0)
net = nn.Linear(3, 1)
swa = AveragedModel(net)
ema1 = AveragedModel(net, avg_fn=get_ema_avg_fn(0.75))
opt = torch.optim.SGD(net.parameters(), lr=0.5)
swa_sched = SWALR(opt, swa_lr=0.05, anneal_epochs=3, anneal_strategy="linear")
print(swa_sched.get_last_lr())
for epoch in range(4):
    opt.zero_grad()
    F.mse_loss(net(X[:, :3]), X[:, 3:]).backward()
    opt.step()
    swa.update_parameters(net)
    ema1.update_parameters(net)
    swa_sched.step()
    print(epoch, [round(v, 5) for v in swa_sched.get_last_lr()], swa.n_averaged.item())
print(swa.module.weight, ema1.module.weight)
try:
    SWALR(opt, swa_lr=0.05, anneal_strategy="exp")
except Exception as e:
    print(type(e).__name__, e)

# %%
# update_bn recomputes BatchNorm statistics with a pass over a loader
loader = [(X[i:i + 8], y[i:i + 8]) for i in range(0, 32, 8)]
update_bn(loader, ema_model)
print(ema_model.module[1].running_mean, ema_model.module[1].momentum, ema_model.module[1].num_batches_tracked)

# %%
# timm's ModelEmaV2 written by hand: a deepcopy updated under no_grad with lerp_
class ModelEmaV2(nn.Module):
    def __init__(self, model, decay=0.9999):
        super().__init__()
        self.module = copy.deepcopy(model)
        self.module.eval()
        self.decay = decay

    @torch.no_grad()
    def update(self, model):
        for ema_v, model_v in zip(self.module.state_dict().values(), model.state_dict().values()):
            if ema_v.dtype.is_floating_point:
                ema_v.lerp_(model_v, 1.0 - self.decay)
            else:
                ema_v.copy_(model_v)

mema = ModelEmaV2(model, decay=0.5)
with torch.no_grad():
    model[0].weight.add_(1.0)
mema.update(model)
print(mema.module[0].weight[0], mema.module[1].num_batches_tracked, mema.module.training)

# %%
# parameters_to_vector / vector_to_parameters
net = nn.Linear(3, 2)
vec = parameters_to_vector(net.parameters())
print(vec.shape, vec.grad_fn.__class__.__name__, vec.requires_grad)
vector_to_parameters(torch.arange(8.), net.parameters())
print(net.weight, net.bias)
print(net.weight.is_leaf, net.weight.requires_grad, type(net.weight).__name__)
try:
    vector_to_parameters(torch.arange(8.).tolist(), net.parameters())
except Exception as e:
    print(type(e).__name__, e)
try:
    vector_to_parameters(torch.arange(7.), net.parameters())
except Exception as e:
    print(type(e).__name__, e)
try:
    vector_to_parameters(torch.arange(9.), net.parameters())
    print(net.bias)
except Exception as e:
    print(type(e).__name__, e)
flat = parameters_to_vector([p.grad if p.grad is not None else torch.zeros_like(p) for p in net.parameters()])
print(flat)
