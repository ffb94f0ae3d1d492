# Imitates the torch.nn.AdaptiveAvgPool1d / 2d / 3d documentation examples (target sizes 5x7, 7, (None, 7)) and
# the heads of torchvision's VGG (nn.AdaptiveAvgPool2d((7, 7)) then flatten) and ResNet (AdaptiveAvgPool2d((1, 1))
# before fc): a tiny feature map is pooled, flattened, classified, and the gradient that reaches the features is
# printed, including bins that overlap because the input size is not a multiple of the output size.
import torch
from torch import nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
m = nn.AdaptiveAvgPool2d((5, 7))
input = torch.randn(1, 64, 8, 9)
output = m(input)
print(output.shape)
m = nn.AdaptiveAvgPool2d(7)
input = torch.randn(1, 64, 10, 9)
print(m(input).shape)
m = nn.AdaptiveAvgPool2d((None, 7))
print(m(input).shape)
print(nn.AdaptiveAvgPool1d(5)(torch.randn(1, 64, 8)).shape)
print(nn.AdaptiveAvgPool3d((5, 7, 9))(torch.randn(1, 64, 8, 9, 10)).shape)

# %%
x = torch.arange(1.0, 26.0).reshape(1, 1, 5, 5)
print(F.adaptive_avg_pool2d(x, 3))
print(F.adaptive_avg_pool2d(x, (2, 4)))
print(F.adaptive_avg_pool2d(x, 1).flatten(), x.mean())

# %%
class TinyVGGHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU())
        self.avgpool = nn.AdaptiveAvgPool2d((3, 3))
        self.classifier = nn.Linear(8 * 3 * 3, 4)

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        return self.classifier(torch.flatten(x, 1))

torch.manual_seed(1)
net = TinyVGGHead()
x = torch.randn(2, 3, 11, 10, requires_grad=True)
out = net(x)
loss = F.cross_entropy(out, torch.tensor([1, 3]))
loss.backward()
print(out)
print(loss.item())
print(x.grad[0, 0, :2])
print(net.classifier.weight.grad.abs().sum().item())

# %%
feat = torch.randn(2, 4, 7, 7, dtype=torch.float64, requires_grad=True)
pooled = F.adaptive_avg_pool2d(feat, (1, 1))
pooled3 = F.adaptive_avg_pool2d(feat, (3, 3))
print(pooled.grad_fn, pooled3.grad_fn)
(pooled.flatten(1).sum() * 0.5 + (pooled3 * torch.linspace(-1, 1, 9, dtype=torch.float64).reshape(3, 3)).sum()).backward()
print(feat.grad[0, 0].tolist()[0])
print(feat.grad[1, 3].tolist()[3])
