"""What the hundred-and-ninetieth probe (normalizing flows: RealNVP / NICE / MAF / Glow taught by hand, with
log-determinants from torch.det / torch.slogdet / torch.linalg.slogdet) found, each checked against PyTorch. ATen's
det and slogdet backwards reuse the LU their forward took (getrf of A^T for a contiguous real A, of A otherwise) and
solve with it through linalg_lu_solve; the engine refactored A^H with np.linalg.solve instead. That changed the last
bits of the gradients, and for a matrix singular only up to rounding (a 1x1 convolution's weight with two equal
rows: det about 1e-11, not 0) numpy met an exact zero pivot that the forward's LU did not have and raised
LinAlgError("Singular matrix") where PyTorch returns the (large) gradient."""
import pytest

from helpers import assert_same_as_pytorch

BITS = '''import numpy as np
def bits(t):
    return [float(v).hex() for v in t.detach().reshape(-1).tolist()]
'''

CELLS = {
    "det_and_slogdet_backward_of_a_matrix_singular_up_to_rounding": ['''torch.manual_seed(2)
A = torch.randn(3, 3)
A[0] = A[1]
A.requires_grad_()
d = torch.det(A)
d.backward()
print(d, A.grad)
B = A.detach().clone().requires_grad_()
s, l = torch.linalg.slogdet(B)
l.backward()
print(s, l, B.grad)
C = torch.randn(2, 4, 4, dtype=torch.float64)
C[0, 3] = C[0, 1] * 2
C.requires_grad_()
torch.det(C).sum().backward()
print(C.grad)
'''],
    "det_and_slogdet_gradients_carry_the_forward_lus_bits": [BITS + '''torch.manual_seed(5)
for dt in (torch.float32, torch.float64):
    for shape in ((5, 5), (3, 6, 6), (2, 1, 1), (7, 7)):
        M = torch.randn(*shape, dtype=dt)
        for X in (M, M.mT):
            X = X.detach().requires_grad_()
            torch.det(X).sum().backward()
            g_det = X.grad
            X.grad = None
            torch.linalg.slogdet(X)[1].sum().backward()
            g_sl = X.grad
            X.grad = None
            torch.logdet(X.abs() + 3 * torch.eye(shape[-1], dtype=dt)).sum().backward()
            print(dt, shape, X.is_contiguous(), bits(g_det), bits(g_sl), bits(X.grad))
'''],
    "glow_invertible_1x1_conv_logdet_gradient": [BITS + '''torch.manual_seed(7)
c = 6
w = torch.nn.Parameter(torch.linalg.qr(torch.randn(c, c))[0] + 0.1 * torch.randn(c, c).tril())
w_qr = torch.nn.Parameter(torch.linalg.qr(torch.randn(c, c))[0])   # column-major: A's own LU, solved with adjoint
for p in (w, w_qr):
    logdet = 9 * torch.slogdet(p)[1]
    logdet64 = 9 * torch.slogdet(p.double())[1].float()
    (-logdet - logdet64 - torch.det(p)).backward()
    print(p.is_contiguous(), bits(p.grad))
'''],
}


@pytest.mark.parametrize("name", CELLS)
def test_probe190(name):
    assert_same_as_pytorch(CELLS[name], name=name)
