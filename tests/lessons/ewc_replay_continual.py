# Imitates continual-learning tutorials in plain PyTorch: two tasks learned one after the other, elastic weight
# consolidation (a diagonal Fisher from squared gradients over batches, `.data.clone()` snapshots of the weights,
# the EWC penalty summed over named_parameters()), an experience-replay buffer (reservoir sampling, torch.cat of
# stored batches), and the mistakes: forgetting to detach the Fisher (its graph is kept: a second backward through
# it), a Fisher dict keyed by the wrong names, an old snapshot that is a view of the live weights.
import random

import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
random.seed(0)

def make_task(shift, n=64):
    x = torch.randn(n, 2) + shift
    y = (x[:, 0] * x[:, 1] > shift[0] * shift[1]).long()
    return x, y

task_a = make_task(torch.tensor([0.0, 0.0]))
task_b = make_task(torch.tensor([1.5, -1.0]))
model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 2))
print(task_a[1].sum(), task_b[1].sum())

# %%
def train(model, data, epochs=20, penalty=None, lam=0.0, lr=0.1):
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    x, y = data
    for epoch in range(epochs):
        for i in range(0, len(x), 16):
            opt.zero_grad()
            loss = F.cross_entropy(model(x[i:i+16]), y[i:i+16])
            if penalty is not None:
                loss = loss + lam * penalty(model)
            loss.backward()
            opt.step()
    return loss.item()

def accuracy(model, data):
    with torch.no_grad():
        return (model(data[0]).argmax(1) == data[1]).float().mean().item()

print(f"{train(model, task_a):.4f}", f"{accuracy(model, task_a):.3f}")

# %%
def diag_fisher(model, data, batch=16):
    fisher = {n: torch.zeros_like(p) for n, p in model.named_parameters()}
    model.eval()
    x, y = data
    n_batches = 0
    for i in range(0, len(x), batch):
        model.zero_grad()
        F.cross_entropy(model(x[i:i+batch]), y[i:i+batch]).backward()
        for n, p in model.named_parameters():
            fisher[n] += p.grad.detach() ** 2
        n_batches += 1
    return {n: f / n_batches for n, f in fisher.items()}

fisher = diag_fisher(model, task_a)
star = {n: p.data.clone() for n, p in model.named_parameters()}
for n, f in fisher.items():
    print(n, tuple(f.shape), f"{f.sum().item():.6f}", f.requires_grad)

# %%
def ewc_penalty(model):
    loss = 0.0
    for n, p in model.named_parameters():
        loss = loss + (fisher[n] * (p - star[n]) ** 2).sum()
    return loss

print(ewc_penalty(model))
ewc_penalty(model).backward()
print(model[0].bias.grad.abs().max())

# %%
import copy
plain = copy.deepcopy(model)
print(f"{train(plain, task_b):.4f}", f"{accuracy(plain, task_a):.3f}", f"{accuracy(plain, task_b):.3f}")
print(f"{train(model, task_b, penalty=ewc_penalty, lam=50.0):.4f}", f"{accuracy(model, task_a):.3f}",
      f"{accuracy(model, task_b):.3f}")

# %%
# mistake: a Fisher computed without detach keeps each batch's graph
def fisher_graph(model, data):
    fisher = {n: torch.zeros_like(p) for n, p in model.named_parameters()}
    x, y = data
    loss = F.cross_entropy(model(x), y)
    grads = torch.autograd.grad(loss, list(model.parameters()), create_graph=True)
    for (n, _), g in zip(model.named_parameters(), grads):
        fisher[n] += g ** 2
    return fisher

fg = fisher_graph(model, task_a)
print({n: (f.requires_grad, type(f.grad_fn).__name__) for n, f in fg.items()})

# %%
pen = sum((fg[n] * (p - star[n]) ** 2).sum() for n, p in model.named_parameters())
pen.backward()
pen.backward()

# %%
# mistake: the Fisher keyed by module attribute names instead of named_parameters()
bad = {"weight": fisher["0.weight"]}
sum((bad[n] * (p - star[n]) ** 2).sum() for n, p in model.named_parameters())

# %%
# mistake: a snapshot that is the live tensor (no clone)
live = {n: p.data for n, p in model.named_parameters()}
with torch.no_grad():
    model[2].bias.add_(1.0)
print(torch.equal(live["2.bias"], model[2].bias), live["2.bias"].data_ptr() == model[2].bias.data_ptr())
print(sum(((p - live[n]) ** 2).sum() for n, p in model.named_parameters()))

# %%
# experience replay: a reservoir buffer of (x, y) pairs
class Reservoir:
    def __init__(self, capacity):
        self.capacity, self.seen, self.xs, self.ys = capacity, 0, [], []

    def add(self, x, y):
        for xi, yi in zip(x, y):
            self.seen += 1
            if len(self.xs) < self.capacity:
                self.xs.append(xi.clone())
                self.ys.append(yi.clone())
            else:
                j = random.randrange(self.seen)
                if j < self.capacity:
                    self.xs[j], self.ys[j] = xi.clone(), yi.clone()

    def sample(self, k):
        idx = random.sample(range(len(self.xs)), k)
        return torch.stack([self.xs[i] for i in idx]), torch.stack([self.ys[i] for i in idx])

buf = Reservoir(20)
buf.add(*task_a)
xb, yb = buf.sample(8)
print(buf.seen, len(buf.xs), xb.shape, yb.dtype, yb)

# %%
x_mix = torch.cat([task_b[0][:8], xb])
y_mix = torch.cat([task_b[1][:8], yb])
print(x_mix.shape, y_mix)
F.cross_entropy(model(x_mix), y_mix)

# %%
torch.stack([buf.xs[0], buf.ys[0]])

# %%
torch.cat([task_b[0][:2], yb[:2]])

# %%
torch.cat([task_b[1][:3], yb[:3].float()]), torch.cat([yb[:2].view(2, 1), xb[:2]], dim=1)
