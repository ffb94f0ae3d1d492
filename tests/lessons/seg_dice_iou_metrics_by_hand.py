# Imitates the segmentation-metric notebooks and posts written without libraries (soft Dice loss for binary and
# multi-class masks as in the V-Net paper and "Dice loss in PyTorch" answers, Jaccard / IoU from a confusion
# matrix built with torch.bincount, mean IoU ignoring absent classes with nanmean, the ignore_index=255 of
# VOC-style masks): sigmoid / softmax probabilities, F.one_hot(...).permute(0, 3, 1, 2), sums over dims (2, 3),
# smoothing terms, argmax predictions, and the gradients of the soft losses.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, C, H, W = 2, 3, 4, 5
logits = torch.randn(N, C, H, W, requires_grad=True)
target = torch.randint(0, C, (N, H, W))

# %%
def dice_loss_multiclass(logits, target, smooth=1.0, eps=1e-7):
    probs = logits.softmax(dim=1)
    onehot = F.one_hot(target, num_classes=logits.shape[1]).permute(0, 3, 1, 2).float()
    dims = (0, 2, 3)
    inter = torch.sum(probs * onehot, dims)
    card = torch.sum(probs + onehot, dims)
    dice = (2.0 * inter + smooth) / (card + smooth).clamp_min(eps)
    return 1 - dice.mean(), dice

loss, per_class = dice_loss_multiclass(logits, target)
print(loss, per_class)
loss.backward()
print(logits.grad[0, :, 0])
print(F.one_hot(target, C).shape, F.one_hot(target, C).permute(0, 3, 1, 2).is_contiguous())

# %%
bin_logits = torch.randn(N, 1, H, W, requires_grad=True)
bin_target = (torch.rand(N, 1, H, W) > 0.6).float()

def soft_dice(pred, tgt, smooth=1e-5):
    p = torch.sigmoid(pred).flatten(1)
    t = tgt.flatten(1)
    inter = (p * t).sum(-1)
    return 1 - ((2 * inter + smooth) / (p.sum(-1) + t.sum(-1) + smooth))

per_img = soft_dice(bin_logits, bin_target)
bce = F.binary_cross_entropy_with_logits(bin_logits, bin_target)
total = bce + per_img.mean()
total.backward()
print(per_img, bce, total)
print(bin_logits.grad[1, 0])
empty = torch.zeros(1, 1, 2, 2)
print(soft_dice(torch.full((1, 1, 2, 2), -20.), empty), soft_dice(torch.full((1, 1, 2, 2), 20.), empty))

# %%
pred = logits.argmax(dim=1)
def confusion(pred, target, num_classes, ignore_index=255):
    keep = target != ignore_index
    idx = num_classes * target[keep] + pred[keep]
    return torch.bincount(idx, minlength=num_classes ** 2).reshape(num_classes, num_classes)

cm = confusion(pred, target, C)
print(cm, cm.dtype, cm.sum(), cm.diag())
iou = cm.diag() / (cm.sum(0) + cm.sum(1) - cm.diag())
print(iou, iou.dtype, iou.nanmean(), iou.mean())
acc = cm.diag().sum() / cm.sum()
print(acc, (pred == target).float().mean())

# %%
t2 = target.clone()
t2[0, :2, :2] = 255
cm2 = confusion(pred, t2, 4)
print(cm2)
iou2 = cm2.diag().float() / (cm2.sum(0) + cm2.sum(1) - cm2.diag()).float()
print(iou2, torch.nanmean(iou2), iou2[~iou2.isnan()].mean(), torch.nan_to_num(iou2, nan=0.0))
print(F.cross_entropy(logits, t2, ignore_index=255), F.cross_entropy(logits, t2, ignore_index=255, reduction="none")[0, 0])
try:
    F.cross_entropy(logits, t2)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bincount(torch.tensor([-1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bincount(target)
except Exception as e:
    print(type(e).__name__, e)
print(torch.bincount(torch.tensor([0, 2, 2]), weights=torch.tensor([0.5, 1., 2.])), torch.bincount(torch.tensor([], dtype=torch.long)))

# %%
def iou_binary(pred_mask, true_mask, eps=1e-6):
    pred_mask = pred_mask.bool()
    true_mask = true_mask.bool()
    inter = (pred_mask & true_mask).sum(dim=(1, 2)).float()
    union = (pred_mask | true_mask).sum(dim=(1, 2)).float()
    return (inter + eps) / (union + eps)

pm = torch.sigmoid(bin_logits.detach()).squeeze(1) > 0.5
tm = bin_target.squeeze(1)
print(pm.dtype, iou_binary(pm, tm), iou_binary(pm, pm))
print((pm & tm.bool()).sum(dim=(1, 2)), (pm | tm.bool()).sum((1, 2)).dtype, pm.sum(), pm.float().mean((1, 2)))
thresholds = torch.arange(0.5, 1.0, 0.1)
print(thresholds, (iou_binary(pm, tm)[:, None] > thresholds).float().mean(1))
try:
    print(pm & tm)
except Exception as e:
    print(type(e).__name__, e)
