# Imitates Aladdin Persson's Machine-Learning-Collection basics and utils (ML/Pytorch/Basics: pytorch_simple_fullynet
# and pytorch_simple_CNN's check_accuracy with model.eval() / torch.no_grad() / scores.max(1), pytorch_loadsave's
# save_checkpoint / load_checkpoint every few epochs, pytorch_lr_ratescheduler's ReduceLROnPlateau on the mean loss,
# pytorch_init_weights' initialize_weights over self.modules(), pytorch_std_mean for a dataset's mean and std),
# written without tqdm, on small random tensors instead of MNIST.
import os
import tempfile
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset
torch.manual_seed(0)

class CNN(nn.Module):
    def __init__(self, in_channels=1, num_classes=3):
        super(CNN, self).__init__()
        self.conv1 = nn.Conv2d(in_channels=in_channels, out_channels=4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
        self.pool = nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2))
        self.conv2 = nn.Conv2d(in_channels=4, out_channels=8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
        self.fc1 = nn.Linear(8 * 2 * 2, num_classes)
        self.initialize_weights()

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = self.pool(x)
        x = F.relu(self.conv2(x))
        x = self.pool(x)
        x = x.reshape(x.shape[0], -1)
        return self.fc1(x)

    def initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.Linear):
                nn.init.kaiming_uniform_(m.weight)
                nn.init.constant_(m.bias, 0)

def check_accuracy(loader, model):
    num_correct = 0
    num_samples = 0
    model.eval()
    with torch.no_grad():
        for x, y in loader:
            scores = model(x)
            _, predictions = scores.max(1)
            num_correct += (predictions == y).sum()
            num_samples += predictions.size(0)
        print(f"Got {num_correct} / {num_samples} with accuracy {float(num_correct) / float(num_samples) * 100:.2f}")
    model.train()
    return num_correct / num_samples

# %%
X = torch.randn(24, 1, 8, 8)
Y = (X.mean(dim=(1, 2, 3)) > 0).long() + (X[:, 0, 0, 0] > 1).long()
train_loader = DataLoader(TensorDataset(X, Y), batch_size=8, shuffle=True)
model = CNN()
print(model)
print(model.conv1.bias, model.fc1.bias)
x, y = next(iter(train_loader))
print(x.shape, y.shape, y.dtype, model(x).shape)
acc = check_accuracy(train_loader, model)
print(acc, acc.dtype, model.training)

# %%
def save_checkpoint(state, filename="my_checkpoint.pth.tar"):
    print("=> Saving checkpoint")
    torch.save(state, filename)

def load_checkpoint(checkpoint, model, optimizer):
    print("=> Loading checkpoint")
    model.load_state_dict(checkpoint["state_dict"])
    optimizer.load_state_dict(checkpoint["optimizer"])

criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=0.01)
scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.1, patience=0)
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "my_checkpoint.pth.tar")
for epoch in range(4):
    losses = []
    if epoch % 2 == 0:
        checkpoint = {"state_dict": model.state_dict(), "optimizer": optimizer.state_dict()}
        save_checkpoint(checkpoint, filename=path)
    for batch_idx, (data, targets) in enumerate(train_loader):
        scores = model(data)
        loss = criterion(scores, targets)
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    mean_loss = sum(losses) / len(losses)
    scheduler.step(mean_loss if epoch != 2 else 10.0)
    print(f"Cost at epoch {epoch} is {mean_loss:.4f}", optimizer.param_groups[0]["lr"], scheduler.get_last_lr())
check_accuracy(train_loader, model)
load_checkpoint(torch.load(path), model, optimizer)
print(optimizer.param_groups[0]["lr"], sorted(optimizer.state_dict()["state"][0].keys()))
print(optimizer.state_dict()["state"][0]["step"], scheduler.state_dict()["num_bad_epochs"])
print(os.path.getsize(path) > 0, sorted(torch.load(path)["optimizer"]["param_groups"][0].keys())[:5])
try:
    scheduler.step()
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.load(os.path.join(tmp, "missing.pth.tar"))
except Exception as e:
    print(type(e).__name__, str(e).replace(tmp, "TMP"))
try:
    model.load_state_dict(torch.load(path))
except Exception as e:
    print(type(e).__name__, str(e)[:200])

# %%
channels_sum, channels_squared_sum, num_batches = 0, 0, 0
for data, _ in DataLoader(TensorDataset(X * 2 + 1, Y), batch_size=8):
    channels_sum += torch.mean(data, dim=[0, 2, 3])
    channels_squared_sum += torch.mean(data ** 2, dim=[0, 2, 3])
    num_batches += 1
mean = channels_sum / num_batches
std = (channels_squared_sum / num_batches - mean ** 2) ** 0.5
print(mean, std, type(channels_sum), num_batches)
print(torch.std_mean(X * 2 + 1, dim=[0, 2, 3]), torch.var_mean(X[:4, 0, 0], unbiased=False))
print(torch.std_mean(X[:3, 0, 0, :2], dim=0, correction=0, keepdim=True))
for make in [lambda: torch.std_mean(torch.arange(4)),
             lambda: torch.std_mean(X, dim=[0, 4]),
             lambda: torch.mean(X, dim=[0, 0]),
             lambda: (torch.tensor(3) / torch.tensor(4), torch.tensor(3) // torch.tensor(4)),
             lambda: float(torch.tensor([3, 4])),
             lambda: f"{torch.tensor(3)} / {torch.tensor(4.5):.1f}",
             lambda: f"{torch.tensor([1.5, 2.0])}",
             lambda: f"{torch.tensor([1.5, 2.0]):.2f}"]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
class NN(nn.Module):
    def __init__(self, input_size, num_classes):
        super(NN, self).__init__()
        self.fc1 = nn.Linear(input_size, 16)
        self.fc2 = nn.Linear(16, num_classes)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))

net = NN(64, 3)
opt = optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
for epoch in range(2):
    for batch_idx, (data, targets) in enumerate(train_loader):
        data = data.reshape(data.shape[0], -1)
        scores = net(data)
        loss = criterion(scores, targets)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(epoch, batch_idx, round(loss.item(), 4))
try:
    net(X)
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(net(X.reshape(24, -1)), Y.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(net(X.reshape(24, -1)), Y + 3)
except Exception as e:
    print(type(e).__name__, e)
print(sum(p.numel() for p in net.parameters() if p.requires_grad))
