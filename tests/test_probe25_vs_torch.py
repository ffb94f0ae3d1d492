"""What the twenty-fifth probe (graph neural networks from scratch: a GCN's normalised adjacency built densely and
as a sparse COO matrix, message passing, a GAT layer, node classification with masks) found, each checked against
PyTorch: sparse COO tensors did not exist (torch.sparse_coo_tensor, torch.sparse, x.to_sparse() raised
AttributeError). Now: their printing (indices, values, size, nnz, dtype, layout, the autograd suffix), coalesce and
its errors (an uncoalesced tensor's indices() / values()), to_dense / to_sparse, torch.sparse.mm and torch.spmm
(SparseAddmmBackward0, whose gradient for a sparse leaf is sparse on its pattern, computed as ATen's kernel with
fused multiply-adds), torch.mm / @ (MmBackward0: a dense gradient), the constructor's node
(SparseCooTensorWithDimsAndTensorsBackward0), CoalesceBackward0, ValuesBackward0, ToDenseBackward0,
ToSparseBackward1, torch.sparse.sum (SumBackward0 of the values, SparseSumBackward0 over dims), sparse results of
t(), products with numbers, zero-preserving ops and dtype conversions, the deprecated torch.sparse.FloatTensor
constructors, and the warnings PyTorch gives once per process."""

import pytest

from helpers import ATTEMPT, assert_same_as_pytorch, in_fresh_processes, require

SETUP = ATTEMPT + '''torch.manual_seed(0)
i = torch.tensor([[0, 1, 1, 2, 0], [1, 0, 2, 1, 1]])
v = torch.tensor([1., 2., 3., 4., 0.5])
def coo(values=v, size=(3, 3), **kw):
    return torch.sparse_coo_tensor(i, values, size, check_invariants=False, **kw)
'''

