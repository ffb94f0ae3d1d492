# Imitates 刘二大人《PyTorch深度学习实践》 lectures 2-4 as learners retype them: 线性模型 (exhaustive search over w
# with numpy, forward/loss as plain functions), 梯度下降 (cost over the whole set, gradient by hand, then SGD one
# sample at a time), 反向传播 (w = torch.Tensor([1.0]); w.requires_grad = True, l.backward(), w.grad.item(),
# w.data = w.data - 0.01 * w.grad.data, w.grad.data.zero_()), the homework y = w1*x^2 + w2*x + b, and the usual
# slips (summing l instead of l.item(), backward twice, zero_() before the first backward).
import numpy as np
import torch

# %%
x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]

def forward(x):
    return x * w

def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) * (y_pred - y)

w_list = []
mse_list = []
for w in np.arange(0.0, 4.1, 0.5):
    print('w=', w)
    l_sum = 0
    for x_val, y_val in zip(x_data, y_data):
        y_pred_val = forward(x_val)
        loss_val = loss(x_val, y_val)
        l_sum += loss_val
        print('\t', x_val, y_val, y_pred_val, loss_val)
    print('MSE=', l_sum / 3)
    w_list.append(w)
    mse_list.append(l_sum / 3)
print(f"最小的 MSE 出现在 w = {w_list[int(np.argmin(mse_list))]}")

# %%
w = 1.0

def cost(xs, ys):
    cost = 0
    for x, y in zip(xs, ys):
        y_pred = forward(x)
        cost += (y_pred - y) ** 2
    return cost / len(xs)

def gradient(xs, ys):
    grad = 0
    for x, y in zip(xs, ys):
        grad += 2 * x * (x * w - y)
    return grad / len(xs)

print('Predict (before training)', 4, forward(4))
for epoch in range(20):
    cost_val = cost(x_data, y_data)
    grad_val = gradient(x_data, y_data)
    w -= 0.01 * grad_val
    if epoch % 5 == 0:
        print('Epoch:', epoch, 'w=', w, 'loss=', cost_val)
print('Predict (after training)', 4, forward(4))

# %%
w = 1.0
def gradient(x, y):
    return 2 * x * (x * w - y)

for epoch in range(5):
    for x, y in zip(x_data, y_data):
        grad = gradient(x, y)
        w = w - 0.01 * grad
        print("\tgrad: ", x, y, grad)
        l = loss(x, y)
    print("progress:", epoch, "w=", w, "loss=", l)
print('predict (after training)', 4, forward(4))

# %%
w = torch.Tensor([1.0])
w.requires_grad = True

def forward(x):
    return x * w

def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) ** 2

print("predict (before training)", 4, forward(4).item())
print(forward(4), w.grad, w.is_leaf, forward(4).grad_fn)
for epoch in range(10):
    for x, y in zip(x_data, y_data):
        l = loss(x, y)
        l.backward()
        print('\tgrad:', x, y, w.grad.item())
        w.data = w.data - 0.01 * w.grad.data
        w.grad.data.zero_()
    print("progress:", epoch, l.item())
print("predict (after training)", 4, forward(4).item())
l, w, w.grad, w.data

# %%
w = torch.Tensor([1.0])
w.requires_grad = True
try:
    w.grad.data.zero_()
except Exception as e:
    print(type(e).__name__, e)
l = loss(1.0, 2.0)
l.backward()
try:
    l.backward()
except Exception as e:
    print(type(e).__name__, e)
sum_l = 0
for x, y in zip(x_data, y_data):
    l = loss(x, y)
    sum_l += l
print(sum_l, type(sum_l), sum_l.grad_fn)
sum_l = 0
for x, y in zip(x_data, y_data):
    sum_l += loss(x, y).item()
print(sum_l, type(sum_l))
print(w.grad, w.grad.data, w.grad.item(), w.data.requires_grad, w.grad.requires_grad)
try:
    print(w.numpy())
except Exception as e:
    print(type(e).__name__, e)
print(w.detach().numpy(), w.data.numpy(), w.tolist(), float(w.data))
for new in [w.data.item() - 0.01 * w.grad.item(), [0.5], torch.tensor([2]), None]:
    try:
        w.data = new
    except Exception as e:
        print(type(e).__name__, e)
w.data = torch.tensor([0.5, 1.5])
print(w, w.requires_grad, w.grad)

# %%
# 作业: y = w1 * x^2 + w2 * x + b
w1 = torch.tensor([1.0], requires_grad=True)
w2 = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)

def forward(x):
    return w1 * x ** 2 + w2 * x + b

def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) ** 2

print('Predict (before training)', 4, forward(4).item())
for epoch in range(100):
    for x, y in zip(x_data, y_data):
        l = loss(x, y)
        l.backward()
        w1.data = w1.data - 0.01 * w1.grad.data
        w2.data = w2.data - 0.01 * w2.grad.data
        b.data = b.data - 0.01 * b.grad.data
        w1.grad.data.zero_()
        w2.grad.data.zero_()
        b.grad.data.zero_()
    if epoch % 20 == 0:
        print('progress:', epoch, l.item())
print('Predict (after training)', 4, forward(4).item())
print(f"w1 = {w1.item():.4f}, w2 = {w2.item():.4f}, b = {b.item():.4f}")
print(f"训练后的参数: {w1.data}, {w2.data}, {b.data}")
w1, w1.grad, forward(torch.tensor([4.0, 5.0]))
