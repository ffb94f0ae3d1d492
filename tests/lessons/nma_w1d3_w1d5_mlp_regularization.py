# Imitates Neuromatch Academy Deep Learning W1D3 "Multi layer perceptrons" and W1D5 "Regularization"
# (NeuromatchAcademy/course-content-dl, tutorials/W1D3_MultiLayerPerceptrons, W1D5_Regularization): the Net class
# whose activation string 'ReLU()' is evaluated with eval('nn.%s' % actv) and whose layers are added in a loop
# with add_module, spiral data, shuffle_and_split_data with torch.randperm, train/test over a DataLoader of a
# TensorDataset with accuracy, L1/L2 penalties over model.parameters(), dropout, early stopping with copy.deepcopy,
# calculate_frobenius_norm with torch.norm / torch.sum(param**2), and weight histograms via param.flatten().detach().
import copy
import random
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset

def set_seed(seed=None, seed_torch=True):
    if seed is None:
        seed = np.random.choice(2 ** 32)
    random.seed(seed)
    np.random.seed(seed)
    if seed_torch:
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)
        torch.cuda.manual_seed(seed)
        torch.backends.cudnn.benchmark = False
        torch.backends.cudnn.deterministic = True
    print(f'Random seed {seed} has been set.')

def seed_worker(worker_id):
    worker_seed = torch.initial_seed() % 2**32
    np.random.seed(worker_seed)
    random.seed(worker_seed)

SEED = 2021
set_seed(seed=SEED)
DEVICE = "cpu"

class Net(nn.Module):
    def __init__(self, actv, input_feature_num, hidden_unit_nums, output_feature_num):
        super(Net, self).__init__()
        self.input_feature_num = input_feature_num
        self.mlp = nn.Sequential()
        in_num = input_feature_num
        for i in range(len(hidden_unit_nums)):
            out_num = hidden_unit_nums[i]
            layer = nn.Linear(in_num, out_num)
            in_num = out_num
            self.mlp.add_module('Linear_%d' % i, layer)
            actv_layer = eval('nn.%s' % actv)
            self.mlp.add_module('Activation_%d' % i, actv_layer)
        out_layer = nn.Linear(in_num, output_feature_num)
        self.mlp.add_module('Output_Linear', out_layer)

    def forward(self, x):
        x = x.view(-1, self.input_feature_num)
        logits = self.mlp(x)
        return logits

input = torch.zeros((5, 2))
net = Net(actv='LeakyReLU(0.1)', input_feature_num=2, hidden_unit_nums=[10, 8], output_feature_num=3).to(DEVICE)
y = net(input)
print(f'The output shape is {y.shape} for an input of shape {input.shape}')
print(net)
print(net.mlp.Linear_1, net.mlp[1], len(net.mlp))
try:
    Net(actv='Relu()', input_feature_num=2, hidden_unit_nums=[4], output_feature_num=2)
except Exception as e:
    print(type(e).__name__, e)

# %%
def create_spiral_dataset(K, sigma, N):
    X = []
    y = []
    for i in range(K):
        t = torch.linspace(0, 1, N)
        r = t
        theta = torch.linspace(i * 2 * np.pi / K, (i + 1) * 2 * np.pi / K, N) + torch.randn(N) * sigma
        X.append(torch.stack([r * torch.sin(theta), r * torch.cos(theta)], dim=1))
        y.append(torch.ones(N, dtype=torch.long) * i)
    return torch.cat(X), torch.cat(y)

def shuffle_and_split_data(X, y, seed):
    torch.manual_seed(seed)
    N = X.shape[0]
    shuffled_indices = torch.randperm(N)
    X = X[shuffled_indices]
    y = y[shuffled_indices]
    test_size = int(0.2 * N)
    X_test = X[:test_size]
    y_test = y[:test_size]
    X_train = X[test_size:]
    y_train = y[test_size:]
    return X_test, y_test, X_train, y_train

K, sigma, N = 3, 0.16, 40
X, y = create_spiral_dataset(K, sigma, N)
print(X.shape, y.shape, y.dtype, torch.bincount(y))
X_test, y_test, X_train, y_train = shuffle_and_split_data(X, y, seed=SEED)
print(X_test.shape, X_train.shape, y_test[:10], torch.randperm(5))
g_seed = torch.Generator()
g_seed.manual_seed(SEED)
batch_size = 16
test_data = TensorDataset(X_test, y_test)
test_loader = DataLoader(test_data, batch_size=batch_size, shuffle=False, num_workers=0,
                         worker_init_fn=seed_worker, generator=g_seed)
train_data = TensorDataset(X_train, y_train)
train_loader = DataLoader(train_data, batch_size=batch_size, drop_last=True, shuffle=True,
                          worker_init_fn=seed_worker, generator=g_seed)
print(len(train_loader), len(test_loader), len(train_data), train_data[0])
xb, yb = next(iter(train_loader))
print(xb.shape, yb)

