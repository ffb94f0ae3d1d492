# Imitates the "Neural Networks" section of PyTorch's 60 minute blitz: a LeNet-style CNN on random 28x28 images.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)


class Net(nn.Module):

    def __init__(self):
        super(Net, self).__init__()
        # 1 input image channel, 6 output channels, 5x5 square convolution kernel
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        # an affine operation: y = Wx + b
        self.fc1 = nn.Linear(16 * 4 * 4, 120)  # 4*4 from the image dimension after two convs and pools
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        # Max pooling over a (2, 2) window
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        # If the size is a square, you can specify with a single number
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)  # flatten all dimensions except the batch dimension
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x


net = Net()
print(net)

# %%
params = list(net.parameters())
print(len(params))
print(params[0].size())  # conv1's .weight

# %%
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)

# %%
input = torch.randn(1, 1, 28, 28)
out = net(input)
print(out.shape)
print(out.grad_fn)

# %%
net.zero_grad()
out.backward(torch.randn(1, 10))
print(net.conv1.bias.grad.shape)

# %%
output = net(input)
target = torch.randn(10)  # a dummy target, for example
target = target.view(1, -1)  # make it the same shape as output
criterion = nn.MSELoss()

loss = criterion(output, target)
print(f"{loss.item():.4f}")

# %%
print(loss.grad_fn)  # MSELoss
print(loss.grad_fn.next_functions[0][0])  # Linear
print(loss.grad_fn.next_functions[0][0].next_functions[1][0])  # ReLU

# %%
net.zero_grad()     # zeroes the gradient buffers of all parameters

print('conv1.bias.grad before backward')
print(net.conv1.bias.grad)

loss.backward()

print('conv1.bias.grad after backward')
print(net.conv1.bias.grad.abs().sum() > 0, net.conv1.bias.grad.shape)

# %%
learning_rate = 0.01
with torch.no_grad():
    for f in net.parameters():
        f.sub_(f.grad * learning_rate)
print(f"{criterion(net(input), target).item():.4f}")

# %%
import torch.optim as optim

# create your optimizer
optimizer = optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
images = torch.randn(32, 1, 28, 28)
labels = torch.randint(0, 10, (32,))
loss_fn = nn.CrossEntropyLoss()

# in your training loop:
for step in range(8):
    optimizer.zero_grad()   # zero the gradient buffers
    output = net(images)
    loss = loss_fn(output, labels)
    loss.backward()
    optimizer.step()    # Does the update
    print(f"step {step}: loss {loss.item():.4f}")

# %%
with torch.no_grad():
    predicted = net(images).argmax(1)
print(f"train accuracy: {(predicted == labels).float().mean().item():.3f}")
