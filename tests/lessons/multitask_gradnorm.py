# GradNorm: gradients of each task loss with respect to the last shared layer, their norms, and a second
# optimizer for the task weights; plus torch.autograd.grad's errors learners hit.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
shared = nn.Linear(5, 6)
heads = nn.ModuleList([nn.Linear(6, 1), nn.Linear(6, 2)])
task_weights = nn.Parameter(torch.ones(2))
x = torch.randn(8, 5)
y1 = torch.randn(8, 1)
y2 = torch.randn(8, 2)

def task_losses():
    h = torch.tanh(shared(x))
    return torch.stack([F.mse_loss(heads[0](h), y1), F.l1_loss(heads[1](h), y2)])

L = task_losses()
print(L, L.grad_fn)

# %%
W = shared.weight
norms = []
for i in range(2):
    g = torch.autograd.grad(task_weights[i] * L[i], W, retain_graph=True, create_graph=True)[0]
    norms.append(torch.norm(g))
norms = torch.stack(norms)
print(norms, norms.grad_fn)

# %%
# Mistake: forgetting retain_graph on the first of two grads
L = task_losses()
g0 = torch.autograd.grad(L[0], W)
g1 = torch.autograd.grad(L[1], W)

# %%
# Mistake: a head that the task does not use
L = task_losses()
torch.autograd.grad(L[0], heads[1].weight, retain_graph=True)

# %%
gs = torch.autograd.grad(L[0], [W, heads[1].weight], retain_graph=True, allow_unused=True)
print([None if g is None else g.shape for g in gs])

# %%
gs = torch.autograd.grad(L[0], [W, heads[1].weight], retain_graph=True, allow_unused=True, materialize_grads=True)
print([g.shape for g in gs], gs[1].abs().sum())

# %%
gs = torch.autograd.grad(L[0], [W, heads[1].weight], retain_graph=True, materialize_grads=True)
print(gs[1].sum())

# %%
gs = torch.autograd.grad(L[0], [W, heads[1].weight], retain_graph=True, allow_unused=False, materialize_grads=True)

# %%
# Mistake: grad of a non-scalar without grad_outputs
torch.autograd.grad(L, W, retain_graph=True)

# %%
g = torch.autograd.grad(L, W, grad_outputs=torch.ones(2), retain_graph=True)[0]
print(g.shape)
torch.autograd.grad(L, W, grad_outputs=torch.ones(3), retain_graph=True)

# %%
# Mistake: a tensor that does not require grad as input
torch.autograd.grad(L[0], x, retain_graph=True)

# %%
torch.manual_seed(0)
weight_opt = torch.optim.Adam([task_weights], lr=0.02)
model_opt = torch.optim.SGD(list(shared.parameters()) + list(heads.parameters()), lr=0.05)
L0 = task_losses().detach()
alpha = 1.5
for step in range(6):
    L = task_losses()
    weighted = (task_weights * L).sum()
    model_opt.zero_grad()
    weight_opt.zero_grad()
    weighted.backward(retain_graph=True)
    norms = torch.stack([torch.autograd.grad(task_weights[i] * L[i], W, retain_graph=True, create_graph=True)[0].norm()
                         for i in range(2)])
    ratio = L.detach() / L0
    r = ratio / ratio.mean()
    target = (norms.mean() * r ** alpha).detach()
    gn_loss = F.l1_loss(norms, target, reduction="sum")
    task_weights.grad = torch.autograd.grad(gn_loss, task_weights)[0]
    model_opt.step()
    weight_opt.step()
    with torch.no_grad():
        task_weights.data = 2 * task_weights.data / task_weights.data.sum()
    print(step, weighted.item(), gn_loss.item(), task_weights.data)

# %%
print(task_weights.grad, task_weights.grad.requires_grad, task_weights.grad.grad_fn)

# %%
# torch.autograd.backward on a list of losses with grad_tensors
for p in list(shared.parameters()) + list(heads.parameters()):
    p.grad = None
L = task_losses()
torch.autograd.backward([L[0], L[1]], [torch.tensor(0.3), torch.tensor(0.7)])
print(shared.bias.grad)

# %%
L = task_losses()
torch.autograd.backward([L[0], L[1]], [torch.tensor(0.3)])

# %%
L = task_losses()
torch.autograd.backward([L[0], L[1]], grad_tensors=[torch.tensor(1.0), None])
print(shared.bias.grad)

# %%
L = task_losses()
torch.autograd.backward([L[0], L[1]], grad_tensors=[torch.ones(2), None])

# %%
L = task_losses()
torch.autograd.backward(L, torch.tensor([1.0, 2.0]), inputs=[shared.bias])
print(shared.bias.grad, heads[0].bias.grad)

# %%
torch.autograd.backward([L[0], torch.tensor(1.0)])
