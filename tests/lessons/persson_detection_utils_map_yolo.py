# Imitates Aladdin Persson's Machine-Learning-Collection "Object detection" series (ML/Pytorch/object_detection:
# metrics/iou.py intersection_over_union with box_format "midpoint" and "corners", metrics/nms.py non_max_suppression
# over lists [class, prob, x1, y1, x2, y2], metrics/mean_avg_precision.py with Counter, torch.cumsum, torch.trapz,
# and YOLOv1's loss.py / utils.py: the (N, S, S, 30) index juggling, torch.flatten(end_dim=-2), cellboxes_to_boxes)
# with small random boxes instead of the Pascal VOC dataset, and the slips a learner makes typing it.
import torch
import torch.nn as nn
from collections import Counter
torch.manual_seed(0)

def intersection_over_union(boxes_preds, boxes_labels, box_format="midpoint"):
    if box_format == "midpoint":
        box1_x1 = boxes_preds[..., 0:1] - boxes_preds[..., 2:3] / 2
        box1_y1 = boxes_preds[..., 1:2] - boxes_preds[..., 3:4] / 2
        box1_x2 = boxes_preds[..., 0:1] + boxes_preds[..., 2:3] / 2
        box1_y2 = boxes_preds[..., 1:2] + boxes_preds[..., 3:4] / 2
        box2_x1 = boxes_labels[..., 0:1] - boxes_labels[..., 2:3] / 2
        box2_y1 = boxes_labels[..., 1:2] - boxes_labels[..., 3:4] / 2
        box2_x2 = boxes_labels[..., 0:1] + boxes_labels[..., 2:3] / 2
        box2_y2 = boxes_labels[..., 1:2] + boxes_labels[..., 3:4] / 2
    elif box_format == "corners":
        box1_x1 = boxes_preds[..., 0:1]
        box1_y1 = boxes_preds[..., 1:2]
        box1_x2 = boxes_preds[..., 2:3]
        box1_y2 = boxes_preds[..., 3:4]
        box2_x1 = boxes_labels[..., 0:1]
        box2_y1 = boxes_labels[..., 1:2]
        box2_x2 = boxes_labels[..., 2:3]
        box2_y2 = boxes_labels[..., 3:4]
    x1 = torch.max(box1_x1, box2_x1)
    y1 = torch.max(box1_y1, box2_y1)
    x2 = torch.min(box1_x2, box2_x2)
    y2 = torch.min(box1_y2, box2_y2)
    intersection = (x2 - x1).clamp(0) * (y2 - y1).clamp(0)
    box1_area = abs((box1_x2 - box1_x1) * (box1_y2 - box1_y1))
    box2_area = abs((box2_x2 - box2_x1) * (box2_y2 - box2_y1))
    return intersection / (box1_area + box2_area - intersection + 1e-6)

# %%
# the repo's unit tests (tests/iou_test.py) in short
t1_box1 = torch.tensor([0.8, 0.1, 0.2, 0.2])
t1_box2 = torch.tensor([0.9, 0.2, 0.2, 0.2])
print(intersection_over_union(t1_box1, t1_box2))
t12_box1 = torch.tensor([[0, 0, 2, 2], [0, 0, 2, 2], [0, 0, 2, 2], [0, 0, 2, 2], [0, 0, 2, 2], [0, 0, 3, 2]])
t12_box2 = torch.tensor([[3, 0, 5, 2], [3, 0, 5, 2], [0, 3, 2, 5], [2, 0, 5, 2], [1, 1, 3, 3], [1, 1, 3, 3]])
iou = intersection_over_union(t12_box1, t12_box2, box_format="corners")
print(iou, iou.dtype, iou.shape)
print(torch.all(torch.abs(iou - torch.tensor([0, 0, 0, 0, 1 / 7, 0.25]).unsqueeze(1)) < 0.001))
print(intersection_over_union(t12_box1.float(), t12_box2.float(), "corners").squeeze(-1))
print(intersection_over_union(torch.tensor([0.5, 0.5, 0.2, 0.2]), torch.tensor([0.5, 0.5, 0.2, 0.2])).item())

