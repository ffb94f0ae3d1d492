"""What the hundred-and-ninety-fifth probe (complex matrix products: quantum-state toy simulations, complex linear
layers, unitary parametrisations with matrix_exp of skew-Hermitian matrices) found, each checked against PyTorch.
ATen's complex mm / matmul / bmm (400 or more multiply-adds a matrix) are MKL's cgemm / zgemm with addmm's arguments
(a conjugated operand materialised gives the bits of its ConjTranspose call); its complex mv is ATen's own gemv loop
(no BLAS fast path for complex types), products rounded one by one; mv's backward is ger, the mul kernel's products.
The backward of addmm (F.linear with a bias), addmv, addr, addbmm, baddbmm conjugates the other factor (and beta,
alpha), and matrix_exp's adjoint is the differential at A^H, not A^T: complex gradients were wrong there."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "complex_mm_is_mkl_cgemm_zgemm_bit_for_bit": ['''torch.manual_seed(0)
for dt in (torch.complex64, torch.complex128):
    a = torch.randn(5, 7, dtype=dt, requires_grad=True)
    b = torch.randn(7, 6, dtype=dt, requires_grad=True)
    y = a @ b
    (y * torch.randn(5, 6, dtype=dt)).real.sum().backward()
    rd = torch.float32 if dt == torch.complex64 else torch.float64
    print(y.detach().view(rd).flatten().tolist()[:12])
    print(a.grad.view(rd).flatten().tolist()[:12], b.grad.view(rd).flatten().tolist()[:12])
    print(torch.mm(a.detach(), b.detach().conj()).view(rd).sum().item(), (a.detach().mH.mT @ b.detach()).view(rd).sum().item())
'''],
    "complex_mv_is_atens_gemv_loop": ['''torch.manual_seed(1)
for dt in (torch.complex64, torch.complex128):
    m = torch.randn(6, 9, dtype=dt, requires_grad=True)
    v = torch.randn(9, dtype=dt, requires_grad=True)
    y = m @ v
    (y * torch.randn(6, dtype=dt)).real.sum().backward()
    rd = torch.float32 if dt == torch.complex64 else torch.float64
    bits = lambda t: [x.hex() for x in t.view(rd).flatten().tolist()]   # exact: every bit printed
    print(y.grad_fn.name(), bits(y.detach()))
    print(bits(m.grad)[:10], bits(v.grad))
    print(bits(torch.mv(m.detach().mT.contiguous().mT, v.detach())))
'''],
    "complex_linear_with_bias_conjugates_in_backward": ['''torch.manual_seed(2)
x = torch.randn(4, 3, dtype=torch.cfloat)
lin = torch.nn.Linear(3, 2, dtype=torch.cfloat)
y = lin(x)
print(y.grad_fn)
y.abs().pow(2).sum().backward()
print(lin.weight.grad)
print(lin.bias.grad)
w = lin.weight.detach().clone().requires_grad_()
torch.addmm(lin.bias.detach(), x, w.T, beta=0.5, alpha=2.0).real.sum().backward()
print(w.grad)
'''],
    "complex_addmv_addr_baddbmm_gradients_conjugate": ['''torch.manual_seed(3)
dt = torch.complex128
c = torch.randn(3, dtype=dt); m = torch.randn(3, 4, dtype=dt, requires_grad=True); v = torch.randn(4, dtype=dt, requires_grad=True)
torch.addmv(c, m, v).real.sum().backward()
print(m.grad, v.grad)
u = torch.randn(3, dtype=dt, requires_grad=True); w = torch.randn(2, dtype=dt, requires_grad=True)
torch.addr(torch.zeros(3, 2, dtype=dt), u, w).imag.sum().backward()
print(u.grad, w.grad)
a = torch.randn(2, 2, 3, dtype=dt, requires_grad=True); b = torch.randn(2, 3, 2, dtype=dt, requires_grad=True)
torch.baddbmm(torch.zeros(2, 2, 2, dtype=dt), a, b).real.sum().backward()
print(a.grad.sum(), b.grad.sum())
a.grad = b.grad = None
torch.addbmm(torch.zeros(2, 2, dtype=dt), a, b).real.sum().backward()
print(a.grad.sum(), b.grad.sum())
'''],
    "matrix_exp_of_complex_matrix_gradient_uses_the_adjoint": ['''torch.manual_seed(4)
a = torch.randn(3, 3, dtype=torch.complex128, requires_grad=True)
h = a - a.mH
u = torch.linalg.matrix_exp(h)
print(u.grad_fn, torch.allclose(u.mH @ u, torch.eye(3, dtype=torch.complex128)))
(u[0, 1].real + u[2, 0].imag).backward()
print(a.grad)
b = torch.tensor([[0.1 + 0.2j, 0.3], [0.5j, -0.2 + 0.1j]], requires_grad=True)
torch.matrix_exp(b).real.sum().backward()
print(b.grad)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe195(name):
    assert_same_as_pytorch(CELLS[name], name=name)
