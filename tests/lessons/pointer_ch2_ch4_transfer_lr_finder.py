# Imitates Ian Pointer's "Programming PyTorch for Deep Learning" (O'Reilly; repo falloutdurden/pytorch-book),
# chapters 2-4 at tiny sizes on random "cat/fish" images: the SimpleNet of Linear layers with its train() helper
# (loss.data.item() * inputs.size(0), torch.eq(torch.max(F.softmax(output, dim=1), dim=1)[1], targets)), the CNNNet
# with AdaptiveAvgPool2d, then transfer learning on a small ResNet-like backbone: freezing every parameter whose name
# has no "bn" in it, replacing .fc with a Sequential head, find_lr (the exponentially growing learning rate that stops
# when the loss explodes), differential learning rates with param groups, and unfreezing layer3/layer4 later.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(2)
images = torch.rand(48, 3, 16, 16)
labels = (images[:, 0].mean((1, 2)) > images[:, 2].mean((1, 2))).long()
train_data_loader = DataLoader(TensorDataset(images[:32], labels[:32]), batch_size=8, shuffle=True)
val_data_loader = DataLoader(TensorDataset(images[32:], labels[32:]), batch_size=8)
print(len(train_data_loader), len(val_data_loader), labels.bincount())

# %%
class SimpleNet(nn.Module):
    def __init__(self):
        super(SimpleNet, self).__init__()
        self.fc1 = nn.Linear(768, 84)
        self.fc2 = nn.Linear(84, 50)
        self.fc3 = nn.Linear(50, 2)

    def forward(self, x):
        x = x.view(-1, 768)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

simplenet = SimpleNet()
optimizer = optim.Adam(simplenet.parameters(), lr=0.001)
print(simplenet)
print(optimizer)

def train(model, optimizer, loss_fn, train_loader, val_loader, epochs=20, device="cpu"):
    for epoch in range(1, epochs + 1):
        training_loss = 0.0
        valid_loss = 0.0
        model.train()
        for batch in train_loader:
            optimizer.zero_grad()
            inputs, targets = batch
            inputs = inputs.to(device)
            targets = targets.to(device)
            output = model(inputs)
            loss = loss_fn(output, targets)
            loss.backward()
            optimizer.step()
            training_loss += loss.data.item() * inputs.size(0)
        training_loss /= len(train_loader.dataset)

        model.eval()
        num_correct = 0
        num_examples = 0
        for batch in val_loader:
            inputs, targets = batch
            inputs = inputs.to(device)
            output = model(inputs)
            targets = targets.to(device)
            loss = loss_fn(output, targets)
            valid_loss += loss.data.item() * inputs.size(0)
            correct = torch.eq(torch.max(F.softmax(output, dim=1), dim=1)[1], targets)
            num_correct += torch.sum(correct).item()
            num_examples += correct.shape[0]
        valid_loss /= len(val_loader.dataset)

        print('Epoch: {}, Training Loss: {:.2f}, Validation Loss: {:.2f}, accuracy = {:.2f}'.format(
            epoch, training_loss, valid_loss, num_correct / num_examples))

train(simplenet, optimizer, torch.nn.CrossEntropyLoss(), train_data_loader, val_data_loader, epochs=3)

# %%
# the mistakes of chapter 2: a wrong flatten size, a float target, forgetting model(...) returns logits
try:
    SimpleNet()(torch.rand(2, 3, 8, 8)).shape
    print(nn.Linear(768, 84)(torch.rand(2, 3, 16, 16).view(2, -1)[:, :700]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.nn.CrossEntropyLoss()(simplenet(images[:4]), labels[:4].float())
except Exception as e:
    print(type(e).__name__, e)
labels_onehot = F.one_hot(labels[:4], 2).float()
print(torch.nn.CrossEntropyLoss()(simplenet(images[:4]), labels_onehot))
with torch.no_grad():
    prediction = F.softmax(simplenet(images[:4]), dim=1)
    print(prediction.argmax(), prediction.argmax(1), torch.max(prediction, dim=1))
    print(torch.max(prediction, 1)[1].eq(labels[:4]).sum().item())

# %%
class CNNNet(nn.Module):
    def __init__(self, num_classes=2):
        super(CNNNet, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, kernel_size=5, stride=2, padding=2),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(8, 16, kernel_size=3, padding=1),
            nn.ReLU(),
        )
        self.avgpool = nn.AdaptiveAvgPool2d((3, 3))
        self.classifier = nn.Sequential(
            nn.Dropout(),
            nn.Linear(16 * 3 * 3, 32),
            nn.ReLU(),
            nn.Dropout(),
            nn.Linear(32, num_classes),
        )

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        x = torch.flatten(x, 1)
        x = self.classifier(x)
        return x

cnnnet = CNNNet()
print(cnnnet)
print(cnnnet.features(images[:2]).shape, cnnnet.avgpool(cnnnet.features(images[:2])).shape)
print(cnnnet(torch.rand(1, 3, 40, 24)).shape)
train(cnnnet, optim.Adam(cnnnet.parameters(), lr=0.01), nn.CrossEntropyLoss(), train_data_loader,
      val_data_loader, epochs=2)

# %%
class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(out)) + identity)

class TinyResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(8)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = BasicBlock(8, 8)
        self.layer2 = BasicBlock(8, 8)
        self.layer3 = BasicBlock(8, 16, 2)
        self.layer4 = BasicBlock(16, 16, 2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(16, 1000)

    def forward(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))

transfer_model = TinyResNet()
for name, param in transfer_model.named_parameters():
    if ("bn" not in name):
        param.requires_grad = False
print([n for n, p in transfer_model.named_parameters() if p.requires_grad])
print(transfer_model.fc.in_features, transfer_model.fc.out_features)
transfer_model.fc = nn.Sequential(nn.Linear(transfer_model.fc.in_features, 500),
                                  nn.ReLU(),
                                  nn.Dropout(), nn.Linear(500, 2))
print(transfer_model.fc)
trainable = sum(p.numel() for p in transfer_model.parameters() if p.requires_grad)
total = sum(p.numel() for p in transfer_model.parameters())
print(f"trainable {trainable} of {total}")
print(transfer_model.layer3.downsample[0].weight.requires_grad, transfer_model.layer3.downsample[1].weight.requires_grad)

# %%
def find_lr(model, loss_fn, optimizer, train_loader, init_value=1e-8, final_value=10.0, device="cpu"):
    number_in_epoch = len(train_loader) - 1
    update_step = (final_value / init_value) ** (1 / number_in_epoch)
    lr = init_value
    optimizer.param_groups[0]["lr"] = lr
    best_loss = 0.0
    batch_num = 0
    losses = []
    log_lrs = []
    for data in train_loader:
        batch_num += 1
        inputs, targets = data
        inputs = inputs.to(device)
        targets = targets.to(device)
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = loss_fn(outputs, targets)

        # Crash out if loss explodes
        if batch_num > 1 and loss > 4 * best_loss:
            if (len(log_lrs) > 20):
                return log_lrs[10:-5], losses[10:-5]
            else:
                return log_lrs, losses

        # Record the best loss
        if loss < best_loss or batch_num == 1:
            best_loss = loss

        # Store the values
        losses.append(loss.item())
        log_lrs.append((lr))

        # Do the backward pass and optimize
        loss.backward()
        optimizer.step()

        # Update the lr for the next step and store
        lr *= update_step
        optimizer.param_groups[0]["lr"] = lr
    return log_lrs, losses

torch.manual_seed(3)
lr_loader = DataLoader(TensorDataset(images, labels), batch_size=4, shuffle=True)
lr_optimizer = optim.Adam(transfer_model.parameters(), lr=0.001)
(lrs, losses) = find_lr(transfer_model, torch.nn.CrossEntropyLoss(), lr_optimizer, lr_loader, init_value=1e-4)
print(len(lrs), ["%.2e" % lr for lr in lrs])
print([round(l, 3) for l in losses])
print(type(lrs[0]), type(losses[0]), [math.log10(lr) for lr in lrs][:3])
print(lr_optimizer.param_groups[0]["lr"] == lrs[-1] or lr_optimizer.param_groups[0]["lr"])

# %%
found_lr = 1e-2
optimizer = optim.Adam([
    {'params': transfer_model.layer4.parameters(), 'lr': found_lr / 3},
    {'params': transfer_model.layer3.parameters(), 'lr': found_lr / 9},
], lr=found_lr)
print([(len(g['params']), g['lr']) for g in optimizer.param_groups])
unfreeze_layers = [transfer_model.layer3, transfer_model.layer4]
for layer in unfreeze_layers:
    for param in layer.parameters():
        param.requires_grad = True
optimizer.add_param_group({'params': transfer_model.fc.parameters()})
print([(len(g['params']), g['lr'], g['betas']) for g in optimizer.param_groups])
try:
    optimizer.add_param_group({'params': transfer_model.layer4.parameters(), 'lr': 1.0})
except Exception as e:
    print(type(e).__name__, e)
try:
    optim.Adam([{'params': transfer_model.layer4.parameters()}, {'params': transfer_model.layer4.conv1.weight}])
except Exception as e:
    print(type(e).__name__, e)
train(transfer_model, optimizer, nn.CrossEntropyLoss(), train_data_loader, val_data_loader, epochs=2)
print(transfer_model.conv1.weight.grad, transfer_model.layer4.conv1.weight.grad.abs().sum() > 0)
print(transfer_model.bn1.running_mean[:3], transfer_model.bn1.num_batches_tracked)

# %%
# converting the fine-tuned model's precision the way the book's older code does, with tensor types
transfer_model.eval()
double_model = transfer_model.type(torch.DoubleTensor)
print(double_model is transfer_model, transfer_model.fc[0].weight.dtype, transfer_model.bn1.num_batches_tracked.dtype)
with torch.no_grad():
    print(transfer_model(images[:2].double()).dtype)
try:
    transfer_model(images[:2])
except Exception as e:
    print(type(e).__name__, e)
try:
    transfer_model.type(torch.LongTensor)
except Exception as e:
    print(type(e).__name__, e)
transfer_model.type('torch.FloatTensor')
print(transfer_model.conv1.weight.dtype, transfer_model.fc[3].bias.dtype, transfer_model.bn1.running_var.dtype)
