"""What the thirty-fourth probe (training utilities around the loop: gradient clipping, parameters as one vector,
parameter groups, optimizer and scheduler state_dicts, lr schedulers, early stopping) found, each checked against
PyTorch: vector norms of orders other than 2 and inf added in ATen's order (one value at a time, the C library's
pow), so that clip_grad_norm_ with norm_type 1 or 3 returns PyTorch's float, and its -inf and 0 orders, empty
gradients, the per-dtype grouping and the argument checks as PyTorch's; parameters_to_vector reading each
parameter's device first; an lr given as a tensor kept (filled in place) by every scheduler, OneCycleLR and
ReduceLROnPlateau too; OneCycleLR's phases as PyTorch's dicts; the warning for an optimizer.step() replaced after the scheduler was made; the
optimizer's state_dict hooks; load_state_dict taking the state's tensors as they are (an optimizer loaded from
another's state_dict() shares its buffers, as in PyTorch), keeping ids and keys as PyTorch does, and giving a
loaded group the defaults of the loading optimizer's __setstate__ (AdamW's decoupled_weight_decay set);
LambdaLR and MultiplicativeLR keeping their lambdas through load_state_dict, CyclicLR its scale_fn; the
strict zips of PyTorch's schedulers (a param group added after the scheduler was made is an error where it
is one in PyTorch, ReduceLROnPlateau's with its own message); ASGD's foreach=True update in PyTorch's multi-tensor order."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

BITS = ATTEMPT + '''import numpy as np
def bits(t):   # a float32 value's bit pattern: the parity tolerance does not hide a last-bit difference
    return [int(v) for v in np.asarray(t.detach().numpy(), np.float32).reshape(-1).view(np.int32)]
def bits64(t):
    return [int(v) for v in np.asarray(t.detach().numpy(), np.float64).reshape(-1).view(np.int64)]
torch.manual_seed(0)
'''

CELLS = {
    "vector_norms_of_other_orders_add_in_atens_order": [
        BITS + '''for n in (16, 100, 1000, 4097, 20000):
    x = torch.randn(n) * 30
    print(n, [bits(torch.linalg.vector_norm(x, p)) for p in (1, 3, 0.5, 1.5, -1, 4)], bits(x.norm(p=1)))''',
        '''for shape, dim in (((7, 300), 1), ((300, 7), 0), ((4, 5, 6), (0, 2)), ((4, 5, 6), 1)):
    x = torch.randn(shape) * 30
    for p in (1, 3, 0.5):
        print(shape, dim, p, bits(torch.linalg.vector_norm(x, p, dim)), bits(x.norm(p, dim, keepdim=True)))
    print(bits64(torch.linalg.vector_norm(x.double(), 3.0, dim)), bits64(x.double().norm(2.5)))''',
        '''x = torch.randn(5, 40) * 3   # the norms inside renorm, normalize and an embedding's max_norm
print(bits(torch.renorm(x, 1, 0, 5.0)), bits(torch.renorm(x, 3, 1, 2.0)))
print(bits(torch.nn.functional.normalize(x, p=1, dim=1)), bits(torch.nn.functional.normalize(x, p=3, dim=0)))
e = torch.nn.Embedding(10, 40, max_norm=1.0, norm_type=1.0)
with torch.no_grad():
    e.weight.mul_(3)
print(bits(e(torch.tensor([1, 2, 3]))), bits(e.weight[1]), bits(torch.dist(x, x * 0.5, p=3)))
print(bits(torch.linalg.norm(x, ord=1, dim=1)), bits(torch.linalg.matrix_norm(x, ord=1)))''',
        '''x = torch.randn(50, requires_grad=True)
y = torch.linalg.vector_norm(x, 3)
y.backward()
print(bits(y), y.grad_fn, bits(x.grad))
for p in (-1, -1.0, -0.5, -1e-20, -123456789.0, float("-inf"), float("inf")):
    attempt(lambda: torch.linalg.vector_norm(torch.zeros(0), p))''',
    ],
    "clip_grad_norm_every_norm_type": [
        BITS + '''net = torch.nn.Sequential(torch.nn.Linear(3, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
X, Y = torch.randn(32, 3) * 20, torch.randn(32, 1) * 50
for norm_type in (2, "inf", 1, 0.5, 3, -float("inf"), 0):
    net.zero_grad()
    torch.nn.functional.mse_loss(net(X), Y).backward()
    total = torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0, norm_type=norm_type)
    print(norm_type, total, bits(total), bits(torch.nn.utils.parameters_to_vector(p.grad for p in net.parameters())[:4]))''',
        '''e = torch.nn.Parameter(torch.zeros(0)); e.grad = torch.zeros(0)
w = torch.nn.Parameter(torch.ones(2)); w.grad = torch.tensor([3.0, 4.0])
for nt in (2, "inf", -1, -float("inf")):
    for fe in (None, False):
        attempt(lambda: torch.nn.utils.clip_grad_norm_([e, w], 1.0, norm_type=nt, foreach=fe))
attempt(lambda: torch.nn.utils.get_total_norm([torch.tensor([1, 2])]))
attempt(lambda: torch.nn.utils.get_total_norm([1.0]))
attempt(lambda: torch.nn.utils.get_total_norm([torch.ones(2), None]))
attempt(lambda: torch.nn.utils.get_total_norm([torch.ones(2, requires_grad=True)]))
attempt(lambda: torch.nn.utils.clip_grad_value_([w], None))
attempt(lambda: torch.nn.utils.clip_grad_value_([w], "a"))
attempt(lambda: torch.nn.utils.clip_grad_value_([], None))''',
        '''h = torch.nn.Parameter(torch.ones(2, dtype=torch.float64)); h.grad = torch.tensor([3.0, 4.0], dtype=torch.float64)
g = torch.nn.Parameter(torch.ones(2)); g.grad = torch.tensor([6.0, 8.0])
b = torch.nn.Parameter(torch.ones(3, dtype=torch.bfloat16)); b.grad = torch.tensor([1.0, 2.5, -3.0], dtype=torch.bfloat16)
print(torch.nn.utils.clip_grad_norm_([g, h, b], 1.0, norm_type=1), h.grad, g.grad, b.grad)
q = torch.nn.Parameter(torch.ones(3)); q.grad = torch.tensor([-3.0, 0.5, 2.0])
torch.nn.utils.clip_grad_value_(q, -1.0)
print(q.grad)''',
    ],
    "parameters_to_vector_reads_the_device_first": [
        ATTEMPT + '''m = torch.nn.Sequential(torch.nn.Linear(2, 2))
attempt(lambda: torch.nn.utils.parameters_to_vector(m))
attempt(lambda: torch.nn.utils.parameters_to_vector([1.0]))
attempt(lambda: torch.nn.utils.vector_to_parameters(torch.ones(6), m))
attempt(lambda: torch.nn.utils.vector_to_parameters(torch.ones(6), [2.0]))
attempt(lambda: torch.nn.utils.parameters_to_vector([]))
v = torch.arange(6.0)
torch.nn.utils.vector_to_parameters(v, m.parameters())
v[0] = 9.0
print(m[0].weight, torch.nn.utils.parameters_to_vector(m.parameters()))''',
    ],
    "a_tensor_lr_stays_a_tensor": [
        '''from torch.optim import lr_scheduler as L
def run(make, metric=False):
    w = torch.nn.Parameter(torch.ones(2))
    lr0 = torch.tensor(0.1)
    opt = torch.optim.SGD([w], lr=lr0, momentum=0.9)
    s = make(opt)
    out = []
    for i in range(6):
        w.grad = torch.ones(2)
        opt.step()
        s.step(1.0) if metric else s.step()
        out.append(s.get_last_lr()[0])
    g = opt.param_groups[0]
    print(type(s).__name__, out, g["lr"] is lr0, out[-1] is g["lr"], g["lr"], g.get("initial_lr"), w.data)
    return opt, s
run(lambda o: L.OneCycleLR(o, 0.5, total_steps=8))
run(lambda o: L.CyclicLR(o, 0.01, 0.1, step_size_up=2))
opt, s = run(lambda o: L.ReduceLROnPlateau(o, patience=0, factor=0.5), metric=True)
print(s.state_dict()["_last_lr"])
opt, s = run(lambda o: L.StepLR(o, 2, 0.3))
print(opt.param_groups[0]["initial_lr"] is opt.param_groups[0]["lr"], s.base_lrs)
run(lambda o: L.SequentialLR(o, [L.ConstantLR(o, 0.5, 2), L.ExponentialLR(o, 0.9)], milestones=[2]))''',
        '''w = torch.nn.Parameter(torch.ones(2))
for three in (False, True):
    o = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    s = L.OneCycleLR(o, 0.5, total_steps=10, three_phase=three)
    o.step(); s.step()
    print(s.state_dict())
print(L.OneCycleLR(torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1), 0.1, total_steps=3))
print(L._LRScheduler, L.OneCycleLR)''',
    ],
    "scheduler_order_warnings": [
        '''w = torch.nn.Parameter(torch.ones(2))
opt = torch.optim.SGD([w], lr=0.1)
s = torch.optim.lr_scheduler.StepLR(opt, 1)
print(opt.step.__name__, hasattr(opt.step, "__wrapped__"))
opt.step = lambda closure=None: None
opt.step(); s.step(); s.step()
print(s.get_last_lr())''',
        '''opt = torch.optim.SGD([w], lr=0.1)
opt.step = lambda closure=None: None
try:
    torch.optim.lr_scheduler.StepLR(opt, 1)
except AttributeError as e:
    print("AttributeError:", e)''',
        '''import warnings
opt = torch.optim.SGD([w], lr=0.1)
s = torch.optim.lr_scheduler.StepLR(opt, 1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    s.get_lr()
print([(str(c.message)[:40], c.filename.endswith("lr_scheduler.py")) for c in caught])''',
    ],
    "optimizer_state_dict_hooks": [
        '''w = torch.nn.Parameter(torch.ones(2))
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
h = opt.register_state_dict_pre_hook(lambda o: print("pre", type(o).__name__))
h2 = opt.register_state_dict_post_hook(lambda o, sd: print("post", sorted(sd)))
h5 = opt.register_state_dict_post_hook(lambda o, sd: {"state": {}, "param_groups": sd["param_groups"]}, prepend=True)
sd = opt.state_dict()
h3 = opt.register_load_state_dict_pre_hook(lambda o, sd: print("lpre", sorted(sd)))
h4 = opt.register_load_state_dict_post_hook(lambda o: print("lpost", len(o.state)))
opt.load_state_dict(sd)
h.remove(); h3.remove()
print(opt.state_dict()["state"], type(h).__name__)
opt.load_state_dict(sd)''',
    ],
    "load_state_dict_shares_the_state_tensors": [
        '''w1 = torch.nn.Parameter(torch.ones(2)); w2 = torch.nn.Parameter(torch.ones(2))
o1 = torch.optim.Adam([w1], lr=0.1); o2 = torch.optim.Adam([w2], lr=0.1)
w1.grad = torch.tensor([1.0, -2.0]); o1.step()
o2.load_state_dict(o1.state_dict())
print(o2.state[w2]["exp_avg"] is o1.state[w1]["exp_avg"], o2.state[w2]["step"] is o1.state[w1]["step"])
for _ in range(3):
    w1.grad = torch.tensor([1.0, -2.0]); o1.step()
    w2.grad = torch.tensor([1.0, -2.0]); o2.step()
print(w1.data, w2.data, o1.state[w1]["step"], o2.state[w2]["step"])''',
        '''s1 = torch.optim.SGD([w1], lr=0.1, momentum=0.9)
w1.grad = torch.tensor([1.0, -2.0]); s1.step()
sd = s1.state_dict()
w3 = torch.nn.Parameter(torch.ones(2, dtype=torch.float64))
s3 = torch.optim.SGD([w3], lr=0.1, momentum=0.9)
s3.load_state_dict(sd)
print(s3.state[w3]["momentum_buffer"], s3.state[w3]["momentum_buffer"] is sd["state"][0]["momentum_buffer"])
s4 = torch.optim.SGD([w2], lr=0.1, momentum=0.9)
s4.load_state_dict({"state": {0: {"momentum_buffer": torch.ones(2), "extra": [torch.zeros(1), 3], "t": (1, 2)},
                              7: {"x": 1}},
                    "param_groups": [{"params": [0], "lr": 0.5, "momentum": 0.9}]})
print(s4.state_dict())
print(s4.param_groups[0].keys(), s4.defaults.get("differentiable"))''',
        '''m = torch.nn.Linear(2, 2)
o1 = torch.optim.SGD(m.named_parameters(), lr=0.1)
o2 = torch.optim.SGD(m.parameters(), lr=0.1)
o1.load_state_dict(o2.state_dict())
print(o1.state_dict()["param_groups"])
a = torch.nn.Parameter(torch.ones(1)); b = torch.nn.Parameter(torch.ones(1))
with __import__("warnings").catch_warnings():
    __import__("warnings").simplefilter("ignore")
    o = torch.optim.SGD([{"params": [a, a]}, {"params": [b]}], lr=0.1)
print(o.state_dict()["param_groups"][1]["params"])''',
    ],
    "lambda_and_cyclic_schedulers_reload_their_state": [
        '''from torch.optim import lr_scheduler as L
class Warm:
    def __init__(self, n):
        self.n = n
    def __call__(self, e):
        return min(1.0, (e + 1) / self.n)
w = torch.nn.Parameter(torch.ones(2))
for make in (lambda o, n: L.LambdaLR(o, Warm(n)), lambda o, n: L.LambdaLR(o, lambda e: 0.9 ** e),
             lambda o, n: L.MultiplicativeLR(o, [lambda e: 0.9, Warm(n)])):
    o = torch.optim.SGD([{"params": [w]}, {"params": [torch.nn.Parameter(torch.ones(1))]}], lr=0.1)
    s = make(o, 4)
    for _ in range(2):
        o.step(); s.step()
    sd = s.state_dict()
    o2 = torch.optim.SGD([{"params": [w]}, {"params": [torch.nn.Parameter(torch.ones(1))]}], lr=0.1)
    s2 = make(o2, 10)
    s2.load_state_dict(sd)
    o2.step(); s2.step()
    print(sd["lr_lambdas"], sorted(sd), s2.last_epoch, s2.get_last_lr())''',
        '''class Scale:
    def __init__(self):
        self.k = 2.0
    def __call__(self, x):
        return 1 / (self.k ** (x - 1))
o = torch.optim.SGD([w], lr=0.1, momentum=0.9)
s = L.CyclicLR(o, 0.01, 0.1, 2, scale_fn=Scale())
for _ in range(3):
    o.step(); s.step()
sd = s.state_dict()
sc = Scale(); sc.k = 5.0
s3 = L.CyclicLR(torch.optim.SGD([w], lr=0.1, momentum=0.9), 0.01, 0.1, 2, scale_fn=sc)
s3.load_state_dict(sd)
print(sc.k, "_scale_fn_custom" in sd, s3.scale_mode)
s3.optimizer.step(); s3.step()
print(s3.get_last_lr())
s4 = L.CyclicLR(torch.optim.SGD([w], lr=0.1, momentum=0.9), 0.01, 0.1, 2)
s4.load_state_dict(L.CyclicLR(torch.optim.SGD([w], lr=0.1, momentum=0.9), 0.01, 0.1, 2, mode="exp_range").state_dict())
print(s4.mode, s4.scale_mode, s4._scale_fn_custom)''',
    ],
    "schedulers_after_add_param_group": [
        '''from torch.optim import lr_scheduler as L
def go(make, metric=False):
    w = torch.nn.Parameter(torch.ones(2))
    o = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    s = make(o)
    o.step(); s.step(1.0) if metric else s.step()
    o.add_param_group({"params": [torch.nn.Parameter(torch.ones(1))], "lr": 0.05})
    out = []
    for _ in range(4):
        o.step()
        try:
            s.step(2.0) if metric else s.step()
            out.append([round(x, 5) for x in s.get_last_lr()])
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
            break
    print(type(s).__name__, out, [g.get("initial_lr") for g in o.param_groups])
go(lambda o: L.StepLR(o, 1, 0.5))
go(lambda o: L.LambdaLR(o, lambda e: 0.5 ** e))
go(lambda o: L.MultiplicativeLR(o, lambda e: 0.5))
go(lambda o: L.CosineAnnealingLR(o, 4))
go(lambda o: L.OneCycleLR(o, 0.5, total_steps=10))
go(lambda o: L.CyclicLR(o, 0.01, 0.1, 2))
go(lambda o: L.ReduceLROnPlateau(o, patience=0), metric=True)
go(lambda o: L.ReduceLROnPlateau(o, patience=0, min_lr=[0.001]), metric=True)
go(lambda o: L.CosineAnnealingWarmRestarts(o, 2))
go(lambda o: L.SequentialLR(o, [L.ConstantLR(o, 0.5, 2), L.ExponentialLR(o, 0.9)], [2]))
go(lambda o: torch.optim.swa_utils.SWALR(o, swa_lr=0.05, anneal_epochs=2))''',
        '''o = torch.optim.SGD([torch.nn.Parameter(torch.ones(1))], lr=0.1)
s = L.ChainedScheduler([L.ConstantLR(o, 0.5, 2), L.ExponentialLR(o, 0.9)])
sd = s.state_dict()
sd["_schedulers"].append(sd["_schedulers"][0])
try:
    s.load_state_dict(sd)
except IndexError as e:
    print("IndexError:", e)
lam = L.LambdaLR(o, lambda e: 1.0)
try:
    lam.load_state_dict({"lr_lambdas": [None, {"a": 1}], "last_epoch": 3})
except IndexError as e:
    print("IndexError:", e, lam.last_epoch)''',
    ],
    "asgd_foreach_takes_its_own_order": [
        BITS + '''def run(**kw):
    torch.manual_seed(0)
    ps = [torch.nn.Parameter(torch.randn(7, 5)), torch.nn.Parameter(torch.randn(3))]
    opt = torch.optim.ASGD(ps, **kw)
    for i in range(30):
        for p in ps:
            p.grad = torch.sin(p.detach() * (i + 1)) + 0.1 * p.detach()
        opt.step()
    st = [opt.state[p] for p in ps]
    return bits(torch.cat([p.detach().view(-1) for p in ps] + [s["ax"].view(-1) for s in st]
                          + [s["eta"].view(-1) for s in st] + [s["mu"].view(-1) for s in st]))
for kw in (dict(), dict(lr=0.05, t0=5, alpha=0.6, lambd=1e-3), dict(lr=0.05, t0=3, weight_decay=0.1),
           dict(lr=0.05, t0=3, weight_decay=0.1, maximize=True)):
    a, b = run(foreach=True, **kw), run(foreach=False, **kw)
    print(kw, sum(x != y for x, y in zip(a, b)), a[::7])''',
    ],
    "a_loaded_group_gets_the_loading_optimizers_defaults": [
        '''w = torch.nn.Parameter(torch.ones(2))
names = ["SGD", "Adam", "AdamW", "RMSprop", "NAdam", "RAdam", "Adamax"]
sds = {}
for n in names:
    o = getattr(torch.optim, n)([w], lr=0.01)
    sds[n] = o.state_dict()
for a in names:
    for b in names:
        o = getattr(torch.optim, b)([w], lr=0.01)
        o.load_state_dict(sds[a])
        print(a, b, list(o.param_groups[0].items())[-4:])''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe34_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
