"""What the two-hundred-seventh probe (learning-rate schedulers and optimizer state as training lessons print them:
every scheduler step by step, state_dict round trips, resumption, warnings and errors) found, each checked against
PyTorch: an optimizer's attributes are PyTorch's (vars(optimizer) before and after pickling: the six hook dicts, the
zero_grad profile name, the capturable-warning flag, LBFGS's numel cache; no scratch buffers of the engine's own);
AdamW, NAdam, RAdam, Adagrad, Adadelta and Adafactor pickle (torch.save(optimizer), torch.save(scheduler)) as
their __module__ now names an engine module; and ReduceLROnPlateau, OneCycleLR and CyclicLR work through PyTorch's
own methods (_reduce_lr, _reset, _init_is_better on load_state_dict, _anneal_func with _annealing_cos /
_annealing_linear, the static scale functions and _scale_fn_ref), so that a subclass overriding one is heard and
dir(scheduler) lists PyTorch's names; and an optimizer made with capturable=True (Adam, AdamW, NAdam, RAdam,
Adamax, ASGD, Adadelta, RMSprop, Rprop) refuses to step CPU tensors with PyTorch's AssertionError, after making the
first group's states, as its update asserts graph-capture devices (the engine updated the parameters)."""
import pytest

from helpers import assert_same_as_pytorch

SETUP = '''
import copy, io, pickle
import torch
from torch import nn
from torch.optim import lr_scheduler

def tiny(cls=torch.optim.SGD, **kw):
    torch.manual_seed(2)
    model = nn.Linear(2, 1)
    return model, cls(model.parameters(), **kw)

def train_step(model, opt):
    opt.zero_grad()
    loss = model(torch.arange(4.).reshape(2, 2)).pow(2).sum()
    loss.backward()
    opt.step()
    return loss.item()
'''

