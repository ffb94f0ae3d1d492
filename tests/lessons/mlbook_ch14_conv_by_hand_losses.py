# Imitates Raschka, Liu & Mirjalili, "Machine Learning with PyTorch and Scikit-Learn" (rasbt/machine-learning-book),
# ch14: the naive numpy conv1d (with padding p and stride s) and conv2d (np.pad, strided windows) compared to
# np.convolve, scipy-free, and to torch's F.conv1d/F.conv2d (which cross-correlate: flipped kernels), nn.Conv2d shapes,
# dropout behaviour in train vs eval, and the BCELoss vs BCEWithLogitsLoss and CrossEntropyLoss vs NLLLoss
# comparisons with logits and probabilities printed as in the chapter.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

def conv1d(x, w, p=0, s=1):
    w_rot = np.array(w[::-1])
    x_padded = np.array(x)
    if p > 0:
        zero_pad = np.zeros(shape=p)
        x_padded = np.concatenate([zero_pad, x_padded, zero_pad])
    res = []
    for i in range(0, int((len(x_padded) - len(w_rot)) / s) + 1, s):
        res.append(np.sum(x_padded[i:i+w_rot.shape[0]] * w_rot))
    return np.array(res)

x = [1, 3, 2, 4, 5, 6, 1, 3]
w = [1, 0, 3, 1, 2]
print('Conv1d Implementation:', conv1d(x, w, p=2, s=1))
print('Numpy Results:', np.convolve(x, w, mode='same'))
xt = torch.tensor(x, dtype=torch.float32).view(1, 1, -1)
wt = torch.tensor(w[::-1], dtype=torch.float32).view(1, 1, -1)
print('PyTorch Results:', F.conv1d(xt, wt, padding=2))
print(F.conv1d(xt, wt, padding=2, stride=2), F.conv1d(xt, wt, padding='same').shape)
print(F.conv1d(xt, wt, padding='valid'))
try:
    F.conv1d(xt, wt, padding='same', stride=2)
except Exception as e:
    print(type(e).__name__, e)
s = len(w) / 2
try:
    F.conv1d(xt, wt, padding=2, stride=s)
except Exception as e:
    print(type(e).__name__, e)
print(F.conv1d(xt, wt, padding=2, stride=int(s)))
try:
    F.conv1d(xt.view(-1), wt)
except Exception as e:
    print(type(e).__name__, e)

# %%
def conv2d(X, W, p=(0, 0), s=(1, 1)):
    W_rot = np.array(W)[::-1, ::-1]
    X_orig = np.array(X)
    n1 = X_orig.shape[0] + 2*p[0]
    n2 = X_orig.shape[1] + 2*p[1]
    X_padded = np.zeros(shape=(n1, n2))
    X_padded[p[0]:p[0]+X_orig.shape[0], p[1]:p[1]+X_orig.shape[1]] = X_orig
    res = []
    for i in range(0, int((X_padded.shape[0] - W_rot.shape[0]) / s[0]) + 1, s[0]):
        res.append([])
        for j in range(0, int((X_padded.shape[1] - W_rot.shape[1]) / s[1]) + 1, s[1]):
            X_sub = X_padded[i:i+W_rot.shape[0], j:j+W_rot.shape[1]]
            res[-1].append(np.sum(X_sub * W_rot))
    return np.array(res)

