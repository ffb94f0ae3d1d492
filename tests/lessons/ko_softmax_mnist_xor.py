# wikidocs 05 (softmax regression: low-level one-hot with scatter_, F.log_softmax + F.nll_loss, F.cross_entropy,
# nn.Linear and class models), 05-5 (MNIST-shaped softmax classifier on random data, mini-batches, avg_cost), 06
# (XOR with a single perceptron failing and a multilayer perceptron), and backprop of a 2-2-2 net by hand.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)
z = torch.FloatTensor([1, 2, 3])
hypothesis = F.softmax(z, dim=0)
print(hypothesis)
print(hypothesis.sum())
z = torch.rand(3, 5, requires_grad=True)
hypothesis = F.softmax(z, dim=1)
print(hypothesis)
y = torch.randint(5, (3,)).long()
print(y)
y_one_hot = torch.zeros_like(hypothesis)
print(y_one_hot.scatter_(1, y.unsqueeze(1), 1))
cost = (y_one_hot * -torch.log(hypothesis)).sum(dim=1).mean()
print(cost)
print((y_one_hot * -torch.log(F.softmax(z, dim=1))).sum(dim=1).mean())
print((y_one_hot * - F.log_softmax(z, dim=1)).sum(dim=1).mean())
print(F.nll_loss(F.log_softmax(z, dim=1), y))
print(F.cross_entropy(z, y))

# %%
x_train = [[1, 2, 1, 1], [2, 1, 3, 2], [3, 1, 3, 4], [4, 1, 5, 5], [1, 7, 5, 5], [1, 2, 5, 6], [1, 6, 6, 6], [1, 7, 7, 7]]
y_train = [2, 2, 2, 1, 1, 1, 0, 0]
x_train = torch.FloatTensor(x_train)
y_train = torch.LongTensor(y_train)
y_one_hot = torch.zeros(8, 3)
y_one_hot.scatter_(1, y_train.unsqueeze(1), 1)
print(y_one_hot.shape)
W = torch.zeros((4, 3), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = optim.SGD([W, b], lr=0.1)
for epoch in range(1001):
    hypothesis = F.softmax(x_train.matmul(W) + b, dim=1)
    cost = (y_one_hot * -torch.log(hypothesis)).sum(dim=1).mean()
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 250 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, 1000, cost.item()))

class SoftmaxClassifierModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 3)

    def forward(self, x):
        return self.linear(x)

model = SoftmaxClassifierModel()
optimizer = optim.SGD(model.parameters(), lr=0.1)
for epoch in range(1001):
    prediction = model(x_train)
    cost = F.cross_entropy(prediction, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 500 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, 1000, cost.item()))
print(torch.max(model(x_train), 1))
print(torch.argmax(model(x_train), 1) == y_train)

# %%
from torch.utils.data import TensorDataset, DataLoader
torch.manual_seed(777)
images = torch.rand(120, 1, 28, 28)
labels = torch.randint(0, 10, (120,))
mnist_train = TensorDataset(images, labels)
print(len(mnist_train), mnist_train[0][0].shape, mnist_train[0][1])
batch_size = 25
data_loader = DataLoader(dataset=mnist_train, batch_size=batch_size, shuffle=True, drop_last=True)
linear = nn.Linear(784, 10, bias=True)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(linear.parameters(), lr=0.1)
training_epochs = 3
for epoch in range(training_epochs):
    avg_cost = 0
    total_batch = len(data_loader)
    for X, Y in data_loader:
        X = X.view(-1, 28 * 28)
        optimizer.zero_grad()
        hypothesis = linear(X)
        cost = criterion(hypothesis, Y)
        cost.backward()
        optimizer.step()
        avg_cost += cost / total_batch
    print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.9f}'.format(avg_cost))
print(total_batch, type(avg_cost), avg_cost.grad_fn)
with torch.no_grad():
    X_test = images.view(-1, 28 * 28).float()
    prediction = linear(X_test)
    correct_prediction = torch.argmax(prediction, 1) == labels
    accuracy = correct_prediction.float().mean()
    print('Accuracy:', accuracy.item())
    r = 17
    print('Label: ', labels[r:r + 1].item())
    print('Prediction: ', torch.argmax(linear(images[r:r + 1].view(-1, 28 * 28).float()), 1).item())

# %%
X = torch.FloatTensor([[0, 0], [0, 1], [1, 0], [1, 1]])
Y = torch.FloatTensor([[0], [1], [1], [0]])
torch.manual_seed(777)
linear = nn.Linear(2, 1, bias=True)
sigmoid = nn.Sigmoid()
model = nn.Sequential(linear, sigmoid)
criterion = torch.nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1)
for step in range(3001):
    optimizer.zero_grad()
    hypothesis = model(X)
    cost = criterion(hypothesis, Y)
    cost.backward()
    optimizer.step()
    if step % 1000 == 0:
        print(step, cost.item())
with torch.no_grad():
    hypothesis = model(X)
    predicted = (hypothesis > 0.5).float()
    accuracy = (predicted == Y).float().mean()
    print('모델의 출력값(Hypothesis): ', hypothesis.detach().cpu().numpy())
    print('모델의 예측값(Predicted): ', predicted.detach().cpu().numpy())
    print('실제값(Y): ', Y.cpu().numpy())
    print('정확도(Accuracy): ', accuracy.item())

# %%
torch.manual_seed(777)
model = nn.Sequential(
    nn.Linear(2, 10, bias=True), nn.Sigmoid(),
    nn.Linear(10, 10, bias=True), nn.Sigmoid(),
    nn.Linear(10, 10, bias=True), nn.Sigmoid(),
    nn.Linear(10, 1, bias=True), nn.Sigmoid())
criterion = torch.nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1)
for epoch in range(3001):
    optimizer.zero_grad()
    hypothesis = model(X)
    cost = criterion(hypothesis, Y)
    cost.backward()
    optimizer.step()
    if epoch % 1000 == 0:
        print(epoch, cost.item())
with torch.no_grad():
    hypothesis = model(X)
    predicted = (hypothesis > 0.5).float()
    print('모델의 출력값(Hypothesis): ', hypothesis.detach().cpu().numpy())
    print('정확도(Accuracy): ', (predicted == Y).float().mean().item())

# %%
x = torch.tensor([[0.1, 0.2]])
target = torch.tensor([[0.4, 0.6]])
w1 = torch.tensor([[0.3, 0.25], [0.2, 0.35]], requires_grad=True)
w2 = torch.tensor([[0.45, 0.4], [0.7, 0.6]], requires_grad=True)
z1 = x @ w1.T
h1 = torch.sigmoid(z1)
z2 = h1 @ w2.T
o = torch.sigmoid(z2)
E = 0.5 * ((target - o) ** 2).sum()
print(z1, h1, z2, o, E, sep='\n')
E.backward()
d_o = (o - target) * o * (1 - o)
grad_w2 = d_o.T @ h1
d_h = (d_o @ w2) * h1 * (1 - h1)
grad_w1 = d_h.T @ x
print(torch.allclose(grad_w2, w2.grad), torch.allclose(grad_w1, w1.grad))
print(w2.grad)
print(w1.grad)
with torch.no_grad():
    w1 -= 0.5 * w1.grad
    w2 -= 0.5 * w2.grad
print(w1, w2, sep='\n')
