# Imitates a "PyTorch tensor puzzles: index generators and contractions" worksheet: tril_indices / triu_indices
# with offsets, combinations (with_replacement) and cartesian_prod, block_diag, kron, repeat_interleave with
# tensor repeats, dim and output_size, and einsum with an ellipsis, repeated indices (traces, diagonals) and the
# sublist format, with gradients, grad_fn names and the mistakes learners make.
import torch

# %%
print(torch.tril_indices(3, 3))
print(torch.tril_indices(4, 3, offset=1), torch.tril_indices(3, 4, -1))
print(torch.triu_indices(3, 3), torch.triu_indices(4, 5, offset=2), torch.triu_indices(3, 3, -1).dtype)
print(torch.triu_indices(3, 3, 5), torch.tril_indices(3, 3, -4).shape, torch.tril_indices(0, 3))
m = torch.arange(9.).view(3, 3)
iu = torch.triu_indices(3, 3, 1)
print(m[iu[0], iu[1]])
try:
    torch.tril_indices(-1, 3)
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor([1., 2., 3.])
print(torch.combinations(a))
print(torch.combinations(a, r=3), torch.combinations(a, r=1))
print(torch.combinations(a, with_replacement=True))
print(torch.combinations(a, r=4).shape, torch.combinations(torch.arange(4), 3, True).shape)
print(torch.cartesian_prod(a, torch.tensor([4., 5.])))
print(torch.cartesian_prod(torch.tensor([1, 2]), torch.tensor([3]), torch.tensor([5, 6])))
print(torch.cartesian_prod(a))
ag = a.clone().requires_grad_()
c = torch.combinations(ag, with_replacement=True)
print(type(c.grad_fn).__name__)
c.prod(1).sum().backward()
print(ag.grad)
bg = torch.tensor([0.5, -1.], requires_grad=True)
cp = torch.cartesian_prod(ag, bg)
print(type(cp.grad_fn).__name__, cp.shape)
ag.grad = None
cp.prod(1).sum().backward()
print(ag.grad, bg.grad)
for bad in (lambda: torch.combinations(torch.ones(2, 2)), lambda: torch.combinations(a, r=-1),
            lambda: torch.cartesian_prod(torch.ones(2, 2), a)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
A = torch.tensor([[1., 2.], [3., 4.]])
B = torch.tensor([[5.]])
C = torch.tensor([6., 7., 8.])
print(torch.block_diag(A, B, C))
print(torch.block_diag(torch.tensor(9), torch.tensor([1, 2]), torch.zeros(2, 0)))
print(torch.block_diag(A, torch.tensor([[1, 2, 3]])).dtype, torch.block_diag().shape)
Ag = A.clone().requires_grad_()
bd = torch.block_diag(Ag, C)
print(type(bd.grad_fn).__name__, bd.shape)
(bd * torch.arange(15.).view(3, 5)).sum().backward()
print(Ag.grad)
try:
    torch.block_diag(torch.ones(2, 2, 2))
except Exception as e:
    print(type(e).__name__, e)

# %%
print(torch.kron(A, torch.eye(2)))
print(torch.kron(torch.tensor([1, 2]), torch.tensor([1, 10, 100])))
print(torch.kron(A, torch.ones(2, 1, 2)).shape, torch.kron(torch.ones(3), A).shape)
Bg = torch.tensor([[0., 1.], [1., 2.]], requires_grad=True)
k = torch.kron(Ag, Bg)
print(type(k.grad_fn).__name__, k.stride())
Ag.grad = None
k.pow(2).sum().backward()
print(Ag.grad, Bg.grad)

# %%
x = torch.tensor([1, 2, 3])
print(x.repeat_interleave(2), torch.repeat_interleave(x, torch.tensor([1, 0, 3])))
y = torch.tensor([[1, 2], [3, 4]])
print(torch.repeat_interleave(y, 2), torch.repeat_interleave(y, 3, dim=1))
print(torch.repeat_interleave(y, torch.tensor([1, 2]), dim=0))
print(torch.repeat_interleave(y, torch.tensor([1, 2]), dim=0, output_size=3))
print(torch.repeat_interleave(torch.tensor([2, 1, 3])))
print(torch.repeat_interleave(y, torch.tensor([2]), dim=1))
yg = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
ri = yg.repeat_interleave(torch.tensor([3, 1]), dim=1)
print(ri, type(ri.grad_fn).__name__)
(ri * torch.arange(8.).view(2, 4)).sum().backward()
print(yg.grad)
for bad in (lambda: torch.repeat_interleave(y, torch.tensor([1, 2, 3]), dim=0),
            lambda: torch.repeat_interleave(y, torch.tensor([-1, 2]), dim=0),
            lambda: torch.repeat_interleave(y, torch.tensor([[1, 2]]), dim=0),
            lambda: torch.repeat_interleave(y, -2),
            lambda: torch.repeat_interleave(torch.tensor([1.5, 2.])),
            lambda: torch.repeat_interleave(y, 2, dim=2)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
M = torch.randn(4, 4, requires_grad=True)
tr = torch.einsum('ii', M)
print(tr, type(tr.grad_fn).__name__, torch.allclose(tr, M.trace()))
dg = torch.einsum('ii->i', M)
print(dg, dg.stride(), type(dg.grad_fn).__name__)
b = torch.randn(3, 2, 4, 4)
print(torch.einsum('...ii->...i', b).shape, torch.einsum('...ii', b).shape)
print(torch.einsum('bcii->b', b))
x1, x2 = torch.randn(2, 5, 3), torch.randn(2, 3, 4)
print(torch.allclose(torch.einsum('...ij,...jk->...ik', x1, x2), x1 @ x2))
print(torch.einsum('i...->...', torch.randn(2, 3, 4)).shape, torch.einsum('...', b).shape)
print(torch.einsum(x1, [0, 1, 2], x2, [0, 2, 3], [0, 1, 3]).shape)
print(torch.einsum(x1, [..., 1, 2], x2, [..., 2, 3]).shape)
print(torch.einsum(M, [0, 0]), torch.einsum(M, [0, 0], [0]).shape)
(torch.einsum('ii->', M) + torch.einsum('ij,ij->', M, M)).backward()
print(M.grad)

# %%
for bad in (lambda: torch.einsum('ij,jk->ik', torch.randn(2, 3), torch.randn(4, 5)),
            lambda: torch.einsum('ii', torch.randn(2, 3)),
            lambda: torch.einsum('ij->ik', torch.randn(2, 3)),
            lambda: torch.einsum('ijk', torch.randn(2, 3)),
            lambda: torch.einsum('ij,jk', torch.randn(2, 3)),
            lambda: torch.einsum('i..j', torch.randn(2, 3)),
            lambda: torch.einsum('ij->ii', torch.randn(2, 2))):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# passing numbers or lists where tensors go, and repeat_interleave's output_size that does not fit
a = torch.tensor([1., 2., 3.])
for bad in (lambda: torch.combinations(a, True), lambda: torch.combinations(a, 2.0),
            lambda: torch.combinations(a, with_replacement=1), lambda: torch.kron(a, 2), lambda: a.kron([1.]),
            lambda: torch.block_diag(A, 3), lambda: torch.block_diag([A, B]), lambda: torch.cartesian_prod(a, [4, 5]),
            lambda: torch.einsum('i,i->', a, 2), lambda: torch.einsum('ij', [[1, 2]]), lambda: torch.einsum('i', []),
            lambda: torch.repeat_interleave(torch.tensor([2, 1]), output_size=4),
            lambda: torch.repeat_interleave(torch.tensor([2, 1]), output_size=3),
            lambda: torch.repeat_interleave(torch.tensor([2, 1], dtype=torch.int32)),
            lambda: torch.repeat_interleave(a, torch.tensor([1, 0, 2]), output_size=-1),
            lambda: torch.repeat_interleave(torch.tensor([2, 1], dtype=torch.uint8))):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
