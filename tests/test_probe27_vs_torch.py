"""What the twenty-seventh probe (classic NLP lessons: word2vec skip-gram with negative sampling on
nn.Embedding(sparse=True) and optim.SparseAdam, EmbeddingBag text classifiers, padded and packed batches through
LSTM/GRU, seq2seq with attention, char-RNN sampling) found, each checked against PyTorch: sparse gradients. An
Embedding or EmbeddingBag with sparse=True gives its weight a sparse COO .grad (one entry per looked-up index,
padding_idx's left out, uncoalesced), printed as PyTorch prints it (indices=, values=, size=, nnz=, dtype=, layout=);
two sparse gradients meeting add as ATen adds them (a merge of the entry lists when both value arrays are contiguous,
else the lists joined: a backward buffer adds new + old, .grad += new), a dense one makes .grad dense; coalesce,
indices/values (refused while uncoalesced), _indices/_values/_nnz, to_dense, scalar arithmetic, abs/sqrt/pow,
sparse + sparse and the refused sparse + dense, numpy()/tolist()/contiguous(); torch.sparse_coo_tensor and
to_sparse(); optimizers: SparseAdam (its checks and its masked update), Adam and the other dense-only optimizers'
refusals, SGD (momentum with a sparse buffer; weight decay refused) and Adagrad (weight decay refused) on sparse
gradients; the embedding errors (scale_grad_by_freq with sparse gradients, EmbeddingBag max mode with sparse); and
the gradient SumBackward0 sends, an expanded view of one number as PyTorch's (stride 0: a hook may not write into it
in place), which an embedding's sparse gradient made of it keeps non-contiguous."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
'''

CELLS = {
    "sparse_grad_of_embedding": [
        TRY + '''e = nn.Embedding(10, 3, sparse=True)
out = e(torch.tensor([[1, 2, 4], [4, 3, 9]]))
print(out.grad_fn)
out.sum().backward()
g = e.weight.grad
print(g)
print(g.layout, g.is_sparse, g.is_coalesced(), g._nnz(), g.shape, g.dtype, g.sparse_dim(), g.dense_dim())
print(e.weight.layout, g.type(), g.requires_grad, g.grad_fn, g.is_contiguous())''',
        '''c = g.coalesce()
print(c)
print(c.indices(), c.values().shape, c.is_coalesced())
print(g._indices(), g._values().sum())
print(g.to_dense())
attempt(lambda: g.indices())
attempt(lambda: g.values())''',
        '''p = nn.Embedding(5, 2, padding_idx=0, sparse=True)
p(torch.tensor([0, 3, 0])).sum().backward()
print(p.weight.grad)
p.weight.grad = None
p(torch.tensor([0, 0])).sum().backward()
print(p.weight.grad, p.weight.grad.is_coalesced())
w = torch.randn(5, 3, dtype=torch.float64, requires_grad=True)
F.embedding(torch.tensor([4, 1]), w, sparse=True).sum().backward()
print(w.grad)
big = nn.Embedding(1000, 2, sparse=True)
big(torch.arange(1000).repeat(2)).sum().backward()
print(big.weight.grad)''',
        '''torch.set_printoptions(precision=2)
s = nn.Embedding(4, 3, sparse=True)
(s(torch.tensor([2, 1])) * torch.tensor([[1.0], [1 / 3]])).sum().backward()
print(s.weight.grad)
torch.set_printoptions(profile="default")
print(torch.autograd.grad(s(torch.tensor([3, 0])).sum(), s.weight))
s.weight.register_hook(lambda g: print("hook", g.layout, g.shape))
s(torch.tensor([1])).sum().backward()'''],
    "sparse_grads_accumulate_as_aten_adds": [
        TRY + '''e = nn.Embedding(6, 2, sparse=True)
a = e(torch.tensor([1, 2])); b = e(torch.tensor([3, 4, 5]))
(a.sum() * 2 + b.sum()).backward()
print(e.weight.grad)
e(torch.tensor([0])).sum().backward()
print(e.weight.grad)
e.weight.grad = None
x = e(torch.tensor([4, 1, 3]))
y = e(torch.tensor([2, 0]))
(x.unsqueeze(0).sum(0) ** 2).sum().add((y * 3).mean()).backward()
print(e.weight.grad)
e(torch.tensor([5, 0])).pow(2).sum().backward()
print(e.weight.grad, e.weight.grad.is_coalesced())''',
        '''t = nn.Embedding(4, 2, sparse=True)
(t(torch.tensor([1, 2])) @ t.weight.t()).sum().backward()
print(t.weight.grad.layout)
t.weight.grad = None
(t.weight * 2).sum().backward()
t(torch.tensor([1])).sum().backward()
print(t.weight.grad)
t.weight.grad = None
t(torch.tensor([1])).sum().backward()
(t.weight * 2).sum().backward()
print(t.weight.grad)
t.weight.grad = None
t(torch.tensor([3, 3])).sum().backward()
t.zero_grad(set_to_none=False)
print(t.weight.grad)
t(torch.tensor([2])).sum().backward()
print(t.weight.grad, t.weight.grad.is_coalesced())'''],
    "sparse_tensor_methods": [
        TRY + '''e = nn.Embedding(5, 2, sparse=True)
e(torch.tensor([3, 1, 3])).sum().backward()
g = e.weight.grad
print(g * 2, (g / 4).is_coalesced(), (-g)._values()[0])
print(g.abs(), g.pow(2), g.sqrt())
print(g + g, g.coalesce() + g.coalesce())
print(g.sum(), g.norm(), g.sum(0), g.double())
print(g.data.is_sparse, g.detach().layout, g.clone().is_coalesced(), g.to_sparse() is g)
print(e.weight.detach() + g)
attempt(lambda: g + e.weight.detach())
attempt(lambda: g.numpy())
attempt(lambda: g.tolist())
attempt(lambda: g.contiguous())
attempt(lambda: g.item())
h = g.coalesce()
h.add_(g)
print(h, h.is_coalesced())
g.zero_()
print(g, g.is_coalesced())''',
        '''i = torch.tensor([[0, 1, 1], [2, 0, 2]])
v = torch.tensor([3., 4., 5.])
s = torch.sparse_coo_tensor(i, v, (2, 3), check_invariants=False)
print(s, s.is_coalesced(), s.to_dense())
print(torch.sparse_coo_tensor(i, v, check_invariants=False).shape)
print(torch.sparse_coo_tensor([[0, 1]], [[1., 2.], [3., 4.]], (3, 2), check_invariants=False))
print(torch.sparse_coo_tensor(i, v, (2, 3), dtype=torch.float64, check_invariants=False))
print(torch.sparse_coo_tensor(i, torch.tensor([1, 2, 3]), (2, 3), check_invariants=False))
attempt(lambda: torch.sparse_coo_tensor(i, v[:2], (2, 3), check_invariants=False))
print(torch.tensor([[0., 2.], [3., 0.]]).to_sparse())
print(torch.tensor([[0., 2.], [3., 0.], [0., 0.]]).to_sparse(1))'''],
    "optimizers_and_sparse_grads": [
        TRY + '''e = nn.Embedding(6, 2, sparse=True)
e(torch.tensor([1, 1, 3])).sum().backward()
for cls in (torch.optim.Adam, torch.optim.AdamW, torch.optim.RMSprop, torch.optim.Adamax, torch.optim.NAdam,
            torch.optim.RAdam, torch.optim.Adadelta, torch.optim.ASGD, torch.optim.Rprop):
    attempt(lambda: cls(e.parameters()).step())
attempt(lambda: torch.optim.SGD(e.parameters(), lr=0.1, weight_decay=0.1).step())
attempt(lambda: torch.optim.Adagrad(e.parameters(), lr=0.1, weight_decay=0.1).step())
d = nn.Linear(2, 2)
d(torch.ones(1, 2)).sum().backward()
attempt(lambda: torch.optim.SparseAdam(d.parameters()).step())
print(torch.optim.SparseAdam([{"params": [torch.zeros(2, requires_grad=True)]}, {"params": e.parameters()}], lr=0.1))
attempt(lambda: torch.optim.SparseAdam(e.parameters(), lr=0.0))
attempt(lambda: torch.optim.SparseAdam(e.parameters(), eps=0.0))
attempt(lambda: torch.optim.SparseAdam(e.parameters(), betas=(1.0, 0.9)))
attempt(lambda: torch.optim.SparseAdam(e.parameters(), betas=(0.9, -0.1)))
attempt(lambda: torch.optim.SparseAdam([e.weight.grad]))''',
        '''opt = torch.optim.SparseAdam(e.parameters(), lr=0.1)
for k in range(3):
    opt.zero_grad()
    (e(torch.tensor([[1, 4], [4, 0]])) * torch.tensor([1.0, -2.0])).pow(2).sum().backward()
    opt.step()
print(e.weight)
print(opt.state_dict())
m = torch.optim.SparseAdam(e.parameters(), lr=0.05, maximize=True)
e(torch.tensor([2, 2])).sum().backward()
m.step()
print(e.weight[2], m.state[e.weight]["step"])''',
        '''s = nn.Embedding(5, 2, sparse=True)
sgd = torch.optim.SGD(s.parameters(), lr=0.1, momentum=0.9, nesterov=True)
for k in range(2):
    sgd.zero_grad()
    s(torch.tensor([1, 1, 3])).pow(2).sum().backward()
    sgd.step()
print(s.weight, sgd.state[s.weight]["momentum_buffer"])
plain = torch.optim.SGD(s.parameters(), lr=0.5, maximize=True)
s(torch.tensor([4, 0, 4])).sum().backward()
plain.step()
print(s.weight)
torch.set_warn_always(True)
ada = torch.optim.Adagrad(s.parameters(), lr=0.5, lr_decay=0.1)
ada.step()
ada.step()
torch.set_warn_always(False)
print(s.weight, ada.state[s.weight]["sum"])'''],
    "embedding_bag_and_embedding_errors": [
        TRY + '''b = nn.EmbeddingBag(5, 2, mode="sum", sparse=True)
print(b, b.sparse)
b(torch.tensor([1, 2, 4, 1]), torch.tensor([0, 2]), per_sample_weights=torch.tensor([1., 2., 3., 4.])).sum().backward()
print(b.weight.grad)
m = nn.EmbeddingBag(5, 2, mode="mean", sparse=True, padding_idx=2)
m(torch.tensor([[1, 2, 3], [4, 1, 2]])).sum().backward()
print(m.weight.grad)
attempt(lambda: nn.EmbeddingBag(5, 2, mode="max", sparse=True)(torch.tensor([[1, 2]])))
attempt(lambda: F.embedding_bag(torch.tensor([[1, 2]]), torch.randn(5, 2), mode="max", scale_grad_by_freq=True))
f = nn.Embedding(5, 2, scale_grad_by_freq=True, sparse=True)
attempt(lambda: f(torch.tensor([1, 1, 2])).sum().backward())
pre = nn.Embedding.from_pretrained(torch.arange(8.).view(4, 2), freeze=False, sparse=True)
print(pre)
pre(torch.tensor([3, 3])).sum().backward()
print(pre.weight.grad)'''],
    "sum_backward_sends_an_expanded_view": [
        TRY + '''x = torch.ones(3, requires_grad=True)
z = x * 3
z.register_hook(lambda g: g.mul_(2))
attempt(lambda: z.sum().backward())
print(x.grad)
w = x * 1
w.register_hook(lambda g: print(g.stride(), g.is_contiguous()))
w.sum().backward()
q = torch.ones(2, 2, requires_grad=True)
q.register_hook(lambda g: print("leaf hook", g.stride()))
q.sum().backward()
print(q.grad.stride(), q.grad)
y = x * 2
y.retain_grad()
y.sum().backward()
print(y.grad, x.grad)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe27_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
