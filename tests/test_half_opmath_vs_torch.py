"""float16 times or over a number: PyTorch's CPU kernels (mul, div, and the reciprocal-times-number of `3.3 / h`)
take the number's own value in float32, their opmath type, and round the float32 result once; numpy's float16
arithmetic rounds the number to float16 first. So `3 * 0.1` was 0.2998 on the engine and is 0.30005 on PyTorch,
`0 * 1e6` was nan (0 * inf) and is 0, and a 0-dim float32 / float64 tensor counts as such a number
(`h * torch.tensor(0.1)`). Floor and trunc division by a number likewise (`h // 0.1`: the quotient floored in
float32); add, sub and remainder round the number to float16 first, as numpy does (checked unchanged)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "half_times_and_over_numbers": [
        '''torch.manual_seed(0)
h = (torch.randn(400) * 4).half()
h[0] = 0.0
for s in (0.1, 3.3, 1e-4, 0.7, 1 / 3, 2.5, 1e6, 65519.0, 7, True):
    print(s, (h * s).sum().item(), (h / s).sum().item(), (s * h)[:4], (h + s)[:3], (h - s)[:3])
print(h.mul(0.1)[:5], h.div(3.3)[:5], torch.mul(h, 0.7)[:5], torch.true_divide(h, 3.3)[:5])
g = h.clone(); g.mul_(0.1); g /= 3.3
print(g[:6])
print((3.3 / h[1:]).sum().item(), (0.1 / h[1:5]))
''',
    ],
    "half_floor_and_trunc_division_by_numbers": [
        '''torch.manual_seed(0)
h = (torch.randn(400) * 8).half()
for s in (0.1, 3.3, 0.7, 1 / 3, -2.7, 1e-4, 7, 2.5):
    print(s, (h // s).sum().item(), torch.div(h, s, rounding_mode="floor")[:4],
          torch.div(h, s, rounding_mode="trunc").sum().item(), torch.floor_divide(h, s)[:4], (h % s).sum().item())
print(torch.div(h, torch.tensor(0.7), rounding_mode="floor")[:6], (h // torch.tensor(0.1, dtype=torch.float64))[:6])
''',
    ],
    "half_times_a_zero_dim_tensor": [
        '''h = torch.tensor([0.0, 1.0, 3.0, 7.0, 1000.], dtype=torch.float16)
for dt in (torch.float16, torch.float32, torch.float64):
    s = torch.tensor(0.1, dtype=dt)
    print(dt, h * s, h / s, s * h)
w = torch.tensor([3.0, 7.0], dtype=torch.float16, requires_grad=True)
y = w * torch.tensor(0.1)
y.sum().backward()
print(y, w.grad)
w = torch.tensor([3.0, 7.0], dtype=torch.float16, requires_grad=True)
y = (w / 3.3).sum()
y.backward()
print(y, w.grad)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_half_arithmetic_with_numbers_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name)
