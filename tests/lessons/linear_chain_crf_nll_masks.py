# Imitates a structured-prediction course notebook on linear-chain CRFs (CMU 11-711 / Stanford CS224n-style
# "CRF from scratch" labs, the pytorch-crf package's internals written out by hand): emission scores from nn.Embedding
# plus nn.Linear, a transition nn.Parameter with start / end vectors, the partition function by a logsumexp
# recursion over a padded batch (mask with masked_fill, torch.where, lengths from cumsum), the gold path score by
# advanced indexing, the NLL trained by optim.Adam, marginals and expected transition counts as gradients of log Z
# with torch.autograd.grad, Viterbi with backtracking, and the shape mistakes on the way.
import torch
import torch.nn as nn

# %%
torch.manual_seed(1)
V, E, K = 10, 6, 4


class CRFTagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(V, E, padding_idx=0)
        self.proj = nn.Linear(E, K)
        self.trans = nn.Parameter(torch.randn(K, K) * 0.1)
        self.start = nn.Parameter(torch.zeros(K))
        self.end = nn.Parameter(torch.zeros(K))

    def emissions(self, words):
        return self.proj(self.emb(words))

    def log_partition(self, em, mask):
        score = self.start + em[:, 0]
        for t in range(1, em.shape[1]):
            nxt = torch.logsumexp(score.unsqueeze(2) + self.trans + em[:, t].unsqueeze(1), dim=1)
            score = torch.where(mask[:, t].unsqueeze(1), nxt, score)
        return torch.logsumexp(score + self.end, dim=1)

    def gold_score(self, em, tags, mask):
        B, T = tags.shape
        s = self.start[tags[:, 0]] + em[torch.arange(B), 0, tags[:, 0]]
        em_t = em.gather(2, tags.unsqueeze(2)).squeeze(2)
        tr = self.trans[tags[:, :-1], tags[:, 1:]]
        m = mask[:, 1:].float()
        s = s + (em_t[:, 1:] * m).sum(1) + (tr * m).sum(1)
        last = mask.long().sum(1) - 1
        s = s + self.end[tags.gather(1, last.unsqueeze(1)).squeeze(1)]
        return s

    def forward(self, words, tags):
        mask = words != 0
        em = self.emissions(words)
        return (self.log_partition(em, mask) - self.gold_score(em, tags, mask)).mean()


model = CRFTagger()
print(model)
print([(n, tuple(p.shape)) for n, p in model.named_parameters()])

# %%
words = torch.tensor([[3, 5, 2, 7, 1], [4, 4, 9, 0, 0], [8, 6, 0, 0, 0]])
tags = torch.tensor([[0, 1, 1, 2, 3], [2, 2, 0, 0, 0], [1, 3, 0, 0, 0]])
mask = words != 0
lengths = mask.cumsum(1)[:, -1]
print(mask.dtype, lengths, mask.long().sum(1) - 1)
em = model.emissions(words)
print(em.shape, em.grad_fn.name())
em_masked = em.masked_fill(~mask.unsqueeze(2), 0.0)
print(em_masked[2], em_masked.grad_fn.name())

# %%
logZ = model.log_partition(em, mask)
gold = model.gold_score(em, tags, mask)
print(logZ, logZ.grad_fn.name())
print(gold, gold.grad_fn.name())
print((logZ - gold) >= 0)

# %%
# brute-force check of log Z for the shortest sentence
import itertools
with torch.no_grad():
    e2 = em[2, :2]
    tot = []
    for a, b in itertools.product(range(K), repeat=2):
        tot.append(model.start[a] + e2[0, a] + model.trans[a, b] + e2[1, b] + model.end[b])
    print(torch.logsumexp(torch.stack(tot), 0), logZ[2])

# %%
nll = model(words, tags)
nll.backward()
print(nll)
print(model.trans.grad)
print(model.emb.weight.grad[0], model.start.grad, model.end.grad)

# %%
# expected counts: d logZ / d trans are expected transition counts, d logZ / d emissions are marginals
em_leaf = em.detach().requires_grad_(True)
lz = model.log_partition(em_leaf, mask)
marg, counts = torch.autograd.grad(lz.sum(), (em_leaf, model.trans), retain_graph=True)
print(marg.sum(-1))
print(counts, counts.sum(), (lengths - 1).sum())
print(marg.grad_fn, counts.requires_grad)
m2, = torch.autograd.grad(lz[0], em_leaf, retain_graph=True)
print(m2[1:].abs().sum(), m2[0].argmax(-1))

# %%
torch.manual_seed(0)
model = CRFTagger()
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for epoch in range(8):
    opt.zero_grad()
    loss = model(words, tags)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 5.0)
    opt.step()
    if epoch % 2 == 0:
        print(epoch, loss.item())
print(model.trans.data)

# %%
@torch.no_grad()
def viterbi_decode(model, words):
    mask = words != 0
    em = model.emissions(words)
    score = model.start + em[:, 0]
    history = []
    for t in range(1, em.shape[1]):
        nxt, idx = (score.unsqueeze(2) + model.trans).max(dim=1)
        nxt = nxt + em[:, t]
        score = torch.where(mask[:, t].unsqueeze(1), nxt, score)
        history.append(idx)
    score = score + model.end
    best_last = score.argmax(dim=1)
    seq_ends = mask.long().sum(1) - 1
    paths = []
    for i in range(words.shape[0]):
        best = [best_last[i].item()]
        for hist in reversed(history[:seq_ends[i]]):
            best.append(hist[i][best[-1]].item())
        paths.append(best[::-1])
    return score.max(dim=1).values, paths


print(viterbi_decode(model, words))
pad_tags = torch.full_like(tags, -1).masked_scatter(mask, tags[mask])
print(pad_tags, tags[mask])

# %%
# an older notebook keeps its mask as bytes (mask.byte()): where warns, masked_fill and masked_scatter refuse it
torch.set_warn_always(True)
bmask = mask.byte()
print(bmask.dtype, bmask.sum(1), bmask.long().sum(1) - 1)
print(torch.where(bmask.unsqueeze(2), em, 0.0)[2].sum())
try:
    em.masked_fill(~bmask.unsqueeze(2), 0.0)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.full_like(tags, -1).masked_scatter(bmask, tags[mask])
except RuntimeError as e:
    print(type(e).__name__, e)
torch.set_warn_always(False)

# %%
# mistakes: emissions of the wrong width, a float index, a transition matrix of the wrong shape
try:
    model.gold_score(em[:, :, :3], tags.clamp(max=3), mask)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    model.trans[tags.float()[:, :-1], tags[:, 1:]]
except IndexError as e:
    print(type(e).__name__, e)
try:
    torch.logsumexp(em.unsqueeze(2) + torch.zeros(K, K + 1), dim=1)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    em.masked_fill(mask, 0.0)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.where(mask, em, 0.0)
except RuntimeError as e:
    print(type(e).__name__, e)
