# Imitates CS231n assignment 2 (BatchNormalization.ipynb, Dropout.ipynb) as students check their hand-written layers
# against PyTorch: batchnorm_forward in train / test mode with running averages, batchnorm_backward and the
# "alternative" simplified backward checked against autograd with rel_error and '%e' prints, layer norm, spatial
# batchnorm vs nn.BatchNorm2d, inverted dropout with a fixed seed vs F.dropout; random data, small sizes.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

def rel_error(x, y):
    """ returns relative error """
    return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))

def print_mean_std(x, axis=0):
    print('  means: ', x.mean(axis=axis))
    print('  stds:  ', x.std(axis=axis))
    print()

# %%
def batchnorm_forward(x, gamma, beta, bn_param):
    mode = bn_param['mode']
    eps = bn_param.get('eps', 1e-5)
    momentum = bn_param.get('momentum', 0.9)
    N, D = x.shape
    running_mean = bn_param.get('running_mean', torch.zeros(D, dtype=x.dtype))
    running_var = bn_param.get('running_var', torch.zeros(D, dtype=x.dtype))
    cache = None
    if mode == 'train':
        mu = x.mean(dim=0)
        xc = x - mu
        var = (xc ** 2).mean(dim=0)
        std = torch.sqrt(var + eps)
        xn = xc / std
        out = gamma * xn + beta
        cache = (x, xc, var, std, xn, gamma, eps)
        running_mean = momentum * running_mean + (1 - momentum) * mu
        running_var = momentum * running_var + (1 - momentum) * var
    elif mode == 'test':
        out = gamma * (x - running_mean) / torch.sqrt(running_var + eps) + beta
    else:
        raise ValueError('Invalid forward batchnorm mode "%s"' % mode)
    bn_param['running_mean'] = running_mean
    bn_param['running_var'] = running_var
    return out, cache

torch.manual_seed(231)
N, D1, D2, D3 = 200, 50, 60, 3
X = torch.randn(N, D1, dtype=torch.float64)
W1 = torch.randn(D1, D2, dtype=torch.float64)
W2 = torch.randn(D2, D3, dtype=torch.float64)
a = torch.maximum(X.matmul(W1), torch.zeros(1, dtype=torch.float64)).matmul(W2)

print('Before batch normalization:')
print_mean_std(a, axis=0)

gamma = torch.ones((D3,), dtype=torch.float64)
beta = torch.zeros((D3,), dtype=torch.float64)
print('After batch normalization (gamma=1, beta=0)')
a_norm, _ = batchnorm_forward(a, gamma, beta, {'mode': 'train'})
print_mean_std(a_norm, axis=0)

gamma = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
beta = torch.tensor([11.0, 12.0, 13.0], dtype=torch.float64)
print('After batch normalization (gamma=', gamma, ', beta=', beta, ')')
a_norm, _ = batchnorm_forward(a, gamma, beta, {'mode': 'train'})
print_mean_std(a_norm, axis=0)

# %%
torch.manual_seed(231)
bn_param = {'mode': 'train'}
gamma = torch.ones(D3, dtype=torch.float64)
beta = torch.zeros(D3, dtype=torch.float64)
for t in range(50):
    X = torch.randn(N, D1, dtype=torch.float64)
    a = torch.relu(X @ W1) @ W2
    batchnorm_forward(a, gamma, beta, bn_param)
bn_param['mode'] = 'test'
X = torch.randn(N, D1, dtype=torch.float64)
a = torch.relu(X @ W1) @ W2
a_norm, _ = batchnorm_forward(a, gamma, beta, bn_param)
print('After batch normalization (test-time):')
print_mean_std(a_norm, axis=0)
print(bn_param['running_mean'].shape, bn_param['running_var'].dtype)

# %%
def batchnorm_backward(dout, cache):
    x, xc, var, std, xn, gamma, eps = cache
    N = dout.shape[0]
    dbeta = dout.sum(dim=0)
    dgamma = (dout * xn).sum(dim=0)
    dxn = dout * gamma
    dxc = dxn / std
    dstd = -((dxn * xc) / (std * std)).sum(dim=0)
    dvar = 0.5 * dstd / std
    dxc += (2.0 / N) * xc * dvar
    dmu = dxc.sum(dim=0)
    dx = dxc - dmu / N
    return dx, dgamma, dbeta

def batchnorm_backward_alt(dout, cache):
    x, xc, var, std, xn, gamma, eps = cache
    N = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = torch.sum(dout * xn, axis=0)
    dx = (gamma / std / N) * (N * dout - xn * dgamma - dbeta)
    return dx, dgamma, dbeta

torch.manual_seed(231)
N, D = 4, 5
x = (5 * torch.randn(N, D, dtype=torch.float64) + 12).requires_grad_()
gamma = torch.randn(D, dtype=torch.float64, requires_grad=True)
beta = torch.randn(D, dtype=torch.float64, requires_grad=True)
dout = torch.randn(N, D, dtype=torch.float64)

out, cache = batchnorm_forward(x, gamma, beta, {'mode': 'train'})
out.backward(dout)
with torch.no_grad():
    dx, dgamma, dbeta = batchnorm_backward(dout, cache)
    dx2, dgamma2, dbeta2 = batchnorm_backward_alt(dout, cache)
