# Imitates Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapter 6: an LR range test with LambdaLR, StepLR / MultiStepLR / ExponentialLR / ReduceLROnPlateau / CyclicLR /
# OneCycleLR printing get_last_lr, Adam's betas and bias-corrected EWMAs by hand vs the optimizer's exp_avg and
# exp_avg_sq, SGD momentum / nesterov vs hand-written updates, and gradient clipping by value, by norm and with
# register_hook (tiny synthetic data).
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim.lr_scheduler import (LambdaLR, StepLR, MultiStepLR, ExponentialLR, ReduceLROnPlateau, CyclicLR,
                                      OneCycleLR)

# %%
torch.manual_seed(42)
x = torch.rand(16, 1)
y = 1 + 2 * x + .1 * torch.randn(16, 1)
def make_lr_fn(start_lr, end_lr, num_iter, step_mode='exp'):
    if step_mode == 'linear':
        factor = (end_lr / start_lr - 1) / num_iter
        def lr_fn(iteration):
            return 1 + iteration * factor
    else:
        factor = (np.log(end_lr) - np.log(start_lr)) / num_iter
        def lr_fn(iteration):
            return np.exp(factor) ** iteration
    return lr_fn

start_lr, end_lr, num_iter = 0.01, 0.1, 10
lr_fn = make_lr_fn(start_lr, end_lr, num_iter)
print(start_lr * lr_fn(np.arange(num_iter + 1)))
model = nn.Linear(1, 1)
optimizer = optim.SGD(model.parameters(), lr=start_lr)
scheduler = LambdaLR(optimizer, lr_lambda=lr_fn)
tracking = {'loss': [], 'lr': []}
for it in range(num_iter):
    loss = nn.MSELoss()(model(x), y)
    loss.backward()
    tracking['lr'].append(scheduler.get_last_lr()[0])
    tracking['loss'].append(loss.item())
    optimizer.step()
    optimizer.zero_grad()
    scheduler.step()
print(type(tracking['lr'][-1]).__name__, [round(float(v), 5) for v in tracking['lr']])
print(scheduler.state_dict()['last_epoch'], scheduler.state_dict()['base_lrs'])
print(optimizer.state_dict()['param_groups'][0]['lr'], optimizer.param_groups[0]['initial_lr'])

# %%
def show(scheduler_fn, steps=8, **kw):
    opt = optim.SGD([nn.Parameter(torch.zeros(1))], lr=0.01, **kw)
    sch = scheduler_fn(opt)
    lrs = []
    for _ in range(steps):
        opt.step()
        sch.step()
        lrs.append(round(sch.get_last_lr()[0], 6))
    print(type(sch).__name__, lrs)
    return opt, sch

show(lambda o: StepLR(o, step_size=2, gamma=0.1))
show(lambda o: MultiStepLR(o, milestones=[3, 5], gamma=0.5))
show(lambda o: ExponentialLR(o, gamma=0.9))
opt, sch = show(lambda o: CyclicLR(o, base_lr=1e-4, max_lr=1e-3, step_size_up=2, mode='triangular'), momentum=0.9)
print(opt.param_groups[0]['momentum'], sch.last_epoch)
show(lambda o: CyclicLR(o, base_lr=1e-4, max_lr=1e-3, step_size_up=2, mode='triangular2'), steps=10, momentum=0.9)
show(lambda o: CyclicLR(o, base_lr=1e-4, max_lr=1e-3, step_size_up=2, mode='exp_range', gamma=0.9), momentum=0.9)
show(lambda o: CyclicLR(o, base_lr=1e-4, max_lr=1e-3, step_size_up=2, cycle_momentum=False))
opt, sch = show(lambda o: OneCycleLR(o, max_lr=0.01, total_steps=10), steps=9, momentum=0.9)
print(round(opt.param_groups[0]['momentum'], 6), sorted(k for k in opt.param_groups[0] if 'lr' in k))
try:
    sch.step()
    sch.step()
except Exception as e:
    print(type(e).__name__, e)
try:
    show(lambda o: CyclicLR(o, base_lr=1e-4, max_lr=1e-3, step_size_up=2))
except Exception as e:
    print(type(e).__name__, e)

