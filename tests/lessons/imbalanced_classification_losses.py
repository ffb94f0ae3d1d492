# Imitates an "imbalanced classification" lesson: class weights in CrossEntropyLoss together with ignore_index and
# label_smoothing, soft targets with weights, pos_weight in BCEWithLogitsLoss, NLLLoss on segmentation maps, and
# reduction='none' with per-sample weights.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(6, 3, requires_grad=True)
target = torch.tensor([0, 1, 2, 2, -100, 1])
w = torch.tensor([0.2, 1.0, 3.0])
print(F.cross_entropy(logits, target, weight=w))
print(F.cross_entropy(logits, target, weight=w, label_smoothing=0.1))
print(F.cross_entropy(logits, target, weight=w, reduction="sum", label_smoothing=0.2))
print(F.cross_entropy(logits, target, weight=w, reduction="none", label_smoothing=0.1))

# %%
loss = nn.CrossEntropyLoss(weight=w, ignore_index=-100, label_smoothing=0.05)(logits, target)
loss.backward()
print(loss, logits.grad)
print(nn.CrossEntropyLoss(weight=w, label_smoothing=0.05))

# %%
soft = torch.softmax(torch.randn(6, 3), -1)
print(F.cross_entropy(logits, soft, weight=w))
print(F.cross_entropy(logits, soft, weight=w, label_smoothing=0.1), F.cross_entropy(logits, soft, reduction="none"))
try:
    F.cross_entropy(logits, torch.tensor([0, 1, 2, 2, 5, 1]))
except Exception as e:
    print(type(e).__name__, e)

# %%
y = torch.tensor([[1.0, 0.0], [0.0, 0.0], [1.0, 1.0]])
z = torch.randn(3, 2, requires_grad=True)
pw = torch.tensor([3.0, 0.5])
bce = nn.BCEWithLogitsLoss(pos_weight=pw)
print(bce(z, y), F.binary_cross_entropy_with_logits(z, y, weight=torch.tensor([1.0, 2.0]), pos_weight=pw))
print(F.binary_cross_entropy_with_logits(z, y, pos_weight=pw, reduction="none"))
print(F.binary_cross_entropy(torch.sigmoid(z), y, weight=torch.tensor([[1.0], [0.5], [2.0]])))

# %%
seg = torch.randn(2, 4, 3, 3, requires_grad=True)
mask = torch.randint(0, 4, (2, 3, 3))
mask[0, 0, 0] = 255
cw = torch.tensor([0.1, 1.0, 1.0, 2.0])
l = F.nll_loss(F.log_softmax(seg, 1), mask, weight=cw, ignore_index=255)
print(l, F.cross_entropy(seg, mask, weight=cw, ignore_index=255, label_smoothing=0.1))
l.backward()
print(seg.grad[0, :, 0, 0], seg.grad[1, :, 0, 0])

# %%
per = F.cross_entropy(logits.detach(), torch.tensor([0, 1, 2, 2, 0, 1]), reduction="none")
sw = torch.tensor([1.0, 1.0, 5.0, 5.0, 1.0, 1.0])
print(per, (per * sw).sum() / sw.sum())
counts = torch.bincount(torch.tensor([0, 0, 0, 0, 1, 1, 2]), minlength=3)
inv = counts.sum() / (len(counts) * counts.float())
print(counts, inv, 1.0 / torch.sqrt(counts.float()))
sampler = torch.utils.data.WeightedRandomSampler(inv[torch.tensor([0, 0, 0, 0, 1, 1, 2])], num_samples=7, generator=torch.Generator().manual_seed(1))
print(list(sampler))
