# Imitates the Examples blocks of the PyTorch documentation pages for torch.nn.utils.parameters_to_vector /
# vector_to_parameters, clip_grad_value_ and torch.nn.utils.rnn.pad_sequence (batch_first, padding_value,
# padding_side='left'), pack_sequence / unpack_sequence, pad_packed_sequence and unpad_sequence, typed in by a learner
# with seeded randn: the vectors, the packed batches, gradients through them and the errors for bad arguments.
import torch
import torch.nn as nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters, clip_grad_value_
from torch.nn.utils.rnn import (pad_sequence, pack_sequence, unpack_sequence, unpad_sequence,
                                pack_padded_sequence, pad_packed_sequence)

torch.manual_seed(0)

# %%
model = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
vec = parameters_to_vector(model.parameters())
print(vec.shape, vec.requires_grad, vec.grad_fn.name())
print(sum(p.numel() for p in model.parameters()))
new = torch.arange(vec.numel(), dtype=torch.float32)
vector_to_parameters(new, model.parameters())
print(model[0].weight, model[0].bias, model[2].weight)
print(parameters_to_vector(model.parameters()))
print(model[0].weight.requires_grad, model[0].weight.grad_fn)

# %%
w = nn.Parameter(torch.ones(2, 2))
b = nn.Parameter(torch.zeros(2))
v = parameters_to_vector([w, b])
(v * torch.arange(6.0)).sum().backward()
print(w.grad, b.grad)
for make in [lambda: vector_to_parameters(torch.ones(2, 3), [w, b]),
             lambda: vector_to_parameters([1.0, 2.0], [w, b]),
             lambda: parameters_to_vector([w, torch.ones(2, dtype=torch.float64)]),
             lambda: vector_to_parameters(torch.ones(4), [w, b])]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
vector_to_parameters(torch.arange(7.0), [w, b])
print(w, b)

# %%
model = nn.Linear(4, 2)
x = torch.randn(8, 4) * 10
loss = model(x).pow(2).sum()
loss.backward()
print(model.weight.grad)
print(clip_grad_value_(model.parameters(), clip_value=1.0))
print(model.weight.grad, model.bias.grad)
w = torch.tensor([3.0, -0.5, -7.0], requires_grad=True)
w.grad = torch.tensor([3.0, -0.5, -7.0])
clip_grad_value_(w, 0.5)
print(w.grad)
clip_grad_value_([w], clip_value=0.1, foreach=False)
print(w.grad)
print(clip_grad_value_([nn.Parameter(torch.ones(2))], 1.0))

# %%
a = torch.ones(25, 300)
b = torch.ones(22, 300)
c = torch.ones(15, 300)
print(pad_sequence([a, b, c]).size())
print(pad_sequence([a, b, c], batch_first=True).size())
seqs = [torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, 5.0]), torch.tensor([6.0])]
print(pad_sequence(seqs))
print(pad_sequence(seqs, batch_first=True, padding_value=-1))
print(pad_sequence(seqs, batch_first=True, padding_side="left"))
print(pad_sequence(seqs, padding_side="left", padding_value=9.0))
print(pad_sequence([torch.ones(2, 2), torch.zeros(1, 2)], batch_first=True, padding_side="left"))

# %%
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5])
c = torch.tensor([6])
packed = pack_sequence([a, b, c])
print(packed)
print(packed.data, packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices)
print(unpack_sequence(packed))
try:
    pack_sequence([b, a, c])
except Exception as e:
    print(type(e).__name__, e)
p2 = pack_sequence([b, a, c], enforce_sorted=False)
print(p2)
print(unpack_sequence(p2))

# %%
a = torch.ones(25, 300)
b = torch.ones(22, 300)
c = torch.ones(15, 300)
sequences = [a, b, c]
padded_sequences = pad_sequence(sequences)
lengths = torch.as_tensor([v.size(0) for v in sequences])
unpadded_sequences = unpad_sequence(padded_sequences, lengths)
print([u.shape for u in unpadded_sequences])
print(torch.allclose(sequences[0], unpadded_sequences[0]), torch.allclose(sequences[1], unpadded_sequences[1]))
x = torch.tensor([[1, 2, 0], [3, 0, 0]])
print(unpad_sequence(x, torch.tensor([3, 1]), batch_first=True))

# %%
seq = torch.tensor([[1, 2, 0], [3, 0, 0], [4, 5, 6]])
lens = [2, 1, 3]
packed = pack_padded_sequence(seq, lens, batch_first=True, enforce_sorted=False)
print(packed)
seq_unpacked, lens_unpacked = pad_packed_sequence(packed, batch_first=True)
print(seq_unpacked)
print(lens_unpacked)
print(pad_packed_sequence(packed, batch_first=True, padding_value=-1, total_length=4)[0])

# %%
xs = [torch.randn(3, 2, requires_grad=True), torch.randn(2, 2, requires_grad=True)]
rnn = nn.GRU(2, 3, batch_first=True)
out, h = rnn(pack_sequence(xs))
print(type(out).__name__, out.data.shape, h.shape)
padded, lengths = pad_packed_sequence(out, batch_first=True)
print(padded.shape, lengths)
padded.sum().backward()
print(xs[1].grad.shape, xs[0].grad.abs().sum() > 0)
p = pad_sequence(xs, batch_first=True, padding_side="left")
print(p.grad_fn.name() if p.grad_fn else None, p.shape)

# %%
for make in [lambda: pad_sequence(seqs, padding_side="middle"),
             lambda: pad_sequence([]),
             lambda: pad_sequence([torch.ones(2, 3), torch.ones(2, 4)]),
             lambda: pad_sequence(torch.ones(2, 3)),
             lambda: pack_sequence([]),
             lambda: pack_sequence([torch.tensor([1]), torch.tensor([])]),
             lambda: unpad_sequence(torch.ones(3, 2), torch.tensor([4, 1])),
             lambda: pad_packed_sequence(pack_sequence([torch.ones(3)]), total_length=2),
             lambda: pack_padded_sequence(torch.ones(3, 2), [1, 3]),
             lambda: pack_padded_sequence(torch.ones(3, 2), [3, 0]),
             lambda: clip_grad_value_(nn.Linear(1, 1).parameters(), clip_value=-1.0)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
