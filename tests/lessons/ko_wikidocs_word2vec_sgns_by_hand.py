# Imitates the Korean wikidocs book "PyTorch로 시작하는 딥 러닝 입문" (유원준/안상준), 워드투벡터 / 네거티브 샘플링을
# 이용한 Word2Vec 구현 (SGNS): skip-gram pairs from a Korean toy corpus with a window, unigram^0.75 negative sampling
# with torch.multinomial, center/context embeddings, torch.bmm scores, F.logsigmoid loss written by hand, and the
# cosine-similarity nearest words at the end.
from collections import Counter
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
corpus = ['왕 은 남자 이다', '여왕 은 여자 이다', '남자 는 강하다', '여자 는 아름답다', '왕 과 여왕 은 궁전 에 산다',
          '남자 와 여자 는 사람 이다']
tokenized = [s.split() for s in corpus]
counter = Counter(w for s in tokenized for w in s)
vocab = [w for w, _ in counter.most_common()]
word_to_id = {w: i for i, w in enumerate(vocab)}
id_to_word = {i: w for w, i in word_to_id.items()}
print(counter.most_common(5))
print(len(vocab), word_to_id['왕'], id_to_word[0])

# %%
window_size = 2
pairs = []
for sent in tokenized:
    ids = [word_to_id[w] for w in sent]
    for i, center in enumerate(ids):
        for j in range(max(0, i - window_size), min(len(ids), i + window_size + 1)):
            if i != j:
                pairs.append((center, ids[j]))
print(len(pairs))
print([(id_to_word[c], id_to_word[o]) for c, o in pairs[:6]])
centers = torch.LongTensor([c for c, _ in pairs])
contexts = torch.LongTensor([o for _, o in pairs])
print(centers[:8], contexts[:8])

# %%
# 네거티브 샘플링 분포: 빈도^0.75
freqs = np.array([counter[w] for w in vocab], dtype=np.float64)
unigram = freqs ** 0.75
unigram = unigram / unigram.sum()
noise_dist = torch.from_numpy(unigram)
print(noise_dist.dtype, noise_dist.shape)
print(noise_dist[:4])
torch.manual_seed(0)
negs = torch.multinomial(noise_dist, 5 * 4, replacement=True).view(4, 5)
print(negs)
print(torch.multinomial(noise_dist.float(), 3))
print(torch.multinomial(noise_dist.repeat(2, 1), 2, replacement=True).shape)
try:
    torch.multinomial(torch.tensor([0.5, 0.5, 0.0]), 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(torch.tensor([0.5, -0.5]), 1)
except Exception as e:
    print(type(e).__name__, e)

# %%
class SkipGramNeg(nn.Module):
    def __init__(self, vocab_size, embed_dim):
        super().__init__()
        self.in_embed = nn.Embedding(vocab_size, embed_dim)
        self.out_embed = nn.Embedding(vocab_size, embed_dim)
        # 초기화
        self.in_embed.weight.data.uniform_(-1, 1)
        self.out_embed.weight.data.uniform_(-1, 1)

    def forward(self, center, context, negatives):
        batch_size, embed_size = center.size(0), self.in_embed.embedding_dim
        v = self.in_embed(center).view(batch_size, embed_size, 1)          # (B, D, 1)
        u = self.out_embed(context).view(batch_size, 1, embed_size)        # (B, 1, D)
        u_neg = self.out_embed(negatives).neg()                             # (B, K, D)
        pos_loss = F.logsigmoid(torch.bmm(u, v)).squeeze()                  # (B,)
        neg_loss = F.logsigmoid(torch.bmm(u_neg, v)).squeeze().sum(1)        # (B,)
        return -(pos_loss + neg_loss).mean()

torch.manual_seed(1)
model = SkipGramNeg(len(vocab), 4)
B, K = 8, 3
neg = torch.multinomial(noise_dist, B * K, replacement=True).view(B, K)
loss = model(centers[:B], contexts[:B], neg)
print(loss)
loss.backward()
print(model.in_embed.weight.grad[word_to_id['왕']])
print(model.out_embed.weight.grad.abs().sum(1))

# %%
v = model.in_embed(centers[:2]).unsqueeze(2)
u = model.out_embed(contexts[:2]).unsqueeze(1)
print(torch.bmm(u, v).shape, torch.bmm(u, v).grad_fn)
try:
    torch.bmm(u, u)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bmm(u.squeeze(1), v.squeeze(2))
except Exception as e:
    print(type(e).__name__, e)
x = torch.tensor([-100., -2., 0., 2., 100.], requires_grad=True)
y = F.logsigmoid(x)
print(y)
y.sum().backward()
print(x.grad)
print(torch.log(torch.sigmoid(x)))

# %%
optimizer = optim.Adam(model.parameters(), lr=0.05)
torch.manual_seed(2)
n = len(pairs)
for epoch in range(1, 61):
    perm = torch.randperm(n)
    total = 0.0
    for start in range(0, n, 16):
        idx = perm[start:start + 16]
        neg = torch.multinomial(noise_dist, len(idx) * K, replacement=True).view(len(idx), K)
        loss = model(centers[idx], contexts[idx], neg)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(idx)
    if epoch % 20 == 0:
        print('epoch {:3d} 평균 손실 {:.4f}'.format(epoch, total / n))

# %%
emb = model.in_embed.weight.detach()
normed = emb / emb.norm(dim=1, keepdim=True)
sim = normed @ normed.t()
print(sim.shape, sim.diagonal()[:3])

def most_similar(word, topn=3):
    scores = sim[word_to_id[word]].clone()
    scores[word_to_id[word]] = -float('inf')
    vals, ids = torch.topk(scores, topn)
    return [(id_to_word[i], round(v, 3)) for v, i in zip(vals.tolist(), ids.tolist())]

print(len(most_similar('왕')), most_similar('왕')[0][0] in vocab)
print(F.cosine_similarity(emb[0:1], emb[1:2]), F.cosine_similarity(emb[0], emb[1], dim=0))
print(torch.allclose(F.cosine_similarity(emb[0:1], emb[1:2]), sim[0, 1:2], atol=1e-6))
