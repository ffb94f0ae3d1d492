"""What the thirty-seventh probe (recommender systems and tabular models: matrix factorisation with nn.Embedding,
BPR with negatives from torch.randint, top-k recommendations that mask seen items, BCEWithLogitsLoss(pos_weight),
neural collaborative filtering, categorical embeddings with BatchNorm1d, class weights, WeightedRandomSampler,
metrics by hand, bucketize, unique(return_inverse)) found, each checked against PyTorch:

* torch.unique / unique_consecutive: the parser's TypeErrors of _unique2 / unique_dim / unique_consecutive, dims
  wrapped with PyTorch's IndexErrors (a 0-dim tensor has none), the zero-sized dims ATen refuses, complex refused,
  and the values of a tensor that requires grad under Unique2Backward0 / UniqueDimBackward0 /
  UniqueConsecutiveBackward0, whose backward raises (numpy's AxisError and a node-less result before);
* sort, argsort and topk of bfloat16 tensors in descending order (numpy's ufunc error before), k as a tensor;
* searchsorted / bucketize: the parser's TypeErrors, out= with its dtype check, the sorter's dtype and range, 0-dim
  boundaries, complex and bool refused, a Python number searched in the boundaries' dtype;
* F.embedding: padding_idx's range and type, and with max_norm torch.embedding_renorm_'s own checks first (its
  weight dims, its indices' dtype as argument #2, select()'s range, norm()'s dtype); nn.Embedding's _weight shape,
  the padding row zeroed by an in-place fill (version 2, reset_parameters); EmbeddingBag's padding_idx range;
* index_put / index_put_: values must be a tensor broadcastable to the indexing result as it is, too many indices,
  the check order (shape before dtype before bounds), PyTorch's texts instead of numpy's;
* scatter / scatter_: their four overloads (src=number and value=tensor refused or taken as PyTorch's parser
  takes them); a complex number written into a real tensor (fill_, masked_fill, scatter, index_fill);
* losses: class weights that are a list, not 1-d, or that require grad; pos_weight / weight of
  binary_cross_entropy_with_logits that are not tensors or require grad; a weight of a soft-target cross entropy
  that requires grad gets its gradient;
* torch.norm / Tensor.norm of an integer tensor, randint's complex dtypes and int64 overflow.
"""
import pytest

from helpers import EVAL_CASES, assert_same_as_pytorch

F = "import torch.nn.functional as F\nimport torch.nn as nn\n"

