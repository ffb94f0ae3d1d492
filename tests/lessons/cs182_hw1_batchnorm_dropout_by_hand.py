# Imitates Berkeley CS182/282A homework 1 (deep-learning fundamentals): a fully connected net, batchnorm and
# inverted dropout written by hand with torch ops, then checked against torch.nn.BatchNorm1d / nn.Dropout and
# F.* with the course's rel_error helper and torch.allclose, plus the notebook's numeric-gradient checks.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(182)
torch.set_default_dtype(torch.float64)

def rel_error(x, y):
    """ returns relative error """
    return torch.max(torch.abs(x - y) / (torch.clamp(torch.abs(x) + torch.abs(y), min=1e-8))).item()

def eval_numerical_gradient_array(f, x, df, h=1e-5):
    grad = torch.zeros_like(x)
    flat_x, flat_g = x.view(-1), grad.view(-1)
    for i in range(flat_x.numel()):
        oldval = flat_x[i].item()
        flat_x[i] = oldval + h
        pos = f(x).clone()
        flat_x[i] = oldval - h
        neg = f(x).clone()
        flat_x[i] = oldval
        flat_g[i] = torch.sum((pos - neg) * df) / (2 * h)
    return grad

print(torch.get_default_dtype())

# %%
def batchnorm_forward(x, gamma, beta, bn_param):
    mode = bn_param['mode']
    eps = bn_param.get('eps', 1e-5)
    momentum = bn_param.get('momentum', 0.9)
    N, D = x.shape
    running_mean = bn_param.get('running_mean', torch.zeros(D, dtype=x.dtype))
    running_var = bn_param.get('running_var', torch.zeros(D, dtype=x.dtype))
    if mode == 'train':
        mu = x.mean(dim=0)
        var = x.var(dim=0, unbiased=False)
        xhat = (x - mu) / torch.sqrt(var + eps)
        out = gamma * xhat + beta
        running_mean = momentum * running_mean + (1 - momentum) * mu
        running_var = momentum * running_var + (1 - momentum) * var
        cache = (x, xhat, mu, var, eps, gamma)
    elif mode == 'test':
        out = gamma * (x - running_mean) / torch.sqrt(running_var + eps) + beta
        cache = None
    else:
        raise ValueError('Invalid forward batchnorm mode "%s"' % mode)
    bn_param['running_mean'] = running_mean.detach()
    bn_param['running_var'] = running_var.detach()
    return out, cache

N, D1, D2, D3 = 200, 50, 60, 3
X = torch.randn(N, D1)
W1 = torch.randn(D1, D2)
W2 = torch.randn(D2, D3)
a = torch.maximum(X @ W1, torch.tensor(0.)) @ W2
print('Before batch normalization:')
print('  means:', a.mean(dim=0))
print('  stds:', a.std(dim=0))
out, _ = batchnorm_forward(a, torch.ones(D3), torch.zeros(D3), {'mode': 'train'})
print('After batch normalization (gamma=1, beta=0)')
print('  mean:', out.mean(dim=0).abs().max() < 1e-10)
print('  std:', out.std(dim=0, unbiased=False))
try:
    batchnorm_forward(a, torch.ones(D3), torch.zeros(D3), {'mode': 'eval'})
except ValueError as e:
    print(type(e).__name__, e)

# %%
# compare with torch.nn.BatchNorm1d: the course's momentum is 1 - PyTorch's
bn = nn.BatchNorm1d(D3, momentum=0.1, eps=1e-5)
print(bn)
bn_param = {'mode': 'train', 'momentum': 0.9}
for t in range(50):
    Xb = torch.randn(N, D1)
    a = torch.relu(Xb @ W1) @ W2
    mine, _ = batchnorm_forward(a, torch.ones(D3), torch.zeros(D3), bn_param)
    theirs = bn(a)
print('train out rel_error', rel_error(mine, theirs) < 1e-8)
print('running_mean rel_error', rel_error(bn_param['running_mean'], bn.running_mean) < 1e-8)
print('running_var close?', torch.allclose(bn_param['running_var'], bn.running_var))
print('unbiased running var (PyTorch) vs biased:', (bn.running_var / bn_param['running_var']).mean().item() > 1)
print(bn.num_batches_tracked, bn.running_mean.dtype, bn.weight.dtype)
bn.eval()
bn_param['mode'] = 'test'
Xt = torch.randn(N, D1)
at = torch.relu(Xt @ W1) @ W2
mine, cache = batchnorm_forward(at, torch.ones(D3), torch.zeros(D3), bn_param)
print(cache, mine.shape, bn(at).shape, bn.training)

