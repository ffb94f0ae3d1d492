# Imitates the torch.nn.AvgPool1d and AvgPool3d documentation examples (a 1-d series pooled with kernel 3 / stride
# 2, "pool of square window of size=3, stride=2" and non-square windows on a volume) and the image-resizing
# tutorials that compare F.interpolate(mode="area") with average pooling when shrinking a feature map; a moving
# average of a signal with divisor_override and ceil_mode, with gradients of a weighted sum in float64.
import torch
from torch import nn
import torch.nn.functional as F

# %%
m = nn.AvgPool1d(3, stride=2)
print(m(torch.tensor([[[1., 2, 3, 4, 5, 6, 7]]])))
print(nn.AvgPool1d(3, stride=2, ceil_mode=True)(torch.tensor([[[1., 2, 3, 4, 5, 6, 7]]])))
print(nn.AvgPool1d(4, stride=1, padding=2, count_include_pad=False)(torch.tensor([[[1., 2, 3, 4, 5]]])))

# %%
torch.manual_seed(3)
input = torch.randn(2, 4, 10, 12, 9)
print(nn.AvgPool3d(3, stride=2)(input).shape)
print(nn.AvgPool3d((3, 2, 2), stride=(2, 1, 2))(input).shape)
v = torch.randn(1, 1, 5, 6, 7, dtype=torch.float64, requires_grad=True)
out = F.avg_pool3d(v, 3, stride=2, padding=1, ceil_mode=True)
(out * torch.arange(out.numel(), dtype=torch.float64).reshape(out.shape)).sum().backward()
print(out.shape, out.flatten()[:4].tolist())
print(v.grad[0, 0, 0, :2].tolist())

# %%
img = torch.arange(48, dtype=torch.float32).reshape(1, 3, 4, 4) / 7
print(F.interpolate(img, scale_factor=0.5, mode="area")[0, 0])
print(F.avg_pool2d(img, 2)[0, 0])
print(F.interpolate(img, size=(3, 3), mode="area")[0, 1])
print(F.interpolate(img, size=(3, 3), mode="area").grad_fn)

# %%
torch.manual_seed(5)
signal = torch.cumsum(torch.randn(1, 1, 40, dtype=torch.float64), dim=-1).requires_grad_()
smooth = F.avg_pool1d(signal, kernel_size=5, stride=1, padding=2, count_include_pad=False)
summed = F.avg_pool2d(signal.unsqueeze(2), (1, 4), stride=(1, 4), divisor_override=1)
print(smooth[0, 0, :6].tolist())
print(summed.flatten().tolist()[:5])
loss = ((smooth - signal) ** 2).mean() + 0.1 * summed.abs().sum()
loss.backward()
print(loss.item())
print(signal.grad[0, 0, :6].tolist())
