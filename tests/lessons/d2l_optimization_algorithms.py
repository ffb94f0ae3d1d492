# Imitates d2l.ai chapter 11 (PyTorch edition): gradient descent on f(x) = x**2 and a 2-d quadratic, momentum,
# AdaGrad, RMSProp, Adadelta and Adam from scratch (init_*_states, hyperparams dicts, p[:] updates), the concise
# torch.optim versions on the same data, and learning-rate schedulers (StepLR, MultiStepLR, CosineAnnealingLR,
# a LambdaLR warmup, scheduler.get_last_lr()).
import math

import torch
from torch import nn

# %%
def f(x):  # 目标函数
    return x ** 2

def f_grad(x):  # 目标函数的梯度(导数)
    return 2 * x

def gd(eta, f_grad):
    x = 10.0
    results = [x]
    for i in range(10):
        x -= eta * f_grad(x)
        results.append(float(x))
    print(f'epoch 10, x: {x:f}')
    return results

results = gd(0.2, f_grad)
gd(1.1, f_grad)

# %%
c = torch.tensor(0.15 * math.pi)

def f(x):  # 目标函数
    return x * torch.cos(c * x)

def f_grad(x):  # 目标函数的梯度
    return torch.cos(c * x) - c * x * torch.sin(c * x)

x = torch.tensor(10.0)
for i in range(10):
    x -= 2 * f_grad(x)
print(x, f(x))

# %%
def train_2d(trainer, steps=20, f_grad=None):  #@save
    """用定制的训练机优化2D目标函数"""
    # s1和s2是稍后将使用的内部状态变量
    x1, x2, s1, s2 = -5, -2, 0, 0
    results = [(x1, x2)]
    for i in range(steps):
        if f_grad:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2, f_grad)
        else:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2)
        results.append((x1, x2))
    print(f'epoch {i + 1}, x1: {float(x1):f}, x2: {float(x2):f}')
    return results

eta = 0.4
def f_2d(x1, x2):
    return 0.1 * x1 ** 2 + 2 * x2 ** 2
def gd_2d(x1, x2, s1, s2):
    return (x1 - eta * 0.2 * x1, x2 - eta * 4 * x2, 0, 0)
def momentum_2d(x1, x2, v1, v2):
    v1 = beta * v1 + 0.2 * x1
    v2 = beta * v2 + 4 * x2
    return x1 - eta * v1, x2 - eta * v2, v1, v2
def adagrad_2d(x1, x2, s1, s2):
    eps = 1e-6
    g1, g2 = 0.2 * x1, 4 * x2
    s1 += g1 ** 2
    s2 += g2 ** 2
    x1 -= eta / math.sqrt(s1 + eps) * g1
    x2 -= eta / math.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2

train_2d(gd_2d)
eta, beta = 0.6, 0.5
train_2d(momentum_2d)
eta = 0.4
train_2d(adagrad_2d)

# %%
torch.manual_seed(0)
features = torch.randn(200, 5)
labels = features @ torch.tensor([[1.0], [-2.0], [0.5], [3.0], [0.0]]) + 0.3 + 0.01 * torch.randn(200, 1)
feature_dim = features.shape[1]

