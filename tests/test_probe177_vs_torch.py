"""What the hundred-and-seventy-seventh probe (the rest of torch.special) found, each checked against PyTorch:
airy_ai, modified_bessel_i0/i1/k0/k1, scaled_modified_bessel_k0/k1, spherical_bessel_j0 and the orthogonal
polynomials (chebyshev_polynomial_t/u/v/w, shifted_chebyshev_polynomial_t/u/v/w, hermite_polynomial_h/he,
laguerre_polynomial_l, legendre_polynomial_p) raised AttributeError; they follow ATen's Math.h (the polynomials'
recurrences with the fused multiply-add of PyTorch's avx2 / avx512 builds, to the bit), are not differentiated,
promote (x, n) to a floating dtype, and refuse Half / BFloat16 / complex as ATen does (bessel_j0 too)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "orthogonal_polynomials_bits": [
        '''S = torch.special
names = ("chebyshev_polynomial_t chebyshev_polynomial_u chebyshev_polynomial_v chebyshev_polynomial_w "
         "shifted_chebyshev_polynomial_t shifted_chebyshev_polynomial_u shifted_chebyshev_polynomial_v "
         "shifted_chebyshev_polynomial_w hermite_polynomial_h hermite_polynomial_he laguerre_polynomial_l "
         "legendre_polynomial_p").split()
for dt in (torch.float32, torch.float64):
    x = torch.cat([torch.linspace(-1.2, 1.2, 13, dtype=dt), torch.tensor([-1., 1., 0., 0.5, 3., -3.], dtype=dt)])
    n = torch.tensor([-1, 0, 1, 2, 3, 5, 7, 9, 12, 40, 129, 513], dtype=dt).unsqueeze(1)
    for name in names:
        print(name, dt, getattr(S, name)(x, n).tolist())
''',
    ],
    "orthogonal_polynomials_dtypes_and_errors": [
        ATTEMPT + '''S = torch.special
print(S.chebyshev_polynomial_t(torch.tensor([1, 2, 3]), 2.7))
print(S.chebyshev_polynomial_t(2.0, torch.tensor([1, 2, 3])))
print(S.legendre_polynomial_p(torch.tensor([0.5]), torch.tensor([2., 3.], dtype=torch.float64)).dtype)
print(S.legendre_polynomial_p(torch.tensor([0.5]), torch.tensor(3., dtype=torch.float64)).dtype)
print(S.hermite_polynomial_h(torch.tensor([0.3]), float('nan')), S.chebyshev_polynomial_t(torch.tensor([0.3]), 1e30))
x = torch.tensor([0.2, 0.4], requires_grad=True)
y = S.laguerre_polynomial_l(x, 3)
print(y.requires_grad, y.grad_fn)
attempt(lambda: y.sum().backward())
attempt(lambda: S.chebyshev_polynomial_t(2.0, 3))
attempt(lambda: S.chebyshev_polynomial_t(torch.ones(2), torch.ones(3)))
attempt(lambda: S.hermite_polynomial_he(torch.ones(2, dtype=torch.bfloat16), 2))
attempt(lambda: S.legendre_polynomial_p(torch.ones(2, dtype=torch.complex64), 2))
o = torch.empty(0)
S.chebyshev_polynomial_w(torch.tensor([0.5, 0.2]), 4, out=o)
print(o)
''',
    ],
    "modified_bessel_and_airy": [
        ATTEMPT + '''S = torch.special
for dt in (torch.float32, torch.float64):
    x = torch.cat([torch.linspace(-12, 12, 49, dtype=dt), torch.tensor([0., 1e-6, 8., 700., float('inf')], dtype=dt)])
    for name in ("modified_bessel_i0", "modified_bessel_i1", "spherical_bessel_j0"):
        print(name, getattr(S, name)(x).tolist())
    for name in ("airy_ai", "modified_bessel_k0", "modified_bessel_k1", "scaled_modified_bessel_k0",
                 "scaled_modified_bessel_k1"):
        print(name, getattr(S, name)(x))
print(S.airy_ai(torch.arange(3)), S.modified_bessel_k0(torch.tensor([True])))
x = torch.tensor([0.5, 1.5], requires_grad=True)
y = S.scaled_modified_bessel_k1(x)
print(y.requires_grad, y.grad_fn)
attempt(lambda: y.sum().backward())
attempt(lambda: S.airy_ai(1.0))
attempt(lambda: S.modified_bessel_i1(2.0))
attempt(lambda: S.modified_bessel_k0(torch.ones(1, dtype=torch.float16)))
attempt(lambda: S.spherical_bessel_j0(torch.ones(1, dtype=torch.complex64)))
attempt(lambda: S.bessel_j0(torch.ones(1, dtype=torch.float16)))
attempt(lambda: S.bessel_y1(torch.ones(1, dtype=torch.bfloat16)))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe177_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
