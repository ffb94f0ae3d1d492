# Imitates Edward Raff's "Inside Deep Learning" (Manning; repo EdwardRaff/Inside-Deep-Learning), chapter 4
# (recurrent networks) at tiny sizes on synthetic "names": a LanguageNameDataset-like Dataset of character indices,
# the LastTimeStep module that reads h_n (or (h_n, c_n)) as view(rnn_layers, directions, batch, -1) and keeps the last
# layer, EmbeddingPackable that embeds a PackedSequence (via pad_packed_sequence / pack_padded_sequence with
# enforce_sorted=False, and by rebuilding PackedSequence from the embedded .data), the pad_and_pack collate function
# with pad_sequence, and nn.RNN / nn.GRU / nn.LSTM classifiers (batch_first, bidirectional, 2 layers).
import numpy as np
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence, PackedSequence
from torch.utils.data import Dataset, DataLoader

torch.manual_seed(4)
np.random.seed(4)

class LastTimeStep(nn.Module):
    def __init__(self, rnn_layers=1, bidirectional=False):
        super(LastTimeStep, self).__init__()
        self.rnn_layers = rnn_layers
        self.num_directions = 2 if bidirectional else 1

    def forward(self, input):
        rnn_output = input[0]
        last_step = input[1]
        if type(last_step) == tuple:
            last_step = last_step[0]
        batch_size = last_step.shape[1]
        last_step = last_step.view(self.rnn_layers, self.num_directions, batch_size, -1)
        last_step = last_step[self.rnn_layers - 1]
        last_step = last_step.permute(1, 0, 2)
        return last_step.reshape(batch_size, -1)

class EmbeddingPackable(nn.Module):
    def __init__(self, embd_layer):
        super(EmbeddingPackable, self).__init__()
        self.embd_layer = embd_layer

    def forward(self, input):
        if type(input) == torch.nn.utils.rnn.PackedSequence:
            sequences, lengths = pad_packed_sequence(input.cpu(), batch_first=True)
            sequences = self.embd_layer(sequences.to(input.data.device))
            return pack_padded_sequence(sequences, lengths.to(input.data.device), batch_first=True,
                                        enforce_sorted=False)
        else:
            return self.embd_layer(input)

class EmbeddingPackableData(nn.Module):
    """The other way the chapter shows: embed the packed .data and rebuild the PackedSequence."""
    def __init__(self, embd_layer):
        super().__init__()
        self.embd_layer = embd_layer

    def forward(self, input):
        if isinstance(input, PackedSequence):
            return PackedSequence(self.embd_layer(input.data), input.batch_sizes, input.sorted_indices,
                                  input.unsorted_indices)
        return self.embd_layer(input)

vocab = "abcdefghij"
names = ["abc", "dj", "aeibgh", "b", "hhij", "cab", "jjjjj", "ed"]
langs = [0, 1, 2, 0, 1, 2, 1, 0]

class LanguageNameDataset(Dataset):
    def __init__(self, names, langs):
        self.data = names
        self.labels = langs
        self.vocabulary = {c: i for i, c in enumerate(vocab)}

    def __len__(self):
        return len(self.data)

    def string2InputVec(self, input_string):
        T = len(input_string)
        name_vec = torch.zeros((T), dtype=torch.long)
        for pos, character in enumerate(input_string):
            name_vec[pos] = self.vocabulary[character]
        return name_vec

    def __getitem__(self, idx):
        name = self.data[idx]
        label = self.labels[idx]
        label_vec = torch.tensor([label], dtype=torch.long)
        return self.string2InputVec(name), label

dataset = LanguageNameDataset(names, langs)
print(dataset[0], dataset[2][0].shape, dataset[2][0].dtype)

# %%
def pad_and_pack(batch):
    input_tensors = []
    labels = []
    lengths = []
    for x, y in batch:
        input_tensors.append(x)
        labels.append(y)
        lengths.append(x.shape[0])
    x_padded = pad_sequence(input_tensors, batch_first=False)
    x_packed = pack_padded_sequence(x_padded, lengths, batch_first=False, enforce_sorted=False)
    y_batched = torch.as_tensor(labels, dtype=torch.long)
    return x_packed, y_batched

