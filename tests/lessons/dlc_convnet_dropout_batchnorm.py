# Imitates fleuret.org/dlc practicals 4 and 5 ("convnet on MNIST", "dropout and batchnorm", "nn.Module and
# Parameters"): a small convnet with nn.Conv2d / F.max_pool2d / F.relu on random 1x28x28 'MNIST', counting errors,
# train vs eval outputs with dropout and batchnorm. Scaled down and on random data.
import torch
from torch import nn
from torch.nn import functional as F

# %%
class Net(nn.Module):
    def __init__(self, nb_hidden=20):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, kernel_size=5)
        self.conv2 = nn.Conv2d(4, 8, kernel_size=5)
        self.fc1 = nn.Linear(128, nb_hidden)
        self.fc2 = nn.Linear(nb_hidden, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), kernel_size=3, stride=3))
        x = F.relu(F.max_pool2d(self.conv2(x), kernel_size=2, stride=2))
        x = F.relu(self.fc1(x.view(-1, 128)))
        x = self.fc2(x)
        return x

torch.manual_seed(0)
model = Net()
print(model)
print(sum(p.numel() for p in model.parameters()))
train_input = torch.randn(16, 1, 28, 28)
train_target = torch.randint(0, 10, (16,))
print(model(train_input).shape)

# %%
def compute_nb_errors(model, data_input, data_target, mini_batch_size=4):
    nb_data_errors = 0
    for b in range(0, data_input.size(0), mini_batch_size):
        output = model(data_input.narrow(0, b, mini_batch_size))
        _, predicted_classes = torch.max(output, 1)
        for k in range(mini_batch_size):
            if data_target[b + k] != predicted_classes[k]:
                nb_data_errors = nb_data_errors + 1
    return nb_data_errors

def train_model(model, train_input, train_target, mini_batch_size=4, nb_epochs=3):
    criterion = nn.CrossEntropyLoss()
    eta = 1e-1
    for e in range(nb_epochs):
        acc_loss = 0
        for b in range(0, train_input.size(0), mini_batch_size):
            output = model(train_input.narrow(0, b, mini_batch_size))
            loss = criterion(output, train_target.narrow(0, b, mini_batch_size))
            acc_loss = acc_loss + loss.item()
            model.zero_grad()
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    p -= eta * p.grad
        print(e, round(acc_loss, 3))

train_model(model, train_input, train_target)
print('train_error {:.02f}%'.format(100 * compute_nb_errors(model, train_input, train_target) / 16))

# %%
try:
    model(torch.randn(2, 28, 28, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.max_pool2d(torch.randn(1, 1, 2, 2), kernel_size=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    model.fc1(torch.randn(3, 127))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(0)
x = torch.full((3, 8), 1.0)
dropout = nn.Dropout(p=0.5)
print(dropout)
print(dropout(x))
dropout.eval()
print(dropout(x), dropout.training)
print(F.dropout(x, p=0.25, training=False))
try:
    nn.Dropout(p=1.5)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(0)
bn = nn.BatchNorm1d(3)
x = torch.randn(6, 3) * 4 + 2
y = bn(x)
print(bn)
print(y.mean(0).abs().max() < 1e-5, y.std(0, unbiased=False))
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn.eval()
print(bn(x)[:2])
print([n for n, _ in bn.named_buffers()], [n for n, _ in bn.named_parameters()])
bn.train()
try:
    bn(torch.randn(1, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    bn(torch.randn(4, 5))
except Exception as e:
    print(type(e).__name__, e)

# %%
class WithParams(nn.Module):
    def __init__(self):
        super().__init__()
        self.alpha = nn.Parameter(torch.tensor([0.5]))
        self.register_buffer('count', torch.zeros(()))
        self.plain = torch.ones(2)
    def forward(self, x):
        self.count += 1
        return self.alpha * x

m = WithParams()
print([n for n, _ in m.named_parameters()], dict(m.state_dict()))
print(m.alpha)
y = m(torch.tensor([1., 2.]))
y.sum().backward()
print(m.alpha.grad, m.count, y)
