# Imitates fast.ai course part 2 (2022-23) lesson 16 notebook "09_learner.ipynb" (the miniai Learner): a Learner
# whose fit loop runs callbacks by name (sorted by order), exceptions CancelFitException / CancelBatchException /
# CancelEpochException as control flow, a hand-written Mean metric, a SingleBatchCB, torch.no_grad() used as a
# decorator on a bound method, torch.set_grad_enabled, and an lr_find built on ExponentialLR that stops on divergence.
import math
from copy import copy
from operator import attrgetter
from functools import partial
import torch
from torch import nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
from torch.optim.lr_scheduler import ExponentialLR

# %%
torch.set_printoptions(precision=2, linewidth=140, sci_mode=False)
torch.manual_seed(1)
x_train, y_train = torch.randn(96, 20), torch.randint(0, 4, (96,))
x_valid, y_valid = torch.randn(32, 20), torch.randint(0, 4, (32,))
class DataLoaders:
    def __init__(self, *dls): self.train, self.valid = dls[:2]
dls = DataLoaders(DataLoader(TensorDataset(x_train, y_train), batch_size=16, shuffle=True),
                  DataLoader(TensorDataset(x_valid, y_valid), batch_size=32))
xb, yb = next(iter(dls.train))
print(xb.shape, yb.dtype, yb[:8], x_train[0, :5])

# %%
class CancelFitException(Exception): pass
class CancelBatchException(Exception): pass
class CancelEpochException(Exception): pass
class Callback(): order = 0
def run_cbs(cbs, method_nm, learn=None):
    for cb in sorted(cbs, key=attrgetter('order')):
        method = getattr(cb, method_nm, None)
        if method is not None: method(learn)
class with_cbs:
    def __init__(self, nm): self.nm = nm
    def __call__(self, f):
        def _f(o, *args, **kwargs):
            try:
                o.callback(f'before_{self.nm}')
                f(o, *args, **kwargs)
                o.callback(f'after_{self.nm}')
            except globals()[f'Cancel{self.nm.title()}Exception']: pass
            finally: o.callback(f'cleanup_{self.nm}')
        return _f
class Learner():
    def __init__(self, model, dls=(0,), loss_func=F.mse_loss, lr=0.1, cbs=None, opt_func=torch.optim.SGD):
        self.model, self.dls, self.loss_func, self.lr, self.opt_func = model, dls, loss_func, lr, opt_func
        self.cbs = list(cbs or [])
    @with_cbs('batch')
    def _one_batch(self):
        self.predict(); self.callback('after_predict')
        self.get_loss(); self.callback('after_loss')
        if self.training:
            self.backward(); self.callback('after_backward')
            self.step(); self.callback('after_step')
            self.zero_grad()
    @with_cbs('epoch')
    def _one_epoch(self):
        for self.iter, self.batch in enumerate(self.dl): self._one_batch()
    def one_epoch(self, training):
        self.model.train(training)
        self.dl = self.dls.train if training else self.dls.valid
        self._one_epoch()
    @with_cbs('fit')
    def _fit(self, train, valid):
        for self.epoch in self.epochs:
            if train: self.one_epoch(True)
            if valid: torch.no_grad()(self.one_epoch)(False)
    def fit(self, n_epochs=1, train=True, valid=True, cbs=None, lr=None):
        cbs = list(cbs or [])
        for cb in cbs: self.cbs.append(cb)
        try:
            self.n_epochs = n_epochs
            self.epochs = range(n_epochs)
            if lr is None: lr = self.lr
            if self.opt_func: self.opt = self.opt_func(self.model.parameters(), lr)
            self._fit(train, valid)
        finally:
            for cb in cbs: self.cbs.remove(cb)
    def __getattr__(self, name):
        if name in ('predict', 'get_loss', 'backward', 'step', 'zero_grad'): return partial(self.callback, name)
        raise AttributeError(name)
    def callback(self, method_nm): run_cbs(self.cbs, method_nm, self)
    @property
    def training(self): return self.model.training
class TrainCB(Callback):
    def predict(self, learn): learn.preds = learn.model(learn.batch[0])
    def get_loss(self, learn): learn.loss = learn.loss_func(learn.preds, learn.batch[1])
    def backward(self, learn): learn.loss.backward()
    def step(self, learn): learn.opt.step()
    def zero_grad(self, learn): learn.opt.zero_grad()
