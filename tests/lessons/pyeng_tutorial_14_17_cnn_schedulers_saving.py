# Imitates Patrick Loeber's (Python Engineer) "PyTorch Tutorial" 14-17 (pytorchTutorial/14_cnn.py,
# 17_save_load.py, and his "PyTorch LR Scheduler - Adjust The Learning Rate" video) as learners retype them: the
# CIFAR-10 ConvNet (conv1 -> pool -> conv2 -> pool -> view(-1, 16*5*5) -> fc1..fc3) on random 32x32 data with the
# shape walk-through prints and per-class accuracy, lr_scheduler.StepLR / LambdaLR / MultiplicativeLR / ExponentialLR
# with optimizer.state_dict()['param_groups'][0]['lr'] prints (and scheduler.step() before optimizer.step()),
# and saving: torch.save of the whole model and of its state_dict to io.BytesIO, load_state_dict, model.eval(),
# a checkpoint dict with epoch, model_state and optim_state, and the errors of loading into the wrong model.
import io
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import lr_scheduler

# %%
torch.manual_seed(0)
images = torch.rand(4, 3, 32, 32)
conv1 = nn.Conv2d(3, 6, 5)
pool = nn.MaxPool2d(2, 2)
conv2 = nn.Conv2d(6, 16, 5)
print(images.shape)
x = conv1(images)
print(x.shape)
x = pool(x)
print(x.shape)
x = conv2(x)
print(x.shape)
x = pool(x)
print(x.shape)
print(conv1, pool, conv2)
print(x.grad_fn, x.view(-1, 16 * 5 * 5).shape)

# %%
class ConvNet(nn.Module):
    def __init__(self):
        super(ConvNet, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

classes = ('plane', 'car', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck')
torch.manual_seed(1)
model = ConvNet()
print(model)
data = torch.rand(24, 3, 32, 32)
targets = torch.randint(0, 10, (24,))
train_loader = torch.utils.data.DataLoader(list(zip(data[:16], targets[:16])), batch_size=4, shuffle=True)
test_loader = torch.utils.data.DataLoader(list(zip(data[16:], targets[16:])), batch_size=4)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
n_total_steps = len(train_loader)
for epoch in range(2):
    for i, (images, labels) in enumerate(train_loader):
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i + 1) % 2 == 0:
            print(f'Epoch [{epoch+1}/2], Step [{i+1}/{n_total_steps}], Loss: {loss.item():.4f}')
print('Finished Training')
PATH = io.BytesIO()
torch.save(model.state_dict(), PATH)

# %%
with torch.no_grad():
    n_correct = 0
    n_samples = 0
    n_class_correct = [0 for i in range(10)]
    n_class_samples = [0 for i in range(10)]
    for images, labels in test_loader:
        outputs = model(images)
        _, predicted = torch.max(outputs, 1)
        n_samples += labels.size(0)
        n_correct += (predicted == labels).sum().item()
        for i in range(4):
            label = labels[i]
            pred = predicted[i]
            if (label == pred):
                n_class_correct[label] += 1
            n_class_samples[label] += 1
    acc = 100.0 * n_correct / n_samples
    print(f'Accuracy of the network: {acc} %')
    for i in range(10):
        if n_class_samples[i] == 0:
            continue
        acc = 100.0 * n_class_correct[i] / n_class_samples[i]
        print(f'Accuracy of {classes[i]}: {acc} %')
print(n_class_samples, predicted)
try:
    model(torch.rand(2, 3, 28, 28))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.rand(3, 32, 32)).shape
except Exception as e:
    print(type(e).__name__, e)
print(model(torch.rand(3, 32, 32)).shape)

# %%
lr = 0.1
torch.manual_seed(2)
model = nn.Linear(10, 1)
optimizer = torch.optim.Adam(model.parameters(), lr=lr)
lambda1 = lambda epoch: epoch / 10
scheduler = lr_scheduler.LambdaLR(optimizer, lambda1)
print(optimizer.state_dict())
for epoch in range(5):
    optimizer.step()
    scheduler.step()
    print(optimizer.state_dict()['param_groups'][0]['lr'])
