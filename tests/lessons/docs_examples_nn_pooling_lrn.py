# Imitates the Examples blocks of the PyTorch documentation pages for nn.LPPool1d / nn.LPPool2d,
# nn.FractionalMaxPool2d (output_ratio and kernel_size, seeded), nn.MaxUnpool1d / nn.MaxUnpool2d fed the indices
# of MaxPool(return_indices=True) (including the output_size argument), nn.LocalResponseNorm and nn.CrossMapLRN2d,
# as a learner copies them with seeded randn: reprs, shapes, values, gradients and the errors for bad arguments.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
# power-2 pool of window of length 3, with stride 2.
m = nn.LPPool1d(2, 3, stride=2)
input = torch.randn(20, 16, 50)
output = m(input)
print(output.shape)
print(m)
# power-2 pool of square window of size=3, stride=2
m = nn.LPPool2d(2, 3, stride=2)
# pool of non-square window of power 1.2
m = nn.LPPool2d(1.2, (3, 2), stride=(2, 1))
input = torch.randn(20, 16, 50, 32)
output = m(input)
print(output.shape)
print(m)

# %%
x = torch.arange(1.0, 9.0).view(1, 1, 8).requires_grad_()
y = nn.LPPool1d(2, 2)(x)
print(y)
y.sum().backward()
print(x.grad)
x2 = torch.arange(1.0, 17.0).view(1, 1, 4, 4)
print(F.lp_pool2d(x2, 1, 2))
print(F.lp_pool2d(x2, float("inf"), 2) if False else F.lp_pool2d(x2, 3, 2, ceil_mode=True))
print(nn.LPPool1d(3, 3, ceil_mode=True)(x.detach()))

# %%
# pool of square window of size=3, and target output size 13x12
m = nn.FractionalMaxPool2d(3, output_size=(13, 12))
# pool of square window and target output size being half of input image size
m2 = nn.FractionalMaxPool2d(3, output_ratio=(0.5, 0.5))
input = torch.randn(20, 16, 50, 32)
output = m(input)
print(output.shape)
print(m2(input).shape)
print(m)
print(m2)

# %%
m = nn.FractionalMaxPool2d(2, output_size=2, return_indices=True)
x = torch.randn(1, 1, 4, 4, requires_grad=True)
out, idx = m(x)
print(out.shape, idx.shape, idx.dtype)
print(out.equal(x.detach().flatten(2).gather(2, idx.flatten(2)).view_as(out)))
out.sum().backward()
print(x.grad.sum())

# %%
pool = nn.MaxPool2d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool2d(2, stride=2)
input = torch.tensor([[[[ 1.,  2.,  3.,  4.],
                        [ 5.,  6.,  7.,  8.],
                        [ 9., 10., 11., 12.],
                        [13., 14., 15., 16.]]]])
output, indices = pool(input)
print(output, indices)
print(unpool(output, indices))
# Now using output_size to resolve an ambiguous size for the inverse
input = torch.tensor([[[[ 1.,  2.,  3.,  4.,  5.],
                        [ 6.,  7.,  8.,  9., 10.],
                        [11., 12., 13., 14., 15.],
                        [16., 17., 18., 19., 20.]]]])
output, indices = pool(input)
# This call will not work without specifying output_size
print(unpool(output, indices, output_size=input.size()))
print(unpool(output, indices).shape)
print(unpool)

# %%
pool = nn.MaxPool1d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool1d(2, stride=2)
input = torch.tensor([[[1., 2, 3, 4, 5, 6, 7, 8]]])
output, indices = pool(input)
print(unpool(output, indices))
# Example showcasing the use of output_size
input = torch.tensor([[[1., 2, 3, 4, 5, 6, 7, 8, 9]]])
output, indices = pool(input)
print(unpool(output, indices, output_size=input.size()))
print(unpool(output, indices))
print(unpool)

# %%
x = torch.randn(1, 1, 4, 4, requires_grad=True)
out, idx = F.max_pool2d(x, 2, return_indices=True)
rec = F.max_unpool2d(out, idx, 2)
print(rec.grad_fn.name())
(rec * torch.arange(16.0).view(1, 1, 4, 4)).sum().backward()
print(x.grad)

# %%
for make in [lambda: unpool(output, indices, output_size=[1, 1, 20]),
             lambda: nn.MaxUnpool2d(2)(torch.randn(1, 1, 2, 2), torch.zeros(1, 1, 2, 2)),
             lambda: nn.MaxUnpool2d(2)(torch.randn(1, 1, 2, 2), torch.zeros(1, 1, 2, 2, dtype=torch.long)),
             lambda: nn.MaxUnpool2d(2)(torch.randn(1, 1, 2, 2), torch.full((1, 1, 2, 2), 99)),
             lambda: nn.FractionalMaxPool2d(3)(torch.randn(1, 1, 8, 8)),
             lambda: nn.FractionalMaxPool2d(3, output_ratio=1.5)(torch.randn(1, 1, 8, 8)),
             lambda: nn.FractionalMaxPool2d(3, output_size=2, output_ratio=0.5)]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
lrn = nn.LocalResponseNorm(2)
signal_2d = torch.randn(32, 5, 24, 24)
signal_4d = torch.randn(16, 5, 7, 7, 7, 7)
output_2d = lrn(signal_2d)
output_4d = lrn(signal_4d)
print(output_2d.shape, output_4d.shape)
print(lrn)
x = torch.arange(1.0, 9.0).view(1, 4, 2).requires_grad_()
y = nn.LocalResponseNorm(3, alpha=0.1, beta=0.75, k=1.0)(x)
print(y)
y.sum().backward()
print(x.grad)

# %%
m = nn.CrossMapLRN2d(3, alpha=1e-2, beta=0.75, k=1)
print(m)
x = torch.arange(1.0, 17.0).view(1, 4, 2, 2)
print(m(x))
try:
    m(torch.randn(4, 2, 2))
except Exception as e:
    print(type(e).__name__, e)
