# Imitates a "common mistakes" lesson: the shape, dtype and argument errors (and warnings) learners hit with nn and
# losses.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
model = nn.Linear(3, 2)
model(torch.ones(4, 2))

# %%
model(torch.tensor([[1, 2, 3]]))

# %%
model(torch.ones(4, 3, dtype=torch.float64))

# %%
pred = torch.ones(4, 1)
target = torch.tensor([1.0, 0.0, 1.0, 1.0])
nn.MSELoss()(pred, target)

# %%
nn.MSELoss()(pred, target.view(-1, 1))

# %%
logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]])
nn.CrossEntropyLoss()(logits, torch.tensor([0.0, 2.0]))

# %%
nn.CrossEntropyLoss()(logits, torch.tensor([0, 3]))

# %%
nn.CrossEntropyLoss()(logits, torch.tensor([0, 2]))

# %%
probs = torch.sigmoid(torch.tensor([0.3, -1.2, 2.0]))
nn.BCELoss()(probs, torch.tensor([1, 0, 1]))

# %%
nn.BCELoss()(probs, torch.tensor([1.0, 0.0, 1.0]))

# %%
nn.BCELoss()(torch.tensor([0.5, 1.5]), torch.tensor([1.0, 0.0]))

# %%
F.softmax(torch.tensor([1.0, 2.0, 3.0]))

# %%
torch.optim.Adam(model, lr=0.1)

# %%
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    out = (x * 2).sum()
out.backward()
