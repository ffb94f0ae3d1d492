"""What the sixty-seventh probe (loading and saving modules as PyTorch's recipes teach them: torch.save / torch.load
with weights_only and mmap, load_state_dict with assign, Module.to_empty, skip_init, state-dict hooks, pickled
modules and optimizers, resuming optimizers and schedulers) found, each checked against PyTorch:
Module.to_empty(device=..., recurse=...) was missing (a parameter keeps its object and requires_grad and gets new
memory, a buffer is replaced); torch.load(mmap=True) accepted a file object (PyTorch's ValueError: mmap needs a
path) and a file saved with _use_new_zipfile_serialization=False or an empty buffer (PyTorch's RuntimeError naming
the path); Module.__setstate__ was missing (unpickling a module from an older PyTorch fills in the hook dicts and
the non-persistent buffer set it lacks, so such a module's state_dict works) and pickle.dump of a model loaded its
Parameters as plain Tensors; skip_init of something that is not a class is issubclass's TypeError; pickling an
optimizer (torch.save(optimizer), copy.deepcopy) keeps only its defaults, state and groups, as
Optimizer.__getstate__ does, so an optimizer whose step a scheduler wrapped pickles and its hooks are not copied; a
tensor saved twice in one file (an optimizer's state keys and its groups' params) loads as one tensor, as PyTorch's
pickle memo gives (it loaded as two, and the state_dict of a loaded optimizer was a KeyError)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "module_to_empty": [
        ATTEMPT + '''import torch.nn as nn
torch.manual_seed(0)
m = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2))
m[0].bias.requires_grad_(False)
m(torch.randn(4, 3)).sum().backward()
w, g, rm = m[0].weight, m[0].weight.grad, m[1].running_mean
ptr = w.data_ptr()
out = m.to_empty(device="cpu")
print(out is m, m[0].weight is w, m[0].weight.grad is g, m[1].running_mean is rm)
print(w.data_ptr() != ptr, w.shape, w.grad.shape, w.requires_grad, m[0].bias.requires_grad)
print(type(m[0].weight).__name__, m[1].running_mean.dtype, m[1].num_batches_tracked.dtype)
inner = nn.Sequential(nn.Linear(2, 2))
outer = nn.Module()
outer.register_parameter("p", nn.Parameter(torch.ones(2)))
outer.inner = inner
before = inner[0].weight.data_ptr()
outer.to_empty(device=torch.device("cpu"), recurse=False)
print(inner[0].weight.data_ptr() == before)
print(outer.load_state_dict({"p": torch.zeros(2), "inner.0.weight": torch.eye(2), "inner.0.bias": torch.ones(2)}))
print(outer.p, inner[0].weight)
attempt(lambda: m.to_empty())
attempt(lambda: m.to_empty("cpu"))
print(nn.Module.to_empty)
''',
    ],
    "load_mmap_needs_a_zip_file_path": [
        ATTEMPT + '''import io, os, tempfile
sd = {"w": torch.arange(3.)}
tmp = tempfile.mkdtemp()
new, old = os.path.join(tmp, "new.pt"), os.path.join(tmp, "old.pt")
torch.save(sd, new)
torch.save(sd, old, _use_new_zipfile_serialization=False)
print(torch.load(new, mmap=True, weights_only=True), torch.load(old, weights_only=True))
try:
    torch.load(old, mmap=True)
except RuntimeError as e:
    print(str(e).replace(tmp, "TMP"))
import pathlib
attempt(lambda: torch.load(pathlib.Path(old), mmap=True))
buf = io.BytesIO()
torch.save(sd, buf)
attempt(lambda: torch.load(buf, mmap=True))
buf.seek(0)
attempt(lambda: torch.load(buf, mmap=True))
buf.seek(0)
print(torch.load(buf, mmap=False))
with open(new, "rb") as f:
    attempt(lambda: torch.load(f, mmap=True))
''',
    ],
    "module_setstate_of_old_pickles": [
        ATTEMPT + '''import copy, pickle, torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)
        self.register_buffer("tmp", torch.zeros(1), persistent=False)
net = Net()
state = {k: v for k, v in net.__dict__.items()
         if k not in ("_non_persistent_buffers_set", "_state_dict_hooks", "_load_state_dict_post_hooks",
                      "_backward_pre_hooks", "_is_full_backward_hook", "_forward_hooks_always_called")}
old = Net.__new__(Net)
old.__setstate__(state)
print(sorted(old.state_dict()), old._non_persistent_buffers_set, old._is_full_backward_hook)
print(old._state_dict_hooks, old._load_state_dict_post_hooks, old._backward_pre_hooks)
print(old.load_state_dict(net.state_dict(), strict=False))
print(old(torch.ones(1, 2)).shape)
print(nn.Module.__setstate__.__qualname__, "__setstate__" in nn.Linear.__dict__)
seq = nn.Sequential(nn.Linear(2, 1))
seq.register_buffer("tmp", torch.zeros(1), persistent=False)
seq[0].bias.requires_grad_(False)
twin = pickle.loads(pickle.dumps(seq))
print(twin, twin._non_persistent_buffers_set, list(twin.state_dict()), twin._forward_hooks)
print([(type(p).__name__, p.requires_grad) for p in twin.parameters()])
print(copy.deepcopy(net)._non_persistent_buffers_set)
p = pickle.loads(pickle.dumps(nn.Parameter(torch.ones(2, dtype=torch.float64), requires_grad=False)))
print(p, type(p).__name__)
''',
    ],
    "saved_twice_loads_once": [
        ATTEMPT + '''import io
t = torch.nn.Parameter(torch.ones(2))
u = torch.arange(4.)
buf = io.BytesIO()
torch.save({"a": [t, u], "b": t, "c": u, "v": u[1:], "w": u.view(2, 2)}, buf)
buf.seek(0)
x = torch.load(buf, weights_only=True)
print(x["a"][0] is x["b"], x["a"][1] is x["c"], type(x["b"]).__name__, x["v"], x["w"])
x["c"][1] = 7.
print(x["v"], x["w"], x["a"][1])
''',
    ],
    "skip_init_arguments": [
        ATTEMPT + '''import torch.nn as nn
attempt(lambda: nn.utils.skip_init(torch.randn, 3))
attempt(lambda: nn.utils.skip_init(nn.Linear(2, 2)))
attempt(lambda: nn.utils.skip_init("Linear", 2, 2))
attempt(lambda: nn.utils.skip_init(int))
attempt(lambda: nn.utils.skip_init(nn.Tanh))
attempt(lambda: nn.utils.skip_init(nn.Linear, 2, 3).weight.shape)
''',
    ],
    "pickled_optimizers": [
        ATTEMPT + '''import copy, io, pickle, torch.nn as nn
torch.manual_seed(0)
model = nn.Linear(2, 1)
opt = torch.optim.Adam(model.parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.StepLR(opt, 1, gamma=0.5)
opt.register_step_post_hook(lambda o, a, k: print("post hook"))
model(torch.ones(3, 2)).sum().backward()
opt.step()
sched.step()
print(sorted(opt.__getstate__()))
twin = copy.deepcopy(opt)
print(type(twin).__name__, twin.param_groups[0]["lr"], twin.state_dict()["state"][0]["step"], twin._optimizer_step_post_hooks)
twin.step()
buf = io.BytesIO()
torch.save(opt, buf)
buf.seek(0)
back = torch.load(buf, weights_only=False)
print(back.defaults["differentiable"], back.param_groups[0]["initial_lr"], sorted(back.state_dict()["state"][0]))
print(back.param_groups[0]["params"][0] is model.weight)
back.step()
p = pickle.loads(pickle.dumps(torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)))
print(p)
state = {"defaults": {"lr": 0.1}, "state": {}, "param_groups": [{"params": [], "lr": 0.1}]}
o = torch.optim.Adam.__new__(torch.optim.Adam)
o.__setstate__(state)
print(o.defaults, o.param_groups[0])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe67_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe67/{name}", warns="per_cell")
