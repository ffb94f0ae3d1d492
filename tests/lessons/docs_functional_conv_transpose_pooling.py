# Imitates the Examples blocks of the PyTorch documentation for F.conv_transpose1d / 2d / 3d (groups, dilation,
# output_padding), F.conv1d (padding='same', dilation), F.avg_pool2d (ceil_mode, count_include_pad,
# divisor_override), F.max_pool2d (return_indices, dilation, ceil_mode), F.lp_pool2d, F.adaptive_max_pool2d
# (return_indices) and F.pixel_shuffle, typed in with seeded randn: shapes, values, grads and errors.
import torch
import torch.nn.functional as F

torch.manual_seed(0)

# %%
inputs = torch.randn(20, 16, 50)
weights = torch.randn(16, 33, 5)
print(F.conv_transpose1d(inputs, weights).shape)
# With square kernels and equal stride
inputs = torch.randn(1, 4, 5, 5)
weights = torch.randn(4, 8, 3, 3)
print(F.conv_transpose2d(inputs, weights, padding=1).shape)
inputs = torch.randn(20, 16, 5, 6, 7)
weights = torch.randn(16, 33, 3, 3, 3)
print(F.conv_transpose3d(inputs, weights).shape)

# %%
x = torch.randn(1, 4, 5, requires_grad=True)
w = torch.randn(4, 3, 3, requires_grad=True)
b = torch.randn(6, requires_grad=True)
y = F.conv_transpose1d(x, w, b, stride=2, padding=1, output_padding=1, groups=2, dilation=2)
print(y.shape, y.grad_fn.name())
print(y[0, :, :4])
y.pow(2).mean().backward()
print(x.grad[0], w.grad[0], b.grad)
x2 = torch.randn(1, 2, 3, 3, requires_grad=True)
w2 = torch.randn(2, 1, 2, 2)
y2 = F.conv_transpose2d(x2, w2, stride=(2, 3), output_padding=(1, 2), groups=2, dilation=(1, 2))
print(y2.shape, y2[0, 1, :3])
y2.sum().backward()
print(x2.grad[0, 0])
y3 = F.conv_transpose3d(torch.randn(1, 2, 2, 2, 2), torch.randn(2, 2, 2, 2, 2), stride=2, output_padding=1,
                        dilation=1)
print(y3.shape, y3[0, 0, 0, 0])
for make in [lambda: F.conv_transpose1d(x, w, stride=2, output_padding=2),
             lambda: F.conv_transpose1d(x, w, groups=3),
             lambda: F.conv_transpose1d(x, w, output_padding=1),
             lambda: F.conv_transpose2d(x2, w2, stride=2, output_padding=1, dilation=1, groups=2, padding=-1),
             lambda: F.conv_transpose1d(x, w, b[:4], groups=2),
             lambda: F.conv_transpose2d(x, w)]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.randn(1, 2, 10, requires_grad=True)
w = torch.randn(3, 2, 4)
y = F.conv1d(x, w, padding="same", dilation=2)
print(y.shape, y[0, 0])
y.sum().backward()
print(x.grad)
print(F.conv1d(x, torch.randn(3, 2, 3), padding="valid").shape)
print(F.conv2d(torch.randn(1, 1, 5, 6), torch.randn(2, 1, 2, 3), padding="same", dilation=(2, 1))[0, 0])
for make in [lambda: F.conv1d(x, w, padding="same", stride=2), lambda: F.conv1d(x, w, padding="full"),
             lambda: F.conv1d(x, w, padding="same", dilation=0), lambda: F.conv1d(x, w[:, :1])]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# pool of square window of size=3, stride=2
input = torch.tensor([[[[1., 2, 3, 4, 5, 6, 7], [2, 4, 6, 8, 10, 12, 14]]]])
print(F.avg_pool2d(input, kernel_size=(1, 3), stride=2))
x = torch.arange(25.0).view(1, 1, 5, 5).requires_grad_()
for kw in [{"ceil_mode": True}, {"padding": 1, "count_include_pad": False}, {"padding": 1},
           {"divisor_override": 2}, {"ceil_mode": True, "padding": 1, "count_include_pad": False}]:
    y = F.avg_pool2d(x, 3, 2, **kw)
    print(kw, y)
    g, = torch.autograd.grad(y.sum(), x)
    print(g[0, 0, :2])
for make in [lambda: F.avg_pool2d(x, 3, padding=2), lambda: F.avg_pool2d(x, 3, divisor_override=0),
             lambda: F.avg_pool2d(x, 6), lambda: F.avg_pool2d(x[0, 0], 2)]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.randn(1, 2, 6, 7, requires_grad=True)
y, idx = F.max_pool2d(x, 3, stride=2, return_indices=True, dilation=2, ceil_mode=True)
print(y, idx, y.grad_fn.name())
y.sum().backward()
print(x.grad[0, 0])
print(F.max_unpool2d(y, idx, 3, stride=2, output_size=(6, 7))[0, 0])
print(F.max_pool2d(x, (2, 3), padding=1, ceil_mode=True).shape)
p = F.lp_pool2d(x, norm_type=2, kernel_size=2, stride=2)
print(p, p.grad_fn.name())
print(F.lp_pool2d(x.abs(), 1.5, (3, 2), ceil_mode=True))
print(F.lp_pool1d(x[0].abs(), 3, 2))
a, ai = F.adaptive_max_pool2d(x, (2, 3), return_indices=True)
print(a, ai)
print(F.adaptive_max_pool2d(x, (None, 2)).shape, F.adaptive_max_pool2d(x[0], 4).shape)
for make in [lambda: F.max_pool2d(x, 2, padding=2), lambda: F.max_pool2d(x, 3, dilation=0),
             lambda: F.max_pool2d(x, 8), lambda: F.adaptive_max_pool2d(x, (0, 2)),
             lambda: F.lp_pool2d(x, 2, 8), lambda: F.adaptive_max_pool2d(x, (1, 2, 3))]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
input = torch.randn(1, 9, 4, 4)
output = F.pixel_shuffle(input, 3)
print(output.size())
for make in [lambda: F.pixel_shuffle(torch.randn(1, 8, 2, 2), 3), lambda: F.pixel_shuffle(torch.randn(4, 2), 2),
             lambda: F.pixel_shuffle(input, 0), lambda: F.pixel_unshuffle(input, 3),
             lambda: F.pixel_shuffle(torch.randn(2, 1, 4, 2, 2), 2)]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)
