# Imitates fast.ai course part 2 (2022-23) lesson 18 notebook "12_accel_sgd.ipynb": SGD with weight decay,
# Momentum, RMSProp and Adam written by hand as optimizer classes (state stored on the parameters), then PyTorch's
# optimizers and schedulers looked at from the inside (dir(), param_groups, state, state_dict), CosineAnnealingLR and
# OneCycleLR stepped per batch with a recorder of lrs and betas, as BaseSchedCB / BatchSchedCB / RecorderCB do.
import math
from functools import partial
import torch
from torch import nn
import torch.nn.functional as F
from torch.optim import lr_scheduler

# %%
torch.set_printoptions(precision=3, linewidth=140, sci_mode=False)
class SGD:
    def __init__(self, params, lr, wd=0.):
        params = list(params)
        self.params, self.lr, self.wd = params, lr, wd
        self.i = 0
    def step(self):
        with torch.no_grad():
            for p in self.params:
                self.reg_step(p)
                self.opt_step(p)
        self.i += 1
    def opt_step(self, p): p -= p.grad * self.lr
    def reg_step(self, p):
        if self.wd != 0: p *= 1 - self.lr * self.wd
    def zero_grad(self):
        for p in self.params: p.grad.data.zero_()
class Momentum(SGD):
    def __init__(self, params, lr, wd=0., mom=0.9):
        super().__init__(params, lr=lr, wd=wd)
        self.mom = mom
    def opt_step(self, p):
        if not hasattr(p, 'grad_avg'): p.grad_avg = torch.zeros_like(p.grad)
        p.grad_avg = p.grad_avg * self.mom + p.grad * (1 - self.mom)
        p -= self.lr * p.grad_avg
class RMSProp(SGD):
    def __init__(self, params, lr, wd=0., sqr_mom=0.99, eps=1e-5):
        super().__init__(params, lr=lr, wd=wd)
        self.sqr_mom, self.eps = sqr_mom, eps
    def opt_step(self, p):
        if not hasattr(p, 'sqr_avg'): p.sqr_avg = p.grad**2
        p.sqr_avg = p.sqr_avg * self.sqr_mom + p.grad**2 * (1 - self.sqr_mom)
        p -= self.lr * p.grad / (p.sqr_avg.sqrt() + self.eps)
class Adam(SGD):
    def __init__(self, params, lr, wd=0., beta1=0.9, beta2=0.99, eps=1e-5):
        super().__init__(params, lr=lr, wd=wd)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
    def opt_step(self, p):
        if not hasattr(p, 'avg'): p.avg = torch.zeros_like(p.grad.data)
        if not hasattr(p, 'sqr_avg'): p.sqr_avg = torch.zeros_like(p.grad.data)
        p.avg = self.beta1 * p.avg + (1 - self.beta1) * p.grad
        unbias_avg = p.avg / (1 - (self.beta1**(self.i + 1)))
        p.sqr_avg = self.beta2 * p.sqr_avg + (1 - self.beta2) * (p.grad**2)
        unbias_sqr_avg = p.sqr_avg / (1 - (self.beta2**(self.i + 1)))
        p -= self.lr * unbias_avg / (unbias_sqr_avg + self.eps).sqrt()
torch.manual_seed(0)
X, y = torch.randn(64, 8), torch.randint(0, 3, (64,))
def get_model():
    torch.manual_seed(1)
    return nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))
for opt_func in [partial(SGD, wd=0.01), Momentum, RMSProp, Adam]:
    model = get_model()
    opt = opt_func(model.parameters(), lr=0.05)
    losses = []
    for it in range(5):
        loss = F.cross_entropy(model(X), y)
        loss.backward(); opt.step(); opt.zero_grad()
        losses.append(round(loss.item(), 4))
    p = model[0].weight
    print(type(opt).__name__, losses, opt.i, sorted(k for k in vars(p) if not k.startswith('_')))
print(model[2].bias.avg, model[2].bias.sqr_avg, model[2].bias.grad)
print(type(model[2].bias.avg), model[2].bias.avg.requires_grad, model[2].bias.avg.is_leaf)

# %%
model = get_model()
opt = torch.optim.SGD(model.parameters(), lr=0.006)
print(' '.join(o for o in dir(opt) if o[0] != '_'))
print(' '.join(filter(lambda x: x[0].isupper(), dir(lr_scheduler))))
loss = F.cross_entropy(model(X), y); loss.backward(); opt.step()
param = next(iter(model.parameters()))
st = opt.state[param]
print(st, len(opt.state), type(opt.state).__name__)
print(len(opt.param_groups), list(opt.param_groups[0]), opt.defaults)
sched = lr_scheduler.CosineAnnealingLR(opt, 100)
print(sched.base_lrs, sched.get_last_lr(), list(opt.param_groups[0]))
print(' '.join(o for o in dir(sched) if o[0] != '_'))
print(sorted(sched.state_dict()))
def sched_lrs(sched, steps):
    lrs = [sched.get_last_lr()]
    for i in range(steps):
        sched.optimizer.step()
        sched.step()
        lrs.append(sched.get_last_lr())
    return lrs
print([f"{l[0]:.5f}" for l in sched_lrs(sched, 110)[::10]])

# %%
model = get_model()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss = F.cross_entropy(model(X), y); loss.backward(); opt.step()
st = opt.state[model[0].bias]
print(sorted(st), st['step'], st['exp_avg'][:4], st['exp_avg_sq'][:4])
sd = opt.state_dict()
print(sorted(sd), list(sd['state']), sd['param_groups'][0]['params'], sorted(sd['param_groups'][0]))
tmax = 3 * 4
sched = lr_scheduler.OneCycleLR(opt, max_lr=6e-2, total_steps=tmax)
pg = opt.param_groups[0]
print(pg['lr'], pg['betas'], pg['initial_lr'], pg['max_lr'], pg['min_lr'])
class RecorderCB:
    def __init__(self, **d): self.d = d; self.recs = {k: [] for k in d}
    def after_batch(self, opt):
        for k, v in self.d.items(): self.recs[k].append(v(opt.param_groups[0]))
def _lr(pg): return pg['lr']
def _beta1(pg): return pg['betas'][0]
rec = RecorderCB(lr=_lr, mom=_beta1)
for i in range(tmax):
    opt.zero_grad()
    loss = F.cross_entropy(model(X), y); loss.backward(); opt.step()
    rec.after_batch(opt)
    sched.step()
print([f"{v:.4f}" for v in rec.recs['lr']])
print([f"{v:.4f}" for v in rec.recs['mom']])
try: sched.step()
except Exception as e: print(type(e).__name__, e)
phases = sched._schedule_phases if hasattr(sched, '_schedule_phases') else None
print(sched.last_epoch, sched.total_steps, type(phases).__name__)

# %%
model = get_model()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
sched = lr_scheduler.ExponentialLR(opt, gamma=0.5)
for i in range(3):
    opt.zero_grad(); F.cross_entropy(model(X), y).backward(); opt.step(); sched.step()
print(sched.get_last_lr(), opt.state[model[0].bias]['momentum_buffer'][:3])
print(sched.state_dict())
sd = opt.state_dict()
opt2 = torch.optim.SGD(get_model().parameters(), lr=0.1, momentum=0.9)
opt2.load_state_dict(sd)
print(opt2.param_groups[0]['weight_decay'], opt2.param_groups[0]['lr'], opt2.param_groups[0]['initial_lr'])
print(opt2)
