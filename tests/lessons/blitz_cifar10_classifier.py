# Imitates the official 60-minute blitz part 4, "Training a Classifier", on synthetic CIFAR-shaped data (no
# torchvision): a TensorDataset + DataLoader standing in for CIFAR10, the Net with Conv2d / MaxPool2d / Linear and
# torch.flatten(x, 1), CrossEntropyLoss, SGD with momentum, running_loss printed with the tutorial's f-string,
# torch.save(net.state_dict(), PATH) to a temporary path and load_state_dict, overall accuracy, and per-class
# accuracy with zip(labels, predictions) and classes[label] dicts.
import os
import tempfile

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import TensorDataset, DataLoader

# %%
torch.manual_seed(0)
classes = ('plane', 'car', 'bird', 'cat',
           'deer', 'dog', 'frog', 'horse', 'ship', 'truck')
# images normalised to [-1, 1] as transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)) leaves them
raw = torch.rand(80, 3, 32, 32)
normalised = (raw - 0.5) / 0.5
train_labels = torch.randint(0, 10, (80,))
trainset = TensorDataset(normalised[:60], train_labels[:60])
testset = TensorDataset(normalised[60:], train_labels[60:])
batch_size = 4
trainloader = DataLoader(trainset, batch_size=batch_size, shuffle=True, num_workers=0)
testloader = DataLoader(testset, batch_size=batch_size, shuffle=False, num_workers=0)
print(len(trainset), len(trainloader), len(testloader))
print(normalised.min() >= -1, normalised.max() <= 1, normalised.dtype)

# %%
# get some random training images
dataiter = iter(trainloader)
images, labels = next(dataiter)
print(images.shape, labels.shape, labels.dtype)
# print labels
print(' '.join(f'{classes[labels[j]]:5s}' for j in range(batch_size)))

# %%
# "imshow" without matplotlib: unnormalize and move channels last as the tutorial does
img = images[0] / 2 + 0.5     # unnormalize
npimg = img.numpy()
print(npimg.shape, npimg.dtype, type(npimg).__name__)
import numpy as np
print(np.transpose(npimg, (1, 2, 0)).shape, round(float(npimg.mean()), 4))

# %%
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1) # flatten all dimensions except batch
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x


net = Net()
print(net)

# %%
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
print(optimizer)

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
        if i % 5 == 4:    # print every 5 mini-batches
            print(f'[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 2000:.3f}')
            print(f'[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 5:.6f}')
            running_loss = 0.0

print('Finished Training')

# %%
PATH = os.path.join(tempfile.mkdtemp(), 'cifar_net.pth')
torch.save(net.state_dict(), PATH)
print(os.path.basename(PATH), os.path.getsize(PATH) > 0)

# %%
dataiter = iter(testloader)
images, labels = next(dataiter)

# print images
print('GroundTruth: ', ' '.join(f'{classes[labels[j]]:5s}' for j in range(4)))

# %%
net = Net()
net.load_state_dict(torch.load(PATH, weights_only=True))

# %%
outputs = net(images)
print(outputs)
_, predicted = torch.max(outputs, 1)

print('Predicted: ', ' '.join(f'{classes[predicted[j]]:5s}'
                              for j in range(4)))

# %%
correct = 0
total = 0
# since we're not training, we don't need to calculate the gradients for our outputs
with torch.no_grad():
    for data in testloader:
        images, labels = data
        # calculate outputs by running images through the network
        outputs = net(images)
        # the class with the highest energy is what we choose as prediction
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum().item()

print(f'Accuracy of the network on the {total} test images: {100 * correct // total} %')

# %%
# prepare to count predictions for each class
correct_pred = {classname: 0 for classname in classes}
total_pred = {classname: 0 for classname in classes}

# again no gradients needed
with torch.no_grad():
    for data in testloader:
        images, labels = data
        outputs = net(images)
        _, predictions = torch.max(outputs, 1)
        # collect the correct predictions for each class
        for label, prediction in zip(labels, predictions):
            if label == prediction:
                correct_pred[classes[label]] += 1
            total_pred[classes[label]] += 1


# print accuracy for each class
for classname, correct_count in correct_pred.items():
    if total_pred[classname] == 0:
        print(f'No test images for class: {classname:5s}')
        continue
    accuracy = 100 * float(correct_count) / total_pred[classname]
    print(f'Accuracy for class: {classname:5s} is {accuracy:.1f} %')

# %%
# what the loop variables are: 0-d tensors used as tuple indices and dict keys
label, prediction = next(zip(labels, predictions))
print(label, prediction, type(label).__name__, label.dim(), label == prediction)
print(classes[label], classes[label.item()], f'{label}', f'{label:3d}', '%d' % label)
counts = {}
for label in labels:
    counts[label] = counts.get(label, 0) + 1
print(len(counts), sorted(c for c in counts.values()))
counts = {}
for label in labels.tolist():
    counts[label] = counts.get(label, 0) + 1
print(counts)

# %%
# loading the weights into a model with a different head, and the strict=False report
class Net2(Net):
    def __init__(self):
        super().__init__()
        self.fc3 = nn.Linear(84, 4)
        self.extra = nn.Linear(4, 2)

net2 = Net2()
try:
    net2.load_state_dict(torch.load(PATH, weights_only=True))
except RuntimeError as e:
    print(e)
sd = {k: v for k, v in torch.load(PATH, weights_only=True).items() if not k.startswith('fc3')}
net2.load_state_dict(sd, strict=False)

# %%
# an input of the wrong size reaches fc1 with the wrong number of features
net(torch.randn(1, 3, 28, 28))

# %%
net(torch.randn(3, 32, 32))

# %%
net(torch.randn(1, 1, 32, 32))
