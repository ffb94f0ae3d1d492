# Imitates IBM's 'Deep Neural Networks with PyTorch' (Coursera / edX, Joseph Santarcangelo) labs 7.x (dropout with p
# as an argument and model.train() / model.eval() predictions, initialisation with uniform_, the default,
# xavier_uniform_ and kaiming_uniform_(nonlinearity='relu') in nn.ModuleList nets with weights' mean / std printed,
# the same-weights initialisation pitfall, SGD momentum values compared on a cubic and on data, BatchNorm1d vs none
# loss lists) and labs 8.1-8.3 (nn.Conv2d with weights set through state_dict()['weight'][0][0] = Gx, stride and
# padding output sizes, relu and max pooling, multiple input and output channels, a small CNN with activations);
# plots replaced by prints, tiny sizes.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import Dataset, DataLoader

# %%
# Lab 7.1: dropout in classification
torch.manual_seed(0)

class Net(nn.Module):

    # Constructor
    def __init__(self, in_size, n_hidden, out_size, p=0):
        super(Net, self).__init__()
        self.drop = nn.Dropout(p=p)
        self.linear1 = nn.Linear(in_size, n_hidden)
        self.linear2 = nn.Linear(n_hidden, n_hidden)
        self.linear3 = nn.Linear(n_hidden, out_size)

    # Prediction function
    def forward(self, x):
        x = F.relu(self.drop(self.linear1(x)))
        x = F.relu(self.drop(self.linear2(x)))
        x = self.linear3(x)
        return x

model = Net(2, 5, 2)
model_drop = Net(2, 5, 2, p=0.5)
print(model_drop)
print(model_drop.training, model_drop.drop.training, model_drop.drop.p)
model_drop.train()
x = torch.rand(4, 2)
y = torch.tensor([0, 1, 1, 0])
print(model_drop.drop(torch.ones(2, 6)))
optimizer_ofit = torch.optim.Adam(model.parameters(), lr=0.01)
optimizer_drop = torch.optim.Adam(model_drop.parameters(), lr=0.01)
criterion = torch.nn.CrossEntropyLoss()
LOSS = {'training data no dropout': [], 'training data dropout': []}
for epoch in range(5):
    # make a prediction for both models
    yhat = model(x)
    yhat_drop = model_drop(x)
    # calculate the lossf or both models
    loss = criterion(yhat, y)
    loss_drop = criterion(yhat_drop, y)
    LOSS['training data no dropout'].append(loss.item())
    LOSS['training data dropout'].append(loss_drop.item())
    optimizer_ofit.zero_grad()
    optimizer_drop.zero_grad()
    loss.backward()
    loss_drop.backward()
    optimizer_ofit.step()
    optimizer_drop.step()
print({k: [round(v, 4) for v in vs] for k, vs in LOSS.items()})
model_drop.eval()
print(model_drop.training, model_drop.drop.training)
yhat_drop = model_drop(x)
print("predicted labels", torch.max(yhat_drop.data, 1))
model_drop

# %%
try:
    nn.Dropout(p=1.5)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.dropout(torch.ones(3), p=-0.1)
except Exception as e:
    print(type(e).__name__, e)
print(F.dropout(torch.ones(4), p=1.0), F.dropout(torch.ones(4), p=0.0), F.dropout(torch.ones(4), 0.5, False))
print(nn.Dropout(0.2, inplace=True), nn.Dropout())

# %%
# Lab 7.1.2: dropout in regression
torch.manual_seed(0)

class Data(Dataset):
    def __init__(self, N_SAMPLES=10, noise_std=1, train=True):
        self.x = torch.linspace(-1, 1, N_SAMPLES).view(-1, 1)
        self.f = self.x ** 2
        if train != True:
            torch.manual_seed(1)
            self.y = self.f + noise_std * torch.randn(self.f.size())
            self.y = self.y.view(-1, 1)
            torch.manual_seed(0)
        else:
            self.y = self.f + noise_std * torch.randn(self.f.size())
            self.y = self.y.view(-1, 1)

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return len(self.x)

data_set = Data()
validation_set = Data(train=False)

