"""What the forty-fourth probe (BERT-style pretraining and fine-tuning lessons: padding masks, masked-LM draws,
encoders, scaled-dot-product attention) found, each checked against PyTorch: F.scaled_dot_product_attention's
validate_sdpa_input (q/k/v dtypes and dims, the attn_mask dtype: bool, float or the query's), its argument parser's
TypeErrors, the math path as ATen writes it (half precision computed in float32 and cast back: ToCopyBackward0; the
mask added in place, with that add's broadcast error; at::dropout's check and its p = 1; grouped heads each divided;
integer inputs scaled into the default dtype), half inputs on the fused CPU kernel; matmul's dtype mismatches
reported by the product it reaches (mm, mv or bmm) after that product's shape checks; softmax's complex error naming
the kernel of its dim; baddbmm's and addbmm's checks (input expanded to the product's shape, its
dtype against the batches', bool refused), so that multi-head attention given a float64 mask fails as PyTorch's;
torch.bernoulli drawing for the probabilities before the first invalid one, Tensor.bernoulli_
with a tensor of probabilities, and torch.bernoulli(input, p) drawing as bernoulli_(p)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import torch.nn.functional as F
torch.manual_seed(0)
q = torch.randn(2, 3, 4, 5); k = torch.randn(2, 3, 6, 5); v = torch.randn(2, 3, 6, 5)
'''

CELLS = {
    "sdpa_validates_its_inputs": [
        SETUP + '''for dt in (torch.long, torch.int32, torch.uint8, torch.float64, torch.float16):
    attempt(lambda: F.scaled_dot_product_attention(q, k, v, attn_mask=torch.ones(4, 6, dtype=dt)))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, attn_mask=torch.ones(2, 2, dtype=torch.int32)))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, attn_mask=torch.ones(4, 6, dtype=torch.long), dropout_p=0.1))
attempt(lambda: F.scaled_dot_product_attention(q, k.double(), v))
attempt(lambda: F.scaled_dot_product_attention(q, k, v.double()))
attempt(lambda: F.scaled_dot_product_attention(q[0, 0, 0], k, v))
attempt(lambda: F.scaled_dot_product_attention(q[0, 0, 0], k[0, 0, 0], v[0, 0, 0]))
attempt(lambda: F.scaled_dot_product_attention(q.long(), k.long(), v.long()))
attempt(lambda: F.scaled_dot_product_attention(q.bool(), k.bool(), v.bool()))
for dt in (torch.float64, torch.float32, torch.bool):
    print(F.scaled_dot_product_attention(q.double(), k.double(), v.double(), attn_mask=torch.ones(4, 6, dtype=dt))[0, 0, 0])''',
        '''attempt(lambda: F.scaled_dot_product_attention(q, k, v, attn_mask=torch.zeros(1, 2, 3, 4, 6)))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, attn_mask=torch.ones(2, 4, 6, dtype=torch.bool)))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, dropout_p=1.5))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, dropout_p=-0.5))
attempt(lambda: F.scaled_dot_product_attention(q[0], k[0], v[0], dropout_p=-0.5).shape)
print(F.scaled_dot_product_attention(q, k, v, dropout_p=1.0)[1, 2])
attempt(lambda: F.scaled_dot_product_attention(q, k[:, :2], v[:, :2], enable_gqa=True))
print(F.scaled_dot_product_attention(q[:, :2], k[:, :1], v, enable_gqa=True)[0, 1, 0])
attempt(lambda: F.scaled_dot_product_attention(q.cfloat(), k.cfloat(), v.cfloat()))
torch.manual_seed(3)
o = F.scaled_dot_product_attention(q.requires_grad_(), k, v, dropout_p=0.3)
print(o[0, 0, 0], o.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0].next_functions[0][0])
q.requires_grad_(False)''',
    ],
    "sdpa_half_precision": [
        SETUP + '''def walk(fn, depth=0):
    while fn is not None and depth < 8:
        print("  " * depth + type(fn).__name__)
        fn = fn.next_functions[0][0] if fn.next_functions else None
        depth += 1
h = q[0].half().requires_grad_()
o = F.scaled_dot_product_attention(h, k[0].half(), v[0].half())
print(o[0]); walk(o.grad_fn)
o = F.scaled_dot_product_attention(h, k[0].half(), v[0].half(), attn_mask=torch.tensor([True, False, True, True, True, False]))
print(o[1]); walk(o.grad_fn)
m = torch.zeros(4, 6); m[0, 1] = 0.3
print(F.scaled_dot_product_attention(h, k[0].half(), v[0].half(), attn_mask=m)[2, 0])
print(F.scaled_dot_product_attention(h, k[0].half(), v[0].half(), attn_mask=m.half())[2, 0])''',
        '''h4 = q.half().requires_grad_()
o = F.scaled_dot_product_attention(h4, k.half(), v.half(), attn_mask=torch.zeros(4, 6))
print(o.dtype, o.grad_fn, o[1, 1, :2])
o.sum().backward()
print(h4.grad.dtype, h4.grad[0, 0, 0])''',
    ],
    "sdpa_argument_errors": [
        SETUP + '''import numpy as np
attempt(lambda: F.scaled_dot_product_attention(None, k, v))
attempt(lambda: F.scaled_dot_product_attention(q, key=[1], value=v))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, 3))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, attn_mask=np.zeros((4, 6))))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, None, "x"))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, is_causal=1))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, is_causal=np.bool_(True)))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, scale="1"))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, enable_gqa=1))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, mask=None))
attempt(lambda: F.scaled_dot_product_attention(q, k, v, None, 0.0, False, None))
attempt(lambda: F.scaled_dot_product_attention(q, k))
print(F.scaled_dot_product_attention(q, k, v, dropout_p=torch.tensor(0.0), scale=1)[0, 0, 0])''',
    ],
    "matmul_dtype_mismatch_after_shape_checks": [
        ATTEMPT + '''f = lambda *s: torch.ones(*s)
l = lambda *s: torch.ones(*s, dtype=torch.long)
d = lambda *s: torch.ones(*s, dtype=torch.float64)
for x, y in [(f(2, 3, 4), l(4, 5)), (f(3, 4), l(2, 4, 5)), (f(2, 3, 4), l(4)), (f(4), l(2, 4, 5)),
             (f(2, 3, 4, 5), l(2, 3, 5, 6)), (f(2, 3, 4), l(2, 5, 6)), (f(2, 3, 4, 5), l(3, 3, 5, 6)),
             (d(2, 3, 4), f(2, 4, 5)), (f(3, 4), d(2, 4, 5)), (f(2, 3, 4), torch.ones(2, 4, 5, dtype=torch.bool)),
             (f(2, 3, 4), l(5)), (f(3), l(2, 4, 5)), (f(3, 4), l(5)), (f(3), l(4, 5)), (f(3), l(4)),
             (f(2, 3, 4, 5), l(6, 7).float().requires_grad_().long())]:
    attempt(lambda: x @ y)
attempt(lambda: torch.mv(f(3, 4), l(5)))
attempt(lambda: torch.mm(f(3, 4), l(5, 6)))
attempt(lambda: torch.bmm(f(2, 3, 4), l(2, 5, 6)))
attempt(lambda: torch.bmm(f(2, 3, 4), l(2, 4, 6)))''',
    ],
    "baddbmm_and_addbmm_checks": [
        ATTEMPT + '''f = lambda *s: torch.ones(*s)
d = lambda *s: torch.ones(*s, dtype=torch.float64)
l = lambda *s: torch.ones(*s, dtype=torch.long)
for c, a, b in [(d(2, 3, 5), f(2, 3, 4), f(2, 4, 5)), (f(2, 3, 5), d(2, 3, 4), f(2, 4, 5)),
                (f(2, 3, 5), f(2, 3, 4), d(2, 4, 5)), (d(3, 5), f(2, 3, 4), f(2, 4, 5)),
                (d(2, 3, 5), f(2, 3, 4), f(2, 3, 5)), (f(4, 5), f(2, 3, 4), f(2, 4, 5)), (f(2, 3, 5), f(3, 4), f(2, 4, 5)),
                (f(2, 3, 5), f(4), f(2, 4, 5)), (f(2, 3, 5), f(2, 3, 4), f(4, 5)), (f(2, 3, 5), f(2, 3, 4), f(3, 4, 5)),
                (l(2, 3, 5), l(2, 3, 4), f(2, 4, 5)), (f(1, 2, 3, 5), f(2, 3, 4), f(2, 4, 5)),
                (torch.ones(2, 3, 5, dtype=torch.bool), torch.ones(2, 3, 4, dtype=torch.bool),
                 torch.ones(2, 4, 5, dtype=torch.bool))]:
    attempt(lambda: torch.baddbmm(c, a, b).shape)
    attempt(lambda: torch.baddbmm(c, a, b, beta=0).shape)
attempt(lambda: d(2, 3, 5).baddbmm(f(2, 3, 4), f(2, 4, 5)))
print(torch.baddbmm(l(2, 3, 5), l(2, 3, 4), l(2, 4, 5))[0, 0], torch.baddbmm(f(5), f(2, 3, 4), f(2, 4, 5), alpha=2)[1, 2])''',
        '''for c, a, b in [(d(3, 5), f(2, 3, 4), f(2, 4, 5)), (f(3, 5), d(2, 3, 4), f(2, 4, 5)),
                (f(3, 5), f(2, 3, 4), d(2, 4, 5)), (f(4, 5), f(2, 3, 4), f(2, 4, 5)), (f(3, 5), f(3, 4), f(2, 4, 5)),
                (f(3, 5), f(2, 3, 4), d(2, 3, 5)), (f(1, 3, 5), f(2, 3, 4), f(2, 4, 5)), (f(3, 5), f(2, 3, 4), f(3, 4, 5)),
                (torch.ones(3, 5, dtype=torch.bool), torch.ones(2, 3, 4, dtype=torch.bool),
                 torch.ones(2, 4, 5, dtype=torch.bool))]:
    attempt(lambda: torch.addbmm(c, a, b).shape)
print(torch.addbmm(f(5), f(2, 3, 4), f(2, 4, 5), beta=0.5)[0])''',
        '''mha = torch.nn.MultiheadAttention(8, 2, batch_first=True)
x = torch.ones(2, 5, 8)
for am in (torch.zeros(5, 5, dtype=torch.float64), torch.zeros(4, 5, 5, dtype=torch.float64)):
    attempt(lambda: mha(x, x, x, attn_mask=am)[0].shape)
attempt(lambda: mha(x, x, x, key_padding_mask=torch.zeros(2, 5, dtype=torch.float64))[0].shape)''',
    ],
    "softmax_complex_names_its_kernel": [
        ATTEMPT + '''z = torch.ones(2, 3, dtype=torch.cfloat)
for dim in (0, 1, -1, -2):
    attempt(lambda: z.softmax(dim))
attempt(lambda: torch.ones(3, dtype=torch.cdouble).softmax(0))''',
    ],
    "bernoulli_draws_and_tensor_p": [
        ATTEMPT + '''for p in ([0.2, 1.5], [0.5, -0.5, 0.2, 3.0], [0.2, float("nan")]):
    torch.manual_seed(5)
    attempt(lambda: torch.bernoulli(torch.tensor(p)))
    print(torch.rand(2))
torch.manual_seed(5)
attempt(lambda: torch.bernoulli(torch.tensor([0.5, 0.5, -1.0], dtype=torch.float64)))
print(torch.rand(2))
torch.manual_seed(5)
print(torch.bernoulli(torch.tensor([0.2, 0.7]), p=0.5), torch.rand(2))
torch.manual_seed(5)
attempt(lambda: torch.bernoulli(torch.tensor([0.2, 0.7]), p=1.5))''',
        '''torch.manual_seed(5)
for make in (lambda: torch.empty(3).bernoulli_(torch.tensor([0.5, 0.5])),
             lambda: torch.empty(3).bernoulli_(torch.full((2, 3), 0.5)),
             lambda: torch.empty(2, 3).bernoulli_(torch.tensor([0.1, 0.9, 0.5])),
             lambda: torch.empty(3).bernoulli_(torch.tensor([1, 0, 1])),
             lambda: torch.empty(3, dtype=torch.long).bernoulli_(torch.tensor([0.5, 0.2, 0.9], dtype=torch.float64)),
             lambda: torch.empty(3).bernoulli_(torch.tensor(0.7)),
             lambda: torch.empty(2, 3).t().bernoulli_(torch.rand(3, 2)),
             lambda: torch.empty(4).bernoulli_(torch.tensor([0.3, 0.6, 0.1, 0.9]).half()),
             lambda: torch.empty(3).bernoulli_(torch.tensor([0.2, 7.0, 0.1])),
             lambda: torch.zeros(3, requires_grad=True).bernoulli_(torch.tensor([0.5, 0.5, 0.5]))):
    attempt(make)
print(torch.rand(3))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe44_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
