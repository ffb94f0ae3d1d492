# Binary classification with data straight from numpy (float64) and pandas, as in the PyTorch forum's "Found dtype
# Double but expected Float" threads and the Kaggle "Titanic in PyTorch" notebooks: the logits made float64 by a
# numpy feature matrix while the labels stay float32 (BCEWithLogitsLoss then answers in the label's dtype), class
# weights per sample or per column with the wrong shape for BCELoss, and the fixes (.float() on both sides).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
features = np.random.default_rng(0).normal(size=(6, 3))
X = torch.from_numpy(features)                 # float64
y = torch.tensor([1., 0., 1., 1., 0., 0.]).unsqueeze(1)
w = torch.randn(3, 1, dtype=torch.float64, requires_grad=True)
logits = X @ w
print(logits.dtype, y.dtype)
loss = nn.BCEWithLogitsLoss()(logits, y)
print(loss, loss.dtype)
loss.backward()
print(w.grad.dtype, w.grad)
per_sample = F.binary_cross_entropy_with_logits(logits, y, reduction='none')
print(per_sample.dtype, per_sample.shape)
print(F.binary_cross_entropy_with_logits(logits.float(), y.double()).dtype)
print(F.binary_cross_entropy_with_logits(logits, y, pos_weight=torch.tensor([3.])).dtype)
print(F.binary_cross_entropy_with_logits(logits, y, weight=torch.full((6, 1), 0.5)).dtype)

# %%
try:
    nn.BCELoss()(torch.sigmoid(logits), y)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BCEWithLogitsLoss()(logits, y.long())
except Exception as e:
    print(type(e).__name__, e)
fixed = nn.BCELoss()(torch.sigmoid(logits.float()), y)
print(fixed)

# %%
probs = torch.sigmoid(torch.randn(6, 1))
for weight in [torch.tensor([2., 1., 1.]), torch.ones(6), torch.ones(2, 1), torch.ones(2, 3), torch.ones(3, 6, 1),
               torch.ones(6, 1) * 2, torch.tensor(2.)]:
    try:
        print(nn.BCELoss(weight=weight)(probs, y))
    except Exception as e:
        print(type(e).__name__, e)
grid = torch.sigmoid(torch.randn(4, 3))
for weight in [torch.ones(4), torch.ones(2, 3), torch.ones(4, 1), torch.ones(3)]:
    try:
        print(F.binary_cross_entropy(grid, torch.ones(4, 3), weight=weight))
    except Exception as e:
        print(type(e).__name__, e)
