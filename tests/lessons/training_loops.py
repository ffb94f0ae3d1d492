# Imitates training-loop lessons: a regression MLP with SGD + momentum, then a classifier with Adam and mini-batches.
import torch
import torch.nn as nn

# %%
torch.manual_seed(0)
X = torch.linspace(-1, 1, 50).unsqueeze(1)
y = X ** 2 + 0.05 * torch.randn(X.size())
print(X.shape, y.shape)

# %%
model = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss_fn = nn.MSELoss()
losses = []
for epoch in range(60):
    pred = model(X)
    loss = loss_fn(pred, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    if (epoch + 1) % 10 == 0:
        print(f"Epoch [{epoch + 1}/60], Loss: {loss.item():.4f}")

# %%
print(f"{losses[0]:.5f} -> {losses[-1]:.5f}")
print(f"{loss:.4f}")
print(optimizer.param_groups[0]['lr'], optimizer.param_groups[0]['momentum'])

# %%
with torch.no_grad():
    test = torch.tensor([[-0.5], [0.0], [0.5]])
    print(model(test))

# %%
# plain SGD with weight decay and nesterov on a linear model
torch.manual_seed(1)
lin = nn.Linear(3, 1)
opt = torch.optim.SGD(lin.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-3)
Xb = torch.randn(16, 3)
yb = Xb @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3
for epoch in range(30):
    opt.zero_grad()
    loss = ((lin(Xb) - yb) ** 2).mean()
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(epoch, f"{loss.item():.4f}")
print(lin.weight.data, lin.bias.data)

# %%
# --- a training-loop lesson with Adam: classifier on a toy dataset, mini-batches from randperm, accuracy per epoch ---
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(42)
n = 60
X = torch.randn(n, 2)
y = ((X[:, 0] * X[:, 1]) > 0).long()
print(X[:3], y[:10])

# %%
class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(2, 16)
        self.out = nn.Linear(16, 2)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)))

model = Classifier()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
criterion = nn.CrossEntropyLoss()

# %%
for epoch in range(1, 16):
    perm = torch.randperm(n)
    epoch_loss = 0.0
    for i in range(0, n, 20):
        idx = perm[i:i + 20]
        logits = model(X[idx])
        loss = criterion(logits, y[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item() * len(idx)
    if epoch % 5 == 0:
        with torch.no_grad():
            acc = (model(X).argmax(1) == y).float().mean()
        print(f"epoch {epoch:2d}  loss {epoch_loss / n:.4f}  acc {acc:.3f}")

# %%
print(optimizer.param_groups[0]['lr'], optimizer.param_groups[0]['betas'])

# %%
F.softmax(model(X[:2]), dim=1)
