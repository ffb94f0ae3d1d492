# Imitates Yutaro Ogawa, 'つくりながら学ぶ! PyTorchによる発展ディープラーニング' ch2 (repo YutaroOgawa/pytorch_advanced,
# 2_objectdetection/utils/ssd_model.py and match.py) at tiny sizes on random tensors: the L2Norm layer
# (nn.init.constant_, x.pow(2).sum(dim=1, keepdim=True).sqrt()+eps), DBox with itertools.product and
# torch.Tensor(mean).view(-1, 4).clamp_(max=1, min=0), decode with torch.cat and exp, point_form / intersect / jaccard
# with unsqueeze/expand and torch.clamp, match with index_fill_ and squeeze_, encode, nm_suppression written by hand
# (scores.new(n).zero_().long(), boxes.new(), index_select(out=), resize_as_, torch.le masks), the Detect Function,
# and MultiBoxLoss (hard negative mining with two sorts, smooth_l1_loss(reduction='sum'), cross_entropy).
import itertools
from itertools import product as product
from math import sqrt as sqrt

import torch
import torch.nn as nn
import torch.nn.init as init
import torch.nn.functional as F
from torch.autograd import Function


# %%
# L2Norm 層: conv4_3 の出力をチャネル方向に正規化して係数を掛ける
class L2Norm(nn.Module):
    def __init__(self, input_channels=512, scale=20):
        super(L2Norm, self).__init__()
        self.weight = nn.Parameter(torch.Tensor(input_channels))
        self.scale = scale
        self.reset_parameters()
        self.eps = 1e-10

    def reset_parameters(self):
        init.constant_(self.weight, self.scale)

    def forward(self, x):
        norm = x.pow(2).sum(dim=1, keepdim=True).sqrt() + self.eps
        x = torch.div(x, norm)
        weights = self.weight.unsqueeze(0).unsqueeze(2).unsqueeze(3).expand_as(x)
        out = weights * x
        return out


torch.manual_seed(1234)
l2 = L2Norm(input_channels=8, scale=20)
x = torch.randn(2, 8, 3, 3, requires_grad=True)
out = l2(x)
print(out.shape, out.grad_fn)
print(out[0, :, 0, 0].pow(2).sum().sqrt())
out.sum().backward()
print(l2.weight.grad)
print(x.grad[0, :3, 0, 0])
l2.weight

# %%
# DBox: デフォルトボックスを作る
class DBox(object):
    def __init__(self, cfg):
        super(DBox, self).__init__()
        self.image_size = cfg['input_size']
        self.feature_maps = cfg['feature_maps']
        self.num_priors = len(cfg["feature_maps"])
        self.steps = cfg['steps']
        self.min_sizes = cfg['min_sizes']
        self.max_sizes = cfg['max_sizes']
        self.aspect_ratios = cfg['aspect_ratios']

    def make_dbox_list(self):
        mean = []
        for k, f in enumerate(self.feature_maps):
            for i, j in product(range(f), repeat=2):
                f_k = self.image_size / self.steps[k]
                cx = (j + 0.5) / f_k
                cy = (i + 0.5) / f_k
                s_k = self.min_sizes[k] / self.image_size
                mean += [cx, cy, s_k, s_k]
                s_k_prime = sqrt(s_k * (self.max_sizes[k] / self.image_size))
                mean += [cx, cy, s_k_prime, s_k_prime]
                for ar in self.aspect_ratios[k]:
                    mean += [cx, cy, s_k * sqrt(ar), s_k / sqrt(ar)]
                    mean += [cx, cy, s_k / sqrt(ar), s_k * sqrt(ar)]
        output = torch.Tensor(mean).view(-1, 4)
        output.clamp_(max=1, min=0)
        return output


ssd_cfg = {
    'num_classes': 4,
    'input_size': 60,
    'bbox_aspect_num': [4, 6],
    'feature_maps': [3, 2],
    'steps': [20, 30],
    'min_sizes': [18, 33],
    'max_sizes': [33, 66],
    'aspect_ratios': [[2], [2, 3]],
}
dbox = DBox(ssd_cfg)
dbox_list = dbox.make_dbox_list()
print(dbox_list.shape, dbox_list.dtype)
print(dbox_list[:6])
print(dbox_list.max(), dbox_list.min())

# %%
try:
    import pandas as pd
    df = pd.DataFrame(dbox_list.numpy())
    print(df.shape)
