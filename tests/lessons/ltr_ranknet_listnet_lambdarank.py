# Imitates a learning-to-rank tutorial: pairwise RankNet with F.logsigmoid over all pairs of a query's documents,
# ListNet's top-one cross entropy with softmax / log_softmax, NDCG@k from sort, gather, torch.log2 and topk, a
# LambdaRank delta-NDCG weight, relevance grades binned with bucketize / searchsorted, and the mistakes readers make
# (log of softmax instead of log_softmax, integer relevance in softmax, gathering with float indices, topk k too big).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
n_docs, n_feat = 6, 5
feats = torch.randn(2, n_docs, n_feat)
rel = torch.tensor([[3, 2, 0, 1, 0, 2], [0, 1, 4, 0, 2, 1]])
model = nn.Sequential(nn.Linear(n_feat, 16), nn.ReLU(), nn.Linear(16, 1))
scores = model(feats).squeeze(-1)
print(scores.shape, rel.dtype, scores.grad_fn)

# %%
def ranknet_loss(s, y):
    diff = s.unsqueeze(-1) - s.unsqueeze(-2)
    target = (y.unsqueeze(-1) > y.unsqueeze(-2)).float()
    mask = (y.unsqueeze(-1) != y.unsqueeze(-2))
    loss = -(target * F.logsigmoid(diff) + (1 - target) * F.logsigmoid(-diff))
    return loss[mask].mean()

loss = ranknet_loss(scores, rel)
print(loss, loss.grad_fn)
pairs = torch.triu_indices(n_docs, n_docs, offset=1)
print(pairs.shape, pairs[:, :4])
d = scores[:, pairs[0]] - scores[:, pairs[1]]
sgn = torch.sign(rel[:, pairs[0]] - rel[:, pairs[1]])
print(sgn.dtype, sgn[0])
print(F.binary_cross_entropy_with_logits(d, (sgn + 1).float() / 2, reduction="none")[0, :5])

# %%
# the same with margin_ranking_loss on the pairs (here on integer grades: the loss is float all the same)
sgn_t = torch.sign(rel[:, pairs[0]] - rel[:, pairs[1]])
print(F.margin_ranking_loss(scores[:, pairs[0]], scores[:, pairs[1]], sgn_t.float(), margin=1.0))
print(F.margin_ranking_loss(rel[:, pairs[0]], rel[:, pairs[1]], sgn_t, margin=1, reduction="none")[0, :5])
print(nn.MarginRankingLoss()(rel[0, :3], rel[1, :3], torch.tensor([1, -1, 1])))

# %%
def listnet_loss(s, y):
    p_true = F.softmax(y.float(), dim=-1)
    return -(p_true * F.log_softmax(s, dim=-1)).sum(-1).mean()

print(listnet_loss(scores, rel))
# mistake: log(softmax) instead of log_softmax
print(-(F.softmax(rel.float(), -1) * torch.log(F.softmax(scores, -1))).sum(-1).mean())
print(F.kl_div(F.log_softmax(scores, -1), F.softmax(rel.float(), -1), reduction="batchmean"))

# %%
# mistake: softmax of integer relevance grades
F.softmax(rel, dim=-1)

# %%
torch.softmax(rel, dim=-1, dtype=torch.float64)

# %%
def dcg_at_k(y_sorted, k):
    gains = (2 ** y_sorted[..., :k].float() - 1)
    discounts = torch.log2(torch.arange(2, k + 2, dtype=torch.float32))
    return (gains / discounts).sum(-1)

def ndcg_at_k(s, y, k):
    order = torch.argsort(s, dim=-1, descending=True)
    y_pred = torch.gather(y, -1, order)
    ideal, _ = torch.sort(y, dim=-1, descending=True)
    return dcg_at_k(y_pred, k) / dcg_at_k(ideal, k)

with torch.no_grad():
    print(ndcg_at_k(scores, rel, 3), ndcg_at_k(scores, rel, 6))
    print(ndcg_at_k(rel.float(), rel, 3))