def train_ch11(trainer_fn, states, hyperparams, num_epochs=2, batch_size=20):
    w = torch.normal(mean=0.0, std=0.01, size=(feature_dim, 1), requires_grad=True)
    b = torch.zeros((1), requires_grad=True)
    net, loss = lambda X: torch.matmul(X, w) + b, lambda y_hat, y: (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
    for _ in range(num_epochs):
        for i in range(0, 200, batch_size):
            X, y = features[i:i + batch_size], labels[i:i + batch_size]
            l = loss(net(X), y).mean()
            l.backward()
            trainer_fn([w, b], states, hyperparams)
        print(f'loss: {float(loss(net(features), labels).mean()):.6f}')
    return w, b

def sgd(params, states, hyperparams):
    for p in params:
        p.data.sub_(hyperparams['lr'] * p.grad)
        p.grad.data.zero_()

w, b = train_ch11(sgd, None, {'lr': 0.05})

# %%
def init_momentum_states(feature_dim):
    v_w = torch.zeros((feature_dim, 1))
    v_b = torch.zeros(1)
    return (v_w, v_b)

def sgd_momentum(params, states, hyperparams):
    for p, v in zip(params, states):
        with torch.no_grad():
            v[:] = hyperparams['momentum'] * v + p.grad
            p[:] -= hyperparams['lr'] * v
        p.grad.data.zero_()

train_ch11(sgd_momentum, init_momentum_states(feature_dim), {'lr': 0.02, 'momentum': 0.5})

# %%
def init_adagrad_states(feature_dim):
    s_w = torch.zeros((feature_dim, 1))
    s_b = torch.zeros(1)
    return (s_w, s_b)

def adagrad(params, states, hyperparams):
    eps = 1e-6
    for p, s in zip(params, states):
        with torch.no_grad():
            s[:] += torch.square(p.grad)
            p[:] -= hyperparams['lr'] * p.grad / torch.sqrt(s + eps)
        p.grad.data.zero_()

train_ch11(adagrad, init_adagrad_states(feature_dim), {'lr': 0.1})

# %%
def init_rmsprop_states(feature_dim):
    s_w = torch.zeros((feature_dim, 1))
    s_b = torch.zeros(1)
    return (s_w, s_b)

def rmsprop(params, states, hyperparams):
    gamma, eps = hyperparams['gamma'], 1e-6
    for p, s in zip(params, states):
        with torch.no_grad():
            s[:] = gamma * s + (1 - gamma) * torch.square(p.grad)
            p[:] -= hyperparams['lr'] * p.grad / torch.sqrt(s + eps)
        p.grad.data.zero_()

train_ch11(rmsprop, init_rmsprop_states(feature_dim), {'lr': 0.01, 'gamma': 0.9})

# %%
def init_adadelta_states(feature_dim):
    s_w, s_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    delta_w, delta_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    return ((s_w, delta_w), (s_b, delta_b))

def adadelta(params, states, hyperparams):
    rho, eps = hyperparams['rho'], 1e-5
    for p, (s, delta) in zip(params, states):
        with torch.no_grad():
            # In-placeupdatesvia[:]
            s[:] = rho * s + (1 - rho) * torch.square(p.grad)
            g = (torch.sqrt(delta + eps) / torch.sqrt(s + eps)) * p.grad
            p[:] -= g
            delta[:] = rho * delta + (1 - rho) * g * g
        p.grad.data.zero_()

train_ch11(adadelta, init_adadelta_states(feature_dim), {'rho': 0.9})

# %%
def init_adam_states(feature_dim):
    v_w, v_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    s_w, s_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    return ((v_w, s_w), (v_b, s_b))

def adam(params, states, hyperparams):
    beta1, beta2, eps = 0.9, 0.999, 1e-6
    for p, (v, s) in zip(params, states):
        with torch.no_grad():
            v[:] = beta1 * v + (1 - beta1) * p.grad
            s[:] = beta2 * s + (1 - beta2) * torch.square(p.grad)
            v_bias_corr = v / (1 - beta1 ** hyperparams['t'])
            s_bias_corr = s / (1 - beta2 ** hyperparams['t'])
            p[:] -= hyperparams['lr'] * v_bias_corr / (torch.sqrt(s_bias_corr)
                                                       + eps)
        p.grad.data.zero_()
    hyperparams['t'] += 1

train_ch11(adam, init_adam_states(feature_dim), {'lr': 0.01, 't': 1})

# %%
def train_concise_ch11(trainer_fn, hyperparams, num_epochs=2):
    net = nn.Sequential(nn.Linear(5, 1))
    def init_weights(m):
        if type(m) == nn.Linear:
            torch.nn.init.normal_(m.weight, std=0.01)
    net.apply(init_weights)
    optimizer = trainer_fn(net.parameters(), **hyperparams)
    loss = nn.MSELoss(reduction='none')
    for _ in range(num_epochs):
        for i in range(0, 200, 20):
            X, y = features[i:i + 20], labels[i:i + 20]
            optimizer.zero_grad()
            out = net(X)
            y = y.reshape(out.shape)
            l = loss(out, y)
            l.mean().backward()
            optimizer.step()
        print(f'loss: {float(loss(net(features), labels).mean() / 2):.6f}')
    return optimizer

for trainer, hp in [(torch.optim.SGD, {'lr': 0.01, 'momentum': 0.9}), (torch.optim.Adagrad, {'lr': 0.1}),
                    (torch.optim.RMSprop, {'lr': 0.01, 'alpha': 0.9}), (torch.optim.Adadelta, {}),
                    (torch.optim.Adam, {'lr': 0.01})]:
    opt = train_concise_ch11(trainer, hp)
print(opt)

# %%
net = nn.Sequential(nn.Linear(5, 1))
trainer = torch.optim.SGD(net.parameters(), lr=0.5)
scheduler = torch.optim.lr_scheduler.StepLR(trainer, step_size=3, gamma=0.5)
for epoch in range(8):
    trainer.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr(), trainer.param_groups[0]["lr"])

# %%
trainer = torch.optim.SGD(net.parameters(), lr=0.5)
scheduler = torch.optim.lr_scheduler.MultiStepLR(trainer, milestones=[3, 6], gamma=0.5)
lrs = []
for epoch in range(8):
    trainer.step()
    lrs.append(scheduler.get_last_lr()[0])
    scheduler.step()
print(lrs)

# %%
trainer = torch.optim.SGD(net.parameters(), lr=0.3)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(trainer, T_max=10, eta_min=0.01)
for epoch in range(12):
    trainer.step()
    scheduler.step()
print([round(g['lr'], 6) for g in trainer.param_groups], scheduler.get_last_lr())

# %%
trainer = torch.optim.SGD(net.parameters(), lr=0.3)
warmup = torch.optim.lr_scheduler.LambdaLR(trainer, lr_lambda=lambda epoch: min(1.0, (epoch + 1) / 5))
for epoch in range(6):
    trainer.step()
    warmup.step()
    print(epoch, warmup.get_last_lr())
print(warmup.state_dict()['base_lrs'], warmup.last_epoch)
