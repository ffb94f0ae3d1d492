"""What the seventy-eighth probe (bit-for-bit parity on an AVX-512 host, part 3) found, each checked against
PyTorch: cdist's matrix-product path (p=2 with more than 25 rows, or compute_mode='use_mm_for_euclid_dist') now
computes ATen's _euclidean_dist step by step (|x|^2 in torch.sum's order, the padded product through PyTorch's BLAS
as mm or bmm, sqrt_ with ATen's sqrt kernel, MKL's vector sqrt), and its backward (_euclidean_dist_backward) sums
the ratio in torch.sum's order and multiplies through the same BLAS; pow with exponent 0.5 goes to the sqrt kernel
as ATen's pow(Tensor, Scalar) does (so x ** 0.5 equals x.sqrt() bit for bit, also for 1000+ elements). Values and
gradients of a fixed weighted sum are printed as float.hex, in float32 and float64."""
import pytest

from helpers import assert_same_as_pytorch

SETUP = '''import numpy as np
def bits(t):
    return [float(v).hex() for v in t.detach().reshape(-1).tolist()]
def run(fn, shapes, dtype, seed=0):
    r = np.random.default_rng(seed)
    xs = [torch.tensor(r.standard_normal(s), dtype=dtype, requires_grad=True) for s in shapes]
    out = fn(*xs)
    w = torch.tensor(np.random.default_rng(seed + 1).standard_normal(tuple(out.shape)), dtype=dtype)
    (out * w).sum().backward()
    print(tuple(out.shape), out.grad_fn.name(), out.dtype)
    print(bits(out))
    for x in xs:
        print(bits(x.grad))
'''

CELLS = {
    "cdist_mm_path_bits": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    run(lambda a, b: torch.cdist(a, b), [(40, 16), (30, 16)], dtype)
    run(lambda a, b: torch.cdist(a, b), [(27, 3), (5, 3)], dtype, seed=2)
''',
        SETUP + '''for dtype in (torch.float32, torch.float64):
    run(lambda a, b: torch.cdist(a, b), [(3, 30, 5), (3, 20, 5)], dtype, seed=4)
    run(lambda a, b: torch.cdist(a, b), [(2, 1, 27, 3), (4, 10, 3)], dtype, seed=5)
    run(lambda a, b: torch.cdist(a, b, compute_mode="use_mm_for_euclid_dist"), [(5, 4), (6, 4)], dtype, seed=6)
''',
    ],
    "pow_half_is_sqrt_kernel_bits": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    r = np.random.default_rng(7)
    x = torch.tensor(r.random(1000) * 5 + 0.05, dtype=dtype, requires_grad=True)
    y = x ** 0.5
    print(torch.equal(y, x.sqrt()), torch.equal(x.pow(0.5), torch.pow(x, 0.5)))
    print(bits(y)[-40:])
    (y * torch.linspace(-2, 2, 1000, dtype=dtype)).sum().backward()
    print(bits(x.grad)[-40:])
    m = torch.tensor(r.random((33, 16)) * 3, dtype=dtype)
    print(bits(m.t() ** 0.5)[:60])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe78_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
