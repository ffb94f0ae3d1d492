# Imitates a Kaggle "House Prices: Advanced Regression with PyTorch" starter: log1p targets, MSELoss on the log scale,
# RMSLE computed by hand, early stopping with patience keeping copy.deepcopy(model.state_dict()) of the best epoch,
# ReduceLROnPlateau on the validation loss, and reloading the best weights with load_state_dict.
import copy
import io
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

rng = np.random.default_rng(7)
n = 48
area = rng.normal(1500, 400, size=n)
rooms = rng.integers(2, 8, size=n)
year = rng.integers(1950, 2020, size=n)
price = 50_000 + 120 * area + 8000 * rooms + 500 * (year - 1950) + rng.normal(0, 15000, size=n)
X = torch.tensor(np.column_stack([area, rooms, year]), dtype=torch.float32)
y = torch.tensor(price, dtype=torch.float32).unsqueeze(1)
print(X.shape, y.shape, y.min(), y.max())
print(torch.from_numpy(rooms).dtype, torch.tensor(year).dtype, torch.tensor(area).dtype)

# %%
y_log = torch.log1p(y)
print(y_log[:3], torch.expm1(y_log[:3]))
g = torch.Generator().manual_seed(3)
idx = torch.randperm(n, generator=g)
tr, va = idx[:36], idx[36:]
mean, std = X[tr].mean(0, keepdim=True), X[tr].std(0, keepdim=True)
std = torch.where(std == 0, torch.ones_like(std), std)
Xn = (X - mean) / std
print(mean, std)
print(Xn[tr].mean(dim=0).abs().max() < 1e-5, Xn[va].std(dim=0, unbiased=False))

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 32), nn.ReLU(), nn.Dropout(0.1), nn.Linear(32, 1))
opt = torch.optim.Adam(model.parameters(), lr=0.05)
sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=1, min_lr=1e-4)
print(sched.patience, sched.factor, sched.mode, sched.best, sched.num_bad_epochs)
crit = nn.MSELoss()
train_dl = DataLoader(TensorDataset(Xn[tr], y_log[tr]), batch_size=12, shuffle=True,
                      generator=torch.Generator().manual_seed(0))
best_loss, best_state, best_epoch, patience, bad = float("inf"), None, -1, 3, 0
for epoch in range(12):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = crit(model(xb), yb)
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        val_loss = crit(model(Xn[va]), y_log[va]).item()
    sched.step(val_loss)
    lr = opt.param_groups[0]["lr"]
    print(epoch, f"{val_loss:.4f}", lr, sched.get_last_lr(), sched.num_bad_epochs)
    if val_loss < best_loss - 1e-4:
        best_loss, best_epoch, bad = val_loss, epoch, 0
        best_state = copy.deepcopy(model.state_dict())
    else:
        bad += 1
        if bad >= patience:
            print("early stop at", epoch, "best", best_epoch)
            break

# %%
print(type(best_state).__name__, list(best_state.keys()))
print(best_state["0.weight"].requires_grad, best_state["0.weight"] is model.state_dict()["0.weight"])
print(torch.equal(best_state["3.bias"], model[3].bias.detach()))
res = model.load_state_dict(best_state)
print(res, res.missing_keys, res.unexpected_keys)
print(torch.equal(best_state["3.bias"], model[3].bias))
shallow = model.state_dict()
model[3].bias.data.add_(1.0)
print(torch.equal(shallow["3.bias"], model[3].bias), shallow["3.bias"].grad_fn)
print(sched.state_dict()["best"] == sched.best, sorted(sched.state_dict().keys()))

# %%
model.eval()
with torch.no_grad():
    pred_log = model(Xn[va])
pred = torch.expm1(pred_log)
rmse_log = torch.sqrt(crit(pred_log, y_log[va]))
rmsle = torch.sqrt(torch.mean((torch.log1p(pred.clamp(min=0)) - torch.log1p(y[va])) ** 2))
print(f"RMSE(log) {rmse_log.item():.4f}  RMSLE {rmsle:.4f}")
print(torch.sqrt(nn.functional.mse_loss(torch.log(pred + 1), torch.log(y[va] + 1))))
print(nn.MSELoss(reduction="sum")(pred_log, y_log[va]) / len(va), nn.MSELoss(reduction="none")(pred_log, y_log[va]).shape)

# %%
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    l = crit(pred_log.squeeze(), y_log[va])
    print(l.shape, [str(x.message) for x in w])
try:
    model.load_state_dict({"0.weight": best_state["0.weight"]})
except Exception as e:
    print(type(e).__name__, e)
r = model.load_state_dict({"0.weight": best_state["0.weight"], "extra": torch.zeros(1)}, strict=False)
print(r)
try:
    bad_state = dict(best_state)
    bad_state["0.weight"] = torch.zeros(4, 3)
    model.load_state_dict(bad_state)
except Exception as e:
    print(type(e).__name__, e)

# %%
out = io.StringIO()
print("Id,SalePrice", file=out)
for i, p in zip((va + 1461).tolist(), pred.squeeze(1).tolist()):
    print(f"{i},{p:.2f}", file=out)
print(out.getvalue()[:120])
print(f"{pred[0].item():,.0f}", f"{pred[0, 0]:.1f}", pred.squeeze().tolist()[:2] == pred[:2, 0].tolist())
try:
    print(f"{pred[:2]:.2f}")
except Exception as e:
    print(type(e).__name__, e)
