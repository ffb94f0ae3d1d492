"""What the probe of classic computer vision with tensors (Harris / Shi-Tomasi corners, HOG by hand, pyramids,
connected components, Horn-Schunck flow, template matching) found, each checked against PyTorch: a float bmm of two
or more matrices handed to MKL as one batched gemm, as ATen's baddbmm_with_gemm_ does (its order differs from one
gemm per matrix for matrix-vector shapes: HOG histograms by a one-hot einsum, einsum contractions to a vector); and
a view's (or reshape's) strides for size-1 dims as ATen's computeStride gives them, which stride() shows and which
decide how a later bmm lays its operands out for MKL (a batch of row vectors given as a transposed view)."""
import pytest

from helpers import assert_same_as_pytorch

BITS = '''import numpy as np
import torch.nn.functional as F
def bits(t):   # a float value's bit pattern: the parity tolerance does not hide a last-bit difference
    a = t.detach().numpy()
    return [int(v) for v in a.reshape(-1).view(np.int32 if a.dtype == np.float32 else np.int64)]
torch.manual_seed(0)
'''

CELLS = {
    "bmm_of_matrix_vector_shapes_as_one_batched_gemm": [
        BITS + '''for B, M, K, N in ((4, 9, 64, 1), (3, 64, 9, 1), (5, 1, 100, 7), (2, 1, 400, 1), (6, 33, 17, 1)):
    for lt, rt in ((0, 0), (0, 1), (1, 0), (1, 1)):
        for dt in (torch.float32, torch.float64):
            a = torch.randn(B, K, M, dtype=dt).transpose(1, 2) if lt else torch.randn(B, M, K, dtype=dt)
            b = torch.randn(B, N, K, dtype=dt).transpose(1, 2) if rt else torch.randn(B, K, N, dtype=dt)
            print((B, M, K, N), lt, rt, bits(torch.bmm(a, b))[:8])''',
        BITS + '''mag = torch.rand(1, 64, 4) * 0.3   # HOG: a histogram per cell by a one-hot einsum, and its gradient
idx = torch.randint(0, 9, (1, 64, 4))
oh = F.one_hot(idx[0], 9).float()
w = mag[0].clone().requires_grad_()
h = torch.einsum("plb,pl->bl", oh, w)
h.backward(torch.randn(9, 4))
print(bits(h), bits(w.grad), bits(torch.einsum("bij,bj->bi", torch.randn(4, 5, 30), torch.randn(4, 30))))
a = torch.randn(3, 7, 80, requires_grad=True)
y = a @ torch.randn(3, 80, 1)
y.backward(torch.randn(3, 7, 1))
print(bits(y), bits(a.grad)[:10])''',
    ],
    "view_strides_of_size_one_dims_as_atens": [
        '''x = torch.randn(3, 5, 1).transpose(1, 2)
print(x.stride(), x.view(3, 1, 5).stride(), x.reshape(3, 1, 5).stride(), x.reshape(1, 3, 5).stride())
y = torch.randn(2, 3).t().unsqueeze(0)
print(y.stride(), y.reshape(1, 3, 2).stride(), y.view(3, 1, 2).stride(), y.reshape(3, 2, 1).stride())
z = torch.randn(4, 1, 1, 3).permute(3, 1, 2, 0)
print(z.stride(), z.reshape(3, 1, 4).stride(), z.view(3, 4, 1).stride(), z.view(1, 3, 1, 4, 1).stride())''',
        BITS + '''for B, K, N in ((5, 100, 7), (2, 400, 1), (8, 64, 64), (2, 5, 128)):   # matmul reshapes before its bmm
    for dt in (torch.float32, torch.float64):
        a = torch.randn(B, K, 1, dtype=dt).transpose(1, 2)
        b = torch.randn(B, N, K, dtype=dt).transpose(1, 2)
        print(bits(a @ b)[:6])''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe225_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
