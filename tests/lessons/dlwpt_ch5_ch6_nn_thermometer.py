# Imitates Stevens, Antiga & Viehmann, "Deep Learning with PyTorch", chapters 5 and 6 (p1ch5/p1ch6 notebooks): the
# train/validation split with calc_forward under torch.set_grad_enabled(is_train), then the thermometer with
# nn.Linear (unsqueeze(1) inputs, linear_model(x), weight/bias, batched inputs, the shape error of a 1-D batch),
# training_loop with nn.MSELoss, nn.Sequential with an OrderedDict of named layers, named_parameters,
# seq_model.hidden_linear.weight.grad, and the 'Epoch %d, Training loss %.4f, Validation loss %.4f' prints.
from collections import OrderedDict
import torch
import torch.nn as nn
import torch.optim as optim

torch.set_printoptions(edgeitems=2, linewidth=75)
t_c = [0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]
t_u = [35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]
t_c = torch.tensor(t_c).unsqueeze(1)
t_u = torch.tensor(t_u).unsqueeze(1)
print(t_u.shape)
torch.manual_seed(0)
n_samples = t_u.shape[0]
n_val = int(0.2 * n_samples)
shuffled_indices = torch.randperm(n_samples)
train_indices = shuffled_indices[:-n_val]
val_indices = shuffled_indices[-n_val:]
print(train_indices, val_indices)
t_u_train = t_u[train_indices]
t_c_train = t_c[train_indices]
t_u_val = t_u[val_indices]
t_c_val = t_c[val_indices]
t_un_train = 0.1 * t_u_train
t_un_val = 0.1 * t_u_val

# %%
def model(t_u, w, b):
    return w * t_u + b

def loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c)**2
    return squared_diffs.mean()

def calc_forward(t_u, t_c, is_train):
    with torch.set_grad_enabled(is_train):
        t_p = model(t_u, *params)
        loss = loss_fn(t_p, t_c)
    return loss

params = torch.tensor([1.0, 0.0], requires_grad=True)
optimizer = optim.SGD([params], lr=1e-2)
for epoch in range(1, 501):
    train_loss = calc_forward(t_un_train, t_c_train, True)
    val_loss = calc_forward(t_un_val, t_c_val, False)
    optimizer.zero_grad()
    train_loss.backward()
    optimizer.step()
    if epoch == 1 or epoch % 100 == 0:
        print('Epoch %d, Training loss %.4f, Validation loss %.4f' % (epoch, float(train_loss), float(val_loss)))
print(params, val_loss.requires_grad, val_loss.grad_fn, train_loss.grad_fn)
print(torch.is_grad_enabled())

# %%
linear_model = nn.Linear(1, 1)
print(linear_model(t_un_val))
print(linear_model.weight, linear_model.bias)
x = torch.ones(1)
print(linear_model(x))
x = torch.ones(10, 1)
print(linear_model(x))
try:
    linear_model(torch.ones(10))
except Exception as e:
    print(type(e).__name__, e)
print(linear_model.parameters(), list(linear_model.parameters()))
optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)
print(optimizer.param_groups[0]['lr'], len(optimizer.param_groups[0]['params']))

# %%
def training_loop(n_epochs, optimizer, model, loss_fn, t_u_train, t_u_val, t_c_train, t_c_val):
    for epoch in range(1, n_epochs + 1):
        t_p_train = model(t_u_train)
        loss_train = loss_fn(t_p_train, t_c_train)
        t_p_val = model(t_u_val)
        loss_val = loss_fn(t_p_val, t_c_val)
        optimizer.zero_grad()
        loss_train.backward()
        optimizer.step()
        if epoch == 1 or epoch % 500 == 0:
            print(f"Epoch {epoch}, Training loss {loss_train.item():.4f},"
                  f" Validation loss {loss_val.item():.4f}")

torch.manual_seed(1)
linear_model = nn.Linear(1, 1)
optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)
training_loop(n_epochs=2000, optimizer=optimizer, model=linear_model, loss_fn=nn.MSELoss(),
              t_u_train=t_un_train, t_u_val=t_un_val, t_c_train=t_c_train, t_c_val=t_c_val)
print()
print(linear_model.weight)
print(linear_model.bias)

# %%
torch.manual_seed(2)
seq_model = nn.Sequential(
            nn.Linear(1, 13),
            nn.Tanh(),
            nn.Linear(13, 1))
print(seq_model)
print([param.shape for param in seq_model.parameters()])
for name, param in seq_model.named_parameters():
    print(name, param.shape)
seq_model = nn.Sequential(OrderedDict([
    ('hidden_linear', nn.Linear(1, 8)),
    ('hidden_activation', nn.Tanh()),
    ('output_linear', nn.Linear(8, 1))
]))
print(seq_model)
for name, param in seq_model.named_parameters():
    print(name, param.shape)
print(seq_model.output_linear.bias)
try:
    seq_model[3]
except Exception as e:
    print(type(e).__name__, e)
print(seq_model[0] is seq_model.hidden_linear, seq_model[-1])

# %%
optimizer = optim.SGD(seq_model.parameters(), lr=1e-3)
training_loop(n_epochs=2000, optimizer=optimizer, model=seq_model, loss_fn=nn.MSELoss(),
              t_u_train=t_un_train, t_u_val=t_un_val, t_c_train=t_c_train, t_c_val=t_c_val)
print('output', seq_model(t_un_val))
print('answer', t_c_val)
print('hidden', seq_model.hidden_linear.weight.grad)
t_range = torch.arange(20., 90.).unsqueeze(1)
print(seq_model(0.1 * t_range).detach()[::20], t_range.shape)
neuron_count = 20
seq_model = nn.Sequential(OrderedDict([
    ('hidden_linear', nn.Linear(1, neuron_count)),
    ('hidden_activation', nn.Tanh()),
    ('output_linear', nn.Linear(neuron_count, 1))
]))
print(sum(p.numel() for p in seq_model.parameters()), seq_model.hidden_linear.weight.grad)
