"""What the hundred-and-ninety-third probe (complex autograd as PyTorch's "Autograd for Complex Numbers" note and
complex-valued network tutorials teach it) found, each checked against PyTorch. gradcheck / gradgradcheck check
complex functions as PyTorch's slow and fast modes do: a complex input is moved along 1 and along 1j (its Jacobian
row is the conjugate Wirtinger combination, in the input's complex dtype), complex outputs are checked as their
imaginary parts, then their real parts, a mismatch naming the part; fast mode draws u_r and u_i for a complex input.
A custom autograd.Function's complex outputs are differentiable. The fused matrix products (addmm, as nn.Linear with
a bias runs, addmv, addr, addbmm, baddbmm) conjugate their factors and their alpha / beta in backward, as mm does.
``tensor - 1j`` works (Python's complex on the right of ``-``), and a complex product's fused remainder keeps the
sign of a zero."""
import pytest

from helpers import assert_same_as_pytorch

_SQUARE = '''class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * g * x{conj}
'''

CELLS = {
    "gradcheck_of_complex_outputs_and_inputs": ['''torch.manual_seed(0)
z = torch.randn(3, dtype=torch.complex128, requires_grad=True)
r = torch.randn(3, dtype=torch.float64, requires_grad=True)
for f, args in [(lambda t: t * t, (z,)), (lambda t: t.abs(), (z,)), (torch.angle, (z,)), (torch.view_as_real, (z,)),
                (lambda t: torch.fft.fft(t), (r,)), (lambda a, b: (a * b.conj(), (a / b).abs()), (z, z.detach().flip(0).requires_grad_())),
                (lambda t: torch.view_as_complex(t), (torch.randn(2, 2, dtype=torch.float64, requires_grad=True),))]:
    print(torch.autograd.gradcheck(f, args), torch.autograd.gradcheck(f, args, fast_mode=True))
'''],
    "gradcheck_names_the_imaginary_part_of_a_wrong_backward": [_SQUARE.format(conj="") + '''
torch.manual_seed(0)
z = torch.randn(2, dtype=torch.complex128, requires_grad=True)
for fm in (False, True):
    try:
        torch.autograd.gradcheck(Square.apply, (z,), fast_mode=fm)
    except Exception as e:
        print(type(e).__name__, e)
    print(torch.autograd.gradcheck(Square.apply, (z,), fast_mode=fm, raise_exception=False))
''', '''try:
    torch.autograd.gradcheck(lambda t: (Square.apply(t), t.real * 2), (z,))
except Exception as e:
    print(type(e).__name__, e)
'''],
    "gradcheck_of_a_real_output_of_a_complex_input_with_a_wrong_backward": ['''class AbsSq(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return (x * x.conj()).real

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * x

torch.manual_seed(1)
z = torch.randn(2, dtype=torch.complex128, requires_grad=True)
for fm in (False, True):
    try:
        torch.autograd.gradcheck(AbsSq.apply, (z,), fast_mode=fm)
    except Exception as e:
        print(type(e).__name__, e)
'''],
    "gradgradcheck_with_complex_inputs": ['''torch.manual_seed(0)
z = torch.randn(3, dtype=torch.complex128, requires_grad=True)
r = torch.randn(3, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradgradcheck(lambda t: (t * t.conj() * t).sin(), (z,)))
print(torch.autograd.gradgradcheck(lambda a, b: (a * b).abs().sum(), (z, r)))
print(torch.autograd.gradgradcheck(lambda t: t.exp(), (z,), fast_mode=True))
print(torch.autograd.gradgradcheck(lambda t: t.exp(), (z,), gen_non_contig_grad_outputs=True))
print(torch.randn(3))
'''],
    "gradcheck_without_differentiable_complex_outputs": ['''torch.manual_seed(0)
z = torch.randn(2, dtype=torch.complex128, requires_grad=True)
print(torch.autograd.gradcheck(lambda t: (t * 1j).detach(), (z,), raise_exception=False))
try:
    torch.autograd.gradcheck(lambda t: (t * 1j).detach(), (z,))
except Exception as e:
    print(type(e).__name__, e)
'''],
    "custom_function_complex_output_is_differentiable": [_SQUARE.format(conj=".conj()") + '''
z = torch.tensor([1 + 1j, -0.8 + 0.3j], dtype=torch.complex128, requires_grad=True)
y = Square.apply(z)
print(y.requires_grad, type(y.grad_fn).__name__, y.imag.requires_grad, y.real.requires_grad)
y.abs().sum().backward()
print(z.grad)
print(torch.autograd.gradcheck(Square.apply, (z,)), torch.autograd.gradgradcheck(Square.apply, (z,)))
'''],
    "complex_linear_layer_gradients_are_conjugated": ['''torch.manual_seed(0)
x = torch.randn(2, 3, dtype=torch.cdouble, requires_grad=True)
lin = torch.nn.Linear(3, 4, dtype=torch.cdouble)
lin(x).abs().sum().backward()
print(lin.weight.grad, lin.bias.grad, x.grad)
''', '''C = dict(dtype=torch.cdouble, requires_grad=True)
M = torch.randn(2, 4, **C); A = torch.randn(2, 3, **C); B = torch.randn(3, 4, **C); v = torch.randn(3, **C); w = torch.randn(2, **C)
bA = torch.randn(2, 2, 3, **C); bB = torch.randn(2, 3, 4, **C)
for f, args in [(torch.addmm, (M, A, B)), (lambda m, a, b: torch.addmm(m, a, b, beta=0.5, alpha=2j), (M, A, B)),
                (torch.addmv, (w, A, v)), (lambda m, a, x: torch.addmv(m, a, x, beta=1j, alpha=2), (w, A, v)),
                (torch.addr, (A, w, v)), (lambda m, x, y: torch.addr(m, x, y, beta=2, alpha=1 - 1j), (A, w, v)),
                (torch.addbmm, (M, bA, bB)), (lambda m, a, b: torch.baddbmm(m, a, b, beta=-1j, alpha=1j), (M.detach().expand(2, 2, 4).contiguous().requires_grad_(), bA, bB)),
                (torch.nn.functional.linear, (A, B.detach().T.contiguous().requires_grad_(), M.detach()[0].requires_grad_()))]:
    print(torch.autograd.gradcheck(f, args, raise_exception=False))
m = M.detach().requires_grad_()
torch.addmm(m, A, B, beta=1j, alpha=2 - 1j).abs().sum().backward()
print(m.grad[0], A.grad[0], B.grad[0])
'''],
    "subtracting_a_python_complex": ['''z = torch.tensor([1 + 2j, 3 - 1j], dtype=torch.complex128)
r = torch.tensor([1., -2.], dtype=torch.float64, requires_grad=True)
print(z - 1j, r - 2j, (r - 2j).grad_fn, z[0] - 1e-6j, torch.ones(2) - 1j)
w = z.clone(); w -= 0.5j
print(w)
try:
    torch.tensor([True]) - 1j
except Exception as e:
    print(type(e).__name__, e)
'''],
    "complex_product_keeps_the_sign_of_zero": ['''a = torch.tensor([0., 2., -0.], dtype=torch.float64)
z = torch.tensor([-0.8 + 0.3j, -1 - 1j, 0.5 + 0.5j], dtype=torch.complex128)
print(a * z, z * a, a.to(torch.complex128) * z, torch.mul(a, z), (a * z).real.signbit())
print(torch.zeros(5, dtype=torch.complex128) * torch.tensor([-1.0 + 1j] * 5, dtype=torch.complex128))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe193_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], "probe193", name)