# %%
def non_max_suppression(bboxes, iou_threshold, threshold, box_format="corners"):
    assert type(bboxes) == list
    bboxes = [box for box in bboxes if box[1] > threshold]
    bboxes = sorted(bboxes, key=lambda x: x[1], reverse=True)
    bboxes_after_nms = []
    while bboxes:
        chosen_box = bboxes.pop(0)
        bboxes = [
            box for box in bboxes
            if box[0] != chosen_box[0]
            or intersection_over_union(torch.tensor(chosen_box[2:]), torch.tensor(box[2:]), box_format=box_format)
            < iou_threshold
        ]
        bboxes_after_nms.append(chosen_box)
    return bboxes_after_nms

t1_boxes = [[1, 1, 0.5, 0.45, 0.4, 0.5], [1, 0.8, 0.5, 0.5, 0.2, 0.4], [1, 0.7, 0.25, 0.35, 0.3, 0.1],
            [1, 0.05, 0.1, 0.1, 0.1, 0.1]]
print(non_max_suppression(t1_boxes, threshold=0.2, iou_threshold=7 / 20, box_format="midpoint"))
t3_boxes = [[1, 0.9, 0.5, 0.45, 0.4, 0.5], [2, 0.8, 0.5, 0.5, 0.2, 0.4], [1, 0.7, 0.25, 0.35, 0.3, 0.1]]
print(non_max_suppression(t3_boxes, threshold=0.2, iou_threshold=7 / 20, box_format="midpoint"))
try:
    non_max_suppression(torch.tensor(t3_boxes), 0.5, 0.2)
except Exception as e:
    print(type(e).__name__, e)
b = torch.tensor([0.5, 0.45, 0.4, 0.5])
print(intersection_over_union(b, b + 0.05) < 0.5, bool(intersection_over_union(b, b + 0.05) < 0.5))

# %%
def mean_average_precision(pred_boxes, true_boxes, iou_threshold=0.5, box_format="midpoint", num_classes=3,
                           use_trapz=True):
    average_precisions = []
    epsilon = 1e-6
    for c in range(num_classes):
        detections = [d for d in pred_boxes if d[1] == c]
        ground_truths = [t for t in true_boxes if t[1] == c]
        amount_bboxes = Counter([gt[0] for gt in ground_truths])
        for key, val in amount_bboxes.items():
            amount_bboxes[key] = torch.zeros(val)
        detections.sort(key=lambda x: x[2], reverse=True)
        TP = torch.zeros((len(detections)))
        FP = torch.zeros((len(detections)))
        total_true_bboxes = len(ground_truths)
        if total_true_bboxes == 0:
            continue
        for detection_idx, detection in enumerate(detections):
            ground_truth_img = [bbox for bbox in ground_truths if bbox[0] == detection[0]]
            best_iou = 0
            for idx, gt in enumerate(ground_truth_img):
                iou = intersection_over_union(torch.tensor(detection[3:]), torch.tensor(gt[3:]), box_format=box_format)
                if iou > best_iou:
                    best_iou = iou
                    best_gt_idx = idx
            if best_iou > iou_threshold:
                if amount_bboxes[detection[0]][best_gt_idx] == 0:
                    TP[detection_idx] = 1
                    amount_bboxes[detection[0]][best_gt_idx] = 1
                else:
                    FP[detection_idx] = 1
            else:
                FP[detection_idx] = 1
        TP_cumsum = torch.cumsum(TP, dim=0)
        FP_cumsum = torch.cumsum(FP, dim=0)
        recalls = TP_cumsum / (total_true_bboxes + epsilon)
        precisions = torch.divide(TP_cumsum, (TP_cumsum + FP_cumsum + epsilon))
        precisions = torch.cat((torch.tensor([1]), precisions))
        recalls = torch.cat((torch.tensor([0]), recalls))
        print(c, TP_cumsum, precisions, recalls)
        if use_trapz:
            average_precisions.append(torch.trapz(precisions, recalls))
        else:
            average_precisions.append(torch.trapezoid(precisions, x=recalls))
    print(average_precisions)
    return sum(average_precisions) / len(average_precisions)

