# Imitates the "metrics from scratch" part of Kaggle beginner notebooks (diabetes / credit-default style): confusion
# matrix with torch.bincount, precision/recall/F1 with zero-division guards, ROC-AUC via argsort + cumsum and
# trapezoid, a precision-recall curve over torch.unique thresholds, with the mistakes learners make on the way.
import numpy as np
import torch

rng = np.random.default_rng(0)
y_true = torch.from_numpy((rng.random(30) < 0.3).astype(np.int64))
scores = torch.from_numpy(rng.random(30)).float()
scores = torch.where(y_true == 1, scores * 0.6 + 0.4, scores * 0.8)
scores = (scores * 10).round() / 10
print(y_true, scores)

# %%
y_pred = (scores >= 0.5).long()
cm = torch.bincount(y_true * 2 + y_pred, minlength=4).reshape(2, 2)
print(cm, cm.dtype)
tn, fp, fn, tp = cm.flatten().tolist()
print(tn, fp, fn, tp, cm.ravel())
precision = tp / (tp + fp) if (tp + fp) > 0 else 0.0
recall = tp / (tp + fn) if (tp + fn) > 0 else 0.0
f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
print(f"P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
tp_t = ((y_pred == 1) & (y_true == 1)).sum()
fp_t = ((y_pred == 1) & (y_true == 0)).sum()
print(tp_t, tp_t.dtype, tp_t / (tp_t + fp_t), (tp_t / (tp_t + fp_t)).dtype)
print(torch.tensor(0) / torch.tensor(0), torch.tensor(0) // torch.tensor(1), tp_t / (tp_t + fp_t).clamp(min=1))
print(torch.true_divide(tp_t, 3), torch.div(tp_t, 4, rounding_mode="floor"), torch.div(tp_t, 4, rounding_mode="trunc"))

# %%
print(torch.bincount(y_true), torch.bincount(y_true, minlength=1), torch.bincount(torch.tensor([], dtype=torch.long)))
w = torch.linspace(0, 1, 30)
print(torch.bincount(y_true, weights=w), torch.bincount(y_true, weights=w.double()).dtype)
print(torch.bincount(y_true, weights=torch.ones(30, dtype=torch.int32)).dtype)
print(y_true.bincount(minlength=3), torch.bincount(torch.tensor([4, 1, 1], dtype=torch.uint8)))
for bad in [lambda: torch.bincount(scores), lambda: torch.bincount(y_true - 1),
            lambda: torch.bincount(y_true.view(5, 6)), lambda: torch.bincount(y_true, minlength=-1),
            lambda: torch.bincount(y_true, weights=w[:5]), lambda: torch.bincount(torch.tensor([True, False]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
order = torch.argsort(scores, descending=True, stable=True)
print(order)
ys = y_true[order]
tps = torch.cumsum(ys, dim=0)
fps = torch.cumsum(1 - ys, dim=0)
print(tps.dtype, tps[-1], fps[-1], torch.cumsum(ys == 1, 0).dtype, ys.float().cumsum(0)[-3:])
tpr = tps / tps[-1]
fpr = fps / fps[-1]
tpr = torch.cat([torch.zeros(1), tpr])
fpr = torch.cat([torch.tensor([0.0]), fpr])
auc = torch.trapezoid(tpr, fpr)
print(f"AUC={auc:.4f}", torch.trapz(tpr, fpr), auc.dtype)
pos = scores[y_true == 1]
neg = scores[y_true == 0]
auc_pairs = ((pos[:, None] > neg[None, :]).float() + 0.5 * (pos[:, None] == neg[None, :]).float()).mean()
print(auc_pairs)

# %%
thr = torch.unique(scores)
print(thr, thr.dtype)
print(torch.unique(scores, sorted=True, return_counts=True))
vals, inv = torch.unique(scores, return_inverse=True)
print(inv[:8], inv.dtype, torch.equal(vals[inv], scores))
print(torch.unique(y_true, return_inverse=True, return_counts=True))
print(scores.unique(sorted=True).flip(0)[:3], torch.unique_consecutive(torch.sort(scores).values))
for t in thr.flip(0)[:4].tolist():
    p = scores >= t
    tp_ = (p & (y_true == 1)).sum().item()
    fp_ = (p & (y_true == 0)).sum().item()
    prec = tp_ / max(tp_ + fp_, 1)
    rec = tp_ / (y_true == 1).sum().item()
    print(f"thr={t:.1f} P={prec:.3f} R={rec:.3f}")
P = torch.stack([((scores >= t) & (y_true == 1)).sum() / (scores >= t).sum().clamp_min(1) for t in thr])
print(P, P.dtype)

# %%
pairs = torch.stack([y_true, y_pred], dim=1)
print(torch.unique(pairs, dim=0), torch.unique(pairs, dim=0, return_counts=True)[1])
print(torch.unique(torch.tensor([[1, 2], [1, 2], [0, 3]]), dim=1, return_inverse=True))
try:
    torch.unique(pairs, dim=2)
except Exception as e:
    print(type(e).__name__, e)
print(torch.nan_to_num(torch.tensor([0.0, 1.0]) / torch.tensor([0.0, 2.0])), torch.tensor([1.0, float("nan")]).nanmean())

# %%
# average precision: the sum of precision at each threshold times the step in recall (torch.diff)
hits = y_true[order].float()
prec_at = hits.cumsum(0) / torch.arange(1, len(hits) + 1)
rec_at = hits.cumsum(0) / hits.sum()
ap = (torch.diff(rec_at, prepend=torch.tensor([0.0])) * prec_at).sum()
print(f"AP={ap:.4f}", torch.diff(rec_at)[:5], rec_at.diff(n=2).shape)
for make in [lambda: torch.diff(rec_at, prepend=0.0), lambda: rec_at.diff(append=[1.0]),
             lambda: torch.diff(rec_at, prepend=torch.tensor(0.0)), lambda: rec_at.diff(1.0)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
