# Imitates Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapters 4 and 5: classifying tiny random "images" (diagonal vs not), normalising by hand, a WeightedRandomSampler
# with class weights and a seeded generator, nn.Flatten, a LeNet-like nn.Sequential with Conv2d / MaxPool2d / ReLU,
# softmax / LogSoftmax / NLLLoss vs CrossEntropyLoss, the filters' weight shapes, and forward hooks that store each
# layer's output in a dict and are removed afterwards.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

# %%
np.random.seed(13)
images = np.random.randint(0, 256, size=(12, 1, 5, 5)).astype(np.uint8)
labels = np.array([0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1])
x_tensor = torch.as_tensor(images / 255.).float()
y_tensor = torch.as_tensor(labels.reshape(-1, 1)).float()
print(images.dtype, x_tensor.dtype, x_tensor.shape, y_tensor.shape)
print(torch.as_tensor(images).dtype, torch.as_tensor(images)[0, 0, 0])
mean = x_tensor.mean(dim=(0, 2, 3), keepdim=True)
std = x_tensor.std(dim=(0, 2, 3), keepdim=True)
normalized = (x_tensor - mean) / std
print(mean.shape, normalized.mean().abs() < 1e-6, normalized.std())
print(normalized.min(), normalized.max())

# %%
from torch.utils.data import random_split

def index_splitter(n, splits, seed=13):
    idx = torch.arange(n)
    splits_tensor = torch.as_tensor(splits)
    multiplier = n / splits_tensor.sum()
    splits_tensor = (multiplier * splits_tensor).long()
    diff = n - splits_tensor.sum()
    splits_tensor[0] += diff
    torch.manual_seed(seed)
    return random_split(idx, splits_tensor)

train_idx, val_idx = index_splitter(len(x_tensor), [80, 20])
print(train_idx.indices, val_idx.indices, len(train_idx), train_idx[0])
try:
    x_train_tensor = x_tensor[train_idx]
except Exception as e:
    print(type(e).__name__, e)
x_train_tensor = x_tensor[train_idx.indices]
y_train_tensor = y_tensor[train_idx.indices]
print(x_train_tensor.shape, y_train_tensor.view(-1))
try:
    print(y_tensor[val_idx].shape)
except Exception as e:
    print(type(e).__name__, e)
print(y_tensor.view(-1)[val_idx.indices])

# %%
classes, counts = y_tensor.unique(return_counts=True)
print(classes, counts)
weights = 1.0 / counts.float()
print(weights)
sample_weights = weights[y_tensor.squeeze().long()]
print(sample_weights.shape, sample_weights)
generator = torch.Generator()
sampler = WeightedRandomSampler(weights=sample_weights, num_samples=len(sample_weights),
                                generator=generator, replacement=True)
