# Imitates PyTorch's recipe "Reasoning about Shapes in PyTorch": forward hooks print every layer's output shape
# (the recipe's meta-device part left out: the engine has only the cpu device), and the conv shape arithmetic.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)  # flatten all dimensions except batch
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

# %%
def fw_hook(module, input, output):
    print(f"Shape of output to {module} is {output.shape}.")


# The recipe builds the net and its input on the meta device (torch.device("meta")); here on the CPU, with a
# smaller batch.
torch.manual_seed(0)
net = Net()
inp = torch.randn((16, 3, 32, 32))

for name, layer in net.named_modules():
    layer.register_forward_hook(fw_hook)

out = net(inp)

# %%
print(out.shape, out.requires_grad, out.grad_fn)

# %%
# the same shapes on real data, with the hooks printing as it runs
torch.manual_seed(0)
net_cpu = Net()
handles = [layer.register_forward_hook(fw_hook) for _, layer in net_cpu.named_children()]
y = net_cpu(torch.randn(2, 3, 32, 32))
for h in handles:
    h.remove()
print(y.shape)
y = net_cpu(torch.randn(2, 3, 32, 32))
print(y.shape)

# %%
# the shape arithmetic by hand: out = floor((in + 2*pad - dilation*(k-1) - 1)/stride + 1)
def conv_out(n, k, stride=1, pad=0, dilation=1):
    return (n + 2 * pad - dilation * (k - 1) - 1) // stride + 1

x = torch.randn(1, 3, 32, 32)
for k, s, p, d in [(5, 1, 0, 1), (3, 2, 1, 1), (3, 1, 2, 2), (4, 3, 0, 1)]:
    c = nn.Conv2d(3, 2, k, stride=s, padding=p, dilation=d)
    print(k, s, p, d, tuple(c(x).shape), conv_out(32, k, s, p, d))

# %%
try:
    net_cpu(torch.randn(2, 3, 28, 28))
except RuntimeError as e:
    print(e)

# %%
try:
    nn.Conv2d(3, 6, 5)(torch.randn(2, 1, 32, 32))
except RuntimeError as e:
    print(e)