t1_preds = [[0, 0, 0.9, 0.55, 0.2, 0.3, 0.2], [0, 0, 0.8, 0.35, 0.6, 0.3, 0.2], [0, 0, 0.7, 0.8, 0.7, 0.2, 0.2]]
t1_targets = [[0, 0, 0.9, 0.55, 0.2, 0.3, 0.2], [0, 0, 0.8, 0.35, 0.6, 0.3, 0.2], [0, 0, 0.7, 0.8, 0.7, 0.2, 0.2]]
mAP = mean_average_precision(t1_preds, t1_targets, num_classes=1)
print(mAP, type(mAP))
t4_preds = [[0, 0, 0.9, 0.15, 0.25, 0.1, 0.1], [0, 0, 0.8, 0.35, 0.6, 0.3, 0.2], [0, 0, 0.7, 0.8, 0.7, 0.2, 0.2],
            [1, 1, 0.6, 0.5, 0.5, 0.2, 0.2]]
t4_targets = [[0, 0, 0.9, 0.55, 0.2, 0.3, 0.2], [0, 0, 0.8, 0.35, 0.6, 0.3, 0.2], [0, 0, 0.7, 0.8, 0.7, 0.2, 0.2],
              [1, 1, 0.6, 0.5, 0.5, 0.2, 0.2], [1, 2, 0.6, 0.5, 0.5, 0.2, 0.2]]
mAP = mean_average_precision(t4_preds, t4_targets, num_classes=3, use_trapz=False)
print(mAP)
print(torch.trapz(torch.tensor([1., 2., 3.]), dx=0.5), torch.trapezoid(torch.tensor([[1, 2], [3, 4]])))
print(torch.trapezoid(torch.tensor([1, 2, 3])), torch.trapz(torch.tensor([1., 2., 3.]), torch.tensor([0, 1, 3])))
print(torch.cumulative_trapezoid(torch.tensor([1., 2., 3.])), torch.cumsum(torch.tensor([1, 0, 1]), 0))
for make in [lambda: torch.trapz(torch.tensor([1., 2.]), torch.tensor([0., 1., 2.])),
             lambda: torch.trapezoid(torch.tensor([1., 2.]), dim=1),
             lambda: torch.trapezoid(torch.tensor([1., 2.]), x=torch.tensor([0., 1.]), dx=1.0),
             lambda: torch.trapezoid(torch.tensor(3.)),
             lambda: torch.cumsum(torch.tensor([True, False, True]), 0),
             lambda: torch.cumsum(torch.tensor([1., 2.])),
             lambda: torch.trapz(torch.tensor([1., 2., 3.]), dx=torch.tensor(0.5))]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
class YoloLoss(nn.Module):
    def __init__(self, S=3, B=2, C=4):
        super(YoloLoss, self).__init__()
        self.mse = nn.MSELoss(reduction="sum")
        self.S, self.B, self.C = S, B, C
        self.lambda_noobj = 0.5
        self.lambda_coord = 5

    def forward(self, predictions, target):
        C = self.C
        predictions = predictions.reshape(-1, self.S, self.S, self.C + self.B * 5)
        iou_b1 = intersection_over_union(predictions[..., C + 1:C + 5], target[..., C + 1:C + 5])
        iou_b2 = intersection_over_union(predictions[..., C + 6:C + 10], target[..., C + 1:C + 5])
        ious = torch.cat([iou_b1.unsqueeze(0), iou_b2.unsqueeze(0)], dim=0)
        iou_maxes, bestbox = torch.max(ious, dim=0)
        exists_box = target[..., C].unsqueeze(3)
        box_predictions = exists_box * (
            bestbox * predictions[..., C + 6:C + 10] + (1 - bestbox) * predictions[..., C + 1:C + 5])
        box_targets = exists_box * target[..., C + 1:C + 5]
        box_predictions[..., 2:4] = torch.sign(box_predictions[..., 2:4]) * torch.sqrt(
            torch.abs(box_predictions[..., 2:4] + 1e-6))
        box_targets[..., 2:4] = torch.sqrt(box_targets[..., 2:4])
        box_loss = self.mse(torch.flatten(box_predictions, end_dim=-2), torch.flatten(box_targets, end_dim=-2))
        pred_box = bestbox * predictions[..., C + 5:C + 6] + (1 - bestbox) * predictions[..., C:C + 1]
        object_loss = self.mse(torch.flatten(exists_box * pred_box), torch.flatten(exists_box * target[..., C:C + 1]))
        no_object_loss = self.mse(torch.flatten((1 - exists_box) * predictions[..., C:C + 1], start_dim=1),
                                  torch.flatten((1 - exists_box) * target[..., C:C + 1], start_dim=1))
        no_object_loss += self.mse(torch.flatten((1 - exists_box) * predictions[..., C + 5:C + 6], start_dim=1),
                                   torch.flatten((1 - exists_box) * target[..., C:C + 1], start_dim=1))
        class_loss = self.mse(torch.flatten(exists_box * predictions[..., :C], end_dim=-2),
                              torch.flatten(exists_box * target[..., :C], end_dim=-2))
        print("bestbox", bestbox.shape, bestbox.dtype, "exists", exists_box.shape)
        print(box_loss, object_loss, no_object_loss, class_loss)
        return self.lambda_coord * box_loss + object_loss + self.lambda_noobj * no_object_loss + class_loss

