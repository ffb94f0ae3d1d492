"""What the hundred-and-twenty-ninth probe (bfloat16 autocast on CPU for transformer training, as nanoGPT and the
AMP recipe write it) found, each checked against PyTorch: F.scaled_dot_product_attention was refused inside
torch.autocast("cpu", dtype=torch.bfloat16) and on bfloat16 tensors. It is one of autocast's lower-precision ops
(query, key, value and a float mask cast to bfloat16) and runs PyTorch's fused CPU kernel on bfloat16: the forward
rounds the softmax's exponentials to bfloat16 for the product with v and the output once; the backward
(cpu_flash_attention_backward) rounds the probabilities and ds to bfloat16 before its gemms and adds each block
into bfloat16 gradients."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "sdpa_under_bf16_autocast": [
        '''import torch
import torch.nn.functional as F
for causal in (True, False):
    torch.manual_seed(0)
    q, k, v = (torch.randn(2, 2, 5, 8, requires_grad=True) for _ in range(3))
    with torch.autocast("cpu", dtype=torch.bfloat16):
        o = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
    print(o.dtype, o.grad_fn.name(), o.sum())
    (o.float() ** 2).sum().backward()
    print(q.grad.dtype, q.grad[0, 0], k.grad[1, 1], v.grad[0, 1])
fm = torch.randn(5, 5)
with torch.autocast("cpu", dtype=torch.bfloat16):
    o = F.scaled_dot_product_attention(q, k, v, attn_mask=fm, scale=0.3)
print(o[1, 1])
''',
    ],
    "sdpa_on_bf16_tensors": [
        '''import torch
import torch.nn.functional as F
torch.manual_seed(1)
q, k, v = (torch.randn(1, 2, n, 8).bfloat16().requires_grad_() for n in (40, 6, 6))
m = torch.rand(40, 6) > 0.3
o = F.scaled_dot_product_attention(q, k, v, attn_mask=m)
o.backward(torch.randn(o.shape).bfloat16())
print(o[0, 1, :3], q.grad[0, 0, :3], k.grad[0, 1], v.grad[0, 0], sep="\\n")
''',
    ],
}


@pytest.mark.parametrize("name", list(CELLS))
def test_probe129(name):
    assert_same_as_pytorch(CELLS[name], name=name)
