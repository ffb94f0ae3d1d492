# Multi-task learning: a shared trunk with two heads returning a dict, losses weighted by learnable
# uncertainty (Kendall et al., log_var parameters), and the mistakes learners make on the way.
import torch
import torch.nn as nn
import torch.nn.functional as F
from collections import namedtuple

# %%
torch.manual_seed(0)
Out = namedtuple("Out", ["reg", "cls"])

class MultiHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(4, 8), nn.ReLU())
        self.reg_head = nn.Linear(8, 1)
        self.cls_head = nn.Linear(8, 3)

    def forward(self, x):
        h = self.trunk(x)
        return {"reg": self.reg_head(h).squeeze(-1), "cls": self.cls_head(h)}

model = MultiHead()
x = torch.randn(6, 4)
y_reg = torch.randn(6)
y_cls = torch.tensor([0, 2, 1, 1, 0, 2])
out = model(x)
print({k: (v.shape, type(v.grad_fn).__name__) for k, v in out.items()})

# %%
losses = {"reg": F.mse_loss(out["reg"], y_reg), "cls": F.cross_entropy(out["cls"], y_cls)}
losses

# %%
# Mistake: sum() over a dict iterates its keys
total = sum(losses)

# %%
total = sum(losses.values())
print(total, total.grad_fn)
print(total.grad_fn.next_functions)

# %%
log_vars = nn.Parameter(torch.zeros(2))
def weighted(losses, log_vars):
    parts = [torch.exp(-log_vars[i]) * l + log_vars[i] for i, l in enumerate(losses.values())]
    return torch.stack(parts).sum(), parts
total, parts = weighted(losses, log_vars)
print(total)
print([p.grad_fn for p in parts])

# %%
opt = torch.optim.Adam(list(model.parameters()) + [log_vars], lr=0.05)
opt.zero_grad()
total.backward()
print(log_vars.grad)
print(model.reg_head.weight.grad.shape, model.cls_head.bias.grad)

# %%
# Mistake: a second backward through the same graph
total.backward()

# %%
# Mistake: backward of one task loss after the whole graph was freed
losses["reg"].backward()

# %%
opt.step()
print(log_vars)
print(log_vars.data, log_vars.requires_grad, log_vars.is_leaf)

# %%
torch.manual_seed(1)
for step in range(30):
    out = model(x)
    losses = {"reg": F.mse_loss(out["reg"], y_reg), "cls": F.cross_entropy(out["cls"], y_cls)}
    total, _ = weighted(losses, log_vars)
    opt.zero_grad(set_to_none=True)
    total.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(total.item(), 4), {k: round(v.item(), 4) for k, v in losses.items()})
print(torch.exp(-log_vars.detach()))

# %%
# Optimizer that sees the weights in their own param group
opt = torch.optim.SGD(model.parameters(), lr=0.1)
opt.add_param_group({"params": [log_vars], "lr": 0.01})
print(len(opt.param_groups), [g["lr"] for g in opt.param_groups])
print(sorted(opt.param_groups[1].keys()))

# %%
# Mistake: adding the same parameter twice
opt.add_param_group({"params": log_vars})

# %%
opt.add_param_group({"params": [log_vars.detach()]})

# %%
opt.zero_grad(set_to_none=False)
print(log_vars.grad, model.trunk[0].bias.grad is None)
opt.zero_grad()
print(log_vars.grad, model.trunk[0].bias.grad is None)

# %%
# Namedtuple outputs
class TupleHead(MultiHead):
    def forward(self, x):
        d = super().forward(x)
        return Out(d["reg"], d["cls"])
m2 = TupleHead()
o = m2(x)
print(type(o).__name__, o.reg.shape, o.cls.shape, o._fields)
reg, cls = o
l = reg.pow(2).mean() + cls.logsumexp(1).mean()
l.backward()
print(m2.trunk[0].weight.grad.abs().sum() > 0)
