# Imitates the seq2seq and char-RNN lessons (the "NLP from scratch" translation tutorial, Luong/Bahdanau attention
# notebooks, Karpathy-style char-RNN text generation): an encoder GRU, a decoder with dot/general/concat attention
# scores, a padding mask, teacher forcing, CrossEntropyLoss(ignore_index=PAD, label_smoothing), and sampling with
# temperature, torch.multinomial and topk, with the mistakes learners make on the way.
import random
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
random.seed(0)

# %%
PAD, SOS, EOS = 0, 1, 2
src = torch.tensor([[5, 6, 7, 2, 0], [8, 9, 2, 0, 0], [5, 9, 8, 7, 2]])
tgt = torch.tensor([[1, 10, 11, 2, 0], [1, 12, 2, 0, 0], [1, 11, 10, 12, 2]])
src_mask = src != PAD
print(src_mask)
print(src_mask.sum(1))


# %%
class Encoder(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, padding_idx=PAD)
        self.rnn = nn.GRU(dim, dim, batch_first=True, bidirectional=True)
        self.proj = nn.Linear(2 * dim, dim)

    def forward(self, x):
        out, h = self.rnn(self.emb(x))
        return self.proj(out), torch.tanh(self.proj(torch.cat([h[0], h[1]], dim=1)))


class LuongAttention(nn.Module):
    def __init__(self, dim, method="general"):
        super().__init__()
        self.method = method
        if method == "general":
            self.W = nn.Linear(dim, dim, bias=False)
        elif method == "concat":
            self.W = nn.Linear(2 * dim, dim)
            self.v = nn.Parameter(torch.rand(dim))

    def forward(self, query, keys, mask):
        if self.method == "dot":
            scores = torch.bmm(keys, query.unsqueeze(2)).squeeze(2)
        elif self.method == "general":
            scores = torch.bmm(self.W(keys), query.unsqueeze(2)).squeeze(2)
        else:
            q = query.unsqueeze(1).expand(-1, keys.size(1), -1)
            scores = torch.sum(self.v * torch.tanh(self.W(torch.cat([q, keys], dim=2))), dim=2)
        scores = scores.masked_fill(~mask, float("-inf"))
        weights = F.softmax(scores, dim=1)
        return torch.bmm(weights.unsqueeze(1), keys).squeeze(1), weights


enc = Encoder(13, 6)
keys, h = enc(src)
print(keys.shape, h.shape, keys.grad_fn, h.grad_fn)
for method in ("dot", "general", "concat"):
    ctx, w = LuongAttention(6, method)(h, keys, src_mask)
    print(method, ctx.shape, w[1])


# %%
class Decoder(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, padding_idx=PAD)
        self.cell = nn.GRUCell(2 * dim, dim)
        self.attn = LuongAttention(dim)
        self.out = nn.Linear(2 * dim, vocab)

    def forward(self, tok, h, ctx, keys, mask):
        h = self.cell(torch.cat([self.emb(tok), ctx], dim=1), h)
        ctx, w = self.attn(h, keys, mask)
        return self.out(torch.cat([h, ctx], dim=1)), h, ctx, w


dec = Decoder(13, 6)
criterion = nn.CrossEntropyLoss(ignore_index=PAD, label_smoothing=0.1)
params = list(enc.parameters()) + list(dec.parameters())
optimizer = torch.optim.Adam(params, lr=0.01)
print(criterion, criterion.ignore_index, criterion.label_smoothing)


# %%
def train_step(teacher_forcing_ratio):
    optimizer.zero_grad()
    keys, h = enc(src)
    ctx = torch.zeros_like(h)
    tok = tgt[:, 0]
    logits = []
    for t in range(1, tgt.size(1)):
        out, h, ctx, w = dec(tok, h, ctx, keys, src_mask)
        logits.append(out)
        tok = tgt[:, t] if random.random() < teacher_forcing_ratio else out.argmax(1)
    logits = torch.stack(logits, dim=1)
    loss = criterion(logits.reshape(-1, logits.size(-1)), tgt[:, 1:].reshape(-1))
    loss.backward()
    nn.utils.clip_grad_norm_(params, 1.0)
    optimizer.step()
    return loss.item(), w


