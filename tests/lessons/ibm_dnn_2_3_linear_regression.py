# Imitates IBM's 'Deep Neural Networks with PyTorch' (Coursera / edX, Joseph Santarcangelo) labs 2.1-2.7 (linear
# regression prediction with w, b tensors, nn.Linear and a class LR(nn.Module), state_dict printing, "training in
# PyTorch" by hand with w.data = w.data - lr * w.grad.data and w.grad.data.zero_(), the cost surface at a few
# points, SGD with a Dataset and DataLoader at batch sizes 1 / 5 / 10 / 20, the PyTorch way with optim.SGD and
# state_dict()['linear.weight'][0] = -15, training / validation with outliers and a list of models per learning
# rate) and labs 3.1-3.3 (multiple linear regression, nn.Linear(2, 1) / (2, 2), model.parameters() printed, the
# optimizer.step loop, multiple outputs); plots replaced by prints, tiny sizes.
import torch
import torch.nn as nn
from torch import optim
from torch.nn import Linear
from torch.utils.data import Dataset, DataLoader

# %%
# Lab 2.1: Linear regression 1D: prediction
w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(-1.0, requires_grad=True)

def forward(x):
    yhat = w * x + b
    return yhat

x = torch.tensor([[1.0]])
yhat = forward(x)
print("The prediction: ", yhat)
x = torch.tensor([[1.0], [2.0]])
print("The shape of x: ", x.shape)
yhat = forward(x)
print("The prediction: ", yhat)
x = torch.tensor([[1.0], [2.0], [3.0]])
forward(x)

# %%
torch.manual_seed(1)
lr = Linear(in_features=1, out_features=1, bias=True)
print("Parameters w and b: ", list(lr.parameters()))
print("Python dictionary: ", lr.state_dict())
print("keys: ", lr.state_dict().keys())
print("values: ", lr.state_dict().values())
print("weight:", lr.weight)
print("bias:", lr.bias)
x = torch.tensor([[1.0]])
yhat = lr(x)
print("The prediction: ", yhat)
x = torch.tensor([[1.0], [2.0]])
yhat = lr(x)
print("The prediction: ", yhat)
try:
    lr(torch.tensor([1.0, 2.0]))
except Exception as e:
    print(type(e).__name__, e)
lr(torch.tensor([1.0]))

# %%
class LR(nn.Module):

    # Constructor
    def __init__(self, input_size, output_size):
        # Inherit from parent
        super(LR, self).__init__()
        self.linear = nn.Linear(input_size, output_size)

    # Prediction function
    def forward(self, x):
        out = self.linear(x)
        return out

lr = LR(1, 1)
print("The parameters: ", list(lr.parameters()))
print("Linear model: ", lr.linear)
x = torch.tensor([[1.0]])
yhat = lr(x)
print("The prediction: ", yhat)
x = torch.tensor([[1.0], [2.0]])
yhat = lr(x)
print("The prediction: ", yhat)
print("Python dictionary: ", lr.state_dict())
print("keys: ", lr.state_dict().keys())
print("values: ", lr.state_dict().values())
lr

# %%
# Lab 2.2: Linear regression 1D: training one parameter
torch.manual_seed(0)
X = torch.arange(-3, 3, 0.1).view(-1, 1)
f = -3 * X
Y = f + 0.1 * torch.randn(X.size())
print(X.shape, X.dtype, X[:3].view(-1), X[-1])

def forward(x):
    return w * x

def criterion(yhat, y):
    return torch.mean((yhat - y) ** 2)

lr = 0.1
LOSS = []
w = torch.tensor(-10.0, requires_grad=True)

def train_model(iter):
    for epoch in range(iter):
        Yhat = forward(X)
        loss = criterion(Yhat, Y)
        print('epoch', epoch, 'w', round(w.item(), 4), 'loss', round(loss.item(), 4))
        LOSS.append(loss.item())
        loss.backward()
        w.data = w.data - lr * w.grad.data
        w.grad.data.zero_()

train_model(4)
print([round(l, 3) for l in LOSS])
print(w, w.grad, w.is_leaf)

# %%
# Lab 2.3: two parameters and the cost surface at a few points
torch.manual_seed(1)
X = torch.arange(-3, 3, 0.1).view(-1, 1)
f = 1 * X - 1
Y = f + 0.1 * torch.randn(X.size())
for w_val in torch.linspace(-15, 15, 3):
    for b_val in torch.linspace(-15, 15, 3):
        print('w', w_val.item(), 'b', b_val.item(), 'cost', round(torch.mean((Y - (w_val * X + b_val)) ** 2).item(), 3))

