# Imitates Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapters 0 and 1: linear regression by hand in numpy vs torch, gradients of b and w by hand vs autograd, the
# in-place / no_grad pitfalls and their errors, accumulating grads, optimizer, MSELoss, nn.Module with nn.Parameter,
# state_dict, train/eval and nn.Sequential with add_module (tiny synthetic data).
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

# %%
true_b, true_w = 1, 2
N = 20
np.random.seed(42)
x = np.random.rand(N, 1)
epsilon = .1 * np.random.randn(N, 1)
y = true_b + true_w * x + epsilon
idx = np.arange(N)
np.random.shuffle(idx)
train_idx, val_idx = idx[:int(N * .8)], idx[int(N * .8):]
x_train, y_train = x[train_idx], y[train_idx]
x_val, y_val = x[val_idx], y[val_idx]
print(x_train.shape, y_val.shape)

# %%
np.random.seed(42)
b = np.random.randn(1)
w = np.random.randn(1)
print(b, w)
yhat = b + w * x_train
error = (yhat - y_train)
loss = (error ** 2).mean()
print(loss)
b_grad = 2 * error.mean()
w_grad = 2 * (x_train * error).mean()
print(b_grad, w_grad)
lr = 0.1
b = b - lr * b_grad
w = w - lr * w_grad
print(b, w)

# %%
device = 'cuda' if torch.cuda.is_available() else 'cpu'
x_train_tensor = torch.as_tensor(x_train).float().to(device)
y_train_tensor = torch.as_tensor(y_train).float().to(device)
print(type(x_train), type(x_train_tensor), x_train_tensor.type())
print(x_train_tensor.dtype, x_train_tensor.device)
back_to_numpy = x_train_tensor.cpu().numpy()
print(type(back_to_numpy), back_to_numpy.dtype)

# %%
torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
w = torch.randn(1, requires_grad=True, dtype=torch.float, device=device)
print(b, w)
try:
    b.numpy()
except Exception as e:
    print(type(e).__name__, e)
print(b.detach().cpu().numpy())

# %%
yhat = b + w * x_train_tensor
error = (yhat - y_train_tensor)
loss = (error ** 2).mean()
loss.backward()
print(error.requires_grad, yhat.requires_grad, b.requires_grad, w.requires_grad)
print(y_train_tensor.requires_grad, x_train_tensor.requires_grad)
print(b.grad, w.grad)
manual_b = 2 * error.mean()
manual_w = 2 * (x_train_tensor * error).mean()
print(manual_b, manual_w)
print(torch.allclose(manual_b, b.grad), torch.allclose(manual_w, w.grad))

# %%
# calling backward again without zeroing accumulates
yhat = b + w * x_train_tensor
loss = ((yhat - y_train_tensor) ** 2).mean()
loss.backward()
print(b.grad, w.grad)
b.grad.zero_(), w.grad.zero_()
print(b.grad, w.grad)

# %%
# the wrong ways of updating the parameters
try:
    b -= lr * b.grad
except Exception as e:
    print(type(e).__name__, e)
b2 = b
b2 = b2 - lr * b.grad
print(b2, b2.is_leaf, b2.grad_fn)
try:
    print(b2.grad)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float)
w = torch.randn(1, requires_grad=True, dtype=torch.float)
for epoch in range(100):
    yhat = b + w * x_train_tensor
    error = (yhat - y_train_tensor)
    loss = (error ** 2).mean()
    loss.backward()
    with torch.no_grad():
        b -= lr * b.grad
        w -= lr * w.grad
    b.grad.zero_()
    w.grad.zero_()
print(b, w)
print(loss.grad_fn, loss.grad_fn.next_functions)
print(yhat.grad_fn, error.grad_fn)
print(b.grad_fn, b.is_leaf)

# %%
torch.manual_seed(42)
b = torch.randn(1, requires_grad=True, dtype=torch.float)
w = torch.randn(1, requires_grad=True, dtype=torch.float)
optimizer = optim.SGD([b, w], lr=lr)
loss_fn = nn.MSELoss(reduction='mean')
print(loss_fn)
for epoch in range(100):
    yhat = b + w * x_train_tensor
    loss = loss_fn(yhat, y_train_tensor)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
print(b, w)
print(loss)
print(loss.cpu().detach().numpy(), loss.item(), loss.tolist())
print(optimizer)
try:
    loss.numpy()
except Exception as e:
    print(type(e).__name__, e)

# %%
class ManualLinearRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.b = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))
        self.w = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))

    def forward(self, x):
        return self.b + self.w * x

torch.manual_seed(42)
dummy = ManualLinearRegression()
print(list(dummy.parameters()))
print(dummy.state_dict())
print(dummy)
print(optimizer.state_dict())
dummy.train()
print(dummy.training)
dummy.eval()
print(dummy.training)

# %%
torch.manual_seed(42)
model = ManualLinearRegression().to(device)
optimizer = optim.SGD(model.parameters(), lr=lr)
for epoch in range(100):
    model.train()
    yhat = model(x_train_tensor)
    loss = loss_fn(yhat, y_train_tensor)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
print(model.state_dict())

# %%
torch.manual_seed(42)
linear = nn.Linear(1, 1)
print(linear, linear.state_dict())
model = nn.Sequential(nn.Linear(1, 1)).to(device)
print(model.state_dict())
model = nn.Sequential()
model.add_module('layer1', nn.Linear(3, 5))
model.add_module('layer2', nn.Linear(5, 1))
print(model)
print(model.state_dict().keys())
print(model.layer1, model[1])
for name, p in model.named_parameters():
    print(name, p.shape, p.requires_grad)
try:
    model.add_module('layer.3', nn.ReLU())
except Exception as e:
    print(type(e).__name__, e)
try:
    model.add_module('layer1', 5)
except Exception as e:
    print(type(e).__name__, e)
