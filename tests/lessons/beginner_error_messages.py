# Imitates a "the errors every beginner meets" notebook: each cell makes one classic mistake and shows the error
# (shape mismatch in matmul / Linear / cat / stack / broadcasting, wrong dtype for cross_entropy and nll_loss
# targets, Float vs Double in a layer, backward twice, backward on a non-scalar, grad of an int tensor,
# in-place on a leaf, .numpy() of a requires-grad tensor, item() of a multi-element tensor, index out of range).
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
A = torch.randn(3, 4)
B = torch.randn(3, 4)
A @ B

# %%
torch.mm(A, torch.randn(5, 2))

# %%
lin = nn.Linear(10, 2)
lin(torch.randn(4, 8))

# %%
torch.cat([torch.zeros(2, 3), torch.zeros(2, 4)], dim=0)

# %%
torch.stack([torch.zeros(2, 3), torch.zeros(3, 2)])

# %%
torch.ones(2, 3) + torch.ones(3, 2)

# %%
logits = torch.randn(4, 3)
target = torch.tensor([0., 1., 2., 1.])
F.cross_entropy(logits, target)

# %%
F.cross_entropy(logits, torch.tensor([0, 1, 2, 1], dtype=torch.int32))

# %%
F.nll_loss(F.log_softmax(logits, 1), torch.tensor([0., 1., 2., 1.]))

# %%
F.cross_entropy(logits, torch.tensor([0, 1, 3, 1]))

# %%
nn.Linear(3, 2)(torch.ones(2, 3, dtype=torch.float64))

# %%
nn.Linear(3, 2)(torch.tensor([[1, 2, 3]]))

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x * x).sum()
y.backward()
y.backward()

# %%
z = x * 2
z.backward()

# %%
torch.tensor([1, 2, 3], requires_grad=True)

# %%
w = torch.ones(3, requires_grad=True)
w += 1

# %%
w.numpy()

# %%
torch.randn(3).item()

# %%
torch.arange(5)[5]

# %%
F.mse_loss(torch.randn(4, 1), torch.randn(4))

# %%
nn.MSELoss()(torch.randn(4), torch.randn(5))

# %%
F.binary_cross_entropy(torch.tensor([0.2, 1.2]), torch.tensor([0., 1.]))

# %%
nn.BCELoss()(torch.tensor([0.2, 0.8]), torch.tensor([0, 1]))

# %%
conv = nn.Conv2d(3, 8, 3)
conv(torch.randn(1, 1, 8, 8))

# %%
conv(torch.randn(3, 8))

# %%
nn.Embedding(5, 2)(torch.tensor([1.0, 2.0]))

# %%
nn.Embedding(5, 2)(torch.tensor([1, 7]))

# %%
torch.randn(2, 3).view(4, 2)

# %%
nn.BatchNorm1d(3)(torch.randn(1, 3))

# %%
torch.zeros(3).long() / 0

# %%
torch.optim.SGD([torch.ones(2)], lr=0.1)

# %%
torch.optim.Adam(nn.Linear(2, 2).parameters(), lr=-1)

# %%
opt = torch.optim.SGD(nn.Linear(2, 2), lr=0.1)

# %%
x = torch.ones(2, requires_grad=True)
print(x.grad)
x.grad.zero_()
