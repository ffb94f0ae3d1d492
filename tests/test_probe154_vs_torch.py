"""What the hundred-and-fifty-fourth probe (graph neural networks by hand: pygcn's GraphConvolution with torch.spmm,
the normalised Laplacian I - D^-1/2 A D^-1/2 and ChebNet's recursion on sparse COO tensors, GIN and global pooling
by a batch vector, GAT on a karate-club graph with a scatter softmax) found, each checked against PyTorch:
torch.spmm is ATen's alias of mm (MmBackward0 for a sparse first operand, not torch.sparse.mm's
SparseAddmmBackward0); a sparse tensor minus a sparse tensor is sparse (sub / subtract / torch.sub / sub_ as ATen's
sparse add with -alpha: SubBackward0, the entries merged or joined as add's, coalesced or not), and a sparse
tensor with a number or a dense tensor on either side of + or - gives PyTorch's errors (add(sparse, dense) is not
supported; number - sparse and a broadcast dense - sparse: "dense-sparse addition does not currently support
broadcasting"), a dense tensor of the same size minus a sparse one still dense."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''torch.manual_seed(0)
ei = torch.tensor([[0, 0, 1, 2, 3, 3], [1, 2, 2, 3, 4, 0]])
v = torch.rand(6, requires_grad=True)
A = torch.sparse_coo_tensor(ei, v, (5, 5)).coalesce()
I = torch.eye(5).to_sparse()
'''

CELLS = {
    "spmm_is_mm": [
        SETUP + '''x = torch.randn(5, 3, requires_grad=True)
out = torch.spmm(A.detach(), x)
print(out.grad_fn, torch.sparse.mm(A.detach(), x).grad_fn, torch.mm(A.detach(), x).grad_fn)
out.sum().backward()
print(x.grad)
y = torch.spmm(A, torch.ones(5, 2))
print(y.grad_fn)
y.sum().backward()
print(v.grad)
''',
    ],
    "sparse_minus_sparse": [
        SETUP + '''for make in [lambda: I - A, lambda: A.sub(I, alpha=0.5), lambda: torch.sub(I, A),
             lambda: torch.subtract(I, A, alpha=2), lambda: A.subtract(I), lambda: A - A.t(),
             lambda: torch.sparse_coo_tensor(ei, torch.rand(6), (5, 5)) - I, lambda: A - A.double()]:
    r = make()
    print(r, r.is_coalesced())
L = I - A
L.coalesce().values().sum().backward()
print(v.grad)
S = I.clone()
S.sub_(A.detach(), alpha=3)
print(S, S.is_coalesced())
''',
    ],
    "sparse_with_numbers_and_dense": [
        SETUP + '''B = A.detach()
for make in [lambda: 1 - B, lambda: 2.5 - B, lambda: torch.tensor(1.) - B, lambda: torch.ones(5) - B,
             lambda: B - 1, lambda: B.sub(1), lambda: B - torch.ones(5, 5), lambda: torch.sub(B, torch.ones(5, 5)),
             lambda: 1 + B, lambda: torch.ones(5) + B, lambda: B.sub_(torch.ones(5, 5)),
             lambda: True - B.bool(), lambda: torch.ones(5, 5) - B, lambda: torch.ones(5, 5, dtype=torch.long) + B,
             lambda: torch.sub(torch.ones(5, 5), A, alpha=3)]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", list(CELLS))
def test_probe154_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
