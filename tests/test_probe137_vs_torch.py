"""What the hundred-and-thirty-seventh probe (Stanford CS336 assignment 1 in plain PyTorch: Linear / Embedding with
nn.init.trunc_normal_, RMSNorm, SwiGLU, RoPE buffers, attention by hand, a pre-norm Transformer LM, cross-entropy by
hand, AdamW as an Optimizer subclass, cosine schedule, gradient clipping, get_batch, checkpoints, top-p decoding)
found, each checked against PyTorch: normal_ on a float16 or bfloat16 tensor (torch.randn(..., dtype=torch.bfloat16),
trunc_normal_ / normal_ / xavier_normal_ on modules made with dtype=torch.bfloat16) draws as PyTorch does: 16 or
more contiguous values are float32's kernel (float mean and std) rounded, a ragged end taken from the uniforms up to
the next multiple of 16 (no 16 fresh ones, as float32 draws), fewer or non-contiguous values the double draw rounded
through float; and the LAPACK-backed geqrf / orgqr / householder_product and nn.init.orthogonal_ refuse half and
bfloat16 with PyTorch's NotImplementedError (orthogonal_ after its draw)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "randn_half_and_bfloat16": [
        '''import torch
for dt in (torch.bfloat16, torch.float16):
    for n in (3, 16, 17, 20, 33, 48):
        torch.manual_seed(0)
        x = torch.randn(n, dtype=dt)
        print(dt, n, x[:4], x[-4:], torch.rand(2))
''',
    ],
    "normal_mean_std_shapes_bfloat16": [
        '''import torch
torch.manual_seed(1)
print(torch.empty(4, 5, dtype=torch.bfloat16).normal_(0.5, 0.02))
print(torch.empty(2, 10, dtype=torch.float16).normal_(-0.37, 0.0123))
print(torch.empty(8, 4, dtype=torch.bfloat16).t().normal_(0.1, 3.3))
print(torch.normal(0.0, 2.0, size=(18,), dtype=torch.bfloat16))
print(torch.randn_like(torch.zeros(3, 7, dtype=torch.bfloat16)), torch.rand(1))
''',
    ],
    "init_bfloat16_modules": [
        '''import math
import torch
import torch.nn as nn
torch.manual_seed(0)
w = torch.empty(4, 8, dtype=torch.bfloat16)
std = math.sqrt(2.0 / 12)
print(nn.init.trunc_normal_(w, mean=0.0, std=std, a=-3 * std, b=3 * std))
print(nn.init.trunc_normal_(torch.empty(6, 6, dtype=torch.bfloat16), std=1.0, a=-0.5, b=0.5))
print(nn.init.trunc_normal_(torch.empty(5, 3, dtype=torch.float16), std=0.02, a=-0.06, b=0.06))
print(nn.init.normal_(torch.empty(2, 9, dtype=torch.bfloat16), std=0.02))
print(nn.init.xavier_normal_(torch.empty(4, 8, dtype=torch.float16)))
print(nn.init.kaiming_normal_(torch.empty(8, 4, dtype=torch.bfloat16).t()))
print(nn.Linear(4, 3, dtype=torch.bfloat16).weight, nn.Embedding(5, 4, dtype=torch.bfloat16).weight)
''',
    ],
    "qr_kernels_refuse_half": [
        ATTEMPT + '''import torch
torch.manual_seed(0)
for dt in (torch.bfloat16, torch.float16, torch.int64):
    x = torch.eye(3, dtype=dt)
    attempt(lambda: torch.geqrf(x))
    attempt(lambda: torch.linalg.householder_product(x, torch.ones(2, dtype=dt)))
    attempt(lambda: torch.orgqr(x, torch.ones(2, dtype=dt)))
    attempt(lambda: torch.nn.init.orthogonal_(torch.empty(4, 4, dtype=dt)))
    print(torch.rand(1))
attempt(lambda: torch.geqrf(torch.eye(2, dtype=torch.complex64))[1].dtype)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe137_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe137/{name}", warns="per_cell")
