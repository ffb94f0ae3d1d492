# PCGrad / gradient surgery: per-task gradients of the shared parameters, flattened and compared by dot products,
# conflicting ones projected, then written back into p.grad; parameters_to_vector / vector_to_parameters.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import parameters_to_vector, vector_to_parameters

# %%
torch.manual_seed(3)
trunk = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 4))
head_a, head_b = nn.Linear(4, 1), nn.Linear(4, 1)
x = torch.randn(10, 3)
ya, yb = torch.randn(10, 1), -torch.randn(10, 1)
shared = list(trunk.parameters())
print([tuple(p.shape) for p in shared], sum(p.numel() for p in shared))

# %%
def task_grads(loss, params):
    grads = torch.autograd.grad(loss, params, retain_graph=True)
    return torch.cat([g.flatten() for g in grads])

h = trunk(x)
la = F.mse_loss(head_a(h), ya)
lb = F.mse_loss(head_b(h), yb)
ga, gb = task_grads(la, shared), task_grads(lb, shared)
print(ga.shape, ga.grad_fn, torch.dot(ga, gb))
print(F.cosine_similarity(ga, gb, dim=0))

# %%
def project(g, other):
    dot = torch.dot(g, other)
    if dot < 0:
        g = g - dot / other.norm() ** 2 * other
    return g

pa, pb = project(ga, gb), project(gb, ga)
print(torch.dot(pa, gb), torch.dot(pb, ga))
merged = pa + pb
print(merged[:5])

# %%
# Writing the merged vector back into each p.grad
offset = 0
for p in shared:
    n = p.numel()
    if p.grad is None:
        p.grad = torch.zeros_like(p)
    p.grad.copy_(merged[offset:offset + n].view_as(p))
    offset += n
print(shared[0].grad[0], shared[-1].grad)

# %%
vec = parameters_to_vector(shared)
print(vec.shape, vec.grad_fn, vec.requires_grad)
vector_to_parameters(vec - 0.1 * merged, shared)
print(shared[-1])

# %%
# Mistake: vector_to_parameters with a plain list of floats, and a vector of the wrong size
vector_to_parameters([0.0] * 44, shared)

# %%
vector_to_parameters(torch.zeros(40), shared)

# %%
vector_to_parameters(torch.zeros(50), shared)
print(shared[-1])

# %%
parameters_to_vector(torch.ones(3))

# %%
# Mistake: projecting p.grad with a tensor that requires grad, in place
h = trunk(x)
la = F.mse_loss(head_a(h), ya)
ga = torch.autograd.grad(la, shared, create_graph=True)
p = shared[-1]
p.grad = torch.zeros_like(p)
p.grad.copy_(ga[-1])

# %%
p.grad = ga[-1]
print(p.grad.requires_grad, p.grad.grad_fn)

# %%
p.grad.sub_(0.5 * p.grad)

# %%
p.grad = ga[-1].detach()
p.grad.sub_(0.5 * p.grad)
print(p.grad)

# %%
# Mistake: p.grad of the wrong shape or dtype
p.grad = torch.zeros(5)

# %%
p.grad = torch.zeros(4, dtype=torch.float64)

# %%
p.grad = torch.zeros(4, requires_grad=True) * 2
print(p.grad.requires_grad)

# %%
with torch.no_grad():
    p.grad = torch.zeros(4, requires_grad=True) * 2
print(p.grad.requires_grad)

# %%
# The whole PCGrad loop with an optimizer
opt = torch.optim.SGD(shared + list(head_a.parameters()) + list(head_b.parameters()), lr=0.05)
for step in range(5):
    opt.zero_grad()
    h = trunk(x)
    la, lb = F.mse_loss(head_a(h), ya), F.mse_loss(head_b(h), yb)
    g = [task_grads(l, shared) for l in (la, lb)]
    merged = project(g[0], g[1]) + project(g[1], g[0])
    (la + lb).backward()
    vector_to_parameters(merged, [p.grad for p in shared])
    opt.step()
    print(step, round(la.item(), 5), round(lb.item(), 5))