print('dx error: ', rel_error(x.grad.numpy(), dx.numpy()))
print('dgamma error: ', rel_error(gamma.grad.numpy(), dgamma.numpy()))
print('dbeta error: ', rel_error(beta.grad.numpy(), dbeta.numpy()))
print('dx difference: %e' % rel_error(dx.numpy(), dx2.numpy()) if rel_error(dx.numpy(), dx2.numpy()) > 1e-12 else 'dx difference: tiny')
print('dgamma difference: %e' % rel_error(dgamma.numpy(), dgamma2.numpy()))
print('dbeta difference: %e' % rel_error(dbeta.numpy(), dbeta2.numpy()))
print(x.grad.dtype, cache[4].requires_grad, cache[4].grad_fn)

# %%
# the same layer from nn: train mode uses the biased variance, the running var the unbiased one
torch.manual_seed(231)
bn = nn.BatchNorm1d(D, momentum=0.1).double()
xb = x.detach().clone().requires_grad_()
ob = bn(xb)
ours, _ = batchnorm_forward(x.detach(), bn.weight.detach(), bn.bias.detach(), {'mode': 'train', 'momentum': 0.9})
print('forward error vs nn: %e' % rel_error(ob.detach().numpy(), ours.numpy()) if rel_error(ob.detach().numpy(), ours.numpy()) > 1e-13 else 'forward matches')
print(bn.running_mean)
print(bn.running_var)
print(bn.num_batches_tracked, bn)
ob.backward(dout)
print('dx error vs nn: ', rel_error(xb.grad.numpy(), x.grad.numpy()) < 1e-10)
print(bn.weight.grad)
try:
    bn(torch.randn(1, D, dtype=torch.float64))
except Exception as e:
    print(type(e).__name__, e)

# %%
def layernorm_forward(x, gamma, beta, ln_param):
    eps = ln_param.get('eps', 1e-5)
    mu = x.mean(dim=1, keepdim=True)
    var = x.var(dim=1, keepdim=True, unbiased=False)
    xn = (x - mu) / torch.sqrt(var + eps)
    return gamma * xn + beta, None

torch.manual_seed(231)
N, D = 4, 3
x = 5 * torch.randn(N, D) + 12
gamma, beta = torch.ones(D), torch.zeros(D)
out, _ = layernorm_forward(x, gamma, beta, {})
print('After layer normalization (gamma=1, beta=0)')
print_mean_std(out, axis=1)
ref = F.layer_norm(x, (D,), gamma, beta)
print('layernorm vs F.layer_norm: %e' % rel_error(out.numpy(), ref.numpy()) if rel_error(out.numpy(), ref.numpy()) > 1e-6 else 'layernorm matches')
print(torch.allclose(out, ref, atol=1e-5))

# %%
def spatial_batchnorm_forward(x, gamma, beta, bn_param):
    N, C, H, W = x.shape
    x_flat = x.permute(0, 2, 3, 1).reshape(-1, C)
    out, cache = batchnorm_forward(x_flat, gamma, beta, bn_param)
    return out.reshape(N, H, W, C).permute(0, 3, 1, 2), cache

torch.manual_seed(231)
N, C, H, W = 2, 3, 4, 5
x = 4 * torch.randn(N, C, H, W, dtype=torch.float64) + 10
gamma = torch.tensor([3.0, 4.0, 5.0], dtype=torch.float64)
beta = torch.tensor([0.0, -1.0, 1.0], dtype=torch.float64)
out, _ = spatial_batchnorm_forward(x, gamma, beta, {'mode': 'train'})
print('After spatial batch normalization (nontrivial gamma, beta):')
print('  Shape: ', out.shape)
print('  Means: ', out.mean(axis=(0, 2, 3)))
print('  Stds: ', out.std(axis=(0, 2, 3), unbiased=False))
bn2 = nn.BatchNorm2d(C).double()
with torch.no_grad():
    bn2.weight.copy_(gamma); bn2.bias.copy_(beta)
print('vs nn.BatchNorm2d:', rel_error(bn2(x).detach().numpy(), out.numpy()) < 1e-10)
print(out.is_contiguous(), out.stride())

# %%
def dropout_forward(x, dropout_param):
    p, mode = dropout_param['p'], dropout_param['mode']
    if 'seed' in dropout_param:
        torch.manual_seed(dropout_param['seed'])
    mask = None
    if mode == 'train':
        mask = (torch.rand(*x.shape) < p) / p
        out = x * mask
    elif mode == 'test':
        out = x
    return out, (dropout_param, mask)

torch.manual_seed(231)
x = torch.randn(500, 500) + 10
for p in [0.25, 0.4, 0.7]:
    out, _ = dropout_forward(x, {'mode': 'train', 'p': p, 'seed': 123})
    out_test, _ = dropout_forward(x, {'mode': 'test', 'p': p})
    print('Running tests with p = ', p)
    print('Mean of input: ', x.mean())
    print('Mean of train-time output: ', out.mean())
    print('Mean of test-time output: ', out_test.mean())
    print('Fraction of train-time output set to zero: ', (out == 0).float().mean())
    print('Fraction of test-time output set to zero: ', (out_test == 0).float().mean())
    print()

# %%
# nn's dropout keeps with probability 1 - p: the same seed gives another mask
torch.manual_seed(123)
y = F.dropout(torch.ones(3, 4), p=0.4, training=True)
print(y)
torch.manual_seed(123)
drop = nn.Dropout(0.4)
print(drop(torch.ones(3, 4)))
drop.eval()
print(drop(torch.ones(2, 2)), drop)
xg = torch.randn(2, 4, requires_grad=True)
torch.manual_seed(0)
F.dropout(xg, 0.5).sum().backward()
print(xg.grad)
for bad in [1.5, -0.1]:
    try:
        F.dropout(xg, bad)
    except Exception as e:
        print(type(e).__name__, e)