class Net(nn.Module):
    def __init__(self, in_size, n_hidden, out_size, p=0):
        super(Net, self).__init__()
        self.drop = nn.Dropout(p=p)
        self.linear1 = nn.Linear(in_size, n_hidden)
        self.linear2 = nn.Linear(n_hidden, n_hidden)
        self.linear3 = nn.Linear(n_hidden, out_size)

    def forward(self, x):
        x = F.relu(self.drop(self.linear1(x)))
        x = F.relu(self.drop(self.linear2(x)))
        x = self.linear3(x)
        return x

model = Net(1, 8, 1)
model_drop = Net(1, 8, 1, p=0.5)
model_drop.train()
optimizer_ofit = torch.optim.Adam(model.parameters(), lr=0.01)
optimizer_drop = torch.optim.Adam(model_drop.parameters(), lr=0.01)
criterion = torch.nn.MSELoss()
LOSS = {'training data no dropout': [], 'validation data no dropout': [], 'training data dropout': [],
        'validation data dropout': []}
for epoch in range(4):
    yhat = model(data_set.x)
    yhat_drop = model_drop(data_set.x)
    loss = criterion(yhat, data_set.y)
    loss_drop = criterion(yhat_drop, data_set.y)
    LOSS['training data no dropout'].append(loss.item())
    LOSS['validation data no dropout'].append(criterion(model(validation_set.x), validation_set.y).item())
    LOSS['training data dropout'].append(loss_drop.item())
    model_drop.eval()
    LOSS['validation data dropout'].append(criterion(model_drop(validation_set.x), validation_set.y).item())
    model_drop.train()
    optimizer_ofit.zero_grad()
    optimizer_drop.zero_grad()
    loss.backward()
    loss_drop.backward()
    optimizer_ofit.step()
    optimizer_drop.step()
for k, v in LOSS.items():
    print(k, np.round(v, 4))
model_drop.eval()
yhat = model(data_set.x)
yhat_drop = model_drop(data_set.x)
print(yhat_drop.detach().view(-1)[:4], yhat_drop.grad_fn)

# %%
# Lab 7.2: initialisation, the same weights for every neuron
torch.manual_seed(0)

class Net(nn.Module):
    def __init__(self, D_in, H, D_out):
        super(Net, self).__init__()
        self.linear1 = nn.Linear(D_in, H)
        self.linear2 = nn.Linear(H, D_out)

    def forward(self, x):
        x = torch.sigmoid(self.linear1(x))
        x = torch.sigmoid(self.linear2(x))
        return x

model = Net(1, 2, 1)
model.state_dict()['linear1.weight'][0] = 1.0
model.state_dict()['linear1.weight'][1] = 1.0
model.state_dict()['linear1.bias'][0] = 0.0
model.state_dict()['linear1.bias'][1] = 0.0
model.state_dict()['linear2.weight'][0] = 1.0
model.state_dict()['linear2.bias'][0] = 0.0
print(model.state_dict())
X = torch.arange(-20, 20, 4).view(-1, 1).type(torch.FloatTensor)
Y = torch.zeros(X.shape[0])
Y[(X[:, 0] > -4) & (X[:, 0] < 4)] = 1.0
optimizer = torch.optim.SGD(model.parameters(), lr=2)
criterion = nn.BCELoss()
for epoch in range(3):
    for y, x in zip(Y, X):
        yhat = model(x)
        loss = criterion(yhat, y.view(1))
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
print(model.state_dict())
try:
    criterion(model(X[0]), Y[0])
except Exception as e:
    print(type(e).__name__, e)

# %%
# Lab 7.3: Xavier, He (kaiming_uniform_ with nonlinearity='relu'), uniform and default initialisation
class Net_Xavier(nn.Module):
    def __init__(self, Layers):
        super(Net_Xavier, self).__init__()
        self.hidden = nn.ModuleList()
        for input_size, output_size in zip(Layers, Layers[1:]):
            linear = nn.Linear(input_size, output_size)
            torch.nn.init.xavier_uniform_(linear.weight)
            self.hidden.append(linear)

    def forward(self, x):
        L = len(self.hidden)
        for (l, linear_transform) in zip(range(L), self.hidden):
            if l < L - 1:
                x = torch.tanh(linear_transform(x))
            else:
                x = linear_transform(x)
        return x

