# Imitates PyTorch's "Spatial Transformer Networks Tutorial": a localisation net regressing a 2x3 affine matrix,
# initialised to the identity, F.affine_grid + F.grid_sample, a few training steps on random images.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import numpy as np

# %%
torch.manual_seed(0)
theta = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
grid = F.affine_grid(theta, (1, 1, 3, 3), align_corners=False)
print(grid.shape)
print(grid)

# %%
img = torch.arange(16.0).view(1, 1, 4, 4)
theta = torch.tensor([[[0.5, 0.0, 0.1], [0.0, 0.5, -0.2]]])
grid = F.affine_grid(theta, img.size(), align_corners=False)
out = F.grid_sample(img, grid, align_corners=False)
print(out)
print(F.grid_sample(img, grid, mode="nearest", align_corners=False))
print(F.grid_sample(img, grid, padding_mode="border", align_corners=True))

# %%
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 4, kernel_size=3)
        self.conv2 = nn.Conv2d(4, 8, kernel_size=3)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(8 * 2 * 2, 16)
        self.fc2 = nn.Linear(16, 10)
        self.localization = nn.Sequential(
            nn.Conv2d(1, 4, kernel_size=3),
            nn.MaxPool2d(2, stride=2),
            nn.ReLU(True),
            nn.Conv2d(4, 6, kernel_size=3),
            nn.MaxPool2d(2, stride=2),
            nn.ReLU(True)
        )
        self.fc_loc = nn.Sequential(
            nn.Linear(6 * 2 * 2, 32),
            nn.ReLU(True),
            nn.Linear(32, 3 * 2)
        )
        self.fc_loc[2].weight.data.zero_()
        self.fc_loc[2].bias.data.copy_(torch.tensor([1, 0, 0, 0, 1, 0], dtype=torch.float))

    def stn(self, x):
        xs = self.localization(x)
        xs = xs.view(-1, 6 * 2 * 2)
        theta = self.fc_loc(xs)
        theta = theta.view(-1, 2, 3)
        grid = F.affine_grid(theta, x.size(), align_corners=False)
        x = F.grid_sample(x, grid, align_corners=False)
        return x

    def forward(self, x):
        x = self.stn(x)
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 8 * 2 * 2)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)

model = Net()
print(model)

# %%
data = torch.rand(6, 1, 14, 14)
target = torch.randint(0, 10, (6,))
with torch.no_grad():
    print(torch.allclose(model.stn(data), data, atol=1e-5))
optimizer = optim.SGD(model.parameters(), lr=0.01)
model.train()
for epoch in range(3):
    optimizer.zero_grad()
    output = model(data)
    loss = F.nll_loss(output, target)
    loss.backward()
    optimizer.step()
    print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(epoch, 6, 6, 100.0, loss.item()))
print(model.fc_loc[2].bias)

# %%
model.eval()
with torch.no_grad():
    test_loss = F.nll_loss(model(data), target, size_average=False).item()
    pred = model(data).max(1, keepdim=True)[1]
    correct = pred.eq(target.view_as(pred)).sum().item()
print('Test set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)'.format(test_loss / 6, correct, 6, 100. * correct / 6))

# %%
def convert_image_np(inp):
    inp = inp.numpy().transpose((1, 2, 0))
    mean = np.array([0.485, 0.456, 0.406])
    std = np.array([0.229, 0.224, 0.225])
    inp = std * inp + mean
    inp = np.clip(inp, 0, 1)
    return inp

with torch.no_grad():
    input_tensor = data[:2]
    transformed = model.stn(input_tensor).cpu()
print(convert_image_np(transformed[0].repeat(3, 1, 1)).shape)

# %%
theta = torch.tensor([[[0.9, 0.1, 0.0], [-0.1, 0.9, 0.05]]], requires_grad=True)
img = torch.rand(1, 2, 5, 5, requires_grad=True)
out = F.grid_sample(img, F.affine_grid(theta, (1, 2, 5, 5), align_corners=False), align_corners=False)
out.pow(2).sum().backward()
print(theta.grad)
print(img.grad[0, 0])
