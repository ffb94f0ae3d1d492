# Imitates Jose Portilla's "PyTorch for Deep Learning with Python Bootcamp" (Udemy), notebooks
# "01-Basic-RNN" (an LSTM on a sine wave) and "02-RNN-on-a-Time-Series" (a sales series, made here with numpy instead
# of the FRED csv): input_data() sliding windows into (seq, label) tuples, an LSTMnetwork(input_size=1,
# hidden_size=50, out_size=1) whose hidden tuple is reset each sequence as (torch.zeros(1,1,hidden),
# torch.zeros(1,1,hidden)), seq.view(len(seq), 1, -1), pred[-1], future-forecasting loops appending preds with
# .item(), MinMax-like scaling by hand to (-1, 1) and its inverse transform, and the parameter count.
import numpy as np
import torch
import torch.nn as nn

x = torch.linspace(0, 799, 800)
y = torch.sin(x * 2 * 3.1416 / 40)
print(x.shape, y.shape, y[:4])
test_size = 20
train_set = y[:-test_size]
test_set = y[-test_size:]
print(train_set.shape, test_set.shape)


def input_data(seq, ws):
    out = []
    L = len(seq)
    for i in range(L - ws):
        window = seq[i:i + ws]
        label = seq[i + ws:i + ws + 1]
        out.append((window, label))
    return out


window_size = 20
train_data = input_data(train_set, window_size)
print(len(train_data))
print(train_data[0][0].shape, train_data[0][1], type(train_data[0]))

# %%
class LSTMnetwork(nn.Module):
    def __init__(self, input_size=1, hidden_size=50, out_size=1):
        super().__init__()
        self.hidden_size = hidden_size
        self.lstm = nn.LSTM(input_size, hidden_size)
        self.linear = nn.Linear(hidden_size, out_size)
        self.hidden = (torch.zeros(1, 1, hidden_size), torch.zeros(1, 1, hidden_size))

    def forward(self, seq):
        lstm_out, self.hidden = self.lstm(seq.view(len(seq), 1, -1), self.hidden)
        pred = self.linear(lstm_out.view(len(seq), -1))
        return pred[-1]


torch.manual_seed(42)
model = LSTMnetwork(hidden_size=12)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
print(model)
for p in model.parameters():
    print(p.numel())
total = 0
for name, p in model.named_parameters():
    total += p.numel()
    print(f'{name:18} {str(tuple(p.shape)):10} {p.numel():>6}')
print(f'______\n{total:>6}')
print(model.hidden[0].shape, model.hidden[1].requires_grad)

# %%
epochs = 2
future = 10
for i in range(epochs):
    for seq, y_train in train_data[:25]:
        optimizer.zero_grad()
        model.hidden = (torch.zeros(1, 1, model.hidden_size),
                        torch.zeros(1, 1, model.hidden_size))
        y_pred = model(seq)
        loss = criterion(y_pred, y_train)
        loss.backward()
        optimizer.step()
    print(f'Epoch: {i+1:2} Loss: {loss.item():10.8f}')
    preds = train_set[-window_size:].tolist()
    for f in range(future):
        seq = torch.FloatTensor(preds[-window_size:])
        with torch.no_grad():
            model.hidden = (torch.zeros(1, 1, model.hidden_size),
                            torch.zeros(1, 1, model.hidden_size))
            preds.append(model(seq).item())
    loss = criterion(torch.tensor(preds[-future:]), y[780:790])
    print(f'Loss on test predictions: {loss}')
print(len(preds), type(preds[-1]), y_pred.shape, y_pred.grad_fn)

# %%
# forgetting to reset the hidden state: the second backward goes through the first sequence's graph
model.hidden = (torch.zeros(1, 1, model.hidden_size), torch.zeros(1, 1, model.hidden_size))
try:
    for seq, y_train in train_data[:2]:
        optimizer.zero_grad()
        loss = criterion(model(seq), y_train)
        loss.backward()
        optimizer.step()
except Exception as e:
    print(type(e).__name__, e)
print(model.hidden[0].grad_fn is not None, model.hidden[0].shape)
model.hidden = (torch.zeros(1, 1, model.hidden_size), torch.zeros(1, 1, model.hidden_size))
try:
    model(torch.zeros(5, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    model.lstm(torch.zeros(5, 1, 1), (torch.zeros(1, 12), torch.zeros(1, 12)))
except Exception as e:
    print(type(e).__name__, e)
try:
    model.lstm(torch.zeros(5, 1, 1), torch.zeros(1, 1, 12))
except Exception as e:
    print(type(e).__name__, e)
try:
    model.lstm(torch.zeros(5, 1, 1), (torch.zeros(1, 2, 12), torch.zeros(1, 2, 12)))
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(model(train_data[0][0]), train_data[0][1].view(1, 1))
except Exception as e:
    print(type(e).__name__, e)

# %%
rng = np.random.RandomState(0)
months = np.arange(40)
sales = 10000 + 80 * months + 1500 * np.sin(2 * np.pi * months / 12) + 200 * rng.randn(40)
print(sales.dtype, sales.shape, round(float(sales.min()), 1), round(float(sales.max()), 1))
y = sales.astype(float)
test_size = 12
train_set = y[:-test_size]
test_set = y[-test_size:]
lo, hi = train_set.min(), train_set.max()
train_norm = (train_set - lo) / (hi - lo) * 2 - 1
print(train_norm.min(), train_norm.max(), train_norm.shape)
train_norm = torch.FloatTensor(train_norm).view(-1)
print(train_norm.dtype, train_norm.shape, train_norm[:3])
window_size = 6
train_data = input_data(train_norm, window_size)
print(len(train_data), train_data[0][1])

# %%
torch.manual_seed(101)
model = LSTMnetwork(hidden_size=10)
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
for epoch in range(1):
    for seq, y_train in train_data:
        optimizer.zero_grad()
        model.hidden = (torch.zeros(1, 1, model.hidden_size),
                        torch.zeros(1, 1, model.hidden_size))
        y_pred = model(seq)
        loss = criterion(y_pred, y_train)
        loss.backward()
        optimizer.step()
    print(f'Epoch: {epoch+1:2} Loss: {loss.item():10.8f}')
future = 12
preds = train_norm[-window_size:].tolist()
model.eval()
for i in range(future):
    seq = torch.FloatTensor(preds[-window_size:])
    with torch.no_grad():
        model.hidden = (torch.zeros(1, 1, model.hidden_size),
                        torch.zeros(1, 1, model.hidden_size))
        preds.append(model(seq).item())
print(len(preds), len(preds[window_size:]))
true_predictions = (np.array(preds[window_size:]).reshape(-1, 1) + 1) / 2 * (hi - lo) + lo
print(true_predictions.shape, true_predictions.dtype)
inv = (train_norm.numpy().reshape(-1, 1) + 1) / 2 * (hi - lo) + lo
print(inv.dtype, np.allclose(inv.ravel(), train_set, rtol=1e-5))
x = np.arange('2019-01-01', '2020-01-01', dtype='datetime64[M]').astype('datetime64[D]')
print(x[:3], len(x) == len(true_predictions))
print(torch.tensor(true_predictions).dtype, torch.from_numpy(true_predictions).shape)
