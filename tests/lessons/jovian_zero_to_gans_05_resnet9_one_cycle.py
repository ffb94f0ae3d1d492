# Imitates Jovian "Zero to GANs" lesson 5 notebook "Classifying CIFAR10 images using ResNets, Regularization and Data
# Augmentation" (Aakash N S), small and on random CIFAR-shaped data: a SimpleResidualBlock, conv_block with
# BatchNorm, ResNet9, fit_one_cycle with OneCycleLR, weight decay, nn.utils.clip_grad_value_ and get_lr().
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader

# %%
stats = ((0.4914, 0.4822, 0.4465), (0.2023, 0.1994, 0.2010))
torch.manual_seed(0)
raw = torch.rand(32, 3, 16, 16)
means = torch.tensor(stats[0]).view(1, 3, 1, 1)
stds = torch.tensor(stats[1]).view(1, 3, 1, 1)
images = (raw - means) / stds
print(images.shape, images.mean(dim=(0, 2, 3)).shape)
def denormalize(images, means, stds):
    means = torch.tensor(means).reshape(1, 3, 1, 1)
    stds = torch.tensor(stds).reshape(1, 3, 1, 1)
    return images * stds + means
print(torch.allclose(denormalize(images, *stats), raw, atol=1e-6))
print(denormalize(images, *stats).clamp(0, 1).shape)
labels = torch.randint(0, 10, (32,))
train_dl = DataLoader(TensorDataset(images, labels), 8, shuffle=True)
valid_dl = DataLoader(TensorDataset(images[:16], labels[:16]), 16)

# %%
class SimpleResidualBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels=3, out_channels=3, kernel_size=3, stride=1, padding=1)
        self.relu1 = nn.ReLU()
        self.conv2 = nn.Conv2d(in_channels=3, out_channels=3, kernel_size=3, stride=1, padding=1)
        self.relu2 = nn.ReLU()

    def forward(self, x):
        out = self.conv1(x)
        out = self.relu1(out)
        out = self.conv2(out)
        return self.relu2(out) + x # ReLU can be applied before or after adding the input

simple_resnet = SimpleResidualBlock()
for images_b, labels_b in train_dl:
    out = simple_resnet(images_b)
    print(out.shape)
    break
simple_resnet

# %%
def accuracy(outputs, labels):
    _, preds = torch.max(outputs, dim=1)
    return torch.tensor(torch.sum(preds == labels).item() / len(preds))

class ImageClassificationBase(nn.Module):
    def training_step(self, batch):
        images, labels = batch
        out = self(images)
        loss = F.cross_entropy(out, labels)
        return loss

    def validation_step(self, batch):
        images, labels = batch
        out = self(images)
        loss = F.cross_entropy(out, labels)
        acc = accuracy(out, labels)
        return {'val_loss': loss.detach(), 'val_acc': acc}

    def validation_epoch_end(self, outputs):
        batch_losses = [x['val_loss'] for x in outputs]
        epoch_loss = torch.stack(batch_losses).mean()
        batch_accs = [x['val_acc'] for x in outputs]
        epoch_acc = torch.stack(batch_accs).mean()
        return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()}

    def epoch_end(self, epoch, result):
        print("Epoch [{}], last_lr: {:.5f}, train_loss: {:.4f}, val_loss: {:.4f}, val_acc: {:.4f}".format(
            epoch, result['lrs'][-1], result['train_loss'], result['val_loss'], result['val_acc']))

def conv_block(in_channels, out_channels, pool=False):
    layers = [nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1),
              nn.BatchNorm2d(out_channels),
              nn.ReLU(inplace=True)]
    if pool: layers.append(nn.MaxPool2d(2))
    return nn.Sequential(*layers)

class ResNet9(ImageClassificationBase):
    def __init__(self, in_channels, num_classes):
        super().__init__()

        self.conv1 = conv_block(in_channels, 8)
        self.conv2 = conv_block(8, 16, pool=True)
        self.res1 = nn.Sequential(conv_block(16, 16), conv_block(16, 16))

        self.conv3 = conv_block(16, 32, pool=True)
        self.conv4 = conv_block(32, 32, pool=True)
        self.res2 = nn.Sequential(conv_block(32, 32), conv_block(32, 32))

        self.classifier = nn.Sequential(nn.MaxPool2d(2),
                                        nn.Flatten(),
                                        nn.Dropout(0.2),
                                        nn.Linear(32, num_classes))

    def forward(self, xb):
        out = self.conv1(xb)
        out = self.conv2(out)
        out = self.res1(out) + out
        out = self.conv3(out)
        out = self.conv4(out)
        out = self.res2(out) + out
        out = self.classifier(out)
        return out

torch.manual_seed(1)
model = ResNet9(3, 10)
model

