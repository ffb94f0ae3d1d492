# Imitates an "improving the training loop" lesson: TensorDataset/DataLoader, Dropout, LeakyReLU, clip_grad_norm_,
# StepLR.
import torch
from torch import nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader

# %%
torch.manual_seed(0)
X = torch.randn(12, 2)
y = X @ torch.tensor([[1.0], [-1.0]]) + 0.5
dataset = TensorDataset(X, y)
print(len(dataset))
print(dataset[0])

# %%
loader = DataLoader(dataset, batch_size=5, shuffle=False)
for xb, yb in loader:
    print(xb.shape, yb.shape)

# %%
u = torch.tensor([-2.0, 0.0, 0.5], requires_grad=True)
F.leaky_relu(u, 0.1).sum().backward()
print(u.grad)
print(nn.LeakyReLU(0.2)(u))

# %%
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(8, 1))
print(model)
model.eval()
with torch.no_grad():
    print(model(X[:2]))

# %%
model.train()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
for epoch in range(4):
    for xb, yb in loader:
        loss = F.mse_loss(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        total_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        opt.step()
    scheduler.step()
    print(epoch, f"{loss.item():.4f}", scheduler.get_last_lr())
