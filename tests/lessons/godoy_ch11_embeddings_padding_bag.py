# Imitates Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapter 11 (down the Yellow Brick Rabbit Hole, NLP): a tiny vocabulary and token ids, nn.Embedding with padding_idx
# (its zero row and zero gradient), nn.Embedding.from_pretrained with freeze and a pretrained matrix, the average of
# embeddings as a bag of words vs nn.EmbeddingBag (mode mean/sum/max, offsets, per_sample_weights), and a small
# classifier trained a step on the averaged embeddings.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
sentences = ["follow the white rabbit", "the rabbit hole", "alice follow"]
vocab = ['[PAD]', '[UNK]'] + sorted({w for s in sentences for w in s.split()})
word2idx = {w: i for i, w in enumerate(vocab)}
print(vocab, len(vocab))
def encode(sentence, max_len=4):
    ids = [word2idx.get(w, 1) for w in sentence.split()][:max_len]
    return ids + [0] * (max_len - len(ids))
token_ids = torch.as_tensor([encode(s) for s in sentences + ["the queen"]])
print(token_ids, token_ids.dtype)

# %%
torch.manual_seed(41)
emb = nn.Embedding(num_embeddings=len(vocab), embedding_dim=3, padding_idx=0)
print(emb, emb.weight[0], emb.padding_idx)
embedded = emb(token_ids)
print(embedded.shape, embedded[2])
embedded.sum().backward()
print(emb.weight.grad)
try:
    emb(torch.tensor([len(vocab)]))
except Exception as e:
    print(type(e).__name__, e)
try:
    emb(torch.tensor([1.0, 2.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Embedding(5, 3, padding_idx=5)
except Exception as e:
    print(type(e).__name__, e)
print(nn.Embedding(5, 3, padding_idx=-1).padding_idx)

# %%
pretrained = torch.arange(len(vocab) * 3).float().view(len(vocab), 3) / 10
extended = nn.Embedding.from_pretrained(pretrained)
print(extended, extended.weight.requires_grad)
print(extended(torch.tensor([[2, 3]])))
unfrozen = nn.Embedding.from_pretrained(pretrained, freeze=False, padding_idx=0)
print(unfrozen.weight.requires_grad, unfrozen.weight[0], unfrozen.padding_idx)
unfrozen(token_ids).mean().backward()
print(unfrozen.weight.grad[:3])
try:
    nn.Embedding.from_pretrained(torch.ones(4))
except Exception as e:
    print(type(e).__name__, e)
print(F.embedding(torch.tensor([1, 1]), pretrained, padding_idx=1))
print(emb.weight.data[0], emb.weight.shape, emb.num_embeddings, emb.embedding_dim)

# %%
mask = (token_ids != 0).unsqueeze(-1).float()
summed = (embedded * mask).sum(dim=1)
counts = mask.sum(dim=1)
bow_mean = summed / counts
print(counts.squeeze(), bow_mean)
bag = nn.EmbeddingBag.from_pretrained(emb.weight.detach(), mode='mean', padding_idx=0)
print(bag, bag.mode)
print(bag(token_ids))
print(torch.allclose(bag(token_ids), bow_mean))
flat = torch.tensor([2, 3, 4, 3, 5])
offsets = torch.tensor([0, 2])
print(bag(flat, offsets))
bag_sum = nn.EmbeddingBag(len(vocab), 3, mode='sum')
with torch.no_grad():
    bag_sum.weight.copy_(pretrained)
print(bag_sum(flat, offsets, per_sample_weights=torch.tensor([1.0, 0.5, 2.0, 1.0, 0.0])))
bag_max = nn.EmbeddingBag.from_pretrained(pretrained, mode='max')
print(bag_max(token_ids[:2]))
try:
    bag(flat)
except Exception as e:
    print(type(e).__name__, e)
try:
    bag(flat, offsets, per_sample_weights=torch.ones(5))
except Exception as e:
    print(type(e).__name__, e)
try:
    bag(token_ids, offsets)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
labels = torch.tensor([1.0, 0.0, 1.0, 0.0]).view(-1, 1)
model = nn.Sequential(nn.EmbeddingBag(len(vocab), 3, mode='mean', padding_idx=0), nn.Linear(3, 1))
print(model)
optimizer = optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.BCEWithLogitsLoss()
logits = model(token_ids)
loss = loss_fn(logits, labels)
loss.backward()
print(loss, logits.grad_fn)
print(model[0].weight.grad)
optimizer.step()
optimizer.zero_grad()
print(model[1].weight, model[0].weight[0])
print(torch.sigmoid(model(token_ids)).squeeze())
