"""What the hundred-and-seventy-third probe (the Examples blocks of PyTorch's torch.special and torch.fft
reference pages) found, each checked against PyTorch: torch.special.spherical_bessel_j0 (sin(x) / x with ATen's
Taylor polynomial below 0.5, to the bit in float32 and float64); the real-only kernels (erf, erfc, erfinv, lgamma,
digamma, polygamma, i0/i0e/i1/i1e, logit, xlogy, xlog1py, entr, ndtri, log_ndtr, erfcx, mvlgamma, zeta, igamma,
atan2, the Bessel functions) refuse a complex tensor with their kernel's NotImplementedError instead of computing
on its real part; torch.special.round is its own function (RoundBackward1, integer tensors refused, the
special_round() parser's messages)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "spherical_bessel_j0": [
        '''x = torch.tensor([0.0, -0.0, 1e-30, 0.1, 0.4999, 0.5, -0.5, 0.75, 1.0, 2.5, 10.0, -7.3, 1e4, float('inf'),
                  -float('inf'), float('nan')])
print(torch.special.spherical_bessel_j0(x))
print(torch.special.spherical_bessel_j0(x.double()))
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    for scale in (0.05, 0.3, 1.0, 30.0):
        y = torch.randn(4000, dtype=dt) * scale
        bits = torch.special.spherical_bessel_j0(y).view(torch.int32 if dt is torch.float32 else torch.int64)
        print(dt, scale, bits.sum().item(), bits[:3].tolist())   # (every bit of every value counts)
''',
        ATTEMPT + '''x = torch.tensor([0.5, 2.0], requires_grad=True)
out = torch.special.spherical_bessel_j0(x)
print(out.requires_grad, out.grad_fn, out.dtype)
print(torch.special.spherical_bessel_j0(torch.tensor([0, 1, 3])), torch.special.spherical_bessel_j0(torch.tensor([True])))
o = torch.empty(3)
torch.special.spherical_bessel_j0(torch.tensor([1.0, 2.0, 3.0]), out=o)
print(o)
attempt(lambda: torch.special.spherical_bessel_j0(torch.tensor([1 + 1j])))
attempt(lambda: torch.special.spherical_bessel_j0(1.5))
''',
    ],
    "real_only_kernels_refuse_complex": [
        ATTEMPT + '''c = torch.tensor([1 + 1j, 0.5 - 2j]); cd = c.to(torch.complex128); r = torch.tensor([2.0, 3.0])
for name in ("erf", "erfc", "erfinv", "lgamma", "digamma", "i0", "logit"):
    attempt(lambda: getattr(torch, name)(c))
    attempt(lambda: getattr(cd, name)())
    attempt(lambda: getattr(c.clone(), name + "_")())
for name in ("erfcx", "i0e", "i1", "i1e", "ndtr", "ndtri", "log_ndtr", "entr", "gammaln", "psi", "expit",
             "bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1", "sinc"):
    attempt(lambda: getattr(torch.special, name)(cd))
attempt(lambda: torch.polygamma(0, c)); attempt(lambda: torch.polygamma(1, c)); attempt(lambda: torch.polygamma(3, cd))
attempt(lambda: torch.mvlgamma(cd, 2)); attempt(lambda: torch.special.multigammaln(c, 1))
attempt(lambda: torch.xlogy(c, r)); attempt(lambda: torch.xlogy(r.double(), c)); attempt(lambda: torch.xlogy(2, c))
attempt(lambda: torch.xlogy(c, 2)); attempt(lambda: torch.special.xlog1py(r, cd)); attempt(lambda: torch.special.xlog1py(c, 2))
attempt(lambda: torch.special.zeta(c, r)); attempt(lambda: torch.special.zeta(r, cd))
attempt(lambda: torch.igamma(c, r)); attempt(lambda: torch.special.gammaincc(r, c))
attempt(lambda: torch.atan2(c, r)); attempt(lambda: torch.atan2(r, cd))
attempt(lambda: torch.xlogy(torch.tensor([1, 0]), torch.tensor([2, 3])))
attempt(lambda: torch.atan2(torch.tensor([1, 0]), r))
''',
    ],
    "special_round": [
        ATTEMPT + '''x = torch.tensor([1.26, -2.5, 0.5, 1.5], requires_grad=True)
out = torch.special.round(x)
print(out, out.grad_fn.name(), torch.round(x).grad_fn.name())
out.sum().backward(); print(x.grad)
print(torch.special.round(x, decimals=1), torch.special.round(x, decimals=-1).grad_fn.name())
attempt(lambda: torch.special.round(torch.tensor([1, 2])))
attempt(lambda: torch.special.round(torch.tensor([1, 2]), decimals=1))
attempt(lambda: torch.special.round(torch.tensor([True])))
attempt(lambda: torch.round(torch.tensor([1, 2])))
attempt(lambda: torch.special.round(x, decimals=1.5))
attempt(lambda: torch.special.round(x, decimals=True))
attempt(lambda: torch.special.round(x, 1))
attempt(lambda: torch.special.round(1.5))
attempt(lambda: torch.special.round(torch.tensor([1 + 1j])))
o = torch.empty(4)
attempt(lambda: torch.special.round(x.detach(), decimals=1, out=o))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe173_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
