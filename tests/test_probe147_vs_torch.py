"""What the hundred-and-forty-seventh probe (recommender systems and embeddings: matrix factorisation with
nn.Embedding(sparse=True), SparseAdam / SGD on sparse gradients, EmbeddingBag's modes and offsets, BPR / WARP losses,
negative sampling, NeuMF, topk / hit-rate / NDCG) found, each checked against PyTorch: a sparse gradient (an
F.embedding(..., sparse=True) lookup's) that flows back through MulBackward0 (the table times a number, a 0-dim
tensor or a tensor that broadcasts to its shape, on either side), DivBackward0 (divided by a number or a 0-dim
tensor), NegBackward0 or ExpBackward0 stays sparse, the same entries scaled, as ATen's sparse mul / div give it
(it came out dense); and one that flows back through t() / transpose / permute of a dense table, which mixes its
sparse and dense dims, is ATen's error for that op (it was numpy's ValueError for t() and a dense gradient for the
others)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import torch.nn.functional as F
ids = torch.tensor([1, 3, 1])
def lookup(make, shape=(5, 2)):
    w = torch.linspace(-1, 1, 10).view(shape).requires_grad_()
    F.embedding(ids, make(w), sparse=True).pow(2).sum().backward()
    return w.grad
'''

CELLS = {
    "scaled_tables_keep_sparse_gradients": [
        SETUP + '''for make in [lambda w: w * 2, lambda w: 3 * w, lambda w: w * torch.tensor(0.5), lambda w: w.mul(4),
             lambda w: w / 4, lambda w: w / torch.tensor(2.0), lambda w: -w, lambda w: w.neg(),
             lambda w: w * torch.tensor([1.0, 0.0]), lambda w: torch.full((5, 2), 3.0) * w, lambda w: w.exp(),
             lambda w: (w * 2) / 3]:
    g = lookup(make)
    print(g.layout, g._nnz(), g.is_coalesced())
    print(g)
''',
        SETUP + '''w = torch.ones(5, 2, requires_grad=True)
v = torch.full((5, 2), 3.0, requires_grad=True)
F.embedding(ids, w * v, sparse=True).sum().backward()
print(w.grad, v.grad)
w.grad = None
F.embedding(torch.tensor([4]), w * 2, sparse=True).sum().backward()
F.embedding(ids, w * 2, sparse=True).sum().backward()
print(w.grad, w.grad.is_coalesced())
''',
        SETUP + '''emb = torch.nn.Embedding(5, 2, sparse=True)
torch.nn.init.constant_(emb.weight, 0.5)
(emb(ids) * 2.0).sum().backward()
print(emb.weight.grad)
emb.weight.grad = None
F.embedding(ids, emb.weight * 2.0, sparse=True).sum().backward()
opt = torch.optim.SparseAdam(emb.parameters(), lr=0.1)
opt.step()
print(emb.weight, opt.state[emb.weight]["exp_avg"])
''',
    ],
    "transposed_tables_are_atens_errors": [
        SETUP + '''for make in [lambda w: w.t(), lambda w: w.T, lambda w: w.mT, lambda w: w.transpose(0, 1),
             lambda w: w.transpose(-1, -2), lambda w: w.permute(1, 0), lambda w: w.swapaxes(1, 0),
             lambda w: w.t().t(), lambda w: w.unsqueeze(0).transpose(0, 1)[0]]:
    attempt(lambda: lookup(make, (2, 5)))
''',
        SETUP + '''s = torch.sparse_coo_tensor([[0, 1], [1, 0]], torch.tensor([1., 2.]), (2, 2), requires_grad=True)
s.t().to_dense().sum().backward()
print(s.grad)
h = torch.sparse_coo_tensor([[0, 1], [1, 0]], torch.ones(2, 3), (2, 2, 3), requires_grad=True)
h.transpose(0, 1).to_dense().pow(2).sum().backward()
print(h.grad)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe147_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe147/{name}", warns="per_cell")
