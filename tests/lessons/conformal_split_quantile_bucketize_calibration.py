# Imitates the "conformal prediction in PyTorch" tutorials (Angelopoulos & Bates' "A Gentle Introduction to
# Conformal Prediction" notebooks rewritten in torch) and the reliability-diagram code of "On Calibration of Modern
# Neural Networks" (Guo et al.): split-conformal scores, the finite-sample quantile level ceil((n+1)(1-alpha))/n
# with torch.quantile(interpolation="higher"), kthvalue / sort as alternatives, prediction sets, and ECE bins
# with torch.bucketize.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
n_cal, n_cls = 20, 4
logits = torch.randn(n_cal, n_cls) * 2
labels = torch.randint(0, n_cls, (n_cal,))
probs = F.softmax(logits, dim=1)
scores = 1 - probs[torch.arange(n_cal), labels]
print(scores)

# %%
alpha = 0.1
q_level = math.ceil((n_cal + 1) * (1 - alpha)) / n_cal
print(q_level)
for interp in ["linear", "lower", "higher", "midpoint", "nearest"]:
    print(interp, torch.quantile(scores, q_level, interpolation=interp))
qhat = torch.quantile(scores, q_level, interpolation="higher")
k = math.ceil((n_cal + 1) * (1 - alpha))
print(torch.kthvalue(scores, k), torch.sort(scores).values[k - 1])

# %%
# several levels at once, along a dim, keepdim
qs = torch.tensor([0.1, 0.5, 0.9])
print(torch.quantile(scores, qs))
print(torch.quantile(probs, qs, dim=0))
print(torch.quantile(probs, 0.5, dim=1, keepdim=True))
print(probs.quantile(torch.tensor(0.25), dim=-1))
print(torch.quantile(probs, qs, dim=0, keepdim=True).shape)
print(scores.double().quantile(0.3, interpolation="nearest"))
vals, idx = scores.kthvalue(3, dim=0, keepdim=True)
print(vals, idx)
print(probs.kthvalue(2, dim=1))
print(torch.sort(scores, descending=True, stable=True))
print(torch.argsort(scores, descending=True)[:5])

# %%
# learner mistakes
for f in [lambda: torch.quantile(scores, 1.1),
          lambda: torch.quantile(scores, torch.tensor([0.5, -0.1])),
          lambda: torch.quantile(scores, 0.5, interpolation="cubic"),
          lambda: torch.quantile(labels, 0.5),
          lambda: torch.quantile(scores, torch.tensor([[0.1, 0.2]])),
          lambda: torch.quantile(scores, torch.tensor([0.1], dtype=torch.float64)),
          lambda: torch.quantile(scores, [0.1, 0.9]),
          lambda: torch.quantile(torch.tensor([]), 0.5),
          lambda: torch.quantile(probs, 0.5, dim=2),
          lambda: torch.kthvalue(scores, 0),
          lambda: torch.kthvalue(scores, 21),
          lambda: scores.kthvalue(2, dim=1),
          lambda: torch.kthvalue(scores, 2.0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# nan handling
s_nan = scores.clone()
s_nan[3] = float("nan")
print(torch.quantile(s_nan, 0.5), torch.nanquantile(s_nan, 0.5))
print(torch.nanquantile(s_nan, qs, interpolation="midpoint"))
print(s_nan.sort().values[-3:], s_nan.kthvalue(20))
print(torch.nanquantile(torch.full((3,), float("nan")), 0.5))

# %%
# prediction sets on a test batch
test_logits = torch.randn(5, n_cls) * 2
test_probs = test_logits.softmax(-1)
sets = test_probs >= (1 - qhat)
print(sets, sets.sum(1).float().mean())
# adaptive prediction sets (APS): cumulative sorted probabilities
sp, order = test_probs.sort(dim=1, descending=True)
cums = sp.cumsum(dim=1)
cal_sp, cal_order = probs.sort(dim=1, descending=True)
cal_cum = cal_sp.cumsum(1)
rank = cal_order.argsort(1)[torch.arange(n_cal), labels]
aps_scores = cal_cum.gather(1, rank[:, None]).squeeze(1)
qa = torch.quantile(aps_scores, q_level, interpolation="higher")
print(aps_scores, qa)
print((cums <= qa).sum(1) + 1)

# %%
# reliability diagram bins and expected calibration error
conf, pred = test_probs.max(1)
conf = torch.cat([conf, probs.max(1).values])
correct = torch.cat([pred == test_logits.argmax(1), probs.argmax(1) == labels]).float()
edges = torch.linspace(0, 1, 11)
b = torch.bucketize(conf, edges)
b_right = torch.bucketize(conf, edges, right=True)
print(b, b.dtype)
print(b_right, torch.bucketize(conf, edges, out_int32=True).dtype)
print(torch.searchsorted(edges, conf, side="right") - 1)
ece = torch.zeros(())
for i in range(1, 11):
    m = b == i
    if m.any():
        ece += m.float().mean() * (conf[m].mean() - correct[m].mean()).abs()
print(ece)
counts = torch.bincount(b - 1, minlength=10)
print(counts, torch.histc(conf, bins=10, min=0, max=1))
print(torch.bucketize(torch.tensor([0.0, 0.1, 1.0, 1.5]), edges), torch.bucketize(0.35, edges))
print(torch.bucketize(torch.tensor([0.0, 0.1, 1.0]), edges, right=True))
# one-vs-rest reliability of class 0: its column of the calibration probabilities
b0 = torch.bucketize(probs[:, 0], edges, right=True)
print(b0, torch.bincount(b0, minlength=12), torch.searchsorted(edges, probs[:, 0]))

# %%
for f in [lambda: torch.bucketize(conf, edges.view(1, -1)),
          lambda: torch.bucketize(conf, edges.double()),
          lambda: torch.bucketize(conf.long(), edges),
          lambda: torch.searchsorted(edges, conf, side="middle"),
          lambda: torch.searchsorted(edges, conf, right=False, side="right"),
          lambda: torch.bucketize(conf, edges, out_int32=True, right=True).max()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