class Net_He(nn.Module):
    def __init__(self, Layers):
        super(Net_He, self).__init__()
        self.hidden = nn.ModuleList()
        for input_size, output_size in zip(Layers, Layers[1:]):
            linear = nn.Linear(input_size, output_size)
            torch.nn.init.kaiming_uniform_(linear.weight, nonlinearity='relu')
            self.hidden.append(linear)

    def forward(self, x):
        L = len(self.hidden)
        for (l, linear_transform) in zip(range(L), self.hidden):
            if l < L - 1:
                x = F.relu(linear_transform(x))
            else:
                x = linear_transform(x)
        return x

class Net_Uniform(nn.Module):
    def __init__(self, Layers):
        super(Net_Uniform, self).__init__()
        self.hidden = nn.ModuleList()
        for input_size, output_size in zip(Layers, Layers[1:]):
            linear = nn.Linear(input_size, output_size)
            linear.weight.data.uniform_(0, 1)
            self.hidden.append(linear)

    def forward(self, x):
        L = len(self.hidden)
        for (l, linear_transform) in zip(range(L), self.hidden):
            if l < L - 1:
                x = torch.tanh(linear_transform(x))
            else:
                x = linear_transform(x)
        return x

class Net(nn.Module):
    def __init__(self, Layers):
        super(Net, self).__init__()
        self.hidden = nn.ModuleList()
        for input_size, output_size in zip(Layers, Layers[1:]):
            linear = nn.Linear(input_size, output_size)
            self.hidden.append(linear)

    def forward(self, x):
        L = len(self.hidden)
        for (l, linear_transform) in zip(range(L), self.hidden):
            if l < L - 1:
                x = torch.tanh(linear_transform(x))
            else:
                x = linear_transform(x)
        return x

torch.manual_seed(0)
layers = [16, 32, 32, 10]
for cls in [Net_Xavier, Net_He, Net_Uniform, Net]:
    m = cls(layers)
    w = m.hidden[0].weight
    print(cls.__name__, round(w.mean().item(), 3), round(w.std().item(), 3), round(w.min().item(), 3),
          round(w.max().item(), 3))