CELLS = {
    "optimizer_attributes_are_pytorchs": [
        SETUP,
        '''for cls, kw in ((torch.optim.SGD, {"momentum": 0.9}), (torch.optim.Adam, {}), (torch.optim.LBFGS, {})):
    m, o = tiny(cls, lr=0.01, **kw)
    before = list(vars(o))

    def closure():
        o.zero_grad()
        loss = m(torch.ones(3, 2)).sum()
        loss.backward()
        return loss
    o.step(closure)
    print(cls.__name__, before, [k for k in vars(o) if k not in before])
    print(list(vars(pickle.loads(pickle.dumps(o)))))
    print(list(vars(copy.deepcopy(o))), o._zero_grad_profile_name)
''',
        '''m, o = tiny(lr=0.1, momentum=0.9)
s = lr_scheduler.StepLR(o, 1, 0.5)
train_step(m, o); s.step()
print(sorted(vars(o)))
o2 = copy.deepcopy(o)
print(sorted(vars(o2)), o2.state_dict())
''',
    ],
    "every_optimizer_pickles": [
        SETUP,
        '''for cls in (torch.optim.AdamW, torch.optim.NAdam, torch.optim.RAdam, torch.optim.Adagrad, torch.optim.Adadelta,
            torch.optim.Adafactor, torch.optim.Adam, torch.optim.SGD):
    m, o = tiny(cls, lr=0.01)
    s = lr_scheduler.ExponentialLR(o, 0.5)
    train_step(m, o); s.step()
    for obj in (o, s):
        try:
            buf = io.BytesIO(); torch.save(obj, buf); buf.seek(0)
            back = torch.load(buf, weights_only=False)
            print(type(back).__module__, type(back).__name__, back.state_dict())
        except Exception as e:
            print(type(e).__name__, e)
''',
        '''import torch.optim.adamw, torch.optim.nadam, torch.optim._adafactor
print(torch.optim.adamw.AdamW is torch.optim.AdamW, torch.optim.nadam.NAdam is torch.optim.NAdam,
      torch.optim._adafactor.Adafactor is torch.optim.Adafactor)
print(pickle.loads(pickle.dumps(torch.optim.RAdam)) is torch.optim.RAdam)
''',
    ],
    "plateau_through_its_own_methods": [
        SETUP,
        '''class Loud(lr_scheduler.ReduceLROnPlateau):
    def _reduce_lr(self, epoch):
        old = [g["lr"] for g in self.optimizer.param_groups]
        super()._reduce_lr(epoch)
        print(f"epoch {epoch}: lr {old} -> {[g['lr'] for g in self.optimizer.param_groups]}")

m, o = tiny(lr=0.1)
p = Loud(o, patience=1, factor=0.5, cooldown=1)
for metric in (1.0, 1.0, 1.0, 1.0, 0.5, 0.6, 0.7, 0.8):
    train_step(m, o); p.step(metric)
print(p.get_last_lr(), p.best, p.num_bad_epochs, p.cooldown_counter)
p._reset()
print(p.best, p.num_bad_epochs, p.cooldown_counter)
''',
        '''sd = p.state_dict()
sd["mode"] = "max"
p.load_state_dict(sd)
print(p.mode, p.mode_worse)
sd["threshold_mode"] = "pct"
try:
    p.load_state_dict(sd)
except Exception as e:
    print(type(e).__name__, e)
p._init_is_better("min", 0.5, "abs")
print(p.mode, p.threshold, p.threshold_mode, p.mode_worse)
print(sorted(k for k in dir(p) if not k.startswith("__")))
''',
    ],
    "onecycle_and_cyclic_through_their_own_methods": [
        SETUP,
        '''class Stepped(lr_scheduler.OneCycleLR):
    @staticmethod
    def _annealing_cos(start, end, pct):
        return start if pct < 0.5 else end

m, o = tiny(lr=0.1, momentum=0.9)
s = Stepped(o, max_lr=1.0, total_steps=6)
for i in range(5):
    train_step(m, o); s.step(); print(s.get_last_lr(), o.param_groups[0]["momentum"])
print(lr_scheduler.OneCycleLR._annealing_cos(1.0, 0.0, 0.25), lr_scheduler.OneCycleLR._annealing_linear(1.0, 0.0, 0.25))
print(s._anneal_func(2.0, 1.0, 0.5), s._anneal_func_type)
''',
        '''m, o = tiny(lr=0.1, momentum=0.9)
c = lr_scheduler.CyclicLR(o, 0.1, 1.0, step_size_up=2, mode="exp_range", gamma=0.5)
print(c._scale_fn_ref.func is lr_scheduler.CyclicLR._exp_range_scale_fn, c._scale_fn_ref.args, c.scale_fn(2))
print(lr_scheduler.CyclicLR._triangular_scale_fn(3), lr_scheduler.CyclicLR._triangular2_scale_fn(3))
class Flat(lr_scheduler.CyclicLR):
    @staticmethod
    def _triangular2_scale_fn(x):
        return 0.25
m, o = tiny(lr=0.1, momentum=0.9)
f = Flat(o, 0.1, 1.0, step_size_up=2, mode="triangular2")
for i in range(4):
    train_step(m, o); f.step(); print(f.get_last_lr(), o.param_groups[0]["momentum"])
print(sorted(f.state_dict()))
print(sorted(k for k in dir(f) if not k.startswith("__")))
print(sorted(k for k in dir(s) if not k.startswith("__")))
''',
    ],
    "capturable_optimizer_refuses_cpu_tensors": [
        SETUP,
        '''for cls in (torch.optim.Adam, torch.optim.AdamW, torch.optim.NAdam, torch.optim.RAdam, torch.optim.Adamax,
            torch.optim.ASGD, torch.optim.Adadelta, torch.optim.RMSprop, torch.optim.Rprop):
    for kw in ({}, {"foreach": True}):
        torch.manual_seed(0)
        m = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
        o = cls([{"params": m[0].parameters()}, {"params": m[1].parameters(), "lr": 0.5}], lr=0.01, capturable=True,
                **kw)
        m(torch.ones(3, 2)).sum().backward()
        try:
            o.step()
        except Exception as e:
            print(cls.__name__, kw, type(e).__name__, e)
        print(o.state_dict()["state"], m[0].bias)
''',
        '''m, o = tiny(torch.optim.Adam, lr=0.01, capturable=True)
o.step()                                   # (no gradient yet: nothing to refuse)
print(o.state_dict()["state"])
o = torch.optim.Adam(m.parameters(), lr=0.01, capturable=True, fused=True)
train_step(m, o)
print(o.state_dict()["state"][1])
m, o = tiny(torch.optim.RMSprop, lr=0.01, capturable=True, momentum=0.9, centered=True)
try:
    train_step(m, o)
except AssertionError as e:
    print(e)
print(o.state_dict()["state"])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe207_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe207/{name}", warns="per_cell")
