# Imitates the evaluation notebook of an information-retrieval / recommender course: precision@k, recall@k, MRR,
# MAP and NDCG@k written with tensors (topk, argsort(descending=True), gather, torch.log2 discounts, the ideal DCG
# from sorted relevance), relevant items found with torch.isin, ties ordered with torch.sort(stable=True), and the
# errors readers hit (topk with k larger than the dim, isin with mismatched dtypes).
import torch

torch.manual_seed(0)
torch.set_printoptions(precision=8)

# %%
scores = torch.randn(4, 8)
relevance = torch.randint(0, 4, (4, 8))
print(scores)
print(relevance, relevance.dtype, relevance.shape)

# %%
k = 3
top_vals, top_idx = scores.topk(k, dim=1)
print(top_vals, top_idx, top_idx.dtype)
hits = relevance.gather(1, top_idx) > 0
print(hits, hits.dtype)
precision_at_k = hits.float().sum(dim=1) / k
n_rel = (relevance > 0).sum(dim=1)
recall_at_k = hits.sum(dim=1) / n_rel.clamp(min=1)
print("P@3", precision_at_k, precision_at_k.mean().item())
print("R@3", recall_at_k, recall_at_k.dtype, recall_at_k.mean().item())

# %%
order = scores.argsort(dim=1, descending=True)
ranked_rel = torch.gather(relevance, 1, order)
is_rel = (ranked_rel > 0).to(torch.float64)
first = is_rel.argmax(dim=1)
has_any = is_rel.any(dim=1)
rr = torch.where(has_any, 1.0 / (first + 1).double(), torch.zeros((), dtype=torch.float64))
print(order, first, rr, rr.dtype)
print("MRR", rr.mean().item())

# %%
cum_hits = is_rel.cumsum(dim=1)
positions = torch.arange(1, is_rel.shape[1] + 1, dtype=torch.float64)
prec_at_i = cum_hits / positions
ap = (prec_at_i * is_rel).sum(dim=1) / is_rel.sum(dim=1).clamp(min=1)
print(prec_at_i)
print("AP", ap, "MAP", ap.mean().item(), f"{ap.mean().item():.17f}")

# %%
def dcg_at_k(rel, k):
    rel = rel[..., :k].float()
    discounts = torch.log2(torch.arange(2, rel.shape[-1] + 2, dtype=torch.float32))
    return ((2 ** rel - 1) / discounts).sum(dim=-1)

dcg = dcg_at_k(ranked_rel, 5)
ideal, _ = relevance.sort(dim=1, descending=True)
idcg = dcg_at_k(ideal, 5)
ndcg = torch.where(idcg > 0, dcg / idcg, torch.zeros_like(dcg))
print(dcg, idcg)
print("NDCG@5", ndcg, ndcg.mean().item(), ndcg.dtype)
print(torch.log2(torch.arange(2, 10)), torch.log2(torch.tensor([1, 2, 3], dtype=torch.float64)))

# %%
# ties: scores rounded to one decimal have ties; stable sort keeps the original order among ties
tied = torch.tensor([0.3, 0.9, 0.3, 0.5, 0.9, 0.1, 0.3])
vals, idx = torch.sort(tied, descending=True, stable=True)
print(vals, idx)
vals2, idx2 = torch.sort(tied, stable=True)
print(vals2, idx2)
print(torch.argsort(tied, descending=True, stable=True), tied.argsort(stable=True, dim=0))
s = torch.sort(tied, stable=True, descending=True)
print(type(s).__name__, s.indices.shape)

# %%
retrieved = torch.tensor([[12, 5, 7, 30], [3, 8, 9, 1]])
gold = torch.tensor([5, 9, 30, 44])
mask = torch.isin(retrieved, gold)
print(mask, mask.dtype, mask.float().mean(dim=1))
print(torch.isin(retrieved, gold, invert=True), torch.isin(gold, retrieved, assume_unique=True))
print(torch.isin(retrieved, 5), torch.isin(7, retrieved))
print(torch.isin(retrieved.float(), gold.float()), torch.isin(torch.tensor([1.5, 2.0]), torch.tensor([2])))

# %%
for f in (lambda: scores.topk(9, dim=1), lambda: torch.topk(scores[0], 10), lambda: scores.topk(-1),
          lambda: torch.isin(retrieved, gold.float()), lambda: torch.isin(retrieved.float(), gold),
          lambda: torch.isin(retrieved, gold.to(torch.int32)), lambda: torch.isin(retrieved, torch.tensor([True])),
          lambda: scores.topk(3, dim=2), lambda: torch.sort(tied, stable=None),
          lambda: torch.gather(relevance, 1, top_idx.int()), lambda: relevance.gather(1, top_idx.float())):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# differentiable: gradients through topk and gather of scores
w = torch.randn(8, requires_grad=True)
s = scores * w
tv, ti = s.topk(3, dim=1)
loss = tv.sum() + torch.gather(s, 1, order[:, :2]).pow(2).mean()
loss.backward()
print(tv.grad_fn, loss.grad_fn, loss.item())
print(w.grad)
