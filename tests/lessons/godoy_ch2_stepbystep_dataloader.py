# Imitates Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapters 2 and 2.1: TensorDataset, DataLoader with shuffle and a seeded generator, random_split, the
# make_train_step_fn / make_val_step_fn closures, mini_batch returning np.mean of the losses, checkpoints with
# epoch / model_state_dict / optimizer_state_dict / losses, and the StepByStep class (set_seed, to(device), train,
# predict through numpy, count_parameters) on tiny synthetic data.
import io
import random
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset, random_split

# %%
true_b, true_w = 1, 2
N = 20
np.random.seed(42)
x = np.random.rand(N, 1)
y = true_b + true_w * x + (.1 * np.random.randn(N, 1))
x_tensor = torch.as_tensor(x).float()
y_tensor = torch.as_tensor(y).float()
dataset = TensorDataset(x_tensor, y_tensor)
print(len(dataset), dataset[0])
print(dataset[:2])
train_data = TensorDataset(x_tensor[:16], y_tensor[:16])
print(train_data[-1])

# %%
torch.manual_seed(13)
ratio = .8
n_total = len(dataset)
n_train = int(n_total * ratio)
n_val = n_total - n_train
train_data, val_data = random_split(dataset, [n_train, n_val])
print(type(train_data).__name__, len(train_data), len(val_data))
print(train_data.indices)
print(val_data.indices)
g = torch.Generator().manual_seed(42)
a, b = random_split(dataset, [0.75, 0.25], generator=g)
print(a.indices, b.indices)
try:
    random_split(dataset, [10, 5])
except Exception as e:
    print(type(e).__name__, e)

# %%
train_loader = DataLoader(dataset=train_data, batch_size=4, shuffle=True)
val_loader = DataLoader(dataset=val_data, batch_size=4)
print(len(train_loader), len(val_loader))
xb, yb = next(iter(train_loader))
print(xb.shape, yb.shape, xb.dtype)
print(xb)

# %%
def make_train_step_fn(model, loss_fn, optimizer):
    def perform_train_step_fn(x, y):
        model.train()
        yhat = model(x)
        loss = loss_fn(yhat, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        return loss.item()
    return perform_train_step_fn

def make_val_step_fn(model, loss_fn):
    def perform_val_step_fn(x, y):
        model.eval()
        yhat = model(x)
        loss = loss_fn(yhat, y)
        return loss.item()
    return perform_val_step_fn

def mini_batch(device, data_loader, step_fn):
    mini_batch_losses = []
    for x_batch, y_batch in data_loader:
        x_batch = x_batch.to(device)
        y_batch = y_batch.to(device)
        mini_batch_loss = step_fn(x_batch, y_batch)
        mini_batch_losses.append(mini_batch_loss)
    loss = np.mean(mini_batch_losses)
    return loss

device = 'cpu'
torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 1)).to(device)
optimizer = optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss(reduction='mean')
train_step_fn = make_train_step_fn(model, loss_fn, optimizer)
val_step_fn = make_val_step_fn(model, loss_fn)
generator = torch.Generator()
train_loader = DataLoader(dataset=train_data, batch_size=4, shuffle=True, generator=generator)
train_loader.sampler.generator.manual_seed(42)
losses, val_losses = [], []
for epoch in range(20):
    loss = mini_batch(device, train_loader, train_step_fn)
    losses.append(loss)
    with torch.no_grad():
        val_loss = mini_batch(device, val_loader, val_step_fn)
        val_losses.append(val_loss)
print(type(loss), round(float(loss), 4), round(float(val_loss), 4))
print(model.state_dict())

# %%
checkpoint = {'epoch': 20,
              'model_state_dict': model.state_dict(),
              'optimizer_state_dict': optimizer.state_dict(),
              'loss': losses,
              'val_loss': val_losses}
buffer = io.BytesIO()
torch.save(checkpoint, buffer)
buffer.seek(0)
try:
    checkpoint = torch.load(buffer)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
    print([line for line in str(e).splitlines() if 'WeightsUnpickler' in line])