def forward(x):
    return w * x + b

w = torch.tensor(-15.0, requires_grad=True)
b = torch.tensor(-10.0, requires_grad=True)
lr = 0.1
LOSS = []

def train_model(iter):
    for epoch in range(iter):
        Yhat = forward(X)
        loss = criterion(Yhat, Y)
        LOSS.append(loss)
        loss.backward()
        w.data = w.data - lr * w.grad.data
        b.data = b.data - lr * b.grad.data
        w.grad.data.zero_()
        b.grad.data.zero_()

train_model(5)
print(LOSS[0], LOSS[-1].grad_fn)
print([round(l.item(), 3) for l in LOSS])
print(w.data, b.data)

# %%
# Lab 2.4: stochastic gradient descent, zip(X, Y) and then a Dataset with DataLoader(batch_size=1)
w = torch.tensor(-15.0, requires_grad=True)
b = torch.tensor(-10.0, requires_grad=True)
lr = 0.1
LOSS_SGD = []

def train_model_SGD(iter):
    for epoch in range(iter):
        Yhat = forward(X)
        LOSS_SGD.append(criterion(Yhat, Y).tolist())
        for x, y in zip(X, Y):
            yhat = forward(x)
            loss = criterion(yhat, y)
            loss.backward()
            w.data = w.data - lr * w.grad.data
            b.data = b.data - lr * b.grad.data
            w.grad.data.zero_()
            b.grad.data.zero_()

train_model_SGD(3)
print([round(l, 4) for l in LOSS_SGD])
print(type(LOSS_SGD[0]), X[-1], Y.shape, w.grad)

# %%
class Data(Dataset):

    # Constructor
    def __init__(self):
        self.x = torch.arange(-3, 3, 0.1).view(-1, 1)
        self.y = 1 * self.x - 1
        self.len = self.x.shape[0]

    # Getter
    def __getitem__(self, index):
        return self.x[index], self.y[index]

    # Return the length
    def __len__(self):
        return self.len

dataset = Data()
print("The length of dataset: ", len(dataset))
x, y = dataset[0]
print("(", x, ", ", y, ")")
x, y = dataset[:3]
print("The first 3 x: ", x)
print("The first 3 y: ", y)

trainloader = DataLoader(dataset=dataset, batch_size=1)
w = torch.tensor(-15.0, requires_grad=True)
b = torch.tensor(-10.0, requires_grad=True)
LOSS_Loader = []

def train_model_DataLoader(epochs):
    for epoch in range(epochs):
        Yhat = forward(X)
        LOSS_Loader.append(criterion(Yhat, Y).tolist())
        for x, y in trainloader:
            yhat = forward(x)
            loss = criterion(yhat, y)
            loss.backward()
            w.data = w.data - lr * w.grad.data
            b.data = b.data - lr * b.grad.data
            w.grad.data.zero_()
            b.grad.data.zero_()

train_model_DataLoader(3)
print([round(l, 4) for l in LOSS_Loader])
print(x, y, x.shape)

# %%
# Lab 2.5: mini-batch gradient descent, batch sizes compared
torch.manual_seed(1)

def train_model_Mini(epochs, batch_size):
    global w, b
    w = torch.tensor(-15.0, requires_grad=True)
    b = torch.tensor(-10.0, requires_grad=True)
    loader = DataLoader(dataset=dataset, batch_size=batch_size)
    LOSS = []
    for epoch in range(epochs):
        Yhat = forward(dataset.x)
        LOSS.append(criterion(Yhat, dataset.y).tolist())
        for x, y in loader:
            yhat = forward(x)
            loss = criterion(yhat, y)
            loss.backward()
            w.data = w.data - lr * w.grad.data
            b.data = b.data - lr * b.grad.data
            w.grad.data.zero_()
            b.grad.data.zero_()
    return LOSS, len(loader), x.shape

for batch_size in [1, 5, 10, 20, 60]:
    LOSS, n_batches, last_shape = train_model_Mini(3, batch_size)
    print('batch_size', batch_size, 'batches', n_batches, 'last batch', last_shape,
          'loss', [round(l, 4) for l in LOSS])

