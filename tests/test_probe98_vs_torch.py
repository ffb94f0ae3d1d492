"""What the ninety-eighth probe (Korean NLP and sequence lessons: wikidocs 'PyTorch로 시작하는 딥 러닝 입문' embeddings,
word- and char-level RNNs, LSTM sentiment on padded batches, TextCNN, BiLSTM taggers, SGNS word2vec, and 'Deep
Learning Zero To All' lab 11 time series and GRU seq2seq) found, each checked against PyTorch: an LSTM with
projections (proj_size) given a PackedSequence ran nowhere (NotImplementedError) where PyTorch runs it (each packed
step's h projected by weight_hr, h_n with proj_size features, c_n with hidden_size), and a packed LSTM's state
whose sizes disagree with the module's weights now fails as ATen's gather_params / pair_vec / apply_layer_stack
fail: the weights are grouped by what the states' sizes say (h and c of different widths: projections), so the
message is "got an incorrect number of RNN parameters", "Odd number of params or hiddens given to a bidirectional
RNN", "Expected more hidden states in stacked_rnn" or "Expected more weights in stacked_rnn" depending on the
counts, the states checked before the weights."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pack_sequence
torch.manual_seed(0)
x = torch.randn(3, 4, 2, requires_grad=True)
lengths = torch.tensor([2, 4, 1])
packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
'''

CELLS = {
    "packed_lstm_with_projections": [
        SETUP + '''l = nn.LSTM(2, 4, proj_size=2, batch_first=True, num_layers=2, bidirectional=True)
po, (h, c) = l(packed)
print(po.data.shape, po.batch_sizes, h.shape, c.shape)
print(po.data, h, c)
out, lens = pad_packed_sequence(po, batch_first=True)
(out.sum() + h.pow(2).sum() + c.sum()).backward()
print(x.grad)
print(l.weight_hr_l0.grad, l.weight_hr_l1_reverse.grad, l.weight_hh_l1.grad.shape)
print(po.data.grad_fn, h.grad_fn, c.grad_fn)
''',
        '''h0, c0 = torch.randn(4, 3, 2), torch.randn(4, 3, 4)
po, (h, c) = l(packed, (h0, c0))
print(h, c[:, 0])
one = nn.LSTM(2, 5, proj_size=3)
seq = pack_sequence([torch.ones(3, 2), torch.ones(2, 2), torch.zeros(1, 2)])
po, (h, c) = one(seq)
print(po.data, h.shape, c.shape)
po.data.sum().backward()
print(one.weight_hr_l0.grad)
''',
    ],
    "packed_lstm_state_sizes_errors": [
        SETUP + '''for layers, bi, bias, proj in [(1, False, True, 0), (1, False, True, 2), (2, True, True, 0),
                                (2, True, True, 2), (2, False, False, 2), (4, False, True, 0), (4, True, False, 0),
                                (5, False, True, 0), (5, True, True, 2)]:
    d = 2 if bi else 1
    l = nn.LSTM(2, 4, num_layers=layers, bidirectional=bi, bias=bias, proj_size=proj)
    print(layers, bi, bias, proj)
    for n, hs in [(layers * d, 4), (layers * d, 2), (layers * d + 1, 2), (layers * d + 2, 4)]:
        attempt(lambda: l(packed, (torch.zeros(n, 3, hs), torch.zeros(n, 3, 4)))[1][0].shape)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe98_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe98/{name}", warns="per_cell")
