"""What the fifty-eighth probe (self-supervised and few-shot learning: BYOL / SimSiam, Barlow Twins, VICReg,
prototypical and matching networks) found, each checked against PyTorch: torch.cdist as ATen's kernel computes
it (per pair a plain loop in order, its sum of squares with the AVX2 / AVX-512 build's fused multiply-adds on the
terms past the last 16-byte block, |d|^p with the correctly rounded powf and the p-th root in double; its
backward adds each row's terms over the other side's rows in order), so that a prototypical network trained with
Adam on -cdist(...)**2 logits no longer drifts from PyTorch; trace adding the diagonal in order in double (float32)
and returning int64 for every integer type (uint8 raised a KeyError); a whole sum of a strided vector (a column
x[:, 0], x[:, 1:2], a diagonal, x[::2]) in ATen's scalar row_sum order; index_select on a 0-d tensor (a
one-element index picks the scalar; another count is PyTorch's error) and its checks in ATen's order.

Floats are printed as their bits (view as int32 / int64), so that a last-bit difference fails here."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

BITS = '''def bits(t):
    t = t.detach()
    return t.contiguous().view(torch.int64 if t.dtype == torch.float64 else torch.int32).tolist()
torch.manual_seed(0)
'''

CELLS = {
    "cdist_forward_bits": [
        BITS + '''for m in (1, 3, 5, 7, 8, 13):
    a, b = torch.randn(4, m), torch.randn(3, m)
    print(m, [bits(torch.cdist(a, b, p=p)) for p in (2.0, 1.0, 0.0, float("inf"))])
    print(bits(torch.cdist(a.double(), b.double())), bits(torch.cdist(a[None], b[None].expand(2, 3, m))))''',
        BITS + '''a, b = torch.randn(5, 7), torch.randn(6, 7)
print(bits(torch.cdist(a, b, p=3.0)), bits(torch.cdist(a, b, p=0.5)))
print(bits(torch.cdist(a, b, compute_mode="donot_use_mm_for_euclid_dist")), torch.cdist(a, a).diagonal())''',
    ],
    "cdist_backward_bits": [
        BITS + '''for m, p in ((7, 2.0), (10, 2.0), (5, 1.0), (6, float("inf")), (7, 3.0)):
    a = torch.randn(2, 5, m, requires_grad=True)
    b = torch.randn(2, 4, m, requires_grad=True)
    d = torch.cdist(a, b, p=p)
    d.backward(torch.randn(d.shape))
    print(m, p, bits(a.grad), bits(b.grad))
a = torch.randn(5, 7, requires_grad=True)
torch.cdist(a, torch.randn(4, 7), p=0.5).sum().backward()   # (ATen's vector pow: within a unit or two)
print(a.grad)''',
    ],
    "prototypical_adam_loop": [
        BITS + '''import torch.nn as nn, torch.nn.functional as F
encoder = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 8))
opt = torch.optim.Adam(encoder.parameters(), lr=0.01)
for episode in range(4):
    support, query = torch.randn(9, 5) * 2, torch.randn(6, 5) * 2
    protos = encoder(support).unflatten(0, (3, 3)).mean(1)
    logits = -torch.cdist(encoder(query), protos).pow(2)
    loss = F.cross_entropy(logits, torch.arange(3).repeat_interleave(2))
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(episode, bits(loss), bits(encoder[0].weight.grad)[0])''',
    ],
    "trace_order_and_dtype": [
        BITS + '''for n in (3, 8, 17, 40):
    x = torch.randn(n, n + 1) * 10
    print(n, bits(x.trace()), bits(x.double().trace()), bits(torch.trace(x.half().float())), x.half().trace())
c = torch.randn(8, 8)
print(c.trace() == c.diagonal().sum(), bits(c.diagonal().sum()))
for dt in (torch.uint8, torch.int8, torch.int16, torch.int32, torch.bool):
    try:
        t = torch.full((4, 4), 200 if dt == torch.uint8 else 3, dtype=dt).trace()
        print(dt, t, t.dtype)
    except Exception as e:
        print(type(e).__name__, e)''',
        BITS + '''w = torch.randn(5, 5, requires_grad=True)
y = w.trace() * 2
y.backward()
print(y.grad_fn, bits(y), w.grad)
print(torch.zeros(0, 3).trace(), torch.ones(3, 0, dtype=torch.uint8).trace())''',
    ],
    "strided_vector_sums": [
        BITS + '''x = torch.randn(40, 6) * 10
d = torch.randn(9, 9).diagonal()
for v in (x[:, 0], x[:, 5], x[:, 1:2], x.t()[3], x.flatten()[::3], x[::2, 2], d, x.double()[:, 1]):
    print(bits(v.sum()), bits(v.mean()), bits(v.sum(0)), bits(torch.sum(v, 0, keepdim=True)), bits(v.var()))
print(bits(x[:, 1:2].sum(0)), bits(x[:, 1:2].sum((0, 1))), bits(x[:, 1:2].sum(0, keepdim=True)), x[:, 1:2].sum(1).shape)''',
    ],
    "index_select_scalar": [
        ATTEMPT + '''s = torch.tensor(5.0, requires_grad=True)
for idx in (torch.tensor([0]), torch.tensor(0), torch.tensor([0, 0]), torch.tensor([], dtype=torch.long),
            torch.tensor([1]), torch.tensor([-1]), torch.tensor([0.0, 1.0]), torch.tensor([0], dtype=torch.int32),
            torch.tensor([[0, 0]])):
    attempt(lambda: s.index_select(0, idx))
attempt(lambda: torch.index_select(s, 3, torch.tensor([0, 0])))
y = torch.index_select(s, -1, torch.tensor([0]))
(y * 3).backward()
print(y.shape, y.grad_fn, s.grad)''',
        ATTEMPT + '''x = torch.arange(6.).view(2, 3)
for dim, idx in ((0, torch.tensor([[0.0]])), (4, torch.tensor([[0]])), (4, torch.tensor([0.0])), (0, torch.tensor([0.0])),
                 (1, torch.tensor([[5]]))):
    attempt(lambda: x.index_select(dim, idx))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe58_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
