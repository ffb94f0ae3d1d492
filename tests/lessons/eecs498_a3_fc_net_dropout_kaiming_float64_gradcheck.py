# Imitates UMich EECS 498-007/598-005 A2 two_layer_net / A3 fully_connected_networks.ipynb as students type it:
# Linear / ReLU / Linear_ReLU layers with forward and backward by hand in float64, eecs598.grad's dense numeric
# gradient (flat views written in place), rel_error, inverted dropout with a mask from torch.rand, Kaiming init by
# hand and with nn.init, sgd_momentum / rmsprop / adam update rules with config dicts, and autograd as a check.
import torch

def rel_error(x, y, eps=1e-10):
    top = (x - y).abs().max().item()
    bot = (x.abs() + y.abs()).clamp(min=eps).max().item()
    return top / bot

def compute_numeric_gradient(f, x, dLdf=None, h=1e-7):
    flat_x = x.contiguous().flatten()
    grad = torch.zeros_like(x)
    flat_grad = grad.flatten()
    y = f(x)
    if dLdf is None:
        if y.dim() == 0:
            dLdf = torch.tensor(1.0, dtype=y.dtype, device=y.device)
        else:
            dLdf = torch.ones_like(y)
    for i in range(flat_x.shape[0]):
        oldval = flat_x[i].item()
        flat_x[i] = oldval + h
        yph = f(x).clone()
        flat_x[i] = oldval - h
        ymh = f(x).clone()
        flat_x[i] = oldval
        flat_grad[i] = (dLdf * (yph - ymh) / (2 * h)).sum().item()
    return grad

class Linear(object):
    @staticmethod
    def forward(x, w, b):
        out = x.reshape(x.shape[0], -1).mm(w) + b
        return out, (x, w, b)

    @staticmethod
    def backward(dout, cache):
        x, w, b = cache
        dx = dout.mm(w.t()).view(x.shape)
        dw = x.reshape(x.shape[0], -1).t().mm(dout)
        db = dout.sum(dim=0)
        return dx, dw, db

class ReLU(object):
    @staticmethod
    def forward(x):
        out = x.clone()
        out[out < 0] = 0
        return out, x

    @staticmethod
    def backward(dout, cache):
        x = cache
        dx = dout.clone()
        dx[x <= 0] = 0
        return dx

num_inputs, input_shape, output_dim = 2, (4, 5, 6), 3
input_size = num_inputs * torch.prod(torch.tensor(input_shape))
weight_size = output_dim * torch.prod(torch.tensor(input_shape))
print(input_size, weight_size, type(input_size), input_size.dtype)
x = torch.linspace(-0.1, 0.5, steps=input_size, dtype=torch.float64).reshape(num_inputs, *input_shape)
w = torch.linspace(-0.2, 0.3, steps=weight_size, dtype=torch.float64).reshape(torch.prod(torch.tensor(input_shape)), output_dim)
b = torch.linspace(-0.3, 0.1, steps=output_dim, dtype=torch.float64)
out, _ = Linear.forward(x, w, b)
correct_out = torch.tensor([[1.49834984, 1.70660150, 1.91485316], [3.25553226, 3.51413301, 3.77273372]]).double()
print('Testing Linear.forward function:')
print('difference: ', rel_error(out, correct_out))
print(out, w.shape, x.shape)

# %%
torch.manual_seed(0)
x = torch.randn(10, 2, 3, dtype=torch.float64)
w = torch.randn(6, 5, dtype=torch.float64)
b = torch.randn(5, dtype=torch.float64)
dout = torch.randn(10, 5, dtype=torch.float64)
dx_num = compute_numeric_gradient(lambda x: Linear.forward(x, w, b)[0], x, dout)
dw_num = compute_numeric_gradient(lambda w: Linear.forward(x, w, b)[0], w, dout)
db_num = compute_numeric_gradient(lambda b: Linear.forward(x, w, b)[0], b, dout)
_, cache = Linear.forward(x, w, b)
dx, dw, db = Linear.backward(dout, cache)
print('dx error: %.2e' % rel_error(dx_num, dx) if rel_error(dx_num, dx) < 1e-7 else 'bad')
print('dw error ok:', rel_error(dw_num, dw) < 1e-7, 'db error ok:', rel_error(db_num, db) < 1e-7)
xr = torch.randn(10, 10, dtype=torch.float64)
dout = torch.randn(*xr.shape, dtype=torch.float64)
dx_num = compute_numeric_gradient(lambda x: ReLU.forward(x)[0], xr, dout)
dx = ReLU.backward(dout, ReLU.forward(xr)[1])
print('ReLU dx error ok:', rel_error(dx_num, dx) < 1e-7, dx[0])
xa = x.clone().requires_grad_(True)
wa = w.clone().requires_grad_(True)
ba = b.clone().requires_grad_(True)
o = torch.nn.functional.relu(xa.flatten(1) @ wa + ba)
o.backward(torch.ones_like(o))
print(o.grad_fn, xa.grad.shape, ba.grad, wa.grad.dtype)
print(torch.autograd.gradcheck(lambda a, c, d: (a.flatten(1) @ c + d).relu(), (xa, wa, ba)))
try:
    torch.autograd.gradcheck(lambda a: a.relu(), (xa.float().detach().requires_grad_(),))
except Exception as e:
    print(type(e).__name__, str(e)[:120])

# %%
def dropout_forward(x, p, mode, seed=None):
    if seed is not None:
        torch.manual_seed(seed)
    mask = None
    if mode == 'train':
        mask = (torch.rand(x.shape, dtype=x.dtype) > p) / (1 - p)
        out = x * mask
    elif mode == 'test':
        out = x
    return out, (p, mode, mask)

def dropout_backward(dout, cache):
    p, mode, mask = cache
    return dout * mask if mode == 'train' else dout

