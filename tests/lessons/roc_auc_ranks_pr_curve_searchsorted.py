# Imitates the "ROC AUC and precision-recall from scratch" part of an evaluation notebook: AUC via ranks (argsort of
# argsort, Mann-Whitney), average ranks of ties with unique(return_inverse=True, return_counts=True) and scatter_add,
# precision-recall curve and average precision with cumsum over sorted scores, thresholds with torch.searchsorted,
# and the mistakes: searchsorted on unsorted boundaries without a sorter, wrong dtypes.
import torch

torch.manual_seed(1)
torch.set_printoptions(precision=10)

# %%
y = torch.randint(0, 2, (12,))
score = torch.rand(12)
print(y, score)
ranks = score.argsort().argsort() + 1
print(ranks, ranks.dtype)
n_pos = int(y.sum())
n_neg = len(y) - n_pos
auc = (ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
print(auc, auc.dtype, auc.item())

# %%
# with ties: average ranks
s = torch.tensor([0.2, 0.8, 0.8, 0.4, 0.2, 0.9, 0.4, 0.8])
t = torch.tensor([0, 1, 0, 1, 0, 1, 1, 0])
uniq, inv, counts = torch.unique(s, return_inverse=True, return_counts=True)
print(uniq, inv, counts)
ends = counts.cumsum(0)
starts = ends - counts + 1
avg = (starts + ends).double() / 2
avg_rank = avg[inv]
print(avg_rank)
sum_ranks = torch.zeros(len(uniq), dtype=torch.float64).scatter_add(0, inv, torch.ones(len(s), dtype=torch.float64))
print(sum_ranks, torch.zeros(3).scatter_add_(0, torch.tensor([0, 2, 2, 1]), torch.tensor([1., 2., 3., 4.])))
P = t.sum().item(); N = len(t) - P
auc_ties = (avg_rank[t == 1].sum() - P * (P + 1) / 2) / (P * N)
print(auc_ties, auc_ties.item())
pairwise = ((s[t == 1][:, None] > s[t == 0][None, :]).float() + 0.5 * (s[t == 1][:, None] == s[t == 0][None, :]).float()).mean()
print(pairwise, pairwise.item())

# %%
order = torch.argsort(score, descending=True)
y_sorted = y[order].float()
tp = torch.cumsum(y_sorted, dim=0)
fp = torch.cumsum(1 - y_sorted, dim=0)
precision = tp / (tp + fp)
recall = tp / y_sorted.sum()
print(precision)
print(recall)
ap = ((recall[1:] - recall[:-1]) * precision[1:]).sum() + recall[0] * precision[0]
print("AP", ap.item(), ap)
tpr = torch.cat([torch.zeros(1), tp / tp[-1]])
fpr = torch.cat([torch.zeros(1), fp / fp[-1]])
print("trapz", torch.trapz(tpr, fpr), torch.trapezoid(tpr, fpr).item())

# %%
thresholds = torch.linspace(0, 1, 6)
sorted_scores, _ = torch.sort(score)
idx = torch.searchsorted(sorted_scores, thresholds)
print(thresholds, idx, idx.dtype)
print(torch.searchsorted(sorted_scores, thresholds, right=True), torch.searchsorted(sorted_scores, thresholds, side="right"))
print(torch.searchsorted(sorted_scores, 0.5), torch.searchsorted(sorted_scores, thresholds, out_int32=True))
n_above = len(score) - idx
print(n_above)
sorter = torch.argsort(score)
print(torch.searchsorted(score, thresholds, sorter=sorter))
print(torch.bucketize(score, thresholds), torch.bucketize(score, thresholds, right=True))

# %%
for f in (lambda: torch.searchsorted(score, thresholds, sorter=sorter.int()),
          lambda: torch.searchsorted(score, thresholds, side="left", right=True),
          lambda: torch.searchsorted(score, thresholds, side="middle"),
          lambda: torch.searchsorted(sorted_scores, thresholds.double()),
          lambda: torch.searchsorted(sorted_scores.view(3, 4), thresholds),
          lambda: torch.searchsorted(sorted_scores, thresholds.view(2, 3)),
          lambda: torch.searchsorted(sorted_scores.double(), thresholds),
          lambda: torch.searchsorted(score, thresholds, sorter=sorter[:5]),
          lambda: torch.bucketize(score, thresholds.view(2, 3)),
          lambda: torch.searchsorted(score, thresholds)):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# differentiable surrogate AUC (pairwise sigmoid) through autograd
w = score.clone().requires_grad_()
diff = w[(y == 1).nonzero().flatten()][:, None] - w[(y == 0).nonzero().flatten()][None, :]
soft_auc = torch.sigmoid(diff / 0.1).mean()
soft_auc.backward()
print(soft_auc, soft_auc.grad_fn)
print(w.grad)
