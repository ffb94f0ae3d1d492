# Imitates a few intermediate recipes on CPU: activation checkpointing (torch.utils.checkpoint.checkpoint and
# checkpoint_sequential, use_reentrant=False), Stochastic Weight Averaging (torch.optim.swa_utils.AveragedModel,
# SWALR, update_bn), and "How to save memory by fusing the optimizer step into the backward pass"
# (Tensor.register_post_accumulate_grad_hook with one optimizer per parameter).
import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint, checkpoint_sequential
torch.manual_seed(0)
lin1 = nn.Linear(4, 8); lin2 = nn.Linear(8, 2)
def block(x):
    return torch.tanh(lin1(x))
x = torch.randn(3, 4, requires_grad=True)
y = lin2(checkpoint(block, x, use_reentrant=False))
y.sum().backward()
g1 = x.grad.clone(); w1 = lin1.weight.grad.clone()
x.grad = None; lin1.zero_grad()
lin2(block(x)).sum().backward()
print(torch.allclose(g1, x.grad), torch.allclose(w1, lin1.weight.grad))
print(g1)

# %%
model = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 1))
inp = torch.randn(2, 4, requires_grad=True)
out = checkpoint_sequential(model, 2, inp, use_reentrant=False)
out.sum().backward()
print(out)
print(inp.grad)

# %%
from torch.optim.swa_utils import AveragedModel, SWALR
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
swa_model = AveragedModel(model)
swa_scheduler = SWALR(optimizer, swa_lr=0.05, anneal_epochs=2)
X = torch.randn(16, 3); Y = torch.randn(16, 1)
swa_start = 2
for epoch in range(5):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(X), Y)
    loss.backward()
    optimizer.step()
    if epoch >= swa_start:
        swa_model.update_parameters(model)
        swa_scheduler.step()
    print(epoch, round(loss.item(), 5), optimizer.param_groups[0]['lr'])
print(swa_model.n_averaged)
loader = [(X[:8], Y[:8]), (X[8:], Y[8:])]
torch.optim.swa_utils.update_bn(loader, swa_model)
print(swa_model.module[1].running_mean)
print(swa_model(X[:2]))
print(type(swa_model).__name__, list(swa_model.state_dict().keys())[:3])

# %%
torch.manual_seed(0)
model = nn.Linear(3, 2)
optimizer_dict = {p: torch.optim.Adam([p], lr=0.1) for p in model.parameters()}
def optimizer_hook(parameter) -> None:
    optimizer_dict[parameter].step()
    optimizer_dict[parameter].zero_grad()
for p in model.parameters():
    h = p.register_post_accumulate_grad_hook(optimizer_hook)
before = model.weight.detach().clone()
model(torch.randn(4, 3)).sum().backward()
print(model.weight.grad)
print(model.weight - before)

# %%
t = torch.ones(2, requires_grad=True)
seen = []
t.register_post_accumulate_grad_hook(lambda p: seen.append(p.grad.clone()))
(t * 3).sum().backward()
print(seen)
(t * t).sum()
w = t * 2
w.register_post_accumulate_grad_hook(lambda p: None)