sampler.generator.manual_seed(42)
idx = list(sampler)
print(len(sampler), idx)
dataset = TensorDataset(normalized, y_tensor)
loader = DataLoader(dataset, batch_size=4, sampler=sampler)
sampler.generator.manual_seed(42)
print(torch.tensor([t[1].sum() for t in iter(loader)]))
try:
    DataLoader(dataset, batch_size=4, sampler=sampler, shuffle=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    WeightedRandomSampler(weights=sample_weights, num_samples=0)
except Exception as e:
    print(type(e).__name__, e)

# %%
flattener = nn.Flatten()
print(flattener, flattener(normalized[:2]).shape)
torch.manual_seed(17)
model_logistic = nn.Sequential()
model_logistic.add_module('flatten', nn.Flatten())
model_logistic.add_module('output', nn.Linear(25, 1, bias=False))
model_logistic.add_module('sigmoid', nn.Sigmoid())
print(model_logistic)
print(model_logistic(normalized[:3]))
print(model_logistic.output.weight.shape)

# %%
dummy_logits = torch.tensor([1.3863, 0.0000, -0.6931])
odds = torch.exp(dummy_logits)
print(odds, odds / odds.sum())
print(nn.Softmax(dim=-1)(dummy_logits), F.softmax(dummy_logits, dim=-1))
log_probs = F.log_softmax(dummy_logits, dim=-1)
print(log_probs, nn.LogSoftmax(dim=-1)(dummy_logits))
torch.manual_seed(11)
dummy_points = torch.randn((5, 2))
dummy_labels = torch.tensor([0, 0, 1, 2, 1])
dummy_lp = F.log_softmax(torch.randn(5, 3), dim=-1)
relevant = torch.tensor([dummy_lp[i, idx] for i, idx in enumerate(dummy_labels)])
print(-relevant.mean())
loss_fn = nn.NLLLoss()
print(loss_fn(dummy_lp, dummy_labels))
loss_fn = nn.NLLLoss(weight=torch.tensor([1., 1., 2.]))
print(loss_fn(dummy_lp, dummy_labels))
loss_fn = nn.NLLLoss(ignore_index=2)
print(loss_fn(dummy_lp, dummy_labels))
print(nn.CrossEntropyLoss()(torch.randn(5, 3), dummy_labels))
try:
    nn.NLLLoss()(dummy_lp, dummy_labels.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.NLLLoss()(dummy_lp, torch.tensor([0, 0, 1, 3, 1]))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.softmax(dummy_logits)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(13)
model_cnn = nn.Sequential()
model_cnn.add_module('conv1', nn.Conv2d(in_channels=1, out_channels=2, kernel_size=3))
model_cnn.add_module('relu1', nn.ReLU())
model_cnn.add_module('maxp1', nn.MaxPool2d(kernel_size=2))
model_cnn.add_module('flatten', nn.Flatten())
model_cnn.add_module('fc1', nn.Linear(in_features=2, out_features=4))
model_cnn.add_module('relu2', nn.ReLU())
model_cnn.add_module('fc2', nn.Linear(in_features=4, out_features=3))
print(model_cnn)
weights_filter = model_cnn.conv1.weight.data.cpu().numpy()
print(weights_filter.shape, model_cnn.conv1.bias.shape)
print(weights_filter[0, 0].round(4))
print(sum(p.numel() for p in model_cnn.parameters()))
out = model_cnn(normalized[:2])
print(out.shape, out.grad_fn)
try:
    model_cnn(normalized[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    model_cnn(normalized[:2].view(2, 25))
except Exception as e:
    print(type(e).__name__, e)

# %%
visualization = {}
def hook_fn(layer, inputs, outputs):
    name = layer_names[layer]
    visualization[name] = outputs.detach().cpu().numpy()

layer_names = {layer: name for name, layer in model_cnn.named_modules() if name}
print(list(layer_names.values()))
handles = {}
for layer, name in layer_names.items():
    if name in ['conv1', 'relu1', 'maxp1', 'flatten', 'fc2']:
        handles[name] = layer.register_forward_hook(hook_fn)
print(type(handles['conv1']).__name__)
yhat = model_cnn(normalized[:3])
for name, out in visualization.items():
    print(name, out.shape, out.dtype)
print(visualization['maxp1'].round(4).ravel()[:4])
for handle in handles.values():
    handle.remove()
handles = {}
visualization = {}
model_cnn(normalized[:3])
print(visualization, len(model_cnn.conv1._forward_hooks))

# %%
torch.manual_seed(13)
cls_labels = torch.tensor([0, 1, 2, 1, 0, 2, 1, 2, 0, 1, 2, 0])
optimizer = optim.SGD(model_cnn.parameters(), lr=0.1)
loss_fn = nn.CrossEntropyLoss(reduction='mean')
for epoch in range(20):
    model_cnn.train()
    loss = loss_fn(model_cnn(normalized), cls_labels)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
print(loss)
model_cnn.eval()
with torch.no_grad():
    logits = model_cnn(normalized)
    predicted = torch.argmax(logits, dim=1)
    _, predicted2 = torch.max(logits, 1)
print(predicted, (predicted == predicted2).all())
print((predicted == cls_labels).sum().item(), F.softmax(logits, dim=1)[:2])
