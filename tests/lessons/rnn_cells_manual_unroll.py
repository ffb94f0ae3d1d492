# Imitates a "RNN cells under the hood" lesson: RNNCell/GRUCell/LSTMCell unrolled by hand and compared with the
# layer versions, proj_size, bidirectional stacked LSTMs and their h_n layout, the dropout warning, pad/pack utils.
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence, pack_sequence, pad_packed_sequence, unpad_sequence, unpack_sequence

torch.manual_seed(0)
cell = nn.LSTMCell(3, 4)
print(cell, [tuple(p.shape) for p in cell.parameters()])
xs = torch.randn(5, 2, 3)
h = torch.zeros(2, 4); c = torch.zeros(2, 4)
outs = []
for t in range(5):
    h, c = cell(xs[t], (h, c))
    outs.append(h)
print(torch.stack(outs)[-1])
h1, c1 = cell(xs[0])
print(h1.shape, c1.grad_fn)

# %%
lstm = nn.LSTM(3, 4)
lstm.load_state_dict({k + "_l0": v for k, v in cell.state_dict().items()})
out, (hn, cn) = lstm(xs)
print(torch.allclose(out[-1], torch.stack(outs)[-1], atol=1e-6), hn.shape)
g = nn.GRUCell(3, 4)
r = nn.RNNCell(3, 4, nonlinearity="relu")
print(g(xs[0]).shape, r(xs[0], torch.zeros(2, 4)).grad_fn, r)
print(g(xs[0, 0]).shape)

# %%
bi = nn.LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True)
xb = torch.randn(2, 5, 3)
out, (hn, cn) = bi(xb)
print(out.shape, hn.shape)
fwd_last = out[:, -1, :4]
bwd_first = out[:, 0, 4:]
print(torch.allclose(fwd_last, hn[-2]), torch.allclose(bwd_first, hn[-1]))
proj = nn.LSTM(3, 6, proj_size=2, batch_first=True)
o, (hp, cp) = proj(xb)
print(o.shape, hp.shape, cp.shape, [n for n, _ in proj.named_parameters()])

# %%
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    d = nn.GRU(3, 4, num_layers=1, dropout=0.5)
    print([str(x.message) for x in w])
print(d)

# %%
seqs = [torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0]), torch.tensor([5.0, 6.0])]
padded = pad_sequence(seqs, batch_first=True, padding_value=-1)
print(padded)
print(pad_sequence(seqs, batch_first=True, padding_side="left"))
lengths = torch.tensor([3, 1, 2])
print(unpad_sequence(padded, lengths, batch_first=True))
packed = pack_sequence(seqs, enforce_sorted=False)
print(packed)
print(unpack_sequence(packed))

# %%
rnn = nn.GRU(1, 2, batch_first=True)
packed = pack_sequence([s.unsqueeze(-1) for s in seqs], enforce_sorted=False)
po, hn = rnn(packed)
unpacked, lens = pad_packed_sequence(po, batch_first=True)
print(unpacked.shape, lens, hn.shape)
print(torch.allclose(hn[0, 1], unpacked[1, 0]))
try:
    pack_sequence(seqs)
except RuntimeError as e:
    print(e)
