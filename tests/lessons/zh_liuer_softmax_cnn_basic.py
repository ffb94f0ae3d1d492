# Imitates 刘二大人《PyTorch深度学习实践》 lectures 9-10: 多分类问题 (the MNIST Net of five Linear layers with
# x.view(-1, 784), F.relu, CrossEntropyLoss, SGD(momentum=0.5), train()/test() functions printing
# '[%d, %5d] loss: %.3f' and 'accuracy on test set: %d %% ', torch.max(outputs.data, dim=1)) with a TensorDataset
# standing in for torchvision's MNIST and its Normalize((0.1307,), (0.3081,)); 卷积神经网络基础篇 (Conv2d(1, 10, 5),
# Conv2d(10, 20, 5), MaxPool2d(2), Linear(320, 10)), its homework with three convolutions, and the shape mistakes.
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

# %%
batch_size = 16
torch.manual_seed(0)
images = torch.rand(64, 1, 28, 28)
images = (images - 0.1307) / 0.3081
targets = torch.randint(0, 10, (64,))
train_dataset = TensorDataset(images[:48], targets[:48])
test_dataset = TensorDataset(images[48:], targets[48:])
train_loader = DataLoader(train_dataset, shuffle=True, batch_size=batch_size)
test_loader = DataLoader(test_dataset, shuffle=False, batch_size=batch_size)

class Net(torch.nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.l1 = torch.nn.Linear(784, 512)
        self.l2 = torch.nn.Linear(512, 256)
        self.l3 = torch.nn.Linear(256, 128)
        self.l4 = torch.nn.Linear(128, 64)
        self.l5 = torch.nn.Linear(64, 10)

    def forward(self, x):
        x = x.view(-1, 784)
        x = F.relu(self.l1(x))
        x = F.relu(self.l2(x))
        x = F.relu(self.l3(x))
        x = F.relu(self.l4(x))
        return self.l5(x)

model = Net()
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.5)

def train(epoch):
    running_loss = 0.0
    for batch_idx, data in enumerate(train_loader, 0):
        inputs, target = data
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, target)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if batch_idx % 2 == 1:
            print('[%d, %5d] loss: %.3f' % (epoch + 1, batch_idx + 1, running_loss / 2))
            running_loss = 0.0

def test():
    correct = 0
    total = 0
    with torch.no_grad():
        for data in test_loader:
            images, labels = data
            outputs = model(images)
            _, predicted = torch.max(outputs.data, dim=1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
    print('accuracy on test set: %d %% ' % (100 * correct / total))
    return correct / total

for epoch in range(2):
    train(epoch)
    acc = test()
print(f"测试集准确率: {acc:.2%}")
images, labels = test_dataset[:]
outputs = model(images)
_, predicted = torch.max(outputs.data, dim=1)
print(outputs.shape, predicted, predicted.dtype)
torch.max(outputs.data, dim=1)

# %%
try:
    criterion(outputs, labels.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(outputs, labels.view(-1, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(outputs, labels + 10)
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.rand(2, 1, 28, 27))
except Exception as e:
    print(type(e).__name__, e)
print(criterion(outputs, F.one_hot(labels, 10).float()))
print(F.softmax(outputs[:2], dim=1).sum(dim=1), outputs.argmax(1))
criterion(torch.Tensor([[0.1, 0.2, 0.9]]), torch.LongTensor([2]))

# %%
class CNNNet(torch.nn.Module):
    def __init__(self):
        super(CNNNet, self).__init__()
        self.conv1 = torch.nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = torch.nn.Conv2d(10, 20, kernel_size=5)
        self.pooling = torch.nn.MaxPool2d(2)
        self.fc = torch.nn.Linear(320, 10)

    def forward(self, x):
        batch_size = x.size(0)
        x = F.relu(self.pooling(self.conv1(x)))
        x = F.relu(self.pooling(self.conv2(x)))
        x = x.view(batch_size, -1)
        x = self.fc(x)
        return x

torch.manual_seed(0)
model = CNNNet()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.5)
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
model.to(device)
print(device, model)
for epoch in range(1):
    train(epoch)
    test()
print(model.conv1.weight.grad.shape, model.fc.weight.grad.norm() > 0)
x = torch.randn(1, 1, 28, 28)
for layer in [model.conv1, model.pooling, model.conv2, model.pooling]:
    x = layer(x)
    print(type(layer).__name__, tuple(x.shape))
x.view(1, -1).shape

# %%
class Net3(torch.nn.Module):
    def __init__(self):
        super(Net3, self).__init__()
        self.conv1 = torch.nn.Conv2d(1, 10, kernel_size=3, padding=1)
        self.conv2 = torch.nn.Conv2d(10, 20, kernel_size=3, padding=1)
        self.conv3 = torch.nn.Conv2d(20, 30, kernel_size=3, padding=1)
        self.pooling = torch.nn.MaxPool2d(2)
        self.fc1 = torch.nn.Linear(270, 64)
        self.fc2 = torch.nn.Linear(64, 32)
        self.fc3 = torch.nn.Linear(32, 10)

    def forward(self, x):
        batch_size = x.size(0)
        x = F.relu(self.pooling(self.conv1(x)))
        x = F.relu(self.pooling(self.conv2(x)))
        x = F.relu(self.pooling(self.conv3(x)))
        x = x.view(batch_size, -1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))

torch.manual_seed(0)
net3 = Net3()
out = net3(torch.randn(2, 1, 28, 28))
print(out.shape)
bad = CNNNet()
bad.fc = torch.nn.Linear(256, 10)
try:
    bad(torch.randn(2, 1, 28, 28))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.nn.Conv2d(1, 10, kernel_size=5)(torch.randn(2, 3, 28, 28))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.nn.Conv2d(1, 10, kernel_size=5)(torch.randn(28, 28))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.nn.MaxPool2d(2)(torch.randn(1, 1, 1, 1))
except Exception as e:
    print(type(e).__name__, e)
print(torch.nn.Conv2d(1, 10, kernel_size=5)(torch.randn(1, 28, 28)).shape)
torch.nn.MaxPool2d(2), torch.nn.Conv2d(10, 20, kernel_size=5)
