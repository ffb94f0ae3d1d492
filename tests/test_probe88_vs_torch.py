"""What the eighty-eighth probe (Stanford CS224N assignments 3 and 4: the neural dependency parser and the NMT model
with a bidirectional LSTM encoder over pack_padded_sequence) found, each checked against PyTorch: nn.LSTM given a
PackedSequence checks none of its shapes in Python (check_forward_args runs for a padded input only), so ATen's
packed kernel speaks, in its order: a 2-D state (IndexError of size(2)), h and c of different sizes ("got an
incorrect number of RNN parameters"), an odd or wrong number of layers' states, the input projection over all packed
rows (mat1 and mat2 dtype and shape errors, with the row count of the whole packed data), the state's batch
against the first step's (a broadcast error, or the in-place add's "output with shape" error); a cell state with one
row broadcasts as in PyTorch, a two-tensor state is asked for ("lstm expects two hidden states"), and one tensor
given as the state meets the argument parser of the packed _VF.lstm (its TypeError). GRU and RNN keep PyTorch's
check_forward_args messages."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
torch.manual_seed(0)
def packed(f=3, lengths=(4, 2), sort=True):
    return pack_padded_sequence(torch.randn(4, 2, f), list(lengths), enforce_sorted=sort)
def run(mod, x, hs=None):
    out, (h, c) = mod(x) if hs is None else mod(x, hs)
    return out.data.shape, h.shape, c.shape
Z = torch.zeros
'''

CELLS = {
    "packed_lstm_input_met_by_the_kernel": [
        SETUP + '''for mod in [nn.LSTM(3, 2), nn.LSTM(3, 2, bidirectional=True), nn.LSTM(3, 2, num_layers=2),
            nn.LSTM(3, 2, bias=False), nn.LSTM(3, 2, bias=False, bidirectional=True)]:
    attempt(lambda: run(mod, packed(5)))
    attempt(lambda: run(mod, pack_padded_sequence(torch.randn(4, 2, 5).double(), [4, 2])))
    attempt(lambda: run(mod, packed(5, (2, 4), sort=False)))
    attempt(lambda: run(mod, packed(3)))
    attempt(lambda: run(mod, packed(3), (Z(1, 2, 2).double(), Z(1, 2, 2))))
for mod in [nn.GRU(3, 2), nn.RNN(3, 2)]:
    attempt(lambda: mod(packed(5)))
    attempt(lambda: mod(pack_padded_sequence(torch.randn(4, 2, 3).double(), [4, 2])))
''',
    ],
    "packed_lstm_state_met_by_the_kernel": [
        SETUP + '''for bi in [False, True]:
    for layers in [1, 2]:
        mod = nn.LSTM(3, 2, bidirectional=bi, num_layers=layers)
        D = layers * (2 if bi else 1)
        print(bi, layers)
        for hs in [(Z(D, 3, 2), Z(D, 3, 2)), (Z(D, 1, 2), Z(D, 1, 2)), (Z(D, 2, 2), Z(D, 3, 2)),
                   (Z(D, 2, 2), Z(D, 1, 2)), (Z(D, 2, 3), Z(D, 2, 2)), (Z(D, 2, 2), Z(D, 2, 3)),
                   (Z(D, 2, 3), Z(D, 2, 3)), (Z(D + 1, 2, 2), Z(D + 1, 2, 2)), (Z(D + 2, 2, 2), Z(D + 2, 2, 2)),
                   (Z(D, 2, 2), Z(D + 1, 2, 2)), (Z(2, 2), Z(D, 2, 2)), (Z(D, 2, 2), Z(2, 2)),
                   (Z(D, 2, 2, 1), Z(D, 2, 2)), (Z(D, 2, 2).double(), Z(D, 2, 2)),
                   (Z(D, 2, 2), Z(D, 2, 2).double()), (Z(D, 2, 2),), (Z(D, 2, 2), Z(D, 2, 2))]:
            attempt(lambda: run(mod, packed(), hs))
        attempt(lambda: run(mod, packed(3, (2, 4), sort=False), (Z(D, 3, 2), Z(D, 3, 2))))
        attempt(lambda: run(mod, packed(3, (2, 4), sort=False), (Z(D, 1, 2), Z(D, 1, 2))))
        attempt(lambda: run(mod, packed(), Z(D, 2, 2)))
        attempt(lambda: run(mod, packed(3, (2, 4), sort=False), Z(D, 2, 2)))
        attempt(lambda: run(mod, packed(3, (2, 4), sort=False), Z(1, 2, 2)))
for mod in [nn.GRU(3, 2), nn.RNN(3, 2)]:
    attempt(lambda: mod(packed(), Z(1, 3, 2)))
    attempt(lambda: mod(packed(), Z(2, 2, 2)))
''',
    ],
    "nmt_encoder_over_packed_sources": [
        '''import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
torch.manual_seed(0)
emb = nn.Embedding(9, 4, padding_idx=0)
encoder = nn.LSTM(4, 3, bidirectional=True)
h_projection = nn.Linear(6, 3, bias=False)
src = torch.tensor([[3, 5, 2], [4, 6, 0], [7, 0, 0]]).t()
X = emb(src)
enc_hiddens, (last_hidden, last_cell) = encoder(pack_padded_sequence(X, [3, 2, 1]),
                                                (torch.zeros(2, 3, 3), torch.ones(2, 3, 3)))
enc_hiddens, lens = pad_packed_sequence(enc_hiddens, batch_first=True)
init = h_projection(torch.cat((last_hidden[0], last_hidden[1]), 1))
print(enc_hiddens.shape, lens, init.grad_fn)
(init.sum() + enc_hiddens.sum()).backward()
print(emb.weight.grad[0], encoder.weight_ih_l0_reverse.grad.abs().sum() > 0)
for hs in [(torch.zeros(2, 4, 3), torch.zeros(2, 4, 3)), (torch.zeros(2, 1, 3), torch.zeros(2, 1, 3)),
           (torch.zeros(1, 3, 3), torch.zeros(1, 3, 3)), (torch.zeros(2, 3, 3), torch.zeros(2, 1, 3))]:
    try:
        out, (h, c) = encoder(pack_padded_sequence(X, [3, 2, 1]), hs)
        print(out.data.shape, h.shape, c.shape, c[:, 0])
    except Exception as e:
        print(type(e).__name__, e)
try:
    encoder(pack_padded_sequence(nn.Embedding(9, 5)(src), [3, 2, 1]))
except Exception as e:
    print(type(e).__name__, e)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe88_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe88/{name}", warns="per_cell")