print(sorted([TrainCB(), Callback()], key=attrgetter('order'))[0].order, Learner.training)

# %%
class Mean:
    def __init__(self): self.reset()
    def reset(self): self.total, self.n = torch.tensor(0.), 0
    def update(self, x, weight=1): self.total += x * weight; self.n += weight
    def compute(self): return self.total / self.n
class MetricsCB(Callback):
    def __init__(self): self.loss, self.acc = Mean(), Mean()
    def before_epoch(self, learn): self.loss.reset(); self.acc.reset()
    def after_batch(self, learn):
        n = len(learn.batch[0])
        self.loss.update(learn.loss.detach(), n)
        self.acc.update((learn.preds.argmax(dim=1) == learn.batch[1]).float().mean(), n)
    def after_epoch(self, learn):
        log = dict(acc=f"{self.acc.compute():.3f}", loss=f"{self.loss.compute():.3f}",
                   epoch=learn.epoch, train='train' if learn.model.training else 'eval')
        print(log, torch.is_grad_enabled())
torch.manual_seed(2)
model = nn.Sequential(nn.Linear(20, 16), nn.ReLU(), nn.Linear(16, 4))
learn = Learner(model, dls, F.cross_entropy, lr=0.2, cbs=[TrainCB(), MetricsCB()])
learn.fit(2)
print(learn.loss, learn.preds.shape, learn.opt)

# %%
class SingleBatchCB(Callback):
    order = 1
    def after_batch(self, learn): raise CancelFitException()
class CountCB(Callback):
    def before_fit(self, learn): self.n = 0
    def after_batch(self, learn): self.n += 1
    def cleanup_fit(self, learn): print("batches seen:", self.n, "training:", learn.training)
learn.fit(1, cbs=[SingleBatchCB(), cnt := CountCB()])
print(len(learn.cbs), learn.iter, learn.batch[0].shape)
class SkipValidCB(Callback):
    def before_epoch(self, learn):
        if not learn.training: raise CancelEpochException()
learn.fit(1, cbs=[SkipValidCB(), CountCB()])
try: learn.fit(1, cbs=[Callback()], lr=None, train=False, valid=True, nope=1)
except Exception as e: print(type(e).__name__, e)

# %%
class LRFinderCB(Callback):
    def __init__(self, gamma=1.3, max_mult=3): self.gamma, self.max_mult = gamma, max_mult
    def before_fit(self, learn):
        self.sched = ExponentialLR(learn.opt, self.gamma)
        self.lrs, self.losses = [], []
        self.min = math.inf
    def after_batch(self, learn):
        if not learn.training: raise CancelEpochException()
        self.lrs.append(learn.opt.param_groups[0]['lr'])
        loss = learn.loss.detach().cpu()
        self.losses.append(loss)
        if loss < self.min: self.min = loss
        if math.isnan(loss) or (loss > self.min * self.max_mult): raise CancelFitException()
        self.sched.step()
torch.manual_seed(3)
model = nn.Sequential(nn.Linear(20, 16), nn.ReLU(), nn.Linear(16, 4))
lrfind = LRFinderCB(gamma=2.0)
Learner(model, dls, F.cross_entropy, lr=1e-3, cbs=[TrainCB()]).fit(5, cbs=[lrfind])
print([f"{lr:.4g}" for lr in lrfind.lrs])
print(torch.stack(lrfind.losses), lrfind.min, type(lrfind.min))
print(lrfind.sched.get_last_lr(), lrfind.sched.last_epoch, lrfind.sched.gamma)

# %%
@torch.no_grad()
def evaluate(model, xs):
    return model(xs).softmax(-1), torch.is_grad_enabled()
p, g = evaluate(model, x_valid[:3])
print(p, g, p.requires_grad, p.sum(1))
with torch.set_grad_enabled(False):
    out = model(x_valid[:2])
print(out.requires_grad, out.grad_fn, torch.is_grad_enabled())
torch.set_grad_enabled(False)
print(model(x_valid[:1]).requires_grad)
torch.set_grad_enabled(True)
print(model(x_valid[:1]).requires_grad, model(x_valid[:1]).grad_fn)
