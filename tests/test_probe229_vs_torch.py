"""What the 229th probe (parametrizations: orthogonal, spectral_norm, weight_norm, hand-written parametrizations)
found, each checked against PyTorch: torch.linalg.qr of complex matrices (ATen's ?geqrf / ?ungqr, and the
complex LinalgQrBackward0: R^{-H} and the real part of the diagonal), which nn.utils.parametrizations.orthogonal
runs on a complex weight (its right_inverse made the base by QR; a refused QR left the base None, and the first
read of the weight failed); _Orthogonal / _OrthMaps importable from torch.nn.utils.parametrizations."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "qr_of_complex_matrices": [
        '''torch.manual_seed(0)
for dt in (torch.complex64, torch.complex128):
    for shape in [(4, 3), (3, 3), (3, 5), (2, 3, 3)]:
        A = torch.randn(*shape, dtype=dt)
        Q, R = torch.linalg.qr(A)
        print(Q, R)
        print(torch.linalg.qr(A, mode="complete"), torch.linalg.qr(A, mode="r").R)''',
    ],
    "qr_backward_of_complex_matrices": [
        '''torch.manual_seed(1)
for shape in [(4, 3), (3, 3)]:
    A = torch.randn(*shape, dtype=torch.complex128, requires_grad=True)
    Q, R = torch.linalg.qr(A)
    w = torch.arange(shape[1], dtype=torch.float64)
    ((Q * w).real.sum() + (Q * w).imag.sum() + R.imag.sum() + R.abs().sum()).backward()
    print(A.grad)
    print(Q.grad_fn.name())''',
    ],
    "orthogonal_of_a_complex_weight": [
        '''torch.manual_seed(2)
for omap in ["matrix_exp", "cayley"]:
    qc = torch.nn.utils.parametrizations.orthogonal(torch.nn.Linear(3, 3).to(torch.complex64), orthogonal_map=omap)
    print(qc.weight)
    print(qc.parametrizations.weight[0].base)
    x = torch.randn(2, 3, dtype=torch.complex64)
    qc(x).abs().sum().backward()
    print(qc.parametrizations.weight.original.grad)''',
        '''from torch.nn.utils.parametrizations import _Orthogonal, _OrthMaps
o = _Orthogonal(torch.zeros(3, 3), _OrthMaps.cayley)
print(o, o.orthogonal_map, hasattr(o, "base"))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe229(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name)
