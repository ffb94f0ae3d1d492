# Imitates fleuret.org/dlc practical 4/5 and lecture 5/6 slides as a student types them: train_model(model,
# train_input, train_target, mini_batch_size) with torch.optim.SGD and narrow() mini-batches, compute_nb_errors,
# weight sharing (one nn.Linear used twice), a residual net with BatchNorm2d blocks, printing models, parameter
# counts, dropout in train/eval, and the shape mistakes of a learner wiring a convnet.
import torch
from torch import nn
from torch.nn import functional as F

# %%
class Net(nn.Module):
    def __init__(self, nb_hidden):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, kernel_size=5)
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3)
        self.fc1 = nn.Linear(16 * 2 * 2, nb_hidden)
        self.fc2 = nn.Linear(nb_hidden, 3)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), kernel_size=2, stride=2))
        x = F.relu(F.max_pool2d(self.conv2(x), kernel_size=2, stride=2))
        x = F.relu(self.fc1(x.view(-1, 16 * 2 * 2)))
        x = self.fc2(x)
        return x

def train_model(model, train_input, train_target, mini_batch_size, nb_epochs=3, lr=1e-1):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for e in range(nb_epochs):
        acc_loss = 0
        for b in range(0, train_input.size(0), mini_batch_size):
            output = model(train_input.narrow(0, b, mini_batch_size))
            loss = criterion(output, train_target.narrow(0, b, mini_batch_size))
            acc_loss = acc_loss + loss.item()
            model.zero_grad()
            loss.backward()
            optimizer.step()
        print(e, round(acc_loss, 4))

def compute_nb_errors(model, input, target, mini_batch_size):
    nb_errors = 0
    for b in range(0, input.size(0), mini_batch_size):
        output = model(input.narrow(0, b, mini_batch_size))
        _, predicted_classes = output.max(1)
        for k in range(mini_batch_size):
            if target[b + k] != predicted_classes[k]:
                nb_errors = nb_errors + 1
    return nb_errors

torch.manual_seed(0)
train_input = torch.randn(40, 1, 16, 16)
train_target = torch.randint(0, 3, (40,))
model = Net(20)
print(model)
print(sum(p.numel() for p in model.parameters()))
train_model(model, train_input, train_target, 10)
print(compute_nb_errors(model, train_input, train_target, 10))

# %%
try:
    model(torch.randn(2, 3, 16, 16))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    model(torch.randn(2, 1, 20, 20))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    model(torch.randn(1, 16, 16))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    nn.CrossEntropyLoss()(torch.randn(4, 3), torch.tensor([0, 1, 2, 3]))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
try:
    nn.CrossEntropyLoss()(torch.randn(4, 3), torch.tensor([0., 1., 2., 1.]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    train_model(model, train_input, train_target, 15, nb_epochs=1)
except (RuntimeError, ValueError) as e:
    print(type(e).__name__, e)

# %%
class Shared(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(2, 2)
    def forward(self, a, b):
        return self.lin(a) + self.lin(b)

torch.manual_seed(1)
m = Shared()
a, b = torch.randn(3, 2), torch.randn(3, 2)
out = m(a, b)
out.sum().backward()
print(out.grad_fn.name(), m.lin.weight.grad, m.lin.bias.grad)
print([n for n, _ in m.named_parameters()])
seq = nn.Sequential(m.lin, nn.ReLU(), m.lin)
print(seq, len(list(seq.parameters())))

# %%
class ResBlock(nn.Module):
    def __init__(self, nb_channels, kernel_size):
        super().__init__()
        self.conv1 = nn.Conv2d(nb_channels, nb_channels, kernel_size, padding=(kernel_size - 1) // 2)
        self.bn1 = nn.BatchNorm2d(nb_channels)
        self.conv2 = nn.Conv2d(nb_channels, nb_channels, kernel_size, padding=(kernel_size - 1) // 2)
        self.bn2 = nn.BatchNorm2d(nb_channels)
    def forward(self, x):
        y = self.bn1(self.conv1(x))
        y = F.relu(y)
        y = self.bn2(self.conv2(y))
        y = y + x
        y = F.relu(y)
        return y

class ResNet(nn.Module):
    def __init__(self, nb_channels, kernel_size, nb_blocks):
        super().__init__()
        self.conv0 = nn.Conv2d(1, nb_channels, kernel_size=1)
        self.resblocks = nn.Sequential(*(ResBlock(nb_channels, kernel_size) for _ in range(nb_blocks)))
        self.avg = nn.AvgPool2d(kernel_size=8)
        self.fc = nn.Linear(nb_channels, 3)
    def forward(self, x):
        x = F.relu(self.conv0(x))
        x = self.resblocks(x)
        x = F.relu(self.avg(x))
        x = x.view(x.size(0), -1)
        x = self.fc(x)
        return x

torch.manual_seed(2)
r = ResNet(4, 3, 2)
print(r)
x = torch.randn(5, 1, 8, 8)
out = r(x)
print(out, out.grad_fn.name())
print(r.resblocks[0].bn1.running_mean, r.resblocks[0].bn1.num_batches_tracked)
out.sum().backward()
print(r.conv0.weight.grad.view(-1))
r.eval()
print(r(x[:2]))
print(r.training, r.resblocks[1].bn2.training)

# %%
torch.manual_seed(3)
drop = nn.Dropout(p=0.5)
x = torch.ones(2, 6)
print(drop(x))
drop.eval()
print(drop(x))
print(F.dropout(x, p=0.25, training=True))
print(F.dropout2d(torch.ones(1, 4, 2, 2), 0.5).sum((2, 3)))
try:
    nn.Dropout(p=1.5)
except ValueError as e:
    print(type(e).__name__, e)
bn = nn.BatchNorm1d(3, affine=False, momentum=None)
for _ in range(3):
    bn(torch.randn(4, 3))
print(bn, bn.running_mean, bn.running_var, bn.num_batches_tracked)
try:
    nn.BatchNorm1d(3)(torch.randn(1, 3))
except ValueError as e:
    print(type(e).__name__, e)
