# Imitates course notebooks on object detection by hand: box format conversions (xyxy <-> cxcywh), a pairwise IoU
# matrix with broadcasting and clamp(min=0), greedy NMS with argsort / masked_select, anchor matching with
# max(dim=...) and argmax, box regression targets, focal loss (sigmoid and softmax forms), RoI max pooling by hand
# with adaptive_max_pool2d on feature-map slices, and the mistakes made along the way.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

def xyxy_to_cxcywh(b):
    x0, y0, x1, y1 = b.unbind(-1)
    return torch.stack([(x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0], dim=-1)

def cxcywh_to_xyxy(b):
    cx, cy, w, h = b.unbind(-1)
    return torch.stack([cx - 0.5 * w, cy - 0.5 * h, cx + 0.5 * w, cy + 0.5 * h], dim=-1)

def box_area(b):
    return (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])

def box_iou(a, b):
    area_a, area_b = box_area(a), box_area(b)
    lt = torch.max(a[:, None, :2], b[:, :2])
    rb = torch.min(a[:, None, 2:], b[:, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area_a[:, None] + area_b - inter)

# %%
boxes = torch.tensor([[10., 10., 50., 50.], [12., 14., 48., 52.], [60., 60., 90., 100.], [0., 0., 20., 20.]])
c = xyxy_to_cxcywh(boxes)
print(c)
print(torch.allclose(cxcywh_to_xyxy(c), boxes), (cxcywh_to_xyxy(c) - boxes).abs().max())
print(box_area(boxes))
iou = box_iou(boxes, boxes)
iou

# %%
print(torch.max(boxes[:, None, :2], boxes[:, :2]).shape)
print(boxes[:, None, :2].expand(4, 4, 2).shape, torch.maximum(boxes[:, None, 2:], boxes[:, 2:])[1])
print(iou.triu(diagonal=1), iou.fill_diagonal_(0).max())

# %%
# broadcasting the wrong way: forgetting the None
torch.max(boxes[:, :2], boxes[:3, :2])

# %%
def nms(boxes, scores, thresh=0.5):
    order = scores.argsort(descending=True)
    keep = []
    while order.numel() > 0:
        i = order[0]
        keep.append(i.item())
        if order.numel() == 1:
            break
        ious = box_iou(boxes[i].unsqueeze(0), boxes[order[1:]]).squeeze(0)
        mask = ious <= thresh
        order = order[1:].masked_select(mask)
    return torch.tensor(keep, dtype=torch.long)

scores = torch.tensor([0.9, 0.75, 0.6, 0.8])
keep = nms(boxes, scores)
print(keep, boxes[keep], scores[keep])
print(scores.argsort(descending=True), scores.sort(descending=True))
print(torch.sort(scores, stable=True, descending=True).indices)

# %%
# masked_select with a mask of the wrong shape / dtype
scores.masked_select(torch.tensor([1, 0, 1, 0]))

# %%
scores.masked_select(torch.tensor([True, False, True]))

# %%
print(scores.masked_select(scores > 0.7), torch.masked_select(boxes, scores[:, None] > 0.7))
print(boxes[scores > 0.7], (scores > 0.7).nonzero(), (scores > 0.7).nonzero(as_tuple=True))
print(torch.where(scores > 0.7)[0], torch.where(scores > 0.7, scores, torch.zeros_like(scores)))

# %%
anchors = torch.tensor([[0., 0., 30., 30.], [8., 8., 52., 52.], [55., 55., 95., 95.], [20., 20., 60., 60.],
                        [70., 0., 100., 30.]])
gt = torch.tensor([[10., 10., 50., 50.], [60., 60., 90., 100.]])
labels_gt = torch.tensor([1, 2])
m = box_iou(anchors, gt)
print(m)
best_iou, best_gt = m.max(dim=1)
print(best_iou, best_gt)
print(m.argmax(dim=0), m.max(dim=0).values, m.max(dim=0, keepdim=True))
labels = labels_gt[best_gt].clone()
labels[best_iou < 0.4] = 0
labels[(best_iou >= 0.4) & (best_iou < 0.5)] = -1
labels[m.argmax(dim=0)] = labels_gt
print(labels)
matched = gt[best_gt]
ac, gc = xyxy_to_cxcywh(anchors), xyxy_to_cxcywh(matched)
deltas = torch.cat([(gc[:, :2] - ac[:, :2]) / ac[:, 2:], torch.log(gc[:, 2:] / ac[:, 2:])], dim=1)
deltas

# %%
print(torch.max(m, 1))
print(m.max())
m.max(dim=2)

# %%
m.argmax(dim=-3)

# %%
def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="mean"):
    p = torch.sigmoid(inputs)
    ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    if reduction == "mean":
        return loss.mean()
    return loss.sum()

logits = torch.randn(5, 3, requires_grad=True)
tgt = F.one_hot(torch.tensor([0, 2, 1, 1, 0]), 3).float()
fl = sigmoid_focal_loss(logits, tgt)
fl.backward()
print(fl, fl.grad_fn)
logits.grad

# %%
def softmax_focal(logits, target, gamma=2.0):
    logp = F.log_softmax(logits, dim=1)
    logpt = logp.gather(1, target.unsqueeze(1)).squeeze(1)
    pt = logpt.exp()
    return (-(1 - pt) ** gamma * logpt).mean()

logits.grad = None
target = torch.tensor([0, 2, 1, 1, 0])
sf = softmax_focal(logits, target)
ce = F.cross_entropy(logits, target)
print(sf, ce, sf < ce)
sf.backward()
print(logits.grad)
print(F.binary_cross_entropy_with_logits(logits, tgt, pos_weight=torch.tensor([1., 2., 3.])))

# %%
# focal loss with integer targets
sigmoid_focal_loss(logits, torch.tensor([0, 2, 1, 1, 0]))

# %%
F.binary_cross_entropy_with_logits(logits, F.one_hot(target, 3))

# %%
feat = torch.randn(1, 4, 16, 16, requires_grad=True)
rois = torch.tensor([[0, 0, 0, 7, 7], [0, 4, 2, 15, 9], [0, 10, 10, 13, 15]])
outs = []
for r in rois:
    b, x0, y0, x1, y1 = r.tolist()
    region = feat[b, :, y0:y1 + 1, x0:x1 + 1]
    outs.append(F.adaptive_max_pool2d(region, (2, 2)))
pooled = torch.stack(outs)
print(pooled.shape, pooled.grad_fn)
pooled.sum().backward()
print(feat.grad[0, 0, :4, :8])
print(feat.grad.sum(), (feat.grad != 0).sum())

# %%
region = feat[0, :, 2:9, 4:16]
print(region.shape)
v, idx = F.adaptive_max_pool2d(region.unsqueeze(0), (3, 3), return_indices=True)
print(idx[0, 0])
print(F.adaptive_max_pool2d(region, 1).flatten(1).shape, nn.AdaptiveMaxPool2d((2, None))(region).shape)
print(F.adaptive_avg_pool2d(region, (2, 3)).shape, F.max_pool2d(region, 2, ceil_mode=True).shape)
F.adaptive_max_pool2d(region, (2, 2)).grad_fn

# %%
# a RoI that is empty after integer rounding
F.adaptive_max_pool2d(feat[0, :, 5:5, 2:8], (2, 2))

# %%
F.adaptive_max_pool2d(feat[0, 0, 0], (2, 2))
