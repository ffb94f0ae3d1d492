"""What the fifty-first probe (time-series forecasting lessons: sliding windows with unfold and torch.stack, scaling
with training-split statistics, LSTM / GRU / LSTMCell forecasters, seq2seq with teacher forcing, a causal TCN, a
Transformer encoder, ragged series with pad_sequence and packing, early stopping with in-memory checkpoints)
found, each checked against PyTorch: copy_ broadcasts its source to the destination and never the destination to
the source (``output with shape [2] doesn't match the broadcast shape [2, 2]``, also for a source with leading 1s);
pad_sequence copies each sequence into its slot as ATen does (copy_'s message for trailing dims that differ, the
argument checks of its Python wrapper and of ATen, in their order); an item assignment of a vector into a 0-d slot
is refused with expand's message (and a value of one element fits it); float16 var / std / std_mean / var_mean
accumulate in double and store through float32 (numpy's float16 var rounded every step); Tensor.unfold refuses a
negative size, and a step of 0 on a 0-d tensor; LSTMCell passes hx to lstm_cell as PyTorch does (a Tensor is refused by the argument parser, a tuple must hold two
states, each checked with its own label: hidden0, hidden1); the RNN cells check the batch size before the hidden
size; pack_padded_sequence checks its lengths (1-D, one per sequence) and refuses empty tensors; torch.load
honours map_location as a CPU-only PyTorch does (CUDA locations refused with its message, unknown tags refused)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''def put(t, key, value):
    t[key] = value
    return t
torch.manual_seed(0)
'''

CELLS = {
    "copy_broadcasts_the_source_only": [
        TRY + '''for dst, src in [((2,), (2, 2)), ((2,), (1, 2)), ((2, 1), (2, 2)), ((), (2,)), ((2,), (3, 2)),
                 ((2,), (3,)), ((2, 1), (3, 2)), ((3, 2), (2,)), ((3, 2), (1, 2)), ((2,), (1, 1, 2))]:
    attempt(lambda: torch.zeros(dst).copy_(torch.arange(float(torch.Size(src).numel())).view(src)))
    attempt(lambda: torch.zeros(dst, dtype=torch.float64).copy_(torch.ones(src, dtype=torch.int64)))
w = torch.ones(2, requires_grad=True)
attempt(lambda: (w * 1).copy_(torch.ones(1, 2)))
attempt(lambda: torch.zeros(2).copy_(torch.ones(2, 2, requires_grad=True)))''',
    ],
    "pad_sequence_copies_each_sequence_into_its_slot": [
        TRY + '''from torch.nn.utils.rnn import pad_sequence
a, b = torch.arange(3.), torch.arange(4.)
for batch_first in (False, True):
    for side in ("right", "left"):
        attempt(lambda: pad_sequence([a, b.view(2, 2)], batch_first=batch_first, padding_side=side))
        attempt(lambda: pad_sequence([a.view(3, 1), b.view(2, 2)], batch_first=batch_first, padding_side=side))
        attempt(lambda: pad_sequence([a.view(3, 1), b.view(4, 1)], batch_first=batch_first, padding_side=side))
attempt(lambda: pad_sequence([a.view(3, 1), b.view(4, 1).expand(4, 3)]))
attempt(lambda: pad_sequence([torch.tensor(1.), b]))
attempt(lambda: pad_sequence([b, torch.tensor(1.)]))
attempt(lambda: pad_sequence(a))
attempt(lambda: pad_sequence(5))
attempt(lambda: pad_sequence([b, [1, 2]]))
attempt(lambda: pad_sequence([], padding_side="middle"))
attempt(lambda: pad_sequence([torch.tensor(1.)], padding_side="middle"))
attempt(lambda: pad_sequence(iter([a, b]), padding_value=-1))
attempt(lambda: pad_sequence((a.long(), b), padding_value=0.5))''',
        '''x = torch.randn(3, requires_grad=True)
p = pad_sequence([b, x], batch_first=True, padding_side="left")
print(p, p._version)
(p * torch.arange(8.).view(2, 4)).sum().backward()
x.grad''',
    ],
    "a_vector_into_a_scalar_slot": [
        TRY + '''for key in (0, -1, (1,), torch.tensor(1)):
    attempt(lambda: put(torch.zeros(2), key, torch.arange(2.)))
    attempt(lambda: put(torch.zeros(2), key, torch.arange(1.)))
attempt(lambda: put(torch.zeros(2, 3), (0, 1), torch.ones(3)))
attempt(lambda: put(torch.zeros(2, dtype=torch.int64), 1, torch.ones(1, 1)))''',
    ],
    "unfold_size_and_step_checks": [
        TRY + '''a = torch.arange(6.)
for size, step in ((-1, 0), (-1, 1), (-2, 3), (7, -1), (0, 1), (2, 0), (6, 6)):
    attempt(lambda: a.unfold(0, size, step))
    attempt(lambda: a.view(2, 3).unfold(1, size, step))
    attempt(lambda: torch.tensor(2.).unfold(0, size, step))
    attempt(lambda: torch.zeros(0).unfold(0, size, step))''',
    ],
    "lstm_cell_takes_a_pair_of_states": [
        TRY + '''cell = torch.nn.LSTMCell(1, 4)
x2, x1 = torch.randn(2, 1), torch.randn(1)
attempt(lambda: cell(x2, torch.zeros(2, 4)))
attempt(lambda: cell(x2, torch.zeros(3, 4)))
attempt(lambda: [t.shape for t in cell(x1, torch.zeros(2, 4))])
attempt(lambda: [t.shape for t in cell(x1, torch.zeros(3, 4))])
attempt(lambda: [t.shape for t in cell(x2, [torch.zeros(2, 4), torch.zeros(2, 4)])])
attempt(lambda: cell(x2, (torch.zeros(2, 4),)))
attempt(lambda: cell(x2, (torch.zeros(2, 4),) * 3))
attempt(lambda: cell(x2, iter((torch.zeros(2, 4), torch.zeros(2, 4)))))
attempt(lambda: cell(x2, (torch.zeros(2, 4), torch.zeros(2, 5))))
attempt(lambda: cell(x2, (torch.zeros(2, 4), torch.zeros(3, 4))))
attempt(lambda: cell(x2, (torch.zeros(3, 5), torch.zeros(2, 4))))
attempt(lambda: cell(x2, (torch.zeros(2, 4), torch.zeros(4))))
attempt(lambda: cell(x2, (torch.zeros(2), torch.zeros(2, 4))))
attempt(lambda: cell(torch.randn(2, 3), (torch.zeros(3, 5), torch.zeros(3, 5))))''',
        '''h = torch.zeros(2, 4, requires_grad=True)
hy, cy = cell(x2, (h, torch.zeros(2, 4)))
hy.sum().backward()
print(hy.grad_fn, cy.grad_fn, h.grad.shape)
for c in (torch.nn.GRUCell(1, 4), torch.nn.RNNCell(1, 4)):
    attempt(lambda: c(x2, torch.zeros(3, 5)))
    attempt(lambda: c(torch.randn(3, 2), torch.zeros(2, 5)))
    attempt(lambda: c(x1, torch.zeros(1, 4)))''',
    ],
    "float16_moments_accumulate_in_double": [
        TRY + '''for shape, scale in (((7,), 1.0), ((5, 9), 3.0), ((33,), 2.0), ((4, 100), 5.0), ((300,), 7.0)):
    x = (torch.randn(shape) * scale).half()
    for dim in (None, 0, -1):
        for c in (0, 1, 2.5):
            print(x.var(dim=dim, correction=c), x.std(dim=dim, correction=c, keepdim=True))
            print(torch.std_mean(x, dim=dim, correction=c), torch.var_mean(x, dim=dim, correction=c))''',
    ],
    "load_honours_map_location": [
        TRY + '''import io
def round_trip(obj, **kw):
    buf = io.BytesIO()
    torch.save(obj, buf)
    buf.seek(0)
    return torch.load(buf, **kw)
state = {"w": torch.arange(3.), "b": torch.nn.Parameter(torch.ones(1)), "epoch": 3}
for loc in ("cuda", "cuda:0", torch.device("cuda"), {"cpu": "cuda:1"}, "gpu", "mps", "cpu:0", "cpu",
            torch.device("cpu"), {"cuda:0": "cpu"}, lambda storage, location: storage, lambda s, l: None, 0):
    attempt(lambda: round_trip(state, map_location=loc))
    attempt(lambda: round_trip(state, map_location=loc, weights_only=False))
attempt(lambda: round_trip({"epoch": 3, "names": ["a"]}, map_location="cuda"))''',
    ],
    "pack_padded_sequence_checks_its_lengths": [
        TRY + '''from torch.nn.utils.rnn import pack_padded_sequence
z = torch.zeros(4, 3)
attempt(lambda: pack_padded_sequence(z, [4, 2]))
attempt(lambda: pack_padded_sequence(z, [4, 2, 1, 1]))
attempt(lambda: pack_padded_sequence(z, [4, 2], enforce_sorted=False))
attempt(lambda: pack_padded_sequence(z, [2, 4]))
attempt(lambda: pack_padded_sequence(z, torch.tensor([[4, 2, 1]])))
attempt(lambda: pack_padded_sequence(z, torch.tensor(3)))
attempt(lambda: pack_padded_sequence(z, 3))
attempt(lambda: pack_padded_sequence(z, torch.tensor([4., 2., 1.5])))
attempt(lambda: pack_padded_sequence(torch.zeros(0, 3), [0, 0, 0]))
attempt(lambda: pack_padded_sequence(torch.zeros(4, 0), []))
attempt(lambda: pack_padded_sequence(z, [4, 0, 1]))
attempt(lambda: pack_padded_sequence(z, [4, 2, 0]))
attempt(lambda: pack_padded_sequence(z, [4, 2, -1], enforce_sorted=False))
attempt(lambda: pack_padded_sequence(z, [4, 2, 1], batch_first=True))
attempt(lambda: pack_padded_sequence(torch.zeros(3, 4), [4, 2, 1], batch_first=True).batch_sizes)
attempt(lambda: pack_padded_sequence(torch.zeros(4), [4]))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe51_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
