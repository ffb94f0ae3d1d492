# Pooling and normalisation as learners meet them: an image of integer pixels given to the pooling layers (an
# int64 average is rounded toward 0, the adaptive ones take no integers), a last batch that came out empty after
# filtering, a max_pool1d whose window is longer than the signal, a BatchNorm that meets the empty batch.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
img = torch.tensor([[[[-1, 2, 3, 7], [-3, -3, 5, 5]]]])
print(F.avg_pool2d(img, 2), F.max_pool2d(img, 2))
print(F.avg_pool2d(img.float(), 2))
for layer in [nn.AdaptiveAvgPool2d(1), nn.AdaptiveAvgPool2d((1, 2)), nn.AvgPool2d(2)]:
    try:
        print(layer(img.int()))
    except (RuntimeError, NotImplementedError) as e:
        print(type(e).__name__, e)

# %%
model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
                      nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 2))
x = torch.randn(6, 1, 8, 8)
labels = torch.tensor([0, 1, 0, 1, 1, 0])
keep = labels > 5
batch = x[keep]
print(batch.shape)
out = model(batch)
print(out, model[1].num_batches_tracked, model[1].running_mean)
loss = F.cross_entropy(out, labels[keep], reduction='sum')
loss.backward()
print(loss, model[0].weight.grad.abs().sum())

# %%
signal = torch.randn(2, 3, 2)
try:
    F.max_pool1d(signal, 3)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    nn.MaxPool1d(2, padding=2)(signal)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    nn.MaxPool1d(2)(signal.long())
except NotImplementedError as e:
    print('NotImplementedError:', e)
print(nn.MaxPool1d(2)(signal), nn.MaxPool1d(3, padding=1)(signal).shape)

# %%
bn = nn.BatchNorm1d(3)
try:
    bn(torch.randn(1, 3))
except ValueError as e:
    print('ValueError:', e)
h = torch.randn(0, 3, requires_grad=True)
y = bn(h)
print(y, y.grad_fn.name())
y.sum().backward()
print(h.grad, bn.weight.grad)
