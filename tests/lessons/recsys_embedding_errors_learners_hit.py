# Imitates the error messages recommender-system learners hit and paste into forums: user ids out of range in
# nn.Embedding, float or int32 indices, negative ids, EmbeddingBag offsets misuse, per_sample_weights with the
# wrong mode, multinomial misuse in negative sampling, and topk with k too large.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
emb = nn.Embedding(5, 3)
for idx in (torch.tensor([1, 5]), torch.tensor([-1]), torch.tensor([1.0, 2.0]), torch.tensor([[7]])):
    try:
        print(emb(idx))
    except Exception as e:
        print(type(e).__name__, e)
print(emb(torch.tensor([1, 2], dtype=torch.int32)).shape)
print(emb(torch.tensor(3)).shape)
try:
    emb([1, 2])
except Exception as e:
    print(type(e).__name__, e)

# %%
bag = nn.EmbeddingBag(10, 3, mode="sum")
inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
for offs in (torch.tensor([1, 4]), torch.tensor([0, 5, 3]), torch.tensor([0, 9]), torch.tensor([0, 4], dtype=torch.int32)):
    try:
        print(bag(inp, offs))
    except Exception as e:
        print(type(e).__name__, e)
history = torch.tensor([1, 2, 4, 5, 12, 3, 2, 9])   # one item id past the catalogue, in the second user's bag
for offs in (torch.tensor([0, 2, 5, 6]), torch.tensor([0, 2, 4, 6]), torch.tensor([0, 3])):
    try:
        print(bag(history, offs))
    except Exception as e:
        print(type(e).__name__, e)
try:
    print(bag(inp.view(2, 4), torch.tensor([0, 2])))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(bag(inp))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(bag(inp, torch.tensor([[0, 4]])))
except Exception as e:
    print(type(e).__name__, e)

# %%
psw = torch.rand(8)
for mode in ("mean", "max"):
    b = nn.EmbeddingBag(10, 3, mode=mode)
    try:
        print(b(inp, torch.tensor([0, 4]), per_sample_weights=psw))
    except Exception as e:
        print(type(e).__name__, e)
try:
    print(bag(inp, torch.tensor([0, 4]), per_sample_weights=torch.rand(7)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(bag(inp, torch.tensor([0, 4]), per_sample_weights=torch.rand(8, dtype=torch.float64)))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.EmbeddingBag(10, 3, mode="median")
except Exception as e:
    print(type(e).__name__, e)

# %%
try:
    torch.multinomial(torch.tensor([0.2, 0.8]), 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(torch.tensor([0.2, -0.1, 0.9]), 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(torch.tensor([0., 0.]), 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(torch.tensor([1, 2, 3]), 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.randint(5, (3,), dtype=torch.float32).dtype
    print(torch.randint(0, 0, (2,)))
except Exception as e:
    print(type(e).__name__, e)

# %%
scores = torch.randn(2, 4)
try:
    scores.topk(5)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(3).scatter_add_(0, torch.tensor([0, 3]), torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(3).index_add_(0, torch.tensor([0, 1]), torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(3).index_add_(0, torch.tensor([0., 1.]), torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(3).scatter_add_(0, torch.tensor([0, 1], dtype=torch.int32), torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(3, dtype=torch.long).index_add_(0, torch.tensor([0, 1]), torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)

# %%
try:
    nn.Embedding(5, 3, padding_idx=5)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Embedding(5, 3, padding_idx=-6)
except Exception as e:
    print(type(e).__name__, e)
e2 = nn.Embedding(5, 3, padding_idx=-1)
print(e2.padding_idx, e2.weight[4])
try:
    nn.Embedding.from_pretrained(torch.rand(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.embedding(torch.tensor([0, 1]), torch.rand(3, 2), padding_idx=3)
except Exception as e:
    print(type(e).__name__, e)
