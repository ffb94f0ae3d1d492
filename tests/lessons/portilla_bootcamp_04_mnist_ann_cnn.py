# Imitates Jose Portilla's "PyTorch for Deep Learning with Python Bootcamp" (Udemy), notebooks
# "02-MNIST-with-ANN" and "03-MNIST-with-CNN", on random tensors instead of torchvision's MNIST: a
# MultilayerPerceptron(784, 10, [120, 84]) with log_softmax, view(-1, 784) / view(len(X), -1), the training loop
# accumulating (predicted == y_train).sum(), torch.max(y_pred.data, 1)[1], test accuracy, a confusion-matrix-like
# count with numpy, the Conv2d(1, 6, 3, 1) walk-through of output sizes with max_pool2d, the ConvolutionalNetwork
# with X.view(-1, 5*5*16), and the parameter count printout.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(101)
images = torch.rand(60, 1, 28, 28)
labels = torch.randint(0, 10, (60,))
train_data = TensorDataset(images[:40], labels[:40])
test_data = TensorDataset(images[40:], labels[40:])
print(train_data[0][0].shape, train_data[0][1])
image, label = train_data[0]
print('Shape:', image.shape, '\nLabel:', label)
train_loader = DataLoader(train_data, batch_size=10, shuffle=True)
test_loader = DataLoader(test_data, batch_size=20, shuffle=False)
for images_b, labels_b in train_loader:
    break
print('Labels: ', labels_b[:12].numpy())
print(images_b.shape, labels_b.dtype)
np.set_printoptions(formatter=dict(int=lambda x: f'{x:4}'))
print(labels_b.numpy())
np.set_printoptions()

# %%
class MultilayerPerceptron(nn.Module):
    def __init__(self, in_sz=784, out_sz=10, layers=[120, 84]):
        super().__init__()
        self.fc1 = nn.Linear(in_sz, layers[0])
        self.fc2 = nn.Linear(layers[0], layers[1])
        self.fc3 = nn.Linear(layers[1], out_sz)

    def forward(self, X):
        X = F.relu(self.fc1(X))
        X = F.relu(self.fc2(X))
        X = self.fc3(X)
        return F.log_softmax(X, dim=1)


torch.manual_seed(101)
model = MultilayerPerceptron()
print(model)
for param in model.parameters():
    print(param.numel())


def count_parameters(model):
    params = [p.numel() for p in model.parameters() if p.requires_grad]
    for item in params:
        print(f'{item:>6}')
    print(f'______\n{sum(params):>6}')


count_parameters(model)
try:
    model(images_b)
except Exception as e:
    print(type(e).__name__, e)
print(images_b.view(10, -1).shape, images_b.view(-1, 784).shape)

# %%
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
epochs = 3
train_losses, test_losses, train_correct, test_correct = [], [], [], []
for i in range(epochs):
    trn_corr = 0
    tst_corr = 0
    for b, (X_train, y_train) in enumerate(train_loader):
        b += 1
        y_pred = model(X_train.view(10, -1))
        loss = criterion(y_pred, y_train)
        predicted = torch.max(y_pred.data, 1)[1]
        batch_corr = (predicted == y_train).sum()
        trn_corr += batch_corr
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if b % 2 == 0:
            print(f'epoch: {i:2}  batch: {b:4} [{10*b:6}/40]  loss: {loss.item():10.8f}  '
                  f'accuracy: {trn_corr.item()*100/(10*b):7.3f}%')
    train_losses.append(loss)
    train_correct.append(trn_corr)
    with torch.no_grad():
        for b, (X_test, y_test) in enumerate(test_loader):
            y_val = model(X_test.view(20, -1))
            predicted = torch.max(y_val.data, 1)[1]
            tst_corr += (predicted == y_test).sum()
    loss = criterion(y_val, y_test)
    test_losses.append(loss)
    test_correct.append(tst_corr)
print(train_correct, type(trn_corr), trn_corr.dtype)
print([t / 40 for t in train_correct][:1], test_correct[-1].item() * 100 / 20)
print(y_pred.data.requires_grad, torch.max(y_pred.data, 1))

# %%
test_load_all = DataLoader(test_data, batch_size=20, shuffle=False)
with torch.no_grad():
    correct = 0
    for X_test, y_test in test_load_all:
        y_val = model(X_test.view(len(X_test), -1))
        predicted = torch.max(y_val, 1)[1]
        correct += (predicted == y_test).sum()
print(f'Test accuracy: {correct.item()}/{len(test_data)} = {correct.item()*100/(len(test_data)):7.3f}%')
arr = np.zeros((10, 10), dtype=int)
for p, t in zip(predicted.view(-1).numpy(), y_test.view(-1).numpy()):
    arr[p, t] += 1
print(arr.sum(), arr.shape, arr.trace() == correct.item())
misses = np.array([])
for i in range(len(predicted.view(-1))):
    if predicted[i] != y_test[i]:
        misses = np.append(misses, i).astype('int64')
print(len(misses), misses.dtype, misses[:4])
r = 4
row = iter(np.array_split(misses, len(misses) // r + 1))
nextrow = next(row)
print('Index:', nextrow)
print('Label:', y_test.index_select(0, torch.tensor(nextrow)).numpy())
print('Guess:', predicted.index_select(0, torch.tensor(nextrow)).numpy())

# %%
conv1 = nn.Conv2d(1, 6, 3, 1)
conv2 = nn.Conv2d(6, 16, 3, 1)
for i, (X_train, y_train) in enumerate(train_data):
    break
print(X_train.shape)
x = X_train.view(1, 1, 28, 28)
x = F.relu(conv1(x))
print(x.shape)
x = F.max_pool2d(x, 2, 2)
print(x.shape)
x = F.relu(conv2(x))
print(x.shape)
x = F.max_pool2d(x, 2, 2)
print(x.shape)
print((((28 - 2) / 2) - 2) / 2)
x = x.view(-1, 5 * 5 * 16)
print(x.shape)
try:
    F.relu(conv1(torch.rand(28, 28)))
except Exception as e:
    print(type(e).__name__, e)
try:
    conv2(torch.rand(1, 1, 28, 28))
except Exception as e:
    print(type(e).__name__, e)
print(conv1(X_train).shape)
print(conv1.weight.shape, conv1.bias.shape, conv1)


# %%
class ConvolutionalNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3, 1)
        self.conv2 = nn.Conv2d(6, 16, 3, 1)
        self.fc1 = nn.Linear(5 * 5 * 16, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, X):
        X = F.relu(self.conv1(X))
        X = F.max_pool2d(X, 2, 2)
        X = F.relu(self.conv2(X))
        X = F.max_pool2d(X, 2, 2)
        X = X.view(-1, 5 * 5 * 16)
        X = F.relu(self.fc1(X))
        X = F.relu(self.fc2(X))
        X = self.fc3(X)
        return F.log_softmax(X, dim=1)


torch.manual_seed(42)
model = ConvolutionalNetwork()
print(model)
count_parameters(model)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
trn_corr = 0
for b, (X_train, y_train) in enumerate(train_loader):
    y_pred = model(X_train)
    loss = criterion(y_pred, y_train)
    predicted = torch.max(y_pred.data, 1)[1]
    trn_corr += (predicted == y_train).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(f'loss: {loss.item():10.8f}', trn_corr.item() <= 40)
model.eval()
with torch.no_grad():
    new_pred = model(test_data[3][0].view(1, 1, 28, 28)).argmax()
print("Predicted value:", new_pred.item(), new_pred.shape)
try:
    model(torch.rand(2, 1, 32, 32))
except Exception as e:
    print(type(e).__name__, e)
