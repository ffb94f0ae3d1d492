# A small 3-d CNN on random volumes, in the style of the video / medical-imaging chapters that follow the 2-d CNN
# (d2l's "Convolutions for Images" generalised, MONAI-style 3-d classifiers): Conv3d, BatchNorm3d, MaxPool3d,
# AvgPool3d, AdaptiveAvgPool3d, Dropout3d, ConvTranspose3d and a few training steps.
import torch
from torch import nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
volumes = torch.randn(8, 1, 8, 8, 8)
labels = torch.randint(0, 3, (8,))
print(volumes.shape, labels)

# %%
class Net3d(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv3d(1, 4, kernel_size=3, padding=1)
        self.bn1 = nn.BatchNorm3d(4)
        self.pool = nn.MaxPool3d(2)
        self.conv2 = nn.Conv3d(4, 8, kernel_size=3, padding="same", padding_mode="replicate")
        self.drop = nn.Dropout3d(0.2)
        self.gap = nn.AdaptiveAvgPool3d(1)
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        x = self.pool(F.relu(self.bn1(self.conv1(x))))
        x = self.drop(F.relu(self.conv2(x)))
        x = self.gap(x).flatten(1)
        return self.fc(x)

net = Net3d()
print(net)
print(sum(p.numel() for p in net.parameters()))

# %%
out = net(volumes)
print(out.shape, out.grad_fn)
out[:2]

# %%
loss = F.cross_entropy(out, labels)
loss.backward()
print(f"{loss.item():.4f}")
print(net.conv1.weight.grad.shape, net.conv2.bias.grad)
net.bn1.running_mean

# %%
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
for step in range(5):
    opt.zero_grad()
    loss = F.cross_entropy(net(volumes), labels)
    loss.backward()
    opt.step()
    print(f"step {step}: loss {loss.item():.4f}")

# %%
net.eval()
with torch.no_grad():
    pred = net(volumes).argmax(1)
pred, (pred == labels).float().mean()

# %%
x = torch.randn(1, 2, 4, 4, 4, requires_grad=True)
pooled, idx = F.max_pool3d(x, 2, return_indices=True)
print(pooled.shape, idx[0, 0])
avg = F.avg_pool3d(x, kernel_size=3, stride=1, padding=1)
print(avg.grad_fn, avg.shape)
up = nn.ConvTranspose3d(2, 1, kernel_size=2, stride=2)(pooled)
up.shape, up.grad_fn

# %%
up.sum().backward()
x.grad[0, 0, 0]

# %%
nn.Conv3d(3, 2, 3)(torch.randn(3, 8, 8))