X = [[1, 3, 2, 4], [5, 6, 1, 3], [1, 2, 0, 2], [3, 4, 3, 2]]
W = [[1, 0, 3], [1, 2, 1], [0, 1, 1]]
print('Conv2d Implementation:\n', conv2d(X, W, p=(1, 1), s=(1, 1)))
Xt = torch.tensor(X, dtype=torch.float32)[None, None]
Wt = torch.tensor(W, dtype=torch.float32).flip([0, 1])[None, None]
print('PyTorch Results:\n', F.conv2d(Xt, Wt, padding=1))
print(F.conv2d(Xt, Wt, padding=(1, 0), stride=(2, 1)))
print(F.conv2d(Xt.double(), Wt.double(), padding=1).dtype)
try:
    F.conv2d(Xt.double(), Wt, padding=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(Xt, Wt.view(1, 3, 3), padding=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(Xt[..., :2, :2], Wt)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
conv = nn.Conv2d(in_channels=3, out_channels=5, kernel_size=(3, 3), padding=1)
img = torch.rand(2, 3, 6, 6)
out = conv(img)
print(conv, conv.weight.shape, conv.bias.shape, out.shape)
pool = nn.MaxPool2d(kernel_size=(2, 2))
print(pool(out).shape, nn.AvgPool2d(2)(out)[0, 0])
model = nn.Sequential()
model.add_module('conv1', nn.Conv2d(3, 4, kernel_size=5, padding=2))
model.add_module('relu1', nn.ReLU())
model.add_module('pool1', nn.MaxPool2d(kernel_size=2))
model.add_module('conv2', nn.Conv2d(4, 8, kernel_size=5, padding=2))
model.add_module('relu2', nn.ReLU())
model.add_module('pool2', nn.MaxPool2d(kernel_size=2))
x = torch.ones((4, 3, 8, 8))
print(model(x).shape)
model.add_module('flatten', nn.Flatten())
print(model(x).shape)
model.add_module('fc1', nn.Linear(32, 6))
model.add_module('dropout', nn.Dropout(p=0.5))
model.add_module('fc2', nn.Linear(6, 2))
print(model)
out = model(x)
out.sum().backward()
print(out.shape, model.conv1.weight.grad.shape, model.fc2.bias.grad)
try:
    model.add_module('fc1.x', nn.ReLU())
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.ones(4, 3, 6, 6))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
drop = nn.Dropout(p=0.5)
t = torch.ones(2, 5)
print(drop(t))
drop.eval()
print(drop(t), drop.training)
drop.train()
print(drop(t), F.dropout(t, 0.5, training=False))
print(nn.Dropout(p=0.0)(t), nn.Dropout(p=1.0)(t))
try:
    nn.Dropout(p=1.5)
except Exception as e:
    print(type(e).__name__, e)
print(nn.Dropout2d(p=0.5)(torch.ones(1, 4, 2, 2)))

# %%
torch.manual_seed(1)
logits = torch.tensor([0.8])
probas = torch.sigmoid(logits)
target = torch.tensor([1.0])
bce_loss_fn = nn.BCELoss()
bce_logits_loss_fn = nn.BCEWithLogitsLoss()
print(f'BCE (w Probas): {bce_loss_fn(probas, target):.4f}')
print(f'BCE (w Logits): {bce_logits_loss_fn(logits, target):.4f}')
logits = torch.tensor([[1.5, 0.8, 2.1]])
probas = torch.softmax(logits, dim=1)
target = torch.tensor([2])
cce_loss_fn = nn.NLLLoss()
cce_logits_loss_fn = nn.CrossEntropyLoss()
print(f'CCE (w Logits): {cce_logits_loss_fn(logits, target):.4f}')
print(f'CCE (w Probas): {cce_loss_fn(torch.log(probas), target):.4f}')
print(probas, torch.log(probas), bce_loss_fn(probas[:, :1], torch.tensor([[1.0]])))
try:
    bce_loss_fn(logits, torch.tensor([[1.0, 0.0, 1.0]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    cce_logits_loss_fn(logits, torch.tensor([3]))
except Exception as e:
    print(type(e).__name__, e)
try:
    cce_logits_loss_fn(logits, torch.tensor([2.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    bce_loss_fn(probas, torch.tensor([[0, 0, 1]]))
except Exception as e:
    print(type(e).__name__, e)
print(cce_logits_loss_fn(logits, torch.tensor([[0.1, 0.2, 0.7]])))
print(nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0]))(torch.tensor([0.8, -0.3]), torch.tensor([1.0, 0.0])))
