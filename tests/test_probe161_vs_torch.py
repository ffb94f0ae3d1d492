"""What the 161st probe (the Examples blocks of PyTorch's pointwise math ops, with int, half, double and complex
inputs, gradients at edge points and the errors of learners' mistakes) found, each checked against PyTorch:
PyTorch's argument parser on xlogy / special.xlogy / xlog1py / zeta / float_power given two numbers, gcd / lcm /
copysign / lerp given a number where a tensor goes, polygamma's and mvlgamma's float n and p; mvlgamma_ of an integer
tensor (ATen's message with its types the other way round); logit's gradient NaN outside [0, 1] without eps; the
NotImplementedError of erfcx / log_ndtr / ndtri / zeta for Half; signbit / heaviside / copysign refusing complex;
nan_to_num of complex tensors; deg2rad / rad2deg of Half multiplying in float."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "parser_two_numbers_and_number_operands": [
        ATTEMPT + '''t = torch.tensor([1.0, 2.0])
for make in [lambda: torch.xlogy(2, 3), lambda: torch.special.xlogy(2, 3), lambda: torch.special.xlog1py(2, 3),
             lambda: torch.special.zeta(2, 3), lambda: torch.float_power(2, 3), lambda: torch.xlogy(2, t),
             lambda: torch.gcd(torch.tensor([4]), 6), lambda: torch.lcm(torch.tensor([4]), 6),
             lambda: torch.copysign(2, t), lambda: torch.lerp(t, 2.0, 0.5)]:
    attempt(make)
''',
    ],
    "polygamma_mvlgamma_int_arguments": [
        ATTEMPT + '''t = torch.tensor([2.5, 3.0])
for make in [lambda: torch.polygamma(1.5, t), lambda: torch.polygamma(True, t),
             lambda: torch.special.polygamma(1.5, t), lambda: torch.mvlgamma(t, 2.0),
             lambda: torch.special.multigammaln(t, 2.0), lambda: torch.mvlgamma(t, 2),
             lambda: torch.tensor([3, 4]).mvlgamma_(2), lambda: torch.tensor([3, 4]).mvlgamma_(0)]:
    attempt(make)
''',
    ],
    "logit_gradient_outside_the_domain": [
        '''p = torch.tensor([-0.5, 0.0, 0.3, 1.0, 1.5], requires_grad=True)
torch.logit(p).sum().backward()
print(p.grad)
p.grad = None
torch.logit(p, eps=-0.1).sum().backward()
print(p.grad)
''',
    ],
    "half_kernels_and_complex_refusals": [
        ATTEMPT + '''h = torch.tensor([1.5, -2.25, 0.0], dtype=torch.half)
z = torch.tensor([1j, -1 + 0j])
for make in [lambda: torch.special.erfcx(h), lambda: torch.special.log_ndtr(h), lambda: torch.special.ndtri(h),
             lambda: torch.special.zeta(h, 2.0), lambda: torch.signbit(z), lambda: torch.heaviside(z, z),
             lambda: torch.copysign(z, 1), lambda: torch.copysign(z.double(), 1.0)]:
    attempt(make)
''',
    ],
    "nan_to_num_complex_and_half_degrees": [
        '''import math
z = torch.tensor([complex(float('nan'), float('inf')), complex(-float('inf'), 2.0)])
print(torch.nan_to_num(z), torch.nan_to_num(z, nan=0.5, posinf=9.0))
r = torch.tensor([math.pi, 0.1234], dtype=torch.half, requires_grad=True)
print(torch.rad2deg(r))
torch.rad2deg(r).sum().backward()
print(r.grad)
print(torch.deg2rad(torch.tensor([33.3, -57.0], dtype=torch.half)))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe161_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe161/{name}", warns="per_cell")
