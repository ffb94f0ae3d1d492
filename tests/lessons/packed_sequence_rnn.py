# Imitates the "padding and packing variable-length sequences" lessons (PyTorch forum answers, the NLP tutorials'
# batching of names of different lengths): pad_sequence, pack_padded_sequence with enforce_sorted=False, an
# LSTM/GRU classifier over the packed batch, pad_packed_sequence back, and orthogonal init of recurrent weights.
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence, pack_sequence

torch.manual_seed(0)

# %%
names = ["anna", "bob", "christopher", "di", "eve", "frederick"]
labels = torch.tensor([0, 1, 0, 1, 1, 0])
chars = sorted(set("".join(names)))
char_to_ix = {c: i + 1 for i, c in enumerate(chars)}  # 0 is the padding index
seqs = [torch.tensor([char_to_ix[c] for c in name]) for name in names]
lengths = torch.tensor([len(s) for s in seqs])
padded = pad_sequence(seqs, batch_first=True)
print(padded)
print(lengths)

# %%
embedding = nn.Embedding(len(chars) + 1, 4, padding_idx=0)
packed = pack_padded_sequence(embedding(padded), lengths, batch_first=True, enforce_sorted=False)
print(packed.batch_sizes)
print(packed.sorted_indices, packed.unsorted_indices)
print(packed.data.shape, packed.data.grad_fn)

# %%
toy = pack_sequence([torch.tensor([1., 2., 3.]), torch.tensor([4., 5.]), torch.tensor([6.])])
print(toy)
print(pad_packed_sequence(toy, batch_first=True))


# %%
class NameClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_classes):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(2 * hidden_dim, num_classes)
        for name, param in self.lstm.named_parameters():
            if "weight_hh" in name:
                nn.init.orthogonal_(param)
            elif "bias" in name:
                nn.init.zeros_(param)

    def forward(self, x, lengths):
        embedded = self.embedding(x)
        packed = pack_padded_sequence(embedded, lengths, batch_first=True, enforce_sorted=False)
        packed_out, (hidden, cell) = self.lstm(packed)
        hidden = torch.cat([hidden[-2], hidden[-1]], dim=1)
        return self.fc(hidden), packed_out


model = NameClassifier(len(chars) + 1, 8, 6, 2)
print(model)
print(model.lstm.weight_hh_l0[:2])
logits, packed_out = model(padded, lengths)
print(logits.grad_fn, type(packed_out).__name__)
output, out_lengths = pad_packed_sequence(packed_out, batch_first=True)
print(output.shape, out_lengths)
print(output[3, :3, :4])

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
criterion = nn.CrossEntropyLoss()
for epoch in range(10):
    optimizer.zero_grad()
    logits, _ = model(padded, lengths)
    loss = criterion(logits, labels)
    loss.backward()
    optimizer.step()
    if epoch % 3 == 2:
        print(f"epoch {epoch + 1}: loss {loss.item():.4f}")
print(logits.argmax(1), labels)

# %%
gru = nn.GRU(4, 3, num_layers=2)
h0 = torch.zeros(2, len(names), 3)
out, h_n = gru(pack_padded_sequence(embedding(padded).transpose(0, 1), lengths, enforce_sorted=False), h0)
print(h_n.shape, h_n.grad_fn)
unpacked, _ = pad_packed_sequence(out, total_length=12)
print(unpacked.shape, unpacked[-1].abs().sum())