for step in range(6):
    loss, w = train_step(0.5)
    print(step, f"{loss:.4f}")
print(w.sum(1), w[1])

# %%
logits = torch.randn(6, 13)
target = torch.tensor([3, PAD, 4, PAD, 5, 6])
print(F.cross_entropy(logits, target, ignore_index=PAD))
print(F.cross_entropy(logits, target, ignore_index=PAD, reduction="none"))
print(F.cross_entropy(logits, target, ignore_index=PAD, label_smoothing=0.2, reduction="sum"))
print(F.cross_entropy(logits, torch.full((6,), PAD), ignore_index=PAD))
print(F.cross_entropy(logits, torch.full((6,), PAD), ignore_index=PAD, label_smoothing=0.1))

# %%
F.cross_entropy(logits, target, label_smoothing=1.5)

# %%
F.cross_entropy(logits, torch.tensor([3, 4, 5, 6, 7, 13]))

# %%
F.cross_entropy(logits, target.float())

# %%
F.cross_entropy(logits.unsqueeze(0), target.unsqueeze(0))

# %%
text = "hello world, hello there"
chars = sorted(set(text))
stoi = {c: i for i, c in enumerate(chars)}
itos = {i: c for c, i in stoi.items()}
data = torch.tensor([stoi[c] for c in text])
print(chars, data[:8])


class CharRNN(nn.Module):
    def __init__(self, vocab, hidden):
        super().__init__()
        self.emb = nn.Embedding(vocab, hidden)
        self.lstm = nn.LSTM(hidden, hidden, num_layers=2, batch_first=True, dropout=0.0)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, x, state=None):
        out, state = self.lstm(self.emb(x), state)
        return self.head(out), state


model = CharRNN(len(chars), 16)
opt = torch.optim.Adam(model.parameters(), lr=0.02)
x, y = data[:-1].unsqueeze(0), data[1:].unsqueeze(0)
for it in range(20):
    logits, _ = model(x)
    loss = F.cross_entropy(logits.view(-1, len(chars)), y.view(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
print(f"{loss.item():.4f}")


# %%
@torch.no_grad()
def generate(start, n, temperature=1.0, top_k=None):
    torch.manual_seed(42)
    idx = torch.tensor([[stoi[start]]])
    state, out = None, start
    for _ in range(n):
        logits, state = model(idx, state)
        logits = logits[:, -1, :] / temperature
        if top_k is not None:
            v, _ = torch.topk(logits, top_k)
            logits[logits < v[:, [-1]]] = -float("inf")
        probs = F.softmax(logits, dim=-1)
        idx = torch.multinomial(probs, num_samples=1)
        out += itos[idx.item()]
    return out


print(repr(generate("h", 20)))
print(repr(generate("h", 20, temperature=0.5)))
print(repr(generate("w", 20, temperature=2.0, top_k=3)))

# %%
probs = F.softmax(torch.tensor([2.0, 1.0, 0.1]), dim=0)
print(torch.multinomial(probs, 5, replacement=True))
torch.multinomial(probs, 5)

# %%
torch.multinomial(torch.tensor([0.5, -0.1, 0.6]), 1)

# %%
torch.multinomial(torch.tensor([0.0, 0.0, 0.0]), 1)

# %%
torch.multinomial(torch.tensor([[0.2, 0.8]]).long(), 1)

# %%
torch.topk(torch.tensor([1.0, 3.0, 2.0]), 4)

# %%
logits = torch.tensor([[1.0, 2.0, 3.0, 0.5]])
print(torch.topk(logits, 2, dim=-1))
print(torch.topk(logits, 2, largest=False, sorted=True))
print(torch.multinomial(F.softmax(logits / 0.01, dim=-1), 3, replacement=True))
print(torch.multinomial(F.softmax(logits, dim=-1), 2, generator=torch.Generator().manual_seed(3)))
