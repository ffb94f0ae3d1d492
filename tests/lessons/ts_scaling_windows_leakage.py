# Imitates a forecasting notebook's data chapter: a synthetic series, sliding windows made with a Python loop and
# torch.stack and with unfold, a chronological split, min-max and standard scaling fitted on the training split
# only (and the leakage when they are not), inverse transforms, ragged series padded with pad_sequence, and a
# DataLoader without shuffle.
import torch
from torch.utils.data import TensorDataset, DataLoader
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence

torch.manual_seed(0)
n = 48
t = torch.arange(n, dtype=torch.float32)
series = 10 + 0.2 * t + 3 * torch.sin(2 * torch.pi * t / 12) + 0.5 * torch.randn(n)
print(series.shape, series.dtype)
print(series[:6])

# %%
def make_windows(x, lookback, horizon):
    xs, ys = [], []
    for i in range(len(x) - lookback - horizon + 1):
        xs.append(x[i:i + lookback])
        ys.append(x[i + lookback:i + lookback + horizon])
    return torch.stack(xs), torch.stack(ys)

X, Y = make_windows(series, lookback=6, horizon=2)
print(X.shape, Y.shape)
W = series.unfold(0, 8, 1)
print(W.shape, W.stride(), W.is_contiguous())
print(torch.equal(W[:, :6], X), torch.equal(W[:, 6:], Y))
print(series.unfold(0, 8, 4).shape)

# %%
split = int(0.75 * len(series))
train, test = series[:split], series[split:]
print(split, train.shape, test.shape)
lo, hi = train.min(), train.max()
train_s = (train - lo) / (hi - lo)
test_s = (test - lo) / (hi - lo)
print(train_s.min(), train_s.max())
print(test_s.min(), test_s.max())
restored = test_s * (hi - lo) + lo
print(torch.allclose(restored, test), (restored - test).abs().max())

# %%
feats = torch.stack([series, series.roll(1), torch.cos(t)], dim=1)
tr = feats[:split]
mu = tr.mean(dim=0, keepdim=True)
sd = tr.std(dim=0, keepdim=True)
print(mu.shape, sd.shape)
print(mu)
print(sd)
print(tr.std(dim=0, unbiased=False))
print(tr.std(dim=0, correction=0))
print(torch.std_mean(tr, dim=0, correction=1))
print(tr.var(0, keepdim=True).sqrt().sub(sd).abs().max())
z = (feats - mu) / sd
print(z[:split].mean(0), z[split:].mean(0))

# %%
# Leakage: statistics fitted on the whole series make the test split look better centered than it is.
mu_all, sd_all = series.mean(), series.std()
mu_tr, sd_tr = train.mean(), train.std()
print(f"fit on all:   test mean {((test - mu_all) / sd_all).mean():.4f}")
print(f"fit on train: test mean {((test - mu_tr) / sd_tr).mean():.4f}")
naive = test[:-1]
print("naive RMSE", torch.sqrt(((test[1:] - naive) ** 2).mean()))

# %%
one = series[:1]
print(one.std(), one.std(unbiased=False), one.var())
print(torch.tensor([]).mean(), torch.tensor([]).std())
print(one.std(correction=0))

# %%
print(series[:1].view(1, 1).std(dim=0))
print(tr.std(dim=1, keepdim=True)[:3])

# %%
ragged = [series[:5], series[5:8], series[8:15]]
lengths = torch.tensor([len(s) for s in ragged])
padded = pad_sequence(ragged, batch_first=True)
print(padded.shape, lengths)
print(padded[1])
print(pad_sequence(ragged, padding_value=-1.0).shape)
print(pad_sequence(ragged, batch_first=True, padding_side="left")[1])
packed = pack_padded_sequence(padded.unsqueeze(-1), lengths, batch_first=True, enforce_sorted=False)
print(packed.batch_sizes, packed.sorted_indices)

# %%
pad_sequence([series[:3], series[:4].view(2, 2)])

# %%
Xs = ((X - lo) / (hi - lo)).unsqueeze(-1)
Ys = (Y - lo) / (hi - lo)
ds = TensorDataset(Xs, Ys)
print(len(ds), ds[0][0].shape, ds[0][1])
dl = DataLoader(ds, batch_size=16, shuffle=False)
for i, (xb, yb) in enumerate(dl):
    print(i, xb.shape, yb.shape)
print(len(dl), next(iter(dl))[1][:2])

# %%
TensorDataset(Xs, Ys[:-1])
