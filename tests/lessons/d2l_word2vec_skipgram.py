# Imitates d2l.ai "Pretraining word2vec" (skip-gram with negative sampling): center/context embeddings, the
# skip_gram forward with bmm, SigmoidBCELoss with a mask, batchify with padding, training with Adam, cosine
# similarity lookup of nearest tokens.
import torch
from torch import nn
import random
import math

# %%
embed = nn.Embedding(num_embeddings=20, embedding_dim=4)
print(f'Parameter embedding_weight ({embed.weight.shape}, dtype={embed.weight.dtype})')
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(embed(x).shape)

# %%
def skip_gram(center, contexts_and_negatives, embed_v, embed_u):
    v = embed_v(center)
    u = embed_u(contexts_and_negatives)
    pred = torch.bmm(v, u.permute(0, 2, 1))
    return pred

print(skip_gram(torch.ones((2, 1), dtype=torch.long), torch.ones((2, 4), dtype=torch.long), embed, embed).shape)

# %%
class SigmoidBCELoss(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, inputs, target, mask=None):
        out = nn.functional.binary_cross_entropy_with_logits(inputs, target, weight=mask, reduction="none")
        return out.mean(dim=1)

loss = SigmoidBCELoss()
pred = torch.tensor([[1.1, -2.2, 3.3, -4.4]] * 2)
label = torch.tensor([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]])
mask = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0]])
print(loss(pred, label, mask) * mask.shape[1] / mask.sum(axis=1))

def sigmd(x):
    return -math.log(1 / (1 + math.exp(-x)))
print(f'{(sigmd(1.1) + sigmd(2.2) + sigmd(-3.3) + sigmd(4.4)) / 4:.4f}')
print(f'{(sigmd(-1.1) + sigmd(-2.2)) / 2:.4f}')

# %%
def batchify(data):
    max_len = max(len(c) + len(n) for _, c, n in data)
    centers, contexts_negatives, masks, labels = [], [], [], []
    for center, context, negative in data:
        cur_len = len(context) + len(negative)
        centers += [center]
        contexts_negatives += [context + negative + [0] * (max_len - cur_len)]
        masks += [[1] * cur_len + [0] * (max_len - cur_len)]
        labels += [[1] * len(context) + [0] * (max_len - len(context))]
    return (torch.tensor(centers).reshape((-1, 1)), torch.tensor(contexts_negatives), torch.tensor(masks),
            torch.tensor(labels))

x_1 = (1, [2, 2], [3, 3, 3, 3])
x_2 = (1, [2, 2, 2], [3, 3])
batch = batchify((x_1, x_2))
names = ['centers', 'contexts_negatives', 'masks', 'labels']
for name, data in zip(names, batch):
    print(name, '=', data)

# %%
random.seed(0)
torch.manual_seed(0)
vocab_size, embed_size = 12, 6
corpus = [[random.randrange(1, vocab_size) for _ in range(8)] for _ in range(6)]
def get_centers_and_contexts(corpus, max_window_size):
    centers, contexts = [], []
    for line in corpus:
        if len(line) < 2:
            continue
        centers += line
        for i in range(len(line)):
            window_size = random.randint(1, max_window_size)
            indices = list(range(max(0, i - window_size), min(len(line), i + 1 + window_size)))
            indices.remove(i)
            contexts.append([line[idx] for idx in indices])
    return centers, contexts

all_centers, all_contexts = get_centers_and_contexts(corpus, 2)
all_negatives = [[random.randrange(1, vocab_size) for _ in range(2 * len(c))] for c in all_contexts]
data = list(zip(all_centers, all_contexts, all_negatives))
print(len(data), data[0])

# %%
net = nn.Sequential(nn.Embedding(num_embeddings=vocab_size, embedding_dim=embed_size),
                    nn.Embedding(num_embeddings=vocab_size, embedding_dim=embed_size))
def init_weights(module):
    if type(module) == nn.Embedding:
        nn.init.xavier_uniform_(module.weight)
net.apply(init_weights)
optimizer = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(3):
    total, n = 0.0, 0
    for i in range(0, len(data), 16):
        center, context_negative, mask, label = batchify(data[i:i + 16])
        optimizer.zero_grad()
        pred = skip_gram(center, context_negative, net[0], net[1])
        l = (loss(pred.reshape(label.shape).float(), label.float(), mask) / mask.sum(axis=1) * mask.shape[1])
        l.sum().backward()
        optimizer.step()
        total += l.sum().item()
        n += l.numel()
    print(f'epoch {epoch}: loss {total / n:.3f}')

# %%
def get_similar_tokens(query_token, k, embed):
    W = embed.weight.data
    x = W[query_token]
    cos = torch.mv(W, x) / torch.sqrt(torch.sum(W * W, dim=1) * torch.sum(x * x) + 1e-9)
    topk = torch.topk(cos, k=k + 1)[1].cpu().numpy().astype('int32')
    for i in topk[1:]:
        print(f'cosine sim={float(cos[i]):.3f}: {i}')

get_similar_tokens(3, 3, net[0])
print(nn.functional.cosine_similarity(net[0].weight[3:4], net[0].weight[:4]))

# %%
# subsampling and sampling weights as d2l does
counter = {i: (i * 7) % 11 + 1 for i in range(1, vocab_size)}
num_tokens = sum(counter.values())
keep = {t: min(1.0, (1e-4 / (c / num_tokens)) ** 0.5) for t, c in counter.items()}
sampling_weights = [counter[i] ** 0.75 for i in range(1, vocab_size)]
torch.manual_seed(4)
print(torch.multinomial(torch.tensor(sampling_weights), 8, replacement=True))
print(random.choices(range(1, vocab_size), sampling_weights, k=5))
