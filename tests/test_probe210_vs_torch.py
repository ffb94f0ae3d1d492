"""What the two-hundred-and-tenth probe (hand-written quantisation lessons: absmax and zero-point int8, per-channel
and per-group scales, fake quantisation with a straight-through estimator, 4-bit packing, view(dtype), float16 and
bfloat16 rounding, LLM.int8 outliers, int32 matmul) found, each checked against PyTorch. torch.nextafter on
bfloat16 steps to the neighbouring bfloat16 (c10's step on the 16 bits), forward and gradient; view(dtype) to a
wider element checks, after the last size, that the storage offset and every other stride are multiples of the
ratio (ATen's view_dtype), so a column slice or an odd start is refused with its message; the per-channel fake
quantisation kernel holds the rounded value in an int64, so nan, inf and values past its range (a zero scale on a
non-zero weight) become INT64_MIN and clamp to quant_min."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "nextafter_on_bfloat16_steps_one_bfloat16": ['''one = torch.tensor([1.0, 0.0, -1.0, 65504.0, -0.0, 3e38])
for to in (torch.zeros(4 + 2), torch.full((6,), float('inf')), torch.tensor([2.0, -1.0, 1.0, 0.0, 0.0, -3e38])):
    r = torch.nextafter(one.bfloat16(), to.bfloat16())
    print(r, r.view(torch.int16))
print(torch.nextafter(one.bfloat16(), torch.tensor(2.0)))
n = torch.tensor([float('nan'), 1.0], dtype=torch.bfloat16)
print(torch.nextafter(n, n.flip(0)).view(torch.int16))
x = one.bfloat16()
x.nextafter_(torch.ones(6, dtype=torch.bfloat16))
print(x)
'''],
    "nextafter_on_bfloat16_gradient": ['''a = torch.tensor([1.0, 0.5, -2.0, 3.0], dtype=torch.bfloat16, requires_grad=True)
b = torch.tensor([1.0, 0.0, -2.0, 4.0], dtype=torch.bfloat16, requires_grad=True)
y = torch.nextafter(a, b)
print(y, y.grad_fn)
(y * torch.tensor([1.5, -2.0, 3.0, 0.25], dtype=torch.bfloat16)).sum().backward()
print(a.grad, b.grad)
'''],
    "view_dtype_wider_checks_storage_offset": ['''buf = torch.arange(48, dtype=torch.int8)
for sl in (buf[1:9], buf[2:10], buf[4:12], buf.view(6, 8)[:, 2:6], buf.view(6, 8)[:, 4:]):
    for dt in (torch.int16, torch.int32, torch.float64):
        try:
            v = sl.view(dt)
            print(dt, v.shape, v.stride(), v.storage_offset(), v.flatten()[:3])
        except RuntimeError as e:
            print(dt, e)
f = torch.arange(24, dtype=torch.float32)
for sl in (f[3:5], f.view(4, 6)[:, 1:3], f.view(4, 6)[:, 1:5], f.view(6, 4)[1:, :2]):
    try:
        print(sl.view(torch.float64).storage_offset())
    except RuntimeError as e:
        print(e)
'''],
    "view_dtype_wider_checks_every_stride": ['''b = torch.arange(48, dtype=torch.int8)
for sl in (b[:6].view(1, 6)[:, :4], b[:12].view(2, 6)[:, :4], b[:12].view(2, 6)[:0, :4],
           b[:36].view(2, 3, 6)[:, :, :4], b[:24].view(2, 3, 4)[:, :2], b[:30].view(5, 6)[:, :4]):
    for dt in (torch.int16, torch.int32):
        try:
            v = sl.view(dt)
            print(dt, v.shape, v.stride(), v.flatten()[:4])
        except RuntimeError as e:
            print(dt, e)
x = torch.randn(4, 6)
q8 = (x * 40).round().clamp(-128, 127).to(torch.int8)
try:
    q8[:, :4].view(torch.int32)
except RuntimeError as e:
    print(type(e).__name__, e)
'''],
    "fake_quantize_per_channel_holds_the_rounded_value_in_int64": ['''x = torch.tensor([[1e30, -1e30, float('nan'), float('inf'), 1e17, 2e18, 0.5, 0.0]], requires_grad=True)
for zp in (torch.tensor([3], dtype=torch.int32), torch.tensor([3.0]), torch.tensor([3.0]).half()):
    for sc in (0.1, 1.0, 0.0):
        y = torch.fake_quantize_per_channel_affine(x, torch.tensor([sc]), zp, 0, -128, 127)
        y.sum().backward()
        print(zp.dtype, sc, y, x.grad)
        x.grad = None
W = torch.tensor([[0.3, -0.2, 0.1], [0.5, -0.7, 0.0]])
print(torch.fake_quantize_per_channel_affine(W, torch.tensor([0.0, 0.01]), torch.zeros(2, dtype=torch.int32), 0, -8, 7))
print(torch.fake_quantize_per_channel_affine(W.double(), torch.tensor([0.0, 0.01]), torch.zeros(2, dtype=torch.int32),
                                             0, -8, 7))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe210(name):
    assert_same_as_pytorch(CELLS[name], name=name)
