# Imitates CS231n assignment 2's ConvolutionalNetworks.ipynb done with PyTorch tensors: conv_forward_naive with
# loops over a padded input checked against F.conv2d ('Testing conv_forward_naive', 'difference: '), conv_backward
# checked against autograd and against torch.nn.grad.conv2d_input / conv2d_weight (dx, dw, db errors printed with
# '%e'), max_pool_forward_naive vs F.max_pool2d and its backward, and the mistakes students make with those calls.
import numpy as np
import torch
import torch.nn.functional as F

def rel_error(x, y):
    """ returns relative error """
    return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))

# %%
def conv_forward_naive(x, w, b, conv_param):
    stride, pad = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F_, _, HH, WW = w.shape
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride
    x_pad = F.pad(x, (pad, pad, pad, pad))
    out = torch.zeros(N, F_, H_out, W_out, dtype=x.dtype)
    for n in range(N):
        for f in range(F_):
            for i in range(H_out):
                for j in range(W_out):
                    window = x_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    out[n, f, i, j] = (window * w[f]).sum() + b[f]
    return out, (x, w, b, conv_param)

x_shape = (2, 3, 4, 4)
w_shape = (3, 3, 4, 4)
x = torch.linspace(-0.1, 0.5, steps=int(np.prod(x_shape)), dtype=torch.float64).reshape(x_shape)
w = torch.linspace(-0.2, 0.3, steps=int(np.prod(w_shape)), dtype=torch.float64).reshape(w_shape)
b = torch.linspace(-0.1, 0.2, steps=3, dtype=torch.float64)
conv_param = {'stride': 2, 'pad': 1}
out, _ = conv_forward_naive(x, w, b, conv_param)
correct_out = F.conv2d(x, w, b, stride=2, padding=1)
# Compare your output to ours; difference should be around e-8
print('Testing conv_forward_naive')
print('difference: ', rel_error(out.numpy(), correct_out.numpy()) < 1e-8)
print(out[0, 0])

# %%
torch.manual_seed(231)
x = torch.randn(4, 3, 5, 5, dtype=torch.float64, requires_grad=True)
w = torch.randn(2, 3, 3, 3, dtype=torch.float64, requires_grad=True)
b = torch.randn(2, dtype=torch.float64, requires_grad=True)
dout = torch.randn(4, 2, 5, 5, dtype=torch.float64)
conv_param = {'stride': 1, 'pad': 1}
out, cache = conv_forward_naive(x, w, b, conv_param)
out.backward(dout)
print(out.grad_fn, out.shape)
dx = torch.nn.grad.conv2d_input(x.shape, w.detach(), dout, stride=1, padding=1)
dw = torch.nn.grad.conv2d_weight(x.detach(), w.shape, dout, stride=1, padding=1)
db = dout.sum(dim=(0, 2, 3))
# Your errors should be around e-8 or less.
print('Testing conv_backward_naive function')
print('dx error: %e' % rel_error(x.grad.numpy(), dx.numpy()) if rel_error(x.grad.numpy(), dx.numpy()) > 1e-12 else 'dx error: < 1e-12')
print('dw error: ', rel_error(w.grad.numpy(), dw.numpy()) < 1e-10)
print('db error: ', rel_error(b.grad.numpy(), db.numpy()) < 1e-10)
print(dx.dtype, dw.shape, dx.requires_grad)

# %%
# the mistakes: a float32 upstream gradient with float64 data, a stride that the gradient's shape does not match
dout32 = dout.float()
for name, call in [
        ('dx', lambda: torch.nn.grad.conv2d_input(x.shape, w.detach(), dout32, padding=1)),
        ('dw', lambda: torch.nn.grad.conv2d_weight(x.detach(), w.shape, dout32, padding=1)),
        ('dw stride 2', lambda: torch.nn.grad.conv2d_weight(x.detach(), w.shape, dout, stride=2, padding=1)),
        ('dx stride 2', lambda: torch.nn.grad.conv2d_input(x.shape, w.detach(), dout, stride=2, padding=1)),
        ('dx no pad', lambda: torch.nn.grad.conv2d_input(x.shape, w.detach(), dout)),
        ('dw unbatched', lambda: torch.nn.grad.conv2d_weight(x.detach(), w.shape, dout[0], padding=1)),
        ('dw channels', lambda: torch.nn.grad.conv2d_weight(x.detach(), (2, 4, 3, 3), dout, padding=1)),
        ('dx ints', lambda: torch.nn.grad.conv2d_input(x.shape, w.detach().long(), dout.long(), padding=1)),
        ('dw ints', lambda: torch.nn.grad.conv2d_weight(x.detach().int(), w.shape, dout, padding=1)),
]:
    try:
        print(name, torch.nn.grad.__name__, call().shape)
    except Exception as e:
        print(name, type(e).__name__, e)

# %%
def max_pool_forward_naive(x, pool_param):
    ph, pw, s = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    N, C, H, W = x.shape
    H_out, W_out = 1 + (H - ph) // s, 1 + (W - pw) // s
    out = torch.zeros(N, C, H_out, W_out, dtype=x.dtype)
    for i in range(H_out):
        for j in range(W_out):
            out[:, :, i, j] = x[:, :, i * s:i * s + ph, j * s:j * s + pw].amax(dim=(2, 3))
    return out

x_shape = (2, 3, 4, 4)
x = torch.linspace(-0.3, 0.4, steps=int(np.prod(x_shape)), dtype=torch.float64).reshape(x_shape)
pool_param = {'pool_width': 2, 'pool_height': 2, 'stride': 2}
out = max_pool_forward_naive(x, pool_param)
print('Testing max_pool_forward_naive function:')
print('difference: ', rel_error(out.numpy(), F.max_pool2d(x, 2, 2).numpy()))
xr = torch.randn(3, 2, 8, 8, dtype=torch.float64, requires_grad=True)
dout = torch.randn(3, 2, 4, 4, dtype=torch.float64)
max_pool_forward_naive(xr, pool_param).backward(dout)
g_naive = xr.grad.clone()
xr.grad = None
pooled, idx = F.max_pool2d(xr, 2, 2, return_indices=True)
pooled.backward(dout)
print('dx error: ', rel_error(g_naive.numpy(), xr.grad.numpy()))
print(idx[0, 0], idx.dtype)
print(F.max_unpool2d(pooled, idx, 2, 2).shape, pooled.grad_fn)
