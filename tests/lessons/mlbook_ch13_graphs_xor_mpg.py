# Imitates Raschka, Liu & Mirjalili, "Machine Learning with PyTorch and Scikit-Learn" (rasbt/machine-learning-book),
# ch13: the graph z = 2*(a-b)+c, torch.autograd.grad of a loss w.r.t. w and b, Xavier init via nn.init.xavier_normal_,
# nn.Sequential with l1 regularisation of a layer's weight, XOR with nn.Sequential and with an nn.Module subclass,
# the custom NoisyLinear layer (torch.normal noise in training mode only), and the Auto-MPG style regression with
# standardised features, torch.bucketize buckets, nn.functional.one_hot and concatenated numeric/one-hot features.
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

def compute_z(a, b, c):
    r1 = torch.sub(a, b)
    r2 = torch.mul(r1, 2)
    z = torch.add(r2, c)
    return z

print('Scalar Inputs:', compute_z(torch.tensor(1), torch.tensor(2), torch.tensor(3)))
print('Rank 1 Inputs:', compute_z(torch.tensor([1]), torch.tensor([2]), torch.tensor([3])))
print('Rank 2 Inputs:', compute_z(torch.tensor([[1]]), torch.tensor([[2]]), torch.tensor([[3]])))
a = torch.tensor(3.14, requires_grad=True)
print(a)
b = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(b)
w = torch.tensor([1.0, 2.0, 3.0])
print(w.requires_grad)
w.requires_grad_()
print(w.requires_grad)

# %%
torch.manual_seed(1)
w = torch.empty(2, 3)
nn.init.xavier_normal_(w)
print(w)

class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.w1 = torch.empty(2, 3, requires_grad=True)
        nn.init.xavier_normal_(self.w1)
        self.w2 = torch.empty(1, 2, requires_grad=True)
        nn.init.xavier_normal_(self.w2)

m = MyModule()
print(m.w1.shape, m.w2.requires_grad, m.w1.is_leaf, list(m.parameters()))
try:
    nn.init.xavier_normal_(torch.empty(3))
except Exception as e:
    print(type(e).__name__, e)

# %%
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.5, requires_grad=True)
x = torch.tensor([1.4])
y = torch.tensor([2.1])
z = torch.add(torch.mul(w, x), b)
loss = (y - z).pow(2).sum()
loss.backward()
print('dL/dw : ', w.grad)
print('dL/db : ', b.grad)
print(2 * x * ((w * x + b) - y))
w.grad, b.grad = None, None
z = torch.add(torch.mul(w, x), b)
loss = (y - z).pow(2).sum()
gw, gb = torch.autograd.grad(loss, [w, b])
print(gw, gb, w.grad)
try:
    loss.backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
model = nn.Sequential(
    nn.Linear(4, 16),
    nn.ReLU(),
    nn.Linear(16, 32),
    nn.ReLU()
)
print(model)
nn.init.xavier_uniform_(model[0].weight)
l1_weight = 0.01
l1_penalty = l1_weight * model[2].weight.abs().sum()
print(l1_penalty)
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
print(optimizer.param_groups[0]['lr'], len(optimizer.param_groups[0]['params']))

# %%
np.random.seed(1)
torch.manual_seed(1)
x = np.random.uniform(low=-1, high=1, size=(40, 2))
y = np.ones(len(x))
y[x[:, 0] * x[:, 1] < 0] = 0
n_train = 30
x_train = torch.tensor(x[:n_train, :], dtype=torch.float32)
y_train = torch.tensor(y[:n_train], dtype=torch.float32)
x_valid = torch.tensor(x[n_train:, :], dtype=torch.float32)
y_valid = torch.tensor(y[n_train:], dtype=torch.float32)
train_ds = TensorDataset(x_train, y_train)
train_dl = DataLoader(train_ds, 2, shuffle=True)
model = nn.Sequential(
    nn.Linear(2, 4),
    nn.ReLU(),
    nn.Linear(4, 4),
    nn.ReLU(),
    nn.Linear(4, 1),
    nn.Sigmoid()
)
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.015)

def train(model, num_epochs, train_dl, x_valid, y_valid):
    loss_hist_train = [0] * num_epochs
    accuracy_hist_train = [0] * num_epochs
    loss_hist_valid = [0] * num_epochs
    accuracy_hist_valid = [0] * num_epochs
    for epoch in range(num_epochs):
        for x_batch, y_batch in train_dl:
            pred = model(x_batch)[:, 0]
            loss = loss_fn(pred, y_batch)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            loss_hist_train[epoch] += loss.item()
            is_correct = ((pred >= 0.5).float() == y_batch).float()
            accuracy_hist_train[epoch] += is_correct.mean()
        loss_hist_train[epoch] /= n_train / 2
        accuracy_hist_train[epoch] /= n_train / 2
        pred = model(x_valid)[:, 0]
        loss = loss_fn(pred, y_valid)
        loss_hist_valid[epoch] = loss.item()
        is_correct = ((pred >= 0.5).float() == y_valid).float()
        accuracy_hist_valid[epoch] += is_correct.mean()
    return loss_hist_train, loss_hist_valid, accuracy_hist_train, accuracy_hist_valid

history = train(model, 5, train_dl, x_valid, y_valid)
print([round(v, 4) for v in history[0]])
print(history[3])
try:
    loss_fn(model(x_valid), y_valid)
except Exception as e:
    print(type(e).__name__, e)

