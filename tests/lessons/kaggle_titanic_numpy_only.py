# Imitates a beginner Kaggle "Titanic with PyTorch only" notebook: numpy-synthesised passengers, standardised
# numeric columns, one-hot Pclass/Embarked with F.one_hot + torch.cat, a seeded randperm split, a BatchNorm/Dropout
# MLP trained with BCEWithLogitsLoss(pos_weight=...), thresholding with torch.where/round and a CSV submission string.
import io
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

rng = np.random.default_rng(42)
n = 40
pclass = rng.integers(1, 4, size=n)
sex = rng.integers(0, 2, size=n)
age = rng.normal(30, 12, size=n).round(1)
fare = rng.exponential(30, size=n)
embarked = rng.integers(0, 3, size=n)
survived = (rng.random(n) < 0.35 + 0.3 * sex).astype(np.int64)
print(pclass[:6], age[:4], survived.mean())

# %%
num = torch.from_numpy(np.stack([age, fare], axis=1))
print(num.dtype, num.shape)
num = num.float()
mu = num.mean(dim=0, keepdim=True)
sd = num.std(dim=0, keepdim=True)
sd_b = num.std(dim=0, keepdim=True, unbiased=False)
print(mu, sd, sd_b)
print(num.std(0, correction=0), torch.std_mean(num, dim=0))
num_z = (num - mu) / sd
print(num_z.mean(0), num_z.std(0))
print(torch.var(num, 0, unbiased=False), num.var(dim=0, keepdim=True))

# %%
pc = torch.from_numpy(pclass)
print(pc.dtype, pc.min(), pc.max())
pc_oh = F.one_hot(pc - 1, num_classes=3)
emb_oh = F.one_hot(torch.as_tensor(embarked))
print(pc_oh[:3], pc_oh.dtype, emb_oh.shape)
X = torch.cat([num_z, torch.as_tensor(sex).unsqueeze(1).float(), pc_oh.float(), emb_oh.float()], dim=1)
y = torch.as_tensor(survived, dtype=torch.float32)
print(X.shape, X.dtype, y[:10])

# %%
try:
    F.one_hot(pc)
    print(F.one_hot(pc).shape)
    F.one_hot(pc, num_classes=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.one_hot(pc - 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.one_hot(pc.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cat([num_z, pc_oh], dim=1)
    print(torch.cat([num_z, pc_oh], dim=1).dtype)
    torch.cat([num_z, torch.as_tensor(sex)], dim=1)
except Exception as e:
    print(type(e).__name__, e)

# %%
g = torch.Generator().manual_seed(0)
perm = torch.randperm(n, generator=g)
print(perm)
n_val = int(0.25 * n)
val_idx, tr_idx = perm[:n_val], perm[n_val:]
X_tr, y_tr = X[tr_idx], y[tr_idx]
X_val, y_val = X.index_select(0, val_idx), y.index_select(0, val_idx)
print(X_tr.shape, X_val.shape, y_tr.sum(), g.initial_seed())
ds = TensorDataset(X_tr, y_tr)
print(len(ds), ds[0][1], [t.shape for t in ds[:2]])
loader = DataLoader(ds, batch_size=8, shuffle=True, generator=torch.Generator().manual_seed(1), drop_last=False)
print(len(loader))

# %%
torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(X.shape[1], 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(16, 1),
)
print(model)
n_pos = y_tr.sum()
pos_weight = (len(y_tr) - n_pos) / n_pos
print(pos_weight)
crit = nn.BCEWithLogitsLoss(pos_weight=pos_weight.reshape(1))
print(crit)
opt = torch.optim.Adam(model.parameters(), lr=1e-2, weight_decay=1e-4)
for epoch in range(5):
    model.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        out = model(xb).squeeze(1)
        loss = crit(out, yb)
        loss.backward()
        opt.step()
        total += loss.item() * xb.size(0)
    print(epoch, round(total / len(ds), 4))

# %%
model.eval()
with torch.no_grad():
    logits = model(X_val).squeeze(-1)
    probs = torch.sigmoid(logits)
pred = torch.where(probs > 0.5, 1, 0)
pred2 = probs.round()
print(pred, pred.dtype, pred2, pred2.dtype)
print(torch.where(probs > 0.5, 1.0, 0.0).dtype, torch.where(probs > 0.5, torch.tensor(1), 0).dtype)
print((pred == y_val).float().mean(), (pred2 == y_val).sum().item() / len(y_val))
print(probs.round(decimals=2))

# %%
try:
    model(X_val[0])
except Exception as e:
    print(type(e).__name__, e)
model.train()
try:
    model(X_val[:1])
except Exception as e:
    print(type(e).__name__, e)
try:
    crit(logits, y_val.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    crit(logits.unsqueeze(1), y_val)
except Exception as e:
    print(type(e).__name__, e)

# %%
buf = io.StringIO()
buf.write("PassengerId,Survived\n")
ids = torch.arange(892, 892 + n_val)
for pid, p in zip(ids.tolist(), pred.tolist()):
    buf.write(f"{pid},{p}\n")
for pid, p in zip(ids[:2], pred[:2]):
    buf.write(f"{pid.item()},{int(p)},{p}\n")
print(buf.getvalue())
print(f"{probs[0]:.3f}", f"{probs.mean().item():.3f}", f"{pred.sum()}")
print(repr(pred.tolist()), probs[:3].tolist() == [float(v) for v in probs[:3]])

# %%
import csv
raw_csv = "PassengerId,Age,Fare\n1,22,7.25\n2,38,71.2833\n3,,8.05\n"
rows = list(csv.reader(io.StringIO(raw_csv)))
header, body = rows[0], rows[1:]
print(header, body[0])
for make in [lambda: torch.tensor(body[0], dtype=torch.float32), lambda: torch.as_tensor(body[0], dtype=torch.float32),
             lambda: torch.tensor([1, "22", 7.25], dtype=torch.float32), lambda: torch.as_tensor("7.25", dtype=torch.float64),
             lambda: torch.as_tensor([[1, 22, 7.25], [3, 8.05]], dtype=torch.float32)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
data = torch.tensor([[float(v) if v else float("nan") for v in r] for r in body])
print(data, data.isnan().sum(0))
ages = data[:, 1]
print(torch.where(ages.isnan(), ages.nanmean(), ages), torch.std_mean(data[:1, 1:], dim=0))
