# Imitates the Temporal Convolutional Network code (locuslab/TCN's TemporalBlock with weight_norm, Chomp1d, dilated
# causal Conv1d) and the WaveNet-style lessons: causal padding and chomping, the receptive field per level, weight
# init with normal_(0, 0.01), the adding problem data, training a few steps with Adam and gradient clipping, and the
# same block with parametrizations.weight_norm (weight_g / weight_v vs original0 / original1).
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import weight_norm

# %%
class Chomp1d(nn.Module):
    def __init__(self, chomp_size):
        super(Chomp1d, self).__init__()
        self.chomp_size = chomp_size
    def forward(self, x):
        return x[:, :, :-self.chomp_size].contiguous()

class TemporalBlock(nn.Module):
    def __init__(self, n_inputs, n_outputs, kernel_size, stride, dilation, padding, dropout=0.2):
        super(TemporalBlock, self).__init__()
        self.conv1 = weight_norm(nn.Conv1d(n_inputs, n_outputs, kernel_size, stride=stride, padding=padding,
                                           dilation=dilation))
        self.chomp1 = Chomp1d(padding)
        self.relu1 = nn.ReLU()
        self.dropout1 = nn.Dropout(dropout)
        self.conv2 = weight_norm(nn.Conv1d(n_outputs, n_outputs, kernel_size, stride=stride, padding=padding,
                                           dilation=dilation))
        self.chomp2 = Chomp1d(padding)
        self.relu2 = nn.ReLU()
        self.dropout2 = nn.Dropout(dropout)
        self.net = nn.Sequential(self.conv1, self.chomp1, self.relu1, self.dropout1,
                                 self.conv2, self.chomp2, self.relu2, self.dropout2)
        self.downsample = nn.Conv1d(n_inputs, n_outputs, 1) if n_inputs != n_outputs else None
        self.relu = nn.ReLU()
        self.init_weights()
    def init_weights(self):
        self.conv1.weight.data.normal_(0, 0.01)
        self.conv2.weight.data.normal_(0, 0.01)
        if self.downsample is not None:
            self.downsample.weight.data.normal_(0, 0.01)
    def forward(self, x):
        out = self.net(x)
        res = x if self.downsample is None else self.downsample(x)
        return self.relu(out + res)

class TemporalConvNet(nn.Module):
    def __init__(self, num_inputs, num_channels, kernel_size=2, dropout=0.2):
        super(TemporalConvNet, self).__init__()
        layers = []
        num_levels = len(num_channels)
        for i in range(num_levels):
            dilation_size = 2 ** i
            in_channels = num_inputs if i == 0 else num_channels[i - 1]
            out_channels = num_channels[i]
            layers += [TemporalBlock(in_channels, out_channels, kernel_size, stride=1, dilation=dilation_size,
                                     padding=(kernel_size - 1) * dilation_size, dropout=dropout)]
        self.network = nn.Sequential(*layers)
    def forward(self, x):
        return self.network(x)

torch.manual_seed(0)
tcn = TemporalConvNet(2, [8, 8, 8], kernel_size=3, dropout=0.0)
print(tcn.network[0])
print([n for n, _ in tcn.network[0].named_parameters()])
x = torch.randn(4, 2, 20)
y = tcn(x)
print(y.shape, y.grad_fn)
rf = 1 + sum(2 * (3 - 1) * 2 ** i for i in range(3))
print("receptive field", rf)
tcn.network[0].conv1.weight_g[:3, 0, 0], tcn.network[0].conv1.weight.grad_fn

# %%
x = torch.zeros(1, 2, 20, requires_grad=True)
out = tcn(x)
out[0, :, 10].sum().backward()
print((x.grad[0].abs().sum(0) > 0).nonzero().squeeze().tolist())
causal = nn.Conv1d(1, 1, 3, padding=2, dilation=1, bias=False)
nn.init.ones_(causal.weight)
seq = torch.arange(6.).view(1, 1, 6)
print(causal(seq), Chomp1d(2)(causal(seq)))
F.pad(seq, (2, 0)), F.conv1d(F.pad(seq, (4, 0)), torch.ones(1, 1, 3), dilation=2)

# %%
def data_generator(N, seq_length):
    X_num = torch.rand([N, 1, seq_length])
    X_mask = torch.zeros([N, 1, seq_length])
    Y = torch.zeros([N, 1])
    for i in range(N):
        positions = torch.randperm(seq_length)[:2]
        X_mask[i, 0, positions[0]] = 1
        X_mask[i, 0, positions[1]] = 1
        Y[i, 0] = X_num[i, 0, positions[0]] + X_num[i, 0, positions[1]]
    X = torch.cat((X_num, X_mask), dim=1)
    return X, Y

class TCN(nn.Module):
    def __init__(self, input_size, output_size, num_channels, kernel_size, dropout):
        super(TCN, self).__init__()
        self.tcn = TemporalConvNet(input_size, num_channels, kernel_size=kernel_size, dropout=dropout)
        self.linear = nn.Linear(num_channels[-1], output_size)
        self.init_weights()
    def init_weights(self):
        self.linear.weight.data.normal_(0, 0.01)
    def forward(self, x):
        y1 = self.tcn(x)
        return self.linear(y1[:, :, -1])

torch.manual_seed(1)
X_train, Y_train = data_generator(64, 20)
model = TCN(2, 1, [10, 10, 10], kernel_size=4, dropout=0.1)
optimizer = torch.optim.Adam(model.parameters(), lr=4e-3)
model.train()
for epoch in range(3):
    for i in range(0, 64, 16):
        x, y = X_train[i:i + 16], Y_train[i:i + 16]
        optimizer.zero_grad()
        output = model(x)
        loss = F.mse_loss(output, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.2)
        optimizer.step()
    print(f"epoch {epoch} loss {loss.item():.6f}")
model.eval()
with torch.no_grad():
    print(F.mse_loss(model(X_train), Y_train))
model.tcn.network[2].conv2.weight_v.grad.norm()

# %%
torch.manual_seed(0)
c = nn.utils.parametrizations.weight_norm(nn.Conv1d(2, 4, 3, dilation=2, padding=4))
print(c)
print(c.parametrizations.weight.original0.shape, c.parametrizations.weight.original1.shape)
print(torch.allclose(c.weight, torch._weight_norm(c.parametrizations.weight.original1, c.parametrizations.weight.original0, 0)))
out = c(torch.randn(1, 2, 8))
out.sum().backward()
print(out.shape, c.parametrizations.weight.original0.grad.view(-1))
old = weight_norm(nn.Linear(3, 2), dim=None)
print(old.weight_g, old.weight_g.shape)
nn.utils.parametrize.remove_parametrizations(c, "weight")
c, [n for n, _ in c.named_parameters()]
