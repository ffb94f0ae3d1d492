"""What the hundred-and-eighty-seventh probe (François Fleuret's deep learning course, fleuret.org/dlc: tensor
basics, nearest neighbours, PCA by hand with torch.linalg.eigh, MLPs checked against autograd, Function subclasses,
train_model loops) found, each checked against PyTorch. The course's real-valued code ran as in PyTorch; probing
eigh beyond it found that torch.linalg.eigh / eigvalsh refused complex (Hermitian) matrices, which ATen solves
with LAPACK's ?heevd (real eigenvalues, MKL's phases of the eigenvectors) and differentiates with
linalg_eig_backward for Hermitian A (V (diag(gL) + skew(V^H gV) / E) V^H, an error for a loss that depends on the
vectors' phases); that the backward of conj and conj_physical could not be recorded under create_graph=True
(a double backward through x.conj() or x.mH failed); and that gradcheck warned that a complex128 input is not of
double precision."""
import pytest

from helpers import assert_same_as_pytorch

# gradients are printed as integers of 1e-4: the engine's complex matmul is numpy's, not MKL's, and leaves
# different residuals of order 1e-9 on entries that are exactly zero
INTS = '''def ints(t):
    return torch.view_as_real(t.detach()).mul(1e4).round().int()
'''

CELLS = {
    "eigh_of_a_hermitian_matrix_as_lapack_heevd_gives_it": ['''a = torch.tensor([[2., 1j], [-1j, 3.]])
L, V = torch.linalg.eigh(a)
print(L, L.dtype, V, V.dtype, V.stride())
print(torch.linalg.eigvalsh(a), torch.linalg.eigvalsh(a, UPLO='U').dtype)
print(torch.linalg.eigh(a.to(torch.complex128), UPLO='U'))
''', '''torch.manual_seed(0)
b = torch.randn(2, 3, 3, dtype=torch.complex64)
h = b + b.mH
L, V = torch.linalg.eigh(h)
print(L, V)
print((V @ torch.diag_embed(L).to(V.dtype) @ V.mH - h).abs().max() < 1e-5)
print(torch.linalg.eigvalsh(h.to(torch.complex128)))
'''],
    "eigh_backward_for_complex_hermitian_matrices": [INTS + '''torch.manual_seed(1)
a = torch.randn(3, 3, dtype=torch.complex128)
h = (a + a.mH).requires_grad_()
L, V = torch.linalg.eigh(h)
print(L.grad_fn.name(), V.grad_fn.name())
(L * torch.tensor([1., 2., 3.], dtype=torch.float64)).sum().backward()
print(ints(h.grad))
h.grad = None
L, V = torch.linalg.eigh(h, UPLO='U')
w = torch.tensor([[1., 2., 3.], [0.5, -1., 2.], [0., 1., 1.]], dtype=torch.float64)
((V.abs() ** 2) * w).sum().backward()
print(ints(h.grad))
''', INTS + '''torch.manual_seed(2)
a = torch.randn(2, 3, 3, dtype=torch.complex64)
h = (a + a.mH).requires_grad_()
L, V = torch.linalg.eigh(h)
(L.pow(2).sum() + (V.abs() ** 2 * torch.arange(3.)).sum()).backward()
print(ints(h.grad))
ev = torch.linalg.eigvalsh(h)
print(ev.grad_fn.name(), ints(torch.autograd.grad(ev.sum(), h)[0]))
''', '''a = torch.tensor([[2., 1j], [-1j, 3.]], requires_grad=True)
L, V = torch.linalg.eigh(a)
try:
    V.real.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
''', '''torch.manual_seed(3)
x = torch.randn(3, 3, dtype=torch.complex128, requires_grad=True)
print(torch.autograd.gradcheck(lambda x: torch.linalg.eigvalsh(x + x.mH), (x,)))
print(torch.autograd.gradcheck(lambda x: torch.linalg.eigh(x + x.mH)[1].abs(), (x,)))
'''],
    "double_backward_through_conj_conj_physical_and_mH": ['''x = torch.tensor([1+2j, 3-1j], requires_grad=True)
g, = torch.autograd.grad((x.conj() * x).abs().sum(), x, create_graph=True)
print(g, g.grad_fn.name())
print(torch.autograd.grad(g.abs().sum(), x))
''', '''x = torch.tensor([1+2j, 3-1j], requires_grad=True)
v = torch.tensor([1j, 2.+0j], requires_grad=True)
g, = torch.autograd.grad(x.conj(), x, v, create_graph=True)
print(g, g.grad_fn.name())
g, = torch.autograd.grad(torch.conj_physical(x), x, v, create_graph=True)
print(g, g.grad_fn.name())
print(torch.autograd.grad(g.real.sum(), v))
''', '''x = torch.tensor([[1+2j, 3-1j], [0.5j, 2]], requires_grad=True)
g, = torch.autograd.grad((x.mH @ x).abs().sum(), x, create_graph=True)
print(g, g.grad_fn.name())
print(torch.autograd.grad(g.abs().sum(), x))
'''],
    "gradcheck_takes_complex128_as_double_precision": ['''torch.manual_seed(3)
x = torch.randn(3, dtype=torch.complex128, requires_grad=True)
print(torch.autograd.gradcheck(lambda x: (x * x.conj() + x).abs(), (x,)))
y = torch.randn(3, dtype=torch.complex64, requires_grad=True)
print(torch.autograd.gradcheck(lambda y: (y * y).abs(), (y,), eps=1e-3, atol=1e-2, rtol=1e-2))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe187_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