S, B, C = 3, 2, 4
head = nn.Sequential(nn.Flatten(), nn.Linear(12, 16), nn.Dropout(0.0), nn.LeakyReLU(0.1), nn.Linear(16, S * S * (C + B * 5)))
x = torch.randn(2, 3, 2, 2)
target = torch.zeros(2, S, S, C + 5)
target[0, 1, 1, 2] = 1
target[0, 1, 1, C:C + 5] = torch.tensor([1, 0.4, 0.6, 0.5, 0.3])
target[1, 0, 2, 0] = 1
target[1, 0, 2, C:C + 5] = torch.tensor([1, 0.2, 0.7, 0.25, 0.8])
loss_fn = YoloLoss(S, B, C)
out = head(x)
print(out.shape)
loss = loss_fn(out, target)
print(loss)
loss.backward()
print(head[0], head[4].bias.grad.shape, head[4].bias.grad.abs().sum() > 0)
print(head[4].bias.grad.view(S, S, -1)[1, 1])

# %%
def convert_cellboxes(predictions, S=3, C=4):
    predictions = predictions.to("cpu")
    batch_size = predictions.shape[0]
    predictions = predictions.reshape(batch_size, S, S, C + 10)
    bboxes1 = predictions[..., C + 1:C + 5]
    bboxes2 = predictions[..., C + 6:C + 10]
    scores = torch.cat((predictions[..., C].unsqueeze(0), predictions[..., C + 5].unsqueeze(0)), dim=0)
    best_box = scores.argmax(0).unsqueeze(-1)
    best_boxes = bboxes1 * (1 - best_box) + best_box * bboxes2
    cell_indices = torch.arange(S).repeat(batch_size, S, 1).unsqueeze(-1)
    x = 1 / S * (best_boxes[..., :1] + cell_indices)
    y = 1 / S * (best_boxes[..., 1:2] + cell_indices.permute(0, 2, 1, 3))
    w_y = 1 / S * best_boxes[..., 2:4]
    converted_bboxes = torch.cat((x, y, w_y), dim=-1)
    predicted_class = predictions[..., :C].argmax(-1).unsqueeze(-1)
    best_confidence = torch.max(predictions[..., C], predictions[..., C + 5]).unsqueeze(-1)
    return torch.cat((predicted_class, best_confidence, converted_bboxes), dim=-1)

def cellboxes_to_boxes(out, S=3):
    converted_pred = convert_cellboxes(out).reshape(out.shape[0], S * S, -1)
    converted_pred[..., 0] = converted_pred[..., 0].long()
    all_bboxes = []
    for ex_idx in range(out.shape[0]):
        bboxes = []
        for bbox_idx in range(S * S):
            bboxes.append([x.item() for x in converted_pred[ex_idx, bbox_idx, :]])
        all_bboxes.append(bboxes)
    return all_bboxes

with torch.no_grad():
    boxes = cellboxes_to_boxes(head(x).detach())
print(len(boxes), len(boxes[0]), [round(v, 4) for v in boxes[0][4]])
print(torch.arange(S).repeat(2, S, 1).unsqueeze(-1).shape, torch.arange(S).repeat(2, S, 1)[0])
kept = non_max_suppression(boxes[0], iou_threshold=0.5, threshold=0.0, box_format="midpoint")
print(len(kept), [int(b[0]) for b in kept])
try:
    loss_fn(out, target[..., :C + 4])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.flatten(out, start_dim=1, end_dim=0)
except Exception as e:
    print(type(e).__name__, e)
print(torch.flatten(torch.zeros(2, 3, 4), end_dim=-2).shape, torch.flatten(torch.tensor(5.)).shape)
