# Imitates a "random forest from scratch with tensors" lesson: bootstrap samples with torch.randint and multinomial,
# random feature subsets with randperm, depth-1 trees voted with torch.mode, out-of-bag accuracy, and class
# probability averaging; with errors learners hit (mode on floats ties, multinomial without replacement overflow).
import torch

torch.manual_seed(3)

# %%
n, d, n_trees = 30, 5, 7
X = torch.randn(n, d)
y = ((X[:, 0] > 0) ^ (X[:, 2] > 0.5)).long()
idx = torch.randint(0, n, (n_trees, n))
print(idx.shape, idx.dtype, idx[0, :10])
w = torch.ones(n) / n
idx2 = torch.multinomial(w, n, replacement=True)
print(idx2[:10], torch.multinomial(w.expand(3, n), 4).shape, torch.multinomial(torch.tensor([0.1, 0.9]), 5, True))
oob = torch.ones(n_trees, n, dtype=torch.bool)
oob.scatter_(1, idx, False)
print(oob.sum(1), oob.float().mean())
counts = torch.zeros(n_trees, n).scatter_add_(1, idx, torch.ones(n_trees, n))
print(counts[0], counts.sum(1))

# %%
def gini(yb, w=None):
    c = torch.bincount(yb, weights=w, minlength=2)
    p = c / c.sum().clamp(min=1)
    return 1 - (p ** 2).sum()

trees = []
for t in range(n_trees):
    Xb, yb = X[idx[t]], y[idx[t]]
    feats = torch.randperm(d)[:2]
    best = (float("inf"), 0, 0.0)
    for f in feats.tolist():
        for thr in torch.unique(Xb[:, f])[::5].tolist():
            m = Xb[:, f] <= thr
            nl, nr = m.sum(), (~m).sum()
            if nl == 0 or nr == 0:
                continue
            imp = (nl * gini(yb[m]) + nr * gini(yb[~m])) / len(yb)
            if imp < best[0]:
                best = (imp.item(), f, thr)
    _, f, thr = best
    m = Xb[:, f] <= thr
    left = torch.bincount(yb[m], minlength=2).argmax()
    right = torch.bincount(yb[~m], minlength=2).argmax()
    trees.append((f, thr, left, right))
print([(f, round(t, 4), l.item(), r.item()) for f, t, l, r in trees])

# %%
votes = torch.stack([torch.where(X[:, f] <= thr, l, r) for f, thr, l, r in trees])
print(votes.shape, votes.dtype)
maj, where_ = torch.mode(votes, dim=0)
print(maj, where_[:10])
print(torch.mode(torch.tensor([1, 2, 2, 1, 3])), votes.mode(0).values.eq(y).float().mean())
print(torch.mode(torch.tensor([[0.5, 0.5, 1.], [2., 1., 1.]]), 1, keepdim=True))
probs = torch.nn.functional.one_hot(votes, 2).float().mean(0)
print(probs[:4], probs.argmax(1).eq(maj).all())
oob_votes = torch.where(oob, votes, torch.tensor(-1))
oob_correct = ((oob_votes == y) & oob).sum() / oob.sum()
print(oob_correct)

# %%
print(torch.mode(torch.tensor([3., 1., 1., 3.])), torch.mode(torch.tensor([True, False, True])))
print(torch.mode(torch.tensor(5)), torch.mode(torch.tensor([[1, 1], [2, 3]], dtype=torch.int8), 0))
mv = torch.tensor([1., 2., 2., 3.], requires_grad=True)
v, i = mv.mode()
v.backward()
print(v, i, v.grad_fn, mv.grad)
for expr in ["torch.multinomial(torch.tensor([0.5, 0.5]), 3)", "torch.multinomial(torch.tensor([0., 0.]), 1)",
             "torch.multinomial(torch.tensor([-0.1, 1.1]), 1)", "torch.multinomial(torch.tensor([1, 2]), 1)",
             "torch.randint(0, 0, (3,))", "torch.randint(5, (2, 2)).dtype", "torch.randint(0, 10, 3)",
             "torch.mode(torch.tensor([]))", "torch.mode(torch.tensor([1., 2.]), 1)",
             "torch.multinomial(torch.ones(2, 2, 2), 1)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