torch.manual_seed(0)
x = torch.randn(500, 500, dtype=torch.float64) + 10
for p in [0.25, 0.4, 0.7]:
    out, _ = dropout_forward(x, p, 'train', seed=0)
    out_test, _ = dropout_forward(x, p, 'test', seed=0)
    print('Running tests with p = ', p)
    print('Mean of input: ', x.mean().item())
    print('Mean of train-time output: ', out.mean().item())
    print('Mean of test-time output: ', out_test.mean().item())
    print('Fraction of train-time output set to zero: ', (out == 0).type(torch.float32).mean().item())
    print('Fraction of test-time output set to zero: ', (out_test == 0).type(torch.float32).mean().item())
xs = torch.randn(10, 10, dtype=torch.float64) + 10
dout = torch.randn_like(xs)
out, cache = dropout_forward(xs, 0.2, 'train', seed=123)
dx = dropout_backward(dout, cache)
dx_num = compute_numeric_gradient(lambda xx: dropout_forward(xx, 0.2, 'train', seed=123)[0], xs, dout)
print('dx relative error ok: ', rel_error(dx, dx_num) < 1e-8, cache[2].dtype, dx[0, :4])
m = torch.rand(3, 4) > 0.5
print(m, m / 0.5, (m / 0.5).dtype, m.float() * 2)
try:
    torch.rand(3, 4, dtype=torch.int64)
except Exception as e:
    print(type(e).__name__, e)

# %%
def kaiming_initializer(Din, Dout, K=None, relu=True, device='cpu', dtype=torch.float32):
    gain = 2. if relu else 1.
    if K is None:
        weight_scale = gain / Din
        weight = torch.randn(Din, Dout, dtype=dtype, device=device) * weight_scale ** 0.5
    else:
        weight_scale = gain / (Din * K * K)
        weight = torch.randn(Din, Dout, K, K, dtype=dtype, device=device) * weight_scale ** 0.5
    return weight

torch.manual_seed(0)
print(kaiming_initializer(3, 4))
print(kaiming_initializer(3, 4, K=3, relu=False).std(), kaiming_initializer(50, 60, dtype=torch.float64).std())
wk = torch.empty(60, 50)
torch.nn.init.kaiming_normal_(wk, nonlinearity='relu')
print(wk.std(), wk[0, :3])
torch.nn.init.kaiming_uniform_(wk, a=0, mode='fan_out')
print(wk.abs().max(), wk[1, :3])
print(torch.nn.init.calculate_gain('relu'), torch.nn.init.calculate_gain('leaky_relu', 0.2))
lin = torch.nn.Linear(50, 60)
torch.nn.init.zeros_(lin.bias)
print(lin.weight.std(), lin.bias[:3], lin.weight.grad)
try:
    torch.nn.init.kaiming_normal_(torch.empty(5))
except Exception as e:
    print(type(e).__name__, e)

# %%
def sgd_momentum(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault('learning_rate', 1e-2)
    config.setdefault('momentum', 0.9)
    v = config.get('velocity', torch.zeros_like(w))
    v = config['momentum'] * v - config['learning_rate'] * dw
    next_w = w + v
    config['velocity'] = v
    return next_w, config

def rmsprop(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault('learning_rate', 1e-2)
    config.setdefault('decay_rate', 0.99)
    config.setdefault('epsilon', 1e-8)
    config.setdefault('cache', torch.zeros_like(w))
    config['cache'] = config['decay_rate'] * config['cache'] + (1 - config['decay_rate']) * dw ** 2
    next_w = w - config['learning_rate'] * dw / (config['cache'].sqrt() + config['epsilon'])
    return next_w, config

def adam(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault('learning_rate', 1e-3)
    config.setdefault('beta1', 0.9)
    config.setdefault('beta2', 0.999)
    config.setdefault('epsilon', 1e-8)
    config.setdefault('m', torch.zeros_like(w))
    config.setdefault('v', torch.zeros_like(w))
    config.setdefault('t', 0)
    config['t'] += 1
    config['m'] = config['beta1'] * config['m'] + (1 - config['beta1']) * dw
    config['v'] = config['beta2'] * config['v'] + (1 - config['beta2']) * (dw * dw)
    mt = config['m'] / (1 - config['beta1'] ** config['t'])
    vt = config['v'] / (1 - config['beta2'] ** config['t'])
    next_w = w - config['learning_rate'] * mt / (torch.sqrt(vt) + config['epsilon'])
    return next_w, config

N, D = 4, 5
w = torch.linspace(-0.4, 0.6, steps=N * D, dtype=torch.float64).reshape(N, D)
dw = torch.linspace(-0.6, 0.4, steps=N * D, dtype=torch.float64).reshape(N, D)
v = torch.linspace(0.6, 0.9, steps=N * D, dtype=torch.float64).reshape(N, D)
next_w, _ = sgd_momentum(w, dw, {'learning_rate': 1e-3, 'velocity': v})
print(next_w[0])
next_w, cfg = rmsprop(w, dw, {'learning_rate': 1e-2, 'cache': v})
print(next_w[1], cfg['cache'][0, :2])
next_w, cfg = adam(w, dw, {'learning_rate': 1e-2, 'm': v, 'v': v.flip(0), 't': 5})
print(next_w[2], cfg['t'], cfg['v'][3])
wt = w.clone().requires_grad_()
opt = torch.optim.Adam([wt], lr=1e-2)
for step in range(3):
    opt.zero_grad()
    (wt * dw).sum().backward()
    opt.step()
wa, cfg = w.clone(), None
for step in range(3):
    wa, cfg = adam(wa, dw, cfg if cfg else {'learning_rate': 1e-2})
print(rel_error(wt.detach(), wa), wt[0, :3])
