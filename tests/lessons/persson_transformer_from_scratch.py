# Imitates Aladdin Persson's Machine-Learning-Collection "Transformer from scratch" (ML/Pytorch/more_advanced/
# transformer_from_scratch/transformer_from_scratch.py: SelfAttention with torch.einsum("nqhd,nkhd->nhqk"),
# masked_fill(mask == 0, float("-1e20")), TransformerBlock, Encoder, DecoderBlock, Decoder, Transformer with
# make_src_mask / make_trg_mask via torch.tril(...).expand) at a tiny size, and a learner's shape slips.
import torch
import torch.nn as nn
torch.manual_seed(0)

class SelfAttention(nn.Module):
    def __init__(self, embed_size, heads):
        super(SelfAttention, self).__init__()
        self.embed_size = embed_size
        self.heads = heads
        self.head_dim = embed_size // heads
        assert (self.head_dim * heads == embed_size), "Embedding size needs to be divisible by heads"
        self.values = nn.Linear(embed_size, embed_size)
        self.keys = nn.Linear(embed_size, embed_size)
        self.queries = nn.Linear(embed_size, embed_size)
        self.fc_out = nn.Linear(embed_size, embed_size)

    def forward(self, values, keys, query, mask):
        N = query.shape[0]
        value_len, key_len, query_len = values.shape[1], keys.shape[1], query.shape[1]
        values = self.values(values)
        keys = self.keys(keys)
        queries = self.queries(query)
        values = values.reshape(N, value_len, self.heads, self.head_dim)
        keys = keys.reshape(N, key_len, self.heads, self.head_dim)
        queries = queries.reshape(N, query_len, self.heads, self.head_dim)
        energy = torch.einsum("nqhd,nkhd->nhqk", [queries, keys])
        if mask is not None:
            energy = energy.masked_fill(mask == 0, float("-1e20"))
        attention = torch.softmax(energy / (self.embed_size ** (1 / 2)), dim=3)
        out = torch.einsum("nhql,nlhd->nqhd", [attention, values]).reshape(N, query_len, self.heads * self.head_dim)
        return self.fc_out(out)

class TransformerBlock(nn.Module):
    def __init__(self, embed_size, heads, dropout, forward_expansion):
        super(TransformerBlock, self).__init__()
        self.attention = SelfAttention(embed_size, heads)
        self.norm1 = nn.LayerNorm(embed_size)
        self.norm2 = nn.LayerNorm(embed_size)
        self.feed_forward = nn.Sequential(nn.Linear(embed_size, forward_expansion * embed_size), nn.ReLU(),
                                          nn.Linear(forward_expansion * embed_size, embed_size))
        self.dropout = nn.Dropout(dropout)

    def forward(self, value, key, query, mask):
        attention = self.attention(value, key, query, mask)
        x = self.dropout(self.norm1(attention + query))
        forward = self.feed_forward(x)
        return self.dropout(self.norm2(forward + x))

# %%
att = SelfAttention(8, 2)
q = torch.randn(2, 3, 8)
mask = torch.tril(torch.ones(3, 3)).expand(2, 1, 3, 3)
print(mask.shape, mask.is_contiguous(), mask.stride())
energy = torch.einsum("nqhd,nkhd->nhqk", [q.reshape(2, 3, 2, 4), q.reshape(2, 3, 2, 4)])
print(energy.shape)
filled = energy.masked_fill(mask == 0, float("-1e20"))
print(filled[0, 0])
print(torch.softmax(filled / 8 ** 0.5, dim=3)[0, 1])
out = att(q, q, q, mask)
print(out.shape, out.grad_fn)
try:
    SelfAttention(10, 3)
except AssertionError as e:
    print("AssertionError", e)
for make in [lambda: torch.einsum("nqhd,nkhd->nhqk", q, q),
             lambda: torch.einsum("nqhd,nkhd->nhqk", [q.reshape(2, 3, 2, 4), q.reshape(2, 3, 4, 2)]),
             lambda: torch.einsum("nqhd,nkhd->nhqK", [q.reshape(2, 3, 2, 4), q.reshape(2, 3, 2, 4)]),
             lambda: energy.masked_fill(mask, float("-1e20")),
             lambda: energy.masked_fill(torch.ones(3, 2, dtype=torch.bool), 0.0),
             lambda: energy.half().masked_fill(mask == 0, float("-1e20")),
             lambda: torch.einsum("ij,jk", torch.ones(2, 3), torch.ones(3, 2)),
             lambda: torch.einsum("...ij->...ji", torch.arange(6).reshape(1, 2, 3)),
             lambda: torch.tensor(float("-1e20")), lambda: torch.tensor(-1e20, dtype=torch.float16)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
class Encoder(nn.Module):
    def __init__(self, src_vocab_size, embed_size, num_layers, heads, device, forward_expansion, dropout, max_length):
        super(Encoder, self).__init__()
        self.embed_size = embed_size
        self.device = device
        self.word_embedding = nn.Embedding(src_vocab_size, embed_size)
        self.position_embedding = nn.Embedding(max_length, embed_size)
        self.layers = nn.ModuleList([TransformerBlock(embed_size, heads, dropout=dropout,
                                                      forward_expansion=forward_expansion) for _ in range(num_layers)])
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, mask):
        N, seq_length = x.shape
        positions = torch.arange(0, seq_length).expand(N, seq_length).to(self.device)
        out = self.dropout((self.word_embedding(x) + self.position_embedding(positions)))
        for layer in self.layers:
            out = layer(out, out, out, mask)
        return out

