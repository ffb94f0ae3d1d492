"""What the sixty-third probe (keypoint heatmaps, soft-argmax, flip tests, OKS/PCK, depth losses, SSIM,
interpolate and grid_sample) found, each checked against PyTorch: torch.unravel_index's checks in PyTorch's order
(a non-Tensor index fails on ``.is_complex()``, the shape must be an int or a sequence of ints, none negative, a 0
divides by zero) and its results as views of one stacked tensor; F.grid_sample's bicubic mode (forward, input and
grid gradients, each padding mode) and the 4D/5D message of a grid of the wrong rank; torch.meshgrid's TypeErrors for
non-Tensor elements and a non-str indexing, and its refusal of a tensor of more than one dim, printed as ATen prints a
tensor (engine/aten_print.py); torch.gradient's dim checks (out of range, repeated, a 0-d input); and
F.interpolate's TypeError for an align_corners that is not a bool."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''import torch.nn.functional as F
import warnings
warnings.simplefilter("ignore")
torch.manual_seed(0)
'''

CELLS = {
    "unravel_index_checks": [
        TRY + '''for idx, shape in [(17, (5, 7)), ([3], (3, 2)), (torch.tensor(3), (2, -1)), (torch.tensor(3), (2.0, 3)),
                   (torch.tensor([3]), '32'), (torch.tensor([3]), {3: 1}), (torch.tensor([3]), 3.0),
                   (torch.tensor(3), (0, 3)), (torch.tensor(3), (3, 0)), (torch.tensor(3), (-1,)),
                   (torch.tensor([3 + 1j]), (3, 2)), (torch.tensor(2.0), (3, 2)), (torch.tensor(True), (3, 2))]:
    attempt(lambda: torch.unravel_index(idx, shape))''',
        '''r = torch.unravel_index(torch.tensor([3, 4, -1, 40]), (3, 2))
print(r, r[0]._base is not None, r[0].stride(), r[0].is_contiguous(), r[1].storage_offset())
print(torch.unravel_index(torch.tensor([[1234], [5678]]), torch.Size([10, 10, 10, 10])))
print(torch.unravel_index(torch.tensor(7, dtype=torch.int32), (True, 8)), torch.unravel_index(torch.tensor([[3]]), []))
torch.unravel_index(torch.tensor([3], dtype=torch.uint8), 2)''',
    ],
    "grid_sample_bicubic": [
        TRY + '''img = torch.randn(2, 3, 5, 6)
grid = torch.rand(2, 4, 7, 2) * 3 - 1.5
for pm in ["zeros", "border", "reflection"]:
    for ac in [True, False]:
        i = img.clone().requires_grad_()
        g = grid.clone().requires_grad_()
        out = F.grid_sample(i, g, mode="bicubic", padding_mode=pm, align_corners=ac)
        (out * torch.arange(out.numel(), dtype=out.dtype).view(out.shape).sin()).sum().backward()
        print(pm, ac, out[0, 0, 0], i.grad[1, 2, 0], g.grad[0, 1].round(decimals=3))   # (border: ~1e-7 noise)
out.grad_fn''',
        '''x = torch.arange(16.).view(1, 1, 4, 4).double()
pts = torch.tensor([[[[-1.0, -1.0], [1.0, 1.0], [0.0, 0.0], [0.25, -0.5], [5.0, -7.0], [float("nan"), 0.0]]]]).double()
for pm in ["zeros", "border", "reflection"]:
    print(pm, F.grid_sample(x, pts, mode="bicubic", padding_mode=pm, align_corners=True))
print(F.grid_sample(x[..., :1, :1], pts, mode="bicubic", padding_mode="reflection", align_corners=False))
i = x.clone().requires_grad_()
g = pts[..., :4, :].clone().requires_grad_()
print(torch.autograd.gradcheck(lambda a, b: F.grid_sample(a, b, mode="bicubic", align_corners=False), (i, g)))
g2 = (pts[..., :4, :] * 0.9).requires_grad_()   # (not on the knots, where the second derivative jumps)
print(torch.autograd.gradgradcheck(lambda a, b: F.grid_sample(a, b, mode="bicubic", padding_mode="border",
                                                               align_corners=True), (i, g2)))
torch.grid_sampler(x, pts, 2, 1, False), torch.grid_sampler_2d(x, pts, 2, 2, True)''',
        '''img = torch.arange(16.).view(1, 1, 4, 4)
grid = torch.zeros(1, 1, 4, 2)
for f in [lambda: F.grid_sample(img, grid.view(1, 4, 2)), lambda: F.grid_sample(img, grid.view(1, 1, 1, 4, 2)),
          lambda: F.grid_sample(img.view(1, 1, 1, 4, 4), grid), lambda: F.grid_sample(img.view(1, 4, 4), grid.view(1, 4, 2)[..., :1]),
          lambda: F.grid_sample(img.view(1, 1, 1, 4, 4), torch.zeros(1, 1, 1, 1, 3), mode="bicubic"),
          lambda: F.grid_sample(img.long(), grid.long(), mode="bicubic", align_corners=True),
          lambda: F.grid_sample(img, grid.double(), mode="bicubic", align_corners=True)]:
    attempt(f)''',
    ],
    "meshgrid_arguments": [
        TRY + '''for f in [lambda: torch.meshgrid((torch.arange(2), torch.arange(3)), torch.arange(4), indexing="ij"),
          lambda: torch.meshgrid(torch.arange(2), [1, 2], indexing="ij"), lambda: torch.meshgrid(1, 2, indexing="ij"),
          lambda: torch.meshgrid([torch.arange(2), 3.0], indexing="xy"), lambda: torch.meshgrid(torch.arange(2), None),
          lambda: torch.meshgrid(torch.arange(2), torch.arange(3), indexing=1),
          lambda: torch.meshgrid(torch.arange(2), torch.arange(3.), indexing="yx")]:
    attempt(f)''',
        '''for t in [torch.tensor([[1, 2]]), torch.tensor([[1, 2], [3, 40]]), torch.arange(12).view(2, 3, 2),
          torch.arange(24).view(2, 3, 2, 2), torch.arange(12.).view(2, 3, 2) / 7, torch.arange(40.).view(2, 20) / 7,
          torch.tensor([[1e6, 2.5]]), torch.tensor([[1234567, 2]]), torch.tensor([[float("nan"), 2.5, float("inf")]]),
          torch.tensor([[0.001, 0.002], [0.003, 0.0045]]), torch.tensor([[[0.001, 0.002], [0.003, 0.0045]]]),
          torch.tensor([[1e-8, 1]]), torch.zeros(2, 3, 0), torch.tensor([[True, False]]),
          torch.randn(3, 25, dtype=torch.float64) * 1e7, torch.randn(2, 2, 3) * 1e-11, torch.ones(3, 4, dtype=torch.int8)]:
    attempt(lambda: torch.meshgrid(t, torch.zeros(2, dtype=t.dtype), indexing="ij"))''',
    ],
    "gradient_dims": [
        TRY + '''x = torch.arange(20.).view(4, 5) ** 1.5
for d in [2, -3, (0, 2), (0, 0), (1, -1), [-1], (0, 1)]:
    attempt(lambda: [t.shape for t in torch.gradient(x, dim=d)])
for d in [0, -1, 1, (0,)]:
    attempt(lambda: torch.gradient(torch.tensor(3.), dim=d))
torch.gradient(torch.tensor(3.)), torch.gradient(torch.ones(1, 5), dim=1)''',
    ],
    "interpolate_align_corners_not_bool": [
        TRY + '''x = torch.rand(1, 2, 4, 5)
for args, kw in [((x,), dict(size=(8, 10), mode="bilinear", align_corners=1)),
                 ((x,), dict(scale_factor=2.0, mode="bilinear", align_corners=1)),
                 ((x,), dict(scale_factor=2.0, mode="bilinear", align_corners=1, recompute_scale_factor=True)),
                 ((x,), dict(size=8, mode="bicubic", align_corners=0)), ((x[0],), dict(size=8, mode="linear", align_corners=0)),
                 ((x[None],), dict(size=8, mode="trilinear", align_corners=0)),
                 ((x,), dict(scale_factor=(2, 1.5), mode="bilinear", align_corners="a")),
                 ((x,), dict(scale_factor=2, mode="bilinear", align_corners=1, antialias=True)),
                 ((x,), dict(size=[8, 10], mode="bicubic", align_corners=1.0, antialias=True)),
                 ((x[0],), dict(scale_factor=2, mode="bilinear", align_corners=1)),
                 ((x,), dict(scale_factor=2, mode="nearest", align_corners=1))]:
    attempt(lambda: F.interpolate(*args, **kw).shape)''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe63_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
