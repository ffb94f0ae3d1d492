"""What the two-hundred-and-fourteenth probe (attention written by hand: online softmax, FlashAttention-style tiles,
linear attention and Performer features, ALiBi and T5 position biases, sliding-window and block-sparse masks,
grouped-query attention, rotary embeddings in complex arithmetic, F.scaled_dot_product_attention) found, each
checked against PyTorch. Values, gradients, grad_fn names and error texts agreed nearly everywhere; two things did
not. scaled_dot_product_attention on bfloat16 inputs that miss the fused CPU kernel (3-d tensors, dropout, a mask
that requires grad) was refused: PyTorch's math path computes bfloat16 as it computes half, in float32 and cast
back at the end (ToCopyBackward0). A complex tensor's float views (view_as_real, .real, .imag) of a view that
starts part-way into its storage gave storage_offset 0: PyTorch counts the offset in floats (twice the complex
one, plus one for .imag). Inside torch.autocast("cpu") the math path cast its inputs to bfloat16 (refused
then) and would have cast again at each of its matmuls: PyTorch casts once at the top and runs the kernel's own
steps without autocast."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "sdpa_math_path_on_bfloat16_is_computed_in_float32": ['''import torch.nn.functional as F
torch.manual_seed(0)
q = torch.randn(2, 3, 4).bfloat16().requires_grad_()
k = torch.randn(2, 5, 4).bfloat16().requires_grad_()
v = torch.randn(2, 5, 6).bfloat16().requires_grad_()
o = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print(o, o.grad_fn.name())
o.float().pow(2).sum().backward()
print(q.grad, k.grad, v.grad)
print(F.scaled_dot_product_attention(q, k, v, attn_mask=torch.randn(3, 5) > 0, scale=0.3))
print(F.scaled_dot_product_attention(q, k, v, attn_mask=torch.randn(3, 5)))
print(F.scaled_dot_product_attention(q, k, v, attn_mask=torch.randn(3, 5).bfloat16()))
torch.manual_seed(3)
print(F.scaled_dot_product_attention(q, k, v, dropout_p=0.3))
x = torch.randn(1, 2, 8, 16).bfloat16()
print(F.scaled_dot_product_attention(x, x, x, dropout_p=0.2)[0, 0, :2])
print(F.scaled_dot_product_attention(x[0, 0], x[0, 0], x[0, 0], scale=-0.2)[:2])
'''],
    "sdpa_math_path_inside_autocast_runs_its_steps_as_they_are": ['''import torch.nn.functional as F
torch.manual_seed(0)
q = torch.randn(2, 3, 4, requires_grad=True)
k = torch.randn(2, 5, 4)
with torch.autocast('cpu'):
    o = F.scaled_dot_product_attention(q, k, k, attn_mask=torch.randn(3, 5))
    oc = F.scaled_dot_product_attention(q, k, k, is_causal=True, scale=0.7)
    torch.manual_seed(1)
    od = F.scaled_dot_product_attention(q[None], k[None], k[None], dropout_p=0.25)
    print(torch.is_autocast_enabled(), (q @ k.transpose(1, 2)).dtype)
print(o, oc, od.dtype, od.grad_fn.name())
(o.float().sum() + oc.float().pow(2).sum()).backward()
print(q.grad)
'''],
    "float_views_of_an_offset_complex_view_keep_its_storage_offset": ['''torch.manual_seed(0)
zz = torch.randn(2, 3, dtype=torch.complex64)
r = torch.view_as_real(zz[:, 1:])
print(r.storage_offset(), r.stride(), r[0, 0].storage_offset(), r[..., 1].storage_offset(), r[..., 1].stride())
print(torch.view_as_real(zz[1]).storage_offset(), torch.view_as_real(zz[1, 2]).storage_offset())
print(zz[:, 1:].imag.storage_offset(), zz[1].real.storage_offset(), zz[1:].imag.stride())
z = torch.randn(4, dtype=torch.complex64)
print(torch.view_as_real(z[1:])[1:].storage_offset(), torch.view_as_complex(torch.view_as_real(z[1:])).storage_offset())
print(z[1:].real[1:].storage_offset(), torch.view_as_real(z.t()[2:]).storage_offset())
w = torch.view_as_real(z[2:])
w.zero_()
print(z, torch.view_as_real(z[1:]).is_contiguous(), torch.view_as_real(zz[:, 1:]).is_contiguous())
print(zz.T[1:].real.storage_offset(), torch.view_as_real(zz.T[1:]).stride())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe214(name):
    assert_same_as_pytorch(CELLS[name], name=name)
