"""What the seventy-fifth probe (bit-for-bit parity on an AVX-512 Intel host, part 2: values and gradients of a
weighted sum, float32 and float64) found and fixed, each checked against PyTorch to the last bit (values and
gradients printed as float.hex):
- avg_pool1d / 2d / 3d summed each window with numpy's reductions and spread its gradient with col2im in tap order;
  ATen's cpu_avg_pool adds the window's taps one by one from 0 in row-major order and divides by the divisor, and
  cpu_avg_pool_backward adds grad / divisor to the window's taps window after window (padding, ceil_mode,
  count_include_pad=False, divisor_override);
- adaptive_avg_pool1d / 2d / 3d (and interpolate's "area" mode) summed the bins with 0/1 matrix products and divided
  once by the bin's volume; ATen adds the bin's elements one by one and divides by kh, then by kw
  (cpu_adaptive_avg_pool), and its backward adds grad / kh / kw bin after bin;
- embedding_bag (mode "mean") multiplied each row by 1 / count before adding; ATen adds the rows, then divides by
  the bag's size. Its weight gradient (sum and mean) was a rounded product scattered in position order; ATen sorts
  the indices (indices.sort(): std::sort's order among ties past 16) and adds axpy(scale, grad row), a fused
  multiply-add, in that order."""
import pytest

from helpers import assert_same_as_pytorch

SETUP = '''import torch.nn.functional as F
torch.manual_seed(0)
def bits(t):
    return " ".join(float.hex(v) for v in t.detach().flatten().tolist())
def check(make, *shape, dtype=torch.float32):
    x = torch.randn(*shape, dtype=dtype, requires_grad=True)
    out = make(x)
    w = torch.randn(out.shape, dtype=dtype)
    (out * w).sum().backward()
    print(tuple(out.shape), out.grad_fn.name())
    print(bits(out))
    print(bits(x.grad))
'''

CELLS = {
    "avg_pool2d_bits": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    check(lambda x: F.avg_pool2d(x, 3, 2, 1), 2, 3, 12, 12, dtype=dtype)
    check(lambda x: F.avg_pool2d(x, 3, 2, 1, count_include_pad=False), 2, 3, 11, 9, dtype=dtype)
    check(lambda x: F.avg_pool2d(x, (3, 2), (2, 3), 1, ceil_mode=True), 1, 2, 10, 9, dtype=dtype)
    check(lambda x: F.avg_pool2d(x, 3, 1, 1, divisor_override=5), 2, 7, 7, dtype=dtype)
    check(lambda x: torch.nn.AvgPool2d(2)(x), 4, 6, 16, 16, dtype=dtype)
''',
    ],
    "avg_pool1d_3d_bits": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    check(lambda x: F.avg_pool1d(x, 5, 2, 2), 2, 3, 33, dtype=dtype)
    check(lambda x: F.avg_pool3d(x, 3, 2, 1), 1, 2, 7, 8, 9, dtype=dtype)
    check(lambda x: F.avg_pool3d(x, 3, 2, 1, ceil_mode=True, count_include_pad=False), 1, 2, 7, 8, 9, dtype=dtype)
''',
    ],
    "adaptive_avg_pool_bits": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    check(lambda x: F.adaptive_avg_pool2d(x, (4, 5)), 2, 3, 10, 13, dtype=dtype)
    check(lambda x: F.adaptive_avg_pool2d(x, 7), 2, 4, 32, 32, dtype=dtype)
    check(lambda x: F.adaptive_avg_pool2d(x, (5, 6)), 3, 3, 4, dtype=dtype)
    check(lambda x: F.adaptive_avg_pool2d(x, (None, 3)), 2, 3, 10, 13, dtype=dtype)
    check(lambda x: F.adaptive_avg_pool1d(x, 6), 2, 3, 29, dtype=dtype)
    check(lambda x: F.adaptive_avg_pool3d(x, (2, 3, 4)), 1, 2, 7, 8, 9, dtype=dtype)
    check(lambda x: F.interpolate(x, size=(5, 4), mode="area"), 2, 3, 17, 13, dtype=dtype)
''',
    ],
    "embedding_bag_bits": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    idx = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9, 19, 0, 4])
    check(lambda w: F.embedding_bag(idx, w, torch.tensor([0, 4, 7]), mode="mean"), 20, 16, dtype=dtype)
    many = torch.randint(0, 6, (200,))
    offsets = torch.sort(torch.randperm(199)[:30] + 1).values
    offsets = torch.cat([torch.tensor([0]), offsets])
    for mode in ("mean", "sum"):
        check(lambda w: F.embedding_bag(many, w, offsets, mode=mode), 6, 33, dtype=dtype)
    check(lambda w: torch.nn.EmbeddingBag.from_pretrained(w, freeze=False)(torch.randint(0, 6, (10, 4))), 6, 7, dtype=dtype)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe75(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe75", name=name)