x_packed, yb = pad_and_pack([dataset[i] for i in range(4)])
print(type(x_packed).__name__, x_packed.data, x_packed.batch_sizes)
print(x_packed.sorted_indices, x_packed.unsorted_indices, yb)
padded, lengths = pad_packed_sequence(x_packed)
print(padded.shape, padded.t(), lengths, lengths.dtype)
padded_bf, lengths_bf = pad_packed_sequence(x_packed, batch_first=True, padding_value=-1, total_length=7)
print(padded_bf, lengths_bf)
print(pad_sequence([dataset[1][0], dataset[0][0]], batch_first=True, padding_value=9))
try:
    pad_packed_sequence(x_packed, total_length=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    pack_padded_sequence(padded, lengths)
except Exception as e:
    print(type(e).__name__, e)

# %%
emb = nn.Embedding(len(vocab), 3)
ep = EmbeddingPackable(emb)
ep2 = EmbeddingPackableData(emb)
e1 = ep(x_packed)
e2 = ep2(x_packed)
print(type(e1).__name__, e1.data.shape, e1.batch_sizes, e1.sorted_indices)
print(torch.allclose(e1.data, e2.data), e2.data.grad_fn is not None, e1.data.grad_fn is not None)
print(ep(torch.tensor([[0, 1], [2, 3]])).shape)
rnn = nn.RNN(3, 5, batch_first=True)
out, h_n = rnn(e1)
print(type(out).__name__, out.data.shape, h_n.shape)
last = LastTimeStep()((out, h_n))
print(last.shape)
out_pad, out_len = pad_packed_sequence(out, batch_first=True)
manual = torch.stack([out_pad[i, out_len[i] - 1] for i in range(len(out_len))])
print(torch.allclose(manual, last), out_len)
last.sum().backward()
print(emb.weight.grad.shape, (emb.weight.grad != 0).any(dim=1))

# %%
def make_model(rnn_cls, layers, bidir):
    D, hidden, classes = 4, 6, 3
    return nn.Sequential(
        EmbeddingPackable(nn.Embedding(len(vocab), D)),
        rnn_cls(D, hidden, num_layers=layers, batch_first=True, bidirectional=bidir),
        LastTimeStep(rnn_layers=layers, bidirectional=bidir),
        nn.Linear(hidden * (2 if bidir else 1), classes),
    )

loader = DataLoader(dataset, batch_size=4, shuffle=True, collate_fn=pad_and_pack)
for rnn_cls, layers, bidir in [(nn.RNN, 1, False), (nn.GRU, 2, True), (nn.LSTM, 2, True), (nn.LSTM, 1, False)]:
    model = make_model(rnn_cls, layers, bidir)
    opt = torch.optim.AdamW(model.parameters(), lr=0.01)
    losses = []
    for epoch in range(2):
        for xb, yb in loader:
            loss = nn.functional.cross_entropy(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
    print(rnn_cls.__name__, layers, bidir, len(losses), round(float(np.mean(losses)), 4),
          sum(p.numel() for p in model.parameters()))

# %%
lstm = nn.LSTM(4, 3, num_layers=2, bidirectional=True, batch_first=True)
xs = torch.randn(5, 7, 4)
out, (h, c) = lstm(xs)
print(out.shape, h.shape, c.shape)
lts = LastTimeStep(rnn_layers=2, bidirectional=True)
r = lts((out, (h, c)))
print(r.shape, torch.allclose(r[:, :3], out[:, -1, :3]), torch.allclose(r[:, 3:], out[:, 0, 3:]))
print(h.view(2, 2, 5, -1)[1].is_contiguous(), h.view(2, 2, 5, -1)[1].permute(1, 0, 2).is_contiguous())
try:
    h.view(2, 2, 5, -1)[1].permute(1, 0, 2).view(5, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    LastTimeStep(rnn_layers=3)((out, h))
except Exception as e:
    print(type(e).__name__, e)
try:
    lstm(torch.randn(5, 7, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.GRU(4, 3)(xs, torch.zeros(2, 7, 3))
except Exception as e:
    print(type(e).__name__, e)
