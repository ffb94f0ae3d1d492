"""What the two-hundred-and-twenty-eighth probe (numerical-precision lessons: float32 vs float64 cancellation, sums
of many small numbers, naive vs two-pass variance vs torch.var, Kahan summation by hand, finfo / iinfo, nextafter
and ulps, frexp / ldexp, subnormals and set_flush_denormal, softmax overflow and logsumexp, log1p / expm1, float16
loss scaling by hand, bfloat16 vs float16 rounding, integer wraparound, allclose / isclose / assert_close messages,
set_printoptions(precision=10)) found, each checked against PyTorch. Nearly all agreed; three things did not:
var / std of float32 with one output element (the whole tensor, or dims that leave one element) take ATen's
std_var_all_cpu, whose mean is torch.mean's float32 value (an ulp off for large values shows: 1e8 + [0, 8, 16, 16]
has var 192, not 58.67), and the float64 one-output path over dims or of a transposed tensor also adds in memory
order; nan_to_num refused bfloat16 tensors; and set_flush_denormal only answered True where PyTorch sets the
thread's FTZ/DAZ modes, which make tensor creation, arithmetic and even printing flush subnormals to zero."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "float32_var_with_one_output_subtracts_torch_mean": ['''shifted = 1e8 + torch.tensor([4.0, 7.0, 13.0, 16.0], dtype=torch.float64)
f = shifted.float()
print(f.var().item(), f.std().item(), torch.var(f, correction=0).item(), f.var(unbiased=False).item())
print(f.reshape(1, 4).var(1).item(), f.reshape(4, 1).var(0, keepdim=True), f.reshape(2, 2).t().var().item())
print(f.reshape(2, 2).std((0, 1)).item(), torch.var_mean(f), f.reshape(2, 2).var(0))
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    x = 1e3 + torch.randn(1, 1000, dtype=dt)
    print([v.hex() for v in [x.var(1).item(), x.std(1).item(), x.t().var(0).item(), x.var().item(),
                             x.reshape(10, 100).var((0, 1)).item(), x.reshape(10, 100).t().var().item(),
                             x.reshape(10, 100).t().std(correction=0).item()]])
y = 1e4 + torch.randn(100000)
print(y.var().item(), y.std().item())
w = f.clone().requires_grad_()
v = w.var()
v.backward()
print(v.item(), v.grad_fn.name(), w.grad)
'''],
    "nan_to_num_of_bfloat16": ['''bad = torch.tensor([float("nan"), float("inf"), -float("inf"), 1.5, 3.3], dtype=torch.bfloat16)
print(torch.nan_to_num(bad), torch.nan_to_num(bad, nan=0.1, posinf=1e4, neginf=-7e5).tolist())
b = bad.clone().requires_grad_()
r = b.nan_to_num(nan=0.0)
r.backward(torch.full((5,), 0.3, dtype=torch.bfloat16))
print(r, r.grad_fn.name(), b.grad)
c = bad.clone()
c.nan_to_num_(posinf=2.0)
print(c, c.dtype)
'''],
    "set_flush_denormal_flushes_subnormals": ['''print(torch.set_flush_denormal(True))
try:
    print(torch.tensor([1e-39], dtype=torch.float32), torch.tensor([1e-323], dtype=torch.float64))
    print(torch.tensor([1e-39]).view(torch.int32), torch.tensor([1e-323], dtype=torch.float64).view(torch.int64))
    a = torch.tensor([1e-38])
    print((a / 100).view(torch.int32), (a / 100).item(), torch.tensor(1e-310, dtype=torch.float64) * 1, 1e-310 * 1.0)
    print(torch.tensor(torch.finfo(torch.float32).tiny) / 2, torch.tensor([1e-5], dtype=torch.float16) ** 2)
finally:
    print(torch.set_flush_denormal(False))
print(torch.tensor([1e-39]), torch.tensor([1e-323], dtype=torch.float64), 1e-310 * 1.0)
print((torch.tensor([1e-38]) / 100).view(torch.int32))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe228(name):
    assert_same_as_pytorch(CELLS[name], name=name)
