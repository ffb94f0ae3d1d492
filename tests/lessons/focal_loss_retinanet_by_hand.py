# Imitates the focal-loss write-ups (the RetinaNet paper's FL(p_t) = -alpha_t (1 - p_t)^gamma log(p_t), the
# "focal loss in PyTorch from scratch" posts and torchvision's sigmoid_focal_loss re-typed by hand): sigmoid +
# binary_cross_entropy_with_logits(reduction='none'), alpha / gamma weighting, the prior-probability bias init
# -log((1 - pi) / pi), multi-class one-hot targets with F.one_hot, a softmax focal variant with gather, pos_weight,
# normalising by the number of positives, gradients and the errors learners hit.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    if reduction == "none":
        pass
    elif reduction == "mean":
        loss = loss.mean()
    elif reduction == "sum":
        loss = loss.sum()
    else:
        raise ValueError(f"Invalid Value for arg 'reduction': '{reduction} \n Supported reduction modes: 'none', 'mean', 'sum'")
    return loss

# %%
logits = torch.randn(4, 3, requires_grad=True)
targets = torch.tensor([[1., 0., 0.], [0., 0., 1.], [0., 1., 0.], [0., 0., 0.]])
for red in ["none", "mean", "sum"]:
    print(red, sigmoid_focal_loss(logits, targets, reduction=red))
try:
    sigmoid_focal_loss(logits, targets, reduction="avg")
except ValueError as e:
    print("ValueError", e)

# %%
loss = sigmoid_focal_loss(logits, targets, reduction="sum") / max(1, targets.sum().item())
loss.backward()
print(loss, logits.grad)
g_fl = logits.grad.clone()
logits.grad = None
F.binary_cross_entropy_with_logits(logits, targets, reduction="sum").backward()
print(logits.grad)
print((g_fl.abs() / logits.grad.abs()).round(decimals=3))

# %%
prior = 0.01
cls_head = nn.Conv2d(8, 9 * 3, kernel_size=3, padding=1)
nn.init.normal_(cls_head.weight, std=0.01)
nn.init.constant_(cls_head.bias, -math.log((1 - prior) / prior))
print(cls_head.bias[:4], torch.sigmoid(cls_head.bias[:2]))
feat = torch.randn(2, 8, 5, 5)
out = cls_head(feat)
N, _, H, W = out.shape
out = out.view(N, -1, 3, H, W).permute(0, 3, 4, 1, 2).reshape(N, -1, 3)
print(out.shape, out.is_contiguous(), torch.sigmoid(out).mean().item() < 0.02)

# %%
labels = torch.tensor([2, 0, 1, 3, 0])
onehot = F.one_hot(labels, num_classes=4).float()
print(onehot, onehot.dtype)
try:
    F.one_hot(labels, num_classes=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.one_hot(labels.float())
except Exception as e:
    print(type(e).__name__, e)
print(F.one_hot(torch.tensor([-1, 0, 1]) + 1)[:, 1:], F.one_hot(torch.tensor([[0, 2], [1, 1]])).shape)

# %%
def softmax_focal(logits, target, gamma=2.0, weight=None):
    logp = F.log_softmax(logits, dim=1)
    logpt = logp.gather(1, target.unsqueeze(1)).squeeze(1)
    pt = logpt.exp()
    loss = -((1 - pt) ** gamma) * logpt
    if weight is not None:
        loss = loss * weight[target]
    return loss.mean()

z = torch.randn(5, 4, requires_grad=True)
w = torch.tensor([1.0, 2.0, 0.5, 1.0])
fl0 = softmax_focal(z, labels, gamma=0.0)
print(fl0, F.cross_entropy(z, labels))
fl = softmax_focal(z, labels, gamma=2.0, weight=w)
fl.backward()
print(fl, z.grad)
print(F.cross_entropy(z, labels, weight=w), F.cross_entropy(z, labels, weight=w, reduction="none"))

# %%
x = torch.randn(3, 4)
y = (torch.rand(3, 4) > 0.7).float()
pw = torch.tensor([3.0, 1.0, 1.0, 2.0])
print(F.binary_cross_entropy_with_logits(x, y, pos_weight=pw))
print(nn.BCEWithLogitsLoss(pos_weight=pw, reduction="none")(x, y))
print(nn.BCEWithLogitsLoss(weight=torch.tensor([1., 0., 1., 0.]))(x, y))
for bad in [lambda: F.binary_cross_entropy_with_logits(x, y[:, :3]),
            lambda: F.binary_cross_entropy_with_logits(x, y.long()),
            lambda: F.binary_cross_entropy_with_logits(x, y, pos_weight=torch.ones(3)),
            lambda: F.binary_cross_entropy(torch.sigmoid(x), y * 2),
            lambda: F.binary_cross_entropy(x, y),
            lambda: sigmoid_focal_loss(x, y.bool())]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
