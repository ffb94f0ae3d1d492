# Imitates PyTorch's recipe "Zeroing out gradients in PyTorch": a small conv net, the training loop with
# optimizer.zero_grad(), what happens to .grad without it, and zero_grad(set_to_none=...).
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

torch.manual_seed(42)
net = Net()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
trainloader = [(torch.randn(4, 3, 32, 32), torch.randint(0, 10, (4,))) for _ in range(6)]
print(net.conv1.weight.grad)

# %%
for epoch in range(2):  # loop over the dataset multiple times

    running_loss = 0.0
    for i, data in enumerate(trainloader, 0):
        # get the inputs; data is a list of [inputs, labels]
        inputs, labels = data

        # zero the parameter gradients
        optimizer.zero_grad()

        # forward + backward + optimize
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()

        # print statistics
        running_loss += loss.item()
        if i % 3 == 2:    # print every 3 mini-batches
            print('[%d, %5d] loss: %.3f' %
                  (epoch + 1, i + 1, running_loss / 3))
            running_loss = 0.0

print('Finished Training')

# %%
print(net.fc3.bias.grad)
optimizer.zero_grad()
print(net.fc3.bias.grad)

# %%
inputs, labels = trainloader[0]
criterion(net(inputs), labels).backward()
g1 = net.fc3.bias.grad.clone()
criterion(net(inputs), labels).backward()
print(torch.allclose(net.fc3.bias.grad, 2 * g1))
print(net.fc3.bias.grad / g1)

# %%
optimizer.zero_grad(set_to_none=False)
print(net.fc3.bias.grad)
net.zero_grad()
print(net.fc3.bias.grad)

# %%
criterion(net(inputs), labels).backward()
net.zero_grad(set_to_none=False)
print(net.fc2.bias.grad.abs().sum(), net.fc2.bias.grad.dtype)
for p in net.parameters():
    p.grad = None
print(all(p.grad is None for p in net.parameters()))

# %%
# the same thing with one tensor
w = torch.ones(3, requires_grad=True)
for i in range(3):
    (w * (i + 1)).sum().backward()
    print(i, w.grad)
w.grad.zero_()
print(w.grad)
w.grad = None
print(w.grad)
