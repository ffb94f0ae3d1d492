"""What the hundred-and-ninety-fourth probe (convolution weight gradients of small CNNs: LeNet, a 1x1 bottleneck, a
depthwise-separable block) found, each checked against PyTorch bit for bit (the gradients printed as float.hex).
Where PyTorch runs a convolution with ATen's own kernels (every float64 convolution; float32 ones oneDNN does not
take: one image, or a 1x1 unstrided kernel on one thread), the weight's gradient is thnn_conv2d / slow_conv3d /
slow_conv_dilated's: a zeroed matrix to which each sample's grad_output @ finput^T is added in turn by one BLAS gemm
per sample (per group, the groups one after the other). One matrix product over the whole batch sums in another
order and missed PyTorch's last bits. oneDNN's float32 kernels (batches of several images) are not reproduced."""
import pytest

from helpers import assert_same_as_pytorch

HEX = "def hx(t):\n    return [v.hex() for v in t.flatten().tolist()]\n"

CELLS = {
    "float64_conv_weight_grad_sums_sample_by_sample": [HEX + '''F = torch.nn.functional
torch.manual_seed(0)
for n, c, o, hw, k, s, p, g in [(4, 8, 16, 8, 1, 1, 0, 1), (16, 3, 6, 12, 5, 1, 2, 1), (8, 3, 8, 10, 3, 2, 1, 1),
                                (4, 8, 8, 8, 3, 1, 1, 8), (4, 4, 6, 7, 3, 2, 2, 2), (2, 8, 8, 7, 1, 2, 0, 1)]:
    x = torch.randn(n, c, hw, hw, dtype=torch.float64)
    w = torch.randn(o, c // g, k, k, dtype=torch.float64, requires_grad=True)
    y = F.conv2d(x, w, stride=s, padding=p, groups=g)
    y.backward(torch.randn_like(y))
    print((n, c, o, k, s, p, g), hx(w.grad)[:6], w.grad.sum().item().hex())
'''],
    "float64_conv1d_conv3d_dilated_and_transposed_weight_grads": [HEX + '''F = torch.nn.functional
torch.manual_seed(1)
x1, w1 = torch.randn(4, 3, 20, dtype=torch.float64), torch.randn(5, 3, 3, dtype=torch.float64, requires_grad=True)
F.conv1d(x1, w1, padding=1).pow(2).sum().backward()
print(hx(w1.grad)[:8])
x3, w3 = torch.randn(2, 3, 5, 6, 6, dtype=torch.float64), torch.randn(4, 3, 3, 3, 3, dtype=torch.float64, requires_grad=True)
F.conv3d(x3, w3, padding=1).tanh().sum().backward()
print(hx(w3.grad)[:8])
xd, wd = torch.randn(4, 6, 9, 9, dtype=torch.float64), torch.randn(6, 2, 3, 3, dtype=torch.float64, requires_grad=True)
F.conv2d(xd, wd, dilation=2, padding=2, groups=3).sin().sum().backward()
print(hx(wd.grad)[:8])
xt, wt = torch.randn(4, 3, 5, 5, dtype=torch.float64), torch.randn(3, 6, 3, 3, dtype=torch.float64, requires_grad=True)
F.conv_transpose2d(xt, wt, stride=2, padding=1).square().mean().backward()
print(hx(wt.grad)[:8])
'''],
    "float32_one_image_conv_weight_grad": [HEX + '''torch.manual_seed(2)
for conv in [torch.nn.Conv2d(3, 8, 3, padding=1), torch.nn.Conv2d(8, 12, 1), torch.nn.Conv1d(3, 16, 1)]:
    x = torch.randn((1, conv.in_channels) + (12,) * (conv.weight.dim() - 2))
    conv(x).relu().mean().backward()
    print(hx(conv.weight.grad)[:8], conv.weight.grad.sum().item().hex())
'''],
}


@pytest.mark.parametrize("name", list(CELLS))
def test_probe194(name):
    assert_same_as_pytorch(CELLS[name], corpus="probes", name=name)
