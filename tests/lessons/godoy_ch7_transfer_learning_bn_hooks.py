# Imitates Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapter 7 (transfer learning): a small pretrained-style CNN frozen with requires_grad_(False), its head replaced by a
# new nn.Linear, a forward hook on the layer before the head that captures features, nn.Identity as head to
# precompute features, and the BatchNorm2d/BatchNorm1d aside (train vs eval, running_mean/var, num_batches_tracked,
# momentum=None for a cumulative average, the state_dict keys printed), and an "unfreeze everything" loop that
# also sets BatchNorm's buffers to require grad (the error PyTorch gives in train and in eval).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
torch.manual_seed(42)
model = nn.Sequential()
model.add_module('conv1', nn.Conv2d(3, 4, kernel_size=3))
model.add_module('bn1', nn.BatchNorm2d(4))
model.add_module('relu1', nn.ReLU())
model.add_module('pool', nn.AdaptiveAvgPool2d((2, 2)))
model.add_module('flatten', nn.Flatten())
model.add_module('fc', nn.Linear(16, 10))
print(model)

def freeze_model(model):
    for parameter in model.parameters():
        parameter.requires_grad = False

freeze_model(model)
print([p.requires_grad for p in model.parameters()])
print(model.fc)
model.fc = nn.Linear(16, 3)
print(model.fc, model.fc.weight.requires_grad)
for name, param in model.named_parameters():
    if param.requires_grad:
        print(name, param.shape)
print(sum(p.numel() for p in model.parameters() if p.requires_grad))

# %%
torch.manual_seed(13)
x = torch.randn(6, 3, 6, 6)
y = torch.tensor([0, 2, 1, 1, 0, 2])
optimizer = optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=3e-4)
loss_fn = nn.CrossEntropyLoss(reduction='mean')
model.train()
yhat = model(x)
loss = loss_fn(yhat, y)
loss.backward()
print(loss)
print(model.conv1.weight.grad, model.fc.bias.grad)
optimizer.step()
optimizer.zero_grad()
print(model.fc.bias.grad, model.bn1.running_mean, model.bn1.num_batches_tracked)
print(yhat.requires_grad, yhat.grad_fn)

# %%
features = {}
def hook_fn(layer, inputs, outputs):
    features['flatten'] = outputs.detach()

handle = model.flatten.register_forward_hook(hook_fn)
model.eval()
with torch.no_grad():
    out = model(x[:2])
print(features['flatten'].shape, features['flatten'][0, :4])
print(torch.allclose(model.fc(features['flatten']), out))
handle.remove()
features.clear()
model(x[:1])
print(features, model._forward_hooks)

# %%
head = model.fc
model.fc = nn.Identity()
with torch.no_grad():
    feats = model(x)
print(model.fc, feats.shape, feats.requires_grad)
model.fc = head
print(torch.allclose(model.fc(feats), model(x)))
train_preproc = torch.utils.data.TensorDataset(feats, y)
print(len(train_preproc), train_preproc[0][0].shape, train_preproc[0][1])

# %%
torch.manual_seed(23)
dummy_points = torch.randn((200, 2)) + torch.rand((200, 2)) * 2
dummy_labels = torch.randint(2, (200, 1))
batch_normalizer = nn.BatchNorm1d(num_features=2, affine=False, momentum=None)
print(batch_normalizer.state_dict())
loader_batches = dummy_points.split(16)
print(len(loader_batches), loader_batches[-1].shape)
normed1 = batch_normalizer(loader_batches[0])
print(batch_normalizer.state_dict())
print(normed1.mean(axis=0), normed1.var(axis=0), normed1.var(axis=0, unbiased=False))
normed2 = batch_normalizer(loader_batches[1])
print(batch_normalizer.state_dict())
mean_avg = (loader_batches[0].mean(axis=0) + loader_batches[1].mean(axis=0)) / 2
print(mean_avg, torch.allclose(mean_avg, batch_normalizer.running_mean))
batch_normalizer.eval()
normed3 = batch_normalizer(loader_batches[2])
print(normed3.mean(axis=0), batch_normalizer.num_batches_tracked)

# %%
bn = nn.BatchNorm1d(2, momentum=0.1)
print(bn, bn.momentum, bn.eps, bn.affine, bn.track_running_stats)
bn(loader_batches[0])
print(bn.running_mean, bn.running_var)
print(list(bn.state_dict().keys()))
print(0.9 * 0 + 0.1 * loader_batches[0].mean(0), 0.9 * 1 + 0.1 * loader_batches[0].var(0))
try:
    bn(torch.randn(1, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    bn(torch.randn(4, 3))
except Exception as e:
    print(type(e).__name__, e)
bn2d = nn.BatchNorm2d(3, track_running_stats=False)
print(bn2d.running_mean, bn2d.state_dict())
torch.manual_seed(0)
z = torch.randn(2, 3, 2, 2)
print(bn2d(z).mean(dim=(0, 2, 3)).abs().max() < 1e-6, bn2d.eval()(z)[0, 0])

# %%
def unfreeze_everything(model):
    for t in list(model.parameters()) + list(model.buffers()):
        if t.is_floating_point():
            t.requires_grad = True

unfreeze_everything(model)
print([name for name, b in model.named_buffers() if b.requires_grad])
for mode in ('train', 'eval'):
    getattr(model, mode)()
    try:
        model(x)
    except Exception as e:
        print(mode, type(e).__name__, e)
with torch.no_grad():
    print(model(x[:2]).shape)
for b in model.buffers():
    b.requires_grad_(False)
model.train()
loss = loss_fn(model(x), y)
loss.backward()
print(loss, model.bn1.weight.grad, model.bn1.num_batches_tracked)
