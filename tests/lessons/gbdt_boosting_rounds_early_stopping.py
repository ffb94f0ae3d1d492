# Imitates a "gradient boosting classifier from scratch" notebook: boosting rounds of depth-1 stumps fitted on
# logistic-loss gradients (sigmoid / binary_cross_entropy_with_logits), shrinkage, early stopping on a validation
# split, feature importance accumulated with index_add_, and checks of the gradient against autograd.
import torch
import torch.nn.functional as F

torch.manual_seed(2)

# %%
n, d = 60, 4
X = torch.randn(n, d)
w_true = torch.tensor([1.5, -2.0, 0.0, 0.5])
y = (torch.sigmoid(X @ w_true) > torch.rand(n)).float()
perm = torch.randperm(n)
tr, va = perm[:45], perm[45:]
Xtr, ytr, Xva, yva = X[tr], y[tr], X[va], y[va]
print(Xtr.shape, Xva.shape, ytr.mean(), yva.sum())

# %%
raw = torch.zeros(len(ytr), requires_grad=True)
loss = F.binary_cross_entropy_with_logits(raw, ytr, reduction="sum")
loss.backward()
g_manual = torch.sigmoid(raw.detach()) - ytr
print(torch.equal(raw.grad, g_manual), raw.grad[:5], loss.grad_fn)
pw = F.binary_cross_entropy_with_logits(raw, ytr, pos_weight=torch.tensor(2.0))
print(pw, pw.grad_fn)
print(F.binary_cross_entropy(torch.sigmoid(raw), ytr), torch.nn.BCEWithLogitsLoss(reduction="none")(raw[:3], ytr[:3]))

# %%
def fit_stump(X, g, h, lam=1.0):
    best = (torch.tensor(-float("inf")), 0, 0.0, 0.0, 0.0)
    for f in range(X.shape[1]):
        xs, order = torch.sort(X[:, f])
        GL, HL = g[order].cumsum(0)[:-1], h[order].cumsum(0)[:-1]
        G, H = g.sum(), h.sum()
        gain = GL ** 2 / (HL + lam) + (G - GL) ** 2 / (H - HL + lam) - G ** 2 / (H + lam)
        i = int(torch.argmax(gain))
        if gain[i] > best[0]:
            thr = float((xs[i] + xs[i + 1]) / 2)
            best = (gain[i], f, thr, float(-GL[i] / (HL[i] + lam)), float(-(G - GL[i]) / (H - HL[i] + lam)))
    return best

def predict_stump(X, stump):
    _, f, thr, wl, wr = stump
    return torch.where(X[:, f] <= thr, torch.tensor(wl), torch.tensor(wr))

lr, rounds, patience = 0.3, 25, 3
base = torch.log(ytr.mean() / (1 - ytr.mean()))
Ftr = torch.full_like(ytr, base.item())
Fva = torch.full_like(yva, base.item())
importance = torch.zeros(d)
best_loss, best_round, bad = float("inf"), 0, 0
hist = []
for r in range(rounds):
    p = torch.sigmoid(Ftr)
    g, h = p - ytr, p * (1 - p)
    stump = fit_stump(Xtr, g, h)
    importance.index_add_(0, torch.tensor([stump[1]]), stump[0].reshape(1))
    Ftr += lr * predict_stump(Xtr, stump)
    Fva += lr * predict_stump(Xva, stump)
    vl = F.binary_cross_entropy_with_logits(Fva, yva).item()
    hist.append(vl)
    if vl < best_loss - 1e-4:
        best_loss, best_round, bad = vl, r, 0
    else:
        bad += 1
        if bad >= patience:
            break
print(r, best_round, round(best_loss, 5), torch.tensor(hist).round(decimals=4))
print(importance, importance / importance.sum(), importance.argsort(descending=True))

# %%
acc_tr = ((Ftr > 0).float() == ytr).float().mean()
acc_va = ((torch.sigmoid(Fva) >= 0.5) == yva.bool()).float().mean()
print(acc_tr, acc_va, torch.sigmoid(Fva)[:5], Fva.dtype)
print(F.binary_cross_entropy_with_logits(Ftr, ytr), F.binary_cross_entropy_with_logits(Ftr, ytr, weight=torch.ones_like(ytr) * 0.5))

# %%
imp = torch.zeros(d, requires_grad=True)
contrib = torch.zeros(d).index_add(0, torch.tensor([0, 1, 1, 3]), imp[[0, 1, 2, 3]] * 2)
contrib.sum().backward()
print(contrib, contrib.grad_fn, imp.grad)
acc = torch.zeros(d, dtype=torch.float64)
try:
    acc.index_add_(0, torch.tensor([0]), torch.tensor([1.0]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy_with_logits(Ftr, ytr.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy_with_logits((Ftr > 0).long(), ytr)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy_with_logits(Ftr, ytr.to(torch.complex64), pos_weight=torch.tensor(2.0))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy_with_logits(Ftr, ytr[:-1])
except ValueError as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(torch.sigmoid(Ftr), ytr.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    importance.index_add_(0, torch.tensor([4]), torch.tensor([1.0]))
except Exception as e:
    print(type(e).__name__, e)
