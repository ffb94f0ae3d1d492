# Imitates the text classification lessons that batch variable-length sentences two ways (the torchtext-free
# "text classification from scratch" posts, the NLP course notebooks): a Counter vocabulary with <pad>/<unk>,
# nn.EmbeddingBag with offsets (sum, mean, max, per_sample_weights, padding_idx), then the same sentences padded
# with pad_sequence and packed with pack_padded_sequence through an LSTM and a bidirectional GRU, with the
# mistakes: lengths as a tensor of the wrong kind, unsorted lengths with enforce_sorted=True, a zero length.
import collections
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence, pack_sequence

torch.manual_seed(0)

# %%
texts = ["good movie", "bad plot and bad acting", "great fun", "boring", "a good and fun movie"]
labels = torch.tensor([1, 0, 1, 0, 1])
counter = collections.Counter(tok for t in texts for tok in t.split())
itos = ["<pad>", "<unk>"] + sorted(counter, key=lambda w: (-counter[w], w))
stoi = {w: i for i, w in enumerate(itos)}
encode = lambda s: [stoi.get(w, stoi["<unk>"]) for w in s.split()]
print(itos[:6], len(itos))
print(encode("a terrible movie"))

# %%
seqs = [torch.tensor(encode(t)) for t in texts]
flat = torch.cat(seqs)
offsets = torch.tensor([0] + [len(s) for s in seqs[:-1]]).cumsum(dim=0)
print(flat)
print(offsets, offsets.dtype)

# %%
bag = nn.EmbeddingBag(len(itos), 4, mode="mean")
print(bag)
out = bag(flat, offsets)
print(out.shape, out.grad_fn)
print(torch.allclose(out[3], bag.weight[stoi["boring"]]))

# %%
bag_sum = nn.EmbeddingBag(len(itos), 3, mode="sum", padding_idx=0)
print(bag_sum)
weights = torch.rand(len(flat))
print(bag_sum(flat, offsets, per_sample_weights=weights))

# %%
bag_max = nn.EmbeddingBag(len(itos), 3, mode="max")
bag_max(flat, offsets, per_sample_weights=weights)

# %%
bag(flat, offsets[1:])

# %%
bag(flat.view(1, -1), offsets)

# %%
bag(flat, torch.tensor([0, 2, 30]))

# %%
bag(flat.float(), offsets)


# %%
class BagClassifier(nn.Module):
    def __init__(self, vocab_size, dim, n_classes):
        super().__init__()
        self.bag = nn.EmbeddingBag(vocab_size, dim, mode="mean")
        self.fc = nn.Linear(dim, n_classes)

    def forward(self, text, offsets):
        return self.fc(self.bag(text, offsets))


clf = BagClassifier(len(itos), 6, 2)
opt = torch.optim.SGD(clf.parameters(), lr=0.5)
for epoch in range(4):
    opt.zero_grad()
    loss = F.cross_entropy(clf(flat, offsets), labels)
    loss.backward()
    opt.step()
    print(epoch, round(loss.item(), 4))
print(clf.bag.weight.grad[:3])

# %%
padded = pad_sequence(seqs, batch_first=True, padding_value=stoi["<pad>"])
lengths = torch.tensor([len(s) for s in seqs])
print(padded)
print(pad_sequence(seqs).shape, pad_sequence(seqs, padding_side="left")[:, 0])

# %%
emb = nn.Embedding(len(itos), 4, padding_idx=0)
packed = pack_padded_sequence(emb(padded), lengths, batch_first=True)

# %%
packed = pack_padded_sequence(emb(padded), lengths, batch_first=True, enforce_sorted=False)
print(packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices)
print(type(packed).__name__, packed.data.shape, packed.is_cuda)

# %%
pack_padded_sequence(emb(padded), lengths.float(), batch_first=True, enforce_sorted=False)

# %%
pack_padded_sequence(emb(padded), lengths.view(1, -1), batch_first=True, enforce_sorted=False)

# %%
pack_padded_sequence(emb(padded), [5, 2, 0, 1, 3], batch_first=True, enforce_sorted=False)

# %%
pack_padded_sequence(emb(padded), lengths.tolist()[:3], batch_first=True, enforce_sorted=False)

# %%
small = pack_sequence([torch.tensor([1, 2, 3]), torch.tensor([4, 5])])
small

# %%
small.to(torch.float64)

# %%
lstm = nn.LSTM(4, 5, batch_first=True)
out, (h, c) = lstm(packed)
print(type(out).__name__, out.data.shape, h.shape, c.shape)
unpacked, out_lengths = pad_packed_sequence(out, batch_first=True)
print(unpacked.shape, out_lengths)
print(unpacked[1])
print(torch.allclose(unpacked[1, lengths[1] - 1], h[0, 1]))

# %%
padded_out, _ = pad_packed_sequence(out, batch_first=True, total_length=8)
print(padded_out.shape)
pad_packed_sequence(out, batch_first=True, total_length=3)

# %%
gru = nn.GRU(4, 3, num_layers=2, bidirectional=True)
out, h_n = gru(pack_padded_sequence(emb(padded).transpose(0, 1), lengths, enforce_sorted=False))
print(h_n.shape)
final = torch.cat([h_n[-2], h_n[-1]], dim=1)
print(final)
seq_out, seq_len = pad_packed_sequence(out)
print(seq_out.shape, seq_len)
print(seq_out[0, :, 3:].sub(h_n[-1]).abs().max())

# %%
h0 = torch.zeros(2, 5, 3)
gru(pack_padded_sequence(emb(padded), lengths, batch_first=True, enforce_sorted=False), h0)