# %%
opt = optim.SGD([nn.Parameter(torch.zeros(1))], lr=0.01)
sch = ReduceLROnPlateau(opt, mode='min', patience=2, factor=0.5, min_lr=1e-4)
print(sch.get_last_lr())
for val_loss in [1.0, .9, .95, .96, .97, .91, .99, .99, .99, .99]:
    opt.step()
    sch.step(val_loss)
    print(sch.num_bad_epochs, sch.best, sch.get_last_lr())
print(sch.state_dict()['cooldown_counter'], sch.last_epoch)

# %%
import warnings
opt = optim.SGD([nn.Parameter(torch.zeros(1))], lr=0.01)
sch = StepLR(opt, step_size=2, gamma=0.1)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    sch.step()
    opt.step()
print([str(m.message)[:80] for m in w])
print(sch.get_last_lr(), sch.get_lr())

# %%
torch.manual_seed(42)
model = nn.Linear(1, 1)
optimizer = optim.Adam(model.parameters(), lr=0.1, betas=(0.9, 0.999))
print(optimizer)
beta1, beta2 = 0.9, 0.999
gradients = []
for it in range(4):
    loss = nn.MSELoss()(model(x), y)
    loss.backward()
    gradients.append(model.weight.grad.detach().clone().squeeze())
    optimizer.step()
    optimizer.zero_grad()
state = optimizer.state[model.weight]
print(sorted(state.keys()), state['step'], state['step'].dtype)
print(state['exp_avg'], state['exp_avg_sq'])

def EWMA(past_value, current_value, alpha):
    return (1 - alpha) * past_value + alpha * current_value

def calc_ewma(values, period):
    alpha = 2 / (period + 1)
    result = []
    for v in values:
        try:
            prev_value = result[-1]
        except IndexError:
            prev_value = 0
        new_value = EWMA(prev_value, v, alpha)
        result.append(new_value)
    return np.array(result)

grads = torch.stack(gradients).numpy()
adapted_period1 = int(round((2 / (1 - beta1)) - 1))
m = calc_ewma(grads, adapted_period1)
v = calc_ewma(grads ** 2, int(round((2 / (1 - beta2)) - 1)))
print(adapted_period1, m[-1].round(4), state['exp_avg'].item().__round__(4))
m_hat = m / (1 - beta1 ** np.arange(1, 5))
v_hat = v / (1 - beta2 ** np.arange(1, 5))
print((m_hat / (np.sqrt(v_hat) + 1e-8)).round(4))
print(optimizer.state_dict()['state'][0].keys())

# %%
torch.manual_seed(42)
for nesterov in [False, True]:
    p = nn.Parameter(torch.tensor([1.0, -2.0]))
    opt = optim.SGD([p], lr=0.1, momentum=0.9, nesterov=nesterov)
    w_hand, buf = torch.tensor([1.0, -2.0]), None
    for it in range(3):
        opt.zero_grad()
        (p ** 2).sum().backward()
        g = 2 * w_hand
        buf = g.clone() if buf is None else 0.9 * buf + g
        w_hand = w_hand - 0.1 * (g + 0.9 * buf if nesterov else buf)
        opt.step()
    print(nesterov, p.data, w_hand, opt.state[p]['momentum_buffer'], torch.allclose(p.data, w_hand))
try:
    optim.SGD([p], lr=0.1, nesterov=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    optim.Adam([p], lr=0.1, betas=(1.0, 0.999))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
model = nn.Linear(3, 2)
inp = 10 * torch.randn(4, 3)
model(inp).pow(2).sum().backward()
print(model.weight.grad)
nn.utils.clip_grad_value_(model.parameters(), clip_value=1.0)
print(model.weight.grad, model.bias.grad)
model.zero_grad()
model(inp).pow(2).sum().backward()
total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0, norm_type=2)
print(total)
print(model.weight.grad, model.bias.grad)
print(torch.cat([p.grad.view(-1) for p in model.parameters()]).norm())
model.zero_grad()
print(nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0))

# %%
def clip_backprop(model, clip_value):
    handles = []
    for p in model.parameters():
        if p.requires_grad:
            func = lambda grad: torch.clamp(grad, -clip_value, clip_value)
            handle = p.register_hook(func)
            handles.append(handle)
    return handles

torch.manual_seed(42)
model = nn.Linear(3, 2)
handles = clip_backprop(model, 1.0)
model(inp).pow(2).sum().backward()
print(model.weight.grad, model.bias.grad)
for h in handles:
    h.remove()
model.zero_grad()
model(inp).pow(2).sum().backward()
print(model.bias.grad)