# %%
class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        l1 = nn.Linear(2, 4)
        a1 = nn.ReLU()
        l2 = nn.Linear(4, 4)
        a2 = nn.ReLU()
        l3 = nn.Linear(4, 1)
        a3 = nn.Sigmoid()
        l = [l1, a1, l2, a2, l3, a3]
        self.module_list = nn.ModuleList(l)

    def forward(self, x):
        for f in self.module_list:
            x = f(x)
        return x

    def predict(self, x):
        x = torch.tensor(x, dtype=torch.float32)
        pred = self.forward(x)[:, 0]
        return (pred >= 0.5).float()

torch.manual_seed(1)
model = MyModule()
print(model)
optimizer = torch.optim.SGD(model.parameters(), lr=0.015)
history = train(model, 3, train_dl, x_valid, y_valid)
print(history[2])
print(model.predict(x[:5]))
import warnings
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    print(model.predict(x_valid[:3]))
print([(w.category.__name__, str(w.message)) for w in ws])

# %%
class NoisyLinear(nn.Module):
    def __init__(self, input_size, output_size, noise_stddev=0.1):
        super().__init__()
        w = torch.Tensor(input_size, output_size)
        self.w = nn.Parameter(w)
        nn.init.xavier_uniform_(self.w)
        b = torch.Tensor(output_size).fill_(0)
        self.b = nn.Parameter(b)
        self.noise_stddev = noise_stddev

    def forward(self, x, training=False):
        if training:
            noise = torch.normal(0.0, self.noise_stddev, x.shape)
            x_new = torch.add(x, noise)
        else:
            x_new = x
        return torch.add(torch.mm(x_new, self.w), self.b)

torch.manual_seed(1)
noisy_layer = NoisyLinear(4, 2)
toy_data = torch.rand(size=(1, 4))
print(noisy_layer(toy_data, training=True))
print(noisy_layer(toy_data, training=True))
print(noisy_layer(toy_data, training=False))
print(list(noisy_layer.named_parameters()))

class MyNoisyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = NoisyLinear(2, 4, 0.07)
        self.a1 = nn.ReLU()
        self.l2 = nn.Linear(4, 4)
        self.a2 = nn.ReLU()
        self.l3 = nn.Linear(4, 1)
        self.a3 = nn.Sigmoid()

    def forward(self, x, training=False):
        x = self.l1(x, training)
        x = self.a1(x)
        x = self.l2(x)
        x = self.a2(x)
        x = self.l3(x)
        x = self.a3(x)
        return x

torch.manual_seed(1)
model = MyNoisyModule()
print(model)
out = model(x_train[:4], training=True)
out.sum().backward()
print(out[:, 0], model.l1.w.grad)

# %%
torch.manual_seed(1)
n = 12
mpg = torch.randint(10, 40, (n,)).float()
cyl = torch.tensor([4, 6, 8, 4, 4, 6, 8, 8, 4, 6, 4, 8]).float()
disp = cyl * 40 + torch.rand(n) * 20
hp = cyl * 15 + torch.rand(n) * 10
weight = 1500 + cyl * 300 + torch.randn(n) * 50
accel = torch.rand(n) * 10 + 10
year = torch.tensor([70, 72, 74, 76, 78, 80, 82, 73, 75, 79, 81, 71]).float()
origin = torch.tensor([1, 2, 3, 1, 1, 2, 3, 1, 2, 3, 1, 1])
numeric = torch.stack([cyl, disp, hp, weight, accel], dim=1)
train_mean, train_std = numeric.mean(0), numeric.std(0)
numeric_std = (numeric - train_mean) / train_std
print(numeric_std[:3])
boundaries = torch.tensor([73, 76, 79])
v = torch.tensor(year.numpy())
year_bucket = torch.bucketize(v, boundaries, right=True)
print(year_bucket, year_bucket.dtype)
print(torch.bucketize(v, boundaries), torch.bucketize(v, boundaries, out_int32=True).dtype)
total_origin = len(set(origin.tolist()))
origin_encoded = nn.functional.one_hot(origin % total_origin)
print(origin_encoded, origin_encoded.dtype)
x_train = torch.cat([numeric_std, year_bucket.unsqueeze(1).float(), origin_encoded.float()], 1)
print(x_train.shape, x_train[0])
try:
    torch.cat([numeric_std, origin_encoded], 1).dtype
except Exception as e:
    print(type(e).__name__, e)
print(torch.cat([numeric_std, origin_encoded], 1).dtype)
try:
    nn.functional.one_hot(origin.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.functional.one_hot(origin, 3)
except Exception as e:
    print(type(e).__name__, e)
print(nn.functional.one_hot(origin, -1).shape)

# %%
y_train = mpg
train_ds = TensorDataset(x_train, y_train)
torch.manual_seed(1)
train_dl = DataLoader(train_ds, 4, shuffle=True)
hidden_units = [8, 4]
input_size = x_train.shape[1]
all_layers = []
for hidden_unit in hidden_units:
    layer = nn.Linear(input_size, hidden_unit)
    all_layers.append(layer)
    all_layers.append(nn.ReLU())
    input_size = hidden_unit
all_layers.append(nn.Linear(hidden_units[-1], 1))
model = nn.Sequential(*all_layers)
print(model)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
torch.manual_seed(1)
num_epochs = 20
log_epochs = 5
for epoch in range(num_epochs):
    loss_hist_train = 0
    for x_batch, y_batch in train_dl:
        pred = model(x_batch)[:, 0]
        loss = loss_fn(pred, y_batch)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        loss_hist_train += loss.item()
    if epoch % log_epochs == 0:
        print(f'Epoch {epoch}  Loss {loss_hist_train/len(train_dl):.4f}')
with torch.no_grad():
    pred = model(x_train.float())[:, 0]
    loss = loss_fn(pred, y_train)
    print(f'Test MSE: {loss.item():.4f}')
    print(f'Test MAE: {nn.L1Loss()(pred, y_train).item():.4f}')