# %%
# backward: autograd vs the numeric gradient vs the hand-written simplified formula
x = 5 * torch.randn(4, 5) + 12
gamma = torch.randn(5)
beta = torch.randn(5)
dout = torch.randn(4, 5)
bn_param = {'mode': 'train'}
fx = lambda x: batchnorm_forward(x, gamma, beta, bn_param)[0]
fg = lambda a: batchnorm_forward(x, a, beta, bn_param)[0]
dx_num = eval_numerical_gradient_array(fx, x, dout)
dgamma_num = eval_numerical_gradient_array(fg, gamma.clone(), dout)

xr, gr, br = (t.clone().requires_grad_() for t in (x, gamma, beta))
out, cache = batchnorm_forward(xr, gr, br, bn_param)
out.backward(dout)
print('dx error: ', rel_error(dx_num, xr.grad) < 1e-7)
print('dgamma error: ', rel_error(dgamma_num, gr.grad) < 1e-7)
print('dbeta:', br.grad)

def batchnorm_backward_alt(dout, cache):
    x, xhat, mu, var, eps, gamma = cache
    N = dout.shape[0]
    dgamma = (dout * xhat).sum(dim=0)
    dbeta = dout.sum(dim=0)
    dxhat = dout * gamma
    dx = (1. / N) / torch.sqrt(var + eps) * (N * dxhat - dxhat.sum(0) - xhat * (dxhat * xhat).sum(0))
    return dx, dgamma, dbeta

with torch.no_grad():
    dx, dgamma, dbeta = batchnorm_backward_alt(dout, cache)
print('alt dx', rel_error(dx, xr.grad) < 1e-9, 'dbeta equal', torch.equal(dbeta, br.grad))
print(cache[1].requires_grad, cache[1].grad_fn.name(), dx.requires_grad)

# %%
# inverted dropout by hand vs nn.Dropout / F.dropout
def dropout_forward(x, dropout_param):
    p, mode = dropout_param['p'], dropout_param['mode']
    if 'seed' in dropout_param:
        torch.manual_seed(dropout_param['seed'])
    mask = None
    if mode == 'train':
        mask = (torch.rand(*x.shape) < p) / p     # p is the keep probability in this homework
        out = x * mask
    else:
        out = x
    return out, (dropout_param, mask)

x = torch.randn(500, 500) + 10
for p in [0.25, 0.4, 0.7]:
    out, _ = dropout_forward(x, {'mode': 'train', 'p': p})
    out_test, _ = dropout_forward(x, {'mode': 'test', 'p': p})
    print('Running tests with p = ', p)
    print('Mean of input: ', round(x.mean().item(), 1))
    print('Mean of train-time output: ', round(out.mean().item(), 0))
    print('Mean of test-time output: ', round(out_test.mean().item(), 1))
    print('Fraction of train-time output set to zero: ', round((out == 0).double().mean().item(), 2))
    print()

drop = nn.Dropout(p=0.3)
print(drop, drop.training)
y = drop(torch.ones(2, 8))
print(set(y.unique().tolist()) <= {0.0, 1 / 0.7})
drop.eval()
print(drop(torch.ones(2, 3)))
for bad in [1.5, -0.1]:
    try:
        nn.Dropout(p=bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    F.dropout(torch.ones(3), p=2.0)
except ValueError as e:
    print(type(e).__name__, e)
print(F.dropout(torch.ones(2, 2), p=0.5, training=False))
print(F.dropout(torch.ones(4), p=1.0), F.dropout(torch.ones(4), p=0.0))

# %%
# dropout backward: the mask is the gradient
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
out, (param, mask) = dropout_forward(x, {'mode': 'train', 'p': 0.5, 'seed': 123})
out.sum().backward()
print(torch.equal(x.grad, mask), mask.dtype, mask.unique())
torch.manual_seed(123)
xd = x.detach().requires_grad_()
fd = F.dropout(xd, p=0.5)
fd.backward(torch.ones_like(fd))
print(fd.grad_fn, xd.grad.unique())
torch.set_default_dtype(torch.float32)
