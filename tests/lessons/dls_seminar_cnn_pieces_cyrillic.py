# Imitates the MIPT Deep Learning School (DLS) seminar "Свёрточные нейронные сети" (deep-learning-school, part 1
# seminar on CNNs): a convolution by hand with a Sobel-like kernel vs F.conv2d, output-size formula checks,
# nn.Conv2d / nn.MaxPool2d / nn.Flatten reprs, a LeNet-like nn.Sequential with shapes printed layer by layer, the
# shape errors learners hit (Linear after Flatten with the wrong size, a 3-d input, channels mismatch) and one
# training step. As in some Russian notebooks, a few identifiers are Cyrillic (Python allows them).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
# Свёртка руками
изображение = torch.arange(25, dtype=torch.float32).view(1, 1, 5, 5)
ядро = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]]).view(1, 1, 3, 3)
результат = F.conv2d(изображение, ядро)
print(результат)
вручную = torch.zeros(3, 3)
for i in range(3):
    for j in range(3):
        вручную[i, j] = (изображение[0, 0, i:i + 3, j:j + 3] * ядро[0, 0]).sum()
print(torch.equal(вручную, результат[0, 0]), вручную.dtype)
print(F.conv2d(изображение, ядро, padding=1).shape, F.conv2d(изображение, ядро, stride=2).shape)
print(F.conv2d(изображение, ядро, padding='same').shape)

# %%
def размер_выхода(n, k, p=0, s=1, d=1):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1

print([размер_выхода(28, 5), размер_выхода(28, 3, p=1), размер_выхода(32, 3, s=2), размер_выхода(7, 3, d=2)])
conv = nn.Conv2d(in_channels=3, out_channels=8, kernel_size=3, stride=2, padding=1, bias=False)
print(conv, conv.weight.shape, conv.bias)
print(nn.Conv2d(1, 6, 5), nn.Conv2d(6, 16, (3, 5), dilation=2, padding_mode='reflect', padding=2))
print(nn.MaxPool2d(2), nn.MaxPool2d(kernel_size=3, stride=1, padding=1), nn.AvgPool2d(2, ceil_mode=True))
print(nn.Flatten(), nn.Flatten(0), nn.Dropout2d(0.25), nn.BatchNorm2d(8, affine=False))
print(nn.AdaptiveAvgPool2d((1, 1)), nn.Upsample(scale_factor=2, mode='nearest'))

# %%
torch.manual_seed(0)
сеть = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(6, 16, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
    nn.Linear(120, 84), nn.ReLU(),
    nn.Linear(84, 10),
)
x = torch.randn(2, 1, 28, 28)
for слой in сеть:
    x = слой(x)
    print(f"{слой.__class__.__name__:>10}: {tuple(x.shape)}")
print("Всего параметров:", sum(p.numel() for p in сеть.parameters() if p.requires_grad))
print(сеть[0].weight.grad, len(сеть), сеть[-1])
print(сеть[:3])

# %%
# Ошибки с размерами
try:
    nn.Sequential(nn.Conv2d(1, 6, 5), nn.Flatten(), nn.Linear(100, 10))(torch.randn(2, 1, 28, 28))
except Exception as e:
    print(type(e).__name__, e)
try:
    сеть(torch.randn(2, 3, 28, 28))
except Exception as e:
    print(type(e).__name__, e)
print(сеть(torch.randn(1, 28, 28)).shape)
try:
    сеть(torch.randn(28, 28))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(torch.randn(1, 1, 2, 2), ядро)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.max_pool2d(torch.randn(1, 1, 1, 1), 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Conv2d(3, 8, 3)(torch.randn(2, 32, 32, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Conv2d(3, 8, 3)(torch.randint(0, 255, (1, 3, 8, 8), dtype=torch.uint8))
except Exception as e:
    print(type(e).__name__, e)

# %%
# Пулинг с индексами, градиент по входу
torch.manual_seed(0)
вход = torch.randn(1, 1, 4, 4, requires_grad=True)
выход, индексы = F.max_pool2d(вход, 2, return_indices=True)
print(выход.shape, индексы, индексы.dtype)
выход.sum().backward()
print(вход.grad)
print(nn.MaxUnpool2d(2)(выход, индексы).shape)
print(F.avg_pool2d(torch.ones(1, 1, 5, 5), 2, ceil_mode=True))
print(F.adaptive_max_pool2d(torch.arange(16.).view(1, 1, 4, 4), (2, 1)))

# %%
# Один шаг обучения
torch.manual_seed(0)
X = torch.randn(8, 1, 28, 28)
y = torch.randint(0, 10, (8,))
оптимизатор = torch.optim.SGD(сеть.parameters(), lr=0.01, momentum=0.9, nesterov=True)
критерий = nn.CrossEntropyLoss(label_smoothing=0.1)
for шаг in range(3):
    оптимизатор.zero_grad()
    потери = критерий(сеть(X), y)
    потери.backward()
    оптимизатор.step()
    print(f"шаг {шаг}: потери = {потери.item():.4f}")
print(сеть[0].weight.grad.shape, сеть[0].weight.grad.norm() > 0)
print(оптимизатор)
