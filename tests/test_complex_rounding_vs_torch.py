"""Complex quotients and signs rounded as PyTorch 2.13's CPU kernels round them, compared bit for bit (each value's
bits printed as integers, so that a last-bit difference is a difference of text, not a float within tolerance).

Division: c10::complex's quotient (Smith's method, which numpy's loop also uses) compiled with fused multiply-adds
in ATen's AVX2 / AVX-512 builds; numpy's unfused quotient differed in the last bit for ~38% of complex64 values.
The last complex64 of an inner loop of odd length has only its denominator fused (measured). sgn (and through it
the gradient of abs): ATen's vectorised loop divides each part by |z|, its remainder takes c10's quotient by |z|.
Also what complex tensors lacked: finfo of a complex dtype, var / std / var_mean of complex tensors (the parts'
variances added), norms of complex tensors, sgn's gradient (and with it abs under create_graph), the conjugate bit
of conj() (is_conj, resolve_conj, view_as_real's and numpy()'s refusals)."""
import pytest

from helpers import assert_same_as_pytorch

SETUP = '''torch.manual_seed(0)
def bits(t):
    r = torch.view_as_real(t.detach()) if t.is_complex() else t.detach()
    return r.reshape(-1).view(torch.int64 if r.dtype == torch.float64 else torch.int32).tolist()
'''

CELLS = {
    "quotients": [
        SETUP + '''for n in (1, 3, 8, 9, 17, 40):
    a, b = torch.randn(n, dtype=torch.cfloat), torch.randn(n, dtype=torch.cfloat)
    print(n, bits(a / b))
a, b = torch.randn(4, 7, dtype=torch.cfloat), torch.randn(4, 1, dtype=torch.cfloat)
print(bits(a / b), bits(a / b[0, 0]), bits(a / b.T[0, :, None].expand(4, 7)[0]))
print(bits(a / (1.5 - 2j)), bits(torch.div(a, 3)), bits(a.reciprocal()), bits(2 / a))
x = torch.randn(9)
print(bits(x / (0.5 + 1j)), bits(x / b[:1, 0]), bits(torch.randn(3, 5, dtype=torch.cfloat) / torch.randn(3, 5, dtype=torch.cfloat)))''',
        SETUP + '''a, b = torch.randn(2, 9, dtype=torch.cdouble), torch.randn(2, 9, dtype=torch.cdouble)
print(bits(a / b), bits(a / b[:, :1]), bits(a.reciprocal()), bits(1j / a[0]))
print(torch.tensor([1 + 1j, 2 - 1j]) / torch.tensor([0j, 1 + 0j]))''',
        SETUP + '''for n in (3, 9, 21):
    a, b = torch.randn(n, dtype=torch.cfloat), torch.randn(n, dtype=torch.cfloat)
    c = a.clone()
    c /= b
    print(n, bits(a.clone().div_(b)), bits(c), bits(a.clone().div_(2 - 1j)))
a = torch.randn(3, 7, dtype=torch.cdouble)
print(bits(a.clone().div_(a.flip(1))))''',
    ],
    "signs_and_gradients": [
        SETUP + '''for n in (3, 16, 17, 33):
    z = torch.randn(n, dtype=torch.cfloat)
    z[1] = 0
    print(n, bits(z.sgn()))
z = torch.randn(4, 7, dtype=torch.cfloat, requires_grad=True)
z.abs().sum().backward()
print(bits(z.grad))
w = torch.randn(21, dtype=torch.cfloat, requires_grad=True)
v = torch.randn(21, dtype=torch.cfloat, requires_grad=True)
(w / v).abs().sum().backward()
print(bits(w.grad), bits(v.grad))''',
    ],
    "complex_gaps": [
        '''print(torch.finfo(torch.complex64), torch.finfo(torch.cdouble).eps, torch.finfo(torch.cfloat).dtype)
z = torch.tensor([[1 + 2j, 3 - 1j, 0.5j], [2j, 1, -1 - 1j]])
print(z.var(), z.std(), z.var(1), z.std(0, unbiased=False), torch.var_mean(z), torch.std_mean(z, 1, keepdim=True))
print(z.norm(), torch.linalg.norm(z), torch.linalg.vector_norm(z, 1, dim=1), z.norm(dim=0), torch.linalg.norm(z[0]))''',
        '''z = torch.tensor([1 + 2j, 3 - 1j, 0j], requires_grad=True)
y = (z * z).abs().sum()
g, = torch.autograd.grad(y, z, create_graph=True)
print(g)
g.abs().sum().backward()
print(z.grad)
w = torch.tensor([1 + 2j, -3 + 1j, 0j], requires_grad=True)
w.sgn().real.sum().backward()
print(w.grad, torch.tensor([2.0, -1.0], requires_grad=True).sgn().sum().grad_fn)''',
        '''z = torch.tensor([1 + 2j, 3 - 1j], requires_grad=True)
c = z.conj()
print(c, c.is_conj(), torch.is_conj(c), c[0].is_conj(), c.detach().is_conj(), c.clone().is_conj(), (c * 1).is_conj())
print(c.conj().is_conj(), c.resolve_conj(), c.resolve_conj().is_conj(), c.real, c.imag, z.is_conj())
print(torch.ones(2).conj().is_conj(), torch.view_as_real(c.resolve_conj()), z[None].mH.is_conj())
print(torch.fft.ifft(torch.ones(4)).is_conj(), torch.fft.ifft2(torch.ones(2, 2)).is_conj(), torch.fft.fft(z).is_conj())
torch.view_as_real(c)''',
        '''c = torch.tensor([1 + 2j]).conj()
c.numpy()''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_complex_rounding_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
