# Imitates the training-loop cells of Kaggle "tabular MLP in plain PyTorch" kernels (Titanic / diabetes): losses with
# pos_weight and weight, BatchNorm1d and Dropout in train/eval, the shape mistakes of a (N,) vs (N, 1) target, a
# per-feature standardiser kept as buffers, quantile thresholds, and NaN-filled columns imputed with nanmean.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

rng = np.random.default_rng(5)
raw = rng.normal(size=(12, 3)).astype(np.float32)
raw[[1, 4, 7], [0, 2, 0]] = np.nan
X = torch.from_numpy(raw)
print(X.isnan().sum(0), torch.isnan(X).any(dim=1).nonzero().squeeze(1))
col_mean = X.nanmean(dim=0, keepdim=True)
X_imp = torch.where(X.isnan(), col_mean, X)
print(col_mean, X_imp.isnan().any())
print(torch.nanmedian(X, dim=0), X.nansum(0), torch.nan_to_num(X, nan=0.0).mean(0))
print(X.mean(0), X.std(0), X.max(0).values, X.amax(0), torch.fmax(X, torch.zeros(1)).sum(0))

# %%
class Standardizer(nn.Module):
    def __init__(self, data):
        super().__init__()
        self.register_buffer("mu", data.mean(0, keepdim=True))
        self.register_buffer("sigma", data.std(0, unbiased=False, keepdim=True).clamp_min(1e-6))
    def forward(self, x):
        return (x - self.mu) / self.sigma
std = Standardizer(X_imp)
print(std, std.state_dict(), [n for n, _ in std.named_buffers()], list(std.parameters()))
Z = std(X_imp)
print(Z.mean(0), Z.std(0, unbiased=False), Z.var(0, correction=0))
try:
    X_imp - X_imp.mean(1)
except Exception as e:
    print(type(e).__name__, e)
print((X_imp - X_imp.mean(1, keepdim=True)).shape, (X_imp - X_imp.mean(0)).shape)

# %%
torch.manual_seed(0)
y = (torch.rand(12) < 0.3).float()
logits = torch.randn(12, 1, requires_grad=True)
pw = torch.tensor([3.0])
for make in [lambda: nn.BCEWithLogitsLoss(pos_weight=pw)(logits, y.unsqueeze(1)),
             lambda: nn.BCEWithLogitsLoss(pos_weight=pw)(logits.squeeze(1), y),
             lambda: nn.BCEWithLogitsLoss(pos_weight=torch.tensor(3.0))(logits, y.view(-1, 1)),
             lambda: nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0, 1.0]))(logits, y.view(-1, 1)),
             lambda: nn.BCEWithLogitsLoss(weight=torch.ones(12, 1), reduction="sum")(logits, y.view(-1, 1)),
             lambda: nn.BCEWithLogitsLoss()(logits, y),
             lambda: nn.BCEWithLogitsLoss(pos_weight=3.0)(logits, y.view(-1, 1)),
             lambda: F.binary_cross_entropy_with_logits(logits, y.view(-1, 1), pos_weight=pw, reduction="none").shape,
             lambda: nn.BCELoss()(torch.sigmoid(logits), y.view(-1, 1)),
             lambda: nn.BCELoss()(logits, y.view(-1, 1)),
             lambda: nn.BCELoss()(torch.sigmoid(logits).squeeze(), y.long()),
             lambda: nn.BCELoss()(torch.sigmoid(logits), y)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    l = nn.MSELoss()(torch.randn(12, 1), torch.randn(12))
    l2 = F.l1_loss(torch.randn(12, 1), torch.randn(12))
    l3 = F.smooth_l1_loss(torch.randn(12), torch.randn(12, 1))
    l4 = F.huber_loss(torch.randn(4, 1), torch.randn(4))
    print(l.shape, [f"{x.category.__name__}: {x.message}" for x in w])

# %%
torch.manual_seed(1)
bn = nn.BatchNorm1d(3)
drop = nn.Dropout(p=0.5)
x = torch.randn(6, 3)
print(bn(x).mean(0), bn.running_mean, bn.running_var, bn.num_batches_tracked)
print(drop(torch.ones(2, 4)), drop.eval()(torch.ones(2, 4)), drop.training)
bn.eval()
print(bn(x[:1]), bn.training)
bn.train()
for make in [lambda: bn(x[:1]), lambda: bn(torch.randn(2, 4)), lambda: bn(torch.randn(3)), lambda: bn(torch.randn(2, 3, 5)).shape,
             lambda: nn.BatchNorm1d(3, momentum=None)(x).shape, lambda: nn.Dropout(1.5), lambda: nn.Dropout(p=-0.1),
             lambda: F.dropout(x, 0.5, training=False).equal(x), lambda: nn.BatchNorm1d(3, affine=False).weight]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
probs = torch.sigmoid(torch.randn(20))
qs = torch.quantile(probs, torch.tensor([0.25, 0.5, 0.75]))
print(qs, probs.quantile(0.9), torch.quantile(probs, 0.5, interpolation="nearest"), probs.median())
print(torch.histc(probs, bins=5, min=0, max=1), torch.histogram(probs, bins=4, range=(0.0, 1.0)))
thr = torch.linspace(0, 1, 6)
print(thr, (probs[None, :] >= thr[:, None]).sum(1), torch.searchsorted(torch.sort(probs).values, thr))
for make in [lambda: torch.quantile(probs, 1.5), lambda: torch.quantile(probs.double(), torch.tensor([0.5])),
             lambda: torch.quantile(probs, 0.5, interpolation="mean"), lambda: torch.histc(probs.long(), bins=3)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
