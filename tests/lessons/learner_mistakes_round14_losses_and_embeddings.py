# Losses and embeddings given what learners give them: BCELoss with targets that are not probabilities (labels 0/1
# scaled to 0/255, a -1/1 encoding), cosine similarity of a batch against one vector, EmbeddingBag with offsets
# that skip the start, or indices past the vocabulary, and nn.Parameter of integer counts.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, requires_grad=True)
probs = torch.sigmoid(logits)
for target in [torch.tensor([0., 255., 255., 0.]), torch.tensor([-1., 1., 1., -1.]), torch.tensor([0., 1., 1., 0.])]:
    try:
        loss = nn.BCELoss()(probs, target)
        print(loss)
    except RuntimeError as e:
        print('RuntimeError:', e)
try:
    nn.BCELoss()(logits, torch.tensor([0., 1., 1., 0.]))
except RuntimeError as e:
    print('RuntimeError:', e)
loss = nn.BCEWithLogitsLoss()(logits, (torch.tensor([-1., 1., 1., -1.]) + 1) / 2)
loss.backward()
print(loss, logits.grad)

# %%
queries = torch.randn(3, 5, requires_grad=True)
key = torch.randn(5)
sims = F.cosine_similarity(queries, key, dim=1)
print(sims, sims.argmax())
sims.sum().backward()
print(queries.grad)
try:
    F.cosine_similarity(torch.tensor([[1, 2, 3]]), torch.tensor([[3, 2, 1]]))
except RuntimeError as e:
    print('RuntimeError:', e)
print(F.cosine_similarity(torch.tensor([[1, 2, 3]]).float(), torch.tensor([[3, 2, 1]]).float()))

# %%
bag = nn.EmbeddingBag(6, 3, mode='mean')
words = torch.tensor([1, 2, 4, 5, 4])
for offsets in [torch.tensor([1, 3]), torch.tensor([0, 9]), torch.tensor([0, 3])]:
    try:
        print(bag(words, offsets))
    except RuntimeError as e:
        print('RuntimeError:', e)
try:
    bag(torch.tensor([1, 2, 6]), torch.tensor([0]))
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    bag(torch.tensor([[1.0, 2.0]]))
except RuntimeError as e:
    print('RuntimeError:', e)

# %%
counts = torch.tensor([3, 0, 5])
try:
    w = nn.Parameter(counts)
except RuntimeError as e:
    print('RuntimeError:', e)
w = nn.Parameter(counts.float())
print(w)
try:
    nn.Embedding.from_pretrained(torch.ones(4))
except AssertionError as e:
    print('AssertionError:', e)
emb = nn.Embedding.from_pretrained(torch.eye(3), freeze=False)
print(emb(torch.tensor([2, 0])), emb.weight.requires_grad)