except ImportError as e:
    print("no pandas")
try:
    torch.Tensor([0.1, 0.2, 0.3, 0.4, 0.5]).view(-1, 4)
except Exception as e:
    print(type(e).__name__, e)

# %%
# decode: オフセット情報を使って DBox を BBox に変換する
def decode(loc, dbox_list):
    boxes = torch.cat((
        dbox_list[:, :2] + loc[:, :2] * 0.1 * dbox_list[:, 2:],
        dbox_list[:, 2:] * torch.exp(loc[:, 2:] * 0.2)), dim=1)
    boxes[:, :2] -= boxes[:, 2:] / 2
    boxes[:, 2:] += boxes[:, :2]
    return boxes


torch.manual_seed(0)
num_dbox = dbox_list.size(0)
loc = torch.randn(num_dbox, 4, requires_grad=True)
boxes = decode(loc, dbox_list)
print(boxes.shape, boxes.grad_fn)
print(boxes[:3])
boxes.sum().backward()
print(loc.grad[:3])

# %%
def point_form(boxes):
    return torch.cat((boxes[:, :2] - boxes[:, 2:] / 2,
                      boxes[:, :2] + boxes[:, 2:] / 2), 1)


def intersect(box_a, box_b):
    A = box_a.size(0)
    B = box_b.size(0)
    max_xy = torch.min(box_a[:, 2:].unsqueeze(1).expand(A, B, 2),
                       box_b[:, 2:].unsqueeze(0).expand(A, B, 2))
    min_xy = torch.max(box_a[:, :2].unsqueeze(1).expand(A, B, 2),
                       box_b[:, :2].unsqueeze(0).expand(A, B, 2))
    inter = torch.clamp((max_xy - min_xy), min=0)
    return inter[:, :, 0] * inter[:, :, 1]


def jaccard(box_a, box_b):
    inter = intersect(box_a, box_b)
    area_a = ((box_a[:, 2] - box_a[:, 0]) *
              (box_a[:, 3] - box_a[:, 1])).unsqueeze(1).expand_as(inter)
    area_b = ((box_b[:, 2] - box_b[:, 0]) *
              (box_b[:, 3] - box_b[:, 1])).unsqueeze(0).expand_as(inter)
    union = area_a + area_b - inter
    return inter / union


def encode(matched, priors, variances):
    g_cxcy = (matched[:, :2] + matched[:, 2:]) / 2 - priors[:, :2]
    g_cxcy /= (variances[0] * priors[:, 2:])
    g_wh = (matched[:, 2:] - matched[:, :2]) / priors[:, 2:]
    g_wh = torch.log(g_wh) / variances[1]
    return torch.cat([g_cxcy, g_wh], 1)


def match(threshold, truths, priors, variances, labels, loc_t, conf_t, idx):
    overlaps = jaccard(truths, point_form(priors))
    best_prior_overlap, best_prior_idx = overlaps.max(1, keepdim=True)
    best_truth_overlap, best_truth_idx = overlaps.max(0, keepdim=True)
    best_truth_idx.squeeze_(0)
    best_truth_overlap.squeeze_(0)
    best_prior_idx.squeeze_(1)
    best_prior_overlap.squeeze_(1)
    best_truth_overlap.index_fill_(0, best_prior_idx, 2)
    for j in range(best_prior_idx.size(0)):
        best_truth_idx[best_prior_idx[j]] = j
    matches = truths[best_truth_idx]
    conf = labels[best_truth_idx] + 1
    conf[best_truth_overlap < threshold] = 0
    loc = encode(matches, priors, variances)
    loc_t[idx] = loc
    conf_t[idx] = conf


truths = torch.tensor([[0.1, 0.1, 0.5, 0.6], [0.4, 0.3, 0.9, 0.8]])
labels = torch.tensor([2., 0.])
ov = jaccard(truths, point_form(dbox_list))
print(ov.shape, ov.max(1))
loc_t = torch.Tensor(2, num_dbox, 4)
conf_t_label = torch.LongTensor(2, num_dbox)
match(0.5, truths, dbox_list, [0.1, 0.2], labels, loc_t, conf_t_label, 0)
match(0.3, truths[1:], dbox_list, [0.1, 0.2], labels[1:], loc_t, conf_t_label, 1)
print(conf_t_label)
print(loc_t[0, conf_t_label[0] > 0])
print(loc_t.dtype, conf_t_label.dtype)

