# Imitates d2l.ai section 7.5 "Pooling": pool2d from scratch in 'avg' mode checked against nn.AvgPool2d, the
# default stride equal to the window, padding and stride set by hand, a rectangular window, several channels
# stacked with torch.cat, and (as the exercises ask) the gradient that average pooling passes back, here through a
# weighted sum so that every window's share shows, in float32 and float64.
import torch
from torch import nn

def pool2d(X, pool_size, mode="max"):
    p_h, p_w = pool_size
    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1), dtype=X.dtype)
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            if mode == "max":
                Y[i, j] = X[i: i + p_h, j: j + p_w].max()
            elif mode == "avg":
                Y[i, j] = X[i: i + p_h, j: j + p_w].mean()
    return Y

X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
print(pool2d(X, (2, 2), "avg"))
print(nn.AvgPool2d(2, stride=1)(X.reshape(1, 1, 3, 3)))

# %%
X = torch.arange(16, dtype=torch.float32).reshape((1, 1, 4, 4))
print(nn.AvgPool2d(3)(X))
print(nn.AvgPool2d(3, padding=1, stride=2)(X))
print(nn.AvgPool2d(3, padding=1, stride=2, count_include_pad=False)(X))
print(nn.AvgPool2d((2, 3), stride=(2, 3), padding=(0, 1))(X))

# %%
X = torch.cat((X, X + 1), 1)
pool2d_layer = nn.AvgPool2d(3, padding=1, stride=2)
print(pool2d_layer(X))
print(pool2d_layer(X).shape)

# %%
torch.manual_seed(7)
for dtype in (torch.float32, torch.float64):
    X = torch.randn(2, 3, 9, 9, dtype=dtype, requires_grad=True)
    Y = nn.AvgPool2d(3, stride=2, padding=1)(X)
    w = torch.randn(Y.shape, dtype=dtype)
    (Y * w).sum().backward()
    print(Y.grad_fn, Y.shape)
    print(Y[0, 0, :2].tolist())
    print(X.grad[0, 0, :3, :4].tolist())
    print(X.grad.sum().item(), (w.sum() * 1.0).item())
