# Imitates a forum-style walkthrough of the follow-up questions of forecasting learners: differencing and its
# inverse, robust scaling with quantiles, ragged series through a packed LSTM, a stateful LSTM with truncated BPTT
# (and the error when the hidden state is not detached), an LSTMCell rollout, why the best weights must be
# deep-copied, and saving whole models versus state_dicts to an in-memory buffer.
import copy
import io
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(5)
series = torch.cumsum(torch.randn(40), dim=0) + 20
d = torch.diff(series)
print(d.shape, torch.allclose(series[0] + torch.cat([torch.zeros(1), d.cumsum(0)]), series))
print(torch.diff(series, n=2).shape, torch.diff(series, prepend=series[:1]).shape)
q1, q3 = torch.quantile(series[:30], torch.tensor([0.25, 0.75]))
robust = (series - series[:30].median()) / (q3 - q1)
print(q1, q3, robust[:3])
print(torch.aminmax(series[:30]), series[:30].median(dim=0))

# %%
torch.diff(series, dim=1)

# %%
series.unfold(0, 50, 1)

# %%
series.unfold(1, 5, 1)

# %%
torch.stack([series[i:i + 5] for i in range(0, 40, 5)] + [series[38:]])

# %%
torch.quantile(series.long(), 0.5)

# %%
ragged = [series[:7], series[7:10], series[10:15]]
lengths = torch.tensor([len(s) for s in ragged])
padded = pad_sequence(ragged, batch_first=True).unsqueeze(-1)
lstm = nn.LSTM(1, 6, batch_first=True)
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
out, (h, c) = lstm(packed)
unpacked, lens = pad_packed_sequence(out, batch_first=True)
print(unpacked.shape, lens, h.shape)
last = unpacked[torch.arange(3), lens - 1]
print(torch.allclose(last, h[0]), unpacked[1, 3:].abs().sum())

# %%
pack_padded_sequence(padded, lengths, batch_first=True)

# %%
pack_padded_sequence(padded, lengths.float(), batch_first=True, enforce_sorted=False).batch_sizes

# %%
stateful = nn.LSTM(1, 4, batch_first=True)
head = nn.Linear(4, 1)
opt = torch.optim.SGD(list(stateful.parameters()) + list(head.parameters()), lr=0.05)
chunks = series[:36].view(1, 6, 6, 1).unbind(1)
state = None
for i, chunk in enumerate(chunks[:3]):
    out, state = stateful(chunk, state)
    state = tuple(s.detach() for s in state)
    loss = (head(out[:, :-1]) - chunk[:, 1:]).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(i, out.shape, state[0].requires_grad, round(loss.item(), 3))

# %%
state = None
for chunk in chunks[3:5]:
    out, state = stateful(chunk, state)
    loss = (head(out[:, :-1]) - chunk[:, 1:]).pow(2).mean()
    opt.zero_grad()
    loss.backward()

# %%
cell = nn.LSTMCell(1, 4)
hx, cx = torch.zeros(2, 4), torch.zeros(2, 4)
x = series[:2].view(2, 1)
outs = []
for step in range(3):
    hx, cx = cell(x, (hx, cx))
    x = head(hx)
    outs.append(x)
print(torch.stack(outs, dim=1).shape, hx.grad_fn, cx.grad_fn)
print(cell(series[:1], (torch.zeros(4), torch.zeros(4)))[0].shape)

# %%
cell(series[:2].view(2, 1), torch.zeros(2, 4))

# %%
cell(series[:2].view(2, 1), (torch.zeros(3, 4), torch.zeros(3, 4)))

# %%
model = nn.Linear(3, 1)
best = model.state_dict()
best_copy = copy.deepcopy(model.state_dict())
with torch.no_grad():
    model.weight.add_(1.0)
print(torch.equal(best["weight"], model.weight), torch.equal(best_copy["weight"], model.weight))
print(best["weight"].data_ptr() == model.weight.data_ptr(), best_copy["weight"].requires_grad)
model.load_state_dict(best_copy)
print(model.weight.requires_grad, model.weight.grad_fn, model.weight.is_leaf)

# %%
buf = io.BytesIO()
torch.save({"epoch": 3, "model": model.state_dict(), "val": torch.tensor(0.25)}, buf)
buf.seek(0)
ck = torch.load(buf, weights_only=True)
print(sorted(ck), ck["epoch"], ck["val"], ck["model"]["bias"].shape)
buf = io.BytesIO()
torch.save(model, buf)
buf.seek(0)
print(type(torch.load(buf, weights_only=False)).__name__)

# %%
buf = io.BytesIO()
torch.save(model.state_dict(), buf)
buf.seek(0)
torch.load(buf, map_location="cuda")

# %%
buf.seek(0)
print(torch.load(buf, map_location=torch.device("cpu"))["bias"].shape)

# %%
model.load_state_dict({"weight": torch.zeros(1, 3)})

# %%
model.load_state_dict({"weight": torch.zeros(1, 4), "bias": torch.zeros(1)})

# %%
dl = DataLoader(TensorDataset(series[:30].view(10, 3)), batch_size=4, drop_last=True)
print(len(dl), [b[0].shape for b in dl])
dl2 = DataLoader(TensorDataset(series[:30].view(10, 3)), batch_size=4)
print(len(dl2), [b[0].shape[0] for b in dl2])