print(m)
print(m.hidden[1], len(m.hidden), m.hidden[-1].weight.shape)
x = torch.randn(5, 16)
y = torch.randint(0, 10, (5,))
for cls in [Net_Xavier, Net_He, Net_Uniform, Net]:
    torch.manual_seed(1)
    m = cls(layers)
    optimizer = torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.2)
    losses = []
    for epoch in range(4):
        loss = nn.CrossEntropyLoss()(m(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(round(loss.item(), 4))
    print(cls.__name__, losses)

# %%
w = torch.empty(3, 4)
print(nn.init.kaiming_uniform_(w, a=0, mode='fan_in', nonlinearity='relu').shape)
print(nn.init.calculate_gain('relu'), nn.init.calculate_gain('tanh'), nn.init.calculate_gain('sigmoid'))
try:
    nn.init.kaiming_uniform_(torch.empty(3), nonlinearity='relu')
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.init.kaiming_uniform_(torch.empty(3, 4), nonlinearity='gelu')
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.init.xavier_uniform_(torch.empty(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.init.kaiming_uniform_(torch.empty(3, 4), mode='fan_avg')
except Exception as e:
    print(type(e).__name__, e)
nn.init.uniform_(torch.empty(2, 2), 0.5, 0.5)

# %%
# Lab 7.4: momentum on a cubic and with data
class one_param(nn.Module):

    # Constructor
    def __init__(self, input_size, output_size):
        super(one_param, self).__init__()
        self.linear = nn.Linear(input_size, output_size, bias=False)

    # Prediction
    def forward(self, x):
        yhat = self.linear(x)
        return yhat

w = one_param(1, 1)

def cubic(yhat):
    out = yhat ** 3
    return out

def get_loss(model, loss_fn, optimizer, start, steps=5):
    model.state_dict()['linear.weight'][0] = start
    LOSS = []
    for i in range(steps):
        yhat = model(torch.tensor([[1.0]]))
        loss = loss_fn(yhat)
        LOSS.append(round(loss.item(), 4))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return LOSS, model.state_dict()['linear.weight'].item()

optimizer = torch.optim.SGD(w.parameters(), lr=0.01, momentum=0)
print(get_loss(w, cubic, optimizer, -1))
optimizer = torch.optim.SGD(w.parameters(), lr=0.01, momentum=0.9)
print(get_loss(w, cubic, optimizer, -1))
print(optimizer.state_dict()['param_groups'][0]['momentum'], len(optimizer.state_dict()['state']))
optimizer

# %%
torch.manual_seed(0)
X = torch.randn(20, 2)
Y = (X[:, 0] * X[:, 1] > 0).long()
results = {}
for momentum in [0, 0.1, 0.2, 0.4, 0.5]:
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(2, 6), nn.ReLU(), nn.Linear(6, 2))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=momentum)
    loader = DataLoader(list(zip(X, Y)), batch_size=5)
    LOSS = []
    for epoch in range(3):
        for x, y in loader:
            optimizer.zero_grad()
            loss = nn.CrossEntropyLoss()(model(x), y)
            loss.backward()
            optimizer.step()
        LOSS.append(round(loss.item(), 4))
    results["momentum = " + str(momentum)] = LOSS
for k, v in results.items():
    print(k, v)
try:
    torch.optim.SGD(model.parameters(), lr=0.1, momentum=-0.5)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.SGD(model.parameters(), lr=0.1, nesterov=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
# Lab 7.5: batch normalization vs none
torch.manual_seed(0)

class NetBatchNorm(nn.Module):

    # Constructor
    def __init__(self, in_size, n_hidden1, n_hidden2, out_size):
        super(NetBatchNorm, self).__init__()
        self.linear1 = nn.Linear(in_size, n_hidden1)
        self.linear2 = nn.Linear(n_hidden1, n_hidden2)
        self.linear3 = nn.Linear(n_hidden2, out_size)
        self.bn1 = nn.BatchNorm1d(n_hidden1)
        self.bn2 = nn.BatchNorm1d(n_hidden2)

    # Prediction
    def forward(self, x):
        x = self.bn1(torch.sigmoid(self.linear1(x)))
        x = self.bn2(torch.sigmoid(self.linear2(x)))
        x = self.linear3(x)
        return x

    # Activations, to analyze results
    def activation(self, x):
        out = []
        z1 = self.bn1(self.linear1(x))
        out.append(z1.detach().numpy().reshape(-1))
        a1 = torch.sigmoid(z1)
        out.append(a1.detach().numpy().reshape(-1).reshape(-1))
        z2 = self.bn2(self.linear2(a1))
        out.append(z2.detach().numpy().reshape(-1))
        a2 = torch.sigmoid(z2)
        out.append(a2.detach().numpy().reshape(-1))
        return out

class Net(nn.Module):

    # Constructor
    def __init__(self, in_size, n_hidden1, n_hidden2, out_size):
        super(Net, self).__init__()
        self.linear1 = nn.Linear(in_size, n_hidden1)
        self.linear2 = nn.Linear(n_hidden1, n_hidden2)
        self.linear3 = nn.Linear(n_hidden2, out_size)

    # Prediction
    def forward(self, x):
        x = torch.sigmoid(self.linear1(x))
        x = torch.sigmoid(self.linear2(x))
        x = self.linear3(x)
        return x

def train(model, criterion, train_loader, validation_x, validation_y, optimizer, epochs=3):
    i = 0
    useful_stuff = {'training_loss': [], 'validation_accuracy': []}
    for epoch in range(epochs):
        for i, (x, y) in enumerate(train_loader):
            model.train()
            optimizer.zero_grad()
            z = model(x.view(-1, 8))
            loss = criterion(z, y)
            loss.backward()
            optimizer.step()
            useful_stuff['training_loss'].append(round(loss.data.item(), 4))
        model.eval()
        z = model(validation_x)
        _, label = torch.max(z, 1)
        useful_stuff['validation_accuracy'].append((label == validation_y).sum().item() / len(validation_y))
    return useful_stuff

X = torch.randn(24, 8)
Y = (X.sum(1) > 0).long()
train_loader = DataLoader(list(zip(X[:16], Y[:16])), batch_size=4)
criterion = nn.CrossEntropyLoss()
model_norm = NetBatchNorm(8, 6, 6, 2)
optimizer = torch.optim.Adam(model_norm.parameters(), lr=0.1)
training_results_Norm = train(model_norm, criterion, train_loader, X[16:], Y[16:], optimizer, epochs=2)
model = Net(8, 6, 6, 2)
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
training_results = train(model, criterion, train_loader, X[16:], Y[16:], optimizer, epochs=2)
print(training_results_Norm)
print(training_results)
print(model_norm.bn1)
print(model_norm.bn1.running_mean, model_norm.bn1.num_batches_tracked)
model_norm.eval()
out = model_norm.activation(X[16:20])
print(len(out), out[0].shape, out[0].dtype)
model_norm.train()
try:
    model_norm(X[:1])
except Exception as e:
    print(type(e).__name__, e)
try:
    model_norm.bn1(torch.randn(4, 5))
except Exception as e:
    print(type(e).__name__, e)
model_norm.state_dict()['bn1.running_var']

# %%
# Lab 8.1: what's convolution
conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3)
conv.state_dict()['weight'][0][0] = torch.tensor([[1.0, 0, -1.0], [2.0, 0, -2.0], [1.0, 0.0, -1.0]])
conv.state_dict()['bias'][0] = 0.0
print(conv)
conv.state_dict()

# %%
image = torch.zeros(1, 1, 5, 5)
image[0, 0, :, 2] = 1
print(image)
z = conv(image)
print(z)

# %%
K = 2
conv1 = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=K)
conv1.state_dict()['weight'][0][0] = torch.tensor([[1.0, 1.0], [1.0, 1.0]])
conv1.state_dict()['bias'][0] = 0.0
print(conv1.state_dict())
M = 4
image1 = torch.ones(1, 1, M, M)
z1 = conv1(image1)
print("z1:", z1)
print("shape:", z1.shape[2:4])

conv3 = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=2, stride=2)
conv3.state_dict()['weight'][0][0] = torch.tensor([[1.0, 1.0], [1.0, 1.0]])
conv3.state_dict()['bias'][0] = 0.0
z3 = conv3(image1)
print("z3:", z3)
print("shape:", z3.shape[2:4])

