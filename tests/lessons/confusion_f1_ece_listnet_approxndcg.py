# Imitates a classification / ranking evaluation notebook: confusion matrices with bincount(n*y+yhat,
# minlength=n*n).reshape, macro and micro F1, expected calibration error with bucketize, and ListNet / ApproxNDCG
# losses differentiated by autograd; with the bincount mistakes learners make (negative labels, float labels).
import torch
import torch.nn.functional as F

torch.manual_seed(2)
torch.set_printoptions(precision=8)

# %%
n = 4
y = torch.randint(0, n, (30,))
logits = torch.randn(30, n)
yhat = logits.argmax(dim=1)
cm = torch.bincount(n * y + yhat, minlength=n * n).reshape(n, n)
print(cm, cm.dtype, cm.shape)
print(torch.bincount(y), torch.bincount(y, minlength=6), torch.bincount(y, weights=torch.ones(30) * 0.5))
print(torch.bincount(y, weights=torch.rand(30, dtype=torch.float64)).dtype, torch.bincount(torch.tensor([], dtype=torch.long)))

# %%
tp = cm.diag()
fp = cm.sum(dim=0) - tp
fn = cm.sum(dim=1) - tp
prec = tp / (tp + fp)
rec = tp / (tp + fn)
f1 = 2 * prec * rec / (prec + rec)
print(prec, rec, f1)
f1 = torch.nan_to_num(f1)
print("macro F1", f1.mean().item())
micro = tp.sum() / (tp.sum() + fp.sum())
print("micro F1", micro.item(), micro.dtype, (yhat == y).float().mean().item())
support = cm.sum(dim=1)
print("weighted", (f1 * support).sum() / support.sum())

# %%
probs = F.softmax(logits, dim=1)
conf, pred = probs.max(dim=1)
correct = (pred == y).float()
edges = torch.linspace(0, 1, 11)
bins = torch.bucketize(conf, edges, right=True) - 1
print(bins, bins.dtype)
counts = torch.bincount(bins, minlength=10)
sum_conf = torch.zeros(10).scatter_add(0, bins, conf)
sum_acc = torch.zeros(10).index_add(0, bins, correct)
nz = counts > 0
ece = (torch.abs(sum_conf[nz] - sum_acc[nz])).sum() / len(conf)
print(counts, sum_conf, sum_acc)
print("ECE", ece.item(), ece)
b2 = torch.bucketize(conf, edges[1:-1])
print(b2, (b2 == bins).all())

# %%
for f in (lambda: torch.bincount(torch.tensor([1, -1, 2])), lambda: torch.bincount(torch.tensor([1.0, 2.0])),
          lambda: torch.bincount(y.view(5, 6)), lambda: torch.bincount(y, minlength=-1),
          lambda: torch.bincount(y, weights=torch.ones(29)), lambda: torch.bincount(torch.tensor([True, False])),
          lambda: torch.bincount(y.int(), minlength=3), lambda: torch.bincount(y, weights=torch.ones(30, dtype=torch.int64)),
          lambda: torch.bincount(y.to(torch.uint8)), lambda: cm.float().diag() / torch.bincount(y).reshape(2, 2)):
    try:
        r = f()
        print("ok", r, r.dtype)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# ListNet: top-one cross entropy between softmax of labels and log_softmax of scores
rel = torch.tensor([[3., 2., 0., 1., 0.], [0., 1., 2., 0., 2.]])
w = torch.randn(5, 3, requires_grad=True)
x = torch.randn(2, 5, 3)
s = torch.einsum("qdf,df->qd", x, w)
listnet = -(F.softmax(rel, dim=1) * F.log_softmax(s, dim=1)).sum(dim=1).mean()
listnet.backward()
print(listnet, listnet.grad_fn)
print(w.grad)

# %%
# ApproxNDCG: approximate ranks with sigmoid of pairwise differences
scores = torch.randn(2, 5, requires_grad=True)
alpha = 10.0
diff = scores.unsqueeze(-1) - scores.unsqueeze(-2)   # s_i - s_j
approx_rank = 1 + torch.sigmoid(-alpha * diff).sum(dim=-1) - 0.5
gains = 2 ** rel - 1
dcg = (gains / torch.log2(1 + approx_rank)).sum(dim=-1)
ideal = gains.sort(dim=-1, descending=True).values
idcg = (ideal / torch.log2(torch.arange(2, 7).float())).sum(dim=-1)
approx_ndcg = dcg / idcg
loss = 1 - approx_ndcg.mean()
loss.backward()
print(approx_rank, approx_ndcg, loss.item())
print(scores.grad, scores.grad.dtype, scores.grad.shape)
print(approx_rank.grad_fn, approx_rank.grad_fn.next_functions)
