# Imitates a folk-tune (ABC / event-token) language-model notebook: variable-length tunes padded and packed
# for a bidirectional GRU, a sparse nn.Embedding with SparseAdam, per-token NLL with ignore_index=-100 and
# perplexity, clipping gradients, and the shape / dtype mistakes learners make with RNN hidden states.
import torch
import torch.nn as nn
import torch.nn.functional as F
R = nn.utils.rnn

torch.manual_seed(0)
tunes = [torch.randint(1, 9, (n,)) for n in (5, 3, 4)]
lens = torch.tensor([len(t) for t in tunes])
x = R.pad_sequence(tunes, batch_first=True)
emb = nn.Embedding(9, 3, padding_idx=0)
try:
    R.pack_padded_sequence(emb(x), lens, batch_first=True)
except Exception as e:
    print(type(e).__name__, e)
p = R.pack_padded_sequence(emb(x), lens, batch_first=True, enforce_sorted=False)
print(p.batch_sizes, p.sorted_indices, p.data.grad_fn)
gru = nn.GRU(3, 4, batch_first=True, bidirectional=True)
o, h = gru(p)
u, l = R.pad_packed_sequence(o, batch_first=True, total_length=7)
print(u.shape, l, u[1, 3:].abs().sum(), h.shape, u.grad_fn)
print([s.shape for s in R.unpad_sequence(x, lens, batch_first=True)])
try:
    R.pack_padded_sequence(emb(x), [5, 0, 4], batch_first=True, enforce_sorted=False)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(0)
e = nn.Embedding(6, 3, sparse=True)
e(torch.tensor([[1, 2], [2, 5]])).sum().backward()
print(e.weight.grad)
opt = torch.optim.SparseAdam(e.parameters(), lr=0.1)
opt.step()
print(e.weight)
try:
    torch.optim.Adam(e.parameters()).step()
except Exception as ex:
    print(type(ex).__name__, ex)

# %%
torch.manual_seed(0)
x = torch.randn(2, 5, 3, requires_grad=True)
t = torch.tensor([[1, 4, -100], [0, -100, -100]])
l = F.nll_loss(F.log_softmax(x, 1), t)
l.backward()
print(l, l.grad_fn, x.grad[1])
print(F.nll_loss(F.log_softmax(x, 1), t, reduction="none"), torch.exp(l))
lin = nn.Linear(3, 3)
lin(torch.randn(2, 3)).sum().backward()
lin.weight.grad[0, 0] = float("nan")
try:
    nn.utils.clip_grad_norm_(lin.parameters(), 1.0, error_if_nonfinite=True)
except Exception as ex:
    print(type(ex).__name__, ex)
print(nn.utils.clip_grad_value_(lin.parameters(), 0.1), lin.bias.grad)

# %%
torch.manual_seed(0)
lstm = nn.LSTM(2, 3)
h0 = (torch.zeros(1, 3), torch.zeros(1, 3))
o, (h, c) = lstm(torch.randn(4, 2), h0)
print(o.shape, h.shape)
for bad in (lambda: lstm(torch.randn(4, 1, 2), h0),
            lambda: lstm(torch.randn(4, 2), (torch.zeros(1, 1, 3), torch.zeros(1, 1, 3))),
            lambda: lstm(torch.randn(2, 4, 1, 2)),
            lambda: lstm(torch.randn(4, 1, 2, dtype=torch.float64)),
            lambda: nn.GRU(2, 3)(torch.randint(0, 3, (4, 1, 2))),
            lambda: nn.GRU(2, 3, num_layers=2)(torch.randn(3, 2, 2), torch.zeros(2, 3, 3))):
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
