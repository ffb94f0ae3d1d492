# Training in phases: freeze the shared trunk with requires_grad_(False), accumulate gradients over tasks,
# zero_grad(set_to_none=...) and what p.grad is afterwards, optimizers that meet frozen or gradient-less parameters.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(7)
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(3, 5)
        self.heads = nn.ModuleDict({"a": nn.Linear(5, 1), "b": nn.Linear(5, 2)})
    def forward(self, x):
        h = F.relu(self.trunk(x))
        return tuple(self.heads[k](h) for k in ("a", "b"))

net = Net()
x = torch.randn(4, 3)
ya, yb = torch.randn(4, 1), torch.randint(0, 2, (4,))
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
print([n for n, p in net.named_parameters()])

# %%
# Phase 1: freeze the trunk
net.trunk.requires_grad_(False)
print([(n, p.requires_grad) for n, p in net.named_parameters()])
oa, ob = net(x)
loss = F.mse_loss(oa, ya) + F.cross_entropy(ob, yb)
loss.backward()
print(net.trunk.weight.grad, net.heads["a"].bias.grad)

# %%
before = net.trunk.weight.clone()
opt.step()
print(torch.equal(before, net.trunk.weight), opt.state[net.trunk.weight])
print(sorted(opt.state[net.heads["a"].bias].keys()))

# %%
# Mistake: a loss whose only inputs are frozen
h = net.trunk(x)
h.sum().backward()

# %%
# Phase 2: unfreeze and accumulate over tasks
net.trunk.requires_grad_(True)
opt.zero_grad(set_to_none=False)
print(net.trunk.weight.grad, net.heads["b"].weight.grad)
for task in ("a", "b"):
    oa, ob = net(x)
    l = F.mse_loss(oa, ya) if task == "a" else F.cross_entropy(ob, yb)
    (l / 2).backward()
    print(task, net.trunk.bias.grad)

# %%
opt.step()
opt.zero_grad()
print(net.trunk.bias.grad, net.heads["b"].bias.grad)

# %%
# Mistake: backward twice over one forward pass for two tasks
oa, ob = net(x)
F.mse_loss(oa, ya).backward()
F.cross_entropy(ob, yb).backward()

# %%
oa, ob = net(x)
la, lb = F.mse_loss(oa, ya), F.cross_entropy(ob, yb)
la.backward(retain_graph=True)
lb.backward()
print(net.trunk.bias.grad)

# %%
# Mistake: requires_grad_ on a non-leaf output, and requires_grad = False on it
oa.requires_grad_(False)

# %%
oa.detach().requires_grad_(True).requires_grad

# %%
net.trunk.weight.requires_grad = False
print(net.trunk.weight.requires_grad)
net.trunk.weight.requires_grad_()
print(net.trunk.weight.requires_grad)

# %%
# Mixing .data updates with autograd
w = net.heads["a"].weight
oa, _ = net(x)
l = F.mse_loss(oa, ya)
w.data -= 0.1 * torch.ones_like(w)
l.backward()
print(w.grad)

# %%
oa, _ = net(x)
l = F.mse_loss(oa, ya)
with torch.no_grad():
    w -= 0.1
l.backward()

# %%
w -= 0.1

# %%
print(w._version, w.data._version, w.detach()._version)
w.data.mul_(1.0)
print(w._version)

# %%
opt2 = torch.optim.Adam([{"params": net.trunk.parameters()}, {"params": net.heads.parameters(), "lr": 1e-2}], lr=1e-3)
print([len(g["params"]) for g in opt2.param_groups], [g["lr"] for g in opt2.param_groups])
opt2.add_param_group({"params": torch.zeros(2, requires_grad=True), "lr": 0.5, "betas": (0.8, 0.9)})
print(opt2.param_groups[2]["betas"], opt2.param_groups[2]["eps"])

# %%
opt2.add_param_group({"params": [torch.zeros(2, requires_grad=True)], "foo": 1})
print(opt2.param_groups[3]["foo"], opt2.param_groups[3]["lr"])

# %%
opt2.add_param_group([torch.zeros(2)])

# %%
opt2.add_param_group({"params": {torch.zeros(2)}})

# %%
opt2.add_param_group({"lr": 0.1})
