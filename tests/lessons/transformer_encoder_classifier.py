# Imitates PyTorch's "Language Modeling with nn.Transformer" tutorial (PositionalEncoding, TransformerModel built
# from nn.TransformerEncoderLayer / nn.TransformerEncoder, a causal src mask, init_weights) and the usual
# "classify a sequence with a Transformer encoder" exercise, on random token sequences.
import math

import torch
from torch import nn, Tensor
import torch.nn.functional as F

torch.manual_seed(0)


# %%
class PositionalEncoding(nn.Module):

    def __init__(self, d_model: int, dropout: float = 0.1, max_len: int = 5000):
        super().__init__()
        self.dropout = nn.Dropout(p=dropout)

        position = torch.arange(max_len).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, 1, d_model)
        pe[:, 0, 0::2] = torch.sin(position * div_term)
        pe[:, 0, 1::2] = torch.cos(position * div_term)
        self.register_buffer('pe', pe)

    def forward(self, x: Tensor) -> Tensor:
        """
        Arguments:
            x: Tensor, shape ``[seq_len, batch_size, embedding_dim]``
        """
        x = x + self.pe[:x.size(0)]
        return self.dropout(x)


class TransformerModel(nn.Module):

    def __init__(self, ntoken: int, d_model: int, nhead: int, d_hid: int,
                 nlayers: int, dropout: float = 0.5):
        super().__init__()
        self.model_type = 'Transformer'
        self.pos_encoder = PositionalEncoding(d_model, dropout)
        encoder_layers = nn.TransformerEncoderLayer(d_model, nhead, d_hid, dropout)
        self.transformer_encoder = nn.TransformerEncoder(encoder_layers, nlayers)
        self.embedding = nn.Embedding(ntoken, d_model)
        self.d_model = d_model
        self.linear = nn.Linear(d_model, ntoken)

        self.init_weights()

    def init_weights(self) -> None:
        initrange = 0.1
        self.embedding.weight.data.uniform_(-initrange, initrange)
        self.linear.bias.data.zero_()
        self.linear.weight.data.uniform_(-initrange, initrange)

    def forward(self, src: Tensor, src_mask: Tensor = None) -> Tensor:
        src = self.embedding(src) * math.sqrt(self.d_model)
        src = self.pos_encoder(src)
        if src_mask is None:
            src_mask = nn.Transformer.generate_square_subsequent_mask(len(src))
        output = self.transformer_encoder(src, src_mask)
        output = self.linear(output)
        return output


# %%
ntokens = 12
emsize = 16
d_hid = 32
nlayers = 2
nhead = 2
dropout = 0.2
model = TransformerModel(ntokens, emsize, nhead, d_hid, nlayers, dropout)
print(model)
print(sum(p.numel() for p in model.parameters()))
print(model.pos_encoder.pe[:3, 0, :6])

# %%
bptt = 6
data = torch.randint(0, ntokens, (40,))
def batchify(data: Tensor, bsz: int) -> Tensor:
    seq_len = data.size(0) // bsz
    data = data[:seq_len * bsz]
    data = data.view(bsz, seq_len).t().contiguous()
    return data
train_data = batchify(data, 4)
print(train_data.shape)
def get_batch(source: Tensor, i: int):
    seq_len = min(bptt, len(source) - 1 - i)
    data = source[i:i+seq_len]
    target = source[i+1:i+1+seq_len].reshape(-1)
    return data, target

# %%
criterion = nn.CrossEntropyLoss()
lr = 5.0
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1.0, gamma=0.95)
model.train()
for epoch in range(1, 3):
    total_loss = 0.
    for batch, i in enumerate(range(0, train_data.size(0) - 1, bptt)):
        data, targets = get_batch(train_data, i)
        output = model(data)
        output_flat = output.view(-1, ntokens)
        loss = criterion(output_flat, targets)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5)
        optimizer.step()
        total_loss += loss.item()
    scheduler.step()
    print(f'| epoch {epoch:3d} | lr {scheduler.get_last_lr()[0]:02.2f} | loss {total_loss / (batch + 1):5.2f}')
print(output.grad_fn, loss.grad_fn)

# %%
model.eval()
with torch.no_grad():
    data, targets = get_batch(train_data, 0)
    output = model(data)
    print(output.shape, output[0, 0, :4])
    print(criterion(output.view(-1, ntokens), targets))


# %%
# Sequence classification: attention weights, padding masks and a [CLS]-style mean over the sequence
class Classifier(nn.Module):
    def __init__(self, vocab, d_model=16, nhead=4, nclass=3):
        super().__init__()
        self.emb = nn.Embedding(vocab, d_model, padding_idx=0)
        layer = nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=32, dropout=0.1, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=1)
        self.head = nn.Linear(d_model, nclass)

    def forward(self, tokens):
        pad = tokens == 0
        h = self.encoder(self.emb(tokens), src_key_padding_mask=pad)
        h = h.masked_fill(pad.unsqueeze(-1), 0.0)
        return self.head(h.sum(1) / (~pad).sum(1, keepdim=True))


torch.manual_seed(1)
clf = Classifier(10)
tokens = torch.randint(1, 10, (8, 7))
tokens[:4, 5:] = 0
labels = tokens[:, 0] % 3
opt = torch.optim.Adam(clf.parameters(), lr=0.01)
for step in range(15):
    opt.zero_grad()
    loss = F.cross_entropy(clf(tokens), labels)
    loss.backward()
    opt.step()
    if step % 5 == 4:
        print(step, round(loss.item(), 4))

# %%
clf.eval()
with torch.no_grad():
    print(clf(tokens).argmax(1), labels)
    attn = clf.encoder.layers[0].self_attn
    _, weights = attn(clf.emb(tokens), clf.emb(tokens), clf.emb(tokens), key_padding_mask=tokens == 0)
    print(weights.shape, weights[0].sum(-1))
    print(weights[0, 0])
