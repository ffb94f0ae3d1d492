# Imitates pytorch/examples mnist/main.py as learners paste it into a notebook: the Net with two convolutions, two
# Dropout layers and log_softmax, train() with its log_interval prints, test() with F.nll_loss(reduction='sum') and
# pred.eq(target.view_as(pred)).sum().item(), Adadelta with StepLR(step_size=1, gamma=0.7); random 28x28 "digits"
# through TensorDataset/DataLoader instead of the download, and a few argparse-like settings in a Namespace.
import argparse
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import TensorDataset, DataLoader

# %%
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = F.relu(x)
        x = self.conv2(x)
        x = F.relu(x)
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.dropout2(x)
        x = self.fc2(x)
        output = F.log_softmax(x, dim=1)
        return output

torch.manual_seed(1)
model = Net()
print(model)
print(sum(p.numel() for p in model.parameters()))

# %%
args = argparse.Namespace(batch_size=8, test_batch_size=16, epochs=2, lr=1.0, gamma=0.7, log_interval=2,
                          dry_run=False, save_model=False)
print(args)
train_kwargs = {'batch_size': args.batch_size}
test_kwargs = {'batch_size': args.test_batch_size}
cuda_kwargs = {'num_workers': 1, 'pin_memory': True, 'shuffle': True}
use_cuda = torch.cuda.is_available()
if use_cuda:
    train_kwargs.update(cuda_kwargs)
    test_kwargs.update(cuda_kwargs)
device = torch.device("cuda" if use_cuda else "cpu")
print(device, train_kwargs)

g = torch.Generator().manual_seed(0)
images = ((torch.rand(32, 1, 28, 28, generator=g) - 0.1307) / 0.3081)
labels = torch.randint(0, 10, (32,), generator=g)
dataset1 = TensorDataset(images[:24], labels[:24])
dataset2 = TensorDataset(images[24:], labels[24:])
train_loader = DataLoader(dataset1, **train_kwargs)
test_loader = DataLoader(dataset2, **test_kwargs)
print(len(train_loader.dataset), len(train_loader), len(test_loader.dataset))

# %%
def train(args, model, device, train_loader, optimizer, epoch):
    model.train()
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()
        if batch_idx % args.log_interval == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(train_loader.dataset),
                100. * batch_idx / len(train_loader), loss.item()))
            if args.dry_run:
                break


def test(model, device, test_loader):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in test_loader:
            data, target = data.to(device), target.to(device)
            output = model(data)
            test_loss += F.nll_loss(output, target, reduction='sum').item()  # sum up batch loss
            pred = output.argmax(dim=1, keepdim=True)  # get the index of the max log-probability
            correct += pred.eq(target.view_as(pred)).sum().item()

    test_loss /= len(test_loader.dataset)

    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(
        test_loss, correct, len(test_loader.dataset),
        100. * correct / len(test_loader.dataset)))
    return pred, target

# %%
optimizer = optim.Adadelta(model.parameters(), lr=args.lr)
print(optimizer)
scheduler = StepLR(optimizer, step_size=1, gamma=args.gamma)
for epoch in range(1, args.epochs + 1):
    train(args, model, device, train_loader, optimizer, epoch)
    pred, target = test(model, device, test_loader)
    scheduler.step()
    print(scheduler.get_last_lr(), optimizer.param_groups[0]['lr'])

# %%
print(pred.shape, pred.dtype, target.view_as(pred).shape)
print(pred.eq(target.view_as(pred)))
print(pred.eq(target.view_as(pred)).sum(), type(pred.eq(target.view_as(pred)).sum().item()))
print(pred.eq(target))
print(scheduler.state_dict())
print({k: v.shape for k, v in model.state_dict().items()})

# %%
# learners' slips: view_as with a mismatched size, nll_loss on probabilities of the wrong shape
try:
    target.view_as(torch.zeros(3, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.nll_loss(torch.randn(4, 10), torch.randint(0, 10, (4, 1)))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.randn(2, 28, 28, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.nll_loss(torch.randn(4, 10), torch.tensor([1, 2, 3, 10]))
except Exception as e:
    print(type(e).__name__, e)
model.eval()
print(model(images[:2]).exp().sum(1))
print(model.training, model.conv1.training, model.dropout1)
