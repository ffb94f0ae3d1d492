# Imitates IBM's 'Deep Neural Networks with PyTorch' (Coursera / edX, Joseph Santarcangelo) labs 4.1-4.3 (logistic
# regression with nn.Sequential(nn.Linear(1, 1), nn.Sigmoid()) and a class, the bad initialisation lab with
# model.state_dict()['0.weight'].data[0] = torch.tensor([-1000.]), MSE vs cross entropy written by hand and
# nn.BCELoss), labs 5.1-5.2 (softmax on 1D data: z.max(1), torch.max(z, 1), nn.CrossEntropyLoss, softmax
# probabilities) and labs 6.1-6.3 (a shallow Net with a sigmoid hidden layer trained with a custom train function
# returning a cost list, the XOR dataset filled with torch.Tensor([..]) assignments, a comparison of hidden neuron
# counts); plots replaced by prints, tiny sizes.
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import Dataset, DataLoader

# %%
# Lab 4.1: logistic regression prediction
torch.manual_seed(2)
z = torch.arange(-100, 100, 40).view(-1, 1)
print("The tensor: ", z)
sig = nn.Sigmoid()
try:
    yhat = sig(z)
except Exception as e:
    print(type(e).__name__, e)
yhat = torch.sigmoid(z.float())
print(yhat)
yhat = torch.sigmoid(torch.arange(-3, 3).view(-1, 1).type(torch.FloatTensor))
print(yhat.view(-1))

# %%
x = torch.tensor([[1.0]])
X = torch.tensor([[1.0], [100]])
print('x = ', x)
print('X = ', X)
model = nn.Sequential(nn.Linear(1, 1), nn.Sigmoid())
print("list(model.parameters()):\n ", list(model.parameters()))
print("\nmodel.state_dict():\n ", model.state_dict())
yhat = model(x)
print("The prediction: ", yhat)
yhat = model(X)
print("The prediction: ", yhat)
model

# %%
class logistic_regression(nn.Module):

    # Constructor
    def __init__(self, n_inputs):
        super(logistic_regression, self).__init__()
        self.linear = nn.Linear(n_inputs, 1)

    # Prediction
    def forward(self, x):
        yhat = torch.sigmoid(self.linear(x))
        return yhat

