# 모두를 위한 딥러닝 시즌2 lab-10-3 스타일: 더 깊은 CNN으로 MNIST 분류 (여기서는 MNIST 모양의 랜덤 데이터)
import torch
import torch.nn as nn
import torch.nn.init
from torch.utils.data import TensorDataset, DataLoader

device = 'cuda' if torch.cuda.is_available() else 'cpu'
torch.manual_seed(777)
if device == 'cuda':
    torch.cuda.manual_seed_all(777)
print(device)

learning_rate = 0.001
training_epochs = 1
batch_size = 16
X = torch.rand(64, 1, 28, 28)
Y = torch.randint(0, 10, (64,))
mnist_train = TensorDataset(X, Y)
data_loader = DataLoader(dataset=mnist_train, batch_size=batch_size, shuffle=True, drop_last=True)
print(len(data_loader), mnist_train[0][0].shape)

# %%
class CNN(torch.nn.Module):
    def __init__(self):
        super(CNN, self).__init__()
        self.keep_prob = 0.5
        self.layer1 = torch.nn.Sequential(
            torch.nn.Conv2d(1, 32, kernel_size=3, stride=1, padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(kernel_size=2, stride=2))
        self.layer2 = torch.nn.Sequential(
            torch.nn.Conv2d(32, 64, kernel_size=3, stride=1, padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(kernel_size=2, stride=2))
        self.layer3 = torch.nn.Sequential(
            torch.nn.Conv2d(64, 128, kernel_size=3, stride=1, padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(kernel_size=2, stride=2, padding=1))
        self.fc1 = torch.nn.Linear(4 * 4 * 128, 625, bias=True)
        torch.nn.init.xavier_uniform_(self.fc1.weight)
        self.layer4 = torch.nn.Sequential(
            self.fc1,
            torch.nn.ReLU(),
            torch.nn.Dropout(p=1 - self.keep_prob))
        self.fc2 = torch.nn.Linear(625, 10, bias=True)
        torch.nn.init.xavier_uniform_(self.fc2.weight)

    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        out = self.layer3(out)
        out = out.view(out.size(0), -1)
        out = self.layer4(out)
        out = self.fc2(out)
        return out

model = CNN().to(device)
print(model)
value = torch.Tensor(1, 1, 28, 28)
print(model.layer3(model.layer2(model.layer1(torch.zeros(1, 1, 28, 28)))).shape)

# %%
criterion = torch.nn.CrossEntropyLoss().to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
total_batch = len(data_loader)
print('총 배치의 수 : {}'.format(total_batch))
for epoch in range(training_epochs):
    avg_cost = 0
    for X_b, Y_b in data_loader:
        X_b = X_b.to(device)
        Y_b = Y_b.to(device)
        optimizer.zero_grad()
        hypothesis = model(X_b)
        cost = criterion(hypothesis, Y_b)
        cost.backward()
        optimizer.step()
        avg_cost += cost / total_batch
    print('[Epoch: {:>4}] cost = {:>.9}'.format(epoch + 1, avg_cost))

# %%
with torch.no_grad():
    model.eval()
    X_test = torch.rand(20, 1, 28, 28)
    Y_test = torch.randint(0, 10, (20,))
    prediction = model(X_test)
    correct_prediction = torch.argmax(prediction, 1) == Y_test
    accuracy = correct_prediction.float().mean()
    print('Accuracy:', accuracy.item())
    print(prediction[0])
