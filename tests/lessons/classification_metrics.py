# Imitates evaluation code of classification tutorials: accuracy, top-k accuracy, confusion matrix via bincount,
# per-class precision/recall/F1, ROC-AUC by sorting, and running averages in an eval loop.
import torch

torch.manual_seed(0)
num_classes = 4
logits = torch.randn(20, num_classes)
labels = torch.randint(0, num_classes, (20,))
preds = logits.argmax(dim=1)
acc = (preds == labels).float().mean()
print(f"accuracy: {acc:.4f}", (preds == labels).sum().item(), preds.eq(labels).sum())

def topk_accuracy(output, target, topk=(1,)):
    maxk = max(topk)
    batch_size = target.size(0)
    _, pred = output.topk(maxk, 1, True, True)
    pred = pred.t()
    correct = pred.eq(target.view(1, -1).expand_as(pred))
    res = []
    for k in topk:
        correct_k = correct[:k].reshape(-1).float().sum(0, keepdim=True)
        res.append(correct_k.mul_(100.0 / batch_size))
    return res
print(topk_accuracy(logits, labels, topk=(1, 2, 3)))

# %%
cm = torch.bincount(labels * num_classes + preds, minlength=num_classes ** 2).reshape(num_classes, num_classes)
print(cm)
cm2 = torch.zeros(num_classes, num_classes, dtype=torch.int64)
for t, p in zip(labels, preds):
    cm2[t, p] += 1
print(torch.equal(cm, cm2))
cm3 = torch.zeros(num_classes, num_classes)
cm3.index_put_((labels, preds), torch.ones(20), accumulate=True)
print(cm3)
tp = cm.diag()
precision = tp / cm.sum(0).clamp(min=1)
recall = tp / cm.sum(1)
f1 = 2 * precision * recall / (precision + recall)
print(precision, recall, f1, f1.nanmean())
print(torch.nan_to_num(f1).mean())

# %%
scores = torch.rand(12)
y = torch.tensor([1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1])
order = torch.argsort(scores, descending=True)
ys = y[order]
tpr = torch.cumsum(ys, 0) / ys.sum()
fpr = torch.cumsum(1 - ys, 0) / (1 - ys).sum()
print(tpr, fpr)
auc = torch.trapezoid(torch.cat([torch.zeros(1), tpr]), torch.cat([torch.zeros(1), fpr]))
print(auc)
print(torch.trapz(tpr, fpr), torch.cumulative_trapezoid(tpr, fpr))

# %%
class AverageMeter:
    def __init__(self):
        self.sum = 0.0; self.count = 0
    def update(self, val, n=1):
        self.sum += val * n; self.count += n
    @property
    def avg(self):
        return self.sum / self.count
meter = AverageMeter()
for i in range(0, 20, 8):
    batch_correct = (preds[i:i + 8] == labels[i:i + 8]).sum()
    meter.update(batch_correct / len(preds[i:i + 8]), len(preds[i:i + 8]))
print(meter.avg, type(meter.avg))
print(torch.unique(labels, return_counts=True), labels.bincount(), torch.histc(logits, bins=5, min=-2, max=2))
print(torch.mode(labels), labels.float().quantile(torch.tensor([0.25, 0.5, 0.75])))
