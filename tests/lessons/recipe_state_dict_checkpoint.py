# Imitates PyTorch's recipes "What is a state_dict", "Saving and loading models for inference", "Saving and loading
# a general checkpoint" and "Warmstarting a model using parameters from a different model" (a small conv net on
# random data, files in a temporary directory).
import os
import tempfile
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
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

torch.manual_seed(0)
net = Net()
print(net)

# %%
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

# Print model's state_dict
print("Model's state_dict:")
for param_tensor in net.state_dict():
    print(param_tensor, "\t", net.state_dict()[param_tensor].size())

print()

# Print optimizer's state_dict
print("Optimizer's state_dict:")
for var_name in optimizer.state_dict():
    print(var_name, "\t", optimizer.state_dict()[var_name])

# %%
inputs = torch.randn(4, 3, 32, 32)
labels = torch.tensor([1, 0, 3, 9])
criterion = nn.CrossEntropyLoss()
for step in range(3):
    optimizer.zero_grad()
    loss = criterion(net(inputs), labels)
    loss.backward()
    optimizer.step()
    print(step, round(loss.item(), 4))

# %%
sd = optimizer.state_dict()
print(sd.keys())
print(sd['param_groups'][0]['params'])
print(sd['state'][0].keys())
print(sd['state'][9]['momentum_buffer'].shape)
print(net.state_dict()['fc3.bias'])

# %%
tmp = tempfile.mkdtemp()
PATH = os.path.join(tmp, "state_dict_model.pt")
torch.save(net.state_dict(), PATH)

model = Net()
print(model.load_state_dict(torch.load(PATH, weights_only=True)))
model.eval()
with torch.no_grad():
    print(torch.equal(model(inputs), net(inputs)))
    print(model(inputs[:1]).argmax(1))

# %%
EPOCH = 5
LOSS = 0.4
CKPT = os.path.join(tmp, "model.pt")
torch.save({
            'epoch': EPOCH,
            'model_state_dict': net.state_dict(),
            'optimizer_state_dict': optimizer.state_dict(),
            'loss': LOSS,
            }, CKPT)

model = Net()
optimizer2 = optim.SGD(model.parameters(), lr=0.001, momentum=0.9)

checkpoint = torch.load(CKPT, weights_only=True)
model.load_state_dict(checkpoint['model_state_dict'])
optimizer2.load_state_dict(checkpoint['optimizer_state_dict'])
epoch = checkpoint['epoch']
loss = checkpoint['loss']
print(epoch, loss, sorted(checkpoint))
model.train()
print(optimizer2.state_dict()['param_groups'])
print(optimizer2.state_dict()['state'][9]['momentum_buffer'].equal(optimizer.state_dict()['state'][9]['momentum_buffer']))

# %%
# resume training: both should take the same step
for m, o in ((net, optimizer), (model, optimizer2)):
    o.zero_grad()
    criterion(m(inputs), labels).backward()
    o.step()
print(torch.equal(net.fc1.weight, model.fc1.weight))

# %%
class NetB(nn.Module):
    def __init__(self):
        super(NetB, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc4 = nn.Linear(84, 2)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc4(x)

netB = NetB()
try:
    netB.load_state_dict(torch.load(PATH, weights_only=True))
except RuntimeError as e:
    print(e)

# %%
result = netB.load_state_dict(torch.load(PATH, weights_only=True), strict=False)
print(result)
print(result.missing_keys, result.unexpected_keys)
print(torch.equal(netB.conv1.weight, net.conv1.weight))

# %%
bad = dict(torch.load(PATH, weights_only=True))
bad['fc2.weight'] = torch.zeros(3, 3)
try:
    netB.load_state_dict(bad, strict=False)
except RuntimeError as e:
    print(e)

# %%
modelA, modelB = Net(), NetB()
optA = optim.SGD(modelA.parameters(), lr=0.001, momentum=0.9)
optB = optim.Adam(modelB.parameters(), lr=0.001)
BOTH = os.path.join(tmp, "both.tar")
torch.save({'modelA_state_dict': modelA.state_dict(), 'modelB_state_dict': modelB.state_dict(),
            'optimizerA_state_dict': optA.state_dict(), 'optimizerB_state_dict': optB.state_dict()}, BOTH)
ck = torch.load(BOTH)
print(list(ck))
print(ck['optimizerB_state_dict']['param_groups'][0])
