# Imitates the older GitHub training scripts and course notebooks that open with `from torch.nn import *`,
# `from torch.nn.functional import *`, `from torch.optim import *` and `from torch.optim.lr_scheduler import *`
# (the "PyTorch in one file" regression / classification examples), with the learner's own `loss` history,
# `conv` note and `adam` flag defined before the star imports, then a small training loop with StepLR, and the
# dir()/hasattr checks such notebooks print to see what a module offers.
import torch
loss = []             # the loss history an earlier cell started
conv = "3x3, stride 1"
adam = True           # a flag: which optimizer to use
sgd = "momentum 0.9"
from torch.nn import *
from torch.nn.functional import *
from torch.optim import *
from torch.optim.lr_scheduler import *

# %%
print(type(loss).__name__, conv, adam, sgd)
print(type(grad).__name__, grad.__name__.split(".")[-1])     # F's star import binds the module torch.nn.grad
print([n for n in ("activation", "container", "lr_scheduler", "optimizer", "functional", "init", "utils")
       if n in globals()])

# %%
torch.manual_seed(0)
X = torch.linspace(-1, 1, 16).unsqueeze(1)
y = 2 * X + 0.3 * torch.sin(3 * X)
model = Sequential(Linear(1, 8), Tanh(), Linear(8, 1))
optimizer = Adam(model.parameters(), lr=0.05) if adam else SGD(model.parameters(), lr=0.1, momentum=0.9)
scheduler = StepLR(optimizer, step_size=3, gamma=0.5)
criterion = MSELoss()
for epoch in range(6):
    optimizer.zero_grad()
    out = criterion(model(X), y)
    out.backward()
    optimizer.step()
    scheduler.step()
    loss.append(round(out.item(), 4))
print(loss)
print(scheduler.get_last_lr(), mse_loss(model(X), y).item() < loss[0])
print(relu(torch.tensor([-1.0, 2.0])), softmax(torch.tensor([1.0, 2.0]), dim=0))

# %%
print([n for n in dir(torch.optim) if n.startswith(("Ada", "R", "S"))])
print([n for n in dir(torch.optim.lr_scheduler) if n.endswith("LR")])
print(hasattr(torch.nn.functional, "gelu"), hasattr(torch.optim, "AdamW"), hasattr(torch.nn, "TransformerEncoder"))
