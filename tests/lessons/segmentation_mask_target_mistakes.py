# Imitates the troubleshooting part of segmentation and detection notebooks: masks loaded from PNG files (uint8,
# with a channel dimension), class weights for imbalanced classes, weighted pixel counts with torch.bincount, a
# RoI pooling helper whose output size is computed, the transposed convolution asked for an output_size, and
# one_hot with a class count that came out of a division.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
logits = torch.randn(2, 4, 6, 6, requires_grad=True)
mask_png = torch.randint(0, 4, (2, 1, 6, 6), dtype=torch.uint8)

# %%
# the mask straight from the loader: uint8 and (N, 1, H, W)
print(mask_png.dtype, mask_png.shape)
F.cross_entropy(logits, mask_png)

# %%
F.cross_entropy(logits, mask_png.squeeze(1))

# %%
F.cross_entropy(logits, mask_png.long())

# %%
F.cross_entropy(logits, mask_png.squeeze().long())

# %%
target = mask_png.squeeze(1).long()
loss = F.cross_entropy(logits, target)
print(loss)
loss.backward()
print(logits.grad[0, :, 0, 0])

# %%
# class frequencies -> inverse-frequency weights (one class forgotten)
counts = torch.bincount(target.flatten(), minlength=4)
print(counts)
w = counts.sum() / (4 * counts.float())
print(w)
nn.CrossEntropyLoss(weight=w[:3])(logits, target)

# %%
nn.CrossEntropyLoss(weight=w.double())(logits, target)

# %%
crit = nn.CrossEntropyLoss(weight=w, ignore_index=0, label_smoothing=0.05)
print(crit(logits, target), crit(logits.detach(), target))
print(F.nll_loss(F.log_softmax(logits, 1), target, weight=w, reduction="none")[0, 0])
print(F.cross_entropy(logits.detach(), target[:, :, :1].expand(-1, -1, 6), reduction="sum"))

# %%
F.cross_entropy(logits, target[:, :3])

# %%
F.cross_entropy(logits, target[0])

# %%
F.cross_entropy(logits, target.int())

# %%
# 3-d logits (N, C, L) with a byte target
seq = logits.detach().flatten(2)
print(seq.shape)
F.cross_entropy(seq, target.flatten(1).to(torch.uint8))

# %%
print(F.cross_entropy(seq, target.flatten(1)), F.cross_entropy(seq[:, :, 0], target.flatten(1)[:, 0].to(torch.uint8)))
F.cross_entropy(seq, target.flatten(1)[:, :5])

# %%
# expected soft-pixel counts per class: bincount weighted by probabilities
probs = logits.softmax(1)
pix = torch.bincount(target.flatten(), weights=probs[:, 1].flatten())
print(pix)
pix.sum().backward()

# %%
print(torch.bincount(target.flatten(), weights=probs[:, 1].flatten().detach()))
print(torch.bincount(torch.tensor([], dtype=torch.long), weights=torch.tensor([]), minlength=4))
torch.bincount(target.flatten().float().view(2, -1))

# %%
feat = torch.randn(1, 8, 12, 12)
def roi_pool(feat, box, out=2):
    x0, y0, x1, y1 = box
    return F.adaptive_max_pool2d(feat[..., y0:y1, x0:x1], out)
print(roi_pool(feat, (0, 0, 6, 6)).shape, roi_pool(feat, (2, 3, 11, 9), (3, 2)).shape)
roi_pool(feat, (0, 0, 6, 6), 7 / 2)

# %%
roi_pool(feat, (0, 0, 6, 6), (7 / 2, 2))

# %%
roi_pool(feat, (0, 0, 6, 6), (2, 7 / 2))

# %%
print(roi_pool(feat, (0, 0, 6, 6), (None, 2)).shape)
F.adaptive_max_pool1d(feat[0, :, 0], (3, 3))

# %%
F.adaptive_avg_pool1d(feat[0, :, 0], 1.5)

# %%
up = nn.ConvTranspose2d(8, 4, kernel_size=3, stride=2, padding=1)
print(up(feat, output_size=feat.shape[-2:] * 2 if False else (24, 24)).shape)
print(up(feat, output_size=[1, 4, 23, 23]).shape)
up(feat, output_size=[4, 24, 24])

# %%
up(feat[0], output_size=[8, 4, 24, 24])

# %%
up(feat, output_size=[30, 30])

# %%
n_classes = target.max() + 1
print(n_classes)
F.one_hot(target, num_classes=8 / 2)

# %%
print(F.one_hot(target, num_classes=int(n_classes)).shape, F.one_hot(target, n_classes).shape)
F.one_hot(target.float(), 4)