# %%
# Non-Maximum Suppression を手で書く
def nm_suppression(boxes, scores, overlap=0.45, top_k=200):
    count = 0
    keep = scores.new(scores.size(0)).zero_().long()
    x1 = boxes[:, 0]
    y1 = boxes[:, 1]
    x2 = boxes[:, 2]
    y2 = boxes[:, 3]
    area = torch.mul(x2 - x1, y2 - y1)
    tmp_x1 = boxes.new()
    tmp_y1 = boxes.new()
    tmp_x2 = boxes.new()
    tmp_y2 = boxes.new()
    tmp_w = boxes.new()
    tmp_h = boxes.new()
    v, idx = scores.sort(0)
    idx = idx[-top_k:]
    while idx.numel() > 0:
        i = idx[-1]
        keep[count] = i
        count += 1
        if idx.size(0) == 1:
            break
        idx = idx[:-1]
        torch.index_select(x1, 0, idx, out=tmp_x1)
        torch.index_select(y1, 0, idx, out=tmp_y1)
        torch.index_select(x2, 0, idx, out=tmp_x2)
        torch.index_select(y2, 0, idx, out=tmp_y2)
        tmp_x1 = torch.clamp(tmp_x1, min=x1[i])
        tmp_y1 = torch.clamp(tmp_y1, min=y1[i])
        tmp_x2 = torch.clamp(tmp_x2, max=x2[i])
        tmp_y2 = torch.clamp(tmp_y2, max=y2[i])
        tmp_w.resize_as_(tmp_x2)
        tmp_h.resize_as_(tmp_y2)
        tmp_w = tmp_x2 - tmp_x1
        tmp_h = tmp_y2 - tmp_y1
        tmp_w = torch.clamp(tmp_w, min=0.0)
        tmp_h = torch.clamp(tmp_h, min=0.0)
        inter = tmp_w * tmp_h
        rem_areas = torch.index_select(area, 0, idx)
        union = (rem_areas - inter) + area[i]
        IoU = inter / union
        idx = idx[IoU.le(overlap)]
    return keep, count


torch.manual_seed(3)
b = torch.rand(12, 2) * 0.5
bx = torch.cat([b, b + 0.2 + torch.rand(12, 2) * 0.3], 1)
sc = torch.rand(12)
keep, count = nm_suppression(bx, sc, overlap=0.45, top_k=10)
print(keep, count)
print(keep[:count], sc[keep[:count]])
print(bx.new().shape, bx.new(), sc.new(3).zero_().long())

# %%
# Detect: 推論時の出力を作る Function
class Detect(Function):
    @staticmethod
    def forward(ctx, loc_data, conf_data, dbox_list):
        ctx.softmax = nn.Softmax(dim=-1)
        ctx.conf_thresh = 0.2
        ctx.top_k = 5
        ctx.nms_thresh = 0.45
        num_batch = loc_data.size(0)
        num_dbox = loc_data.size(1)
        num_classes = conf_data.size(2)
        conf_data = ctx.softmax(conf_data)
        output = torch.zeros(num_batch, num_classes, ctx.top_k, 5)
        conf_preds = conf_data.transpose(2, 1)
        for i in range(num_batch):
            decoded_boxes = decode(loc_data[i], dbox_list)
            conf_scores = conf_preds[i].clone()
            for cl in range(1, num_classes):
                c_mask = conf_scores[cl].gt(ctx.conf_thresh)
                scores = conf_scores[cl][c_mask]
                if scores.nelement() == 0:
                    continue
                l_mask = c_mask.unsqueeze(1).expand_as(decoded_boxes)
                boxes = decoded_boxes[l_mask].view(-1, 4)
                ids, count = nm_suppression(boxes, scores, ctx.nms_thresh, ctx.top_k)
                output[i, cl, :count] = torch.cat((scores[ids[:count]].unsqueeze(1),
                                                   boxes[ids[:count]]), 1)
        return output


torch.manual_seed(5)
loc_data = torch.randn(2, num_dbox, 4) * 0.5
conf_data = torch.randn(2, num_dbox, 4) * 2
detections = Detect.apply(loc_data, conf_data, dbox_list)
print(detections.shape, detections.requires_grad)
print(detections[0, 1])
print((detections[:, :, :, 0] >= 0.2).sum())
detections[1, 2, 0]

