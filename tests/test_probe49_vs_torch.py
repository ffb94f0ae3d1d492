"""What the forty-ninth probe (quantization by hand, capsule networks, neural cellular automata, hypernetworks and
evolution strategies from blog-post tutorials) found, each checked against PyTorch: fake quantization
(torch.fake_quantize_per_tensor_affine with float or tensor qparams, torch.fake_quantize_per_channel_affine) with
PyTorch's rounding (x times the float 1 / scale, ties to even), the straight-through gradient as a product (-0.0
where a negative gradient is masked), node names, argument parsing and checks, in float32, float64, float16 and
bfloat16; quantized tensors (torch.quantize_per_tensor / quantize_per_channel, torch.qint8 / quint8 / qint32,
int_repr, q_scale, q_zero_point, the per-channel parameters, qscheme, dequantize) printed as PyTorch prints them,
with its checks; integer and bool sums with dtype= keeping that dtype (int8 came back int64, uint8 failed); float16
normal draws of fewer than 16 values (torch.randn(3, dtype=torch.float16) was refused); torch.einsum recorded as
ATen's einsum records it (operands unsqueezed and permuted, sumproduct_pair's bmm with its operands swapped when
the right one's own dims come first), so that grad_fn chains, strides and .view() on the result are PyTorch's (a
capsule network's u_hat from einsum could not be viewed)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''torch.manual_seed(0)
x = torch.tensor([0.05, -0.36, 0.9, -1.2, 2.0, 0.26, 0.15, 0.25, 0.55, -0.35, 12.0, -0.05])
W = torch.tensor([[0.31, -1.27, 0.05, 2.2], [-0.6, 0.44, 1.5, -3.1], [0.0, 0.25, -0.26, 0.9]])
s = torch.tensor([0.1, 0.2, 0.05])
z = torch.tensor([0, 1, -2], dtype=torch.int32)
'''

PER_TENSOR = SETUP + '''torch.set_printoptions(precision=10)
for dt in (torch.float32, torch.float64, torch.float16):
    xr = x.to(dt).requires_grad_()
    for qp in ((0.1, 0, -128, 127), (0.1, 3, -4, 4), (0.05, 10, 0, 255), (0.0, 0, 0, 255), (-0.1, 0, 0, 255)):
        y = torch.fake_quantize_per_tensor_affine(xr, *qp)
        y.backward(torch.arange(12.0).to(dt) - 4)
        print(y, xr.grad)
        xr.grad = None
y = torch.fake_quantize_per_tensor_affine(xr, torch.tensor(0.2), torch.tensor(1, dtype=torch.int32), -8, 7)
print(y, y.grad_fn.next_functions)
torch.set_printoptions(profile="default")'''

PER_TENSOR_ERRORS = '''for args in ((x, 0.1, 0, 10, 5), (x, 0.1, 300, -128, 127), (x, 0.1, -1, 0, 255), (x.int(), 0.1, 0, 0, 255),
             (x.long(), 0.1, 0, 0, 255), (torch.tensor(1.27), 0.1, 0, 0, 255), (x, 0.1, 0.0, 0, 255), (x, 0.1, 0),
             (x, "0.1", 0, 0, 255), (x, 0.1, 0, -8.0, 7)):
    attempt(lambda: torch.fake_quantize_per_tensor_affine(*args))
attempt(lambda: torch.fake_quantize_per_channel_affine(x, torch.ones(12), torch.zeros(12, dtype=torch.int32), 0))
b = x.bfloat16().requires_grad_()
y = torch.fake_quantize_per_tensor_affine(b, 0.1, 0, -8, 7)
y.backward(-torch.ones(12, dtype=torch.bfloat16))
print(y, b.grad)
torch.fake_quantize_per_channel_affine(b.view(3, 4), s, z, 0, -8, 7)'''

STRAIGHT_THROUGH = '''w = torch.randn(8, requires_grad=True)
q = torch.fake_quantize_per_tensor_affine(w, 0.25, 0, -4, 3)
ste = w + (torch.round(w / 0.25).clamp(-4, 3) * 0.25 - w).detach()
print(torch.equal(q, ste))
g1, = torch.autograd.grad((q ** 2).sum(), w)
g2, = torch.autograd.grad((ste ** 2).sum(), w)
print(g1, g2)
g, = torch.autograd.grad(q.sum(), w, create_graph=True)
g, g.requires_grad'''

PER_CHANNEL = SETUP + '''torch.set_printoptions(precision=10)
for dt in (torch.float32, torch.float64, torch.float16):
    Wr = W.to(dt).requires_grad_()
    for zp in (z, z.float() + 0.4, z.half()):
        y = torch.fake_quantize_per_channel_affine(Wr, s, zp, 0, -8, 7)
        y.backward(torch.ones(3, 4) * -2)
        print(y, Wr.grad)
        Wr.grad = None
y = torch.fake_quantize_per_channel_affine(W.T.requires_grad_(), s, z, 1, -128, 127)
print(y, y.grad_fn)
torch.set_printoptions(profile="default")'''

PER_CHANNEL_ERRORS = '''V = torch.randn(3, 3)
for args in ((W, s, z, 1), (W, s, z, 2), (W, s, z, -1), (W, s[:2], z[:2], 0), (W, s, z[:2], 0), (W, s, z.long(), 0),
             (W, s.double(), z, 0), (W, s.view(3, 1), z.view(3, 1), 0), (W, s, z.view(3, 1), 0), (W, s, z + 200, 0),
             (W.int(), s, z, 0), (V, s, z, -1)):
    attempt(lambda: torch.fake_quantize_per_channel_affine(*args, -128, 127))
attempt(lambda: torch.fake_quantize_per_channel_affine(W, s, z, 0, 5, 1))'''

QUANTIZED = SETUP + '''q = torch.quantize_per_tensor(x, 0.01, 0, torch.qint8)
print(q)
print(q.int_repr(), q.q_scale(), q.q_zero_point(), q.qscheme(), q.dtype, q.is_quantized, q.shape, q.size(0))
print(q.dequantize(), torch.dequantize(q), x.dequantize())
u = torch.quantize_per_tensor(x.view(3, 4), 0.1, 10, torch.quint8)
print(u, u.int_repr())
i = torch.quantize_per_tensor(torch.randn(4, 6) * 100, 0.5, 3, torch.qint32)
print(i, i.int_repr())
m = torch.quantize_per_tensor(torch.tensor([[0.1, 0.25, -3.0], [1.0, 2.0, 3.0]]), 0.05, 2, torch.quint8)
print(len(m), m[0], m[:, 1], m[1, 2], m.element_size(), m.is_contiguous(), m.requires_grad, m.grad_fn, m.is_leaf)
print(m.t(), m.t().is_contiguous(), m[None, ..., ::2], m.view(3, 2).shape, m.reshape(-1).shape)
print(m.flatten().int_repr(), m.view(-1, 2), m.clone(), m.detach().dtype)
torch.quantize_per_tensor(torch.linspace(-2, 2, 30).view(3, 10), 1 / 64, 128, torch.quint8)'''

PER_CHANNEL_QUANTIZED = '''c = torch.quantize_per_channel(W, s.double(), z.long(), 0, torch.qint8)
print(c)
print(c.int_repr(), c.q_per_channel_scales(), c.q_per_channel_zero_points(), c.q_per_channel_axis(), c.qscheme())
d = torch.quantize_per_channel(W, torch.tensor([0.1, 0.2, 0.05, 1.0]), torch.tensor([0, 1, 2, 3]), 1, torch.quint8)
print(d, d.dequantize())
for f in (lambda: q.q_per_channel_scales(), lambda: c.q_scale(), lambda: c.q_zero_point(),
          lambda: torch.quantize_per_tensor(torch.tensor([1, 2]), 0.1, 0, torch.quint8)):
    attempt(f)
print(torch.qint8, torch.quint8, torch.qint32, torch.per_tensor_affine, torch.per_channel_affine, type(torch.qint8))
torch.qint8.is_floating_point, torch.qint32.itemsize, torch.qint8 == torch.int8'''

QUANTIZE_ARGUMENTS = '''y = torch.tensor([0.1, 0.25, -3.0])
for args in ((y, 0.05, 2.5, torch.quint8), (y, 0.05, 2), (y, 0.1, 300, torch.qint8), (y, 0.1, -1, torch.quint8),
             (y, 0.1, 2 ** 31, torch.qint32), (y.double(), 0.1, 0, torch.int8), (y, 0.1, 0, torch.int8),
             (y, -0.1, 0, torch.qint8), (y, 0.0, 0, torch.qint8), (y, float("inf"), 0, torch.qint8)):
    attempt(lambda: torch.quantize_per_tensor(*args))
z2 = torch.randn(2, 3)
for args in ((z2.double(), s[:2], z[:2], 5, torch.int8), (z2.double(), s[:2], z[:2], 5, torch.qint8),
             (z2, s[:2], z[:2], 5, torch.qint8), (z2, s[:2], z[:2], -1, torch.qint8), (z2, s.view(1, 3), z, 1, torch.qint8),
             (z2, s, z.view(1, 3), 1, torch.qint8), (z2, s, z[:2], 1, torch.qint8), (z2, s[:2], z[:2], 1, torch.qint8),
             (z2, s, z + 300, 1, torch.qint8), (z2, s, z - 300, 1, torch.quint8), (z2, s, z, 1.0, torch.qint8)):
    attempt(lambda: torch.quantize_per_channel(*args))
qs = torch.quantize_per_tensor([y, y[:1] * 4], torch.tensor([0.1, 0.5]), torch.tensor([0, 3]), torch.qint8)
print(qs, torch.dequantize(qs))
p = torch.quantize_per_tensor(y, torch.tensor(0.05), torch.tensor(2), torch.quint8)
print(p, p.q_scale(), p.q_zero_point(), str(p) == repr(p), p.device, p.ndim, p.size(-1))
torch.set_printoptions(precision=2)
print(torch.quantize_per_tensor(torch.tensor([0.123, 1000.0]), 0.01, 0, torch.qint32))
torch.set_printoptions(profile="default")
torch.quantize_per_tensor(torch.tensor(1.234), 0.1, 2, torch.quint8)'''

INTEGER_SUMS = '''a = torch.tensor([127, -128, 100, 100], dtype=torch.int8)
for f in (lambda: a.sum(dtype=torch.int8), lambda: torch.sum(a, dtype=torch.int8), lambda: a.sum(0, dtype=torch.int8),
          lambda: a.sum(dtype=torch.int16), lambda: a.sum(dtype=torch.uint8), lambda: a.float().sum(dtype=torch.int32),
          lambda: a.view(2, 2).sum(1, keepdim=True, dtype=torch.int8), lambda: torch.tensor([True, True]).sum(dtype=torch.bool),
          lambda: torch.tensor([200, 100], dtype=torch.uint8).sum(dtype=torch.uint8), lambda: a.sum((), dtype=torch.int8),
          lambda: torch.tensor([[True, False], [True, True]]).sum(0, dtype=torch.bool), lambda: a.sum()):
    r = f()
    print(r, r.dtype)'''

HALF_DRAWS = '''torch.manual_seed(0)
print(torch.randn(3, dtype=torch.float16), torch.randn(2, 2, dtype=torch.half),
      torch.randn_like(torch.zeros(5), dtype=torch.float16))
print(torch.empty(4, dtype=torch.float16).normal_(2.0, 3.0), torch.normal(1.0, 2.0, (3,), dtype=torch.float16),
      torch.randn(1))
h = torch.zeros(4, 4, dtype=torch.float16)
h[:, 0].normal_()
print(h, torch.randn(2))'''

EINSUM = ATTEMPT + '''torch.manual_seed(0)
W = torch.randn(6, 3, 8, 4, requires_grad=True)
u = torch.randn(2, 6, 4, requires_grad=True)
A = torch.randn(3, 4, requires_grad=True)
B = torch.randn(4, 5, requires_grad=True)
C = torch.randn(2, 3, 4, requires_grad=True)
v = torch.randn(4, requires_grad=True)
S = torch.randn(3, 3, requires_grad=True)
def chain(fn):
    names, stack = [], [(fn, 0)]
    while stack:
        f, d = stack.pop()
        if f is not None:
            names.append("  " * d + type(f).__name__)
            stack.extend((g, d + 1) for g, _ in reversed(f.next_functions))
    return " ".join(names)
CASES = [("ijok,bik->bijo", W, u), ("ijok,bik->bioj", W, u), ("ijok,bik->ijbo", W, u), ("ijok,bik->boji", W, u),
         ("bik,ijok->bijo", u, W), ("ij,jk->ik", A, B), ("ij,jk->ki", A, B), ("bij,bjk->bik", C, torch.randn(2, 4, 5)),
         ("bij,bkj->bik", C, C), ("ij,j->i", A, v), ("i,i->", v, v), ("i,j->ij", v, v), ("ij->ji", A), ("ii->i", S),
         ("ii", S), ("ij->", A), ("bij->bj", C), ("bij,bij->bi", C, C), ("ij,ij->ij", A, A), ("bij,jk->bki", C, B),
         ("ijk->kji", C), ("...ij,...jk->...ik", C, B), ("b...,b...->b", C, C), ("ij,jk,kl->il", A, B, B.T),
         ("ij,jk", A, B), ("bij,j->bi", C, v), ("iij->ij", torch.randn(3, 3, 2, requires_grad=True)),
         ("bn,anm,bm->ba", torch.randn(2, 3), torch.randn(4, 3, 5), torch.randn(2, 5)), ("Ab,bc->cA", A, B)]
for eq, *ops in CASES:
    r = torch.einsum(eq, *ops)
    print(eq, tuple(r.shape), r.stride(), r.is_contiguous(), chain(r.grad_fn))
    attempt(lambda: r.view(-1).shape)
    if r.requires_grad:
        gs = torch.autograd.grad(r.sum(), [o for o in ops if o.requires_grad])
        print([g.shape for g in gs])
torch.einsum("ijok,bik->bijo", W, u)[0, :2, :2, :3]'''

CELLS = {
    "fake_quantize_per_tensor": [PER_TENSOR, PER_TENSOR_ERRORS, STRAIGHT_THROUGH],
    "fake_quantize_per_channel": [PER_CHANNEL, PER_CHANNEL_ERRORS],
    "quantized_tensors": [QUANTIZED, PER_CHANNEL_QUANTIZED, QUANTIZE_ARGUMENTS],
    "integer_sums_keep_their_dtype": [INTEGER_SUMS],
    "float16_normal_draws": [HALF_DRAWS],
    "einsum_as_aten_records_it": [EINSUM],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe49_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name, warns=None)
