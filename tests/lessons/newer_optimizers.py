# Imitates "comparing optimizers" lessons with the newer/rarer torch.optim classes: RAdam (decoupled), NAdam,
# Adamax, Adadelta, Rprop, ASGD, Adafactor, AdamW amsgrad, SGD nesterov/maximize, and their printed reprs.
import torch
import torch.nn as nn

def run(make, steps=15):
    torch.manual_seed(0)
    model = nn.Linear(3, 1)
    X = torch.randn(32, 3)
    y = X @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3
    opt = make(model.parameters())
    for _ in range(steps):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        opt.step()
    return round(loss.item(), 5), model.weight.data.flatten()

for name, make in [
    ("RAdam", lambda p: torch.optim.RAdam(p, lr=0.05)),
    ("RAdam-dec", lambda p: torch.optim.RAdam(p, lr=0.05, weight_decay=0.1, decoupled_weight_decay=True)),
    ("NAdam", lambda p: torch.optim.NAdam(p, lr=0.05, momentum_decay=4e-3)),
    ("NAdam-dec", lambda p: torch.optim.NAdam(p, lr=0.05, weight_decay=0.1, decoupled_weight_decay=True)),
    ("Adamax", lambda p: torch.optim.Adamax(p, lr=0.05)),
    ("Adadelta", lambda p: torch.optim.Adadelta(p, lr=1.0, rho=0.9)),
    ("Rprop", lambda p: torch.optim.Rprop(p, lr=0.01, etas=(0.5, 1.2), step_sizes=(1e-6, 1))),
    ("ASGD", lambda p: torch.optim.ASGD(p, lr=0.05, t0=5)),
]:
    print(name, run(make))

# %%
for name, make in [
    ("AdamW-ams", lambda p: torch.optim.AdamW(p, lr=0.05, amsgrad=True)),
    ("SGD-nest", lambda p: torch.optim.SGD(p, lr=0.02, momentum=0.9, nesterov=True, dampening=0)),
    ("SGD-max", lambda p: torch.optim.SGD(p, lr=0.01, maximize=True)),
    ("Adagrad", lambda p: torch.optim.Adagrad(p, lr=0.5, lr_decay=0.01, initial_accumulator_value=0.1)),
    ("RMSprop-c", lambda p: torch.optim.RMSprop(p, lr=0.01, centered=True, momentum=0.5)),
    ("Adam-cap", lambda p: torch.optim.Adam(p, lr=torch.tensor(0.05))),
]:
    print(name, run(make))

# %%
p = [nn.Parameter(torch.zeros(2))]
print(torch.optim.NAdam(p))
print(torch.optim.RAdam(p, decoupled_weight_decay=True))
print(torch.optim.ASGD(p).defaults)
for bad in [lambda: torch.optim.SGD(p, lr=0.1, nesterov=True), lambda: torch.optim.Adam(p, lr=-1),
            lambda: torch.optim.Adam(p, betas=(1.0, 0.9)), lambda: torch.optim.RMSprop(p, alpha=-0.1),
            lambda: torch.optim.Rprop(p, etas=(1.5, 1.2)), lambda: torch.optim.Adadelta(p, rho=1.5),
            lambda: torch.optim.NAdam(p, momentum_decay=-1)]:
    try:
        bad()
    except ValueError as e:
        print(e)