conv4 = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=2, stride=3)
conv4.state_dict()['weight'][0][0] = torch.tensor([[1.0, 1.0], [1.0, 1.0]])
conv4.state_dict()['bias'][0] = 0.0
z4 = conv4(image1)
print("z4:", z4)
print("shape:", z4.shape[2:4])

conv5 = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=2, stride=3, padding=1)
conv5.state_dict()['weight'][0][0] = torch.tensor([[1.0, 1.0], [1.0, 1.0]])
conv5.state_dict()['bias'][0] = 0.0
z5 = conv5(image1)
print("z5:", z5)
print("shape:", z5.shape[2:4])
for k, s, p in [(3, 1, 0), (2, 2, 0), (2, 3, 1), (3, 2, 1)]:
    print(k, s, p, (M + 2 * p - k) // s + 1, nn.Conv2d(1, 1, k, stride=s, padding=p)(image1).shape)
print(conv5)

# %%
try:
    nn.Conv2d(1, 1, kernel_size=6)(image1)
except Exception as e:
    print(type(e).__name__, e)
try:
    conv(torch.ones(1, 2, 5, 5))
except Exception as e:
    print(type(e).__name__, e)
try:
    conv(torch.ones(5, 5))
except Exception as e:
    print(type(e).__name__, e)
try:
    conv.state_dict()['weight'][0][0] = torch.tensor([[1.0, 0], [2.0, 0]])
except Exception as e:
    print(type(e).__name__, e)
conv(torch.ones(1, 5, 5))

# %%
# Lab 8.1.2: activation functions and max pooling
conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3)
Gx = torch.tensor([[1.0, 0, -1.0], [2.0, 0, -2.0], [1.0, 0, -1.0]])
conv.state_dict()['weight'][0][0] = Gx
conv.state_dict()['bias'][0] = 0.0
image = torch.zeros(1, 1, 5, 5)
image[0, 0, :, 2] = 1
Z = conv(image)
print(Z)
A = torch.relu(Z)
print(A)
relu = nn.ReLU()
print(relu(Z))