print(scheduler.get_last_lr(), scheduler.last_epoch)

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
lambda1 = lambda epoch: 0.95
scheduler = lr_scheduler.MultiplicativeLR(optimizer, lambda1)
for epoch in range(5):
    optimizer.step()
    scheduler.step()
    print(optimizer.state_dict()['param_groups'][0]['lr'])
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
scheduler = lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.1)
for epoch in range(6):
    optimizer.step()
    scheduler.step()
    print(epoch, optimizer.param_groups[0]['lr'], scheduler.get_last_lr())
print(scheduler.state_dict())

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
scheduler = lr_scheduler.MultiStepLR(optimizer, milestones=[2, 4], gamma=0.5)
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    for epoch in range(5):
        scheduler.step()
        optimizer.step()
        print(optimizer.state_dict()['param_groups'][0]['lr'])
print([(w.category.__name__, str(w.message)[:120]) for w in ws])
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
scheduler = lr_scheduler.ExponentialLR(optimizer, gamma=0.9)
for epoch in range(3):
    optimizer.step()
    scheduler.step()
print(round(scheduler.get_last_lr()[0], 6), optimizer.state_dict()['param_groups'][0]['initial_lr'])
try:
    lr_scheduler.StepLR(optimizer)
except Exception as e:
    print(type(e).__name__, e)
try:
    lr_scheduler.LambdaLR(optimizer, [lambda1, lambda1])
except Exception as e:
    print(type(e).__name__, e)

# %%
class Model(nn.Module):
    def __init__(self, n_input_features):
        super(Model, self).__init__()
        self.linear = nn.Linear(n_input_features, 1)

    def forward(self, x):
        y_pred = torch.sigmoid(self.linear(x))
        return y_pred

torch.manual_seed(3)
model = Model(n_input_features=6)
for param in model.parameters():
    print(param)
seq = nn.Sequential(nn.Linear(6, 1), nn.Sigmoid())   # a class of the notebook itself does not pickle from a cell
FILE = io.BytesIO()
torch.save(seq, FILE)
FILE.seek(0)
try:
    loaded_model = torch.load(FILE)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
FILE.seek(0)
loaded_model = torch.load(FILE, weights_only=False)
loaded_model.eval()
for param in loaded_model.parameters():
    print(param)
print(type(loaded_model).__name__, loaded_model.training, seq.training, loaded_model[0].weight is seq[0].weight)
print(torch.equal(loaded_model(torch.ones(1, 6)), seq(torch.ones(1, 6))))
print(loaded_model)

# %%
FILE = io.BytesIO()
torch.save(model.state_dict(), FILE)
print(model.state_dict())
FILE.seek(0)
loaded_model = Model(n_input_features=6)
print(loaded_model.load_state_dict(torch.load(FILE)))
print(loaded_model.eval())
print(loaded_model.training, model.training)
print(loaded_model.state_dict())
try:
    Model(n_input_features=5).load_state_dict(model.state_dict())
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Sequential(nn.Linear(6, 1)).load_state_dict(model.state_dict())
except Exception as e:
    print(type(e).__name__, e)
try:
    loaded_model.load_state_dict(FILE)
except Exception as e:
    print(type(e).__name__, e)

# %%
learning_rate = 0.01
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
checkpoint = {
    "epoch": 90,
    "model_state": model.state_dict(),
    "optim_state": optimizer.state_dict()
}
print(optimizer.state_dict())
FILE = io.BytesIO()
torch.save(checkpoint, FILE)
FILE.seek(0)
model = Model(n_input_features=6)
optimizer = torch.optim.SGD(model.parameters(), lr=0)
checkpoint = torch.load(FILE)
model.load_state_dict(checkpoint['model_state'])
optimizer.load_state_dict(checkpoint['optim_state'])
epoch = checkpoint['epoch']
model.eval()
print(optimizer.state_dict())
print(epoch, sorted(checkpoint), optimizer)
try:
    torch.optim.Adam(model.parameters()).load_state_dict(checkpoint['model_state'])
except Exception as e:
    print(type(e).__name__, e)
try:
    optimizer.load_state_dict(torch.optim.SGD([torch.zeros(2, requires_grad=True)], lr=1).state_dict())
except Exception as e:
    print(type(e).__name__, e)
