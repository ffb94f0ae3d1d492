# Imitates the Examples blocks of the PyTorch documentation pages for the padding layers (nn.ReflectionPad1d/2d/3d,
# nn.ReplicationPad1d/2d/3d, nn.ZeroPad1d/2d/3d, nn.ConstantPad1d/2d/3d, nn.CircularPad1d/2d/3d) as a learner types
# them in, with seeded randn: int and tuple padding, negative padding, module reprs, the gradient that flows back
# through the padding, and the errors PyTorch raises for padding that is too large or the wrong length.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
m = nn.ReflectionPad1d(2)
input = torch.arange(8, dtype=torch.float).reshape(1, 2, 4)
print(input)
print(m(input))
m = nn.ReflectionPad1d((3, 1))
print(m(input))
print(m)

# %%
m = nn.ReflectionPad2d(2)
input = torch.arange(9, dtype=torch.float).reshape(1, 1, 3, 3)
print(input)
print(m(input))
m = nn.ReflectionPad2d((1, 1, 2, 0))
print(m(input))
print(m)

# %%
m = nn.ReflectionPad3d(1)
input = torch.arange(8, dtype=torch.float).reshape(1, 1, 2, 2, 2)
out = m(input)
print(out.shape)
print(out[0, 0, 0])
print(m)

# %%
m = nn.ReplicationPad1d(2)
input = torch.arange(8, dtype=torch.float).reshape(1, 2, 4)
print(m(input))
m = nn.ReplicationPad1d((3, 1))
print(m(input))
m = nn.ReplicationPad2d(2)
input = torch.arange(9, dtype=torch.float).reshape(1, 1, 3, 3)
print(m(input))
m = nn.ReplicationPad2d((1, 1, 2, 0))
print(m(input))
m = nn.ReplicationPad3d(3)
input = torch.randn(16, 3, 8, 32, 32)
output = m(input)
print(output.shape)
m = nn.ReplicationPad3d((3, 3, 6, 6, 1, 1))
print(m(input).shape, m)

# %%
m = nn.ZeroPad1d(2)
input = torch.randn(1, 2, 4)
print(input)
print(m(input))
m = nn.ZeroPad1d((3, 1))
print(m(input))
m = nn.ZeroPad2d(2)
input = torch.randn(1, 1, 3, 3)
print(m(input))
m = nn.ZeroPad2d((1, 1, 2, 0))
print(m(input))
print(m)
m = nn.ZeroPad3d(3)
print(m(torch.randn(16, 3, 10, 20, 30)).shape, m)
m = nn.ZeroPad3d((3, 3, 6, 6, 0, 1))
print(m(torch.randn(16, 3, 10, 20, 30)).shape, m)

# %%
m = nn.ConstantPad1d(2, 3.5)
input = torch.randn(1, 2, 4)
print(m(input))
input = torch.randn(1, 2, 3)
print(m(input))
m = nn.ConstantPad1d((3, 1), 3.5)
print(m(input))
print(m)
m = nn.ConstantPad2d(2, 3.5)
input = torch.randn(1, 2, 2)
print(m(input))
m = nn.ConstantPad2d((3, 0, 2, 1), 3.5)
print(m(input))
print(m)
m = nn.ConstantPad3d(3, 3.5)
input = torch.randn(16, 3, 10, 20, 30)
print(m(input).shape)
m = nn.ConstantPad3d((3, 3, 6, 6, 0, 1), 3.5)
print(m(input).shape, m)

# %%
m = nn.CircularPad1d(2)
input = torch.arange(8, dtype=torch.float).reshape(1, 2, 4)
print(m(input))
m = nn.CircularPad1d((3, 1))
print(m(input))
m = nn.CircularPad2d(2)
input = torch.arange(9, dtype=torch.float).reshape(1, 1, 3, 3)
print(m(input))
m = nn.CircularPad2d((1, 1, 2, 0))
print(m(input))
print(m)
m = nn.CircularPad3d(3)
input = torch.randn(16, 3, 8, 32, 32)
print(m(input).shape)
m = nn.CircularPad3d((3, 3, 6, 6, 1, 1))
print(m(input).shape, m)

# %%
x = torch.randn(1, 1, 3, 3, requires_grad=True)
for pad in [nn.ReflectionPad2d(1), nn.ReplicationPad2d(1), nn.CircularPad2d(1), nn.ZeroPad2d(1),
            nn.ConstantPad2d(1, 2.0)]:
    x.grad = None
    y = pad(x)
    (y * torch.arange(25.0).reshape(1, 1, 5, 5)).sum().backward()
    print(type(pad).__name__, y.grad_fn.name())
    print(x.grad)

# %%
x = torch.arange(16.0).reshape(1, 1, 4, 4)
print(nn.ZeroPad2d((-1, 1, 0, -1))(x))
print(nn.ConstantPad1d((-1, -1), 0.0)(x))
print(F.pad(x, (1, 1), mode="reflect").shape)
print(nn.ZeroPad1d(1)(torch.ones(3)))

# %%
for make in [lambda: nn.ReflectionPad1d(4)(torch.randn(1, 2, 4)),
             lambda: nn.ReflectionPad2d((1, 1))(torch.randn(1, 1, 3, 3)),
             lambda: nn.ReplicationPad2d(1)(torch.randn(3)),
             lambda: nn.CircularPad1d(5)(torch.randn(1, 2, 4)),
             lambda: nn.ZeroPad2d((1, 2, 3))(torch.randn(1, 1, 3, 3)),
             lambda: F.pad(torch.randn(1, 1, 3), (1, 2, 3)),
             lambda: F.pad(torch.randn(1, 1, 3), (1, 1), mode="wrap"),
             lambda: F.pad(torch.randn(3, 3), (1, 1, 1, 1), mode="reflect")]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)
