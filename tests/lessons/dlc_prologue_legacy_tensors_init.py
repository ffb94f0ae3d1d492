# Imitates the helper code of fleuret.org/dlc practicals (dlc_practical_prologue: one-hot targets with new_zeros and
# scatter_, scaling targets by 0.9, narrow'ed subsets) and older-slide idioms students still type: Variable,
# torch.FloatTensor / LongTensor / Tensor(2, 3), .data, .type(), x.grad.data.zero_(); and practical 6 ("going
# deeper"): deep MLPs in nn.ModuleList, nn.init, per-layer gradient norms.
import math
import torch
from torch import nn
from torch.autograd import Variable

# %%
def convert_to_one_hot_labels(input, target):
    tmp = input.new_zeros(target.size(0), target.max() + 1)
    tmp.scatter_(1, target.view(-1, 1), 1.0)
    return tmp

torch.manual_seed(0)
train_input = torch.randn(10, 4)
train_target = torch.randint(0, 4, (10,))
oh = convert_to_one_hot_labels(train_input, train_target)
print(train_target, oh, oh.dtype)
print(oh * 0.9, oh.mul(0.9).sum(1))
zeta = 0.90
print(oh.argmax(1).eq(train_target).all())
print(torch.nn.functional.one_hot(train_target, 5))
try:
    oh.scatter_(1, train_target.view(-1, 1).float(), 1.0)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    oh.scatter_(1, train_target.view(-1, 1) + 4, 1.0)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
a = torch.FloatTensor(2, 3).zero_()
b = torch.LongTensor([1, 2, 3])
c = torch.Tensor(2, 2).fill_(1.5)
print(a, b, c, a.type(), b.type(), c.type())
print(b.type(torch.FloatTensor), b.type('torch.DoubleTensor').dtype)
print(torch.ByteTensor([1, 0, 3]), torch.IntTensor(2).zero_().dtype)
print(isinstance(a, torch.FloatTensor), isinstance(b, torch.FloatTensor))
d = torch.Tensor([[1, 2], [3, 4]])
print(d, d.dtype, d.size(), d.dim(), d.numel())
try:
    torch.FloatTensor([1, 2], dtype=torch.float64)
except TypeError as e:
    print(type(e).__name__, e)

# %%
x = Variable(torch.tensor([1., 2., 3.]), requires_grad=True)
print(x, type(x).__name__, x.requires_grad)
y = (x * x).sum()
y.backward()
print(x.grad, x.grad.data)
x.grad.data.zero_()
print(x.grad)
w = torch.tensor([0.5, -1.0], requires_grad=True)
w.data.mul_(2)
print(w, w.data, w.data.requires_grad, w.is_leaf)
for _ in range(3):
    loss = (w - 1).pow(2).sum()
    loss.backward()
    w.data -= 0.1 * w.grad.data
    w.grad.data.zero_()
print(w)
print(Variable(torch.ones(2)).requires_grad)

# %%
class DeepNet(nn.Module):
    def __init__(self, nb_layers, width, std=None):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(width, width) for _ in range(nb_layers)])
        self.out = nn.Linear(width, 2)
        if std is not None:
            with torch.no_grad():
                for l in self.layers:
                    l.weight.normal_(0, std)
                    l.bias.zero_()
    def forward(self, x):
        for l in self.layers:
            x = torch.tanh(l(x))
        return self.out(x)

torch.manual_seed(1)
x = torch.randn(16, 8)
t = torch.randint(0, 2, (16,))
for std in [None, 1e-3, 1.0, 10.0]:
    model = DeepNet(6, 8, std)
    loss = nn.CrossEntropyLoss()(model(x), t)
    model.zero_grad()
    loss.backward()
    print(std, round(loss.item(), 5), [round(l.weight.grad.norm().item(), 6) for l in model.layers])
print(model.layers, len(model.layers), model.layers[-1])

# %%
torch.manual_seed(2)
l = nn.Linear(100, 50)
print(l.weight.std() * math.sqrt(3 * 100), l.bias.abs().max() <= 1 / math.sqrt(100))
nn.init.xavier_normal_(l.weight)
print(l.weight.std())
nn.init.kaiming_uniform_(l.weight, nonlinearity='relu')
print(l.weight.abs().max() <= math.sqrt(6 / 100))
print(nn.init.calculate_gain('tanh'), nn.init.calculate_gain('leaky_relu', 0.2), nn.init.calculate_gain('relu'))
nn.init.constant_(l.bias, 0.1)
print(l.bias[:5])
try:
    nn.init.xavier_uniform_(torch.empty(5))
except ValueError as e:
    print(type(e).__name__, e)
try:
    nn.init.calculate_gain('foo')
except ValueError as e:
    print(type(e).__name__, e)
nn.init.orthogonal_(l.weight)
print(torch.allclose(l.weight @ l.weight.t(), torch.eye(50), atol=1e-5))
