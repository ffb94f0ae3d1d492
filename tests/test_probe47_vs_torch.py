"""What the forty-seventh probe (classical image processing written with tensors: Sobel / Harris / template
matching with F.conv2d, histogram equalisation, masks and lookup tables) found, each checked against PyTorch:
a convolution PyTorch computes with ATen's own im2col + BLAS kernels (float64 always; float32 on a single image,
one group and a small kernel, where oneDNN is not used: thnn_conv2d, slow_conv3d, slow_conv_dilated) sums in
their order (one BLAS product per sample and group), so that ties between equal responses (a Harris corner's
topk, an argmax) fall as in PyTorch; a bool or uint8 mask in a subscript counts as its dims in PyTorch's first
check ("too many indices for tensor of dimension N", before a uint8 mask's warning: ``lut[img]`` with a uint8
image); index_put_ without accumulate and with a one-element value is a masked_fill_ for a single mask (its
shape checked first without the uint8 warning, a uint8 mask refused, the value's dtype free)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "slow_convolution_sums_in_atens_order": [
        '''import torch.nn.functional as F
torch.manual_seed(0)
sx = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]]).view(1, 1, 3, 3)
img = torch.zeros(1, 1, 9, 9)
img[..., 3:, 3:] = 1.
Ix = F.conv2d(img, sx, padding=1)
Iy = F.conv2d(img, sx.transpose(2, 3), padding=1)
w = torch.ones(1, 1, 3, 3) / 9
Sxx, Syy, Sxy = (F.conv2d(a, w, padding=1) for a in (Ix * Ix, Iy * Iy, Ix * Iy))
R = Sxx * Syy - Sxy ** 2 - 0.05 * (Sxx + Syy) ** 2
print(torch.topk(R.flatten(), 3))
print(Sxx[0, 0, 7].tolist())''',
        '''def bits(y):   # the exact bits: every one of them counts in the checksum
    return y.contiguous().view(torch.int32).long().mul(torch.arange(1, y.numel() * y.element_size() // 4 + 1)
                                                        .view(y.shape[:-1] + (-1,))).sum().item()
x = torch.rand(1, 3, 8, 8) * 4
out = []
for kw in (dict(padding=1, stride=2), dict(dilation=2), dict(padding=2, dilation=2)):
    y = F.conv2d(x, torch.rand(4, 3, 3, 3), torch.rand(4), **kw)
    out.append(bits(y))
print(out)
print(bits(F.conv1d(torch.rand(1, 4, 12), torch.rand(2, 4, 3), padding=1)))
print(bits(F.conv3d(torch.rand(1, 2, 4, 5, 5), torch.rand(3, 2, 3, 3, 3), padding=1)))
print(bits(F.conv2d(torch.rand(1, 2, 7, 9), torch.rand(3, 2, 1, 5), padding='same')))''',
        '''xd = torch.rand(2, 3, 8, 8, dtype=torch.float64)
print(bits(F.conv2d(xd, torch.rand(3, 1, 5, 5, dtype=torch.float64), padding=2, groups=3)))
print(bits(F.conv2d(xd, torch.rand(4, 3, 3, 3, dtype=torch.float64), torch.rand(4, dtype=torch.float64))))
print(bits(F.conv1d(xd[:, :, 0], torch.rand(2, 3, 3, dtype=torch.float64), padding=1)))''',
    ],
    "masks_count_their_dims_in_a_subscript": [
        ATTEMPT + '''import warnings
warnings.simplefilter("always")
lut = torch.arange(256) * 2
img = torch.tensor([[1, 0], [0, 2]], dtype=torch.uint8)
t = torch.arange(12).view(3, 4)
attempt(lambda: lut[img])
attempt(lambda: lut[img.long()])
attempt(lambda: t[torch.ones(3, 4, 1, dtype=torch.bool)])
attempt(lambda: t[..., torch.ones(3, 4, 2, dtype=torch.bool)])
attempt(lambda: t[0, torch.ones(4, 1, dtype=torch.bool)])
attempt(lambda: t[None, torch.ones(3, 4, dtype=torch.bool)])
attempt(lambda: t[torch.tensor(True), 1, torch.tensor([0, 1])])
def put(key, value=5):
    u = t.clone()
    u[key] = value
    return u
attempt(lambda: put(torch.ones(1, 3, 4, dtype=torch.bool)))
attempt(lambda: put(torch.ones(3, 4, 1, dtype=torch.uint8)))
attempt(lambda: put((1, torch.ones(4, 1, dtype=torch.uint8)), torch.tensor([1])))''',
    ],
    "index_put_of_one_value_is_a_masked_fill": [
        ATTEMPT + '''t = torch.arange(12).view(3, 4)
bm = torch.tensor([[1, 0, 1, 0]] * 3, dtype=torch.bool)
attempt(lambda: t.clone().index_put_((bm,), torch.tensor(5.)))
attempt(lambda: t.clone().index_put_((bm,), torch.tensor([5.])))
attempt(lambda: t.clone().index_put_((bm.byte(),), torch.tensor(5)))
attempt(lambda: t.index_put((bm.byte(),), torch.tensor(5)))
attempt(lambda: t.clone().index_put_((bm[None],), torch.tensor(5)))
attempt(lambda: t.clone().index_put_((bm[:, :, None],), torch.tensor(5)))
attempt(lambda: t.clone().index_put_((bm[:, :, None],), torch.tensor([5, 6, 7, 8, 9, 1])))
attempt(lambda: t.clone().index_put_((bm[:2].byte(),), torch.tensor(5.)))
attempt(lambda: t.clone().index_put_((bm[0].byte(),), torch.tensor(5)))
attempt(lambda: t.clone().index_put_((bm.byte(),), torch.tensor([[5]])))
attempt(lambda: t.clone().index_put_((bm.byte(), torch.tensor([0])), torch.tensor(5)))
attempt(lambda: t.clone().index_put_((bm.byte(),), torch.tensor(5), accumulate=True))
attempt(lambda: t.clone().index_put_((bm,), torch.tensor([1, 2, 3, 4, 5, 6])))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe47_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
