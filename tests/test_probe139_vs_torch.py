"""What the hundred-and-thirty-ninth probe (CS224W colabs without PyG: sparse normalised adjacencies, GCN / GraphSAGE /
GAT layers by hand, node2vec, link prediction, graph readout) found, each checked against PyTorch:
torch.sparse.softmax and torch.sparse.log_softmax were missing (a softmax over each row's specified entries, as GAT
code normalises the attention of a sparse (dst, src) matrix: SparseSoftmaxBackward0 / SparseLogSoftmaxBackward0, a
sparse result and a sparse gradient, the sums taken in ATen's order; dtype=, a dense dim, a bad dim, an integer
input); a sparse tensor's transpose / swapaxes / torch.transpose, permute, .T and .mT came out dense (now sparse,
uncoalesced as ATen's, TransposeBackward0 / PermuteBackward0, PyTorch's errors for sparse-dense transpositions);
and the gradient of a sparse leaf through t() / transpose / permute was dense (now sparse, its entries permuted)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''ei = torch.tensor([[1, 0, 1, 2, 2, 3, 4, 1], [0, 1, 2, 1, 3, 2, 4, 0]])
A = torch.sparse_coo_tensor(ei, torch.arange(8.) / 4, (6, 6), check_invariants=False)
'''

CELLS = {
    "sparse_softmax_values_and_grads": [
        SETUP + '''Ar = A.coalesce().requires_grad_()
s = torch.sparse.softmax(Ar, 1)
print(s)
(s.to_dense() * torch.arange(36.).view(6, 6)).sum().backward()
print(Ar.grad)
Ar.grad = None
s = torch.sparse.log_softmax(Ar, 0)
print(s)
(s.to_dense() * torch.arange(36.).view(6, 6)).sum().backward()
Ar.grad
''',
        SETUP + '''print(torch.sparse.softmax(A, 1))
print(torch.sparse.softmax(A, -1, dtype=torch.float64))
print(torch.sparse.softmax(A.double().requires_grad_(), 1, dtype=torch.float32).grad_fn)
attempt(lambda: torch.sparse.softmax(A, 2))
attempt(lambda: torch.sparse.softmax(A.long(), 1))
H = torch.sparse_coo_tensor(ei[:, :3], torch.tensor([[1., 2.], [3., 0.], [0.5, 0.5]]), (6, 6, 2))
print(torch.sparse.softmax(H, 2))
torch.sparse.log_softmax(H, 0)
''',
        SETUP + '''torch.manual_seed(0)
scores = torch.randn(8, requires_grad=True, dtype=torch.float64)
S = torch.sparse_coo_tensor(ei, scores, (6, 6), check_invariants=False)
P = torch.sparse.softmax(S, dim=1)
h = torch.sparse.mm(P, torch.arange(12.).view(6, 2).double())
h.pow(2).sum().backward()
print(P.grad_fn, h.grad_fn, P.is_coalesced(), P._nnz())
print(scores.grad)
''',
    ],
    "sparse_transpose_permute": [
        SETUP + '''print(torch.transpose(A, 0, 1))
print(A.T, A.mT, A.swapaxes(0, 1).layout, A.permute(1, 0).layout)
Ar = A.coalesce().requires_grad_()
print(Ar.transpose(0, 1).grad_fn, Ar.T.grad_fn, Ar.mT.grad_fn, Ar.t().grad_fn)
print(Ar.T.is_coalesced(), Ar.permute(0, 1).is_coalesced(), Ar.transpose(1, 1) is Ar)
A.transpose(1, 0).coalesce()
''',
        SETUP + '''H = torch.sparse_coo_tensor(torch.tensor([[0, 1], [1, 2]]), torch.ones(2, 3), (3, 3, 3))
attempt(lambda: H.transpose(0, 2))
attempt(lambda: H.mT)
attempt(lambda: H.permute(2, 0, 1))
print(H.permute(1, 0, 2))
''',
        SETUP + '''Ar = A.coalesce().requires_grad_()
X = torch.arange(12.).view(6, 2)
for make in [lambda: Ar.t(), lambda: Ar.transpose(0, 1), lambda: Ar.T, lambda: Ar.permute(1, 0)]:
    Ar.grad = None
    torch.sparse.mm(make(), X).sum().backward()
    print(Ar.grad)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe139_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe139/{name}", warns="per_cell")