# %%
print(model.conv1[1].running_mean, model.conv1[1].num_batches_tracked)
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
print([n for n, _ in model.named_buffers()][:3])

# %%
@torch.no_grad()
def evaluate(model, val_loader):
    model.eval()
    outputs = [model.validation_step(batch) for batch in val_loader]
    return model.validation_epoch_end(outputs)

def get_lr(optimizer):
    for param_group in optimizer.param_groups:
        return param_group['lr']

def fit_one_cycle(epochs, max_lr, model, train_loader, val_loader,
                  weight_decay=0, grad_clip=None, opt_func=torch.optim.SGD):
    torch.cuda.empty_cache()
    history = []

    # Set up cutom optimizer with weight decay
    optimizer = opt_func(model.parameters(), max_lr, weight_decay=weight_decay)
    # Set up one-cycle learning rate scheduler
    sched = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, epochs=epochs,
                                                steps_per_epoch=len(train_loader))

    for epoch in range(epochs):
        # Training Phase
        model.train()
        train_losses = []
        lrs = []
        for batch in train_loader:
            loss = model.training_step(batch)
            train_losses.append(loss)
            loss.backward()

            # Gradient clipping
            if grad_clip:
                nn.utils.clip_grad_value_(model.parameters(), grad_clip)

            optimizer.step()
            optimizer.zero_grad()

            # Record & update learning rate
            lrs.append(get_lr(optimizer))
            sched.step()

        # Validation phase
        result = evaluate(model, val_loader)
        result['train_loss'] = torch.stack(train_losses).mean().item()
        result['lrs'] = lrs
        model.epoch_end(epoch, result)
        history.append(result)
    return history

history = [evaluate(model, valid_dl)]
print(sorted(history[0]))

# %%
epochs = 3
max_lr = 0.01
grad_clip = 0.1
weight_decay = 1e-4
opt_func = torch.optim.Adam
history += fit_one_cycle(epochs, max_lr, model, train_dl, valid_dl,
                         grad_clip=grad_clip,
                         weight_decay=weight_decay,
                         opt_func=opt_func)

# %%
lrs = [x.get('lrs', []) for x in history]
flat = [lr for sub in lrs for lr in sub]
print(len(flat))
print(['%.6f' % lr for lr in flat])
print(model.conv1[1].num_batches_tracked, model.training)

# %%
# The scheduler on its own: what get_lr() and get_last_lr() report, the momentum it cycles, and stepping too far
torch.manual_seed(2)
lin = nn.Linear(4, 2)
opt = torch.optim.Adam(lin.parameters(), 0.01, weight_decay=1e-4)
print(opt)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, 0.01, epochs=2, steps_per_epoch=3)
print(opt.param_groups[0]['lr'], opt.param_groups[0]['betas'], opt.param_groups[0]['initial_lr'],
      opt.param_groups[0]['max_lr'], opt.param_groups[0]['min_lr'])
for i in range(6):
    opt.step()
    sched.step()
    print(i, sched.get_last_lr(), opt.param_groups[0]['betas'])
try:
    opt.step()
    sched.step()
except Exception as e:
    print(type(e).__name__, e)
print(sched.last_epoch, sched.total_steps)

# %%
opt = torch.optim.SGD(lin.parameters(), 0.1, momentum=0.9, weight_decay=5e-4)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=5, anneal_strategy='linear',
                                            pct_start=0.4, div_factor=10, final_div_factor=100)
print(opt.param_groups[0]['lr'], opt.param_groups[0]['momentum'])
for i in range(4):
    opt.step()
    sched.step()
    print(round(sched.get_last_lr()[0], 6), round(opt.param_groups[0]['momentum'], 6))
print(sorted(sched.state_dict())[:5])
try:
    torch.optim.lr_scheduler.OneCycleLR(opt, 0.1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.lr_scheduler.OneCycleLR(opt, 0.1, total_steps=5, anneal_strategy='exp')
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.lr_scheduler.OneCycleLR(opt, 0.1, epochs=0, steps_per_epoch=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.lr_scheduler.OneCycleLR(opt, [0.1, 0.2], total_steps=5)
except Exception as e:
    print(type(e).__name__, e)

# %%
# clip_grad_value_ and clip_grad_norm_ on their own
w = torch.tensor([0.5, -2.0, 3.0], requires_grad=True)
(w * w).sum().backward()
print(w.grad)
r = nn.utils.clip_grad_value_(w, 1.0)
print(r, w.grad)
w.grad = torch.tensor([3., 4., 0.])
print(nn.utils.clip_grad_norm_([w], max_norm=1.0), w.grad)
try:
    nn.utils.clip_grad_value_(w, -1.0)
    print(w.grad)
except Exception as e:
    print(type(e).__name__, e)
print(nn.utils.clip_grad_value_([torch.zeros(2, requires_grad=True)], 0.5))
