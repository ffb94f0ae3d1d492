"""What the two-hundred-and-forty-eighth probe (image registration and deconvolution lessons: spatial transformers
fitted by gradient descent, optical-flow warping, Richardson-Lucy, Wiener filtering, TV, PSNR / SSIM) found, each
checked against PyTorch. grid_sample of an input with no channels returns an empty output and zero gradients (the
engine's kernels reshaped with -1, which numpy refuses for an empty array); an empty batch's or an empty grid's
double backward (create_graph) works out the positions without -1 too; and the align_corners warnings of
affine_grid / grid_sample are attributed to the learner's line, as PyTorch's, so that the default warnings filter
shows one per calling line (the engine's came from one line of its own, shown once in a whole session)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "grid_sample_of_an_input_without_channels": ['''import torch.nn.functional as F
torch.manual_seed(0)
for shp, gs in [((1, 0, 3, 3), (1, 2, 3, 2)), ((2, 0, 3, 4), (2, 2, 5, 2)), ((1, 0, 2, 3, 3), (1, 2, 2, 3, 3))]:
    for mode in ("bilinear", "nearest", "bicubic"):
        if len(shp) == 5 and mode == "bicubic":
            continue
        x = torch.zeros(shp, requires_grad=True)
        g = torch.rand(gs, requires_grad=True)
        o = F.grid_sample(x, g, mode=mode, padding_mode="border", align_corners=False)
        o.sum().backward()
        print(mode, o.shape, o.grad_fn.name(), x.grad.shape, g.grad.abs().sum(), g.grad.shape)
'''],
    "grid_sample_without_channels_double_backward": ['''import torch.nn.functional as F
for shp, gs in [((1, 0, 3, 3), (1, 2, 3, 2)), ((1, 0, 2, 3, 3), (1, 2, 2, 3, 3))]:
    x = torch.zeros(shp, dtype=torch.float64, requires_grad=True)
    g = torch.rand(gs, dtype=torch.float64, requires_grad=True)
    o = F.grid_sample(x, g, align_corners=True)
    gg, = torch.autograd.grad(o.sum(), g, create_graph=True)
    print(gg.shape, gg.grad_fn.name())
    gg.sum().backward()
    print(g.grad.abs().sum(), x.grad.shape)
'''],
    "grid_sample_empty_batch_double_backward": ['''import torch.nn.functional as F
for shp, gs in [((0, 2, 3, 3), (0, 2, 3, 2)), ((0, 1, 2, 3, 3), (0, 2, 2, 3, 3))]:
    for mode in ("bilinear", "nearest", "bicubic"):
        if len(shp) == 5 and mode == "bicubic":
            continue
        x = torch.rand(shp, dtype=torch.float64, requires_grad=True)
        g = torch.rand(gs, dtype=torch.float64, requires_grad=True)
        o = F.grid_sample(x, g, mode=mode, align_corners=False)
        gx, gg = torch.autograd.grad(o.sum(), (x, g), create_graph=True)
        (gg.sum() + gx.sum()).backward()
        print(mode, o.shape, gg.shape, g.grad.shape, x.grad.shape)
'''],
    "align_corners_warnings_come_from_the_callers_lines": ['''import warnings
import torch.nn.functional as F
x = torch.rand(1, 1, 4, 4)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    grid = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 3, 3))
    out = F.grid_sample(x, grid)
    out = F.grid_sample(x, grid)
    F.affine_grid(torch.eye(2, 3)[None], (1, 1, 1, 3), align_corners=True)
    for _ in range(3):
        out = F.grid_sample(x, grid)
print(len(caught), [(w.filename, w.lineno, str(w.message)[:30]) for w in caught])
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe248(name):
    assert_same_as_pytorch(CELLS[name], name=name)
