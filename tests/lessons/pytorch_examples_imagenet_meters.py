# Imitates pytorch/examples imagenet/main.py's helpers as learners reuse them in notebooks: the Summary enum,
# AverageMeter (fed with loss.item() and with the 1-element tensors accuracy() returns), ProgressMeter's
# display/display_summary, accuracy(output, target, topk=(1, 5)) with topk/t()/eq/expand_as and correct_k.mul_,
# adjust_learning_rate by hand and StepLR(step_size=30, gamma=0.1); a tiny CNN in place of resnet18 on random images.
from enum import Enum
import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim.lr_scheduler import StepLR

# %%
class Summary(Enum):
    NONE = 0
    AVERAGE = 1
    SUM = 2
    COUNT = 3

class AverageMeter(object):
    """Computes and stores the average and current value"""
    def __init__(self, name, fmt=':f', summary_type=Summary.AVERAGE):
        self.name = name
        self.fmt = fmt
        self.summary_type = summary_type
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count

    def all_reduce(self):
        total = torch.tensor([self.sum, self.count], dtype=torch.float32)
        self.sum, self.count = total.tolist()
        self.avg = self.sum / self.count

    def __str__(self):
        fmtstr = '{name} {val' + self.fmt + '} ({avg' + self.fmt + '})'
        return fmtstr.format(**self.__dict__)

    def summary(self):
        fmtstr = ''
        if self.summary_type is Summary.NONE:
            fmtstr = ''
        elif self.summary_type is Summary.AVERAGE:
            fmtstr = '{name} {avg:.3f}'
        elif self.summary_type is Summary.SUM:
            fmtstr = '{name} {sum:.3f}'
        elif self.summary_type is Summary.COUNT:
            fmtstr = '{name} {count:.3f}'
        else:
            raise ValueError('invalid summary type %r' % self.summary_type)
        return fmtstr.format(**self.__dict__)


class ProgressMeter(object):
    def __init__(self, num_batches, meters, prefix=""):
        self.batch_fmtstr = self._get_batch_fmtstr(num_batches)
        self.meters = meters
        self.prefix = prefix

    def display(self, batch):
        entries = [self.prefix + self.batch_fmtstr.format(batch)]
        entries += [str(meter) for meter in self.meters]
        print('\t'.join(entries))

    def display_summary(self):
        entries = [" *"]
        entries += [meter.summary() for meter in self.meters]
        print(' '.join(entries))

    def _get_batch_fmtstr(self, num_batches):
        num_digits = len(str(num_batches // 1))
        fmt = '{:' + str(num_digits) + 'd}'
        return '[' + fmt + '/' + fmt.format(num_batches) + ']'


def accuracy(output, target, topk=(1,)):
    """Computes the accuracy over the k top predictions for the specified values of k"""
    with torch.no_grad():
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

# %%
torch.manual_seed(0)
output = torch.randn(8, 10)
target = torch.randint(0, 10, (8,))
acc1, acc5 = accuracy(output, target, topk=(1, 5))
print(acc1, acc5, acc1.shape, acc1[0], acc1.requires_grad)
_, pred = output.topk(5, 1, True, True)
print(pred.t())
print(pred.t().eq(target.view(1, -1).expand_as(pred.t())))
print(accuracy(output, target))
m = AverageMeter('Acc@1', ':6.2f')
m.update(acc1[0], 8)
print(m.val, m.sum, m.avg, m.count)
print(str(m))
print(m.summary())
m.update(acc5[0], 8)
print(m, m.avg.dtype)

# %%
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.AdaptiveAvgPool2d((1, 1)),
                      nn.Flatten(), nn.Linear(4, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum=0.9, weight_decay=1e-4)
scheduler = StepLR(optimizer, step_size=30, gamma=0.1)
images = torch.randn(5, 16, 3, 8, 8)
targets = torch.randint(0, 10, (5, 16))

batch_time = AverageMeter('Time', ':6.3f', Summary.NONE)
losses = AverageMeter('Loss', ':.4e')
top1 = AverageMeter('Acc@1', ':6.2f')
top5 = AverageMeter('Acc@5', ':6.2f')
progress = ProgressMeter(len(images), [losses, top1, top5], prefix="Epoch: [{}]".format(0))
model.train()
for i in range(len(images)):
    output = model(images[i])
    loss = criterion(output, targets[i])
    acc1, acc5 = accuracy(output, targets[i], topk=(1, 5))
    losses.update(loss.item(), images[i].size(0))
    top1.update(acc1[0], images[i].size(0))
    top5.update(acc5[0], images[i].size(0))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if i % 2 == 0:
        progress.display(i + 1)
progress.display_summary()
scheduler.step()
print(top1.avg, top1.sum, type(top1.sum).__name__)

# %%
top1.all_reduce()
print(top1.sum, top1.count, top1.avg)
def adjust_learning_rate(optimizer, epoch, lr=0.1):
    """Sets the learning rate to the initial LR decayed by 10 every 30 epochs"""
    lr = lr * (0.1 ** (epoch // 30))
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr
    return lr
for epoch in [0, 29, 30, 61]:
    print(epoch, adjust_learning_rate(optimizer, epoch))
print(optimizer.param_groups[0]['lr'], scheduler.get_last_lr(), scheduler.last_epoch)

# %%
# validate(): the same meters in eval mode, under torch.no_grad(), and the learners' slips
model.eval()
val_top1 = AverageMeter('Acc@1', ':6.2f', Summary.AVERAGE)
val_loss = AverageMeter('Loss', ':.4e', Summary.SUM)
with torch.no_grad():
    for i in range(2):
        output = model(images[i])
        val_loss.update(criterion(output, targets[i]).item(), 16)
        val_top1.update(accuracy(output, targets[i])[0][0], 16)
ProgressMeter(2, [val_loss, val_top1], prefix='Test: ').display(2)
ProgressMeter(2, [val_loss, val_top1]).display_summary()
try:
    accuracy(output, targets[0], topk=(1, 11))
except Exception as e:
    print(type(e).__name__, e)
try:
    '{:6.2f}'.format(acc1)
    '{:6.2f}'.format(torch.tensor([1.0, 2.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    correct = pred.eq(target.view(1, -1).expand_as(pred))
except Exception as e:
    print(type(e).__name__, e)
try:
    pred.t().eq(target.view(1, -1)).view(-1)
except Exception as e:
    print(type(e).__name__, e)
print(f"{acc1[0]:.1f}", "{:>8}".format(str(acc1)), format(torch.tensor(3), '04d'))