# %%
# MultiBoxLoss: Hard Negative Mining 付きの損失
class MultiBoxLoss(nn.Module):
    def __init__(self, jaccard_thresh=0.5, neg_pos=3, device='cpu'):
        super(MultiBoxLoss, self).__init__()
        self.jaccard_thresh = jaccard_thresh
        self.negpos_ratio = neg_pos
        self.device = device

    def forward(self, predictions, targets):
        loc_data, conf_data, dbox_list = predictions
        num_batch = loc_data.size(0)
        num_dbox = loc_data.size(1)
        num_classes = conf_data.size(2)
        conf_t_label = torch.LongTensor(num_batch, num_dbox).to(self.device)
        loc_t = torch.Tensor(num_batch, num_dbox, 4).to(self.device)
        for idx in range(num_batch):
            truths = targets[idx][:, :-1].to(self.device)
            labels = targets[idx][:, -1].to(self.device)
            dbox = dbox_list.to(self.device)
            variance = [0.1, 0.2]
            match(self.jaccard_thresh, truths, dbox, variance, labels, loc_t, conf_t_label, idx)
        pos_mask = conf_t_label > 0
        pos_idx = pos_mask.unsqueeze(pos_mask.dim()).expand_as(loc_data)
        loc_p = loc_data[pos_idx].view(-1, 4)
        loc_t = loc_t[pos_idx].view(-1, 4)
        loss_l = F.smooth_l1_loss(loc_p, loc_t, reduction='sum')
        batch_conf = conf_data.view(-1, num_classes)
        loss_c = F.cross_entropy(batch_conf, conf_t_label.view(-1), reduction='none')
        num_pos = pos_mask.long().sum(1, keepdim=True)
        loss_c = loss_c.view(num_batch, -1)
        loss_c[pos_mask] = 0
        _, loss_idx = loss_c.sort(1, descending=True)
        _, idx_rank = loss_idx.sort(1)
        num_neg = torch.clamp(num_pos * self.negpos_ratio, max=num_dbox)
        neg_mask = idx_rank < (num_neg).expand_as(idx_rank)
        pos_idx_mask = pos_mask.unsqueeze(2).expand_as(conf_data)
        neg_idx_mask = neg_mask.unsqueeze(2).expand_as(conf_data)
        conf_hnm = conf_data[(pos_idx_mask + neg_idx_mask).gt(0)].view(-1, num_classes)
        conf_t_label_hnm = conf_t_label[(pos_mask + neg_mask).gt(0)]
        loss_c = F.cross_entropy(conf_hnm, conf_t_label_hnm, reduction='sum')
        N = num_pos.sum()
        loss_l /= N
        loss_c /= N
        return loss_l, loss_c


torch.manual_seed(7)
loc_data = torch.randn(2, num_dbox, 4, requires_grad=True)
conf_data = torch.randn(2, num_dbox, 4, requires_grad=True)
targets = [torch.tensor([[0.1, 0.1, 0.5, 0.6, 2.], [0.4, 0.3, 0.9, 0.8, 0.]]),
           torch.tensor([[0.2, 0.2, 0.7, 0.9, 1.]])]
criterion = MultiBoxLoss(jaccard_thresh=0.5, neg_pos=3, device='cpu')
loss_l, loss_c = criterion((loc_data, conf_data, dbox_list), targets)
loss = loss_l + loss_c
print(loss_l, loss_c)
print(loss.grad_fn, loss_l.grad_fn, loss_c.grad_fn)
loss.backward()
print(loc_data.grad.abs().sum(), conf_data.grad.abs().sum())
print((conf_data.grad.abs().sum(2) > 0).sum(1))

# %%
# 順位の作り方: 2 回 sort する
lc = torch.tensor([[0.3, 0.0, 1.2, 0.7, 0.0, 0.5]])
_, loss_idx = lc.sort(1, descending=True)
_, idx_rank = loss_idx.sort(1)
print(loss_idx, idx_rank)
pm = torch.tensor([[False, True, False, False, True, False]])
nm = idx_rank < torch.tensor([[3]]).expand_as(idx_rank)
print(pm + nm, (pm + nm).gt(0), (pm + nm).dtype)
print(torch.clamp(torch.tensor([[2], [9]]) * 3, max=10))
try:
    F.smooth_l1_loss(torch.randn(3, 4), torch.randn(3, 5), reduction='sum')
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cross_entropy(torch.randn(3, 4), torch.tensor([0, 4, 1]), reduction='none')
except Exception as e:
    print(type(e).__name__, e)