# %%
def train_test_classification(net, criterion, optimizer, train_loader, test_loader, num_epochs=1,
                              verbose=True, training_plot=False, device='cpu'):
    net.train()
    training_losses = []
    for epoch in range(num_epochs):
        for i, data in enumerate(train_loader, 0):
            inputs, labels = data
            inputs = inputs.to(device).float()
            labels = labels.to(device).long()
            optimizer.zero_grad()
            outputs = net(inputs)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
            if verbose:
                training_losses += [loss.item()]
    net.eval()

    def test(data_loader):
        correct = 0
        total = 0
        for data in data_loader:
            inputs, labels = data
            inputs = inputs.to(device).float()
            labels = labels.to(device).long()
            outputs = net(inputs)
            _, predicted = torch.max(outputs, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
        acc = 100 * correct / total
        return total, acc

    train_total, train_acc = test(train_loader)
    test_total, test_acc = test(test_loader)
    if verbose:
        print(f"Accuracy on the {train_total} training samples: {train_acc:0.2f}")
        print(f"Accuracy on the {test_total} testing samples: {test_acc:0.2f}")
    return train_acc, test_acc, training_losses

set_seed(SEED)
net = Net('ReLU()', X_train.shape[1], [32], K).to(DEVICE)
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(net.parameters(), lr=1e-2)
tr_acc, te_acc, losses = train_test_classification(net, criterion, optimizer, train_loader, test_loader,
                                                   num_epochs=5)
print(len(losses), f"{losses[0]:.4f}", f"{losses[-1]:.4f}")
outputs = net(X_test[:4])
print(torch.max(outputs, 1), outputs.argmax(dim=1))

# %%
def calculate_frobenius_norm(model):
    norm = 0.0
    for name, param in model.named_parameters():
        norm += torch.sum(param ** 2)
    norm = norm ** 0.5
    return norm

def l1_reg(model):
    l1 = 0.0
    for param in model.parameters():
        l1 += torch.sum(torch.abs(param))
    return l1

def l2_reg(model):
    l2 = 0.0
    for param in model.parameters():
        l2 += torch.sum(torch.abs(param) ** 2)
    return l2

set_seed(SEED)
net = nn.Linear(2, 2)
norm = calculate_frobenius_norm(net)
print(f'Frobenius norm of Single Linear Layer: {norm:.4f}', norm, norm.grad_fn)
print(torch.norm(net.weight), torch.norm(net.weight, p='fro'), torch.linalg.norm(net.weight))
print(l1_reg(net), l2_reg(net))
total = sum(torch.norm(p) ** 2 for p in net.parameters()) ** 0.5
print(total)
loss = criterion(net(X_train[:8]), y_train[:8]) + 0.001 * l1_reg(net) + 0.001 * l2_reg(net)
loss.backward()
print(f"{loss.item():.4f}", net.weight.grad)
weights = torch.tensor([])
for name, param in net.named_parameters():
    weights = torch.cat((weights, param.flatten().detach()))
print(weights, weights.requires_grad)
print(np.histogram(weights.numpy(), bins=4)[0])

# %%
class AnimalNet(nn.Module):
    def __init__(self):
        super(AnimalNet, self).__init__()
        self.fc1 = nn.Linear(2, 16)
        self.fc2 = nn.Linear(16, 8)
        self.fc3 = nn.Linear(8, 3)
    def forward(self, x):
        x = x.view(x.shape[0], -1)
        x = F.leaky_relu(self.fc1(x))
        x = F.leaky_relu(self.fc2(x))
        x = self.fc3(x)
        output = F.log_softmax(x, dim=1)
        return output

class NetDropout(nn.Module):
    def __init__(self):
        super(NetDropout, self).__init__()
        self.fc1 = nn.Linear(2, 16)
        self.fc2 = nn.Linear(16, 3)
        self.dropout1 = nn.Dropout(0.5)
    def forward(self, x):
        x = F.leaky_relu(self.dropout1(self.fc1(x)))
        return self.fc2(x)

set_seed(SEED)
d = nn.Dropout(0.5)
x = torch.ones(2, 6)
print(d(x), d.eval()(x), d.training)
print(F.dropout(x, 0.25, training=True))
model = NetDropout()
print(model)

def early_stopping_main(model, train_loader, epochs=6, patience=2):
    optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    best_acc = 0.0
    best_epoch = 0
    best_model = None
    wait = 0
    val_accs = []
    for epoch in range(epochs):
        model.train()
        for xb, yb in train_loader:
            optimizer.zero_grad()
            loss = F.nll_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            val_acc = (model(X_test).argmax(1) == y_test).float().mean().item() * 100
        val_accs.append(round(val_acc, 2))
        if val_acc > best_acc:
            best_acc = val_acc
            best_epoch = epoch
            best_model = copy.deepcopy(model)
            wait = 0
        else:
            wait += 1
        if wait > patience:
            print(f'early stopped on epoch: {epoch}')
            break
    return val_accs, best_model, best_epoch

set_seed(SEED)
animal = AnimalNet()
val_accs, best_model, best_epoch = early_stopping_main(animal, train_loader)
print(val_accs, best_epoch, type(best_model).__name__, best_model is animal)
print(torch.equal(best_model.fc1.weight, animal.fc1.weight) or best_epoch == len(val_accs) - 1)
print(best_model.fc3.weight.requires_grad, best_model.fc3.weight.grad is None)
