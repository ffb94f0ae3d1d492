# Problem set 5: BatchNorm2d from scratch (statistics over N, H, W), checked against nn.BatchNorm2d; the
# mistakes students submit
import torch
import torch.nn as nn

torch.manual_seed(3)

def batch_norm(X, gamma, beta, moving_mean, moving_var, eps, momentum, training=True):
    if not training:
        X_hat = (X - moving_mean) / torch.sqrt(moving_var + eps)
    else:
        assert len(X.shape) in (2, 4)
        if len(X.shape) == 2:
            mean = X.mean(dim=0)
            var = ((X - mean) ** 2).mean(dim=0)
        else:
            mean = X.mean(dim=(0, 2, 3), keepdim=True)
            var = ((X - mean) ** 2).mean(dim=(0, 2, 3), keepdim=True)
        X_hat = (X - mean) / torch.sqrt(var + eps)
        moving_mean = (1.0 - momentum) * moving_mean + momentum * mean
        moving_var = (1.0 - momentum) * moving_var + momentum * var
    Y = gamma * X_hat + beta
    return Y, moving_mean.data, moving_var.data

X = torch.randn(4, 3, 6, 6) * 2 + 0.5
shape = (1, 3, 1, 1)
gamma, beta = torch.ones(shape), torch.zeros(shape)
mm, mv = torch.zeros(shape), torch.ones(shape)
Y, mm, mv = batch_norm(X, gamma, beta, mm, mv, eps=1e-5, momentum=0.1)
print(Y.shape, mm.flatten(), mv.flatten())
print("per-channel mean:", Y.mean(dim=(0, 2, 3)))
print("per-channel var: ", Y.var(dim=(0, 2, 3), unbiased=False))
print("per-channel std: ", Y.std(dim=(0, 2, 3)))
print(X.sum(dim=(0, 2, 3)), X.sum(dim=(0, 2)).shape, X.mean(dim=(1, 3))[0])

# %%
bn = nn.BatchNorm2d(3)
ref = bn(X)
print(torch.allclose(Y, ref, atol=1e-6), (Y - ref).abs().max() < 1e-5)
print(bn.running_mean, bn.running_var)
print(torch.allclose(mm.flatten(), bn.running_mean))
print(torch.allclose(mv.flatten(), bn.running_var))

# %%
# the running variance in nn.BatchNorm2d is unbiased: the student's is not
n = X.numel() / X.shape[1]
print(n, torch.allclose(mv.flatten() * 1, bn.running_var, rtol=0, atol=1e-3))
fixed = 0.9 + 0.1 * X.var(dim=(0, 2, 3), unbiased=True)
print(torch.allclose(fixed, bn.running_var), fixed)

# %%
# float64 and its gradients
X64 = X.double().requires_grad_()
g64, b64 = torch.ones(shape, dtype=torch.float64, requires_grad=True), torch.zeros(shape, dtype=torch.float64, requires_grad=True)
Y64, _, _ = batch_norm(X64, g64, b64, torch.zeros(shape, dtype=torch.float64), torch.ones(shape, dtype=torch.float64), 1e-5, 0.1)
print(Y64.mean(dim=(0, 2, 3)), Y64.var(dim=(0, 2, 3), correction=0))
print(torch.var_mean(X64.detach(), dim=(0, 2, 3)))
print(torch.std_mean(X64.detach(), dim=(0, 2), keepdim=True)[0].flatten())
loss = (Y64 ** 2).sum()
loss.backward()
print(g64.grad.flatten(), b64.grad.flatten())
print(X64.grad.abs().max())

# %%
# mistakes: keepdim forgotten, wrong dims
try:
    mean = X.mean(dim=(0, 2, 3))
    print((X - mean).shape)
except RuntimeError as e:
    print(e)
mean = X.mean(dim=(0, 1, 2), keepdim=True)
print(mean.shape, mean.flatten()[:3])
try:
    assert mean.shape == (1, 3, 1, 1), f"wrong shape {tuple(mean.shape)}"
except AssertionError as e:
    print("AssertionError:", e)
print(X.mean(dim=[0, 2, 3]).shape == torch.Size([3]), X.mean(dim=(0, -1, -2))[:2])

# %%
# in-place on a tensor saved for backward
x = torch.randn(3, requires_grad=True)
y = x.sigmoid()
z = y * 2
y.mul_(2)
try:
    z.sum().backward()
    print("no error: mul saved the constant, not y")
except RuntimeError as e:
    print(e)
y2 = x.exp()
y2.add_(1)
try:
    y2.sum().backward()
except RuntimeError as e:
    print(e)
w = torch.randn(3, requires_grad=True)
h = w * 1
p = h ** 2
h += 1
try:
    p.sum().backward()
except RuntimeError as e:
    print(e)
print(h._version, w._version)
