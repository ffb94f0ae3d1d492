# Imitates Simon Prince's "Understanding Deep Learning" notebooks 8.1 (MNIST-1D performance) and 10.2 (convolution
# for MNIST-1D), scaled down: a synthetic MNIST-1D-like data set made with numpy, a 1-D conv net of nn.Conv1d /
# nn.ReLU / nn.Flatten / nn.Linear, weights_init applied with model.apply using nn.init.kaiming_uniform_ (and the
# deprecated kaiming_uniform the notebook once used), torch.optim.SGD with momentum and StepLR / ExponentialLR, a
# DataLoader over TensorDataset, and train / validation loss and error percentages printed per epoch into numpy
# arrays as the notebooks do.
import numpy as np
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import StepLR, ExponentialLR
from torch.utils.data import TensorDataset, DataLoader

np.random.seed(0)
torch.manual_seed(0)

def make_mnist1d(n, length=40, n_classes=10):
    t = np.linspace(0, 1, length)
    y = np.random.randint(0, n_classes, n)
    x = np.sin(2 * np.pi * (y[:, None] + 1) * t[None, :] / 3) + 0.3 * np.random.randn(n, length)
    return {"x": x, "y": y}

data = make_mnist1d(200)
val = make_mnist1d(60)
print(data["x"].shape, data["y"].shape, data["x"].dtype, data["y"][:10])
x_train = torch.tensor(data["x"].astype("float32"))
y_train = torch.tensor(data["y"].transpose().astype("long"))
x_val = torch.tensor(val["x"].astype("float32"))
y_val = torch.tensor(val["y"].astype("long"))
print(x_train.shape, x_train.dtype, y_train.dtype, y_train[:10])
x_train_c = x_train[:, None, :]
print(x_train_c.shape, x_train.unsqueeze(1).is_contiguous(), x_train_c.stride())

# %%
D_i, D_k, D_o = 40, 100, 10
model = nn.Sequential(
    nn.Conv1d(1, 15, kernel_size=3, stride=2, padding=0),
    nn.ReLU(),
    nn.Conv1d(15, 15, kernel_size=3, stride=2, padding=0),
    nn.ReLU(),
    nn.Conv1d(15, 15, kernel_size=3, stride=2, padding=0),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(60, 10))
print(model)
n_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
print("parameters", n_params)

def weights_init(layer_in):
    if isinstance(layer_in, (nn.Linear, nn.Conv1d)):
        nn.init.kaiming_uniform_(layer_in.weight)
        layer_in.bias.data.fill_(0.0)

print(model.apply(weights_init) is model)
print(model[0].bias, model[0].weight.std().item() > 0)
lin = nn.Linear(3, 2)
nn.init.kaiming_uniform(lin.weight)
print(lin.weight.shape)
out = model(x_train_c[:4])
print(out.shape, out.grad_fn)
try:
    model(x_train[:4])
except Exception as e:
    print(type(e).__name__, e)

# %%
loss_function = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
scheduler = StepLR(optimizer, step_size=3, gamma=0.5)
data_loader = DataLoader(TensorDataset(x_train_c, y_train), batch_size=50, shuffle=True,
                         worker_init_fn=np.random.seed(1))
print(len(data_loader), scheduler.get_last_lr(), optimizer.param_groups[0]["initial_lr"])
n_epoch = 7
errors_train = np.zeros((n_epoch))
errors_val = np.zeros((n_epoch))
losses_train = np.zeros((n_epoch))
losses_val = np.zeros((n_epoch))
for epoch in range(n_epoch):
    for i, batch in enumerate(data_loader):
        x_batch, y_batch = batch
        optimizer.zero_grad()
        pred = model(x_batch)
        loss = loss_function(pred, y_batch)
        loss.backward()
        optimizer.step()
    pred_train = model(x_train_c)
    pred_val = model(x_val[:, None, :])
    _, predicted_train_class = torch.max(pred_train.data, 1)
    _, predicted_val_class = torch.max(pred_val.data, 1)
    errors_train[epoch] = 100 - 100 * (predicted_train_class == y_train).float().sum() / len(y_train)
    errors_val[epoch] = 100 - 100 * (predicted_val_class == y_val).float().sum() / len(y_val)
    losses_train[epoch] = loss_function(pred_train, y_train).item()
    losses_val[epoch] = loss_function(pred_val, y_val).item()
    print(f"Epoch {epoch:5d}, train loss {losses_train[epoch]:.6f}, train error {errors_train[epoch]:3.2f}, "
          f" val loss {losses_val[epoch]:.6f}, percent error {errors_val[epoch]:3.2f}, lr {scheduler.get_last_lr()[0]:.4f}")
    scheduler.step()
print(errors_train.dtype, losses_val.round(3))
print(scheduler.state_dict())
predicted_val_class[:10], pred_val.data.requires_grad

# %%
torch.manual_seed(1)
model2 = nn.Sequential(nn.Linear(D_i, D_k), nn.ReLU(), nn.Linear(D_k, D_k), nn.ReLU(), nn.Linear(D_k, D_o))
model2.apply(weights_init)
optimizer = torch.optim.SGD(model2.parameters(), lr=0.1)
scheduler = ExponentialLR(optimizer, gamma=0.9)
for epoch in range(4):
    optimizer.zero_grad()
    loss = loss_function(model2(x_train), y_train)
    loss.backward()
    optimizer.step()
    scheduler.step()
    print(epoch, f"{loss.item():.5f}", [f"{lr:.5f}" for lr in scheduler.get_last_lr()], optimizer.param_groups[0]["lr"])
print(scheduler, type(scheduler).__mro__[1].__name__)
try:
    StepLR(optimizer)
except Exception as e:
    print(type(e).__name__, e)
sched3 = StepLR(torch.optim.SGD(model2.parameters(), lr=0.1), step_size=2)
sched3.step()
print(sched3.get_last_lr(), sched3.last_epoch)