print(torch.log2(torch.arange(1, 5)), torch.log2(torch.tensor([0., 1., 8.])))
print(2 ** rel - 1, torch.pow(2, rel).dtype, (2.0 ** rel).dtype)

# %%
# mistake: gather with float indices
torch.gather(rel, -1, scores.argsort(-1).float())

# %%
# mistake: topk with k larger than the list
torch.topk(scores, 7, dim=-1)

# %%
top = torch.topk(scores, 3, dim=-1)
print(top.indices, top.values.shape)
print(torch.topk(rel, 2, dim=1, largest=True, sorted=True))
print(torch.topk(rel[0], 4, largest=False).indices)
print(scores.detach().topk(2)[1], rel.float().topk(k=1, dim=0))

# %%
# LambdaRank: |delta NDCG| of swapping each pair, weighting the RankNet gradient
def lambda_weights(s, y):
    order = s.argsort(-1, descending=True)
    ranks = torch.empty_like(order)
    ranks.scatter_(-1, order, torch.arange(s.shape[-1]).expand_as(order))
    disc = 1.0 / torch.log2(ranks.float() + 2)
    gain = 2.0 ** y - 1
    ideal = dcg_at_k(torch.sort(y, -1, descending=True).values, s.shape[-1])
    delta = (gain.unsqueeze(-1) - gain.unsqueeze(-2)) * (disc.unsqueeze(-1) - disc.unsqueeze(-2))
    return delta.abs() / ideal[..., None, None]

with torch.no_grad():
    W = lambda_weights(scores, rel)
print(W.shape, W[0, 0])
diff = scores.unsqueeze(-1) - scores.unsqueeze(-2)
S = torch.sign(rel.unsqueeze(-1) - rel.unsqueeze(-2)).float()
lam_loss = (W * F.softplus(-S * diff) * (S > 0)).sum() / (S > 0).sum()
print(lam_loss)
lam_loss.backward()
print(model[0].weight.grad.abs().sum() > 0, model[2].bias.grad)

# %%
# relevance grades from click-through rates: bucketize / searchsorted
ctr = torch.tensor([0.01, 0.2, 0.05, 0.5, 0.9, 0.33, 0.1])
edges = torch.tensor([0.02, 0.1, 0.3, 0.6])
print(torch.bucketize(ctr, edges), torch.bucketize(ctr, edges, right=True))
print(torch.searchsorted(edges, ctr), torch.searchsorted(edges, ctr, side="right"))
print(torch.searchsorted(edges, 0.1), torch.bucketize(0.3, edges), torch.bucketize(ctr, edges, out_int32=True).dtype)
print(torch.searchsorted(edges.unsqueeze(0).repeat(2, 1), ctr[:6].view(2, 3)))
print(torch.searchsorted(torch.tensor([3., 1., 2.]), torch.tensor([2.]), sorter=torch.tensor([1, 2, 0])))

# %%
# mistake: searchsorted with unsorted boundaries in the wrong dim / dtype mismatch
torch.searchsorted(edges.unsqueeze(0).repeat(2, 1), ctr)

# %%
torch.searchsorted(edges.double(), ctr)

# %%
torch.bucketize(ctr, edges.unsqueeze(0))

# %%
# training a scorer with ListNet
torch.manual_seed(0)
scorer = nn.Linear(n_feat, 1)
opt = torch.optim.SGD(scorer.parameters(), lr=0.5, momentum=0.9)
for epoch in range(30):
    opt.zero_grad()
    s = scorer(feats).squeeze(-1)
    loss = listnet_loss(s, rel) + 0.1 * ranknet_loss(s, rel)
    loss.backward()
    opt.step()
    if epoch % 10 == 9:
        with torch.no_grad():
            print(epoch, f"{loss.item():.4f}", ndcg_at_k(scorer(feats).squeeze(-1), rel, 3))
