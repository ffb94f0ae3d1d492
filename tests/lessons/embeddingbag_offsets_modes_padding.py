# Imitates the PyTorch docs' nn.EmbeddingBag / F.embedding_bag examples and the torchtext "Text classification
# with the torchtext library" tutorial: flat ids with offsets, include_last_offset, padding_idx, per_sample_weights,
# the three modes and their gradients, and the mistakes learners make with offsets.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
bag = nn.EmbeddingBag(10, 3, mode="mean")
ids = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
offsets = torch.tensor([0, 2, 2, 5])
out = bag(ids, offsets)
print(out)
out.sum().backward()
print(bag.weight.grad)
print(out.grad_fn)

# %%
last = nn.EmbeddingBag(10, 3, mode="sum", include_last_offset=True)
with torch.no_grad():
    last.weight.copy_(bag.weight)
print(last(ids, torch.tensor([0, 2, 5, 8])))
print(last(ids, torch.tensor([0, 2, 5])).shape)
print(last)

# %%
mx = nn.EmbeddingBag(10, 3, mode="max")
with torch.no_grad():
    mx.weight.copy_(bag.weight)
y = mx(ids, offsets)
print(y)
y.sum().backward()
print(mx.weight.grad)

# %%
pad = nn.EmbeddingBag(10, 2, mode="mean", padding_idx=0)
print(pad.weight[0], pad)
batch = torch.tensor([[3, 4, 0, 0], [0, 0, 0, 0], [5, 0, 6, 7]])
z = pad(batch)
print(z)
z.pow(2).sum().backward()
print(pad.weight.grad)

# %%
w = torch.tensor([0.5, 1.0, 2.0, 1.0, 1.0, 0.1, 0.2, 0.3], requires_grad=True)
s = nn.EmbeddingBag(10, 2, mode="sum")
o = s(ids, torch.tensor([0, 3, 6]), per_sample_weights=w)
o.sum().backward()
print(o)
print(w.grad)
try:
    nn.EmbeddingBag(10, 2, mode="mean")(ids, torch.tensor([0, 3]), per_sample_weights=w)
except Exception as e:
    print(type(e).__name__, e)

# %%
weight = torch.randn(6, 2, requires_grad=True)
inp = torch.tensor([[0, 2], [4, 5]])
print(F.embedding_bag(inp, weight, mode="max"))
print(F.embedding_bag(torch.tensor([1, 2, 4, 5]), weight, torch.tensor([0, 1]), mode="sum"))
print(F.embedding_bag(torch.tensor([1, 2, 4, 5]), weight, torch.tensor([0, 1]), max_norm=1.0).shape)
print(weight.norm(dim=1))

# %%
for call in [
    lambda: bag(ids),
    lambda: bag(ids.view(2, 4), offsets),
    lambda: bag(ids, torch.tensor([1, 3])),
    lambda: bag(ids, torch.tensor([0, 9])),
    lambda: bag(ids.float(), offsets),
    lambda: bag(torch.tensor([1, 12]), torch.tensor([0])),
    lambda: bag(ids, offsets.int()),
    lambda: nn.EmbeddingBag(10, 3, mode="median"),
    lambda: F.embedding_bag(ids, bag.weight, offsets, mode="max", per_sample_weights=torch.ones(8)),
    lambda: bag(ids, torch.tensor([[0, 2]])),
]:
    try:
        print(call().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
pre = torch.arange(12.).view(4, 3)
fb = nn.EmbeddingBag.from_pretrained(pre, mode="sum", freeze=False, padding_idx=3)
print(fb, fb.weight.requires_grad)
print(fb(torch.tensor([[0, 3], [1, 2]])))
fz = nn.EmbeddingBag.from_pretrained(pre)
print(fz.mode, fz.weight.requires_grad, fz(torch.tensor([[0, 1]])))
