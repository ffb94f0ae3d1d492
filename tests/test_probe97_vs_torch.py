"""What the ninety-seventh probe (Edward Raff's "Inside Deep Learning", chapters 1-7: the train_simple_network /
train_network helpers, CNNs with View, RNNs with LastTimeStep, EmbeddingPackable and pad_and_pack, modern optimizers
and schedulers, normalisation and residual blocks, tied-weight and denoising autoencoders) found, each checked
against PyTorch: PackedSequence lacked PyTorch's cpu() (the book's EmbeddingPackable calls input.cpu()), cuda(),
pin_memory() and the dtype conversions half/long/int/short/char/byte, had a detach() PyTorch does not have, and its
to(copy=True) did not fail as PyTorch's does once the data changed; an LSTM with proj_size refused a PackedSequence
(now run as ATen's packed layers with each step's h projected, the states' sizes checked as ATen reads them);
unpad_sequence / unpack_sequence cut each sequence with a slice where PyTorch takes it with a mask (IndexBackward0),
did not transpose a time-major batch in place as PyTorch does, and took a list of lengths or a length count that
does not match."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "packed_sequence_conversions": [
        ATTEMPT + '''from torch.nn.utils.rnn import PackedSequence, pack_sequence, pad_packed_sequence
p = pack_sequence([torch.tensor([1., 2.]), torch.tensor([3.])])
q = pack_sequence([torch.tensor([3.]), torch.tensor([1., 2.], requires_grad=True)], enforce_sorted=False)
for f in [lambda: p.cpu(), lambda: p.cpu() is p, lambda: p.long(), lambda: p.half().data.dtype, lambda: p.cuda(),
          lambda: p.pin_memory(), lambda: p.cpu(torch.float64), lambda: p.byte().data, lambda: p.char().data.dtype,
          lambda: p.int().data.dtype, lambda: p.short().data.dtype,
          lambda: p.cpu(memory_format=torch.preserve_format) is p, lambda: p.cuda(0), lambda: p.is_cuda,
          lambda: p.is_pinned(), lambda: q.cpu(), lambda: q.double(), lambda: q.cpu("cpu", torch.float16),
          lambda: pad_packed_sequence(q.cpu(), batch_first=True), lambda: q.detach(),
          lambda: q.cpu(device="cpu") is q, lambda: q.to("cpu", copy=True) is q, lambda: q.float() is q,
          lambda: q.cpu(torch.int64).data.requires_grad, lambda: p.cpu("cuda")]:
    attempt(f)
''',
    ],
    "book_embedding_packable_cpu": [
        ATTEMPT + '''import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence
torch.manual_seed(0)

class EmbeddingPackable(nn.Module):
    def __init__(self, embd_layer):
        super().__init__()
        self.embd_layer = embd_layer

    def forward(self, input):
        if type(input) == torch.nn.utils.rnn.PackedSequence:
            sequences, lengths = pad_packed_sequence(input.cpu(), batch_first=True)
            sequences = self.embd_layer(sequences.to(input.data.device))
            return pack_padded_sequence(sequences, lengths.to(input.data.device), batch_first=True,
                                        enforce_sorted=False)
        return self.embd_layer(input)

xs = [torch.tensor([1, 2, 3]), torch.tensor([4]), torch.tensor([5, 6])]
packed = pack_padded_sequence(pad_sequence(xs), [3, 1, 2], enforce_sorted=False)
model = nn.Sequential(EmbeddingPackable(nn.Embedding(7, 2)), nn.GRU(2, 3, batch_first=True, bidirectional=True))
out, h_n = model(packed)
print(out.data.grad_fn, h_n)
last = h_n.view(1, 2, 3, -1)[0].permute(1, 0, 2).reshape(3, -1)
last.sum().backward()
print(last, model[0].embd_layer.weight.grad)
attempt(lambda: packed.cpu().is_cuda)
attempt(lambda: packed.cuda())
''',
    ],
    # only packed inputs here: a padded float32 LSTM with projections warns once per process in PyTorch (oneDNN), a
    # warning test_views_hooks_vs_torch checks later in the same process
    "lstm_proj_size_packed": [
        ATTEMPT + '''import torch.nn as nn
from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence
torch.manual_seed(0)
xs = [torch.randn(3, 2), torch.randn(1, 2), torch.randn(2, 2)]
for bidir, layers, bias in [(False, 1, True), (True, 2, True), (False, 2, False), (True, 1, False)]:
    lstm = nn.LSTM(2, 3, proj_size=2, bidirectional=bidir, num_layers=layers, bias=bias)
    packed = pack_sequence([x.clone().requires_grad_() for x in xs], enforce_sorted=False)
    out, (h, c) = lstm(packed)
    print(out.data, out.data.grad_fn, h, c)
    (out.data.sum() + h.sum() * 2 + c.sum()).backward()
    print([p.grad.norm() for p in lstm.parameters()])
lstm = nn.LSTM(2, 3, proj_size=2)
packed = pack_sequence(xs, enforce_sorted=False)
attempt(lambda: lstm(packed, (torch.zeros(1, 3, 2), torch.zeros(1, 3, 3)))[1][0].shape)
attempt(lambda: lstm(packed, (torch.zeros(1, 3, 3), torch.zeros(1, 3, 3))))
attempt(lambda: lstm(packed, (torch.zeros(1, 3, 2), torch.zeros(1, 3, 2))))
attempt(lambda: lstm(packed, (torch.zeros(2, 3, 2), torch.zeros(2, 3, 3))))
attempt(lambda: lstm(packed.double()))
attempt(lambda: nn.LSTM(2, 3)(packed, (torch.zeros(1, 3, 2), torch.zeros(1, 3, 3))))
attempt(lambda: lstm(packed, (torch.zeros(1, 2, 2), torch.zeros(1, 2, 3))))
''',
    ],
    "unpad_and_unpack_sequence": [
        ATTEMPT + '''from torch.nn.utils.rnn import pad_sequence, unpad_sequence, pack_sequence, unpack_sequence
a, b = torch.tensor([1., 2, 3], requires_grad=True), torch.tensor([4., 5], requires_grad=True)
p = pad_sequence([a, b])
print(p.shape)
u = unpad_sequence(p, torch.tensor([3, 2]))
print(u, p.shape, p.grad_fn, p.is_contiguous())
sum(x.sum() for x in u).backward()
print(a.grad, b.grad)
attempt(lambda: unpad_sequence(pad_sequence([a, b]), [3, 2]))
attempt(lambda: unpad_sequence(pad_sequence([a, b]), torch.tensor([3, 2, 1])))
attempt(lambda: unpad_sequence(pad_sequence([a, b]), torch.tensor([3])))
attempt(lambda: unpad_sequence(torch.zeros(3, 2, requires_grad=True), torch.tensor([3, 1])))
attempt(lambda: unpad_sequence(torch.zeros(3, 2), torch.tensor([3, 1]), batch_first=True))
attempt(lambda: unpad_sequence(torch.zeros(2, 3), torch.tensor([5, 1]), batch_first=True))
attempt(lambda: unpad_sequence(torch.zeros(2, 3, 2), torch.tensor([2., 1.5]), batch_first=True))
attempt(lambda: unpack_sequence(pack_sequence([b, a], enforce_sorted=False)))
x = torch.arange(6.).view(3, 2)
print(unpad_sequence(x, torch.tensor([2, 3])), x.shape, x)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe97_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe97/{name}", warns="per_cell")
