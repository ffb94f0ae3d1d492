# d2l "Dropout" from scratch and "Numerical Stability and Initialization": dropout_layer with masks, a Net with
# is_training, vanishing sigmoid gradients, exploding products of random matrices, Xavier by hand.
import math
import torch
from torch import nn

def dropout_layer(X, dropout):
    assert 0 <= dropout <= 1
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X
    mask = (torch.rand(X.shape) > dropout).float()
    return mask * X / (1.0 - dropout)

torch.manual_seed(0)
X = torch.arange(16, dtype=torch.float32).reshape((2, 8))
print(X)
print(dropout_layer(X, 0.))
print(dropout_layer(X, 0.5))
print(dropout_layer(X, 1.))
try:
    dropout_layer(X, 1.5)
except AssertionError as e:
    print('AssertionError', repr(e))

# %%
num_inputs, num_outputs, num_hiddens1, num_hiddens2 = 784, 10, 256, 256
dropout1, dropout2 = 0.2, 0.5

class Net(nn.Module):
    def __init__(self, num_inputs, num_outputs, num_hiddens1, num_hiddens2, is_training=True):
        super(Net, self).__init__()
        self.num_inputs = num_inputs
        self.training = is_training
        self.lin1 = nn.Linear(num_inputs, num_hiddens1)
        self.lin2 = nn.Linear(num_hiddens1, num_hiddens2)
        self.lin3 = nn.Linear(num_hiddens2, num_outputs)
        self.relu = nn.ReLU()

    def forward(self, X):
        H1 = self.relu(self.lin1(X.reshape((-1, self.num_inputs))))
        if self.training == True:
            H1 = dropout_layer(H1, dropout1)
        H2 = self.relu(self.lin2(H1))
        if self.training == True:
            H2 = dropout_layer(H2, dropout2)
        out = self.lin3(H2)
        return out

net = Net(num_inputs, num_outputs, num_hiddens1, num_hiddens2)
imgs = torch.rand(4, 1, 28, 28)
print(net(imgs).shape)
net.eval()
a = net(imgs); b = net(imgs)
print(torch.equal(a, b), net.training)
net.train()
print(torch.equal(net(imgs), net(imgs)))

# %%
drop = nn.Dropout(p=0.5)
print(drop, drop.training)
torch.manual_seed(1)
h = torch.ones(3, 6)
print(drop(h))
drop.eval()
print(drop(h))
try:
    nn.Dropout(p=1.2)
except ValueError as e:
    print(e)
print(nn.Dropout(0.3, inplace=True))

# %%
x = torch.arange(-8.0, 8.0, 2.0, requires_grad=True)
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))
print(x.grad)
print(f'max grad {x.grad.max().item():.4f} at x={x[x.grad.argmax()].item()}')

# %%
torch.manual_seed(2)
M = torch.normal(0, 1, size=(4, 4))
print('a single matrix \n', M)
for i in range(100):
    M = M @ torch.normal(0, 1, size=(4, 4))
print('after multiplying 100 matrices\n', M)
print(torch.isinf(M).any(), M.abs().max() > 1e20)

# %%
fan_in, fan_out = 64, 32
bound = math.sqrt(6 / (fan_in + fan_out))
torch.manual_seed(3)
W = torch.empty(fan_out, fan_in).uniform_(-bound, bound)
print(round(bound, 4), W.shape, W.var().item() > 0)
lin = nn.Linear(fan_in, fan_out)
nn.init.xavier_uniform_(lin.weight)
print(lin.weight.abs().max() <= bound)
h = torch.randn(256, fan_in)
for k in range(5):
    lin_k = nn.Linear(fan_in, fan_in)
    nn.init.xavier_normal_(lin_k.weight)
    h = torch.tanh(lin_k(h))
    print(k, f'{h.std().item():.3f}')