image1 = torch.zeros(1, 1, 4, 4)
image1[0, 0, 0, :] = torch.tensor([1.0, 2.0, 3.0, -4.0])
image1[0, 0, 1, :] = torch.tensor([0.0, 2.0, -3.0, 0.0])
image1[0, 0, 2, :] = torch.tensor([0.0, 2.0, 3.0, 1.0])
print(image1)
max3 = torch.nn.MaxPool2d(2, stride=1)
print(max3(image1))
max1 = torch.nn.MaxPool2d(2)
print(max1(image1))
print(max1, max3)
print(torch.max_pool2d(image1, stride=2, kernel_size=2))
F.max_pool2d(image1, 3, stride=2, padding=1, return_indices=True)

# %%
# Lab 8.1.3: multiple input and output channels
conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=3)
Gx = torch.tensor([[1.0, 0, -1.0], [2.0, 0, -2.0], [1.0, 0.0, -1.0]])
Gy = torch.tensor([[1.0, 2.0, 1.0], [0.0, 0.0, 0.0], [-1.0, -2.0, -1.0]])
conv1.state_dict()['weight'][0][0] = Gx
conv1.state_dict()['weight'][1][0] = Gy
conv1.state_dict()['weight'][2][0] = torch.ones(3, 3)
conv1.state_dict()['bias'][:] = torch.tensor([0.0, 0.0, 0.0])
print(conv1.state_dict()['bias'])
for x in conv1.state_dict()['weight']:
    print(x)
image = torch.zeros(1, 1, 5, 5)
image[0, 0, :, 2] = 1
out = conv1(image)
print(out.shape)
for channel, image in enumerate(out[0]):
    print("channel {}".format(channel), image)

# %%
image2 = torch.zeros(1, 2, 5, 5)
image2[0, 0, 2, :] = -2
image2[0, 1, 2, :] = 1
conv3 = nn.Conv2d(in_channels=2, out_channels=1, kernel_size=3)
Gx1 = torch.tensor([[0.0, 0.0, 0.0], [0, 1.0, 0], [0.0, 0.0, 0.0]])
conv3.state_dict()['weight'][0][0] = 1 * Gx1
conv3.state_dict()['weight'][0][1] = -2 * Gx1
conv3.state_dict()['bias'][:] = torch.tensor([0.0])
print(conv3.state_dict()['weight'])
print(conv3(image2))

conv4 = nn.Conv2d(in_channels=2, out_channels=3, kernel_size=3)
conv4.state_dict()['weight'][0][0] = torch.tensor([[0.1, 0.1, 0.1], [0.1, 0.1, 0.1], [0.1, 0.1, 0.1]])
conv4.state_dict()['weight'][0][1] = torch.tensor([[-0.1, -0.1, -0.1], [-0.1, -0.1, -0.1], [-0.1, -0.1, -0.1]])
conv4.state_dict()['weight'][1][0] = torch.tensor([[1.0, 0, -1.0], [2.0, 0, -2.0], [1.0, 0.0, -1.0]])
conv4.state_dict()['weight'][1][1] = torch.tensor([[1.0, 2.0, 1.0], [0.0, 0.0, 0.0], [-1.0, -2.0, -1.0]])
conv4.state_dict()['weight'][2][0] = torch.tensor([[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]])
conv4.state_dict()['weight'][2][1] = torch.tensor([[0, 0, 1.0], [0, 1.0, 0], [1.0, 0, 0]])
conv4.state_dict()['bias'][:] = torch.tensor([0.0, 0.0, 0.0])
print(conv4(image2))
print(conv4.weight.shape, conv4.bias.requires_grad, conv4.weight.grad)

# %%
# Lab 8.2: a simple convolutional network with activations
torch.manual_seed(4)
np.random.seed(0)

