# Imitates Patrick Loeber's (Python Engineer) "PyTorch Tutorial" 15 (pytorchTutorial/15_transfer_learning.py) as
# learners retype it without torchvision: a small "pretrained" ConvNet stands in for resnet18 (its fc swapped for
# nn.Linear(num_ftrs, 2)), random tensors for the ants/bees folders, and the tutorial's train_model kept as written:
# model.train()/eval() per phase, torch.set_grad_enabled(phase == 'train'), running_corrects += torch.sum(preds ==
# labels.data), running_corrects.double() / dataset_sizes[phase], '{:.4f}'.format on 0-dim tensors, best_acc
# compared and deep-copied state_dicts, StepLR once per epoch; then the frozen feature extractor
# (param.requires_grad = False, only fc's parameters optimised).
import copy
import time
import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler

# %%
class TinyResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(),
                                      nn.AdaptiveAvgPool2d(1))
        self.fc = nn.Linear(4, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.features(x), 1))

torch.manual_seed(0)
pretrained = TinyResNet()
class_names = ['ants', 'bees']
data = {x: (torch.rand(n, 3, 8, 8), torch.randint(0, 2, (n,))) for x, n in [('train', 12), ('val', 8)]}
dataloaders = {x: torch.utils.data.DataLoader(list(zip(*data[x])), batch_size=4, shuffle=True, num_workers=0)
               for x in ['train', 'val']}
dataset_sizes = {x: len(data[x][0]) for x in ['train', 'val']}
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
print(class_names, dataset_sizes, device)
inputs, classes = next(iter(dataloaders['train']))
print(inputs.shape, [class_names[x] for x in classes])

# %%
def train_model(model, criterion, optimizer, scheduler, num_epochs=25):
    since = time.time()
    best_model_wts = copy.deepcopy(model.state_dict())
    best_acc = 0.0
    for epoch in range(num_epochs):
        print('Epoch {}/{}'.format(epoch, num_epochs - 1))
        print('-' * 10)
        for phase in ['train', 'val']:
            if phase == 'train':
                model.train()
            else:
                model.eval()
            running_loss = 0.0
            running_corrects = 0
            for inputs, labels in dataloaders[phase]:
                inputs = inputs.to(device)
                labels = labels.to(device)
                with torch.set_grad_enabled(phase == 'train'):
                    outputs = model(inputs)
                    _, preds = torch.max(outputs, 1)
                    loss = criterion(outputs, labels)
                    if phase == 'train':
                        optimizer.zero_grad()
                        loss.backward()
                        optimizer.step()
                running_loss += loss.item() * inputs.size(0)
                running_corrects += torch.sum(preds == labels.data)
            if phase == 'train':
                scheduler.step()
            epoch_loss = running_loss / dataset_sizes[phase]
            epoch_acc = running_corrects.double() / dataset_sizes[phase]
            print('{} Loss: {:.4f} Acc: {:.4f}'.format(phase, epoch_loss, epoch_acc))
            if phase == 'val' and epoch_acc > best_acc:
                best_acc = epoch_acc
                best_model_wts = copy.deepcopy(model.state_dict())
        print()
    time_elapsed = time.time() - since
    print('Training complete in {:.0f}m {:.0f}s'.format(time_elapsed // 60 * 0, time_elapsed % 60 * 0))
    print('Best val Acc: {:4f}'.format(best_acc))
    print(repr(best_acc), type(running_corrects).__name__, running_corrects.dtype, epoch_acc.dtype)
    model.load_state_dict(best_model_wts)
    return model

model = copy.deepcopy(pretrained)
num_ftrs = model.fc.in_features
torch.manual_seed(1)
model.fc = nn.Linear(num_ftrs, 2)
model = model.to(device)
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)
step_lr_scheduler = lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.1)
model = train_model(model, criterion, optimizer, step_lr_scheduler, num_epochs=3)
print(optimizer.param_groups[0]['lr'], model.training, model.features[1].running_mean)

# %%
model_conv = copy.deepcopy(pretrained)
for param in model_conv.parameters():
    param.requires_grad = False
num_ftrs = model_conv.fc.in_features
torch.manual_seed(2)
model_conv.fc = nn.Linear(num_ftrs, 2)
print([n for n, p in model_conv.named_parameters() if p.requires_grad])
optimizer_conv = optim.SGD(model_conv.fc.parameters(), lr=0.1, momentum=0.9)
exp_lr_scheduler = lr_scheduler.StepLR(optimizer_conv, step_size=7, gamma=0.1)
before = model_conv.features[0].weight.clone()
model_conv = train_model(model_conv, criterion, optimizer_conv, exp_lr_scheduler, num_epochs=2)
print(torch.equal(before, model_conv.features[0].weight), model_conv.features[0].weight.grad)
print(optimizer_conv.state_dict()['state'][0]['momentum_buffer'].shape)

# %%
x, y = data['val']
with torch.set_grad_enabled(False):
    out = model_conv(x)
print(out.requires_grad, torch.is_grad_enabled())
torch.set_grad_enabled(False)
print(torch.is_grad_enabled(), model_conv(x).requires_grad)
torch.set_grad_enabled(True)
print(torch.is_grad_enabled())
acc = torch.sum(out.argmax(1) == y)
print(acc, acc.double() / 8, acc / 8, acc // 3, acc.item() / 8)
print('{:.4f} {:4f} {}'.format(acc.double() / 8, acc / 8, acc.double() / 8))
print(acc.double() / 8 > 0.5, max(acc.double() / 8, 0.0))
try:
    print('{:.4f}'.format(out.argmax(1) == y))
except Exception as e:
    print(type(e).__name__, e)
for p in model_conv.features.parameters():
    p.requires_grad_(True)
print(sum(p.numel() for p in model_conv.parameters() if p.requires_grad))
