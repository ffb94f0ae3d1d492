# Imitates a "generate music with an LSTM/GRU" notebook: nn.Embedding + nn.LSTM / nn.GRU next-event model
# trained a few steps with F.cross_entropy(ignore_index=PAD), perplexity, then sampling with temperature,
# top-k / nucleus filtering, repetition penalty and a seeded torch.Generator for torch.multinomial.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
V, PAD = 20, 0
seqs = [torch.randint(1, V, (n,)) for n in (9, 6, 8)]
batch = nn.utils.rnn.pad_sequence(seqs, batch_first=True, padding_value=PAD)
print(batch, batch.shape)
inp, tgt = batch[:, :-1], batch[:, 1:]

class EventRNN(nn.Module):
    def __init__(self, V, E=8, H=16, cell="lstm"):
        super().__init__()
        self.emb = nn.Embedding(V, E, padding_idx=PAD)
        self.rnn = (nn.LSTM if cell == "lstm" else nn.GRU)(E, H, num_layers=2, batch_first=True)
        self.out = nn.Linear(H, V)
    def forward(self, x, state=None):
        h, state = self.rnn(self.emb(x), state)
        return self.out(h), state

model = EventRNN(V)
print(model)
print(sum(p.numel() for p in model.parameters()))
logits, (h, c) = model(inp)
print(logits.shape, h.shape, c.shape, logits.grad_fn, h.grad_fn)

# %%
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(4):
    logits, _ = model(inp)
    loss = F.cross_entropy(logits.reshape(-1, V), tgt.reshape(-1), ignore_index=PAD)
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    print(step, round(loss.item(), 4), round(math.exp(loss.item()), 3))
print(loss.grad_fn, model.emb.weight.grad[PAD].abs().sum())
per_tok = F.cross_entropy(logits.transpose(1, 2), tgt, ignore_index=PAD, reduction="none")
print(per_tok.shape, per_tok[2])
mask = tgt != PAD
print(torch.exp(per_tok.sum() / mask.sum()))
print(F.cross_entropy(logits.transpose(1, 2), tgt, ignore_index=PAD, reduction="sum"))

# %%
gru = EventRNN(V, cell="gru")
out, h = gru(inp)
print(out.shape, h.shape, h.grad_fn)
l = F.cross_entropy(out.transpose(1, 2), tgt, ignore_index=PAD, label_smoothing=0.1)
l.backward()
print(l, gru.rnn.weight_hh_l1.grad.norm())
allpad = torch.full((2, 3), PAD)
print(F.cross_entropy(torch.randn(2, V, 3), allpad, ignore_index=PAD))
print(F.cross_entropy(torch.randn(2, V, 3), allpad, ignore_index=PAD, reduction="sum"))

# %%
@torch.no_grad()
def sample(model, prime, steps, temperature=1.0, top_k=None, top_p=None, penalty=1.0, gen=None):
    x = prime.unsqueeze(0)
    out = prime.tolist()
    _, state = model(x[:, :-1]) if x.size(1) > 1 else (None, None)
    last = x[:, -1:]
    for _ in range(steps):
        logits, state = model(last, state)
        logits = logits[:, -1, :] / temperature
        if penalty != 1.0:
            prev = torch.tensor(out).unsqueeze(0)
            score = torch.gather(logits, 1, prev)
            score = torch.where(score < 0, score * penalty, score / penalty)
            logits = logits.scatter(1, prev, score)
        if top_k is not None:
            v, _ = torch.topk(logits, top_k)
            logits = logits.masked_fill(logits < v[:, [-1]], float("-inf"))
        if top_p is not None:
            sl, si = torch.sort(logits, descending=True)
            cp = sl.softmax(-1).cumsum(-1)
            remove = cp - sl.softmax(-1) > top_p
            logits = logits.masked_fill(remove.scatter(1, si, remove), float("-inf"))
        probs = F.softmax(logits, dim=-1)
        last = torch.multinomial(probs, 1, generator=gen)
        out.append(last.item())
    return out

g = torch.Generator().manual_seed(42)
print(sample(model, torch.tensor([3, 5]), 8, temperature=0.8, gen=g))
print(sample(model, torch.tensor([3, 5]), 8, top_k=5, gen=g))
print(sample(model, torch.tensor([3]), 8, top_p=0.9, penalty=1.3, gen=g))
g.manual_seed(42)
print(sample(model, torch.tensor([3, 5]), 8, temperature=0.8, gen=g))
print(g.initial_seed(), g.get_state().shape)

# %%
p = torch.tensor([[0.0, 0.0, 1.0], [0.2, 0.3, 0.5]])
print(torch.multinomial(p, 2, generator=torch.Generator().manual_seed(0)))
for bad in (torch.tensor([0.0, 0.0]), torch.tensor([-0.1, 1.0]), torch.tensor([float("inf"), 1.0]),
            torch.tensor([float("nan"), 1.0])):
    try:
        print(torch.multinomial(bad, 1))
    except Exception as e:
        print(type(e).__name__, e)
try:
    torch.multinomial(torch.tensor([0.5, 0.5, 0.0]), 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(torch.tensor([1, 2, 3]), 1)
except Exception as e:
    print(type(e).__name__, e)
print(torch.multinomial(torch.tensor([0.1, 0.9], dtype=torch.float64), 4, replacement=True).dtype)
