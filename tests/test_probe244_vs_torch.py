"""What the two-hundred-forty-fourth probe (differentiable physics as course notebooks teach it: mass-spring chains
and cloth stepped with explicit / semi-implicit Euler, a 2-D grid fluid advected with F.grid_sample and torch.roll,
Jacobi pressure iterations, torch.gradient, particle collisions with torch.where / clamp, energy checks with
autograd.grad(create_graph=True)) found, checked against PyTorch: F.grid_sample(mode="bicubic") now rounds as
ATen's compiled CPU kernel does (the inner taps' cubic-convolution weights are fused multiply-adds, a row's blend
fuses its first product, the rows' blend is one fused multiply-add chain), so its output, the input's gradient and
the grid's gradient are PyTorch's bits in float32 and float64 for every padding mode."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "grid_sample_bicubic_bits": [
        '''torch.manual_seed(0)
for dtype in (torch.float32, torch.float64):
    for pad in ("zeros", "border", "reflection"):
        for ac in (True, False):
            img = torch.rand(2, 3, 9, 9, dtype=dtype, requires_grad=True)
            g = (torch.rand(2, 7, 7, 2, dtype=dtype) * 2.4 - 1.2).requires_grad_()
            o = torch.nn.functional.grid_sample(img, g, mode="bicubic", padding_mode=pad, align_corners=ac)
            o.backward(torch.randn(o.shape, dtype=dtype))
            print(dtype, pad, ac, o.grad_fn.name(), o.sum().item().hex())
            print([v.hex() for v in o.flatten()[::7].tolist()])
            print([v.hex() for v in img.grad.flatten()[::9].tolist()])
            print([v.hex() for v in g.grad.flatten()[::5].tolist()])
''',
        '''torch.manual_seed(1)
N = 12
ys, xs = torch.meshgrid(torch.linspace(-1, 1, N), torch.linspace(-1, 1, N), indexing="ij")
density = torch.exp(-((xs + 0.3) ** 2 + ys ** 2) / 0.1)
vel = torch.zeros(2, N, N, requires_grad=True)
d = density
for _ in range(3):   # semi-Lagrangian advection, bicubic
    grid = torch.stack([xs - 0.1 * vel[0] - 0.05, ys - 0.1 * vel[1]], dim=-1)[None]
    d = torch.nn.functional.grid_sample(d[None, None], grid, mode="bicubic", padding_mode="border",
                                        align_corners=True)[0, 0]
loss = (d - density.roll(1, 1)).pow(2).sum()
loss.backward()
print(loss.item().hex(), d.sum().item().hex(), vel.grad.norm().item().hex())
print(d[5])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe244(name):
    assert_same_as_pytorch(CELLS[name], name=name)