# %%
# Lab 2.6: linear regression the PyTorch way
torch.manual_seed(1)

class linear_regression(nn.Module):

    # Constructor
    def __init__(self, input_size, output_size):
        super(linear_regression, self).__init__()
        self.linear = nn.Linear(input_size, output_size)

    # Prediction
    def forward(self, x):
        yhat = self.linear(x)
        return yhat

criterion = nn.MSELoss()
trainloader = DataLoader(dataset=dataset, batch_size=1)
model = linear_regression(1, 1)
optimizer = optim.SGD(model.parameters(), lr=0.01)
print(list(model.parameters()))
print("Python dictionary: ", model.state_dict())
print(optimizer.state_dict())
optimizer

# %%
model.state_dict()['linear.weight'][0] = -15
model.state_dict()['linear.bias'][0] = -10
print("Python dictionary: ", model.state_dict())

def train_model_BGD(iter):
    for epoch in range(iter):
        for x, y in trainloader:
            yhat = model(x)
            loss = criterion(yhat, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print('epoch', epoch, 'loss', round(loss.item(), 5))

train_model_BGD(3)
print(model.state_dict())
print('w = ', model.linear.weight.data.item(), 'b = ', model.linear.bias.data.item())
loss = criterion(model(dataset.x), dataset.y)
print(loss, loss.grad_fn, model.linear.weight.grad)
try:
    model.state_dict()['linear.weight'][0] = torch.tensor([1.0, 2.0])
except Exception as e:
    print(type(e).__name__, e)

# %%
# Lab 2.7: training and validation data, outliers, a list of models by learning rate
torch.manual_seed(1)

class Data(Dataset):

    # Constructor
    def __init__(self, train=True):
        self.x = torch.arange(-3, 3, 0.3).view(-1, 1)
        self.f = -3 * self.x + 1
        self.y = self.f + 0.1 * torch.randn(self.x.size())
        self.len = self.x.shape[0]

        # outliers
        if train == True:
            self.y[0] = 0
            self.y[10:13] = 20
        else:
            pass

    # Getter
    def __getitem__(self, index):
        return self.x[index], self.y[index]

    # Get Length
    def __len__(self):
        return self.len

train_data = Data()
val_data = Data(train=False)
print(len(train_data), train_data.y[:3].view(-1), train_data.y[9:14].view(-1))

criterion = nn.MSELoss()
trainloader = DataLoader(dataset=train_data, batch_size=1)
learning_rates = [0.0001, 0.001, 0.01, 0.1]
train_error = torch.zeros(len(learning_rates))
validation_error = torch.zeros(len(learning_rates))
MODELS = []

def train_model_with_lr(iter, lr_list):
    for i, lr in enumerate(lr_list):
        model = linear_regression(1, 1)
        optimizer = optim.SGD(model.parameters(), lr=lr)
        for epoch in range(iter):
            for x, y in trainloader:
                yhat = model(x)
                loss = criterion(yhat, y)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()

        # train data
        Y_hat = model(train_data.x)
        train_loss = criterion(Y_hat, train_data.y)
        train_error[i] = train_loss.item()

        # validation data
        Y_hat = model(val_data.x)
        val_loss = criterion(Y_hat, val_data.y)
        validation_error[i] = val_loss.item()
        MODELS.append(model)

train_model_with_lr(5, learning_rates)
print(train_error.numpy().round(3), validation_error.numpy().round(3))
print(train_error.requires_grad, validation_error.dtype)
best = int(torch.argmin(validation_error))
print('best learning rate', learning_rates[best])
for model, learning_rate in zip(MODELS, learning_rates):
    yhat = model(val_data.x)
    print('lr', learning_rate, yhat.detach().numpy()[:3].round(3).ravel())
train_error[0] = criterion(MODELS[0](train_data.x), train_data.y)
print(train_error.requires_grad, train_error.is_leaf)
train_error

# %%
# Lab 3.1: multiple linear regression prediction
torch.manual_seed(1)
w = torch.tensor([[2.0], [3.0]], requires_grad=True)
b = torch.tensor([[1.0]], requires_grad=True)

def forward(x):
    yhat = torch.mm(x, w) + b
    return yhat

x = torch.tensor([[1.0, 2.0]])
yhat = forward(x)
print("The result: ", yhat)
X = torch.tensor([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
yhat = forward(X)
print("The result: ", yhat)
model = nn.Linear(2, 1)
yhat = model(x)
print("The result: ", yhat)
yhat = model(X)
print("The result: ", yhat)
try:
    forward(torch.tensor([1.0, 2.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.tensor([[1.0, 2.0, 3.0]]))
except Exception as e:
    print(type(e).__name__, e)

# %%
model = linear_regression(2, 1)
print("The parameters: ", list(model.parameters()))
print("The parameters: ", model.state_dict())
yhat = model(X)
print("The result: ", yhat)

# %%
# Lab 3.2: multiple linear regression training
torch.manual_seed(1)

class Data2D(Dataset):

    # Constructor
    def __init__(self):
        self.x = torch.zeros(20, 2)
        self.x[:, 0] = torch.arange(-1, 1, 0.1)
        self.x[:, 1] = torch.arange(-1, 1, 0.1)
        self.w = torch.tensor([[1.0], [1.0]])
        self.b = 1
        self.f = torch.mm(self.x, self.w) + self.b
        self.y = self.f + 0.1 * torch.randn((self.x.shape[0], 1))
        self.len = self.x.shape[0]

    # Getter
    def __getitem__(self, index):
        return self.x[index], self.y[index]

    # Get Length
    def __len__(self):
        return self.len

data_set = Data2D()
model = linear_regression(2, 1)
print("The parameters: ", list(model.parameters()))
optimizer = optim.SGD(model.parameters(), lr=0.1)
criterion = nn.MSELoss()
train_loader = DataLoader(dataset=data_set, batch_size=2)
LOSS = []
epochs = 5

def train_model(epochs):
    for epoch in range(epochs):
        for x, y in train_loader:
            yhat = model(x)
            loss = criterion(yhat, y)
            LOSS.append(loss.item())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

train_model(epochs)
print(len(LOSS), round(LOSS[0], 4), round(LOSS[-1], 4))
print(model.state_dict())
try:
    data_set.x[:, 0] = torch.arange(-1, 1, 0.2)
except Exception as e:
    print(type(e).__name__, e)

# %%
# Lab 3.3: multiple output linear regression
torch.manual_seed(1)
model = linear_regression(1, 10)
model(torch.tensor([1.0]))
print(list(model.parameters())[0].shape)
x = torch.tensor([[1.0]])
yhat = model(x)
print(yhat.shape)
X = torch.tensor([[1.0], [1.0], [3.0]])
yhat = model(X)
print(yhat.shape)

model = linear_regression(2, 2)
print(list(model.parameters()))
x = torch.tensor([[1.0, 3.0]])
yhat = model(x)
print(yhat)

# %%
class Data(Dataset):

    # Constructor
    def __init__(self):
        self.x = torch.zeros(20, 2)
        self.x[:, 0] = torch.arange(-1, 1, 0.1)
        self.x[:, 1] = torch.arange(-1, 1, 0.1)
        self.w = torch.tensor([[1.0, -1.0], [1.0, 3.0]])
        self.b = torch.tensor([[1.0, -1.0]])
        self.f = torch.mm(self.x, self.w) + self.b
        self.y = self.f + 0.001 * torch.randn((self.x.shape[0], 1))
        self.len = self.x.shape[0]

    # Getter
    def __getitem__(self, index):
        return self.x[index], self.y[index]

    # Get Length
    def __len__(self):
        return self.len

data_set = Data()
print(data_set.y.shape)
model = linear_regression(2, 2)
optimizer = optim.SGD(model.parameters(), lr=0.1)
criterion = nn.MSELoss()
train_loader = DataLoader(dataset=data_set, batch_size=5)
LOSS = []
epochs = 20
for epoch in range(epochs):
    for x, y in train_loader:
        # make a prediction
        yhat = model(x)
        # calculate the loss
        loss = criterion(yhat, y)
        # store loss/cost
        LOSS.append(loss.item())
        # clear gradient
        optimizer.zero_grad()
        # Backward pass: compute gradient of the loss with respect to all the learnable parameters
        loss.backward()
        # the step function on an Optimizer makes an update to its parameters
        optimizer.step()
print([round(l, 4) for l in LOSS[::20]])
print(model.state_dict())
try:
    criterion(model(data_set.x), data_set.y[:, :1].view(-1))
except Exception as e:
    print(type(e).__name__, e)
