"""What the eighteenth probe (GPT / LLM-from-scratch lessons) found, each checked against PyTorch: which of several
equal values' indices sort (stable=False), argsort and topk return (ATen's CPU kernels are libstdc++'s std::sort,
std::nth_element and std::partial_sort: top-k of logits already masked to -inf, of counts, of zeros); topk with
sorted=False (nth_element's order) and on bool; a fill value that does not fit the tensor's dtype (c10's
checked_convert: masked_fill of an integer or float16 tensor with -inf or -1e9, fill_, full, item assignment,
index_fill, and torch.tensor's literals), with the two's complement of a negative integer into uint8; float16
softmax and log_softmax (forward and backward, as PyTorch's reduced-precision kernels compute them); matmul's shape
errors where ATen's matmul raises them, and its squeeze of a batch of one that requires grad; copy.deepcopy of a
Parameter (no .grad); torch.load of an empty buffer (torch.save, then load without seek(0))."""
import pytest

from helpers import assert_same_as_pytorch

TRY = '''def attempt(make):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
'''

CELLS = {
    "topk_and_sort_ties": [
        # top-k after top-k filtering: many -inf logits tie; counts and zeros tie too
        '''torch.manual_seed(0)
logits = torch.randn(2, 40)
v, _ = torch.topk(logits, 5)
logits[logits < v[:, [-1]]] = -float('Inf')
print(torch.topk(logits, 8).indices)
print(torch.sort(logits, descending=True).indices[:, :12])
print(torch.argsort(logits, dim=-1)[:, :12])
print(torch.topk(torch.zeros(2, 4), 2), torch.topk(torch.tensor([[1., 3., 3., 2.]]), 2, largest=False))''',
        '''counts = torch.tensor([[3, 0, 1, 3, 0, 2, 3, 1, 0, 0, 1, 2, 3, 0, 0, 1, 2, 2, 0, 1]])
print(counts.topk(6), counts.sort(), counts.sort(descending=True, stable=True).indices)
print(counts.float().topk(3, sorted=False).indices, torch.tensor([1., 5, 3, 4, 2, 0, 9]).topk(3, sorted=False))
big = (torch.arange(300) % 7).float()
print(big.topk(4).indices, big.topk(4, largest=False).indices, big.topk(40, sorted=False).indices)
nan = torch.tensor([float('nan'), 1., float('nan'), 1., 0.] * 5)
print(nan.sort().indices, nan.sort(descending=True).indices, nan.topk(4).indices)
same = torch.tensor(5.).expand(30)   # (ATen does not sort along a dim of stride 0)
print(same.sort().indices, same.argsort(descending=True), torch.zeros(4, 1).expand(4, 20).sort(-1).indices[0])''',
        TRY + '''attempt(lambda: torch.zeros(3, dtype=torch.bool).topk(1))
attempt(lambda: torch.zeros(3, dtype=torch.bool).topk(5))
attempt(lambda: torch.tensor([True, False]).sort(descending=True))''',
    ],
    "fill_value_overflow": [
        TRY + '''mask = torch.tensor([True, False, True])
L = torch.zeros(3, dtype=torch.long)
attempt(lambda: L.masked_fill(mask, float('-inf')))
attempt(lambda: L.masked_fill(mask, float('nan')))
attempt(lambda: L.clone().masked_fill_(mask, -1e20))
attempt(lambda: L.masked_fill(mask, torch.tensor(float('-inf'))))
attempt(lambda: L.half().masked_fill(mask, -1e9))
attempt(lambda: L.half().masked_fill(mask, float('-inf')))
attempt(lambda: L.float().masked_fill(mask, 1e300))
attempt(lambda: L.int().masked_fill(mask, 3000000000))
attempt(lambda: L.to(torch.uint8).masked_fill(mask, -1))
attempt(lambda: L.to(torch.uint8).masked_fill(mask, -256))
attempt(lambda: L.to(torch.uint8).masked_fill(mask, -0.5))
attempt(lambda: L.to(torch.uint8).masked_fill(mask, torch.tensor(-1)))
attempt(lambda: L.to(torch.int8).masked_fill(mask, 200))
attempt(lambda: mask.masked_fill(mask, float('-inf')))
attempt(lambda: L.masked_fill(mask, 2.7))''',
        TRY + '''L = torch.zeros(3, dtype=torch.long)
attempt(lambda: L.clone().fill_(float('-inf')))
attempt(lambda: torch.zeros(2, dtype=torch.uint8).fill_(-1))
attempt(lambda: torch.zeros(2, dtype=torch.uint8).fill_(torch.tensor(300)))
attempt(lambda: torch.full((2,), float('-inf'), dtype=torch.long))
attempt(lambda: torch.full((2,), 40000, dtype=torch.int16))
attempt(lambda: torch.full((2,), 2 ** 63, dtype=torch.long))
attempt(lambda: torch.full_like(L, float('nan')))
attempt(lambda: L.new_full((2,), float('inf')))
attempt(lambda: torch.full((2,), 1e6, dtype=torch.float16))
def put(t, key, value):
    t[key] = value
    return t
attempt(lambda: put(L.clone(), torch.tensor([True, False, True]), float('-inf')))
attempt(lambda: put(L.clone(), 0, float('inf')))
attempt(lambda: put(torch.zeros(3, dtype=torch.uint8), 1, -2))
attempt(lambda: L.clone().index_fill_(0, torch.tensor([0]), float('-inf')))
attempt(lambda: torch.zeros(2, dtype=torch.uint8).index_fill(0, torch.tensor([1]), -3))''',
        TRY + '''for data, dt in [([float('inf')], torch.long), ([1.5, float('nan')], torch.long), (300, torch.uint8),
                 ([-1], torch.uint8), ((1, -2), torch.uint8), ([-1.5], torch.uint8), ([2 ** 63], torch.long),
                 ([2 ** 64], torch.uint8), ([3e9], torch.int32), ([[1, float('inf')]], torch.int16),
                 (float('-inf'), torch.int8), ([-2 ** 63], torch.long), ([1e300], torch.float32), ([1, 2.5], torch.long)]:
    attempt(lambda: torch.tensor(data, dtype=dt))
attempt(lambda: torch.as_tensor([float('inf')], dtype=torch.long))
attempt(lambda: torch.LongTensor([float('inf')]))''',
    ],
    "float16_softmax": [
        # PyTorch's Half softmax computes in float32 buffers, rounding once (log_softmax keeps its row sum and
        # that sum's log in Half; softmax over another dim stores the scalar tail's exp in Half)
        '''torch.manual_seed(0)
scores = torch.randn(2, 5, 5).masked_fill(torch.ones(5, 5).triu(1).bool(), -1e4).half().requires_grad_()
for d in (-1, 1, 0):
    p, lp = scores.softmax(d), scores.log_softmax(d)
    g = torch.randn(2, 5, 5).half()
    print(p[1], lp[0], torch.autograd.grad(p, scores, g)[0][1], torch.autograd.grad(lp, scores, g)[0][0])
x = (torch.randn(3, 40) * 3).half()
print(x.softmax(-1)[:, :8], x.log_softmax(-1)[:, -8:], x.softmax(0)[:, :8])
print(torch.nn.functional.cross_entropy(torch.randn(4, 5).half(), torch.tensor([0, 1, 2, 3])))''',
    ],
    "matmul_shape_errors_and_batch_of_one": [
        # ATen's matmul checks shapes where it computes: the mm / mv of a folded operand, or infer_size of the
        # batch dims, then bmm on the expanded ones (q @ k.T on 3-d tensors is the learner's case)
        TRY + '''q, k = torch.ones(2, 4, 6), torch.ones(2, 4, 6)
attempt(lambda: q @ k.T)
attempt(lambda: q @ k)
attempt(lambda: torch.ones(2, 2, 4, 3) @ torch.ones(2, 3, 4, 3))
attempt(lambda: torch.ones(2, 4, 3) @ torch.ones(2, 3))
attempt(lambda: torch.ones(2, 4, 3) @ torch.ones(4))
attempt(lambda: torch.ones(4) @ torch.ones(2, 3, 4))
attempt(lambda: torch.ones(2, 3) @ torch.ones(2, 2, 4, 3))
attempt(lambda: torch.ones(2, 3) @ torch.ones(2, 4, 3, requires_grad=True))
attempt(lambda: torch.ones(2, 4, 3) @ torch.ones(2, 3, requires_grad=True))
attempt(lambda: torch.ones(2, 3, 4) @ torch.ones(1, 3, 4, requires_grad=True))
attempt(lambda: torch.ones(3, 1, 3, 2) @ torch.ones(3))''',
        '''torch.manual_seed(0)
a, b = torch.randn(2, 3, 4), torch.randn(1, 4, 5, requires_grad=True)
out = a @ b
print(out.grad_fn, out.grad_fn.next_functions, out.grad_fn.next_functions[0][0].next_functions)
out.sum().backward()
print(b.grad)
a1 = torch.randn(1, 3, 4, requires_grad=True)
out = a1 @ torch.randn(2, 4, 5)
print(out.grad_fn, out.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)''',
    ],
    "deepcopy_of_a_trained_model": [
        # copy.deepcopy(model) (a "best model" or EMA copy): Parameter.__deepcopy__ leaves .grad behind, a plain
        # leaf tensor's deepcopy keeps it
        '''import copy
import numpy as np
model = torch.nn.Linear(2, 2)
model(torch.ones(1, 2)).sum().backward()
best = copy.deepcopy(model)
print(best.weight.grad, best.bias.grad, best.weight.requires_grad, best.weight is model.weight)
p = torch.nn.Parameter(torch.ones(2))
p.grad = torch.full((2,), 3.)
t = torch.ones(2, requires_grad=True)
t.grad = torch.full((2,), 4.)
print(copy.deepcopy(p).grad, copy.deepcopy(t).grad, copy.deepcopy(torch.nn.Parameter(torch.ones(1), False)))
w = torch.nn.Parameter(torch.tensor(np.ones((4, 3), np.float32).T))
print(copy.deepcopy(w).stride(), copy.deepcopy({"a": w, "b": w})["a"].shape)''',
    ],
    "load_without_seek": [
        TRY + '''import io
buffer = io.BytesIO()
torch.save({"w": torch.ones(2)}, buffer)
attempt(lambda: torch.load(buffer))
attempt(lambda: torch.load(buffer, weights_only=False))
attempt(lambda: torch.load(io.BytesIO(b""), weights_only=True))
buffer.seek(0)
attempt(lambda: torch.load(buffer))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe18_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
