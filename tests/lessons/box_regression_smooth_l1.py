# Imitates torchvision's Faster R-CNN box head loss (roi_heads.fastrcnn_loss: cross_entropy on the class
# logits plus F.smooth_l1_loss(box_regression[sampled_pos_inds_subset, labels_pos], regression_targets[...],
# beta=1/9, reduction="sum") / labels.numel()) and the detection tutorials built on it: a tiny box head trained
# for a few SGD steps, printing the two losses and the gradients of the head.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
torch.set_printoptions(precision=6)

# %%
num_classes = 3
head = nn.Linear(8, num_classes * 5)
features = torch.randn(6, 8)
labels = torch.tensor([0, 1, 2, 1, 0, 2])
regression_targets = torch.randn(6, 4) * 0.2

def fastrcnn_loss(out, labels, regression_targets):
    class_logits = out[:, :num_classes]
    box_regression = out[:, num_classes:].reshape(out.shape[0], num_classes, 4)
    classification_loss = F.cross_entropy(class_logits, labels)
    pos = torch.where(labels > 0)[0]
    labels_pos = labels[pos]
    box_loss = F.smooth_l1_loss(box_regression[pos, labels_pos], regression_targets[pos],
                                beta=1 / 9, reduction="sum")
    return classification_loss, box_loss / labels.numel()

cls_loss, box_loss = fastrcnn_loss(head(features), labels, regression_targets)
print(cls_loss, box_loss)

# %%
(cls_loss + 2.0 * box_loss).backward()
print(head.weight.grad[num_classes:num_classes + 4])
print(head.bias.grad)

# %%
opt = torch.optim.SGD(head.parameters(), lr=0.5)
for step in range(5):
    opt.zero_grad()
    cls_loss, box_loss = fastrcnn_loss(head(features), labels, regression_targets)
    loss = cls_loss + 2.0 * box_loss
    loss.backward()
    opt.step()
    print(step, f"{cls_loss.item():.6f} {box_loss.item():.6f}")
