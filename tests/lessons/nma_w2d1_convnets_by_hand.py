# Imitates Neuromatch Academy Deep Learning W2D1 "Convnets and DL thinking" tutorial 1
# (NeuromatchAcademy/course-content-dl, tutorials/W2D1_ConvnetsAndDlThinking): convolution by hand with nested loops
# (convolution2d) against nn.Conv2d whose kernel is set manually via .weight = nn.Parameter(...) under no_grad,
# padding and stride, max pooling by hand vs nn.MaxPool2d, and the EMNIST-style Net (conv -> pool -> fc) on tiny
# fake "X"/"O" images, with output-size arithmetic and a short training loop.
import random
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

def set_seed(seed=None, seed_torch=True):
    if seed is None:
        seed = np.random.choice(2 ** 32)
    random.seed(seed)
    np.random.seed(seed)
    if seed_torch:
        torch.manual_seed(seed)
        torch.backends.cudnn.benchmark = False
        torch.backends.cudnn.deterministic = True
    print(f'Random seed {seed} has been set.')

SEED = 2021
set_seed(SEED)

def convolution2d(image, kernel):
    im_h, im_w = image.shape
    ker_h, ker_w = kernel.shape
    out_h = im_h - ker_h + 1
    out_w = im_w - ker_w + 1
    convolved_image = np.zeros((out_h, out_w))
    for out_row in range(out_h):
        for out_col in range(out_w):
            current_product = 0
            for i in range(ker_h):
                for j in range(ker_w):
                    current_product += image[out_row + i, out_col + j] * kernel[i, j]
            convolved_image[out_row, out_col] = current_product
    return convolved_image

image = np.arange(9).reshape(3, 3)
kernel = np.arange(4).reshape(2, 2)
print("Image:\n", image)
print("Kernel:\n", kernel)
print("Output:\n", convolution2d(image, kernel))

# %%
class Net(nn.Module):
    def __init__(self, kernel=None, padding=0):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=2, padding=padding)
        if kernel is not None:
            dim1, dim2 = kernel.shape[0], kernel.shape[1]
            kernel = kernel.reshape(1, 1, dim1, dim2)
            self.conv1.weight = torch.nn.Parameter(kernel)
            self.conv1.bias = torch.nn.Parameter(torch.zeros_like(self.conv1.bias))
    def forward(self, x):
        x = self.conv1(x)
        return x

kernel = torch.Tensor(np.arange(4).reshape(2, 2))
net = Net(kernel=kernel, padding=0)
image = torch.from_numpy(np.arange(9).reshape(3, 3).astype(np.float32))
image = image.reshape(1, 1, 3, 3)
print("Image:\n" + str(image))
print("Kernel:\n" + str(kernel))
output = net(image)
print("Output:\n" + str(output))
print(torch.allclose(output.squeeze().double(), torch.tensor(convolution2d(image[0, 0].numpy(), kernel.numpy()))))
net = Net(kernel=kernel, padding=1)
print(net(image), net(image).shape)
try:
    net(image.double())
except Exception as e:
    print(type(e).__name__, e)
try:
    net(torch.arange(9).reshape(1, 1, 3, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    net(image.squeeze(0).squeeze(0))
except Exception as e:
    print(type(e).__name__, e)

# %%
conv = nn.Conv2d(1, 2, kernel_size=3, stride=2, padding=1, bias=False)
with torch.no_grad():
    conv.weight = nn.Parameter(torch.stack([torch.tensor([[1., 0, -1], [2, 0, -2], [1, 0, -1]]),
                                            torch.tensor([[1., 2, 1], [0, 0, 0], [-1, -2, -1]])]).unsqueeze(1))
print(conv, conv.weight.shape, conv.weight.requires_grad, conv.bias)
img = torch.zeros(1, 1, 6, 6)
img[..., :, 3:] = 1.0
out = conv(img)
print(out, out.shape, out.grad_fn)
print(F.conv2d(img, conv.weight, stride=2, padding=1).equal(out))
w = torch.ones(1, 1, 3, 3) / 9
print(F.conv2d(img, w, padding='same').shape, F.conv2d(img, w, padding='valid').shape)
try:
    F.conv2d(img, w, stride=2, padding='same')
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    conv.weight[0, 0, 1, 1] = 5.0
print(conv.weight[0, 0], conv.weight.grad_fn, conv.weight.is_leaf)

# %%
def maxpool2d(image, pool):
    h, w = image.shape
    out = np.zeros((h // pool, w // pool))
    for r in range(0, h - pool + 1, pool):
        for c in range(0, w - pool + 1, pool):
            out[r // pool, c // pool] = image[r:r + pool, c:c + pool].max()
    return out

set_seed(SEED)
x = torch.randint(0, 10, (1, 1, 4, 4)).float()
print(x)
pool = nn.MaxPool2d(kernel_size=2)
print(pool, pool(x))
print(maxpool2d(x[0, 0].numpy(), 2))
pooled, idx = F.max_pool2d(x, 2, return_indices=True)
print(idx)
x.requires_grad_(True)
pool(x).sum().backward()
print(x.grad)
print(nn.AvgPool2d(2)(x).detach(), F.max_pool2d(torch.ones(1, 1, 5, 5), 2, stride=2).shape)

# %%
def get_Xvs0_dataset(n=16, size=8):
    xs, ys = [], []
    for i in range(n):
        img = torch.zeros(size, size)
        if i % 2 == 0:
            idx = torch.arange(size)
            img[idx, idx] = 1.0
            img[idx, size - 1 - idx] = 1.0
        else:
            img[1, 1:-1] = 1.0
            img[-2, 1:-1] = 1.0
            img[1:-1, 1] = 1.0
            img[1:-1, -2] = 1.0
        img += 0.1 * torch.randn(size, size)
        xs.append(img)
        ys.append(i % 2)
    return torch.stack(xs).unsqueeze(1), torch.tensor(ys)

class EmnistNet(nn.Module):
    def __init__(self):
        super(EmnistNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3)
        self.pool = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(3 * 3 * 3, 10)
        self.fc2 = nn.Linear(10, 2)
    def forward(self, x):
        x = self.conv1(x)
        x = F.relu(x)
        x = self.pool(x)
        x = x.view(-1, 3 * 3 * 3)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.fc2(x)
        return x

set_seed(SEED)
X, y = get_Xvs0_dataset()
print(X.shape, y)
emnist_net = EmnistNet()
print(emnist_net)
print(emnist_net.conv1(X).shape, emnist_net.pool(F.relu(emnist_net.conv1(X))).shape)
opt = optim.SGD(emnist_net.parameters(), lr=0.1, momentum=0.9)
for epoch in range(8):
    opt.zero_grad()
    logits = emnist_net(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    opt.step()
    if epoch % 2 == 0:
        print(f"epoch {epoch} loss {loss.item():.4f}")
acc = (emnist_net(X).argmax(dim=1) == y).sum().item() / len(y)
print(f"accuracy {acc:.2f}")
print(emnist_net.conv1.weight.grad.shape, emnist_net.conv1.bias.grad)
try:
    emnist_net(torch.randn(2, 1, 10, 10))
except Exception as e:
    print(type(e).__name__, e)
