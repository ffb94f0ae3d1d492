# Imitates a forum thread of beginner tracebacks about calling modules wrongly: a loss module given one
# argument, an activation module called with none or too many, F.relu / torch.relu passed to nn.Sequential
# where a module belongs, a layer list that nn.Sequential does not unpack, and a learner's own subclass of a loss.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Softsign(), nn.Linear(4, 1))
x, y = torch.randn(5, 3), torch.randn(5, 1)
out = model(x)
criterion = nn.MSELoss()
try:
    loss = criterion(out)
except TypeError as e:
    print(type(e).__name__, e)
loss = criterion(out, y)
print(loss, loss.grad_fn.name())
for m in (nn.L1Loss(), nn.MSELoss()):
    try:
        m(out, y, 'mean')
    except TypeError as e:
        print(type(e).__name__, e)

# %%
for act in (nn.Softsign(), nn.LogSigmoid(), nn.Tanhshrink(), nn.Mish(), nn.Hardswish(), nn.Hardsigmoid(),
            nn.Hardshrink(), nn.Softshrink()):
    try:
        act()
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        act(x, x)
    except TypeError as e:
        print(type(e).__name__, e)
    print(act(x).sum().item() == act.forward(x).sum().item())

# %%
for f in (F.relu, torch.relu, F.gelu, torch.tanh, F.softmax, F.dropout, F.max_pool2d, F.logsigmoid,
          torch.nn.init.normal_):
    try:
        nn.Sequential(nn.Linear(3, 4), f, nn.Linear(4, 1))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    nn.Sequential([nn.Linear(3, 4), nn.ReLU()])
except TypeError as e:
    print(type(e).__name__, e)
print(torch.typename(F.relu), torch.typename(torch.sigmoid), torch.typename(F.linear))

# %%
class MyLoss(nn.MSELoss):
    pass

try:
    MyLoss()(out)
except TypeError as e:
    print(type(e).__name__, e)
for pool in (nn.LPPool1d(2, 2), nn.LPPool2d(2, 2), nn.MaxUnpool2d(2), nn.FractionalMaxPool2d(2, output_size=2)):
    try:
        pool()
    except TypeError as e:
        print(type(e).__name__, e)
print(MyLoss()(out, y))