x_1 = torch.tensor([[1.0]])
X = torch.tensor([[-100], [0], [100.0]])
model = logistic_regression(1)
print("list(model.parameters()):\n ", list(model.parameters()))
print("\nmodel.state_dict():\n ", model.state_dict())
yhat = model(x_1)
print("The prediction result: \n", yhat)
yhat = model(X)
print("The prediction result: \n", yhat)
model = logistic_regression(2)
X = torch.tensor([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
print(model(X))

# %%
# Lab 4.3: bad initialisation, mean squared error vs cross entropy
torch.manual_seed(0)

class Data(Dataset):

    # Constructor
    def __init__(self):
        self.x = torch.arange(-1, 1, 0.2).view(-1, 1)
        self.y = torch.zeros(self.x.shape[0], 1)
        self.y[self.x[:, 0] > 0.2] = 1
        self.len = self.x.shape[0]

    # Getter
    def __getitem__(self, index):
        return self.x[index], self.y[index]

    # Get Length
    def __len__(self):
        return self.len

data_set = Data()
print(data_set.y.view(-1))
model = nn.Sequential(nn.Linear(1, 1), nn.Sigmoid())
model.state_dict()['0.weight'].data[0] = torch.tensor([-1000.])
model.state_dict()['0.bias'].data[0] = torch.tensor([-1000.])
print("The parameters: ", model.state_dict())
print(model(data_set.x).view(-1))

# %%
criterion_rms = nn.MSELoss()
trainloader = DataLoader(dataset=data_set, batch_size=3)
learning_rate = 2
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(5):
    for x, y in trainloader:
        yhat = model(x)
        loss = criterion_rms(yhat, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print('epoch', epoch, 'loss', loss.item(), 'grad', model[0].weight.grad)
yhat = model(data_set.x)
label = yhat > 0.5
print("The accuracy: ", torch.mean((label == data_set.y.type(torch.ByteTensor)).type(torch.float)))
print(label.dtype, data_set.y.type(torch.ByteTensor).dtype)

# %%
def criterion(yhat, y):
    out = -1 * torch.mean(y * torch.log(yhat) + (1 - y) * torch.log(1 - yhat))
    return out

model = nn.Sequential(nn.Linear(1, 1), nn.Sigmoid())
model.state_dict()['0.weight'].data[0] = torch.tensor([-5.])
model.state_dict()['0.bias'].data[0] = torch.tensor([-10.])
yhat = model(data_set.x)
print(criterion(yhat, data_set.y))
optimizer = torch.optim.SGD(model.parameters(), lr=2)
for epoch in range(5):
    for x, y in trainloader:
        yhat = model(x)
        loss = criterion(yhat, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print('epoch', epoch, 'loss', round(loss.item(), 4), [round(p.item(), 4) for p in model.parameters()])
yhat = model(data_set.x)
label = yhat > 0.5
print("The accuracy: ", torch.mean((label == data_set.y.type(torch.ByteTensor)).type(torch.float)))

# %%
# Cross entropy by hand when the sigmoid saturates: log(0) and 0 * -inf
model = nn.Sequential(nn.Linear(1, 1), nn.Sigmoid())
model.state_dict()['0.weight'].data[0] = torch.tensor([-1000.])
model.state_dict()['0.bias'].data[0] = torch.tensor([-1000.])
yhat = model(data_set.x)
print(yhat.view(-1))
loss = criterion(yhat, data_set.y)
print(loss)
loss.backward()
print(model[0].weight.grad, model[0].bias.grad)
bce = nn.BCELoss()
print(bce(yhat, data_set.y))
try:
    bce(yhat.view(-1), data_set.y)
except Exception as e:
    print(type(e).__name__, e)
try:
    bce(yhat * 2, data_set.y)
except Exception as e:
    print(type(e).__name__, e)
try:
    bce(yhat, data_set.y.long())
except Exception as e:
    print(type(e).__name__, e)

# %%
# Lab 5.2: softmax classifier on 1D data
torch.manual_seed(0)

class Data(Dataset):

    # Constructor
    def __init__(self):
        self.x = torch.arange(-2, 2, 0.2).view(-1, 1)
        self.y = torch.zeros(self.x.shape[0])
        self.y[(self.x > -1.0)[:, 0] * (self.x < 1.0)[:, 0]] = 1
        self.y[(self.x >= 1.0)[:, 0]] = 2
        self.y = self.y.type(torch.LongTensor)
        self.len = self.x.shape[0]

    # Getter
    def __getitem__(self, index):
        return self.x[index], self.y[index]

    # Get Length
    def __len__(self):
        return self.len

data_set = Data()
print(data_set.y, data_set.y.dtype)
print(data_set.x[0], data_set.y[0])
model = nn.Sequential(nn.Linear(1, 3))
print(model.state_dict())
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
trainloader = DataLoader(dataset=data_set, batch_size=5)
LOSS = []

def train_model(epochs):
    for epoch in range(epochs):
        for x, y in trainloader:
            optimizer.zero_grad()
            yhat = model(x)
            loss = criterion(yhat, y)
            LOSS.append(loss)
            loss.backward()
            optimizer.step()

train_model(30)
print(LOSS[0], LOSS[-1])

# %%
z = model(data_set.x)
_, yhat = z.max(1)
print("The prediction:", yhat)
correct = (data_set.y == yhat).sum().item()
accuracy = correct / len(data_set)
print("The accuracy: ", accuracy)
print(torch.max(z, 1).indices.dtype)
torch.max(z[:3], 1)

# %%
Softmax_fn = nn.Softmax(dim=-1)
Probability = Softmax_fn(z)
for i in range(3):
    print("probability of class {} isg given by  {}".format(i, Probability[0, i]))
print(Probability.sum(1)[:3], Probability.grad_fn)
print(Softmax_fn)
try:
    criterion(z, data_set.y.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(z, data_set.y.view(-1, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(z, data_set.y + 1)
except Exception as e:
    print(type(e).__name__, e)
nn.Softmax()(z[:2])

# %%
# Lab 6.1: a simple neural network with one hidden layer (sigmoid), trained with a custom train function
torch.manual_seed(0)

class Net(nn.Module):

    # Constructor
    def __init__(self, D_in, H, D_out):
        super(Net, self).__init__()
        # hidden layer
        self.linear1 = nn.Linear(D_in, H)
        # output layer
        self.linear2 = nn.Linear(H, D_out)

    # Prediction
    def forward(self, x):
        self.a1 = torch.sigmoid(self.linear1(x))
        yhat = torch.sigmoid(self.linear2(self.a1))
        return yhat

def train(Y, X, model, optimizer, criterion, epochs=1000):
    cost = []
    total = 0
    for epoch in range(epochs):
        total = 0
        for y, x in zip(Y, X):
            yhat = model(x)
            loss = criterion(yhat, y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            # cumulative loss
            total += loss.item()
        cost.append(total)
        if epoch % 10 == 0:
            model(X)
            print('epoch', epoch, 'a1', model.a1.detach().numpy()[:2].round(4).tolist())
    return cost

X = torch.arange(-20, 20, 2).view(-1, 1).type(torch.FloatTensor)
Y = torch.zeros(X.shape[0])
Y[(X[:, 0] > -4) & (X[:, 0] < 4)] = 1.0

def criterion_cross(outputs, labels):
    out = -1 * torch.mean(labels * torch.log(outputs) + (1 - labels) * torch.log(1 - outputs))
    return out

D_in = 1
H = 2
D_out = 1
learning_rate = 0.1
model = Net(D_in, H, D_out)
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
cost_cross = train(Y, X, model, optimizer, criterion_cross, epochs=21)
print([round(c, 4) for c in cost_cross[::5]])
x = torch.tensor([0.0])
yhat = model(x)
print(yhat)
X_ = torch.tensor([[0.0], [2.0], [3.0]])
Yhat = model(X_)
print(Yhat)
Yhat = Yhat > 0.5
print(Yhat)

# %%
# The same with the MSE loss
model = Net(D_in, H, D_out)
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
criterion_mse = nn.MSELoss()
cost_mse = train(Y, X, model, optimizer, criterion_mse, epochs=2)
print([round(c, 4) for c in cost_mse])

# %%
# Lab 6.2: the XOR problem, neurons compared
torch.manual_seed(0)

class XOR_Data(Dataset):

    # Constructor
    def __init__(self, N_s=20):
        self.x = torch.zeros((N_s, 2))
        self.y = torch.zeros((N_s, 1))
        for i in range(N_s // 4):
            self.x[i, :] = torch.Tensor([0.0, 0.0])
            self.y[i, 0] = torch.Tensor([0.0])

            self.x[i + N_s // 4, :] = torch.Tensor([0.0, 1.0])
            self.y[i + N_s // 4, 0] = torch.Tensor([1.0])

            self.x[i + N_s // 2, :] = torch.Tensor([1.0, 0.0])
            self.y[i + N_s // 2, 0] = torch.Tensor([1.0])

            self.x[i + 3 * N_s // 4, :] = torch.Tensor([1.0, 1.0])
            self.y[i + 3 * N_s // 4, 0] = torch.Tensor([0.0])

            self.x = self.x + 0.01 * torch.randn((N_s, 2))
        self.len = N_s

    # Getter
    def __getitem__(self, index):
        return self.x[index], self.y[index]

    # Get Length
    def __len__(self):
        return self.len

data_set = XOR_Data()
print(data_set.x[:3], data_set.y.view(-1))
try:
    data_set.y[0, 0] = torch.Tensor([0.0, 1.0])
except Exception as e:
    print(type(e).__name__, e)

def accuracy(model, data_set):
    return np.mean(data_set.y.view(-1).numpy() == (model(data_set.x)[:, 0] > 0.5).numpy())

class Net(nn.Module):

    # Constructor
    def __init__(self, D_in, H, D_out):
        super(Net, self).__init__()
        self.linear1 = nn.Linear(D_in, H)
        self.linear2 = nn.Linear(H, D_out)

    # Prediction
    def forward(self, x):
        x = torch.sigmoid(self.linear1(x))
        x = torch.sigmoid(self.linear2(x))
        return x

def train(data_set, model, criterion, train_loader, optimizer, epochs=5):
    COST = []
    ACC = []
    for epoch in range(epochs):
        total = 0
        for x, y in train_loader:
            optimizer.zero_grad()
            yhat = model(x)
            loss = criterion(yhat, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            # cumulative loss
            total += loss.item()
        ACC.append(accuracy(model, data_set))
        COST.append(total)
    return COST, ACC

criterion = nn.BCELoss()
train_loader = DataLoader(dataset=data_set, batch_size=1)
for H in [1, 2, 3]:
    model = Net(2, H, 1)
    learning_rate = 0.1
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    COST, ACC = train(data_set, model, criterion, train_loader, optimizer, epochs=10)
    print(H, 'neurons', [round(c, 4) for c in COST[::3]], ACC[-1], type(ACC[-1]))
print(accuracy(model, data_set))
model(data_set.x[:4]) > 0.5
