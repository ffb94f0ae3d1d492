"""What the hundred-and-thirty-sixth probe (CS231n assignments 2 and 3 in PyTorch: batchnorm, dropout and conv layers
by hand checked with rel_error, saliency maps, fooling images, class visualization, style transfer and GAN losses,
RNN captioning and a hand-written MultiHeadAttention) found, each checked against PyTorch: torch.nn.grad's
conv*d_input / conv*d_weight ran whatever they were given (a float32 upstream gradient with float64 data gave a
float64 result; integer tensors a result; a gradient of the wrong shape numpy's broadcasting or matmul error).
They now check as ATen's convolution_backward: the weight's dims and the parameters, check_shape_forward (channels,
kernel size), input and grad_output's dims, then the kernel's checks: mkldnn's for a float32 input it picks
(the other tensor's dtype, its primitive), the slow kernels' grad_output shape check and dtype dispatch (on the
input for the weight's gradient, on grad_output for the input's), the dilated kernel's."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''g = torch.nn.grad
torch.manual_seed(0)
'''

CELLS = {
    "conv_grads_dtype_mismatch": [
        SETUP + '''x = torch.randn(1, 2, 4, 4, dtype=torch.float64); w = torch.randn(3, 2, 3, 3, dtype=torch.float64)
go = torch.randn(1, 3, 2, 2)
attempt(lambda: g.conv2d_weight(x, w.shape, go))
attempt(lambda: g.conv2d_input(x.shape, w, go))
attempt(lambda: g.conv2d_input(x.shape, w.float(), go.double()))
attempt(lambda: g.conv2d_weight(x.float(), w.shape, go.double()))
attempt(lambda: g.conv1d_weight(torch.randn(1, 2, 5, dtype=torch.float64), (3, 2, 3), torch.randn(1, 3, 3)))
attempt(lambda: g.conv3d_input((1, 2, 4, 4, 4), torch.randn(3, 2, 3, 3, 3).double(), torch.randn(1, 3, 2, 2, 2)))
''',
    ],
    "conv_grads_integer_dtypes": [
        SETUP + '''x = torch.randn(1, 2, 4, 4); w = torch.randn(3, 2, 3, 3); go = torch.randn(1, 3, 2, 2)
attempt(lambda: g.conv2d_weight(x.int(), w.shape, go.int()))
attempt(lambda: g.conv2d_input(x.shape, w, go.long()))
attempt(lambda: g.conv2d_input(x.shape, w.int(), go))
attempt(lambda: g.conv2d_weight(x, w.shape, go.int()))
attempt(lambda: g.conv2d_input(x.shape, w.bool(), go.bool()))
attempt(lambda: g.conv3d_weight(torch.randn(1, 2, 4, 4, 4).int(), (3, 2, 3, 3, 3), torch.randn(1, 3, 2, 2, 2).int()))
attempt(lambda: g.conv2d_weight(torch.randn(1, 2, 6, 6).int(), w.shape, torch.randn(1, 3, 2, 2).int(), dilation=2))
''',
    ],
    "conv_grads_shapes": [
        SETUP + '''x = torch.randn(1, 2, 4, 4); w = torch.randn(3, 2, 3, 3); go = torch.randn(1, 3, 2, 2)
attempt(lambda: g.conv2d_weight(x, w.shape, torch.randn(1, 3, 2, 3)))
attempt(lambda: g.conv2d_input(x.shape, w, torch.randn(1, 4, 2, 2)))
attempt(lambda: g.conv2d_weight(x.double(), w.shape, torch.randn(1, 3, 3, 2)))
attempt(lambda: g.conv2d_input(x.shape, w, go[0]))
attempt(lambda: g.conv2d_input((1, 3, 4, 4), w, go))
attempt(lambda: g.conv2d_weight(x, (3, 3, 3, 3), go))
attempt(lambda: g.conv2d_weight(x, (3, 2, 5, 5), go))
attempt(lambda: g.conv2d_weight(x, (3, 2, 3), go))
attempt(lambda: g.conv2d_weight(x[0], w.shape, go[0]))
attempt(lambda: g.conv1d_input((1, 2, 5), torch.randn(3, 2, 3), torch.randn(1, 3, 4)))
attempt(lambda: g.conv1d_input((1, 2, 9), torch.randn(3, 2, 3), torch.randn(1, 3, 6), dilation=2))
attempt(lambda: g.conv3d_input((1, 2, 4, 4, 4), torch.randn(3, 2, 3, 3, 3), torch.randn(1, 3, 3, 2, 2)))
attempt(lambda: g.conv2d_weight(torch.randn(1, 2, 6, 6), w.shape, torch.randn(1, 3, 3, 2), dilation=2))
attempt(lambda: g.conv2d_weight(x, w.shape, go, stride=2).shape)
''',
    ],
    "conv_grads_mkldnn_batches": [
        SETUP + '''x = torch.randn(4, 2, 8, 8); w = torch.randn(3, 2, 3, 3); go = torch.randn(4, 3, 6, 6)
attempt(lambda: g.conv2d_weight(x, w.shape, torch.randn(4, 3, 6, 5)))
attempt(lambda: g.conv2d_input(x.shape, w, torch.randn(4, 4, 6, 6)))
attempt(lambda: g.conv2d_input(x.shape, w.double(), go))
attempt(lambda: g.conv2d_weight(x, w.shape, go.int()))
attempt(lambda: g.conv2d_weight(x.double(), w.shape, go))
attempt(lambda: g.conv2d_input(x.shape, w.half(), go).dtype)
attempt(lambda: g.conv2d_input((2, 2, 8, 8), w, go))
attempt(lambda: g.conv2d_input(x.shape, w, go, dilation=0).shape)
print(torch.allclose(g.conv2d_weight(x, w.shape, go), torch.autograd.grad(
    torch.nn.functional.conv2d(x, w.requires_grad_()), w, go)[0], atol=1e-4))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe136_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe136/{name}", warns="per_cell")
