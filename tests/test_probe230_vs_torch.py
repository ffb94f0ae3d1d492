"""What the two-hundred-and-thirtieth probe (vision-transformer internals by hand: Conv2d / unfold patch embeddings,
Swin window partition, cyclic shift and region mask, relative position bias, position embeddings resized with
bicubic interpolation, DropPath, LayerScale) found, each checked against PyTorch. upsample_bicubic2d's forward,
compiled with fused multiply-adds, takes the source index as one fma, floors it in float (floorf), fuses the first
two steps of the outer taps' cubic and adds the four taps as fma(x3, c3, fma(x2, c2, fma(x0, c0, x1 * c1))); its
backward is compiled without them and adds (g * cy) * cx output by output into the input's gradient. The values are
printed as hex so that a last-bit difference shows."""
from helpers import assert_same_as_pytorch

CELLS = {
    "bicubic_forward_rounds_as_atens_kernel": ['''torch.manual_seed(0)
hexes = lambda t: [v.hex() for v in t.double().flatten().tolist()]
for dt in (torch.float32, torch.float64):
    g = torch.randn(1, 2, 3, 3, dtype=dt)
    print(hexes(torch.nn.functional.interpolate(g, size=(5, 5), mode="bicubic", align_corners=False)))
    print(hexes(torch.nn.functional.interpolate(g, size=(2, 4), mode="bicubic", align_corners=True)))
    h = torch.randn(1, 1, 7, 5, dtype=dt)
    print(hexes(torch.nn.functional.interpolate(h, size=(16, 11), mode="bicubic")))
    print(hexes(torch.nn.functional.interpolate(h, scale_factor=1.5, mode="bicubic")))
'''],
    "bicubic_weights_of_a_source_index_on_a_whole_pixel": ['''eye = torch.eye(5, dtype=torch.float64).reshape(5, 1, 1, 5)
w = torch.nn.functional.interpolate(eye, size=(1, 35), mode="bicubic", align_corners=False)[:, 0, 0, 17]
print([v.hex() for v in w.tolist()])
eye = torch.eye(4, dtype=torch.float64).reshape(4, 1, 1, 4)
w = torch.nn.functional.interpolate(eye, size=(1, 9), mode="bicubic", align_corners=False)[:, 0, 0, :]
print([v.hex() for v in w.flatten().tolist()])
'''],
    "bicubic_backward_adds_as_atens_loop": ['''torch.manual_seed(0)
hexes = lambda t: [v.hex() for v in t.double().flatten().tolist()]
for dt in (torch.float32, torch.float64):
    pos = torch.randn(1, 10, 4, dtype=dt, requires_grad=True)
    grid = pos[:, 1:].reshape(1, 3, 3, 4).permute(0, 3, 1, 2)
    up = torch.nn.functional.interpolate(grid, size=(5, 5), mode="bicubic", align_corners=False)
    print(up.grad_fn)
    up.sum().backward()
    print(hexes(pos.grad))
    x = torch.randn(2, 1, 4, 6, dtype=dt, requires_grad=True)
    y = torch.nn.functional.interpolate(x, size=(9, 3), mode="bicubic", align_corners=True)
    y.backward(torch.arange(27., dtype=dt).view(1, 1, 9, 3).expand(2, 1, 9, 3))
    print(hexes(x.grad))
'''],
}


def test_bicubic_forward_rounds_as_atens_kernel():
    assert_same_as_pytorch(CELLS["bicubic_forward_rounds_as_atens_kernel"], name="probe230 bicubic forward")


def test_bicubic_weights_of_a_source_index_on_a_whole_pixel():
    assert_same_as_pytorch(CELLS["bicubic_weights_of_a_source_index_on_a_whole_pixel"], name="probe230 bicubic taps")


def test_bicubic_backward_adds_as_atens_loop():
    assert_same_as_pytorch(CELLS["bicubic_backward_adds_as_atens_loop"], name="probe230 bicubic backward")
