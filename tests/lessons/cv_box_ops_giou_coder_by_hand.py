# Imitates torchvision-free detection utilities written by hand in blog posts and course notebooks (the
# "box_iou / generalized_box_iou / BoxCoder / batched_nms from scratch" pattern of DETR's util/box_ops.py and
# torchvision's ops re-typed by learners): broadcasting IoU with clamp(min=0), GIoU and its gradient, box
# encoding / decoding with log of width ratios and clamped dw/dh, NMS by hand with sort and masks, batched NMS
# with the coordinate-offset trick, and the empty-box corner cases.
import math
import torch

torch.manual_seed(0)

def box_area(b):
    return (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])

def box_iou(b1, b2):
    a1, a2 = box_area(b1), box_area(b2)
    lt = torch.max(b1[:, None, :2], b2[:, :2])
    rb = torch.min(b1[:, None, 2:], b2[:, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[:, :, 0] * wh[:, :, 1]
    union = a1[:, None] + a2 - inter
    return inter / union, union

def generalized_box_iou(b1, b2):
    iou, union = box_iou(b1, b2)
    lt = torch.min(b1[:, None, :2], b2[:, :2])
    rb = torch.max(b1[:, None, 2:], b2[:, 2:])
    wh = (rb - lt).clamp(min=0)
    area = wh[..., 0] * wh[..., 1]
    return iou - (area - union) / area

# %%
b1 = torch.tensor([[0., 0., 10., 10.], [5., 5., 15., 15.], [20., 20., 30., 25.]])
b2 = torch.tensor([[0., 0., 10., 10.], [12., 0., 20., 8.]])
iou, union = box_iou(b1, b2)
print(iou)
print(union)
print(generalized_box_iou(b1, b2))
print(iou.max(dim=1), iou.argmax(dim=0))

# %%
pred = torch.tensor([[1., 2., 9., 11.], [4., 4., 14., 16.]], requires_grad=True)
target = torch.tensor([[0., 0., 10., 10.], [5., 5., 15., 15.]])
giou = torch.diag(generalized_box_iou(pred, target))
loss = (1 - giou).mean()
loss.backward()
print(giou, loss)
print(pred.grad)
print(loss.grad_fn, giou.grad_fn)

# %%
empty = torch.zeros((0, 4))
print(box_iou(empty, b2)[0], box_iou(b1, empty)[0].shape)
print(box_area(empty), empty.max(dim=0) if empty.numel() else "no boxes")
degenerate = torch.tensor([[3., 3., 3., 3.]])
print(box_iou(degenerate, degenerate)[0], generalized_box_iou(degenerate, degenerate))
try:
    print(empty.max())
except Exception as e:
    print(type(e).__name__, e)
print(empty.amax(dim=0) if False else empty.sum(0), torch.zeros(0, 2).max(dim=1))

# %%
BBOX_CLIP = math.log(1000.0 / 16)

def encode(ref, proposals, weights=(10., 10., 5., 5.)):
    wx, wy, ww, wh = weights
    pw = proposals[:, 2] - proposals[:, 0]
    ph = proposals[:, 3] - proposals[:, 1]
    px = proposals[:, 0] + 0.5 * pw
    py = proposals[:, 1] + 0.5 * ph
    gw = ref[:, 2] - ref[:, 0]
    gh = ref[:, 3] - ref[:, 1]
    gx = ref[:, 0] + 0.5 * gw
    gy = ref[:, 1] + 0.5 * gh
    return torch.stack((wx * (gx - px) / pw, wy * (gy - py) / ph,
                        ww * torch.log(gw / pw), wh * torch.log(gh / ph)), dim=1)

def decode(codes, boxes, weights=(10., 10., 5., 5.)):
    boxes = boxes.to(codes.dtype)
    w = boxes[:, 2] - boxes[:, 0]
    h = boxes[:, 3] - boxes[:, 1]
    cx = boxes[:, 0] + 0.5 * w
    cy = boxes[:, 1] + 0.5 * h
    wx, wy, ww, wh = weights
    dx, dy = codes[:, 0::4] / wx, codes[:, 1::4] / wy
    dw = torch.clamp(codes[:, 2::4] / ww, max=BBOX_CLIP)
    dh = torch.clamp(codes[:, 3::4] / wh, max=BBOX_CLIP)
    pcx = dx * w[:, None] + cx[:, None]
    pcy = dy * h[:, None] + cy[:, None]
    pw = torch.exp(dw) * w[:, None]
    ph = torch.exp(dh) * h[:, None]
    c_to_c_h = torch.tensor(0.5, dtype=pcy.dtype) * ph
    c_to_c_w = torch.tensor(0.5, dtype=pcx.dtype) * pw
    return torch.stack((pcx - c_to_c_w, pcy - c_to_c_h, pcx + c_to_c_w, pcy + c_to_c_h), dim=2).flatten(1)

anchors = torch.tensor([[0., 0., 8., 8.], [4., 4., 20., 12.], [10, 0, 30, 30]])
gt = torch.tensor([[1., 1., 9., 10.], [3., 5., 22., 12.], [12, 2, 28, 31]])
codes = encode(gt, anchors)
print(codes)
print(decode(codes, anchors))
print(torch.allclose(decode(codes, anchors), gt, atol=1e-4))
big = codes.clone()
big[:, 2:] = 100.
print(decode(big, anchors))
print(decode(codes.double(), anchors.long()).dtype, BBOX_CLIP)

# %%
def nms(boxes, scores, thresh):
    order = scores.argsort(descending=True)
    keep = []
    while order.numel() > 0:
        i = order[0]
        keep.append(i.item())
        if order.numel() == 1:
            break
        iou, _ = box_iou(boxes[i].unsqueeze(0), boxes[order[1:]])
        mask = (iou <= thresh).squeeze(0)
        order = order[1:][mask]
    return torch.tensor(keep, dtype=torch.long)

xy = torch.rand(8, 2) * 20
wh = torch.rand(8, 2) * 10 + 4
boxes = torch.cat([xy, xy + wh], dim=1)
scores = torch.rand(8)
keep = nms(boxes, scores, 0.3)
print(keep, scores[keep])
print(boxes[keep].round(decimals=2))

# %%
labels = torch.tensor([0, 1, 0, 1, 1, 0, 2, 2])
max_coord = boxes.max()
offsets = labels.to(boxes) * (max_coord + 1)
keep_b = nms(boxes + offsets[:, None], scores, 0.3)
print(offsets, keep_b, labels[keep_b])
sorted_scores, idx = torch.sort(scores, descending=True, stable=True)
print(sorted_scores, idx)
print(torch.topk(scores, k=3), torch.topk(scores, k=3, largest=False, sorted=True).indices)
over = scores > 0.5
print(over.nonzero().squeeze(1), over.nonzero(as_tuple=True), torch.where(over)[0], over.sum())