CELLS = {
    "unique_arguments_dims_and_nodes": [F + '''x = torch.tensor([[1, 2], [1, 2]])
CASES = ["torch.unique(x, dim=2)", "torch.unique(x, dim=-3)", "torch.unique(torch.tensor(3), dim=0)",
         "torch.unique(torch.tensor(3), dim=-1)", "torch.unique_consecutive(torch.tensor(3), dim=0)",
         "torch.unique_consecutive(x, dim=-3)", "torch.unique(torch.zeros(2, 0), dim=0)",
         "torch.unique(torch.zeros(0, 0), dim=0)", "torch.unique(torch.zeros(0, 0, 2), dim=2)",
         "torch.unique(torch.zeros(3, 0, 2), dim=1, return_inverse=True, return_counts=True)",
         "torch.unique_consecutive(torch.zeros(0, 3), dim=0, return_inverse=True, return_counts=True)",
         "torch.unique_consecutive(torch.zeros(2, 0), dim=0)",
         "torch.unique(torch.tensor([1+2j]))", "torch.unique(torch.tensor([[1+2j]]), dim=0)",
         "torch.unique_consecutive(torch.tensor([[1+2j]], dtype=torch.complex128), dim=0)",
         "torch.unique(x, dim=1.0)", "torch.unique([1, 2])", "torch.unique_consecutive([1, 2])",
         "torch.unique_consecutive(x, dim=1.0)", "x.unique(dim='a')", "torch.unique(x, sorted=1)",
         "torch.unique(x, return_inverse=None)", "torch.unique(x, return_counts='x')",
         "torch.unique(x, dim=0, return_counts='x')", "torch.unique(x, dim=True)",
         "torch.unique(torch.tensor([3, 1, 3], dtype=torch.bfloat16), return_inverse=True)"]
''' + EVAL_CASES,
                                        '''w = torch.tensor([1., 2., 1.], requires_grad=True)
u = torch.unique(w, return_inverse=True)
print(u, u[1].requires_grad, u[0].grad_fn.next_functions)
print(torch.unique(w.view(3, 1), dim=0).grad_fn, torch.unique_consecutive(w, return_counts=True))
print(torch.unique(torch.zeros(0, requires_grad=True)), torch.unique(torch.zeros(2, 0, requires_grad=True), dim=1))
with torch.no_grad():
    print(torch.unique(w).grad_fn)
for f in (lambda: torch.unique(w), lambda: torch.unique(w.view(3, 1), dim=0), lambda: torch.unique_consecutive(w)):
    try:
        f().sum().backward()
    except Exception as e:
        print(type(e).__name__, e)'''],
    "bfloat16_ordering_and_tensor_k": ['''a = torch.tensor([[1.0, 3.0, 2.0, 3.0], [0.5, -1.0, 7.0, 0.5]], dtype=torch.bfloat16)
print(torch.sort(a, descending=True), torch.argsort(a, descending=True), a.topk(2), a.topk(2, sorted=False))
print(torch.sort(a, dim=0, stable=True, descending=True), torch.msort(a), a.topk(1, largest=False))
print(torch.topk(torch.tensor([1.0, 2.0, 3.0]), k=torch.tensor(2)), torch.tensor([5, 1, 4]).topk(torch.tensor(1)))
r = torch.tensor([1.0, 3.0, 2.0], dtype=torch.bfloat16, requires_grad=True)
v = r.topk(2).values
v.sum().backward()
print(v, r.grad)'''],
    "searchsorted_and_bucketize_checks": [F + '''b = torch.tensor([1.0, 3.0])
CASES = ["torch.searchsorted(b, [2.0])", "torch.searchsorted(b, 2.0, out_int32=1)",
         "torch.searchsorted(b, torch.tensor([2.0]), sorter=[1, 0])", "torch.searchsorted(b, torch.tensor([2.0]), side=3)",
         "torch.searchsorted(torch.tensor([True, False]), torch.tensor([True]))",
         "torch.bucketize(torch.tensor([1 + 1j]), torch.tensor([0.5]))",
         "torch.bucketize(torch.tensor([1.0]), torch.tensor([0.5 + 0j]))",
         "torch.bucketize(torch.tensor([1.0]), [0.5])", "torch.bucketize([1.0], torch.tensor([0.5]))",
         "torch.bucketize(torch.tensor([1.0]), torch.tensor([0.5]), out_int32=1)",
         "torch.searchsorted(torch.tensor(1.0), torch.tensor([2.0]))",
         "torch.searchsorted(torch.tensor(1.0), torch.tensor(2.0))",
         "torch.searchsorted(torch.ones(2, 2), torch.tensor(2.0))",
         "torch.searchsorted(b, torch.tensor([2.0]), sorter=torch.tensor([1, 0], dtype=torch.int32))",
         "torch.searchsorted(b, torch.tensor([2.0]), sorter=torch.tensor([1, -1]))",
         "torch.searchsorted(b, torch.tensor([2.0]), sorter=torch.tensor([1, 2]))",
         "torch.searchsorted(b, torch.tensor([2.0]), sorter=torch.tensor([1.0, 0.0]))",
         "torch.searchsorted(b, torch.tensor([2.0]), out=torch.empty(1, dtype=torch.int32))",
         "torch.searchsorted(b, torch.tensor([2.0]), out=torch.empty(1))",
         "torch.bucketize(torch.tensor([2.0]), b, out=torch.empty(1, dtype=torch.int32))",
         "torch.bucketize(torch.tensor([2.0]), b, out_int32=True, out=torch.empty(1, dtype=torch.int64))",
         "torch.bucketize(torch.tensor([2.0]), b, out=torch.empty(0, dtype=torch.int64))",
         "torch.bucketize(0.2, torch.tensor([0.1, 0.2]), right=True)", "torch.bucketize(2.5, torch.tensor([1, 2, 3]))",
         "torch.bucketize(torch.tensor([2.0], dtype=torch.bfloat16), torch.tensor([1.5, 2.0], dtype=torch.bfloat16), right=True)",
         "torch.searchsorted(torch.tensor([[1, 3], [2, 4]]), torch.tensor([[2.5, 0], [3, 9]]), right=True)"]
''' + EVAL_CASES],
    "embedding_padding_and_max_norm_checks": [F + '''w3 = torch.ones(3, 2) * 3
CASES = ["F.embedding(torch.tensor([1]), w3, padding_idx=3)", "F.embedding(torch.tensor([1]), w3, padding_idx=-4)",
         "F.embedding(torch.tensor([1]), w3, padding_idx=-3)", "F.embedding(torch.tensor([1]), w3, padding_idx=1.5)",
         "F.embedding(torch.tensor([1]), w3, padding_idx=True)", "F.embedding(torch.tensor([1]), [[1.0]])",
         "F.embedding(torch.tensor([1]), torch.ones(3), max_norm=1.0)",
         "F.embedding(torch.tensor([1]), torch.ones(3, 2, 1), max_norm=1.0)",
         "F.embedding(torch.tensor([1.0]), w3, max_norm=1.0)", "F.embedding(torch.tensor([True]), w3, max_norm=1.0)",
         "F.embedding(torch.tensor([7]), w3.clone(), max_norm=1.0)", "F.embedding(torch.tensor([-5]), w3.clone(), max_norm=1.0)",
         "F.embedding(torch.tensor([1]), torch.ones(3, 2, dtype=torch.long), max_norm=1.0)",
         "F.embedding(torch.tensor([1]), torch.ones(3, 2, dtype=torch.bool), max_norm=1.0)",
         "F.embedding(torch.tensor([1]), w3.clone(), max_norm='a')",
         "F.embedding(torch.tensor([1]), w3.clone(), max_norm=torch.tensor(1.0))",
         "F.embedding_bag(torch.tensor([[1]]), w3, padding_idx=3)", "F.embedding_bag(torch.tensor([[1]]), w3, padding_idx=-4)",
         "nn.Embedding(3, 2, _weight=torch.ones(2, 2))", "nn.Embedding(3, 2, _weight=torch.ones(3, 2, 1))",
         "nn.EmbeddingBag(3, 2, _weight=torch.ones(2, 2))", "nn.Embedding(3, 2, padding_idx=1.5)",
         "nn.Embedding(3, 2, padding_idx=1, _weight=torch.ones(3, 2)).weight"]
''' + EVAL_CASES,
                                              '''w = torch.ones(3, 2) * 3
try:
    F.embedding(torch.tensor([-1]), w, max_norm=1.0)
except Exception as e:
    print(type(e).__name__, e)
print(w, w._version)
e = nn.Embedding(4, 2, padding_idx=1)
print(e.weight._version, e.weight[1])
e.reset_parameters()
print(e.weight._version, e.weight[1], nn.Embedding(4, 2).weight._version)'''],
    "index_put_checks": ['''z = torch.zeros(2, 4)
i, j = torch.tensor([0, 1]), torch.tensor([1, 3])
CASES = ["z.index_put((i, torch.tensor([1, 9])), torch.tensor([1., 2., 3.]))",
         "z.index_put((i, j), torch.tensor([1, 2, 3]))", "z.index_put((i, torch.tensor([1, 9])), torch.tensor([1, 2]))",
         "z.index_put((i, torch.tensor([1, 2, 3])), torch.tensor([1, 2]))", "z.index_put((i,), torch.tensor([1., 2.]))",
         "z.index_put((i,), torch.ones(2, 1))", "z.index_put((i,), torch.ones(1, 2, 4))",
         "z.index_put((i, j), torch.ones(2, 2))", "z.index_put((i, j), torch.ones(3), accumulate=True)",
         "z.index_put((i, torch.tensor([1, 9])), torch.tensor(1.), accumulate=True)",
         "z.index_put((i, j), 1.0)", "z.index_put_((i, j), None)", "z.index_put_((i, j), [1.0, 2.0])",
         "z.index_put_((i, j), torch.tensor([1.0, 2.0]), accumulate=1)", "z.index_put_((i, j, i), torch.tensor(1.0))",
         "z.index_put_((torch.tensor([True, False, True]),), torch.tensor(1.0))", "torch.index_put(z, (i, j), 1.0)",
         "torch.index_put_(z, (i, j), torch.tensor([1.0, 2.0, 3.0]))",
         "z.index_put((torch.tensor([-3, 1]), j), torch.tensor(1.))",
         "z.index_put((torch.tensor([[0], [1]]), torch.tensor([[0, 1]])), torch.tensor([7.0, 8.0]))"]
''' + EVAL_CASES],
    "scatter_overloads_and_complex_fill_values": ['''t = torch.zeros(2, 4)
i = torch.tensor([[1], [2]])
m = torch.tensor([True, False])
CASES = ["t.scatter_(1, i, src=1.0)", "t.scatter(1, i, src=1.0)", "torch.scatter(t, 1, i, src=1.0)",
         "t.scatter(1, i, value=torch.ones(2, 1))", "t.scatter(1, i, value=torch.tensor(2.0))",
         "t.scatter(1, i, value=torch.tensor(2.0, requires_grad=True))", "t.scatter(1, i, 'a')",
         "t.scatter(1, i, torch.tensor(2.0, requires_grad=True))",
         "torch.zeros(2).scatter(0, torch.tensor([0]), 1+0j)", "torch.zeros(2).scatter(0, torch.tensor([0]), 1+1j)",
         "torch.zeros(2, dtype=torch.int8).scatter(0, torch.tensor([0]), 300)",
         "torch.zeros(2).fill_(1+1j)", "torch.zeros(2, dtype=torch.long).masked_fill(m, 1+1j)",
         "torch.zeros(2, dtype=torch.long).masked_fill(m, 1+0j)", "torch.zeros(2, dtype=torch.float16).masked_fill(m, 1+1j)",
         "torch.zeros(2).masked_fill(m, torch.tensor(1+1j))", "torch.zeros(2).index_fill(0, torch.tensor([0]), 1+1j)",
         "torch.zeros(2).index_fill(0, torch.tensor([0]), 1+0j)",
         "torch.zeros(2).index_fill(0, torch.tensor([0]), torch.tensor(1+0j))"]
''' + EVAL_CASES],
    "loss_weights_that_are_not_class_weights": [F + '''x, t = torch.zeros(3, 4), torch.tensor([0, 1, 3])
w = torch.tensor([1.0, 2.0, 0.0, 1.0], requires_grad=True)
z, y, pw = torch.zeros(2, 3), torch.ones(2, 3), torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
CASES = ["F.cross_entropy(x, t, weight=w)", "F.cross_entropy(x, t, weight=w, label_smoothing=0.1)",
         "F.nll_loss(x, t, weight=w)", "F.nll_loss(x.view(3, 4, 1, 1), t.view(3, 1, 1), weight=w)",
         "F.nll_loss(x, t, weight=[1., 2., 3., 4.])", "F.cross_entropy(x, t, weight=[1., 2., 3., 4.])",
         "F.nll_loss(x, t, weight=torch.ones(1, 4))", "F.nll_loss(x.view(3, 4, 1, 1), t.view(3, 1, 1), weight=torch.ones(1, 4))",
         "F.cross_entropy(x, x.softmax(1), weight=torch.ones(1, 4))", "F.cross_entropy(x, t, weight=torch.ones(1, 4))",
         "F.binary_cross_entropy_with_logits(z, y, pos_weight=pw)", "F.binary_cross_entropy_with_logits(z, y, weight=pw)",
         "F.binary_cross_entropy_with_logits(z, y, weight=[1., 2., 3.])",
         "F.binary_cross_entropy_with_logits(z, y, pos_weight=3)", "F.binary_cross_entropy(z, y, weight=pw)",
         "F.binary_cross_entropy(z, y, weight=[1., 2., 3.])", "nn.BCEWithLogitsLoss(pos_weight=pw)(z, y)",
         "nn.CrossEntropyLoss(weight=w)(x, t)"]
''' + EVAL_CASES,
                                                F + '''w = torch.tensor([1.0, 2.0, 0.0, 1.0], requires_grad=True)
x = torch.tensor([[0.5, -1.0, 2.0, 0.0], [1.0, 1.0, -0.5, 0.3]])
with torch.no_grad():
    print(F.cross_entropy(x, torch.tensor([0, 2]), weight=w))
loss = F.cross_entropy(x, x.softmax(1), weight=w)
loss.backward()
print(loss, w.grad)'''],
    "norms_of_integer_tensors_and_randint_checks": ['''CASES = ["torch.ones(2, dtype=torch.long).norm()", "torch.ones(2, dtype=torch.long).norm(2.0)",
         "torch.ones(2, dtype=torch.bool).norm(1)", "torch.norm(torch.ones(2, dtype=torch.long), dim=0)",
         "torch.norm(torch.ones(2, dtype=torch.long), dtype=torch.float32)",
         "torch.ones(2, dtype=torch.int32).norm(float('inf'))", "torch.ones(2, dtype=torch.long).norm(p='fro', dim=0)",
         "torch.randint(0, 2, (2,), dtype=torch.complex64)", "torch.randint(5, 2, (2,), dtype=torch.complex64)",
         "torch.randint(0, 2, (0,), dtype=torch.complex128)", "torch.randint(2**63, (2,))",
         "torch.randint(-2**63 - 1, 2, (2,))", "torch.randint(0, 2**63, (2,))"]
''' + EVAL_CASES],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe37_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