CELLS = {
    "printing_and_making": [
        SETUP + '''s = coo()
print(s)
print(s.is_sparse, s.layout, s.shape, s._nnz(), s.dtype, s.is_coalesced(), s.sparse_dim(), s.dense_dim(), type(s))
print(coo(requires_grad=True))
print(coo(v.double()), coo(torch.tensor([1, 2, 3, 4, 5]), (3, 4)), coo(torch.ones(5, 2), (3, 3, 2)))
print(torch.sparse_coo_tensor(i, v, check_invariants=False))
print(torch.sparse_coo_tensor(i.tolist(), v.tolist(), (3, 3), dtype=torch.float64, check_invariants=False))
print(torch.sparse_coo_tensor(torch.empty(2, 0, dtype=torch.long), torch.empty(0), (2, 3), check_invariants=False))
print(torch.sparse_coo_tensor([[0], [1]], [5.], (2, 2), check_invariants=False).is_coalesced(),
      coo(is_coalesced=True).is_coalesced())
torch.set_printoptions(precision=2)
print(coo(v / 3))
torch.set_printoptions(profile="default")''',
        '''w = torch.sparse_coo_tensor(torch.arange(30).repeat(2, 1), torch.linspace(0, 1, 30), (30, 30),
                            check_invariants=False)
print(w)
print(w.to_dense().sum(), torch.eye(3).to_sparse(), torch.zeros(2, 2).to_sparse())
print(torch.arange(12.).view(2, 3, 2).to_sparse(2), torch.tensor([[0., 2.], [3., 0.]]).to_sparse(1))''',
    ],
    "coalesce_indices_values_and_their_errors": [
        SETUP + '''s = coo()
attempt(lambda: s.indices())
attempt(lambda: s.values())
c = s.coalesce()
print(c, c.is_coalesced(), c.coalesce() is c)
print(c.indices(), c.values(), s._indices(), s._values())
print(torch.equal(c.to_dense(), s.to_dense()), s.to_dense())
dup = torch.sparse_coo_tensor([[0, 0, 1, 0], [1, 1, 0, 1]], torch.tensor([1, 1, 1, 1]), (2, 2),
                              check_invariants=False)
print(dup.coalesce(), dup.to_dense())
d = torch.randn(2, 3)
for f in (d.indices, d.values, d.coalesce, d.is_coalesced):
    attempt(f)
print(d.to_dense() is d, d.is_sparse, d.layout, d.sparse_dim(), d.dense_dim())''',
        SETUP + '''for make in (lambda: torch.sparse_coo_tensor(i, v[:4], (3, 3), check_invariants=False),
             lambda: torch.sparse_coo_tensor(i, v, (3,), check_invariants=False),
             lambda: torch.sparse_coo_tensor(i, v, (3, 3, 2), check_invariants=False),
             lambda: torch.sparse_coo_tensor(i[0], v, (3, 3), check_invariants=False),
             lambda: torch.sparse_coo_tensor(i, torch.tensor(1.), (3, 3), check_invariants=False),
             lambda: torch.sparse_coo_tensor(i.float(), v, (3, 3), check_invariants=False),
             lambda: torch.sparse_coo_tensor(torch.empty(2, 0, dtype=torch.long), torch.empty(0),
                                             check_invariants=False),
             lambda: torch.sparse_coo_tensor(i, torch.arange(5), (3, 3), requires_grad=True,
                                             check_invariants=False)):
    attempt(make)
s = coo()
for f in (lambda: s.numpy(), lambda: s.reshape(9), lambda: s + torch.ones(3, 3), lambda: s.add(torch.ones(3, 3)),
          lambda: torch.add(s, torch.ones(3, 3)), lambda: torch.ones(3, 3) + s, lambda: s.sum()):
    attempt(f)'''],
    "products_with_a_sparse_matrix": [
        SETUP + '''s = coo()
x = torch.randn(3, 2)
for f in (lambda: torch.sparse.mm(s, x), lambda: torch.spmm(s, x), lambda: s @ x, lambda: torch.mm(s, x),
          lambda: torch.matmul(s, x), lambda: s.mm(x), lambda: s.matmul(x), lambda: s @ torch.ones(3),
          lambda: torch.sparse.mm(s, torch.randn(4, 2)), lambda: torch.spmm(s, x.double()),
          lambda: torch.mm(s, torch.ones(3)), lambda: torch.sparse.mm(s, torch.ones(3)),
          lambda: torch.ones(3, 2).t() @ s, lambda: torch.mm(torch.ones(2, 3), s), lambda: x.t() @ s.t(),
          lambda: torch.mm(torch.ones(2, 2), s), lambda: torch.ones(2, 2) @ s):
    attempt(f)''',
        # a random graph's adjacency times features: ATen's kernel adds value * row with fused multiply-adds, nnz
        # by nnz; the gradient for the features is the transposed product, the same way
        '''torch.manual_seed(1)
n, nnz = 40, 400
idx = torch.randint(0, n, (2, nnz))
A = torch.sparse_coo_tensor(idx, torch.randn(nnz), (n, n), check_invariants=False).coalesce()
X = torch.randn(n, 16, requires_grad=True)
H = torch.sparse.mm(A, X)
print(H[:3], H.sum(), H.std())
H.backward(torch.randn(n, 16))
print(X.grad[:3], X.grad.sum())
print(torch.equal(torch.sparse.mm(A, X), torch.spmm(A, X)), torch.equal(A @ X, torch.mm(A, X)))'''],
    "gradients_of_sparse_tensors": [
        SETUP + '''x = torch.randn(3, 2)
s = coo(requires_grad=True)
y = torch.sparse.mm(s, x)
print(y.grad_fn, y.grad_fn.next_functions[0], y.grad_fn.next_functions[1][0].variable is s)
y.pow(2).sum().backward()
print(s.grad, s.grad.is_coalesced())
for make in (lambda s: torch.sparse.mm(s, x).sum(), lambda s: s.to_dense().sum(),
             lambda s: torch.sparse.sum(s, 1).to_dense().sum(), lambda s: s.coalesce().values().sum(),
             lambda s: (torch.sparse.mm(s, x) + torch.mm(s, x)).sum(), lambda s: torch.mm(s, x).sum(),
             lambda s: (s @ x).sum()):
    s = coo(requires_grad=True)
    make(s).backward()
    print(s.grad, s.grad.layout, s.grad.is_sparse and s.grad.is_coalesced())''',
        SETUP + '''x = torch.randn(3, 2)
s = coo(requires_grad=True)
for step in range(2):
    torch.sparse.mm(s, x).sum().backward()
print(s.grad)
s = coo(requires_grad=True)
torch.sparse.mm(s, x).sum().backward()
torch.mm(s, x).sum().backward()
print(s.grad)
s = coo(requires_grad=True)
g, = torch.autograd.grad(torch.sparse.mm(s, x).sum(), s)
print(g)
sd = coo(v.double(), requires_grad=True)
xd = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
out = torch.sparse.mm(sd, xd)
print(out)
out.pow(2).sum().backward()
print(sd.grad, xd.grad)''',
        SETUP + '''w = torch.ones(5, requires_grad=True)
A = coo(w * 2)
print(A, A.is_leaf, A.grad_fn.next_functions)
B = A.coalesce()
print(B.grad_fn, B.values().grad_fn, B.to_dense().grad_fn, torch.sparse.sum(A).grad_fn,
      torch.sparse.sum(A, 0).grad_fn, B.values().grad_fn.next_functions)
B.values().pow(2).sum().backward()
print(w.grad)
A = coo(w)
out = torch.sparse.mm(A, torch.randn(3, 2))
out.sum().backward(retain_graph=True)
out.sum().backward()
print(w.grad)
w.grad = None
torch.sparse.sum(A).backward()
print(w.grad)
attempt(lambda: torch.sparse.sum(A).backward())
attempt(lambda: A.to_dense().sum().backward())''',
        SETUP + '''M = torch.tensor([[0., 1.5, 0.], [2., 0., -1.]], requires_grad=True)
S = M.to_sparse()
print(S, S.requires_grad, S.is_leaf, (S * 2).grad_fn, S.t().grad_fn)
(S.to_dense() * 3).sum().backward()
print(M.grad)
M.grad = None
torch.sparse.sum(S).backward()
print(M.grad)
M.grad = None
torch.sparse.mm(S, torch.ones(3, 2)).sum().backward()
print(M.grad)
s = coo(requires_grad=True)
print(s.detach().requires_grad, s.detach().is_sparse, torch.sparse.mm(s, torch.ones(3, 1)).requires_grad)
with torch.no_grad():
    print(torch.sparse.mm(s, torch.ones(3, 1)).grad_fn, s.coalesce().grad_fn)'''],
    "sparse_sum_and_sparse_results": [
        SETUP + '''s = coo()
t3 = torch.arange(12.).view(2, 3, 2).to_sparse(2)
for f in (lambda: torch.sparse.sum(s), lambda: torch.sparse.sum(s, 1), lambda: torch.sparse.sum(s, -1),
          lambda: torch.sparse.sum(s, (0, 1)), lambda: torch.sparse.sum(s, dtype=torch.float64),
          lambda: torch.sparse.sum(t3, 0), lambda: torch.sparse.sum(t3, 2), lambda: torch.sparse.sum(t3, (0, 2)),
          lambda: torch.sparse.sum(torch.ones(2, 2)), lambda: s.sum(0), lambda: torch.sum(s, 1)):
    attempt(f)''',
        SETUP + '''s = coo()
for t in (s.t(), s * 2, 2 * s, s / 2, -s, s + s, s.coalesce() + s.coalesce(), s * torch.arange(9.).view(3, 3),
          s.coalesce().t(), s.detach(), s.abs(), s.pow(2), torch.sqrt(s), s.relu(), torch.tanh(s)):
    print(t, t.is_coalesced())
for t in (s.double(), s.to(torch.float64), s.long(), s.int(), s.clone(), s.float(), s.cpu()):
    print(t.dtype, t.is_sparse, t.is_coalesced(), t.float() is t if t.dtype == torch.float32 else t.type())
w = coo(requires_grad=True)
print(w.double().grad_fn, w.clone().grad_fn, w.abs().grad_fn, w.sum(0).grad_fn, w.pow(2), s.type())
z = coo().coalesce()
print(z.zero_(), z._nnz())'''],
    "legacy_sparse_constructors": [
        SETUP + '''a = torch.sparse.FloatTensor(i, v, torch.Size([3, 3]))
b = torch.sparse.DoubleTensor(i, v.double(), (3, 3))
c = torch.sparse.FloatTensor(2, 3)
print(a, b, c, torch.sparse.FloatTensor, torch.sparse.LongTensor)
print(isinstance(a, torch.sparse.FloatTensor), isinstance(b, torch.sparse.FloatTensor),
      isinstance(v, torch.sparse.FloatTensor))
print(torch.spmm(a, torch.ones(3, 1)))'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe25_matches_pytorch(name):
    # (warnings apart: PyTorch gives the sparse ones once per process, test_sparse_warnings_once checks them)
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name, warns=None)


WARN_ONCE = '''
import warnings
i, v = torch.tensor([[0, 1], [1, 0]]), torch.tensor([1., 2.])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for _ in range(2):
        torch.sparse_coo_tensor(i, v, (2, 2), check_invariants=False)
        torch.eye(2).to_sparse()
        torch.sparse_coo_tensor(i, v, (2, 2))
        torch.sparse.FloatTensor(i, v, torch.Size([2, 2]))
        torch.sparse.FloatTensor(i, v)
        torch.sparse.FloatTensor(2, 2)
for w in caught:
    print(w.category.__name__, w.message)
'''


def test_sparse_warnings_once():
    """The warnings PyTorch gives once per process, in fresh processes: the implicitly disabled invariant checks
    (torch.sparse_coo_tensor without check_invariants) and each form of the deprecated torch.sparse.FloatTensor."""
    require("torch")
    outputs = in_fresh_processes(WARN_ONCE, timeout=120)
    assert outputs[1] == outputs[0]
    assert outputs[0].count("UserWarning") == 4
