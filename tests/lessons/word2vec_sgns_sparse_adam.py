# Imitates the word2vec skip-gram with negative sampling lessons (the "word2vec from scratch in PyTorch" blog
# posts and course notebooks): a Counter vocabulary, subsampling, a unigram^0.75 noise distribution sampled with
# torch.multinomial, two nn.Embedding tables with sparse=True, scores by torch.bmm, F.logsigmoid losses, the
# sparse gradient printed and trained with optim.SparseAdam, and the mistakes: Adam given sparse gradients,
# SparseAdam given dense ones, a word index past the vocabulary.
import collections
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
corpus = "the quick brown fox jumps over the lazy dog the dog sleeps and the fox runs".split()
counts = collections.Counter(corpus)
vocab = [w for w, _ in counts.most_common()]
word_to_ix = {w: i for i, w in enumerate(vocab)}
print(counts.most_common(3))
print(len(vocab), word_to_ix["the"], word_to_ix["fox"])
ids = torch.tensor([word_to_ix[w] for w in corpus])
ids

# %%
freqs = torch.tensor([counts[w] for w in vocab], dtype=torch.float)
noise = freqs ** 0.75
noise = noise / noise.sum()
print(noise)
negatives = torch.multinomial(noise, 12, replacement=True)
print(negatives)
print(negatives.view(3, 4))

# %%
window = 2
pairs = []
for i, center in enumerate(ids.tolist()):
    for j in range(max(0, i - window), min(len(ids), i + window + 1)):
        if j != i:
            pairs.append((center, ids[j].item()))
centers = torch.tensor([c for c, _ in pairs])
contexts = torch.tensor([o for _, o in pairs])
print(len(pairs), centers[:6], contexts[:6])


# %%
class SkipGramNS(nn.Module):
    def __init__(self, vocab_size, dim):
        super().__init__()
        self.in_embed = nn.Embedding(vocab_size, dim, sparse=True)
        self.out_embed = nn.Embedding(vocab_size, dim, sparse=True)
        self.in_embed.weight.data.uniform_(-0.5 / dim, 0.5 / dim)
        self.out_embed.weight.data.zero_()

    def forward(self, center, context, neg):
        v = self.in_embed(center).unsqueeze(2)           # (B, D, 1)
        u = self.out_embed(context).unsqueeze(1)         # (B, 1, D)
        n = self.out_embed(neg)                          # (B, K, D)
        pos = F.logsigmoid(torch.bmm(u, v).squeeze())
        negs = F.logsigmoid(-torch.bmm(n, v).squeeze(2)).sum(1)
        return -(pos + negs).mean()


model = SkipGramNS(len(vocab), 5)
print(model)
print(model.in_embed.weight.shape, model.in_embed.sparse)

# %%
neg = torch.multinomial(noise, 8 * 3, replacement=True).view(8, 3)
loss = model(centers[:8], contexts[:8], neg)
print(loss, loss.grad_fn)
loss.backward()
g = model.in_embed.weight.grad
print(g.is_sparse, g.layout, g.shape, g.dtype)
print(g._nnz(), g.is_coalesced())

# %%
g

# %%
gc = g.coalesce()
print(gc.indices())
print(gc.values().shape, gc._nnz(), gc.is_coalesced())
print(g.to_dense()[:4])

# %%
model.out_embed.weight.grad

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
optimizer.step()

# %%
optimizer = torch.optim.SparseAdam(model.parameters(), lr=0.05)
print(optimizer)
optimizer.step()
print(model.in_embed.weight[:3])

# %%
torch.manual_seed(1)
for epoch in range(3):
    total = 0.0
    for start in range(0, len(pairs), 16):
        c, o = centers[start:start + 16], contexts[start:start + 16]
        neg = torch.multinomial(noise, len(c) * 4, replacement=True).view(len(c), 4)
        optimizer.zero_grad()
        loss = model(c, o, neg)
        loss.backward()
        optimizer.step()
        total += loss.item()
    print(f"epoch {epoch}: loss {total:.4f}")
print(model.in_embed.weight.grad)

# %%
dense = nn.Embedding(len(vocab), 5)
dense(centers).sum().backward()
torch.optim.SparseAdam(dense.parameters()).step()

# %%
torch.optim.SparseAdam([torch.zeros(3, requires_grad=True)], lr=-1)

# %%
model.in_embed(torch.tensor([3, len(vocab)]))

# %%
model.in_embed(torch.tensor([1.0, 2.0]))

# %%
emb = model.in_embed.weight.detach()
unit = emb / emb.norm(dim=1, keepdim=True)
sims = unit @ unit[word_to_ix["fox"]]
values, idx = sims.topk(4)
print([vocab[i] for i in idx.tolist()])
print(values)

# %%
sgd_emb = nn.Embedding(6, 2, sparse=True)
sgd = torch.optim.SGD(sgd_emb.parameters(), lr=0.5)
before = sgd_emb.weight.detach().clone()
sgd_emb(torch.tensor([0, 2, 2])).pow(2).sum().backward()
sgd.step()
print((sgd_emb.weight.detach() - before))
sgd.zero_grad()
print(sgd_emb.weight.grad)
