"""What the ninety-second probe (the "Example::" blocks of PyTorch's API reference for the math, reduction,
comparison, other and BLAS ops) found, each checked against PyTorch: logaddexp2's last multiply-add is fused as
ATen's kernel compiles it (logaddexp2(-1., -1.) is -1.0602e-08 in float32, not 0, which turns the docs' printout
to scientific notation); float_power's out= of another dtype is refused first with its own message, a complex
operand (tensor or number) computes in ComplexDouble (the imaginary part was dropped), out= of an input that
requires grad is named pow's, a non-tensor out= is the parser's TypeError, float_power_ of a Double base with a
complex exponent asks for ComplexDouble; all / any keep uint8 for a uint8 input and take a uint8 out=; isreal of a
complex tensor tests the imaginary parts."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "logaddexp2_fused": [
        '''print(torch.logaddexp2(torch.tensor([-1.0]), torch.tensor([-1.0, -2, -3])))
print(torch.logaddexp2(torch.tensor(-1.), torch.tensor(-1.)), torch.logaddexp2(torch.tensor([0.5, 3.]), torch.tensor([0.5, 3.])))
print(torch.logaddexp2(torch.tensor([-1.0, 2.0], dtype=torch.float64), torch.tensor([-1.0, 2.0], dtype=torch.float64)))
print(torch.logaddexp2(torch.tensor([float('inf'), -float('inf'), float('nan')]), torch.tensor([float('inf'), -float('inf'), 1.])))''',
    ],
    "float_power_out_and_complex": [
        ATTEMPT + '''a = torch.arange(1, 5)
for make in [
        lambda: torch.float_power(a, 2, out=torch.empty(4)),
        lambda: torch.float_power(a, 2, out=torch.empty(4, dtype=torch.float64)),
        lambda: torch.float_power(a * 1j, 2, out=torch.empty(4, dtype=torch.float64)),
        lambda: torch.float_power(2, a, out=torch.empty(2, dtype=torch.int64)),
        lambda: torch.float_power(torch.ones(3, requires_grad=True), 2, out=torch.empty(3)),
        lambda: torch.float_power(torch.ones(3, requires_grad=True), 2, out=torch.empty(3, dtype=torch.float64)),
        lambda: torch.float_power(a * 1j, 2),
        lambda: torch.float_power(a, 0.5j),
        lambda: torch.float_power(torch.tensor([2., 3.], requires_grad=True), torch.tensor([1 + 1j, 2])),
        lambda: torch.arange(3.).double().float_power_(1j),
        lambda: (torch.arange(3.).double() * 1j).float_power_(2),
        lambda: torch.arange(3.).float_power_(2),
]:
    attempt(make)
''',
    ],
    "all_any_uint8": [
        ATTEMPT + '''a = torch.arange(3, dtype=torch.uint8)
print(torch.any(a), torch.all(a, 0), a.all(), a.any(), torch.all(a, dim=(0,)), torch.any(a.view(1, 3), 1, keepdim=True))
print(torch.all(torch.arange(3)), torch.any(torch.ones(2, dtype=torch.int8)))
for o in (torch.bool, torch.uint8, torch.int64):
    attempt(lambda: torch.all(a, out=torch.empty(0, dtype=o)))
    attempt(lambda: torch.any(a, 0, out=torch.empty(0, dtype=o)))
    attempt(lambda: torch.all(a.float(), out=torch.empty(0, dtype=o)))
''',
    ],
    "isreal_complex": [
        '''t = torch.tensor([1, 1 + 1j, 2 + 0j, complex(1, float('nan'))])
print(torch.isreal(t), t.isreal(), torch.isreal(t[1:].conj()), torch.isreal(torch.tensor([1., 2.])))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe92_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe92/{name}")
