# Imitates a lesson on writing an nn.Module: __init__ with layers, forward, printing the model, parameters and shapes.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class Net(nn.Module):
    def __init__(self, in_features=4, hidden=5, out_features=3):
        super(Net, self).__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.fc2 = nn.Linear(hidden, out_features)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        return self.fc2(x)

torch.manual_seed(0)
net = Net()
print(net)

# %%
params = list(net.parameters())
print(len(params))
print(params[0].size())
for p in params:
    print(type(p).__name__, tuple(p.shape), p.requires_grad)

# %%
for name, param in net.named_parameters():
    print(name, param.shape)

# %%
total = sum(p.numel() for p in net.parameters())
print(f"Total parameters: {total}")

# %%
inp = torch.randn(2, 4)
out = net(inp)
print(out)
print(out.shape, out.grad_fn)

# %%
net.zero_grad()
out.backward(torch.ones(2, 3))
print(net.fc2.bias.grad)
print(net.fc1.weight.grad.shape)

# %%
target = torch.tensor([[0.5, -0.5, 0.0], [1.0, 0.0, -1.0]])
criterion = nn.MSELoss()
loss = criterion(net(inp), target)
print(loss)
print(loss.grad_fn)
print(loss.grad_fn.next_functions[0][0])
print(loss.grad_fn.next_functions[0][0].next_functions[0][0])

# %%
net.zero_grad()
print('fc1.bias.grad before backward')
print(net.fc1.bias.grad)
loss.backward()
print('fc1.bias.grad after backward')
print(net.fc1.bias.grad)

# %%
learning_rate = 0.01
for f in net.parameters():
    f.data.sub_(f.grad.data * learning_rate)
print(net.fc2.bias)

# %%
net.fc3
