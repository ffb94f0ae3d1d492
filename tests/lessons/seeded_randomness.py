# Imitates a reproducibility lesson: manual_seed then randn/rand/randint, nn.Linear init, randperm mini-batches.
import torch
import torch.nn as nn

# %%
torch.manual_seed(42)
print(torch.randn(2, 3))
print(torch.rand(3))
print(torch.randint(0, 10, (2, 4)))

# %%
torch.manual_seed(42)
a = torch.randn(2, 3)
torch.manual_seed(42)
b = torch.randn(2, 3)
print(torch.equal(a, b))

# %%
torch.manual_seed(0)
layer = nn.Linear(3, 2)
print(layer.weight)
print(layer.bias)

# %%
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
for name, p in net.named_parameters():
    print(name, p.shape, f"{p.sum().item():.4f}")

# %%
torch.manual_seed(123)
X = torch.randn(10, 2)
y = (X[:, 0] > 0).long()
batch_size = 4
perm = torch.randperm(X.size(0))
print(perm)
for i in range(0, X.size(0), batch_size):
    idx = perm[i:i + batch_size]
    print(i, idx.tolist(), y[idx])

# %%
torch.manual_seed(7)
w = torch.randn(3, 1, requires_grad=True)
print(w)
noise = torch.randn(5) * 0.1
print(noise)
print(torch.normal(mean=0.0, std=1.0, size=(2, 2)))

# %%
torch.manual_seed(2024)
print(torch.rand(1).item())
print(torch.randn(()).item())
print(torch.randint(1, 7, (1,)).item())

# %%
torch.manual_seed(5)
data = torch.arange(12.0).reshape(6, 2)
shuffled = data[torch.randperm(6)]
print(shuffled)
print(torch.randn(3, dtype=torch.float64))
