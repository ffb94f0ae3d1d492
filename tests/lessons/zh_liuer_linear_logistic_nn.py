# Imitates 刘二大人《PyTorch深度学习实践》 lectures 5-6: 用PyTorch实现线性回归 (LinearModel(torch.nn.Module) with
# torch.nn.Linear(1, 1), MSELoss(size_average=False) as in the slides and reduction='sum' as newer copies write it,
# SGD, print(epoch, loss.item()), w/b via .item(), y_pred = tensor of x_test) and the homework trying the other
# optimizers (Adagrad, Adam, Adamax, ASGD, LBFGS with a closure, RMSprop, Rprop); 逻辑斯蒂回归 (torch.sigmoid /
# F.sigmoid, BCELoss(size_average=False), np.linspace test points, y_t.data.numpy()), and the older copies of the
# slides that still wrap data in torch.autograd.Variable.
import numpy as np
import torch
import torch.nn.functional as F

# %%
x_data = torch.Tensor([[1.0], [2.0], [3.0]])
y_data = torch.Tensor([[2.0], [4.0], [6.0]])

class LinearModel(torch.nn.Module):
    def __init__(self):
        super(LinearModel, self).__init__()
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        y_pred = self.linear(x)
        return y_pred

torch.manual_seed(0)
model = LinearModel()
criterion = torch.nn.MSELoss(size_average=False)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
print(model)
print(criterion, criterion.reduction)
print(optimizer)
for epoch in range(100):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    if epoch % 10 == 0:
        print(epoch, loss)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print('w = ', model.linear.weight.item())
print('b = ', model.linear.bias.item())
x_test = torch.Tensor([[4.0]])
y_test = model(x_test)
print('y_pred = ', y_test.data)
y_test

# %%
criterion = torch.nn.MSELoss(reduction='sum')
print(criterion, torch.nn.MSELoss(size_average=True, reduce=False), torch.nn.MSELoss(reduce=False).reduction)
try:
    torch.nn.MSELoss(reduction='total')(y_pred, y_data)
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(model(torch.Tensor([1.0, 2.0, 3.0])), y_data)
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.Tensor([1.0, 2.0, 3.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(4)
except Exception as e:
    print(type(e).__name__, e)
print(model(torch.Tensor([4.0])).item(), model.linear.weight, model.linear.bias)
for name, param in model.named_parameters():
    print(name, param.data, param.shape)
list(model.parameters())

# %%
results = {}
for opt_name in ['SGD', 'Adagrad', 'Adam', 'Adamax', 'ASGD', 'RMSprop', 'Rprop', 'LBFGS']:
    torch.manual_seed(0)
    model = LinearModel()
    criterion = torch.nn.MSELoss(reduction='sum')
    optimizer = getattr(torch.optim, opt_name)(model.parameters(), lr=0.01)
    loss_list = []
    for epoch in range(30):
        def closure():
            optimizer.zero_grad()
            loss = criterion(model(x_data), y_data)
            loss.backward()
            return loss
        if opt_name == 'LBFGS':
            loss = optimizer.step(closure)
        else:
            loss = closure()
            optimizer.step()
        loss_list.append(loss.item())
    results[opt_name] = loss_list[-1]
    print(f"{opt_name:8s} 最终损失: {loss_list[-1]:.6f}  w = {model.linear.weight.item():.4f}")
print(type(optimizer).__name__, optimizer.state_dict()['param_groups'][0]['lr'])
try:
    torch.optim.LBFGS(model.parameters(), lr=0.01).step()
except Exception as e:
    print(type(e).__name__, e)
sorted(results, key=results.get)[:3]

# %%
x_data = torch.Tensor([[1.0], [2.0], [3.0]])
y_data = torch.Tensor([[0], [0], [1]])

class LogisticRegressionModel(torch.nn.Module):
    def __init__(self):
        super(LogisticRegressionModel, self).__init__()
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        y_pred = F.sigmoid(self.linear(x))
        return y_pred

torch.manual_seed(0)
model = LogisticRegressionModel()
criterion = torch.nn.BCELoss(size_average=False)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(200):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    if epoch % 40 == 0:
        print(epoch, loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(criterion)
x = np.linspace(0, 10, 200)
x_t = torch.Tensor(x).view((200, 1))
y_t = model(x_t)
y = y_t.data.numpy()
print(x_t.shape, y.shape, y.dtype, y[:3].round(4), y[-1])
print('概率超过 0.5 的最小小时数:', x[np.argmax(y[:, 0] > 0.5)])
model(torch.Tensor([[2.5]]))

# %%
try:
    torch.nn.BCELoss()(model(x_data), torch.LongTensor([[0], [0], [1]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.nn.BCELoss()(model.linear(x_data) * 10, y_data)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.nn.BCELoss()(model(x_data), y_data.view(-1))
except Exception as e:
    print(type(e).__name__, e)
print(torch.nn.BCEWithLogitsLoss(reduction='sum')(model.linear(x_data), y_data))
print(torch.nn.BCELoss(reduction='sum')(torch.sigmoid(model.linear(x_data)), y_data))
print(F.binary_cross_entropy(model(x_data), y_data, reduction='none'))
torch.sigmoid(torch.Tensor([0.0, 1.0])), torch.nn.Sigmoid()(torch.tensor(-1.0))

# %%
from torch.autograd import Variable
x_data = Variable(torch.Tensor([[1.0], [2.0], [3.0]]))
y_data = Variable(torch.Tensor([[2.0], [4.0], [6.0]]))
base = torch.Tensor([1.0])
w = Variable(base, requires_grad=True)
print(x_data, w, base.requires_grad, isinstance(w, Variable), isinstance(x_data, torch.Tensor))
torch.manual_seed(0)
model = LinearModel()
criterion = torch.nn.MSELoss(reduction='sum')
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(5):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    print(epoch, loss.data.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
hour_var = Variable(torch.Tensor([[4.0]]))
print("predict (after training)", 4, model(hour_var).data[0][0].item())
detached = Variable(model(hour_var))
print(detached, detached.requires_grad, detached.grad_fn)
for make in [lambda: loss.data[0], lambda: Variable([4.0]), lambda: Variable(torch.LongTensor([4]), requires_grad=True),
             lambda: Variable(torch.Tensor([4.0]), volatile=True, requires_grad=True)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
Variable(torch.Tensor([4.0]), volatile=True), Variable(torch.Tensor([[1.0]]), True)
