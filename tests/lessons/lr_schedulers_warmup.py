# Imitates the learning-rate scheduling parts of training tutorials (PyTorch's optim docs, timm/HF-style warm-up
# then cosine decay, the "cyclical learning rates" and SGDR lessons): a small regression trained while
# LinearLR -> CosineAnnealingLR (SequentialLR), then the other schedulers' curves printed step by step.
import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(0)
X = torch.randn(64, 3)
y = X @ torch.tensor([[1.5], [-2.0], [0.5]]) + 0.1 * torch.randn(64, 1)
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
warmup = lr_scheduler.LinearLR(optimizer, start_factor=0.1, total_iters=5)
decay = lr_scheduler.CosineAnnealingLR(optimizer, T_max=15, eta_min=1e-3)
scheduler = lr_scheduler.SequentialLR(optimizer, schedulers=[warmup, decay], milestones=[5])
print(scheduler.get_last_lr())

# %%
for epoch in range(20):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    if epoch % 4 == 0:
        print(f"epoch {epoch:2d} loss {loss.item():.5f} lr {scheduler.get_last_lr()[0]:.6f}")
print(model.weight.data, model.bias.data)

# %%
def curve(make, steps=10, **opt):
    w = nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([w], lr=0.1, **opt)
    sched = make(opt)
    lrs = []
    for _ in range(steps):
        opt.step()
        sched.step()
        lrs.append(round(sched.get_last_lr()[0], 6))
    return lrs

print(curve(lambda o: lr_scheduler.ConstantLR(o, factor=0.5, total_iters=3)))
print(curve(lambda o: lr_scheduler.MultiplicativeLR(o, lr_lambda=lambda epoch: 0.9)))
print(curve(lambda o: lr_scheduler.PolynomialLR(o, total_iters=6, power=2.0)))
print(curve(lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2, eta_min=0.01), steps=12))

# %%
print(curve(lambda o: lr_scheduler.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3), momentum=0.9))
print(curve(lambda o: lr_scheduler.CyclicLR(o, 0.01, 0.1, step_size_up=2, mode="triangular2"), steps=12,
            momentum=0.9))
print(curve(lambda o: lr_scheduler.ChainedScheduler([lr_scheduler.ConstantLR(o, factor=0.1, total_iters=2),
                                                    lr_scheduler.ExponentialLR(o, gamma=0.9)])))

# %%
lr_scheduler.LinearLR(optimizer, start_factor=0)
