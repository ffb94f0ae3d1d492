"""What the hundred-and-ninety-sixth probe (the last bits of complex arithmetic: complex signal-processing lessons
printing abs(), sums, products and their gradients) found, each checked bit for bit against PyTorch.
ATen's complex128 abs runs SLEEF's hypot_u05 (double-double arithmetic with fused multiply-adds) on the elements of
its vectorised loop (steps of 4 complex128) and the C library's hypot on the remainder; sgn divides by the same
|z| in its own steps. A complex128 sum of 3 fills a 2-lane vector and a tail: (x2 + x0) + x1. Complex dot / vdot
are MKL's cdotu/zdotu and cdotc/zdotc (a single term with increments 1); their backward and an expanded gradient
(SumBackward0's) are multiplied in ATen's complex mul loop, whose remainder fuses, a 0-d or stride-0 operand in
its scalar loop. The bits are printed with float.hex: the parity tolerance would accept 1-ulp differences."""
import pytest

from helpers import assert_same_as_pytorch

_BITS = '''bits = lambda t: [x.hex() for x in t.detach().reshape(-1).tolist()]
cbits = lambda t: bits(torch.view_as_real(t.detach().resolve_conj()))
'''

CELLS = {
    "complex128_abs_is_sleef_hypot_in_the_vectors_libm_in_the_remainder": [_BITS + '''torch.manual_seed(0)
for n in (5, 7, 13, 37, 600):
    z = torch.randn(n, dtype=torch.complex128)
    print(n, bits(z.abs()))
print(bits(torch.randn(50, 13, dtype=torch.complex128).abs()))
big = torch.randn(3, 6, dtype=torch.complex128) * 1e300
print(bits(big.abs()), bits((big * 1e-610).abs()))
print(bits(torch.tensor([0, 1j, 3 + 4j, float('inf'), complex(float('nan'), 1.0), 1e-310 + 2e-310j, -0.0, 5e-324j], dtype=torch.complex128).abs()))
'''],
    "complex128_sgn_and_abs_backward_bits": [_BITS + '''torch.manual_seed(1)
for n in (6, 11, 21, 500):
    z = torch.randn(n, dtype=torch.complex128, requires_grad=True)
    print(cbits(z.sgn()))
    z.abs().sum().backward()
    print(z.grad.dtype, cbits(z.grad))
'''],
    "complex128_sum_of_three_adds_the_tail_first": [_BITS + '''torch.manual_seed(2)
for _ in range(4):
    z = torch.randn(3, dtype=torch.complex128)
    print(cbits(z.sum()), cbits(z.mean()))
w = torch.tensor([0.1 + 0.7j, 0.2 - 0.3j, 0.3 + 1e-17j], dtype=torch.complex128)
print(cbits(w.sum()))
'''],
    "complex_dot_vdot_are_mkl_dotu_dotc": [_BITS + '''torch.manual_seed(3)
for dt in (torch.complex64, torch.complex128):
    for n in (2, 3, 5, 9, 33):
        a = torch.randn(n, dtype=dt, requires_grad=True)
        b = torch.randn(n, dtype=dt, requires_grad=True)
        d, v = torch.dot(a, b), torch.vdot(a, b)
        print(d.grad_fn.name(), v.grad_fn.name(), cbits(d), cbits(v), cbits(a.detach() @ b.detach()))
        (d * (0.3 - 0.2j)).real.backward()
        print(cbits(a.grad), cbits(b.grad))
        a.grad = b.grad = None
        (v * (0.7 + 0.1j)).imag.backward()
        print(cbits(a.grad), cbits(b.grad))
    x = torch.randn(2, dtype=dt)
    print(cbits(torch.dot(x[::2], x[1:])), cbits(torch.vdot(x[::2], x[1:])))
'''],
    "complex_mul_by_an_expanded_gradient_runs_the_scalar_loop": [_BITS + '''torch.manual_seed(4)
g = torch.tensor(0.3 + 0.7j, dtype=torch.complex128)
for n in (3, 5, 9):
    a = torch.randn(n, dtype=torch.complex128, requires_grad=True)
    print(cbits(g.expand(n) * a.detach()))
    (a * a).sum().backward(g)
    print(cbits(a.grad))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe196(name):
    assert_same_as_pytorch(CELLS[name], name=name)
