# Imitates a time-series forecasting notebook: sliding windows with Tensor.unfold, min-max scaling, a TensorDataset
# with a seeded random_split and DataLoader, an LSTM forecaster, and multi-step recursive prediction.
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader, random_split

torch.manual_seed(0)
t = torch.arange(0, 60, dtype=torch.float32)
series = torch.sin(t / 5) + 0.1 * torch.randn(60)
lo, hi = series.min(), series.max()
scaled = (series - lo) / (hi - lo)
win = scaled.unfold(0, 8, 1)
print(win.shape, win.stride(), win.is_contiguous(), win[0, :3], win[1, :3])
X, y = win[:, :-1].unsqueeze(-1), win[:, -1:]
print(X.shape, y.shape)
print(scaled.unfold(0, 10, 5).shape, torch.arange(12.).view(3, 4).unfold(1, 2, 2))

# %%
ds = TensorDataset(X, y)
train, val = random_split(ds, [0.8, 0.2], generator=torch.Generator().manual_seed(42))
print(len(train), len(val), train.indices[:5])
dl = DataLoader(train, batch_size=8, shuffle=True, generator=torch.Generator().manual_seed(1))
xb, yb = next(iter(dl))
print(xb.shape, yb[:3].squeeze())

# %%
class Forecaster(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(1, 16, batch_first=True)
        self.head = nn.Linear(16, 1)
    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])

model = Forecaster()
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(3):
    total = 0.0
    for xb, yb in dl:
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    print(epoch, round(total / len(train), 5))

# %%
model.eval()
with torch.no_grad():
    vx = torch.stack([val[i][0] for i in range(len(val))])
    vy = torch.stack([val[i][1] for i in range(len(val))])
    print(nn.functional.l1_loss(model(vx), vy))
    window = scaled[-7:].clone().view(1, 7, 1)
    preds = []
    for _ in range(5):
        nxt = model(window)
        preds.append(nxt.item())
        window = torch.cat([window[:, 1:], nxt.view(1, 1, 1)], dim=1)
print([round(p * (hi - lo).item() + lo.item(), 3) for p in preds])