buffer.seek(0)
checkpoint = torch.load(buffer, weights_only=False)
print(sorted(checkpoint.keys()), checkpoint['epoch'], len(checkpoint['loss']))
print(checkpoint['optimizer_state_dict'])
torch.manual_seed(42)
new_model = nn.Sequential(nn.Linear(1, 1))
new_optimizer = optim.SGD(new_model.parameters(), lr=0.1)
print(new_model.load_state_dict(checkpoint['model_state_dict']))
new_optimizer.load_state_dict(checkpoint['optimizer_state_dict'])
new_model.train()
print(new_model.state_dict())
try:
    new_model.load_state_dict({'0.weight': torch.zeros(1, 1)})
except Exception as e:
    print(type(e).__name__, e)
print(new_model.load_state_dict({'0.weight': torch.zeros(1, 1)}, strict=False))

# %%
class StepByStep(object):
    def __init__(self, model, loss_fn, optimizer):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.device = 'cuda' if torch.cuda.is_available() else 'cpu'
        self.model.to(self.device)
        self.train_loader = None
        self.val_loader = None
        self.losses = []
        self.val_losses = []
        self.total_epochs = 0
        self.train_step_fn = self._make_train_step_fn()
        self.val_step_fn = self._make_val_step_fn()

    def to(self, device):
        try:
            self.device = device
            self.model.to(self.device)
        except RuntimeError:
            self.device = 'cuda' if torch.cuda.is_available() else 'cpu'
            print(f"Couldn't send it to {device}, sending it to {self.device} instead.")
            self.model.to(self.device)

    def set_loaders(self, train_loader, val_loader=None):
        self.train_loader = train_loader
        self.val_loader = val_loader

    def _make_train_step_fn(self):
        def perform_train_step_fn(x, y):
            self.model.train()
            yhat = self.model(x)
            loss = self.loss_fn(yhat, y)
            loss.backward()
            self.optimizer.step()
            self.optimizer.zero_grad()
            return loss.item()
        return perform_train_step_fn

    def _make_val_step_fn(self):
        def perform_val_step_fn(x, y):
            self.model.eval()
            yhat = self.model(x)
            loss = self.loss_fn(yhat, y)
            return loss.item()
        return perform_val_step_fn

    def _mini_batch(self, validation=False):
        if validation:
            data_loader = self.val_loader
            step_fn = self.val_step_fn
        else:
            data_loader = self.train_loader
            step_fn = self.train_step_fn
        if data_loader is None:
            return None
        mini_batch_losses = []
        for x_batch, y_batch in data_loader:
            x_batch = x_batch.to(self.device)
            y_batch = y_batch.to(self.device)
            mini_batch_losses.append(step_fn(x_batch, y_batch))
        return np.mean(mini_batch_losses)

    def set_seed(self, seed=42):
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
        torch.manual_seed(seed)
        np.random.seed(seed)
        random.seed(seed)
        try:
            self.train_loader.sampler.generator.manual_seed(seed)
        except AttributeError:
            pass

    def train(self, n_epochs, seed=42):
        self.set_seed(seed)
        for epoch in range(n_epochs):
            self.total_epochs += 1
            loss = self._mini_batch(validation=False)
            self.losses.append(loss)
            with torch.no_grad():
                val_loss = self._mini_batch(validation=True)
                self.val_losses.append(val_loss)

    def predict(self, x):
        self.model.eval()
        x_tensor = torch.as_tensor(x).float()
        y_hat_tensor = self.model(x_tensor.to(self.device))
        self.model.train()
        return y_hat_tensor.detach().cpu().numpy()

    def count_parameters(self):
        return sum(p.numel() for p in self.model.parameters() if p.requires_grad)

torch.manual_seed(42)
model = nn.Sequential()
model.add_module('linear', nn.Linear(1, 1))
optimizer = optim.SGD(model.parameters(), lr=0.1)
sbs = StepByStep(model, nn.MSELoss(reduction='mean'), optimizer)
sbs.set_loaders(DataLoader(train_data, batch_size=4, shuffle=True, generator=torch.Generator()), val_loader)
sbs.to('cpu')
sbs.train(n_epochs=25)
print(sbs.total_epochs, len(sbs.losses), round(float(sbs.losses[-1]), 4))
print(sbs.model.state_dict())
print(sbs.count_parameters())
new_data = np.array([.5, .3, .7]).reshape(-1, 1)
predictions = sbs.predict(new_data)
print(predictions.dtype, predictions.shape)
print(predictions)
print(torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark)

# %%
sbs.to('cuda:7' if False else 'meta-device')
print(sbs.device)