class CNN(nn.Module):
    def __init__(self, out_1=2, out_2=1):
        super(CNN, self).__init__()
        # first Convolutional layers
        self.cnn1 = nn.Conv2d(in_channels=1, out_channels=out_1, kernel_size=2, padding=0)
        # activation function
        self.relu1 = nn.ReLU()
        # max pooling
        self.maxpool1 = nn.MaxPool2d(kernel_size=2, stride=1)
        # second Convolutional layers
        self.cnn2 = nn.Conv2d(in_channels=out_1, out_channels=out_2, kernel_size=2, stride=1, padding=0)
        # activation function
        self.relu2 = nn.ReLU()
        # max pooling
        self.maxpool2 = nn.MaxPool2d(kernel_size=2, stride=1)
        # fully connected layer
        self.fc1 = nn.Linear(out_2 * 7 * 7, 2)

    def forward(self, x):
        x = self.cnn1(x)
        x = self.relu1(x)
        x = self.maxpool1(x)
        x = self.cnn2(x)
        x = self.relu2(x)
        x = self.maxpool2(x)
        x = x.view(x.size(0), -1)
        x = self.fc1(x)
        return x

    def activations(self, x):
        # outputs activation this is not necessary just for fun
        z1 = self.cnn1(x)
        a1 = self.relu1(z1)
        out = self.maxpool1(a1)
        z2 = self.cnn2(out)
        a2 = self.relu2(z2)
        out = self.maxpool2(a2)
        out = out.view(out.size(0), -1)
        return z1, a1, z2, a2, out

class Data(Dataset):
    def __init__(self, N_images=20, offset=0, p=0.9, train=False):
        if train == True:
            np.random.seed(1)
        N_images = 2 * (N_images // 2)
        images = np.zeros((N_images, 1, 11, 11))
        start1 = 3
        start2 = 1
        self.y = torch.zeros(N_images).type(torch.long)
        for n in range(N_images):
            if offset > 0:
                low = int(np.random.randint(low=start1, high=start1 + offset, size=1))
                high = int(np.random.randint(low=start2, high=start2 + offset, size=1))
            else:
                low = 4
                high = 1
            if n <= N_images // 2:
                self.y[n] = 0
                images[n, 0, high:high + 9, low:low + 3] = np.random.binomial(1, p, (9, 3))
            elif n > N_images // 2:
                self.y[n] = 1
                images[n, 0, low:low + 3, high:high + 9] = np.random.binomial(1, p, (3, 9))
        self.x = torch.from_numpy(images).type(torch.FloatTensor)
        self.len = self.x.shape[0]
        del (images)
        np.random.seed(0)

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return self.len

N_images = 20
train_dataset = Data(N_images=N_images)
validation_dataset = Data(N_images=10, train=False)
print(train_dataset.x.shape, train_dataset.x.dtype, train_dataset.y)
model = CNN(2, 1)
print(model)
print(model.state_dict()['cnn1.weight'])
model.state_dict()['cnn1.weight'][0][0] = torch.tensor([[1.0, 1.0], [-1.0, -1.0]])
print(model.state_dict()['cnn1.weight'][0])

# %%
criterion = nn.CrossEntropyLoss()
learning_rate = 0.1
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
train_loader = DataLoader(dataset=train_dataset, batch_size=10)
validation_loader = DataLoader(dataset=validation_dataset, batch_size=20)
n_epochs = 1   # (one epoch: the lab runs more, whose last digits a conv's rounding on another processor moves)
cost_list = []
accuracy_list = []
N_test = len(validation_dataset)
cost = 0
for epoch in range(n_epochs):
    cost = 0
    for x, y in train_loader:
        optimizer.zero_grad()
        z = model(x)
        loss = criterion(z, y)
        loss.backward()
        optimizer.step()
        cost += loss.item()
    cost_list.append(round(cost, 2))
    correct = 0
    for x_test, y_test in validation_loader:
        z = model(x_test)
        _, yhat = torch.max(z.data, 1)
        correct += (yhat == y_test).sum().item()
    accuracy = correct / N_test
    accuracy_list.append(accuracy)
print(cost_list, accuracy_list)
out = model.activations(train_dataset[0][0].view(1, 1, 11, 11))
print([o.shape for o in out])
print(out[0].shape, out[0].dtype)
print(model(train_dataset[0][0]).shape)
try:
    model(train_dataset[0][0][0])
except Exception as e:
    print(type(e).__name__, e)
