# Imitates d2l.ai (PyTorch edition) "Subword Embedding" and "Word Embedding with Global Vectors (GloVe)" as a
# learner codes them with a toy corpus: fastText-style centre vectors as the sum (or mean) of the word's character
# n-gram vectors through nn.EmbeddingBag with offsets (include_last_offset, padding_idx, per_sample_weights learned
# as n-gram weights), then GloVe's weighted least squares loss over a small co-occurrence matrix (h(x) =
# (x / x_max) ** alpha capped at 1, log counts, centre/context vectors and biases) trained with Adagrad, and the
# nearest neighbours by cosine similarity.
import collections
import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)

def ngrams(word, n_min=3, n_max=4):
    w = '<' + word + '>'
    grams = [w[i:i + n] for n in range(n_min, n_max + 1) for i in range(len(w) - n + 1)]
    return grams + [w]

print(ngrams('where'))
words = ['where', 'here', 'there', 'her', 'the']
gram_vocab = sorted({g for w in words for g in ngrams(w)})
g2i = {g: i + 1 for i, g in enumerate(gram_vocab)}   # 0 is padding
ids, offsets = [], []
for w in words:
    offsets.append(len(ids))
    ids += [g2i[g] for g in ngrams(w)]
ids, offsets = torch.tensor(ids), torch.tensor(offsets)
print(len(g2i), ids.shape, offsets)

# %%
bag = nn.EmbeddingBag(len(g2i) + 1, 4, mode='sum', padding_idx=0)
print(bag, bag.weight[0])
vecs = bag(ids, offsets)
print(vecs.shape, vecs.grad_fn)
mean_bag = nn.EmbeddingBag.from_pretrained(bag.weight.detach().clone(), mode='mean', freeze=True)
print(mean_bag, mean_bag.weight.requires_grad)
lens = torch.diff(torch.cat([offsets, torch.tensor([ids.numel()])]))
print(lens, torch.allclose(mean_bag(ids, offsets) * lens[:, None], vecs))
last = torch.cat([offsets, torch.tensor([ids.numel()])])
lo = nn.EmbeddingBag(len(g2i) + 1, 4, mode='sum', include_last_offset=True, padding_idx=0)
lo.weight.data.copy_(bag.weight.data)
print(torch.allclose(lo(ids, last), vecs), lo(ids, last).shape)
print(lo(ids, offsets).shape, torch.allclose(lo(ids, offsets), vecs[:4]))
padded = torch.nn.utils.rnn.pad_sequence([torch.tensor([g2i[g] for g in ngrams(w)]) for w in words], batch_first=True)
print(padded.shape, torch.allclose(bag(padded), vecs, atol=1e-6))

# %%
gram_w = torch.ones(ids.shape, requires_grad=True)
out = bag(ids, offsets, per_sample_weights=gram_w)
target = torch.randn(len(words), 4)
loss = ((out - target) ** 2).sum()
loss.backward()
print(out.grad_fn.next_functions[0][0].__class__.__name__, out.grad_fn.next_functions[1][0].__class__.__name__)
print(gram_w.grad.shape, gram_w.grad[:6])
print(bag.weight.grad[:3])
gram_w.grad = None
bag.zero_grad()
out = bag(padded, per_sample_weights=(padded != 0).float().requires_grad_())
print(out.grad_fn, out.shape)
opt = torch.optim.SGD([gram_w] + list(bag.parameters()), lr=0.05)
for step in range(3):
    opt.zero_grad()
    l = ((bag(ids, offsets, per_sample_weights=gram_w) - target) ** 2).sum()
    l.backward()
    opt.step()
    print(step, f'{l.item():.4f}', f'{gram_w.grad.norm():.4f}')
for bad in [lambda: bag(ids, offsets, per_sample_weights=gram_w[:-1]),
            lambda: bag(ids, offsets, per_sample_weights=gram_w.double()),
            lambda: nn.EmbeddingBag(5, 2, mode='mean')(ids % 5, offsets, per_sample_weights=gram_w),
            lambda: F.embedding_bag(bag.weight, ids, offsets, mode='sum').shape]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
