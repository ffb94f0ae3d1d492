# Imitates Patrick Loeber's (Python Engineer) "PyTorch Tutorial" 02-04 (pytorchTutorial/02_tensor_basics.py,
# 03_autograd.py, 04_backpropagation.py) as learners retype them: torch.empty / rand / zeros / ones with dtype,
# size(), y.add_(x) and friends, slicing and x[1, 1].item(), view(-1, 8), .numpy() and from_numpy sharing memory,
# the cuda check with .to(device), requires_grad and grad_fn prints, backward of a non-scalar with a vector v,
# requires_grad_(False) / detach() / no_grad, the training loop that forgets weights.grad.zero_(), and the single
# step of backpropagation by hand (x = 1, y = 2, w = 1).
import numpy as np
import torch

# %%
x = torch.empty(2, 3)
print(x.size(), x.shape, x.dtype)
x = torch.zeros(2, 2, 3)
print(x)
torch.manual_seed(42)
x = torch.rand(5, 3)
print(x)
x = torch.ones(2, 2, dtype=torch.float16)
print(x.dtype, x)
x = torch.ones(2, 2, dtype=torch.int)
print(x.dtype, x.size())
x = torch.tensor([2.5, 0.1])
print(x)

# %%
torch.manual_seed(0)
x = torch.rand(2, 2)
y = torch.rand(2, 2)
z = x + y
z = torch.add(x, y)
print(z)
y.add_(x)
print(y)
z = x - y
z = torch.sub(x, y)
print(z)
z = x * y
z = torch.mul(x, y)
print(z)
y.mul_(x)
print(y)
z = x / y
z = torch.div(x, y)
print(z)
y.sub_(x); y.div_(2)
print(y)

# %%
torch.manual_seed(1)
x = torch.rand(5, 3)
print(x)
print(x[:, 0])
print(x[1, :])
print(x[1, 1])
print(x[1, 1].item())
x = torch.randn(4, 4)
y = x.view(16)
z = x.view(-1, 8)
print(x.size(), y.size(), z.size())
try:
    x.view(-1, 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    x.view(-1, -1)
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.ones(5)
print(a)
b = a.numpy()
print(b, type(b))
a.add_(1)
print(a)
print(b)
a = np.ones(5)
b = torch.from_numpy(a)
print(a)
print(b)
a += 1
print(a)
print(b)
c = torch.tensor(a)
a += 1
print(b, c)

# %%
if torch.cuda.is_available():
    device = torch.device("cuda")
    x = torch.ones(5, device=device)
    y = torch.ones(5)
    y = y.to(device)
    z = x + y
    z = z.to("cpu")
else:
    device = torch.device("cpu")
print(device, torch.cuda.is_available())
x = torch.ones(5, device=device)
y = x.to(device, torch.double)
print(y, y.device)
x = torch.ones(5, requires_grad=True)
print(x)
try:
    x.numpy()
except Exception as e:
    print(type(e).__name__, e)
print(x.detach().numpy())

# %%
torch.manual_seed(3)
x = torch.randn(3, requires_grad=True)
print(x)
y = x + 2
print(y)
print(y.grad_fn)
z = y * y * 3
print(z)
z = z.mean()
print(z)
z.backward()
print(x.grad)

# %%
torch.manual_seed(3)
x = torch.randn(3, requires_grad=True)
y = x * 2
for _ in range(5):
    y = y * 2
print(y)
print(y.grad_fn, y.grad_fn.next_functions)
try:
    y.backward()
except Exception as e:
    print(type(e).__name__, e)
v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float32)
y.backward(v)
print(x.grad)

# %%
a = torch.randn(2, 2)
a = ((a * 3) / (a - 1))
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)
a.requires_grad_(False)
print(a.requires_grad)
x = torch.randn(3, requires_grad=True)
y = x.detach()
print(y.requires_grad, y.grad_fn)
with torch.no_grad():
    y = x + 2
    print(y, y.requires_grad)
try:
    x.requires_grad_(False)
    (x * 2).sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
weights = torch.ones(4, requires_grad=True)
for epoch in range(3):
    model_output = (weights * 3).sum()
    model_output.backward()
    print(weights.grad)
weights.grad.zero_()
for epoch in range(3):
    model_output = (weights * 3).sum()
    model_output.backward()
    print(weights.grad)
    weights.grad.zero_()
print(weights.grad)
optimizer = torch.optim.SGD([weights], lr=0.01)
optimizer.step()
optimizer.zero_grad()
print(weights, weights.grad)

# %%
x = torch.tensor(1.0)
y = torch.tensor(2.0)
w = torch.tensor(1.0, requires_grad=True)
y_predicted = w * x
loss = (y_predicted - y) ** 2
print(loss)
print(loss.grad_fn, loss.grad_fn.next_functions[0][0])
loss.backward()
print(w.grad)
with torch.no_grad():
    w -= 0.01 * w.grad
w.grad.zero_()
print(w, w.grad)
try:
    w -= 0.01
except Exception as e:
    print(type(e).__name__, e)
try:
    loss.backward()
except Exception as e:
    print(type(e).__name__, e)
