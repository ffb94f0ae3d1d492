"""What the hundred-and-sixty-eighth probe (the Examples blocks of torch.nn.functional beyond activations and losses:
one_hot, pad, interpolate, affine_grid / grid_sample, embedding / embedding_bag, normalize and distances, unfold /
fold, scaled_dot_product_attention, gumbel_softmax, the feature dropouts, local_response_norm, conv_transpose,
pools, pixel_shuffle) found, each checked against PyTorch: F.grid_sample on a 5-d input (the 3-D affine_grid's
companion: trilinear and nearest, every padding mode, align_corners; GridSampler3DBackward0's input and grid
gradients, double backward; its dtype errors with ATen's kernel name), and the transposed convolutions' check of the
weight's dim 0 against groups (ATen's "expected weight to be divisible by" / "at least" messages) before their
channel and bias checks."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    # (torch.grid_sampler takes the 3-d kernel for a 5-d input; torch.grid_sampler_2d refuses one)
    "grid_sampler_functions_5d": [
        ATTEMPT + '''torch.manual_seed(2)
v = torch.randn(1, 2, 2, 3, 4)
g = torch.rand(1, 1, 2, 2, 3) * 2 - 1
print(torch.grid_sampler(v, g, 0, 1, False), torch.grid_sampler(v, g, 1, 0, True).shape)
attempt(lambda: torch.grid_sampler_2d(v, g, 0, 0, False))
attempt(lambda: torch.grid_sampler(v, g, 2, 0, False))
''',
    ],
    "grid_sample_5d_modes_and_grads": [
        '''import torch.nn.functional as F
torch.manual_seed(0)
vol = torch.randn(2, 3, 3, 4, 5, dtype=torch.float64).requires_grad_()
theta = (torch.eye(3, 4) + 0.3 * torch.randn(2, 3, 4)).double().requires_grad_()
for mode in ["bilinear", "nearest"]:
    for pm in ["zeros", "border", "reflection"]:
        for ac in [False, True]:
            grid = F.affine_grid(theta, (2, 3, 2, 3, 4), align_corners=ac) * 1.4
            out = F.grid_sample(vol, grid, mode=mode, padding_mode=pm, align_corners=ac)
            w = torch.arange(out.numel(), dtype=out.dtype).view(out.shape).sin()
            gv, gt = torch.autograd.grad((out * w).sum(), (vol, theta))
            print(mode, pm, ac, out.grad_fn.name(), out.shape, out[1, 2, 1, 2], gv[0, 1, 2], gt[1])
''',
        '''torch.manual_seed(1)
v = torch.randn(1, 2, 2, 3, 4, requires_grad=True)
g = (torch.rand(1, 3, 2, 2, 3) * 2.6 - 1.3).requires_grad_()
o = F.grid_sample(v, g, align_corners=True, padding_mode="reflection")
print(o)
o.pow(2).sum().backward()
print(v.grad, g.grad)
a, b = v.detach().double().requires_grad_(), g.detach().double().requires_grad_()
print(torch.autograd.gradcheck(lambda x, y: F.grid_sample(x, y, padding_mode="border", align_corners=False), (a, b)))
print(torch.autograd.gradgradcheck(lambda x, y: F.grid_sample(x, y, align_corners=True), (a, b)))
''',
        ATTEMPT + '''v = torch.randn(1, 2, 2, 3, 4)
g = torch.zeros(1, 1, 2, 2, 3)
attempt(lambda: F.grid_sample(v.long(), g.long(), align_corners=True))
attempt(lambda: F.grid_sample(v, g.double(), align_corners=True))
attempt(lambda: F.grid_sample(v, g, mode="bicubic", align_corners=True))
attempt(lambda: F.grid_sample(v, g[..., :2], align_corners=True))
attempt(lambda: F.grid_sample(v, g, mode="nearest", align_corners=False).shape)
''',
    ],
    "conv_transpose_groups_checks": [
        ATTEMPT + '''import torch.nn.functional as F
x = torch.randn(1, 4, 5)
w = torch.randn(4, 3, 3)
attempt(lambda: F.conv_transpose1d(x, w, groups=3))
attempt(lambda: F.conv_transpose1d(x, w, groups=5))
attempt(lambda: F.conv_transpose1d(torch.randn(1, 6, 5), w, groups=3))
attempt(lambda: F.conv_transpose1d(x, w, torch.zeros(2), groups=3))
attempt(lambda: F.conv_transpose2d(torch.randn(1, 4, 3, 3), torch.randn(4, 2, 2, 2), groups=8))
attempt(lambda: F.conv_transpose3d(torch.randn(1, 4, 2, 2, 2), torch.randn(4, 1, 1, 1, 1), groups=3))
attempt(lambda: torch.conv_transpose1d(x, w, groups=3))
attempt(lambda: torch.convolution(x, w, None, [1], [0], [1], True, [0], 3))
attempt(lambda: F.conv_transpose1d(x, w, groups=3, padding=-1))
attempt(lambda: F.conv_transpose1d(x, w, groups=2).shape)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe168_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe168/{name}", warns="per_cell")