corpus = [['the', 'cat', 'sat', 'on', 'the', 'mat'], ['the', 'dog', 'sat', 'on', 'the', 'log'],
          ['a', 'cat', 'and', 'a', 'dog']]
vocab = sorted({w for line in corpus for w in line})
w2i = {w: i for i, w in enumerate(vocab)}
V = len(vocab)
X = torch.zeros(V, V)
for line in corpus:
    for i, w in enumerate(line):
        for j in range(max(0, i - 2), min(len(line), i + 3)):
            if i != j:
                X[w2i[w], w2i[line[j]]] += 1.0 / abs(i - j)
print(V, X.sum(), X.nonzero().shape, X.dtype)
x_max, alpha = 3.0, 0.75
weights = torch.where(X < x_max, (X / x_max) ** alpha, torch.ones_like(X))
print(weights[w2i['the'], :4])
print(torch.clamp(X / x_max, max=1.0).pow(alpha)[w2i['the'], :4])
i_idx, j_idx = X.nonzero(as_tuple=True)
x_ij = X[i_idx, j_idx]
print(i_idx[:5], x_ij[:5], torch.log(x_ij)[:5])

# %%
class GloVe(nn.Module):
    def __init__(self, vocab_size, embed_size):
        super().__init__()
        self.center = nn.Embedding(vocab_size, embed_size)
        self.context = nn.Embedding(vocab_size, embed_size)
        self.center_bias = nn.Embedding(vocab_size, 1)
        self.context_bias = nn.Embedding(vocab_size, 1)
        for e in [self.center_bias, self.context_bias]:
            nn.init.zeros_(e.weight)

    def forward(self, i, j):
        v, u = self.center(i), self.context(j)
        b, c = self.center_bias(i).squeeze(-1), self.context_bias(j).squeeze(-1)
        return (v * u).sum(dim=-1) + b + c

def glove_loss(pred, x, x_max=3.0, alpha=0.75):
    h = torch.clamp(x / x_max, max=1.0) ** alpha
    return (h * (pred - torch.log(x)) ** 2).sum()

glove = GloVe(V, 5)
opt = torch.optim.Adagrad(glove.parameters(), lr=0.1)
for epoch in range(4):
    perm = torch.randperm(len(x_ij))
    total = 0.0
    for k in range(0, len(perm), 8):
        b = perm[k:k + 8]
        opt.zero_grad()
        l = glove_loss(glove(i_idx[b], j_idx[b]), x_ij[b])
        l.backward()
        opt.step()
        total += l.item()
    print(epoch, f'{total:.4f}')
print(glove.center_bias.weight.grad.shape, glove.center_bias.weight.grad.nonzero().shape[1])
try:
    glove_loss(glove(i_idx, j_idx), X)
except Exception as e:
    print(type(e).__name__, e)
print(glove_loss(glove(i_idx[:2], j_idx[:2]), torch.tensor([0., 1.])))

# %%
embeds = glove.center.weight.detach() + glove.context.weight.detach()
def knn(W, x, k):
    cos = torch.mv(W, x.reshape(-1,)) / (torch.sqrt(torch.sum(W * W, axis=1) + 1e-9) * torch.sqrt((x * x).sum()))
    _, topk = torch.topk(cos, k=k)
    return topk, [cos[int(i)] for i in topk]

topk, cos = knn(embeds, embeds[w2i['cat']], 3)
print(topk.shape, topk.dtype, topk[0] == w2i['cat'], f'{float(cos[0]):.3f}')
print(F.cosine_similarity(embeds[w2i['cat']], embeds, dim=1).shape)
print(torch.allclose(F.cosine_similarity(embeds[w2i['cat']][None], embeds), torch.stack(
    [torch.dot(embeds[w2i['cat']], e) / (embeds[w2i['cat']].norm() * e.norm()) for e in embeds]), atol=1e-5))
