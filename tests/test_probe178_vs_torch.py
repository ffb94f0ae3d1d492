"""What the hundred-and-seventy-eighth probe (the Examples of PyTorch's torch.sparse page and the sparse COO tensor
methods, as a lesson on sparse graphs and recommender embeddings uses them) found, each checked against PyTorch:
torch.stack / torch.cat / torch.concat of sparse COO tensors are sparse (ATen's cat_sparse: indices shifted along a
sparse dim, values padded along a dense one, never coalesced; StackBackward0 / CatBackward0) with ATen's errors for
a dense tensor, another shape or another sparse/dense split; torch.sparse.addmm (beta * input + alpha * sparse @
dense, SparseAddmmBackward0, the sparse operand's gradient sparse); torch.sparse.sum's checks of its dims."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "stack_and_cat_of_sparse_tensors": [
        '''R = torch.sparse_coo_tensor(torch.tensor([[1, 0, 1], [0, 2, 0]]), torch.tensor([1., 2., 3.]), (2, 3))
R2 = torch.sparse_coo_tensor(torch.tensor([[1], [2]]), torch.tensor([5.]), (2, 3)).coalesce()
for a, b in [(R, R2), (R.coalesce(), R2)]:
    for d in (0, 1, 2, -1):
        s = torch.stack([a, b], d)
        print(s.layout, s.shape, s.is_coalesced(), s._indices(), s._values())
    for d in (0, 1):
        c = torch.cat([a, b], d)
        print(c.layout, c.shape, c.is_coalesced(), c._indices(), c._values())
print(torch.cat([R]).is_coalesced(), torch.concat((R, R.double()), dim=-1))
h = torch.sparse_coo_tensor(torch.tensor([[0, 1]]), torch.tensor([[1., 2.], [3., 4.]]), (3, 2))
print(torch.cat([h, h], 1))
print(torch.stack([h, h], 2), torch.stack([h, h], 1).to_dense())
''',
        '''torch.manual_seed(0)
v = torch.randn(3, requires_grad=True)
a = torch.sparse_coo_tensor(torch.tensor([[1, 0, 1], [0, 2, 0]]), v, (2, 3))
s = torch.stack([a, a * 2])
print(s.grad_fn, s.grad_fn.next_functions[0][0].name(), s.is_sparse)
(s.to_dense() * torch.arange(12.).view(2, 2, 3)).sum().backward()
print(v.grad)
c = torch.cat([a, a], 1)
print(c)
''',
        ATTEMPT + '''R = torch.sparse_coo_tensor(torch.tensor([[1, 0, 1], [0, 2, 0]]), torch.tensor([1., 2., 3.]), (2, 3))
h = torch.sparse_coo_tensor(torch.tensor([[0, 1]]), torch.tensor([[1., 2.], [3., 4.]]), (3, 2))
other = torch.sparse_coo_tensor(torch.tensor([[0], [0]]), torch.tensor([1.]), (3, 3))
attempt(lambda: torch.stack([R, R.to_dense()]))
attempt(lambda: torch.cat([R, R.to_dense()]))
attempt(lambda: torch.stack([R, other]))
attempt(lambda: torch.cat([R, other], 1))
attempt(lambda: torch.cat([R, R], 3))
attempt(lambda: torch.stack([R, R], 4))
attempt(lambda: torch.cat([R, h]))
attempt(lambda: torch.cat([R, torch.sparse_coo_tensor(torch.tensor([[0]]), torch.tensor([[1., 2, 3]]), (2, 3))]))
attempt(lambda: torch.cat(R))
''',
    ],
    "sparse_addmm": [
        '''torch.manual_seed(0)
i = torch.tensor([[0, 1, 1, 0], [1, 0, 1, 1]]); v = torch.randn(4, requires_grad=True)
A = torch.sparse_coo_tensor(i, v, (2, 2)); M = torch.randn(2, 3, requires_grad=True)
X = torch.randn(2, 3, requires_grad=True)
o = torch.sparse.addmm(M, A, X, beta=0.5, alpha=2.0)
print(o, o.grad_fn.next_functions[1][0].name())
o.pow(2).sum().backward()
print(v.grad, M.grad, X.grad)
As = torch.sparse_coo_tensor(i, v.detach(), (2, 2)).requires_grad_()
b = torch.randn(3, requires_grad=True)
o = torch.sparse.addmm(b, As, X, alpha=-1.5)
print(o.grad_fn.next_functions[0][0].name(), o)
o.sum().backward()
print(b.grad, As.grad)
print(torch.sparse.addmm(torch.full((2, 3), float('nan')), As.detach(), X.detach(), beta=0))
print(torch.sparse.addmm(M.double().detach(), As.double().detach(), X.double().detach(), beta=3, alpha=0.25))
print(torch.sparse.addmm(M.detach(), As.detach().to_dense(), X.detach()))
''',
        ATTEMPT + '''A = torch.sparse_coo_tensor(torch.tensor([[0, 1], [1, 0]]), torch.tensor([1., 2.]), (2, 2))
M = torch.randn(2, 3); X = torch.randn(2, 3)
attempt(lambda: torch.sparse.addmm(M, A, torch.randn(3, 3)))
attempt(lambda: torch.sparse.addmm(torch.randn(3, 3), A, X))
attempt(lambda: torch.sparse.addmm(M.double(), A, X))
attempt(lambda: torch.sparse.addmm(A, M, X))
''',
    ],
    "sparse_sum_dims_checked": [
        ATTEMPT + '''R = torch.sparse_coo_tensor(torch.tensor([[1, 0, 1], [0, 2, 0]]), torch.tensor([1., 2., 3.]), (2, 3))
attempt(lambda: torch.sparse.sum(R, dim=2))
attempt(lambda: torch.sparse.sum(R, dim=-3))
attempt(lambda: torch.sparse.sum(R, dim=(1, -1)))
attempt(lambda: torch.sparse.sum(R, dim=(0, 1, 0)))
attempt(lambda: torch.sparse.sum(R, dim=(5, 0)))
print(torch.sparse.sum(R, dim=(-1,)).to_dense(), torch.sparse.sum(R, dim=(-2, -1)))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe178_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
