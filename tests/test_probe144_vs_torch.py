"""What the hundred-and-forty-fourth probe (normalizing flows and neural ODEs from scratch: UvA tutorial 11's
dequantisation and multi-scale flow, planar / radial flows, continuous normalizing flows with Hutchinson traces and
a hand-written adjoint, Glow's ActNorm and LU-parametrised 1x1 convolution, torch.distributions' building blocks)
found, each checked against PyTorch: torch.det / linalg.det / slogdet / linalg.slogdet / logdet (and the Tensor
methods) take the LU that ATen takes, ?getrf of A^T when A is a contiguous real matrix (det(A^T) = det(A) and A^T
is column-major, no copy) and of A otherwise, and add the logs of U's diagonal as PyTorch's log_ and sum do: the
engine factored A itself by its own elimination, so the determinant of a contiguous matrix (a Glow weight, a
Jacobian from torch.autograd.functional.jacobian) differed from PyTorch's in the last digits printed, and
log|det| of an orthogonal matrix printed another rounding noise than PyTorch's."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "det_slogdet_of_contiguous_and_transposed_matrices": [
        '''torch.manual_seed(0)
a = torch.randn(5, 5)
a[4] = a[0] + a[1] + 1e-3 * a[4]   # nearly singular: the two LUs' roundings show in the leading digits
print(a.is_contiguous(), a.T.is_contiguous())
print(torch.det(a).item(), torch.linalg.det(a).item(), a.det().item(), torch.det(a.T).item())
print(torch.slogdet(a).logabsdet.item(), torch.linalg.slogdet(a.T).logabsdet.item(), a.slogdet())
print(torch.logdet(a @ a.T).item(), (a @ a.T).logdet().item(), torch.logdet((a @ a.T).T).item())
d = a.double()
print(torch.det(d).item(), torch.slogdet(d).logabsdet.item(), torch.det(d.T).item())
''',
    ],
    "batched_det_slogdet_and_mT": [
        '''torch.manual_seed(3)
b = torch.randn(4, 6, 6)
print(torch.det(b).tolist())
print(torch.det(b.mT).tolist())
s = torch.linalg.slogdet(b)
print(s.sign.tolist(), s.logabsdet.tolist())
print(torch.linalg.slogdet(b.transpose(1, 2)).logabsdet.tolist())
print(torch.det(b[:, ::2, ::2].contiguous()).tolist(), torch.det(b[:, ::2, ::2]).tolist())
''',
    ],
    "glow_orthogonal_weight_logdet": [
        '''torch.manual_seed(0)
w = torch.linalg.qr(torch.randn(4, 4))[0]
print(w.is_contiguous(), torch.det(w), torch.det(w).abs(), torch.slogdet(w))
wc = w.contiguous()
print(torch.det(wc).item(), torch.slogdet(wc).logabsdet.item(), torch.slogdet(wc.T).logabsdet.item())
x = torch.randn(6, 6, requires_grad=True)
y = torch.linalg.slogdet(x)
y.logabsdet.backward()
print(y, x.grad.sum().item() != 0)
''',
    ],
    "jacobian_logdet_of_a_coupling_map": [
        '''from torch.autograd.functional import jacobian
torch.manual_seed(1)
W = torch.randn(4, 4)
W[3] = W[0] - W[2] + 1e-5 * W[3]   # a flow layer close to non-invertible
f = lambda v: W @ torch.tanh(v)
z = torch.randn(4)
J = jacobian(f, z)
print(J.is_contiguous(), torch.det(J).item(), torch.linalg.slogdet(J).logabsdet.item(), torch.logdet(J).item())
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe144_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe144", name=name)
