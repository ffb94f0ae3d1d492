# Imitates a blog post's LSTM / GRU forecaster: batch_first windows, the last time step as the summary, a multi-step
# head, early stopping with a deep-copied state_dict saved to an in-memory buffer, evaluation under no_grad, and the
# mistakes readers ask about (batch_first forgotten, hidden states of the wrong shape, view on a non-contiguous
# output, a Long tensor fed to the LSTM).
import copy
import io
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(1)
t = torch.arange(80, dtype=torch.float32)
series = torch.sin(t / 4) + 0.05 * torch.randn(80)
lookback, horizon = 10, 3
windows = series.unfold(0, lookback + horizon, 1)
X, Y = windows[:, :lookback].unsqueeze(-1), windows[:, lookback:]
split = int(0.8 * len(X))
train_dl = DataLoader(TensorDataset(X[:split], Y[:split]), batch_size=16)
X_val, Y_val = X[split:], Y[split:]
print(X.shape, Y.shape, len(train_dl), X_val.shape)

# %%
class LSTMForecaster(nn.Module):
    def __init__(self, hidden=16, layers=2, horizon=3):
        super().__init__()
        self.lstm = nn.LSTM(input_size=1, hidden_size=hidden, num_layers=layers, batch_first=True, dropout=0.1)
        self.fc = nn.Linear(hidden, horizon)
    def forward(self, x):
        out, (h, c) = self.lstm(x)
        return self.fc(out[:, -1, :])

model = LSTMForecaster()
print(model)
out, (h, c) = model.lstm(X[:4])
print(out.shape, h.shape, c.shape)
print(torch.allclose(out[:, -1, :], h[-1]))
print(model(X[:4]).shape, model(X[:4]).grad_fn)
print(sum(p.numel() for p in model.parameters()))

# %%
loss_fn = nn.MSELoss()
opt = torch.optim.Adam(model.parameters(), lr=0.01)
best, best_state, patience, bad = float("inf"), None, 3, 0
for epoch in range(6):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    model.eval()
    with torch.no_grad():
        val = loss_fn(model(X_val), Y_val).item()
    if val < best:
        best, bad = val, 0
        best_state = copy.deepcopy(model.state_dict())
    else:
        bad += 1
        if bad >= patience:
            print("early stop at", epoch)
            break
    print(epoch, round(loss.item(), 4), round(val, 4))
print(list(best_state)[:4], best_state["fc.bias"].requires_grad)

# %%
buf = io.BytesIO()
torch.save(best_state, buf)
buf.seek(0)
state = torch.load(buf)
restored = LSTMForecaster()
print(restored.load_state_dict(state))
restored.eval()
with torch.no_grad():
    pred = restored(X_val)
print(pred.shape, pred.requires_grad, torch.allclose(pred, restored(X_val).detach(), atol=1e-6))
rmse = torch.sqrt(((pred - Y_val) ** 2).mean())
print(rmse.shape, rmse.dtype)

# %%
gru = nn.GRU(1, 8, batch_first=True)
head = nn.Linear(8, 1)
out, h = gru(X[:5])
print(out.shape, h.shape, torch.allclose(out[:, -1], h[0]))
print(head(out[:, -1, :]).squeeze(-1).shape, head(h.squeeze(0)).shape)
h0 = torch.zeros(1, 5, 8)
out2, _ = gru(X[:5], h0)
print(torch.allclose(out, out2))

# %%
# Forgot batch_first: (batch, seq, feature) is read as (seq, batch, feature), and nothing complains.
plain = nn.LSTM(1, 4)
out, (h, c) = plain(X[:6])
print(out.shape, h.shape)

# %%
lstm = nn.LSTM(1, 4, batch_first=True)
h0 = torch.zeros(6, 1, 4)
c0 = torch.zeros(1, 6, 4)
lstm(X[:6], (h0, c0))

# %%
lstm(X[:6], (torch.zeros(1, 6, 4), torch.zeros(1, 6, 5)))

# %%
lstm(X[:6], torch.zeros(1, 6, 4))

# %%
gru(X[:5], torch.zeros(5, 8))

# %%
gru(X[:5], torch.zeros(2, 5, 8))

# %%
lstm(X[:6, :, 0])

# %%
lstm(X[0])

# %%
lstm(torch.zeros(6, 10, 3))

# %%
bi = nn.LSTM(1, 4, batch_first=True, bidirectional=True)
out, (h, c) = bi(X[:3])
print(out.shape, h.shape)
print(out.is_contiguous(), out.stride(), out.transpose(0, 1).is_contiguous())
out.view(3, -1)

# %%
flat = out.reshape(3, -1)
print(flat.shape, out.contiguous().view(3, -1).shape, flat.grad_fn)
print(torch.cat([h[-2], h[-1]], dim=1).shape)

# %%
lstm(torch.randint(0, 5, (2, 10, 1)))

# %%
lstm(X[:2].double())

# %%
model.eval()
with torch.no_grad():
    x = X_val[:1]
    preds = []
    for _ in range(3):
        y1 = model(x)[:, :1]
        preds.append(y1)
        x = torch.cat([x[:, 1:, :], y1.unsqueeze(-1)], dim=1)
print(torch.cat(preds, dim=1).shape, x.shape)
