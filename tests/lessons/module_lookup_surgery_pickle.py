# Imitates the nn.Module documentation's get_submodule / get_parameter / get_buffer / set_submodule examples and
# "model surgery" forum threads: swapping a layer by its dotted name, register_module and add_module with bad
# names, non-persistent buffers through state_dict and a pickled module, copy.deepcopy and pickle of a model (the
# __getstate__/__setstate__ pair an old checkpoint goes through), and nn.utils.skip_init.
import copy
import io
import pickle
import torch
import torch.nn as nn

# %%
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.net_b = nn.Module()
        self.net_b.net_c = nn.Module()
        self.net_b.net_c.conv = nn.Conv2d(16, 33, kernel_size=3, stride=2)
        self.net_b.linear = nn.Linear(100, 200)
        self.register_buffer("mean", torch.zeros(3), persistent=False)
        self.register_buffer("steps", torch.tensor(0))

torch.manual_seed(0)
A = Net()
print(A)
print(A.get_submodule("net_b.net_c.conv"))
print(A.get_parameter("net_b.linear.bias").shape, A.get_buffer("steps"))
print(A.get_submodule("") is A)

# %%
for target in ["net_b.net_d", "net_b.linear.weight", "net_b.net_c.conv.weigth"]:
    try:
        A.get_submodule(target)
    except AttributeError as e:
        print("AttributeError", e)
for target in ["net_b.linear.weigth", "net_b.linear", "mean.x", "steps"]:
    try:
        print(A.get_parameter(target))
    except AttributeError as e:
        print("AttributeError", e)
try:
    A.get_buffer("net_b.linear.weight")
except AttributeError as e:
    print("AttributeError", e)

# %%
A.set_submodule("net_b.linear", nn.Linear(100, 10))
print(A.net_b.linear)
A.set_submodule("net_b.extra", nn.ReLU())
print([n for n, _ in A.named_modules()])
for args in [("net_b.nothere.x", nn.ReLU()), ("net_b.linear", "not a module"), ("net_b.new", nn.ReLU(), True),
             ("", nn.ReLU())]:
    try:
        A.set_submodule(*args)
        print("ok", args[0])
    except Exception as e:
        print(type(e).__name__, e)

# %%
m = nn.Module()
m.register_module("enc", nn.Linear(2, 2))
m.add_module("dec", nn.Linear(2, 2))
print(m)
for name, mod in [("a.b", nn.ReLU()), ("", nn.ReLU()), (3, nn.ReLU()), ("x", 3)]:
    try:
        m.register_module(name, mod)
    except Exception as e:
        print(type(e).__name__, e)
m.register_module("gone", None)
print(list(m._modules), [n for n, _ in m.named_children()])

# %%
print(list(A.state_dict()))
print([n for n, _ in A.named_buffers()])
A.mean += 1
A.steps += 5
B = copy.deepcopy(A)
print(B.mean, B.steps, B.mean is A.mean)
print(B.load_state_dict(A.state_dict()), "mean" in B.state_dict(), B._non_persistent_buffers_set)

# %%
# pickled (a model of torch's own classes: a class defined in a notebook cell pickles by its name)
seq = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2))
seq.register_buffer("mean", torch.ones(3), persistent=False)
buf = io.BytesIO()
pickle.dump(seq, buf)
buf.seek(0)
C = pickle.load(buf)
print(type(C).__name__, C.mean, C[1].num_batches_tracked, C._non_persistent_buffers_set)
print(C.state_dict().keys() == seq.state_dict().keys(), list(C.state_dict())[:3])
print(torch.equal(C[0].weight, seq[0].weight), C[0].weight.requires_grad, type(C[0].weight).__name__)
print(sorted(k for k in A.__getstate__() if k.startswith("_non")))

# %%
state = A.__getstate__()
state = {k: v for k, v in state.items() if k != "_non_persistent_buffers_set"}
old = Net.__new__(Net)
old.__setstate__(state)
print(old._non_persistent_buffers_set, sorted(old.state_dict())[:3])
print(hasattr(old, "_forward_pre_hooks"), hasattr(old, "_state_dict_pre_hooks"))

# %%
layer = nn.utils.skip_init(nn.Linear, 3, 2, bias=False)
print(layer, layer.weight.shape, layer.bias)
emb = nn.utils.skip_init(nn.Embedding, 4, 2, padding_idx=0)
print(emb, emb.weight.requires_grad)
try:
    nn.utils.skip_init(nn.ReLU)
except RuntimeError as e:
    print(e)
try:
    nn.utils.skip_init(torch.randn, 3)
except RuntimeError as e:
    print(e)
