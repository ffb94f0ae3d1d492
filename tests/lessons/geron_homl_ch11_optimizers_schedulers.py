# Imitates Aurélien Géron's "Hands-On Machine Learning with Scikit-Learn and PyTorch" (2025, github.com/ageron/
# handson-mlp), chapter 11 "Training Deep Neural Networks", faster optimizers and learning-rate scheduling: SGD with
# momentum and Nesterov, Adagrad, RMSprop, Adam, Adamax, NAdam and AdamW compared on one small regression task, then
# ExponentialLR, StepLR, LambdaLR, ReduceLROnPlateau driven by a validation metric, OneCycleLR, CosineAnnealingLR,
# LinearLR chained with SequentialLR, and CosineAnnealingWarmRestarts, printing get_last_lr() (numpy data).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim.lr_scheduler import (ExponentialLR, StepLR, LambdaLR, ReduceLROnPlateau, OneCycleLR,
                                      CosineAnnealingLR, LinearLR, SequentialLR, CosineAnnealingWarmRestarts)

# %%
rng = np.random.default_rng(0)
X_np = rng.normal(size=(64, 5)).astype(np.float32)
y_np = (X_np @ rng.normal(size=(5, 1)) + 0.3).astype(np.float32)
X_train, y_train = torch.from_numpy(X_np), torch.from_numpy(y_np)
print(X_train.dtype, y_train.shape)
def build_model():
    torch.manual_seed(42)
    return nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 1))
def run(make_optimizer, n_steps=15):
    model = build_model()
    optimizer = make_optimizer(model.parameters())
    for step in range(n_steps):
        loss = F.mse_loss(model(X_train), y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model, optimizer, loss.item()
optimizers = {
    "SGD": lambda p: torch.optim.SGD(p, lr=0.05),
    "momentum": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
    "nesterov": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
    "adagrad": lambda p: torch.optim.Adagrad(p, lr=0.05),
    "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9),
    "adam": lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.999)),
    "adamax": lambda p: torch.optim.Adamax(p, lr=0.01),
    "nadam": lambda p: torch.optim.NAdam(p, lr=0.01),
    "adamw": lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=1e-2),
}
for name, make in optimizers.items():
    model, optimizer, last = run(make)
    print(f"{name:9s} {last:.5f}")
print(optimizer)

# %%
model, optimizer, _ = run(optimizers["adam"], n_steps=3)
state = optimizer.state[model[0].weight]
print(sorted(state), state["step"], state["exp_avg"].shape)
print(optimizer.state_dict()["param_groups"][0]["betas"], optimizer.defaults["eps"])
model, optimizer, _ = run(optimizers["nesterov"], n_steps=2)
print(sorted(optimizer.state[model[2].bias]), optimizer.state[model[2].bias]["momentum_buffer"])
model, optimizer, _ = run(optimizers["nadam"], n_steps=2)
print(sorted(optimizer.state[model[2].bias]), optimizer.state[model[2].bias]["mu_product"])
try:
    torch.optim.SGD(build_model().parameters(), lr=0.05, nesterov=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.Adam(build_model().parameters(), lr=-0.01)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.Adam(build_model().parameters(), betas=(1.0, 0.999))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.RMSprop(build_model().parameters(), lr=0.01, alpha=-0.9)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.SGD(build_model(), lr=0.1)
except Exception as e:
    print(type(e).__name__, e)

# %%
model = build_model()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = ExponentialLR(optimizer, gamma=0.9)
lrs = []
for epoch in range(5):
    loss = F.mse_loss(model(X_train), y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    scheduler.step()
    lrs.append(scheduler.get_last_lr())
print(lrs)
print(scheduler.last_epoch, scheduler.base_lrs, optimizer.param_groups[0]["lr"])
print(scheduler.state_dict())
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = StepLR(optimizer, step_size=2, gamma=0.5)
print([(optimizer.step(), scheduler.step(), scheduler.get_last_lr()[0])[2] for _ in range(6)])
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = LambdaLR(optimizer, lr_lambda=lambda epoch: 0.1 ** (epoch / 4))
print([(optimizer.step(), scheduler.step(), round(scheduler.get_last_lr()[0], 6))[2] for _ in range(4)])

# %%
import warnings
model = build_model()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    scheduler.step()
    s = ExponentialLR(optimizer, gamma=0.9)
    s.step()
    print([(x.category.__name__, str(x.message)[:90]) for x in w])
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = ReduceLROnPlateau(optimizer, mode="max", patience=1, factor=0.1)
for epoch, valid_metric in enumerate([0.5, 0.6, 0.6, 0.55, 0.58, 0.59, 0.7, 0.65]):
    optimizer.step()
    scheduler.step(valid_metric)
    print(epoch, scheduler.get_last_lr(), scheduler.num_bad_epochs, scheduler.best)
print(scheduler.state_dict()["cooldown_counter"], scheduler.mode, scheduler.threshold_mode)
try:
    scheduler.step()
except Exception as e:
    print(type(e).__name__, e)
try:
    ReduceLROnPlateau(optimizer, mode="maximize")
except Exception as e:
    print(type(e).__name__, e)
try:
    ReduceLROnPlateau(optimizer, factor=1.0)
except Exception as e:
    print(type(e).__name__, e)

# %%
model = build_model()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
scheduler = OneCycleLR(optimizer, max_lr=0.1, total_steps=10)
lrs, moms = [], []
for step in range(10):
    optimizer.step()
    lrs.append(round(scheduler.get_last_lr()[0], 6))
    moms.append(round(optimizer.param_groups[0]["momentum"], 4))
    scheduler.step()
print(lrs)
print(moms)
try:
    scheduler.step()
except Exception as e:
    print(type(e).__name__, e)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
scheduler = OneCycleLR(optimizer, max_lr=0.01, epochs=2, steps_per_epoch=3, anneal_strategy="linear")
print(optimizer.param_groups[0]["betas"], optimizer.param_groups[0]["initial_lr"], optimizer.param_groups[0]["max_lr"])
try:
    OneCycleLR(optimizer, max_lr=0.01)
except Exception as e:
    print(type(e).__name__, e)

# %%
optimizer = torch.optim.SGD(build_model().parameters(), lr=0.1)
scheduler = CosineAnnealingLR(optimizer, T_max=5, eta_min=0.001)
out = []
for epoch in range(8):
    optimizer.step()
    scheduler.step()
    out.append(round(scheduler.get_last_lr()[0], 6))
print(out)
optimizer = torch.optim.SGD(build_model().parameters(), lr=0.1)
warmup = LinearLR(optimizer, start_factor=0.1, total_iters=3)
cosine = CosineAnnealingLR(optimizer, T_max=4)
scheduler = SequentialLR(optimizer, schedulers=[warmup, cosine], milestones=[3])
out = []
for epoch in range(8):
    optimizer.step()
    out.append(round(scheduler.get_last_lr()[0], 6))
    scheduler.step()
print(out)
optimizer = torch.optim.SGD(build_model().parameters(), lr=0.1)
scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=3, T_mult=2)
out = []
for epoch in range(10):
    optimizer.step()
    scheduler.step()
    out.append(round(scheduler.get_last_lr()[0], 6))
print(out, scheduler.T_i, scheduler.T_cur)
try:
    CosineAnnealingWarmRestarts(optimizer, T_0=0)
except Exception as e:
    print(type(e).__name__, e)
try:
    LinearLR(optimizer, start_factor=0)
except Exception as e:
    print(type(e).__name__, e)