class DecoderBlock(nn.Module):
    def __init__(self, embed_size, heads, forward_expansion, dropout, device):
        super(DecoderBlock, self).__init__()
        self.norm = nn.LayerNorm(embed_size)
        self.attention = SelfAttention(embed_size, heads=heads)
        self.transformer_block = TransformerBlock(embed_size, heads, dropout, forward_expansion)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, value, key, src_mask, trg_mask):
        attention = self.attention(x, x, x, trg_mask)
        query = self.dropout(self.norm(attention + x))
        return self.transformer_block(value, key, query, src_mask)

class Decoder(nn.Module):
    def __init__(self, trg_vocab_size, embed_size, num_layers, heads, forward_expansion, dropout, device, max_length):
        super(Decoder, self).__init__()
        self.device = device
        self.word_embedding = nn.Embedding(trg_vocab_size, embed_size)
        self.position_embedding = nn.Embedding(max_length, embed_size)
        self.layers = nn.ModuleList([DecoderBlock(embed_size, heads, forward_expansion, dropout, device)
                                     for _ in range(num_layers)])
        self.fc_out = nn.Linear(embed_size, trg_vocab_size)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, enc_out, src_mask, trg_mask):
        N, seq_length = x.shape
        positions = torch.arange(0, seq_length).expand(N, seq_length).to(self.device)
        x = self.dropout((self.word_embedding(x) + self.position_embedding(positions)))
        for layer in self.layers:
            x = layer(x, enc_out, enc_out, src_mask, trg_mask)
        return self.fc_out(x)

class Transformer(nn.Module):
    def __init__(self, src_vocab_size, trg_vocab_size, src_pad_idx, trg_pad_idx, embed_size=8, num_layers=2,
                 forward_expansion=2, heads=2, dropout=0, device="cpu", max_length=16):
        super(Transformer, self).__init__()
        self.encoder = Encoder(src_vocab_size, embed_size, num_layers, heads, device, forward_expansion, dropout,
                               max_length)
        self.decoder = Decoder(trg_vocab_size, embed_size, num_layers, heads, forward_expansion, dropout, device,
                               max_length)
        self.src_pad_idx = src_pad_idx
        self.trg_pad_idx = trg_pad_idx
        self.device = device

    def make_src_mask(self, src):
        src_mask = (src != self.src_pad_idx).unsqueeze(1).unsqueeze(2)
        return src_mask.to(self.device)

    def make_trg_mask(self, trg):
        N, trg_len = trg.shape
        trg_mask = torch.tril(torch.ones((trg_len, trg_len))).expand(N, 1, trg_len, trg_len)
        return trg_mask.to(self.device)

    def forward(self, src, trg):
        src_mask = self.make_src_mask(src)
        trg_mask = self.make_trg_mask(trg)
        enc_src = self.encoder(src, src_mask)
        return self.decoder(trg, enc_src, src_mask, trg_mask)

# %%
device = torch.device("cpu")
x = torch.tensor([[1, 5, 6, 4, 3, 9, 5, 2, 0], [1, 8, 7, 3, 4, 5, 6, 7, 2]]).to(device)
trg = torch.tensor([[1, 7, 4, 3, 5, 9, 2, 0], [1, 5, 6, 2, 4, 7, 6, 2]]).to(device)
src_pad_idx, trg_pad_idx = 0, 0
src_vocab_size, trg_vocab_size = 10, 10
model = Transformer(src_vocab_size, trg_vocab_size, src_pad_idx, trg_pad_idx, device=device).to(device)
print(model.make_src_mask(x).shape, model.make_src_mask(x)[0, 0, 0])
print(model.make_trg_mask(trg)[1, 0])
out = model(x, trg[:, :-1])
print(out.shape)
print(sum(p.numel() for p in model.parameters()), len(list(model.named_parameters())))
print(model.decoder.layers[0].attention)

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
criterion = nn.CrossEntropyLoss(ignore_index=trg_pad_idx)
for step in range(3):
    output = model(x, trg[:, :-1])
    output = output.reshape(-1, output.shape[2])
    target = trg[:, 1:].reshape(-1)
    optimizer.zero_grad()
    loss = criterion(output, target)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1)
    optimizer.step()
    print(step, round(loss.item(), 4))
print(model.encoder.word_embedding.weight.grad[0])
try:
    model(x, trg.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    model(x[:, :, None], trg)
except Exception as e:
    print(type(e).__name__, e)
try:
    Transformer(10, 10, 0, 0, max_length=4)(x, trg)
except Exception as e:
    print(type(e).__name__, e)
