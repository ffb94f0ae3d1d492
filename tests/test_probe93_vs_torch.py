"""What the ninety-third probe (Neuromatch Academy's Deep Learning tutorials: PyTorch basics, linear deep learning,
MLPs, regularization, convnets, modern RNNs, attention, generative models) found, each checked against PyTorch:
pack_padded_sequence does not check lengths against the padded input's number of steps (ATen's slices stop at the
input's end): it returns the rows that exist with batch_sizes counted from the lengths, where the engine raised an
error of its own; pad_packed_sequence and the RNN modules then fail on the short data with PyTorch's errors, and the
backward of the packing fails as ATen's does (select() past the last step)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
torch.manual_seed(0)
x = torch.arange(12.).reshape(3, 2, 2)
'''

CELLS = {
    "lengths_beyond_the_padded_steps": [
        SETUP + '''for lengths, batch_first, enforce_sorted in [([4, 2, 1], True, True), ([3, 1, 1], True, True),
                                               ([5, 1, 1], True, True), ([2, 4, 1], True, False),
                                               ([4, 3], False, True)]:
    packed = pack_padded_sequence(x, lengths, batch_first=batch_first, enforce_sorted=enforce_sorted)
    print(packed)
    attempt(lambda: pad_packed_sequence(packed, batch_first=batch_first))
''',
        SETUP + '''w = x.clone().requires_grad_(True)
packed = pack_padded_sequence(w, torch.tensor([3, 2, 1]), batch_first=True)
print(packed.data.grad_fn.name(), packed.data.shape)
for rnn in [torch.nn.LSTM(2, 3, batch_first=True), torch.nn.GRU(2, 3, batch_first=True)]:
    attempt(lambda: rnn(packed)[0].data.shape)
attempt(lambda: packed.data.sum().backward())
print(w.grad)
packed = pack_padded_sequence(w.transpose(0, 1), [3, 3, 1])
attempt(lambda: packed.data.sum().backward())
ok = pack_padded_sequence(w, [2, 2, 1], batch_first=True)
ok.data.sum().backward()
print(w.grad)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe93_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe93/{name}", warns="per_cell")
